"""Plain text: pastes cleanly into WeChat or an e-mail; no colour, no box drawing.

Each item is one line, never hard-wrapped: WeChat and mail clients wrap to their own
width, and a line broken at 80 columns would arrive as ragged half-lines. Field labels
are aligned by display width, so Chinese labels line up in a terminal too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eportguide.engine.result import Result
from eportguide.i18n import wording as w
from eportguide.model import definitions as d
from eportguide.render import outline as outlines
from eportguide.render.columns import width as display_width
from eportguide.render.outline import Outline, Section, entries

if TYPE_CHECKING:  # a run's checklist needs no decision guide: imported by the guides only
    from eportguide.render import procedure as procedures

#: A label wider than this (a whole question) is not made the width of its column.
LABEL_CAP = 24
GAP = "  "


def _pad(label: str, columns: int) -> str:
    # Chinese characters take two columns: pad by display width, not by len(). In
    # Chinese the pad is an ideographic space, as wide as a Chinese character in a
    # terminal (two columns) and in the proportional fonts of WeChat or a mail client
    # alike, where ASCII spaces are narrower; so labels stay aligned wherever the text
    # is pasted. English pads with ASCII spaces (w.LABEL_PAD).
    missing = max(columns - display_width(label), 0)
    pad = w.LABEL_PAD
    unit = display_width(pad)
    return label + pad * (missing // unit) + " " * (missing % unit)


def _fields(section: Section) -> list[str]:
    widths = [display_width(i.label or "") for i in section.items]
    columns = max((x for x in widths if x <= LABEL_CAP), default=0)
    return [f"{_pad(i.label or '', columns)}{GAP}{i.text}" for i in section.items]


def _section(section: Section) -> list[str]:
    lines = [w.TEXT_HEADING.format(heading=section.heading)] + ([section.note] if section.note else [])
    if section.style == "fields":
        return lines + _fields(section)
    for number, opens, item in entries(section):
        if section.style == "numbered":
            if opens:
                lines.append(w.TEXT_GROUP.format(group=opens))
            lines.append(f"{number}. {item.text}")
        elif section.style == "checklist":
            lines.append(f"[ ] {item.text}")
        else:
            lines.append(f"- {item.text}")
    return lines


def result(result: Result) -> str:
    return render(outlines.build(result))


def procedure(pack: d.Pack, flow: d.Flow, ids: bool = False) -> str:
    from eportguide.render import procedure as procedures

    return guide(procedures.build(pack, flow), ids)


def guide(guide: procedures.Guide, ids: bool = False) -> str:
    """The decision guide: numbered questions, where each answer leads, each plan's checklist."""
    from eportguide.render import procedure as procedures

    plain = procedures.plain
    title = guide.title + (plain([procedures.ids_piece(guide.flow_id)]) if ids else "")
    lines = [title, guide.description, w.SOURCE_LINE.format(source=guide.source)]
    lines += [guide.provenance] if guide.provenance else []
    if guide.begin is not None:
        lines += ["", plain(procedures.begin_pieces(guide.begin, ids))]
    for node in guide.nodes:
        heading = w.TEXT_GUIDE_HEADING.format(name=node.stop.name, prompt=node.prompt) + (
            plain([procedures.ids_piece(node.stop.state_id)]) if ids else ""
        )
        lines += ["", heading]
        lines += [node.help] if node.help else []
        lines += [f"- {line}" for line in node.lines]
        lines += [f"- {plain(procedures.answer_pieces(answer, ids))}" for answer in node.answers]
    for plan in guide.plans:
        heading = f"■ {plan.stop.heading}" + (plain([procedures.ids_piece(plan.stop.state_id)]) if ids else "")
        lines += ["", "", heading]
        for section in plan.sections:
            lines += ["", *_section(section)]
    return "\n".join(lines) + "\n"


def render(outline: Outline) -> str:
    lines = [outline.title, outline.subtitle, w.SOURCE_LINE.format(source=outline.source)]
    lines += [outline.provenance] if outline.provenance else []
    noted = outline.noted
    if noted is not None:  # the text doubles as the help desk's call note: when it was made
        lines.append(w.NOTE_DATE.format(date=w.DAY.format(date=noted.isoformat(), weekday=w.WEEKDAYS[noted.weekday()])))
    for section in outline.sections:
        lines += ["", *_section(section)]
    return "\n".join(lines) + "\n"
