"""A whole procedure for ``show``: every question, every branch, every outcome."""

from typing import assert_never

from eportguide import wording as w
from eportguide.engine.result import describe
from eportguide.engine.walker import confirm_options
from eportguide.model import definitions as d
from eportguide.render import outline
from eportguide.render.outline import Item, Outline, Section


def _state_section(pack: d.Pack, flow: d.Flow, state_id: str, state: d.State) -> list[Section]:
    heading = f"[{state_id}] "
    match state:
        case d.ChoiceState():
            items = tuple(Item(w.SHOW_CHOICE.format(label=c.label, value=c.value, next=c.next)) for c in state.choices)
            return [Section(state_id, heading + state.prompt, "bullets", items)]
        case d.ConfirmState():
            yes, no = confirm_options()
            items = (
                Item(w.SHOW_CHOICE.format(label=yes.label, value=yes.value, next=state.if_yes)),
                Item(w.SHOW_CHOICE.format(label=no.label, value=no.value, next=state.if_no)),
            )
            return [Section(state_id, heading + state.prompt, "bullets", items)]
        case d.InputState():
            fields = tuple(Item(w.SHOW_FIELD.format(prompt=pack.shared.fields[f].prompt, key=f)) for f in state.fields)
            lines: tuple[Item, ...] = ()
            if state.ask is not None:
                lines = (Item(w.SHOW_ASK.format(ask=state.ask, next=state.next)),)
            lines += (*fields, Item(w.SHOW_NEXT.format(next=state.next)))
            return [Section(state_id, heading + w.SHOW_INPUT, "bullets", lines)]
        case d.InstructionState():
            result_lines = tuple(Item(t if isinstance(t, str) else t.text) for t in state.text)
            return [Section(state_id, heading + state.title, "bullets", (*result_lines, Item(w.SHOW_NEXT.format(next=state.next))))]
        case d.SubflowState():
            preset = "，".join(f"{k}={v}" for k, v in state.answers.items())
            text = w.SHOW_SUBFLOW.format(flow=state.flow, preset=f"（{preset}）" if preset else "", next=state.next)
            items = ((Item(state.title),) if state.title else ()) + (Item(text),)
            return [Section(state_id, heading + w.SHOW_SUBFLOW_HEADING, "bullets", items)]
        case d.OutcomeState():
            shape = outline.build(describe(pack, flow, state_id))
            return [s._replace(heading=f"{heading}{state.title}：{s.heading}") for s in shape.sections if s.key != "answers"]
        case _:
            assert_never(state)


def build(pack: d.Pack, flow: d.Flow) -> Outline:
    sections: list[Section] = []
    for state_id, state in flow.states.items():
        sections += _state_section(pack, flow, state_id, state)
    return Outline(f"{flow.title}（{flow.id}）", flow.description, flow.source, tuple(sections))
