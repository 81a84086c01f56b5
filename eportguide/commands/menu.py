"""Bare ``eportguide`` on a terminal: pick a procedure from a menu, then run it."""

from pathlib import Path

from eportguide import packs
from eportguide import wording as w


def choose_flow(pack_directory: Path, input: object = None, output: object = None) -> str:
    import questionary
    from questionary import Choice, Separator

    pack = packs.load(pack_directory)
    choices: list[object] = []
    category = None
    for flow in pack.flows.values():
        if flow.category != category:
            category = flow.category
            choices.append(Separator(f"-- {category} --"))
        choices.append(Choice(f"{flow.title}", value=flow.id))
    io = {k: v for k, v in (("input", input), ("output", output)) if v is not None}
    answer = questionary.select(w.MENU_PROMPT, choices=choices, qmark="?", pointer=">", **io).unsafe_ask()
    if answer is None:
        raise EOFError
    return str(answer)


def run(flows: Path | None) -> None:
    from eportguide.commands.run import RunOptions, execute
    from eportguide.errors import Interrupted

    try:
        flow_id = choose_flow(packs.pack_dir(flows))
    except (KeyboardInterrupt, EOFError):
        raise Interrupted(w.INTERRUPTED) from None
    execute(RunOptions(flow_id=flow_id, flows=flows))
