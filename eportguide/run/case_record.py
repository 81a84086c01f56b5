"""The open case a finished run leaves: a result turned into what ``store.cases`` keeps."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from eportguide.i18n import language
from eportguide.model import answer_key
from eportguide.store.cases import ENTERPRISE_FIELD, Case, Dates, Phone, Step, now

if TYPE_CHECKING:
    from eportguide.engine.result import Result


def dates_of(result: Result) -> Dates | None:
    """The result's expected window, as a case keeps it."""
    counted, deadline = result.completion, result.deadline
    if counted is None or deadline is None:
        return None
    return Dates(counted.start, counted.earliest, counted.latest, counted.estimated, deadline.what, deadline.text)


def from_result(result: Result, case_id: str, pack_dir: Path, answers: Mapping[str, str]) -> Case:
    """The case a finished run leaves: its steps all still to do."""
    from eportguide.store.sessions import is_secret

    stamp = now()
    given = {k: v for k, v in answers.items() if not is_secret(k)}
    enterprise = next((v for k, v in given.items() if answer_key.field_name(k) == ENTERPRISE_FIELD and v), "")
    return Case(
        id=case_id,
        flow_id=result.flow_id,
        flow_title=result.flow_title,
        outcome_title=result.outcome_title,
        pack_dir=str(pack_dir.resolve()),
        created=stamp,
        updated=stamp,
        enterprise=enterprise,
        steps=tuple(Step(s.text, s.section) for s in result.steps),
        dates=dates_of(result),
        phones=tuple(Phone(c.label, c.value) for c in result.contacts if c.kind == "phone"),
        answers=given,
        language=language.current(),
    )
