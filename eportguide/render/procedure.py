"""A whole procedure as a decision guide a person reads: ``show`` and the handbook.

Questions are numbered in the order a walk meets them (问题 1 is where it starts);
outcomes are lettered plans (办理方案 A, B…), each with its checklist. Every answer says
where it leads. What the wizard asks only to fill in the e-mail (an input state) is
not a decision: an answer leads through it to where it goes, and the plan's e-mail
lists the details. A sub-flow reads as "先按《…》中 … 的办法办理，然后 → …".

State ids and answer values are kept beside what they name (``ids``) for the flow
authors' view (``show --ids``); each format prints them only when asked.
"""

import re
import string
from collections import deque
from collections.abc import Iterator, Mapping
from typing import NamedTuple, assert_never

from eportguide.engine.result import describe, provenance
from eportguide.engine.walker import confirm_options
from eportguide.i18n import wording as w
from eportguide.model import definitions as d
from eportguide.model.queries import transitions
from eportguide.render import outline
from eportguide.render.outline import Section

#: The states a reader meets as a numbered stop: a question or a step to do.
NodeState = d.ChoiceState | d.ConfirmState | d.InstructionState


class Stop(NamedTuple):
    """A place in the guide an answer leads to: a question or a plan."""

    flow_id: str
    key: str  # unique in its flow, made by the guide (q1, plan-a), never a content name
    name: str  # 问题 2, 办理方案 A
    title: str  # the plan's title ("" for a question: it follows right below)
    state_id: str

    @property
    def heading(self) -> str:
        return w.GUIDE_PLAN_TITLE.format(name=self.name, title=self.title) if self.title else self.name


class Detour(NamedTuple):
    """Another procedure (or another branch of this one) to follow first."""

    flow_id: str
    flow_title: str
    choices: str  # the labels of the answers given to it, 、-joined ("" when none)
    plan: Stop | None  # the plan those answers lead to, when they decide it
    state_id: str
    preset: str  # key=value of the answers given, for --ids


class Route(NamedTuple):
    detours: tuple[Detour, ...]
    to: Stop
    through: tuple[str, ...]  # the state ids passed, the last being ``to``'s (for --ids)


class Answer(NamedTuple):
    label: str
    value: str
    route: Route


class Node(NamedTuple):
    stop: Stop
    prompt: str
    help: str | None
    lines: tuple[str, ...]  # an instruction's text
    answers: tuple[Answer, ...]  # an instruction's one answer is labelled 完成后


class Plan(NamedTuple):
    stop: Stop
    sections: tuple[Section, ...]


class Guide(NamedTuple):
    flow_id: str
    title: str
    category: str
    description: str
    source: str
    begin: Route | None  # where to start when it is not 问题 1 (no question, or a detour first)
    nodes: tuple[Node, ...]
    plans: tuple[Plan, ...]
    provenance: str | None = None  # the source document and when the facts were checked


def letter(index: int) -> str:
    """A, B, … Z, AA, AB…: a plan's letter from its position (0-based)."""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


def _targets(state: d.State) -> Iterator[str]:
    match state:
        case d.ChoiceState():
            yield from (c.next for c in state.choices)
        case d.ConfirmState():
            yield from (state.if_yes, state.if_no)
        case d.InputState() | d.InstructionState() | d.SubflowState():
            yield state.next
        case d.OutcomeState():
            pass
        case _:
            assert_never(state)


def _stop_after(flow: d.Flow, target: str) -> str:
    """The first question or plan going to ``target`` reaches (through inputs and sub-flows)."""
    while True:
        state = flow.states.get(target)
        if not isinstance(state, d.InputState | d.SubflowState):
            return target
        target = state.next


def stops(flow: d.Flow) -> dict[str, Stop]:
    """The flow's questions and plans by state id, numbered in the order a walk meets them.

    Input and sub-flow states are passed through, not stops of their own, so the plans
    are lettered in the order of the answers that lead to them. States no walk reaches
    (a pack ``validate`` rejects) come last, in the file's order.
    """
    order: list[str] = []
    first = _stop_after(flow, flow.start)
    queue, seen = deque([first]), {first}
    while queue:
        state_id = queue.popleft()
        order.append(state_id)
        for target in _targets(flow.states[state_id]):
            target = _stop_after(flow, target)
            if target in flow.states and target not in seen:
                seen.add(target)
                queue.append(target)
    order += [s for s in flow.states if s not in seen]
    found: dict[str, Stop] = {}
    questions = plans = 0
    for state_id in order:
        state = flow.states[state_id]
        if isinstance(state, d.OutcomeState):
            name = w.GUIDE_PLAN.format(letter=letter(plans))
            found[state_id] = Stop(flow.id, f"plan-{letter(plans).lower()}", name, state.title, state_id)
            plans += 1
        elif isinstance(state, NodeState):
            questions += 1
            name = (w.GUIDE_STEP if isinstance(state, d.InstructionState) else w.GUIDE_QUESTION).format(number=questions)
            found[state_id] = Stop(flow.id, f"q{questions}", name, "", state_id)
    return found


class _Router:
    def __init__(self, pack: d.Pack, flow: d.Flow) -> None:
        self.pack = pack
        self.flow = flow
        self.stops = stops(flow)
        self._others: dict[str, dict[str, Stop]] = {flow.id: self.stops}

    def route(self, target: str) -> Route:
        """Where going to ``target`` leads: through input states and detours to a stop."""
        detours: list[Detour] = []
        through: list[str] = []
        while target not in self.stops:
            through.append(target)
            state = self.flow.states[target]
            if isinstance(state, d.SubflowState):
                detours.append(self.detour(target, state))
                target = state.next
            elif isinstance(state, d.InputState):
                target = state.next
            else:  # pragma: no cover - every other kind is a stop
                raise AssertionError(target)
        return Route(tuple(detours), self.stops[target], (*through, target))

    def detour(self, state_id: str, state: d.SubflowState) -> Detour:
        other = self.pack.flows[state.flow]
        labels = [_answer_label(self.pack, other, key, value) for key, value in state.answers.items()]
        preset = w.PRESET_SEPARATOR.join(f"{k}={v}" for k, v in state.answers.items())
        return Detour(other.id, other.title, w.LIST_SEPARATOR.join(labels), self.decided_plan(other, state.answers), state_id, preset)

    def decided_plan(self, other: d.Flow, preset: Mapping[str, str]) -> Stop | None:
        """The one plan of ``other`` its preset answers lead to, if they decide it."""
        edges = transitions(other, preset)
        outcomes: list[str] = []
        queue, seen = [other.start], {other.start}
        while queue:
            state_id = queue.pop()
            if isinstance(other.states[state_id], d.OutcomeState):
                outcomes.append(state_id)
            for target in edges.get(state_id, []):
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
        if len(outcomes) != 1:
            return None
        found = self._others.setdefault(other.id, stops(other))
        return found[outcomes[0]]


def _answer_label(pack: d.Pack, flow: d.Flow, key: str, value: str) -> str:
    state = flow.states.get(key)
    if isinstance(state, d.ChoiceState):
        return next((c.label for c in state.choices if c.value == value), value)
    if isinstance(state, d.ConfirmState):
        return w.YES_LABEL if value == d.YES else w.NO_LABEL if value == d.NO else value
    field = pack.shared.fields.get(key)
    return w.LABELLED.format(label=field.prompt, text=value) if field is not None else value


def _node(router: _Router, stop: Stop, state: NodeState) -> Node:
    match state:
        case d.ChoiceState():
            answers = tuple(Answer(c.label, c.value, router.route(c.next)) for c in state.choices)
            return Node(stop, state.prompt, state.help, (), answers)
        case d.ConfirmState():
            yes, no = confirm_options()
            answers = (
                Answer(yes.label, yes.value, router.route(state.if_yes)),
                Answer(no.label, no.value, router.route(state.if_no)),
            )
            return Node(stop, state.prompt, state.help, (), answers)
        case d.InstructionState():
            lines = tuple(t if isinstance(t, str) else t.text for t in state.text)
            return Node(stop, state.title, None, lines, (Answer(w.GUIDE_DONE, d.DONE, router.route(state.next)),))
        case _:
            assert_never(state)


def build(pack: d.Pack, flow: d.Flow) -> Guide:
    router = _Router(pack, flow)
    nodes: list[Node] = []
    plans: list[Plan] = []
    for state_id, stop in router.stops.items():
        state = flow.states[state_id]
        if isinstance(state, d.OutcomeState):
            shape = outline.build(describe(pack, flow, state_id, worded=True))
            plans.append(Plan(stop, tuple(s for s in shape.sections if s.key != "answers")))
        elif isinstance(state, NodeState):
            nodes.append(_node(router, stop, state))
    begin = router.route(flow.start)
    starts_at_first_question = not begin.detours and nodes and begin.to == nodes[0].stop
    return Guide(
        flow.id,
        flow.title,
        flow.category,
        flow.description,
        flow.source,
        None if starts_at_first_question else begin,
        tuple(nodes),
        tuple(plans),
        outline.provenance_text(provenance(pack)),
    )


# --- what a line says, as pieces a format may link ---------------------------------


class Piece(NamedTuple):
    """A run of text; a format that can link makes it a link to ``stop`` or to a flow."""

    text: str
    stop: Stop | None = None
    flow_id: str | None = None
    ids: bool = False  # an --ids marker (a format may set it apart)


def _template(template: str, **slots: Piece | str) -> list[Piece]:
    """A wording template with its slots filled by pieces (or plain text)."""
    pieces: list[Piece] = []
    for literal, name, _spec, _conversion in string.Formatter().parse(template):
        if literal:
            pieces.append(Piece(literal))
        if name is not None:
            slot = slots[name]
            pieces.append(slot if isinstance(slot, Piece) else Piece(slot))
    return pieces


def ids_piece(*ids: str) -> Piece:
    return Piece(" " + w.GUIDE_IDS.format(ids=" → ".join(ids)), ids=True)


def stop_piece(stop: Stop) -> Piece:
    return Piece(stop.heading, stop=stop)


def flow_piece(flow_id: str, title: str) -> Piece:
    return Piece(w.FLOW_REFERENCE.format(title=title), flow_id=flow_id)


def route_pieces(route: Route) -> list[Piece]:
    """Where a route leads, in words: detours first, then the question or plan."""
    pieces: list[Piece] = []
    for detour in route.detours:
        flow = flow_piece(detour.flow_id, detour.flow_title)
        if detour.choices:
            pieces += _template(w.GUIDE_DETOUR, flow=flow, choices=detour.choices)
        else:
            pieces += _template(w.GUIDE_DETOUR_WHOLE, flow=flow)
        if detour.plan is not None:
            pieces += _template(w.GUIDE_DETOUR_PLAN, plan=Piece(detour.plan.name, stop=detour.plan))
        pieces.append(Piece(w.GUIDE_THEN))
    if pieces:
        pieces.append(Piece(f" {w.GUIDE_ARROW} "))
    pieces.append(stop_piece(route.to))
    return pieces


def route_ids(route: Route, value: str | None = None) -> Piece:
    detours = {d.state_id: d for d in route.detours}
    through = [
        w.GUIDE_IDS_DETOUR.format(state=s, flow=detours[s].flow_id, answers=detours[s].preset) if s in detours else s for s in route.through
    ]
    return ids_piece(*([value] if value is not None else []), *through)


def answer_pieces(answer: Answer, ids: bool = False) -> list[Piece]:
    """An answer and where it leads: 法人卡 → 办理方案 A：…"""
    pieces = [Piece(answer.label), Piece(f" {w.GUIDE_ARROW} "), *route_pieces(answer.route)]
    return [*pieces, route_ids(answer.route, answer.value)] if ids else pieces


def begin_pieces(route: Route, ids: bool = False) -> list[Piece]:
    """Where a guide starts when it is not its first question."""
    lead = [] if route.detours else [Piece(w.GUIDE_BEGIN), Piece(f" {w.GUIDE_ARROW} ")]
    pieces = [*lead, *route_pieces(route)]
    return [*pieces, route_ids(route)] if ids else pieces


def plain(pieces: list[Piece]) -> str:
    return "".join(p.text for p in pieces)


def link(piece: Piece, present: set[str]) -> str | None:
    """The anchor ``piece`` links to in a document holding the procedures ``present``
    (its stop, else its procedure), or None: a procedure left out is not linked."""
    if piece.stop is not None and piece.stop.flow_id in present:
        return anchor(piece.stop.flow_id, piece.stop.key)
    if piece.flow_id is not None and piece.flow_id in present:
        return anchor(piece.flow_id)
    return None


def anchor(flow_id: str, key: str | None = None) -> str:
    """The id of a procedure (or of one of its stops) in a document: prefixed, and made
    of letters, digits and hyphens only, so no flow's name reaches a document's ids as is."""
    safe = re.sub(r"[^A-Za-z0-9-]", lambda m: "".join(f"_{b:02x}" for b in m.group().encode()), flow_id)
    return f"flow-{safe}" + (f".{key}" if key else "")
