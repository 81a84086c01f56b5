"""Bare ``eportguide`` on a terminal: triage, then the chosen procedure.

First "遇到了什么问题？": the user describes the problem in their own words and picks
from the procedures ``search`` ranks for it, or presses Enter to browse every procedure
by category. When nothing matches, they are told so (with the hotline) and may
describe it again or browse.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from eportguide import packs
from eportguide import wording as w

if TYPE_CHECKING:
    from eportguide.model import definitions as d
    from eportguide.prompting.interactive import InteractivePrompter

#: Menu entries that are not procedures (objects: no flow id can equal them).
DESCRIBE_AGAIN = object()
BROWSE = object()
SUGGESTIONS = 5
DIVIDER = "-" * 12


def browse(pack: d.Pack, prompter: InteractivePrompter) -> str:
    """Every procedure, grouped by category."""
    from eportguide.prompting import Entry, Heading, MenuLine

    lines: list[MenuLine] = []
    category = None
    for flow in pack.flows.values():
        if flow.category != category:
            category = flow.category
            lines.append(Heading(f"-- {category} --"))
        lines.append(Entry(flow.title, flow.id))
    return str(prompter.menu(w.MENU_PROMPT, lines))


def choose_flow(pack_directory: Path, input: object = None, output: object = None) -> str:
    """Ask what the problem is; the id of the procedure chosen."""
    from eportguide.engine import matching
    from eportguide.prompting import Entry, Heading, MenuLine
    from eportguide.prompting.interactive import InteractivePrompter
    from eportguide.render.listings import no_match_message

    pack = packs.load(pack_directory)
    prompter = InteractivePrompter(input, output)
    while True:
        words = prompter.describe(w.TRIAGE_PROMPT, w.TRIAGE_INSTRUCTION)
        if not words.strip():
            return browse(pack, prompter)
        found = matching.search(pack, words, SUGGESTIONS)
        lines: list[MenuLine] = [Entry(f"{pack.flow(m.flow_id).title}（{m.flow_id}）", m.flow_id) for m in found]
        if found:
            lines.append(Heading(DIVIDER))
        else:
            prompter.say(no_match_message(pack))
        lines += [Entry(w.TRIAGE_DESCRIBE_AGAIN, DESCRIBE_AGAIN), Entry(w.TRIAGE_BROWSE, BROWSE)]
        answer = prompter.menu(w.TRIAGE_PICK if found else w.TRIAGE_NEXT, lines)
        if answer is BROWSE:
            return browse(pack, prompter)
        if answer is not DESCRIBE_AGAIN:
            return str(answer)


def run(flows: Path | None) -> None:
    from eportguide.errors import Interrupted
    from eportguide.execution import RunOptions, execute

    try:
        flow_id = choose_flow(packs.pack_dir(flows))
    except (KeyboardInterrupt, EOFError):
        raise Interrupted(w.INTERRUPTED) from None
    execute(RunOptions(flow_id=flow_id, flows=flows))
