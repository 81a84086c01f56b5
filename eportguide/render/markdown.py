"""Markdown: a task list a person ticks off."""

from eportguide import wording as w
from eportguide.engine import Result
from eportguide.model import definitions as d
from eportguide.render import outline as outlines
from eportguide.render import procedure as procedures
from eportguide.render.outline import Outline, Section, entries


def _escape(text: str) -> str:
    # Keep user-typed text from turning into links, emphasis, entities or HTML.
    for ch in "\\`*_[]<>#|&~":
        text = text.replace(ch, "\\" + ch)
    return text


def _section(section: Section) -> list[str]:
    lines = [f"## {section.heading}", ""]
    if section.style == "fields":
        lines += [f"- **{_escape(i.label or '')}**：{_escape(i.text)}" for i in section.items]
        return lines
    for number, opens, item in entries(section):
        if section.style == "numbered":
            if opens:
                lines += ["", f"### {_escape(opens)}", ""] if lines[-1] else [f"### {_escape(opens)}", ""]
            lines.append(f"- [ ] {number}. {_escape(item.text)}")
        elif section.style == "checklist":
            lines.append(f"- [ ] {_escape(item.text)}")
        else:
            lines.append(f"- {_escape(item.text)}")
    return lines


def result(result: Result) -> str:
    return render(outlines.build(result))


def procedure(pack: d.Pack, flow: d.Flow) -> str:
    return render(procedures.build(pack, flow))


def render(outline: Outline) -> str:
    source = _escape(w.SOURCE_LINE.format(source=outline.source))
    lines = [f"# {_escape(outline.title)}", "", f"**{_escape(outline.subtitle)}**", "", f"_{source}_"]
    for section in outline.sections:
        lines += ["", *_section(section)]
    return "\n".join(lines) + "\n"
