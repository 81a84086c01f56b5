"""Which files make up a flows pack, and where the shipped one is.

Cheap enough for ``--help``: no YAML is read here.
"""

from pathlib import Path

SHARED_FILE = "_facts.yaml"
CALENDAR_FILE = "_calendar.yaml"
SOURCE_FILE = "_source.yaml"
#: A translation's list of the terms it uses, one per concept (``flows/en/_glossary.yaml``).
GLOSSARY_FILE = "_glossary.yaml"
FLOW_SUFFIX = ".yaml"

#: Command names a flow id may not take, since ``eportguide <id>`` runs a flow.
RESERVED_IDS = frozenset(
    {
        "list",
        "show",
        "run",
        "search",
        "resume",
        "sessions",
        "validate",
        "graph",
        "schema",
        "handbook",
        "calendar",
        "cases",
        "profile",
        "help",
    }
)


def shipped_pack_dir() -> Path:
    """The pack installed inside the package; in a source checkout, ``flows/`` beside it."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "flows"
    return installed if installed.is_dir() else package.parent / "flows"


def is_shipped(directory: Path) -> bool:
    return directory.resolve() == shipped_pack_dir().resolve()


def flow_files(directory: Path) -> list[Path]:
    """The flow files of a pack, by name; shared files start with an underscore.

    None are listed when the directory cannot be read (a name too long for the file
    system, say): the loader then says there is no pack there.
    """
    try:
        return sorted(p for p in directory.glob("*" + FLOW_SUFFIX) if not p.name.startswith(("_", ".")))
    except (OSError, ValueError):
        return []


def flow_ids(directory: Path) -> list[str]:
    """Flow ids from file names alone."""
    return [p.name.removesuffix(FLOW_SUFFIX) for p in flow_files(directory)]


def translation_dir(directory: Path, language: str) -> Path:
    """Where a pack keeps its texts in ``language``: ``<pack>/<language>/``, beside the flows."""
    return directory / language


def has_translation(directory: Path, language: str) -> bool:
    return translation_dir(directory, language).is_dir()


def translation_files(directory: Path, language: str) -> list[Path]:
    """The files of one translation: its ``_facts.yaml`` when present, then one per flow, by name."""
    where = translation_dir(directory, language)
    shared = where / SHARED_FILE
    return ([shared] if shared.is_file() else []) + flow_files(where)
