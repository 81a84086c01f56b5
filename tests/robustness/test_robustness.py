"""Robustness a user relies on without seeing it: imports, encodings, disks, Ctrl-C."""

import ast
import errno
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pexpect
import pytest
from helpers import ROOT

from eportguide.i18n import wording
from eportguide.model.loader import load_pack
from eportguide.store import sessions

FLOWS = ROOT / "flows"
PROMPT_LIBRARIES = ("questionary", "prompt_toolkit")


def modules_loaded_by(args: list[str]) -> set[str]:
    """Top-level packages and eportguide modules imported by one command, in a fresh process."""
    code = (
        "import sys\nfrom eportguide.cli import app\n"
        f"try:\n    app({args!r})\nexcept SystemExit:\n    pass\n"
        "print(sorted({m if m.startswith('eportguide') else m.split('.')[0] for m in sys.modules}))\n"
    )
    env = {**os.environ, "EPORTGUIDE_HOME": os.environ["EPORTGUIDE_HOME"]}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, stdin=subprocess.DEVNULL)
    return set(ast.literal_eval(done.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    ("args", "must_not_load"),
    [
        # The root --help lists the procedures by title (issue 10, item 13): it reads the
        # pack (from the pack cache when it is fresh: see the test below), nothing else.
        (["--help"], {*PROMPT_LIBRARIES, "rich", "chinese_calendar", "eportguide.engine"}),
        (["unlock-card", "--help"], {*PROMPT_LIBRARIES, "rich", "chinese_calendar", "eportguide.engine"}),
        (["run", "--help"], {*PROMPT_LIBRARIES, "rich", "chinese_calendar", "eportguide.engine"}),
        (["list"], {*PROMPT_LIBRARIES, "chinese_calendar", "eportguide.engine", "eportguide.search.matching", "eportguide.store.sessions"}),
        (["show", "unlock-card"], {*PROMPT_LIBRARIES, "chinese_calendar", "eportguide.search.matching", "eportguide.store.sessions"}),
        (["handbook"], {*PROMPT_LIBRARIES, "rich", "chinese_calendar", "eportguide.search.matching", "eportguide.store.sessions"}),
        (["search", "卡锁了"], {*PROMPT_LIBRARIES, "chinese_calendar", "eportguide.engine.walker", "eportguide.store.sessions"}),
        # validate searches each flow's example phrasings (issue 23), so it loads search, and nothing else heavy
        (["validate"], {*PROMPT_LIBRARIES, "chinese_calendar", "eportguide.store.sessions", "eportguide.store.misses"}),
        (
            ["unlock-card", "-a", "card=operator", "-a", "legal_card_works=yes", "--no-input", "--no-save"],
            # a checklist, not a decision guide
            {*PROMPT_LIBRARIES, "eportguide.search.matching", "eportguide.render.procedure"},
        ),
        # Dates in a year the library knows need neither the law's dates nor the holidays
        # library (a test dependency only); the calendar command prompts nothing.
        (
            ["unlock-card", "-a", "card=legal", "--no-input", "--no-save", "--today", "2026-09-30"],
            {*PROMPT_LIBRARIES, "eportguide.search.matching", "eportguide.workdays.law_dates", "holidays"},
        ),
        (["calendar", "2027"], {*PROMPT_LIBRARIES, "rich", "eportguide.search.matching", "eportguide.store.sessions", "holidays"}),
    ],
)
def test_a_command_imports_nothing_heavy_it_does_not_use(args, must_not_load):
    loaded = modules_loaded_by(args)
    assert not (loaded & must_not_load), f"{args} loaded {sorted(loaded & must_not_load)}"


def test_help_reads_the_titles_from_the_pack_cache_not_from_yaml():
    modules_loaded_by(["list"])  # a command ran before: the cache is fresh
    loaded = modules_loaded_by(["--help"])
    assert "yaml" not in loaded and "eportguide.model.loader" not in loaded


def gbk_unsafe(text: str) -> bool:
    try:
        text.encode("gbk")
    except UnicodeEncodeError:
        return True
    return False


def test_every_sentence_of_the_program_prints_on_a_gbk_console():
    tree = ast.parse(Path(wording.__file__).read_text(encoding="utf-8"))
    unsafe = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and gbk_unsafe(n.value)]
    assert unsafe == []


def test_every_prompt_and_choice_of_the_shipped_flows_prints_on_a_gbk_console():
    pack = load_pack(FLOWS)
    texts = [f.prompt for f in pack.shared.fields.values()]
    for flow in pack.flows.values():
        texts += [flow.title]
        for state in flow.states.values():
            texts += [getattr(state, name) or "" for name in ("prompt", "ask", "title", "help") if hasattr(state, name)]
            texts += [c.label for c in getattr(state, "choices", ())]
    assert [t for t in texts if gbk_unsafe(t)] == []


def test_every_text_file_is_read_and_written_as_utf8_explicitly():
    offenders = []
    for path in (ROOT / "eportguide").rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "formatter.write_text(" in line:  # click's help formatter, not a file
                continue
            if ("read_text(" in line or "write_text(" in line or " open(" in line) and "encoding=" not in line:
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == []


def test_two_runs_saving_at_the_same_moment_leave_no_corrupt_file(tmp_path):
    store = sessions.Store(tmp_path / "sessions")
    first = store.new("unlock-card", FLOWS)
    second = store.new("unlock-card", FLOWS)
    assert first.id != second.id  # started in the same second, still apart

    def hammer(session: sessions.Session, value: str) -> None:
        for i in range(100):
            store.save(session._replace(answers={"card": value, "legal_details": "no" if i % 2 else "yes"}))

    threads = [threading.Thread(target=hammer, args=(s, v)) for s, v in ((first, "legal"), (second, "operator"), (first, "operator"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    loaded, corrupt = store.all()
    assert corrupt == []
    assert {s.id for s in loaded} == {first.id, second.id}
    assert not list((tmp_path / "sessions").glob("*.tmp"))
    for path in (tmp_path / "sessions").iterdir():
        json.loads(path.read_text(encoding="utf-8"))


def test_a_full_disk_does_not_stop_the_run_and_says_the_session_was_not_saved(tmp_path, monkeypatch):
    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("tempfile.mkstemp", disk_full)
    recorder = sessions.recorder(None, "unlock-card", FLOWS, enabled=True)
    warnings = []
    recorder.warn = warnings.append
    recorder.save({"card": "legal"})
    recorder.save({"card": "legal", "legal_details": "no"})
    recorder.finish()
    assert len(warnings) == 1 and "磁盘空间不足" in warnings[0]  # the system's reason, in Chinese (issue 10, item 13)
    assert recorder.resume_command() is None


def test_running_a_flow_writes_nothing_outside_the_session_directory_and_the_output_file(tmp_path):
    workdir = tmp_path / "work"
    workdir.mkdir()
    pack = tmp_path / "pack"
    subprocess.run(["cp", "-r", str(FLOWS), str(pack)], check=True)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    env = {**os.environ, "EPORTGUIDE_HOME": str(tmp_path / "home"), "EPORTGUIDE_FLOWS": str(pack)}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "eportguide",
            "unlock-card",
            "-a",
            "card=legal",
            "--no-input",
            "-o",
            "out.txt",
            "--email-draft",
            "draft.eml",
        ],
        cwd=workdir,
        env=env,
        check=True,
        capture_output=True,
        stdin=subprocess.DEVNULL,
    )
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if "__pycache__" not in p.parts)
    new = [str(p) for p in after if p not in before and not str(p).startswith("home")]
    assert new == ["work/draft.eml", "work/out.txt"]


DOWN, ENTER = "\x1b[B", "\r"
# unlock-card, 法人卡, 是 (fill in the details), then six details left blank, then the review
LEGAL_WITH_DETAILS = [("哪张卡被锁住了", ENTER), ("现在填写申请邮件的内容吗", ENTER)] + [
    (prompt, ENTER) for prompt in ("企业名称", "公司收卡地址", "联系人姓名", "联系人电话", "寄卡快递单号", "办理业务的电子口岸卡号")
]


@pytest.mark.pty
@pytest.mark.parametrize("stop_at", range(len(LEGAL_WITH_DETAILS)))
def test_ctrl_c_at_any_prompt_exits_130_and_tells_how_to_resume(tmp_path, stop_at):
    env = {**os.environ, "EPORTGUIDE_HOME": str(tmp_path / "home"), "TERM": "xterm"}
    child = pexpect.spawn(sys.executable, ["-m", "eportguide", "unlock-card"], env=env, encoding="utf-8", timeout=20, dimensions=(40, 160))
    for prompt, key in LEGAL_WITH_DETAILS[:stop_at]:
        child.expect(prompt)
        child.send(key)
    child.expect(LEGAL_WITH_DETAILS[stop_at][0])
    child.sendcontrol("c")
    child.expect("已中断")
    if stop_at:  # something was answered: it was saved
        child.expect("eportguide resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in (child.before or "")


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["unlock-card", "-a", "card=legal", "--no-input", "--no-save", "--format", "terminal"],
        ["unlock-card", "-a", "card=legal", "--no-input", "--no-save"],
        ["search", "卡锁了"],
        ["show", "unlock-card"],
    ],
)
def test_a_reader_that_closed_the_pipe_ends_the_command_with_0_and_nothing_said(tmp_path, args):
    read, write = os.pipe()
    os.close(read)  # as `eportguide … | true`: nobody reads
    try:
        done = subprocess.run(
            [sys.executable, "-m", "eportguide", *args],
            stdout=write,
            stderr=subprocess.PIPE,
            env={**os.environ, "EPORTGUIDE_HOME": str(tmp_path)},
            timeout=60,
        )
    finally:
        os.close(write)
    assert done.returncode == 0
    assert done.stderr == b""
