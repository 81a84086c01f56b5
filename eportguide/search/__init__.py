"""Finding the procedure from a caller's own words (``eportguide search``, the triage menu).

``matching`` ranks a pack's procedures with synonyms, character bigrams and BM25. Pure:
no printing, prompting or file access.

May import: ``i18n``, ``errors``, ``model``.
"""
