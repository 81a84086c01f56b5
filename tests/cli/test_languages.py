"""The program in two languages (issue 15): Chinese by default, English when asked for.

The program's own words come from one catalogue per language; typer's and click's words
are the program's (issue 10, item 13). Flow content (titles, prompts, steps, facts) is
the pack's: these tests hold the program's words only, so they pass whichever language
the content is in.
"""

import json
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
from helpers import ROOT, cli, tool
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from eportguide.cli import COMMANDS
from eportguide.i18n import catalogue, language
from eportguide.i18n import wording as w
from eportguide.prompting.interactive import InteractivePrompter
from eportguide.run import dialogue
from eportguide.store import sessions

FLOWS = ROOT / "flows"
maintainer_catalogue = tool("catalogue")  # tools/catalogue.py: the maintainer's command

DOWN, ENTER = "\x1b[B", "\r"
#: Chinese characters and the full-width punctuation Chinese is written with.
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+")
FIELDS = string.Formatter()


@pytest.fixture(autouse=True)
def chinese_again():
    """Each test starts in Chinese and leaves the language as it found it."""
    language.use(None)
    yield
    language.use(None)


def flat(text: str) -> str:
    """The text without its line breaks: help screens wrap to the terminal's width."""
    return " ".join(text.split())


def no_input(*args: str) -> list[str]:
    return [*args, "--no-input", "--no-save"]


def wording_constants() -> dict[str, object]:
    return {name: value for name, value in vars(w).items() if name.isupper() and not name.startswith("_") and name != "ALWAYS_CHINESE"}


def chinese_words_of_the_program() -> set[str]:
    """Runs of Chinese in the program's wording that no flow file contains: any of them in
    an English output is a program text left untranslated (content may say the rest)."""
    content = "".join(path.read_text(encoding="utf-8") for path in sorted(FLOWS.glob("*.yaml")))
    texts = []
    for name, value in wording_constants().items():
        if name not in w.ALWAYS_CHINESE:
            texts += list(value) if isinstance(value, tuple) else [value] if isinstance(value, str) else []
    return {run for text in texts for run in CJK.findall(text) if len(run) >= 2 and run not in content}


def program_chinese_in(text: str) -> list[str]:
    return sorted(run for run in chinese_words_of_the_program() if run in text)


# --- the catalogue ---------------------------------------------------------------------


def test_the_english_catalogue_translates_every_text_of_wording_py_and_is_compiled():
    assert maintainer_catalogue.problems("en") == []


def test_every_wording_constant_comes_out_english_in_english():
    language.use("en")
    texts = {name: getattr(w, name) for name in wording_constants() if name not in w.ALWAYS_CHINESE}
    untranslated = {name: text for name, text in texts.items() if CJK.search("".join(text) if isinstance(text, tuple) else str(text))}
    assert untranslated == {}


def test_chinese_is_what_wording_py_says():
    assert w.YES_LABEL == "是" and w.H_STEPS == "办理步骤" and w.WEEKDAYS[0] == "周一"
    language.use("en")
    assert w.YES_LABEL == "Yes" and w.H_STEPS == "Steps" and w.WEEKDAYS[0] == "Mon"
    language.use("zh")
    assert w.YES_LABEL == "是"  # read when used, never kept from an earlier read


def test_every_translation_keeps_the_placeholders_of_its_chinese():
    language.use("en")
    for name, source in wording_constants().items():
        if isinstance(source, str):
            fields = {field for _, field, _, _ in FIELDS.parse(source) if field is not None}
            english = {field for _, field, _, _ in FIELDS.parse(getattr(w, name)) if field is not None}
            assert english == fields, name


def test_the_english_wording_prints_on_a_gbk_console():
    language.use("en")
    texts = [str(getattr(w, name)) for name in wording_constants()]
    unsafe = [text for text in texts if text.encode("gbk", errors="replace").decode("gbk") != text]
    assert unsafe == []


def test_the_email_body_stays_chinese_in_english():
    language.use("en")
    assert w.EMAIL_ATTACHMENTS_LINE == "附件：{items}"  # the e-port reads the e-mail in Chinese


def test_the_catalogue_is_read_by_the_standard_library_and_chinese_reads_none():
    code = (
        "import sys\nfrom eportguide.cli import app\nfrom eportguide.i18n import catalogue\n"
        "try:\n    app(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print(sorted(catalogue._catalogues), 'babel' in sys.modules)\n"
    )
    env = {**os.environ}
    env.pop(language.ENV, None)
    chinese = subprocess.run([sys.executable, "-c", code, "list"], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)
    english = subprocess.run(
        [sys.executable, "-c", code, "--lang", "en", "list"], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL
    )
    assert chinese.stdout.strip().splitlines()[-1] == "[] False"
    assert english.stdout.strip().splitlines()[-1] == "['en'] False"


# --- choosing the language ------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [["--lang", "en", "list"], ["list", "--lang", "en"], ["--lang=en", "list"], ["list", "--lang=en"]],
)
def test_lang_works_before_and_after_the_command(args):
    result = cli(*args)
    assert result.exit_code == 0
    assert "Procedure" in result.stdout and "Category" in result.stdout and "流程" not in result.stdout.split("\n")[0]


def test_lang_after_a_procedure_s_name_speaks_english():
    result = cli(
        "unlock-card", "-a", "card=operator", "-a", "legal_card_works=yes", "--no-input", "--no-save", "-f", "text", "--lang", "en"
    )
    assert result.exit_code == 0
    assert "[Your answers]" in result.stdout and "[Steps]" in result.stdout and "Source: China E-Port FAQ" in result.stdout


def test_the_environment_chooses_english_and_lang_wins_over_it():
    args = no_input("unlock-card", "-a", "card=legal", "-a", "legal_details=no", "-f", "text")
    assert "[Steps]" in cli(*args, env={language.ENV: "en"}).stdout
    assert "【办理步骤】" in cli("--lang", "zh", *args, env={language.ENV: "en"}).stdout


def test_chinese_is_the_default():
    result = cli("unlock-card", "-a", "card=legal", "-a", "legal_details=no", "--no-input", "--no-save", "-f", "text")
    assert "【您的回答】" in result.stdout and "【办理步骤】" in result.stdout


def test_a_language_the_program_does_not_speak_is_a_usage_error():
    result = cli("list", "--lang", "fr")
    assert result.exit_code == 2
    assert "“fr”不是可用的语言（可用：zh|en）。" in result.stderr
    result = cli("list", env={language.ENV: "klingon"})
    assert result.exit_code == 2
    assert "EPORTGUIDE_LANG" in result.stderr and "klingon" in result.stderr


# --- typer's and click's words are the program's (issue 10, item 13) -------------------------


def test_help_is_chinese_by_default_and_lists_the_procedures_by_title():
    result = cli("--help")
    assert result.exit_code == 0
    assert result.stdout.startswith("用法：eportguide [选项] 命令 [参数]...")
    for heading in ("选项：", "命令：", "办理流程（eportguide <流程> 即可运行）：", "显示本帮助并退出。", "--lang <zh|en>"):
        assert heading in result.stdout
    assert re.search(r"^  unlock-card +电子口岸卡被锁，如何解锁$", result.stdout, re.MULTILINE)
    assert not re.search(r"Usage|Options|Commands|Show this message|env var|default:", result.stdout)


def test_help_in_english_says_nothing_in_chinese_but_the_procedures_titles():
    result = cli("--lang", "en", "--help")
    assert result.stdout.startswith("Usage: eportguide [OPTIONS] COMMAND [ARGS]...")
    program_part = result.stdout.split("Procedures (run one with eportguide <procedure>):")[0]
    assert "Show this message and exit." in program_part and "[env var: EPORTGUIDE_FLOWS]" in program_part
    assert CJK.findall(program_part) == []


@pytest.mark.parametrize("command", [*COMMANDS, "unlock-card"])
def test_every_command_s_help_is_in_the_language_asked_for(command):
    chinese = cli(command, "--help")
    english = cli(command, "--help", "--lang", "en")
    assert chinese.exit_code == english.exit_code == 0
    assert chinese.stdout.startswith(f"用法：eportguide {command} [选项]") and "选项：" in chinese.stdout
    assert not re.search(r"Usage|Options|Arguments|Show this message|default:|required|\[OPTIONS\]", chinese.stdout)
    assert english.stdout.startswith(f"Usage: eportguide {command} [OPTIONS]") and "Options:" in english.stdout
    assert CJK.findall(english.stdout) == []


def test_an_option_s_notes_are_worded_default_range_required():
    assert "[默认：5；至少 1]" in cli("search", "--help").stdout
    assert "[default: 5; at least 1]" in flat(cli("search", "--help", "--lang", "en").stdout)
    assert "[必填]" in cli("show", "--help").stdout and "[required]" in flat(cli("show", "--help", "--lang", "en").stdout)


def usage_errors(tmp_path: Path) -> list[tuple[list[str], str, str]]:
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    return [
        (["search"], "缺少参数 WORDS…。", "Missing argument WORDS…."),
        (["list", "--bogus"], "没有选项 --bogus。", "No such option: --bogus."),
        (
            ["list", "-f", "xml"],
            "--format / -f 的值无效：“xml”不是可选的值（可选：table、json）。",
            "“xml” is not one of the choices (table, json)",
        ),
        (["search", "x", "-n", "0"], "0 小于 1", "0 is less than 1"),
        (["search", "x", "-n", "abc"], "“abc”不是整数", "“abc” is not a whole number"),
        (["calendar", "abc"], "abc 不是年份；读入通知请用 eportguide calendar import 文件。", "abc is not a year"),
        (["list", "a", "b"], "多余的参数：a b", "Unexpected extra arguments: a b"),
        (["search", "x", "-n"], "选项 -n 需要一个值。", "Option -n needs a value."),
        (["unlock-card", "--no-input", "-o", str(tmp_path)], f"{tmp_path} 是文件夹，不是文件", f"{tmp_path} is a folder, not a file"),
        (["--flows", str(a_file), "list"], f"{a_file} 是文件，不是文件夹", f"{a_file} is a file, not a folder"),
        (["unlock-card", "--no-input", "-f", "xml"], "“xml”不是可用的格式", "“xml” is not a format"),
    ]


@pytest.mark.parametrize("case", range(11))
def test_a_usage_error_is_exit_2_in_the_program_s_words(case, tmp_path):
    args, chinese, english = usage_errors(tmp_path)[case]
    result = cli(*args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("错误：") and chinese in result.stderr
    assert "用法：eportguide" in result.stderr and "--help 查看说明。" in result.stderr
    assert not re.search(r"Error|Usage|Missing|Invalid|No such|Try |Got unexpected|is not", result.stderr)
    result = cli("--lang", "en", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and english in result.stderr
    assert "Usage: eportguide" in result.stderr
    assert CJK.findall(result.stderr) == []


def test_an_unknown_word_suggests_searching_for_it():
    result = cli("解锁")
    assert result.exit_code == 2
    assert "错误：没有名为“解锁”的命令或办理流程。" in result.stderr
    assert "要按问题描述查找办理流程，请运行：eportguide search 解锁" in result.stderr
    result = cli("--lang", "en", "法人卡", "锁了")
    assert "To find a procedure by describing the problem, run: eportguide search 法人卡 锁了" in result.stderr


def test_a_file_that_cannot_be_read_says_why_in_the_program_s_words(tmp_path):
    missing = tmp_path / "answers.yaml"
    result = cli("unlock-card", "--answers", str(missing), "--no-input")
    assert result.exit_code == 2
    assert f"无法读取答案文件 {missing}：文件或文件夹不存在" in result.stderr
    assert "No such file" not in result.stderr
    result = cli("unlock-card", "--answers", str(missing), "--no-input", "--lang", "en")
    assert f"Cannot read the answers file {missing}: no such file or folder" in result.stderr


# --- answers in either language ---------------------------------------------------------


@pytest.mark.parametrize(("lang", "answer"), [("zh", "yes"), ("zh", "是"), ("en", "是"), ("en", "Yes"), ("en", "y")])
def test_yes_is_understood_in_either_language(lang, answer):
    args = [
        "unlock-card",
        "-a",
        "card=operator",
        "-a",
        f"legal_card_works={answer}",
        "--no-input",
        "--no-save",
        "-f",
        "json",
        "--lang",
        lang,
    ]
    result = cli(*args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["outcome"]["id"] == "operator_online"


def test_an_answer_that_is_not_yes_or_no_is_refused_in_the_language_spoken():
    args = ["unlock-card", "-a", "card=operator", "-a", "legal_card_works=maybe", "--no-input", "--no-save"]
    assert "“maybe”不是是/否" in cli(*args).stderr
    english = cli(*args, "--lang", "en").stderr
    assert "“maybe” is not yes or no" in english and program_chinese_in(english) == []


def test_at_the_terminal_the_yes_no_and_back_labels_are_english(pack):
    language.use("en")
    from eportguide.engine.result import build

    with create_pipe_input() as pipe:
        pipe.send_text(DOWN + ENTER + ENTER + ENTER)  # the operator card; Yes (the first label); confirm the review
        finished = dialogue.drive(pack, "unlock-card", InteractivePrompter(input=pipe, output=DummyOutput()))
    result = build(pack, finished)
    assert result.outcome_id == "operator_online"
    assert [a.label for a in result.path] == ["操作员卡", "Yes"]  # the content's label, the program's Yes


# --- outputs in English -----------------------------------------------------------------------

PATHS = [
    ["unlock-card", "-a", "card=legal", "-a", "legal_details=yes", "-a", "enterprise=ACME", "-a", "contact_phone=123"],
    ["unlock-card", "-a", "card=operator", "-a", "legal_card_works=no", "-a", "legal_card_problem=locked"],
    ["extend-card", "-a", "expired=yes", "-a", "expired_details=no"],
]


@pytest.mark.parametrize("path", range(len(PATHS)))
@pytest.mark.parametrize("format", ["text", "markdown", "html", "json", "terminal"])
def test_an_english_run_has_no_chinese_of_the_program_in_any_format(path, format, tmp_path):
    args = [*PATHS[path], "--no-input", "--no-save", "-f", format, "--today", "2026-12-30", "--lang", "en"]
    result = cli(*args, "--email-draft", str(tmp_path / "draft.eml")) if path == 0 else cli(*args)
    assert result.exit_code == 0, result.output
    assert program_chinese_in(result.output) == []


@pytest.mark.parametrize(
    "args",
    [
        ["show", "unlock-card"],
        ["show", "unlock-card", "-f", "markdown", "--ids"],
        ["show", "unlock-card", "-f", "html"],
        ["show", "unlock-card", "--paths"],
        ["graph", "unlock-card"],
        ["handbook", "-f", "markdown"],
        ["calendar", "2027"],
        ["calendar", "2026", "-f", "json"],
        ["search", "legal", "card", "locked"],
        ["search", "zzzz"],
        ["sessions"],
        ["validate", str(FLOWS)],
    ],
)
def test_every_other_command_speaks_english_when_asked(args):
    result = cli(*args, "--lang", "en")
    assert result.exit_code in (0, 1), result.output
    assert program_chinese_in(result.output) == []


def test_the_calendar_names_the_law_s_holidays_in_the_language_spoken():
    assert "New Year's Day (2027-01-01)" in cli("calendar", "2027", "--lang", "en").stdout
    assert "元旦（2027-01-01）" in cli("calendar", "2027").stdout


def test_text_labels_are_padded_with_ascii_spaces_in_english():
    result = cli("unlock-card", "-a", "card=legal", "-a", "legal_details=no", "--no-input", "--no-save", "-f", "text", "--lang", "en")
    assert "\u3000" not in "".join(line for line in result.stdout.splitlines() if line.startswith(("To ", "Subject ", "Mail ")))


# --- sessions remember their language ----------------------------------------------------------


def saved_session(lang: str, remove_language: bool = False) -> sessions.Session:
    language.use(lang)
    store = sessions.Store()
    session = store.save(store.new("unlock-card", FLOWS)._replace(answers={"card": "operator"}))
    language.use(None)
    if remove_language:  # as written before issue 15
        path = store.path(session.id)
        data = json.loads(path.read_text(encoding="utf-8"))
        del data["language"]
        path.write_text(json.dumps(data), encoding="utf-8")
    return session


def test_a_session_records_the_language_it_was_started_in():
    session = saved_session("en")
    assert sessions.Store().load(session.id).language == "en"
    data = json.loads(sessions.Store().path(session.id).read_text(encoding="utf-8"))
    assert data["language"] == "en"


def test_a_session_saved_before_languages_reads_as_chinese():
    session = saved_session("en", remove_language=True)
    assert sessions.Store().load(session.id).language == "zh"


def test_resume_speaks_the_session_s_language_unless_lang_says_otherwise():
    session = saved_session("en")
    result = cli("resume", session.id)  # not at a terminal: the next question is missing
    assert result.exit_code == 2
    assert f"Continuing session {session.id}" in result.stderr and "No answer to" in result.stderr
    result = cli("resume", session.id, "--lang", "zh")
    assert f"继续会话 {session.id}" in result.stderr and "缺少问题" in result.stderr
    chinese = saved_session("zh", remove_language=True)
    assert "缺少问题" in cli("resume", chinese.id, env={language.ENV: "en"}).stderr


# --- at a real terminal ------------------------------------------------------------------------


@pytest.mark.pty
def test_a_clerk_runs_the_wizard_in_english_at_a_terminal(tmp_path):
    env = {**os.environ, "EPORTGUIDE_HOME": str(tmp_path / "home"), "TERM": "xterm-256color", "COLUMNS": "160"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "eportguide", "unlock-card", "--no-save", "--lang", "en"],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(50, 160),
    )
    child.expect(re.escape("[Step 1]"))
    child.expect(re.escape("(arrow keys to choose, Enter to confirm)"))
    child.send(DOWN + ENTER)  # the operator card
    child.expect("<< Back")
    child.send(ENTER)  # Yes: the legal card works
    child.expect("Check your answers")
    child.send(ENTER)
    child.expect("Your answers")
    child.expect("Steps")
    child.expect("Save the checklist as a printable HTML file")
    child.send(ENTER)  # No
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_localise_gives_a_help_text_kept_from_import_time_in_the_language_spoken():
    language.use("en")
    english = w.OPT_NO_SAVE
    language.use(None)
    assert catalogue.localise(english) == "不保存本次进度。"
    language.use("en")
    assert catalogue.localise("不保存本次进度。") == english
    assert catalogue.localise("not a wording text") == "not a wording text"
