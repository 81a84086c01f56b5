"""What a clerk prints, pastes or feeds to a script says what the source FAQ says.

One path of every procedure is run through the command line in text, Markdown and
JSON, and each output is held to the facts of ``../shared/source/eport-faq-shaanxi.txt``
for that procedure: the e-mail address and subject, the mailing address, the hotline,
the URLs and the completion dates — and to nothing the procedure does not mention.
"""

import json
import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

import pytest
from helpers import FLOWS, cli
from rich.cells import cell_len

TODAY = "2026-09-30"  # National Day 2026 follows: 1-2 working days end 10-08 and 10-09
EARLIEST, LATEST = "2026-10-08", "2026-10-09"

EMAIL = "kefu@xaeport.com"
HOTLINE = "95198 或 029-83196210"
ADDRESS = "西安市雁塔区朱雀大街397号老海关楼6楼（天街小厨旁求索文化楼）"
RECIPIENT, RECIPIENT_PHONE = "服务台", "83196210"
EPORT_URL = "https://e.chinaport.gov.cn/"
RASUC_URL = "http://web.chinaport.gov.cn/rasuc"
SHOP_URL = "http://th-mall.cn/"
ENTERPRISE = "西安秦川贸易有限公司"


@dataclass(frozen=True)
class Route:
    """One way through a procedure and the source's facts for it."""

    flow: str
    answers: tuple[str, ...]
    subject: str | None = None  # the filled-in e-mail subject, when there is an e-mail
    mailed: bool = False  # a card is mailed to the e-port
    hotline: bool = False
    urls: tuple[str, ...] = ()
    deadline: str | None = None  # what the 1-2 working days count from
    materials: tuple[str, ...] = field(default=())


PATHS = [
    Route(
        "unlock-card",
        ("card=legal", f"enterprise={ENTERPRISE}"),
        f"{ENTERPRISE}办理电子口岸的法人卡解锁业务",
        mailed=True,
        hotline=True,
        deadline="电子口岸收到申请邮件和法人卡之日",
        materials=("营业执照原件扫描件", "已锁定的法人卡"),
    ),
    Route(
        "reset-password",
        ("card=legal", f"enterprise={ENTERPRISE}"),
        f"{ENTERPRISE}办理电子口岸的法人卡密码重置业务",
        mailed=True,
        deadline="电子口岸收到申请邮件和法人卡之日",
        materials=("营业执照原件扫描件", "需要重置的法人卡"),
    ),
    Route("default-password", ("situation=certificate",)),
    Route(
        "extend-card",
        ("expired=yes", f"enterprise={ENTERPRISE}"),
        f"{ENTERPRISE}办理电子口岸法人卡延期业务",
        hotline=True,  # the tool's notes: no mailing step, no subject; the hotline can answer
        materials=("营业执照的原件扫描件",),
    ),
    Route(
        "reissue-legal-card",
        ("channel=email", f"enterprise={ENTERPRISE}"),
        f"{ENTERPRISE}办理电子口岸法人卡补办业务",
        hotline=True,  # the tool's note: 购卡订单凭证 with no purchase step
        materials=("营业执照原件扫描件", "购卡订单凭证", "法人身份证扫描件"),
    ),
    Route(
        "reissue-operator-card",
        (f"enterprise={ENTERPRISE}",),
        f"{ENTERPRISE}办理电子口岸的操作员卡补办业务",
        hotline=True,  # the tool's notes: a menu on no named site, IE8
        urls=(SHOP_URL, RASUC_URL),
        deadline="电子口岸收到申请邮件之日",
        materials=("操作员身份证正反面照片", "营业执照原件扫描件", "购卡订单凭证", "操作员身份证扫描件"),
    ),
    Route(
        "reissue-declarant-card",
        (f"enterprise={ENTERPRISE}",),
        f"{ENTERPRISE}办理电子口岸的报关员卡补办业务",
        hotline=True,
        urls=(SHOP_URL, RASUC_URL),
        deadline="电子口岸收到申请邮件之日",
        materials=("营业执照原件扫描件", "购卡订单凭证", "报关员身份证扫描件"),
    ),
    Route(
        "add-operator-card",
        (f"enterprise={ENTERPRISE}",),
        f"{ENTERPRISE}办理电子口岸的新增操作员卡业务",
        hotline=True,  # the tool's notes: a menu on no named site, IE8
        urls=(SHOP_URL, RASUC_URL),
        deadline="电子口岸收到申请邮件之日",
        materials=("营业执照原件扫描件", "购卡订单凭证", "操作员身份证扫描件"),
    ),
    # 入网指南 4 points to a mailing section the FAQ lacks: the flow points to the hotline instead.
    Route("onboard", (), hotline=True, deadline="企业在单一窗口提交备案申请之日", materials=("营业执照副本原件", "经办人身份证原件")),
    Route(
        "cancel-card",
        (f"enterprise={ENTERPRISE}",),
        f"{ENTERPRISE}办理电子口岸的操作员卡注销业务",
        hotline=True,  # the tool's note: the section covers operator cards only
        materials=("营业执照原件扫描件", "电子口岸卡持卡人身份证正反面"),
    ),
    Route(
        "deregister-enterprise",
        (f"enterprise={ENTERPRISE}",),
        f"{ENTERPRISE}办理电子口岸的企业注销业务",
        deadline="电子口岸收到申请邮件之日",
        materials=("营业执照原件扫描件", "海关注销回执"),
    ),
]


def run(path: Route, format: str, *extra: str) -> str:
    args = [path.flow, "--no-input", "--no-save", "--today", TODAY, "--format", format]
    for answer in path.answers:
        args += ["-a", answer]
    result = cli(*args, *extra)
    assert result.exit_code == 0, result.output
    return result.stdout


def present_and_absent(path: Route) -> tuple[list[str], list[str]]:
    """Facts the output must show, and facts of other procedures it must not."""
    facts = {
        EMAIL: path.subject is not None,
        ADDRESS: path.mailed,
        HOTLINE: path.hotline,
        EPORT_URL: False,  # only the operator-card unlock, not on these paths
        RASUC_URL: RASUC_URL in path.urls,
        SHOP_URL: SHOP_URL in path.urls,
        EARLIEST: path.deadline is not None,
        LATEST: path.deadline is not None,
    }
    wanted = [fact for fact, shown in facts.items() if shown] + list(path.materials)
    if path.subject:
        wanted.append(path.subject)
    if path.deadline:
        wanted.append(path.deadline)
    if path.mailed:
        wanted += [RECIPIENT, RECIPIENT_PHONE]
    return wanted, [fact for fact, shown in facts.items() if not shown]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.flow)
@pytest.mark.parametrize("format", ["text", "markdown"])
def test_the_checklist_shows_the_sources_facts_for_each_procedure_and_no_others(path, format):
    output = run(path, format)
    wanted, unwanted = present_and_absent(path)
    for fact in wanted:
        assert fact in output, f"{path.flow} ({format}) lacks {fact}"
    for fact in unwanted:
        assert fact not in output, f"{path.flow} ({format}) shows {fact}, which its source section does not"


@pytest.mark.parametrize("path", [p for p in PATHS if p.deadline], ids=lambda p: p.flow)
def test_the_text_says_what_the_dates_count_from_and_which_day_they_start(path):
    output = run(path, "text")
    deadline = output.split("【办理时限】\n", 1)[1].split("\n", 1)[0]
    # The source never says from which day: the start is shown as the tool's assumption.
    assert f"1-2个工作日，本工具假定自{path.deadline}起算（常见问题未说明从哪天起算）" in deadline
    assert "2026-09-30（周三）" in deadline and "为起算日" in deadline
    assert "2026-10-08（周四）" in deadline and "2026-10-09（周五）" in deadline


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.flow)
def test_json_carries_the_sources_contacts_dates_and_email_for_each_procedure(path):
    data = json.loads(run(path, "json"))
    assert data["schema_version"] == 1
    assert data["flow"]["id"] == path.flow and data["flow"]["title"]
    contacts = data["contacts"]
    assert [e["address"] for e in contacts["emails"]] == ([EMAIL] if path.subject else [])
    assert [p["number"] for p in contacts["phones"]] == ([HOTLINE] if path.hotline else [])
    expected_addresses = [{"label": "邮寄地址", "address": ADDRESS, "recipient": RECIPIENT, "phone": RECIPIENT_PHONE}]
    assert contacts["addresses"] == (expected_addresses if path.mailed else [])
    assert sorted(u["url"] for u in contacts["urls"]) == sorted(path.urls)
    assert data["materials"] == list(path.materials)
    if path.deadline:
        deadline = data["deadline"]
        assert (deadline["start"], deadline["earliest"], deadline["latest"]) == (TODAY, EARLIEST, LATEST)
        assert deadline["text"] == "1-2个工作日" and deadline["estimated"] is False
        assert deadline["counts_from"].startswith(path.deadline)
    else:
        assert data["deadline"] is None
    if path.subject:
        email = data["email"]
        assert (email["to"], email["subject"]) == (EMAIL, path.subject)
        assert email["attachments"] and all(a in data["materials"] for a in email["attachments"])
        assert email["body"].splitlines() == [f"{f['label']}：{f['value']}" for f in email["fields"]] + [
            "",
            "附件：" + "、".join(email["attachments"]),
        ]
    else:
        assert data["email"] is None
    if path.mailed:
        assert data["mailing"]["address"] == ADDRESS and data["mailing"]["recipient"] == RECIPIENT
    else:
        assert data["mailing"] is None


def test_json_lists_the_answers_given_in_the_order_asked():
    data = json.loads(run(PATHS[0], "json", "-a", "contact_phone=029-83196210"))
    answers = {a["key"]: a for a in data["answers"]}
    assert [a["key"] for a in data["answers"]][:3] == ["card", "legal_details", "enterprise"]
    assert answers["card"] == {"key": "card", "question": "哪张卡被锁住了？", "value": "legal", "label": "法人卡"}
    assert answers["contact_phone"]["value"] == "029-83196210"
    assert answers["card_number"]["value"] == ""  # left blank: XX in the e-mail


def test_json_of_the_operator_card_unlock_has_warnings_steps_and_the_eport_url():
    data = json.loads(
        cli("unlock-card", "-a", "card=operator", "-a", "legal_card_works=yes", "--no-input", "--no-save", "--format", "json").stdout
    )
    assert data["warnings"] == ["请尽量不要当天输入5次错误密码，否则将被锁定。"]
    assert [u["url"] for u in data["contacts"]["urls"]] == [EPORT_URL]
    assert data["steps"][0]["text"] == f"打开浏览器，用法人卡登录中国电子口岸（{EPORT_URL}）；"
    assert data["deadline"] is None and data["email"] is None


# --- text -------------------------------------------------------------------------


def block(output: str, heading: str) -> list[str]:
    return output.split(f"【{heading}】\n", 1)[1].split("\n\n", 1)[0].splitlines()


def test_text_aligns_chinese_field_values_by_display_width():
    output = run(PATHS[0], "text", "-a", "contact_name=张三", "-a", "contact_phone=13912345678")
    note, *rows = block(output, "申请邮件")
    assert note.startswith("本工具注：主题格式取自常见问题")  # the subject rule, said as the tool's, above the fields
    assert rows[0].endswith(EMAIL) and rows[4].endswith("张三 13912345678")
    columns = {cell_len(row.split("  ", 1)[0]) for row in rows}
    assert columns == {cell_len("办理业务的电子口岸卡号")}, rows  # every value starts in one column


def test_text_pads_labels_with_ideographic_spaces_so_they_align_in_wechat_too():
    rows = block(run(PATHS[0], "text"), "邮寄")
    assert rows[0] == "寄出\u3000\u3000\u3000  已锁定的法人卡"
    # the source gives this number without its area code; the tool adds it, and says so
    assert rows[3] == "收货人电话  83196210（即 029-83196210：区号由本工具据中国电子口岸客服热线的号码补注）"


def test_text_never_wraps_a_step_so_it_pastes_as_one_line():
    output = run(PATHS[0], "text")
    first = block(output, "办理步骤")[0]
    assert first.startswith("1. 发送申请邮件至：kefu@xaeport.com。") and first.endswith("附件为营业执照原件扫描件。")
    assert "\x1b" not in output and "╭" not in output  # no colour codes, no box drawing


def test_the_answers_name_each_question_by_its_short_label():
    rows = block(run(PATHS[0], "text"), "您的回答")
    assert rows[0] == "被锁的卡" + "\u3000" * 7 + "  法人卡"  # padded to 办理业务的电子口岸卡号
    assert rows[1] == "填写邮件内容" + "\u3000" * 5 + "  是"
    assert rows[-1] == "办理业务的电子口岸卡号  （未填）"


def test_a_whole_question_as_label_does_not_push_the_other_answers_aside(tmp_path):
    import shutil

    unlabelled = tmp_path / "flows"  # a pack whose questions have no short label
    shutil.copytree(FLOWS, unlabelled)
    for flow in unlabelled.glob("[!_]*.yaml"):
        flow.write_text(re.sub(r"\n\s+(ask_)?label: .*", "", flow.read_text(encoding="utf-8")), encoding="utf-8")
    args = ["--flows", str(unlabelled), "unlock-card", "-a", "card=legal", "-a", f"enterprise={ENTERPRISE}", "--no-input", "--no-save"]
    result = cli(*args, "--format", "text")
    assert result.exit_code == 0, result.output
    rows = block(result.stdout, "您的回答")
    assert rows[1] == "现在填写申请邮件的内容吗？（企业名称、联系人等，可跳过）  是"
    assert rows[0] == "哪张卡被锁住了？\u3000\u3000\u3000  法人卡"  # padded to the widest label that is not a whole question
    assert rows[-1] == "办理业务的电子口岸卡号  （未填）"


# --- markdown ---------------------------------------------------------------------


def test_markdown_is_a_task_list_of_steps_and_materials():
    output = run(PATHS[0], "markdown")
    assert output.startswith("# 电子口岸卡被锁，如何解锁\n")
    tasks = [line for line in output.splitlines() if line.startswith("- [ ] ")]
    assert tasks[0].startswith("- [ ] 1. 发送申请邮件至：kefu@xaeport.com。")
    assert tasks[1] == f"- [ ] 2. 将已锁定法人卡邮寄至：{ADDRESS}；收货人：服务台；收货人电话：83196210。"
    assert tasks[3:] == ["- [ ] 营业执照原件扫描件", "- [ ] 已锁定的法人卡"]


def test_markdown_keeps_typed_text_from_becoming_markup():
    output = run(PATHS[0], "markdown", "-a", "card_address=[点我](http://evil.example) <b>*粗*</b>")
    assert "[点我](http" not in output and "<b>" not in output
    assert r"\[点我\](http://evil.example) \<b\>\*粗\*\</b\>" in output


# --- html -------------------------------------------------------------------------


class TextOf(HTMLParser):
    """The text a browser shows, and the tags it would load or run."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.in_style = tag == "style"

    def handle_endtag(self, tag):
        self.in_style = False

    def handle_data(self, data):
        if not self.in_style:
            self.text.append(data)


def parse_html(page: str) -> TextOf:
    parser = TextOf()
    parser.feed(page)
    return parser


def style_of(page: str) -> str:
    return page.split("<style>", 1)[1].split("</style>", 1)[0]


def hrefs(page: str) -> list[str]:
    return [attrs["href"] or "" for tag, attrs in parse_html(page).tags if tag == "a" and "href" in attrs]


def is_offered_link(href: str, page: str) -> bool:
    """A link a page may hold: to a place in itself, to write or call the e-port, or one
    of the source's URLs. Nothing is loaded from elsewhere."""
    if href.startswith("#"):
        return f'id="{href[1:]}"' in page
    return href.startswith(("mailto:kefu@xaeport.com", "tel:")) or href in (EPORT_URL, RASUC_URL, SHOP_URL)


def test_a_script_tag_typed_as_the_enterprise_name_is_shown_as_text_not_run():
    name = '<script>alert("x")</script>&公司'
    page = cli("unlock-card", "-a", "card=legal", "-a", f"enterprise={name}", "--no-input", "--no-save", "--format", "html").stdout
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;公司" in page
    shown = "".join(parse_html(page).text)
    assert f"{name}办理电子口岸的法人卡解锁业务" in shown  # escaped, not dropped (…公司: no 企业 added)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.flow)
def test_the_html_checklist_is_self_contained_and_shows_the_sources_facts(path):
    page = run(path, "html")
    tags = parse_html(page).tags
    assert not [tag for tag, _ in tags if tag in ("script", "link", "img", "iframe", "object", "embed")]
    assert not [attrs for _, attrs in tags if "src" in attrs]
    assert not [href for href in hrefs(page) if not is_offered_link(href, page)]
    assert "url(" not in style_of(page) and "@import" not in style_of(page)
    shown = "".join(parse_html(page).text)
    wanted, unwanted = present_and_absent(path)
    assert all(fact in shown for fact in wanted)
    assert not any(fact in shown for fact in unwanted)


def test_every_step_and_material_in_html_has_a_checkbox():
    page = run(PATHS[0], "html")
    checkboxes = [attrs for tag, attrs in parse_html(page).tags if tag == "input"]
    assert len(checkboxes) == 3 + 2  # three steps, two materials
    assert all(attrs == {"type": "checkbox"} for attrs in checkboxes)


def test_the_html_prints_on_a4_without_splitting_an_item_across_pages():
    css = re.sub(r"\s+", " ", style_of(run(PATHS[0], "html")))
    page_rule = re.search(r"@page \{([^}]*)\}", css)
    assert page_rule and "size: A4" in page_rule.group(1)
    item_rule = re.search(r"(?:^|\}) ?([^{}]*\bli\b[^{}]*)\{([^}]*)\}", css.replace("li label", "li-label"))
    assert item_rule and "break-inside: avoid" in item_rule.group(2)
    assert re.search(r"\btr\b", item_rule.group(1))  # table rows (e-mail, mailing) too


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.flow)
def test_show_prints_every_branch_as_self_contained_html(path):
    result = cli("show", path.flow, "--format", "html")
    assert result.exit_code == 0, result.output
    tags = parse_html(result.stdout).tags
    assert not [tag for tag, _ in tags if tag in ("script", "link", "img")]
    assert not [attrs for _, attrs in tags if "src" in attrs]
    assert not [href for href in hrefs(result.stdout) if not is_offered_link(href, result.stdout)]
    assert re.search(r"@page \{\s*size: A4;", result.stdout)


def test_show_as_html_and_markdown_has_every_outcome_of_a_branching_procedure():
    for format in ("html", "markdown"):
        output = cli("show", "unlock-card", "--format", format).stdout
        output = "".join(parse_html(output).text) if format == "html" else output
        assert "法人卡解锁：发送申请邮件，邮寄法人卡" in output
        assert "操作员卡解锁：用法人卡在线解锁" in output
        assert ADDRESS in output and EPORT_URL in output and HOTLINE in output


BOTH_LOCKED = ["-a", "card=operator", "-a", "legal_card_works=no", "-a", "legal_card_problem=locked"]
LEGAL_PART = "法人卡解锁：发送申请邮件，邮寄法人卡"
OPERATOR_PART = "操作员卡解锁：用法人卡在线解锁"


@pytest.mark.parametrize(
    ("fmt", "legal_heading", "operator_heading", "step_four"),
    [
        ("text", f"〔{LEGAL_PART}〕", f"〔{OPERATOR_PART}〕", "4. 打开浏览器"),
        ("markdown", f"### {LEGAL_PART}", f"### {OPERATOR_PART}", "- [ ] 4. 打开浏览器"),
        ("html", f"<h3>{LEGAL_PART}</h3>", f"<h3>{OPERATOR_PART}</h3>", "打开浏览器"),
    ],
)
def test_when_both_cards_are_locked_each_part_is_headed_once_and_steps_number_on(fmt, legal_heading, operator_heading, step_four):
    out = cli("unlock-card", *BOTH_LOCKED, "--no-input", "--no-save", "--today", TODAY, "--format", fmt).stdout
    assert out.count(legal_heading) == 1 and out.count(operator_heading) == 1
    first_legal_step = out.index("发送申请邮件至：")
    first_operator_step = out.index(step_four)
    assert out.index(legal_heading) < first_legal_step < out.index(operator_heading) < first_operator_step


# --- html: structure, links, paper (issue 11) -----------------------------------------


def test_the_html_checklist_has_a_main_landmark_and_its_step_lists_hold_steps_only():
    page = cli("unlock-card", *BOTH_LOCKED, "--no-input", "--no-save", "--today", TODAY, "--format", "html").stdout
    assert page.count("<main>") == 1 and page.index("</header>") < page.index("<main>")
    steps = page.split('<section class="part part-steps">', 1)[1].split("</section>", 1)[0]
    assert steps.count("<li>") == 7  # seven steps, announced as seven: the part headings are not items
    assert re.findall(r"<h3>([^<]+)</h3>", steps) == [LEGAL_PART, OPERATOR_PART]
    assert '<ol class="checklist" start="4">' in steps  # the second part numbers on


def test_the_page_title_names_the_outcome_and_the_enterprise():
    titles = re.findall(r"<title>([^<]*)</title>", run(PATHS[0], "html"))
    assert titles == [f"法人卡解锁：发送申请邮件，邮寄法人卡（{ENTERPRISE}） — 电子口岸卡被锁，如何解锁"]
    operator = ["-a", "card=operator", "-a", "legal_card_works=yes"]
    without = cli("unlock-card", *operator, "--no-input", "--format", "html")
    assert "<title>操作员卡解锁：用法人卡在线解锁 — 电子口岸卡被锁，如何解锁</title>" in without.stdout


def test_a_blank_email_field_leaves_a_line_to_write_on_when_printed():
    page = run(PATHS[0], "html")
    assert '<tr><th>寄卡快递单号</th><td><span class="blank">XX</span></td></tr>' in page
    assert "<tr><th>在办业务名称</th><td>法人卡解锁</td></tr>" in page  # a filled-in value is not blank
    printed = re.sub(r"\s+", " ", style_of(page)).split("@media print {", 1)[1]
    blank = re.search(r"\.blank \{([^}]*)\}", printed)
    assert blank and "min-width: 60mm" in blank.group(1) and "border-bottom: 1px solid" in blank.group(1)


def test_on_screen_the_email_opens_filled_in_and_the_hotline_dials():
    page = run(PATHS[0], "html")
    mailto = re.search(r'<tr><th>收件人</th><td><a class="code" href="([^"]+)">kefu@xaeport.com</a>', page)
    assert mailto and unescape(mailto.group(1)).startswith("mailto:kefu@xaeport.com?subject=%E8%A5%BF%E5%AE%89")  # 西安…
    assert '<a class="code" href="tel:029-83196210">029-83196210</a>' in page
    assert '<a class="code" href="tel:83196210">' not in page  # not dialable from outside Xi'an without the area code


def test_the_mailing_phone_shows_its_area_code_marked_as_the_tools_addition():
    shown = "".join(parse_html(run(PATHS[0], "html")).text)
    assert "收货人电话83196210（即 029-83196210：区号由本工具据中国电子口岸客服热线的号码补注）" in shown


def test_the_email_and_mailing_parts_are_kept_whole_on_paper():
    page = run(PATHS[0], "html")
    assert '<section class="part part-email keep">' in page and '<section class="part part-mailing keep">' in page
    css = re.sub(r"\s+", " ", style_of(page))
    assert re.search(r"li, tr, \.keep \{ break-inside: avoid;", css)


def test_at_phone_width_the_text_keeps_a_margin():
    css = re.sub(r"\s+", " ", style_of(run(PATHS[0], "html")))
    body = re.search(r"body \{[^}]*padding: 8mm 16px;", css)
    narrow = re.search(r"@media \(max-width: 480px\) \{ body \{[^}]*padding: 5mm 12px;", css)
    assert body and narrow


def test_a_url_or_address_typed_as_an_answer_is_shown_as_typed_not_made_a_link():
    typed = ["-a", "card_address=http://example.org/x", "-a", "contact_name=a@example.org"]
    page = run(PATHS[0], "html", *typed)
    assert "example.org" in "".join(parse_html(page).text)
    drafted = "mailto:kefu@xaeport.com?"  # the filled-in e-mail carries them, as typed
    assert not [href for href in hrefs(page) if "example.org" in href and not href.startswith(drafted)]


# --- the format from -o's file name, and plain text in a pipe (issue 10, items 1-2) ---------


@pytest.mark.parametrize(
    ("name", "starts"),
    [
        ("清单.html", "<!DOCTYPE html>"),
        ("c.HTM", "<!DOCTYPE html>"),
        ("c.md", "# 电子口岸卡被锁"),
        ("c.txt", "电子口岸卡被锁"),
        ("c.json", "{"),
    ],
)
def test_o_picks_the_format_from_the_file_name(tmp_path, name, starts):
    target = tmp_path / name
    result = cli("unlock-card", "-a", "card=legal", "--no-input", "--no-save", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith(starts)
    assert f"已写入 {target}" in result.stderr


def test_format_given_wins_over_the_file_name(tmp_path):
    target = tmp_path / "c.html"
    result = cli("unlock-card", "-a", "card=legal", "--no-input", "--no-save", "-o", str(target), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text(encoding="utf-8"))["flow"]["id"] == "unlock-card"


def test_a_file_name_of_no_known_format_gets_plain_text(tmp_path):
    target = tmp_path / "checklist.note"
    result = cli("unlock-card", "-a", "card=legal", "--no-input", "--no-save", "-o", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("电子口岸卡被锁，如何解锁\n") and "【办理步骤】" in text


def test_piped_a_run_prints_plain_text_without_box_drawing():
    result = cli("unlock-card", "-a", "card=legal", "--no-input", "--no-save")
    assert result.exit_code == 0, result.output
    assert "【办理步骤】" in result.stdout and "朱雀大街397号" in result.stdout
    assert not set("╭╮╰╯│─+|") & set(result.stdout.splitlines()[0])
    assert "╭" not in result.stdout and "│" not in result.stdout


def test_when_both_cards_are_locked_the_outcome_is_titled_for_both_cards():
    args = ["unlock-card", *BOTH_LOCKED, "--no-input", "--no-save", "--today", TODAY, "--format", "text"]
    lines = cli(*args).stdout.splitlines()
    assert lines[1] == "法人卡和操作员卡解锁：先寄法人卡解锁，再用法人卡在线解锁操作员卡"
    assert "〔操作员卡解锁：用法人卡在线解锁〕" in lines  # its own steps keep the 操作员卡 heading


def test_the_printable_page_never_breaks_a_date_at_its_hyphens():
    page = cli("unlock-card", "-a", "card=legal", "--no-input", "--no-save", "--today", "2026-11-27", "-f", "html").stdout
    assert '<span class="code">2026-11-30（周一）</span>' in page
    assert ".code { white-space: nowrap; }" in page
