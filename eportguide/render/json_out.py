"""The result as JSON: a stable schema for scripts (documented in the README)."""

import json
from typing import Any, assert_never

from eportguide.engine.result import Result, describe
from eportguide.engine.walker import confirm_options
from eportguide.i18n import wording as w
from eportguide.model import definitions as d
from eportguide.model.definitions import DONE
from eportguide.render.outline import holiday_name
from eportguide.workdays.dates import Day, Holiday

SCHEMA_VERSION = 1


def as_dict(result: Result) -> dict[str, Any]:
    """The result as plain data; its ``today`` is None for ``show`` (no dates counted)."""
    completion, today = result.completion, result.today
    contacts: dict[str, list[Any]] = {"emails": [], "phones": [], "addresses": [], "urls": []}
    for c in result.contacts:
        if c.kind == "email":
            contacts["emails"].append({"label": c.label, "address": c.value})
        elif c.kind == "phone":
            contacts["phones"].append({"label": c.label, "number": c.value})
        elif c.kind == "address":
            contacts["addresses"].append({"label": c.label, "address": c.value, "recipient": c.recipient, "phone": c.phone})
        elif c.kind == "url":
            contacts["urls"].append({"label": c.label, "url": c.value})
    deadline = None
    if result.deadline is not None:
        d = result.deadline
        deadline = {
            "text": d.text,
            "min_working_days": d.min_working_days,
            "max_working_days": d.max_working_days,
            "counts_from": d.counts_from,
            "counts_from_assumed": True,  # the source never says when a time limit starts
            "what": d.what,
            "start": today.isoformat() if today else None,
            "earliest": completion.earliest.isoformat() if completion else None,
            "latest": completion.latest.isoformat() if completion else None,
            "estimated": completion.estimated if completion else None,
            "estimated_years": list(completion.estimated_years) if completion else [],
            "sources": [{"year": year, "source": source.value} for year, source in completion.sources] if completion else [],
            "law_holidays": [holiday_dict(h) for h in completion.law_holidays] if completion else [],
            "makeup_workdays": [day.isoformat() for day in completion.makeup_workdays] if completion else [],
            "basis": {"earliest": completion.basis(completion.earliest).value, "latest": completion.basis(completion.latest).value}
            if completion
            else None,
            "days_off": [day_dict(day) for day in completion.days_off] if completion else [],
        }
    source = None
    if result.provenance is not None:
        p = result.provenance
        source = {
            "document": p.document,
            "region": p.region,
            "branch": p.branch,
            "date": p.date,
            "obtained": p.obtained,
            "checked": p.checked,
        }
    email = None
    if result.email is not None:
        from eportguide.render.outline import email_body

        e = result.email
        email = {
            "to": e.to,
            "subject": e.subject,
            "body": email_body(result),
            "fields": [{"label": label, "value": value} for label, value in e.fields],
            "attachments": list(e.attachments),
            # read in another language: the e-mail stays as written, this is its reading
            "gloss": None
            if e.gloss is None
            else {
                "subject": e.gloss.subject,
                "fields": [{"label": label, "value": value} for label, value in e.gloss.fields],
                "attachments": list(e.gloss.attachments),
                "source": source,  # what the reading rests on, and when it was checked
            },
        }
    mailing = None
    if result.mailing is not None:
        m = result.mailing
        mailing = {"item": m.item, "address": m.address, "recipient": m.recipient, "phone": m.phone}
    return {
        "schema_version": SCHEMA_VERSION,
        "flow": {"id": result.flow_id, "title": result.flow_title, "source": result.source},
        "outcome": {"id": result.outcome_id, "title": result.outcome_title, "business": result.business},
        "answers": [{"key": a.key, "question": a.prompt, "value": a.value, "label": a.label} for a in result.path if not a.preset],
        "steps": [{"text": s.text, "section": s.section} for s in result.steps],
        "materials": list(result.materials),
        "contacts": contacts,
        "warnings": list(result.warnings),
        "notes": list(result.notes),  # the tool's own notes, not the source's words
        "deadline": deadline,
        "email": email,
        "mailing": mailing,
        "source": source,  # the document the facts come from, and the day they were checked
    }


def day_dict(day: Day) -> dict[str, Any]:
    """A day off as counted: its holiday, where its year comes from and what it rests on."""
    return {
        "date": day.date.isoformat(),
        "holiday": holiday_name(day.holiday) if day.holiday else None,
        "source": day.source.value,
        "reason": day.reason.value if day.reason else None,
    }


def holiday_dict(holiday: Holiday) -> dict[str, Any]:
    return {"name": holiday_name(holiday.name), "dates": [day.isoformat() for day in holiday.days]}


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def result(result: Result) -> str:
    return _dumps(as_dict(result))


def procedure(pack: d.Pack, flow: d.Flow, ids: bool = False) -> str:
    """Every state, with its id: JSON is for programs, so ``ids`` changes nothing."""
    return _dumps(procedure_dict(pack, flow))


def procedure_dict(pack: d.Pack, flow: d.Flow) -> dict[str, Any]:
    """Every state with its id, kind, prompt and choices (value, label, next)."""
    states = []
    for state_id, state in flow.states.items():
        entry: dict[str, Any] = {"id": state_id, "kind": state.kind, "start": state_id == flow.start}
        match state:
            case d.ChoiceState():
                entry |= {
                    "prompt": state.prompt,
                    "help": state.help,
                    "choices": [{"value": c.value, "label": c.label, "next": c.next} for c in state.choices],
                }
            case d.ConfirmState():
                yes, no = confirm_options()
                entry |= {
                    "prompt": state.prompt,
                    "help": state.help,
                    "choices": [
                        {"value": yes.value, "label": yes.label, "next": state.if_yes},
                        {"value": no.value, "label": no.label, "next": state.if_no},
                    ],
                }
            case d.InputState():
                entry |= {
                    "prompt": state.ask,
                    "fields": [
                        {"key": f, "prompt": pack.shared.fields[f].prompt, "validate": pack.shared.fields[f].validate} for f in state.fields
                    ],
                    "next": state.next,
                }
            case d.InstructionState():
                entry |= {"prompt": state.title, "choices": [{"value": DONE, "label": w.DONE_LABEL, "next": state.next}]}
            case d.SubflowState():
                entry |= {"prompt": state.title, "flow": state.flow, "answers": dict(state.answers), "next": state.next}
            case d.OutcomeState():
                result = as_dict(describe(pack, flow, state_id))
                entry |= {
                    "prompt": state.title,
                    "outcome": {
                        k: result[k] for k in ("steps", "materials", "contacts", "warnings", "notes", "deadline", "email", "mailing")
                    },
                }
            case _:
                assert_never(state)
        states.append(entry)
    return {
        "id": flow.id,
        "title": flow.title,
        "category": flow.category,
        "source": flow.source,
        "description": flow.description,
        "start": flow.start,
        "states": states,
    }
