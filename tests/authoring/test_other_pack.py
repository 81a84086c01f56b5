"""Another region's pack, in another directory, runs end to end with ``--flows`` or
``EPORTGUIDE_FLOWS``: its facts are the ones printed, its own flows are commands."""

import json
import shutil
from pathlib import Path

import pytest
from helpers import FLOWS, cli

SHIPPED_EMAIL = "kefu@xaeport.com"
OTHER_EMAIL = "service@example-eport.cn"


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("EPORTGUIDE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("EPORTGUIDE_FLOWS", raising=False)


@pytest.fixture
def other_pack(tmp_path: Path) -> Path:
    """The shipped pack, copied elsewhere, with another service mailbox and one more flow."""
    pack = tmp_path / "another-region"
    shutil.copytree(FLOWS, pack)
    facts = pack / "_facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace(SHIPPED_EMAIL, OTHER_EMAIL), encoding="utf-8")
    onboard = (pack / "onboard.yaml").read_text(encoding="utf-8")
    (pack / "visit-office.yaml").write_text(onboard.replace("id: onboard", "id: visit-office"), encoding="utf-8")
    # its English too: a pack that has translations is checked for them (validate --strict below)
    (pack / "en" / "visit-office.yaml").write_text((pack / "en" / "onboard.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return pack


def unlock_legal_card(*global_options: str, env: dict[str, str] | None = None):
    args = [*global_options, "unlock-card", "-a", "card=legal", "--no-input", "--no-save", "--format", "json"]
    return cli(*args, env=env)


def test_a_changed_fact_in_another_pack_is_what_a_run_with_flows_prints(other_pack):
    result = unlock_legal_card("--flows", str(other_pack))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["email"]["to"] == OTHER_EMAIL
    assert SHIPPED_EMAIL not in result.stdout


def test_the_environment_variable_selects_the_other_pack_too(other_pack):
    result = unlock_legal_card(env={"EPORTGUIDE_FLOWS": str(other_pack)})
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["email"]["to"] == OTHER_EMAIL


def test_without_either_the_shipped_pack_is_used(other_pack):
    result = unlock_legal_card()
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["email"]["to"] == SHIPPED_EMAIL


def test_a_flow_only_the_other_pack_has_is_a_command_listed_shown_drawn_and_validated(other_pack):
    env = {"EPORTGUIDE_FLOWS": str(other_pack)}
    listing = cli("list", "--format", "json", env=env)
    assert "visit-office" in [row["id"] for row in json.loads(listing.stdout)]
    run = cli("visit-office", "--no-input", "--no-save", "--format", "json", env=env)
    assert run.exit_code == 0, run.output
    assert json.loads(run.stdout)["flow"]["id"] == "visit-office"
    assert cli("show", "visit-office", "--paths", env=env).exit_code == 0
    assert "st_steps" in cli("graph", "visit-office", env=env).stdout
    validated = cli("--flows", str(other_pack), "validate", "--strict")
    assert validated.exit_code == 0, validated.output
    assert "检查了 12 个流程" in validated.stderr


def test_the_shipped_pack_does_not_have_the_other_packs_flow(other_pack):
    result = cli("visit-office", "--no-input")
    assert result.exit_code == 2
