"""Saved runs: written after every answer, owner-only, resumable, and never in the way.

Runs are driven through prompt_toolkit's pipe input and the same recorder that
``eportguide run`` uses; the commands are driven with typer's CliRunner. Every test has
its own ``EPORTGUIDE_HOME``.
"""

import hashlib
import json
import os
import shutil
import stat
import sys
from pathlib import Path

import pytest
from helpers import FLOWS, cli
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from eportguide.engine.keys import answer_keys
from eportguide.engine.result import build
from eportguide.errors import Interrupted
from eportguide.model.loader import load_pack
from eportguide.prompting.interactive import InteractivePrompter
from eportguide.run import dialogue
from eportguide.store import sessions

DOWN, ENTER, CTRL_C = "\x1b[B", "\r", "\x03"
CONFIRM = ENTER  # the review's first entry


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("EPORTGUIDE_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def run_typed(pack, keys: str, flow: str = "unlock-card", session=None, pack_dir: Path = FLOWS, warnings=None):
    """A run as ``eportguide run`` makes it: typed keys, saved after every answer."""
    recorder = sessions.recorder(session, flow, pack_dir, enabled=True)
    if warnings is not None:
        recorder.warn = warnings.append
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        prompter = InteractivePrompter(input=pipe, output=DummyOutput())
        try:
            finished = dialogue.drive(pack, flow, prompter, recorder.answers, on_change=recorder.save)
        except Interrupted as stop:
            raise sessions.with_resume_hint(stop, recorder) from None
    recorder.finish()
    return build(pack, finished), recorder.session


def saved_files(home: Path) -> list[Path]:
    return sorted((home / "sessions").glob("*.json"))


def test_a_run_is_saved_after_each_answer_with_flow_hash_answers_and_times(pack, home):
    with pytest.raises(Interrupted) as stop:
        run_typed(pack, DOWN + ENTER + CTRL_C)  # 操作员卡, then Ctrl-C at the next question
    [path] = saved_files(home)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["flow"] == "unlock-card"
    assert data["answers"] == {"card": "operator"}
    assert data["flow_hash"] == "sha256:" + hashlib.sha256((FLOWS / "unlock-card.yaml").read_bytes()).hexdigest()
    assert data["pack"] == str(FLOWS.resolve())
    assert data["done"] is False
    assert data["created"] <= data["updated"] and data["created"][:4].isdigit()
    assert stop.value.hint == f"回答已保存在 {path}\n继续办理请运行：eportguide resume {path.stem}"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_a_saved_session_is_readable_by_its_owner_only_and_leaves_no_temporary_file(pack, home):
    run_typed(pack, ENTER + DOWN + ENTER + CONFIRM)  # 法人卡; 否
    [path] = saved_files(home)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_a_finished_run_is_marked_done(pack, home):
    result, _ = run_typed(pack, ENTER + DOWN + ENTER + CONFIRM)
    assert result.outcome_id == "legal_mail"
    data = json.loads(saved_files(home)[0].read_text(encoding="utf-8"))
    assert data["done"] is True
    assert data["answers"] == {"card": "legal", "legal_details": "no"}


def test_an_interrupted_run_resumes_at_the_question_it_stopped_at(pack, home):
    with pytest.raises(Interrupted):
        run_typed(pack, DOWN + ENTER + CTRL_C)
    saved = sessions.Store().load(saved_files(home)[0].stem)
    # Resumed: only 法人卡能登录吗 is asked (是), then the review.
    result, session = run_typed(pack, ENTER + CONFIRM, session=saved)
    assert result.outcome_id == "operator_online"
    assert session.id == saved.id and session.done
    assert len(saved_files(home)) == 1


def test_a_resumed_flow_that_changed_asks_again_only_what_no_longer_fits(home, tmp_path):
    changed = tmp_path / "flows"
    shutil.copytree(FLOWS, changed)
    pack = load_pack(changed)
    with pytest.raises(Interrupted):
        run_typed(pack, DOWN + ENTER + ENTER + CTRL_C, pack_dir=changed)  # 操作员卡; 是; Ctrl-C at the review
    saved = sessions.Store().load(saved_files(home)[0].stem)
    assert saved.answers == {"card": "operator", "legal_card_works": "yes"}

    flow = changed / "unlock-card.yaml"  # a maintainer renames the operator card's value
    flow.write_text(flow.read_text(encoding="utf-8").replace("value: operator,", "value: operator-card,"), encoding="utf-8")
    assert sessions.flow_hash(changed, "unlock-card") != saved.flow_hash
    pack = load_pack(changed)
    asked: list[str] = []
    original = InteractivePrompter.ask

    def recording(self, question, previous, can_go_back):
        asked.append(question.key)
        return original(self, question, previous, can_go_back)

    InteractivePrompter.ask = recording  # type: ignore[method-assign]
    try:
        result, session = run_typed(pack, DOWN + ENTER + CONFIRM, session=saved, pack_dir=changed)
    finally:
        InteractivePrompter.ask = original  # type: ignore[method-assign]
    assert asked == ["card"]  # legal_card_works still fits: replayed, not asked
    assert result.outcome_id == "operator_online"
    assert session.answers == {"card": "operator-card", "legal_card_works": "yes"}
    assert session.flow_hash == sessions.flow_hash(changed, "unlock-card")


def test_a_home_that_cannot_be_written_does_not_stop_the_run_and_says_so_once(pack, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("EPORTGUIDE_HOME", str(blocker))
    warnings: list[str] = []
    result, _ = run_typed(pack, DOWN + ENTER + ENTER + CONFIRM, warnings=warnings)
    assert result.outcome_id == "operator_online"
    assert len(warnings) == 1 and "无法保存办理进度" in warnings[0]


def test_an_interrupted_run_that_could_not_be_saved_gives_no_resume_hint(pack, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("EPORTGUIDE_HOME", str(blocker))
    with pytest.raises(Interrupted) as stop:
        run_typed(pack, DOWN + ENTER + CTRL_C, warnings=[])
    assert stop.value.hint is None


def test_a_session_never_holds_a_password(home):
    store = sessions.Store()
    session = store.new("reset-password", FLOWS)
    store.save(sessions.Session(**{**_fields(session), "answers": {"card": "legal", "legal_password": "88888888"}}))
    (saved,) = saved_files(home)
    text = saved.read_text(encoding="utf-8")
    assert "88888888" not in text and "legal_password" not in text
    assert json.loads(text)["answers"] == {"card": "legal"}


def test_a_session_file_holding_a_password_is_set_aside_as_corrupt(home):
    store = sessions.Store()
    session = store.save(store.new("reset-password", FLOWS))
    path = store.path(session.id)
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**data, "answers": {"password": "12345678"}}), encoding="utf-8")
    loaded, corrupt = store.all()
    assert loaded == [] and [c.path for c in corrupt] == [path]
    assert not path.exists()


def test_no_shipped_flow_asks_anything_a_session_would_refuse_as_a_password(pack):
    for flow_id in pack.flows:
        for key in answer_keys(pack, flow_id):
            assert not sessions.is_secret(key), (flow_id, key)


def _fields(session: sessions.Session) -> dict:
    return session._asdict()


def save(home: Path, flow: str = "unlock-card", answers: dict | None = None, done: bool = False) -> sessions.Session:
    store = sessions.Store()
    session = store.new(flow, FLOWS)
    return store.save(sessions.Session(**{**_fields(session), "answers": answers or {"card": "operator"}, "done": done}))


def test_sessions_lists_each_saved_run_with_its_flow_and_state(home):
    save(home)
    result = cli("sessions")
    assert result.exit_code == 0
    row = next(line for line in result.output.splitlines() if "unlock-card" in line and "resume" not in line)
    assert "未完成，已答1题" in row


def test_sessions_tell_calls_apart_by_enterprise_or_note_and_outcome(home):
    store = sessions.Store()
    named = save(home, answers={"card": "legal", "legal_details": "yes", "enterprise": "西安秦川贸易有限公司"}, done=True)
    store.save(sessions.Session(**{**_fields(named), "outcome": "法人卡解锁：发送申请邮件，邮寄法人卡"}))
    noted = save(home, answers={"card": "operator"})
    store.save(sessions.Session(**{**_fields(noted), "note": "公章卡锁死了"}))
    output = cli("sessions", env={"COLUMNS": "160"}).output
    heading = output.splitlines()[0].split()
    assert heading == ["会话", "企业／备注", "状态／结果", "更新时间"]  # no "ID" column holding the procedure
    rows = {line.split()[0]: line for line in output.splitlines()[1:] if line.startswith("2")}
    assert "西安秦川贸易有限公司" in rows[named.id] and "已完成：法人卡解锁：发送申请邮件，邮寄法人卡" in rows[named.id]
    assert "公章卡锁死了" in rows[noted.id] and "未完成，已答1题" in rows[noted.id]


def test_a_finished_run_saves_the_outcome_it_reached(pack, home):
    recorder = sessions.recorder(None, "unlock-card", FLOWS, enabled=True, note="来电：秦川贸易 张三")
    recorder.save({"card": "legal", "legal_details": "no"})
    recorder.finish("法人卡解锁：发送申请邮件，邮寄法人卡")
    saved = json.loads(saved_files(home)[0].read_text(encoding="utf-8"))
    assert saved["note"] == "来电：秦川贸易 张三" and saved["outcome"] == "法人卡解锁：发送申请邮件，邮寄法人卡"
    assert saved["done"] is True


def test_a_session_file_written_before_notes_and_outcomes_still_reads(home):
    session = save(home)
    path = sessions.Store().path(session.id)
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["note"], data["outcome"]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert sessions.Store().load(session.id).note == ""


def test_sessions_json_lists_the_saved_fields(home):
    session = save(home)
    rows = json.loads(cli("sessions", "--format", "json").output)
    assert rows == [{k: v for k, v in session.as_json().items() if k != "format"}]


def test_sessions_clear_all_removes_every_session(home):
    save(home)
    save(home, "reset-password")
    result = cli("sessions", "--clear", "--all")
    assert result.exit_code == 0 and "已删除 2 个会话文件" in result.output
    assert saved_files(home) == []
    assert "没有保存的会话" in cli("sessions").output


def test_sessions_clear_removes_finished_sessions_and_keeps_unfinished_ones(home):
    done = save(home, answers={"card": "legal", "legal_details": "no"}, done=True)
    open_one = save(home, "reset-password")
    result = cli("sessions", "--clear")
    assert result.exit_code == 0
    assert "已删除 1 个会话文件" in result.output
    assert "保留了 1 个未完成的会话" in result.output and "--clear --all" in result.output
    assert [p.stem for p in saved_files(home)] == [open_one.id]
    assert not sessions.Store().path(done.id).exists()


def test_a_corrupt_session_file_is_reported_set_aside_and_the_others_still_listed(home):
    good = save(home)
    broken = home / "sessions" / "20260101-000000-unlock-card.json"
    broken.write_text("{not json", encoding="utf-8")
    result = cli("sessions")
    assert result.exit_code == 0
    assert "已损坏" in result.stderr and "20260101-000000-unlock-card.json.corrupt" in result.stderr
    assert good.id in result.stdout
    assert not broken.exists() and broken.with_name(broken.name + ".corrupt").exists()
    again = cli("sessions")
    assert "已损坏" not in again.stderr  # told once


def test_an_unreadable_session_is_set_aside_too(home):
    save(home)
    unreadable = home / "sessions" / "20260101-000000-cancel-card.json"
    unreadable.mkdir()  # a directory where a file should be: reading fails even as root
    result = cli("sessions")
    assert result.exit_code == 0
    assert "无法读取" in result.stderr
    assert (home / "sessions" / "20260101-000000-cancel-card.json.corrupt").is_dir()


def test_resuming_a_corrupt_session_by_name_is_a_clear_error_not_a_crash(home):
    (home / "sessions").mkdir(parents=True)
    (home / "sessions" / "20260101-000000-unlock-card.json").write_bytes(b"\xff\xfe garbage")
    result = cli("resume", "20260101-000000-unlock-card")
    assert result.exit_code == 2
    assert "已损坏" in result.stderr and "Traceback" not in result.output


def test_resume_of_a_finished_session_says_it_is_done_and_shows_its_outcome_again(home):
    session = save(home, answers={"card": "legal", "legal_details": "no"}, done=True)
    before = saved_files(home)[0].read_bytes()
    result = cli("resume", session.id)
    assert result.exit_code == 0
    assert f"会话 {session.id}（unlock-card）已经完成" in result.stderr
    assert "法人卡解锁：发送申请邮件，邮寄法人卡" in result.stdout and "朱雀大街397号" in result.stdout
    assert f"记录日期：{session.updated[:10]}" in result.stdout  # dated the day it was finished
    assert saved_files(home)[0].read_bytes() == before  # shown, not saved again


def test_a_session_is_named_by_its_random_tag_alone(home):
    session = save(home, answers={"card": "legal", "legal_details": "no"}, done=True)
    result = cli("resume", session.tag, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["outcome"]["id"] == "legal_mail"


def test_a_name_matching_two_sessions_is_ambiguous_and_lists_them(home):
    first = save(home)
    second = save(home, "reset-password")
    # 20261127-1619…: what the two ids have in common, started the same day and time
    prefix = next((first.id[:n] for n in range(len(first.id), 0, -1) if second.id.startswith(first.id[:n])), "")
    assert len(prefix) >= len("20261127-")
    result = cli("resume", prefix)
    assert result.exit_code == 2
    assert "不止指一个会话" in result.stderr
    assert first.id in result.stderr and second.id in result.stderr


def test_resume_without_a_name_continues_the_latest_unfinished_session(home):
    save(home, answers={"card": "legal", "legal_details": "no"}, done=True)
    latest = save(home, answers={"card": "legal", "legal_details": "no"})
    result = cli("resume", "--format", "json", "--today", "2026-09-30")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["outcome"]["id"] == "legal_mail"
    assert f"继续会话 {latest.id}" in result.stderr
    assert json.loads(sessions.Store().path(latest.id).read_text(encoding="utf-8"))["done"] is True


def test_resume_tells_the_user_when_the_flow_changed_since_the_save(home, tmp_path):
    changed = tmp_path / "flows"
    shutil.copytree(FLOWS, changed)
    store = sessions.Store()
    session = store.new("unlock-card", changed)
    session = store.save(sessions.Session(**{**_fields(session), "answers": {"card": "legal", "legal_details": "no"}}))
    flow = changed / "unlock-card.yaml"
    flow.write_text(flow.read_text(encoding="utf-8") + "\n# reviewed\n", encoding="utf-8")
    result = cli("resume", session.id, "--format", "json")
    assert result.exit_code == 0, result.output
    assert "流程 unlock-card 在保存后已修改" in result.stderr
    assert json.loads(result.stdout)["outcome"]["id"] == "legal_mail"


def test_resume_of_an_unknown_session_exits_2(home):
    result = cli("resume", "no-such-session")
    assert result.exit_code == 2
    assert "没有名为“no-such-session”的会话" in result.stderr


def test_resume_with_nothing_saved_exits_2(home):
    result = cli("resume")
    assert result.exit_code == 2 and "没有未完成的会话" in result.stderr


def test_a_scripted_run_saves_nothing(home):
    result = cli("unlock-card", "-a", "card=legal", "-a", "legal_details=no", "--no-input")
    assert result.exit_code == 0
    assert not (home / "sessions").exists()


def test_the_home_directory_defaults_to_the_platform_user_data_directory(monkeypatch):
    import platformdirs

    monkeypatch.delenv("EPORTGUIDE_HOME", raising=False)
    assert sessions.home() == Path(platformdirs.user_data_dir("eportguide", appauthor=False))
    monkeypatch.setenv("EPORTGUIDE_HOME", os.fspath(Path("/somewhere")))
    assert sessions.home() == Path("/somewhere")
