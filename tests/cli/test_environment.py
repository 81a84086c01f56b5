"""The context a command runs in, resolved once (``eportguide.environment``): a test
builds one to simulate a terminal or a pipe, and the command behaves as it would there."""

from helpers import FLOWS, cli

from eportguide.environment import Environment
from eportguide.model.files import shipped_pack_dir

RUN = ("unlock-card", "-a", "card=legal", "--no-input", "--no-save", "--today", "2026-03-02")


def test_a_result_on_a_terminal_is_drawn_for_the_screen_and_in_a_pipe_is_plain_text():
    terminal = cli(*RUN, context=Environment(stdin_is_terminal=False, stdout_is_terminal=True))
    pipe = cli(*RUN, context=Environment(stdin_is_terminal=False, stdout_is_terminal=False))
    assert terminal.exit_code == pipe.exit_code == 0
    assert terminal.stdout == cli(*RUN, "-f", "terminal").stdout
    assert pipe.stdout == cli(*RUN, "-f", "text").stdout
    assert terminal.stdout != pipe.stdout


def test_bare_eportguide_in_a_pipe_prints_the_help_instead_of_the_menu():
    done = cli(context=Environment(stdin_is_terminal=False, stdout_is_terminal=False))
    assert done.exit_code == 0
    assert "unlock-card" in done.stdout  # the procedures are listed with the commands


def test_the_pack_is_the_option_else_the_environment_variable_else_the_shipped_one(tmp_path):
    assert Environment(tmp_path, environ={"EPORTGUIDE_FLOWS": "/elsewhere"}).flows == tmp_path
    named = Environment(environ={"EPORTGUIDE_FLOWS": str(tmp_path)})
    assert (named.flows, named.pack_chosen) == (tmp_path, True)
    shipped = Environment(environ={})
    assert (shipped.flows, shipped.pack_chosen) == (shipped_pack_dir(), False)


def test_a_person_is_at_the_terminal_only_when_both_stdin_and_stdout_are_one():
    assert Environment(stdin_is_terminal=True, stdout_is_terminal=True).person_at_terminal
    assert not Environment(stdin_is_terminal=True, stdout_is_terminal=False).person_at_terminal
    assert not Environment(stdin_is_terminal=False, stdout_is_terminal=True).person_at_terminal


def test_the_sessions_live_under_the_home_the_environment_names(tmp_path):
    store = Environment(environ={"EPORTGUIDE_HOME": str(tmp_path)}).sessions()
    assert store.directory == tmp_path / "sessions"


def test_a_command_reads_the_pack_of_the_context_it_is_handed(tmp_path):
    shipped = cli("list", "-f", "json", context=Environment(FLOWS))
    assert shipped.exit_code == 0
    assert '"id": "unlock-card"' in shipped.stdout
    empty = cli("list", "-f", "json", context=Environment(tmp_path))  # no pack there
    assert empty.exit_code == 2
    assert '"id": "unlock-card"' not in empty.stdout
