"""What the tests share besides fixtures: the repository's paths, the one way to call the
CLI (``cli``), a saved session's record, ``../shared`` read or skipped with the reason,
and the maintainer's scripts in ``tools/`` loaded as modules.

Paths are relative to the repository root, never to a test file's depth, so a test reads
the same files from whichever subfolder of ``tests/`` it is in. (Fixtures stay in
``conftest.py``; pytest's ``pythonpath`` setting makes this module importable as
``helpers`` from every subfolder.)
"""

import importlib.util
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from typer.testing import CliRunner, Result

#: The checkout: ``eportguide/``, ``flows/``, ``tests/``, ``tools/``.
ROOT = Path(__file__).resolve().parents[1]
#: The shipped flows pack.
FLOWS = ROOT / "flows"
#: Small packs and files made for the tests.
FIXTURES = ROOT / "tests" / "fixtures"

#: What the project's steering folder holds beside the checkout: the source FAQ and the
#: triage sets. An sdist or a copy elsewhere has none; tests that read it skip then.
SHARED = ROOT.parent / "shared"


def shared_file(*parts: str) -> Path:
    """A file of ``../shared``, or a skip saying which is missing (an sdist has none)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path}: the project's shared folder beside the checkout (an sdist has none)")
    return path


#: A session file's contents as the program writes them (format 1): an unfinished
#: unlock-card run with one answer, dated 2026-01-01 in Beijing time.
SESSION_RECORD = {
    "format": 1,
    "id": "20260101-000000-unlock-card-abcd",
    "flow": "unlock-card",
    "flow_hash": "sha256:0",
    "pack": str(FLOWS),
    "created": "2026-01-01T00:00:00+08:00",
    "updated": "2026-01-01T00:00:00+08:00",
    "done": False,
    "answers": {"card": "legal"},
}


def cli(*args: str, input: str | None = None, env: Mapping[str, str] | None = None, context: Any = None) -> Result:
    """Run ``eportguide ARGS…`` in this process, as the tests' one way to call the CLI;
    ``context``: an ``environment.Environment`` that simulates a terminal or a pipe."""
    from eportguide.cli import app

    return CliRunner().invoke(app, list(args), input=input, env=env, obj=context)


def tool(name: str) -> ModuleType:
    """The maintainer's script ``tools/<name>.py`` as a module (``tools/`` is no package)."""
    spec = importlib.util.spec_from_file_location(f"tools_{name}", ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
