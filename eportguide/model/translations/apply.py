"""A translation applied: the same pack with its texts in that language, the pack as
written kept beside it (``Pack.original``); ``load`` reads, checks and applies one."""

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from eportguide.i18n import wording as w
from eportguide.model import definitions as d
from eportguide.model.loader import broken, usable
from eportguide.model.translations import format as t
from eportguide.model.translations.check import check
from eportguide.model.translations.read import LISTS, SCALARS, SITE_NAME, Translation, fact_value_translated, read


def load(directory: Path, language: str) -> d.Pack:
    """The pack of ``directory`` with its ``language`` translation applied; PackError on an
    error of the pack (``loader.usable``) or of the translation.

    A text not translated stays as written (a warning of ``validate``, not an error).
    """
    loaded = usable(directory)
    assert loaded.pack is not None  # usable() refuses a pack that was not built
    translation = read(directory, language)
    errors = [f for f in translation.findings + check(loaded, translation) if f.severity == "error"]
    if errors:
        raise broken(directory, errors)
    return apply(loaded.pack, translation)


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
