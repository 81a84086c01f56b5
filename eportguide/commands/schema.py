"""``eportguide schema [flow|shared|translation|shared-translation]``: the JSON Schema editors use to check pack files.

Generated from the model each time (``model.schema``); ``--write`` regenerates the
copies shipped in ``eportguide/schemas/``, which a test keeps in step with the model.
"""

import sys
from enum import StrEnum
from typing import Annotated

import typer

from eportguide.errors import UsageError, os_reason
from eportguide.i18n import wording as w


class SchemaName(StrEnum):
    flow = "flow"
    shared = "shared"
    translation = "translation"
    shared_translation = "shared-translation"
    source = "source"
    glossary = "glossary"


NAMES = "[flow|shared|translation|shared-translation|source|glossary]"


def schema_command(
    name: Annotated[SchemaName, typer.Argument(metavar=NAMES, help=w.ARG_SCHEMA_WITH_TRANSLATIONS)] = SchemaName.flow,
    write: Annotated[bool, typer.Option("--write", help=w.OPT_SCHEMA_WRITE)] = False,
) -> None:
    from eportguide.model import schema

    if not write:
        sys.stdout.write(schema.schema_text(name.value))
        return
    for document in schema.DOCUMENTS:
        path = schema.shipped_schema(document)
        try:
            path.parent.mkdir(exist_ok=True)
            path.write_text(schema.schema_text(document), encoding="utf-8")
        except OSError as exc:
            raise UsageError(w.CANNOT_WRITE.format(path=path, reason=os_reason(exc))) from None
        typer.echo(w.WROTE_SCHEMA.format(path=path), err=True)
