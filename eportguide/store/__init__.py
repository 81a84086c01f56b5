"""What eportguide keeps for a user between runs, under the user data directory
(``$EPORTGUIDE_HOME`` in tests), and the files it attaches.

- ``sessions``: each interactive run's answer log under ``<home>/sessions/``, so that a
  cut-off call can resume;
- ``cases``: the open procedures after a checklist (``eportguide cases``);
- ``profile``: the enterprise's own details, remembered only when the clerk agrees;
- ``records``: one UTF-8 JSON file written atomically and readable by its owner only;
- ``attachments``: the files a clerk puts into the e-mail draft, checked before use.

May import: ``i18n``, ``errors``, ``model`` (never the engine, renderers or commands;
type-only imports excepted).
"""
