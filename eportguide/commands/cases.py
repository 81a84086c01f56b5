"""``eportguide cases [TAG]``: the procedures a checklist left open, followed to the end.

Without a tag, the open cases (``--all``: the closed ones too), each with its next step,
its expected dates and, once the latest expected working day has passed, that it is
overdue and whom to call. With a tag: that case, its steps ticked or not; ``--done N``
ticks a step, ``--tracking-number`` adds the courier's number and writes the e-mail
draft again with it, ``--ics`` writes a calendar reminder, ``--close`` closes it.
``--clear`` removes closed cases (open ones only with ``--all`` or when the user at a
terminal says so), as ``sessions --clear`` does.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from eportguide import environment
from eportguide.errors import UsageError, os_reason
from eportguide.i18n import wording as w
from eportguide.options import email_draft_option, today_option

if TYPE_CHECKING:  # loaded when the command runs, not for --help
    from datetime import date

    from eportguide.engine.result import Result
    from eportguide.model import definitions as d
    from eportguide.store.attachments import Attachment
    from eportguide.store.cases import Case, Store

#: The tracking number's field in the packs' e-mails (its validator has the same name).
TRACKING_FIELD = "tracking_number"
#: Largest earlier draft read back for its attachments (a draft over 10 MB is warned about).
MAX_DRAFT_BYTES = 64 * 1024 * 1024
#: ``--done`` without a number: choose the step from a list (at a terminal).
CHOOSE = 0
#: Options whose value may be left out, and the value they then take (``cli.built_in``).
VALUE_OPTIONAL = {"--done": str(CHOOSE)}


class CasesFormat(StrEnum):
    text = "text"
    json = "json"


def cases_command(
    ctx: typer.Context,
    tag: Annotated[str | None, typer.Argument(metavar="[TAG]", help=w.ARG_CASE, show_default=False)] = None,
    done: Annotated[int | None, typer.Option("--done", metavar="[N]", help=w.OPT_CASE_DONE, show_default=False)] = None,
    tracking_number: Annotated[str | None, typer.Option("--tracking-number", metavar="NUM", help=w.OPT_TRACKING_NUMBER)] = None,
    email_draft: Path | None = email_draft_option(),
    sent_today: Annotated[bool, typer.Option("--sent-today", help=w.OPT_SENT_TODAY)] = False,
    ics: Annotated[Path | None, typer.Option("--ics", metavar="FILE", help=w.OPT_ICS, dir_okay=False)] = None,
    close: Annotated[bool, typer.Option("--close", help=w.OPT_CASE_CLOSE)] = False,
    clear: Annotated[bool, typer.Option("--clear", help=w.OPT_CASES_CLEAR)] = False,
    every: Annotated[bool, typer.Option("--all", help=w.OPT_CASES_ALL)] = False,
    today: str | None = today_option(),
    format: Annotated[CasesFormat, typer.Option("--format", "-f", help=w.OPT_FORMAT)] = CasesFormat.text,
) -> None:
    from eportguide.run.execution import parse_today
    from eportguide.store import cases

    person = environment.of(ctx).person_at_terminal
    store = cases.Store()
    day = parse_today(today)
    acting = done is not None or tracking_number is not None or email_draft is not None or sent_today or ics is not None or close
    if clear:
        if tag is not None or acting:
            raise UsageError(w.CASES_CLEAR_ALONE)
        clear_cases(store, every, person)
        return
    if tag is None:
        if acting:
            raise UsageError(w.CASE_TAG_NEEDED, w.CASE_NOT_FOUND_HINT)
        list_cases(store, day, every, format)
        return
    case = store.load(tag)
    if done is not None:
        case = tick(store, case, done, person)
    if tracking_number is not None or email_draft is not None or sent_today:
        case = follow_up(ctx, store, case, tracking_number, email_draft, sent_today, day, person)
    if close:
        case = close_case(store, case)
    if ics is not None:
        write_reminder(case, ics)
    show(case, day, format)


def list_cases(store: Store, day: date, every: bool, format: CasesFormat) -> None:
    from eportguide.render import cases as shown
    from eportguide.store import cases

    found, problems = store.all()
    for problem in problems:
        typer.echo(problem.message, err=True)
    listed = [c for c in found if every or c.is_open]
    if format is CasesFormat.json:
        typer.echo(json.dumps([shown.as_json(c, day) for c in listed], ensure_ascii=False, indent=2))
        return
    if not listed:
        typer.echo(w.NO_CASES if not found else w.NO_OPEN_CASES.format(count=len(found)))
        return
    shown.listing(listed, day, store.directory if store.directory.is_dir() else cases.directory())


def show(case: Case, day: date, format: CasesFormat) -> None:
    from eportguide.render import cases as shown

    if format is CasesFormat.json:
        typer.echo(json.dumps(shown.as_json(case, day), ensure_ascii=False, indent=2))
    else:
        shown.one(case, day)


def save(store: Store, case: Case) -> Case:
    return store.save(case)


def tick(store: Store, case: Case, number: int, person: bool) -> Case:
    """Tick step ``number`` (from 1) with the time; ``CHOOSE``: pick it from a list at a terminal."""
    from eportguide.store import cases

    if number == CHOOSE:
        number = choose_step(case, person)
    if not 1 <= number <= len(case.steps):
        raise UsageError(w.CASE_NO_SUCH_STEP.format(number=number, total=len(case.steps)))
    step = case.steps[number - 1]
    if step.done:
        typer.echo(w.CASE_STEP_ALREADY.format(number=number), err=True)
        return case
    steps = list(case.steps)
    steps[number - 1] = step._replace(done=cases.now())
    case = save(store, case._replace(steps=tuple(steps)))
    typer.echo(w.CASE_STEP_TICKED.format(number=number), err=True)
    return case


def choose_step(case: Case, person: bool) -> int:
    left = [(n, s) for n, s in enumerate(case.steps, 1) if not s.done]
    if not person:
        raise UsageError(w.CASE_DONE_NEEDS_NUMBER, w.CASE_DONE_NEEDS_NUMBER_HINT.format(tag=case.tag))
    if not left:
        raise UsageError(w.CASE_ALL_TICKED)
    from eportguide.errors import Interrupted
    from eportguide.prompting import Entry
    from eportguide.prompting.interactive import InteractivePrompter
    from eportguide.render.cases import clean

    try:
        chosen = InteractivePrompter().menu(w.CASE_DONE_WHICH, [Entry(f"{n}. {clean(s.text)}", n) for n, s in left])
    except KeyboardInterrupt:
        raise Interrupted(w.INTERRUPTED) from None
    except EOFError:
        raise Interrupted(w.CLOSED_INPUT) from None
    assert isinstance(chosen, int)
    return chosen


def close_case(store: Store, case: Case) -> Case:
    from eportguide.store import cases

    if case.closed:
        typer.echo(w.CASE_ALREADY_CLOSED.format(tag=case.tag), err=True)
        return case
    case = save(store, case._replace(closed=cases.now()))
    typer.echo(w.CASE_CLOSED.format(tag=case.tag), err=True)
    return case


def write_reminder(case: Case, path: Path) -> None:
    from eportguide.render import ics
    from eportguide.run.outputs import write_file

    if case.dates is None:
        raise UsageError(w.ICS_NO_DATES.format(outcome=case.outcome_title), w.ICS_NO_DATES_HINT)
    dates = case.dates
    reminder = ics.Reminder(
        uid=f"{case.id}@{ics.UID_DOMAIN}",
        procedure=case.flow_title,
        outcome=case.outcome_title,
        start=dates.start,
        earliest=dates.earliest,
        latest=dates.latest,
        estimated=dates.estimated,
        what=dates.what,
        phones=tuple((p.label, p.value) for p in case.phones),
        tag=case.tag,
    )
    write_file(path, ics.calendar([reminder]).encode("utf-8"))
    typer.echo(w.WROTE_FILE.format(path=path), err=True)


def follow_up(
    ctx: typer.Context, store: Store, case: Case, number: str | None, draft: Path | None, sent_today: bool, day: date, person: bool
) -> Case:
    """The tracking number added, the e-mail draft written again with it and the files it
    had, and — if the clerk says the e-mail goes today — the dates counted from today."""
    from eportguide.engine import validators, walker
    from eportguide.engine.later import with_detail
    from eportguide.engine.result import build
    from eportguide.run import case_record
    from eportguide.workdays import user_file

    pack = _pack(ctx, case)
    answers = dict(case.answers)
    if number is not None:
        number = validators.normalise(TRACKING_FIELD, number)
        problem = validators.problem(TRACKING_FIELD, number)
        if problem is not None or not number:
            raise UsageError(w.CASE_BAD_TRACKING.format(value=number, problem=problem or w.CASE_TRACKING_EMPTY))
        unusual = validators.unusual(TRACKING_FIELD, number)
        if unusual is not None:
            spec = pack.shared.fields.get(TRACKING_FIELD)
            prompt = spec.prompt if spec else TRACKING_FIELD
            typer.echo(w.UNUSUAL_KEPT_AS_GIVEN.format(prompt=prompt, value=number, reason=unusual), err=True)
        if case.flow_id not in pack.flows:
            raise UsageError(w.SESSION_FLOW_GONE.format(id=case.id, flow=case.flow_id), w.SEE_LIST)
        finished = with_detail(pack, case.flow_id, answers, TRACKING_FIELD, number)
        if finished is None:
            raise UsageError(w.CASE_NO_TRACKING_FIELD.format(outcome=case.outcome_title))
    else:
        position = walker.walk(pack, case.flow_id, answers) if case.flow_id in pack.flows else None
        if not isinstance(position, walker.Finished):
            raise UsageError(w.CASE_FLOW_CHANGED.format(flow=case.flow_id))
        finished = position
    recount = sent_today
    if not recount and case.dates is not None and person:
        recount = _ask(w.CASE_SENT_TODAY_PROMPT.format(today=day.isoformat()))
    start = day if recount or case.dates is None else case.dates.start
    result = build(pack, finished, start, imported=user_file.load())
    case = case._replace(answers=walker.answer_log(finished.path), tracking_number=number or case.tracking_number)
    if recount:
        case = case._replace(dates=case_record.dates_of(result), sent=day.isoformat())
    target = draft if draft is not None else (Path(case.draft) if case.draft else None)
    if target is not None:
        case = _redraft(case, result, target)
    elif number is not None:
        typer.echo(w.CASE_NO_DRAFT_HINT.format(tag=case.tag), err=True)
    case = save(store, case)
    if number is not None:
        typer.echo(w.CASE_TRACKING_ADDED.format(number=number), err=True)
    if case.dates is not None:
        from eportguide.render.cases import window

        said = w.CASE_DATES_FROM_SENT if recount else w.CASE_DATES_KEPT
        typer.echo(said.format(window=window(case.dates), start=case.dates.start.isoformat()), err=True)
    return case


def _ask(question: str) -> bool:
    from eportguide.prompting.interactive import InteractivePrompter

    try:
        return InteractivePrompter().confirm(question)
    except (KeyboardInterrupt, EOFError):
        return False


def _pack(ctx: typer.Context, case: Case) -> d.Pack:
    """The pack the case ran from (``--flows`` if given, else the shipped one), in its language."""
    from eportguide.i18n import language
    from eportguide.packs import active

    if language.chosen() is None:
        language.use(case.language)
    env = environment.of(ctx)
    option = env.flows if env.pack_chosen else None
    saved = Path(case.pack_dir)
    try:
        directory = option if option is not None else (saved if saved.is_dir() else active.pack_dir(None))
    except (OSError, ValueError):
        directory = active.pack_dir(None)
    return active.load(directory)


def _redraft(case: Case, result: Result, target: Path) -> Case:
    """Write the e-mail draft at ``target`` with the files the earlier draft carried."""
    from eportguide.run.outputs import say_attachments, with_files, write_draft

    if result.email is None:
        raise UsageError(w.NO_EMAIL_FOR_PATH.format(outcome=result.outcome_title, path=target), w.NO_EMAIL_FOR_PATH_HINT)
    earlier = Path(case.draft) if case.draft else target
    files = attachments_of(earlier)
    if case.attachments and not files:
        typer.echo(w.CASE_FILES_LOST.format(path=earlier, files=w.LIST_SEPARATOR.join(case.attachments)), err=True)
    result = with_files(result, files)
    write_draft(result, target, files)
    typer.echo(w.WROTE_FILE.format(path=target), err=True)
    say_attachments(result)
    return case._replace(draft=str(target.resolve()), attachments=tuple(f.name for f in files if f is not None))


def attachments_of(path: Path) -> list[Attachment | None]:
    """The files an earlier ``.eml`` draft carries, read back; none when it cannot be read."""
    from email import policy
    from email.parser import BytesParser

    from eportguide.store.attachments import Attachment

    try:
        if not path.is_file() or path.stat().st_size > MAX_DRAFT_BYTES:
            return []
        message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    except (OSError, ValueError):
        return []
    found: list[Attachment | None] = []
    for part in message.iter_attachments() if message.is_multipart() else ():
        name = part.get_filename()
        data = part.get_content()
        if name and isinstance(data, bytes):
            found.append(Attachment(name, data))
    return found


def clear_cases(store: Store, every: bool, person: bool) -> None:
    """Closed cases go; an open one is a card still on its way, so it goes only with
    ``--all`` or when the user at a terminal says so."""

    keep: set[str] = set()
    if not every:
        found, problems = store.all()
        for problem in problems:
            typer.echo(problem.message, err=True)
        keep = {c.id for c in found if c.is_open}
        if keep and person:
            from eportguide.prompting.interactive import InteractivePrompter

            try:
                if InteractivePrompter().confirm(w.CASES_CLEAR_OPEN_TOO.format(count=len(keep))):
                    keep = set()
            except (KeyboardInterrupt, EOFError):
                return  # nothing removed yet
    try:
        cleared = store.clear(keep=keep)
    except OSError as exc:  # the directory itself cannot be listed
        raise UsageError(w.CANNOT_WRITE.format(path=store.directory, reason=os_reason(exc))) from None
    typer.echo(w.CASES_CLEARED.format(count=cleared.removed, path=store.directory))
    if keep:
        typer.echo(w.CASES_KEPT_OPEN.format(count=len(keep)))
    for path in cleared.not_cases:
        typer.echo(w.CASES_NOT_A_CASE_FILE.format(path=path), err=True)
    if cleared.failed:
        raise UsageError("\n".join(w.CANNOT_WRITE.format(path=path, reason=reason) for path, reason in cleared.failed))
