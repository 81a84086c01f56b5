"""Issue 23: search understands callers, explains itself, and keeps the help desk's misses."""

import json
import os
import re
import shutil
import stat
from pathlib import Path

import pytest
import yaml
from helpers import FLOWS, cli
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from eportguide.commands.menu import choose_flow
from eportguide.store import misses

DOWN, ENTER = "\x1b[B", "\r"
NOTHING = "读卡器驱动怎么安装"  # a card-reader fault the source has no procedure for


def found(*args: str, env: dict[str, str] | None = None) -> list[dict]:
    result = cli("search", "--format", "json", *args, env=env)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def log_file() -> Path:
    return Path(os.environ["EPORTGUIDE_HOME"]) / misses.FILE_NAME


def records() -> list[dict]:
    return [json.loads(line) for line in log_file().read_text(encoding="utf-8").splitlines()]


# --- the issue's table: words that found nothing now find their procedure ---------------


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("我们公司不做了要注销", "deregister-enterprise"),
        ("公司不干了要注销", "deregister-enterprise"),
        ("证书更新后密码变成8个8", "default-password"),
        ("密码变成8个8", "default-password"),
        ("再办一张操作员卡", "add-operator-card"),
        ("加一张操作员卡", "add-operator-card"),
    ],
)
def test_the_issue_s_caller_phrasings_find_their_procedure_first(words, expected):
    assert found(words)[0]["id"] == expected


def test_an_english_run_finds_deregistration_for_a_company_that_no_longer_trades():
    result = cli("--lang", "en", "search", "the company no longer trades")
    assert result.exit_code == 0
    assert "deregister-enterprise" in result.stdout.splitlines()[1]
    assert "Deregistering the company from E-Port" in result.stdout


def test_a_card_reader_fault_no_procedure_covers_still_gets_the_hotline():
    result = cli("search", NOTHING)
    assert result.exit_code == 0
    assert "95198" in result.stdout and "eportguide-" not in result.stdout
    assert found(NOTHING) == []


# --- the reason shown, and the runners-up ---------------------------------------------


def test_the_reason_in_a_chinese_run_is_never_english():
    (match,) = found("我们不做外贸了")
    assert match["id"] == "deregister-enterprise"
    assert match["why"] and not any(re.search("[A-Za-z]", reason) for reason in match["why"])


def test_the_reason_for_an_expired_certificate_comes_from_the_expired_branch():
    (match,) = found("证书过期了怎么办")
    assert match["id"] == "extend-card"
    phrase = match["why"][-1]
    assert "还有几天" not in phrase and "快" not in phrase  # not the one about to expire
    assert "过期" in phrase or "到期" in phrase


def test_a_lost_legal_card_does_not_suggest_an_extension():
    assert [m["id"] for m in found("法人卡丢了")] == ["reissue-legal-card"]


# --- --explain ----------------------------------------------------------------------


def test_explain_names_the_synonyms_keywords_and_ngrams_that_led_to_a_suggestion():
    result = cli("search", "--explain", "公司不干了要注销")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("1. deregister-enterprise（电子口岸企业注销）")
    assert "公司 → 企业" in out and "不干了 → 停业" in out
    assert re.search(r"关键词：企业注销 \d", out)
    assert "n 元组（相似度" in out and "注销 0." in out


def test_explain_as_json_gives_each_part_with_its_weight():
    (first,) = found("--explain", "公章卡锁死了")
    assert first["id"] == "unlock-card"
    assert {"written": "公章卡", "canonical": "法人卡"} in first["synonyms"]
    assert [k["text"] for k in first["keywords"]] == ["锁"] and first["keywords"][0]["weight"] > 0
    assert first["ngrams"] and all(n["weight"] > 0 for n in first["ngrams"])
    assert first["decided_by"] == "keywords"
    assert first["phrase"]
    assert found("--explain", NOTHING) == []


# --- the misses log ---------------------------------------------------------------------


def test_words_that_found_nothing_are_noted_with_nothing_else_in_a_file_only_the_user_reads():
    cli("search", NOTHING)
    cli("search", "法人卡被锁了")  # found: not a miss
    (record,) = records()
    assert set(record) == {"words", "kind", "chosen", "language", "time"}
    assert (record["words"], record["kind"], record["chosen"], record["language"]) == (NOTHING, "none", None, "zh")
    if os.name == "posix":
        assert stat.S_IMODE(log_file().stat().st_mode) == 0o600


def test_the_log_turned_off_notes_nothing():
    result = cli("search", NOTHING, env={misses.SWITCH_ENV: "0"})
    assert result.exit_code == 0 and "95198" in result.stdout
    assert not log_file().exists()
    assert "EPORTGUIDE_SEARCH_LOG=0" in cli("search", "--misses", env={misses.SWITCH_ENV: "0"}).stdout


def test_an_unwritable_data_directory_never_breaks_search(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory", encoding="utf-8")
    env = {"EPORTGUIDE_HOME": str(blocked)}
    result = cli("search", NOTHING, env=env)
    assert result.exit_code == 0 and "95198" in result.stdout
    assert found("法人卡被锁了", env=env)[0]["id"] == "unlock-card"
    assert cli("search", "--misses", env=env).exit_code == 0


def triage(keys: str) -> str:
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        return choose_flow(FLOWS, input=pipe, output=DummyOutput())


def test_the_triage_menu_notes_a_browse_after_a_miss_and_a_runner_up_picked():
    # nothing found, then browsed by category to the third procedure
    assert triage("今天天气怎么样" + ENTER + DOWN + ENTER + DOWN + DOWN + ENTER) == "default-password"
    # a runner-up picked: U盾丢了 offers the three reissues
    second = triage("U盾丢了" + ENTER + DOWN + ENTER)
    kinds = [(r["words"], r["kind"], r["chosen"]) for r in records()]
    assert kinds == [("今天天气怎么样", "none", None), ("今天天气怎么样", "browsed", "default-password"), ("U盾丢了", "runner-up", second)]


def test_misses_are_listed_grouped_with_the_procedure_finally_chosen():
    triage("今天天气怎么样" + ENTER + DOWN + ENTER + DOWN + DOWN + ENTER)
    cli("search", NOTHING)
    cli("search", NOTHING)
    result = cli("search", "--misses")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert re.match(rf"{NOTHING}\s+2\s+（未选择）", lines[1])
    assert re.match(r"今天天气怎么样\s+1\s+default-password", lines[2])
    assert str(log_file()) in lines[-1]


def test_misses_as_yaml_are_example_phrasings_ready_to_paste_into_a_flow():
    triage("今天天气怎么样" + ENTER + DOWN + ENTER + DOWN + DOWN + ENTER)
    cli("search", "舱单: 怎么发送")  # nothing found, and words YAML would misread unquoted
    result = cli("search", "--misses", "--format", "yaml")
    assert result.exit_code == 0
    pasted = yaml.safe_load(result.stdout)
    assert pasted == {"default-password": {"examples": ["今天天气怎么样"]}}
    assert '#   - "舱单: 怎么发送"' in result.stdout  # nothing chosen: offered as a comment


# --- validate: each example finds its own procedure first ------------------------------


def test_validate_reports_an_example_that_routes_to_another_procedure_at_its_line(tmp_path):
    pack = tmp_path / "flows"
    shutil.copytree(FLOWS, pack)
    path = pack / "unlock-card.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  examples:\n", "  examples:\n    - 法人卡丢了要补办\n", 1), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index("    - 法人卡丢了要补办") + 1
    result = cli("--flows", str(pack), "validate")
    assert result.exit_code == 1
    (finding,) = [f for f in result.stdout.splitlines() if "[example-routes-elsewhere]" in f]
    assert finding.startswith(f"{path}:{line}:7: ")
    assert "reissue-legal-card" in finding and "unlock-card" in finding


def test_the_shipped_examples_each_find_their_own_procedure_first():
    result = cli("validate", "--format", "json")
    assert result.exit_code == 0
    assert [f for f in json.loads(result.stdout)["findings"] if f["rule"].startswith("example-")] == []
