"""Shared test set-up: every test runs with its own session directory; the shipped pack
loaded once; the ``pty`` marker. What tests import (paths, ``cli``…) is in helpers.py."""

import sys

import pytest
from helpers import FLOWS


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """No test reads or writes the real user's sessions, or another flows pack."""
    monkeypatch.setenv("EPORTGUIDE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("EPORTGUIDE_FLOWS", raising=False)


@pytest.fixture(scope="session")
def pack():
    """The shipped flows pack, loaded once (it is immutable)."""
    from eportguide.model.loader import load_pack

    return load_pack(FLOWS)


@pytest.fixture(scope="session")
def english_pack():
    """The shipped pack with its English applied, loaded once."""
    from eportguide.model.translations import apply

    return apply.load(FLOWS, "en")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``pty`` drive a real pseudo-terminal: POSIX only."""
    if sys.platform == "win32":
        skip = pytest.mark.skip(reason="a pseudo-terminal (pexpect) is POSIX only")
        for item in items:
            if "pty" in item.keywords:
                item.add_marker(skip)
