"""A translation as read: its files parsed and built into records, with what was found
(``Translation``), and what the other steps ask of a source text or fact."""

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eportguide.model import definitions as d
from eportguide.model import templates
from eportguide.model.documents import Document
from eportguide.model.files import FLOW_SUFFIX, GLOSSARY_FILE, SHARED_FILE, flow_ids, translation_dir, translation_files
from eportguide.model.findings import Finding
from eportguide.model.loader import parse
from eportguide.model.schema import Builder, Invalid
from eportguide.model.translations import format as t

Path_ = tuple[str | int, ...]

SITE_NAME = re.compile(r"\{site:([^{}]+)\}")
NUMBER = re.compile(r"\d+")

#: A state's single texts and its lists of texts, by the names both files use.
SCALARS = ("prompt", "help", "label", "ask", "ask_label", "title", "section", "business")
LISTS = ("text", "steps", "materials", "warnings", "notes")
#: Fact kinds whose value may be words rather than something copied as written.
WORDED_KINDS = frozenset({"text", "duration", "phone"})


@dataclass(repr=False, eq=False)  # only __init__ generated: cheap to import
class Translation:
    """One language's translation files of a pack, as read (a file that failed is left out)."""

    language: str
    shared: t.SharedText = t.SharedText()
    flows: dict[str, t.FlowText] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)  # flow id (file stem) or SHARED_FILE
    findings: list[Finding] = field(default_factory=list)
    unread: set[str] = field(default_factory=set)  # stems whose file could not be read or built
    flow_files: set[str] = field(default_factory=set)  # the pack's flow files, by stem, loaded or not
    glossary: t.Glossary | None = None  # the terms every text must use (``_glossary.yaml``)


def has_chinese(text: str) -> bool:
    return templates.chinese().search(text) is not None


def needs_translation(text: str) -> bool:
    """Whether a source text holds words: one made of placeholders only needs none."""
    return has_chinese(templates.FLOW_REFERENCE.sub("", templates.PLACEHOLDER.sub("", text)))


def fact_value_translated(fact: d.Fact) -> bool:
    """A fact's value is translated only when it is words (8个8, "95198 或 …")."""
    return fact.kind in WORDED_KINDS and has_chinese(fact.value)


def read(directory: Path, language: str) -> Translation:
    """Parse and build every translation file of ``language`` in the pack ``directory``."""
    translation = Translation(language, flow_files=set(flow_ids(directory)))
    for path in translation_files(directory, language):
        document, found = parse(path, directory)
        translation.findings += found
        stem = path.name.removesuffix(FLOW_SUFFIX)
        key = SHARED_FILE if path.name == SHARED_FILE else stem
        if document is None:
            translation.unread.add(key)
            continue
        translation.documents[key] = document
        built = _build(t.SharedText if key == SHARED_FILE else t.FlowText, document, None if key == SHARED_FILE else stem, translation)
        if built is None:
            translation.unread.add(key)
        elif key == SHARED_FILE:
            translation.shared = built
        else:
            translation.flows[key] = built
    glossary = translation_dir(directory, language) / GLOSSARY_FILE
    if glossary.is_file():
        document, found = parse(glossary, directory)
        translation.findings += found
        if document is not None:
            translation.documents[GLOSSARY_FILE] = document
            translation.glossary = _build(t.Glossary, document, None, translation)
    return translation


def _build(cls: type, document: Document, flow: str | None, translation: Translation) -> Any:
    builder = Builder()
    try:
        value = builder.build(cls, document.data, ())
    except Invalid:
        value = None
    document.data = None
    translation.findings += [document.finding(p.path, p.message, p.rule, flow, at_key=p.at_key) for p in builder.problems]
    return None if builder.problems else value
