"""Turning what a user typed or passed with ``--answer`` into a stored answer value."""

from eportguide.engine import validators
from eportguide.engine.walker import Question
from eportguide.errors import UsageError
from eportguide.i18n import wording as w
from eportguide.model.definitions import DONE, NO, YES

#: Yes and no as scripts write them, in every language; the words of the language spoken
#: (and Chinese, so that 是/否 keep working in English) come from the wording.
SCRIPT_TRUE_WORDS = frozenset({"yes", "y", "true", "1"})
SCRIPT_FALSE_WORDS = frozenset({"no", "n", "false", "0"})


def true_words() -> frozenset[str]:
    return SCRIPT_TRUE_WORDS | _words("YES_WORDS")


def false_words() -> frozenset[str]:
    return SCRIPT_FALSE_WORDS | _words("NO_WORDS")


def _words(name: str) -> frozenset[str]:
    spoken, chinese = str(getattr(w, name)), str(w.source(name))
    return frozenset(word.casefold() for word in (spoken + " " + chinese).split())


def shown(value: str, limit: int = 40) -> str:
    """A value as quoted back in a message: control characters visible, long text cut."""
    text = "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in value[: limit + 1])
    return text if len(value) <= limit else text[:limit] + "…"


class InvalidAnswer(UsageError):
    """An answer that does not fit its question; ``reason`` says why, ``valid`` lists what would."""

    def __init__(self, question: Question, reason: str, valid: tuple[str, ...] = ()) -> None:
        self.question = question
        self.reason = reason
        self.valid = valid
        message = w.INVALID_ANSWER.format(prompt=question.prompt, key=question.key, message=reason)
        super().__init__(message, w.VALID_VALUES.format(values=w.LIST_SEPARATOR.join(valid)) if valid else None)


def parse(question: Question, raw: str) -> str:
    """The stored value for ``raw``: a choice's value, yes/no, done, or checked text."""
    text = raw.strip()
    match question.kind:
        case "choice":
            for option in question.options:
                if text in (option.value, option.label) or (option.written and text == option.written):
                    return option.value
            lowered = text.casefold()
            for option in question.options:
                if lowered == option.value.casefold():
                    return option.value
            valid = tuple(f"{o.value} ({o.label})" for o in question.options)
            raise InvalidAnswer(question, w.INVALID_CHOICE.format(value=shown(text)), valid)
        case "confirm":
            lowered = text.casefold()
            if lowered in true_words():
                return YES
            if lowered in false_words():
                return NO
            raise InvalidAnswer(question, w.INVALID_CONFIRM.format(value=shown(text)), (YES, NO))
        case "instruction":
            return DONE
    assert question.validator is not None
    value = validators.normalise(question.validator, raw)
    problem = validators.problem(question.validator, value)
    if problem is not None:
        raise InvalidAnswer(question, problem)
    return value
