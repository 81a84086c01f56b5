"""One driver at a time (issue 26): claims on a session, their expiry, and a crash mid-save.

Other drivers are real processes (a child Python), killed with SIGKILL where a crash is meant.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import SESSION_RECORD, cli

from eportguide.store import base, sessions

posix_only = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and pid checks are POSIX")


@pytest.fixture
def directory(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("EPORTGUIDE_HOME", str(tmp_path / "home"))
    path = tmp_path / "home" / "sessions"
    path.mkdir(parents=True)
    (path / "open-call.json").write_text(json.dumps({**SESSION_RECORD, "id": "open-call"}), encoding="utf-8")
    return path


def other_driver(directory: Path, code: str) -> subprocess.Popen[str]:
    """A child process with the same home running ``code`` after claiming ``open-call`` as agent A."""
    script = (
        "import sys, time\n"
        "from eportguide.store import sessions\n"
        "store = sessions.Store()\n"
        "store.claim('open-call', 'A')\n"
        "print('claimed', flush=True)\n" + code
    )
    env = {**os.environ, "EPORTGUIDE_HOME": str(directory.parent)}
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None and child.stdout.readline().strip() == "claimed"
    return child


@posix_only
def test_a_second_driver_is_told_who_handles_the_session_and_since_when(directory):
    child = other_driver(directory, "time.sleep(60)\n")
    try:
        with pytest.raises(base.ClaimConflict) as conflict:
            sessions.Store().claim("open-call", "B")
        since = conflict.value.claim.since[11:16]
        assert conflict.value.message == f"会话 open-call 正由 A 处理（自 {since} 起）。"
        result = cli("resume", "open-call", "--format", "json")
        assert result.exit_code == 2 and f"正由 A 处理（自 {since} 起）" in result.stderr and "Traceback" not in result.output
    finally:
        child.kill()
        child.wait()


@posix_only
def test_a_claim_left_by_a_killed_process_is_taken_over(directory):
    child = other_driver(directory, "time.sleep(60)\n")
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    taken = sessions.Store().claim("open-call", "B")
    assert taken.agent == "B" and taken.pid == os.getpid()


def write_claim(directory: Path, heartbeat: float) -> None:
    claim = base.Claim("open-call", "A", "another-machine", 4242, "2026-12-03T10:42:00+08:00", heartbeat)
    (directory / "open-call.claim").write_text(json.dumps(claim._asdict()), encoding="utf-8")


def test_a_claim_from_another_machine_holds_until_its_heartbeat_is_older_than_the_ttl(directory):
    assert socket.gethostname() != "another-machine"
    write_claim(directory, time.time() - 60)
    with pytest.raises(base.ClaimConflict, match="正由 A 处理（自 10:42 起）"):
        sessions.Store().claim("open-call", "B")
    write_claim(directory, time.time() - base.CLAIM_TTL_SECONDS - 1)
    assert sessions.Store().claim("open-call", "B").agent == "B"


def test_each_save_refreshes_the_claim_and_release_frees_it(directory):
    store = sessions.Store()
    claim = store.claim("open-call", "B")
    time.sleep(0.01)
    store.save(store.load("open-call"))
    held = store.holder("open-call")
    assert held is not None and held.heartbeat > claim.heartbeat
    store.release("open-call")
    assert store.holder("open-call") is None and not (directory / "open-call.claim").exists()


def test_a_released_session_is_handed_over_with_its_answers(directory, monkeypatch):
    store = sessions.Store()
    store.claim("open-call", "A")
    store.release("open-call")  # A hangs up
    monkeypatch.setenv("EPORTGUIDE_AGENT", "B")
    assert store.claim("open-call", base.agent()).agent == "B"
    assert dict(store.load("open-call").answers) == SESSION_RECORD["answers"]


@posix_only
def test_a_crash_mid_save_loses_no_answer_that_was_saved(directory):
    code = (
        "session = store.load('open-call')\n"
        "for i in range(100000):\n"
        "    session = store.save(session._replace(answers={**session.answers, f'q{i}': str(i)}))\n"
        "    print(i, flush=True)\n"
    )
    child = other_driver(directory, code)
    assert child.stdout is not None
    last = -1
    for _ in range(200):
        last = int(child.stdout.readline())
    os.kill(child.pid, signal.SIGKILL)  # in the middle of the saves
    child.wait()
    answers = sessions.Store().load("open-call").answers
    assert all(answers[f"q{i}"] == str(i) for i in range(last + 1))  # every save reported done is on disk
