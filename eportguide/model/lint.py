"""Checks of a loaded pack that go beyond references: can every flow be walked as meant?

The loader already proves that every name resolves. These checks look at each flow as
a graph: a state nothing leads to, a question with no answer to give, a loop the walk
could never leave (or would have to revisit — the engine keys answers by state, so a
walk never returns to a state), an outcome that tells the user nothing, sub-flows that
enter each other endlessly. They also look at the pack as a whole: a shared fact or
input field no flow uses is a warning (content nobody sees, or a name misspelt where
it should have been used).

Pure: takes what ``read_pack`` returned and gives findings; no files are read here.
"""

from collections import deque
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from typing import TypeVar

from eportguide.i18n import wording as w
from eportguide.model import definitions as d
from eportguide.model.documents import Loaded
from eportguide.model.files import SHARED_FILE
from eportguide.model.findings import Finding
from eportguide.model.queries import facts_named, next_states, transitions

Node = TypeVar("Node", bound=Hashable)
Path = tuple[str | int, ...]


def lint(loaded: Loaded) -> list[Finding]:
    """Graph and usage findings of a pack that loaded (an unusable pack has none)."""
    if loaded.pack is None:
        return []
    linter = _Linter(loaded)
    for flow in loaded.pack.flows.values():
        linter.check_flow(flow)
    linter.check_subflow_cycles()
    if not loaded.skipped:  # a flow that failed to load may be the one using a fact
        linter.check_usage()
    return linter.findings


class _Linter:
    def __init__(self, loaded: Loaded) -> None:
        assert loaded.pack is not None
        self.pack = loaded.pack
        self.documents = loaded.documents
        self.findings: list[Finding] = []

    def report(
        self,
        document_key: str,
        path: Path,
        message: str,
        rule: str,
        *,
        flow: str | None = None,
        state: str | None = None,
        at_key: bool = False,
        warning: bool = False,
    ) -> None:
        finding = self.documents[document_key].finding(path, message, rule, flow, state=state, at_key=at_key, warning=warning)
        self.findings.append(finding)

    # --- one flow as a graph ------------------------------------------------------

    def check_flow(self, flow: d.Flow) -> None:
        states = flow.states
        edges = transitions(flow)
        # A misspelt next state (a reference finding) would make its intended target look
        # unreachable too; reachability is judged once every transition resolves.
        resolved = flow.start in states and all(target in states for state in states.values() for _path, target in next_states(state))
        reachable = _reachable([flow.start], edges.__getitem__) if resolved else set(states)
        for state_id, state in states.items():
            where: Path = ("states", state_id)
            if state_id not in reachable:
                self.report(
                    flow.id,
                    where,
                    w.F_UNREACHABLE.format(state=state_id, start=flow.start),
                    "unreachable",
                    flow=flow.id,
                    state=state_id,
                    at_key=True,
                )
            if isinstance(state, d.ChoiceState) and not state.choices:
                self.report(
                    flow.id,
                    (*where, "choices"),
                    w.F_NO_CHOICES.format(state=state_id),
                    "no-way-out",
                    flow=flow.id,
                    state=state_id,
                )
            if isinstance(state, d.OutcomeState) and not state.steps:
                self.report(
                    flow.id,
                    (*where, "steps"),
                    w.F_EMPTY_OUTCOME.format(state=state_id),
                    "empty-outcome",
                    flow=flow.id,
                    state=state_id,
                )
        self.check_loops(flow, edges)

    def check_loops(self, flow: d.Flow, edges: Mapping[str, list[str]]) -> None:
        outcomes = [s for s, state in flow.states.items() if isinstance(state, d.OutcomeState)]
        can_finish = _reachable(outcomes, _reverse(edges).__getitem__)  # an outcome lies ahead of these
        for component in strongly_connected(list(flow.states), edges.__getitem__):
            first = component[0]
            if len(component) == 1 and first not in edges[first]:
                continue  # a single state without a loop onto itself
            members = set(component)
            loop = w.F_LOOP_ARROW.join(_shortest_cycle(first, edges.__getitem__, members))
            if members.isdisjoint(can_finish):
                message, rule = w.F_ENDLESS_LOOP.format(loop=loop), "endless-loop"
            else:
                message, rule = w.F_LOOP.format(loop=loop), "loop"
            self.report(flow.id, ("states", first), message, rule, flow=flow.id, state=first, at_key=True)

    # --- sub-flows entering each other ------------------------------------------

    def check_subflow_cycles(self) -> None:
        """A sub-flow whose walk (with its preset answers) reaches the same jump again."""
        jumps: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for flow in self.pack.flows.values():
            for state_id, state in flow.states.items():
                if isinstance(state, d.SubflowState) and state.flow in self.pack.flows:
                    jumps[(flow.id, state_id)] = self._jumps_within(self.pack.flows[state.flow], state.answers)
        for component in strongly_connected(list(jumps), lambda j: [t for t in jumps[j] if t in jumps]):
            flow_id, state_id = first = component[0]
            state = self.pack.flows[flow_id].states[state_id]
            assert isinstance(state, d.SubflowState)
            if len(component) == 1 and first not in jumps[first]:
                continue
            if len(component) == 1 and state.flow == flow_id and not state.answers:
                continue  # a plain self-entry: references reports it already
            cycle = _shortest_cycle(first, jumps.__getitem__, set(component))
            chain = w.F_LOOP_ARROW.join(f"{f}/{s}" for f, s in cycle)
            self.report(
                flow_id,
                ("states", state_id, "flow"),
                w.F_SUBFLOW_CYCLE.format(chain=chain),
                "subflow-cycle",
                flow=flow_id,
                state=state_id,
            )

    def _jumps_within(self, flow: d.Flow, preset: Mapping[str, str]) -> list[tuple[str, str]]:
        """The sub-flow states a walk of ``flow`` may reach, given its preset answers."""
        edges = transitions(flow, preset)
        if flow.start not in flow.states:
            return []
        reached = _reachable([flow.start], edges.__getitem__)
        return [(flow.id, s) for s in flow.states if s in reached and isinstance(flow.states[s], d.SubflowState)]

    # --- the pack as a whole --------------------------------------------------------

    def check_usage(self) -> None:
        shared = self.pack.shared
        facts_used: set[str] = set()
        fields_asked: set[str] = set()
        for flow in self.pack.flows.values():
            for state in flow.states.values():
                facts_used.update(facts_named(state))
                if isinstance(state, d.InputState):
                    fields_asked.update(state.fields)
        for name in shared.facts:
            if name not in facts_used:
                self.report(
                    SHARED_FILE,
                    ("facts", name),
                    w.F_UNUSED_FACT.format(name=name),
                    "unused-fact",
                    at_key=True,
                    warning=True,
                )
        for name in shared.fields:
            if name not in fields_asked:
                self.report(
                    SHARED_FILE,
                    ("fields", name),
                    w.F_UNUSED_FIELD.format(name=name),
                    "unused-field",
                    at_key=True,
                    warning=True,
                )


# --- graph helpers --------------------------------------------------------------------


def _reachable(starts: Iterable[Node], successors: Callable[[Node], Iterable[Node]]) -> set[Node]:
    seen = set(starts)
    queue = deque(seen)
    while queue:
        for target in successors(queue.popleft()):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def _reverse(edges: Mapping[str, list[str]]) -> dict[str, list[str]]:
    reverse: dict[str, list[str]] = {node: [] for node in edges}
    for source, targets in edges.items():
        for target in targets:
            reverse[target].append(source)
    return reverse


def strongly_connected(nodes: list[Node], successors: Callable[[Node], list[Node]]) -> list[list[Node]]:
    """Tarjan's strongly connected components, iteratively (no recursion limit).

    Each component lists its nodes in the order of ``nodes``, so findings point at the
    state that comes first in the file.
    """
    order = {node: i for i, node in enumerate(nodes)}
    index: dict[Node, int] = {}
    low: dict[Node, int] = {}
    on_stack: set[Node] = set()
    stack: list[Node] = []
    components: list[list[Node]] = []
    for root in nodes:
        if root in index:
            continue
        work: list[tuple[Node, Iterator[Node]]] = [(root, iter(successors(root)))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, pending = work[-1]
            advanced = False
            for target in pending:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(successors(target))))
                    advanced = True
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(sorted(component, key=order.__getitem__))
    return components


def _shortest_cycle(start: Node, successors: Callable[[Node], list[Node]], within: set[Node]) -> list[Node]:
    """The shortest walk from ``start`` back to itself inside ``within``, both ends included."""
    came_from: dict[Node, Node] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for target in successors(node):
            if target not in within:
                continue
            if target == start:
                walk = [node]
                while walk[-1] != start:
                    walk.append(came_from[walk[-1]])
                return [*reversed(walk), start]
            if target not in came_from:
                came_from[target] = node
                queue.append(target)
    return [start]  # not on a cycle; callers ask only for members of one
