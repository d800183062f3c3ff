"""The validation pipeline: YAML -> structure (the models) -> rules, all reported as findings.

Layers stop at the first that fails: rules need a well-formed statement, and
structure needs well-formed YAML. Every finding is located in the YAML file
(line, column, JSON Pointer), whichever layer found it.
"""

from __future__ import annotations

import difflib
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from jointstmt._files import read_bounded, reason
from jointstmt.findings import Finding, excerpt, json_pointer
from jointstmt.loader import Document, Limits, LoadError, parse_yaml, too_large
from jointstmt.model import CLAUSE_CLASSES, JointStatement
from jointstmt.rules import check_rules


class ValidationFailed(Exception):
    """A statement did not validate; ``findings`` says why, each with its location."""

    def __init__(self, findings: list[Finding], path: str | None = None) -> None:
        self.findings = findings
        self.path = path
        where = f"{path}: " if path else ""
        first = findings[0]
        more = f" (and {len(findings) - 1} more)" if len(findings) > 1 else ""
        super().__init__(f"{where}{first.line}:{first.column}: {first.code}: {first.message}{more}")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What validating one file gives: the statement when valid, and the findings."""

    statement: JointStatement | None
    findings: list[Finding]


def check_bytes(data: bytes, base_dir: Path | None, limits: Limits = Limits()) -> Outcome:
    """Validate one file's bytes. ``base_dir`` is the file's folder (``None``: skip source files)."""
    try:
        document = parse_yaml(data, limits)
    except LoadError as error:
        return Outcome(None, [error.finding])
    try:
        statement = JointStatement.model_validate(document.data)
    except ValidationError as error:
        errors = _root_causes(error)
        return Outcome(
            None, [_schema_finding(e, document, i < _SUGGESTIONS) for i, e in enumerate(errors)]
        )
    findings = check_rules(statement, document.positions, base_dir)
    return Outcome(None if findings else statement, findings)


def check_file(path: Path, limits: Limits = Limits()) -> Outcome:
    """Validate one file; unreadable files are findings too."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            return Outcome(None, [Finding("io.unreadable", f"{path} is not a regular file")])
        if info.st_size > limits.max_bytes:  # never read more than the limit
            return Outcome(None, [too_large(info.st_size, limits)])
        with path.open("rb") as stream:
            data = read_bounded(stream, info.st_size, limits.max_bytes)
    except FileNotFoundError:
        return Outcome(None, [Finding("io.not_found", f"{path} does not exist")])
    except (OSError, ValueError) as error:  # ValueError: a NUL character in the path
        return Outcome(None, [Finding("io.unreadable", f"cannot read {path}: {reason(error)}")])
    return check_bytes(data, path.parent, limits)


def validate(path: str | Path, limits: Limits = Limits()) -> list[Finding]:
    """The findings for one statement file (empty when valid); never raises on bad input."""
    return check_file(Path(path), limits).findings


def load(path: str | Path, limits: Limits = Limits()) -> JointStatement:
    """Load and fully validate a statement file (source files included), or raise ValidationFailed."""
    outcome = check_file(Path(path), limits)
    if outcome.statement is None:
        raise ValidationFailed(outcome.findings, str(path))
    return outcome.statement


def loads(
    text: str | bytes, base_dir: str | Path | None = None, limits: Limits = Limits()
) -> JointStatement:
    """Load a statement from YAML text, or raise ValidationFailed.

    Without ``base_dir`` the rules that read source files (presence, SHA-256,
    span text) are skipped, since there is no folder to read them from; every
    other check runs.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    outcome = check_bytes(data, None if base_dir is None else Path(base_dir), limits)
    if outcome.statement is None:
        raise ValidationFailed(outcome.findings)
    return outcome.statement


def _root_causes(error: ValidationError) -> list[ErrorDetails]:
    """The errors without pydantic's echo of an item error as a length error on its list.

    A list of one invalid item also fails ``min_length=1`` (pydantic counts only the
    items that validated): that says nothing the item's own error does not.
    """
    errors = error.errors()
    inner = {e["loc"][:i] for e in errors for i in range(len(e["loc"]))}
    return [e for e in errors if not (e["type"] == "too_short" and e["loc"] in inner)]


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


def _code(error_type: str) -> str:
    if error_type in _CODE_BY_ERROR_TYPE:
        return _CODE_BY_ERROR_TYPE[error_type]
    if error_type.endswith(("_type", "_parsing")):
        return "schema.type"
    return "schema.value"


def _data_path(loc: tuple[int | str, ...], data: Any) -> tuple[str | int, ...]:
    """Pydantic's location without the union tags it inserts (``clauses/3/condemnation/...``)."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part not in node and node.get("type") == part:
            continue  # the discriminator tag of a clause
        path.append(part)
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            node = None
    return tuple(path)


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


#: Unknown keys that get a did-you-mean: a hostile file can hold 100,000s of them.
_SUGGESTIONS = 100


def _schema_finding(error: ErrorDetails, document: Document, suggest: bool) -> Finding:
    path = _data_path(error["loc"], document.data)
    kind = error["type"]
    context = _clause_context(path, document.data)
    if kind == "missing":
        line, column = document.positions.of(path[:-1])
        message = f"missing required key {excerpt(path[-1])}{context}"
    elif kind == "missing_keys":  # raised by a model's own check: the model is the parent
        line, column = document.positions.of(path)
        message = f"{error['msg']}{context}"
    elif kind == "extra_forbidden":
        line, column = document.positions.of_key(path)
        hint = _did_you_mean(path, document.data) if suggest else ""
        message = f"unknown key {excerpt(path[-1])}{context}{hint}"
    elif kind == "union_tag_not_found":
        line, column = document.positions.of(path)
        message = f"missing required key 'type'{context}; clause types: {', '.join(CLAUSE_CLASSES)}"
    elif kind == "union_tag_invalid":
        path = (*path, "type")
        line, column = document.positions.of(path)
        message = f"unknown clause type{context}; use one of: {', '.join(CLAUSE_CLASSES)}"
    else:
        line, column = document.positions.of(path)
        message = f"{error['msg']}{context}"
    return Finding(_code(kind), message, line, column, json_pointer(path))


def _did_you_mean(path: tuple[str | int, ...], data: dict[str, Any]) -> str:
    """A suggestion for a misspelt key, from the keys the model at that place defines."""
    candidates: list[type[BaseModel]] = [JointStatement]
    node: Any = data
    for part in path[:-1]:
        node = node[part]  # the path exists: pydantic found the unknown key there
        if isinstance(part, int):
            continue
        field = candidates[0].model_fields.get(part) if len(candidates) == 1 else None
        if field is None:
            return ""
        candidates = list(_models_in(field.annotation))
    if len(candidates) > 1:  # a clause: its type picks the class
        candidates = [c for c in candidates if c is CLAUSE_CLASSES.get(node.get("type"))]
    if len(candidates) != 1:
        return ""
    close = difflib.get_close_matches(str(path[-1]), list(candidates[0].model_fields), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    """The model classes inside a field's annotation (through Optional, tuple, Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in get_args(annotation):
        yield from _models_in(arg)
