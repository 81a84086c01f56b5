"""Shared test set-up: every test runs with its own session directory."""

import pytest


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """No test reads or writes the real user's sessions, or another flows pack."""
    monkeypatch.setenv("EPORTGUIDE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("EPORTGUIDE_FLOWS", raising=False)


@pytest.fixture(scope="session")
def pack():
    """The shipped flows pack, loaded once (it is immutable)."""
    from pathlib import Path

    from eportguide.model.loader import load_pack

    return load_pack(Path(__file__).parents[1] / "flows")
