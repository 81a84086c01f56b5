"""HTML: one self-contained page to print on A4 or tick off in a browser.

No scripts, no external stylesheets, fonts or images: the file works offline, from an
e-mail attachment or a USB stick. Every text is escaped, since answers are typed by
users. Items never split across pages (``break-inside: avoid``). On screen, e-mail
addresses, phone numbers and URLs are links and a guide's answers lead to the next
question or plan; printed, links are plain text. Class names and ids are the
program's own (``part-steps``, ``flow-unlock-card.q1``), never a name from a flow file
as it stands.
"""

import re
from collections.abc import Iterable, Mapping
from functools import cache
from html import escape

from eportguide.engine.result import Result
from eportguide.i18n import language
from eportguide.i18n import wording as w
from eportguide.model import definitions as d
from eportguide.model import templates
from eportguide.render import handbook as handbooks
from eportguide.render import outline as outlines
from eportguide.render import procedure as procedures
from eportguide.render.outline import Item, Outline, Section, entries

#: The page's ``lang`` in each language spoken; in another than Chinese, what stays
#: Chinese (the e-mail, an address, a name on the e-port's website) is marked as such.
LANGUAGE_TAGS = {language.CHINESE: "zh-CN", language.ENGLISH: "en"}
CHINESE_TAG = LANGUAGE_TAGS[language.CHINESE]

STYLE = """
@page {
  size: A4; margin: 16mm 15mm 18mm;
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #555; }
}
* { box-sizing: border-box; }
body {
  font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
    "WenQuanYi Micro Hei", SimSun, sans-serif;
  font-size: 11pt; line-height: 1.6; color: #000; background: #fff;
  max-width: 180mm; margin: 0 auto; padding: 8mm 16px;
  hyphens: manual; overflow-wrap: break-word;
}
h1 { font-size: 16pt; margin: 0 0 2mm; line-height: 1.3; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; padding-bottom: 1mm; border-bottom: 1px solid #999; }
h3 { font-size: 11.5pt; margin: 4mm 0 1mm; }
h4 { font-size: 11pt; margin: 3mm 0 1mm; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
.subtitle { font-weight: bold; margin: 0 0 1mm; }
.source, .hint, .note { color: #555; font-size: 9.5pt; margin: 0; }
.part-warnings > :is(h2, h3, h4) { color: #a00; }
ol, ul { list-style: none; margin: 0; padding: 0; }
li, tr, .keep { break-inside: avoid; page-break-inside: avoid; }
li { margin: 0 0 1.5mm; }
li label { display: flex; gap: 2mm; align-items: baseline; }
input[type="checkbox"] { width: 4mm; height: 4mm; margin: 0; flex: none; position: relative; top: 0.6mm; }
.number { flex: none; min-width: 6mm; text-align: right; }
ul.bullets li::before, ul.answers li::before { content: "・"; }
ul.bullets li, ul.answers li { padding-left: 1em; text-indent: -1em; }  /* wrapped lines align after the dot */
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 1mm 2mm 1mm 0; overflow-wrap: anywhere; }
th { white-space: nowrap; width: 1%; }
.part-answers th { white-space: normal; width: 45%; }  /* questions are whole sentences */
a { color: #0645ad; }
.code { white-space: nowrap; }  /* an e-mail address, URL, number or date never breaks inside */
.ids { font-family: ui-monospace, Consolas, monospace; font-size: 9pt; color: #555; }
.id { white-space: nowrap; }
.stop { margin: 0 0 4mm; }
.help { margin: 0 0 1mm; color: #333; }
.answers li { margin: 0 0 1mm; }
.answers .label { font-weight: bold; }
.plan { margin-top: 8mm; }
.plan + .plan { break-inside: avoid; page-break-inside: avoid; }  /* a later plan whole, where it fits a page */
.plan > .part-contacts { break-before: avoid; page-break-before: avoid; }  /* no page for it alone */
.plan > h2, .plan > h3 { background: #eef3f8; border-bottom: 2px solid #456; padding: 1mm 2mm; }
.contents ul { margin: 0 0 2mm 4mm; }
.contents h3 { margin: 3mm 0 1mm; }
.procedure > h2 { font-size: 15pt; border-bottom: 2px solid #000; }
.category { color: #555; margin: 0; }
@media (max-width: 480px) {
  body { font-size: 10.5pt; padding: 5mm 12px; }
  th { white-space: normal; width: 30%; }
}
@media print {
  body { padding: 0; max-width: none; }
  .hint { display: none; }
  a { color: inherit; text-decoration: none; }
  .procedure { break-before: page; page-break-before: always; }
  .blank { display: inline-block; min-width: 60mm; border-bottom: 1px solid #000; color: #888; }
}
"""

#: What a screen may offer as links: a URL, an e-mail address; in a phone number's
#: text, the numbers one can dial from anywhere (with an area code, a mobile, 95xxx).
URL = r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+[A-Za-z0-9\-_~/#=&%]"
EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
PHONE = r"(?<![\d-])(?:0\d{2,3}-\d{7,8}|1[3-9]\d{9}|9\d{4})(?![\d-])"
#: A date with its weekday note, 2026-12-01（周二）: never broken at its hyphens.
DATE = r"\d{4}-\d{2}-\d{2}(?:（[^）]{1,12}）| ?\([^)]{1,24}\))?"
LINKS = re.compile(f"(?P<url>{URL})|(?P<email>{EMAIL})|(?P<date>{DATE})")
LINKS_AND_PHONES = re.compile(f"(?P<url>{URL})|(?P<email>{EMAIL})|(?P<phone>{PHONE})|(?P<date>{DATE})")


def _link(href: str, text: str) -> str:
    return f'<a class="code" href="{escape(href)}">{escape(text)}</a>'


def _rich(text: str, phone: bool = False, flows: Mapping[str, str] | None = None) -> str:
    """Text, escaped, with its URLs, e-mail addresses (and phone numbers) as links.

    ``flows`` maps a procedure's 《title》 to its anchor: named in a text, it is a link.
    """
    patterns = LINKS_AND_PHONES.pattern if phone else LINKS.pattern
    if flows:
        patterns += "|(?P<flow>" + "|".join(re.escape(title) for title in sorted(flows, key=len, reverse=True)) + ")"
    out, last = [], 0
    for match in re.finditer(patterns, text):
        out.append(escape(text[last : match.start()]))
        found = match.group()
        if match.lastgroup == "url":
            out.append(_link(found, found))
        elif match.lastgroup == "email":
            out.append(_link(f"mailto:{found}", found))
        elif match.lastgroup == "phone":
            out.append(_link(f"tel:{found}", found))
        elif match.lastgroup == "date":
            out.append(f'<span class="code">{escape(found)}</span>')
        else:
            out.append(f'<a href="#{(flows or {})[found]}">{escape(found)}</a>')
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


#: Parts holding what a user typed: shown as typed, never turned into links.
TYPED = frozenset({"answers", "email"})


def _value(item: Item, typed: bool, flows: Mapping[str, str] | None = None, href: str | None = None) -> str:
    if href is not None:
        return _link(href, item.text)
    if item.blank:  # printed, a line to write the value on
        return f'<span class="blank">{escape(item.text)}</span>'
    return escape(item.text) if typed else _rich(item.text, item.phone, flows)


def _item_checkbox(item: Item, number: int | None = None, flows: Mapping[str, str] | None = None) -> str:
    marker = f'<span class="number">{number}.</span>' if number is not None else ""
    return f'<li><label><input type="checkbox">{marker}<span>{_rich(item.text, item.phone, flows)}</span></label></li>'


def _steps(section: Section, level: int, flows: Mapping[str, str] | None) -> list[str]:
    """Numbered steps; a part another procedure contributes is headed, and its steps
    go on numbering in a list of their own (a heading is not a list item)."""
    lines: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            first = current[0]
            lines.append(f'<ol class="checklist" start="{first}">' if first != "1" else '<ol class="checklist">')
            lines.extend(current[1:])
            lines.append("</ol>")
            current.clear()

    for number, opens, item in entries(section):
        if opens:
            close()
            lines.append(f"<h{level + 1}>{escape(opens)}</h{level + 1}>")
        if not current:
            current.append(str(number))
        current.append(_item_checkbox(item, number, flows))
    close()
    return lines


def _section(section: Section, level: int = 2, flows: Mapping[str, str] | None = None, mailto: str | None = None) -> list[str]:
    heading = f"<h{level}>{escape(section.heading)}</h{level}>"
    if section.note:
        heading += f'\n<p class="note">{escape(section.note)}</p>'
    if section.style == "fields":
        rows = []
        for i, item in enumerate(section.items):
            href = mailto if mailto and section.key == "email" and i == 0 else None  # the recipient: the filled-in e-mail
            value = _value(item, section.key in TYPED, flows, href)
            rows.append(f"<tr><th>{escape(item.label or '')}</th><td>{value}</td></tr>")
        return [heading, "<table>", *rows, "</table>"]
    if section.style == "bullets":
        return [heading, '<ul class="bullets">', *(f"<li>{_rich(i.text, i.phone, flows)}</li>" for i in section.items), "</ul>"]
    if section.style == "checklist":
        return [heading, '<ul class="checklist">', *(_item_checkbox(i, flows=flows) for i in section.items), "</ul>"]
    return [heading, *_steps(section, level, flows)]


#: Parts a reader needs whole on one page: an e-mail's fields, an address with its
#: recipient and phone, the time limit. Steps and long lists may break between items.
KEPT_WHOLE = frozenset({"email", "mailing", "deadline", "contacts"})


def _part(section: Section, level: int = 2, flows: Mapping[str, str] | None = None, mailto: str | None = None) -> list[str]:
    keep = " keep" if section.key in KEPT_WHOLE else ""
    return [f'<section class="part part-{section.key}{keep}">', *_section(section, level, flows, mailto), "</section>"]


@cache
def _chinese_run() -> re.Pattern[str]:
    """A run of Chinese with the Latin letters and digits inside or before it (IC卡管理, 397号)."""
    run = f"[{templates.CHINESE_CHARACTERS}]+"
    return re.compile(f"[A-Za-z0-9]*{run}(?:[A-Za-z0-9]*{run})*")


def _mark_chinese(line: str) -> str:
    """Chinese runs in the text of an HTML line, each marked ``lang="zh-CN"`` (tags untouched)."""
    mark = _chinese_run()
    return "".join(
        part if part.startswith("<") else mark.sub(lambda m: f'<span lang="{CHINESE_TAG}">{m.group(0)}</span>', part)
        for part in re.split(r"(<[^>]*>)", line)
    )


def _page(title: str, header: Iterable[str], main: Iterable[str]) -> str:
    spoken = language.current()
    if spoken != language.CHINESE:
        header, main = [_mark_chinese(line) for line in header], [_mark_chinese(line) for line in main]
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{LANGUAGE_TAGS.get(spoken, spoken)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        *header,
        "</header>",
        "<main>",
        *main,
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(lines) + "\n"


# --- a run's checklist --------------------------------------------------------------


def page_title(result: Result) -> str:
    """What a browser names the saved PDF: the outcome, whose case it is, the procedure."""
    who = w.LIST_SEPARATOR.join(result.email.subject_answers) if result.email is not None else ""
    template = w.PAGE_TITLE_FOR if who else w.PAGE_TITLE
    return template.format(outcome=result.outcome_title, who=who, flow=result.flow_title)


def result(result: Result) -> str:
    mailto = outlines.mailto(result) if result.email is not None else None
    return render(outlines.build(result), page_title(result), mailto)


def render(outline: Outline, title: str | None = None, mailto: str | None = None) -> str:
    header = [
        f"<h1>{escape(outline.title)}</h1>",
        f'<p class="subtitle">{escape(outline.subtitle)}</p>',
        f'<p class="source">{escape(w.SOURCE_LINE.format(source=outline.source))}</p>',
        *([f'<p class="source provenance">{escape(outline.provenance)}</p>'] if outline.provenance else []),
        f'<p class="hint">{escape(w.HTML_PRINT_HINT)}</p>',
    ]
    main = [line for section in outline.sections for line in _part(section, 2, None, mailto)]
    return _page(title or outline.title, header, main)


# --- a decision guide (show) and the handbook ----------------------------------------


def _pieces(pieces: list[procedures.Piece], present: set[str]) -> str:
    """A guide's line; questions, plans and procedures in this document are links."""
    out = []
    for piece in pieces:
        text = escape(piece.text)
        if piece.ids:  # each id whole on its line; a line may break between them
            parts = (f'<span class="id">{escape(part)}</span>' for part in piece.text.strip().split(f" {w.GUIDE_ARROW} "))
            text = f' <span class="ids">{f" {w.GUIDE_ARROW} ".join(parts)}</span>'
        elif (target := procedures.link(piece, present)) is not None:
            text = f'<a href="#{target}">{text}</a>'
        out.append(text)
    return "".join(out)


def _ids(state_id: str, ids: bool) -> str:
    return _pieces([procedures.ids_piece(state_id)], set()) if ids else ""


def _guide(guide: procedures.Guide, level: int, present: set[str], flows: Mapping[str, str], ids: bool = False) -> list[str]:
    """A decision guide's questions and plans, each headed at ``level``.

    ``present``: the procedures in this document (links to them resolve); ``flows``
    maps their 《titles》 to their anchors, for the texts that name them.
    """
    h = f"h{level}"
    lines = []
    if guide.begin is not None:
        lines.append(f'<p class="begin">{_pieces(procedures.begin_pieces(guide.begin, ids), present)}</p>')
    for node in guide.nodes:
        anchor = procedures.anchor(guide.flow_id, node.stop.key)
        lines += [
            f'<section class="stop keep" id="{anchor}">',
            f"<{h}>{w.GUIDE_HEADING.format(name=escape(node.stop.name), prompt=escape(node.prompt))}{_ids(node.stop.state_id, ids)}</{h}>",
        ]
        lines += [f'<p class="help">{_rich(node.help)}</p>'] if node.help else []
        lines += ['<ul class="bullets">', *(f"<li>{_rich(line)}</li>" for line in node.lines), "</ul>"] if node.lines else []
        lines.append('<ul class="answers">')
        for answer in node.answers:
            label, *rest = procedures.answer_pieces(answer, ids)
            lines.append(f'<li><span class="label">{escape(label.text)}</span>{_pieces(rest, present)}</li>')
        lines += ["</ul>", "</section>"]
    for plan in guide.plans:
        anchor = procedures.anchor(guide.flow_id, plan.stop.key)
        lines += [f'<section class="plan" id="{anchor}">', f"<{h}>{escape(plan.stop.heading)}{_ids(plan.stop.state_id, ids)}</{h}>"]
        for section in plan.sections:
            lines += _part(section, level + 1, flows)
        lines.append("</section>")
    return lines


def procedure(pack: d.Pack, flow: d.Flow, ids: bool = False) -> str:
    guide = procedures.build(pack, flow)
    header = [
        f'<h1 id="{procedures.anchor(guide.flow_id)}">{escape(guide.title)}{_ids(guide.flow_id, ids)}</h1>',
        f'<p class="subtitle">{escape(guide.description)}</p>',
        f'<p class="source">{escape(w.SOURCE_LINE.format(source=guide.source))}</p>',
        *([f'<p class="source provenance">{escape(guide.provenance)}</p>'] if guide.provenance else []),
        f'<p class="hint">{escape(w.HTML_PRINT_HINT)}</p>',
    ]
    return _page(guide.title, header, _guide(guide, 2, {guide.flow_id}, {}, ids))


def handbook(book: handbooks.Handbook) -> str:
    """Every procedure: contents, the shared contacts, each guide on its own pages."""
    flows = {w.FLOW_REFERENCE.format(title=g.title): procedures.anchor(g.flow_id) for g in book.guides}
    present = {g.flow_id for g in book.guides}
    header = [
        f"<h1>{escape(book.title)}</h1>",
        f'<p class="subtitle">{escape(book.subtitle)}</p>',
        *(f'<p class="note">{_rich(note, phone=True)}</p>' for note in book.notes),
        f'<p class="hint">{escape(w.HANDBOOK_HINT)}</p>',
    ]
    main = ['<nav class="contents">', f"<h2>{escape(w.HANDBOOK_CONTENTS)}</h2>"]
    for chapter in book.chapters:
        main += [f"<h3>{escape(chapter.category)}</h3>", "<ul>"]
        main += [f'<li><a href="#{procedures.anchor(g.flow_id)}">{escape(g.title)}</a></li>' for g in chapter.guides]
        main.append("</ul>")
    main += [f'<h3><a href="#{handbooks.CONTACTS_ANCHOR}">{escape(book.contacts.heading)}</a></h3>', "</nav>"]
    main += [f'<section class="part part-contacts keep" id="{handbooks.CONTACTS_ANCHOR}">', *_section(book.contacts, 2), "</section>"]
    for guide in book.guides:
        main += [
            f'<section class="procedure" id="{procedures.anchor(guide.flow_id)}">',
            f"<h2>{escape(guide.title)}</h2>",
            f'<p class="category">{escape(guide.category)}</p>',
            f'<p class="subtitle">{escape(guide.description)}</p>',
            f'<p class="source">{escape(w.SOURCE_LINE.format(source=guide.source))}</p>',
            *_guide(guide, 3, present, flows),
            "</section>",
        ]
    return _page(book.title, header, main)
