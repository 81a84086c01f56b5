"""Call records (issue 26): agent, ticket, caller and each agent's segment, kept across a handover."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import FLOWS, cli

from eportguide.store import sessions


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("EPORTGUIDE_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def handed_over(monkeypatch) -> sessions.Session:
    """Agent A takes the call and answers one question; agent B resumes it and answers another."""
    monkeypatch.setenv("EPORTGUIDE_AGENT", "A")
    first = sessions.recorder(None, "unlock-card", FLOWS, True, ticket="T-1001", caller="西安某进出口公司 029-1234")
    first.save({"card": "legal"})
    monkeypatch.setenv("EPORTGUIDE_AGENT", "B")
    second = sessions.recorder(sessions.Store().load(first.session.id), "unlock-card", FLOWS, True)
    second.save({"card": "legal", "reason": "forgot"})
    return sessions.Store().load(first.session.id)


def test_a_handover_keeps_both_segments_the_ticket_the_caller_and_the_answers(home, monkeypatch):
    session = handed_over(monkeypatch)
    assert [segment["agent"] for segment in session.segments] == ["A", "B"]
    assert all(segment["start"] <= segment["end"] for segment in session.segments)
    assert session.agent == "B" and session.ticket == "T-1001" and session.caller == "西安某进出口公司 029-1234"
    assert dict(session.answers) == {"card": "legal", "reason": "forgot"}


@pytest.mark.parametrize(
    ("option", "value", "found"),
    [
        ("--agent", "A", 1),
        ("--agent", "B", 1),
        ("--agent", "C", 0),
        ("--ticket", "T-1001", 1),
        ("--ticket", "T-9", 0),
        ("--caller", "029-1234", 1),
    ],
)
def test_sessions_are_filtered_by_agent_ticket_and_caller(home, monkeypatch, option, value, found):
    session = handed_over(monkeypatch)
    result = cli("sessions", option, value, "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [row["id"] for row in rows] == [session.id] * found
    if found:
        assert rows[0]["ticket"] == "T-1001" and [s["agent"] for s in rows[0]["segments"]] == ["A", "B"]


def test_resume_takes_a_ticket_number(home, monkeypatch):
    session = handed_over(monkeypatch)
    result = cli("resume", "T-1001", "--format", "json")
    assert f"继续会话 {session.id}" in result.stderr


def test_the_next_agent_sees_who_handled_the_call_and_when(home, monkeypatch):
    session = handed_over(monkeypatch)
    result = cli("resume", session.tag, "--format", "json")
    for segment in session.segments:
        assert f"此前由 {segment['agent']} 处理：{segment['start']} 至 {segment['end']}。" in result.stderr


def test_a_session_file_from_before_call_records_still_loads(home):
    from helpers import SESSION_RECORD

    (home / "sessions").mkdir(parents=True)
    (home / "sessions" / "old.json").write_text(json.dumps(SESSION_RECORD), encoding="utf-8")
    old = sessions.Store().load("old")
    assert (old.agent, old.ticket, old.caller, old.segments) == ("", "", "", ())
