"""``eportguide validate``: a content maintainer's mistake is caught, with the line it is on.

Each directory in ``fixtures/packs`` is a tiny pack broken in one way (its flow file
says how in its first line); validating it must print exactly the finding, at the line
and column of the mistake.
"""

import json
import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES, FLOWS, cli

from eportguide.model.files import RESERVED_IDS

FIXTURES = FIXTURES / "packs"

#: Fixture pack → the findings ``eportguide validate .`` prints inside it, in order.
EXPECTED = {
    # the file itself
    "yaml": [
        "card.yaml:14:3: YAML 语法错误，请检查这里附近的缩进、冒号、引号和括号"
        "（解析器原文：while parsing a flow sequence did not find expected ',' or ']'） [yaml]"
    ],
    "encoding": ["card.yaml:1:1: 不是 UTF-8 编码的文本（第 63 个字节无法解码），请另存为 UTF-8 [encoding]"],
    "duplicate-key": ["card.yaml:12:5: 键“prompt”重复出现（同一层只能写一次，否则只有最后一个生效） [duplicate-key]"],
    # the schema
    "unknown-key": [
        "card.yaml:9:3: 缺少必填的键“prompt”（流程 card，状态 which） [required]",
        "card.yaml:11:5: 未知的键“promt”（是不是“prompt”？）（流程 card，状态 which） [unknown-key]",
    ],
    "type": ["card.yaml:12:14: 应为列表，实际是文字（流程 card，状态 which） [type]"],
    "required": ["card.yaml:14:3: 缺少必填的键“title”（流程 card，状态 done） [required]"],
    "enum": [
        "card.yaml:10:11: 未知的状态类型“choise”（是不是“choice”？）；"
        "可用的类型：choice、confirm、input、instruction、subflow、outcome（流程 card，状态 which） [enum]"
    ],
    # identity
    "duplicate-flow": [
        "card-copy.yaml:2:5: 流程 ID“card”与文件名“card-copy”不一致（流程 card） [file-name]",
        "card.yaml:2:5: 流程 ID“card”重复（card-copy.yaml 中也有）（流程 card） [duplicate-flow]",
    ],
    "file-name": ["card.yaml:2:5: 流程 ID“crad”与文件名“card”不一致（流程 crad） [file-name]"],
    "reserved-id": ["validate.yaml:2:5: 流程 ID“validate”与内置命令同名（流程 validate） [reserved-id]"],
    # references
    "unknown-state": ["card.yaml:13:42: 下一状态“dnoe”不存在（是不是“done”？）（流程 card，状态 which） [unknown-state]"],
    "unknown-fact": ["card.yaml:19:9: 文字中引用了未知的事实“hotlin”（是不是“hotline”？）（流程 card，状态 done） [unknown-fact]"],
    "fact-kind": ["card.yaml:19:26: 事实“hotline”的类型是“phone”，这里需要“duration”（流程 card，状态 done） [fact-kind]"],
    "unknown-flow": ["card.yaml:16:11: 子流程“unlock-card”不存在（流程 card，状态 first） [unknown-flow]"],
    "unknown-field": [
        "_facts.yaml:8:3: 警告：没有流程询问输入项“enterprise” [unused-field]",
        "card.yaml:11:14: 未知的输入项“enterprize”（是不是“enterprise”？）（流程 card，状态 which） [unknown-field]",
    ],
    "unknown-question": ["card.yaml:19:37: 条件中的问题“wich”不存在（是不是“which”？）（流程 card，状态 done） [unknown-question]"],
    "unknown-value": ["card.yaml:19:39: “operator”不是问题“which”的答案（可选：legal）（流程 card，状态 done） [unknown-value]"],
    "duplicate-choice": ["card.yaml:14:17: 选项值“legal”重复（流程 card，状态 which） [duplicate-choice]"],
    "name-clash": ["card.yaml:11:14: 输入项“done”与一个状态同名（流程 card，状态 which） [name-clash]"],
    # the graph
    "unreachable": ["card.yaml:19:3: 从开始状态“which”走不到状态“orphan”（流程 card，状态 orphan） [unreachable]"],
    "no-way-out": ["card.yaml:18:14: 选择题“kind_of_lock”没有任何选项：走到这里就无法继续（流程 card，状态 kind_of_lock） [no-way-out]"],
    "endless-loop": ["card.yaml:15:3: 从循环 plugged_in → replug → plugged_in 走不到任何结果（流程 card，状态 plugged_in） [endless-loop]"],
    "loop": ["card.yaml:9:3: 状态 which → look_again → which 构成循环；一次办理不能回到已经回答过的状态（流程 card，状态 which） [loop]"],
    "subflow-cycle": ["card.yaml:17:11: 子流程互相进入，没有尽头：card/again → card/again（流程 card，状态 again） [subflow-cycle]"],
    "empty-outcome": ["card.yaml:17:12: 结果“done”没有步骤（“steps”）：没有告诉用户该做什么（流程 card，状态 done） [empty-outcome]"],
    # usage (warnings)
    "unused-fact": ["_facts.yaml:7:3: 警告：没有流程用到事实“website” [unused-fact]"],
    "unused-field": ["_facts.yaml:8:3: 警告：没有流程询问输入项“enterprise” [unused-field]"],
    # translations (en/): what the English lacks is warned at the Chinese text; what it has
    # that the flow does not, or says otherwise, is an error at the English
    "missing-translation": [
        "card.yaml:11:13: 警告：“哪张卡？”没有 en 译文（应写在 en/card.yaml）（流程 card，状态 which） [missing-translation]"
    ],
    "orphan-translation": [
        "en/card.yaml:9:3: 译文所译的状态“whcih”不存在（是不是“which”？）（流程 card，状态 whcih） [orphan-translation]"
    ],
    "translation-type": ["en/card.yaml:12:7: 应为列表，实际是文字（流程 card，状态 done） [type]"],
    "translation-placeholders": [
        "en/card.yaml:12:9: 译文引用的事实、输入项或流程与原文不同：缺少原文的 {hotline}（流程 card，状态 done） [translation-placeholders]"
    ],
    "translation-numbers": ["en/card.yaml:10:12: 原文的数字 1、2 在译文中没有（流程 card，状态 done） [translation-numbers]"],
    "untranslated": [
        "en/card.yaml:10:12: 警告：译文中还有中文“办结”（网站上的名称写作 {site:名称}，并在 en/_facts.yaml 的 site_names 中翻译）"
        "（流程 card，状态 done） [untranslated]"
    ],
    "unknown-site-name": [
        "en/card.yaml:12:9: 网站名称“客服页面”没有译文（在 en/_facts.yaml 的 site_names 中添加）"
        "（流程 card，状态 done） [unknown-site-name]"
    ],
    "unused-site-name": ["en/_facts.yaml:6:9: 警告：没有译文用到网站名称“客服页面” [unused-site-name]"],
    # one term per concept (en/_glossary.yaml): a variant is an error at its own line, also
    # inside a text folded over several lines
    "glossary": [
        "en/card.yaml:13:29: 术语不统一：“E-port”应写作“E-Port”（电子口岸；见 en/_glossary.yaml）（流程 card，状态 done） [glossary]",
        "en/card.yaml:14:21: 术语不统一：“legal person card”应写作“legal-person card”（法人卡；见 en/_glossary.yaml）"
        "（流程 card，状态 done） [glossary]",
    ],
    # where the facts come from (_source.yaml): checked too long ago, or not at all
    "stale-source": [
        "_source.yaml:6:10: 警告：资料包最近一次与来源文档核对是 2001-01-02，已超过 365 天：请重新核对，再更新日期 [stale-source]",
        "_source.yaml:8:12: 警告：事实“hotline”最近一次核对是 2001-01-02，已超过 365 天：请重新与来源文档核对 [stale-source]",
    ],
    "unchecked-fact": ["_source.yaml:7:8: 警告：事实“hotline”没有核对日期：在 facts 下写上它最近一次与来源文档核对的日期 [unchecked-fact]"],
}
WARNINGS_ONLY = {"unused-fact", "unused-field", "missing-translation", "untranslated", "unused-site-name", "stale-source", "unchecked-fact"}


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("EPORTGUIDE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("EPORTGUIDE_FLOWS", raising=False)


def copy_of_shipped_pack(tmp_path: Path) -> Path:
    pack = tmp_path / "flows"
    shutil.copytree(FLOWS, pack)
    return pack


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_rule_has_a_fixture_pack():
    assert sorted(p.name for p in FIXTURES.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("rule", sorted(EXPECTED))
def test_each_broken_pack_reports_its_mistake_at_its_line(rule, monkeypatch):
    monkeypatch.chdir(FIXTURES / rule)
    result = cli("validate", ".")
    assert result.stdout.splitlines() == EXPECTED[rule]
    assert result.exit_code == (0 if rule in WARNINGS_ONLY else 1)


def test_the_shipped_pack_validates_clean_even_when_warnings_count():
    # on the day its facts were last checked against the FAQ (flows/_source.yaml): a year
    # later the same command warns that they are due to be checked again (see below)
    for args in (["validate"], ["validate", "--strict"], ["validate", str(FLOWS), "--strict"]):
        result = cli(*args, "--today", "2026-12-03")
        assert result.exit_code == 0, result.output
        assert result.stdout == ""
        assert "0 个错误，0 个警告" in result.stderr


def test_strict_makes_an_unused_fact_fail(monkeypatch):
    monkeypatch.chdir(FIXTURES / "unused-fact")
    result = cli("validate", "--strict", ".")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == EXPECTED["unused-fact"]
    assert "--strict" in result.stderr


def test_every_finding_is_reported_not_only_the_first(tmp_path, monkeypatch):
    pack = copy_of_shipped_pack(tmp_path)
    edit(pack / "unlock-card.yaml", "next: legal_card_works", "next: legal_card_work")
    edit(pack / "reset-password.yaml", "    prompt: 哪张卡的密码忘记了？", "    promt: 哪张卡的密码忘记了？")
    edit(pack / "_facts.yaml", "  hotline:\n", "  hotline:\n    kind: phone\n")
    monkeypatch.chdir(tmp_path)
    result = cli("validate", "flows")
    assert result.exit_code == 1
    rules = [line.rsplit("[", 1)[1].rstrip("]") for line in result.stdout.splitlines()]
    assert rules == ["duplicate-key", "required", "unknown-key", "unknown-state"]
    assert result.stdout.splitlines()[0].startswith("flows/_facts.yaml:")
    assert "4 个错误" in result.stderr


def test_json_findings_carry_file_line_column_rule_and_severity(monkeypatch):
    monkeypatch.chdir(FIXTURES / "unknown-field")
    result = cli("validate", ".", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False and report["errors"] == 1 and report["warnings"] == 1
    assert report["findings"][1] == {
        "file": "card.yaml",
        "line": 11,
        "column": 14,
        "severity": "error",
        "rule": "unknown-field",
        "message": "未知的输入项“enterprize”（是不是“enterprise”？）",
        "flow": "card",
        "state": "which",
    }


def test_a_flow_file_is_checked_within_its_pack_showing_only_its_own_findings(tmp_path, monkeypatch):
    pack = copy_of_shipped_pack(tmp_path)
    edit(pack / "unlock-card.yaml", "next: legal_card_works", "next: legal_card_work")
    edit(pack / "reset-password.yaml", "next: operator_hotline", "next: operator_hotlin")
    monkeypatch.chdir(tmp_path)
    result = cli("validate", "flows/reset-password.yaml")
    assert result.exit_code == 1
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["flows/reset-password.yaml"]
    expected = "下一状态“operator_hotlin”不存在（是不是“operator_hotline”？）（流程 reset-password，状态 card） [unknown-state]"
    assert expected in result.stdout
    assert "检查了 1 个流程" in result.stderr


def test_a_flow_file_that_uses_a_fact_is_not_clean_when_the_shared_facts_are_broken(tmp_path, monkeypatch):
    pack = copy_of_shipped_pack(tmp_path)
    edit(pack / "_facts.yaml", "    kind: email\n", "    kind: e-mail\n")
    monkeypatch.chdir(tmp_path)
    result = cli("validate", "flows/unlock-card.yaml")
    assert result.exit_code == 1
    assert result.stdout.startswith("flows/_facts.yaml:")
    assert "“e-mail”不是允许的值（是不是“email”？）；允许的值：email、phone、address、url、text、duration [enum]" in result.stdout


def test_a_path_that_does_not_exist_is_a_usage_error(tmp_path):
    result = cli("validate", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "找不到" in result.stderr


def test_validate_checks_the_pack_chosen_with_flows_or_the_environment(monkeypatch):
    monkeypatch.chdir(FIXTURES / "unreachable")
    by_option = cli("--flows", ".", "validate")
    by_environment = cli("validate", env={"EPORTGUIDE_FLOWS": "."})
    for result in (by_option, by_environment):
        assert result.exit_code == 1
        assert result.stdout.splitlines() == EXPECTED["unreachable"]


def test_two_flows_that_enter_each_other_are_a_subflow_cycle(tmp_path, monkeypatch):
    shutil.copytree(FIXTURES / "unknown-flow", tmp_path / "pack")
    pack = tmp_path / "pack"
    edit(pack / "card.yaml", "flow: unlock-card", "flow: other")
    other = (pack / "card.yaml").read_text(encoding="utf-8").replace("id: card", "id: other").replace("flow: other", "flow: card")
    (pack / "other.yaml").write_text(other, encoding="utf-8")
    monkeypatch.chdir(pack)
    result = cli("validate", ".")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "card.yaml:16:11: 子流程互相进入，没有尽头：card/first → other/first → card/first（流程 card，状态 first） [subflow-cycle]"
    ]


def test_every_built_in_command_name_is_reserved_for_flow_ids():
    from eportguide.cli import COMMANDS

    commands = set(COMMANDS)
    assert {"list", "show", "run", "validate", "graph", "schema"} <= commands
    assert commands <= RESERVED_IDS


def test_running_a_flow_with_a_loop_is_refused_with_the_finding_not_a_crash(monkeypatch):
    monkeypatch.chdir(FIXTURES / "loop")
    result = cli("--flows", ".", "card", "-a", "which=unsure", "-a", "look_again=yes", "--no-input", "--no-save")
    assert result.exit_code == 2
    assert EXPECTED["loop"][0] in result.stderr
    assert "运行 eportguide --flows . validate 查看全部问题。" in result.stderr


def test_a_broken_pack_elsewhere_hints_at_validating_that_pack_quoted_for_the_shell(tmp_path):
    pack = tmp_path / "my pack"
    shutil.copytree(FIXTURES / "loop", pack)
    result = cli("--flows", str(pack), "list")
    assert result.exit_code == 2
    assert f"运行 eportguide --flows '{pack}' validate 查看全部问题。" in result.stderr


def test_a_broken_shipped_pack_hints_at_plain_validate(tmp_path, monkeypatch):
    from eportguide.model import files

    pack = copy_of_shipped_pack(tmp_path)
    edit(pack / "unlock-card.yaml", "next: legal_card_works", "next: legal_card_work")
    monkeypatch.setattr(files, "shipped_pack_dir", lambda: pack)
    result = cli("list")
    assert result.exit_code == 2
    assert "unlock-card.yaml" in result.stderr and "下一状态“legal_card_work”不存在" in result.stderr
    assert "运行 eportguide validate 查看全部问题。" in result.stderr
    assert "--flows" not in result.stderr


def test_a_text_naming_a_procedure_that_does_not_exist_is_an_unknown_flow(tmp_path, monkeypatch):
    shutil.copytree(FIXTURES / "unknown-flow", tmp_path / "pack")
    pack = tmp_path / "pack"
    edit(pack / "card.yaml", "next: first}", "next: done}")
    edit(pack / "card.yaml", "  first:\n    kind: subflow\n    flow: unlock-card\n    next: done\n", "")
    edit(pack / "card.yaml", "      - 致电 {hotline}。", "      - 致电 {hotline}。\n      - 法人卡也被锁了，见{flow:crad}。")
    monkeypatch.chdir(pack)
    result = cli("validate", ".")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "card.yaml:19:9: 文字中引用了不存在的流程“crad”（是不是“card”？）（流程 card，状态 done） [unknown-flow]"
    ]


# --- translations -------------------------------------------------------------------------


def test_strict_makes_a_missing_english_text_fail(monkeypatch):
    monkeypatch.chdir(FIXTURES / "missing-translation")
    result = cli("validate", "--strict", ".")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == EXPECTED["missing-translation"]


def test_every_text_of_a_flow_without_its_english_is_reported_at_the_chinese_text(tmp_path, monkeypatch):
    pack = copy_of_shipped_pack(tmp_path)
    edit(pack / "en" / "unlock-card.yaml", "    prompt: Which card is locked?\n", "")
    edit(pack / "en" / "unlock-card.yaml", "      operator: Operator card\n", "")
    edit(pack / "en" / "_facts.yaml", "  mailing_address:\n    label: Mailing address\n", "")
    (pack / "en" / "cancel-card.yaml").unlink()
    monkeypatch.chdir(tmp_path)
    result = cli("validate", "--strict", "flows")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "flows/_facts.yaml:34:12: 警告：“邮寄地址”没有 en 译文（应写在 en/_facts.yaml） [missing-translation]",
        "flows/cancel-card.yaml:2:5: 警告：流程没有 en 译文（应写在 en/cancel-card.yaml）（流程 cancel-card） [missing-translation]",
        "flows/unlock-card.yaml:24:13: 警告：“哪张卡被锁住了？”没有 en 译文（应写在 en/unlock-card.yaml）"
        "（流程 unlock-card，状态 card） [missing-translation]",
        "flows/unlock-card.yaml:28:34: 警告：“操作员卡”没有 en 译文（应写在 en/unlock-card.yaml）"
        "（流程 unlock-card，状态 card） [missing-translation]",
    ]
    assert "0 个错误，4 个警告" in result.stderr


def test_an_english_step_must_keep_the_facts_and_numbers_of_the_chinese_one(tmp_path, monkeypatch):
    pack = copy_of_shipped_pack(tmp_path)
    edit(pack / "en" / "unlock-card.yaml", "recipient's phone: {mailing_address.phone}.", "recipient's phone: 83196201.")
    edit(pack / "en" / "_facts.yaml", "value: 95198 or 029-83196210", "value: 95198")
    monkeypatch.chdir(tmp_path)
    result = cli("validate", "flows")
    assert result.exit_code == 1
    assert [line.rsplit("[", 1)[1].rstrip("]") for line in result.stdout.splitlines()] == [
        "translation-numbers",
        "translation-placeholders",
    ]
    assert "flows/en/_facts.yaml:12:12: 原文的数字 029、83196210 在译文中没有" in result.stdout
    assert "缺少原文的 {mailing_address.phone}" in result.stdout


def test_an_address_a_recipient_or_an_e_mail_address_is_never_translated(tmp_path, monkeypatch):
    pack = copy_of_shipped_pack(tmp_path)
    edit(pack / "en" / "_facts.yaml", "    label: Mailing address\n", "    label: Mailing address\n    value: 397 Zhuque Street, Xi'an\n")
    monkeypatch.chdir(tmp_path)
    result = cli("validate", "flows")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "flows/en/_facts.yaml:15:12: 事实“mailing_address”的值照原样显示（地址、邮箱、网址和号码不翻译），不能有译文 [orphan-translation]",
    ]
    edit(pack / "en" / "_facts.yaml", "    value: 397 Zhuque Street, Xi'an\n", "    recipient: Service desk\n")
    result = cli("validate", "flows")
    assert result.stdout.splitlines() == ["flows/en/_facts.yaml:15:5: 未知的键“recipient” [unknown-key]"]


def test_a_translation_of_a_flow_a_choice_or_a_text_that_does_not_exist_is_an_error(tmp_path, monkeypatch):
    pack = copy_of_shipped_pack(tmp_path)
    (pack / "en" / "unlock-cards.yaml").write_text("title: Unlock\n", encoding="utf-8")
    edit(
        pack / "en" / "unlock-card.yaml",
        "      operator: Operator card\n",
        "      operator: Operator card\n      declarant: Declarant card\n",
    )
    edit(pack / "en" / "unlock-card.yaml", "    label: Locked card\n", "    label: Locked card\n    help: Look at the card.\n")
    edit(pack / "en" / "onboard.yaml", "    warnings:\n", "    warnings:\n      - An extra warning.\n")
    monkeypatch.chdir(tmp_path)
    result = cli("validate", "flows")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "flows/en/onboard.yaml:45:9: 原文的“warnings”只有 1 项，这一项没有对应的原文（流程 onboard，状态 steps） [orphan-translation]",
        "flows/en/unlock-card.yaml:22:5: 原文在这里没有“help”，无从翻译（流程 unlock-card，状态 card） [orphan-translation]",
        "flows/en/unlock-card.yaml:26:7: 状态“card”没有选项值“declarant”（流程 unlock-card，状态 card） [orphan-translation]",
        "flows/en/unlock-cards.yaml:1:1: 译文所译的流程“unlock-cards”不存在（是不是“unlock-card”？）"
        "（流程 unlock-cards） [orphan-translation]",
    ]


def test_a_translation_file_is_checked_within_its_pack_with_what_its_flow_lacks(tmp_path, monkeypatch):
    pack = copy_of_shipped_pack(tmp_path)
    edit(pack / "en" / "unlock-card.yaml", "    prompt: Which card is locked?\n", "")
    edit(pack / "en" / "reset-password.yaml", "    prompt: Which card's password have you forgotten?\n", "")
    monkeypatch.chdir(tmp_path)
    result = cli("validate", "--strict", "flows/en/unlock-card.yaml", "--today", "2026-12-03")
    assert result.exit_code == 1
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["flows/unlock-card.yaml"]
    assert "检查了 1 个流程" in result.stderr
    whole = cli("validate", "--strict", "flows/en", "--today", "2026-12-03")
    assert [line.split(":")[0] for line in whole.stdout.splitlines()] == ["flows/reset-password.yaml", "flows/unlock-card.yaml"]
    assert "检查了 11 个流程" in whole.stderr


def test_a_pack_without_a_translation_has_nothing_to_translate(tmp_path):
    pack = copy_of_shipped_pack(tmp_path)
    shutil.rmtree(pack / "en")
    result = cli("validate", "--strict", str(pack), "--today", "2026-12-03")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


# --- the source and when it was checked (flows/_source.yaml) -----------------------------


def test_the_shipped_pack_is_due_for_a_check_a_year_after_it_was_last_checked():
    fresh = cli("validate", "--strict", "--today", "2027-12-03")
    assert fresh.exit_code == 0, fresh.output  # 365 days: still within the year
    due = cli("validate", "--today", "2027-12-04")
    assert due.exit_code == 0  # a warning: the facts may have changed, nothing is broken
    lines = due.stdout.splitlines()
    assert (
        lines[0]
        == "flows/_source.yaml:16:10: 警告：资料包最近一次与来源文档核对是 2026-12-03，已超过 365 天：请重新核对，再更新日期 [stale-source]"
    )
    assert len(lines) == 11 and all("[stale-source]" in line for line in lines)  # the pack and each of its ten facts
    assert cli("validate", "--strict", "--today", "2027-12-04").exit_code == 1


def test_the_age_a_check_may_reach_is_configurable():
    assert cli("validate", "--strict", "--today", "2026-12-13", "--max-age-days", "10").exit_code == 0
    stale = cli("validate", "--strict", "--today", "2026-12-14", "--max-age-days", "10")
    assert stale.exit_code == 1 and "已超过 10 天" in stale.stdout
    assert cli("validate", "--today", "2026-13-01").exit_code == 2


def test_a_fact_the_manifest_does_not_know_is_a_warning_at_its_name(tmp_path, monkeypatch):
    pack = copy_of_shipped_pack(tmp_path)
    edit(pack / "_source.yaml", '  hotline: "2026-12-03"', '  hotlin: "2026-12-03"')
    monkeypatch.chdir(tmp_path)
    result = cli("validate", "flows", "--today", "2026-12-03")
    assert result.exit_code == 0  # the flows do not depend on the manifest: it still runs
    assert "flows/_source.yaml:20:3: 警告：未知的事实“hotlin”（是不是“hotline”？） [unknown-fact]" in result.stdout.splitlines()
    assert cli("validate", "flows", "--strict", "--today", "2026-12-03").exit_code == 1
    assert "flows/_source.yaml:19:3: 警告：事实“hotline”没有核对日期" in result.stdout


# --- one English term per concept (flows/en/_glossary.yaml) -------------------------------


@pytest.mark.parametrize(
    ("old", "new", "found", "term"),
    [
        ("Once unlocked, the operator card's", "Once unlocked in E-port, the operator card's", "E-port", "E-Port"),
        ("Once unlocked, the operator card's", "Once unlocked by the e-port, the operator card's", "e-port", "E-Port"),
        (
            "log in to China E-Port ({eport_url}) with the legal-person card;",
            "log in to China E-Port ({eport_url}) with the legal person card;",
            "legal person card",
            "legal-person card",
        ),
    ],
)
def test_a_stray_variant_of_a_glossary_term_fails_validate_at_its_line(tmp_path, monkeypatch, old, new, found, term):
    pack = copy_of_shipped_pack(tmp_path)
    edit(pack / "en" / "unlock-card.yaml", old, new)
    monkeypatch.chdir(tmp_path)
    result = cli("validate", "flows", "--today", "2026-12-03")
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()  # a text two states share (a YAML alias) is reported once
    assert line.startswith("flows/en/unlock-card.yaml:") and line.endswith("[glossary]")
    number = int(line.split(":")[1])
    assert found in (pack / "en" / "unlock-card.yaml").read_text(encoding="utf-8").splitlines()[number - 1]
    assert f"“{found}”应写作“{term}”" in line


def test_the_glossary_holds_the_site_names_and_the_facts_too(tmp_path, monkeypatch):
    pack = copy_of_shipped_pack(tmp_path)
    edit(pack / "en" / "_facts.yaml", "  完成申报: Application submitted", "  完成申报: Declaration completed")
    edit(pack / "en" / "_facts.yaml", "    label: E-Port processing time", "    label: e-port processing time")
    monkeypatch.chdir(tmp_path)
    result = cli("validate", "flows", "--today", "2026-12-03")
    assert result.exit_code == 1
    assert [line.rsplit("[", 1)[1] for line in result.stdout.splitlines()] == ["glossary]", "glossary]"]
    assert "“e-port”应写作“E-Port”" in result.stdout and "“Declaration”应写作“apply”" in result.stdout


def test_the_right_term_is_not_a_finding_even_at_the_start_of_a_sentence(tmp_path, monkeypatch):
    pack = copy_of_shipped_pack(tmp_path)
    edit(pack / "en" / "unlock-card.yaml", "- Open a browser and log in", "- Legal-person card in hand, open a browser and log in")
    monkeypatch.chdir(tmp_path)
    result = cli("validate", "flows", "--strict", "--today", "2026-12-03")
    assert result.exit_code == 0, result.output
