"""Shared test set-up: every test runs with its own session directory; one way to call
the CLI (``cli``); the ``pty`` marker; ``../shared`` read or skipped with the reason."""

import sys
from collections.abc import Mapping
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """No test reads or writes the real user's sessions, or another flows pack."""
    monkeypatch.setenv("EPORTGUIDE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("EPORTGUIDE_FLOWS", raising=False)


@pytest.fixture(scope="session")
def pack():
    """The shipped flows pack, loaded once (it is immutable)."""
    from eportguide.model.loader import load_pack

    return load_pack(Path(__file__).parents[1] / "flows")


@pytest.fixture(scope="session")
def english_pack():
    """The shipped pack with its English applied, loaded once."""
    from eportguide.model import translations

    return translations.load(Path(__file__).parents[1] / "flows", "en")


#: What the project's steering folder holds beside the checkout: the source FAQ and the
#: triage sets. An sdist or a copy elsewhere has none; tests that read it skip then.
SHARED = Path(__file__).resolve().parents[2] / "shared"


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
    "pack": str(Path(__file__).parents[1] / "flows"),
    "created": "2026-01-01T00:00:00+08:00",
    "updated": "2026-01-01T00:00:00+08:00",
    "done": False,
    "answers": {"card": "legal"},
}


def cli(*args: str, input: str | None = None, env: Mapping[str, str] | None = None) -> Result:
    """Run ``eportguide ARGS…`` in this process, as the tests' one way to call the CLI."""
    from eportguide.cli import app

    return CliRunner().invoke(app, list(args), input=input, env=env)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``pty`` drive a real pseudo-terminal: POSIX only."""
    if sys.platform == "win32":
        skip = pytest.mark.skip(reason="a pseudo-terminal (pexpect) is POSIX only")
        for item in items:
            if "pty" in item.keywords:
                item.add_marker(skip)
