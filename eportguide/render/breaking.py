"""Line breaking for the terminal: Chinese may break between any two characters, but
never inside a phone number, an e-mail address, a URL or a command.

rich breaks a line only at spaces and folds a longer run anywhere, and Chinese has no
spaces: "收货人电话：83196210" came out as "收货人电话：8" / "3196210". Here a run of
Latin letters, digits and ASCII punctuation (83196210, kefu@xaeport.com,
https://e.chinaport.gov.cn/, 029-83196210) is one unit, ``eportguide`` with its
subcommand or procedure id is one unit, and punctuation that may not open a line (，。）)
stays with what comes before it, punctuation that may not close one (（“《) with what
follows. A unit wider than the whole line is folded, as nothing else can be done.
"""

import re
from collections.abc import Iterable
from itertools import pairwise

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

#: May not start a line (Chinese line-breaking rules, 避头点).
NO_LINE_START = set("，。、；：？！）」』”’》〉】…％,.;:?!)]}%")
#: May not end a line (避尾点).
NO_LINE_END = set("（「『“‘《〈【([{")

_ARGUMENT = r"(?:--?[A-Za-z][\w-]*(?:=[^\s，。；：）]+)?|[a-z0-9]+(?:-[a-z0-9]+)+|[\w.-]+=[^\s，。；：）]+|[a-z]+(?=[\s，。；：）]|$))"
#: A date with its weekday note stays whole: 2026-12-01（周二）, 2026-12-01 (Tue).
_DATE = r"\d{4}-\d{2}-\d{2}(?:（[^）\n]{1,12}）| ?\([^)\n]{1,24}\))"
_TOKEN = re.compile(rf"eportguide(?: {_ARGUMENT})*|{_DATE}|[!-~]+| +|\n|.", re.DOTALL)


def units(text: str) -> list[tuple[str, ...]]:
    """``text`` cut into the pieces a line may break between, each a tuple of the tokens
    glued together (紧挨的标点); spaces and line breaks are pieces of their own."""
    pieces: list[list[str]] = []
    glue_next = False
    for token in (m.group() for m in _TOKEN.finditer(text)):
        joins = glue_next or token[0] in NO_LINE_START
        if pieces and not token.isspace() and joins and not pieces[-1][-1].isspace():
            pieces[-1].append(token)
        else:
            pieces.append([token])
        glue_next = token[-1] in NO_LINE_END
    return [tuple(piece) for piece in pieces]


def longest_unit(text: str) -> int:
    """The width of the widest piece that must stay on one line."""
    return max((cell_len("".join(u)) for u in units(text) if not u[0].isspace()), default=0)


class _Layout:
    """Greedy filling of lines; records the offsets where new lines start."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.starts: list[int] = []
        self.offset = 0
        self.used = 0

    def place(self, pieces: list[str]) -> None:
        """Put ``pieces`` (one piece, or the parts of one that did not fit) on the lines."""
        text = "".join(pieces)
        size = cell_len(text)
        if text == "\n":
            self.starts.append(self.offset + 1)
            self.used = 0
        elif text.isspace():
            self.used += size  # may hang past the edge: dropped at the line's end
        elif self.used + size <= self.width:
            self.used += size
        elif size <= self.width:
            self.starts.append(self.offset)
            self.used = size
        elif len(pieces) > 1:  # glued punctuation first gives way
            for piece in pieces:
                self.place([piece])
            return
        elif " " in text:  # then a command, at its spaces
            for piece in re.split("( )", text):
                self.place([piece])
            return
        else:  # wider than a whole line: fold it, the only thing left to do
            for char in text:
                self.place([char])
            return
        self.offset += len(text)


def line_starts(text: str, width: int) -> list[int]:
    """Offsets in ``text`` where a new line starts, so that each line fits ``width`` cells."""
    layout = _Layout(max(width, 2))
    for unit in units(text):
        layout.place(list(unit))
    return layout.starts


def wrap(text: str, width: int) -> list[str]:
    """``text`` as lines of at most ``width`` cells (a single piece wider than that is folded)."""
    bounds = [0, *line_starts(text, width), len(text)]
    return [text[a:b].rstrip("\n").strip(" ") for a, b in pairwise(bounds)]


class Paragraph:
    """Text that rich draws broken by :func:`line_starts` at whatever width it is given."""

    def __init__(self, text: Text | str, style: str = "") -> None:
        self.text = text if isinstance(text, Text) else Text(text, style=style)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        plain = self.text.plain
        return Measurement(min(longest_unit(plain), options.max_width), min(cell_len(plain), options.max_width))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        plain = self.text.plain
        for line in self.text.divide(line_starts(plain, options.max_width)):
            line.rstrip()
            line.remove_suffix("\n")
            yield _lstrip(line)


def _lstrip(line: Text) -> Text:
    spaces = len(line.plain) - len(line.plain.lstrip(" "))
    return line[spaces:] if spaces else line


#: A value column narrower than this reads badly: the fields are stacked instead.
MIN_VALUE_WIDTH = 20
LABEL_GAP = 2
STACK_INDENT = 2


class Fields:
    """Label and value side by side; each label above its value when they do not fit.

    Side by side, the label column is as wide as the widest label and the values break
    in what is left; when that is narrower than :data:`MIN_VALUE_WIDTH` (or than a value's
    widest unbreakable piece, an e-mail address or URL) every label goes above its value.
    """

    def __init__(self, rows: Iterable[tuple[str, str]], label_style: str = "bold") -> None:
        self.rows = list(rows)
        self.label_style = label_style

    def _label_width(self) -> int:
        return max((cell_len(label) for label, _ in self.rows), default=0)

    def _value_needs(self) -> int:
        return max([MIN_VALUE_WIDTH, *(longest_unit(value) for _, value in self.rows)])

    def fits(self, width: int) -> bool:
        needed = min(self._value_needs(), max((cell_len(value) for _, value in self.rows), default=0))
        return self._label_width() + LABEL_GAP + needed <= width

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = self._label_width() + LABEL_GAP + max((cell_len(value) for _, value in self.rows), default=0)
        narrowest = max([self._label_width(), *(longest_unit(value) + STACK_INDENT for _, value in self.rows)])
        return Measurement(min(narrowest, options.max_width), min(widest, options.max_width))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.fits(options.max_width):
            table = Table.grid(padding=(0, LABEL_GAP))
            table.add_column(style=self.label_style, no_wrap=True)
            table.add_column()
            for label, value in self.rows:
                table.add_row(Text(label), Paragraph(value))
            yield table
            return
        for label, value in self.rows:
            yield Paragraph(Text(label, style=self.label_style))
            yield Padding(Paragraph(value), (0, 0, 0, STACK_INDENT))
