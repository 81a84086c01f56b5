"""YAML read safely: the C safe loader when PyYAML was built with libyaml.

Dates stay text: an unquoted ``2026-13-01`` would otherwise fail while being built into
a ``date``, far from any line number. Whoever needs a date checks the text (with its
line) instead.
"""

from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _Base
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Base  # type: ignore[assignment]

__all__ = ["SafeLoader", "YAMLError", "load_data"]

YAMLError = yaml.YAMLError


class SafeLoader(_Base):
    yaml_implicit_resolvers = {  # noqa: RUF012 - PyYAML's own class attribute
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _Base.yaml_implicit_resolvers.items()
    }


def load_data(text: str) -> Any:
    """Plain data from YAML (or JSON, which is YAML); tags that build objects fail."""
    loader = SafeLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
