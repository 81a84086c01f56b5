"""One module per CLI command; ``eportguide.cli`` registers them.

May import: every layer below (``run``, ``prompting``, ``render``, ``packs``, …) and the
shared ``options`` and ``click_words``; never another command.
"""
