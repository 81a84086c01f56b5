"""The ``eportguide`` command line: built-in commands plus one command per flow.

Errors of the program reach the user here, once: ``FlowGroup.invoke`` turns an
``EportguideError`` into its message and exit code; no traceback is shown.

A command's module is imported, and its options declared to click, only when that
command runs or its help is shown: building every command on every start cost more
than most commands' own work.

The language is settled first, in ``FlowGroup.main``: ``--lang`` may come before the
command or after it, and a command module words its options' help when it is imported.
typer's and click's own words (help layout, usage errors) are the program's too
(``click_words``); a usage error is exit 2, said once, like every other error.
"""

import os
import sys
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup, TyperOption

from eportguide.click_words import ClickException, Worded, WordedCommand, usage_error
from eportguide.errors import EXIT_INTERNAL, EportguideError, Interrupted, UsageError
from eportguide.i18n import language
from eportguide.i18n import wording as w

#: The built-in commands: name -> (module in eportguide.commands, function, the wording of its help).
COMMANDS: dict[str, tuple[str, str, str]] = {
    "list": ("listing", "list_command", "HELP_LIST"),
    "show": ("show", "show_command", "HELP_SHOW"),
    "run": ("run", "run_command", "HELP_RUN"),
    "validate": ("validate", "validate_command", "HELP_VALIDATE"),
    "graph": ("graph", "graph_command", "HELP_GRAPH"),
    "schema": ("schema", "schema_command", "HELP_SCHEMA"),
    "search": ("search", "search_command", "HELP_SEARCH"),
    "sessions": ("sessions", "sessions_command", "HELP_SESSIONS"),
    "resume": ("resume", "resume_command", "HELP_RESUME"),
    "handbook": ("handbook", "handbook_command", "HELP_HANDBOOK"),
    "calendar": ("calendar", "calendar_command", "HELP_CALENDAR"),
    "cases": ("cases", "cases_command", "HELP_CASES"),
    "profile": ("profile", "profile_command", "HELP_PROFILE"),
}
LANG_OPTION = "--lang"


def command_help(name: str) -> str:
    return str(getattr(w, COMMANDS[name][2]))


def lang_option() -> Any:
    """``--lang``, accepted after a command as before it (``FlowGroup.main`` reads it)."""
    return TyperOption(param_decls=[LANG_OPTION], metavar="<zh|en>", help=w.OPT_LANG, expose_value=False)


def built_in(name: str) -> Any:
    """The click command of a built-in command, its module imported now."""
    from importlib import import_module

    module, function, _help = COMMANDS[name]
    single = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)
    loaded = import_module(f"eportguide.commands.{module}")
    single.command(name, help=command_help(name), cls=WordedCommand)(getattr(loaded, function))
    command = typer.main.get_command(single)
    command.params.append(lang_option())
    optional: dict[str, str] = getattr(loaded, "VALUE_OPTIONAL", {})
    if optional:  # options whose value may be left out: typer cannot declare one
        parse = command.parse_args
        command.parse_args = lambda ctx, args: parse(ctx, with_optional_values(args, optional))  # type: ignore[method-assign]
    return command


def with_optional_values(args: list[str], optional: dict[str, str]) -> list[str]:
    """``args`` with each option of ``optional`` that is not followed by a number given
    its value when left out (``--done`` → ``--done=0``)."""
    out = list(args)
    for index, arg in enumerate(out):
        if arg == "--":
            break
        following = out[index + 1] if index + 1 < len(out) else ""
        if arg in optional and not following.isdecimal():
            out[index] = f"{arg}={optional[arg]}"
    return out


def asked_language(args: list[str]) -> str | None:
    """The value of the last ``--lang`` in ``args`` (before or after the command), else None.

    Read before click parses anything: a command's module words its options' help when it
    is imported, which is before the command's own ``--lang`` is parsed.
    """
    asked = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == LANG_OPTION and index + 1 < len(args):
            asked = args[index + 1]
        elif arg.startswith(LANG_OPTION + "="):
            asked = arg.partition("=")[2]
    return asked


def settle_language(args: list[str]) -> None:
    """Speak the language ``--lang`` asks for, else ``$EPORTGUIDE_LANG``'s, else Chinese;
    a usage error for a language the program does not speak."""
    import os

    choices = "|".join(language.LANGUAGES)
    asked = asked_language(args)
    language.use(None)  # a new command: nothing asked yet (tests run many in one process)
    if asked is not None:
        if asked.strip().lower() not in language.LANGUAGES:
            raise UsageError(w.UNKNOWN_LANGUAGE.format(value=asked, choices=choices))
        language.use(asked.strip().lower())
        return
    configured = os.environ.get(language.ENV, "").strip()
    if configured and configured.lower() not in language.LANGUAGES:
        raise UsageError(w.UNKNOWN_LANGUAGE_ENV.format(value=configured, choices=choices))


class FlowGroup(Worded, TyperGroup):
    """Builds only the command asked for; ``eportguide <flow-id>`` is ``eportguide run <flow-id>``."""

    def main(  # type: ignore[override]
        self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None, standalone_mode: bool = True, **extra: Any
    ) -> Any:
        """Settle the language, run, and say a usage error in the program's words (exit 2)."""
        arguments = list(sys.argv[1:] if args is None else args)
        try:
            settle_language(arguments)
            code = super().main(arguments, prog_name, complete_var, standalone_mode=False, **extra)
        except EportguideError as error:  # settling the language
            code = _report(error)
        except ClickException as error:  # click's parsing: an unknown option, a missing argument…
            code = _report(usage_error(error))
        except typer.Abort:  # Ctrl-C at a prompt of typer's own
            code = _report(Interrupted(w.INTERRUPTED))
        code = code if isinstance(code, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code

    def _flow_ids(self, ctx: Any) -> list[str]:
        from eportguide import environment
        from eportguide.model.files import flow_ids

        root = ctx.find_root()
        if "flow_ids" not in root.meta:  # asked several times while one command is resolved
            root.meta["flow_ids"] = flow_ids(environment.of(ctx).flows)
        ids: list[str] = root.meta["flow_ids"]
        return ids

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name in COMMANDS:
            return built_in(cmd_name)
        if cmd_name not in self._flow_ids(ctx):
            return None
        run = built_in("run")
        params = [p for p in run.params if p.name != "flow_id"]  # --lang included
        callback = run.callback
        assert callback is not None

        def run_this_flow(**kwargs: Any) -> Any:
            return callback(flow_id=cmd_name, **kwargs)

        return WordedCommand(
            name=cmd_name,
            params=params,
            callback=run_this_flow,
            help=w.FLOW_COMMAND_HELP.format(id=cmd_name),
            rich_markup_mode=None,  # plain help, as for ``run``: no rich import, no cut-off text
        )

    def parse_args(self, ctx: Any, args: list[str]) -> Any:
        # Bytes that are not UTF-8 arrive as lone surrogates: they would be written as raw
        # bytes into JSON, or fail to be written at all.
        for arg in args:
            if not _is_text(arg):
                from eportguide.engine.answers import shown

                _fail(UsageError(w.ARGUMENT_NOT_UTF8.format(value=shown(arg.encode("utf-8", "replace").decode()))))
        return super().parse_args(ctx, args)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0]
        if self.get_command(ctx, name) is None and not name.startswith("-"):
            import difflib

            close = difflib.get_close_matches(name, [*COMMANDS, *self._flow_ids(ctx)], n=3, cutoff=0.5)
            if close:
                hint = w.DID_YOU_MEAN.format(ids=w.LIST_SEPARATOR.join(close))
            else:  # words, not a name: eportguide 解锁 is a search
                words = [arg for arg in args if not arg.startswith("-")]
                hint = w.UNKNOWN_COMMAND_SEARCH.format(command=_command_line(["eportguide", "search", *words])) + "\n" + w.SEE_LIST
            raise UsageError(w.UNKNOWN_COMMAND.format(name=name), hint)
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The commands by their help in the registry (no module imported), then the
        procedures by their titles (from the pack; its ids alone if it cannot be read)."""
        with formatter.section(w.HELP_COMMANDS):
            formatter.write_dl([(name, command_help(name)) for name in COMMANDS])
        ids = self._flow_ids(ctx)
        if ids:
            titles = _titles(ctx)
            with formatter.section(w.HELP_PROCEDURES):
                formatter.write_dl([(flow_id, titles.get(flow_id, "")) for flow_id in ids])

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except EportguideError as error:
            _fail(error)
        except BrokenPipeError:  # e.g. `eportguide show x | head -1`: the reader had enough
            _quiet_stdout()
            raise typer.Exit(0) from None


def _command_line(words: list[str]) -> str:
    """The words as a shell command: quoted where the shell needs it (not for Chinese)."""
    import re
    import shlex

    return " ".join(word if re.fullmatch(r"[^\s'\"\\$`!&|;<>()*?#~{}\[\]]+", word) else shlex.quote(word) for word in words)


def _titles(ctx: Any) -> dict[str, str]:
    """Each procedure's title in the language spoken; none when the pack cannot be read
    (help must still show, and ``validate`` says what is wrong)."""
    from eportguide import environment
    from eportguide.packs import active

    try:
        pack = active.load(environment.of(ctx).flows)
    except EportguideError:
        return {}
    return {flow_id: flow.title for flow_id, flow in pack.flows.items()}


def _is_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _quiet_stdout() -> None:
    """Point stdout at the null device, so that the flush at exit raises nothing more."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _fail(error: EportguideError) -> None:
    raise typer.Exit(_report(error))


def _report(error: EportguideError) -> int:
    """Say the error on stderr; its exit code."""
    from eportguide.model.unsafe import visible
    from eportguide.terminal.console import error_console

    # A message quotes what was typed or read (a flow id, a path, --today): shown visibly.
    console = error_console()
    if isinstance(error, Interrupted):  # the user stopped it: not an error, no 错误：
        console.print(visible(error.message), markup=False, highlight=False)
    elif error.message:  # empty: the command has said everything already
        console.print(f"[bold red]{w.ERROR_PREFIX}[/]", end="")
        console.print(visible(error.message), markup=False, highlight=False)
    if error.hint:
        console.print(visible(error.hint), markup=False, highlight=False, style="dim")
    return error.exit_code


app = typer.Typer(
    cls=FlowGroup,
    name="eportguide",
    help=w.APP_HELP,
    add_completion=False,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


@app.callback()
def main_callback(
    ctx: typer.Context,
    flows: Path | None = typer.Option(
        None, "--flows", envvar="EPORTGUIDE_FLOWS", help=w.OPT_FLOWS, file_okay=False, show_default=False
    ),  # read by environment.of
    lang: str | None = typer.Option(None, LANG_OPTION, metavar="<zh|en>", help=w.OPT_LANG, show_default=False),  # read by FlowGroup.main
    version: bool = typer.Option(False, "--version", help=w.OPT_VERSION, is_eager=True),
) -> None:
    if version:
        from eportguide import __version__

        typer.echo(f"eportguide {__version__}")
        raise typer.Exit()
    from eportguide import environment

    env = environment.of(ctx)  # resolved once, here at the latest; commands read it
    if ctx.invoked_subcommand is not None:
        return
    if env.person_at_terminal:
        from eportguide.commands import menu

        menu.run(env)
    else:
        typer.echo(ctx.get_help())


def _clamp_terminal_size() -> None:
    """COLUMNS and LINES as a terminal can have them: 10,000,000 columns took rich 8 s and
    1.7 GB to lay out a checklist; a value that is not a number is dropped."""
    for name, low, high in (("COLUMNS", 20, 1000), ("LINES", 5, 1000)):
        value = os.environ.get(name)
        if value is None:
            continue
        try:
            number = int(value)
        except ValueError:
            del os.environ[name]
            continue
        if not low <= number <= high:
            os.environ[name] = str(min(max(number, low), high))


def main() -> None:
    from eportguide.terminal import streams

    streams.guard()
    _clamp_terminal_size()
    try:
        app()
    except SystemExit as done:  # how every command ends: write out what is still buffered
        code = done.code
        try:
            if sys.stdout is not None:  # None under pythonw
                sys.stdout.flush()
        except streams.OutputFailed as error:
            if not code:  # else the command failed on it already, and said so
                print(w.ERROR_PREFIX + error.message, file=sys.stderr)
                code = error.exit_code
            streams.settle()  # what is still buffered goes nowhere, quietly
        except BrokenPipeError:
            _quiet_stdout()
        if streams.replaced() and sys.stderr is not None:
            print(w.CHARACTERS_REPLACED.format(count=streams.replaced(), encoding=streams.encoding()), file=sys.stderr)
        sys.exit(code)
    except KeyboardInterrupt:  # outside a run (a run saves and says so itself)
        print(w.INTERRUPTED, file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:  # the same, outside a command
        _quiet_stdout()
        sys.exit(0)
    except streams.OutputFailed as error:  # outside a command
        print(w.ERROR_PREFIX + error.message, file=sys.stderr)
        streams.settle()
        sys.exit(error.exit_code)
    except Exception as exc:  # a bug: one line for the user, the traceback on request
        if os.environ.get("EPORTGUIDE_DEBUG"):
            raise
        print(w.INTERNAL_ERROR.format(error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        sys.exit(EXIT_INTERNAL)
