"""The format of a translation file (``flows/<language>/``): typed records, as ``definitions``.

A translation file names what it translates by the keys of the file it translates
(state ids, choice values, fact and field names) and gives lists item by item, in the
source's order. Only texts are translated: routing, conditions, fact values that a
reader must copy as written (addresses, e-mail addresses, URLs, numbers) never are.

Kept apart from ``definitions``, which every command imports: only reading a
translation, ``validate`` and ``schema`` need these records, and building them cost a
run in Chinese some milliseconds for nothing.
"""

from collections.abc import Mapping
from typing import Annotated, NamedTuple

from eportguide.model.definitions import EMPTY, Doc, SearchSpec

OPTIONAL_TEXT = "Its translation; the source's text when absent (validate warns)."
ITEMS = "One translation per item of the source's list, in its order."


class FactText(NamedTuple):
    label: Annotated[str | None, Doc("The fact's name, translated.")] = None
    value: Annotated[
        str | None,
        Doc("The value in words, translated (8个8, a warning); an address, e-mail, URL or number stays as written and has none."),
    ] = None


class FieldText(NamedTuple):
    prompt: Annotated[str | None, Doc(OPTIONAL_TEXT)] = None
    help: Annotated[str | None, Doc(OPTIONAL_TEXT)] = None


class SourceText(NamedTuple):
    """The source document's description (``_source.yaml``), translated; its dates stay as written."""

    document: Annotated[str | None, Doc(OPTIONAL_TEXT)] = None
    region: Annotated[str | None, Doc(OPTIONAL_TEXT)] = None
    branch: Annotated[str | None, Doc(OPTIONAL_TEXT)] = None


class SharedText(NamedTuple):
    facts: Annotated[Mapping[str, FactText], Doc("Facts' labels (and values in words) by fact name.")] = EMPTY
    fields: Annotated[Mapping[str, FieldText], Doc("Input fields' prompts and help by field name.")] = EMPTY
    categories: Annotated[Mapping[str, str], Doc("Each category as the flows write it, and its translation.")] = EMPTY
    site_names: Annotated[
        Mapping[str, str],
        Doc("Names on the e-port's website, as it shows them, and their translation: {site:NAME} in a text gives both."),
    ] = EMPTY
    source: Annotated[SourceText | None, Doc("The source document's title, region and branch (_source.yaml), translated.")] = None


class EmailFieldText(NamedTuple):
    label: Annotated[str, Doc("The field's name, translated (shown beside the name the e-mail keeps).")]
    value: Annotated[str | None, Doc("The value's template, translated, when it holds words and not only placeholders.")] = None


class EmailText(NamedTuple):
    """The e-mail's reading in this language: the e-mail itself stays as written."""

    subject: Annotated[str | None, Doc(OPTIONAL_TEXT)] = None
    fields: Annotated[tuple[EmailFieldText, ...] | None, Doc(ITEMS)] = None
    attachments: Annotated[tuple[str, ...] | None, Doc(ITEMS)] = None


class MailText(NamedTuple):
    item: Annotated[str | None, Doc(OPTIONAL_TEXT)] = None


class DeadlineText(NamedTuple):
    counts_from: Annotated[str | None, Doc(OPTIONAL_TEXT)] = None
    what: Annotated[str | None, Doc(OPTIONAL_TEXT)] = None


class StateText(NamedTuple):
    """The texts of one state; a key the state has no text for is an error."""

    prompt: Annotated[str | None, Doc(OPTIONAL_TEXT)] = None
    help: Annotated[str | None, Doc(OPTIONAL_TEXT)] = None
    label: Annotated[str | None, Doc(OPTIONAL_TEXT)] = None
    ask: Annotated[str | None, Doc(OPTIONAL_TEXT)] = None
    ask_label: Annotated[str | None, Doc(OPTIONAL_TEXT)] = None
    title: Annotated[str | None, Doc(OPTIONAL_TEXT)] = None
    section: Annotated[str | None, Doc(OPTIONAL_TEXT)] = None
    business: Annotated[str | None, Doc(OPTIONAL_TEXT)] = None
    choices: Annotated[Mapping[str, str] | None, Doc("Each choice's label, by its value.")] = None
    text: Annotated[tuple[str, ...] | None, Doc(ITEMS)] = None
    steps: Annotated[tuple[str, ...] | None, Doc(ITEMS)] = None
    materials: Annotated[tuple[str, ...] | None, Doc(ITEMS)] = None
    warnings: Annotated[tuple[str, ...] | None, Doc(ITEMS)] = None
    notes: Annotated[tuple[str, ...] | None, Doc(ITEMS)] = None
    email: Annotated[EmailText | None, Doc("The e-mail's reading (subject, fields, attachments).")] = None
    mail: Annotated[MailText | None, Doc("What is mailed.")] = None
    deadline: Annotated[DeadlineText | None, Doc("The processing time's start and what is done in it.")] = None


class FlowText(NamedTuple):
    title: Annotated[str | None, Doc(OPTIONAL_TEXT)] = None
    source: Annotated[str | None, Doc(OPTIONAL_TEXT)] = None
    description: Annotated[str | None, Doc(OPTIONAL_TEXT)] = None
    search: Annotated[SearchSpec, Doc("Search phrasing in this language, beside the source's (search reads both).")] = SearchSpec()
    states: Annotated[Mapping[str, StateText], Doc("The states' texts, by state id.")] = EMPTY


class Term(NamedTuple):
    term: Annotated[str, Doc("The one word used for the concept (E-Port, legal-person card).")]
    source: Annotated[str, Doc("The concept, as the source language writes it (电子口岸, 法人卡).")]
    avoid: Annotated[
        tuple[str, ...],
        Doc("Variants a text must not use, matched as whole words whatever their case; the term itself (or capitalised) is fine."),
    ] = ()
    note: Annotated[str | None, Doc("Why, or where the term does not apply.")] = None


class Glossary(NamedTuple):
    """A translation's terms, one per concept (``<language>/_glossary.yaml``): validate holds every text to them."""

    terms: Annotated[tuple[Term, ...], Doc("The terms, each with the variants to avoid.")]
