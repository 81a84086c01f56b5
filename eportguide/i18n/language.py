"""The language the program speaks: Chinese by default, English when asked for.

``--lang`` (before or after the command) or ``$EPORTGUIDE_LANG`` chooses it; a resumed
session speaks the language it was started in. Everything that shows text asks
``current()`` when it shows it, never at import time.
"""

import os

CHINESE, ENGLISH = "zh", "en"
LANGUAGES = (CHINESE, ENGLISH)
DEFAULT = CHINESE
ENV = "EPORTGUIDE_LANG"

_chosen: str | None = None


def current() -> str:
    """The language chosen with ``use``, else ``$EPORTGUIDE_LANG`` if it names one, else Chinese."""
    if _chosen is not None:
        return _chosen
    configured = os.environ.get(ENV, "").strip().lower()
    return configured if configured in LANGUAGES else DEFAULT


def use(language: str | None) -> None:
    """Speak ``language`` from now on (None: back to the environment's or the default)."""
    global _chosen
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _chosen = language


def chosen() -> str | None:
    """The language asked for with ``use`` (``--lang``), or None when none was."""
    return _chosen
