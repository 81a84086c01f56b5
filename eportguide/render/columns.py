"""Lists laid out in plain columns, aligned by display width.

A Chinese character takes two columns on a terminal. rich knows that too, but
importing its tables costs more than a whole ``list`` should; these lists need only
aligned columns, and, on a narrow terminal, one column folded onto further lines.
"""

import shutil
import sys
import unicodedata

GAP = "  "
NARROWEST_FOLD = 8  # a folded column keeps at least this many columns


def width(text: str) -> int:
    """Columns ``text`` takes on a terminal: wide (CJK) characters two, combining marks none."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int) -> str:
    return text + " " * max(columns - width(text), 0)


def fold(text: str, columns: int) -> list[str]:
    """``text`` cut into lines of at most ``columns`` display columns."""
    lines, line = [], ""
    for ch in text:
        if line and width(line + ch) > columns:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line]


def terminal_width() -> int | None:
    """The terminal's width, or None when the output is not a terminal (never folded)."""
    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size().columns


def table(headings: list[str], rows: list[list[str]], folding: int | None = None) -> str:
    """Rows under their headings; on a terminal too narrow, column ``folding`` is folded."""
    every = [headings, *rows]
    widths = [max(width(row[i]) for row in every) for i in range(len(headings))]
    available = terminal_width()
    if folding is not None and available is not None:
        others = sum(w for i, w in enumerate(widths) if i != folding) + len(GAP) * (len(widths) - 1)
        widths[folding] = max(min(widths[folding], available - others), NARROWEST_FOLD)
    out = []
    for row in every:
        cells = [fold(cell, widths[i]) if i == folding else [cell] for i, cell in enumerate(row)]
        for depth in range(max(len(c) for c in cells)):
            parts = [pad(c[depth] if depth < len(c) else "", widths[i]) for i, c in enumerate(cells)]
            out.append(GAP.join(parts).rstrip())
    return "\n".join(out) + "\n"
