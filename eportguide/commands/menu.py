"""Bare ``eportguide`` on a terminal: triage, then the chosen procedure.

First "遇到了什么问题？": the user describes the problem in their own words and picks
from the procedures ``search`` ranks for it, or presses Enter to browse every procedure
by category. When nothing matches, they are told so (with the hotline) and may
describe it again or browse. 返回上一步 at the chosen procedure's first question comes
back to the menu it was chosen from; the category list goes back to the question.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from eportguide.i18n import wording as w
from eportguide.model.unsafe import visible
from eportguide.packs import active

if TYPE_CHECKING:
    from eportguide.environment import Environment
    from eportguide.model import definitions as d
    from eportguide.prompting.interactive import InteractivePrompter

#: Menu entries that are not procedures (objects: no flow id can equal them).
DESCRIBE_AGAIN = object()
BROWSE = object()
BACK = object()
SUGGESTIONS = 5
DIVIDER = "-" * 12


class Triage:
    """The triage menus of one help-desk session; remembers the menu a procedure came from."""

    def __init__(self, pack: d.Pack, prompter: InteractivePrompter, directory: Path | None = None) -> None:
        self.pack = pack
        self.prompter = prompter
        self.directory = directory  # where the pack's other languages are read, when first searched
        self.chosen_from: Callable[[], str | None] | None = None
        self.words = ""  # the caller's words the procedure was suggested for (the session's note)

    def choose(self) -> str:
        """Ask what the problem is; the id of the procedure chosen."""
        while True:
            words = self.prompter.describe(w.TRIAGE_PROMPT, w.TRIAGE_INSTRUCTION)
            flow_id = self.browse() if not words.strip() else self.suggest(words)
            if flow_id is not None:
                return flow_id

    def back(self) -> str:
        """The menu the last procedure was chosen from, shown again; the id chosen now."""
        menu = self.chosen_from
        flow_id = menu() if menu is not None else None
        return flow_id if flow_id is not None else self.choose()

    def browse(self) -> str | None:
        """Every procedure, grouped by category; ``None`` to go back to the question."""
        from eportguide.prompting import Entry, Heading, MenuLine

        self.chosen_from = self.browse
        self.words = ""
        lines: list[MenuLine] = []
        category = None
        for flow in self.pack.flows.values():
            if flow.category != category:
                category = flow.category
                lines.append(Heading(f"-- {category} --"))
            lines.append(Entry(flow.title, flow.id))
        lines += [Heading(DIVIDER), Entry(w.TRIAGE_BACK_TO_QUESTION, BACK)]
        answer = self.prompter.menu(w.MENU_PROMPT, lines)
        return None if answer is BACK else str(answer)

    def suggest(self, words: str) -> str | None:
        """The procedures ``search`` ranks for ``words``; ``None`` to describe it again."""
        from eportguide.i18n import language
        from eportguide.prompting import Entry, Heading, MenuLine
        from eportguide.render.listings import no_match_message
        from eportguide.search import matching
        from eportguide.store import misses

        self.chosen_from = lambda: self.suggest(words)
        self.words = visible(words.strip(), one_line=True)  # kept as the session's note: nothing that drives a terminal
        if self.directory is not None:
            found = active.searchable(self.directory)[1].search(words, SUGGESTIONS)
        else:
            found = matching.search(self.pack, words, SUGGESTIONS)
        lines: list[MenuLine] = [Entry(w.MENU_ENTRY.format(title=self.pack.flow(m.flow_id).title, id=m.flow_id), m.flow_id) for m in found]
        if found:
            lines.append(Heading(DIVIDER))
        else:
            misses.note(words, misses.NOTHING_FOUND, None, language.current())
            self.prompter.say(no_match_message(self.pack, in_menu=True))
        lines += [Entry(w.TRIAGE_DESCRIBE_AGAIN, DESCRIBE_AGAIN), Entry(w.TRIAGE_BROWSE, BROWSE)]
        answer = self.prompter.menu(w.TRIAGE_PICK if found else w.TRIAGE_NEXT, lines)
        if answer is BROWSE:
            chosen = self.browse()
            if chosen is not None and not found:  # browsed to it after a miss: its words teach the pack
                misses.note(words, misses.BROWSED, chosen, language.current())
            return chosen
        if answer is DESCRIBE_AGAIN:
            return None
        if answer != found[0].flow_id:  # a runner-up: the words should have found it first
            misses.note(words, misses.RUNNER_UP, str(answer), language.current())
        return str(answer)


def choose_flow(pack_directory: Path, input: object = None, output: object = None) -> str:
    """Ask what the problem is; the id of the procedure chosen."""
    from eportguide.prompting.interactive import InteractivePrompter

    return Triage(active.load(pack_directory), InteractivePrompter(input, output), pack_directory).choose()


def run(env: Environment) -> None:
    """The triage menu, then the procedure chosen, for the person at the terminal."""
    from eportguide.errors import Interrupted
    from eportguide.prompting.interactive import InteractivePrompter
    from eportguide.run.dialogue import LeftFlow
    from eportguide.run.execution import RunOptions, Start, execute

    triage = Triage(active.load(env.flows), InteractivePrompter(), env.flows)
    ask: Callable[[], str] = triage.choose
    while True:
        try:
            flow_id = ask()
        except (KeyboardInterrupt, EOFError):
            raise Interrupted(w.INTERRUPTED) from None
        try:
            execute(RunOptions(flow_id=flow_id, note=triage.words), env, Start(can_leave=True))
            return
        except LeftFlow:  # 返回上一步 at its first question: the menu it was chosen from
            ask = triage.back
