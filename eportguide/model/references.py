"""Cross-references in a pack: next states, facts, fields, sub-flows and conditions.

These checks run on every load, because the engine relies on them: a flow that passes
them can be stepped through without a missing state or fact.
"""

import re
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from eportguide.i18n import wording as w
from eportguide.model import definitions as d
from eportguide.model import templates, unsafe
from eportguide.model.documents import Document
from eportguide.model.files import RESERVED_IDS, SHARED_FILE
from eportguide.model.findings import Finding
from eportguide.model.queries import conditions, next_states, question_values, texts
from eportguide.model.schema import closest

if TYPE_CHECKING:
    from eportguide.model.documents import Loaded

Path = tuple[str | int, ...]
#: The most working days a time limit may name (the source's longest is a few days).
MAX_WORKING_DAYS = 365
#: A flow id is typed as a command: a letter or digit first, then letters, digits, "-", "_", ".".
COMMAND_ID = re.compile(r"[^\W_][\w.-]*")


class _Checker:
    def __init__(self, pack: d.Pack, documents: Mapping[str, Document], files: set[str]) -> None:
        self.pack = pack
        self.files = files  # flows that have a file, loaded or not: a broken file is reported once
        self.documents = documents
        self.findings: list[Finding] = []

    def report(self, flow: str | None, path: Path, message: str, rule: str) -> None:
        document = self.documents.get(flow or SHARED_FILE)
        if document is not None:  # the finding names its state from the path
            self.findings.append(document.finding(path, message, rule, flow))

    def fact(self, flow: str, path: Path, name: str, kind: str | None = None) -> None:
        facts = self.pack.shared.facts
        fact = facts.get(name)
        if fact is None:
            hint = closest(name, list(facts))
            self.report(flow, path, w.F_UNKNOWN_FACT.format(name=name, hint=hint), "unknown-fact")
        elif kind is not None and fact.kind != kind:
            self.report(flow, path, w.F_FACT_KIND.format(name=name, actual=fact.kind, expected=kind), "fact-kind")

    def one_line(self, flow: str | None, path: Path, text: str) -> None:
        """An e-mail header's text: a line break in it would end the header (and make the
        draft unwritable), so it is an error here rather than at the clerk's desk."""
        shown = unsafe.find(text, one_line=True)
        if shown is not None:
            self.report(flow, path, w.F_HEADER_ONE_LINE.format(char=shown), "one-line")

    def check(self) -> list[Finding]:
        shared = self.pack.shared
        for name, fact in shared.facts.items():
            if fact.kind == "email":
                self.one_line(None, ("facts", name, "value"), fact.value)
        for i, flow_id in enumerate(shared.order):
            if flow_id not in self.files:
                self.report(None, ("order", i), w.F_ORDER_UNKNOWN_FLOW.format(flow=flow_id), "unknown-flow")
        for name, fact in shared.facts.items():
            low, high = fact.min_working_days, fact.max_working_days
            if fact.kind != "duration":
                continue
            if low is None or high is None:
                self.report(None, ("facts", name), w.F_DURATION_NEEDS_DAYS.format(name=name), "required")
            elif not 0 <= low <= high <= MAX_WORKING_DAYS:  # dates are counted day by day: 10**9 would take hours
                self.report(None, ("facts", name), w.F_DURATION_RANGE.format(name=name, limit=MAX_WORKING_DAYS), "type")
        for flow in self.pack.flows.values():
            self.check_flow(flow)
        return self.findings

    def check_flow(self, flow: d.Flow) -> None:
        fid = flow.id
        states = flow.states
        if flow.start not in states:
            hint = closest(flow.start, list(states))
            self.report(fid, ("start",), w.F_UNKNOWN_START.format(target=flow.start, hint=hint), "unknown-state")
        keys = question_values(flow)
        names = set(self.pack.shared.facts) | set(self.pack.shared.fields) | {templates.BUSINESS}
        for state_id, state in states.items():
            base: Path = ("states", state_id)
            for path, target in next_states(state):
                if target not in states:
                    hint = closest(target, list(states))
                    self.report(fid, (*base, *path), w.F_UNKNOWN_STATE.format(target=target, hint=hint), "unknown-state")
            if isinstance(state, d.ChoiceState):
                seen: set[str] = set()
                for i, choice in enumerate(state.choices):
                    if choice.value in seen:
                        message = w.F_DUPLICATE_CHOICE.format(value=choice.value)
                        self.report(fid, (*base, "choices", i, "value"), message, "duplicate-choice")
                    seen.add(choice.value)
            if isinstance(state, d.InputState):
                for i, name in enumerate(state.fields):
                    if name not in self.pack.shared.fields:
                        hint = closest(name, list(self.pack.shared.fields))
                        self.report(fid, (*base, "fields", i), w.F_UNKNOWN_FIELD.format(name=name, hint=hint), "unknown-field")
                    elif name in states:
                        self.report(fid, (*base, "fields", i), w.F_FIELD_NAMED_LIKE_STATE.format(name=name), "name-clash")
            if isinstance(state, d.SubflowState):
                self.check_subflow(flow, state_id, state)
            if isinstance(state, d.OutcomeState):
                self.check_outcome(fid, base, state)
            for path, text in texts(state):
                for name, attribute in templates.placeholders(text):
                    if name not in names:
                        hint = closest(name, sorted(names))
                        self.report(fid, (*base, *path), w.F_UNKNOWN_FACT_IN_TEXT.format(name=name, hint=hint), "unknown-fact")
                    elif attribute is not None and (name not in self.pack.shared.facts or attribute not in templates.FACT_ATTRIBUTES):
                        message = w.F_UNKNOWN_ATTRIBUTE.format(name=name, attribute=attribute)
                        self.report(fid, (*base, *path), message, "unknown-fact")
                for named in templates.flow_references(text):
                    if named not in self.pack.flows and named not in self.files:
                        hint = closest(named, sorted(self.files))
                        self.report(fid, (*base, *path), w.F_UNKNOWN_FLOW_IN_TEXT.format(flow=named, hint=hint), "unknown-flow")
            for path, condition in conditions(state):
                self.check_condition(fid, (*base, *path), condition, keys)

    def check_condition(self, fid: str, path: Path, condition: d.Condition, keys: Mapping[str, tuple[str, ...] | None]) -> None:
        for key, wanted in condition.items():
            if key not in keys:
                hint = closest(key, list(keys))
                self.report(fid, (*path, key), w.F_UNKNOWN_CONDITION_QUESTION.format(key=key, hint=hint), "unknown-question")
                continue
            allowed = keys[key]
            values = (wanted,) if isinstance(wanted, str) else wanted
            for value in values:
                if allowed is not None and value not in allowed:
                    listed = w.F_ALLOWED_ANSWERS.format(values=w.F_LIST_SEPARATOR.join(allowed))
                    message = w.F_NOT_AN_ANSWER.format(value=value, key=key, allowed=listed)
                    self.report(fid, (*path, key), message, "unknown-value")

    def check_subflow(self, flow: d.Flow, state_id: str, state: d.SubflowState) -> None:
        base: Path = ("states", state_id)
        target = self.pack.flows.get(state.flow)
        if target is None:
            hint = closest(state.flow, list(self.pack.flows))
            self.report(flow.id, (*base, "flow"), w.F_UNKNOWN_SUBFLOW.format(flow=state.flow, hint=hint), "unknown-flow")
            return
        if target.id == flow.id and not state.answers:
            self.report(flow.id, (*base, "flow"), w.F_SELF_ENTRY, "subflow-cycle")
        keys = question_values(target)
        for key, value in state.answers.items():
            if key not in keys:
                message = w.F_SUBFLOW_NO_QUESTION.format(flow=state.flow, key=key)
                self.report(flow.id, (*base, "answers", key), message, "unknown-question")
            elif keys[key] is not None and value not in (keys[key] or ()):
                message = w.F_NOT_AN_ANSWER.format(value=value, key=key, allowed="")
                self.report(flow.id, (*base, "answers", key), message, "unknown-value")

    def check_outcome(self, fid: str, base: Path, state: d.OutcomeState) -> None:
        if state.email is not None:
            self.fact(fid, (*base, "email", "to"), state.email.to, "email")
            self.one_line(fid, (*base, "email", "subject"), state.email.subject)
        business = getattr(state, "business", None)
        if isinstance(business, str):  # filled into the subject line
            self.one_line(fid, (*base, "business"), business)
        if state.mail is not None:
            self.fact(fid, (*base, "mail", "to"), state.mail.to, "address")
        if state.deadline is not None:
            self.fact(fid, (*base, "deadline", "duration"), state.deadline.duration, "duration")
        for i, name in enumerate(state.contacts):
            self.fact(fid, (*base, "contacts", i), name)


def check_pack(pack: d.Pack, documents: Mapping[str, Document], files: set[str]) -> list[Finding]:
    """Cross-reference findings; ``files`` are the flow ids that have a file, loaded or not."""
    return _Checker(pack, documents, files).check()


def check_identity(
    flow: d.Flow, stem: str, document: Document, seen: Mapping[str, d.Flow], documents: Mapping[str, Document]
) -> list[Finding]:
    """The id must match the file name, be unique, and not shadow a command."""
    problems = []
    if flow.id in seen:
        problems.append((w.F_DUPLICATE_FLOW.format(id=flow.id, file=documents[flow.id].file), "duplicate-flow"))
    if flow.id != stem:
        problems.append((w.F_ID_NOT_FILE_NAME.format(id=flow.id, stem=stem), "file-name"))
    if flow.id in RESERVED_IDS:
        problems.append((w.F_RESERVED_ID.format(id=flow.id), "reserved-id"))
    elif not COMMAND_ID.fullmatch(flow.id):  # "-h" would be read as an option, "a b" as two words
        problems.append((w.F_ID_NOT_A_COMMAND.format(id=flow.id), "reserved-id"))
    if not problems:
        return []  # locating a line costs a parse: only for a finding
    line, column = document.locate(("id",))
    return [Finding(document.file, line, column, message, rule, flow.id) for message, rule in problems]


def check_calendar(calendar: d.CalendarOverrides | None, document: Document) -> list[Finding]:
    found: list[Finding] = []
    if calendar is None:
        return found
    for name in ("holidays", "workdays"):
        for i, text in enumerate(getattr(calendar, name)):
            try:
                d.parse_date(text)
            except ValueError:
                line, column = document.locate((name, i))
                found.append(Finding(document.file, line, column, w.F_NOT_A_DATE.format(text=text), "type"))
    holidays = set(calendar.holidays)
    for i, text in enumerate(calendar.workdays):
        if text in holidays:  # which would win is a guess: the notice never says both
            line, column = document.locate(("workdays", i))
            found.append(Finding(document.file, line, column, w.F_DAY_OFF_AND_WORKDAY.format(text=text), "calendar-conflict"))
    return found


def check_source(manifest: d.SourceManifest | None, document: Document, shared: d.Shared | None) -> list[Finding]:
    """The manifest's dates are dates; it names the facts of ``_facts.yaml`` and each of them.

    A fact it does not name has no date it was checked on: a warning, as is a manifest
    that gives neither the document's date nor the day it was obtained.
    """
    found: list[Finding] = []
    if manifest is None:
        return found

    def at(path: Path, message: str, rule: str, warning: bool = False) -> None:
        line, column = document.locate(path, at_key=rule == "unknown-fact")
        found.append(Finding(document.file, line, column, message, rule, severity="warning" if warning else "error"))

    dated: list[tuple[Path, str | None]] = [
        (("checked",), manifest.checked),
        (("date",), manifest.date),
        (("obtained",), manifest.obtained),
    ]
    dated += [(("facts", name), text) for name, text in manifest.facts.items()]
    for path, text in dated:
        if text is None:
            continue
        try:
            d.parse_date(text)
        except ValueError:
            at(path, w.F_NOT_A_DATE.format(text=text), "type")
    if manifest.date is None and manifest.obtained is None:
        at(("document",), w.F_SOURCE_UNDATED, "source-date", warning=True)
    if shared is not None:
        for name in manifest.facts:
            if name not in shared.facts:
                # a warning: the manifest describes the facts, the flows do not depend on it
                message = w.F_UNKNOWN_FACT.format(name=name, hint=closest(name, list(shared.facts)))
                at(("facts", name), message, "unknown-fact", warning=True)
        for name in shared.facts:
            if name not in manifest.facts:
                at(("facts",), w.F_FACT_NOT_CHECKED.format(name=name), "unchecked-fact", warning=True)
    return found


def check_age(loaded: "Loaded", today: date, max_days: int) -> list[Finding]:
    """Warnings for a pack (and each fact) last checked against its source more than
    ``max_days`` before ``today``: the source may have changed since."""
    from eportguide.model.files import SOURCE_FILE

    pack, document = loaded.pack, loaded.documents.get(SOURCE_FILE)
    if pack is None or pack.source is None or document is None:
        return []
    found: list[Finding] = []

    def stale(text: str) -> bool:
        try:
            return (today - d.parse_date(text)).days > max_days
        except ValueError:  # reported as not a date
            return False

    manifest = pack.source
    if stale(manifest.checked):
        line, column = document.locate(("checked",))
        message = w.F_SOURCE_STALE.format(date=manifest.checked, days=max_days)
        found.append(Finding(document.file, line, column, message, "stale-source", severity="warning"))
    for name, text in manifest.facts.items():
        if stale(text):
            line, column = document.locate(("facts", name))
            message = w.F_FACT_STALE.format(name=name, date=text, days=max_days)
            found.append(Finding(document.file, line, column, message, "stale-source", severity="warning"))
    return found
