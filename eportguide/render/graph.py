"""A flow as a diagram for review: Mermaid (renders in GitHub, GitLab, many editors) or dot.

Shapes say what a state does: a question is a diamond, the e-mail details an input
parallelogram, an instruction a box, a jump into another flow a double-sided box
(dashed), an outcome a rounded, green terminal. Choice labels are edge labels. Node
texts start with ``[state id]`` as ``show`` prints them, so a reviewer can find the
state in the YAML.
"""

import re
from collections.abc import Iterator
from typing import NamedTuple, assert_never

from eportguide.engine.walker import confirm_options
from eportguide.i18n import wording as w
from eportguide.model import definitions as d


class Node(NamedTuple):
    key: str  # the state id
    kind: str  # the state's kind: its shape
    text: str


class Edge(NamedTuple):
    source: str
    target: str
    label: str | None = None


def nodes_and_edges(pack: d.Pack, flow: d.Flow) -> tuple[list[Node], list[Edge]]:
    """The flow's states and transitions, format-neutral."""
    nodes = [Node(state_id, state.kind, f"[{state_id}] {_text(pack, state)}") for state_id, state in flow.states.items()]
    edges = [edge for state_id, state in flow.states.items() for edge in _edges(state_id, state)]
    return nodes, edges


def _text(pack: d.Pack, state: d.State) -> str:
    match state:
        case d.ChoiceState() | d.ConfirmState():
            return state.prompt
        case d.InputState():
            fields = w.LIST_SEPARATOR.join(pack.shared.fields[f].prompt if f in pack.shared.fields else f for f in state.fields)
            return state.ask or w.GRAPH_INPUT.format(fields=fields)
        case d.InstructionState() | d.OutcomeState():
            return state.title
        case d.SubflowState():
            preset = w.PRESET_SEPARATOR.join(f"{k}={v}" for k, v in state.answers.items())
            jump = w.GRAPH_SUBFLOW.format(flow=state.flow, preset=w.PARENTHESISED.format(text=preset) if preset else "")
            return w.GRAPH_SUBFLOW_TITLED.format(jump=jump, title=state.title) if state.title else jump
        case _:
            assert_never(state)


def _edges(state_id: str, state: d.State) -> Iterator[Edge]:
    match state:
        case d.ChoiceState():
            for choice in state.choices:
                yield Edge(state_id, choice.next, choice.label)
        case d.ConfirmState():
            yes, no = confirm_options()
            yield Edge(state_id, state.if_yes, yes.label)
            yield Edge(state_id, state.if_no, no.label)
        case d.InputState() | d.InstructionState() | d.SubflowState():
            yield Edge(state_id, state.next)
        case d.OutcomeState():
            pass  # the end of the walk
        case _:
            assert_never(state)


# --- Mermaid ------------------------------------------------------------------------

#: Mermaid node shapes by state kind: (opening, closing) around the quoted text.
MERMAID_SHAPES = {
    "choice": ("{", "}"),
    "confirm": ("{", "}"),
    "input": ("[/", "/]"),
    "instruction": ("[", "]"),
    "subflow": ("[[", "]]"),
    "outcome": ("([", "])"),
}
MERMAID_CLASSES = {
    "outcome": "fill:#e8f5e9,stroke:#2e7d32,stroke-width:2px",
    "subflow": "fill:#e3f2fd,stroke:#1565c0,stroke-dasharray:5 5",
}
_PLAIN_ID = re.compile(r"[A-Za-z0-9_]+")


def mermaid(pack: d.Pack, flow: d.Flow) -> str:
    nodes, edges = nodes_and_edges(pack, flow)
    ids = _mermaid_ids(flow)
    lines = ["flowchart TD", f'    start(("{_mermaid_text(w.GRAPH_START)}")) --> {ids[flow.start]}']
    for node in nodes:
        opening, closing = MERMAID_SHAPES[node.kind]
        lines.append(f'    {ids[node.key]}{opening}"{_mermaid_text(node.text)}"{closing}')
    for edge in edges:
        target = ids.get(edge.target, edge.target)
        label = f'|"{_mermaid_text(edge.label)}"|' if edge.label else ""
        lines.append(f"    {ids[edge.source]} -->{label} {target}")
    for kind, style in MERMAID_CLASSES.items():
        members = [ids[n.key] for n in nodes if n.kind == kind]
        if members:
            lines += [f"    classDef {kind} {style}", f"    class {','.join(members)} {kind}"]
    return "\n".join(lines) + "\n"


def _mermaid_ids(flow: d.Flow) -> dict[str, str]:
    # Prefixed: a bare "end" or an id starting with "o" or "x" after "-->" means
    # something else to Mermaid. Ids with other characters are numbered instead.
    return {state_id: f"st_{state_id}" if _PLAIN_ID.fullmatch(state_id) else f"st{i}" for i, state_id in enumerate(flow.states)}


def _mermaid_text(text: str) -> str:
    """Text inside Mermaid quotes: entity codes for what would end or mark up the label."""
    return "".join(f"#{ord(ch)};" if ch in '"#<>' else ch for ch in text)


# --- Graphviz dot ---------------------------------------------------------------------

DOT_SHAPES = {
    "choice": "shape=diamond",
    "confirm": "shape=diamond",
    "input": "shape=parallelogram",
    "instruction": "shape=box",
    "subflow": 'shape=box, peripheries=2, style="dashed,filled", fillcolor="#e3f2fd"',
    "outcome": 'shape=box, style="rounded,filled,bold", fillcolor="#e8f5e9"',
}


def dot(pack: d.Pack, flow: d.Flow) -> str:
    nodes, edges = nodes_and_edges(pack, flow)
    lines = [
        f"digraph {_dot_string(flow.id)} {{",
        f"    graph [label={_dot_string(flow.title)}, labelloc=t];",
        '    node [fontname="sans-serif"];',
        '    edge [fontname="sans-serif"];',
        f"    start [shape=circle, label={_dot_string(w.GRAPH_START)}];",
        f"    start -> {_dot_id(flow.start)};",
    ]
    for node in nodes:
        lines.append(f"    {_dot_id(node.key)} [{DOT_SHAPES[node.kind]}, label={_dot_string(node.text)}];")
    for edge in edges:
        label = f" [label={_dot_string(edge.label)}]" if edge.label else ""
        lines.append(f"    {_dot_id(edge.source)} -> {_dot_id(edge.target)}{label};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_id(state_id: str) -> str:
    return _dot_string(f"state:{state_id}")  # never the entry node "start"


def _dot_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
