"""Typed, immutable definitions of a flows pack.

These dataclasses are the one source of truth for the flow-file format: the loader
builds them from YAML by reading their type hints, and the JSON Schema that editors use
is generated from the same hints (see ``schema.py``). A field's ``doc`` metadata is its
description in that schema.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal


def doc(text: str, min_items: int | None = None, **kwargs: Any) -> Any:
    """A dataclass field carrying its description for the generated JSON Schema.

    ``min_items`` goes into the schema so that editors flag an empty list while one
    types; ``eportguide validate`` reports the same with what it means for the flow.
    """
    metadata: dict[str, Any] = {"doc": text}
    if min_items is not None:
        metadata["min_items"] = min_items
    return field(metadata=metadata, **kwargs)


#: Stored answers of a yes/no question and of an instruction done.
YES, NO, DONE = "yes", "no", "done"

#: ``when: {answer_key: value}`` or ``{answer_key: [value, ...]}``; all keys must match.
Condition = Mapping[str, str | tuple[str, ...]]

FactKind = Literal["email", "phone", "address", "url", "text", "duration"]
Validator = Literal["text", "name", "phone", "address", "tracking_number", "card_number"]


@dataclass(frozen=True, slots=True)
class Fact:
    kind: FactKind = doc("What the fact is; email, phone, address and url are contacts.")
    label: str = doc("Its name as shown to a user, e.g. 客服邮箱.")
    value: str = doc("The fact itself, verbatim from the source FAQ.")
    recipient: str | None = doc("For an address: who receives the mail.", default=None)
    phone: str | None = doc("For an address: the recipient's phone.", default=None)
    min_working_days: int | None = doc("For a duration: the fewest working days.", default=None)
    max_working_days: int | None = doc("For a duration: the most working days.", default=None)
    source: str | None = doc("Where the source FAQ states it.", default=None)


@dataclass(frozen=True, slots=True)
class InputField:
    prompt: str = doc("The question asked, e.g. 联系人手机或座机.")
    validate: Validator = doc("How a given value is checked.", default="text")
    help: str | None = doc("A hint shown under the prompt.", default=None)


@dataclass(frozen=True, slots=True)
class ConditionalText:
    text: str = doc("The text; {fact} and {fact.attribute} placeholders are filled in.")
    when: Condition = doc("Shown only when every named answer has one of these values.")


#: A line of text, optionally conditional on earlier answers.
Text = str | ConditionalText


@dataclass(frozen=True, slots=True)
class Choice:
    value: str = doc("Stable machine value, used by --answer and in sessions.")
    label: str = doc("What the user sees and may also type.")
    next: str = doc("The state this choice leads to.")


@dataclass(frozen=True, slots=True)
class ChoiceState:
    kind: Literal["choice"]
    prompt: str = doc("The question.")
    choices: tuple[Choice, ...] = doc("The options, in display order.", min_items=1)
    help: str | None = doc("A hint shown under the question.", default=None)


@dataclass(frozen=True, slots=True)
class ConfirmState:
    kind: Literal["confirm"]
    prompt: str = doc("A yes/no question.")
    # Not ``yes``/``no``: YAML 1.1 reads those keys as booleans.
    if_yes: str = doc("The state after 是.")
    if_no: str = doc("The state after 否.")
    help: str | None = doc("A hint shown under the question.", default=None)


@dataclass(frozen=True, slots=True)
class InputState:
    kind: Literal["input"]
    fields: tuple[str, ...] = doc("Shared input fields asked in order; each is optional.")
    next: str = doc("The state after the inputs.")
    ask: str | None = doc(
        "A yes/no question asked first; 否 skips the inputs (placeholders stay XX).",
        default=None,
    )


@dataclass(frozen=True, slots=True)
class InstructionState:
    kind: Literal["instruction"]
    title: str = doc("What the user is told to do now.")
    text: tuple[Text, ...] = doc("The instruction, one line per item.")
    next: str = doc("The state after the user has done it.")


@dataclass(frozen=True, slots=True)
class SubflowState:
    kind: Literal["subflow"]
    flow: str = doc("The id of the flow to run first.")
    next: str = doc("The state to continue with once that flow reached its outcome.")
    title: str | None = doc("Why the other flow comes first.", default=None)
    answers: Mapping[str, str] = doc("Answers given to the other flow, so it does not ask them.", default_factory=dict)


@dataclass(frozen=True, slots=True)
class EmailField:
    label: str = doc("The body field's name as the source lists it, e.g. 在办业务名称.")
    value: str = doc("Template of the value: {business} or input fields; blank gives XX.")


@dataclass(frozen=True, slots=True)
class EmailSpec:
    to: str = doc("Fact name of the recipient address.")
    subject: str = doc("Subject template, e.g. {enterprise}企业办理电子口岸的{business}业务.")
    fields: tuple[EmailField, ...] = doc("Body fields, in the source's order.")
    attachments: tuple[Text, ...] = doc("Files to attach, in the source's order.")


@dataclass(frozen=True, slots=True)
class MailSpec:
    item: str = doc("What is mailed, e.g. 已锁定的法人卡.")
    to: str = doc("Fact name of the mailing address (with recipient and phone).")


@dataclass(frozen=True, slots=True)
class DeadlineSpec:
    duration: str = doc("Fact name of the processing time (a duration fact).")
    counts_from: str = doc("The day counting starts, e.g. 电子口岸收到申请邮件和卡片之日.")
    what: str = doc(
        "What is done in that time, in the source's words: 电子口岸办理, 电子口岸审核, 电子口岸制卡.",
        default="电子口岸办理",
    )


@dataclass(frozen=True, slots=True)
class OutcomeState:
    kind: Literal["outcome"]
    title: str = doc("The outcome's heading.")
    steps: tuple[Text, ...] = doc("What to do, in order; placeholders are filled in.", min_items=1)
    business: str | None = doc("The business name for 办理电子口岸的XX业务.", default=None)
    materials: tuple[Text, ...] = doc("Materials to prepare.", default=())
    email: EmailSpec | None = doc("The application e-mail, if one is sent.", default=None)
    mail: MailSpec | None = doc("A card mailed to the e-port, if any.", default=None)
    deadline: DeadlineSpec | None = doc("The processing time, if the source states one.", default=None)
    warnings: tuple[Text, ...] = doc("Things to watch out for.", default=())
    contacts: tuple[str, ...] = doc("Fact names of further contacts to list.", default=())


State = ChoiceState | ConfirmState | InputState | InstructionState | SubflowState | OutcomeState

#: Maps a state's ``kind`` to its class; the loader and the schema both use it.
STATE_KINDS: Mapping[str, type] = {cls.__dataclass_fields__["kind"].type.__args__[0]: cls for cls in State.__args__}


@dataclass(frozen=True, slots=True)
class SearchSpec:
    phrases: tuple[str, ...] = doc("How callers describe this problem.", default=())
    keywords: tuple[str, ...] = doc("Words that point to this procedure.", default=())
    excludes: tuple[str, ...] = doc("Words that point away from it.", default=())


@dataclass(frozen=True, slots=True)
class Flow:
    id: str = doc("The procedure id; also the command name and the file name.")
    title: str = doc("The procedure's title.")
    category: str = doc("The menu group it is listed under.")
    source: str = doc("The section of the source FAQ it comes from.")
    description: str = doc("One sentence on when to use it.")
    start: str = doc("The first state.")
    states: Mapping[str, State] = doc("The states, by id.")
    search: SearchSpec = doc("Phrasing data for search.", default_factory=SearchSpec)


@dataclass(frozen=True, slots=True)
class Shared:
    facts: Mapping[str, Fact] = doc("Facts by name, written once and used by flows.")
    fields: Mapping[str, InputField] = doc("Input fields by name, used by input states.")
    synonyms: Mapping[str, tuple[str, ...]] = doc("Search: a canonical word and the words callers use for it.", default_factory=dict)
    search_fillers: tuple[str, ...] = doc("Search: words with no meaning for it (的, 怎么, the), dropped.", default=())
    search_negations: tuple[str, ...] = doc("Search: words negating the word after them (没, 不是, not); neither counts.", default=())
    placeholder: str = doc("What stands for an answer left blank.", default="XX")
    order: tuple[str, ...] = doc("Flow ids in menu order; flows not listed follow by id.", default=())


@dataclass(frozen=True, slots=True)
class CalendarOverrides:
    holidays: tuple[str, ...] = doc("Extra days off, YYYY-MM-DD.", default=())
    workdays: tuple[str, ...] = doc("Extra working days (调休), YYYY-MM-DD.", default=())


#: A date as a pack and ``--today`` write it; ``date.fromisoformat`` alone also takes
#: ``20261001`` and ``2026-W01-1``.
DATE_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def parse_date(text: str) -> date:
    """The date written ``YYYY-MM-DD``; ValueError for any other form or an impossible day."""
    if not DATE_TEXT.fullmatch(text):
        raise ValueError(f"not YYYY-MM-DD: {text!r}")
    return date.fromisoformat(text)


@dataclass(frozen=True, slots=True)
class Pack:
    """A loaded flows pack: shared facts and the flows, in catalogue order."""

    shared: Shared
    flows: Mapping[str, Flow]
    calendar: CalendarOverrides = CalendarOverrides()

    def flow(self, flow_id: str) -> Flow:
        return self.flows[flow_id]
