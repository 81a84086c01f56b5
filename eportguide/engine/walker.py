"""The state machine: replaying an answer log yields the current question or the outcome.

The log is an ordered mapping of answer key to value. A walk starts at the flow's start
state and consumes answers by key, so going back is "drop the last answer", changing an
early answer drops nothing by itself (``prune`` removes answers the new path no longer
uses), and a log saved against an older version of a flow replays as far as it fits.
Nothing here prints, prompts or touches a file.
"""

from collections.abc import Mapping
from typing import Literal, NamedTuple, assert_never

from eportguide.engine import validators
from eportguide.i18n import wording as w
from eportguide.model import answer_key
from eportguide.model import definitions as d
from eportguide.model.definitions import DONE, NO, YES

Kind = Literal["choice", "confirm", "text", "instruction"]
#: The states that ask one question of their own.
QuestionState = d.ChoiceState | d.ConfirmState | d.InstructionState
#: The fewest and the most questions that may still be asked.
Span = tuple[int, int]


class FlowError(Exception):
    """A flow that cannot be walked (a loop the loader could not rule out)."""


class Option(NamedTuple):
    value: str
    label: str
    #: The label as the pack writes it, when it is read in another language: a script's
    #: ``--answer card=法人卡`` still answers in English.
    written: str = ""


class Question(NamedTuple):
    key: str  # the answer key: a state id, a field name, prefixed inside sub-flows
    kind: Kind
    prompt: str
    options: tuple[Option, ...] = ()
    help: str | None = None
    validator: str | None = None  # text questions: how the value is checked (definitions.Validator)
    lines: tuple[str, ...] = ()  # instruction questions: what to do
    implied_by: tuple[str, ...] = ()  # gate questions: answer keys that imply 是
    flow_id: str = ""
    state_id: str = ""
    number: int = 1  # this question's position in the walk, from 1
    total: int = 1  # number plus the most questions that may still follow
    fewest: int = 1  # number plus the fewest questions that may still follow
    label: str = ""  # the question in a few words, for tables and the review ("": the prompt)

    @property
    def short(self) -> str:
        return self.label or self.prompt

    @property
    def known_total(self) -> int | None:
        """How many questions this walk asks, when every way on asks as many; else None
        (a "1 of 10" on a path that may end after 2 is not believed)."""
        return self.total if self.fewest == self.total else None


class Answered(NamedTuple):
    """One answered question on the path taken."""

    key: str
    prompt: str
    value: str
    label: str  # what the user saw: a choice's label, 是/否, or the text typed
    preset: bool = False  # given by the parent flow, not asked
    question_label: str = ""  # the question in a few words, for tables and the review

    @property
    def short(self) -> str:
        """The question as tables and the review name it."""
        return self.question_label or self.prompt


class Part(NamedTuple):
    """A flow reached an outcome; sub-flows contribute parts before their parent."""

    flow: d.Flow
    outcome_id: str
    outcome: d.OutcomeState
    answers: Mapping[str, str]  # this flow's own keys (no prefix), presets included


class Pending(NamedTuple):
    question: Question
    path: tuple[Answered, ...]
    previous: str | None = None  # a stored value that no longer fits this question


class Finished(NamedTuple):
    path: tuple[Answered, ...]
    parts: tuple[Part, ...]


def confirm_options() -> tuple[Option, ...]:
    return (Option(YES, w.YES_LABEL), Option(NO, w.NO_LABEL))


class _Walker:
    def __init__(self, pack: d.Pack, answers: Mapping[str, str]) -> None:
        self.pack = pack
        self.answers = answers
        self.path: list[Answered] = []
        self.parts: list[Part] = []
        self.span = _Span(pack)

    def _written(self, flow_id: str, state_id: str) -> d.State | None:
        """The state in the pack as written, when the pack is read in another language."""
        original = self.pack.original
        flow = original.flows.get(flow_id) if original is not None else None
        return flow.states.get(state_id) if flow is not None else None

    def run(self, flow: d.Flow, prefix: str, preset: Mapping[str, str], tail: Span, stack: tuple[str, ...]) -> Pending | None:
        local: dict[str, str] = dict(preset)
        visited: set[str] = set()
        state_id = flow.start
        while True:
            if state_id in visited:
                raise FlowError(f"{flow.id}: state {state_id!r} is reached twice in one walk")
            visited.add(state_id)
            state = flow.states[state_id]
            remaining = _plus(self.span(flow.id, state_id, frozenset(preset.items())), tail)
            match state:
                case d.ChoiceState() | d.ConfirmState() | d.InstructionState():
                    question = _question(flow, state_id, state, prefix, self._written(flow.id, state_id))
                    value, is_preset = self._value(question, state_id, preset)
                    option = _option(question, value)
                    if option is None:
                        return self._ask(question, value, remaining)
                    self._record(question, option.value, option.label, is_preset, local, state_id)
                    state_id = _target(state, option.value)
                case d.InputState():
                    after = _plus(self.span(flow.id, state.next, frozenset(preset.items())), tail)
                    if state.ask is not None:
                        gate = Question(
                            prefix + state_id,
                            "confirm",
                            state.ask,
                            confirm_options(),
                            flow_id=flow.id,
                            state_id=state_id,
                            implied_by=tuple(prefix + name for name in state.fields),
                            label=state.ask_label or "",
                        )
                        value, is_preset = self._value(gate, state_id, preset)
                        option = _option(gate, value)
                        if option is None:
                            return self._ask(gate, value, remaining)
                        self._record(gate, option.value, option.label, is_preset, local, state_id)
                        if option.value == NO:
                            state_id = state.next
                            continue
                    for index, name in enumerate(state.fields):
                        spec = self.pack.shared.fields[name]
                        question = Question(
                            prefix + name,
                            "text",
                            spec.prompt,
                            help=spec.help,
                            validator=spec.validate,
                            flow_id=flow.id,
                            state_id=state_id,
                        )
                        value, is_preset = self._value(question, name, preset)
                        if value is None or validators.problem(spec.validate, value) is not None:
                            left = len(state.fields) - index  # this one and those after it
                            return self._ask(question, value, _plus((left, left), after))
                        self._record(question, value, value, is_preset, local, name)
                    state_id = state.next
                case d.SubflowState():
                    entry = f"{flow.id}/{state_id}"
                    if entry in stack:
                        raise FlowError(f"{flow.id}: sub-flow {state.flow!r} enters itself again")
                    after = _plus(self.span(flow.id, state.next, frozenset(preset.items())), tail)
                    pending = self.run(
                        self.pack.flows[state.flow], answer_key.inside(prefix, state_id), state.answers, after, (*stack, entry)
                    )
                    if pending is not None:
                        return pending
                    state_id = state.next
                case d.OutcomeState():
                    self.parts.append(Part(flow, state_id, state, local))
                    return None
                case _:
                    assert_never(state)

    def _ask(self, question: Question, value: str | None, remaining: Span) -> Pending:
        """The open question, numbered: asked so far + 1, of asked + remaining (fewest, most)."""
        number = sum(1 for a in self.path if not a.preset) + 1
        fewest, most = remaining
        question = _with_progress(question, number, number - 1 + fewest, number - 1 + most)
        return Pending(question, tuple(self.path), value)

    def _value(self, question: Question, local_key: str, preset: Mapping[str, str]) -> tuple[str | None, bool]:
        """The answer to ``question``: preset by the entering flow (local key), else given (its key)."""
        if local_key in preset:
            return preset[local_key], True
        return self.answers.get(question.key), False

    def _record(self, question: Question, value: str, label: str, preset: bool, local: dict[str, str], local_key: str) -> None:
        local[local_key] = value
        self.path.append(Answered(question.key, question.prompt, value, label, preset, question.label))


def _question(flow: d.Flow, state_id: str, state: QuestionState, prefix: str, written: d.State | None = None) -> Question:
    """The question a state asks; ``written``: the same state in the pack as written, when
    the pack is read in another language (its choices' labels answer too)."""
    key = prefix + state_id
    match state:
        case d.ChoiceState():
            labels = {c.value: c.label for c in written.choices} if isinstance(written, d.ChoiceState) else {}
            options = tuple(Option(c.value, c.label, labels.get(c.value, "")) for c in state.choices)
            return Question(key, "choice", state.prompt, options, state.help, flow_id=flow.id, state_id=state_id, label=state.label or "")
        case d.ConfirmState():
            options = confirm_options()
            return Question(key, "confirm", state.prompt, options, state.help, flow_id=flow.id, state_id=state_id, label=state.label or "")
        case d.InstructionState():
            # Conditional lines are resolved by the renderer of the question; the
            # instruction itself is shown whole here.
            lines = tuple(t if isinstance(t, str) else t.text for t in state.text)
            done = (Option(DONE, w.DONE_LABEL),)
            return Question(key, "instruction", state.title, done, lines=lines, flow_id=flow.id, state_id=state_id, label=state.label or "")
        case _:
            assert_never(state)


def _option(question: Question, value: str | None) -> Option | None:
    if value is None:
        return None
    return next((o for o in question.options if o.value == value), None)


def _target(state: QuestionState, value: str) -> str:
    match state:
        case d.ChoiceState():
            return next(c.next for c in state.choices if c.value == value)
        case d.ConfirmState():
            return state.if_yes if value == YES else state.if_no
        case d.InstructionState():
            return state.next
        case _:
            assert_never(state)


def _with_progress(question: Question, number: int, fewest: int, most: int) -> Question:
    return question._replace(number=number, fewest=max(fewest, number), total=max(most, number))


def _plus(first: Span, second: Span) -> Span:
    return first[0] + second[0], first[1] + second[1]


def _either(spans: list[Span]) -> Span:
    """One of several ways on: the fewest of any, the most of any."""
    return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else (0, 0)


_Key = tuple[str, str, frozenset[tuple[str, str]]]


class _Span:
    """The fewest and the most questions that may still be asked from a state to an outcome.

    ``preset`` holds a sub-flow's given answers: those states are followed, not counted.
    """

    def __init__(self, pack: d.Pack) -> None:
        self.pack = pack
        self.memo: dict[_Key, Span] = {}

    def __call__(self, flow_id: str, state_id: str, preset: frozenset[tuple[str, str]] = frozenset()) -> Span:
        """Counted depth-first without recursion (a pack may chain hundreds of questions),
        children in order, as the recursive count they replace; a state met again while it
        is being counted (a loop) adds nothing."""
        root: _Key = (flow_id, state_id, preset)
        counting: set[_Key] = set()
        stack = [root]
        while stack:
            key = stack[-1]
            if key not in self.memo:
                self.memo[key] = (0, 0)  # in progress: a loop adds nothing
                counting.add(key)
                stack.extend(reversed([child for child in self._children(key) if child not in self.memo]))
                continue
            stack.pop()
            if key in counting:  # its children are counted (or in progress, up a loop)
                counting.discard(key)
                self.memo[key] = self._count(key)
        return self.memo[root]

    def _state(self, key: _Key) -> d.State:
        return self.pack.flows[key[0]].states[key[1]]

    def _children(self, key: _Key) -> list[_Key]:
        flow_id, state_id, preset = key
        state = self._state(key)
        given = dict(preset).get(state_id)
        match state:
            case d.ChoiceState():
                return [(flow_id, c.next, preset) for c in state.choices if given in (None, c.value)]
            case d.ConfirmState():
                return [(flow_id, n, preset) for v, n in ((YES, state.if_yes), (NO, state.if_no)) if given in (None, v)]
            case d.InstructionState() | d.InputState():
                return [(flow_id, state.next, preset)]
            case d.SubflowState():
                sub = self.pack.flows[state.flow]
                return [(sub.id, sub.start, frozenset(state.answers.items())), (flow_id, state.next, preset)]
            case d.OutcomeState():
                return []
            case _:
                assert_never(state)

    def _count(self, key: _Key) -> Span:
        state = self._state(key)
        given = dict(key[2]).get(key[1])
        asked = (1, 1) if given is None else (0, 0)
        counted = [self.memo[child] for child in self._children(key)]
        match state:
            case d.ChoiceState() | d.ConfirmState():
                return _plus(asked, _either(counted))
            case d.InstructionState():
                return _plus((1, 1), counted[0])
            case d.InputState():
                fields = len(state.fields)
                inputs = (fields, fields) if state.ask is None else (1, 1 + fields)  # 否 at the gate skips them
                return _plus(inputs, counted[0])
            case d.SubflowState():
                return _plus(counted[0], counted[1])
            case d.OutcomeState():
                return (0, 0)
            case _:
                assert_never(state)


def answer_log(path: tuple[Answered, ...]) -> dict[str, str]:
    """The answers a user gave along a path (a sub-flow's presets were never asked)."""
    return {a.key: a.value for a in path if not a.preset}


def walk(pack: d.Pack, flow_id: str, answers: Mapping[str, str]) -> Pending | Finished:
    """Replay ``answers`` through a flow: the first open question, or the outcome."""
    walker = _Walker(pack, answers)
    pending = walker.run(pack.flows[flow_id], "", {}, (0, 0), ())
    if pending is not None:
        return pending
    return Finished(tuple(walker.path), tuple(walker.parts))


def prune(pack: d.Pack, flow_id: str, answers: Mapping[str, str]) -> dict[str, str]:
    """Only the answers the current path uses, in the order they are asked."""
    position = walk(pack, flow_id, answers)
    return answer_log(position.path)
