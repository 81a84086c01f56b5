"""Output formats of a result. Each module turns an outline or result into text."""

from datetime import date

from eportguide.engine import Result
from eportguide.engine.dates import Completion, completion
from eportguide.model import definitions as d

FORMATS = ("terminal", "text", "markdown", "html", "json")


def completion_for(result: Result, pack: d.Pack, today: date) -> Completion | None:
    if result.deadline is None:
        return None
    deadline = result.deadline
    return completion(today, deadline.min_working_days, deadline.max_working_days, pack.calendar)


def to_string(result: Result, format: str, pack: d.Pack, today: date) -> str:
    """The result in a file format (text, markdown, html, json)."""
    done = completion_for(result, pack, today)
    if format == "json":
        from eportguide.render import json_out

        return json_out.dumps(result, done, today)
    from eportguide.render import outline

    shape = outline.build(result, done)
    if format == "markdown":
        from eportguide.render import markdown

        return markdown.render(shape)
    if format == "html":
        from eportguide.render import html

        return html.render(shape)
    from eportguide.render import text

    return text.render(shape, today)
