"""The structure layer: a loaded document against its version's model, as ``schema.*`` findings.

Pydantic's errors become findings located in the YAML file, with a message for
the person fixing it: the clause an error sits in (``in clause 'p4-condemn'
(condemnation)``), a did-you-mean for a misspelt key, the clause types for a
missing or unknown ``type``. Which model applies is the version registry's
choice (:mod:`jointstmt.versions`); a ``schema_version`` it does not know is a
``schema.version`` finding here, before any model runs.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from functools import cache
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from jointstmt.findings import Finding, capped, excerpt, json_pointer
from jointstmt.loader import Document
from jointstmt.versions import VERSIONS, Version, supported

#: Unknown keys that get a did-you-mean: a hostile file can hold 100,000s of them.
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
        errors = _root_causes(error)
        shown = errors[:limit]
        findings = [_finding(e, document, model, i < _SUGGESTIONS) for i, e in enumerate(shown)]
        return findings if limit is None else capped(findings, limit, len(errors))


def _root_causes(error: ValidationError) -> list[ErrorDetails]:
    """The errors without pydantic's echo of an item error as a length error on its list.

    A list of one invalid item also fails ``min_length=1`` (pydantic counts only the
    items that validated): that says nothing the item's own error does not.
    """
    errors = error.errors()
    inner = {e["loc"][:i] for e in errors for i in range(len(e["loc"]))}
    return [e for e in errors if not (e["type"] == "too_short" and e["loc"] in inner)]


def _code(error_type: str) -> str:
    if error_type in _CODE_BY_ERROR_TYPE:
        return _CODE_BY_ERROR_TYPE[error_type]
    if error_type.endswith(("_type", "_parsing")):
        return "schema.type"
    return "schema.value"


def _finding(
    error: ErrorDetails, document: Document, model: type[BaseModel], suggest: bool
) -> Finding:
    path = _data_path(error["loc"], document.data)
    kind = error["type"]
    context = _clause_context(path, document.data)
    if kind == "missing":
        line, column = document.positions.of(path[:-1])
        message = f"missing required key {excerpt(path[-1])}{context}"
    elif kind == "extra_forbidden":
        line, column = document.positions.of_key(path)
        hint = _did_you_mean(path, document.data, model) if suggest else ""
        message = f"unknown key {excerpt(path[-1])}{context}{hint}"
    elif kind in ("union_tag_not_found", "union_tag_invalid"):
        types = ", ".join(clause_classes(model))
        if kind == "union_tag_invalid":
            path = (*path, "type")
        line, column = document.positions.of(path)
        message = (
            f"missing required key 'type'{context}; clause types: {types}"
            if kind == "union_tag_not_found"
            else f"unknown clause type{context}; use one of: {types}"
        )
    else:  # missing_keys (a model's own check) is located at the model, as every other error
        line, column = document.positions.of(path)
        message = f"{error['msg']}{context}"
    return Finding(_code(kind), message, line, column, json_pointer(path))


def _data_path(loc: tuple[int | str, ...], data: Any) -> tuple[str | int, ...]:
    """Pydantic's location without the union tags it inserts (``clauses/3/condemnation/...``)."""
    path: list[str | int] = []
    node = data
    for i, part in enumerate(loc):
        if isinstance(node, dict) and part not in node and i < len(loc) - 1:
            # only a missing key ends a location: a key absent on the way is a union's tag
            continue
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


def _clause_context(path: tuple[str | int, ...], data: dict[str, Any]) -> str:
    """' in clause "p4-condemn" (condemnation)' for paths inside a clause, else ''."""
    if len(path) < 2 or path[0] != "clauses" or not isinstance(path[1], int):
        return ""
    clauses = data.get("clauses")
    clause = clauses[path[1]] if isinstance(clauses, list) and path[1] < len(clauses) else None
    if not isinstance(clause, dict):
        return ""
    name = f" {clause['id']!r}" if isinstance(clause.get("id"), str) else f" {path[1] + 1}"
    kind = f" ({clause['type']})" if isinstance(clause.get("type"), str) else ""
    return f" in clause{name}{kind}"


@cache
def clause_classes(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """The clause class by ``type`` value for a statement model (from its ``clauses`` union)."""
    field = model.model_fields["clauses"]
    return {_tag(cls, "type"): cls for cls in _models_in(field.annotation)}


def _tag(cls: type[BaseModel], key: str) -> str:
    """The value a union member's ``Literal`` field ``key`` fixes."""
    (value,) = _fixed(cls, key)
    return str(value)


def _did_you_mean(path: tuple[str | int, ...], data: dict[str, Any], model: type[BaseModel]) -> str:
    """A suggestion for a misspelt key, from the keys the model at that place defines."""
    candidates: list[type[BaseModel]] = [model]
    node: Any = data
    for part in path[:-1]:
        node = node[part]  # the path exists: pydantic found the unknown key there
        if isinstance(part, int):
            continue
        field = candidates[0].model_fields.get(part) if len(candidates) == 1 else None
        if field is None:
            return ""
        candidates = list(_models_in(field.annotation))
    if len(candidates) > 1:  # a tagged union: its tag picks the class
        candidates = _selected(candidates, node)
    if len(candidates) != 1:
        return ""
    close = difflib.get_close_matches(str(path[-1]), list(candidates[0].model_fields), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _selected(members: list[type[BaseModel]], node: Any) -> list[type[BaseModel]]:
    """The members of a tagged union that ``node`` selects by its ``type`` or ``role``.

    A member whose tag is not a ``Literal`` takes every tag no other member fixes.
    """
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
