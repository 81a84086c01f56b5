"""The program's own words and the language it speaks: the bottom layer.

``wording`` writes every user-visible sentence once, in Chinese; ``language`` says which
language is spoken (``--lang``, ``$EPORTGUIDE_LANG``, a resumed session's); ``catalogue``
reads the gettext catalogues in ``locale/`` that turn a text into that language.
Flow content (steps, facts) is not here: it is the pack's, in ``flows/``.

May import: the standard library only (no other part of the program).
"""
