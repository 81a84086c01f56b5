"""``eportguide validate``: a content maintainer's mistake is caught, with the line it is on.

Each directory in ``fixtures/packs`` is a tiny pack broken in one way (its flow file
says how in its first line); validating it must print exactly the finding, at the line
and column of the mistake.
"""

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eportguide.cli import app
from eportguide.model.loader import RESERVED_IDS

FLOWS = Path(__file__).parents[1] / "flows"
FIXTURES = Path(__file__).parent / "fixtures" / "packs"

#: Fixture pack → the findings ``eportguide validate .`` prints inside it, in order.
EXPECTED = {
    # the file itself
    "yaml": ["card.yaml:14:3: YAML syntax: while parsing a flow sequence did not find expected ',' or ']' [yaml]"],
    "encoding": ["card.yaml:1:1: not UTF-8 text (invalid start byte at byte 62) [encoding]"],
    "duplicate-key": ["card.yaml:12:5: duplicate key 'prompt' [duplicate-key]"],
    # the schema
    "unknown-key": [
        "card.yaml:9:3: missing required key 'prompt' (flow card, state which) [required]",
        "card.yaml:11:5: unknown key 'promt' (did you mean 'prompt'?) (flow card, state which) [unknown-key]",
    ],
    "type": ["card.yaml:12:14: expected a list, found text (flow card, state which) [type]"],
    "required": ["card.yaml:14:3: missing required key 'title' (flow card, state done) [required]"],
    "enum": [
        "card.yaml:10:11: unknown state kind 'choise' (did you mean 'choice'?); "
        "kinds: choice, confirm, input, instruction, subflow, outcome (flow card, state which) [enum]"
    ],
    # identity
    "duplicate-flow": [
        "card-copy.yaml:2:5: flow id 'card' differs from its file name 'card-copy' (flow card) [file-name]",
        "card.yaml:2:5: duplicate flow id 'card' (also in card-copy.yaml) (flow card) [duplicate-flow]",
    ],
    "file-name": ["card.yaml:2:5: flow id 'crad' differs from its file name 'card' (flow crad) [file-name]"],
    "reserved-id": ["validate.yaml:2:5: flow id 'validate' is a built-in command (flow validate) [reserved-id]"],
    # references
    "unknown-state": ["card.yaml:13:42: next state 'dnoe' does not exist (did you mean 'done'?) (flow card, state which) [unknown-state]"],
    "unknown-fact": ["card.yaml:19:9: unknown fact 'hotlin' in text (did you mean 'hotline'?) (flow card, state done) [unknown-fact]"],
    "fact-kind": ["card.yaml:19:26: fact 'hotline' is a phone, not a duration (flow card, state done) [fact-kind]"],
    "unknown-flow": ["card.yaml:16:11: sub-flow 'unlock-card' does not exist (flow card, state first) [unknown-flow]"],
    "unknown-field": [
        "_facts.yaml:8:3: warning: input field 'enterprise' is not asked by any flow [unused-field]",
        "card.yaml:11:14: unknown input field 'enterprize' (did you mean 'enterprise'?) (flow card, state which) [unknown-field]",
    ],
    "unknown-question": [
        "card.yaml:19:37: condition names unknown question 'wich' (did you mean 'which'?) (flow card, state done) [unknown-question]"
    ],
    "unknown-value": ["card.yaml:19:39: 'operator' is not an answer of 'which' (legal) (flow card, state done) [unknown-value]"],
    "duplicate-choice": ["card.yaml:14:17: duplicate choice value 'legal' (flow card, state which) [duplicate-choice]"],
    "name-clash": ["card.yaml:11:14: input field 'done' has the name of a state (flow card, state which) [name-clash]"],
    # the graph
    "unreachable": [
        "card.yaml:19:3: state 'orphan' cannot be reached from the start state 'which' (flow card, state orphan) [unreachable]"
    ],
    "no-way-out": [
        "card.yaml:18:14: choice 'kind_of_lock' has no choices: the walk cannot leave it (flow card, state kind_of_lock) [no-way-out]"
    ],
    "endless-loop": [
        "card.yaml:15:3: no outcome can be reached from the loop plugged_in → replug → plugged_in "
        "(flow card, state plugged_in) [endless-loop]"
    ],
    "loop": [
        "card.yaml:9:3: states which → look_again → which form a loop; a walk cannot return to a state it has answered "
        "(flow card, state which) [loop]"
    ],
    "subflow-cycle": [
        "card.yaml:17:11: sub-flows enter each other without end: card/again → card/again (flow card, state again) [subflow-cycle]"
    ],
    "empty-outcome": [
        "card.yaml:17:12: outcome 'done' has no steps: it tells the user nothing to do (flow card, state done) [empty-outcome]"
    ],
    # usage (warnings)
    "unused-fact": ["_facts.yaml:7:3: warning: fact 'website' is not used by any flow [unused-fact]"],
    "unused-field": ["_facts.yaml:8:3: warning: input field 'enterprise' is not asked by any flow [unused-field]"],
}
WARNINGS_ONLY = {"unused-fact", "unused-field"}


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("EPORTGUIDE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("EPORTGUIDE_FLOWS", raising=False)


def cli(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, list(args), env=env)


def copy_of_shipped_pack(tmp_path: Path) -> Path:
    pack = tmp_path / "flows"
    shutil.copytree(FLOWS, pack)
    return pack


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_rule_has_a_fixture_pack():
    assert sorted(p.name for p in FIXTURES.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("rule", sorted(EXPECTED))
def test_each_broken_pack_reports_its_mistake_at_its_line(rule, monkeypatch):
    monkeypatch.chdir(FIXTURES / rule)
    result = cli("validate", ".")
    assert result.stdout.splitlines() == EXPECTED[rule]
    assert result.exit_code == (0 if rule in WARNINGS_ONLY else 1)


def test_the_shipped_pack_validates_clean_even_when_warnings_count():
    for args in (["validate"], ["validate", "--strict"], ["validate", str(FLOWS), "--strict"]):
        result = cli(*args)
        assert result.exit_code == 0, result.output
        assert result.stdout == ""
        assert "0 个错误，0 个警告" in result.stderr


def test_strict_makes_an_unused_fact_fail(monkeypatch):
    monkeypatch.chdir(FIXTURES / "unused-fact")
    result = cli("validate", "--strict", ".")
    assert result.exit_code == 1
    assert "fact 'website' is not used by any flow" in result.stdout
    assert "--strict" in result.stderr


def test_every_finding_is_reported_not_only_the_first(tmp_path, monkeypatch):
    pack = copy_of_shipped_pack(tmp_path)
    edit(pack / "unlock-card.yaml", "next: legal_card_works", "next: legal_card_work")
    edit(pack / "reset-password.yaml", "    prompt: 哪张卡的密码忘记了？", "    promt: 哪张卡的密码忘记了？")
    edit(pack / "_facts.yaml", "  hotline:\n", "  hotline:\n    kind: phone\n")
    monkeypatch.chdir(tmp_path)
    result = cli("validate", "flows")
    assert result.exit_code == 1
    rules = [line.rsplit("[", 1)[1].rstrip("]") for line in result.stdout.splitlines()]
    assert rules == ["duplicate-key", "required", "unknown-key", "unknown-state"]
    assert result.stdout.splitlines()[0].startswith("flows/_facts.yaml:")
    assert "4 个错误" in result.stderr


def test_json_findings_carry_file_line_column_rule_and_severity(monkeypatch):
    monkeypatch.chdir(FIXTURES / "unknown-field")
    result = cli("validate", ".", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False and report["errors"] == 1 and report["warnings"] == 1
    assert report["findings"][1] == {
        "file": "card.yaml",
        "line": 11,
        "column": 14,
        "severity": "error",
        "rule": "unknown-field",
        "message": "unknown input field 'enterprize' (did you mean 'enterprise'?)",
        "flow": "card",
        "state": "which",
    }


def test_a_flow_file_is_checked_within_its_pack_showing_only_its_own_findings(tmp_path, monkeypatch):
    pack = copy_of_shipped_pack(tmp_path)
    edit(pack / "unlock-card.yaml", "next: legal_card_works", "next: legal_card_work")
    edit(pack / "reset-password.yaml", "next: operator_hotline", "next: operator_hotlin")
    monkeypatch.chdir(tmp_path)
    result = cli("validate", "flows/reset-password.yaml")
    assert result.exit_code == 1
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["flows/reset-password.yaml"]
    assert "next state 'operator_hotlin' does not exist (did you mean 'operator_hotline'?)" in result.stdout
    assert "检查了 1 个流程" in result.stderr


def test_a_flow_file_that_uses_a_fact_is_not_clean_when_the_shared_facts_are_broken(tmp_path, monkeypatch):
    pack = copy_of_shipped_pack(tmp_path)
    edit(pack / "_facts.yaml", "    kind: email\n", "    kind: e-mail\n")
    monkeypatch.chdir(tmp_path)
    result = cli("validate", "flows/unlock-card.yaml")
    assert result.exit_code == 1
    assert result.stdout.startswith("flows/_facts.yaml:")
    assert "'e-mail' is not one of email, phone" in result.stdout


def test_a_path_that_does_not_exist_is_a_usage_error(tmp_path):
    result = cli("validate", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "找不到" in result.stderr


def test_validate_checks_the_pack_chosen_with_flows_or_the_environment(monkeypatch):
    monkeypatch.chdir(FIXTURES / "unreachable")
    by_option = cli("--flows", ".", "validate")
    by_environment = cli("validate", env={"EPORTGUIDE_FLOWS": "."})
    for result in (by_option, by_environment):
        assert result.exit_code == 1
        assert result.stdout.splitlines() == EXPECTED["unreachable"]


def test_two_flows_that_enter_each_other_are_a_subflow_cycle(tmp_path, monkeypatch):
    shutil.copytree(FIXTURES / "unknown-flow", tmp_path / "pack")
    pack = tmp_path / "pack"
    edit(pack / "card.yaml", "flow: unlock-card", "flow: other")
    other = (pack / "card.yaml").read_text(encoding="utf-8").replace("id: card", "id: other").replace("flow: other", "flow: card")
    (pack / "other.yaml").write_text(other, encoding="utf-8")
    monkeypatch.chdir(pack)
    result = cli("validate", ".")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "card.yaml:16:11: sub-flows enter each other without end: card/first → other/first → card/first "
        "(flow card, state first) [subflow-cycle]"
    ]


def test_every_built_in_command_name_is_reserved_for_flow_ids():
    commands = {command.name for command in app.registered_commands}
    assert {"list", "show", "run", "validate", "graph", "schema"} <= commands
    assert commands <= RESERVED_IDS


def test_running_a_flow_with_a_loop_is_refused_with_the_finding_not_a_crash(monkeypatch):
    monkeypatch.chdir(FIXTURES / "loop")
    result = cli("--flows", ".", "card", "-a", "which=unsure", "-a", "look_again=yes", "--no-input", "--no-save")
    assert result.exit_code == 2
    assert EXPECTED["loop"][0] in result.stderr
    assert "eportguide validate" in result.stderr
