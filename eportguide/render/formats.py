"""Every output format in one registry: its name, the file names that pick it, and
what it can draw. ``run`` and ``show`` take their ``--format`` choices from here, and a
format is added here and in its own module, nowhere else.

A format's module (under ``eportguide.render``) is imported only when it is used. It
offers one function per document it draws: ``result(result) -> str`` for a run's
checklist, ``procedure(pack, flow, ids=False) -> str`` for ``show``'s whole procedure,
``handbook(handbook) -> str`` for every procedure in one document (``render.handbook``
builds it). A screen format (the terminal) draws on a console instead:
``result(result, console)``.
"""

from collections.abc import Callable
from importlib import import_module
from pathlib import PurePath
from typing import Any, Literal, NamedTuple

Document = Literal["result", "procedure", "handbook"]


class OutputFormat(NamedTuple):
    name: str
    module: str  # in eportguide.render
    documents: tuple[Document, ...]
    suffixes: tuple[str, ...] = ()  # file names that pick this format for ``-o``
    screen: bool = False  # drawn on the terminal; written to a file as ``FILE_FALLBACK``


FORMATS: dict[str, OutputFormat] = {
    f.name: f
    for f in (
        OutputFormat("terminal", "terminal", ("result",), screen=True),
        OutputFormat("text", "text", ("result", "procedure"), (".txt",)),
        OutputFormat("markdown", "markdown", ("result", "procedure", "handbook"), (".md", ".markdown")),
        OutputFormat("html", "html", ("result", "procedure", "handbook"), (".html", ".htm")),
        OutputFormat("json", "json_out", ("result", "procedure"), (".json",)),
        OutputFormat("ics", "ics", ("result",), (".ics",)),  # the expected dates as a calendar reminder
    )
}
#: What a screen format writes when its output goes to a file.
FILE_FALLBACK = "text"
#: What a run draws on a terminal when no format is asked for.
SCREEN_DEFAULT = "terminal"


def names(document: Document) -> list[str]:
    """The formats that draw ``document``: a command's ``--format`` choices."""
    return [f.name for f in FORMATS.values() if document in f.documents]


def by_suffix(path: PurePath, document: Document) -> str | None:
    """The format a file name asks for (``c.html`` → html), if it names one that draws ``document``."""
    suffix = path.suffix.lower()
    return next((f.name for f in FORMATS.values() if suffix in f.suffixes and document in f.documents), None)


def renderer(format: str, document: Document) -> Callable[..., Any]:
    """The function that draws ``document`` in ``format``; LookupError if it has none."""
    spec = FORMATS.get(format)
    if spec is None or document not in spec.documents:
        raise LookupError(f"format {format!r} does not draw a {document}")
    drawer: Callable[..., Any] = getattr(import_module(f"eportguide.render.{spec.module}"), document)
    return drawer
