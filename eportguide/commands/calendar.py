"""``eportguide calendar [YEAR]``: a year's days off and make-up working days, and their source.

A help desk checks it each December; a pack maintainer who adds the State Council's
notice to ``_calendar.yaml`` sees the year turn from the law-based estimate to official.
"""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from eportguide import wording as w
from eportguide.errors import UsageError

if TYPE_CHECKING:  # the calendar and the pack load only when the command runs
    from eportguide.engine.dates import Day, Holiday, WorkingDays


class CalendarFormat(StrEnum):
    text = "text"
    json = "json"


def calendar_command(
    ctx: typer.Context,
    year: Annotated[int | None, typer.Argument(metavar="[YEAR]", help=w.ARG_YEAR, show_default=False)] = None,
    format: Annotated[CalendarFormat, typer.Option("--format", "-f", help=w.OPT_FORMAT)] = CalendarFormat.text,
) -> None:
    from eportguide import packs
    from eportguide.engine.dates import WorkingDays
    from eportguide.execution import FIRST_YEAR, LAST_YEAR
    from eportguide.model.files import CALENDAR_FILE

    year = date.today().year if year is None else year
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UsageError(w.YEAR_OUT_OF_RANGE.format(value=year, first=FIRST_YEAR, last=LAST_YEAR))
    directory = packs.pack_dir(ctx.find_root().params.get("flows"))
    calendar = WorkingDays(packs.load(directory).calendar)
    listing = YearListing(year, calendar, directory / CALENDAR_FILE)
    typer.echo(listing.json() if format is CalendarFormat.json else listing.text(), nl=False)


class YearListing:
    """One year as counted: its source, the law's holidays used, the days that differ from the week."""

    def __init__(self, year: int, calendar: WorkingDays, calendar_file: Path) -> None:
        from eportguide.engine.dates import ESTIMATES, Source, law_holidays

        self.year = year
        self.source = calendar.source(year)
        self.basis = calendar.basis(year)
        self.estimated = self.source in ESTIMATES
        self.calendar_file = calendar_file
        self.law_holidays: tuple[Holiday, ...] = (law_holidays(year) or ()) if self.basis is Source.LAW else ()
        days = calendar.year(year)
        self.weekdays_off = [day for day in days if day.weekday_off]
        self.makeup_workdays = [day for day in days if day.makeup]

    @property
    def library_version(self) -> str:
        import chinese_calendar

        return str(chinese_calendar.__version__)

    def json(self) -> str:
        def listed(days: list[Day]) -> list[dict[str, Any]]:
            return [{"date": day.date.isoformat(), "holiday": day.holiday, "source": day.source.value} for day in days]

        data = {
            "year": self.year,
            "source": self.source.value,
            "basis": self.basis.value,
            "estimated": self.estimated,
            "makeup_known": not self.estimated,
            "library_version": self.library_version,
            "calendar_file": str(self.calendar_file),
            "law_holidays": [{"name": h.name, "dates": [day.isoformat() for day in h.days]} for h in self.law_holidays],
            "weekdays_off": listed(self.weekdays_off),
            "makeup_workdays": listed(self.makeup_workdays),
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def text(self) -> str:
        from eportguide.engine.dates import Source
        from eportguide.render.outline import holiday_text

        lines = [w.CALENDAR_TITLE.format(year=self.year), w.CALENDAR_SOURCE + self._source_text()]
        if self.law_holidays:
            lines.append(w.CALENDAR_LAW_COUNTED.format(holidays="、".join(map(holiday_text, self.law_holidays))))
        if self.source is Source.LAW:
            lines += [w.CALENDAR_LAW_UNKNOWN, w.CALENDAR_UPDATE.format(path=self.calendar_file)]
        lines += ["", w.CALENDAR_DAYS_OFF.format(count=len(self.weekdays_off)), *self._day_lines(self.weekdays_off)]
        if self.source is Source.LAW:
            lines.append(w.CALENDAR_MAKEUP_UNKNOWN)
        elif self.source is Source.WEEK:
            lines.append(w.CALENDAR_MAKEUP_NO_DATA)
        else:
            lines += [w.CALENDAR_MAKEUP.format(count=len(self.makeup_workdays)), *self._day_lines(self.makeup_workdays)]
        return "\n".join(lines) + "\n"

    def _source_text(self) -> str:
        from eportguide.engine.dates import Source

        version = self.library_version
        match self.source:
            case Source.LIBRARY:
                return w.CALENDAR_FROM_LIBRARY.format(version=version)
            case Source.LAW:
                return w.CALENDAR_FROM_LAW.format(year=self.year, version=version)
            case Source.WEEK:
                return w.CALENDAR_FROM_WEEK.format(year=self.year)
            case Source.PACK:
                rest = {
                    Source.LIBRARY: w.CALENDAR_PACK_REST_LIBRARY.format(version=version),
                    Source.LAW: w.CALENDAR_PACK_REST_LAW,
                    Source.WEEK: w.CALENDAR_PACK_REST_WEEK,
                    Source.PACK: "",  # a basis is never the pack itself
                }
                return w.CALENDAR_FROM_PACK.format(path=self.calendar_file) + rest[self.basis]

    def _day_lines(self, days: list[Day]) -> list[str]:
        from eportguide.engine.dates import Source
        from eportguide.render.outline import day_text

        if not days:
            return [w.CALENDAR_NONE]
        marked = self.source is Source.PACK  # which days the maintainer's file decided
        return [
            w.CALENDAR_DAY.format(
                day=day_text(day.date), holiday=(day.holiday or "") + (w.CALENDAR_FROM_FILE if marked and day.source is Source.PACK else "")
            ).rstrip()
            for day in days
        ]
