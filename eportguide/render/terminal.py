"""The outcome on a terminal, drawn with rich: numbered steps, a checklist, contacts.

Every text is broken by ``breaking``: never inside a phone number, an e-mail address,
a URL or a command; label-and-value sections stack when the terminal is too narrow.
"""

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from eportguide.engine.result import Result
from eportguide.i18n import wording as w
from eportguide.render import outline as outlines
from eportguide.render.breaking import Fields, Paragraph
from eportguide.render.outline import Outline, Section, entries


def _box(console: Console) -> box.Box:
    # Rounded corners are missing from legacy code pages (GBK); plain ASCII always prints.
    return box.ROUNDED if console.encoding.lower().startswith("utf") else box.ASCII


def _section(section: Section) -> Table | Fields:
    if section.style == "fields":
        return Fields((item.label or "", item.text) for item in section.items)
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, justify="right")
    table.add_column()
    for number, opens, item in entries(section):
        if section.style == "numbered":
            if opens:
                table.add_row("", Paragraph(opens, style="bold underline"))
            marker = f"{number}."
        elif section.style == "checklist":
            marker = "[ ]"
        else:
            marker = "-"
        table.add_row(marker, Paragraph(item.text))
    return table


def result(result: Result, console: Console) -> None:
    """Draw a run's checklist; the e-mail section links to the filled-in draft."""
    render(outlines.build(result), console, outlines.mailto(result) if result.email is not None else None)


def render(outline: Outline, console: Console, mailto: str | None = None) -> None:
    parts: list[object] = [
        Paragraph(outline.subtitle, style="bold green"),
        Paragraph(w.SOURCE_LINE.format(source=outline.source), style="dim"),
    ]
    parts += [Paragraph(outline.provenance, style="dim")] if outline.provenance else []
    for section in outline.sections:
        style = "bold red" if section.key == "warnings" else "bold cyan"
        parts += [Text(""), Text(section.heading, style=style)]
        parts += [Paragraph(section.note, style="dim")] if section.note else []
        parts.append(_section(section))
        if section.key == "email" and mailto:
            # The link carries subject and body; the visible text stays short.
            link = Text(w.MAILTO_TEXT)
            link.append(mailto.split("?", 1)[0], style=f"link {mailto} underline")
            parts.append(Paragraph(link))
    console.print(
        Panel(
            Group(*parts),  # type: ignore[arg-type]
            title=Text(outline.title, style="bold"),
            box=_box(console),
            expand=True,
        )
    )
