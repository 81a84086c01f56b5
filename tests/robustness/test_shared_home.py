"""A shared home (issue 26): another user's session files are never read, renamed or trusted.

Ownership is real: as root the planted files are chown-ed to ``nobody``; the tests skip
where that is impossible (not root, or Windows, where ACLs guard the profile instead).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers import SESSION_RECORD, cli

from eportguide.store import sessions

NOBODY = 65534
needs_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="real chown needs root")


@pytest.fixture
def directory(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("EPORTGUIDE_HOME", str(tmp_path / "home"))
    path = tmp_path / "home" / "sessions"
    path.mkdir(parents=True)
    return path


def plant(directory: Path, content: str, name: str, owner: int = NOBODY) -> Path:
    path = directory / f"{name}.json"
    path.write_text(content, encoding="utf-8")
    os.chown(path, owner, owner)
    return path


@needs_root
def test_another_users_session_with_a_planted_pack_is_never_used(directory, tmp_path):
    # Attack 1: a colleague plants a session whose pack path points at flows of their own.
    evil = tmp_path / "evil-flows"
    evil.mkdir()
    path = plant(directory, json.dumps({**SESSION_RECORD, "pack": str(evil), "updated": "2099-01-01T00:00:00+08:00"}), "planted")
    listed = cli("sessions", "--format", "json")
    assert listed.exit_code == 0
    assert json.loads(listed.stdout) == []
    assert f"会话文件 {path} 不属于当前用户，未读取、未改动" in listed.stderr
    resumed = cli("resume", "planted")
    assert resumed.exit_code == 2 and "不属于当前用户" in resumed.stderr
    assert str(evil) not in resumed.output
    assert path.exists() and path.stat().st_uid == NOBODY  # left where it is, still theirs


@needs_root
def test_another_users_broken_file_is_never_renamed(directory):
    # Attack 2: a file of someone else's is made to look corrupt so that our run renames it.
    path = plant(directory, "not json", "theirs")
    result = cli("sessions")
    assert result.exit_code == 0
    assert "不属于当前用户" in result.stderr and "已改名为" not in result.stderr
    assert path.exists() and not path.with_name(path.name + ".corrupt").exists()


@needs_root
def test_a_link_of_ours_to_another_users_file_is_not_followed(directory, tmp_path):
    target = tmp_path / "theirs.json"
    target.write_text(json.dumps(SESSION_RECORD), encoding="utf-8")
    os.chown(target, NOBODY, NOBODY)
    link = directory / "linked.json"
    link.symlink_to(target)
    result = cli("sessions", "--format", "json")
    assert json.loads(result.stdout) == [] and f"会话文件 {link} 不属于当前用户" in result.stderr
    assert link.is_symlink() and target.exists() and not (directory / "linked.json.corrupt").exists()


def test_the_newest_session_is_chosen_by_real_time_not_by_text(directory):
    # 10:00 at +08:00 is 02:00 UTC: earlier than 03:30 UTC though its text sorts after it.
    for name, updated in [("beijing-10h", "2026-05-01T10:00:00+08:00"), ("utc-03h30", "2026-05-01T03:30:00+00:00")]:
        (directory / f"{name}.json").write_text(json.dumps({**SESSION_RECORD, "updated": updated}), encoding="utf-8")
    found, problems = sessions.Store().all()
    assert [s.id for s in found] == ["utc-03h30", "beijing-10h"] and problems == []
    assert "继续会话 utc-03h30" in cli("resume", "--format", "json").stderr
