"""``eportguide show <id>`` reads as a decision guide: numbered questions, answers that
say where they lead, each plan's checklist — and no internal id, answer value or command
a reader of the printout could not use (``--ids`` adds them for flow authors)."""

import json
import re
import shutil
from pathlib import Path

import pytest
from helpers import FLOWS, cli
from pages import markdown_dangling, markdown_shown, read_html

from eportguide.model import definitions as d
from eportguide.model.loader import load_pack

PACK = load_pack(FLOWS)


def show(*args: str, flows: Path | None = None) -> str:
    result = cli(*(["--flows", str(flows)] if flows else []), "show", *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def shown(output: str, format: str) -> str:
    if format == "html":
        return read_html(output).shown
    if format == "markdown":
        return markdown_shown(output)
    return output


def internal_names(flow: d.Flow) -> set[str]:
    """What only the flow file knows: state ids, answer values, the flow's id."""
    names = set(flow.states) | {flow.id, d.YES, d.NO, d.DONE}
    for state in flow.states.values():
        if isinstance(state, d.ChoiceState):
            names |= {c.value for c in state.choices}
        if isinstance(state, d.InputState):
            names |= set(state.fields)
    return names


@pytest.mark.parametrize("format", ["text", "markdown", "html"])
@pytest.mark.parametrize("flow_id", list(PACK.flows))
def test_show_names_no_state_id_answer_value_or_command(flow_id, format):
    text = shown(show(flow_id, "--format", format), format)
    words = set(re.findall(r"[A-Za-z0-9_][A-Za-z0-9_-]*", text))
    for flow in PACK.flows.values():  # a sub-flow's names as well as the flow's own
        assert not (internal_names(flow) & words), (flow.id, internal_names(flow) & words)
    assert "eportguide" not in text
    assert not re.search(r"[A-Za-z_]=", text)  # no key=value


@pytest.mark.parametrize("flow_id", list(PACK.flows))
def test_with_ids_every_state_id_is_shown_for_flow_authors(flow_id):
    text = show(flow_id, "--ids")
    reached = {s for s, state in PACK.flows[flow_id].states.items()}
    assert all(re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", text) for s in reached)


def test_unlock_card_reads_as_numbered_questions_whose_answers_say_where_they_lead():
    lines = show("unlock-card").splitlines()
    assert lines[:3] == [
        "电子口岸卡被锁，如何解锁",
        "法人卡被锁须发邮件并把卡寄到电子口岸；操作员卡被锁可用法人卡登录后在线解锁。",
        "依据：电子口岸常见问题 一、2 法人卡被锁住该如何解锁？；二、3 操作员卡被锁，如何解锁？",
    ]
    question_1 = lines.index("【问题 1】哪张卡被锁住了？")
    assert lines[question_1 + 1 : question_1 + 3] == [
        "- 法人卡 → 办理方案 A：法人卡解锁：发送申请邮件，邮寄法人卡",  # the e-mail details are not a decision
        "- 操作员卡 → 问题 2",
    ]
    question_2 = lines.index("【问题 2】法人卡现在能正常登录吗？")
    assert lines[question_2 + 1 : question_2 + 4] == [
        "操作员卡要用法人卡登录中国电子口岸后解锁（二、3）。这一问是本工具的分流，常见问题没有这一问。",
        "- 是 → 办理方案 B：操作员卡解锁：用法人卡在线解锁",
        "- 否 → 问题 3",
    ]
    assert (
        "- 法人卡也被锁住了 → 先按《电子口岸卡被锁，如何解锁》中 法人卡 的办法办理（办理方案 A），"
        "然后 → 办理方案 C：法人卡和操作员卡解锁：先寄法人卡解锁，再用法人卡在线解锁操作员卡"
    ) in lines
    assert [line for line in lines if line.startswith("■ ")] == [
        "■ 办理方案 A：法人卡解锁：发送申请邮件，邮寄法人卡",
        "■ 办理方案 B：操作员卡解锁：用法人卡在线解锁",
        "■ 办理方案 C：法人卡和操作员卡解锁：先寄法人卡解锁，再用法人卡在线解锁操作员卡",  # issue 10: titled for both
        "■ 办理方案 D：先让法人卡恢复可用，再解锁操作员卡",
    ]


def test_a_plan_lists_its_steps_materials_email_mailing_deadline_and_contacts():
    text = show("unlock-card")
    plan_a = text.split("■ 办理方案 A", 1)[1].split("■ 办理方案 B", 1)[0]
    headings = re.findall(r"^【(.+)】$", plan_a, flags=re.M)
    assert headings == ["办理步骤", "需准备的材料", "申请邮件", "邮寄", "办理时限", "联系方式"]
    assert "收货人电话  83196210（即 029-83196210：区号由本工具据中国电子口岸客服热线的号码补注）" in plan_a


def test_a_procedure_without_questions_says_so_and_goes_to_its_one_plan():
    lines = show("add-operator-card").splitlines()
    assert lines[5] == "不需回答问题，直接 → 办理方案 A：新增操作员卡：申报、购卡、发送申请邮件、IC卡备案"
    assert not [line for line in lines if line.startswith("【问题")]


def test_the_other_procedures_a_step_names_are_named_by_title():
    plan_d = show("unlock-card").split("■ 办理方案 D", 1)[1]  # C: both cards locked (issue 10)
    assert "证书过期，见《法人卡证书延期》" in plan_d
    assert "法人卡能正常登录后，再按《电子口岸卡被锁，如何解锁》中操作员卡的办法解锁操作员卡。" in plan_d


def test_with_ids_answers_show_their_values_and_the_states_they_pass():
    text = show("unlock-card", "--ids")
    assert text.splitlines()[0] == "电子口岸卡被锁，如何解锁 〔unlock-card〕"
    assert "【问题 1】哪张卡被锁住了？ 〔card〕" in text
    assert "- 法人卡 → 办理方案 A：法人卡解锁：发送申请邮件，邮寄法人卡 〔legal → legal_details → legal_mail〕" in text
    assert "〔locked → legal_first（unlock-card：card=legal） → both_online〕" in text


def test_show_json_is_the_same_with_or_without_ids():
    plain = show("unlock-card", "--format", "json")
    assert show("unlock-card", "--format", "json", "--ids") == plain
    assert json.loads(plain)["states"][0]["choices"][0] == {"value": "legal", "label": "法人卡", "next": "legal_details"}


# --- HTML and Markdown: a page to click through -------------------------------------


def test_the_html_guide_has_a_main_landmark_and_one_h2_per_question_and_plan():
    page = read_html(show("unlock-card", "--format", "html"))
    assert [tag for tag, _ in page.tags].count("main") == 1
    h2 = [text for tag, text in page.headings if tag == "h2"]
    assert h2 == [
        "问题 1　哪张卡被锁住了？",
        "问题 2　法人卡现在能正常登录吗？",
        "问题 3　法人卡为什么不能登录？",
        "办理方案 A：法人卡解锁：发送申请邮件，邮寄法人卡",
        "办理方案 B：操作员卡解锁：用法人卡在线解锁",
        "办理方案 C：法人卡和操作员卡解锁：先寄法人卡解锁，再用法人卡在线解锁操作员卡",
        "办理方案 D：先让法人卡恢复可用，再解锁操作员卡",
    ]
    h3 = [text for tag, text in page.headings if tag == "h3"]
    assert h3[:6] == ["办理步骤", "需准备的材料", "申请邮件", "邮寄", "办理时限", "联系方式"]


@pytest.mark.parametrize("format", ["html", "markdown"])
def test_every_answer_is_a_link_to_the_question_or_plan_it_leads_to(format):
    output = show("unlock-card", "--format", format)
    if format == "html":
        page = read_html(output)
        assert page.dangling == []
        answers = re.findall(r'<li><span class="label">([^<]*)</span> → <a href="#([^"]+)">([^<]*)</a>', output)
    else:
        assert markdown_dangling(output) == []
        answers = re.findall(r"^- (\S+) → \[([^\]]+)\]\(#([^)]+)\)$", output, flags=re.M)
        answers = [(label, target, text) for label, text, target in answers]
    assert ("法人卡", "flow-unlock-card.plan-a", "办理方案 A：法人卡解锁：发送申请邮件，邮寄法人卡") in answers
    assert ("操作员卡", "flow-unlock-card.q2", "问题 2") in answers
    assert ("否", "flow-unlock-card.q3", "问题 3") in answers


def renamed_pack(tmp_path: Path, renames: dict[str, str]) -> Path:
    """A copy of the shipped pack whose unlock-card states have other ids."""
    pack = tmp_path / "pack"
    shutil.copytree(FLOWS, pack)
    path = pack / "unlock-card.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in renames.items():
        text = re.sub(rf"(?<![\w-]){old}(?![\w-])", new, text)
    path.write_text(text, encoding="utf-8")
    return pack


def test_states_named_like_the_pages_own_parts_change_nothing_on_the_page(tmp_path):
    # A state named hint or warnings once lost or recoloured that part of the page.
    pack = renamed_pack(tmp_path, {"legal_mail": "warnings", "card": "hint", "operator_online": "source", "legal_card_other": "main"})
    renamed = show("unlock-card", "--format", "html", flows=pack)
    assert renamed == show("unlock-card", "--format", "html")


def test_a_conditional_line_says_the_question_and_answer_it_holds_for(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(FLOWS, pack)
    path = pack / "reset-password.yaml"
    text = path.read_text(encoding="utf-8")
    # the hotline plan, reached by 操作员卡: a line marked as holding for that answer
    text = re.sub(r"(  operator_hotline:\n(?:.*\n)*?    steps:\n)", r"\1      - {text: 只对操作员卡。, when: {card: operator}}\n", text)
    path.write_text(text, encoding="utf-8")
    guide = show("reset-password", flows=pack)
    assert "只对操作员卡。（仅当“哪张卡的密码忘记了？”答“操作员卡”时）" in guide
    assert "card=operator" not in guide
    as_json = show("reset-password", "--format", "json", flows=pack)
    assert "只对操作员卡。（仅当 card=operator）" in as_json  # the JSON is as it was
