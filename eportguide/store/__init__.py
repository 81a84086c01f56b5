"""The user's own files: the runs the program saves, and the files it attaches.

``sessions`` keeps each interactive run's answer log under ``<home>/sessions/`` so that a
cut-off call can resume; ``attachments`` reads the files a clerk puts into the e-mail
draft, checked before they are used.

May import: ``i18n``, ``errors``, ``model``.
"""
