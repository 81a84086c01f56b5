"""Every procedure of a pack in one document: what ``eportguide handbook`` draws.

A title block (the source, the pack, the date), contents by category, the shared
contacts once, then each procedure's decision guide. A plan's own list of contacts
gives way to a pointer to the shared one, so the hotline is not printed thirty times.
"""

from datetime import date
from typing import NamedTuple

from eportguide.engine.result import CONTACT_KINDS, contact, provenance
from eportguide.i18n import wording as w
from eportguide.model import definitions as d
from eportguide.render import outline, procedure
from eportguide.render.outline import Item, Section

#: The anchor of the shared contacts, beside the procedures' ``flow-…`` anchors.
CONTACTS_ANCHOR = "contacts"


class Chapter(NamedTuple):
    category: str
    guides: tuple[procedure.Guide, ...]


class Handbook(NamedTuple):
    title: str
    subtitle: str
    notes: tuple[str, ...]  # the source, the pack, the date, the hotline
    chapters: tuple[Chapter, ...]
    contacts: Section

    @property
    def guides(self) -> tuple[procedure.Guide, ...]:
        return tuple(g for chapter in self.chapters for g in chapter.guides)


def _pointing_to_contacts(plan: procedure.Plan) -> procedure.Plan:
    sections = []
    for section in plan.sections:
        if section.key == "contacts":
            labels = w.LIST_SEPARATOR.join(item.label or "" for item in section.items)
            text = w.HANDBOOK_SEE_CONTACTS.format(heading=w.HANDBOOK_CONTACTS, labels=labels)
            section = Section("contacts", section.heading, "bullets", (Item(text),))
        sections.append(section)
    return plan._replace(sections=tuple(sections))


def build(pack: d.Pack, pack_note: str, made: date) -> Handbook:
    """``pack_note`` says which pack it is (the shipped one, or a directory)."""
    chapters: dict[str, list[procedure.Guide]] = {}
    for flow in pack.flows.values():  # catalogue order; a category where its first flow is
        guide = procedure.build(pack, flow)
        # the source and the day it was checked head the book, once
        guide = guide._replace(plans=tuple(_pointing_to_contacts(p) for p in guide.plans), provenance=None)
        chapters.setdefault(flow.category, []).append(guide)
    contacts = tuple(contact(pack, name) for name, fact in pack.shared.facts.items() if fact.kind in CONTACT_KINDS)
    notes = [
        w.HANDBOOK_SOURCE,
        *filter(None, [outline.provenance_text(provenance(pack))]),
        pack_note,
        w.HANDBOOK_MADE.format(date=made.isoformat()),
    ]
    if pack.hotline:
        notes.append(w.HANDBOOK_HOTLINE.format(hotline=pack.hotline))
    return Handbook(
        w.HANDBOOK_TITLE,
        w.HANDBOOK_SUBTITLE.format(count=len(pack.flows)),
        tuple(notes),
        tuple(Chapter(category, tuple(guides)) for category, guides in chapters.items()),
        outline.contacts_section(contacts)._replace(heading=w.HANDBOOK_CONTACTS),
    )
