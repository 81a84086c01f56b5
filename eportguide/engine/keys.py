"""Every answer key a flow may ask, sub-flows included (with their prefixes)."""

from eportguide.model import answer_key
from eportguide.model import definitions as d
from eportguide.model.queries import question_values


def answer_keys(
    pack: d.Pack,
    flow_id: str,
    prefix: str = "",
    preset: frozenset[str] = frozenset(),
    seen: frozenset[str] = frozenset(),
) -> dict[str, tuple[str, ...] | None]:
    """Key to allowed values (None: free text); presets of a sub-flow are not asked."""
    flow = pack.flows[flow_id]
    keys = {prefix + k: v for k, v in question_values(flow).items() if k not in preset}
    for state_id, state in flow.states.items():
        entry = f"{flow_id}/{state_id}"
        if isinstance(state, d.SubflowState) and entry not in seen:
            keys.update(answer_keys(pack, state.flow, answer_key.inside(prefix, state_id), frozenset(state.answers), seen | {entry}))
    return keys
