"""Placeholders in flow texts: ``{name}`` or ``{name.attribute}``, filled in as data.

Nothing in a template is evaluated; a placeholder names a fact (and optionally one of
its attributes), an input field, or ``business``. ``{flow:ID}`` names another procedure
of the pack: each output says it its own way (its title; a link in the handbook), so a
text never spells out a command a reader of the printout cannot run.
"""

import re
from collections.abc import Callable, Iterator
from functools import cache

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_]+))?\}")
FACT_ATTRIBUTES = frozenset({"value", "label", "recipient", "phone"})
BUSINESS = "business"
FLOW_REFERENCE = re.compile(r"\{flow:([^{}\s]+)\}")
#: Chinese characters: CJK symbols and punctuation, ideographs, full-width forms.
CHINESE_CHARACTERS = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"


@cache
def chinese() -> re.Pattern[str]:
    """A run of Chinese; compiled when first needed (a class this large costs a run a millisecond)."""
    return re.compile(f"[{CHINESE_CHARACTERS}]+")


def placeholders(text: str) -> Iterator[tuple[str, str | None]]:
    for match in PLACEHOLDER.finditer(text):
        yield match.group(1), match.group(2)


def flow_references(text: str) -> Iterator[str]:
    """The flow ids a text names with ``{flow:ID}``."""
    for match in FLOW_REFERENCE.finditer(text):
        yield match.group(1)


def fill(text: str, resolve: Callable[[str, str | None], str], refer: Callable[[str], str] | None = None) -> str:
    if refer is not None:
        text = FLOW_REFERENCE.sub(lambda m: refer(m.group(1)), text)
    return PLACEHOLDER.sub(lambda m: resolve(m.group(1), m.group(2)), text)
