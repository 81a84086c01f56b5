"""Placeholders in flow texts: ``{name}`` or ``{name.attribute}``, filled in as data.

Nothing in a template is evaluated; a placeholder names a fact (and optionally one of
its attributes), an input field, or ``business``.
"""

import re
from collections.abc import Callable, Iterator

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_]+))?\}")
FACT_ATTRIBUTES = frozenset({"value", "label", "recipient", "phone"})
BUSINESS = "business"


def placeholders(text: str) -> Iterator[tuple[str, str | None]]:
    for match in PLACEHOLDER.finditer(text):
        yield match.group(1), match.group(2)


def fill(text: str, resolve: Callable[[str, str | None], str]) -> str:
    return PLACEHOLDER.sub(lambda m: resolve(m.group(1), m.group(2)), text)
