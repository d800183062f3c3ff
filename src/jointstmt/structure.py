"""The structure layer: a loaded document against its version's model, as ``schema.*`` findings.

Pydantic's errors become findings located in the YAML file, each worded for the
person fixing it as *problem*, *where*, *how to fix*: the value the file holds
(``expected a list, found 'partnership'``), the clause an error sits in (``in
clause 'p4-condemn' (condemnation)``), and what was likely meant: the nearest
vocabulary value (``did you mean 'GB' (United Kingdom)?``), the keys allowed in
that mapping of that version (nearest first), the form a pattern asks for in
words. No message repeats pydantic's own wording. Which model applies is the
version registry's choice (:mod:`jointstmt.versions`); a ``schema_version`` it
does not know is a ``schema.version`` finding here, before any model runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from jointstmt.findings import (
    Finding,
    a_or_an,
    by_likeness,
    capped,
    did_you_mean,
    excerpt,
    json_pointer,
    nearest,
    shown,
)
from jointstmt.loader import Document
from jointstmt.versions import VERSIONS, Version, supported

#: Findings that get a did-you-mean (the first ones): a hostile file can hold 100,000s of errors.
_SUGGESTIONS = 100

_CODE_BY_ERROR_TYPE = {
    "missing": "schema.missing",
    "missing_keys": "schema.missing",
    "union_tag_not_found": "schema.missing",
    "extra_forbidden": "schema.unknown_key",
    "vocabulary": "schema.vocabulary",
    "literal_error": "schema.vocabulary",
    "union_tag_invalid": "schema.vocabulary",
    "string_pattern_mismatch": "schema.pattern",
    "date": "schema.date",
    "greater_than": "schema.range",
    "greater_than_equal": "schema.range",
    "less_than": "schema.range",
    "less_than_equal": "schema.range",
    "too_short": "schema.range",
    "too_long": "schema.range",
    "string_too_short": "schema.range",
    "string_too_long": "schema.range",
}


def version_of(document: Document) -> Version | Finding:
    """The registry entry the document's ``schema_version`` names, or a ``schema.version`` finding.

    The version is read as JSON Schema reads ``const: 1``: ``1`` or ``1.0``, never
    ``true`` or ``"1"``.
    """
    value = document.data.get("schema_version")
    number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
    if number is not None and number == int(number) and int(number) in VERSIONS:
        return VERSIONS[int(number)]
    if "schema_version" not in document.data:
        line, column = document.positions.of(())
        problem = "schema_version is missing"
    else:
        line, column = document.positions.of(("schema_version",))
        problem = f"schema_version {_shown(value, number)} is not supported"
    pointer = "" if "schema_version" not in document.data else "/schema_version"
    return Finding(
        "schema.version", f"{problem}; supported versions: {supported()}", line, column, pointer
    )


def _shown(value: Any, number: float | None) -> str:
    """The version as the file wrote it: ``7``, ``'1'``, ``true``, ``[1]``."""
    if number is not None and number == int(number):
        return str(int(number))
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    return excerpt(value) if isinstance(value, str) else excerpt(value)[1:-1]


def check_structure(
    document: Document, model: type[BaseModel], limit: int | None = None
) -> BaseModel | list[Finding]:
    """The validated statement, or the ``schema.*`` findings that say why it is not one.

    Past ``limit`` findings the rest are only counted (:func:`~jointstmt.findings.capped`):
    a 5 MiB file can fail a million times, and locating each costs time and memory.
    """
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        errors = _root_causes(error, document.data)
        findings = [
            _finding(_data_path(e["loc"], document.data), e, document, model, i < _SUGGESTIONS)
            for i, e in enumerate(errors[:limit])
        ]
        return findings if limit is None else capped(findings, limit, len(errors))


Path = tuple[str | int, ...]


def _root_causes(error: ValidationError, data: Any) -> list[ErrorDetails]:
    """The errors without pydantic's echoes.

    A list of one invalid item also fails ``min_length=1`` (pydantic counts only the
    items that validated): that says nothing the item's own error does not. A value that
    fits no member of a union (``value: 'x'`` for an integer or a number) fails once per
    member: one finding says what the union takes.
    """
    errors = error.errors()
    inner = {e["loc"][:i] for e in errors for i in range(len(e["loc"]))}
    causes: list[ErrorDetails] = []
    for e in errors:
        if e["type"] == "too_short" and e["loc"] in inner:
            continue
        # cheap tests first: a hostile file can fail a million times
        if (
            causes
            and isinstance(e["loc"][-1], str)
            and e["type"].endswith("_type")
            and _same_value(causes[-1], e, data)
        ):
            causes[-1] = _either(causes[-1], e)
        else:
            causes.append(e)
    return causes


def _same_value(first: ErrorDetails, second: ErrorDetails, data: Any) -> bool:
    """Whether two type errors are two union members' verdicts on one value.

    Their locations differ only in the member each names, past the value itself (a scalar:
    ``value/int``, ``value/float``); two keys of one mapping differ where the data has keys.
    """
    if not first["type"].endswith("_type") or not isinstance(first["loc"][-1], str):
        return False
    if first["loc"][:-1] != second["loc"][:-1]:
        return False
    path = _data_path(first["loc"], data)
    return len(path) < len(first["loc"]) and path == _data_path(second["loc"], data)


def _either(first: ErrorDetails, second: ErrorDetails) -> ErrorDetails:
    """One type error for two members of a union: ``expected a number`` (int or float)."""
    words = [_expected(first), _expected(second)]
    if "a number" in words:  # an integer is a number
        words = [w for w in words if w != "a whole number"]
    expected = " or ".join(dict.fromkeys(words))
    return {**first, "ctx": {**first.get("ctx", {}), "expected": expected}}


#: What a pydantic type error expected, in words (types of our own say it in their context).
_EXPECTED = {
    "string_type": "a string",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "tuple_type": "a list",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
}


def _expected(error: ErrorDetails) -> str:
    expected = error.get("ctx", {}).get("expected")
    return str(expected) if expected else _EXPECTED.get(error["type"], "another type of value")


def _code(error_type: str) -> str:
    if error_type in _CODE_BY_ERROR_TYPE:
        return _CODE_BY_ERROR_TYPE[error_type]
    if error_type.endswith(("_type", "_parsing")):
        return "schema.type"
    return "schema.value"


def _finding(
    path: Path, error: ErrorDetails, document: Document, model: type[BaseModel], suggest: bool
) -> Finding:
    kind = error["type"]
    if kind == "union_tag_invalid":  # the finding is at the tag, which the location leaves out
        path = (*path, _discriminator(error))
    if kind == "extra_forbidden":
        line, column = document.positions.of_key(path)
    elif kind == "missing":
        line, column = document.positions.of(path[:-1])
    else:  # missing_keys (a model's own check) is located at the model, as every other error
        line, column = document.positions.of(path)
    problem, advice = _wording(path, error, document.data, model, suggest)
    context = _clause_context(path, document.data, with_type=kind != "union_tag_invalid")
    message = f"{problem}{context}; {advice}" if advice else f"{problem}{context}"
    return Finding(_code(kind), message, line, column, json_pointer(path))


def _wording(
    path: Path, error: ErrorDetails, data: Any, model: type[BaseModel], suggest: bool
) -> tuple[str, str]:
    """The finding's problem (what is wrong, quoting the value) and advice (how to fix it)."""
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx", {})
    if kind == "missing":
        return f"missing required key {excerpt(path[-1])}", ""
    if kind == "extra_forbidden":
        return f"unknown key {excerpt(path[-1])}", _keys_allowed(
            path, data, model
        ) if suggest else ""
    if kind in ("union_tag_not_found", "union_tag_invalid"):
        return _tag_wording(path, error, data, model, suggest)
    if kind == "vocabulary" and "problem" in ctx:
        hint = ctx["hint"](value) if suggest and isinstance(value, str) else None
        return str(ctx["problem"]), hint or str(ctx["advice"])
    if kind == "literal_error":
        expected = re.sub(r"\b(True|False)\b", lambda m: m[0].lower(), str(ctx["expected"]))
        optional = not _required(_chosen(path[:-1], data, model), str(path[-1]))
        advice = f"leave the key out: it is always {expected} here" if optional else ""
        return f"expected {expected}, found {shown(value)}", advice
    if kind.endswith("_type"):
        return _type_wording(path, error, data, model)
    if kind == "string_pattern_mismatch":
        return _pattern_wording(str(value), str(ctx["pattern"]))
    if kind in ("string_too_short", "string_too_long", "too_short", "too_long"):
        return _size_wording(kind, value, ctx)
    if kind in _BOUNDS:
        return f"expected {_BOUNDS[kind].format(**ctx)}, found {shown(value)}", ""
    # our own errors (date, vocabulary, a model's check) are worded where they are raised
    return error["msg"].removeprefix("Value error, "), ""


_BOUNDS = {
    "greater_than_equal": "{ge} or more",
    "greater_than": "more than {gt}",
    "less_than_equal": "{le} or less",
    "less_than": "less than {lt}",
}


def _type_wording(
    path: Path, error: ErrorDetails, data: Any, model: type[BaseModel]
) -> tuple[str, str]:
    """``expected a list, found 'partnership'; write a list even for one item: ['partnership']``."""
    value, expected = error.get("input"), _expected(error)
    problem = f"expected {expected}, found {shown(value)}"
    scalar = isinstance(value, str | int | float) and not isinstance(value, bool)
    if expected == "a mapping":
        members, _ = _models_at(path, data, model)
        required = [k for k in members[0].model_fields if _required(members, k)] if members else []
        return problem, f"required keys: {', '.join(required)}" if required else ""
    if expected == "a list" and scalar:
        return problem, f"write a list even for one item: [{shown(value)}]"
    if "number" in expected and isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        return problem, "write the number without quotes"
    if expected.startswith("true") and str(value).lower() in ("true", "false", "yes", "no"):
        return problem, "write true or false without quotes (YAML 1.2 reads yes and no as text)"
    if expected == "a string" and (scalar or isinstance(value, bool)):
        return problem, f'put it in quotes to make it a string: "{shown(value)}"'
    return problem, ""


_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def _required(members: list[type[BaseModel]], key: str) -> bool:
    """Whether every member of a union requires ``key``."""
    return all(key in m.model_fields and m.model_fields[key].is_required() for m in members)


def _pattern_wording(value: str, pattern: str) -> tuple[str, str]:
    """``'US_Japan' is not an id: ...; did you mean 'us-japan'?``"""
    from jointstmt.model.types import FORMS

    form = FORMS.get(pattern)
    if form is None:
        return f"{excerpt(value)} does not have the form this key requires ({pattern})", ""
    fixed = form.fix(value) if form.fix is not None else None
    if fixed and fixed != value and re.search(pattern, fixed):
        return f"{excerpt(value)} is not {form.words}", did_you_mean([fixed])
    return f"{excerpt(value)} is not {form.words}", ""


def _size_wording(kind: str, value: Any, ctx: dict[str, Any]) -> tuple[str, str]:
    if kind == "string_too_short" and value == "":
        return "'' is empty", "write the value, or leave the key out where it is optional"
    if kind == "string_too_short":
        return f"{excerpt(value)} is shorter than {ctx['min_length']} characters", ""
    if kind == "string_too_long":
        return (
            f"{excerpt(value)} is {len(value):,} characters long",
            f"the most allowed is {ctx['max_length']:,}",
        )
    bound, limit = (
        ("at least", ctx["min_length"]) if kind == "too_short" else ("at most", ctx["max_length"])
    )
    items = "item" if limit == 1 else "items"
    return f"expected {bound} {limit} {items}, found {shown(value)}", ""


def _tag_wording(
    path: Path, error: ErrorDetails, data: Any, model: type[BaseModel], suggest: bool
) -> tuple[str, str]:
    """A union's tag (a clause's ``type``, a version-2 source's ``role``) missing or unknown.

    For an unknown tag ``path`` ends at the tag; the tags allowed are those of the union's
    members at that place of that version.
    """
    key = _discriminator(error)
    at = path[:-1] if error["type"] == "union_tag_invalid" else path
    members, node = _models_at(at, data, model)
    tags = [str(v) for m in members for v in _fixed(m, key)]
    label = f"{_singular(at)} {key}"
    if error["type"] == "union_tag_not_found":
        return f"missing required key {excerpt(key)}", f"{label}s: {', '.join(tags)}"
    tag = node.get(key) if isinstance(node, dict) else None
    near = nearest(tag, tags) if suggest and isinstance(tag, str) else []
    advice = did_you_mean(near) if near else f"use one of: {', '.join(tags)}"
    return f"{shown(tag)} is not {a_or_an(label)}", advice


def _discriminator(error: ErrorDetails) -> str:
    """The key a union is discriminated on (pydantic quotes it: ``"'type'"``)."""
    return str(error.get("ctx", {}).get("discriminator", "'type'")).strip("'")


def _singular(path: Path) -> str:
    """``clause`` for an item of ``clauses``: what one item of the list at ``path`` is."""
    names = [p for p in path if isinstance(p, str)]
    return names[-1].removesuffix("s") if names else "item"


def _keys_allowed(path: Path, data: Any, model: type[BaseModel]) -> str:
    """The keys the mapping holding ``path[-1]`` allows, nearest first, with a did-you-mean.

    A key of another member of the union (``condemns`` in a welcome) says whose it is.
    """
    members, _ = _models_at(path[:-1], data, model)
    chosen = _chosen(path[:-1], data, model)
    if len(chosen) != 1:
        return ""
    key, keys = str(path[-1]), list(chosen[0].model_fields)
    parts = []
    owners = [t for m in members if key in m.model_fields for t in _tags_of(m)]
    if owners:
        parts.append(f"{key!r} is a key of {' and '.join(owners)} {_singular(path[:-1])}s;")
    near = nearest(key, keys)
    if near:
        parts.append(did_you_mean(near))
    parts.append("keys allowed here: " + ", ".join(by_likeness(key, keys)))
    return " ".join(parts)


def _tags_of(member: type[BaseModel]) -> list[str]:
    return [str(v) for k in _TAGS for v in _fixed(member, k)]


def _chosen(path: Path, data: Any, model: type[BaseModel]) -> list[type[BaseModel]]:
    """The model classes the mapping at ``path`` is: one, unless a union's tag is wrong."""
    members, node = _models_at(path, data, model)
    return _selected(members, node) if len(members) > 1 else members


def _models_at(path: Path, data: Any, model: type[BaseModel]) -> tuple[list[type[BaseModel]], Any]:
    """The model classes the node at ``path`` may be, and the node.

    Several classes for a tagged union's item (the members; :func:`_selected` picks by the
    node's tag); none where no model applies (a list of ids, a path through an unknown tag).
    """
    members: list[type[BaseModel]] = [model]
    node = data
    for part in path:
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            continue
        chosen = _selected(members, node) if len(members) > 1 else members
        field = chosen[0].model_fields.get(part) if len(chosen) == 1 else None
        if field is None:
            return [], None
        members = list(_models_in(field.annotation))
        node = node.get(part) if isinstance(node, dict) else None
    return members, node


def _data_path(loc: tuple[int | str, ...], data: Any) -> Path:
    """Pydantic's location without the union members it names (``clauses/3/condemnation/...``,
    ``value/int``): the path of the offending node in the document."""
    path: list[str | int] = []
    node = data
    for i, part in enumerate(loc):
        if isinstance(node, dict):
            if part not in node and i < len(loc) - 1:
                continue  # only a missing key ends a location: a key absent on the way is a tag
        elif isinstance(node, list):
            if not isinstance(part, int):
                continue
        elif i > 0:
            break  # a scalar has no parts: what follows names the union members it failed
        path.append(part)
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            node = None
    return tuple(path)


#: The keys unions are discriminated on (a clause's ``type``, a source's ``role``).
_TAGS = ("type", "role")


def _clause_context(path: Path, data: dict[str, Any], with_type: bool = True) -> str:
    """' in clause "p4-condemn" (condemnation)' for paths inside a clause, else ''."""
    if len(path) < 2 or path[0] != "clauses" or not isinstance(path[1], int):
        return ""
    clauses = data.get("clauses")
    clause = clauses[path[1]] if isinstance(clauses, list) and path[1] < len(clauses) else None
    if not isinstance(clause, dict):
        return ""
    name = f" {clause['id']!r}" if isinstance(clause.get("id"), str) else f" {path[1] + 1}"
    kind = f" ({clause['type']})" if with_type and isinstance(clause.get("type"), str) else ""
    return f" in clause{name}{kind}"


def _selected(members: list[type[BaseModel]], node: Any) -> list[type[BaseModel]]:
    """The members of a tagged union that ``node`` selects by its ``type`` or ``role``.

    A member whose tag is not a ``Literal`` takes every tag no other member fixes.
    """
    if not isinstance(node, dict):
        return []
    exact = [m for m in members if any(node.get(k) in _fixed(m, k) for k in _TAGS)]
    return exact or [m for m in members if not any(_fixed(m, k) for k in _TAGS)]


def _fixed(cls: type[BaseModel], key: str) -> tuple[Any, ...]:
    """The values a member's ``Literal`` field ``key`` allows (none if it is not one)."""
    field = cls.model_fields.get(key)
    if field is None or get_origin(field.annotation) is not Literal:
        return ()
    return get_args(field.annotation)


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    """The model classes inside a field's annotation (through Optional, tuple, Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in get_args(annotation):
        yield from _models_in(arg)
