"""``eportguide calendar [YEAR]``: a year's days off and make-up working days, and their source.

A help desk checks it each December; a pack maintainer who adds the State Council's
notice to ``_calendar.yaml`` sees the year turn from the law-based estimate to official.
"""

from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from eportguide import environment
from eportguide.errors import UsageError
from eportguide.i18n import wording as w
from eportguide.model.files import CALENDAR_FILE
from eportguide.packs import active
from eportguide.run.execution import FIRST_YEAR, LAST_YEAR


class CalendarFormat(StrEnum):
    text = "text"
    json = "json"


def calendar_command(
    ctx: typer.Context,
    year: Annotated[int | None, typer.Argument(metavar="[YEAR]", help=w.ARG_YEAR, show_default=False)] = None,
    format: Annotated[CalendarFormat, typer.Option("--format", "-f", help=w.OPT_FORMAT)] = CalendarFormat.text,
) -> None:
    from eportguide.render import calendar_year
    from eportguide.workdays import dates

    year = date.today().year if year is None else year
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UsageError(w.YEAR_OUT_OF_RANGE.format(value=year, first=FIRST_YEAR, last=LAST_YEAR))
    directory = environment.of(ctx).flows
    counted = dates.calendar_year(year, active.load(directory).calendar)
    draw = calendar_year.to_json if format is CalendarFormat.json else calendar_year.to_text
    typer.echo(draw(counted, directory / CALENDAR_FILE), nl=False)
