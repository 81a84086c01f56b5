"""``eportguide handbook``: every procedure in one self-contained document to click
through in any browser (no JavaScript), print on A4, e-mail, or read as Markdown."""

import re
from datetime import date

import pytest
from helpers import FLOWS, cli
from pages import markdown_dangling, markdown_shown, read_html

from eportguide.model.loader import load_pack
from eportguide.render import procedure

PACK = load_pack(FLOWS)
HOTLINE = "95198 或 029-83196210"


def handbook(*args: str) -> str:
    result = cli("handbook", *args)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def html() -> str:
    return handbook()


@pytest.fixture(scope="module")
def markdown() -> str:
    return handbook("--format", "markdown")


def test_the_contents_list_every_procedure_by_category_linking_to_it(html):
    page = read_html(html)
    contents = html.split('<nav class="contents">', 1)[1].split("</nav>", 1)[0]
    linked = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', contents)
    assert linked[:-1] == [(procedure.anchor(f.id), f.title) for f in PACK.flows.values()]
    assert linked[-1] == ("contacts", "联系方式")
    categories = [text for tag, text in page.headings if tag == "h3" and text in {f.category for f in PACK.flows.values()}]
    assert categories == list(dict.fromkeys(f.category for f in PACK.flows.values()))
    assert [text for tag, text in page.headings if tag == "h2"] == ["目录", "联系方式", *(f.title for f in PACK.flows.values())]


def test_the_title_block_gives_the_source_the_pack_and_the_date(html):
    header = read_html(html.split("<main>", 1)[0]).shown
    assert "电子口岸IC卡业务办理手册" in header
    assert "全部 11 个办理流程" in header
    assert "依据：电子口岸常见问题" in header
    assert re.search(r"流程：eportguide \S+ 自带的流程", header)
    assert f"生成日期：{date.today().isoformat()}" in header


def test_every_link_resolves_and_nothing_is_loaded_or_run(html):
    page = read_html(html)
    assert page.dangling == []
    assert not [tag for tag, _ in page.tags if tag in ("script", "link", "img", "iframe", "object", "embed")]
    assert not [attrs for _, attrs in page.tags if "src" in attrs or any(k.startswith("on") for k in attrs)]
    assert all(h.startswith(("#", "mailto:", "tel:", "http://", "https://")) for h in page.hrefs)
    answers = sum(len(node.answers) for flow in PACK.flows.values() for node in procedure.build(PACK, flow).nodes)
    assert sum(h.startswith("#") for h in page.hrefs) >= len(PACK.flows) + answers  # contents, and every answer
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "url(" not in style and "@import" not in style


def test_it_prints_on_a4_each_procedure_from_a_new_page(html):
    style = re.sub(r"\s+", " ", html.split("<style>", 1)[1].split("</style>", 1)[0])
    assert re.search(r"@page \{ size: A4;", style)
    printed = style.split("@media print {", 1)[1]
    assert re.search(r"\.procedure \{ break-before: page;", printed)
    assert re.search(r"a \{ color: inherit; text-decoration: none; \}", printed)  # links print as text
    assert html.count('<section class="procedure"') == len(PACK.flows)


def test_each_question_and_plan_of_every_procedure_is_in_it_once(html, markdown):
    text, md = read_html(html).shown, markdown_shown(markdown)
    for flow in PACK.flows.values():
        guide = procedure.build(PACK, flow)
        for node in guide.nodes:
            heading = f"{node.stop.name}　{node.prompt}"
            assert heading in text and heading in md, heading
        for plan in guide.plans:
            assert plan.stop.heading in text and plan.stop.heading in md, plan.stop.heading
            anchor = procedure.anchor(flow.id, plan.stop.key)
            assert html.count(f'id="{anchor}"') == 1


def test_the_shared_contacts_are_listed_once(html, markdown):
    assert html.count("<th>中国电子口岸客服热线</th>") == 1
    assert html.count("<th>邮寄地址</th>") == 1
    assert markdown.count("**中国电子口岸客服热线**") == 1
    # a plan points to them rather than repeating them
    assert "见本手册“联系方式”：客服邮箱、邮寄地址、中国电子口岸客服热线" in read_html(html).shown


def test_a_procedure_a_step_names_is_a_link_to_it(html):
    plan_d = html.split('id="flow-unlock-card.plan-d"', 1)[1].split("</section>\n</section>", 1)[0]  # C: both locked
    assert '见<a href="#flow-extend-card">《法人卡证书延期》</a>' in plan_d
    assert '<a href="#flow-reset-password">《电子口岸卡密码忘记，如何重置》</a>' in plan_d


def test_contacts_are_links_on_screen(html):
    assert '<a class="code" href="mailto:kefu@xaeport.com">kefu@xaeport.com</a>' in html
    assert '<a class="code" href="tel:95198">95198</a> 或 <a class="code" href="tel:029-83196210">029-83196210</a>' in html
    assert '<a class="code" href="https://e.chinaport.gov.cn/">https://e.chinaport.gov.cn/</a>' in html


def test_the_markdown_handbook_has_the_same_procedures_and_links_that_resolve(markdown):
    assert markdown_dangling(markdown) == []
    shown = markdown_shown(markdown)
    assert all(f"## {flow.title}" in shown for flow in PACK.flows.values())
    assert HOTLINE in shown and "kefu@xaeport.com" in shown
    assert "eportguide " not in shown.replace("流程：eportguide ", "")


def test_output_to_a_file_says_where(tmp_path):
    target = tmp_path / "手册.html"
    result = cli("handbook", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert f"已写入 {target}" in result.stderr
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_format_the_handbook_has_not_is_a_usage_error():
    result = cli("handbook", "--format", "json")
    assert result.exit_code == 2
    assert "markdown|html" in result.output


def test_an_unwritable_output_is_a_usage_error(tmp_path):
    result = cli("handbook", "-o", str(tmp_path / "missing" / "手册.html"))
    assert result.exit_code == 2
    assert "无法写入" in result.stderr
