"""What the tool adds to the FAQ says so, and what the FAQ leaves open is said, not papered over.

Every addition (advice the FAQ gives elsewhere, the tool's own triage, a subject line the
FAQ does not give) is a note headed as the tool's, not a step in the FAQ's voice. Where
the FAQ copies a gap (a receipt with no purchase step, a menu on no named site, a
tracking number with no mailing step), the FAQ's words stay and a note says what it
leaves open and that the hotline can answer. The subject's company name and business
follow one rule, which every e-mail shows as the tool's choice.
"""

import io
import json
import re

import pytest
from helpers import ROOT, cli
from rich.console import Console

from eportguide import render
from eportguide.engine import validators
from eportguide.engine.paths import every_path
from eportguide.engine.result import build
from eportguide.engine.walker import Finished, Pending, walk
from eportguide.i18n import wording as w
from eportguide.render import outline, terminal

HOTLINE = "95198 或 029-83196210"
LOCKOUT = "请尽量不要当天输入5次错误密码，否则将被锁定。"
ENTERPRISE = "西安秦川贸易有限公司"


def run(pack, flow_id, answers):
    """The result of ``answers``; e-mail details not given are left blank."""
    answers = dict(answers)
    finished = walk(pack, flow_id, answers)
    while isinstance(finished, Pending) and finished.question.kind == "text":
        answers[finished.question.key] = ""
        finished = walk(pack, flow_id, answers)
    assert isinstance(finished, Finished)
    return build(pack, finished)


def every_result(pack):
    for flow_id in pack.flows:
        for finished in every_path(pack, flow_id):
            yield flow_id, build(pack, finished)


# --- the missing fact ----------------------------------------------------------------------


def test_an_expired_legal_card_renewed_by_e_mail_also_gets_the_password_eight_eights(pack):
    # 一、1 更新IC卡数字证书后，密码也会被重置为8个8 — said before only on the not-expired path
    result = run(pack, "extend-card", {"expired": "yes", "expired_details": "no"})
    assert result.warnings == ("更新IC卡数字证书后，密码也会被重置为8个8。",)
    assert "一、1" in result.source


# --- additions labelled as the tool's ------------------------------------------------------


def test_the_operator_card_triage_says_it_is_the_tool_s_not_the_faq_s(pack):
    flow = pack.flow("unlock-card")
    assert flow.states["legal_card_works"].help.endswith("这一问是本工具的分流，常见问题没有这一问。")
    result = run(pack, "unlock-card", {"card": "operator", "legal_card_works": "no", "legal_card_problem": "other"})
    assert result.notes == (
        "这一分流是本工具的建议：常见问题二、3只说明用法人卡登录后解锁操作员卡，没有说明法人卡不能登录时怎么办。"
        f"拿不准时，请致电中国电子口岸客服热线：{HOTLINE}。",
    )


def test_the_expired_card_s_subject_line_is_said_to_be_the_tool_s_reading_of_the_faq_s_e_mail_content(pack):
    result = run(pack, "extend-card", {"expired": "yes", "expired_details": "yes", "enterprise": ENTERPRISE})
    assert result.email is not None
    assert result.email.subject == f"{ENTERPRISE}办理电子口岸法人卡延期业务"
    assert result.email.fields[0] == ("邮件内容", f"{ENTERPRISE}办理电子口岸法人卡延期业务")
    assert result.notes[0].startswith("常见问题此处只写“邮件内容：XX企业办理电子口岸XX业务”，没有给出邮件主题：本工具把这句用作主题")


def test_every_note_is_shown_under_a_heading_saying_it_is_not_the_faq_s_words_in_every_format(pack):
    result = run(pack, "reset-password", {"card": "operator"})
    note = result.notes[0]
    shown = {format: render.to_string(result, format) for format in ("text", "markdown", "html")}
    assert f"【{w.H_NOTES}】\n- {note}" in shown["text"]
    assert f"## {w.H_NOTES}\n\n- {note}" in shown["markdown"]
    assert f"<h2>{w.H_NOTES}</h2>" in shown["html"] and note in shown["html"]
    assert json.loads(render.to_string(result, "json"))["notes"] == [note]
    screen = io.StringIO()
    terminal.render(outline.build(result), Console(file=screen, width=400, color_system=None))
    assert w.H_NOTES in screen.getvalue() and note in screen.getvalue()


def test_show_and_the_handbook_carry_the_notes_too(pack):
    guide = render.procedure_to_string(pack, pack.flow("onboard"), "text")
    assert f"【{w.H_NOTES}】" in guide and "“陕西省工商局”照常见问题原文；这份资料可能已过时" in guide
    procedure = json.loads(render.procedure_to_string(pack, pack.flow("onboard"), "json"))
    [outcome] = [state["outcome"] for state in procedure["states"] if state["kind"] == "outcome"]
    assert len(outcome["notes"]) == 2


# --- the FAQ's gaps, kept and flagged --------------------------------------------------------


def test_a_legal_card_reissue_by_e_mail_says_the_faq_has_no_purchase_step_for_its_receipt(pack):
    result = run(pack, "reissue-legal-card", {"channel": "email", "email_details": "no"})
    assert "购卡订单凭证" in result.materials  # the FAQ's words stay
    assert result.notes[0].startswith("常见问题要求附上“购卡订单凭证”，但这一节没有购卡的步骤")
    assert HOTLINE in result.notes[0]


@pytest.mark.parametrize(
    ("flow_id", "answers", "menu"),
    [
        ("add-operator-card", {"details": "no"}, "“数据录入”-“企业操作员信息申报”"),
        ("reissue-operator-card", {"details": "no"}, "“补办操作员卡”-“补办操作员列表查询”"),
        ("cancel-card", {"details": "no"}, "“数据录入”-“企业操作员信息申报”"),
    ],
)
def test_a_menu_on_no_named_site_says_the_faq_does_not_name_it(pack, flow_id, answers, menu):
    result = run(pack, flow_id, answers)
    assert any(menu in step for step in (s.text for s in result.steps))  # as the FAQ writes it
    assert any(note.startswith(f"常见问题没有说明{menu}在哪个网站上") for note in result.notes)
    assert "hotline" in {c.name for c in result.contacts}


def test_cancel_card_says_as_the_tool_s_note_that_it_covers_operator_cards_only(pack):
    flow = pack.flow("cancel-card")
    assert flow.title == "电子口岸卡注销"  # the FAQ's title
    assert flow.description.endswith("（本工具注：常见问题此节只说明操作员卡的注销）。")
    result = run(pack, "cancel-card", {"details": "no"})
    assert result.notes[0].startswith("常见问题此节标题为“电子口岸卡注销”，但第2步只说明操作员卡")
    assert result.business == "操作员卡注销"


def test_the_expired_card_s_tracking_number_says_the_faq_gives_no_mailing_step_or_address(pack):
    result = run(pack, "extend-card", {"expired": "yes", "expired_details": "no"})
    assert result.mailing is None  # nothing invented
    assert result.notes[1] == (
        "常见问题要求写“寄快递单号”，却没有说明要把法人卡寄出，也没有给出寄往的地址；"
        f"是否需要寄卡、寄到哪里，请致电中国电子口岸客服热线：{HOTLINE} 询问。"
    )


def test_the_self_service_client_says_the_faq_does_not_say_where_to_get_it(pack):
    result = run(pack, "extend-card", {"expired": "no"})
    assert result.notes == (f"常见问题没有说明从哪里下载“电子口岸ic卡证书自主延期客户端”；请致电中国电子口岸客服热线：{HOTLINE} 询问。",)


@pytest.mark.parametrize(
    ("flow_id", "answers"),
    [("reissue-legal-card", {"channel": "email", "email_details": "no"}), ("extend-card", {"expired": "yes", "expired_details": "no"})],
)
def test_a_subject_worded_without_de_says_so_and_keeps_the_section_s_wording(pack, flow_id, answers):
    result = run(pack, flow_id, answers)
    assert result.email is not None and "办理电子口岸的" not in result.email.subject
    assert any("没有“的”" in note and "照此处原文" in note for note in result.notes)


def test_every_ie8_step_and_the_industry_bureau_say_the_source_may_be_outdated_without_a_newer_fact(pack):
    checked = set()
    for flow_id, result in every_result(pack):
        shown = "\n".join(s.text for s in result.steps)
        if "IE8" in shown:
            assert any(note.startswith("“IE8浏览器”照常见问题原文；这份资料可能已过时") for note in result.notes), flow_id
            checked.add(flow_id)
        if "工商局" in shown:
            assert any(note.startswith("“陕西省工商局”照常见问题原文；这份资料可能已过时") for note in result.notes), flow_id
            checked.add(flow_id)
        assert "市场监督管理局" not in shown + "".join(result.notes)  # not in the FAQ: not written in
    assert checked == {"add-operator-card", "reissue-operator-card", "reissue-declarant-card", "onboard"}


# --- citations and the FAQ's words ----------------------------------------------------------


def test_onboarding_cites_the_registration_guide_by_its_own_name(pack):
    # 一 in the FAQ is "读卡器问题"; 入网指南 merely stands inside it
    assert pack.flow("onboard").source == "电子口岸入网指南"


@pytest.mark.parametrize("flow_id", ["add-operator-card", "reissue-declarant-card"])
def test_the_application_and_mailing_e_mail_keeps_its_name_and_says_what_it_asks(pack, flow_id):
    result = run(pack, flow_id, {"details": "no"})
    assert any("发送申请邮寄邮件至" in s.text for s in result.steps)  # 二、4 and 二、6 as written
    assert any(note.startswith("“申请邮寄邮件”即") and "同时申请把制好的卡寄到公司收卡地址" in note for note in result.notes)


# --- the subject: one rule, shown as the tool's choice -----------------------------------------


@pytest.mark.parametrize(
    ("typed", "subject"),
    [
        ("西安秦川贸易有限公司", "西安秦川贸易有限公司办理电子口岸的法人卡解锁业务"),  # not …有限公司企业办理…
        ("秦川贸易", "秦川贸易企业办理电子口岸的法人卡解锁业务"),
        ("秦川贸易企业", "秦川贸易企业办理电子口岸的法人卡解锁业务"),
        ("西安秦川机械厂", "西安秦川机械厂办理电子口岸的法人卡解锁业务"),
        ("", "XX企业办理电子口岸的法人卡解锁业务"),  # the FAQ's own words
    ],
)
def test_the_company_name_goes_into_the_subject_as_typed_with_qiye_only_when_needed(pack, typed, subject):
    answers = {"card": "legal", "legal_details": "yes", "enterprise": typed}
    result = run(pack, "unlock-card", answers)
    assert result.email is not None and result.email.subject == subject


def test_no_subject_says_e_port_twice_or_doubles_the_company(pack):
    for flow_id, result in every_result(pack):
        if result.email is not None:
            assert "电子口岸的电子口岸" not in result.email.subject and "电子口岸电子口岸" not in result.email.subject, flow_id
            assert not result.email.subject.startswith("XX企业企业"), flow_id
    deregister = run(pack, "deregister-enterprise", {"details": "yes", "enterprise": ENTERPRISE})
    assert deregister.email is not None and deregister.email.subject == f"{ENTERPRISE}办理电子口岸的企业注销业务"


def test_every_e_mail_shows_the_subject_rule_as_the_tool_s_choice(pack):
    result = run(pack, "unlock-card", {"card": "legal", "legal_details": "no"})
    for format in ("text", "markdown", "html"):
        shown = re.sub(r"\\(.)", r"\1", render.to_string(result, format))
        assert "本工具注：主题格式取自常见问题" in shown, format


def test_a_company_name_without_chinese_is_kept_but_flagged_for_the_registered_chinese_name():
    assert validators.unusual("enterprise", "Qinchuan Trading Co., Ltd.") == w.UNUSUAL_ENTERPRISE
    assert validators.unusual("enterprise", "西安秦川贸易有限公司") is None
    result = cli(
        "unlock-card",
        "-a",
        "card=legal",
        "-a",
        "legal_details=yes",
        "-a",
        "enterprise=Qinchuan Trading Co., Ltd.",
        "--no-input",
        "--no-save",
        "-f",
        "json",
    )
    assert result.exit_code == 0
    assert "营业执照上的中文企业名称" in result.stderr


# --- the README says what the tool adds ------------------------------------------------------


def test_the_readme_no_longer_claims_nothing_is_added_and_says_what_is():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "nothing is added" not in readme
    section = readme.split("### What the tool adds to the FAQ", 1)[1].split("\n## ", 1)[0]
    for added in ("本工具的说明", "assumed start day", "area code", "企业", "_source.yaml", "_glossary.yaml"):
        assert added in section, added
