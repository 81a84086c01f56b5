"""One pack with each cross-reference error, in each place a state can hold it: every
finding, exactly where it is.

The one-rule packs of test_validate.py each hold a single mistake; here the checks that
those leave untried (an instruction's only answer, a details gate's yes/no, a condition
on an e-mail attachment, a sub-flow's preset answers, each fact a mail, deadline and
contact name must be, attributes of facts and of fields, placeholders in every kind
of text, a yes/no's and an input's next state, a flow entering itself without preset
answers, a condition naming two questions or listing values, a misspelt start state, an
unknown flow in the menu order, time limits without both day counts or beyond a year, and
none for the edges of the allowed range) are pinned with their lines.
"""

from helpers import FIXTURES, cli

PACK = FIXTURES / "every-reference"
EXPECTED = """\
_facts.yaml:5:3: 警告：没有流程用到事实“processing_time” [unused-fact]
_facts.yaml:6:3: 警告：没有流程用到事实“half_time” [unused-fact]
_facts.yaml:6:14: 时限“half_time”需要填写“min_working_days”和“max_working_days” [required]
_facts.yaml:7:3: 警告：没有流程用到事实“long_time” [unused-fact]
_facts.yaml:7:14: 时限“long_time”的工作日数应在 0 到 365 之间，且“min_working_days”不大于“max_working_days” [type]
_facts.yaml:8:3: 警告：没有流程用到事实“same_day” [unused-fact]
_facts.yaml:9:3: 警告：没有流程用到事实“a_year” [unused-fact]
_facts.yaml:12:15: “order”中列出的流程“nosuch”不存在 [unknown-flow]
card.yaml:14:17: 选项值“legal”重复（流程 card，状态 which） [duplicate-choice]
card.yaml:19:36: “later”不是问题“step”的答案（可选：done）（流程 card，状态 step） [unknown-value]
card.yaml:24:26: 未知的输入项“colour”（流程 card，状态 details） [unknown-field]
card.yaml:29:21: “maybe”不是问题“kind”的答案（流程 card，状态 first） [unknown-value]
card.yaml:29:37: 流程“other”没有问题“missing”（流程 card，状态 first） [unknown-question]
card.yaml:35:9: 未知的属性“enterprise.recipient”（流程 card，状态 done） [unknown-fact]
card.yaml:35:9: 未知的属性“office.colour”（流程 card，状态 done） [unknown-fact]
card.yaml:36:38: “maybe”不是问题“details”的答案（可选：yes、no）（流程 card，状态 done） [unknown-value]
card.yaml:38:11: 事实“hotline”的类型是“phone”，这里需要“email”（流程 card，状态 done） [fact-kind]
card.yaml:39:16: 文字中引用了未知的事实“busines”（是不是“business”？）（流程 card，状态 done） [unknown-fact]
card.yaml:43:38: “nope”不是问题“which”的答案（可选：legal、legal）（流程 card，状态 done） [unknown-value]
card.yaml:44:25: 事实“service_email”的类型是“email”，这里需要“address”（流程 card，状态 done） [fact-kind]
card.yaml:45:26: 事实“office”的类型是“address”，这里需要“duration”（流程 card，状态 done） [fact-kind]
card.yaml:46:25: 未知的事实“nofact”（流程 card，状态 done） [unknown-fact]
more.yaml:12:13: 下一状态“nowhere_yes”不存在（流程 more，状态 ask） [unknown-state]
more.yaml:18:12: 下一状态“nowhere_no”不存在（流程 more，状态 ask_again） [unknown-state]
more.yaml:23:9: 文字中引用了未知的事实“hotlin”（是不是“hotline”？）（流程 more，状态 read） [unknown-fact]
more.yaml:24:16: 文字中引用了未知的事实“hotlne”（是不是“hotline”？）（流程 more，状态 read） [unknown-fact]
more.yaml:24:47: 条件中的问题“nothere”不存在（流程 more，状态 read） [unknown-question]
more.yaml:24:55: “perhaps”不是问题“ask”的答案（可选：yes、no）（流程 more，状态 read） [unknown-value]
more.yaml:29:11: 下一状态“nowhere_input”不存在（流程 more，状态 fill） [unknown-state]
more.yaml:32:11: 流程只有带预设答案（“answers”）时才能进入自身（流程 more，状态 again） [subflow-cycle]
more.yaml:38:44: “perhaps”不是问题“ask”的答案（可选：yes、no）（流程 more，状态 done） [unknown-value]
more.yaml:40:9: 文字中引用了未知的事实“matr”（流程 more，状态 done） [unknown-fact]
more.yaml:41:32: “never”不是问题“ask”的答案（可选：yes、no）（流程 more，状态 done） [unknown-value]
more.yaml:43:9: 文字中引用了未知的事实“warn”（流程 more，状态 done） [unknown-fact]
more.yaml:44:32: “sometimes”不是问题“ask”的答案（可选：yes、no）（流程 more，状态 done） [unknown-value]
more.yaml:49:30: 文字中引用了未知的事实“valu”（流程 more，状态 done） [unknown-fact]
more.yaml:51:11: 文字中引用了未知的事实“attach”（流程 more，状态 done） [unknown-fact]
third.yaml:7:8: 开始状态“strat”不存在（是不是“start”？）（流程 third） [unknown-state]
"""


def test_every_cross_reference_error_is_found_at_its_line_and_nothing_else(monkeypatch):
    monkeypatch.chdir(PACK)
    result = cli("validate", ".")
    assert result.exit_code == 1
    assert result.stdout == EXPECTED
    assert "检查了 4 个流程（14 个状态）：33 个错误，5 个警告。" in result.stderr
