"""Reads a flows pack from a directory: YAML in, validated model out.

A pack is a directory holding ``_facts.yaml`` (shared facts and input fields), an
optional ``_calendar.yaml`` (holidays announced after the calendar library's release),
an optional ``_source.yaml`` (the source document, and when each fact was checked)
and one ``<flow-id>.yaml`` per procedure. YAML is read with the safe loader (the C one
when present); every problem is reported with file, line and column.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from eportguide.i18n import wording as w
from eportguide.model import definitions as d
from eportguide.model import reading, references, safeyaml, unsafe
from eportguide.model.documents import Document, Loaded, display_path
from eportguide.model.files import CALENDAR_FILE, FLOW_SUFFIX, SHARED_FILE, SOURCE_FILE, flow_files, is_shipped
from eportguide.model.findings import Finding, PackError
from eportguide.model.lint import lint
from eportguide.model.schema import Builder, Invalid, Problem

#: Largest flow file read; a bigger one is a mistake, not a procedure.
MAX_FILE_BYTES = 2_000_000


def parse(path: Path, root: Path | None = None) -> tuple[Document | None, list[Finding]]:
    """Parse one YAML file safely; a syntax or encoding error becomes a finding.

    With ``root``, a file that resolves outside it (a symbolic link) is not read: a pack
    must not make the program read files elsewhere on the machine.
    """
    file = display_path(path)
    try:
        if root is not None and not path.resolve().is_relative_to(root.resolve()):
            return None, [Finding(file, 1, 1, w.F_LINKS_OUTSIDE, "file")]
    except (OSError, RuntimeError):  # a symbolic-link loop (RuntimeError before Python 3.13)
        return None, [Finding(file, 1, 1, w.F_CANNOT_READ.format(reason=w.OS_LINK_LOOP), "file")]
    try:
        text = reading.read_bytes(path, MAX_FILE_BYTES).decode("utf-8-sig")
    except reading.TooLarge:
        return None, [Finding(file, 1, 1, w.F_FILE_TOO_LARGE.format(limit=MAX_FILE_BYTES), "file")]
    except UnicodeDecodeError as exc:
        ordinal = exc.start + 1  # "the 63rd byte", as a reader counts; exc.start counts from 0
        return None, [Finding(file, 1, 1, w.F_NOT_UTF8.format(byte=ordinal), "encoding")]
    except OSError as exc:
        return None, [Finding(file, 1, 1, w.F_CANNOT_READ.format(reason=exc.strerror or exc), "file")]
    try:
        node, data = safeyaml.load(text)
    except safeyaml.Limit as exc:
        mark = exc.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [Finding(file, line, column, str(exc.problem), "yaml")]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(p for p in (exc.context, exc.problem) if p)
        return None, [Finding(file, line, column, w.F_YAML_SYNTAX.format(detail=message), "yaml")]
    except yaml.YAMLError as exc:
        return None, [Finding(file, 1, 1, w.F_YAML_OTHER.format(detail=exc), "yaml")]
    document = Document(file, node, data, text)
    found = list(_duplicate_keys(document)) + list(_unsafe_characters(document))
    document.node = None  # composed again if a finding needs it (see Document)
    return document, found


def _unsafe_characters(document: Document) -> Iterator[Finding]:
    """Control and bidi-override characters in any key or text (a YAML "\\e" is one):
    printed, they would drive the terminal of whoever reads the procedure."""
    stack: list[tuple[tuple[str | int, ...], object]] = [((), document.data)]
    while stack:  # not recursive: a file's nesting depth is its author's
        path, value = stack.pop()
        if isinstance(value, str):
            shown = unsafe.find(value)
            if shown is not None:
                yield document.finding(path, w.F_UNSAFE_CHARACTER.format(char=shown), "unsafe-character", None)
        elif isinstance(value, dict):
            for key, item in value.items():
                key_shown = unsafe.find(key) if isinstance(key, str) else None
                if key_shown is not None:
                    yield document.finding((*path, key), w.F_UNSAFE_CHARACTER.format(char=key_shown), "unsafe-character", None, at_key=True)
                    continue
                stack.append(((*path, key), item))
        elif isinstance(value, list):
            stack.extend(((*path, i), item) for i, item in enumerate(value))


def _duplicate_keys(document: Document) -> Iterator[Finding]:
    """PyYAML keeps the last of two equal keys silently; a flow author must hear of it."""
    for key, mark in safeyaml.duplicate_keys(document.node):
        yield Finding(document.file, mark.line + 1, mark.column + 1, w.F_DUPLICATE_KEY.format(key=key), "duplicate-key")


def _findings(document: Document, problems: list[Problem], flow: str | None) -> list[Finding]:
    return [document.finding(p.path, p.message, p.rule, flow, at_key=p.at_key) for p in problems]


def _build(cls: type, document: Document, flow: str | None) -> tuple[Any, list[Finding]]:
    builder = Builder()
    try:
        value = builder.build(cls, document.data, ())
    except Invalid:  # its problems are in builder.problems
        value = None
    if builder.problems:  # a bad item inside a list leaves a hole: never use the value
        value = None
    document.data = None  # the model holds it now: keeping both doubled a large pack's memory
    return value, _findings(document, builder.problems, flow)


def read_pack(directory: Path) -> Loaded:
    """Read and check a pack, collecting every finding instead of stopping at the first."""
    with _collector_paused():
        return _read_pack(directory)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading a pack makes no reference cycles, only objects that live as long as the
    pack (reference counting frees the temporary ones at once). Left running, the cyclic
    garbage collector scans the growing pack again and again: loading cost more per state
    the more flows a pack has (see benchmarks/scale.py)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_pack(directory: Path) -> Loaded:
    findings: list[Finding] = []
    documents: dict[str, Document] = {}
    if not _is_dir(directory):
        where = display_path(directory)
        return Loaded(None, [Finding(where, 1, 1, w.F_NO_PACK_DIRECTORY, "file")])

    shared: d.Shared | None = None
    shared_path = directory / SHARED_FILE
    if shared_path.exists():
        document, found = parse(shared_path, directory)
        findings += found
        if document is not None:
            documents[SHARED_FILE] = document
            shared, found = _build(d.Shared, document, None)
            findings += found
    else:
        findings.append(Finding(display_path(shared_path), 1, 1, w.F_NO_SHARED_FILE, "file"))

    calendar = d.CalendarOverrides()
    calendar_path = directory / CALENDAR_FILE
    if calendar_path.exists():
        document, found = parse(calendar_path, directory)
        findings += found
        if document is not None:
            documents[CALENDAR_FILE] = document
            built, found = _build(d.CalendarOverrides, document, None)
            findings += found + references.check_calendar(built, document)
            calendar = built or calendar

    manifest: d.SourceManifest | None = None
    source_path = directory / SOURCE_FILE
    if source_path.exists():
        document, found = parse(source_path, directory)
        findings += found
        if document is not None:
            documents[SOURCE_FILE] = document
            manifest, found = _build(d.SourceManifest, document, None)
            findings += found + references.check_source(manifest, document, shared)

    flows: dict[str, d.Flow] = {}
    skipped: list[str] = []
    for path in flow_files(directory):
        stem = path.name.removesuffix(FLOW_SUFFIX)
        document, found = parse(path, directory)
        findings += found
        if document is None:
            skipped.append(display_path(path))
            continue
        flow, found = _build(d.Flow, document, stem)
        findings += found
        if flow is None:
            skipped.append(document.file)
            continue
        findings += references.check_identity(flow, stem, document, flows, documents)
        if flow.id not in flows:
            flows[flow.id] = flow
            documents[flow.id] = document
        else:
            skipped.append(document.file)

    if not flows and not findings:
        findings.append(Finding(display_path(directory), 1, 1, w.F_NO_FLOW_FILES, "file"))
    if shared is None:
        return Loaded(None, findings, documents, skipped)
    ordered = {i: flows[i] for i in shared.order if i in flows}
    ordered.update(sorted(flows.items()))
    pack = d.Pack(shared=shared, flows=ordered, calendar=calendar, source=manifest)
    stems = {p.name.removesuffix(FLOW_SUFFIX) for p in flow_files(directory)}
    findings += references.check_pack(pack, documents, stems)
    return Loaded(pack, findings, documents, skipped)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):  # a name too long for the file system, say: no pack there
        return False


def load_pack(directory: Path) -> d.Pack:
    """A usable pack, or PackError listing every error (warnings are ignored here).

    Graph errors count too: a loop would otherwise surface mid-run as a crash.
    """
    pack = usable(directory).pack
    assert pack is not None  # usable() refuses a pack that was not built
    return pack


def usable(directory: Path) -> Loaded:
    """The pack as read, with its documents, when it has no error; else PackError."""
    loaded = read_pack(directory)
    errors = loaded.errors or [f for f in lint(loaded) if f.severity == "error"]
    if errors or loaded.pack is None:
        raise broken(directory, errors)
    return loaded


def broken(directory: Path, errors: list[Finding]) -> PackError:
    """The error a pack with ``errors`` is refused with; its hint names a pack not shipped."""
    return PackError(errors, None if is_shipped(directory) else str(directory))
