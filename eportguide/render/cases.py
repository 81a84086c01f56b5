"""Open procedures on the terminal: the list (``eportguide cases``) and one case with
its steps ticked or not (``eportguide cases TAG``), as blocks folded to the terminal.

Every text of a case file is shown with its control and direction characters made
visible: the file is the user's own, but nothing from outside reaches the terminal raw.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from eportguide.i18n import wording as w
from eportguide.render.columns import NARROWEST_FOLD, fold, terminal_width

if TYPE_CHECKING:
    from eportguide.store.cases import Case, Dates

INDENT = "  "


def clean(text: str) -> str:
    """``text`` with every character that is not printable (escapes, bidi marks) as ``?``."""
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def day(value: date) -> str:
    return w.DAY.format(date=value.isoformat(), weekday=w.WEEKDAYS[value.weekday()])


def window(dates: Dates) -> str:
    """The expected window in the checklist's words: 预计 (or 估算) earliest to latest."""
    label = w.ICS_ESTIMATED if dates.estimated else w.ICS_EXPECTED
    return w.CASE_WINDOW.format(label=label, earliest=day(dates.earliest), latest=day(dates.latest), what=clean(dates.what))


def overdue_lines(case: Case) -> list[str]:
    """What an overdue case says: that the latest day has passed, then whom to call."""
    assert case.dates is not None
    said = [w.CASE_OVERDUE.format(latest=day(case.dates.latest))]
    said += [w.CASE_OVERDUE_CALL.format(label=clean(p.label), number=clean(p.value)) for p in case.phones]
    return said


def _when(stamp: str) -> str:
    try:
        return f"{datetime.fromisoformat(stamp):%Y-%m-%d %H:%M}"
    except ValueError:
        return clean(stamp)


def _write(text: str, indent: str = "") -> None:
    available = terminal_width()
    if available is None:
        sys.stdout.write(indent + text + "\n")
        return
    for line in fold(text, max(available - len(indent), NARROWEST_FOLD)):
        sys.stdout.write(indent + line + "\n")


def _heading(case: Case) -> str:
    who = w.CASE_FOR.format(enterprise=clean(case.enterprise)) if case.enterprise else ""
    return w.CASE_HEADING.format(tag=case.tag, outcome=clean(case.outcome_title), who=who)


def listing(found: list[Case], today: date, where: object) -> None:
    """Each case as a block: tag and outcome, the next step, the dates, overdue or not."""
    _write(w.CASES_TITLE.format(count=len(found)))
    for case in found:
        sys.stdout.write("\n")
        _write(_heading(case))
        if case.closed:
            _write(w.CASE_CLOSED_ON.format(when=_when(case.closed)), INDENT)
        else:
            following = case.next_step
            if following is None:
                _write(w.CASE_ALL_TICKED, INDENT)
            else:
                number, step = following
                _write(w.CASE_NEXT.format(number=number, total=len(case.steps), text=clean(step.text)), INDENT)
        if case.dates is not None:
            _write(window(case.dates), INDENT)
        if case.overdue(today):
            for line in overdue_lines(case):
                _write(line, INDENT)
    sys.stdout.write("\n")
    _write(w.CASES_HINT)
    _write(w.CASES_WHERE.format(path=where))


def one(case: Case, today: date) -> None:
    """One case whole: what, for whom, the dates, the draft, each step ticked or not."""
    _write(_heading(case))
    _write(w.CASE_PROCEDURE.format(procedure=clean(case.flow_title), id=case.id), INDENT)
    if case.dates is not None:
        _write(window(case.dates) + (w.CASE_COUNTED_FROM_SENT if case.sent else ""), INDENT)
    if case.tracking_number:
        _write(w.CASE_TRACKING.format(number=clean(case.tracking_number)), INDENT)
    if case.draft:
        files = w.LIST_SEPARATOR.join(clean(a) for a in case.attachments) or w.CASE_NO_FILES
        _write(w.CASE_DRAFT.format(path=clean(case.draft), files=files), INDENT)
    sys.stdout.write("\n")
    for number, step in enumerate(case.steps, 1):
        mark = w.CASE_TICKED if step.done else w.CASE_UNTICKED
        done = w.CASE_TICKED_ON.format(when=_when(step.done)) if step.done else ""
        _write(f"{mark} {number}. {clean(step.text)}{done}", INDENT)
    sys.stdout.write("\n")
    if case.closed:
        _write(w.CASE_CLOSED_ON.format(when=_when(case.closed)))
    elif case.overdue(today):
        for line in overdue_lines(case):
            _write(line)
    if not case.closed:
        _write(w.CASE_ACTIONS.format(tag=case.tag))


def as_json(case: Case, today: date) -> dict[str, Any]:
    """A case as ``--format json`` lists it: its record, with whether it is overdue today."""
    row = {k: v for k, v in case.as_json().items() if k != "format"}
    row["tag"] = case.tag
    row["overdue"] = case.overdue(today)
    following = case.next_step
    row["next_step"] = None if following is None else following[0]
    return row
