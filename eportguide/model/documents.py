"""Parsed pack files, and findings located in them by line and column.

Shared by the loader (which parses and builds), the reference checks and the graph
checks (which report against what was parsed); none of them imports another for it.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from eportguide.model import definitions as d
from eportguide.model.findings import Finding
from eportguide.model.safeyaml import SafeLoader


@dataclass(repr=False, eq=False)  # only __init__ generated: cheap to import
class Document:
    """One parsed YAML file, kept so that findings can point at lines.

    The node tree (a line and column for every value) is dropped once the file is read
    and composed again from ``text`` only when a finding needs a line: holding the trees
    of thousands of files made every load slower than linear (garbage-collector passes
    over millions of nodes; see benchmarks/scale.py). ``data``, the plain parsed data,
    is dropped once the model is built from it.
    """

    file: str
    node: Any
    data: Any
    text: str = ""

    def finding(
        self,
        path: tuple[str | int, ...],
        message: str,
        rule: str,
        flow: str | None,
        *,
        state: str | None = None,
        at_key: bool = False,
        warning: bool = False,
    ) -> Finding:
        """A finding at ``path``; a path inside ``states`` names its state."""
        line, column = self.locate(path, at_key)
        if state is None and len(path) >= 2 and path[0] == "states":
            state = str(path[1])
        return Finding(self.file, line, column, message, rule, flow, state, "warning" if warning else "error")

    def locate(self, path: tuple[str | int, ...], at_key: bool = False) -> tuple[int, int]:
        _node, mark = self._at(path, at_key)
        if mark is None:
            return 1, 1
        return mark.line + 1, mark.column + 1

    def locate_text(self, path: tuple[str | int, ...], needle: str) -> tuple[int, int]:
        """Where ``needle`` is written inside the text at ``path`` (a folded text spans
        lines): its own line and column when found whole on one line, else the text's start."""
        node, mark = self._at(path)
        if mark is None:
            return 1, 1
        end = getattr(node, "end_mark", None)
        last = mark.line if end is None else end.line if end.column > 0 else end.line - 1
        lines = self.text.splitlines()
        for number in range(mark.line, min(last, len(lines) - 1) + 1):
            column = lines[number].lower().find(needle.lower(), mark.column if number == mark.line else 0)
            if column >= 0:
                return number + 1, column + 1
        return mark.line + 1, mark.column + 1

    def _at(self, path: tuple[str | int, ...], at_key: bool = False) -> tuple[Any, Any]:
        if self.node is None and self.text:
            self.node = compose(self.text)
        node, mark = self.node, getattr(self.node, "start_mark", None)
        for step in path:
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == str(step):
                        node, mark = value_node, (key_node if at_key else value_node).start_mark
                        break
                else:
                    break
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
                if step >= len(node.value):
                    break
                node = node.value[step]
                mark = node.start_mark
            else:
                break
        return node, mark


@dataclass(repr=False, eq=False)  # only __init__ generated: cheap to import
class Loaded:
    """The outcome of reading a pack: the model (when usable) and what was found."""

    pack: d.Pack | None
    findings: list[Finding]
    documents: dict[str, Document] = field(default_factory=dict)  # flow id or file name
    #: Flow files that could not be read or built: checks that need every flow (is a
    #: fact used anywhere?) cannot be trusted while any is missing.
    skipped: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


def display_path(path: Path) -> str:
    """Relative to the working directory when inside it (short, clickable), else absolute."""
    absolute = path.absolute()
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)


def compose(text: str) -> Any:
    loader = SafeLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()
