"""Keep the program's message catalogues in step with ``eportguide/i18n/wording.py``.

    python tools/catalogue.py            # extract, then compile: after changing wording.py
    python tools/catalogue.py --check    # exit 1 if a text lacks its translation or a
                                         # compiled catalogue is stale (what CI runs, via the tests)
    python tools/catalogue.py --init fr  # start a catalogue for a new language

Each wording constant is one catalogue entry: its name is the msgctxt, its Chinese text
the msgid (a tuple, such as the weekday names, gives one entry per item). ``extract``
writes the template ``eportguide/i18n/locale/eportguide.pot`` and merges it into every
``eportguide/i18n/locale/<lang>/LC_MESSAGES/eportguide.po`` with Babel: a text that changed
keeps its old translation marked fuzzy (``#, fuzzy``) for a translator to check, a text
that went is kept as obsolete (``#~``) and dropped at the next run. ``compile`` writes
the ``.mo`` beside each ``.po``, leaving out fuzzy entries (so they show in Chinese until
checked). The ``.mo`` files are committed: installing needs neither Babel nor a build step.

Babel is a maintainer's tool (the ``test`` extra); the program reads ``.mo`` files with
the standard library's ``gettext`` only.
"""

from __future__ import annotations

import argparse
import ast
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
WORDING = ROOT / "eportguide" / "i18n" / "wording.py"
LOCALE = ROOT / "eportguide" / "i18n" / "locale"
DOMAIN = "eportguide"
TEMPLATE = LOCALE / f"{DOMAIN}.pot"
HEADER = "# The program's own wording (eportguide/i18n/wording.py); see tools/catalogue.py.\n#"


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    return sorted(p.parent.parent.name for p in LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def _wording_module() -> dict[str, object]:
    """The constants of wording.py as written (Chinese), whatever language is configured."""
    sys.path.insert(0, str(ROOT))
    from eportguide.i18n import wording

    return dict(vars(wording))


def entries() -> Iterator[tuple[str, str, str]]:
    """(name, Chinese text, comment) of every text to translate, in wording.py's order."""
    source = WORDING.read_text(encoding="utf-8")
    lines = source.splitlines()
    values = _wording_module()
    kept = values["ALWAYS_CHINESE"]
    assert isinstance(kept, frozenset)
    for node in ast.parse(source).body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
            continue
        name = node.targets[0].id
        if not name.isupper() or name.startswith("_") or name in kept:
            continue
        value = values[name]
        line = lines[node.end_lineno - 1] if node.end_lineno else ""
        comment = line.split("  # ", 1)[1].strip() if "  # " in line else ""
        if isinstance(value, str):
            yield name, value, comment
        elif isinstance(value, tuple) and all(isinstance(item, str) for item in value):
            for item in value:
                yield name, item, comment


def template() -> Catalog:
    catalog = Catalog(domain=DOMAIN, project="eportguide", header_comment=HEADER, fuzzy=False)
    for name, text, comment in entries():
        catalog.add(text, "", auto_comments=[comment] if comment else [], context=name)
    return catalog


def _content(catalog: Catalog) -> list[tuple[object, ...]]:
    """What a catalogue says, without its dates: to write a file only when that changed."""
    return [(m.context, m.id, m.string, sorted(m.flags), m.auto_comments) for m in catalog if m.id] + [
        (m.context, m.id, m.string) for m in catalog.obsolete.values()
    ]


def _read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def _write_if_changed(path: Path, catalog: Catalog) -> bool:
    if path.exists() and _content(_read(path)) == _content(catalog):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0, no_location=True)  # the msgctxt names the constant
    return True


def extract() -> list[str]:
    """Write the template and merge it into each language's catalogue; the files changed."""
    fresh = template()
    changed = [str(TEMPLATE.relative_to(ROOT))] if _write_if_changed(TEMPLATE, fresh) else []
    for lang in languages():
        catalog = _read(po_path(lang), lang)
        catalog.obsolete.clear()  # shown once, at the run that found them gone
        catalog.update(fresh, update_creation_date=False)
        if _write_if_changed(po_path(lang), catalog):
            changed.append(str(po_path(lang).relative_to(ROOT)))
    return changed


def compiled(lang: str) -> bytes:
    """The ``.mo`` the ``.po`` of ``lang`` compiles to (fuzzy entries left out)."""
    buffer = io.BytesIO()
    write_mo(buffer, _read(po_path(lang), lang), use_fuzzy=False)
    return buffer.getvalue()


def compile_all() -> list[str]:
    changed = []
    for lang in languages():
        target = po_path(lang).with_suffix(".mo")
        data = compiled(lang)
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
            changed.append(str(target.relative_to(ROOT)))
    return changed


def problems(lang: str) -> list[str]:
    """What keeps the catalogue of ``lang`` from covering the program: each as a line."""
    catalog = _read(po_path(lang), lang)
    found: list[str] = []
    expected = {(name, text) for name, text, _comment in entries()}
    present: dict[tuple[str, str], Message] = {(str(m.context), str(m.id)): m for m in catalog if m.id}
    for name, text in sorted(expected - present.keys()):
        found.append(f"{lang}: {name} has no entry for {text!r} (run python tools/catalogue.py)")
    for key, message in present.items():
        if key not in expected:
            found.append(f"{lang}: {key[0]} {key[1]!r} is no longer in wording.py (run python tools/catalogue.py)")
        elif not message.string:
            found.append(f"{lang}: {key[0]} {key[1]!r} is not translated")
        elif message.fuzzy:
            found.append(f"{lang}: {key[0]} {key[1]!r} is marked fuzzy: check the translation, then remove the flag")
    target = po_path(lang).with_suffix(".mo")
    if not target.exists() or target.read_bytes() != compiled(lang):
        found.append(f"{lang}: {target.relative_to(ROOT)} is not what its .po compiles to (run python tools/catalogue.py)")
    return found


def init(lang: str) -> Path:
    path = po_path(lang)
    if path.exists():
        raise SystemExit(f"{path.relative_to(ROOT)} exists already")
    catalog = Catalog(locale=lang, domain=DOMAIN, project="eportguide", header_comment=HEADER, fuzzy=False)
    catalog.update(template())
    _write_if_changed(path, catalog)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report what is missing or stale; write nothing")
    parser.add_argument("--init", metavar="LANG", help="start the catalogue of a new language")
    args = parser.parse_args()
    if args.init:
        print(f"wrote {init(args.init).relative_to(ROOT)}: translate it, then run python tools/catalogue.py")
        return
    if not args.check:
        for path in extract() + compile_all():
            print(f"wrote {path}")
    found = [line for lang in languages() for line in problems(lang)]
    print("\n".join(found) if found else "every catalogue is complete and compiled")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
