"""One run of a procedure from the command line: the pack, the answers given, who is
asked the rest, the session it is saved in; then the outputs.

Shared by ``run`` (and ``eportguide <id>``), ``resume`` and the triage menu.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import typer

from eportguide.errors import Interrupted, UsageError
from eportguide.i18n import wording as w

if TYPE_CHECKING:  # the model and engine load only when a flow actually runs
    from eportguide.engine.result import Result
    from eportguide.engine.walker import Finished
    from eportguide.environment import Environment
    from eportguide.model import definitions as d
    from eportguide.prompting import Prompter
    from eportguide.prompting.interactive import InteractivePrompter
    from eportguide.store.sessions import Session

FIRST_YEAR, LAST_YEAR = 2000, 2100
#: Unknown answer keys named in the message; the rest are counted.
MAX_KEYS_NAMED = 10


class RunOptions(NamedTuple):
    """A run as the command line asks for it: its flags."""

    flow_id: str
    answer: tuple[str, ...] = ()
    answers: Path | None = None
    no_input: bool = False
    format: str | None = None  # None: from -o's file name, else the terminal (text when piped)
    output: Path | None = None
    email_draft: Path | None = None
    no_save: bool = False
    today: str | None = None
    note: str = ""  # saved with the session, to tell it apart in `eportguide sessions`
    ticket: str = ""  # the help desk's ticket number, saved with the session (issue 26)
    caller: str = ""  # who called (company, phone), saved with the session
    attach: tuple[Path, ...] = ()  # files for the e-mail draft, in the order of its attachments
    ics: Path | None = None  # the expected dates as a calendar reminder
    profile: bool = False  # a scripted run answers the enterprise's details from the profile


class Start(NamedTuple):
    """Where a run starts from, beside its flags: a saved session it continues, or the
    triage menu it was chosen from."""

    session: Session | None = None  # a saved run to continue (eportguide resume)
    can_leave: bool = False  # chosen from the triage menu: the first question can go back to it


def parse_today(value: str | None) -> date:
    if value is None:
        return date.today()
    from eportguide.model.definitions import parse_date

    try:
        day = parse_date(value)
    except ValueError:
        raise UsageError(w.BAD_DATE.format(value=value)) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:  # counting working days needs room after it
        raise UsageError(w.DATE_OUT_OF_RANGE.format(value=value, first=FIRST_YEAR, last=LAST_YEAR))
    return day


def gather_answers(pack: d.Pack, flow_id: str, answer: Sequence[str], answers: Path | None) -> dict[str, str]:
    """Answers from the file, then ``--answer`` on top; unknown keys are an error."""
    from eportguide.engine.answers import shown
    from eportguide.engine.keys import answer_keys
    from eportguide.model import answer_key
    from eportguide.run import answers_file

    given = answers_file.read(answers) if answers is not None else {}
    given.update(answers_file.parse_options(answer))
    known = answer_keys(pack, flow_id)
    details = {answer_key.field_name(k) for k, values in known.items() if values is None}  # a detail by its own name
    unknown = [k for k in given if k not in known and k not in details]
    if unknown:
        named = w.LIST_SEPARATOR.join(shown(k) for k in unknown[:MAX_KEYS_NAMED])
        if len(unknown) > MAX_KEYS_NAMED:  # a file of 80,000 stray keys must not flood the screen
            named += w.MORE_KEYS.format(count=len(unknown))
        raise UsageError(
            w.UNKNOWN_ANSWER_KEY.format(flow=flow_id, key=named),
            w.UNKNOWN_ANSWER_KEY_HINT.format(keys=w.LIST_SEPARATOR.join(known)),
        )
    return given


def _same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file, also through a link or a case-insensitive file system."""
    import os

    if os.path.normcase(first.resolve()) == os.path.normcase(second.resolve()):
        return True
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):  # either does not exist yet: not the same file
        return False


def execute(options: RunOptions, env: Environment, start: Start = Start(), flows: Path | None = None) -> None:
    """Run a procedure as ``options`` ask, in ``env``, from ``start``; ``flows`` is the pack
    directory when it is not the environment's (a resumed session's own)."""
    from eportguide.engine import walker
    from eportguide.engine.result import build
    from eportguide.model import answer_key
    from eportguide.packs import active
    from eportguide.prompting.scripted import ScriptedPrompter
    from eportguide.run import dialogue, outputs
    from eportguide.store import sessions

    if options.output is not None and options.email_draft is not None and _same_file(options.output, options.email_draft):
        raise UsageError(w.SAME_OUTPUT_FILES.format(path=options.output), w.SAME_OUTPUT_FILES_HINT)
    directory = env.flows if flows is None else flows
    pack = active.load(directory)
    flow = active.get_flow(pack, options.flow_id)
    today = parse_today(options.today)
    given = gather_answers(pack, flow.id, options.answer, options.answers)
    if options.attach and options.email_draft is None:
        raise UsageError(w.ATTACH_WITHOUT_DRAFT)
    files = outputs.read_attachments(options.attach)  # before any question: a wrong path is known at once
    asks_a_person = not options.no_input and env.person_at_terminal
    person = None
    if asks_a_person:
        from eportguide.prompting.interactive import InteractivePrompter

        person = InteractivePrompter()
    remembered, from_profile = _profile(pack, flow.id, given, options.profile, person is not None)
    prompter = ScriptedPrompter(given, _with_defaults(person, remembered))
    # Saved: runs that ask a person, and resumed ones; a scripted run has nothing to resume.
    saving = not options.no_save and (asks_a_person or start.session is not None)
    store = env.sessions() if saving or start.session is not None else None
    recorder = sessions.recorder(start.session, flow.id, directory, saving, options.note, store, options.ticket, options.caller)
    try:
        finished = dialogue.drive(pack, flow.id, prompter, recorder.answers, recorder.save, start.can_leave and asks_a_person)
    except Interrupted as stop:
        raise sessions.with_resume_hint(stop, recorder) from None
    except dialogue.LeftFlow:
        recorder.discard()  # nothing answered: nothing to resume
        raise
    from eportguide.workdays import user_file

    result = build(pack, finished, today, imported=user_file.load())
    recorder.finish(result.outcome_title)
    unused = [key for key in prompter.unused() if key not in from_profile]
    if unused:
        typer.echo(w.UNUSED_ANSWERS.format(keys=w.LIST_SEPARATOR.join(unused)), err=True)
    for note in prompter.notes:
        typer.echo(note, err=True)
    format = outputs.choose_format(options.format, options.output, env.stdout_is_terminal)
    # A procedure with steps left is followed as a case: a run that asked a person, or a
    # scripted one that wrote the e-mail draft or a reminder (the clerk is acting on it).
    following = not options.no_save and bool(result.steps) and (saving or bool(options.email_draft or options.ics) or format == "ics")
    case_id = (recorder.session.id if saving and recorder.session.id else _new_case_id(flow.id)) if following else None
    if options.email_draft is not None and (files or person is None):  # else asked after the checklist
        result = outputs.with_files(result, files)
    outputs.emit(result, format, options.output, env.stdout_is_terminal, case_id)
    draft: tuple[Path, list[str]] | None = None
    if options.email_draft is not None:
        draft = (options.email_draft, outputs.emit_draft(result, options.email_draft, files, person))
    elif person is not None and outputs.is_screen(format) and options.output is None:
        draft = outputs.offer_files(person, result)
    if options.ics is not None:
        outputs.write_reminder(result, options.ics, case_id)
    if case_id is not None:
        _follow(result, case_id, pack_directory=directory, answers=walker.answer_log(finished.path), draft=draft)
    if person is not None and not options.no_save:  # --no-save: nothing is kept, and nothing offered to keep
        _offer_profile(person, remembered, finished, {answer_key.field_name(k) for k in given})


def _new_case_id(flow_id: str) -> str:
    from eportguide.store import cases

    return cases.new_id(flow_id)


def _profile(pack: d.Pack, flow_id: str, given: dict[str, str], asked: bool, interactive: bool) -> tuple[dict[str, str], set[str]]:
    """The remembered details (read at a terminal, or with ``--profile``) and, for a
    scripted ``--profile`` run, the details put among its answers (never over one given)."""
    if not (asked or interactive):
        return {}, set()  # a scripted run never reads the profile unasked
    from eportguide.store import profile

    remembered = profile.load()
    if interactive:
        return remembered, set()
    from eportguide.engine.keys import answer_keys
    from eportguide.model import answer_key

    details = {answer_key.field_name(k) for k, values in answer_keys(pack, flow_id).items() if values is None}
    added = set()
    for field, value in remembered.items():
        if field in details and not any(answer_key.field_name(k) == field for k in given):
            given[field] = value
            added.add(field)
    return remembered, added


def _with_defaults(fallback: Prompter | None, remembered: dict[str, str]) -> Prompter | None:
    if fallback is None or not remembered:
        return fallback
    from eportguide.prompting.defaults import WithDefaults

    return WithDefaults(fallback, remembered)


def _follow(result: Result, case_id: str, pack_directory: Path, answers: dict[str, str], draft: tuple[Path, list[str]] | None) -> None:
    """Record the run as an open case; a case that cannot be written stops nothing (the
    checklist is out), it is said on stderr."""
    from eportguide.run import case_record
    from eportguide.store import cases
    from eportguide.store.records import RecordError

    case = case_record.from_result(result, case_id, pack_directory, answers)
    if draft is not None:
        case = case._replace(draft=str(draft[0].resolve()), attachments=tuple(draft[1]))
    try:
        cases.Store().save(case)
    except RecordError as error:
        typer.echo(error.message, err=True)
        return
    typer.echo(w.CASE_RECORDED.format(tag=case.tag), err=True)


def _offer_profile(prompter: InteractivePrompter, remembered: dict[str, str], finished: Finished, given: set[str]) -> None:
    """After a run at a terminal: keep the enterprise's details typed in it for next time?
    Asked only when they add to or change what is kept (details ``given`` as options
    were not typed); 否 is the default."""
    from eportguide.engine import walker
    from eportguide.store import profile
    from eportguide.store.records import RecordError

    typed = {k: v for k, v in profile.from_answers(walker.answer_log(finished.path)).items() if k not in given}
    if not typed or all(remembered.get(k) == v for k, v in typed.items()):
        return
    try:
        if not prompter.confirm(w.PROFILE_OFFER.format(details=w.LIST_SEPARATOR.join(profile.label(k) for k in typed))):
            return
    except (KeyboardInterrupt, EOFError):  # the checklist is out: nothing more to do
        return
    try:
        where = profile.save({**remembered, **typed})
    except RecordError as error:
        typer.echo(error.message, err=True)
        return
    typer.echo(w.PROFILE_SAVED.format(path=where))
