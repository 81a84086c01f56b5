"""``eportguide graph``: a flow drawn for review, every state and transition in it."""

import re
import shutil

from helpers import FIXTURES, ROOT, cli

FIXTURES = FIXTURES / "packs"


def graph(*args: str) -> str:
    result = cli("graph", *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_mermaid_draws_every_state_in_the_shape_of_its_kind():
    lines = graph("unlock-card").splitlines()
    assert lines[0] == "flowchart TD"
    assert '    start(("开始")) --> st_card' in lines
    assert '    st_card{"[card] 哪张卡被锁住了？"}' in lines  # a question: a diamond
    assert '    st_legal_card_works{"[legal_card_works] 法人卡现在能正常登录吗？"}' in lines
    assert '    st_legal_details[/"[legal_details] 现在填写申请邮件的内容吗？（企业名称、联系人等，可跳过）"/]' in lines
    assert '    st_legal_mail(["[legal_mail] 法人卡解锁：发送申请邮件，邮寄法人卡"])' in lines  # an outcome
    assert any(line.startswith('    st_legal_first[["[legal_first] 先办理 unlock-card（card=legal）') for line in lines)


def test_mermaid_labels_transitions_with_the_choices_and_marks_outcomes_and_jumps():
    lines = graph("unlock-card", "--format", "mermaid").splitlines()
    assert '    st_card -->|"法人卡"| st_legal_details' in lines
    assert '    st_card -->|"操作员卡"| st_legal_card_works' in lines
    assert '    st_legal_card_works -->|"是"| st_operator_online' in lines
    assert '    st_legal_card_works -->|"否"| st_legal_card_problem' in lines
    assert '    st_legal_card_problem -->|"法人卡也被锁住了"| st_legal_first' in lines
    assert "    st_legal_first --> st_both_online" in lines
    assert "    class st_legal_mail,st_operator_online,st_both_online,st_legal_card_other outcome" in lines
    assert "    class st_legal_first subflow" in lines


def test_dot_draws_the_same_states_and_transitions():
    text = graph("unlock-card", "--format", "dot")
    assert text.startswith('digraph "unlock-card" {')
    assert '"state:card" [shape=diamond, label="[card] 哪张卡被锁住了？"];' in text
    assert '"state:legal_first" [shape=box, peripheries=2, style="dashed,filled"' in text
    assert '"state:operator_online" [shape=box, style="rounded,filled,bold"' in text
    assert '"state:legal_card_works" -> "state:legal_card_problem" [label="否"];' in text
    assert '"state:legal_card_problem" -> "state:legal_first" [label="法人卡也被锁住了"];' in text
    assert len(re.findall(r" -> ", text)) == 9  # the start arrow and eight transitions


def test_quotes_and_markup_in_a_prompt_cannot_break_the_diagram(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(FIXTURES / "unknown-state", pack)
    flow = pack / "card.yaml"
    text = flow.read_text(encoding="utf-8").replace("next: dnoe", "next: done")
    flow.write_text(text.replace("prompt: 哪张卡？", "prompt: '哪张\"卡\" <b>#1</b>？'"), encoding="utf-8")
    mermaid = cli("--flows", str(pack), "graph", "card").stdout
    assert '    st_which{"[which] 哪张#34;卡#34; #60;b#62;#35;1#60;/b#62;？"}' in mermaid.splitlines()
    dot = cli("--flows", str(pack), "graph", "card", "--format", "dot").stdout
    assert 'label="[which] 哪张\\"卡\\" <b>#1</b>？"' in dot


def test_an_unknown_flow_is_a_usage_error():
    result = cli("graph", "unlock-crad")
    assert result.exit_code == 2
    assert "unlock-card" in result.stderr


def test_the_readme_shows_the_current_diagram_of_unlock_card():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    embedded = re.search(r"```mermaid\n(.*?)```", readme, re.DOTALL)
    assert embedded is not None, "README.md has no mermaid block"
    assert embedded.group(1) == graph("unlock-card"), "regenerate it with `eportguide graph unlock-card`"
