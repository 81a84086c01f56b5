"""The ``eportguide`` command line: built-in commands plus one command per flow.

Errors of the program reach the user here, once: ``FlowGroup.invoke`` turns an
``EportguideError`` into its message and exit code; no traceback is shown.

A command's module is imported, and its options declared to click, only when that
command runs or its help is shown: building every command on every start cost more
than most commands' own work.
"""

import os
import sys
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from eportguide import wording as w
from eportguide.errors import EXIT_INTERNAL, EportguideError, Interrupted

#: The built-in commands: name -> (module in eportguide.commands, function, help).
COMMANDS: dict[str, tuple[str, str, str]] = {
    "list": ("listing", "list_command", w.HELP_LIST),
    "show": ("show", "show_command", w.HELP_SHOW),
    "run": ("run", "run_command", w.HELP_RUN),
    "validate": ("validate", "validate_command", w.HELP_VALIDATE),
    "graph": ("graph", "graph_command", w.HELP_GRAPH),
    "schema": ("schema", "schema_command", w.HELP_SCHEMA),
    "search": ("search", "search_command", w.HELP_SEARCH),
    "sessions": ("sessions", "sessions_command", w.HELP_SESSIONS),
    "resume": ("resume", "resume_command", w.HELP_RESUME),
    "handbook": ("handbook", "handbook_command", w.HELP_HANDBOOK),
    "calendar": ("calendar", "calendar_command", w.HELP_CALENDAR),
}


def built_in(name: str) -> Any:
    """The click command of a built-in command, its module imported now."""
    from importlib import import_module

    module, function, help = COMMANDS[name]
    single = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)
    single.command(name, help=help)(getattr(import_module(f"eportguide.commands.{module}"), function))
    return typer.main.get_command(single)


class FlowGroup(TyperGroup):
    """Builds only the command asked for; ``eportguide <flow-id>`` is ``eportguide run <flow-id>``."""

    def _flow_ids(self, ctx: Any) -> list[str]:
        from eportguide import packs
        from eportguide.model.files import flow_ids

        root = ctx.find_root()
        if "flow_ids" not in root.meta:  # asked several times while one command is resolved
            root.meta["flow_ids"] = flow_ids(packs.pack_dir(root.params.get("flows")))
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
        params = [p for p in run.params if p.name != "flow_id"]
        callback = run.callback
        assert callback is not None

        def run_this_flow(**kwargs: Any) -> Any:
            return callback(flow_id=cmd_name, **kwargs)

        return TyperCommand(
            name=cmd_name,
            params=params,
            callback=run_this_flow,
            help=w.FLOW_COMMAND_HELP.format(id=cmd_name),
            rich_markup_mode=None,  # plain help, as for ``run``: no rich import, no cut-off text
        )

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0]
        if self.get_command(ctx, name) is None and not name.startswith("-"):
            import difflib

            close = difflib.get_close_matches(name, [*COMMANDS, *self._flow_ids(ctx)], n=3, cutoff=0.5)
            hint = w.DID_YOU_MEAN.format(ids="、".join(close)) if close else w.SEE_LIST
            _fail(EportguideError(w.UNKNOWN_COMMAND.format(name=name), hint))
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The commands by their help in the registry (no module imported), then the flows."""
        with formatter.section(w.HELP_COMMANDS):
            formatter.write_dl([(name, help) for name, (_module, _function, help) in COMMANDS.items()])
        ids = self._flow_ids(ctx)
        if ids:
            with formatter.section(w.HELP_PROCEDURES):
                formatter.write_dl([(flow_id, "") for flow_id in ids])

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except EportguideError as error:
            _fail(error)
        except BrokenPipeError:  # e.g. `eportguide show x | head -1`: the reader had enough
            _quiet_stdout()
            raise typer.Exit(0) from None


def _quiet_stdout() -> None:
    """Point stdout at the null device, so that the flush at exit raises nothing more."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _fail(error: EportguideError) -> None:
    from eportguide.console import error_console

    console = error_console()
    if isinstance(error, Interrupted):  # the user stopped it: not an error, no 错误：
        console.print(error.message, markup=False, highlight=False)
    elif error.message:  # empty: the command has said everything already
        console.print(f"[bold red]{w.ERROR_PREFIX}[/]", end="")
        console.print(error.message, markup=False, highlight=False)
    if error.hint:
        console.print(error.hint, markup=False, highlight=False, style="dim")
    raise typer.Exit(error.exit_code)


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
    flows: Path | None = typer.Option(None, "--flows", envvar="EPORTGUIDE_FLOWS", help=w.OPT_FLOWS, file_okay=False, show_default=False),
    version: bool = typer.Option(False, "--version", help=w.OPT_VERSION, is_eager=True),
) -> None:
    if version:
        from eportguide import __version__

        typer.echo(f"eportguide {__version__}")
        raise typer.Exit()
    if ctx.invoked_subcommand is not None:
        return
    if sys.stdin.isatty() and sys.stdout.isatty():
        from eportguide.commands import menu

        menu.run(flows)
    else:
        typer.echo(ctx.get_help())


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:  # outside a run (a run saves and says so itself)
        print(w.INTERRUPTED, file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:  # the same, outside a command
        _quiet_stdout()
        sys.exit(0)
    except Exception as exc:  # a bug: one line for the user, the traceback on request
        if os.environ.get("EPORTGUIDE_DEBUG"):
            raise
        print(w.INTERNAL_ERROR.format(error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        sys.exit(EXIT_INTERNAL)
