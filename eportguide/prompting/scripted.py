"""Answers from ``--answer`` and ``--answers FILE``, with a person as the fallback."""

from collections.abc import Mapping

from eportguide.engine import validators
from eportguide.engine.answers import parse, shown
from eportguide.engine.walker import Answered, Question
from eportguide.errors import UsageError
from eportguide.i18n import wording as w
from eportguide.model import answer_key
from eportguide.model.definitions import DONE, NO, YES
from eportguide.prompting import Navigation, Prompter


class ScriptedPrompter:
    """Answers each question from a mapping; asks ``fallback`` (if any) for the rest.

    Without a fallback, choice and yes/no questions must be answered; an optional text
    left out stays blank (XX in the e-mail), an instruction counts as done, and a
    details question is 是 exactly when one of its details was given.
    """

    def __init__(self, answers: Mapping[str, str], fallback: Prompter | None = None) -> None:
        self.answers = dict(answers)
        self.fallback = fallback
        self.used: set[str] = set()
        self.notes: list[str] = []  # what to tell the user about values kept as given

    def _given(self, key: str, text: bool) -> str | None:
        """The answer key that answers ``key``: itself, or for a detail asked inside a
        sub-flow (``legal_first.enterprise``) the detail's own name (``enterprise``)."""
        if key in self.answers:
            return key
        bare = answer_key.field_name(key)
        return bare if text and bare != key and bare in self.answers else None

    def ask(self, question: Question, previous: str | None, can_go_back: bool) -> str | Navigation:
        key = question.key
        given = self._given(key, question.kind == "text")
        if given is not None and key not in self.used:
            self.used.update((key, given))  # once: after "back" a person is asked instead
            value = parse(question, self.answers[given])
            if question.validator is not None:
                self._note_if_unusual(question, value)
            return value
        if question.implied_by and key not in self.used and any(self._given(k, True) for k in question.implied_by):
            self.used.add(key)  # a detail given means 是, fill in the details
            return YES
        if self.fallback is not None:
            return self.fallback.ask(question, previous, can_go_back)
        if question.kind == "instruction":
            return DONE
        if question.kind == "text":
            return ""
        if question.implied_by:
            return NO
        raise missing_answer(question)

    def review(self, path: tuple[Answered, ...]) -> str | Navigation | None:
        """Scripted answers are final; a person asked for the rest reviews them all."""
        return self.fallback.review(path) if self.fallback is not None else None

    def unused(self) -> list[str]:
        return [k for k in self.answers if k not in self.used]

    def _note_if_unusual(self, question: Question, value: str) -> None:
        """A value of an unusual shape is kept; the run says so on stderr afterwards."""
        assert question.validator is not None
        reason = validators.unusual(question.validator, value)
        if reason is not None:
            self.notes.append(w.UNUSUAL_ANSWER.format(prompt=question.prompt, key=question.key, value=shown(value), reason=reason))


def missing_answer(question: Question) -> UsageError:
    choices = ""
    if question.options:
        choices = w.PARENTHESISED.format(
            text=w.VALID_VALUES.format(values=w.LIST_SEPARATOR.join(f"{o.value} ({o.label})" for o in question.options))
        )
    return UsageError(
        w.MISSING_ANSWER.format(prompt=question.prompt, key=question.key),
        w.MISSING_ANSWER_HINT.format(key=question.key, choices=choices),
    )
