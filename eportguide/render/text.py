"""Plain text: pastes cleanly into WeChat or an e-mail; no colour, no box drawing."""

from rich.cells import cell_len

from eportguide import wording as w
from eportguide.render.outline import Outline, Section


def _pad(label: str, width: int) -> str:
    # Chinese characters take two columns: pad by display width, not by len().
    return label + " " * (width - cell_len(label))


def _section(section: Section) -> list[str]:
    lines = [f"【{section.heading}】"]
    if section.style == "fields":
        width = max(cell_len(i.label or "") for i in section.items)
        lines += [f"{_pad(i.label or '', width)}  {i.text}" for i in section.items]
        return lines
    group = None
    for number, item in enumerate(section.items, 1):
        if section.style == "numbered":
            if item.group and item.group != group:
                group = item.group
                lines.append(f"〔{group}〕")
            lines.append(f"{number}. {item.text}")
        elif section.style == "checklist":
            lines.append(f"[ ] {item.text}")
        else:
            lines.append(f"- {item.text}")
    return lines


def render(outline: Outline) -> str:
    lines = [outline.title, outline.subtitle, w.SOURCE_LINE.format(source=outline.source)]
    for section in outline.sections:
        lines += ["", *_section(section)]
    return "\n".join(lines) + "\n"
