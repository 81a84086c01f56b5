"""Session files as they are found on disk: broken in every way, left half-written, or
sharing the directory with things that are not sessions.

The README promises that a corrupt session is reported once, renamed ``*.corrupt`` and
skipped; that ``sessions --clear`` removes them all; and that lookups by a shortened
id, the order of the list and the ``updated`` time behave as a user expects.
"""

import json
import os
import sys
import time
from pathlib import Path

import pytest
from helpers import FLOWS, SESSION_RECORD, cli

from eportguide.errors import os_reason
from eportguide.store import sessions

GOOD = SESSION_RECORD


@pytest.fixture
def directory(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("EPORTGUIDE_HOME", str(tmp_path / "home"))
    path = tmp_path / "home" / "sessions"
    path.mkdir(parents=True)
    return path


def write(directory: Path, content: str | bytes, name: str = "20260101-000000-unlock-card-abcd") -> Path:
    path = directory / f"{name}.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


# --- 4. every way a session file can be unreadable -------------------------------------

BROKEN = {
    "nested-100000-deep": "[" * 100_000,
    "nested-in-answers": json.dumps({**GOOD, "answers": {}}).replace('"answers": {}', '"answers": ' + "[" * 50_000),
    "lone-surrogate-answer": json.dumps({**GOOD, "answers": {"enterprise": "\ud800"}}),
    "lone-surrogate-key": json.dumps({**GOOD, "answers": {"\udfff": "x"}}),
    "lone-surrogate-flow": json.dumps({**GOOD, "flow": "\ud83d"}),
    "format-2": json.dumps({**GOOD, "format": 2}),
    "number-as-answer": json.dumps({**GOOD, "answers": {"card": 1}}),
    "answers-a-list": json.dumps({**GOOD, "answers": ["card", "legal"]}),
    "missing-done": json.dumps({k: v for k, v in GOOD.items() if k != "done"}),
    "done-a-string": json.dumps({**GOOD, "done": "false"}),
    "updated-not-a-time": json.dumps({**GOOD, "updated": "yesterday"}),
    "created-a-number": json.dumps({**GOOD, "created": 20260101}),
    "a-list": json.dumps([GOOD]),
    "5000-digit-format": '{"format": ' + "1" * 5000 + "}",
    "not-utf8": b'{"format": 1, "flow": "\xff"}',
    "empty": "",
    "huge": json.dumps({**GOOD, "answers": {"enterprise": "x" * 2_000_000}}),
}


@pytest.mark.parametrize("content", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_session_file_is_reported_once_set_aside_and_skipped(directory, content):
    path = write(directory, content)
    first = cli("sessions")
    assert first.exit_code == 0, first.output
    assert f"会话文件 {path} 已损坏或无法读取" in first.stderr and f"已改名为 {path}.corrupt" in first.stderr
    assert "没有保存的会话" in first.stdout
    assert not path.exists() and path.with_name(path.name + ".corrupt").exists()
    again = cli("sessions")
    assert again.exit_code == 0 and again.stderr == ""


@pytest.mark.parametrize("content", BROKEN.values(), ids=BROKEN.keys())
def test_resume_skips_a_broken_session_and_says_there_is_nothing_to_resume(directory, content):
    write(directory, content)
    result = cli("resume")
    assert result.exit_code == 2
    assert "已损坏" in result.stderr and "没有未完成的会话" in result.stderr


@pytest.mark.parametrize("name", ["nested-100000-deep", "lone-surrogate-answer", "huge"])
def test_resuming_a_broken_session_by_name_is_exit_2(directory, name):
    path = write(directory, BROKEN[name])
    result = cli("resume", path.stem)
    assert result.exit_code == 2
    assert "已损坏" in result.stderr and path.with_name(path.name + ".corrupt").exists()


def test_a_session_whose_note_looks_like_rich_markup_is_listed_as_written(directory):
    write(directory, json.dumps({**GOOD, "note": "[/x] [bold]某某公司"}))
    result = cli("sessions")
    assert result.exit_code == 0, result.output
    assert "[/x] [bold]某某公司" in result.stdout


def test_a_well_formed_session_file_is_listed(directory):
    write(directory, json.dumps(GOOD))
    result = cli("sessions")
    assert result.exit_code == 0 and result.stderr == ""
    row = next(line for line in result.stdout.splitlines() if "unlock-card" in line and "resume" not in line)
    assert "20260101-000000-unlock-card-abcd" in row and "未完成" in row and "01-01 00:00" in row


def test_a_renamed_session_file_is_known_by_its_new_name(directory):
    write(directory, json.dumps(GOOD), name="renamed")
    (session,) = sessions.Store().all()[0]
    assert session.id == "renamed"
    assert sessions.Store().load("renamed").answers == {"card": "legal"}
    rows = json.loads(cli("sessions", "--format", "json").stdout)
    assert [row["id"] for row in rows] == ["renamed"]


# --- lookups, order and times --------------------------------------------------------


def saved(store: sessions.Store, flow: str, answers: dict[str, str], done: bool = False) -> sessions.Session:
    session = store.new(flow, FLOWS)
    return store.save(sessions.Session(**{**_fields(session), "answers": answers, "done": done}))


def _fields(session: sessions.Session) -> dict:
    return session._asdict()


def test_a_session_is_found_by_the_start_of_its_id_when_that_is_unique(directory):
    store = sessions.Store()
    first = saved(store, "unlock-card", {"card": "legal"})
    os.replace(store.path(first.id), store.path("20260101-000000-unlock-card-aaaa"))
    write(directory, json.dumps({**GOOD, "flow": "cancel-card"}), name="20260202-000000-cancel-card-bbbb")
    assert store.load("20260101").flow_id == "unlock-card"
    assert store.load("20260202-000000-cancel").flow_id == "cancel-card"
    with pytest.raises(sessions.SessionError, match="“2026”不止指一个会话"):
        store.load("2026")  # two match: which one is not guessed
    with pytest.raises(sessions.SessionError, match="没有名为“2027”的会话"):
        store.load("2027")


def test_a_full_id_is_found_even_when_it_is_the_start_of_another(directory):
    write(directory, json.dumps(GOOD), name="20260101-000000-unlock-card-abcd")
    write(directory, json.dumps({**GOOD, "flow": "cancel-card"}), name="20260101-000000-unlock-card-abcd-copy")
    assert sessions.Store().load("20260101-000000-unlock-card-abcd").flow_id == "unlock-card"


@pytest.mark.parametrize("name", ["../secret", "/etc/passwd", ".hidden", "a/b", ""])
def test_a_session_name_that_is_a_path_is_not_looked_up(directory, name):
    with pytest.raises(sessions.SessionError):
        sessions.Store().load(name)


def test_sessions_are_listed_most_recently_updated_first(directory):
    for name, updated in [
        ("b-middle", "2026-05-01T00:00:00+08:00"),
        ("a-old", "2026-01-01T00:00:00+08:00"),
        ("c-new", "2026-09-01T00:00:00+08:00"),
    ]:
        write(directory, json.dumps({**GOOD, "updated": updated}), name=name)
    found, problems = sessions.Store().all()
    assert [s.id for s in found] == ["c-new", "b-middle", "a-old"] and problems == []
    rows = json.loads(cli("sessions", "--format", "json").stdout)
    assert [row["id"] for row in rows] == ["c-new", "b-middle", "a-old"]


def test_resume_without_a_name_takes_the_most_recently_updated_unfinished_one(directory):
    write(directory, json.dumps({**GOOD, "updated": "2026-09-01T00:00:00+08:00", "done": True}), name="newest-but-done")
    write(directory, json.dumps({**GOOD, "updated": "2026-05-01T00:00:00+08:00", "flow": "cancel-card", "answers": {}}), name="middle")
    write(directory, json.dumps({**GOOD, "updated": "2026-01-01T00:00:00+08:00"}), name="oldest")
    result = cli("resume", "--format", "json")
    assert "继续会话 middle（cancel-card，已答 0 题）" in result.stderr


def test_each_save_advances_updated_and_keeps_created(directory, monkeypatch):
    store = sessions.Store()
    stamps = iter(["2026-01-01T09:00:00+08:00", "2026-01-01T09:05:00+08:00", "2026-01-01T09:07:00+08:00"])
    monkeypatch.setattr(sessions, "now", lambda: next(stamps))
    session = store.new("unlock-card", FLOWS)
    assert session.created == session.updated == "2026-01-01T09:00:00+08:00"
    first = store.save(session)
    second = store.save(first)
    assert (first.created, first.updated) == ("2026-01-01T09:00:00+08:00", "2026-01-01T09:05:00+08:00")
    assert (second.created, second.updated) == ("2026-01-01T09:00:00+08:00", "2026-01-01T09:07:00+08:00")
    on_disk = json.loads(store.path(session.id).read_text(encoding="utf-8"))
    assert (on_disk["created"], on_disk["updated"]) == ("2026-01-01T09:00:00+08:00", "2026-01-01T09:07:00+08:00")


def test_a_secret_two_sub_flows_deep_is_never_written(directory):
    store = sessions.Store()
    session = saved(store, "unlock-card", {"card": "legal", "a.b.password": "12345678", "a.b.legal_pin": "1234", "a.b.note": "x"})
    text = store.path(session.id).read_text(encoding="utf-8")
    assert "12345678" not in text and '1234"' not in text
    assert json.loads(text)["answers"] == {"card": "legal", "a.b.note": "x"}


def test_a_session_file_with_a_secret_two_sub_flows_deep_is_set_aside(directory):
    path = write(directory, json.dumps({**GOOD, "answers": {"a.b.password": "1"}}))
    found, problems = sessions.Store().all()
    assert found == [] and [p.path for p in problems] == [path]
    assert not path.exists()


# --- 6. sessions --clear, temporary files, things that are not sessions ---------------


def test_clear_removes_saved_set_aside_and_temporary_files(directory):
    store = sessions.Store()
    saved(store, "unlock-card", {"card": "legal"})
    write(directory, "{broken", name="broken")
    cli("sessions")  # sets broken.json aside as broken.json.corrupt
    (directory / ".tmpk3j2.tmp").write_text(json.dumps(GOOD), encoding="utf-8")  # a save killed before its rename
    (directory / "notes.txt").write_text("not ours", encoding="utf-8")
    result = cli("sessions", "--clear", "--all")
    assert result.exit_code == 0, result.output
    assert "已删除 3 个会话文件" in result.stdout
    assert sorted(p.name for p in directory.iterdir()) == ["notes.txt"]


def test_clear_skips_and_names_a_directory_named_like_a_session_and_removes_the_rest(directory):
    saved(sessions.Store(), "unlock-card", {"card": "legal"})
    (directory / "k.json").mkdir()
    result = cli("sessions", "--clear", "--all")
    assert result.exit_code == 0, result.output
    assert "已删除 1 个会话文件" in result.stdout
    assert f"跳过 {directory / 'k.json'}：不是会话文件，未删除。" in result.stderr
    assert "无法写入" not in result.output
    assert [p.name for p in directory.iterdir()] == ["k.json"]


def test_clear_with_no_session_directory_removes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("EPORTGUIDE_HOME", str(tmp_path / "nowhere"))
    result = cli("sessions", "--clear")
    assert result.exit_code == 0 and "已删除 0 个会话文件" in result.stdout


def test_stale_temporary_files_are_swept_and_a_fresh_one_is_left(directory):
    stale, fresh = directory / ".old.tmp", directory / ".live.tmp"
    for path in (stale, fresh):
        path.write_text("{}", encoding="utf-8")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    result = cli("sessions")
    assert result.exit_code == 0 and result.stderr == ""
    assert not stale.exists() and fresh.exists()


def test_a_run_that_saves_sweeps_stale_temporary_files(directory):
    stale = directory / ".old.tmp"
    stale.write_text("{}", encoding="utf-8")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    sessions.recorder(None, "unlock-card", FLOWS, enabled=True)
    assert not stale.exists()


def test_a_run_that_does_not_save_touches_no_file(directory):
    stale = directory / ".old.tmp"
    stale.write_text("{}", encoding="utf-8")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    sessions.recorder(None, "unlock-card", FLOWS, enabled=False)
    assert stale.exists()


# --- found by tests/robustness/test_fuzz_inputs.py -------------------------------------------------


def test_resuming_a_name_too_long_for_the_file_system_is_not_found(directory):
    result = cli("resume", "x" * 5000)
    assert result.exit_code == 2
    assert "没有名为“xxxx" in result.stderr


def test_a_session_whose_pack_path_no_file_system_takes_resumes_with_the_current_pack(directory):
    write(directory, json.dumps({**GOOD, "pack": "x" * 5000, "answers": {"card": "legal", "legal_details": "no"}}))
    result = cli("resume", "--format", "json", "--no-save")
    assert result.exit_code == 0, result.output
    assert "已不存在，改用当前的流程目录" in result.stderr
    assert json.loads(result.stdout)["outcome"]["id"] == "legal_mail"


def test_a_pack_path_that_is_not_utf8_leaves_the_run_unsaved_with_one_warning(directory):
    warnings: list[str] = []
    recorder = sessions.recorder(None, "unlock-card", Path("/tmp/flows\udcff"), enabled=True)
    recorder.warn = warnings.append
    recorder.save({"card": "legal"})
    recorder.save({"card": "legal", "legal_details": "no"})
    assert not recorder.saved and len(warnings) == 1 and "无法保存办理进度" in warnings[0]
    assert list(directory.glob("*.json")) == [] and list(directory.glob(".*.tmp")) == []


def test_a_new_session_is_named_by_its_start_time_flow_and_a_random_tag(directory):
    import re

    first, second = sessions.Store().new("unlock-card", FLOWS), sessions.Store().new("unlock-card", FLOWS)
    for session in (first, second):
        assert re.fullmatch(r"\d{8}-\d{6}-unlock-card-[0-9a-f]{4}", session.id), session.id
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}", session.created), session.created
        assert session.flow_hash.startswith("sha256:") and len(session.flow_hash) == len("sha256:") + 64
        assert session.pack_dir == str(FLOWS.resolve()) and session.answers == {} and session.done is False
    assert sessions.flow_hash(FLOWS, "no-such-flow") == ""


@pytest.mark.parametrize("args", [["sessions"], ["resume"], ["sessions", "--clear"]])
def test_a_home_path_too_long_for_the_file_system_has_no_sessions(monkeypatch, args):
    monkeypatch.setenv("EPORTGUIDE_HOME", "x" * 5000)
    result = cli(*args)
    assert result.exit_code in (0, 2) and "内部错误" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_run_with_a_home_path_too_long_goes_on_unsaved_with_one_warning(monkeypatch):
    monkeypatch.setenv("EPORTGUIDE_HOME", "x" * 5000)
    warnings: list[str] = []
    recorder = sessions.recorder(None, "unlock-card", FLOWS, enabled=True)
    recorder.warn = warnings.append
    recorder.save({"card": "legal"})
    recorder.finish()
    assert not recorder.saved and len(warnings) == 1 and "无法保存办理进度" in warnings[0]


# --- what mutation testing found untested ---------------------------------------------


def test_a_new_session_whose_id_is_taken_draws_another_four_character_tag(directory, monkeypatch):
    import secrets
    from datetime import datetime

    class Frozen(datetime):
        @classmethod
        def now(cls, tz=None):  # two runs started in the same second
            return cls(2026, 1, 1, 9, 0, 0)

    drawn: list[int] = []
    tags = iter(["aaaa", "aaaa", "bbbb"])
    monkeypatch.setattr(sessions, "datetime", Frozen)
    monkeypatch.setattr(secrets, "token_hex", lambda size: drawn.append(size) or next(tags))
    store = sessions.Store()
    first = store.save(store.new("unlock-card", FLOWS))
    second = store.new("unlock-card", FLOWS)
    assert (first.id, second.id) == ("20260101-090000-unlock-card-aaaa", "20260101-090000-unlock-card-bbbb")
    assert drawn == [2, 2, 2]


@pytest.mark.parametrize("name", ["../secret", ".hidden", ""])
def test_a_session_name_that_is_a_path_is_named_in_the_message(directory, name):
    with pytest.raises(sessions.SessionError) as refused:
        sessions.Store().load(name)
    assert refused.value.message == f"没有名为“{name}”的会话。"


def test_a_corrupt_session_says_why_and_where_it_was_moved_or_that_it_was_not():
    moved = sessions.CorruptSession(Path("a.json"), "不是有效的会话记录", Path("a.json.corrupt"))
    stuck = sessions.CorruptSession(Path("a.json"), "权限不够", None)
    assert moved.message == "会话文件 a.json 已损坏或无法读取（不是有效的会话记录），已改名为 a.json.corrupt，不再使用"
    assert (moved.path, moved.moved_to) == (Path("a.json"), Path("a.json.corrupt"))
    assert stuck.message == "会话文件 a.json 已损坏或无法读取（权限不够）" and stuck.moved_to is None


def test_a_session_removed_while_the_list_is_read_is_skipped_and_the_rest_listed(directory, monkeypatch):
    write(directory, json.dumps(GOOD), name="b-kept")
    monkeypatch.setattr(sessions.Store, "_names", lambda self: ["a-gone", "b-kept"])
    found, problems = sessions.Store().all()
    assert [s.id for s in found] == ["b-kept"] and problems == []


def test_hidden_json_files_are_not_sessions_to_list_set_aside_or_clear(directory):
    hidden = directory / ".editor-backup.json"
    hidden.write_text("{not json", encoding="utf-8")
    assert sessions.Store().all() == ([], [])
    result = cli("sessions", "--clear")
    assert result.exit_code == 0 and "已删除 0 个会话文件" in result.stdout
    assert hidden.exists()


def test_clear_goes_on_past_what_it_leaves_and_what_it_cannot_remove(directory, monkeypatch):
    (directory / "0-notes.txt").write_text("not ours", encoding="utf-8")  # sorted first
    (directory / "1-folder.json").mkdir()
    locked, vanished = write(directory, "{}", name="2-locked"), write(directory, "{}", name="3-vanished")
    saved(sessions.Store(), "unlock-card", {"card": "legal"})
    real_unlink = Path.unlink

    def unlink(self, missing_ok=False):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        if self == vanished:
            real_unlink(self)  # another process removed it first
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    result = cli("sessions", "--clear", "--all")
    assert result.exit_code == 2
    assert "已删除 2 个会话文件" in result.stdout  # the vanished one and the saved one
    assert f"跳过 {directory / '1-folder.json'}：不是会话文件，未删除。" in result.stderr
    assert f"错误：无法写入 {locked}：没有权限" in result.stderr
    assert sorted(p.name for p in directory.iterdir()) == ["0-notes.txt", "1-folder.json", "2-locked.json"]


def test_an_interruption_keeps_its_message_and_gains_the_resume_command(directory):
    from eportguide.errors import Interrupted

    recorder = sessions.recorder(None, "unlock-card", FLOWS, enabled=True)
    recorder.save({"card": "legal"})
    stop = sessions.with_resume_hint(Interrupted("已中断。"), recorder)
    assert stop.message == "已中断。"
    assert f"eportguide resume {recorder.session.id}" in stop.hint


def test_a_run_that_cannot_save_says_so_on_standard_error(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("EPORTGUIDE_HOME", str(blocker))
    recorder = sessions.recorder(None, "unlock-card", FLOWS, enabled=True)
    recorder.save({"card": "legal"})
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith("提示：无法保存办理进度（") and captured.err.endswith("中断后无法继续。\n")


def test_a_session_file_over_the_limit_is_set_aside_as_too_large_and_one_at_the_limit_is_read(directory):
    limit = sessions.MAX_SESSION_BYTES
    fits = json.dumps(GOOD)
    write(directory, fits + " " * (limit - len(fits.encode())), name="at-the-limit")
    over = write(directory, fits + " " * (limit + 1 - len(fits.encode())), name="one-byte-over")
    found, problems = sessions.Store().all()
    assert [s.id for s in found] == ["at-the-limit"]
    assert [p.message for p in problems] == [
        f"会话文件 {over} 已损坏或无法读取（文件太大（上限 1000000 字节）），已改名为 {over}.corrupt，不再使用"
    ]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs an endless device")
def test_a_session_file_that_never_ends_is_set_aside_without_reading_it_all(directory):
    endless = directory / "endless.json"
    endless.symlink_to("/dev/zero")
    found, problems = sessions.Store().all()
    # A device is not a file: refused before a byte is read (issue 21), not after a limit.
    assert found == [] and "不是普通文件（是设备、管道或套接字），不予读取" in problems[0].message
    assert not endless.is_symlink() and (directory / "endless.json.corrupt").is_symlink()


@pytest.mark.skipif(sys.platform == "win32", reason="Windows refuses to open a directory with another error")
def test_a_session_that_cannot_be_opened_is_set_aside_with_the_system_s_reason(directory):
    import errno

    folder = directory / "folder.json"
    folder.mkdir()
    (_, [problem]) = sessions.Store().all()
    assert problem.path == folder
    assert problem.message.startswith(f"会话文件 {folder} 已损坏或无法读取（{os_reason(OSError(errno.EISDIR, ''))}）")


def test_a_session_file_gone_between_listing_and_reading_is_not_found(directory):
    with pytest.raises(sessions.SessionError) as gone:
        sessions.Store()._read(directory / "gone.json")
    assert not isinstance(gone.value, sessions.CorruptSession)
    assert gone.value.message == "没有名为“gone”的会话。"


def test_only_dot_files_ending_in_tmp_are_temporary(directory):
    keep = [directory / "notes.tmp", directory / ".notes"]
    for path in keep:
        path.write_text("x", encoding="utf-8")
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    cli("sessions", "--clear")
    assert all(path.exists() for path in keep)


def test_a_session_file_is_indented_utf8_json_with_chinese_as_written(directory, monkeypatch):
    opened: list[dict] = []
    real_fdopen = os.fdopen
    monkeypatch.setattr(sessions.os, "fdopen", lambda *args, **kwargs: opened.append(kwargs) or real_fdopen(*args, **kwargs))
    store = sessions.Store()
    session = saved(store, "unlock-card", {"card": "legal", "enterprise": "西安秦川"})
    text = store.path(session.id).read_text(encoding="utf-8")
    assert '\n  "flow": "unlock-card",\n' in text and '"enterprise": "西安秦川"' in text
    assert text.endswith("}\n")
    assert [kwargs.get("encoding", "").lower() for kwargs in opened] == ["utf-8"]  # not the locale's (GBK on Windows)


def test_a_save_writes_a_hidden_temporary_file_beside_the_session_then_renames_it(directory, monkeypatch):
    renamed: list[tuple[str, str]] = []
    real_replace = os.replace
    monkeypatch.setattr(sessions.os, "replace", lambda a, b: renamed.append((a, b)) or real_replace(a, b))
    session = saved(sessions.Store(), "unlock-card", {"card": "legal"})
    ((temporary, target),) = renamed
    assert Path(temporary).parent == directory and Path(temporary).name.startswith(".") and temporary.endswith(".tmp")
    assert Path(target) == directory / f"{session.id}.json"


@pytest.mark.parametrize("error", [PermissionError(1, "Operation not permitted"), NotImplementedError()])
def test_a_file_system_that_cannot_set_owner_only_modes_still_saves(directory, monkeypatch, error):
    def refuse(*args, **kwargs):
        raise error

    monkeypatch.setattr(sessions.os, "chmod", refuse)
    session = saved(sessions.Store(), "unlock-card", {"card": "legal"})
    assert sessions.Store().load(session.id).answers == {"card": "legal"}


def test_sweeping_a_directory_that_cannot_be_listed_or_a_file_that_cannot_be_read_is_quiet(directory, monkeypatch):
    stale = directory / ".old.tmp"
    stale.write_text("{}", encoding="utf-8")

    def unreadable(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as patched:
        patched.setattr(Path, "is_file", unreadable)
        sessions.Store().sweep()  # the file cannot be looked at: left alone
    assert stale.exists()
    with monkeypatch.context() as patched:
        patched.setattr(Path, "iterdir", unreadable)
        sessions.Store().sweep()  # the directory cannot be listed: nothing to do
    assert stale.exists()
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    sessions.Store().sweep()
    assert not stale.exists()


def test_a_run_that_cannot_save_names_the_directory_and_the_system_s_reason(tmp_path, monkeypatch):

    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("EPORTGUIDE_HOME", str(blocker))
    warnings: list[str] = []
    recorder = sessions.recorder(None, "unlock-card", FLOWS, enabled=True)
    recorder.warn = warnings.append
    recorder.save({"card": "legal"})
    (warning,) = warnings
    try:
        (blocker / "sessions").mkdir(parents=True)
    except OSError as refused:
        reason = os_reason(refused)
    assert warning == f"提示：无法保存办理进度（{blocker / 'sessions'}：{reason}），本次办理照常进行，但中断后无法继续。"


def test_the_home_directory_has_no_author_level_on_windows(monkeypatch):
    import platformdirs

    asked: list[tuple] = []
    monkeypatch.delenv("EPORTGUIDE_HOME", raising=False)
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *args, **kwargs: asked.append((args, kwargs)) or "/data")
    assert sessions.home() == Path("/data")
    assert asked == [(("eportguide",), {"appauthor": False})]  # None would add a second eportguide folder on Windows


def test_a_store_can_be_given_its_directory(tmp_path):
    assert sessions.Store(tmp_path / "elsewhere").directory == tmp_path / "elsewhere"


def test_a_resumed_run_with_no_save_leaves_its_file_as_it_was(directory):
    store = sessions.Store()
    session = saved(store, "unlock-card", {"card": "legal"})
    before = store.path(session.id).read_bytes()
    recorder = sessions.recorder(session, "unlock-card", FLOWS, enabled=False)
    recorder.save({"card": "operator"})
    recorder.finish()
    assert store.path(session.id).read_bytes() == before
    assert recorder.resume_command() is None


def test_the_resume_command_is_offered_only_once_something_was_saved(directory):
    recorder = sessions.recorder(None, "unlock-card", FLOWS, enabled=True)
    assert recorder.resume_command() is None
    recorder.save({"card": "legal"})
    assert recorder.resume_command() == f"eportguide resume {recorder.session.id}"


def test_a_session_resumed_from_another_pack_records_that_pack_and_its_flow_hash(directory, tmp_path):
    import shutil

    store = sessions.Store()
    session = saved(store, "unlock-card", {"card": "legal"})
    moved = tmp_path / "moved-pack"
    shutil.copytree(FLOWS, moved)
    (moved / "unlock-card.yaml").write_text((FLOWS / "unlock-card.yaml").read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    recorder = sessions.recorder(session, "unlock-card", moved, enabled=True)
    recorder.save({"card": "legal", "legal_details": "no"})
    on_disk = json.loads(store.path(session.id).read_text(encoding="utf-8"))
    assert on_disk["pack"] == str(moved.resolve())
    assert on_disk["flow_hash"] == sessions.flow_hash(moved, "unlock-card") != session.flow_hash


def test_a_session_that_is_not_json_is_set_aside_saying_so(directory):
    path = write(directory, "{not json")
    (_, [problem]) = sessions.Store().all()
    assert problem.message == f"会话文件 {path} 已损坏或无法读取（不是有效的会话记录），已改名为 {path}.corrupt，不再使用"


def test_an_error_without_a_system_reason_is_still_named(directory, monkeypatch):
    path = write(directory, json.dumps(GOOD))

    def fail(self, *args, **kwargs):
        raise OSError("disk went away")

    from eportguide.model import reading

    with monkeypatch.context() as patched:
        patched.setattr(reading, "read_bytes", fail)  # every outside file is read through it
        (_, [problem]) = sessions.Store().all()
    assert problem.message.startswith(f"会话文件 {path} 已损坏或无法读取（disk went away）")
    monkeypatch.setattr(Path, "unlink", fail)
    result = cli("sessions", "--clear")
    assert result.exit_code == 2 and f"无法写入 {path}.corrupt：disk went away" in result.stderr


# --- what mutation testing of sessions showed no test would notice ------------------------

NOT_FOUND_HINT = "运行 eportguide sessions 查看保存的会话。"


def test_every_way_a_session_is_not_found_says_how_to_see_the_saved_ones(directory):
    store = sessions.Store()
    for name in ("../x", "2027"):  # not a session's name at all; a name no session has
        with pytest.raises(sessions.SessionError) as refused:
            store.load(name)
        assert (refused.value.message, refused.value.hint) == (f"没有名为“{name}”的会话。", NOT_FOUND_HINT)
    with pytest.raises(sessions.SessionError) as gone:
        store._read(directory / "gone.json")  # listed, then removed before it was read
    assert gone.value.hint == NOT_FOUND_HINT


def test_an_ambiguous_name_counts_and_lists_the_sessions_it_fits_and_says_what_to_write(directory):
    write(directory, json.dumps(GOOD), name="20260101-000000-unlock-card-aaaa")
    write(directory, json.dumps({**GOOD, "flow": "cancel-card"}), name="20260101-000001-cancel-card-bbbb")
    with pytest.raises(sessions.SessionError) as ambiguous:
        sessions.Store().load("20260101")
    assert ambiguous.value.message.splitlines() == [
        "“20260101”不止指一个会话（2 个），请写得更长一些：",
        "  20260101-000000-unlock-card-aaaa",
        "  20260101-000001-cancel-card-bbbb",
    ]
    assert ambiguous.value.hint == "写出完整的会话名，或它末尾的随机标记（如 c968）。"


def test_a_session_started_in_a_language_this_version_does_not_speak_resumes_in_chinese(directory):
    write(directory, json.dumps({**GOOD, "language": "fr"}))
    write(directory, json.dumps({**GOOD, "language": "en"}), name="20260101-000000-unlock-card-eeee")
    assert sessions.Store().load("abcd").language == "zh"
    assert sessions.Store().load("eeee").language == "en"


def test_a_secret_key_is_known_in_any_letter_case():
    for key in ("Password", "legal.PIN", "a.b.Card_Passcode"):
        assert sessions.is_secret(key), key


def test_the_warning_of_a_path_that_cannot_be_encoded_gives_the_reason(directory):
    warnings: list[str] = []
    recorder = sessions.recorder(None, "unlock-card", Path("/tmp/flows\udcff"), enabled=True)
    recorder.warn = warnings.append
    recorder.save({"card": "legal"})
    assert "surrogates not allowed" in warnings[0]


def test_leaving_the_procedure_with_nothing_answered_removes_its_saved_session(directory, monkeypatch):
    recorder = sessions.recorder(None, "unlock-card", FLOWS, enabled=True, note="")
    recorder.save({"card": "legal"})
    recorder.save({})  # the answer taken back; then back to the suggestions
    assert [p.stem for p in directory.glob("*.json")] == [recorder.session.id]
    recorder.discard()
    assert list(directory.glob("*.json")) == [] and recorder.resume_command() is None
    recorder.discard()  # again: nothing to remove, nothing said

    kept = sessions.recorder(None, "unlock-card", FLOWS, enabled=True, note="")
    kept.save({"card": "legal"})

    def refuse(self, missing_ok=False):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "unlink", refuse)
    kept.discard()  # a file that cannot be removed stops nothing
    assert kept.resume_command() is None


def test_a_session_without_a_note_or_an_outcome_stores_neither(directory):
    recorder = sessions.recorder(None, "unlock-card", FLOWS, enabled=True)
    recorder.save({"card": "legal"})
    recorder.finish()
    stored = json.loads(sessions.Store().path(recorder.session.id).read_text(encoding="utf-8"))
    assert (stored.get("note", ""), stored.get("outcome", ""), stored["done"]) == ("", "", True)
