"""``eportguide validate [PATH…]``: every finding of a flows pack, for authors, editors and CI.

A PATH is a pack directory or flow files in one; a file is checked within its pack
(its facts, its sub-flows), and only its own findings are shown, plus errors of the
pack's shared files that stop it from loading. A pack's translations (``flows/en/``)
are checked with it: a text without its translation is a warning at the text; what a
translation has that the pack does not, or says differently, an error at the
translation. A translation file (``flows/en/unlock-card.yaml``) or directory
(``flows/en``) is checked within its pack too. A pack whose ``_source.yaml`` says it was
last checked against its source more than ``--max-age-days`` ago (or a fact of it) is a
warning: the facts may have changed since. Exit 1 when an error is found, or a warning
under ``--strict``.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from eportguide import environment
from eportguide.errors import FindingsFound, UsageError
from eportguide.i18n import language
from eportguide.i18n import wording as w
from eportguide.model.findings import Finding

if TYPE_CHECKING:
    from eportguide.model.documents import Loaded


#: How long a pack's check against its source holds before validate warns (a year).
MAX_AGE_DAYS = 365


class Age(NamedTuple):
    """The day to judge by, and how many days a check against the source holds."""

    today: date
    max_days: int = MAX_AGE_DAYS


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"


@dataclass(repr=False, eq=False)  # only __init__ generated: cheap to import
class Target:
    """One pack to read, and the files in it that were named (None: all of them)."""

    directory: Path
    files: set[Path] | None = None
    translated: set[str] = field(default_factory=set)  # flows whose translation file was named


@dataclass(repr=False, eq=False)  # only __init__ generated: cheap to import
class Report:
    findings: list[Finding] = field(default_factory=list)
    flows: int = 0
    states: int = 0

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == "warning")

    def as_dict(self) -> dict[str, object]:
        return {
            "ok": self.errors == 0,
            "errors": self.errors,
            "warnings": self.warnings,
            "flows": self.flows,
            "states": self.states,
            "findings": [f.as_dict() for f in self.findings],
        }


def validate_command(
    ctx: typer.Context,
    paths: Annotated[list[Path] | None, typer.Argument(metavar="[PATH]...", help=w.ARG_VALIDATE_PATHS, show_default=False)] = None,
    format: Annotated[ValidateFormat, typer.Option("--format", "-f", help=w.OPT_FORMAT)] = ValidateFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help=w.OPT_STRICT)] = False,
    max_age_days: Annotated[int, typer.Option("--max-age-days", min=0, metavar="DAYS", help=w.OPT_MAX_AGE_DAYS)] = MAX_AGE_DAYS,
    today: Annotated[str | None, typer.Option("--today", metavar="YYYY-MM-DD", help=w.OPT_VALIDATE_TODAY)] = None,
) -> None:
    from eportguide.model.definitions import parse_date

    try:
        day = parse_date(today) if today is not None else date.today()
    except ValueError:
        raise UsageError(w.BAD_DATE.format(value=today)) from None
    report = check(targets(paths or [environment.of(ctx).flows]), Age(day, max_age_days))
    if format is ValidateFormat.json:
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        for finding in report.findings:
            typer.echo(str(finding))
        typer.echo(
            w.VALIDATE_SUMMARY.format(flows=report.flows, states=report.states, errors=report.errors, warnings=report.warnings),
            err=True,
        )
    if report.errors or (strict and report.warnings):
        if not report.errors:
            typer.echo(w.VALIDATE_STRICT_FAILS, err=True)
        raise FindingsFound("")  # every finding and the summary are printed already


def targets(paths: Iterable[Path]) -> list[Target]:
    """Group the paths by pack; naming a pack directory checks all of it."""
    from eportguide.model.files import translation_files
    from eportguide.model.loader import FLOW_SUFFIX  # YAML is imported only when needed

    by_directory: dict[Path, Target] = {}
    for path in paths:
        try:
            found, is_dir = path.exists(), path.is_dir()
        except (OSError, ValueError):  # a name too long for the file system, say
            found = is_dir = False
        if not found:
            raise UsageError(w.PATH_NOT_FOUND.format(path=path))
        if is_dir:
            pack = _pack_of_translation(path)
            if pack is None:
                by_directory[path.resolve()] = Target(path)
                continue
            named = translation_files(pack, path.name)
        elif path.suffix != FLOW_SUFFIX:
            raise UsageError(w.NOT_A_FLOW_FILE.format(path=path))
        else:
            pack, named = _pack_of_translation(path.parent) or path.parent, [path]
        target = by_directory.setdefault(pack.resolve(), Target(pack, set()))
        if target.files is not None:
            target.files.update(p.resolve() for p in named)
            if pack != path.parent or path.is_dir():
                target.translated.update(p.name.removesuffix(FLOW_SUFFIX) for p in named)
    return list(by_directory.values())


def _pack_of_translation(directory: Path) -> Path | None:
    """The pack a translation directory (``flows/en``) belongs to; None for any other directory."""
    from eportguide.model.files import SHARED_FILE

    is_translation = directory.resolve().name in language.LANGUAGES and directory.resolve().name != language.CHINESE
    return directory.parent if is_translation and (directory.parent / SHARED_FILE).is_file() else None


def check(pack_targets: Iterable[Target], age: Age | None = None) -> Report:
    """Load and lint each pack; keep the findings that concern what was named.

    With ``age``, a check against the source older than its days is a warning."""
    from eportguide.model.lint import lint
    from eportguide.model.loader import read_pack
    from eportguide.model.references import check_age

    report = Report()
    for target in pack_targets:
        loaded = read_pack(target.directory)
        named = target.files
        found = [*loaded.findings, *lint(loaded), *_translation_findings(target.directory, loaded)]
        if age is not None:
            found += check_age(loaded, age.today, age.max_days)
        found = [f for f in found if named is None or _concerns(f, named) or (f.flow in target.translated and f.rule in TRANSLATION_RULES)]
        report.findings += sorted(found, key=lambda f: (f.file, f.line, f.column))
        if loaded.pack is not None:
            for flow_id, flow in loaded.pack.flows.items():
                if named is None or Path(loaded.documents[flow_id].file).resolve() in named or flow_id in target.translated:
                    report.flows += 1
                    report.states += len(flow.states)
    return report


#: The rules of a translation's findings located at the pack's own text (what it lacks).
TRANSLATION_RULES = frozenset({"missing-translation"})


def _translation_findings(directory: Path, loaded: "Loaded") -> list[Finding]:
    """Every translation of the pack (``<pack>/<language>/``), read and checked against it."""
    from eportguide.model.files import has_translation
    from eportguide.model.translations.check import check
    from eportguide.model.translations.read import read

    found: list[Finding] = []
    for spoken in language.LANGUAGES:
        if spoken != language.CHINESE and has_translation(directory, spoken):
            translation = read(directory, spoken)
            found += translation.findings + check(loaded, translation)
    return found


def _concerns(finding: Finding, files: set[Path]) -> bool:
    """A finding in a named file, or an error of a shared file that every flow depends on."""
    from eportguide.model.loader import FLOW_SUFFIX

    where = Path(finding.file).resolve()
    if where in files:
        return True
    is_flow_file = where.suffix == FLOW_SUFFIX and not where.name.startswith(("_", "."))
    return finding.severity == "error" and not is_flow_file
