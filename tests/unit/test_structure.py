"""The package's shape: imports run one way, kinds are dispatched exhaustively.

Each package is a layer, read off the source: the wording at the bottom, then the
errors, the model, the parts that know one thing (working days, search, the user's
files, the terminal), the engine and the packs, the front ends (render, prompting, the
run), the commands and the CLI. A module imports only from its own package or a layer
below it; two packages on one layer do not import each other; commands do not import
each other; no two modules import each other, directly or around a circle (imports
inside functions included: hiding a circle in a function is still a circle). Imports
only for type checking are not run, so they do not count. Each package's
``__init__.py`` says what lives there and what it may import.
"""

import ast
import dataclasses
import subprocess
import sys
from pathlib import Path
from typing import Literal

import pytest
from helpers import ROOT

from eportguide.model import definitions as d
from eportguide.model import queries
from eportguide.render import formats

PACKAGE = ROOT / "eportguide"

#: The layer of each package (or module at the package's root), lower layers first.
LAYERS = {
    "eportguide": 0,  # the package itself: its version
    "eportguide.i18n": 0,  # the program's wording, the language spoken, the catalogues
    "eportguide.errors": 1,
    "eportguide.model": 2,
    "eportguide.workdays": 3,
    "eportguide.search": 3,
    "eportguide.store": 3,
    "eportguide.terminal": 3,
    "eportguide.engine": 4,
    "eportguide.packs": 4,
    "eportguide.environment": 5,  # the context a command runs in
    "eportguide.render": 5,
    "eportguide.prompting": 6,
    "eportguide.run": 7,
    "eportguide.options": 8,
    "eportguide.click_words": 8,
    "eportguide.commands": 9,
    "eportguide.cli": 10,
    "eportguide.__main__": 11,
}
THIRD_PARTY_FRONT_END = {"typer", "rich", "questionary", "prompt_toolkit", "click", "yaml", "platformdirs"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def home(module: str) -> str:
    """The entry of ``LAYERS`` a module belongs to: its package, or itself at the root."""
    parts = module.split(".")
    return ".".join(parts[:2])


def layer(module: str) -> int:
    return LAYERS[home(module)]


def _is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def runtime_imports(module: str, type_checking: bool = False) -> set[str]:
    """The eportguide modules ``module`` imports when it runs (at the top or in a function);
    with ``type_checking``, those imported only for the type checker too."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node) and not type_checking:
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in MODULES else base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return {name for name in found if name in MODULES and name != module}


GRAPH = {module: runtime_imports(module) for module in MODULES}


def test_every_module_has_a_layer():
    assert sorted(m for m in MODULES if home(m) not in LAYERS) == []


def test_every_package_says_what_lives_there_and_what_it_may_import():
    packages = sorted(p.parent for p in PACKAGE.rglob("__init__.py") if p.parent != PACKAGE)
    missing = [
        str(p.relative_to(PACKAGE))
        for p in packages
        if "May import" not in (ast.get_docstring(ast.parse((p / "__init__.py").read_text(encoding="utf-8"))) or "")
    ]
    assert missing == []


def test_no_module_imports_a_layer_above_its_own():
    upward = [(m, target) for m, targets in GRAPH.items() for target in targets if layer(target) > layer(m)]
    assert upward == []


def test_no_import_for_the_type_checker_runs_back_up_either():
    # errors.py once imported model.findings for a type: an arrow back up, if not a circle
    upward = [(m, target) for m in MODULES for target in runtime_imports(m, type_checking=True) if layer(target) > layer(m)]
    assert upward == []


def test_packages_on_one_layer_do_not_import_each_other():
    across = [(m, target) for m, targets in GRAPH.items() for target in targets if home(target) != home(m) and layer(target) == layer(m)]
    assert across == []


def test_commands_do_not_import_each_other():
    crossing = [
        (m, target)
        for m, targets in GRAPH.items()
        if m.startswith("eportguide.commands.")
        for target in targets
        if target.startswith("eportguide.commands.")
    ]
    assert crossing == []


def test_no_two_modules_import_each_other_even_around_a_circle():
    def circle_from(start: str) -> list[str] | None:
        stack = [(start, [start])]
        seen = set()
        while stack:
            node, path = stack.pop()
            for target in GRAPH[node]:
                if target == start:
                    return [*path, start]
                if target not in seen:
                    seen.add(target)
                    stack.append((target, [*path, target]))
        return None

    circles = [circle for m in sorted(GRAPH) if (circle := circle_from(m))]
    assert circles == []


def test_the_layer_checks_see_an_import_made_inside_a_function():
    # engine/keys.py once imported the reference checks (and through them PyYAML)
    # inside a function; the check reads such imports too.
    assert "eportguide.model.queries" in GRAPH["eportguide.engine.keys"]
    assert "eportguide.commands.menu" in GRAPH["eportguide.cli"]  # imported in main_callback


def test_the_engine_imports_without_the_front_end_libraries():
    engine_modules = sorted(m for m in MODULES if m.startswith("eportguide.engine."))
    code = f"""
import sys
BLOCKED = {sorted(THIRD_PARTY_FRONT_END)!r}
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError("blocked: " + name)
sys.meta_path.insert(0, Block())
import importlib
for name in {engine_modules!r}:
    importlib.import_module(name)
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert done.stdout.strip() == "ok", done.stderr


# --- registries: a kind added without its case fails loudly ----------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class UnknownState:
    """A state kind no dispatcher knows: what a new kind is until every match handles it."""

    kind: Literal["unknown"] = "unknown"
    next: str = "end"


def test_every_dispatch_over_state_kinds_refuses_a_kind_it_does_not_know(pack):
    from eportguide.engine import walker
    from eportguide.render import graph, json_out, procedure

    state = UnknownState()
    flow = d.Flow("f", "t", "c", "s", "desc", "a", {"a": state})  # type: ignore[dict-item]
    with_it = pack._replace(flows={**pack.flows, "f": flow})
    for dispatch in (
        lambda: walker.walk(with_it, "f", {}),
        lambda: walker._question(flow, "a", state, ""),  # type: ignore[arg-type]
        lambda: walker._target(state, "x"),  # type: ignore[arg-type]
        lambda: walker._Span(with_it)("f", "a"),
        lambda: graph._text(pack, state),  # type: ignore[arg-type]
        lambda: json_out.procedure_dict(with_it, flow),
        lambda: queries.next_states(state),  # type: ignore[arg-type]
        lambda: list(queries.texts(state)),  # type: ignore[arg-type]
        lambda: list(queries.conditions(state)),  # type: ignore[arg-type]
        lambda: queries.question_values(flow),
        lambda: list(graph._edges("a", state)),  # type: ignore[arg-type]
        lambda: list(procedure._targets(state)),  # type: ignore[arg-type]
    ):
        with pytest.raises(AssertionError):
            dispatch()


def test_every_state_kind_has_a_shape_in_every_diagram():
    from eportguide.render import graph

    assert set(graph.MERMAID_SHAPES) == set(d.STATE_KINDS) == set(graph.DOT_SHAPES)


def test_a_format_is_drawn_by_its_own_module_for_every_document_it_claims():
    for spec in formats.FORMATS.values():
        for document in spec.documents:
            assert callable(formats.renderer(spec.name, document)), (spec.name, document)


def test_a_format_the_registry_does_not_know_is_an_error_not_a_fallback():
    with pytest.raises(LookupError):
        formats.renderer("pdf", "result")
    with pytest.raises(LookupError):
        formats.renderer("terminal", "procedure")  # the terminal draws no whole procedure
