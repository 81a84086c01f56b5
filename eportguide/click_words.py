"""typer's and click's own words, in the language the program speaks.

typer 0.28 vendors click as ``typer._click`` and writes most of its words in English in
the code, not through gettext: "Usage: ", the Options/Arguments/Commands headings, "Show
this message and exit.", "[default: …]", and the usage errors ("Missing argument …",
"No such option: …", "Invalid value for …", "Got unexpected extra argument(s) …").
They are replaced here, and only here:

- ``Worded``, a mixin of the program's command and group classes, draws the help screen
  with the program's wording, through click's public formatting hooks;
- ``usage_error`` turns a click usage error into the program's message and hint, from
  the error's parameter and, where click keeps no more than an English sentence (the
  value it refused), from that sentence.

This is the one module that reaches into typer's private ``typer._click`` (its exception
and parameter classes); ``tests/cli/test_languages.py`` provokes every error it words, in
both languages, so that a typer release that words them differently fails a test, not
a user. A message this module does not recognise is passed on as click wrote it.
"""

from __future__ import annotations

import ast
import re
from enum import Enum
from typing import Any

from typer._click import Context, HelpFormatter, exceptions, types
from typer.core import TyperCommand

from eportguide.errors import UsageError
from eportguide.i18n import catalogue
from eportguide.i18n import wording as w

# The sentences of click and typer that carry a value, as typer 0.28 writes them.
_QUOTED = r"(?P<value>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")"
NOT_ONE_OF = re.compile(_QUOTED + r" is not one of ")
NOT_A_NUMBER = re.compile(_QUOTED + r" is not a valid int(?:eger)?(?: range)?\.")
OUT_OF_RANGE = re.compile(r"(?P<value>\S+) is not in the range ")
PATH_IS = re.compile(r"(?:File|Directory|Path) " + _QUOTED + r" is a (?P<kind>directory|file)\.")
EXTRA_ARGUMENTS = re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((?P<arguments>.*)\)$", re.DOTALL)
TAKES_NO_VALUE = "does not take a value"


#: What click raises for a usage error (and the few others it raises), for the CLI to catch.
ClickException = exceptions.ClickException


class WordedFormatter(HelpFormatter):
    """click's help formatter, but a heading is written as worded: click appends an ASCII
    colon, which Chinese writes full width (the colon is in the wording)."""

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}\n")


class WordedContext(Context):
    formatter_class = WordedFormatter


class Worded:
    """Help screens in the program's words (mixed into a click command or group class)."""

    context_class: type[Context] = WordedContext

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [w.OPTIONS_METAVAR]
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            pieces.extend(param.get_usage_pieces(ctx))
        if hasattr(self, "subcommand_metavar"):  # a group: its command comes next
            pieces.append(w.SUBCOMMAND_METAVAR)
        return pieces

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix=w.USAGE_PREFIX)

    def format_help_text(self, ctx: Any, formatter: Any) -> None:
        text = getattr(self, "help", None)
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(catalogue.localise(text))

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments: list[tuple[str, str]] = []
        options: list[tuple[str, str]] = []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            record = help_record(param, ctx)
            if record is not None:
                (arguments if param.param_type_name == "argument" else options).append(record)
        if arguments:
            with formatter.section(w.HELP_ARGUMENTS):
                formatter.write_dl(arguments)
        if options:
            with formatter.section(w.HELP_OPTIONS):
                formatter.write_dl(options)
        format_commands = getattr(self, "format_commands", None)
        if format_commands is not None:
            format_commands(ctx, formatter)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """click's parsing; a usage error it raises without its command is given it, for the usage hint."""
        try:
            parsed: list[str] = super().parse_args(ctx, args)  # type: ignore[misc]
        except exceptions.UsageError as error:
            if error.ctx is None:
                error.ctx = ctx
            raise
        return parsed

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = w.OPT_HELP
        return option


def help_record(param: Any, ctx: Any) -> tuple[str, str] | None:
    """An option's or argument's line of the help screen: its names as typer writes them,
    its help and the notes after it (default, range, required) in the program's words."""
    record = param.get_help_record(ctx)
    if record is None:
        return None
    notes = []
    envvar = param.envvar if getattr(param, "show_envvar", False) else None
    if envvar:
        notes.append(w.HELP_ENVVAR.format(name=envvar if isinstance(envvar, str) else w.LIST_SEPARATOR.join(envvar)))
    default = _default_text(param, ctx)
    if default:
        notes.append(w.HELP_DEFAULT.format(value=default))
    if isinstance(param.type, types._NumberRangeBase):
        if param.type.min is not None:
            notes.append(w.HELP_AT_LEAST.format(minimum=param.type.min))
        if param.type.max is not None:
            notes.append(w.HELP_AT_MOST.format(maximum=param.type.max))
    if param.required:
        notes.append(w.HELP_REQUIRED)
    text = catalogue.localise(param.help or "")
    if notes:
        text = (text + "  " + w.HELP_EXTRA.format(items=w.HELP_EXTRA_SEPARATOR.join(notes))).strip()
    return record[0], text


def _default_text(param: Any, ctx: Any) -> str | None:
    """The default shown for ``param``, as typer would show it, or None."""
    if isinstance(param.show_default, str):
        return param.show_default
    if not (param.show_default or ctx.show_default):
        return None
    value = param.default
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, list | tuple):
        return w.LIST_SEPARATOR.join(map(str, value)) or None
    if value is None or isinstance(value, bool) or callable(value) or value == "":
        return None
    return str(value)


def usage_error(error: exceptions.ClickException) -> UsageError:
    """Click's usage error as the program's: the message in its words, the usage as the hint."""
    ctx = getattr(error, "ctx", None)
    hints = []
    if isinstance(error, exceptions.NoSuchOption) and error.possibilities:
        hints.append(w.DID_YOU_MEAN.format(ids=w.LIST_SEPARATOR.join(error.possibilities)))
    if ctx is not None:
        pieces = ctx.command.collect_usage_pieces(ctx)
        hints.append(w.USAGE_HINT.format(usage=" ".join([ctx.command_path, *pieces]), command=ctx.command_path))
    return UsageError(_message(error), "\n".join(hints) or None)


def command_usage_error(message: str, ctx: Any) -> UsageError:
    """A usage error a command finds in its own arguments, said as click's are: with the usage."""
    return usage_error(exceptions.UsageError(message, ctx))


def _message(error: exceptions.ClickException) -> str:
    if isinstance(error, exceptions.MissingParameter):
        name = _name(error.param, error.ctx)
        if error.param is not None and error.param.param_type_name == "option":
            return w.MISSING_OPTION.format(name=name)
        return w.MISSING_ARGUMENT.format(name=name)
    if isinstance(error, exceptions.NoSuchOption):
        return w.NO_SUCH_OPTION.format(name=error.option_name)
    if isinstance(error, exceptions.BadOptionUsage):
        template = w.OPTION_TAKES_NO_VALUE if TAKES_NO_VALUE in error.message else w.OPTION_NEEDS_VALUE
        return template.format(name=error.option_name)
    if isinstance(error, exceptions.BadParameter):
        return w.INVALID_VALUE.format(name=_name(error.param, error.ctx), reason=_reason(error))
    found = EXTRA_ARGUMENTS.match(error.message)
    if found:
        return w.EXTRA_ARGUMENTS.format(arguments=found["arguments"])
    return error.format_message()


def _name(param: Any, ctx: Any) -> str:
    """How the user wrote (or should write) the parameter: its options, or its metavar."""
    if param is None:
        return ""
    if param.param_type_name == "option":
        return " / ".join(param.opts)
    return str(param.make_metavar(ctx) if ctx is not None else param.human_readable_name)


def _reason(error: exceptions.BadParameter) -> str:
    """Why click refused the value; a reason the program gave itself (a callback's) as it is."""
    message = error.message
    param = error.param
    found = NOT_ONE_OF.match(message)
    if found and param is not None and hasattr(param.type, "choices"):
        choices = w.LIST_SEPARATOR.join(str(getattr(c, "value", c)) for c in param.type.choices)
        return w.NOT_ONE_OF.format(value=ast.literal_eval(found["value"]), choices=choices)
    found = NOT_A_NUMBER.match(message)
    if found:
        return w.NOT_A_WHOLE_NUMBER.format(value=ast.literal_eval(found["value"]))
    found = OUT_OF_RANGE.match(message)
    if found and param is not None and isinstance(param.type, types._NumberRangeBase):
        low, high = param.type.min, param.type.max
        value = found["value"]
        if low is not None and float(value) < low:
            return w.BELOW_MINIMUM.format(value=value, minimum=low)
        return w.ABOVE_MAXIMUM.format(value=value, maximum=high)
    found = PATH_IS.match(message)
    if found:
        template = w.PATH_IS_A_FOLDER if found["kind"] == "directory" else w.PATH_IS_A_FILE
        return template.format(path=ast.literal_eval(found["value"]))
    return message.rstrip("。.")


class WordedCommand(Worded, TyperCommand):
    """A command whose help screen is in the program's words."""
