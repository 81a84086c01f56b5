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
    from eportguide.environment import Environment
    from eportguide.model import definitions as d
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
    attach: tuple[Path, ...] = ()  # files for the e-mail draft, in the order of its attachments


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
    from eportguide.engine.result import build
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
    prompter = ScriptedPrompter(given, person)
    # Saved: runs that ask a person, and resumed ones; a scripted run has nothing to resume.
    saving = not options.no_save and (asks_a_person or start.session is not None)
    store = env.sessions() if saving or start.session is not None else None
    recorder = sessions.recorder(start.session, flow.id, directory, saving, options.note, store)
    try:
        finished = dialogue.drive(pack, flow.id, prompter, recorder.answers, recorder.save, start.can_leave and asks_a_person)
    except Interrupted as stop:
        raise sessions.with_resume_hint(stop, recorder) from None
    except dialogue.LeftFlow:
        recorder.discard()  # nothing answered: nothing to resume
        raise
    result = build(pack, finished, today)
    recorder.finish(result.outcome_title)
    unused = prompter.unused()
    if unused:
        typer.echo(w.UNUSED_ANSWERS.format(keys=w.LIST_SEPARATOR.join(unused)), err=True)
    for note in prompter.notes:
        typer.echo(note, err=True)
    format = outputs.choose_format(options.format, options.output, env.stdout_is_terminal)
    if options.email_draft is not None and (files or person is None):  # else asked after the checklist
        result = outputs.with_files(result, files)
    outputs.emit(result, format, options.output, env.stdout_is_terminal)
    if options.email_draft is not None:
        outputs.emit_draft(result, options.email_draft, files, person)
    elif person is not None and outputs.is_screen(format) and options.output is None:
        outputs.offer_files(person, result)
