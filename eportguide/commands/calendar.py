"""``eportguide calendar [YEAR]``: a year's days off and make-up working days, and what they rest on;
``eportguide calendar import FILE|-``: a State Council notice, as published, into a calendar file.

A help desk checks a year each December; when the notice for the next year is out, one
``calendar import`` turns the year from the estimate to official, with no new release
of anything and no file inside the installed package to edit. ``import`` is read as
the first argument here, in this one place: ``calendar 2027`` works as it always did.
"""

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from eportguide import environment
from eportguide.click_words import command_usage_error
from eportguide.errors import UsageError
from eportguide.i18n import wording as w
from eportguide.model.files import CALENDAR_FILE
from eportguide.packs import active
from eportguide.run.execution import FIRST_YEAR, LAST_YEAR

IMPORT = "import"


class CalendarFormat(StrEnum):
    text = "text"
    json = "json"


def calendar_command(
    ctx: typer.Context,
    year: Annotated[str | None, typer.Argument(metavar="[YEAR | import]", help=w.ARG_YEAR, show_default=False)] = None,
    file: Annotated[str | None, typer.Argument(metavar="[FILE]", help=w.ARG_CALENDAR_FILE, show_default=False)] = None,
    format: Annotated[CalendarFormat, typer.Option("--format", "-f", help=w.OPT_FORMAT)] = CalendarFormat.text,
    yes: Annotated[bool, typer.Option("--yes", "-y", help=w.OPT_YES)] = False,
    to: Annotated[Path | None, typer.Option("--to", metavar="FILE", help=w.OPT_TO, show_default=False)] = None,
) -> None:
    if year == IMPORT:
        if file is None:
            raise command_usage_error(w.CALENDAR_IMPORT_NEEDS_FILE, ctx)
        import_notice(file, yes, to, environment.of(ctx).person_at_terminal)
        return
    for option, given in (("--yes", yes), ("--to", to is not None)):
        if given:
            raise command_usage_error(w.CALENDAR_IMPORT_ONLY.format(option=option), ctx)
    show_year(ctx, _year(ctx, year, file), format)


def _year(ctx: typer.Context, text: str | None, extra: str | None) -> int:
    """The year asked for (this year when none); a usage error (with the usage) for anything else."""
    if text is None:
        return date.today().year
    if extra is not None or not (text.isascii() and text.isdigit()):
        from eportguide.engine.answers import shown

        raise command_usage_error(w.CALENDAR_NOT_IMPORT.format(value=shown(text if extra is None else f"{text} {extra}")), ctx)
    year = int(text)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UsageError(w.YEAR_OUT_OF_RANGE.format(value=year, first=FIRST_YEAR, last=LAST_YEAR))
    return year


def show_year(ctx: typer.Context, year: int, format: CalendarFormat) -> None:
    from eportguide.render import calendar_year
    from eportguide.workdays import dates, user_file

    directory = environment.of(ctx).flows
    counted = dates.calendar_year(year, active.load(directory).calendar, user_file.load())
    draw = calendar_year.to_json if format is CalendarFormat.json else calendar_year.to_text
    typer.echo(draw(counted, directory / CALENDAR_FILE), nl=False)


def import_notice(file: str, yes: bool, to: Path | None, person: bool) -> None:
    """Read the notice, show what was read, and save it once confirmed (or with ``--yes``)."""
    from eportguide.engine.answers import shown
    from eportguide.render.outline import day_text
    from eportguide.workdays import notice as notices
    from eportguide.workdays import user_file

    source = Path(file)
    where = w.STANDARD_INPUT if file == user_file.STDIN else str(source)
    text = user_file.text_of(source, w.CALENDAR_NOTICE_UNREADABLE)
    try:
        read = notices.parse(text)
    except notices.NoticeError as refused:
        lines = [w.CALENDAR_IMPORT_REFUSED.format(path=where)]
        lines += [
            w.CALENDAR_IMPORT_PROBLEM.format(line=p.line, problem=shown(p.problem, 200), text=shown(p.text, 200)) for p in refused.problems
        ]
        raise UsageError("\n".join(lines)) from None

    def days(listed: tuple[date, ...]) -> str:
        first, last = listed[0], listed[-1]
        if len(listed) > 1 and (last - first).days == len(listed) - 1:
            return w.DAY_SPAN.format(first=day_text(first), last=day_text(last))
        return w.LIST_SEPARATOR.join(map(day_text, listed))

    lines = [w.CALENDAR_IMPORT_READ.format(path=where, year=read.year)]
    for item in read.items:
        name = shown(item.name, 60)
        if item.workdays:
            lines.append(w.CALENDAR_IMPORT_ITEM_WORK.format(name=name, days=days(item.days_off), workdays=days(item.workdays)))
        else:
            lines.append(w.CALENDAR_IMPORT_ITEM.format(name=name, days=days(item.days_off)))
    lines += [w.CALENDAR_IMPORT_ADVICE.format(text=shown(sentence, 200)) for _, sentence in read.advice]
    weekdays = sum(1 for day in read.days_off if day.weekday() < 5)
    lines.append(w.CALENDAR_IMPORT_TOTAL.format(off=len(read.days_off), weekdays=weekdays, makeup=len(read.workdays)))
    typer.echo("\n".join(lines))

    target = to if to is not None else user_file.year_file(read.year)
    content = user_file.pack_file_text(read, target, where) if to is not None else user_file.render(read, where)
    if not yes:
        if not person:
            raise UsageError(w.CALENDAR_IMPORT_CANNOT_ASK, w.CALENDAR_IMPORT_CANNOT_ASK_HINT)
        from eportguide.prompting.interactive import InteractivePrompter

        asked = (w.CALENDAR_IMPORT_REPLACES if target.exists() else w.CALENDAR_IMPORT_CONFIRM).format(path=target, year=read.year)
        if not InteractivePrompter().confirm(asked):
            typer.echo(w.CALENDAR_IMPORT_NOT_SAVED)
            return
    user_file.write(target, content)
    typer.echo(w.CALENDAR_IMPORT_SAVED.format(path=target, year=read.year))
