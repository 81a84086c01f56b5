"""The terminal the program writes to: rich consoles and guarded standard streams.

``console`` makes the rich consoles for output and errors; ``streams`` makes stdout and
stderr survive a console's encoding (GBK, ASCII) and a full disk.

May import: ``i18n``, ``errors``.
"""
