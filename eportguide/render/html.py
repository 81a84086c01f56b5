"""HTML: one self-contained page to print on A4 or tick off in a browser.

No scripts, no external stylesheets, fonts or images: the file works offline, from an
e-mail attachment or a USB stick. Every text is escaped, since answers are typed by
users. Items never split across pages (``break-inside: avoid``).
"""

from html import escape

from eportguide import wording as w
from eportguide.engine import Result
from eportguide.model import definitions as d
from eportguide.render import outline as outlines
from eportguide.render import procedure as procedures
from eportguide.render.outline import Item, Outline, Section, entries

LANGUAGE = "zh-CN"

STYLE = """
@page { size: A4; margin: 16mm 15mm; }
* { box-sizing: border-box; }
body {
  font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
    "WenQuanYi Micro Hei", SimSun, sans-serif;
  font-size: 11pt; line-height: 1.6; color: #000; background: #fff;
  max-width: 180mm; margin: 0 auto; padding: 8mm 0;
}
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; padding-bottom: 1mm; border-bottom: 1px solid #999;
  break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 3mm 0 1mm; break-after: avoid; page-break-after: avoid; }
.subtitle { font-weight: bold; margin: 0 0 1mm; }
.source, .hint { color: #555; font-size: 9.5pt; margin: 0; }
section.warnings h2 { color: #a00; }
ol, ul { list-style: none; margin: 0; padding: 0; }
li, tr, .group { break-inside: avoid; page-break-inside: avoid; }
li { margin: 0 0 1.5mm; }
li label { display: flex; gap: 2mm; align-items: baseline; }
input[type="checkbox"] { width: 4mm; height: 4mm; margin: 0; flex: none; position: relative; top: 0.6mm; }
.number { flex: none; min-width: 6mm; text-align: right; }
ul.bullets li::before { content: "・"; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 1mm 2mm 1mm 0; overflow-wrap: anywhere; }
th { white-space: nowrap; width: 1%; }
section.answers th { white-space: normal; width: 45%; }  /* questions are whole sentences */
@media print {
  body { padding: 0; max-width: none; }
  .hint { display: none; }
}
"""


def _item_checkbox(item: Item, number: int | None = None) -> str:
    marker = f'<span class="number">{number}.</span>' if number is not None else ""
    return f'<li><label><input type="checkbox">{marker}<span>{escape(item.text)}</span></label></li>'


def _section(section: Section) -> list[str]:
    heading = f"<h2>{escape(section.heading)}</h2>"
    if section.style == "fields":
        rows = [f"<tr><th>{escape(i.label or '')}</th><td>{escape(i.text)}</td></tr>" for i in section.items]
        return [heading, "<table>", *rows, "</table>"]
    if section.style == "bullets":
        return [heading, '<ul class="bullets">', *(f"<li>{escape(i.text)}</li>" for i in section.items), "</ul>"]
    if section.style == "checklist":
        return [heading, '<ul class="checklist">', *(_item_checkbox(i) for i in section.items), "</ul>"]
    lines = [heading, '<ol class="checklist">']
    for number, opens, item in entries(section):
        if opens:
            lines.append(f'<li class="group"><h3>{escape(opens)}</h3></li>')
        lines.append(_item_checkbox(item, number))
    return [*lines, "</ol>"]


def result(result: Result) -> str:
    return render(outlines.build(result))


def procedure(pack: d.Pack, flow: d.Flow) -> str:
    return render(procedures.build(pack, flow))


def render(outline: Outline) -> str:
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{LANGUAGE}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(outline.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(outline.title)}</h1>",
        f'<p class="subtitle">{escape(outline.subtitle)}</p>',
        f'<p class="source">{escape(w.SOURCE_LINE.format(source=outline.source))}</p>',
        f'<p class="hint">{escape(w.HTML_PRINT_HINT)}</p>',
        "</header>",
    ]
    for section in outline.sections:
        lines += [f'<section class="{escape(section.key)}">', *_section(section), "</section>"]
    lines += ["</body>", "</html>"]
    return "\n".join(lines) + "\n"
