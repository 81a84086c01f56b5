"""The JSON Schema editors use: generated from the model, shipped, and never stale."""

import json

import pytest
from helpers import FLOWS, cli
from jsonschema import Draft202012Validator

from eportguide.model import schema
from eportguide.model.loader import flow_files
from eportguide.model.safeyaml import load_data

FLOW_SCHEMA_LINE = "# yaml-language-server: $schema=../eportguide/schemas/flow.schema.json"
SHARED_SCHEMA_LINE = "# yaml-language-server: $schema=../eportguide/schemas/shared.schema.json"


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads(schema.shipped_schema(name).read_text(encoding="utf-8")))


def problems(name: str, document: object) -> list[str]:
    return [error.message for error in validator(name).iter_errors(document)]


def unlock_card() -> dict:
    return load_data((FLOWS / "unlock-card.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(schema.DOCUMENTS))
def test_the_shipped_schema_is_what_the_model_generates(name):
    shipped = schema.shipped_schema(name).read_text(encoding="utf-8")
    assert shipped == schema.schema_text(name), "stale schema: run `eportguide schema --write`"


@pytest.mark.parametrize("name", sorted(schema.DOCUMENTS))
def test_the_shipped_schema_is_valid_draft_2020_12(name):
    document = json.loads(schema.shipped_schema(name).read_text(encoding="utf-8"))
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(document)


@pytest.mark.parametrize("path", flow_files(FLOWS), ids=lambda p: p.name)
def test_every_shipped_flow_satisfies_the_flow_schema(path):
    assert problems("flow", load_data(path.read_text(encoding="utf-8"))) == []


def test_the_shared_facts_satisfy_the_shared_schema():
    assert problems("shared", load_data((FLOWS / "_facts.yaml").read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("path", flow_files(FLOWS), ids=lambda p: p.name)
def test_every_flow_file_points_its_editor_at_the_shipped_flow_schema(path):
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == FLOW_SCHEMA_LINE
    target = (path.parent / first_line.split("$schema=")[1]).resolve()
    assert target == schema.shipped_schema("flow").resolve()


def test_the_shared_facts_point_their_editor_at_the_shared_schema():
    first_line = (FLOWS / "_facts.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == SHARED_SCHEMA_LINE
    assert (FLOWS / first_line.split("$schema=")[1]).resolve() == schema.shipped_schema("shared").resolve()


def test_an_editor_flags_a_misspelt_key_in_a_state():
    flow = unlock_card()
    flow["states"]["card"]["promt"] = flow["states"]["card"].pop("prompt")
    assert problems("flow", flow) == [
        "'prompt' is a required property",
        "Additional properties are not allowed ('promt' was unexpected)",
    ]


def test_an_editor_flags_an_unknown_state_kind_and_a_choice_without_choices():
    flow = unlock_card()
    flow["states"]["card"]["kind"] = "choise"
    assert any("'choise' is not one of" in p for p in problems("flow", flow))
    flow = unlock_card()
    flow["states"]["card"]["choices"] = []
    assert problems("flow", flow) == ["[] should be non-empty"]


def test_an_editor_checks_each_state_against_its_own_kind():
    flow = unlock_card()
    flow["states"]["legal_card_works"]["next"] = "operator_online"  # a confirm has if_yes / if_no
    assert problems("flow", flow) == ["Additional properties are not allowed ('next' was unexpected)"]


def test_schema_prints_the_flow_schema_by_default_and_the_shared_one_on_request():
    flow = cli("schema")
    shared = cli("schema", "shared")
    assert flow.exit_code == shared.exit_code == 0
    assert flow.stdout == schema.shipped_schema("flow").read_text(encoding="utf-8")
    assert shared.stdout == schema.shipped_schema("shared").read_text(encoding="utf-8")


def test_schema_write_regenerates_the_shipped_files(tmp_path, monkeypatch):
    monkeypatch.setattr(schema, "SCHEMA_DIR", tmp_path / "schemas")
    result = cli("schema", "--write")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir()) == [
        "flow.schema.json",
        "glossary.schema.json",
        "shared-translation.schema.json",
        "shared.schema.json",
        "source.schema.json",
        "translation.schema.json",
    ]
    assert (tmp_path / "schemas" / "flow.schema.json").read_text(encoding="utf-8") == schema.schema_text("flow")
    assert "flow.schema.json" in result.stderr


# --- translations (flows/en/) ----------------------------------------------------------
TRANSLATION_SCHEMA_LINE = "# yaml-language-server: $schema=../../eportguide/schemas/translation.schema.json"
SHARED_TRANSLATION_SCHEMA_LINE = "# yaml-language-server: $schema=../../eportguide/schemas/shared-translation.schema.json"


@pytest.mark.parametrize("path", flow_files(FLOWS / "en"), ids=lambda p: p.name)
def test_every_english_flow_satisfies_the_translation_schema_and_points_its_editor_at_it(path):
    text = path.read_text(encoding="utf-8")
    assert problems("translation", load_data(text)) == []
    first_line = text.splitlines()[0]
    assert first_line == TRANSLATION_SCHEMA_LINE
    assert (path.parent / first_line.split("$schema=")[1]).resolve() == schema.shipped_schema("translation").resolve()


def test_the_english_shared_facts_satisfy_the_shared_translation_schema_and_point_their_editor_at_it():
    text = (FLOWS / "en" / "_facts.yaml").read_text(encoding="utf-8")
    assert problems("shared-translation", load_data(text)) == []
    first_line = text.splitlines()[0]
    assert first_line == SHARED_TRANSLATION_SCHEMA_LINE
    target = (FLOWS / "en" / first_line.split("$schema=")[1]).resolve()
    assert target == schema.shipped_schema("shared-translation").resolve()


def test_an_editor_flags_a_misspelt_key_in_a_translated_state():
    flow = load_data((FLOWS / "en" / "unlock-card.yaml").read_text(encoding="utf-8"))
    flow["states"]["card"]["promt"] = flow["states"]["card"].pop("prompt")
    assert problems("translation", flow) == ["Additional properties are not allowed ('promt' was unexpected)"]
