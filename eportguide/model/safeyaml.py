"""YAML read safely: the C safe loader when PyYAML was built with libyaml.

Dates stay text: an unquoted ``2026-13-01`` would otherwise fail while being built into
a ``date``, far from any line number. Whoever needs a date checks the text (with its
line) instead.

The work of reading a file is bounded by its size: aliases (``*name``) may not copy more
than ``MAX_ALIAS_VALUES`` values (a few hundred bytes of nested aliases otherwise expand
to 10⁸ values, and an alias inside its own anchor never ends), and an integer may not be
longer than ``MAX_INT_DIGITS`` (Python refuses to convert one of more than 4,300 digits).
Both are reported as ``Limit``, a ``MarkedYAMLError`` that names the line.
"""

from collections.abc import Iterator
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from eportguide.i18n import wording as w

try:
    from yaml import CSafeLoader as _Base
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Base  # type: ignore[assignment]

__all__ = ["Limit", "SafeLoader", "YAMLError", "duplicate_keys", "load", "load_data"]

YAMLError = yaml.YAMLError
#: Values that aliases may add to a file, counted at each use (a file without aliases adds none).
MAX_ALIAS_VALUES = 100_000
#: Longest integer, in characters; card and tracking numbers have at most 32 digits.
MAX_INT_DIGITS = 100


class Limit(ConstructorError):
    """A file that would take unbounded work to read; ``problem`` says why, for the user."""


class SafeLoader(_Base):
    yaml_implicit_resolvers = {  # noqa: RUF012 - PyYAML's own class attribute
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _Base.yaml_implicit_resolvers.items()
    }

    def construct_bounded_int(self, node: yaml.ScalarNode) -> int:
        if len(node.value) > MAX_INT_DIGITS:
            raise Limit(None, None, w.YAML_NUMBER_TOO_LONG.format(limit=MAX_INT_DIGITS), node.start_mark)
        value: int = SafeConstructor.construct_yaml_int(self, node)
        return value


SafeLoader.add_constructor("tag:yaml.org,2002:int", SafeLoader.construct_bounded_int)


def load(text: str) -> tuple[Any, Any]:
    """The node tree (lines and columns) and the plain data of one YAML (or JSON) document.

    Tags that build objects fail; so does a file over the limits above (``Limit``).
    """
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        if "&" in text and "*" in text:  # an alias needs both an anchor and a use
            _check_aliases(node)
        try:
            return node, _Plain(loader).data(node)
        except RecursionError:  # nested deeper than the quick way's stack: the constructor's way
            return node, loader.construct_document(node)
    finally:
        loader.dispose()


#: The tags whose nodes ``_Plain`` builds itself; any other goes to PyYAML's constructor.
STR, SEQ, MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


class _Plain:
    """The plain data of a node tree, as PyYAML's safe constructor builds it.

    Nearly every node of a flow file is text, a list or a mapping of text keys: those are
    built here in one pass, which is several times quicker than the constructor's
    generic machinery; every other node (a number, yes/no, null, a merge key ``<<``, an
    unknown tag) is handed to that constructor, so the result and its errors are its.
    A node reached twice (through an alias) is built once, as the constructor does.
    """

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.built: dict[int, Any] = {}

    def data(self, node: yaml.Node) -> Any:
        known = self.built.get(id(node))
        if known is not None:
            return known
        tag = node.tag
        if tag == STR and isinstance(node, yaml.ScalarNode):
            return node.value
        if tag == SEQ and isinstance(node, yaml.SequenceNode):
            built: Any = [self.data(child) for child in node.value]
        elif (
            tag == MAP
            and isinstance(node, yaml.MappingNode)
            and all(k.tag == STR and isinstance(k, yaml.ScalarNode) for k, _ in node.value)
        ):
            built = {key.value: self.data(value) for key, value in node.value}
        else:
            built = self.loader.construct_object(node, deep=True)
        self.built[id(node)] = built
        return built


def _is_text(node: yaml.Node) -> bool:
    return node.tag == STR and isinstance(node, yaml.ScalarNode)


def load_data(text: str) -> Any:
    """Plain data from YAML (or JSON, which is YAML); tags that build objects fail."""
    return load(text)[1]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_aliases(root: yaml.Node) -> None:
    """Count the values the document expands to, each alias use counted in full.

    An alias is the very node of its anchor, so the tree is a graph: the size of each
    node is counted once (memoised), which keeps this linear in the file's size. A node
    reached again while its own size is being counted is an alias inside its anchor.
    """
    sizes: dict[int, int] = {}
    uses: dict[int, int] = {}
    nodes: dict[int, yaml.Node] = {}
    open_nodes: set[int] = set()  # the path being counted: a node's anchor and its parents
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_counted = stack.pop()
        key = id(node)
        if children_counted:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            continue
        if key in sizes:  # reached twice before it was counted
            continue
        open_nodes.add(key)
        stack.append((node, True))
        for child in _children(node):
            child_key = id(child)
            if child_key in open_nodes:
                raise Limit(None, None, w.YAML_ALIAS_LOOP, child.start_mark)
            uses[child_key] = uses.get(child_key, 0) + 1
            nodes[child_key] = child
            if child_key not in sizes:
                stack.append((child, False))
    copied = sizes[id(root)] - len(sizes)
    if copied > MAX_ALIAS_VALUES:
        # Point at the anchor whose copies weigh most: its line is where the bomb is.
        heaviest = max((k for k, n in uses.items() if n > 1), key=lambda k: (uses[k] - 1) * sizes[k])
        raise Limit(None, None, w.YAML_TOO_MANY_ALIASES.format(limit=MAX_ALIAS_VALUES), nodes[heaviest].start_mark)


def duplicate_keys(root: Any) -> Iterator[tuple[str, Any]]:
    """Each key written twice in one mapping, with its mark: PyYAML keeps the last silently."""
    stack = [root]
    seen_nodes: set[int] = set()  # a node reached through an alias is checked once
    while stack:
        node = stack.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    if key_node.value in keys:
                        yield key_node.value, key_node.start_mark
                    keys.add(key_node.value)
                stack.append(value_node)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
