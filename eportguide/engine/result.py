"""The outcome of a walk: everything a renderer needs, nothing rendered."""

from collections.abc import Iterator, Mapping
from datetime import date
from typing import NamedTuple

from eportguide import wording as w
from eportguide.engine.dates import Completion, completion
from eportguide.engine.walker import Answered, Finished, Part
from eportguide.model import definitions as d
from eportguide.model import templates

CONTACT_KINDS = ("email", "phone", "address", "url")


class Step(NamedTuple):
    text: str
    section: str | None = None  # the part's title when a sub-flow contributed steps


class Contact(NamedTuple):
    name: str  # the fact's name in the pack
    kind: str
    label: str
    value: str
    recipient: str | None = None
    phone: str | None = None


class Deadline(NamedTuple):
    label: str
    text: str  # as the source says it, e.g. 1-2个工作日
    min_working_days: int
    max_working_days: int
    counts_from: str
    what: str  # what is done in that time, e.g. 电子口岸制卡


class EmailDraft(NamedTuple):
    to: str
    subject: str
    fields: tuple[tuple[str, str], ...]  # (label, value) in the source's order
    attachments: tuple[str, ...]


class Mailing(NamedTuple):
    item: str
    address: str
    recipient: str | None
    phone: str | None


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


def matches(condition: d.Condition, answers: Mapping[str, str]) -> bool:
    for key, wanted in condition.items():
        values = (wanted,) if isinstance(wanted, str) else wanted
        if answers.get(key) not in values:
            return False
    return True


class _Filler:
    """Fills placeholders for one part and notes which contact facts were named."""

    def __init__(self, pack: d.Pack, part: Part, used: dict[str, None], every_branch: bool = False) -> None:
        self.shared = pack.shared
        self.part = part
        self.used = used
        self.every_branch = every_branch  # ``show``: keep conditional lines, marked

    def resolve(self, name: str, attribute: str | None) -> str:
        fact = self.shared.facts.get(name)
        if fact is not None:
            if fact.kind in CONTACT_KINDS:
                self.used.setdefault(name)
            return str(getattr(fact, attribute or "value") or "")
        if name == templates.BUSINESS:
            return self.part.outcome.business or self.shared.placeholder
        return self.part.answers.get(name) or self.shared.placeholder

    def text(self, template: str) -> str:
        return templates.fill(template, self.resolve)

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
                    yield self.text(item.text) + w.ONLY_WHEN.format(condition=describe_condition(item.when))
                elif matches(item.when, self.part.answers):
                    yield self.text(item.text)
            else:
                yield self.text(item)


def _unique(values: Iterator[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def describe_condition(condition: d.Condition) -> str:
    return "，".join(f"{key}={value if isinstance(value, str) else '/'.join(value)}" for key, value in condition.items())


def describe(pack: d.Pack, flow: d.Flow, outcome_id: str) -> Result:
    """An outcome as ``show`` prints it: no answers, every conditional line marked."""
    outcome = flow.states[outcome_id]
    assert isinstance(outcome, d.OutcomeState)
    return build(pack, Finished((), (Part(flow, outcome_id, outcome, {}),)), None, every_branch=True)


def build(pack: d.Pack, finished: Finished, today: date | None = None, every_branch: bool = False) -> Result:
    """Assemble the result of a finished walk; the last part is the flow's own outcome.

    With ``today``, the deadline's dates are counted in working days from it, with the
    pack's calendar.
    """
    used: dict[str, None] = {}
    steps: list[Step] = []
    materials: list[str] = []
    warnings: list[str] = []
    email = mailing = deadline = None
    sections = len(finished.parts) > 1
    for part in finished.parts:
        outcome = part.outcome
        fill = _Filler(pack, part, used, every_branch)
        section = outcome.title if sections else None
        steps += (Step(text, section) for text in fill.items(outcome.steps))
        materials += fill.items(outcome.materials)
        warnings += fill.items(outcome.warnings)
        if outcome.email is not None and email is None:
            spec = outcome.email
            used.setdefault(spec.to)
            email = EmailDraft(
                to=pack.shared.facts[spec.to].value,
                subject=fill.text(spec.subject),
                fields=tuple((f.label, fill.field(f.value)) for f in spec.fields),
                attachments=tuple(fill.items(spec.attachments)),
            )
        if outcome.mail is not None and mailing is None:
            used.setdefault(outcome.mail.to)
            fact = pack.shared.facts[outcome.mail.to]
            mailing = Mailing(outcome.mail.item, fact.value, fact.recipient, fact.phone)
        if outcome.deadline is not None and deadline is None:
            fact = pack.shared.facts[outcome.deadline.duration]
            assert fact.min_working_days is not None and fact.max_working_days is not None
            timed = outcome.deadline
            deadline = Deadline(fact.label, fact.value, fact.min_working_days, fact.max_working_days, timed.counts_from, timed.what)
        for name in outcome.contacts:
            used.setdefault(name)
    contacts = tuple(
        Contact(name, f.kind, f.label, f.value, f.recipient, f.phone)
        for name in used
        if (f := pack.shared.facts[name]).kind in CONTACT_KINDS
    )
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
        completion=completion(today, deadline.min_working_days, deadline.max_working_days, pack.calendar) if deadline and today else None,
    )
