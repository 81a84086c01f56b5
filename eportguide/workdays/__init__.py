"""China's working days: holidays and make-up working days (调休), and completion dates.

``dates`` counts working days from three sources (the pack's ``_calendar.yaml``,
chinese-calendar's official arrangements, the law's fixed holidays); ``law_dates`` is the
generated table of the law's lunar and solar-term holidays (``tools/generate_law_dates.py``).
Pure: no printing, prompting or file access.

May import: ``i18n``, ``errors``, ``model``.
"""
