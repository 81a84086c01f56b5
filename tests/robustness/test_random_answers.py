"""Random answer sequences through every flow never end in a crash.

A fake person answers through the real ask loop (``dialogue.drive``): option values and
labels, anything typed, yes/no words, going back, starting again, changing an answer
in the review before the outcome, and a saved answer log that may not fit the flow
any more. Whatever they do, a run ends in an outcome, a re-prompt after an invalid
answer, or a clean ``Interrupted`` when they press Ctrl-C or close the input — never
another exception. Every result is then rendered in every output (text, Markdown, HTML,
JSON, the terminal and the ``.eml`` draft), which must not raise either. The seed is
fixed so CI runs the same examples; ``pytest -m slow`` runs 10,000 walks.
"""

import email
import email.policy
import io
from collections.abc import Iterator
from datetime import date

import pytest
from helpers import FLOWS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eportguide import render
from eportguide.engine.answers import InvalidAnswer, parse
from eportguide.engine.keys import answer_keys
from eportguide.engine.result import build
from eportguide.engine.walker import Answered, Question
from eportguide.errors import Interrupted
from eportguide.model.loader import load_pack
from eportguide.prompting import Navigation
from eportguide.render import eml, outline, terminal
from eportguide.run import dialogue
from eportguide.terminal.console import output_console

PACK = load_pack(FLOWS)
TYPED = [
    "yes",
    "no",
    "是",
    "否",
    "y",
    "n",
    "",
    " ",
    "<",
    "done",
    "legal",
    "法人卡",
    "13912345678",
    "029-83196210",
    "SF1234567890",
    "8100000012345",
    "{hotline}",
    "x" * 300,
    "a\nb",
    "\u202e",
    "\x1b[31m",
    # hostile text (issue 12): every character that ends a line, markup, escapes, emoji
    "A\u2028Bcc: x@evil.example",
    "某某\u2029收件人 evil@example.com",
    "a\x85b",
    "a\x1cb\x1dc\x1ed",
    "a\vb\fc\rd",
    "[/x] [bold]红[/bold]",
    "<script>alert(1)</script>",
    "=?utf-8?b?5rWL?=",
    "{service_email}%s%(x)s",
    "😀西安秦川",
    "\u200b\ufeff",
]

Action = tuple[str, object]
VALUE = st.tuples(st.just("option"), st.integers(0, 5))  # an option's value
LABEL = st.tuples(st.just("label"), st.integers(0, 5))  # an option's label, as shown
# Mostly fitting answers, so that most runs get through to an outcome and its review.
ACTIONS = st.one_of(
    VALUE,
    VALUE,
    VALUE,
    LABEL,
    LABEL,
    st.tuples(st.just("typed"), st.sampled_from(TYPED)),
    st.tuples(st.just("typed"), st.text(max_size=40)),
    st.tuples(st.just("back"), st.none()),
    st.tuples(st.just("restart"), st.none()),
    st.tuples(st.just("eof"), st.none()),  # stdin closed
    st.tuples(st.just("ctrl-c"), st.none()),
)


class RandomPerson:
    """A prompter that acts out the next actions; then it takes the first option, leaves
    a text blank and accepts the review, so that most runs reach an outcome."""

    def __init__(self, actions: list[Action]) -> None:
        self.actions: Iterator[Action] = iter(actions)
        self.reprompts = 0

    def ask(self, question: Question, previous: str | None, can_go_back: bool) -> str | Navigation:
        for kind, argument in self.actions:
            self.stop_if_asked(kind)
            if kind == "back" and can_go_back:
                return Navigation.BACK
            if kind == "restart":
                return Navigation.RESTART
            raw = self.raw(question, kind, argument)
            if raw is None:
                continue  # e.g. "back" at the first question: not offered
            try:
                return parse(question, raw)
            except InvalidAnswer:
                self.reprompts += 1  # the real prompters say why and ask again
        return question.options[0].value if question.options else ""

    def review(self, path: tuple[Answered, ...]) -> str | Navigation | None:
        """Before the outcome: accept, change one answer, go back or start again."""
        for kind, argument in self.actions:
            self.stop_if_asked(kind)
            if kind == "back":
                return Navigation.BACK
            if kind == "restart":
                return Navigation.RESTART
            asked = [a.key for a in path if not a.preset]
            if kind == "option" and asked:
                return asked[int(argument) % len(asked)]  # type: ignore[call-overload]
            return None
        return None

    @staticmethod
    def stop_if_asked(kind: str) -> None:
        if kind == "eof":
            raise EOFError
        if kind == "ctrl-c":
            raise KeyboardInterrupt

    @staticmethod
    def raw(question: Question, kind: str, argument: object) -> str | None:
        if kind in ("option", "label") and question.options:
            option = question.options[int(argument) % len(question.options)]  # type: ignore[call-overload]
            return option.value if kind == "option" else option.label
        if kind == "typed":
            return str(argument)
        return None


@st.composite
def runs(draw: st.DrawFn) -> tuple[str, dict[str, str], list[Action]]:
    flow_id = draw(st.sampled_from(list(PACK.flows)))
    keys = answer_keys(PACK, flow_id)
    values = sorted({value for allowed in keys.values() if allowed for value in allowed})
    saved: dict[str, str] = {}
    if keys:  # a saved log, as an older version of the flow may have left it
        saved_value = st.sampled_from(TYPED + values)
        saved = draw(st.dictionaries(st.sampled_from(sorted(keys)), saved_value, max_size=4))
    return flow_id, saved, draw(st.lists(ACTIONS, max_size=40))


def walk_and_render(run: tuple[str, dict[str, str], list[Action]]) -> None:
    """One random walk, then its result in every output: it must not raise anything."""
    flow_id, saved, actions = run
    person = RandomPerson(actions)
    try:
        finished = dialogue.drive(PACK, flow_id, person, answers=saved)
    except Interrupted:
        return
    assert finished.parts[-1].flow.id == flow_id
    result = build(PACK, finished, date(2026, 9, 30))
    assert result.steps
    for format in ("text", "markdown", "html", "json"):
        assert result.outcome_title in render.to_string(result, format)
    for answer in result.path:  # no accepted answer can start a line of its own
        assert answer.value.splitlines() == [answer.value] or answer.value == ""
    screen = io.StringIO()
    terminal.render(outline.build(result), output_console(screen, 100), None)
    assert result.outcome_title in screen.getvalue()
    if result.email is not None:
        draft = email.message_from_bytes(eml.render(result), policy=email.policy.default)
        assert draft["To"] == result.email.to
        # A header loses the spaces at its ends (a replayed saved answer may start with one).
        # Known gap, not fixed here: Python's email package decodes a typed "=?utf-8?b?…?="
        # as an encoded word, so such a subject reads differently in a mail client.
        if "=?" not in result.email.subject:
            assert draft["Subject"] == result.email.subject.strip()


@settings(derandomize=True, max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(runs())
def test_random_answers_end_in_an_outcome_or_a_clean_interruption(run):
    walk_and_render(run)


@pytest.mark.slow
@settings(derandomize=True, max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(runs())
def test_ten_thousand_random_walks_through_every_output(run):
    """The nightly size (``pytest -m slow``); CI runs the 600 above on every push."""
    walk_and_render(run)
