"""Issue 21: text and files from outside never drive the terminal, block, or end in exit 3.

Run as a user runs the program (a real process, real standard streams), so the last
guard on the streams is part of what is tested.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import FLOWS, cli

RAW = ("\x1b", "\x07", "\u202e")
HOSTILE = "卡\x1b]0;PWNED\x07\x1b]8;;http://evil.example/\x1b\\X\x1b]8;;\x1b\\\u202eRLO"


def run(*args: str, env: dict[str, str] | None = None, stdin=subprocess.DEVNULL, timeout: int = 60) -> subprocess.CompletedProcess:
    full = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "eportguide", *args], capture_output=True, env=full, stdin=stdin, timeout=timeout, cwd=Path.cwd()
    )


def assert_clean(done: subprocess.CompletedProcess) -> None:
    out = done.stdout.decode("utf-8", "replace") + done.stderr.decode("utf-8", "replace")
    for char in RAW:
        assert char not in out, (char, out[:500])
    assert "Traceback" not in out and done.returncode != 3, out[:500]


@pytest.fixture
def hostile_pack(tmp_path):
    import shutil

    pack = tmp_path / "pack"
    shutil.copytree(FLOWS, pack)
    flow = pack / "unlock-card.yaml"
    text = flow.read_text(encoding="utf-8")
    flow.write_text(text.replace("title: 电子口岸卡被锁，如何解锁", 'title: "卡\\e]0;PWNED\\a 解锁\\u202e"', 1), encoding="utf-8")
    return pack


def test_validate_reports_an_escape_in_a_pack_with_its_file_and_line(hostile_pack):
    done = run("validate", str(hostile_pack))
    assert done.returncode == 1
    assert "unlock-card.yaml:3:8: 有控制字符或文字方向控制符 \\x1b" in done.stdout.decode() + done.stderr.decode()
    assert_clean(done)


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["show", "unlock-card"],
        ["unlock-card", "-a", "card=legal", "--no-input"],
        ["graph", "unlock-card"],
        ["handbook"],
        ["search", "卡锁了"],
        ["sessions"],
        ["calendar", "2027"],
        ["schema"],
    ],
)
def test_every_command_with_a_hostile_pack_says_so_without_driving_the_terminal(hostile_pack, args, tmp_path):
    done = run("--flows", str(hostile_pack), *args, env={"EPORTGUIDE_HOME": str(tmp_path / "home")})
    assert_clean(done)


@pytest.mark.parametrize(
    "args",
    [
        [HOSTILE],
        ["show", HOSTILE],
        ["unlock-card", "--today", HOSTILE],
        ["--lang", HOSTILE, "list"],
        ["list", "--format", HOSTILE],
        ["resume", HOSTILE],
        ["unlock-card", "-a", "card=legal", "--no-input", "--answers", HOSTILE],
        ["list", "--" + HOSTILE],
    ],
)
def test_arguments_echoed_in_errors_are_shown_visibly(args, tmp_path):
    done = run(*args, env={"EPORTGUIDE_HOME": str(tmp_path / "home")})
    assert done.returncode == 2
    assert_clean(done)


def test_a_hostile_language_variable_is_shown_visibly(tmp_path):
    done = run("list", env={"EPORTGUIDE_LANG": HOSTILE, "EPORTGUIDE_HOME": str(tmp_path / "home")})
    assert_clean(done)


def test_a_note_that_would_drive_the_terminal_is_refused_at_the_door():
    result = cli("unlock-card", "-a", "card=legal", "--no-input", "--note", HOSTILE)
    assert result.exit_code == 2
    assert "备注只能是一行普通文字" in result.stderr


def test_a_closed_standard_output_is_exit_2_with_a_message():
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sys, runpy; os.close(1); sys.argv=['eportguide','list']; runpy.run_module('eportguide', run_name='__main__')",
        ],
        capture_output=False,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert done.returncode == 2
    assert "标准输出" in done.stderr.decode()


def test_a_closed_standard_input_is_no_crash(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sys, runpy; os.close(0); "
            "sys.argv=['eportguide','unlock-card','-a','card=legal','--no-save']; runpy.run_module('eportguide', run_name='__main__')",
        ],
        capture_output=True,
        timeout=60,
        env={**os.environ, "EPORTGUIDE_HOME": str(tmp_path)},
    )
    assert done.returncode in (0, 2) and b"Traceback" not in done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")
def test_special_files_are_refused_without_reading_or_blocking(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for option in ("--answers", "--attach"):
        for path in ("/dev/zero", str(fifo)):
            extra = ["--email-draft", str(tmp_path / "x.eml")] if option == "--attach" else []
            done = run("unlock-card", "-a", "card=legal", "--no-input", "--no-save", *extra, option, path, timeout=30)
            assert done.returncode == 2, done.stderr.decode()
            assert "不是普通文件" in done.stderr.decode()


def test_an_attachment_over_the_limit_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.pdf"
    with big.open("wb") as out:
        out.truncate(2 * 1024**3)  # sparse: 2 GB that take no disk
    done = run(
        "unlock-card",
        "-a",
        "card=legal",
        "--no-input",
        "--no-save",
        "--email-draft",
        str(tmp_path / "x.eml"),
        "--attach",
        str(big),
        timeout=30,
    )
    assert done.returncode == 2 and "超过 25 MB" in done.stderr.decode()
    assert not (tmp_path / "x.eml").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_symbolic_link_loop_in_a_pack_is_a_finding_not_a_crash(hostile_pack):
    (hostile_pack / "unlock-card.yaml").write_text((FLOWS / "unlock-card.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (hostile_pack / "zz.yaml").symlink_to("zz.yaml")
    done = run("--flows", str(hostile_pack), "list")
    assert done.returncode == 2
    assert "符号链接指向自己" in done.stderr.decode()


def test_an_e_mail_subject_with_a_line_break_fails_validate(tmp_path):
    import shutil

    pack = tmp_path / "pack"
    shutil.copytree(FLOWS, pack)
    flow = pack / "unlock-card.yaml"
    text = flow.read_text(encoding="utf-8")
    assert "subject:" in text
    flow.write_text(text.replace("subject: ", 'subject: "X\\nBcc: a@b.c" #', 1), encoding="utf-8")
    done = run("validate", str(pack))
    assert done.returncode == 1
    assert "邮件标题和收件地址只能是一行" in done.stdout.decode() + done.stderr.decode()


def test_hundreds_of_chained_questions_count_without_recursion(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "_facts.yaml").write_text("facts: {}\nfields: {}\n", encoding="utf-8")
    states = []
    for i in range(400):
        states.append(f"  q{i}:\n    kind: confirm\n    prompt: 第{i}问？\n    if_yes: q{i + 1}\n    if_no: end\n")
    states.append("  q400:\n    kind: outcome\n    title: 完\n    steps: [好]\n  end:\n    kind: outcome\n    title: 止\n    steps: [好]\n")
    (pack / "chain.yaml").write_text(
        "id: chain\ntitle: 长链\ncategory: 测试\nsource: 测试\ndescription: 很多问题\nstart: q0\nstates:\n" + "".join(states),
        encoding="utf-8",
    )
    ended = run("--flows", str(pack), "chain", "-a", "q0=no", "--no-input", "--no-save")
    assert ended.returncode == 0 and "止" in ended.stdout.decode(), ended.stderr.decode()[:300]
    asked = run("--flows", str(pack), "chain", "-a", "q0=yes", "-a", "q1=yes", "--no-input", "--no-save")
    assert asked.returncode == 2 and "（q2）" in asked.stderr.decode(), asked.stderr.decode()[:300]


def test_columns_beyond_any_terminal_are_clamped(tmp_path):
    done = run("show", "unlock-card", env={"COLUMNS": "10000000"}, timeout=30)
    assert done.returncode == 0
    assert max(len(line) for line in done.stdout.decode().splitlines()) <= 1000
