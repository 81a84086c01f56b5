"""Markdown: a task list a person ticks off."""

from eportguide.engine.result import Result
from eportguide.i18n import wording as w
from eportguide.model import definitions as d
from eportguide.render import handbook as handbooks
from eportguide.render import outline as outlines
from eportguide.render import procedure as procedures
from eportguide.render.outline import Outline, Section, entries


def _escape(text: str) -> str:
    # Keep user-typed text from turning into links, emphasis, entities or HTML.
    for ch in "\\`*_[]<>#|&~":
        text = text.replace(ch, "\\" + ch)
    return text


def _section(section: Section, level: int = 2) -> list[str]:
    lines = [f"{'#' * level} {section.heading}", ""] + ([f"_{_escape(section.note)}_", ""] if section.note else [])
    if section.style == "fields":
        lines += ["- " + w.LABELLED.format(label=f"**{_escape(i.label or '')}**", text=_escape(i.text)) for i in section.items]
        return lines
    for number, opens, item in entries(section):
        if section.style == "numbered":
            if opens:
                heading = f"{'#' * (level + 1)} {_escape(opens)}"
                lines += ["", heading, ""] if lines[-1] else [heading, ""]
            lines.append(f"- [ ] {number}. {_escape(item.text)}")
        elif section.style == "checklist":
            lines.append(f"- [ ] {_escape(item.text)}")
        else:
            lines.append(f"- {_escape(item.text)}")
    return lines


def result(result: Result) -> str:
    return render(outlines.build(result))


def procedure(pack: d.Pack, flow: d.Flow, ids: bool = False) -> str:
    guide = procedures.build(pack, flow)
    title = _escape(guide.title) + (_pieces([procedures.ids_piece(guide.flow_id)], {guide.flow_id}) if ids else "")
    lines = [_target(procedures.anchor(guide.flow_id)), f"# {title}", "", *_guide(guide, 1, {guide.flow_id}, ids)]
    return "\n".join(lines) + "\n"


def _pieces(pieces: list[procedures.Piece], flows: set[str]) -> str:
    """Pieces of a guide's line; a question or plan, or a procedure in this document, linked."""
    out = []
    for piece in pieces:
        text = _escape(piece.text)
        if (target := procedures.link(piece, flows)) is not None:
            text = f"[{text}](#{target})"
        out.append(text)
    return "".join(out)


def _target(anchor: str) -> str:
    return f'<a id="{anchor}"></a>'


def _guide(guide: procedures.Guide, level: int, flows: set[str], ids: bool = False) -> list[str]:
    """A decision guide under a heading of ``level``: its parts one level below."""
    sub = "#" * (level + 1)
    lines = [_escape(guide.description), "", f"_{_escape(w.SOURCE_LINE.format(source=guide.source))}_"]
    lines += ["", f"_{_escape(guide.provenance)}_"] if guide.provenance else []
    if guide.begin is not None:
        lines += ["", _pieces(procedures.begin_pieces(guide.begin, ids), flows)]
    for node in guide.nodes:
        heading = f"{sub} " + w.GUIDE_HEADING.format(name=_escape(node.stop.name), prompt=_escape(node.prompt))
        heading += _pieces([procedures.ids_piece(node.stop.state_id)], flows) if ids else ""
        lines += ["", _target(procedures.anchor(guide.flow_id, node.stop.key)), heading, ""]
        lines += [_escape(node.help), ""] if node.help else []
        lines += [f"- {_escape(line)}" for line in node.lines]
        lines += [f"- {_pieces(procedures.answer_pieces(answer, ids), flows)}" for answer in node.answers]
    for plan in guide.plans:
        heading = f"{sub} {_escape(plan.stop.heading)}"
        heading += _pieces([procedures.ids_piece(plan.stop.state_id)], flows) if ids else ""
        lines += ["", _target(procedures.anchor(guide.flow_id, plan.stop.key)), heading]
        for section in plan.sections:
            lines += ["", *_section(section, level + 2)]
    return lines


def handbook(book: handbooks.Handbook) -> str:
    """Every procedure: contents with links, the shared contacts once, each guide."""
    flows = {g.flow_id for g in book.guides}
    lines = [f"# {_escape(book.title)}", "", f"**{_escape(book.subtitle)}**", ""]
    lines += [f"- {_escape(note)}" for note in book.notes]
    lines += ["", f"## {_escape(w.HANDBOOK_CONTENTS)}"]
    for chapter in book.chapters:
        lines += ["", f"**{_escape(chapter.category)}**", ""]
        lines += [f"- [{_escape(g.title)}](#{procedures.anchor(g.flow_id)})" for g in chapter.guides]
    lines += ["", f"- [{_escape(book.contacts.heading)}](#{handbooks.CONTACTS_ANCHOR})"]
    lines += ["", _target(handbooks.CONTACTS_ANCHOR), *_section(book.contacts)]
    for guide in book.guides:
        lines += ["", "---", "", _target(procedures.anchor(guide.flow_id)), f"## {_escape(guide.title)}", ""]
        lines += [f"{_escape(guide.category)}", "", *_guide(guide, 2, flows)]
    return "\n".join(lines) + "\n"


def render(outline: Outline) -> str:
    source = _escape(w.SOURCE_LINE.format(source=outline.source))
    lines = [f"# {_escape(outline.title)}", "", f"**{_escape(outline.subtitle)}**", "", f"_{source}_"]
    lines += ["", f"_{_escape(outline.provenance)}_"] if outline.provenance else []
    for section in outline.sections:
        lines += ["", *_section(section)]
    return "\n".join(lines) + "\n"
