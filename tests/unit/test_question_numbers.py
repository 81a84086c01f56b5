""" "[步骤 N/M]": the number of a question and the most that may follow, everywhere.

The shipped flows have no instruction step, so a small pack here has one in the main
flow and one inside a sub-flow, with a question after each: the count must go on past
them, and inside the sub-flow, as a user reads it on the screen.
"""

from pathlib import Path

import pytest
from helpers import FIXTURES

from eportguide.engine.result import build
from eportguide.engine.walker import Finished, Pending, Question, walk
from eportguide.model.loader import load_pack

FACTS = """\
facts:
  hotline: {kind: phone, label: 客服热线, value: "95198"}
fields:
  enterprise: {prompt: 企业名称, validate: name}
  contact_phone: {prompt: 联系人电话, validate: phone, help: 手机或带区号的座机}
"""
MAIN = """\
id: main
title: 主流程
category: 测试
source: 测试
description: 指示步骤与子流程
start: which
states:
  which:
    kind: choice
    prompt: 哪张卡？
    help: 看卡面上的字
    choices:
      - {value: legal, label: 法人卡, next: prepare}
      - {value: other, label: 其他, next: done}
  prepare:
    kind: instruction
    title: 准备营业执照
    text:
      - 扫描营业执照原件
      - {text: 法人卡一并准备, when: {which: legal}}
    next: ready
    label: 营业执照
  ready:
    kind: confirm
    prompt: 准备好了吗？
    label: 已准备
    help: 扫描件和原件都要
    if_yes: first
    if_no: done
  first:
    kind: subflow
    flow: inner
    answers: {kind_of_card: legal}
    next: details
  details:
    kind: input
    fields: [enterprise, contact_phone]
    next: done
  done:
    kind: outcome
    title: 办结
    steps:
      - 致电 {hotline}。
      - {text: 带上法人卡。, when: {which: legal}}
"""
INNER = """\
id: inner
title: 子流程
category: 测试
source: 测试
description: 先办的流程
start: step
states:
  step:
    kind: instruction
    title: 插入法人卡
    text: [把法人卡插入读卡器]
    next: kind_of_card
  kind_of_card:
    kind: choice
    prompt: 哪张卡？
    choices:
      - {value: legal, label: 法人卡, next: works}
  works:
    kind: confirm
    prompt: 能读出卡吗？
    if_yes: finished
    if_no: finished
  finished:
    kind: outcome
    title: 子流程办结
    steps: [继续。]
"""


# A details gate preset by the flow that enters it, and one asked before two details.
GATED = """\
id: gated
title: 带开关的填写
category: 测试
source: 测试
description: 预设的开关与询问的开关
start: intro
states:
  intro:
    kind: subflow
    flow: details
    answers: {ask_details: "yes", enterprise: 某某公司}
    next: own
  own:
    kind: input
    ask: 填写联系方式吗？
    fields: [contact_phone, enterprise]
    next: done
  done:
    kind: outcome
    title: 办结
    steps:
      - {text: 已填写联系方式, when: {own: "yes"}}
      - 致电 {hotline}。
"""
DETAILS = """\
id: details
title: 填写
category: 测试
source: 测试
description: 被预设的流程
start: ask_details
states:
  ask_details:
    kind: input
    ask: 现在填写吗？
    fields: [enterprise]
    next: end
  end:
    kind: outcome
    title: 填写完毕
    steps: [继续。]
"""


# Two sub-flows deep, the middle one with a question of its own and one preset by the top.
NESTED = {
    "nested": """\
start: into_mid
states:
  into_mid: {kind: subflow, flow: mid, answers: {preset_here: a}, next: top_question}
  top_question:
    kind: choice
    prompt: 顶层问题？
    choices: [{value: a, label: 甲, next: done}]
  done: {kind: outcome, title: 办结, steps: [完成。]}
""",
    "mid": """\
start: into_leaf
states:
  into_leaf: {kind: subflow, flow: leaf, next: mid_question}
  mid_question:
    kind: choice
    prompt: 中层问题？
    choices: [{value: a, label: 甲, next: preset_here}]
  preset_here:
    kind: choice
    prompt: 预设的问题？
    choices: [{value: a, label: 甲, next: done}]
  done: {kind: outcome, title: 中层办结, steps: [继续。]}
""",
    # a preset question after every kind of state: each must pass the preset on
    "top": """\
start: into_chain
states:
  into_chain: {kind: subflow, flow: chain, answers: {preset_last: a}, next: done}
  done: {kind: outcome, title: 办结, steps: [完成。]}
""",
    "chain": """\
start: first
states:
  first:
    kind: choice
    prompt: 第一问？
    choices: [{value: a, label: 甲, next: do_this}]
  do_this: {kind: instruction, title: 做这件事, text: [照做], next: sure}
  sure: {kind: confirm, prompt: 确定吗？, if_yes: phone, if_no: phone}
  phone: {kind: input, fields: [contact_phone], next: into_leaf}
  into_leaf: {kind: subflow, flow: leaf, next: preset_last}
  preset_last:
    kind: choice
    prompt: 预设的最后一问？
    choices: [{value: a, label: 甲, next: done}]
  done: {kind: outcome, title: 链办结, steps: [继续。]}
""",
    "leaf": """\
start: leaf_question
states:
  leaf_question:
    kind: choice
    prompt: 底层问题？
    choices: [{value: a, label: 甲, next: done}]
  done: {kind: outcome, title: 底层办结, steps: [继续。]}
""",
}


@pytest.fixture(scope="module")
def small_pack(tmp_path_factory) -> object:
    directory: Path = tmp_path_factory.mktemp("pack")
    files = {"_facts.yaml": FACTS, "main.yaml": MAIN, "inner.yaml": INNER, "gated.yaml": GATED, "details.yaml": DETAILS}
    for flow_id, states in NESTED.items():
        files[f"{flow_id}.yaml"] = f"id: {flow_id}\ntitle: {flow_id}\ncategory: 测试\nsource: 测试\ndescription: 嵌套\n{states}"
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
    return load_pack(directory)


def asked(pack, answers: dict[str, str]) -> tuple[str, int, int]:
    position = walk(pack, "main", answers)
    assert isinstance(position, Pending)
    return position.question.key, position.question.number, position.question.total


# The longest path: which, prepare, ready, (inner:) step, (its choice preset) works,
# enterprise, contact_phone = 7 questions.
STEPS = [
    ({}, ("which", 1, 7)),
    ({"which": "legal"}, ("prepare", 2, 7)),
    ({"which": "legal", "prepare": "done"}, ("ready", 3, 7)),
    ({"which": "legal", "prepare": "done", "ready": "yes"}, ("first.step", 4, 7)),
    ({"which": "legal", "prepare": "done", "ready": "yes", "first.step": "done"}, ("first.works", 5, 7)),
    ({"which": "legal", "prepare": "done", "ready": "yes", "first.step": "done", "first.works": "no"}, ("enterprise", 6, 7)),
    (
        {"which": "legal", "prepare": "done", "ready": "yes", "first.step": "done", "first.works": "no", "enterprise": ""},
        ("contact_phone", 7, 7),
    ),
]


@pytest.mark.parametrize(("answers", "expected"), STEPS, ids=[s[1][0] for s in STEPS])
def test_each_question_shows_its_number_and_the_most_that_may_follow(small_pack, answers, expected):
    assert asked(small_pack, answers) == expected


def test_a_shorter_branch_lowers_the_total_to_what_is_left(small_pack):
    # 否 at "ready" skips the sub-flow and the details: the outcome comes next
    position = walk(small_pack, "main", {"which": "legal", "prepare": "done", "ready": "no"})
    assert isinstance(position, Finished)
    assert [a.key for a in position.path] == ["which", "prepare", "ready"]


def test_the_preset_answer_of_a_sub_flow_is_not_counted_as_asked(small_pack):
    position = walk(small_pack, "main", {"which": "legal", "prepare": "done", "ready": "yes", "first.step": "done"})
    assert isinstance(position, Pending) and position.question.key == "first.works"
    preset = [a for a in position.path if a.preset]
    assert [(a.key, a.value) for a in preset] == [("first.kind_of_card", "legal")]
    assert position.question.number == 1 + sum(1 for a in position.path if not a.preset)


def question_at(pack, answers: dict[str, str]) -> Question:
    position = walk(pack, "main", answers)
    assert isinstance(position, Pending)
    return position.question


def test_an_instruction_is_asked_with_its_title_lines_and_a_done_option(small_pack):
    q = question_at(small_pack, {"which": "legal"})
    assert (q.key, q.kind, q.prompt) == ("prepare", "instruction", "准备营业执照")
    assert q.lines == ("扫描营业执照原件", "法人卡一并准备")  # conditional lines are the renderer's to pick
    assert [(o.value, o.label) for o in q.options] == [("done", "已完成，继续")]
    assert (q.flow_id, q.state_id) == ("main", "prepare")


def test_an_instruction_counts_once_among_the_fewest_questions_left(small_pack):
    # which → prepare (instruction) → ready: 否 ends there, 是 goes on into the sub-flow
    q = question_at(small_pack, {"which": "legal"})
    assert (q.key, q.number, q.fewest, q.total) == ("prepare", 2, 3, 7)


def test_a_question_s_short_label_is_its_label_or_else_what_it_asks(small_pack):
    """The answers table and the review show ``short``: the label a state gives, else its
    prompt or title (the inner flow's steps have no label)."""
    asked = {
        "which": {},
        "prepare": {"which": "legal"},
        "ready": {"which": "legal", "prepare": "done"},
        "first.step": {"which": "legal", "prepare": "done", "ready": "yes"},
        "first.works": {"which": "legal", "prepare": "done", "ready": "yes", "first.step": "done"},
    }
    shorts = {key: (question_at(small_pack, answers).label, question_at(small_pack, answers).short) for key, answers in asked.items()}
    assert shorts == {
        "which": ("", "哪张卡？"),
        "prepare": ("营业执照", "营业执照"),
        "ready": ("已准备", "已准备"),
        "first.step": ("", "插入法人卡"),
        "first.works": ("", "能读出卡吗？"),
    }
    # read in the language it is written in, a choice has no other written label to accept
    assert [o.written for o in question_at(small_pack, {}).options] == ["", ""]


def test_a_choice_and_a_yes_no_question_carry_their_help(small_pack):
    choice = question_at(small_pack, {})
    confirm = question_at(small_pack, {"which": "legal", "prepare": "done"})
    assert (choice.kind, choice.help, choice.flow_id, choice.state_id) == ("choice", "看卡面上的字", "main", "which")
    assert (confirm.kind, confirm.help, confirm.flow_id, confirm.state_id) == ("confirm", "扫描件和原件都要", "main", "ready")


def test_questions_inside_a_sub_flow_name_that_flow_and_its_state(small_pack):
    q = question_at(small_pack, {"which": "legal", "prepare": "done", "ready": "yes"})
    assert (q.key, q.flow_id, q.state_id) == ("first.step", "inner", "step")


def test_a_detail_question_names_its_flow_and_input_state(small_pack):
    answers = {"which": "legal", "prepare": "done", "ready": "yes", "first.step": "done", "first.works": "no"}
    q = question_at(small_pack, answers)
    assert (q.key, q.kind, q.validator, q.flow_id, q.state_id) == ("enterprise", "text", "name", "main", "details")


def test_a_loop_the_loader_would_refuse_stops_the_walk_with_a_flow_error():
    from eportguide.engine.walker import FlowError
    from eportguide.model.loader import read_pack

    pack = read_pack(FIXTURES / "packs" / "loop").pack  # read, not refused by the lint
    with pytest.raises(FlowError, match="card: state 'which' is reached twice in one walk"):
        walk(pack, "card", {"which": "unsure", "look_again": "yes"})


def test_a_gate_and_a_detail_preset_by_the_entering_flow_are_not_asked_nor_counted(small_pack):
    position = walk(small_pack, "gated", {})
    assert isinstance(position, Pending)
    q = position.question
    assert (q.key, q.kind, q.number, q.total) == ("own", "confirm", 1, 3)
    assert (q.flow_id, q.state_id, q.implied_by) == ("gated", "own", ("contact_phone", "enterprise"))
    assert [(a.key, a.value, a.preset) for a in position.path] == [
        ("intro.ask_details", "yes", True),
        ("intro.enterprise", "某某公司", True),
    ]


def test_after_a_gate_each_detail_counts_down_what_is_left(small_pack):
    phone = walk(small_pack, "gated", {"own": "yes"})
    company = walk(small_pack, "gated", {"own": "yes", "contact_phone": "13912345678"})
    assert isinstance(phone, Pending) and isinstance(company, Pending)
    assert (phone.question.key, phone.question.number, phone.question.total) == ("contact_phone", 2, 3)
    assert phone.question.help == "手机或带区号的座机"
    assert (company.question.key, company.question.number, company.question.total) == ("enterprise", 3, 3)


def test_a_stored_gate_answer_that_does_not_fit_is_offered_back(small_pack):
    position = walk(small_pack, "gated", {"own": "maybe"})
    assert isinstance(position, Pending)
    assert (position.question.key, position.previous) == ("own", "maybe")


def test_a_typed_detail_is_recorded_with_itself_as_label_and_the_gate_answer_decides_a_line(small_pack):
    position = walk(small_pack, "gated", {"own": "yes", "contact_phone": "13912345678", "enterprise": ""})
    assert isinstance(position, Finished)
    typed = [(a.key, a.value, a.label, a.preset) for a in position.path if a.key == "contact_phone"]
    assert typed == [("contact_phone", "13912345678", "13912345678", False)]
    result = build(small_pack, position)
    assert [s.text for s in result.steps] == ["继续。", "已填写联系方式", "致电 95198。"]


def test_two_sub_flows_deep_the_count_includes_what_each_level_still_asks(small_pack):
    # the leaf's question, then the middle flow's own question (its preset one is not
    # counted), then the top flow's question: 1 of 3, 2 of 3, 3 of 3
    expected = [
        ({}, ("into_mid.into_leaf.leaf_question", 1, 3)),
        ({"into_mid.into_leaf.leaf_question": "a"}, ("into_mid.mid_question", 2, 3)),
        ({"into_mid.into_leaf.leaf_question": "a", "into_mid.mid_question": "a"}, ("top_question", 3, 3)),
    ]
    for answers, asked in expected:
        position = walk(small_pack, "nested", answers)
        assert isinstance(position, Pending)
        assert (position.question.key, position.question.number, position.question.total) == asked


def test_the_count_of_a_flow_with_a_loop_adds_nothing_for_the_loop():
    from eportguide.model.loader import read_pack

    pack = read_pack(FIXTURES / "packs" / "loop").pack
    position = walk(pack, "card", {})
    assert isinstance(position, Pending)
    assert (position.question.key, position.question.total) == ("which", 2)  # which, look_again; then back


def test_a_sub_flow_entering_itself_again_stops_the_walk_with_a_flow_error():
    from eportguide.engine.walker import FlowError
    from eportguide.model.loader import read_pack

    pack = read_pack(FIXTURES / "packs" / "subflow-cycle").pack  # read, not refused by the lint
    with pytest.raises(FlowError, match="card: sub-flow 'card' enters itself again"):
        walk(pack, "card", {"which": "operator"})


def test_a_preset_question_after_every_kind_of_state_is_not_counted(small_pack):
    # first, do_this, sure, phone, the leaf's question: 5; preset_last is given by "top"
    position = walk(small_pack, "top", {})
    assert isinstance(position, Pending)
    assert (position.question.key, position.question.number, position.question.total) == ("into_chain.first", 1, 5)
    assert position.question.fewest == 5  # nor by the fewest: every way on asks the same, so 1/5 is shown


def test_a_preset_question_after_a_detail_is_not_counted_while_the_detail_is_asked(small_pack):
    answers = {"into_chain.first": "a", "into_chain.do_this": "done", "into_chain.sure": "yes"}
    position = walk(small_pack, "top", answers)
    assert isinstance(position, Pending)
    # the phone is the 4th question; after it only the leaf's: preset_last is given by "top"
    assert (position.question.key, position.question.number, position.question.total) == ("into_chain.contact_phone", 4, 5)


def test_a_line_of_the_outcome_follows_a_choice_made_in_the_same_flow(small_pack):
    legal = walk(small_pack, "main", {"which": "legal", "prepare": "done", "ready": "no"})
    other = walk(small_pack, "main", {"which": "other"})
    assert isinstance(legal, Finished) and isinstance(other, Finished)
    assert [s.text for s in build(small_pack, legal).steps] == ["致电 95198。", "带上法人卡。"]
    assert [s.text for s in build(small_pack, other).steps] == ["致电 95198。"]


@pytest.mark.parametrize(
    ("answered", "asked"),
    [(1, ("card_address", 4, 8)), (2, ("contact_name", 5, 8)), (5, ("card_number", 8, 8))],
)
def test_each_of_six_details_counts_down_to_the_last(pack, answered, asked):
    details = ["enterprise", "card_address", "contact_name", "contact_phone", "tracking_number", "card_number"]
    answers = {"card": "legal", "legal_details": "yes", **dict.fromkeys(details[:answered], "")}
    position = walk(pack, "unlock-card", answers)
    assert isinstance(position, Pending)
    assert (position.question.key, position.question.number, position.question.total) == asked
