"""A pack's texts in another language: read, checked against the pack, and applied to it.

A translation lives in ``<pack>/<language>/`` (``flows/en/``): ``_facts.yaml`` holds the
facts' labels (and values in words), the input fields' prompts, the categories and the
names on the e-port's website; ``<flow-id>.yaml`` holds one flow's texts, keyed as the
flow is (state ids, choice values) with lists given item by item. Only texts are
translated: routing, conditions and what a reader must copy as written (addresses,
recipients, e-mail addresses, URLs, numbers) stay in the flow files, once.

Applied, a translation gives the same pack with its texts in that language, and the pack
as written kept beside it (``Pack.original``) for the e-mail the e-port requires in
Chinese: the translation's e-mail texts become its reading (a gloss), never the e-mail.
A text not yet translated stays as written; ``eportguide validate`` warns of it.

A name on the e-port's website (a menu, a button, a message it shows) is written in a
translation as ``{site:身份认证管理系统}`` and shown as the site shows it with its
translation beside it — ``身份认证管理系统 (Identity Authentication Management
System)`` — the translation written once, in ``site_names``.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from eportguide.i18n import wording as w
from eportguide.model import definitions as d
from eportguide.model import templates
from eportguide.model import translation_format as t
from eportguide.model.documents import Document, Loaded
from eportguide.model.files import (
    FLOW_SUFFIX,
    GLOSSARY_FILE,
    SHARED_FILE,
    SOURCE_FILE,
    flow_ids,
    is_shipped,
    translation_dir,
    translation_files,
)
from eportguide.model.findings import Finding, PackError
from eportguide.model.lint import lint
from eportguide.model.loader import parse, read_pack
from eportguide.model.schema import Builder, Invalid, closest

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


# --- reading -------------------------------------------------------------------------------


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


def load(directory: Path, language: str) -> d.Pack:
    """The pack of ``directory`` with its ``language`` translation applied; PackError on an error.

    A text not translated stays as written (a warning of ``validate``, not an error).
    """
    loaded = read_pack(directory)
    errors = loaded.errors or [f for f in lint(loaded) if f.severity == "error"]
    if not errors and loaded.pack is not None:
        translation = read(directory, language)
        found = translation.findings + check(loaded, translation)
        errors = [f for f in found if f.severity == "error"]
        if not errors:
            return apply(loaded.pack, translation)
    raise PackError(errors, None if is_shipped(directory) else str(directory))


# --- checking ------------------------------------------------------------------------------


def check(loaded: Loaded, translation: Translation) -> list[Finding]:
    """What a translation lacks (warnings at the source's text), and what it has that the
    pack does not, or says differently (errors at the translation's text)."""
    if loaded.pack is None:
        return []
    return _Checker(loaded, translation).check()


class _Checker:
    def __init__(self, loaded: Loaded, translation: Translation) -> None:
        assert loaded.pack is not None
        self.pack = loaded.pack
        self.sources = loaded.documents
        self.translation = translation
        self.language = translation.language
        self.findings: list[Finding] = []
        self.sites_used: set[str] = set()
        self.terms_reported: set[tuple[str, int, int]] = set()

    # where a finding goes

    def _file(self, key: str) -> str:
        return f"{self.language}/{key if key in (SHARED_FILE, GLOSSARY_FILE) else key + FLOW_SUFFIX}"

    def missing(self, key: str, path: Path_, text: str, flow: str | None = None, translated_in: str | None = None) -> None:
        """A source text without its translation: a warning at the source's text.

        Not when the translation's file could not be read: its own finding says why.
        """
        where = translated_in or key
        document = self.sources.get(key)
        if document is not None and where not in self.translation.unread:
            message = w.F_NO_TRANSLATION.format(text=_short(text), language=self.language, file=self._file(where))
            self.findings.append(document.finding(path, message, "missing-translation", flow, warning=True))

    def wrong(self, key: str, path: Path_, message: str, rule: str, flow: str | None = None, *, at_key: bool = False) -> None:
        """Something in the translation the pack does not have, or says otherwise: an error there."""
        document = self.translation.documents.get(key)
        if document is not None:
            self.findings.append(document.finding(path, message, rule, flow, at_key=at_key))

    def notice(self, key: str, path: Path_, message: str, rule: str, flow: str | None = None) -> None:
        document = self.translation.documents.get(key)
        if document is not None:
            self.findings.append(document.finding(path, message, rule, flow, warning=True))

    # the whole pack

    def check(self) -> list[Finding]:
        self.check_shared()
        for flow in self.pack.flows.values():
            text = self.translation.flows.get(flow.id)
            if text is None:
                if flow.id not in self.translation.unread:
                    message = w.F_NO_TRANSLATION_FILE.format(language=self.language, file=self._file(flow.id))
                    source = self.sources.get(flow.id)
                    if source is not None:
                        self.findings.append(source.finding(("id",), message, "missing-translation", flow.id, warning=True))
            else:
                self.check_flow(flow, text)
        for stem in self.translation.flows:
            if stem not in self.pack.flows and stem not in self.translation.flow_files:  # a flow that failed to load says so itself
                hint = closest(stem, list(self.pack.flows))
                self.wrong(stem, (), w.F_TRANSLATION_NO_FLOW.format(flow=stem, hint=hint), "orphan-translation", stem)
        self.check_categories()
        self.check_site_names_used()
        return self.findings

    def check_shared(self) -> None:
        shared, text = self.pack.shared, self.translation.shared
        for name, fact in shared.facts.items():
            given = text.facts.get(name, t.FactText())
            self.pair(SHARED_FILE, ("facts", name, "label"), fact.label, given.label, ("facts", name, "label"))
            if fact_value_translated(fact):
                self.pair(SHARED_FILE, ("facts", name, "value"), fact.value, given.value, ("facts", name, "value"))
            elif given.value is not None:
                self.wrong(SHARED_FILE, ("facts", name, "value"), w.F_TRANSLATION_KEPT_VALUE.format(name=name), "orphan-translation")
        for name in text.facts:
            if name not in shared.facts:
                message = w.F_TRANSLATION_NO_FACT.format(name=name, hint=closest(name, list(shared.facts)))
                self.wrong(SHARED_FILE, ("facts", name), message, "orphan-translation", at_key=True)
        for name, input_field in shared.fields.items():
            given_field = text.fields.get(name, t.FieldText())
            base: Path_ = ("fields", name)
            self.pair(SHARED_FILE, (*base, "prompt"), input_field.prompt, given_field.prompt, (*base, "prompt"))
            self.optional(SHARED_FILE, base, "help", input_field.help, given_field.help)
        self.check_source(text.source)
        for name, gloss in text.site_names.items():
            self.check_terms(SHARED_FILE, ("site_names", name), gloss)
        for name in text.fields:
            if name not in shared.fields:
                message = w.F_TRANSLATION_NO_FIELD.format(name=name, hint=closest(name, list(shared.fields)))
                self.wrong(SHARED_FILE, ("fields", name), message, "orphan-translation", at_key=True)

    def check_source(self, given: t.SourceText | None) -> None:
        """The source document's title, region and branch, when the pack names its source."""
        manifest = self.pack.source
        if manifest is None:
            if given is not None:
                self.wrong(SHARED_FILE, ("source",), w.F_TRANSLATION_NO_TEXT.format(key="source"), "orphan-translation", at_key=True)
            return
        given = given or t.SourceText()
        for name in ("document", "region", "branch"):
            self.pair(SOURCE_FILE, (name,), getattr(manifest, name), getattr(given, name), ("source", name), translated_in=SHARED_FILE)

    def check_terms(self, where: str, path: Path_, text: str, flow: str | None = None) -> None:
        """A text uses the glossary's term for each concept: a variant it lists is an error,
        located at its own line."""
        glossary = self.translation.glossary
        if glossary is None:
            return
        document = self.translation.documents.get(where)
        if document is None:
            return
        taken: list[tuple[int, int]] = []
        variants = sorted(((v, term) for term in glossary.terms for v in term.avoid), key=lambda pair: -len(pair[0]))
        for variant, term in variants:
            for match in _variant(variant).finditer(text):
                found = match.group(0)
                if found in (term.term, term.term[:1].upper() + term.term[1:]):
                    continue
                if any(start < match.end() and match.start() < end for start, end in taken):
                    continue  # inside a longer variant already reported
                taken.append(match.span())
                line, column = document.locate_text(path, found)
                if (document.file, line, column) in self.terms_reported:
                    continue  # one text reached twice (a YAML alias: both states share its steps)
                self.terms_reported.add((document.file, line, column))
                message = w.F_GLOSSARY.format(found=found, term=term.term, source=term.source, file=self._file(GLOSSARY_FILE))
                state = str(path[1]) if len(path) >= 2 and path[0] == "states" else None
                self.findings.append(Finding(document.file, line, column, message, "glossary", flow, state))

    def check_categories(self) -> None:
        categories = self.translation.shared.categories
        first: dict[str, d.Flow] = {}
        for flow in self.pack.flows.values():
            first.setdefault(flow.category, flow)
        for category, flow in first.items():
            given = categories.get(category)
            where: Path_ = ("categories", category)
            self.pair(flow.id, ("category",), category, given, where, translated_in=SHARED_FILE, flow=flow.id)
        for category in categories:
            if category not in first:
                hint = closest(category, list(first))
                message = w.F_TRANSLATION_NO_CATEGORY.format(category=category, hint=hint)
                self.wrong(SHARED_FILE, ("categories", category), message, "orphan-translation", at_key=True)

    def check_site_names_used(self) -> None:
        if self.translation.unread:  # a file that could not be read may be the one using a name
            return
        for name in self.translation.shared.site_names:
            if name not in self.sites_used:
                self.notice(SHARED_FILE, ("site_names", name), w.F_UNUSED_SITE_NAME.format(name=name), "unused-site-name")

    # one flow

    def check_flow(self, flow: d.Flow, text: t.FlowText) -> None:
        fid = flow.id
        for name in ("title", "source", "description"):
            self.pair(fid, (name,), getattr(flow, name), getattr(text, name), (name,), flow=fid)
        for state_id in text.states:
            if state_id not in flow.states:
                hint = closest(state_id, list(flow.states))
                message = w.F_TRANSLATION_NO_STATE.format(state=state_id, hint=hint)
                self.wrong(fid, ("states", state_id), message, "orphan-translation", fid, at_key=True)
        for state_id, state in flow.states.items():
            self.check_state(fid, state_id, state, text.states.get(state_id, t.StateText()))

    def check_state(self, fid: str, state_id: str, state: d.State, text: t.StateText) -> None:
        base: Path_ = ("states", state_id)
        for name in SCALARS:
            self.optional(fid, base, name, getattr(state, name, None), getattr(text, name), flow=fid)
        self.check_choices(fid, base, state, text.choices)
        for name in LISTS:
            self.items(fid, base, name, getattr(state, name, None), getattr(text, name), flow=fid)
        outcome = state if isinstance(state, d.OutcomeState) else None
        self.check_email(fid, base, outcome.email if outcome else None, text.email)
        mail, deadline = (outcome.mail, outcome.deadline) if outcome else (None, None)
        if self.present(fid, base, "mail", mail, text.mail) and mail is not None:
            self.pair(fid, (*base, "mail", "item"), mail.item, (text.mail or t.MailText()).item, (*base, "mail", "item"), flow=fid)
        if self.present(fid, base, "deadline", deadline, text.deadline) and deadline is not None:
            given = text.deadline or t.DeadlineText()
            for name in ("counts_from", "what"):
                path = (*base, "deadline", name)
                self.pair(fid, path, getattr(deadline, name), getattr(given, name), path, flow=fid)

    def check_choices(self, fid: str, base: Path_, state: d.State, given: Mapping[str, str] | None) -> None:
        choices = state.choices if isinstance(state, d.ChoiceState) else None
        if not self.present(fid, base, "choices", choices, given) or choices is None:
            return
        given = given or {}
        values = [c.value for c in choices]
        for i, choice in enumerate(choices):
            translated = given.get(choice.value)
            self.pair(fid, (*base, "choices", i, "label"), choice.label, translated, (*base, "choices", choice.value), flow=fid)
        for value in given:
            if value not in values:
                message = w.F_TRANSLATION_NO_CHOICE.format(state=base[1], value=value, hint=closest(value, values))
                self.wrong(fid, (*base, "choices", value), message, "orphan-translation", fid, at_key=True)

    def check_email(self, fid: str, base: Path_, spec: d.EmailSpec | None, given: t.EmailText | None) -> None:
        if not self.present(fid, base, "email", spec, given) or spec is None:
            return
        given = given or t.EmailText()
        where: Path_ = (*base, "email")
        self.pair(fid, (*where, "subject"), spec.subject, given.subject, (*where, "subject"), flow=fid)
        fields = given.fields
        for i, email_field in enumerate(spec.fields):
            source_path = (*where, "fields", i)
            field_text = fields[i] if fields is not None and i < len(fields) else None
            label = field_text.label if field_text else None
            self.pair(fid, (*source_path, "label"), email_field.label, label, (*source_path, "label"), flow=fid)
            if needs_translation(email_field.value):
                value = field_text.value if field_text else None
                self.pair(fid, (*source_path, "value"), email_field.value, value, (*source_path, "value"), flow=fid)
            elif field_text is not None and field_text.value is not None:
                self.pair(fid, (*source_path, "value"), email_field.value, field_text.value, (*source_path, "value"), flow=fid)
        self.extra(fid, where, "fields", len(spec.fields), fields, flow=fid)
        self.items(fid, where, "attachments", spec.attachments, given.attachments, flow=fid)

    # one text and its translation

    def present(self, key: str, base: Path_, name: str, source: object, given: object) -> bool:
        """Whether the source has ``name`` to translate; a translation of what it lacks is an error."""
        if source is None and given is not None:
            self.wrong(key, (*base, name), w.F_TRANSLATION_NO_TEXT.format(key=name), "orphan-translation", _flow_of(key), at_key=True)
        return source is not None

    def optional(self, key: str, base: Path_, name: str, source: str | None, given: str | None, flow: str | None = None) -> None:
        if self.present(key, base, name, source, given) and source is not None:
            self.pair(key, (*base, name), source, given, (*base, name), flow=flow)

    def items(
        self, key: str, base: Path_, name: str, source: tuple[d.Text, ...] | None, given: tuple[str, ...] | None, flow: str | None = None
    ) -> None:
        if not self.present(key, base, name, source, given) or source is None:
            return
        for i, item in enumerate(source):
            text = item.text if isinstance(item, d.ConditionalText) else item
            source_path = (*base, name, i, "text") if isinstance(item, d.ConditionalText) else (*base, name, i)
            translated = given[i] if given is not None and i < len(given) else None
            self.pair(key, source_path, text, translated, (*base, name, i), flow=flow)
        self.extra(key, base, name, len(source), given, flow)

    def extra(self, key: str, base: Path_, name: str, count: int, given: tuple[Any, ...] | None, flow: str | None = None) -> None:
        if given is not None and len(given) > count:
            message = w.F_TRANSLATION_EXTRA_ITEM.format(key=name, count=count)
            self.wrong(key, (*base, name, count), message, "orphan-translation", flow)

    def pair(
        self,
        key: str,
        source_path: Path_,
        source: str,
        given: str | None,
        given_path: Path_,
        *,
        translated_in: str | None = None,
        flow: str | None = None,
    ) -> None:
        """A source text and its translation (None: not given), checked for what it must keep."""
        where = translated_in or key
        if given is None:
            if needs_translation(source):
                self.missing(key, source_path, source, flow, translated_in)
            return
        for name in SITE_NAME.findall(given):
            self.sites_used.add(name)
            if name not in self.translation.shared.site_names and SHARED_FILE not in self.translation.unread:
                hint = closest(name, list(self.translation.shared.site_names))
                message = w.F_UNKNOWN_SITE_NAME.format(name=name, file=self._file(SHARED_FILE), hint=hint)
                self.wrong(where, given_path, message, "unknown-site-name", flow)
        plain = SITE_NAME.sub("", given)
        self.check_terms(where, given_path, _without_references(plain), flow)
        wanted, found = _references(source), _references(plain)
        if wanted != found:
            details = [
                template.format(names=_listed(names))
                for template, names in (
                    (w.F_TRANSLATION_REFERENCES_MISSING, wanted - found),
                    (w.F_TRANSLATION_REFERENCES_EXTRA, found - wanted),
                )
                if names
            ]
            message = w.F_TRANSLATION_PLACEHOLDERS.format(details=w.F_TRANSLATION_DETAILS_SEPARATOR.join(details))
            self.wrong(where, given_path, message, "translation-placeholders", flow)
        lost = sorted(set(NUMBER.findall(_without_references(source))) - set(NUMBER.findall(plain)), key=int)
        if lost:
            message = w.F_TRANSLATION_NUMBERS.format(numbers=w.F_LIST_SEPARATOR.join(lost))
            self.wrong(where, given_path, message, "translation-numbers", flow)
        left = templates.chinese().search(plain)
        if left is not None:
            message = w.F_TRANSLATION_CHINESE.format(text=left.group(0), file=self._file(SHARED_FILE))
            self.notice(where, given_path, message, "untranslated", flow)


def _variant(text: str) -> re.Pattern[str]:
    """A variant as a whole word (or words), whatever its case; spaces match any run of them."""
    body = r"\s+".join(re.escape(part) for part in text.split())
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.IGNORECASE)


def _flow_of(key: str) -> str | None:
    return None if key == SHARED_FILE else key


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _references(text: str) -> set[str]:
    """The facts, fields and procedures a text names: what a translation must name too."""
    found = {match.group(0) for match in templates.PLACEHOLDER.finditer(text)}
    return found | {match.group(0) for match in templates.FLOW_REFERENCE.finditer(text)}


def _without_references(text: str) -> str:
    return templates.FLOW_REFERENCE.sub("", templates.PLACEHOLDER.sub("", text))


def _listed(references: set[str]) -> str:
    return w.F_LIST_SEPARATOR.join(sorted(references))


# --- applying ------------------------------------------------------------------------------


def apply(pack: d.Pack, translation: Translation) -> d.Pack:
    """The pack with the translation's texts; what is not translated stays as written."""
    names = translation.shared.site_names

    def text(source: str, given: str | None) -> str:
        return source if given is None else expand(given, names)

    shared = translation.shared
    facts = {}
    for name, fact in pack.shared.facts.items():
        given = shared.facts.get(name, t.FactText())
        value = text(fact.value, given.value) if fact_value_translated(fact) else fact.value
        facts[name] = fact._replace(label=text(fact.label, given.label), value=value)
    fields = {}
    for name, input_field in pack.shared.fields.items():
        given_field = shared.fields.get(name, t.FieldText())
        help_text = input_field.help if input_field.help is None else text(input_field.help, given_field.help)
        # A suffix (企业 after a company name) belongs to the Chinese e-mail, which keeps it
        # (it is made from the pack as written); a reading names the company as typed.
        fields[name] = input_field._replace(
            prompt=text(input_field.prompt, given_field.prompt), help=help_text, suffix=None, suffix_unless=()
        )
    translated_shared = pack.shared._replace(facts=MappingProxyType(facts), fields=MappingProxyType(fields))
    flows = {flow_id: _flow(flow, translation.flows.get(flow_id), shared.categories, text) for flow_id, flow in pack.flows.items()}
    manifest = pack.source
    if manifest is not None and shared.source is not None:
        given_source = shared.source
        manifest = manifest._replace(
            document=text(manifest.document, given_source.document),
            region=text(manifest.region, given_source.region),
            branch=text(manifest.branch, given_source.branch),
        )
    return d.Pack(translated_shared, MappingProxyType(flows), pack.calendar, original=pack, source=manifest)


def expand(text: str, names: Mapping[str, str]) -> str:
    """``{site:NAME}`` as the site shows it, with its translation beside it."""

    def named(match: re.Match[str]) -> str:
        name = match.group(1)
        gloss = names.get(name)
        return w.GLOSSED.format(text=name, gloss=gloss) if gloss else name

    return SITE_NAME.sub(named, text)


#: A source text and its translation (None: not given) -> the text to show.
Translate = Callable[[str, str | None], str]


def _flow(flow: d.Flow, given: t.FlowText | None, categories: Mapping[str, str], text: Translate) -> d.Flow:
    category = text(flow.category, categories.get(flow.category))
    if given is None:
        return flow._replace(category=category, search=d.SearchSpec())
    states = {state_id: _state(state, given.states.get(state_id), text) for state_id, state in flow.states.items()}
    return flow._replace(
        title=text(flow.title, given.title),
        category=category,
        source=text(flow.source, given.source),
        description=text(flow.description, given.description),
        states=MappingProxyType(states),
        search=given.search,
    )


def _state(state: d.State, given: t.StateText | None, text: Translate) -> d.State:
    if given is None:
        return state
    changes: dict[str, Any] = {}
    for name in SCALARS:
        source = getattr(state, name, None)
        if source is not None and getattr(given, name) is not None:
            changes[name] = text(source, getattr(given, name))
    if isinstance(state, d.ChoiceState) and given.choices:
        labels = given.choices
        changes["choices"] = tuple(c._replace(label=text(c.label, labels.get(c.value))) for c in state.choices)
    for name in LISTS:
        source_items = getattr(state, name, None)
        if source_items is not None and getattr(given, name) is not None:
            changes[name] = _items(source_items, getattr(given, name), text)
    if isinstance(state, d.OutcomeState):
        if state.email is not None and given.email is not None:
            changes["email"] = _email(state.email, given.email, text)
        if state.mail is not None and given.mail is not None:
            changes["mail"] = state.mail._replace(item=text(state.mail.item, given.mail.item))
        if state.deadline is not None and given.deadline is not None:
            timed = given.deadline
            changes["deadline"] = state.deadline._replace(
                counts_from=text(state.deadline.counts_from, timed.counts_from), what=text(state.deadline.what, timed.what)
            )
    return state._replace(**changes)


def _items(source: tuple[d.Text, ...], given: tuple[str, ...], text: Translate) -> tuple[d.Text, ...]:
    out: list[d.Text] = []
    for i, item in enumerate(source):
        translated = given[i] if i < len(given) else None
        if isinstance(item, d.ConditionalText):
            out.append(item._replace(text=text(item.text, translated)))
        else:
            out.append(text(item, translated))
    return tuple(out)


def _email(spec: d.EmailSpec, given: t.EmailText, text: Translate) -> d.EmailSpec:
    """The e-mail's reading: the engine takes the e-mail itself from the pack as written."""
    fields = given.fields or ()
    glossed = []
    for i, email_field in enumerate(spec.fields):
        field_text = fields[i] if i < len(fields) else None
        if field_text is None:
            glossed.append(email_field)
            continue
        glossed.append(d.EmailField(text(email_field.label, field_text.label), text(email_field.value, field_text.value)))
    attachments = _items(spec.attachments, given.attachments, text) if given.attachments is not None else spec.attachments
    return spec._replace(subject=text(spec.subject, given.subject), fields=tuple(glossed), attachments=attachments)
