"""The flow-file schema, read off the type hints of ``definitions``.

One walk over the hints serves two purposes: ``build`` turns parsed YAML into the
immutable model (collecting every problem with its path in the document), and
``json_schema`` emits the JSON Schema that editors use to complete and check flow
files. There is no second, hand-written description of the format.
"""

import types
import typing
from collections.abc import Mapping
from functools import cache
from pathlib import Path as FilePath
from typing import Any, Literal, NamedTuple, Union, get_args, get_origin

from eportguide.i18n import wording as w
from eportguide.model import definitions as d

Path = tuple[str | int, ...]


class Problem(NamedTuple):
    """A schema violation at ``path`` inside one document."""

    path: Path
    message: str
    rule: str
    at_key: bool = False  # point at the key rather than its value (unknown keys)


class Invalid(Exception):
    """A value that could not be built; its problems are already recorded."""


def is_record(tp: Any) -> bool:
    """Whether ``tp`` is one of the model's records (a named tuple of ``definitions``)."""
    return isinstance(tp, type) and issubclass(tp, tuple) and hasattr(tp, "_fields")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@cache
def _docs(cls: type) -> dict[str, d.Doc]:
    """Each field's ``Doc``, from its ``Annotated`` hint."""
    docs = {}
    for name, hint in typing.get_type_hints(cls, include_extras=True).items():
        for meta in getattr(hint, "__metadata__", ()):
            if isinstance(meta, d.Doc):
                docs[name] = meta
    return docs


def _required(cls: Any, name: str) -> bool:
    return name not in cls._field_defaults


def _type_name(tp: Any) -> str:
    origin = get_origin(tp)
    if tp is str:
        return w.F_KIND_TEXT
    if tp is int:
        return w.F_KIND_WHOLE_NUMBER
    if tp is bool:
        return w.F_KIND_YES_NO
    if origin in (tuple, list):
        return w.F_KIND_LIST
    if origin in (Mapping, dict) or is_record(tp):
        return w.F_KIND_MAPPING
    if origin in (Union, types.UnionType):
        return w.F_KIND_OR.join(_type_name(a) for a in get_args(tp) if a is not type(None))
    return str(tp)


def _expected(tp: Any, value: Any) -> str:
    return w.F_EXPECTED.format(expected=_type_name(tp), found=_kind_of(value))


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return w.F_KIND_YES_NO
    if isinstance(value, int | float):
        return w.F_KIND_NUMBER
    if isinstance(value, str):
        return w.F_KIND_TEXT
    if isinstance(value, list):
        return w.F_KIND_LIST
    if isinstance(value, dict):
        return w.F_KIND_MAPPING
    if value is None:
        return w.F_KIND_NOTHING
    return type(value).__name__


class Builder:
    """Builds model objects from plain data, recording every problem found."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, path: Path, message: str, rule: str, at_key: bool = False) -> Invalid:
        self.problems.append(Problem(path, message, rule, at_key))
        return Invalid()

    def build(self, tp: Any, value: Any, path: Path) -> Any:
        kind, arg = _shape(tp)
        if kind == "str":
            # YAML turns 83196210 into an int; a fact is text, so accept plain scalars.
            if isinstance(value, str):
                return value
            if isinstance(value, int | float) and not isinstance(value, bool):
                return str(value)
            raise self.fail(path, _expected(tp, value), "type")
        if kind == "record":
            return self._build_record(tp, value, path)
        if kind == "tuple":
            if not isinstance(value, list):
                raise self.fail(path, _expected(tp, value), "type")
            return tuple(self._collect(arg, item, (*path, i)) for i, item in enumerate(value))
        if kind == "union":
            return self._build_union(tp, value, path)
        if kind == "mapping":
            if not isinstance(value, dict):
                raise self.fail(path, _expected(tp, value), "type")
            built = {}
            for key, item in value.items():
                if not isinstance(key, str):
                    self.fail((*path, str(key)), w.F_KEY_NOT_TEXT.format(key=key), "type", at_key=True)
                    continue
                built[key] = self._collect(arg, item, (*path, key))
            return types.MappingProxyType(built)
        if kind == "literal":
            if value in arg:
                return value
            hint = closest(str(value), [str(a) for a in arg])
            listed = w.F_LIST_SEPARATOR.join(map(str, arg))
            raise self.fail(path, w.F_NOT_ONE_OF.format(value=value, hint=hint, allowed=listed), "enum")
        if kind == "int":
            if isinstance(value, int) and not isinstance(value, bool):
                return value
            raise self.fail(path, _expected(tp, value), "type")
        return value  # Any

    def _collect(self, tp: Any, value: Any, path: Path) -> Any:
        """Build one item of a container; a bad item is recorded and left as None."""
        try:
            return self.build(tp, value, path)
        except Invalid:
            return None

    def _build_union(self, tp: Any, value: Any, path: Path) -> Any:
        _kind, options = _shape(tp)
        if value is None and type(None) in options:
            return None
        options = tuple(o for o in options if o is not type(None))
        classes = [o for o in options if is_record(o)]
        if len(classes) > 1:  # the state union: pick the class by its ``kind``
            if not isinstance(value, dict):
                raise self.fail(path, w.F_EXPECTED.format(expected=w.F_KIND_MAPPING, found=_kind_of(value)), "type")
            kind = value.get("kind")
            if kind is None:
                raise self.fail(path, w.F_MISSING_KEY.format(key="kind"), "required", at_key=True)
            cls = d.STATE_KINDS.get(kind) if isinstance(kind, str) else None  # a list is no kind (and unhashable)
            if cls is None:
                hint = closest(str(kind), list(d.STATE_KINDS))
                raise self.fail(
                    (*path, "kind"),
                    w.F_UNKNOWN_KIND.format(kind=kind, hint=hint, kinds=w.F_LIST_SEPARATOR.join(d.STATE_KINDS)),
                    "enum",
                )
            return self._build_record(cls, value, path)
        for option in options:  # e.g. str | ConditionalText: choose by the data's shape
            if _shape_fits(option, value):
                return self.build(option, value, path)
        expected = w.F_KIND_OR.join(_type_name(o) for o in options)
        raise self.fail(path, w.F_EXPECTED.format(expected=expected, found=_kind_of(value)), "type")

    def _build_record(self, cls: Any, value: Any, path: Path) -> Any:
        if not isinstance(value, dict):
            raise self.fail(path, _expected(cls, value), "type")
        fields: tuple[str, ...] = cls._fields
        hints = _hints(cls)
        ok = True
        for key in value:
            if key not in fields:
                hint = closest(str(key), list(fields))
                self.fail((*path, str(key)), w.F_UNKNOWN_KEY.format(key=key, hint=hint), "unknown-key", True)
                ok = False
        kwargs = {}
        for name in fields:
            if name not in value:
                if _required(cls, name):
                    self.fail(path, w.F_MISSING_KEY.format(key=name), "required", at_key=True)
                    ok = False
                continue
            try:
                kwargs[name] = self.build(hints[name], value[name], (*path, name))
            except Invalid:
                ok = False
        if not ok:
            raise Invalid()
        return cls(**kwargs)


def _shape_fits(tp: Any, value: Any) -> bool:
    kind, _arg = _shape(tp)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "literal":
        return isinstance(value, str)
    if kind == "str":
        return isinstance(value, str | int | float) and not isinstance(value, bool)
    if kind == "tuple":
        return isinstance(value, list)
    return isinstance(value, dict)


@cache
def _shape(tp: Any) -> tuple[str, Any]:
    """What kind of type ``tp`` is, and what the builder needs of it: worked out once per
    type, since a pack builds thousands of values of a few dozen types."""
    origin = get_origin(tp)
    if tp is Any:
        return "any", None
    if tp is str:
        return "str", None
    if tp is int:
        return "int", None
    if origin is Literal:
        return "literal", get_args(tp)
    if origin in (Union, types.UnionType):
        return "union", get_args(tp)
    if origin is tuple:
        return "tuple", get_args(tp)[0]
    if origin is Mapping:
        return "mapping", get_args(tp)[1]
    if is_record(tp):
        return "record", None
    raise TypeError(f"schema has an unsupported type {tp!r}")  # a bug in definitions


def closest(word: str, candidates: list[str]) -> str:
    import difflib  # only when something is misspelt

    match = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return w.F_DID_YOU_MEAN.format(name=match[0]) if match else ""


# --- back to plain data ---------------------------------------------------------------


def to_data(value: Any) -> Any:
    """A model object as the plain data ``Builder.build`` makes it from (lists, dicts, text).

    ``build(type, to_data(x))`` gives an object equal to ``x``: the pack cache stores a
    loaded pack this way, as data that cannot run code.
    """
    if is_record(type(value)):
        return {name: to_data(item) for name, item in zip(value._fields, value, strict=True)}
    if isinstance(value, Mapping):
        return {key: to_data(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [to_data(item) for item in value]
    return value


# --- JSON Schema ------------------------------------------------------------------


def json_schema(root: type, title: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a document whose top level is ``root``."""
    defs: dict[str, Any] = {}
    _schema_of(root, defs)
    top = defs.pop(root.__name__)  # inline, so that editors need not follow a top-level $ref
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": "Generated from eportguide/model/definitions.py by `eportguide schema --write`; do not edit.",
        "title": title,
        **top,
        "$defs": dict(sorted(defs.items())),
    }


def _schema_of(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(tp)
    if tp is str:
        # As ``Builder.build`` does: YAML reads 83196210 as a number, which is still text here.
        return {"type": ["string", "number"]}
    if tp is int:
        return {"type": "integer"}
    if origin is Literal:
        args = get_args(tp)
        return {"const": args[0]} if len(args) == 1 else {"enum": list(args)}
    if origin in (Union, types.UnionType):
        options = [o for o in get_args(tp) if o is not type(None)]
        if len([o for o in options if is_record(o)]) > 1:
            return _by_kind(options, defs)
        schemas = [_schema_of(o, defs) for o in options]
        if type(None) in get_args(tp):
            schemas.append({"type": "null"})
        return schemas[0] if len(schemas) == 1 else {"anyOf": schemas}
    if origin is tuple:
        return {"type": "array", "items": _schema_of(get_args(tp)[0], defs)}
    if origin is Mapping:
        return {"type": "object", "additionalProperties": _schema_of(get_args(tp)[1], defs)}
    if is_record(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder first: definitions may refer to themselves
            defs[name] = _object_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"schema has an unsupported type {tp!r}")


def _by_kind(classes: list[Any], defs: dict[str, Any]) -> dict[str, Any]:
    """The state union, chosen by ``kind`` as the loader does: editors then complete the
    kinds and check each state against its own keys (``anyOf`` would blur the errors)."""
    kinds = {get_args(_hints(cls)["kind"])[0]: cls for cls in classes}
    return {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"enum": list(kinds), "description": "What the state does."}},
        "allOf": [{"if": {"properties": {"kind": {"const": kind}}}, "then": _schema_of(cls, defs)} for kind, cls in kinds.items()],
    }


def _object_schema(cls: Any, defs: dict[str, Any]) -> dict[str, Any]:
    hints, docs = _hints(cls), _docs(cls)
    properties = {}
    required = []
    for name in cls._fields:
        prop = _schema_of(hints[name], defs)
        doc = docs.get(name)
        if doc is not None:
            prop = {**prop, "description": doc.text}
            if doc.min_items is not None:
                prop = {**prop, "minItems": doc.min_items}
        properties[name] = prop
        if _required(cls, name):
            required.append(name)
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "("):
        schema["description"] = cls.__doc__.strip().splitlines()[0]
    if required:
        schema["required"] = required
    schema["additionalProperties"] = False
    return schema


# --- the schema files shipped for editors -----------------------------------------------

#: What ``eportguide schema NAME`` prints: the root of each kind of pack file, by the
#: name of its record in ``definitions`` (or, for a translation, ``translations.format``:
#: imported only when its schema is asked for).
DOCUMENTS: dict[str, tuple[str, str]] = {
    "flow": ("Flow", "eportguide flow file (<flow-id>.yaml)"),
    "shared": ("Shared", "eportguide shared facts and input fields (_facts.yaml)"),
    "translation": ("FlowText", "eportguide translation of a flow file (<language>/<flow-id>.yaml)"),
    "shared-translation": ("SharedText", "eportguide translation of the shared facts and input fields (<language>/_facts.yaml)"),
    "source": ("SourceManifest", "eportguide source manifest: the source document and when each fact was checked (_source.yaml)"),
    "glossary": ("Glossary", "eportguide glossary of a translation: one term per concept (<language>/_glossary.yaml)"),
}
#: Where they ship; each flow file's first line points its editor here.
SCHEMA_DIR = FilePath(__file__).resolve().parents[1] / "schemas"


def schema_text(name: str) -> str:
    """The JSON Schema of one kind of pack file, as shipped."""
    import json

    record, title = DOCUMENTS[name]
    root = getattr(d, record, None)
    if root is None:
        from eportguide.model.translations import format as translation_format

        root = getattr(translation_format, record)
    return json.dumps(json_schema(root, title), ensure_ascii=False, indent=2) + "\n"


def shipped_schema(name: str) -> FilePath:
    return SCHEMA_DIR / f"{name}.schema.json"
