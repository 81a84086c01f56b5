"""YAML read safely: the C safe loader when PyYAML was built with libyaml."""

from typing import Any

import yaml

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader  # type: ignore[assignment]

__all__ = ["SafeLoader", "YAMLError", "load"]

YAMLError = yaml.YAMLError


def load(text: str) -> Any:
    """Plain data from YAML (or JSON, which is YAML); tags that build objects fail."""
    loader = SafeLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
