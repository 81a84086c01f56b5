"""The enterprise's own details, remembered only if the clerk agrees (issue 25): shown,
set, cleared; offered as the defaults of an interactive run; never read by a scripted
run unless it asks with ``--profile``.
"""

import json
import stat
from pathlib import Path

import pytest
from helpers import cli
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from eportguide.engine.result import build
from eportguide.prompting.defaults import WithDefaults
from eportguide.prompting.interactive import InteractivePrompter
from eportguide.run import dialogue
from eportguide.store import profile

ENTER = "\r"
SUBJECT = "西安秦川贸易有限公司办理电子口岸的法人卡解锁业务"
LEGAL = ["unlock-card", "-a", "card=legal", "-a", "legal_details=yes", "--no-input", "-f", "json", "--today", "2025-03-03"]


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("EPORTGUIDE_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def remember(*pairs: str) -> None:
    result = cli("profile", *(arg for pair in pairs for arg in ("--set", pair)))
    assert result.exit_code == 0, result.output


def subject(result) -> str:
    return json.loads(result.stdout)["email"]["subject"]


def test_profile_set_shows_and_keeps_the_details_in_an_owner_only_file(home):
    remember("enterprise=西安秦川贸易有限公司", "联系人电话=029 8888 6666")
    shown = cli("profile")
    assert shown.exit_code == 0
    assert "企业名称：西安秦川贸易有限公司" in shown.stdout and "联系人电话：02988886666" in shown.stdout
    assert json.loads(cli("profile", "-f", "json").stdout) == {"enterprise": "西安秦川贸易有限公司", "contact_phone": "02988886666"}
    path = home / "profile.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    remember("contact_phone=")  # an empty value removes the detail
    assert json.loads(cli("profile", "-f", "json").stdout) == {"enterprise": "西安秦川贸易有限公司"}


def test_profile_keeps_no_card_number_and_refuses_what_cannot_go_into_a_field(home):
    card = cli("profile", "--set", "card_number=1234567890")
    assert card.exit_code == 2 and "本企业信息中没有“card_number”一项。" in card.stderr and "不保存卡号" in card.stderr
    bad = cli("profile", "--set", "enterprise=西安\n公司")
    assert bad.exit_code == 2 and "不能包含换行" in bad.stderr
    assert cli("profile", "--set", "enterprise").exit_code == 2
    assert not (home / "profile.json").exists()


def test_profile_clear_removes_the_file(home):
    remember("enterprise=西安秦川贸易有限公司")
    result = cli("profile", "--clear")
    assert result.exit_code == 0 and "已删除本企业信息" in result.stdout
    assert not (home / "profile.json").exists()
    assert "没有保存本企业信息" in cli("profile").stdout
    assert "没有保存本企业信息" in cli("profile", "--clear").stdout


def test_a_scripted_run_never_reads_the_profile_unasked(home):
    remember("enterprise=西安秦川贸易有限公司")
    (home / "profile.json").write_text("{broken", encoding="utf-8")  # were it read, it would be set aside and said
    result = cli(*LEGAL)
    assert result.exit_code == 0
    assert subject(result) == "XX企业办理电子口岸的法人卡解锁业务"
    assert result.stderr == "" and (home / "profile.json").exists()


def test_a_scripted_run_with_profile_fills_the_details_from_it_but_never_over_an_answer_given(home):
    remember("enterprise=西安秦川贸易有限公司", "card_address=西安市未央区凤城八路1号")
    result = cli(*LEGAL, "--profile")
    assert result.exit_code == 0, result.output
    assert subject(result) == SUBJECT
    fields = {f["label"]: f["value"] for f in json.loads(result.stdout)["email"]["fields"]}
    assert fields["公司收卡地址"] == "西安市未央区凤城八路1号" and fields["联系人姓名电话"] == "XX"
    assert "未用到" not in result.stderr
    given = cli(*LEGAL, "--profile", "-a", "enterprise=宝鸡某厂")
    assert subject(given) == "宝鸡某厂办理电子口岸的法人卡解锁业务"
    # The details are asked only when the details question is 是: --profile makes it so when not answered.
    unasked = ["unlock-card", "-a", "card=legal", "--no-input", "-f", "json", "--profile"]
    assert subject(cli(*unasked)) == SUBJECT


def test_an_interactive_run_offers_the_remembered_details_as_defaults(pack):
    # Enter accepts the default: the gate's 是, then the enterprise as remembered, the rest blank.
    with create_pipe_input() as pipe:
        pipe.send_text(ENTER + ENTER + ENTER * 6 + ENTER)
        person = WithDefaults(InteractivePrompter(input=pipe, output=DummyOutput()), {"enterprise": "西安秦川贸易有限公司"})
        finished = dialogue.drive(pack, "unlock-card", _legal_first(person))
    result = build(pack, finished)
    assert result.email is not None and result.email.subject == SUBJECT


def _legal_first(person):
    from eportguide.prompting.scripted import ScriptedPrompter

    return ScriptedPrompter({"card": "legal"}, person)


def test_an_answer_of_this_run_comes_before_the_remembered_default(pack):
    from eportguide.engine.walker import Question

    seen = []

    class Recording:
        def ask(self, question, previous, can_go_back):
            seen.append(previous)
            return previous or ""

        def review(self, path):
            return None

    asked = WithDefaults(Recording(), {"enterprise": "记住的企业"})
    question = Question("legal_first.enterprise", "text", "企业名称", validator="name")
    asked.ask(question, None, False)
    asked.ask(question, "本次填写的企业", False)
    asked.ask(Question("card_number", "text", "卡号", validator="card_number"), None, False)
    assert seen == ["记住的企业", "本次填写的企业", None]


def test_a_broken_profile_file_is_set_aside_and_said_once(home):
    home.mkdir(parents=True)
    (home / "profile.json").write_text("[1, 2]", encoding="utf-8")
    result = cli(*LEGAL, "--profile")
    assert result.exit_code == 0 and "无法读取本企业信息" in result.stderr
    assert (home / "profile.json.corrupt").exists()
    assert profile.load() == {}
