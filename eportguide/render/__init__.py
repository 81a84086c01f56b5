"""Output formats of a result or a procedure; the registry is ``formats``.

Each module draws documents in one format (text, Markdown, HTML, JSON, e-mail, diagrams);
none prints, prompts or reads a file but the ones it is given.

May import: ``i18n``, ``errors``, ``model``, ``workdays``, ``search``, ``store``,
``terminal``, ``engine``, ``packs``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eportguide.render import formats

if TYPE_CHECKING:
    from datetime import date

    from eportguide.engine.result import Result
    from eportguide.model import definitions as d


def to_string(result: Result, format: str) -> str:
    """A run's result in a file format (text, markdown, html, json)."""
    text: str = formats.renderer(format, "result")(result)
    return text


def procedure_to_string(pack: d.Pack, flow: d.Flow, format: str, ids: bool = False) -> str:
    """A whole procedure, every branch, as ``show`` prints it; ``ids`` for flow authors."""
    text: str = formats.renderer(format, "procedure")(pack, flow, ids=ids)
    return text


def handbook_to_string(pack: d.Pack, pack_note: str, made: date, format: str) -> str:
    """Every procedure of the pack in one document (``eportguide handbook``)."""
    from eportguide.render import handbook

    text: str = formats.renderer(format, "handbook")(handbook.build(pack, pack_note, made))
    return text
