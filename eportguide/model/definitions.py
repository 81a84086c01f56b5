"""Typed, immutable definitions of a flows pack.

These records are the one source of truth for the flow-file format: the loader builds
them from YAML by reading their type hints, and the JSON Schema that editors use is
generated from the same hints (see ``schema.py``). A field's ``Doc`` is its description
in that schema.

They are named tuples rather than dataclasses: every command imports this module, and
building some twenty frozen dataclasses (each method generated and compiled) cost as
much start-up time as importing PyYAML. A named tuple is as immutable and is built in
a fraction of that time.
"""

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Annotated, Any, Literal, NamedTuple


class Doc(NamedTuple):
    """A field's description in the generated JSON Schema.

    ``min_items`` goes into the schema so that editors flag an empty list while one
    types; ``eportguide validate`` reports the same with what it means for the flow.
    """

    text: str
    min_items: int | None = None


#: The default of a mapping field (immutable, so one instance serves every record).
EMPTY: Mapping[str, Any] = MappingProxyType({})

#: Stored answers of a yes/no question and of an instruction done.
YES, NO, DONE = "yes", "no", "done"

#: ``when: {answer_key: value}`` or ``{answer_key: [value, ...]}``; all keys must match.
Condition = Mapping[str, str | tuple[str, ...]]

FactKind = Literal["email", "phone", "address", "url", "text", "duration"]
Validator = Literal["text", "name", "enterprise", "phone", "address", "tracking_number", "card_number"]


class Fact(NamedTuple):
    kind: Annotated[FactKind, Doc("What the fact is; email, phone, address and url are contacts.")]
    label: Annotated[str, Doc("Its name as shown to a user, e.g. 客服邮箱.")]
    value: Annotated[str, Doc("The fact itself, verbatim from the source FAQ.")]
    recipient: Annotated[str | None, Doc("For an address: who receives the mail.")] = None
    phone: Annotated[str | None, Doc("For an address: the recipient's phone.")] = None
    min_working_days: Annotated[int | None, Doc("For a duration: the fewest working days.")] = None
    max_working_days: Annotated[int | None, Doc("For a duration: the most working days.")] = None
    source: Annotated[str | None, Doc("Where the source FAQ states it.")] = None


class InputField(NamedTuple):
    prompt: Annotated[str, Doc("The question asked, e.g. 联系人手机或座机.")]
    validate: Annotated[Validator, Doc("How a given value is checked.")] = "text"
    help: Annotated[str | None, Doc("A hint shown under the prompt.")] = None
    suffix: Annotated[
        str | None,
        Doc(
            "Written after the answer wherever a text names the field (企业 after a company name), unless the answer"
            " already ends with it or with one of suffix_unless; a blank answer gives the placeholder and the suffix (XX企业)."
        ),
    ] = None
    suffix_unless: Annotated[tuple[str, ...], Doc("Endings of an answer that already say what the suffix would (公司, 厂).")] = ()


class ConditionalText(NamedTuple):
    text: Annotated[str, Doc("The text; {fact} and {fact.attribute} placeholders are filled in, {flow:ID} names another procedure.")]
    when: Annotated[Condition, Doc("Shown only when every named answer has one of these values.")]


#: A line of text, optionally conditional on earlier answers.
Text = str | ConditionalText


class Choice(NamedTuple):
    value: Annotated[str, Doc("Stable machine value, used by --answer and in sessions.")]
    label: Annotated[str, Doc("What the user sees and may also type.")]
    next: Annotated[str, Doc("The state this choice leads to.")]


QUESTION_LABEL = "The question in a few words, for the answers table and the review (e.g. 被锁的卡); the prompt when absent."


class ChoiceState(NamedTuple):
    kind: Literal["choice"]
    prompt: Annotated[str, Doc("The question.")]
    choices: Annotated[tuple[Choice, ...], Doc("The options, in display order.", min_items=1)]
    help: Annotated[str | None, Doc("A hint shown under the question.")] = None
    label: Annotated[str | None, Doc(QUESTION_LABEL)] = None


class ConfirmState(NamedTuple):
    kind: Literal["confirm"]
    prompt: Annotated[str, Doc("A yes/no question.")]
    # Not ``yes``/``no``: YAML 1.1 reads those keys as booleans.
    if_yes: Annotated[str, Doc("The state after 是.")]
    if_no: Annotated[str, Doc("The state after 否.")]
    help: Annotated[str | None, Doc("A hint shown under the question.")] = None
    label: Annotated[str | None, Doc(QUESTION_LABEL)] = None


class InputState(NamedTuple):
    kind: Literal["input"]
    fields: Annotated[tuple[str, ...], Doc("Shared input fields asked in order; each is optional.")]
    next: Annotated[str, Doc("The state after the inputs.")]
    ask: Annotated[str | None, Doc("A yes/no question asked first; 否 skips the inputs (placeholders stay XX).")] = None
    ask_label: Annotated[str | None, Doc("The ask question in a few words, for the answers table and the review (e.g. 填写邮件内容).")] = (
        None
    )


class InstructionState(NamedTuple):
    kind: Literal["instruction"]
    title: Annotated[str, Doc("What the user is told to do now.")]
    text: Annotated[tuple[Text, ...], Doc("The instruction, one line per item.")]
    next: Annotated[str, Doc("The state after the user has done it.")]
    label: Annotated[str | None, Doc("The instruction in a few words, for the answers table; the title when absent.")] = None


class SubflowState(NamedTuple):
    kind: Literal["subflow"]
    flow: Annotated[str, Doc("The id of the flow to run first.")]
    next: Annotated[str, Doc("The state to continue with once that flow reached its outcome.")]
    title: Annotated[str | None, Doc("Why the other flow comes first.")] = None
    answers: Annotated[Mapping[str, str], Doc("Answers given to the other flow, so it does not ask them.")] = EMPTY


class EmailField(NamedTuple):
    label: Annotated[str, Doc("The body field's name as the source lists it, e.g. 在办业务名称.")]
    value: Annotated[str, Doc("Template of the value: {business} or input fields; blank gives XX.")]


class EmailSpec(NamedTuple):
    to: Annotated[str, Doc("Fact name of the recipient address.")]
    subject: Annotated[str, Doc("Subject template, e.g. {enterprise}企业办理电子口岸的{business}业务.")]
    fields: Annotated[tuple[EmailField, ...], Doc("Body fields, in the source's order.")]
    attachments: Annotated[tuple[Text, ...], Doc("Files to attach, in the source's order.")]


class MailSpec(NamedTuple):
    item: Annotated[str, Doc("What is mailed, e.g. 已锁定的法人卡.")]
    to: Annotated[str, Doc("Fact name of the mailing address (with recipient and phone).")]


class DeadlineSpec(NamedTuple):
    duration: Annotated[str, Doc("Fact name of the processing time (a duration fact).")]
    counts_from: Annotated[str, Doc("The day counting starts, e.g. 电子口岸收到申请邮件和卡片之日.")]
    what: Annotated[str, Doc("What is done in that time, in the source's words: 电子口岸办理, 电子口岸审核, 电子口岸制卡.")] = (
        "电子口岸办理"
    )


class OutcomeState(NamedTuple):
    kind: Literal["outcome"]
    title: Annotated[str, Doc("The outcome's heading.")]
    steps: Annotated[
        tuple[Text, ...], Doc("What to do, in order; placeholders are filled in, {flow:ID} names another procedure.", min_items=1)
    ]
    business: Annotated[str | None, Doc("The business name for 办理电子口岸的XX业务.")] = None
    materials: Annotated[tuple[Text, ...], Doc("Materials to prepare.")] = ()
    email: Annotated[EmailSpec | None, Doc("The application e-mail, if one is sent.")] = None
    mail: Annotated[MailSpec | None, Doc("A card mailed to the e-port, if any.")] = None
    deadline: Annotated[DeadlineSpec | None, Doc("The processing time, if the source states one.")] = None
    warnings: Annotated[tuple[Text, ...], Doc("Things to watch out for.")] = ()
    contacts: Annotated[tuple[str, ...], Doc("Fact names of further contacts to list.")] = ()
    section: Annotated[
        str | None,
        Doc("The heading of its own steps when a sub-flow's steps come first (the title then names both parts); the title when absent."),
    ] = None
    notes: Annotated[
        tuple[Text, ...],
        Doc(
            "The tool's own notes, not the source's: what the FAQ leaves open, advice it gives elsewhere. Shown under a heading saying so."
        ),
    ] = ()


State = ChoiceState | ConfirmState | InputState | InstructionState | SubflowState | OutcomeState

#: Maps a state's ``kind`` to its class; the loader and the schema both use it.
STATE_KINDS: Mapping[str, type] = {cls.__annotations__["kind"].__args__[0]: cls for cls in State.__args__}


class SearchSpec(NamedTuple):
    phrases: Annotated[tuple[str, ...], Doc("How callers describe this problem.")] = ()
    keywords: Annotated[tuple[str, ...], Doc("Words that point to this procedure.")] = ()
    excludes: Annotated[tuple[str, ...], Doc("Words that point away from it.")] = ()


class Flow(NamedTuple):
    id: Annotated[str, Doc("The procedure id; also the command name and the file name.")]
    title: Annotated[str, Doc("The procedure's title.")]
    category: Annotated[str, Doc("The menu group it is listed under.")]
    source: Annotated[str, Doc("The section of the source FAQ it comes from.")]
    description: Annotated[str, Doc("One sentence on when to use it.")]
    start: Annotated[str, Doc("The first state.")]
    states: Annotated[Mapping[str, State], Doc("The states, by id.")]
    search: Annotated[SearchSpec, Doc("Phrasing data for search.")] = SearchSpec()


class Shared(NamedTuple):
    facts: Annotated[Mapping[str, Fact], Doc("Facts by name, written once and used by flows.")]
    fields: Annotated[Mapping[str, InputField], Doc("Input fields by name, used by input states.")]
    synonyms: Annotated[Mapping[str, tuple[str, ...]], Doc("Search: a canonical word and the words callers use for it.")] = EMPTY
    search_fillers: Annotated[tuple[str, ...], Doc("Search: words with no meaning for it (的, 怎么, the), dropped.")] = ()
    search_negations: Annotated[tuple[str, ...], Doc("Search: words negating the word after them (没, 不是, not); neither counts.")] = ()
    placeholder: Annotated[str, Doc("What stands for an answer left blank.")] = "XX"
    order: Annotated[tuple[str, ...], Doc("Flow ids in menu order; flows not listed follow by id.")] = ()


class SourceManifest(NamedTuple):
    """Where the pack's facts come from and when they were last compared with it (``_source.yaml``)."""

    document: Annotated[str, Doc("The source document's title, e.g. 电子口岸常见问题.")]
    region: Annotated[str, Doc("The region it covers, e.g. 陕西.")]
    branch: Annotated[str, Doc("The e-port data branch that issued it.")]
    checked: Annotated[str, Doc("YYYY-MM-DD: the day the pack was last compared with the source, fact by fact.")]
    date: Annotated[str | None, Doc("YYYY-MM-DD: the document's own date, when it has one.")] = None
    obtained: Annotated[str | None, Doc("YYYY-MM-DD: the day the copy the pack follows was obtained.")] = None
    facts: Annotated[
        Mapping[str, str], Doc("Each fact of _facts.yaml by name, and the day (YYYY-MM-DD) it was last checked against the source.")
    ] = EMPTY


class CalendarOverrides(NamedTuple):
    holidays: Annotated[tuple[str, ...], Doc("Extra days off, YYYY-MM-DD.")] = ()
    workdays: Annotated[tuple[str, ...], Doc("Extra working days (调休), YYYY-MM-DD.")] = ()


def parse_date(text: str) -> date:
    """The date written ``YYYY-MM-DD``; ValueError for any other form or an impossible day.

    ``date.fromisoformat`` alone also takes ``20261001`` and ``2026-W01-1``.
    """
    digits = text[:4] + text[5:7] + text[8:]
    if not (len(text) == 10 and text[4] == text[7] == "-" and digits.isascii() and digits.isdigit()):
        raise ValueError(f"not YYYY-MM-DD: {text!r}")
    return date.fromisoformat(text)


#: The fact preferred as the hotline when a pack has several phone numbers.
HOTLINE_FACT = "hotline"


class Pack(NamedTuple):
    """A loaded flows pack: shared facts and the flows, in catalogue order.

    A pack read in another language (``flows/en/``) is the same pack with its texts
    translated; ``original`` is then the pack as written, for what stays in the source
    language whatever the reader's (the e-mail the e-port requires).
    """

    shared: Shared
    flows: Mapping[str, Flow]
    calendar: CalendarOverrides = CalendarOverrides()
    original: "Pack | None" = None
    #: Where the facts come from and when they were checked (``_source.yaml``), if the pack says.
    source: SourceManifest | None = None

    def flow(self, flow_id: str) -> Flow:
        return self.flows[flow_id]

    @property
    def hotline(self) -> str | None:
        """The number for callers whose problem no procedure covers.

        The phone fact named ``hotline`` if there is one, else the pack's first phone
        fact: another region's pack may name its number differently, and its callers
        still need it.
        """
        phones = {name: fact for name, fact in self.shared.facts.items() if fact.kind == "phone"}
        fact = phones.get(HOTLINE_FACT) or next(iter(phones.values()), None)
        return fact.value if fact is not None else None
