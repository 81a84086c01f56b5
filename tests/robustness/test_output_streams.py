"""Output a console cannot encode, or a disk cannot hold, is a message, not a crash.

Most clerks' Windows consoles are GBK: an emoji in an answer must not lose them the
checklist. Each test runs the program as a process, since the streams it guards are the
process's own.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import cli

LEGAL = ["unlock-card", "--no-input", "--no-save", "-a", "card=legal"]


def run(*args: str | bytes, env: dict[str, str] | None = None, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "eportguide", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


@pytest.mark.parametrize("fmt", ["terminal", "text", "markdown", "json"])
def test_an_emoji_in_an_answer_on_a_gbk_console_is_replaced_and_said_once(fmt):
    done = run(*LEGAL, "-a", "enterprise=😀西安秦川", "--format", fmt, env={"PYTHONIOENCODING": "gbk"})
    assert done.returncode == 0, done.stderr.decode("gbk", "replace")
    out = done.stdout.decode("gbk")  # all of it is GBK: the console can show every byte
    assert "?西安秦川" in out and "朱雀大街397号" in out
    shown = run(*LEGAL, "-a", "enterprise=😀西安秦川", "--format", fmt).stdout.decode("utf-8").count("😀")
    assert shown >= 1 and out.count("?西安秦川") == shown
    assert (
        done.stderr.decode("gbk")
        == f"注意：有 {shown} 个字符无法用当前终端的编码（gbk）显示，已显示为“?”；完整内容可用 -o FILE 写入文件（UTF-8）。\n"
    )


@pytest.mark.parametrize("args", [["list"], ["show", "unlock-card"], ["search", "卡锁了"], LEGAL, [*LEGAL, "--format", "text"]])
def test_an_ascii_console_gets_what_it_can_show_and_exit_0(args):
    done = run(*args, env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr
    done.stdout.decode("ascii")  # nothing the console cannot show
    assert b"unlock-card" in done.stdout or b"kefu@xaeport.com" in done.stdout or b"95198" in done.stdout
    assert b"ascii" in done.stderr and b"-o FILE" in done.stderr and b"Traceback" not in done.stderr


def test_output_that_the_console_can_show_says_nothing_extra():
    done = run(*LEGAL, "-a", "enterprise=西安秦川", env={"PYTHONIOENCODING": "gbk"})
    assert done.returncode == 0 and done.stderr == b""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs a device that is always full")
@pytest.mark.parametrize(
    "args", [["--help"], ["--version"], ["list"], ["show", "unlock-card", "--format", "html"], LEGAL, [*LEGAL, "--format", "json"]]
)
def test_a_full_disk_on_standard_output_is_exit_2_cannot_write(args):
    with open("/dev/full", "wb") as full:
        done = run(*args, stdout=full)
    errors = done.stderr.decode("utf-8")
    assert done.returncode == 2, errors
    assert errors == "错误：无法写入 标准输出：No space left on device\n"


@pytest.mark.skipif(sys.platform == "win32", reason="Windows passes arguments as UTF-16")
def test_an_argument_that_is_not_utf8_is_refused_not_written_into_json():
    done = run(*LEGAL, "-a", b"enterprise=\xff\xfe", "--format", "json")
    assert done.returncode == 2
    assert done.stdout == b""
    assert "参数“enterprise=??”不是有效的 UTF-8 文本。" in done.stderr.decode("utf-8")


@pytest.mark.parametrize("argument", ["enterprise=\udcff", "\udcff"])
def test_an_argument_holding_undecodable_bytes_is_exit_2_wherever_it_is(argument):
    result = cli(*LEGAL, "-a", argument)
    assert result.exit_code == 2
    assert "不是有效的 UTF-8 文本" in result.stderr
