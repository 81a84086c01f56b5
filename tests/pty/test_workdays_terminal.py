"""``eportguide calendar import`` at a terminal: it shows what it read and asks before saving."""

import os
import sys

import pexpect
import pytest
from helpers import FIXTURES

DOWN, ENTER = "\x1b[B", "\r"
NOTICE = FIXTURES / "notices" / "2026.txt"

pytestmark = pytest.mark.pty


def spawn(tmp_path, *args: str) -> pexpect.spawn:
    env = {**os.environ, "EPORTGUIDE_HOME": str(tmp_path / "home"), "TERM": "xterm-256color", "COLUMNS": "160"}
    return pexpect.spawn(sys.executable, ["-m", "eportguide", *args], env=env, encoding="utf-8", timeout=20, dimensions=(50, 160))


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus if child.exitstatus is not None else 128 + (child.signalstatus or 0)


def test_a_notice_is_saved_once_the_clerk_says_yes(tmp_path):
    saved = tmp_path / "home" / "calendar" / "2026.yaml"
    child = spawn(tmp_path, "calendar", "import", str(NOTICE))
    child.expect("共放假 33 天，其中周一至周五 19 天；周末调休上班 6 天。")
    child.expect("保存到 ")
    child.send(DOWN)
    child.send(ENTER)  # 是
    child.expect("现在显示为官方安排")
    assert finish(child) == 0
    assert saved.is_file()


def test_nothing_is_saved_when_the_clerk_says_no(tmp_path):
    child = spawn(tmp_path, "calendar", "import", str(NOTICE))
    child.expect("保存到 ")
    child.send(ENTER)  # 否, the default
    child.expect("未保存。")
    assert finish(child) == 0
    assert not (tmp_path / "home" / "calendar").exists()
