"""The program's wording in the language spoken, looked up when a text is used.

``wording.py`` writes every text once, in Chinese (the source language). Another
language is a gettext catalogue, ``locale/<lang>/LC_MESSAGES/eportguide.mo``, compiled
from the ``.po`` beside it (``python tools/catalogue.py``; see the README). Each entry is
keyed by the constant's name (the msgctxt) and its Chinese text (the msgid): the same
Chinese words can be translated differently where they mean different things, and a
Chinese text that changes has no translation until a translator has seen the change.

``wording`` is a module whose attribute lookup translates (``Wording``): code writes
``w.NAME`` and gets the text in the language spoken at that moment, never the one
spoken when some module was imported. Chinese, the default, loads no catalogue and
imports nothing: the lookup only asks ``language.current()``.

Only the standard library's ``gettext`` reads a catalogue; Babel, which writes them, is
a maintainer's tool and never imported here.
"""

from __future__ import annotations

import types
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eportguide.i18n import language

if TYPE_CHECKING:
    import gettext

DOMAIN = "eportguide"
LOCALE_DIR = Path(__file__).parent / "locale"

_catalogues: dict[str, gettext.NullTranslations] = {}


def catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang``, read once per process (none: every text stays Chinese)."""
    found = _catalogues.get(lang)
    if found is None:
        import gettext

        found = gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True)
        _catalogues[lang] = found
    return found


def translate(name: str, source: Any, lang: str) -> Any:
    """The text of wording constant ``name`` (Chinese ``source``) in ``lang``.

    A tuple (the weekday names) is translated item by item; a text the catalogue lacks
    stays Chinese (a test keeps the English catalogue complete).
    """
    if lang == language.CHINESE:
        return source
    found = catalogue(lang)
    if isinstance(source, tuple):
        return tuple(found.pgettext(name, item) for item in source)
    return found.pgettext(name, source)


class Wording(types.ModuleType):
    """The ``wording`` module: its constants (UPPER_CASE names) come out in the language
    spoken, but for those it lists in ``ALWAYS_CHINESE``."""

    def __getattribute__(self, name: str) -> Any:
        value = super().__getattribute__(name)
        if name[:1].isupper() and name.isupper():
            lang = language.current()
            if lang != language.CHINESE and name not in super().__getattribute__("ALWAYS_CHINESE"):
                return translate(name, value, lang)
        return value


_wording: types.ModuleType | None = None


def install(module: types.ModuleType) -> None:
    """Make ``module`` (``wording``) translate its constants when they are read."""
    global _wording
    module.__class__ = Wording
    _wording = module


def localise(text: str) -> str:
    """``text``, a wording constant in any language already spoken in this process, in the
    language spoken now; any other text unchanged.

    For what was worded once and kept: typer reads an option's help when its command's
    module is imported, which happens once per process, perhaps in another language
    (tests run both in one process; ``resume`` may switch to its session's language).
    """
    lang = language.current()
    if not _catalogues and lang == language.CHINESE:
        return text  # nothing but Chinese was ever spoken: the text is already right
    name = _names_by_text().get(text)
    if name is None or _wording is None:
        return text
    localised: str = getattr(_wording, name)
    return localised


def _names_by_text() -> dict[str, str]:
    """Each text of a wording constant, in Chinese and in every catalogue loaded, to its name."""
    spoken = tuple(_catalogues)
    if _names_cache and _names_cache[0] == spoken:
        return _names_cache[1]
    names: dict[str, str] = {}
    for name, source in vars(_wording).items() if _wording is not None else ():
        if not (name.isupper() and isinstance(source, str)):
            continue
        names.setdefault(source, name)
        for lang in spoken:
            names.setdefault(translate(name, source, lang), name)
    _names_cache[:] = [spoken, names]
    return names


_names_cache: list = []  # [the languages loaded, their names by text]
