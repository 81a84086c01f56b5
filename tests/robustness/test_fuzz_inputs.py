"""No input from outside ends in "internal error" (exit 3): a small fuzzer.

Every file and argument a user or a pack author hands the program is varied at random
(seed fixed): flow files with any value replaced by hostile data, answers files,
session files, and command-line arguments. Whatever they hold, each command ends in
0, 1 (findings) or 2 (bad input) with a message, never in an unexpected exception.
``pytest -m slow`` runs many more examples.
"""

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import FLOWS, SESSION_RECORD, cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FLOW_IDS = sorted(p.stem for p in FLOWS.glob("[!_]*.yaml"))
HOSTILE_TEXT = [
    "",
    " ",
    "[/x]",
    "[bold]x",
    "{service_email}",
    "{no_such_fact}",
    "{hotline.recipient}",
    "{",
    "}",
    "%s",
    "a\nb",
    "a\u2028b",
    "\x00",
    "\x1b[31m",
    "\u202e",
    "😀",
    "=?utf-8?b?5rWL?=",
    "-h",
    "--help",
    "x" * 5000,
    "2026-13-45",
    "99999999-01-01",
    "legal",
    "yes",
    "done",
    "unlock-card",
]
SCALARS = st.one_of(
    st.sampled_from(HOSTILE_TEXT),
    st.text(max_size=30),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([0, -1, 1, 10**6, 10**18, 2**63, 1e308, float("inf"), float("nan"), True, False, None]),
)
VALUES = st.recursive(
    SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)), max_leaves=6
)
FUZZ = settings(derandomize=True, max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
NIGHTLY = settings(derandomize=True, max_examples=1_000, deadline=None, suppress_health_check=list(HealthCheck))


def invoke(*args: str):
    result = cli(*args)
    crash = result.exception if not isinstance(result.exception, SystemExit) else None
    assert crash is None, f"{args}: {type(crash).__name__}: {crash}"
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)
    assert "内部错误" not in result.output
    return result


def paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in a YAML document a value can be replaced."""
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += paths(value, (*prefix, i))
    return found


def replaced(node: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    head, *rest = path
    copy = dict(node) if isinstance(node, dict) else list(node)
    copy[head] = replaced(node[head], tuple(rest), value)
    return copy


@st.composite
def broken_packs(draw: st.DrawFn) -> tuple[str, str, Any]:
    """A shipped file with one value (anywhere, keys too) replaced by hostile data."""
    name = draw(st.sampled_from(["_facts.yaml", *(f"{i}.yaml" for i in FLOW_IDS)]))
    data = yaml.safe_load((FLOWS / name).read_text(encoding="utf-8"))
    where = draw(st.sampled_from(paths(data)))
    return name, where, replaced(data, where, draw(VALUES))


def check_pack(tmp_path: Path, name: str, data: Any) -> None:
    pack = tmp_path / "pack"
    shutil.rmtree(pack, ignore_errors=True)
    shutil.copytree(FLOWS, pack)
    (pack / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    invoke("--flows", str(pack), "validate")
    listed = invoke("--flows", str(pack), "list", "--format", "json")
    if listed.exit_code != 0:
        return
    flow_id = name.removesuffix(".yaml") if name != "_facts.yaml" else "unlock-card"
    for args in (["show", flow_id], ["show", flow_id, "--format", "html"], ["graph", flow_id], ["show", flow_id, "--paths"]):
        invoke("--flows", str(pack), *args)
    invoke("--flows", str(pack), "search", "卡锁了")
    for fmt in ("text", "json"):
        invoke("--flows", str(pack), flow_id, "--no-input", "--no-save", "--format", fmt, "--today", "2026-09-30")


@FUZZ
@given(broken_packs())
def test_a_flow_file_with_any_value_replaced_never_crashes(tmp_path_factory, case):
    name, _where, data = case
    check_pack(tmp_path_factory.mktemp("fuzz"), name, data)


@pytest.mark.slow
@NIGHTLY
@given(broken_packs())
def test_a_flow_file_with_any_value_replaced_never_crashes_nightly(tmp_path_factory, case):
    name, _where, data = case
    check_pack(tmp_path_factory.mktemp("fuzz"), name, data)


ANSWER_KEYS = st.sampled_from(["card", "legal_details", "enterprise", "contact_phone", "tracking_number", "x", "legal_first.card"])


@st.composite
def answers_files(draw: st.DrawFn) -> str:
    mapping = st.dictionaries(st.one_of(ANSWER_KEYS, st.text(max_size=10)), VALUES, max_size=6)
    data = draw(st.one_of(mapping, VALUES))
    return json.dumps(data, ensure_ascii=draw(st.booleans())) if draw(st.booleans()) else yaml.safe_dump(data, allow_unicode=True)


def check_answers(tmp_path: Path, text: str) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(text, encoding="utf-8", errors="surrogatepass")
    for fmt in ("text", "json"):
        draft = str(tmp_path / "d.eml")
        invoke("unlock-card", "--no-input", "--no-save", "--answers", str(answers), "--format", fmt, "--email-draft", draft)


@FUZZ
@given(answers_files())
def test_any_answers_file_never_crashes(tmp_path_factory, text):
    check_answers(tmp_path_factory.mktemp("fuzz"), text)


SESSION = SESSION_RECORD


@st.composite
def session_files(draw: st.DrawFn) -> str:
    data = dict(SESSION)
    for key in draw(st.lists(st.sampled_from(sorted(SESSION)), max_size=3)):
        data[key] = draw(st.one_of(VALUES, st.sampled_from(HOSTILE_TEXT)))
    if draw(st.booleans()):
        keys = st.one_of(ANSWER_KEYS, st.sampled_from(HOSTILE_TEXT))
        data["answers"] = draw(st.dictionaries(keys, st.sampled_from(HOSTILE_TEXT), max_size=4))
    return json.dumps(data, ensure_ascii=draw(st.booleans()))


@FUZZ
@given(session_files())
def test_any_session_file_never_crashes(tmp_path_factory, monkeypatch_session, text):
    home = tmp_path_factory.mktemp("home")
    monkeypatch_session.setenv("EPORTGUIDE_HOME", str(home))
    (home / "sessions").mkdir()
    (home / "sessions" / "20260101-000000-unlock-card-abcd.json").write_text(text, encoding="utf-8", errors="surrogatepass")
    invoke("sessions")
    invoke("sessions", "--format", "json")
    invoke("resume", "--format", "json")
    invoke("resume", "20260101", "--format", "text")


# A real command line cannot hold a NUL byte (C strings end there); CliRunner could pass one.
ARGUMENTS = st.one_of(st.sampled_from(HOSTILE_TEXT), st.text(max_size=20)).filter(lambda arg: "\x00" not in arg)


@FUZZ
@given(st.data())
def test_any_command_line_argument_never_crashes(data):
    command = data.draw(
        st.sampled_from(
            [
                ["unlock-card", "--no-input", "--no-save", "-a"],
                ["unlock-card", "--no-input", "--no-save", "-a", "card=legal", "--today"],
                ["unlock-card", "--no-input", "--no-save", "-a", "card=legal", "-a", "legal_details=yes", "-a"],
                ["search"],
                ["show"],
                ["graph"],
                ["resume"],
                ["run"],
                ["validate"],
                ["schema"],
                ["list", "--format"],
                [],
            ]
        )
    )
    invoke(*command, data.draw(ARGUMENTS))


@pytest.fixture
def monkeypatch_session(monkeypatch):
    return monkeypatch
