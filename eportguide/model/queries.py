"""Questions a flow asks, where its states lead, and which texts and facts they hold.

Read-only queries over the model, used by the loader's checks, the graph checks and
the engine alike; nothing here reads a file or imports PyYAML.
"""

from collections.abc import Iterator, Mapping
from typing import assert_never

from eportguide.model import definitions as d
from eportguide.model import templates
from eportguide.model.definitions import DONE, NO, YES

Path = tuple[str | int, ...]


def question_values(flow: d.Flow) -> dict[str, tuple[str, ...] | None]:
    """Answer keys a flow asks directly, with their allowed values (None: free text)."""
    keys: dict[str, tuple[str, ...] | None] = {}
    for state_id, state in flow.states.items():
        match state:
            case d.ChoiceState():
                keys[state_id] = tuple(c.value for c in state.choices)
            case d.ConfirmState():
                keys[state_id] = (YES, NO)
            case d.InstructionState():
                keys[state_id] = (DONE,)
            case d.InputState():
                if state.ask is not None:
                    keys[state_id] = (YES, NO)
                for name in state.fields:
                    keys[name] = None
            case d.SubflowState() | d.OutcomeState():
                pass  # nothing asked here (a sub-flow's questions are its own flow's)
            case _:
                assert_never(state)
    return keys


def next_states(state: d.State) -> list[tuple[Path, str]]:
    """Each transition of a state as (path inside the state, target state id)."""
    match state:
        case d.ChoiceState():
            return [(("choices", i, "next"), c.next) for i, c in enumerate(state.choices)]
        case d.ConfirmState():
            return [(("if_yes",), state.if_yes), (("if_no",), state.if_no)]
        case d.InputState() | d.InstructionState() | d.SubflowState():
            return [(("next",), state.next)]
        case d.OutcomeState():
            return []
        case _:
            assert_never(state)


def texts(state: d.State) -> Iterator[tuple[Path, str]]:
    """Every text of a state that may hold placeholders, with its path."""

    def items(name: str, values: tuple[d.Text, ...]) -> Iterator[tuple[Path, str]]:
        for i, item in enumerate(values):
            if isinstance(item, d.ConditionalText):
                yield (name, i, "text"), item.text
            elif item is not None:
                yield (name, i), item

    match state:
        case d.InstructionState():
            yield from items("text", state.text)
        case d.OutcomeState():
            yield from items("steps", state.steps)
            yield from items("materials", state.materials)
            yield from items("warnings", state.warnings)
            yield from items("notes", state.notes)
            if state.email is not None:
                yield ("email", "subject"), state.email.subject
                for i, f in enumerate(state.email.fields):
                    yield ("email", "fields", i, "value"), f.value
                yield from ((("email", *path), text) for path, text in items("attachments", state.email.attachments))
        case d.ChoiceState() | d.ConfirmState() | d.InputState() | d.SubflowState():
            pass  # prompts and titles hold no placeholders
        case _:
            assert_never(state)


def conditions(state: d.State) -> Iterator[tuple[Path, d.Condition]]:
    """Every ``when`` of a state's conditional texts, with its path."""
    groups: list[tuple[str, tuple[d.Text, ...]]] = []
    match state:
        case d.InstructionState():
            groups = [("text", state.text)]
        case d.OutcomeState():
            groups = [("steps", state.steps), ("materials", state.materials), ("warnings", state.warnings), ("notes", state.notes)]
            if state.email is not None:
                groups.append(("attachments", state.email.attachments))
        case d.ChoiceState() | d.ConfirmState() | d.InputState() | d.SubflowState():
            pass
        case _:
            assert_never(state)
    for name, values in groups:
        for i, item in enumerate(values):
            if isinstance(item, d.ConditionalText):
                prefix: Path = ("email",) if name == "attachments" else ()
                yield (*prefix, name, i, "when"), item.when


def transitions(flow: d.Flow, preset: Mapping[str, str] | None = None) -> dict[str, list[str]]:
    """Each state's next states that exist (a missing one is a reference finding).

    With ``preset`` answers (a sub-flow's), a preset question follows only its answer.
    """
    preset = preset or {}
    edges: dict[str, list[str]] = {}
    for state_id, state in flow.states.items():
        targets = [target for _path, target in next_states(state)]
        given = preset.get(state_id)
        if given is not None and isinstance(state, d.ChoiceState):
            targets = [c.next for c in state.choices if c.value == given] or targets
        elif given in (YES, NO) and isinstance(state, d.ConfirmState):
            targets = [state.if_yes if given == YES else state.if_no]
        edges[state_id] = [t for t in dict.fromkeys(targets) if t in flow.states]
    return edges


def facts_named(state: d.State) -> Iterator[str]:
    """Every name a state uses: placeholders in its texts and the facts its outcome names."""
    for _path, text in texts(state):
        for name, _attribute in templates.placeholders(text):
            yield name
    if isinstance(state, d.OutcomeState):
        if state.email is not None:
            yield state.email.to
        if state.mail is not None:
            yield state.mail.to
        if state.deadline is not None:
            yield state.deadline.duration
        yield from state.contacts
