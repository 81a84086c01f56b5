"""``show <id> --paths``: every path of a flow, its answers and the outcome it reaches.

Each path ends with the command that takes it without questions, so a reviewer (or a
test) can replay it.
"""

import json
import shlex
from typing import Any

from eportguide.engine.paths import every_path, given
from eportguide.engine.walker import Finished
from eportguide.i18n import wording as w
from eportguide.model import definitions as d


def command(flow: d.Flow, finished: Finished) -> str:
    """The ``eportguide`` command line that walks this path without asking anything."""
    options = [f"-a {shlex.quote(f'{key}={value}')}" for key, value in given(finished).items() if value]
    return " ".join(["eportguide", flow.id, *options, "--no-input"])


def as_dict(flow: d.Flow, paths: list[Finished]) -> dict[str, Any]:
    return {
        "flow": {"id": flow.id, "title": flow.title},
        "paths": [
            {
                "number": number,
                "outcome": {"id": finished.parts[-1].outcome_id, "title": finished.parts[-1].outcome.title},
                "through": [
                    {"flow": part.flow.id, "outcome": part.outcome_id, "title": part.outcome.title} for part in finished.parts[:-1]
                ],
                "answers": [
                    {"key": a.key, "question": a.prompt, "value": a.value, "label": a.label, "preset": a.preset} for a in finished.path
                ],
                "command": command(flow, finished),
            }
            for number, finished in enumerate(paths, 1)
        ],
    }


def text(flow: d.Flow, paths: list[Finished]) -> str:
    lines = [w.PATHS_TITLE.format(title=flow.title, id=flow.id, count=len(paths))]
    for number, finished in enumerate(paths, 1):
        last = finished.parts[-1]
        lines += ["", w.PATH_HEADING.format(number=number, outcome=last.outcome_id, title=last.outcome.title)]
        for part in finished.parts[:-1]:
            lines.append("  " + w.PATH_THROUGH.format(flow=part.flow.id, outcome=part.outcome_id, title=part.outcome.title))
        for answer in finished.path:
            line = w.PATH_ANSWER.format(prompt=answer.prompt, label=answer.label or w.LEFT_BLANK, key=answer.key, value=answer.value)
            lines.append(f"  - {line}{w.PATH_PRESET if answer.preset else ''}")
        lines.append("  " + w.PATH_COMMAND.format(command=command(flow, finished)))
    return "\n".join(lines) + "\n"


def render(pack: d.Pack, flow: d.Flow, format: str) -> str:
    """Every path of the flow as text or JSON."""
    paths = list(every_path(pack, flow.id))
    if format == "json":
        return json.dumps(as_dict(flow, paths), ensure_ascii=False, indent=2) + "\n"
    return text(flow, paths)
