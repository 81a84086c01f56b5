"""The result as JSON: a stable schema for scripts (documented in the README)."""

import json
from datetime import date
from typing import Any

from eportguide.engine import Result
from eportguide.engine.dates import Completion

SCHEMA_VERSION = 1


def as_dict(result: Result, completion: Completion | None, today: date | None) -> dict[str, Any]:
    """The result as plain data; ``today`` is None for ``show`` (no dates counted)."""
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
            "what": d.what,
            "start": today.isoformat() if today else None,
            "earliest": completion.earliest.isoformat() if completion else None,
            "latest": completion.latest.isoformat() if completion else None,
            "estimated": completion.estimated if completion else None,
            "estimated_years": list(completion.estimated_years) if completion else [],
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
        "deadline": deadline,
        "email": email,
        "mailing": mailing,
    }


def dumps(result: Result, completion: Completion | None, today: date | None) -> str:
    return json.dumps(as_dict(result, completion, today), ensure_ascii=False, indent=2) + "\n"
