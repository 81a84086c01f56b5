"""The flow model: typed, immutable definitions and the loader that builds them.

The loader reads a pack's YAML (safely: nothing in it is evaluated), checks it and
builds the definitions; ``translations`` applies a pack's translation.

May import: ``i18n``, ``errors``.
"""
