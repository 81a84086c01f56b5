"""Input from outside that a stress test turned into "internal error" (exit 3) or a hang.

Each ends in a clear message and the documented exit code instead: a free-text answer
with a line or paragraph separator, a YAML alias bomb, a number of 5,000 digits, a
duplicate key in an answers file, a date in another ISO form, a flow id that cannot be
typed as a command, the same file for the checklist and the e-mail draft, and a file of
80,000 unknown answer keys.
"""

import json
import shutil
import time
from pathlib import Path

import pytest
from helpers import FIXTURES, FLOWS, cli
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from eportguide.engine import validators
from eportguide.engine.result import build
from eportguide.model import safeyaml
from eportguide.model.loader import read_pack
from eportguide.prompting.interactive import InteractivePrompter
from eportguide.prompting.scripted import ScriptedPrompter
from eportguide.run import dialogue

FIXTURES = FIXTURES / "packs"
LEGAL = ["unlock-card", "--no-input", "--no-save", "-a", "card=legal"]
#: Every character ``str.splitlines`` ends a line at, by class: two are not control characters.
LINE_ENDS = {
    "line-feed": "\n",
    "carriage-return": "\r",
    "vertical-tab": "\v",
    "form-feed": "\f",
    "file-separator": "\x1c",
    "group-separator": "\x1d",
    "record-separator": "\x1e",
    "next-line": "\x85",
    "line-separator": "\u2028",
    "paragraph-separator": "\u2029",
}


# --- 1. a character that ends a line, in a free-text answer ---------------------------


def test_the_list_of_line_ends_is_every_character_python_splits_lines_at():
    splitting = {chr(c) for c in range(0x110000) if len(f"a{chr(c)}b".splitlines()) == 2}
    assert splitting == set(LINE_ENDS.values())


@pytest.mark.parametrize("end", LINE_ENDS.values(), ids=LINE_ENDS.keys())
def test_a_line_end_in_an_enterprise_name_is_refused_like_a_newline_before_any_output(end, tmp_path):
    draft = tmp_path / "申请邮件.eml"
    result = cli(*LEGAL, "-a", f"enterprise=A{end}Bcc: x@evil.example", "--email-draft", str(draft))
    assert result.exit_code == 2, result.output
    assert "问题“企业名称”（enterprise）的答案无效：不能包含换行、制表符或其他控制字符" in result.stderr
    assert result.stdout == "" and not draft.exists()


@pytest.mark.parametrize("end", ["\u2028", "\u2029"], ids=["line-separator", "paragraph-separator"])
def test_a_separator_cannot_fake_a_line_of_the_text_summary(end):
    result = cli(*LEGAL, "-a", f"enterprise=某某公司{end}收件人 evil@example.com", "--format", "text")
    assert result.exit_code == 2
    assert "evil@example.com" not in result.stdout


@pytest.mark.parametrize("end", ["\u2028", "\u2029"], ids=["line-separator", "paragraph-separator"])
@pytest.mark.parametrize("field", ["enterprise", "card_address", "contact_name"])
def test_a_separator_is_refused_in_every_kind_of_free_text(field, end):
    result = cli(*LEGAL, "-a", f"{field}=甲{end}乙")
    assert result.exit_code == 2
    assert "不能包含换行" in result.stderr


@pytest.mark.parametrize("end", ["\u2028", "\u2029"], ids=["line-separator", "paragraph-separator"])
def test_a_separator_typed_at_the_terminal_is_asked_again(pack, end):
    keys = f"A{end}B\r" + "\x15" + "西安秦川贸易有限公司\r" + "\r" * 5 + "\r"  # retyped; the rest blank; review confirmed
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        prompter = ScriptedPrompter({"card": "legal", "legal_details": "yes"}, InteractivePrompter(pipe, DummyOutput()))
        finished = dialogue.drive(pack, "unlock-card", prompter)
    result = build(pack, finished)
    assert result.email.subject == "西安秦川贸易有限公司办理电子口岸的法人卡解锁业务"


def test_the_validator_names_line_ends_with_the_newline_message():
    for end in LINE_ENDS.values():
        assert validators.problem("name", f"甲{end}乙") == validators.problem("name", "甲\n乙")


# --- 2. YAML aliases that expand without bound ----------------------------------------


def alias_bomb(levels: int = 9) -> str:
    """456 bytes or so whose aliases expand to 10**levels values."""
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 10)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def valid_flow(flow_id: str = "card") -> str:
    """A small flow without findings (the reserved-id fixture is broken only by its id)."""
    return (FIXTURES / "reserved-id" / "validate.yaml").read_text(encoding="utf-8").replace("id: validate", f"id: {flow_id}")


def pack_with(tmp_path: Path, name: str, text: str) -> Path:
    pack = tmp_path / "pack"
    pack.mkdir(exist_ok=True)
    (pack / "_facts.yaml").write_text((FIXTURES / "reserved-id" / "_facts.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (pack / name).write_text(text, encoding="utf-8")
    return pack


def test_an_alias_bomb_in_a_flow_file_is_a_finding_at_its_line_not_minutes_of_work(tmp_path):
    bomb = alias_bomb()
    assert len(bomb.encode()) < 600
    flow = "id: card\ntitle: t\ncategory: c\nsource: s\ndescription: d\nstart: done\n" + bomb
    flow += "states: {done: {kind: outcome, title: t, steps: *a8}}\n"
    pack = pack_with(tmp_path, "card.yaml", flow)
    started = time.perf_counter()
    result = cli("--flows", str(pack), "list")
    assert time.perf_counter() - started < 10
    assert result.exit_code == 2
    assert "card.yaml:15:5: 这里的锚点（&名称）被别名（*名称）反复引用，展开后多出超过 100000 个值，不予读取 [yaml]" in result.stderr


def test_an_alias_inside_its_own_anchor_is_a_finding_not_a_hang(tmp_path):
    pack = pack_with(tmp_path, "card.yaml", "id: card\nstates: &s {a: *s}\n")
    loaded = read_pack(pack)
    assert [f"{f.line}:{f.column} {f.message}" for f in loaded.findings if f.rule == "yaml"] == [
        "2:9 别名（*名称）引用了包含它自己的锚点（&名称），展开没有尽头"
    ]


def test_validate_reports_an_alias_bomb_in_the_shared_facts_file(tmp_path):
    pack = pack_with(tmp_path, "card.yaml", valid_flow())
    (pack / "_facts.yaml").write_text(alias_bomb(), encoding="utf-8")
    result = cli("validate", str(pack))
    assert result.exit_code == 1
    assert "_facts.yaml:8:5:" in result.output and "不予读取" in result.output


def test_an_alias_bomb_in_an_answers_file_is_refused_naming_its_line(tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text(alias_bomb() + "card: legal\n", encoding="utf-8")
    result = cli(*LEGAL, "--answers", str(answers))
    assert result.exit_code == 2
    assert f"无法读取答案文件 {answers}：这里的锚点" in result.stderr and "（第 8 行）" in result.stderr


def test_aliases_that_copy_a_little_are_read_as_before():
    _, data = safeyaml.load("base: &b [1, 2]\nuse: *b\nagain: *b\n")
    assert data == {"base": [1, 2], "use": [1, 2], "again": [1, 2]}


def test_the_alias_limit_counts_every_copied_value_exactly():
    # 1 list of n items used k times copies k * (n + 1) values
    per_use = 1_000
    uses = safeyaml.MAX_ALIAS_VALUES // (per_use + 1)
    text = f"a: &a [{','.join(['x'] * per_use)}]\nb: [{','.join(['*a'] * uses)}]\n"
    safeyaml.load(text)  # just under the limit
    with pytest.raises(safeyaml.Limit):
        safeyaml.load(text.replace("b: [", "b: [*a,"))


# --- 3. integers of thousands of digits ------------------------------------------------


@pytest.mark.parametrize(("name", "text"), [("answers.yaml", "card: {}\n"), ("answers.json", '{{"card": {}}}\n')])
def test_an_answers_file_with_a_5000_digit_number_is_refused_with_its_line(tmp_path, name, text):
    answers = tmp_path / name
    answers.write_text(text.format("1" * 5000), encoding="utf-8")
    result = cli("unlock-card", "--no-input", "--no-save", "--answers", str(answers))
    assert result.exit_code == 2
    assert "数字太长（超过 100 位）" in result.stderr and "（第 1 行）" in result.stderr


def test_a_flow_file_with_a_5000_digit_number_is_a_finding(tmp_path):
    flow = valid_flow() + f"version: {'9' * 5000}\n"
    pack = pack_with(tmp_path, "card.yaml", flow)
    result = cli("validate", str(pack))
    assert result.exit_code == 1
    line = flow.count("\n")
    assert f"card.yaml:{line}:10: 数字太长（超过 100 位）；如果它是文字（如卡号），请加引号 [yaml]" in result.output


def test_a_long_card_number_written_without_quotes_is_still_read_as_its_digits(tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text("card: legal\nlegal_details: yes\ncard_number: 81000000123456789012\n", encoding="utf-8")
    result = cli("unlock-card", "--no-input", "--no-save", "--answers", str(answers), "--format", "json")
    assert result.exit_code == 0, result.output
    assert {"label": "办理业务的电子口岸卡号", "value": "81000000123456789012"} in json.loads(result.stdout)["email"]["fields"]


# --- 7. smaller ones -------------------------------------------------------------------


@pytest.mark.parametrize("same", ["{d}/out.eml", "{d}/./out.eml", "{d}/sub/../out.eml"])
def test_the_same_file_for_the_checklist_and_the_e_mail_draft_is_refused_before_writing(tmp_path, same):
    (tmp_path / "sub").mkdir()
    result = cli(*LEGAL, "-o", str(tmp_path / "out.eml"), "--email-draft", same.format(d=tmp_path))
    assert result.exit_code == 2
    assert "-o 与 --email-draft 指向同一个文件" in result.stderr
    assert not (tmp_path / "out.eml").exists()


def test_different_files_for_the_checklist_and_the_draft_are_both_written(tmp_path):
    result = cli(*LEGAL, "-o", str(tmp_path / "清单.html"), "--email-draft", str(tmp_path / "申请邮件.eml"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "清单.html").exists() and (tmp_path / "申请邮件.eml").exists()


def test_a_duplicate_key_in_an_answers_file_is_refused_with_its_line(tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text("card: legal\nlegal_details: no\ncard: operator\n", encoding="utf-8")
    result = cli("unlock-card", "--no-input", "--no-save", "--answers", str(answers))
    assert result.exit_code == 2
    assert f"答案文件 {answers} 第 3 行：“card”重复出现" in result.stderr


def test_a_duplicate_key_in_a_json_answers_file_is_refused_too(tmp_path):
    answers = tmp_path / "answers.json"
    answers.write_text('{"card": "legal",\n "card": "operator"}\n', encoding="utf-8")
    result = cli("unlock-card", "--no-input", "--no-save", "--answers", str(answers))
    assert result.exit_code == 2
    assert "第 2 行：“card”重复出现" in result.stderr


@pytest.mark.parametrize("day", ["20261001", "2026-W01-1", "2026-274", "2026-10-01T00:00", "２０２６-10-01"])
def test_today_takes_only_yyyy_mm_dd(day):
    result = cli(*LEGAL, "--today", day)
    assert result.exit_code == 2
    assert f"日期“{day}”无效，应为 YYYY-MM-DD。" in result.stderr


def test_a_calendar_file_date_in_another_iso_form_is_a_finding(tmp_path):
    pack = pack_with(tmp_path, "card.yaml", valid_flow())
    (pack / "_calendar.yaml").write_text('holidays: ["20261001"]\n', encoding="utf-8")
    result = cli("validate", str(pack))
    assert "_calendar.yaml:1:12: “20261001”不是日期（应为 YYYY-MM-DD） [type]" in result.output


@pytest.mark.parametrize("flow_id", ["-h", "--help", "a b", "card!", "卡 片"])
def test_a_flow_id_that_cannot_be_typed_as_a_command_is_a_finding(tmp_path, flow_id):
    text = valid_flow(f'"{flow_id}"')
    pack = pack_with(tmp_path, f"{flow_id}.yaml", text)
    loaded = read_pack(pack)
    assert [f.message for f in loaded.findings if f.rule == "reserved-id"] == [
        f"流程 ID“{flow_id}”不能用作命令：应以字母或数字开头，只含字母、数字、“-”、“_”和“.”"
    ]


@pytest.mark.parametrize("flow_id", ["card", "card2", "reissue-legal-card", "卡片解锁", "v1.2"])
def test_flow_ids_that_can_be_typed_as_commands_pass(tmp_path, flow_id):
    text = valid_flow(flow_id)
    pack = pack_with(tmp_path, f"{flow_id}.yaml", text)
    assert [f for f in read_pack(pack).findings if f.rule == "reserved-id"] == []


def test_80000_unknown_answer_keys_are_not_all_printed(tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text("".join(f"k{i}: 1\n" for i in range(80_000)), encoding="utf-8")
    result = cli("unlock-card", "--no-input", "--no-save", "--answers", str(answers))
    assert result.exit_code == 2
    assert "没有问题“k0、k1、k2、k3、k4、k5、k6、k7、k8、k9……（共 80000 个）”" in result.stderr
    assert "k10" not in result.stderr and len(result.stderr) < 2_000


# --- text from a file or a caller is never read as rich markup --------------------------


def test_a_flow_title_that_looks_like_rich_markup_is_listed_as_written(tmp_path):
    text = valid_flow().replace("title: 卡被锁", 'title: "[/x] 卡被锁 [bold]"')
    pack = pack_with(tmp_path, "card.yaml", text)
    result = cli("--flows", str(pack), "list")
    assert result.exit_code == 0, result.output
    assert "[/x] 卡被锁 [bold]" in result.stdout


# --- found by tests/robustness/test_fuzz_inputs.py -------------------------------------------------


def test_a_state_kind_written_as_a_list_is_a_finding_not_a_crash(tmp_path):
    pack = pack_with(tmp_path, "card.yaml", valid_flow().replace("kind: choice", "kind: []"))
    result = cli("validate", str(pack))
    assert result.exit_code == 1
    assert "未知的状态类型“[]”" in result.output


@pytest.mark.parametrize("args", [["validate", "x" * 5000], ["validate", "x" * 5000 + "/card.yaml"], ["--flows", "x" * 5000, "list"]])
def test_a_path_too_long_for_the_file_system_is_not_found_not_a_crash(args):
    result = cli(*args)
    assert result.exit_code == 2
    assert "内部错误" not in result.output


@pytest.mark.parametrize(("low", "high"), [(1, 1_000_000_000), (-5, 2), (3, 2)])
def test_a_time_limit_of_absurd_working_days_is_a_finding_not_hours_of_counting(tmp_path, low, high):
    pack = tmp_path / "pack"
    shutil.copytree(FLOWS, pack)
    facts = (pack / "_facts.yaml").read_text(encoding="utf-8")
    facts = facts.replace("min_working_days: 1\n", f"min_working_days: {low}\n", 1).replace(
        "max_working_days: 2\n", f"max_working_days: {high}\n", 1
    )
    (pack / "_facts.yaml").write_text(facts, encoding="utf-8")
    started = time.perf_counter()
    result = cli("--flows", str(pack), *LEGAL)
    assert time.perf_counter() - started < 10
    assert result.exit_code == 2
    assert "时限“processing_time”的工作日数应在 0 到 365 之间" in result.stderr
