"""What eportguide keeps for a user between runs, under the user data directory
(``$EPORTGUIDE_HOME`` in tests): the open procedures after a checklist (``cases``) and the
enterprise's own details, remembered only when the clerk agrees (``profile``).

Each record is one UTF-8 JSON file written atomically and readable by its owner only
(``records``). Front-end layer: these modules may import the wording, the errors and
the sessions' home directory, never the engine, the renderers or the commands.
"""
