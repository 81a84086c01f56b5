"""Which files make up a flows pack; cheap enough for ``--help`` (no YAML is read)."""

from pathlib import Path

SHARED_FILE = "_facts.yaml"
CALENDAR_FILE = "_calendar.yaml"
FLOW_SUFFIX = ".yaml"


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
