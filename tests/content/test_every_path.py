"""Every path of every shipped flow reaches an outcome, and that outcome renders in every format.

Paths come from ``engine.paths.every_path`` (all choices, both answers of every yes/no
and details gate, text fields blank, sub-flows expanded); ``show --paths`` prints them
with the command that replays each, and that command reaches the same outcome. Every
path runs in each language: the pack as written (Chinese) and its English (``flows/en``).
"""

import email
import email.policy
import html
import io
import json
import re
import shlex
from datetime import date

import pytest
from helpers import FLOWS, cli
from rich.console import Console

from eportguide import render
from eportguide.engine.paths import every_path, given
from eportguide.engine.result import build
from eportguide.i18n import language
from eportguide.model import definitions as d
from eportguide.model.loader import load_pack
from eportguide.model.translations import apply
from eportguide.render import eml, outline, terminal

PACK = load_pack(FLOWS)
PACKS = {language.CHINESE: PACK, language.ENGLISH: apply.load(FLOWS, language.ENGLISH)}
TODAY = date(2026, 9, 30)
PATHS = [
    pytest.param(lang, flow_id, number, finished, id=f"{lang}-{flow_id}-{number}")
    for lang, pack in PACKS.items()
    for flow_id in pack.flows
    for number, finished in enumerate(every_path(pack, flow_id), 1)
]


@pytest.fixture
def speak():
    """Speak a language for one test (renderers ask ``language.current()``)."""
    yield language.use
    language.use(None)


def visible_html(page: str) -> str:
    """What a browser shows of a page: no style sheet, no tags (links are text too)."""
    return html.unescape(re.sub(r"<[^>]*>", "", re.sub(r"<style>.*?</style>", "", page, flags=re.S)))


def outcomes_of(flow: d.Flow) -> set[str]:
    return {state_id for state_id, state in flow.states.items() if isinstance(state, d.OutcomeState)}


@pytest.mark.parametrize("flow_id", list(PACK.flows))
def test_the_paths_of_a_flow_reach_every_one_of_its_outcomes(flow_id):
    reached = {finished.parts[-1].outcome_id for finished in every_path(PACK, flow_id)}
    assert reached == outcomes_of(PACK.flows[flow_id])


def test_unlock_card_has_six_paths_with_these_answers():
    paths = [dict(given(finished)) for finished in every_path(PACK, "unlock-card")]
    blank_details = {k: "" for k in ("enterprise", "card_address", "contact_name", "contact_phone", "tracking_number", "card_number")}
    assert paths == [
        {"card": "legal", "legal_details": "yes", **blank_details},
        {"card": "legal", "legal_details": "no"},
        {"card": "operator", "legal_card_works": "yes"},
        {
            "card": "operator",
            "legal_card_works": "no",
            "legal_card_problem": "locked",
            "legal_first.legal_details": "yes",
            **{f"legal_first.{k}": v for k, v in blank_details.items()},
        },
        {"card": "operator", "legal_card_works": "no", "legal_card_problem": "locked", "legal_first.legal_details": "no"},
        {"card": "operator", "legal_card_works": "no", "legal_card_problem": "other"},
    ]


@pytest.mark.parametrize(("lang", "flow_id", "number", "finished"), PATHS)
def test_every_path_ends_in_an_outcome_that_renders_in_every_format(lang, flow_id, number, finished, speak):
    speak(lang)
    result = build(PACKS[lang], finished, TODAY)
    steps = [step.text for step in result.steps]
    assert steps, f"{flow_id} path {number} ends in an outcome with no steps"

    for format in ("text", "markdown", "html"):
        shown = render.to_string(result, format)
        readable = visible_html(shown) if format == "html" else re.sub(r"\\(.)", r"\1", shown)
        if format == "html":
            assert f'<html lang="{"zh-CN" if lang == language.CHINESE else "en"}">' in shown
        assert result.outcome_title in readable, format
        for step in steps:
            assert step in readable, (format, step)

    as_json = json.loads(render.to_string(result, "json"))
    assert as_json["outcome"]["id"] == finished.parts[-1].outcome_id
    assert [step["text"] for step in as_json["steps"]] == steps

    screen = io.StringIO()
    terminal.render(outline.build(result), Console(file=screen, width=1000, color_system=None))  # no step wraps
    assert result.outcome_title in screen.getvalue() and steps[0] in screen.getvalue()

    if result.email is not None:
        draft = email.message_from_bytes(eml.render(result), policy=email.policy.default)
        assert draft["Subject"] == result.email.subject
        assert draft["To"] == result.email.to


def test_show_paths_lists_each_path_with_its_answers_and_a_command_to_replay_it():
    result = cli("show", "unlock-card", "--paths")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.splitlines()[0] == "电子口岸卡被锁，如何解锁（unlock-card）：共 6 条路径"
    assert "路径 3 → operator_online：操作员卡解锁：用法人卡在线解锁" in text
    assert "  - 法人卡现在能正常登录吗？ → 是（legal_card_works=yes）" in text
    assert "  - 哪张卡被锁住了？ → 法人卡（legal_first.card=legal）（上级流程预设）" in text
    assert "  重现：eportguide unlock-card -a card=legal -a legal_details=no --no-input" in text


@pytest.mark.parametrize("lang", list(PACKS))
@pytest.mark.parametrize("flow_id", list(PACK.flows))
def test_each_listed_path_replays_to_its_outcome_from_the_command_line(flow_id, lang):
    env = {"EPORTGUIDE_LANG": lang}
    listing = cli("show", flow_id, "--paths", "--format", "json", env=env)
    assert listing.exit_code == 0, listing.output
    paths = json.loads(listing.stdout)["paths"]
    assert paths and [p["number"] for p in paths] == list(range(1, len(paths) + 1))
    for path in paths:
        argv = shlex.split(path["command"])
        assert argv[:2] == ["eportguide", flow_id]
        run = cli(*argv[1:], "--no-save", "--format", "json", "--today", TODAY.isoformat(), env=env)
        assert run.exit_code == 0, (path["command"], run.output)
        shown = json.loads(run.stdout)
        assert shown["outcome"]["id"] == path["outcome"]["id"]
        assert shown["flow"]["title"] == PACKS[lang].flow(flow_id).title


def test_show_paths_offers_text_and_json_only():
    result = cli("show", "unlock-card", "--paths", "--format", "markdown")
    assert result.exit_code == 2
    assert "--paths" in result.stderr
