"""The outcome of a walk: everything a renderer needs, nothing rendered."""

import re
from collections.abc import Iterator, Mapping
from datetime import date
from typing import NamedTuple

from eportguide.engine.walker import Answered, Finished, Part
from eportguide.i18n import wording as w
from eportguide.model import definitions as d
from eportguide.model import templates
from eportguide.workdays.dates import NO_IMPORTS, Completion, Imported, completion

CONTACT_KINDS = ("email", "phone", "address", "url")
#: A phone number without an area code, and one written with it (029-83196210).
LOCAL_NUMBER = re.compile(r"\d{7,8}")
NUMBER_WITH_AREA = re.compile(r"(?<![\d-])(0\d{2,3})-(\d{7,8})(?![\d-])")


class Step(NamedTuple):
    text: str
    section: str | None = None  # the part's title when a sub-flow contributed steps


class AreaCode(NamedTuple):
    """A local phone number's area code, which the source gives only with another number.

    The source writes the mailing recipient's phone as "83196210" and the hotline as
    "029-83196210": the area code is the tool's addition, and said to be one.
    """

    full: str  # the number with its area code, as the other number writes it
    source: str  # the label of the fact that writes it so


class Contact(NamedTuple):
    name: str  # the fact's name in the pack
    kind: str
    label: str
    value: str
    recipient: str | None = None
    phone: str | None = None
    phone_area: AreaCode | None = None


class Deadline(NamedTuple):
    label: str
    text: str  # as the source says it, e.g. 1-2个工作日
    min_working_days: int
    max_working_days: int
    counts_from: str
    what: str  # what is done in that time, e.g. 电子口岸制卡


class EmailGloss(NamedTuple):
    """The e-mail read in the language spoken, beside the e-mail kept as the e-port requires it."""

    subject: str
    fields: tuple[tuple[str, str], ...]  # (label, value), one per field of the e-mail
    attachments: tuple[str, ...]


class EmailDraft(NamedTuple):
    to: str
    subject: str
    fields: tuple[tuple[str, str], ...]  # (label, value) in the source's order
    attachments: tuple[str, ...]
    blank: frozenset[str] = frozenset()  # labels of the fields left blank (the placeholder)
    subject_answers: tuple[str, ...] = ()  # typed values the subject names: whose case it is
    #: When a draft is written: the file put in for each attachment, in their order
    #: ("" = still to add), then any further files. None: no draft, nothing to say.
    files: tuple[str, ...] | None = None
    #: Its reading when the pack is read in another language (else None): the e-mail
    #: itself stays as written.
    gloss: EmailGloss | None = None


class Provenance(NamedTuple):
    """Where the pack's facts come from, and the day they were last checked against it."""

    document: str
    region: str
    branch: str
    checked: str  # YYYY-MM-DD
    date: str | None = None  # the document's own date
    obtained: str | None = None  # the day its copy was obtained


def provenance(pack: d.Pack) -> Provenance | None:
    manifest = pack.source
    if manifest is None:
        return None
    return Provenance(manifest.document, manifest.region, manifest.branch, manifest.checked, manifest.date, manifest.obtained)


class Mailing(NamedTuple):
    item: str
    address: str
    recipient: str | None
    phone: str | None
    phone_area: AreaCode | None = None


class Result(NamedTuple):
    flow_id: str
    flow_title: str
    source: str
    outcome_id: str
    outcome_title: str
    business: str | None
    path: tuple[Answered, ...]
    steps: tuple[Step, ...]
    materials: tuple[str, ...]
    contacts: tuple[Contact, ...]
    warnings: tuple[str, ...]
    deadline: Deadline | None
    email: EmailDraft | None
    mailing: Mailing | None
    #: The day the result was made, from which the dates are counted (None for ``show``).
    today: date | None = None
    #: The expected completion dates, when there is a deadline and a day to count from.
    completion: Completion | None = None
    #: The tool's own notes (not the source's words), in order.
    notes: tuple[str, ...] = ()
    #: The source document the facts come from and when they were checked, if the pack says.
    provenance: Provenance | None = None


def matches(condition: d.Condition, answers: Mapping[str, str]) -> bool:
    for key, wanted in condition.items():
        values = (wanted,) if isinstance(wanted, str) else wanted
        if answers.get(key) not in values:
            return False
    return True


class _Filler:
    """Fills placeholders for one part and notes which contact facts were named."""

    def __init__(self, pack: d.Pack, part: Part, used: dict[str, None], every_branch: bool = False, worded: bool = False) -> None:
        self.pack = pack
        self.shared = pack.shared
        self.part = part
        self.used = used
        self.every_branch = every_branch  # ``show``: keep conditional lines, marked
        self.worded = worded  # mark them with the question and answer, not key=value

    def resolve(self, name: str, attribute: str | None) -> str:
        fact = self.shared.facts.get(name)
        if fact is not None:
            if fact.kind in CONTACT_KINDS:
                self.used.setdefault(name)
            return str(getattr(fact, attribute or "value") or "")
        if name == templates.BUSINESS:
            return self.part.outcome.business or self.shared.placeholder
        value = self.part.answers.get(name) or self.shared.placeholder
        field = self.shared.fields.get(name)
        return suffixed(value, field) if field is not None else value

    def refer(self, flow_id: str) -> str:
        flow = self.pack.flows.get(flow_id)
        return w.FLOW_REFERENCE.format(title=flow.title if flow is not None else flow_id)

    def text(self, template: str) -> str:
        return templates.fill(template, self.resolve, self.refer)

    def field(self, template: str) -> str:
        """An e-mail body value; one XX, not "XX XX", when none of its inputs was given."""
        names = [name for name, _ in templates.placeholders(template)]
        inputs = [n for n in names if n in self.shared.fields]
        if inputs and len(inputs) == len(names) and not any(self.part.answers.get(n) for n in inputs):
            return self.shared.placeholder
        return self.text(template)

    def items(self, values: tuple[d.Text, ...]) -> Iterator[str]:
        for item in values:
            if isinstance(item, d.ConditionalText):
                if self.every_branch:
                    when = worded_condition(self.pack, self.part.flow, item.when) if self.worded else describe_condition(item.when)
                    yield self.text(item.text) + (when if self.worded else w.ONLY_WHEN.format(condition=when))
                elif matches(item.when, self.part.answers):
                    yield self.text(item.text)
            else:
                yield self.text(item)


def suffixed(value: str, field: d.InputField) -> str:
    """An answer as a text names it: with the field's suffix (企业) unless it already ends
    with it or with a word that says as much (公司, 厂)."""
    if not field.suffix or value.endswith((field.suffix, *field.suffix_unless)):
        return value
    return value + field.suffix


def _email(pack: d.Pack, part: Part, fill: _Filler, used: dict[str, None]) -> EmailDraft:
    """The e-mail as the e-port requires it, from the pack as written; read in another
    language, the translated pack's e-mail texts are its gloss."""
    written = pack.original
    if written is not None:
        flow = written.flows[part.flow.id]
        outcome = flow.states[part.outcome_id]
        assert isinstance(outcome, d.OutcomeState)
        source = part._replace(flow=flow, outcome=outcome)
        draft = _draft(written, source, _Filler(written, source, used, fill.every_branch, fill.worded))
        assert part.outcome.email is not None
        gloss = part.outcome.email
        fields = tuple((f.label, fill.field(f.value)) for f in gloss.fields)
        return draft._replace(gloss=EmailGloss(fill.text(gloss.subject), fields, tuple(fill.items(gloss.attachments))))
    return _draft(pack, part, fill)


def _draft(pack: d.Pack, part: Part, fill: _Filler) -> EmailDraft:
    spec = part.outcome.email
    assert spec is not None
    fill.used.setdefault(spec.to)
    fields = tuple((f.label, fill.field(f.value)) for f in spec.fields)
    named = (name for name, _ in templates.placeholders(spec.subject) if name in pack.shared.fields)
    return EmailDraft(
        to=pack.shared.facts[spec.to].value,
        subject=fill.text(spec.subject),
        fields=fields,
        attachments=tuple(fill.items(spec.attachments)),
        blank=frozenset(label for label, value in fields if value == pack.shared.placeholder),
        subject_answers=tuple(value for name in named if (value := part.answers.get(name))),
    )


def _unique(values: Iterator[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def describe_condition(condition: d.Condition) -> str:
    return w.PRESET_SEPARATOR.join(f"{key}={value if isinstance(value, str) else '/'.join(value)}" for key, value in condition.items())


def worded_condition(pack: d.Pack, flow: d.Flow, condition: d.Condition) -> str:
    """A condition in a reader's words: the question and the answers it holds for."""
    marks = []
    for key, wanted in condition.items():
        values = (wanted,) if isinstance(wanted, str) else wanted
        state = flow.states.get(key)
        prompt, labels = key, list(values)
        # A condition names a choice, a yes/no question or (inside a sub-flow) a detail.
        if isinstance(state, d.ChoiceState):
            named = {c.value: c.label for c in state.choices}
            prompt, labels = state.prompt, [named.get(v, v) for v in values]
        elif isinstance(state, d.ConfirmState):
            prompt, labels = state.prompt, [w.YES_LABEL if v == d.YES else w.NO_LABEL if v == d.NO else v for v in values]
        elif key in pack.shared.fields:
            prompt = pack.shared.fields[key].prompt
        marks.append(w.ONLY_WHEN_ANSWERED.format(prompt=prompt, labels=w.ANSWER_SEPARATOR.join(labels)))
    return "".join(marks)


def area_code(pack: d.Pack, phone: str | None) -> AreaCode | None:
    """The area code of a local number, when another phone fact writes it with one."""
    if not phone or not LOCAL_NUMBER.fullmatch(phone):
        return None
    for fact in pack.shared.facts.values():
        if fact.kind == "phone":
            for match in NUMBER_WITH_AREA.finditer(fact.value):
                if match.group(2) == phone:
                    return AreaCode(match.group(0), fact.label)
    return None


def contact(pack: d.Pack, name: str) -> Contact:
    """A contact fact of the pack as a result lists it."""
    fact = pack.shared.facts[name]
    return Contact(name, fact.kind, fact.label, fact.value, fact.recipient, fact.phone, area_code(pack, fact.phone))


def describe(pack: d.Pack, flow: d.Flow, outcome_id: str, worded: bool = False) -> Result:
    """An outcome as ``show`` prints it: no answers, every conditional line marked.

    ``worded`` marks a conditional line with its question and answers (the decision
    guide); otherwise with ``key=value`` (the JSON of ``show``, unchanged).
    """
    outcome = flow.states[outcome_id]
    assert isinstance(outcome, d.OutcomeState)
    return build(pack, Finished((), (Part(flow, outcome_id, outcome, {}),)), None, every_branch=True, worded=worded)


def build(
    pack: d.Pack,
    finished: Finished,
    today: date | None = None,
    every_branch: bool = False,
    worded: bool = False,
    imported: Imported = NO_IMPORTS,
) -> Result:
    """Assemble the result of a finished walk; the last part is the flow's own outcome.

    With ``today``, the deadline's dates are counted in working days from it, with the
    notices the user imported and the pack's calendar.
    """
    used: dict[str, None] = {}
    steps: list[Step] = []
    materials: list[str] = []
    warnings: list[str] = []
    notes: list[str] = []
    email = mailing = deadline = None
    sections = len(finished.parts) > 1
    for part in finished.parts:
        outcome = part.outcome
        fill = _Filler(pack, part, used, every_branch, worded)
        section = (outcome.section or outcome.title) if sections else None
        steps += (Step(text, section) for text in fill.items(outcome.steps))
        materials += fill.items(outcome.materials)
        warnings += fill.items(outcome.warnings)
        notes += fill.items(outcome.notes)
        if outcome.email is not None and email is None:
            email = _email(pack, part, fill, used)
        if outcome.mail is not None and mailing is None:
            used.setdefault(outcome.mail.to)
            fact = pack.shared.facts[outcome.mail.to]
            mailing = Mailing(outcome.mail.item, fact.value, fact.recipient, fact.phone, area_code(pack, fact.phone))
        if outcome.deadline is not None and deadline is None:
            fact = pack.shared.facts[outcome.deadline.duration]
            assert fact.min_working_days is not None and fact.max_working_days is not None
            timed = outcome.deadline
            deadline = Deadline(fact.label, fact.value, fact.min_working_days, fact.max_working_days, timed.counts_from, timed.what)
        for name in outcome.contacts:
            used.setdefault(name)
    contacts = tuple(contact(pack, name) for name in used if pack.shared.facts[name].kind in CONTACT_KINDS)
    last = finished.parts[-1]
    return Result(
        flow_id=last.flow.id,
        flow_title=last.flow.title,
        source=last.flow.source,
        outcome_id=last.outcome_id,
        outcome_title=last.outcome.title,
        business=last.outcome.business,
        path=finished.path,
        steps=tuple(steps),
        materials=_unique(iter(materials)),
        contacts=contacts,
        warnings=_unique(iter(warnings)),
        deadline=deadline,
        email=email,
        mailing=mailing,
        today=today,
        completion=completion(today, deadline.min_working_days, deadline.max_working_days, pack.calendar, imported)
        if deadline and today
        else None,
        notes=_unique(iter(notes)),
        provenance=provenance(pack),
    )
