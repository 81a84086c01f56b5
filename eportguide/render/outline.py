"""The checklist of a result as ordered sections, shared by every output format.

Each format (terminal, text, Markdown, HTML) draws these sections its own way; what a
section says is decided here, once.
"""

from collections.abc import Iterator
from datetime import date
from typing import Literal, NamedTuple, assert_never
from urllib.parse import quote

from eportguide.engine.result import AreaCode, Contact, Provenance, Result
from eportguide.i18n import wording as w
from eportguide.workdays.dates import OFFICIAL, Completion, Day, Holiday, Reason, Source

Style = Literal["numbered", "checklist", "fields", "bullets"]


class Item(NamedTuple):
    text: str
    label: str | None = None  # for "fields": the field's name
    group: str | None = None  # for "numbered": the part a step belongs to
    blank: bool = False  # a value left blank (the placeholder): paper leaves room to write it
    phone: bool = False  # holds phone numbers a screen may offer to dial


class Section(NamedTuple):
    key: str  # stable: answers, steps, materials, email, mailing, contacts, deadline, warnings, notes
    heading: str
    style: Style
    items: tuple[Item, ...]
    note: str | None = None  # a line under the heading (the e-mail kept in Chinese says so)


class Outline(NamedTuple):
    title: str
    subtitle: str
    source: str
    sections: tuple[Section, ...]
    noted: date | None = None  # the day a run's checklist was made (none for ``show``)
    provenance: str | None = None  # the source document and when the facts were checked


def entries(section: Section) -> Iterator[tuple[int, str | None, Item]]:
    """Each item with its number, and the title of the part it opens (else None).

    Steps contributed by a procedure run first are grouped under that part's title;
    every format draws the title once, before the part's first step.
    """
    group = None
    for number, item in enumerate(section.items, 1):
        opens = item.group if item.group and item.group != group else None
        group = item.group or group
        yield number, opens, item


def email_body(result: Result) -> str:
    """The body of the application e-mail: the source's fields, then the attachments.

    Always as the e-port requires it, in Chinese, whatever language is spoken.
    """
    assert result.email is not None
    lines = [w.EMAIL_BODY_FIELD.format(label=label, value=value) for label, value in result.email.fields]
    if result.email.attachments:
        lines += ["", w.EMAIL_ATTACHMENTS_LINE.format(items=w.EMAIL_BODY_SEPARATOR.join(result.email.attachments))]
    return "\n".join(lines)


def provenance_text(provenance: Provenance | None) -> str | None:
    """``资料来源：《…》（陕西，…，获取于 2026-11-27）；本工具核对于 2026-12-03``, or None."""
    if provenance is None:
        return None
    dated = [w.PROVENANCE_DATED.format(date=provenance.date)] if provenance.date else []
    dated += [w.PROVENANCE_OBTAINED.format(date=provenance.obtained)] if provenance.obtained else []
    about = w.PROVENANCE_JOIN.join([provenance.region, provenance.branch, *dated])
    return w.PROVENANCE_LINE.format(document=provenance.document, about=about, checked=provenance.checked)


def glossed(text: str, gloss: str | None) -> str:
    """A text kept as written, with its reading beside it when there is one that differs."""
    return text if not gloss or gloss == text else w.GLOSSED.format(text=text, gloss=gloss)


def attachment_names(result: Result) -> list[str]:
    """The attachments the e-mail needs, each with its reading when the pack is read in another language."""
    assert result.email is not None
    email = result.email
    readings = email.gloss.attachments if email.gloss is not None else ()
    return [glossed(item, readings[i] if i < len(readings) else None) for i, item in enumerate(email.attachments)]


def attachment_status(result: Result) -> str:
    """The attachments the e-mail needs; once a draft is written, which file is in it for
    each and which are still to add."""
    assert result.email is not None
    email = result.email
    attachments = attachment_names(result)
    if email.files is None:
        return w.LIST_SEPARATOR.join(attachments)
    files = list(email.files) + [""] * (len(attachments) - len(email.files))
    parts = [
        w.ATTACHED_AS.format(item=item, file=file) if file else w.ATTACH_STILL_TO_ADD.format(item=item)
        for item, file in zip(attachments, files, strict=False)
    ]
    extra = [file for file in files[len(attachments) :] if file]
    if extra:
        parts.append(w.ATTACHED_MORE.format(files=w.LIST_SEPARATOR.join(extra)))
    return w.CLAUSE_SEPARATOR.join(parts)


def mailto(result: Result) -> str:
    assert result.email is not None
    body = email_body(result).replace("\n", "\r\n")  # RFC 6068: line breaks in a body are CRLF
    return f"mailto:{result.email.to}?subject={quote(result.email.subject)}&body={quote(body)}"


def completion_text(result: Result) -> str:
    assert result.deadline is not None
    deadline, completion = result.deadline, result.completion
    text = w.DEADLINE_LINE.format(what=deadline.what, text=deadline.text, counts_from=deadline.counts_from)
    if completion is not None:
        start, earliest, latest = (day_text(x, completion) for x in (completion.start, completion.earliest, completion.latest))
        text += w.DEADLINE_DATES.format(start=start, earliest=earliest, latest=latest, what=deadline.what)
        text += basis_text(completion) + estimate_text(completion)
    return text


def basis_words(completion: Completion, until: date) -> str:
    """What a date of the count rests on, in words: official (with the notice's year),
    estimated by the State Council's principles, by the law alone, or by the week."""
    match completion.basis(until):
        case Reason.OFFICIAL:
            years = [str(year) for year, source in completion.sources if year <= until.year and source in OFFICIAL]
            return w.BASIS_OFFICIAL.format(years=w.LIST_SEPARATOR.join(years))
        case Reason.PRINCIPLES:
            return str(w.BASIS_PRINCIPLES)
        case Reason.LAW | Reason.ARTICLE_6:
            return str(w.BASIS_LAW)
        case _:
            return str(w.BASIS_WEEK)


def basis_text(completion: Completion) -> str:
    """``（日期依据：…）``: once when both dates rest on the same, else for each."""
    earliest, latest = basis_words(completion, completion.earliest), basis_words(completion, completion.latest)
    if earliest == latest:
        return w.DEADLINE_BASIS.format(basis=earliest)
    return w.DEADLINE_BASIS_EACH.format(
        earliest=completion.earliest.isoformat(), earliest_basis=earliest, latest=completion.latest.isoformat(), latest_basis=latest
    )


def reason_text(reason: Reason) -> str:
    match reason:
        case Reason.OFFICIAL:
            return str(w.REASON_OFFICIAL)
        case Reason.LAW:
            return str(w.REASON_LAW)
        case Reason.ARTICLE_6:
            return str(w.REASON_ARTICLE_6)
        case Reason.PRINCIPLES:
            return str(w.REASON_PRINCIPLES)
        case _:
            assert_never(reason)


def skipped_text(days: tuple[Day, ...]) -> str:
    """The estimated weekdays off a count skipped, by holiday and reason:
    ``春节（法定 2027-02-05、2027-02-08，第六条补假 2027-02-09）``."""
    holidays: dict[str, dict[Reason, list[str]]] = {}
    for day in days:
        assert day.reason is not None
        holidays.setdefault(day.holiday or "", {}).setdefault(day.reason, []).append(day.date.isoformat())
    parts = []
    for name, reasons in holidays.items():
        shown = w.SKIPPED_SEPARATOR.join(
            w.SKIPPED_REASON.format(reason=reason_text(reason), days=w.LIST_SEPARATOR.join(dates)) for reason, dates in reasons.items()
        )
        parts.append(w.SKIPPED_HOLIDAY.format(name=holiday_name(name), parts=shown))
    return w.SKIPPED_HOLIDAYS_SEPARATOR.join(parts)


def estimate_text(completion: Completion) -> str:
    """What an estimated count rests on: the days off it skipped and why, or the week alone."""
    text = ""
    estimated = [str(year) for year, source in completion.sources if source is Source.ESTIMATE]
    if estimated:
        years = w.LIST_SEPARATOR.join(estimated)
        skipped = tuple(day for day in completion.days_off if day.source is Source.ESTIMATE)
        if skipped:
            text += w.DEADLINE_ESTIMATE_SKIPPED.format(years=years, days=skipped_text(skipped))
        else:
            text += w.DEADLINE_ESTIMATE_NONE.format(years=years)
    week_years = [str(year) for year, source in completion.sources if source is Source.WEEK]
    if week_years:
        text += w.DEADLINE_ESTIMATE.format(years=w.LIST_SEPARATOR.join(week_years))
    return text


def holiday_name(name: str) -> str:
    """A holiday's name in the language spoken (the engine knows them by their Chinese
    names; a notice's item may name two: 国庆节、中秋节)."""
    names = w.source("HOLIDAYS")
    assert isinstance(names, tuple)
    parts = name.split(str(w.source("LIST_SEPARATOR")))
    return w.LIST_SEPARATOR.join(str(w.HOLIDAYS[names.index(part)]) if part in names else part for part in parts)


def holiday_text(holiday: Holiday) -> str:
    """``春节（2027-02-05 至 2027-02-08）``."""
    first, last = holiday.days[0].isoformat(), holiday.days[-1].isoformat()
    return w.HOLIDAY_DAYS.format(
        name=holiday_name(holiday.name), days=first if first == last else w.DAY_SPAN.format(first=first, last=last)
    )


def day_text(day: date, completion: Completion | None = None) -> str:
    """``2026-02-14（周六）``; a make-up working day says so: ``（周六，调休上班）``."""
    makeup = completion is not None and day in completion.makeup_workdays
    return (w.DAY_MAKEUP if makeup else w.DAY).format(date=day.isoformat(), weekday=w.WEEKDAYS[day.weekday()])


def phone_text(phone: str, area: AreaCode | None, inline: bool = False) -> str:
    """A phone number, with the area code the tool adds (said to be added) beside it.

    ``inline``: inside a parenthesis already (a contact's recipient and phone).
    """
    if area is None:
        return phone
    return phone + (w.PHONE_AREA_INLINE if inline else w.PHONE_AREA).format(full=area.full, source=area.source)


def contacts_section(contacts: tuple[Contact, ...]) -> Section:
    items = []
    for c in contacts:
        text = c.value
        if c.recipient:
            text += w.CONTACT_RECIPIENT.format(recipient=c.recipient, phone=phone_text(c.phone or "", c.phone_area, inline=True))
        items.append(Item(text, c.label, phone=c.kind in ("phone", "address")))
    return Section("contacts", w.H_CONTACTS, "fields", tuple(items))


def email_section(result: Result) -> Section:
    """The e-mail's fields; read in another language, each with its reading beside it."""
    email = result.email
    assert email is not None
    gloss = email.gloss
    readings = gloss.fields if gloss is not None else ()
    items = [Item(email.to, w.EMAIL_TO), Item(glossed(email.subject, gloss.subject if gloss else None), w.EMAIL_SUBJECT)]
    for i, (label, value) in enumerate(email.fields):
        label_gloss, value_gloss = readings[i] if i < len(readings) else (None, None)
        items.append(Item(glossed(value, value_gloss), glossed(label, label_gloss), blank=label in email.blank))
    attached = attachment_status(result)
    items += [Item(attached, w.EMAIL_ATTACH)] if attached else []
    # Read in another language, the note says the e-mail goes as written, and what its reading rests on.
    source = provenance_text(result.provenance)
    kept = [w.EMAIL_KEPT_AS_WRITTEN, w.PROVENANCE_SENTENCE.format(provenance=source) if source else ""] if gloss is not None else []
    note = " ".join(x for x in (*kept, w.EMAIL_SUBJECT_RULE) if x)
    return Section("email", w.H_EMAIL, "fields", tuple(items), note)


def build(result: Result) -> Outline:
    sections: list[Section] = []
    answered = tuple(Item(a.label or w.LEFT_BLANK, label=a.short) for a in result.path if not a.preset)
    if answered:
        sections.append(Section("answers", w.H_ANSWERS, "fields", answered))
    sections.append(Section("steps", w.H_STEPS, "numbered", tuple(Item(s.text, group=s.section) for s in result.steps)))
    if result.materials:
        sections.append(Section("materials", w.H_MATERIALS, "checklist", tuple(Item(m) for m in result.materials)))
    if result.email is not None:
        sections.append(email_section(result))
    if result.mailing is not None:
        mailing = result.mailing
        items = [Item(mailing.item, w.MAIL_ITEM), Item(mailing.address, w.MAIL_ADDRESS)]
        if mailing.recipient:
            items.append(Item(mailing.recipient, w.MAIL_RECIPIENT))
        if mailing.phone:
            items.append(Item(phone_text(mailing.phone, mailing.phone_area), w.MAIL_PHONE, phone=True))
        sections.append(Section("mailing", w.H_MAILING, "fields", tuple(items)))
    if result.deadline is not None:
        sections.append(Section("deadline", w.H_DEADLINE, "bullets", (Item(completion_text(result)),)))
    if result.warnings:
        sections.append(Section("warnings", w.H_WARNINGS, "bullets", tuple(Item(x) for x in result.warnings)))
    if result.notes:
        sections.append(Section("notes", w.H_NOTES, "bullets", tuple(Item(x) for x in result.notes)))
    if result.contacts:
        sections.append(contacts_section(result.contacts))
    return Outline(
        result.flow_title, result.outcome_title, result.source, tuple(sections), result.today, provenance_text(result.provenance)
    )
