"""The flows pack a command works on: which one, loaded once, kept in a cache.

``active`` finds the pack directory (``--flows``, ``$EPORTGUIDE_FLOWS``, the shipped one),
loads it once per process in the language spoken and builds its search index; ``cache``
keeps a loaded pack as plain data in the user's cache directory while its files are
unchanged, so that a warm command reads no YAML.

May import: ``i18n``, ``errors``, ``model``, ``search``, and the package's version.
"""
