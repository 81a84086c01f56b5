"""Questions asked of a person at a terminal, with questionary.

Imported only when a run prompts: questionary pulls in prompt_toolkit, which costs more
to import than the rest of the program.
"""

from typing import Any

import questionary
from questionary import Choice, Separator

from eportguide import engine
from eportguide import wording as w
from eportguide.engine import validators
from eportguide.engine.walker import Answered
from eportguide.model.definitions import DONE
from eportguide.prompting import Entry, MenuLine, Navigation

# ASCII marks only: a GBK console cannot print questionary's default pointer.
POINTER = ">"
QMARK = "?"
GO_BACK_TEXT = "<"
RESTART_TEXT = "<<"  # typed in a text question: 重新开始
#: The review menu's "these answers are right" entry (not an answer key).
CONFIRM = object()


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

    def ask(self, question: engine.Question, previous: str | None, can_go_back: bool) -> str | Navigation:
        message = w.PROGRESS.format(number=question.number, total=question.total) + " " + question.prompt
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
            message = w.PROGRESS.format(number=question.number, total=question.total) + " " + w.INSTRUCTION_PROMPT
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
        choices += [Choice(w.REVIEW_ITEM.format(prompt=a.prompt, answer=a.label or w.LEFT_BLANK), value=a.key) for a in changeable]
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

    def _text(self, question: engine.Question, message: str, previous: str | None, can_go_back: bool) -> str | Navigation:
        assert question.validator is not None
        validator = question.validator

        navigation = {GO_BACK_TEXT: Navigation.BACK, RESTART_TEXT: Navigation.RESTART} if can_go_back else {}

        def check(text: str) -> bool | str:
            if text.strip() in navigation:
                return True
            return validators.problem(validator, validators.normalise(validator, text)) or True

        if question.help:
            self._print(question.help)
        instruction = w.TEXT_INSTRUCTION_BACK if can_go_back else w.TEXT_INSTRUCTION
        answer = questionary.text(
            message,
            default=previous or "",
            validate=check,
            qmark=QMARK,
            instruction=instruction,
            **self.io,
        ).unsafe_ask()
        if answer is None:
            raise EOFError
        if answer.strip() in navigation:
            return navigation[answer.strip()]
        value = validators.normalise(validator, answer)
        reason = validators.unusual(validator, value)
        if reason is not None:  # kept as typed: the field has no published format
            self._print(w.UNUSUAL_KEPT.format(prompt=question.prompt, value=value, reason=reason))
        return value

    def _print(self, *lines: str) -> None:
        for line in lines:
            questionary.print(line, style="fg:ansibrightblack", **{k: v for k, v in self.io.items() if k == "output"})
