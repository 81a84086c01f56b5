"""The command line as scripts and people use it: output, exit codes, messages."""

import json
import os
import shutil
from pathlib import Path

import pytest
from helpers import FLOWS, cli

CATALOGUE = [
    "unlock-card",
    "reset-password",
    "default-password",
    "extend-card",
    "reissue-legal-card",
    "reissue-operator-card",
    "reissue-declarant-card",
    "add-operator-card",
    "onboard",
    "cancel-card",
    "deregister-enterprise",
]


def test_list_names_every_procedure_of_the_catalogue():
    result = cli("list", "--format", "json")
    assert result.exit_code == 0
    assert [row["id"] for row in json.loads(result.stdout)] == CATALOGUE


def test_list_as_a_table_shows_ids_titles_and_categories():
    result = cli("list")
    assert result.exit_code == 0
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()[1:] if line.strip()}
    assert rows["unlock-card"] == ["电子口岸卡被锁，如何解锁", "卡片锁定与密码"]
    assert rows["deregister-enterprise"] == ["电子口岸企业注销", "注销"]


@pytest.mark.parametrize("flow_id", CATALOGUE)
def test_every_procedure_is_its_own_command(flow_id):
    help_text = cli(flow_id, "--help")
    assert help_text.exit_code == 0
    assert f"运行办理流程 {flow_id}（同 eportguide run {flow_id}）。" in help_text.stdout
    assert "预先给出答案：ID=值（值可为选项值或选项文字），可重复。" in help_text.stdout  # not cut off
    run = cli(flow_id, "--no-input", "--no-save", "--format", "json", "--answers", os.devnull)
    # the command runs that very procedure: its first question is named, or it has none
    assert run.exit_code in (0, 2)
    if run.exit_code == 0:
        assert json.loads(run.stdout)["flow"]["id"] == flow_id
    else:
        first = next(iter(json.loads(cli("show", flow_id, "--format", "json").stdout)["states"]))
        assert f"（{first['id']}）" in run.stderr


def test_a_flow_command_is_the_same_as_run():
    direct = cli("unlock-card", "-a", "card=legal", "--no-input", "--no-save", "--format", "json", "--today", "2026-09-30")
    via_run = cli("run", "unlock-card", "-a", "card=legal", "--no-input", "--no-save", "--format", "json", "--today", "2026-09-30")
    assert direct.exit_code == via_run.exit_code == 0
    assert direct.stdout == via_run.stdout


def test_a_locked_legal_card_is_mailed_to_zhuque_street():
    result = cli("unlock-card", "--answer", "card=法人卡", "--no-input", "--no-save", "--format", "text")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "kefu@xaeport.com" in out
    assert "西安市雁塔区朱雀大街397号老海关楼6楼（天街小厨旁求索文化楼）" in out
    assert "服务台" in out and "83196210" in out
    assert "95198 或 029-83196210" in out
    assert "1-2个工作日" in out


def test_a_locked_operator_card_is_unlocked_online_with_the_legal_card():
    result = cli("unlock-card", "-a", "card=operator", "-a", "legal_card_works=yes", "--no-input", "--no-save", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["outcome"]["id"] == "operator_online"
    assert data["steps"][0]["text"] == "打开浏览器，用法人卡登录中国电子口岸（https://e.chinaport.gov.cn/）；"
    assert data["email"] is None and data["mailing"] is None
    assert data["warnings"] == ["请尽量不要当天输入5次错误密码，否则将被锁定。"]


def test_an_unknown_procedure_exits_2_naming_the_closest_ids():
    result = cli("unlok-card")
    assert result.exit_code == 2
    assert "unlok-card" in result.stderr and "unlock-card" in result.stderr


def test_run_with_an_unknown_procedure_exits_2_naming_the_closest_ids():
    result = cli("run", "reissue-card", "--no-input")
    assert result.exit_code == 2
    assert "reissue-legal-card" in result.stderr


def test_an_invalid_answer_exits_2_listing_the_valid_values():
    result = cli("unlock-card", "-a", "card=公章", "--no-input", "--no-save")
    assert result.exit_code == 2
    assert "公章" in result.stderr
    assert "legal (法人卡)" in result.stderr and "operator (操作员卡)" in result.stderr


def test_a_missing_answer_without_a_terminal_exits_2_telling_how_to_pass_answers():
    result = cli("unlock-card", "--no-save")  # CliRunner's stdin is not a terminal
    assert result.exit_code == 2
    assert "card" in result.stderr and "--answer card=" in result.stderr and "--answers FILE" in result.stderr


def test_a_missing_answer_under_no_input_names_the_question():
    result = cli("unlock-card", "-a", "card=operator", "--no-input", "--no-save")
    assert result.exit_code == 2
    assert "法人卡现在能正常登录吗？" in result.stderr and "legal_card_works" in result.stderr


def test_an_answer_for_a_question_the_flow_does_not_have_exits_2():
    result = cli("unlock-card", "-a", "card=legal", "-a", "colour=red", "--no-input", "--no-save")
    assert result.exit_code == 2
    assert "colour" in result.stderr


def test_an_answer_option_without_equals_sign_exits_2():
    result = cli("unlock-card", "-a", "card", "--no-input", "--no-save")
    assert result.exit_code == 2
    assert "ID=值" in result.stderr


def test_answers_can_come_from_a_yaml_file(tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text("card: operator\nlegal_card_works: yes\n", encoding="utf-8")
    result = cli("unlock-card", "--answers", str(answers), "--no-input", "--no-save", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["outcome"]["id"] == "operator_online"


def test_answers_can_come_from_a_json_file_and_options_override_it(tmp_path):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"card": "operator", "legal_card_works": "yes"}), encoding="utf-8")
    result = cli("unlock-card", "--answers", str(answers), "-a", "card=legal", "--no-input", "--no-save", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["outcome"]["id"] == "legal_mail"


def test_an_unreadable_answers_file_exits_2(tmp_path):
    result = cli("unlock-card", "--answers", str(tmp_path / "missing.yaml"), "--no-input", "--no-save")
    assert result.exit_code == 2
    assert "missing.yaml" in result.stderr


def test_giving_a_detail_implies_yes_to_filling_in_the_email():
    result = cli("unlock-card", "-a", "card=legal", "-a", "enterprise=西安某某贸易有限公司", "--no-input", "--no-save", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["email"]["subject"] == "西安某某贸易有限公司办理电子口岸的法人卡解锁业务"


def test_a_phone_that_cannot_go_into_the_email_under_no_input_exits_2_naming_the_question():
    result = cli("unlock-card", "-a", "card=legal", "-a", "contact_phone=139\n12345678", "--no-input", "--no-save")
    assert result.exit_code == 2
    assert "联系人电话" in result.stderr and "换行" in result.stderr


def test_an_unusual_phone_under_no_input_is_kept_with_a_note_on_stderr():
    result = cli("unlock-card", "-a", "card=legal", "-a", "contact_phone=123", "--no-input", "--no-save", "--format", "text")
    assert result.exit_code == 0
    assert "联系人姓名电话　　　　  XX 123" in result.stdout
    assert "“联系人电话”（contact_phone）的答案“123”不像手机号" in result.stderr


def test_show_json_lists_every_state_with_prompt_and_choices():
    result = cli("show", "unlock-card", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    states = {s["id"]: s for s in data["states"]}
    assert set(states) == {
        "card",
        "legal_card_works",
        "legal_card_problem",
        "legal_first",
        "legal_details",
        "legal_mail",
        "operator_online",
        "both_online",
        "legal_card_other",
    }
    assert states["card"]["kind"] == "choice" and states["card"]["prompt"] == "哪张卡被锁住了？"
    assert states["card"]["choices"] == [
        {"value": "legal", "label": "法人卡", "next": "legal_details"},
        {"value": "operator", "label": "操作员卡", "next": "legal_card_works"},
    ]
    assert states["legal_card_works"]["choices"][1] == {"value": "no", "label": "否", "next": "legal_card_problem"}
    assert states["legal_mail"]["outcome"]["mailing"]["recipient"] == "服务台"


def test_show_text_prints_every_branch_without_asking():
    result = cli("show", "unlock-card")
    assert result.exit_code == 0
    assert "法人卡解锁：发送申请邮件，邮寄法人卡" in result.stdout
    assert "操作员卡解锁：用法人卡在线解锁" in result.stdout


def test_bare_eportguide_without_a_terminal_prints_help():
    result = cli()
    assert result.exit_code == 0
    assert "用法：eportguide" in result.stdout and "unlock-card" in result.stdout  # issue 10 item 13: not "Usage:"


def broken_pack(tmp_path: Path, text: str) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(FLOWS, pack)
    (pack / "unlock-card.yaml").write_text(text, encoding="utf-8")
    return pack


def test_a_broken_flow_file_exits_2_naming_file_line_flow_and_state(tmp_path):
    original = (FLOWS / "unlock-card.yaml").read_text(encoding="utf-8")
    pack = broken_pack(tmp_path, original.replace("next: legal_card_works", "next: legal_card_work"))
    result = cli("--flows", str(pack), "unlock-card", "--no-input")
    assert result.exit_code == 2
    line = next(i for i, text in enumerate(original.splitlines(), 1) if "next: legal_card_works" in text)
    assert f"unlock-card.yaml:{line}:" in result.stderr
    assert "下一状态“legal_card_work”不存在（是不是“legal_card_works”？）（流程 unlock-card，状态 card） [unknown-state]" in result.stderr
    assert "Traceback" not in result.output


def test_a_flow_file_with_a_yaml_syntax_error_exits_2_with_its_line(tmp_path):
    pack = broken_pack(tmp_path, "id: unlock-card\nstates: [\n")
    result = cli("--flows", str(pack), "list")
    assert result.exit_code == 2
    assert "unlock-card.yaml:3:" in result.stderr and "YAML 语法错误" in result.stderr


def test_a_flow_file_with_an_unknown_key_suggests_the_closest_one(tmp_path):
    original = (FLOWS / "unlock-card.yaml").read_text(encoding="utf-8")
    pack = broken_pack(tmp_path, original.replace("    prompt: 哪张卡被锁住了？", "    promt: 哪张卡被锁住了？"))
    result = cli("--flows", str(pack), "list")
    assert result.exit_code == 2
    assert "未知的键“promt”（是不是“prompt”？）" in result.stderr


def test_details_given_by_name_reach_the_email_of_a_procedure_run_first():
    result = cli(
        "unlock-card", "-a", "card=operator", "-a", "legal_card_works=no", "-a", "legal_card_problem=locked",
        "-a", "enterprise=西安秦川贸易有限公司", "--no-input", "--no-save", "--format", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["email"]["subject"] == "西安秦川贸易有限公司办理电子口岸的法人卡解锁业务"
    assert "未用到" not in result.stderr
