"""Odd and hostile input: each ends in a clear message and the documented exit code."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import cli

LEGAL = ["unlock-card", "--no-input", "--no-save"]


def with_answers_file(tmp_path: Path, content: bytes, *extra: str):
    path = tmp_path / "answers.yaml"
    path.write_bytes(content)
    return cli(*LEGAL, "--answers", str(path), *extra)


def test_an_empty_answers_file_counts_as_no_answers(tmp_path):
    result = with_answers_file(tmp_path, b"")
    assert result.exit_code == 2
    assert "缺少问题“哪张卡被锁住了？”（card）的答案" in result.stderr


def test_an_answers_file_that_is_not_yaml_is_refused_with_its_line(tmp_path):
    result = with_answers_file(tmp_path, b"card: legal\n  - : [\n")
    assert result.exit_code == 2
    assert "不是有效的 YAML 或 JSON" in result.stderr and "第 2 行" in result.stderr


def test_an_answers_file_holding_a_list_is_refused(tmp_path):
    result = with_answers_file(tmp_path, b"- card\n- legal\n")
    assert result.exit_code == 2
    assert "映射" in result.stderr and "列表" in result.stderr


def test_a_huge_answers_file_is_refused_without_reading_it(tmp_path):
    result = with_answers_file(tmp_path, b"card: legal\n" + b"#" * 2_000_000)
    assert result.exit_code == 2
    assert "文件太大" in result.stderr


def test_a_binary_answers_file_is_refused_as_not_text(tmp_path):
    result = with_answers_file(tmp_path, bytes(range(256)) * 4)
    assert result.exit_code == 2
    assert "不是文本文件" in result.stderr


def test_an_answers_file_with_a_utf8_bom_is_read(tmp_path):
    result = with_answers_file(tmp_path, "\ufeffcard: 法人卡\n".encode(), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["outcome"]["id"] == "legal_mail"


def test_a_gbk_answers_file_is_refused_naming_the_encoding(tmp_path):
    result = with_answers_file(tmp_path, "card: 法人卡\n".encode("gbk"))
    assert result.exit_code == 2
    assert "GBK" in result.stderr and "UTF-8" in result.stderr


def test_an_answers_file_cannot_build_python_objects(tmp_path):
    target = tmp_path / "pwned"
    result = with_answers_file(tmp_path, f"card: !!python/object/apply:os.mkdir ['{target}']\n".encode())
    assert result.exit_code == 2
    assert "不是有效的 YAML 或 JSON" in result.stderr
    assert not target.exists()


def test_an_answers_file_with_a_nested_value_is_refused(tmp_path):
    result = with_answers_file(tmp_path, b"card: {a: 1}\n")
    assert result.exit_code == 2
    assert "中“card”的值应是文字，而不是列表或映射" in result.stderr


def test_answers_for_unknown_questions_are_named(tmp_path):
    result = with_answers_file(tmp_path, b"card: legal\ncolour: red\nsize: big\n")
    assert result.exit_code == 2
    assert "colour" in result.stderr and "size" in result.stderr


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("某某\n公司", "控制字符"),
        ("某某\x1b[31m公司", "控制字符"),
        ("某某\u202e公司", "控制字符"),
        ("某" * 10_000, "太长了"),
    ],
)
def test_an_enterprise_name_with_control_characters_or_10000_characters_is_refused(value, why):
    result = cli(*LEGAL, "-a", "card=legal", "-a", f"enterprise={value}")
    assert result.exit_code == 2
    assert why in result.stderr
    assert "\x1b[31m" not in result.stderr and len(result.stderr) < 2_000


def test_a_10000_character_choice_is_quoted_back_shortened():
    result = cli(*LEGAL, "-a", "card=" + "x" * 10_000)
    assert result.exit_code == 2
    assert "x" * 40 + "…" in result.stderr and "x" * 41 not in result.stderr


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html"])
def test_a_script_tag_in_the_enterprise_name_is_carried_safely_into_every_format(fmt):
    name = "<script>alert(1)</script>某某"
    result = cli(*LEGAL, "-a", "card=legal", "-a", f"enterprise={name}", "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert json.loads(result.stdout)["email"]["subject"] == f"{name}企业办理电子口岸的法人卡解锁业务"
    elif fmt == "text":
        assert f"{name}企业办理电子口岸的法人卡解锁业务" in result.stdout
    else:
        assert "<script>" not in result.stdout


def run_process(*args: str, env: dict[str, str] | None = None, stdin=subprocess.DEVNULL) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "eportguide", *args], capture_output=True, text=True, encoding="utf-8", env=full_env, stdin=stdin, timeout=60
    )


def test_with_stdin_closed_a_run_needing_answers_exits_2_and_never_hangs(tmp_path):
    done = run_process("unlock-card", "--no-save", env={"EPORTGUIDE_HOME": str(tmp_path)})
    assert done.returncode == 2
    assert "--answer card=" in done.stderr and "Traceback" not in done.stderr


def test_with_stdin_a_pipe_nothing_is_prompted(tmp_path):
    done = run_process("unlock-card", "--no-save", env={"EPORTGUIDE_HOME": str(tmp_path)}, stdin=subprocess.PIPE)
    assert done.returncode == 2
    assert "哪张卡被锁住了" in done.stderr  # named in the message, not drawn as a prompt


@pytest.mark.parametrize("env", [{}, {"NO_COLOR": "1"}, {"TERM": "dumb"}])
def test_output_to_a_pipe_has_no_colour_codes(tmp_path, env):
    done = run_process("unlock-card", "-a", "card=legal", "--no-input", "--no-save", env={"EPORTGUIDE_HOME": str(tmp_path), **env})
    assert done.returncode == 0, done.stderr
    assert "\x1b[" not in done.stdout
    assert "朱雀大街397号" in done.stdout


def test_a_40_column_terminal_still_prints_every_fact(tmp_path):
    # --format terminal: piped, a run prints plain text; this draws the terminal's layout
    done = run_process(
        "unlock-card",
        "-a",
        "card=legal",
        "--no-input",
        "--no-save",
        "--format",
        "terminal",
        env={"EPORTGUIDE_HOME": str(tmp_path), "COLUMNS": "40"},
    )
    assert done.returncode == 0, done.stderr
    assert max(len(line) for line in done.stdout.splitlines()) <= 40
    flat = "".join(line.strip("│| ") for line in done.stdout.splitlines())
    for fact in ("kefu@xaeport.com", "服务台", "83196210", "95198"):
        assert fact in flat


def test_a_flow_file_cannot_build_python_objects(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "_facts.yaml").write_text("facts: {}\nfields: {}\n", encoding="utf-8")
    (pack / "evil.yaml").write_text("id: !!python/object/apply:os.system ['touch /tmp/eportguide-pwned']\n", encoding="utf-8")
    result = cli("--flows", str(pack), "list")
    assert result.exit_code == 2
    assert "evil.yaml:1:" in result.stderr
    assert not Path("/tmp/eportguide-pwned").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_a_flow_file_linking_outside_the_pack_is_not_read(tmp_path):
    outside = tmp_path / "secret.yaml"
    outside.write_text("id: secret\n", encoding="utf-8")
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "_facts.yaml").write_text("facts: {}\nfields: {}\n", encoding="utf-8")
    (pack / "secret.yaml").symlink_to(outside)
    result = cli("--flows", str(pack), "list")
    assert result.exit_code == 2
    assert "secret.yaml:1:1: 文件链接到流程目录之外，未读取 [file]" in result.stderr


def test_an_endless_answers_file_such_as_dev_zero_is_refused_without_reading_it_all():
    # A device is not a file: refused before a byte is read (issue 21), not after a limit.
    result = cli(*LEGAL, "--answers", "/dev/zero")
    assert result.exit_code == 2
    assert "不是普通文件（是设备、管道或套接字），不予读取" in result.stderr


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_a_date_far_outside_the_calendar_is_a_usage_error(day):
    result = cli(*LEGAL, "-a", "card=legal", "--today", day)
    assert result.exit_code == 2
    assert "超出范围" in result.stderr


def test_output_cut_short_by_a_closed_pipe_ends_quietly(tmp_path):
    # like `eportguide show unlock-card | head -1`: the reader is gone before the output
    child = subprocess.Popen(
        [sys.executable, "-m", "eportguide", "show", "unlock-card"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
        env={**os.environ, "EPORTGUIDE_HOME": str(tmp_path)},
    )  # fmt: skip
    child.stdout.close()
    errors = child.stderr.read().decode("utf-8", "replace")
    assert child.wait(timeout=60) == 0
    assert errors == ""
