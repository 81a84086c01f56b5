"""A translation checked against its pack: what it lacks (warnings at the source's text)
and what it has that the pack does not, or says differently (errors at its own text)."""

import re
from collections.abc import Mapping
from typing import Any

from eportguide.i18n import wording as w
from eportguide.model import definitions as d
from eportguide.model import templates
from eportguide.model.documents import Loaded
from eportguide.model.files import FLOW_SUFFIX, GLOSSARY_FILE, SHARED_FILE, SOURCE_FILE
from eportguide.model.findings import Finding
from eportguide.model.schema import closest
from eportguide.model.translations import format as t
from eportguide.model.translations.read import (
    LISTS,
    NUMBER,
    SCALARS,
    SITE_NAME,
    Path_,
    Translation,
    fact_value_translated,
    needs_translation,
)


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
