"""Questions asked of a person at a terminal, with questionary.

Imported only when a run prompts: questionary pulls in prompt_toolkit, which costs more
to import than the rest of the program.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import questionary
from questionary import Choice, Separator

from eportguide.engine import validators
from eportguide.engine.walker import Answered, Question
from eportguide.i18n import wording as w
from eportguide.model.definitions import DONE
from eportguide.prompting import Entry, MenuLine, Navigation

if TYPE_CHECKING:
    from eportguide.store.attachments import Attachment

# ASCII marks only: a GBK console cannot print questionary's default pointer.
POINTER = ">"
QMARK = "?"
GO_BACK_TEXT = "<"
RESTART_TEXT = "<<"  # typed in a text question: 重新开始
#: What a Chinese input method types for "<": full-width ＜, or 《 (〈) with Chinese
#: punctuation on. Each counts as "<", so that << is also ＜＜ or 《《.
LESS_THAN_FORMS = str.maketrans(dict.fromkeys("＜《〈‹", "<"))
#: The review menu's "these answers are right" entry (not an answer key).
CONFIRM = object()
#: Columns a menu line loses to the pointer before its text.
MENU_INDENT = 4
ELLIPSIS = "…"
#: The review cuts a long typed answer to no fewer columns than this.
ANSWER_KEPT = 12


def review_item(question: str, answer: str, room: int) -> str:
    """One line of the review, cut to ``room`` columns so that the answer's ``[…]`` is
    never cut off: a long typed answer gives way first (down to ``ANSWER_KEPT`` columns,
    its start kept), then the question."""
    from rich.cells import cell_len

    line = w.REVIEW_ITEM.format(prompt=question, answer=answer)
    over = cell_len(line) - room
    if over > 0 and cell_len(answer) > ANSWER_KEPT:
        answer = _cut(answer, max(cell_len(answer) - over, ANSWER_KEPT))
        line = w.REVIEW_ITEM.format(prompt=question, answer=answer)
        over = cell_len(line) - room
    if over > 0:
        line = w.REVIEW_ITEM.format(prompt=_cut(question, max(cell_len(question) - over, 4)), answer=answer)
    return line


def progress(question: Question) -> str:
    """[步骤 3/8] when every way on asks as many questions; else [步骤 3], no total to doubt."""
    total = question.known_total
    return w.PROGRESS_OPEN.format(number=question.number) if total is None else w.PROGRESS.format(number=question.number, total=total)


def _as_navigation(text: str) -> str:
    """Typed text as the navigation marks compare it: trimmed, ＜ and 《 read as <."""
    return text.strip().translate(LESS_THAN_FORMS)


def _cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` columns, … marking what was cut."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1).rstrip() + ELLIPSIS


class InteractivePrompter:
    """Asks with arrow-key menus and validated text fields.

    ``input``/``output`` are passed to prompt_toolkit; tests give a pipe input.
    """

    def __init__(self, input: Any = None, output: Any = None) -> None:
        self.io: dict[str, Any] = {}
        if input is not None:
            self.io["input"] = input
        if output is not None:
            self.io["output"] = output

    def ask(self, question: Question, previous: str | None, can_go_back: bool) -> str | Navigation:
        message = progress(question) + " " + question.prompt
        if question.kind == "text":
            return self._text(question, message, previous, can_go_back)
        choices: list[Any] = [Choice(o.label, value=o.value) for o in question.options]
        if can_go_back:
            choices += [
                Separator("-" * 12),
                Choice(w.BACK_LABEL, value=Navigation.BACK),
                Choice(w.RESTART_LABEL, value=Navigation.RESTART),
            ]
        if question.kind == "instruction":
            message = progress(question) + " " + w.INSTRUCTION_PROMPT
            self._print(question.prompt, *question.lines)
        elif question.help:
            self._print(question.help)
        default = previous if previous in {o.value for o in question.options} else None
        answer = questionary.select(
            message,
            choices=choices,
            default=default,
            qmark=QMARK,
            pointer=POINTER,
            instruction=w.SELECT_INSTRUCTION,
            **self.io,
        ).unsafe_ask()
        if answer is None:  # questionary returns None when the prompt was closed
            raise EOFError
        return answer if isinstance(answer, Navigation) else (DONE if question.kind == "instruction" else str(answer))

    def review(self, path: tuple[Answered, ...]) -> str | Navigation | None:
        """Every answer on one menu: confirm them, or pick one to change."""
        changeable = [a for a in path if not a.preset and a.value != DONE]
        choices: list[Any] = [Choice(w.REVIEW_CONFIRM, value=CONFIRM), Separator("-" * 12)]
        room = self._width() - MENU_INDENT
        choices += [Choice(review_item(a.short, a.label or w.LEFT_BLANK, room), value=a.key) for a in changeable]
        choices += [
            Separator("-" * 12),
            Choice(w.BACK_LABEL, value=Navigation.BACK),
            Choice(w.RESTART_LABEL, value=Navigation.RESTART),
        ]
        answer = questionary.select(
            w.REVIEW_PROMPT, choices=choices, qmark=QMARK, pointer=POINTER, instruction=w.SELECT_INSTRUCTION, **self.io
        ).unsafe_ask()
        if answer is None:
            raise EOFError
        if answer is CONFIRM:
            return None
        return answer if isinstance(answer, Navigation) else str(answer)

    def confirm(self, message: str) -> bool:
        """A yes/no question outside the flow; 否 is the default."""
        choices = [Choice(w.NO_LABEL, value=False), Choice(w.YES_LABEL, value=True)]
        answer = questionary.select(
            message, choices=choices, qmark=QMARK, pointer=POINTER, instruction=w.SELECT_INSTRUCTION, **self.io
        ).unsafe_ask()
        return answer is True

    def menu(self, message: str, lines: list[MenuLine]) -> object:
        """A menu outside a flow (triage); the chosen entry's value."""
        choices = [Choice(line.label, value=line.value) if isinstance(line, Entry) else Separator(line.text) for line in lines]
        answer = questionary.select(
            message, choices=choices, qmark=QMARK, pointer=POINTER, instruction=w.SELECT_INSTRUCTION, **self.io
        ).unsafe_ask()
        if answer is None:
            raise EOFError
        return answer

    def describe(self, message: str, instruction: str) -> str:
        """Free words, not checked (what the caller's problem is)."""
        answer = questionary.text(message, qmark=QMARK, instruction=instruction, **self.io).unsafe_ask()
        if answer is None:
            raise EOFError
        return str(answer)

    def say(self, text: str) -> None:
        """A line that stands out between questions."""
        questionary.print(text, style="bold", **{k: v for k, v in self.io.items() if k == "output"})

    def _text(self, question: Question, message: str, previous: str | None, can_go_back: bool) -> str | Navigation:
        """A text question; an invalid value is asked again, its reason printed right under it.

        Not prompt_toolkit's own validation: its message goes to the bottom line of the
        terminal, far from the question, and Enter seems to do nothing.
        """
        assert question.validator is not None
        validator = question.validator
        navigation = {GO_BACK_TEXT: Navigation.BACK, RESTART_TEXT: Navigation.RESTART} if can_go_back else {}
        if question.help:
            self._print(question.help)
        instruction = w.TEXT_INSTRUCTION_BACK if can_go_back else w.TEXT_INSTRUCTION
        typed = previous or ""
        while True:
            answer = questionary.text(message, default=typed, qmark=QMARK, instruction=instruction, **self.io).unsafe_ask()
            if answer is None:
                raise EOFError
            if _as_navigation(answer) in navigation:
                return navigation[_as_navigation(answer)]
            value = validators.normalise(validator, answer)
            problem = validators.problem(validator, value)
            if problem is None:
                reason = validators.unusual(validator, value)
                if reason is not None:  # kept as typed: the field has no published format
                    self._print(w.UNUSUAL_KEPT.format(prompt=question.prompt, value=value, reason=reason))
                return value
            self._warn(w.INVALID_TYPED.format(problem=problem))
            typed = answer  # to correct, not to type again

    def attachment(self, item: str) -> Attachment | None:
        """The file for one attachment of the e-mail draft; None when Enter skips it.

        A path that does not exist or cannot be read is asked again, the reason right
        under the question; a file above the size mail servers accept is taken, with a
        warning.
        """
        from pathlib import Path

        from eportguide.errors import UsageError
        from eportguide.store import attachments

        typed = ""
        while True:
            answer = questionary.text(
                w.ATTACH_PROMPT.format(item=item), default=typed, qmark=QMARK, instruction=w.ATTACH_INSTRUCTION, **self.io
            ).unsafe_ask()
            if answer is None:
                raise EOFError
            path = attachments.clean(answer)
            if not path:
                return None
            try:
                found = attachments.read(Path(path).expanduser())
            except UsageError as error:
                self._warn(error.message)
                typed = answer
                continue
            warning = attachments.size_warning(found)
            if warning:
                self._warn(warning)
            return found

    def _warn(self, text: str) -> None:
        """A message right under the question it is about, broken to the terminal's width."""
        from eportguide.render.breaking import wrap  # not inside 029-83196210 at 60 columns

        for line in wrap(text, self._width() - 1):
            questionary.print(line, style="fg:ansired bold", **self._output())

    def _width(self) -> int:
        output = self.io.get("output")
        if output is not None:
            return int(output.get_size().columns)
        import shutil

        return shutil.get_terminal_size().columns

    def _output(self) -> dict[str, Any]:
        return {k: v for k, v in self.io.items() if k == "output"}

    def _print(self, *lines: str) -> None:
        for line in lines:
            questionary.print(line, style="fg:ansibrightblack", **self._output())
