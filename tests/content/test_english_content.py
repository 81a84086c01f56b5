"""The wizard's content in English: Chinese only where it must stay Chinese.

An English reader gets every procedure in English, in every format. What stays Chinese
is what someone must copy or find as the e-port writes it: the e-mail the e-port
requires (its subject, field names, values and attachments, each with its English
beside it in the checklist; the .eml exactly the Chinese e-mail), postal addresses and
recipients (a courier needs them as written), the names on the e-port's website (shown
as "身份认证管理系统 (Identity Authentication Management System)"), and what the user
typed. The program's own wording is in English too (its catalogue): none of it may be
left in Chinese, but for the e-mail's body.
"""

import email
import email.policy
import html
import io
import json
import re
import sys
from collections.abc import Iterator
from datetime import date

import pytest
from helpers import FLOWS, cli
from rich.console import Console

from eportguide import render
from eportguide.engine.paths import every_path, given
from eportguide.engine.result import Result, build, describe
from eportguide.engine.walker import Finished, walk
from eportguide.i18n import language
from eportguide.i18n import wording as w
from eportguide.model import definitions as d
from eportguide.model import templates
from eportguide.model.loader import load_pack
from eportguide.model.translations import apply, read
from eportguide.render import eml, outline, terminal

CHINESE_PACK = load_pack(FLOWS)
ENGLISH_PACK = apply.load(FLOWS, language.ENGLISH)
SITE_NAMES = tuple(read.read(FLOWS, language.ENGLISH).shared.site_names)
TODAY = date(2026, 9, 30)
#: What a clerk types, in Chinese as it is registered: it stays as typed in any language.
TYPED = {
    "enterprise": "西安秦川贸易有限公司",
    "card_address": "西安市高新区科技路1号",
    "contact_name": "张三",
    "contact_phone": "13912345678",
    "tracking_number": "SF1234567890",
    "card_number": "1234567890123",
}


@pytest.fixture(autouse=True)
def english():
    language.use(language.ENGLISH)
    yield
    language.use(None)


def typed_paths(pack: d.Pack) -> Iterator[tuple[str, Finished]]:
    """Every path of every flow, its text fields blank and then typed in Chinese."""
    for flow_id in pack.flows:
        for finished in every_path(pack, flow_id):
            yield flow_id, finished
            answers = dict(given(finished))
            if any(answers.get(key.rpartition(".")[2]) == "" or key.rpartition(".")[2] in TYPED for key in answers):
                filled = {key: TYPED.get(key.rpartition(".")[2], value) for key, value in answers.items()}
                typed = walk(pack, flow_id, filled)
                assert isinstance(typed, Finished)
                yield flow_id, typed


def english_paths() -> list[object]:
    """Walked in English, as a run in English walks them (the answers' labels: Yes, No)."""
    language.use(language.ENGLISH)
    try:
        return [pytest.param(flow_id, finished, id=f"{flow_id}-{i}") for i, (flow_id, finished) in enumerate(typed_paths(ENGLISH_PACK))]
    finally:
        language.use(None)


PATHS = english_paths()


def kept_chinese(result: Result) -> list[str]:
    """What a result keeps in Chinese: the e-mail, addresses, recipients, what was typed, site names."""
    kept = [*SITE_NAMES, *TYPED.values()]
    if result.email is not None:
        kept += [result.email.subject, *result.email.attachments, *outline.email_body(result).splitlines()]
        kept += [text for field in result.email.fields for text in field]
    if result.mailing is not None:
        kept += [result.mailing.address, result.mailing.recipient or ""]
    kept += [text for c in result.contacts if c.kind == "address" for text in (c.value, c.recipient or "")]
    return kept


def chinese_left(shown: str, kept: list[str]) -> list[str]:
    """The Chinese in ``shown`` once what may stay Chinese is taken out, longest first."""
    for text in sorted({k for k in kept if k}, key=len, reverse=True):
        shown = shown.replace(text, " ")
    return templates.chinese().findall(shown)


def visible_html(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", re.sub(r"<style>.*?</style>", "", page, flags=re.S)))


def every_format(result: Result) -> dict[str, str]:
    shown = {format: render.to_string(result, format) for format in ("text", "markdown", "json")}
    shown["markdown"] = re.sub(r"\\(.)", r"\1", shown["markdown"])
    shown["json"] = json.dumps(json.loads(shown["json"]), ensure_ascii=False)
    shown["html"] = visible_html(render.to_string(result, "html"))
    screen = io.StringIO()
    terminal.render(outline.build(result), Console(file=screen, width=1000, color_system=None))
    shown["terminal"] = screen.getvalue()
    return shown


@pytest.mark.parametrize(("flow_id", "finished"), PATHS)
def test_an_english_run_shows_chinese_only_where_it_must_stay_chinese(flow_id, finished):
    result = build(ENGLISH_PACK, finished, TODAY)
    for format, shown in every_format(result).items():
        assert chinese_left(shown, kept_chinese(result)) == [], (flow_id, format)


@pytest.mark.parametrize("flow_id", list(ENGLISH_PACK.flows))
def test_an_english_guide_and_every_plan_in_it_show_chinese_only_where_it_must_stay_chinese(flow_id):
    flow = ENGLISH_PACK.flow(flow_id)
    kept = [
        text
        for state_id, state in flow.states.items()
        if isinstance(state, d.OutcomeState)
        for text in kept_chinese(describe(ENGLISH_PACK, flow, state_id))
    ]
    for format in ("text", "markdown", "html", "json"):
        shown = render.procedure_to_string(ENGLISH_PACK, flow, format)
        if format == "json":
            shown = json.dumps(json.loads(shown), ensure_ascii=False)
        else:
            shown = visible_html(shown) if format == "html" else re.sub(r"\\(.)", r"\1", shown)
        assert chinese_left(shown, kept) == [], format


def test_the_english_handbook_says_it_is_english_and_marks_what_stays_chinese():
    from eportguide.render import handbook

    book = handbook.build(ENGLISH_PACK, "", TODAY)
    page = render.handbook_to_string(ENGLISH_PACK, "", TODAY, "html")
    assert '<html lang="en">' in page
    assert '<span lang="zh-CN">身份认证管理系统</span> (Identity Authentication Management System)' in page
    kept = [
        text
        for flow in ENGLISH_PACK.flows.values()
        for state_id, state in flow.states.items()
        if isinstance(state, d.OutcomeState)
        for text in kept_chinese(describe(ENGLISH_PACK, flow, state_id))
    ]
    assert chinese_left(visible_html(page), kept) == []
    assert chinese_left(render.handbook_to_string(ENGLISH_PACK, "", TODAY, "markdown").replace("\\", ""), kept) == []
    assert [chapter.category for chapter in book.chapters] == [
        "Locked cards and passwords",
        "Certificates and reissues",
        "New enterprises and additional cards",
        "Cancellation",
    ]


@pytest.mark.parametrize(("flow_id", "finished"), PATHS)
def test_the_e_mail_draft_of_an_english_run_is_the_chinese_e_mail(flow_id, finished):
    english = build(ENGLISH_PACK, finished, TODAY)
    chinese_walk = walk(CHINESE_PACK, flow_id, given(finished))
    assert isinstance(chinese_walk, Finished)
    chinese = build(CHINESE_PACK, chinese_walk, TODAY)
    assert (english.email is None) == (chinese.email is None)
    if english.email is None or chinese.email is None:
        return
    assert english.email._replace(gloss=None) == chinese.email
    english_draft, chinese_draft = (email.message_from_bytes(eml.render(r), policy=email.policy.default) for r in (english, chinese))
    for header in ("To", "Subject", "Content-Type"):
        assert english_draft[header] == chinese_draft[header]
    assert english_draft.get_content() == chinese_draft.get_content()


def test_the_english_checklist_gives_the_chinese_e_mail_with_its_english_reading():
    answers = {"card": "legal", "legal_details": "yes", **TYPED}
    finished = walk(ENGLISH_PACK, "unlock-card", answers)
    assert isinstance(finished, Finished)
    text = render.to_string(build(ENGLISH_PACK, finished, TODAY), "text")
    subject = "西安秦川贸易有限公司办理电子口岸的法人卡解锁业务"
    assert f"{subject} (西安秦川贸易有限公司 applies to E-Port for: Legal-person card unlocking)" in text
    assert "在办业务名称 (Name of the business applied for)  法人卡解锁 (Legal-person card unlocking)" in text
    assert "公司收卡地址 (Address where the company receives the card)  西安市高新区科技路1号\n" in text  # typed: no reading
    assert "营业执照原件扫描件 (Scan of the original business licence)" in text
    assert w.EMAIL_KEPT_AS_WRITTEN in text
    assert "Mail the locked legal-person card to: 西安市雁塔区朱雀大街397号老海关楼6楼（天街小厨旁求索文化楼）; recipient: 服务台" in text
    as_json = json.loads(render.to_string(build(ENGLISH_PACK, finished, TODAY), "json"))
    assert as_json["email"]["subject"] == "西安秦川贸易有限公司办理电子口岸的法人卡解锁业务"
    assert as_json["email"]["gloss"]["subject"] == "西安秦川贸易有限公司 applies to E-Port for: Legal-person card unlocking"
    assert as_json["email"]["gloss"]["fields"][0] == {"label": "Name of the business applied for", "value": "Legal-person card unlocking"}
    assert as_json["outcome"]["business"] == "Legal-person card unlocking"


def test_a_chinese_run_has_no_gloss_and_its_page_stays_chinese():
    language.use(language.CHINESE)
    finished = walk(CHINESE_PACK, "unlock-card", {"card": "legal", "legal_details": "no"})
    assert isinstance(finished, Finished)
    result = build(CHINESE_PACK, finished, TODAY)
    assert result.email is not None and result.email.gloss is None
    assert json.loads(render.to_string(result, "json"))["email"]["gloss"] is None
    page = render.to_string(result, "html")
    assert '<html lang="zh-CN">' in page and 'lang="zh-CN">' not in page.split("<body>", 1)[1]
    assert w.EMAIL_KEPT_AS_WRITTEN not in render.to_string(result, "text")


def test_a_name_on_the_e_port_s_website_is_shown_as_it_writes_it_with_its_english():
    steps = [step.text for step in describe(ENGLISH_PACK, ENGLISH_PACK.flow("unlock-card"), "operator_online").steps]
    assert steps[1] == (
        'Go to "身份认证管理系统 (Identity Authentication Management System)" - "IC卡管理 (IC Card Management)" - '
        '"企业操作员IC卡管理 (Enterprise Operator IC Card Management)";'
    )


def test_an_english_run_from_the_command_line_speaks_the_pack_s_english():
    result = cli(
        "unlock-card",
        "-a",
        "card=operator",
        "-a",
        "legal_card_works=yes",
        "--no-input",
        "--no-save",
        "-f",
        "json",
        env={"EPORTGUIDE_LANG": "en"},
    )
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert shown["flow"]["title"] == "Unlocking a locked E-Port card"
    assert shown["answers"][0]["question"] == "Which card is locked?" and shown["answers"][0]["label"] == "Operator card"
    assert shown["steps"][-1]["text"] == "Once unlocked, the operator card's password is the initial password, eight 8s (88888888)."
    assert shown["warnings"] == ["Try not to enter a wrong password 5 times on the same day, or the card will be locked."]


def test_every_english_text_prints_on_a_gbk_console():
    """Clerks use Windows consoles in GBK: an English text must print there too (no ’ or …)."""
    unsafe = []
    for path in sorted((FLOWS / "en").glob("*.yaml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            try:
                line.encode("gbk")
            except UnicodeEncodeError:
                unsafe.append(f"{path.name}:{number}: {line.strip()}")
    assert unsafe == []


# --- asked at a terminal, in English -------------------------------------------------------

DOWN, ENTER = "\x1b[B", "\r"


def test_the_questions_asked_through_prompt_toolkit_are_the_pack_s_english():
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from eportguide.prompting.interactive import InteractivePrompter
    from eportguide.run import dialogue

    with create_pipe_input() as pipe:
        pipe.send_text(DOWN + ENTER + ENTER + ENTER)  # operator card; it logs in: yes; the review: confirm
        finished = dialogue.drive(ENGLISH_PACK, "unlock-card", InteractivePrompter(input=pipe, output=DummyOutput()))
    result = build(ENGLISH_PACK, finished)
    assert (result.path[0].prompt, result.path[0].label) == ("Which card is locked?", "Operator card")
    assert result.path[1].prompt == "Can you still log in with the legal-person card?"
    assert result.outcome_title == "Unlocking an operator card: online, with the legal-person card"


@pytest.mark.pty
def test_a_clerk_unlocks_an_operator_card_in_english_at_a_real_terminal(tmp_path):
    import os

    import pexpect

    env = {**os.environ, "EPORTGUIDE_HOME": str(tmp_path / "home"), "EPORTGUIDE_LANG": "en", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(
        sys.executable, ["-m", "eportguide", "unlock-card", "--no-save"], env=env, encoding="utf-8", timeout=20, dimensions=(50, 160)
    )
    child.expect("Which card is locked")
    child.send(DOWN + ENTER)  # operator card
    child.expect("An operator card is unlocked by logging in to China E-Port with the legal-person card")  # the help
    child.expect("Can you still log in with the legal-person card")  # under it, the question
    child.send(ENTER)  # yes
    child.expect("Legal-person card works")  # the review names each answer by its short label
    child.send(ENTER)  # confirm
    child.expect("Unlocking an operator card: online, with the legal-person card")
    child.expect("Identity Authentication Management System")
    child.expect("eight 8s")
    child.send(ENTER)  # no file saved
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


@pytest.mark.parametrize("card", ["legal", "Legal-person card", "法人卡"])
def test_a_script_answers_an_english_run_with_the_value_or_either_language_s_label(card):
    args = ["unlock-card", "-a", f"card={card}", "-a", "legal_details=no", "--no-input", "--no-save", "-f", "json"]
    result = cli(*args, env={"EPORTGUIDE_LANG": "en"})
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert shown["answers"][0] == {"key": "card", "question": "Which card is locked?", "value": "legal", "label": "Legal-person card"}


# --- one term per concept, buttons as the site shows them, English a native reader writes ----

GLOSSARY = read.read(FLOWS, language.ENGLISH).glossary


def test_the_pack_s_glossary_names_one_term_per_concept():
    assert GLOSSARY is not None
    terms = {term.source: term.term for term in GLOSSARY.terms}
    assert terms["电子口岸"] == "E-Port" and terms["法人卡"] == "legal-person card" and terms["法人 (the person)"] == "legal representative"
    assert terms["操作员卡"] == "operator card" and terms["申报"] == "apply"


def test_the_english_handbook_uses_the_glossary_s_terms_only():
    result = cli("handbook", "--format", "markdown", env={"EPORTGUIDE_LANG": "en"})
    assert result.exit_code == 0, result.output
    text = re.sub(r"\\(.)", r"\1", result.stdout)
    assert GLOSSARY is not None
    for term in GLOSSARY.terms:
        for variant in term.avoid:
            for found in re.findall(rf"(?<![\w-]){re.escape(variant)}(?![\w-])", text, flags=re.IGNORECASE):
                assert found in (term.term, term.term[:1].upper() + term.term[1:]), (found, term.term)
    assert text.count("E-Port") > 50  # the concept is there, in one spelling


@pytest.mark.parametrize(
    ("flow_id", "state_id", "shown"),
    [
        ("default-password", "change_password", '"确定 (OK)"'),
        ("unlock-card", "operator_online", '"解锁 (Unlock)"'),
        ("reissue-operator-card", "apply", '"补办 (Reissue)"'),
        ("reissue-operator-card", "apply", '"完成申报 (Application submitted)"'),
    ],
)
def test_a_button_is_named_as_the_site_shows_it_with_its_english(flow_id, state_id, shown):
    steps = [step.text for step in describe(ENGLISH_PACK, ENGLISH_PACK.flow(flow_id), state_id).steps]
    assert any(shown in step for step in steps)
    assert not any(re.search(r"click (OK|unlock|reissue)\b", step) for step in steps)


def test_the_e_mail_asks_for_the_registered_chinese_company_name():
    field = ENGLISH_PACK.shared.fields["enterprise"]
    assert field.prompt == "Registered Chinese company name"
    assert "in Chinese" in (field.help or "")


def test_the_dates_sentence_counts_from_the_start_day_without_contradicting_itself():
    finished = walk(ENGLISH_PACK, "unlock-card", {"card": "legal", "legal_details": "no"})
    assert isinstance(finished, Finished)
    text = render.to_string(build(ENGLISH_PACK, finished, TODAY), "text")
    assert "Counting from 2026-09-30 (Wed), E-Port processing should be done between 2026-10-08 (Thu) and 2026-10-09 (Fri)" in text
    assert "is the first day counted" not in text


def test_the_legal_representative_is_a_person_and_the_legal_person_card_a_card():
    result = describe(ENGLISH_PACK, ENGLISH_PACK.flow("reissue-legal-card"), "email")
    assert "Scan of the legal representative's ID card" in result.materials
    assert ENGLISH_PACK.flow("onboard").states["steps"].warnings == (
        "The legal representative and the operator cannot be the same person.",
    )
