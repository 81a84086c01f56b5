"""The ``.eml`` draft a clerk opens in a mail client: the source's e-mail, filled in.

Each test writes the draft through the command line and reads it back with the
standard library's parser, as a mail client would.
"""

import re
from email import policy
from email.parser import BytesParser
from urllib.parse import parse_qs, urlsplit

import pytest
from helpers import cli

from eportguide.engine.result import build
from eportguide.engine.walker import walk
from eportguide.model import files
from eportguide.packs import active
from eportguide.render import outline

EMAIL = "kefu@xaeport.com"
ENTERPRISE = "西安秦川贸易有限公司"
DETAILS = {
    "enterprise": ENTERPRISE,
    "card_address": "西安市未央区凤城八路100号",
    "contact_name": "张三",
    "contact_phone": "13912345678",
    "tracking_number": "SF1234567890",
    "card_number": "8100000012345",
}


def draft(tmp_path, flow: str, *answers: str, **details: str):
    """Run ``flow`` with ``--email-draft``; the parsed message and the file's bytes."""
    target = tmp_path / "申请邮件.eml"
    args = [flow, "--no-input", "--no-save", "--format", "json", "--email-draft", str(target)]
    for answer in (*answers, *(f"{k}={v}" for k, v in details.items())):
        args += ["-a", answer]
    result = cli(*args)
    assert result.exit_code == 0, result.output
    raw = target.read_bytes()
    return BytesParser(policy=policy.default).parsebytes(raw), raw


def body_fields(message) -> dict[str, str]:
    lines = message.get_content().splitlines()
    return dict(line.split("：", 1) for line in lines if line)


def test_the_unlock_draft_is_addressed_to_the_service_mailbox_with_the_filled_in_subject(tmp_path):
    message, _ = draft(tmp_path, "unlock-card", "card=legal", **DETAILS)
    assert message["To"] == EMAIL
    assert message["Subject"] == f"{ENTERPRISE}办理电子口岸的法人卡解锁业务"
    assert message["X-Unsent"] == "1"  # Outlook opens it as a draft, ready to send


def test_the_draft_is_dated_when_it_was_written(tmp_path):
    from datetime import datetime, timedelta

    message, _ = draft(tmp_path, "unlock-card", "card=legal", **DETAILS)
    written = message["Date"].datetime
    assert written.tzinfo is not None  # with its offset, so clients show the local time
    assert abs(datetime.now(written.tzinfo) - written) < timedelta(minutes=5)
    assert message["X-Unsent"] == "1"


def test_the_unlock_draft_body_has_each_field_the_source_lists_filled_in(tmp_path):
    message, _ = draft(tmp_path, "unlock-card", "card=legal", **DETAILS)
    assert body_fields(message) == {
        "在办业务名称": "法人卡解锁",
        "公司收卡地址": "西安市未央区凤城八路100号",
        "联系人姓名电话": "张三 13912345678",
        "寄卡快递单号": "SF1234567890",
        "办理业务的电子口岸卡号": "8100000012345",
        "附件": "营业执照原件扫描件",
    }


def test_details_left_blank_stay_xx_in_the_draft_as_in_the_source(tmp_path):
    message, _ = draft(tmp_path, "unlock-card", "card=legal", contact_phone="029-83196210")
    assert message["Subject"] == "XX企业办理电子口岸的法人卡解锁业务"
    fields = body_fields(message)
    assert fields["公司收卡地址"] == "XX" and fields["寄卡快递单号"] == "XX" and fields["办理业务的电子口岸卡号"] == "XX"
    assert fields["联系人姓名电话"] == "XX 029-83196210"


def test_chinese_survives_as_an_encoded_subject_and_a_utf8_body_in_a_7bit_file(tmp_path):
    message, raw = draft(tmp_path, "unlock-card", "card=legal", **DETAILS)
    raw.decode("ascii")  # nothing a mail hop could mangle
    assert b"Subject: =?utf-8?" in raw
    assert message.get_content_type() == "text/plain" and message.get_content_charset() == "utf-8"
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")  # RFC 5322 line ends


@pytest.mark.parametrize(
    ("flow", "answers", "subject", "fields", "attachments"),
    [
        (
            "reset-password",
            ["card=legal"],
            "办理电子口岸的法人卡密码重置业务",
            ["在办业务名称", "公司收卡地址", "联系人姓名电话", "寄卡快递单号", "办理业务的电子口岸卡号"],
            "营业执照原件扫描件",
        ),
        (
            "extend-card",
            ["expired=yes"],
            "办理电子口岸法人卡延期业务",
            ["邮件内容", "公司收卡地址", "联络人联系方式", "寄快递单号", "办理业务的电子口岸卡号"],
            "营业执照的原件扫描件",
        ),
        (
            "reissue-legal-card",
            ["channel=email"],
            "办理电子口岸法人卡补办业务",
            ["公司收卡地址", "联系人姓名电话"],
            "营业执照原件扫描件、购卡订单凭证、法人身份证扫描件",
        ),
        (
            "reissue-operator-card",
            [],
            "办理电子口岸的操作员卡补办业务",
            ["在办业务名称", "公司收卡地址", "联系人姓名电话"],
            "营业执照原件扫描件、购卡订单凭证、操作员身份证扫描件",
        ),
        (
            "reissue-declarant-card",
            [],
            "办理电子口岸的报关员卡补办业务",
            ["在办业务名称", "公司收卡地址", "联系人姓名电话"],
            "营业执照原件扫描件、购卡订单凭证、报关员身份证扫描件",
        ),
        (
            "add-operator-card",
            [],
            "办理电子口岸的新增操作员卡业务",
            ["在办业务名称", "公司收卡地址", "联系人姓名电话"],
            "营业执照原件扫描件、购卡订单凭证、操作员身份证扫描件",
        ),
        ("cancel-card", [], "办理电子口岸的操作员卡注销业务", ["在办业务名称"], "营业执照原件扫描件、电子口岸卡持卡人身份证正反面"),
        ("deregister-enterprise", [], "办理电子口岸的企业注销业务", ["在办业务名称"], "营业执照原件扫描件、海关注销回执"),
    ],
)
def test_every_procedures_draft_has_exactly_the_fields_and_attachments_its_source_lists(
    tmp_path, flow, answers, subject, fields, attachments
):
    message, _ = draft(tmp_path, flow, *answers, enterprise=ENTERPRISE)
    assert message["To"] == EMAIL
    assert message["Subject"] == ENTERPRISE + subject  # …有限公司办理…: no 企业 after a name that says 公司
    body = body_fields(message)
    assert list(body) == [*fields, "附件"]
    assert body["附件"] == attachments


def test_a_path_without_an_email_says_so_and_exits_2_after_printing_the_checklist(tmp_path):
    target = tmp_path / "draft.eml"
    result = cli(
        "unlock-card",
        "-a",
        "card=operator",
        "-a",
        "legal_card_works=yes",
        "--no-input",
        "--no-save",
        "--format",
        "text",
        "--email-draft",
        str(target),
    )
    assert result.exit_code == 2
    assert "操作员卡解锁：用法人卡在线解锁" in result.stderr and "不需要发送申请邮件" in result.stderr
    assert str(target) in result.stderr
    assert not target.exists()
    assert "https://e.chinaport.gov.cn/" in result.stdout  # the clerk still gets the steps


def test_both_cards_locked_drafts_the_legal_card_email_that_comes_first(tmp_path):
    message, _ = draft(
        tmp_path, "unlock-card", "card=operator", "legal_card_works=no", "legal_card_problem=locked", f"legal_first.enterprise={ENTERPRISE}"
    )
    assert message["Subject"] == f"{ENTERPRISE}办理电子口岸的法人卡解锁业务"


def test_an_unwritable_draft_path_exits_2_naming_it(tmp_path):
    target = tmp_path / "no-such-dir" / "draft.eml"
    result = cli("unlock-card", "-a", "card=legal", "--no-input", "--no-save", "--email-draft", str(target))
    assert result.exit_code == 2
    assert "draft.eml" in result.stderr


def test_the_mailto_link_carries_the_same_subject_and_body_with_crlf_line_breaks():
    pack = active.load(files.shipped_pack_dir())
    answers = {"card": "legal", "legal_details": "yes", **{k: DETAILS.get(k, "") for k in DETAILS}}
    result = build(pack, walk(pack, "unlock-card", answers))
    link = urlsplit(outline.mailto(result))
    query = parse_qs(link.query)
    assert (link.scheme, link.path) == ("mailto", EMAIL)
    assert query["subject"] == [f"{ENTERPRISE}办理电子口岸的法人卡解锁业务"]
    assert query["body"][0].split("\r\n")[:2] == ["在办业务名称：法人卡解锁", "公司收卡地址：西安市未央区凤城八路100号"]


# --- the clerk's files in the draft (issue 10, item 17) ----------------------------------


def attach(tmp_path, flow: str, answers: list[str], *files, extra: list[str] | None = None):
    """Run ``flow`` with ``--email-draft`` and ``--attach`` for each file; (result, message, raw)."""
    target = tmp_path / "申请邮件.eml"
    args = [flow, "--no-input", "--no-save", "--format", "text", "--email-draft", str(target), *(extra or [])]
    for answer in answers:
        args += ["-a", answer]
    for file in files:
        args += ["--attach", str(file)]
    result = cli(*args)
    if not target.exists():
        return result, None, b""
    raw = target.read_bytes()
    return result, BytesParser(policy=policy.default).parsebytes(raw), raw


def test_attach_puts_the_files_into_the_draft_with_their_chinese_names_and_bytes(tmp_path):
    licence = tmp_path / "营业执照扫描件.pdf"
    licence.write_bytes(b"%PDF-1.4 \x00\xff licence scan")
    card = tmp_path / "身份证 正反面.jpg"
    card.write_bytes(b"\xff\xd8\xff\xe0 id card")
    result, message, raw = attach(tmp_path, "cancel-card", [f"enterprise={ENTERPRISE}"], licence, card)
    assert result.exit_code == 0, result.output
    assert message.get_content_type() == "multipart/mixed"
    assert message["Subject"] == f"{ENTERPRISE}办理电子口岸的操作员卡注销业务" and message["X-Unsent"] == "1"
    assert "在办业务名称：操作员卡注销" in message.get_body(("plain",)).get_content()
    parts = [(part.get_filename(), part.get_content_type(), part.get_content()) for part in message.iter_attachments()]
    assert parts == [
        ("营业执照扫描件.pdf", "application/pdf", licence.read_bytes()),
        ("身份证 正反面.jpg", "image/jpeg", card.read_bytes()),
    ]
    # RFC 2231 (with continuations for a long name), as mail clients read Chinese names
    assert re.search(rb"filename\*(0\*)?=utf-8''%E8%90%A5%E4%B8%9A", raw)


def test_a_file_of_no_known_type_goes_in_as_plain_bytes_a_mail_client_offers_to_save(tmp_path):
    scan = tmp_path / "报关单回执.ofd"  # a Chinese e-document format the standard library does not know
    scan.write_bytes(b"\x00\x01 ofd")
    result, message, _ = attach(tmp_path, "cancel-card", [], scan)
    assert result.exit_code == 0, result.output
    (part,) = message.iter_attachments()
    assert (part.get_filename(), part.get_content_type(), part.get_content()) == (
        "报关单回执.ofd",
        "application/octet-stream",
        scan.read_bytes(),
    )


def test_the_checklist_says_which_attachments_are_in_the_draft_and_which_are_still_to_add(tmp_path):
    licence = tmp_path / "营业执照.pdf"
    licence.write_bytes(b"scan")
    result, message, _ = attach(tmp_path, "cancel-card", [], licence)
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if line.startswith("附件"))
    assert "营业执照原件扫描件（已放入草稿：营业执照.pdf）" in row
    assert "电子口岸卡持卡人身份证正反面（待添加）" in row
    assert [part.get_filename() for part in message.iter_attachments()] == ["营业执照.pdf"]


def test_a_draft_without_attach_says_every_attachment_is_still_to_add(tmp_path):
    result, message, _ = attach(tmp_path, "cancel-card", [])
    assert result.exit_code == 0, result.output
    assert "营业执照原件扫描件（待添加）；电子口岸卡持卡人身份证正反面（待添加）" in result.stdout
    assert list(message.iter_attachments()) == []


@pytest.mark.parametrize("name", ["不存在的文件.pdf", "a-folder"])
def test_an_attachment_that_cannot_be_read_is_exit_2_before_any_question(tmp_path, name):
    (tmp_path / "a-folder").mkdir()
    result, message, _ = attach(tmp_path, "cancel-card", [], tmp_path / name)
    assert result.exit_code == 2
    assert name in result.stderr and message is None


def test_attach_without_a_draft_is_a_usage_error(tmp_path):
    licence = tmp_path / "营业执照.pdf"
    licence.write_bytes(b"scan")
    result = cli("cancel-card", "--no-input", "--no-save", "--attach", str(licence))
    assert result.exit_code == 2 and "--email-draft" in result.stderr


def test_an_attachment_above_10_mb_is_attached_with_a_warning(tmp_path):
    big = tmp_path / "scan.tif"
    big.write_bytes(b"\x00" * (10 * 1024 * 1024 + 1))
    result, message, _ = attach(tmp_path, "cancel-card", [], big)
    assert result.exit_code == 0, result.output
    assert "超过 10 MB" in result.stderr and "scan.tif" in result.stderr
    assert [len(part.get_content()) for part in message.iter_attachments()] == [10 * 1024 * 1024 + 1]
