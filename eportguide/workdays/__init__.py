"""Working days: the law's holidays, the State Council's principles, and its yearly notices.

What lives here:

- ``estimate``: a year without an official arrangement, in two layers: the law
  (《全国年节及纪念日放假办法》 Article 2's days off and Article 6's make-up days off,
  补假) and, on top, the State Council's published principles for arranging them
  (国办发明电〔2024〕12号). Pure: no files, no printing.
- ``notice``: reads the text of a State Council holiday notice as published into its
  days off and make-up working days, refusing what it cannot read. Pure.
- ``user_file``: the calendar files ``eportguide calendar import`` writes (in the user's
  data directory, or a pack's ``_calendar.yaml``) and reads back. The one module here
  that touches files, which the pure modules never import.
- ``dates``: counting working days from the sources in order (an imported notice, the
  pack's ``_calendar.yaml``, chinese-calendar's official arrangements, the estimate);
  ``law_dates``: the generated table of the law's lunar and solar-term holidays
  (``tools/generate_law_dates.py``).

May import: ``i18n``, ``errors``, ``model``.
"""
