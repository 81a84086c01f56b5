"""The ``eportguide`` command line: built-in commands plus one command per flow.

Errors of the program reach the user here, once: ``FlowGroup.invoke`` turns an
``EportguideError`` into its message and exit code; no traceback is shown.
"""

import os
import sys
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from eportguide import wording as w
from eportguide.errors import EXIT_INTERNAL, EportguideError, UsageError


class FlowGroup(TyperGroup):
    """Resolves ``eportguide <flow-id>`` to ``eportguide run <flow-id>``."""

    def _flow_ids(self, ctx: Any) -> list[str]:
        from eportguide import packs
        from eportguide.model.files import flow_ids

        root = ctx.find_root()
        if "flow_ids" not in root.meta:  # asked several times while one command is resolved
            root.meta["flow_ids"] = flow_ids(packs.pack_dir(root.params.get("flows")))
        ids: list[str] = root.meta["flow_ids"]
        return ids

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None or cmd_name not in self._flow_ids(ctx):
            return command
        run = self.commands["run"]
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

            close = difflib.get_close_matches(name, [*self.commands, *self._flow_ids(ctx)], n=3, cutoff=0.5)
            hint = w.DID_YOU_MEAN.format(ids="、".join(close)) if close else w.SEE_LIST
            _fail(EportguideError(w.UNKNOWN_COMMAND.format(name=name), hint))
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        super().format_commands(ctx, formatter)
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
    from eportguide.console import error_console

    console = error_console()
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
        from importlib.metadata import version as package_version

        typer.echo(f"eportguide {package_version('eportguide')}")
        raise typer.Exit()
    if ctx.invoked_subcommand is not None:
        return
    if sys.stdin.isatty() and sys.stdout.isatty():
        from eportguide.commands import menu

        menu.run(flows)
    else:
        typer.echo(ctx.get_help())


def _register() -> None:
    from eportguide.commands import graph, listing, run, schema, show, validate

    app.command("list", help=w.HELP_LIST)(listing.list_command)
    app.command("show", help=w.HELP_SHOW)(show.show_command)
    app.command("run", help=w.HELP_RUN)(run.run_command)
    app.command("validate", help=w.HELP_VALIDATE)(validate.validate_command)
    app.command("graph", help=w.HELP_GRAPH)(graph.graph_command)
    app.command("schema", help=w.HELP_SCHEMA)(schema.schema_command)
    from eportguide.commands import resume, search, sessions

    app.command("search", help=w.HELP_SEARCH)(search.search_command)
    app.command("sessions", help=w.HELP_SESSIONS)(sessions.sessions_command)
    app.command("resume", help=w.HELP_RESUME)(resume.resume_command)


_register()


def main() -> None:
    from eportguide import streams

    streams.guard()
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
