"""Mutations of valid statements: each is refused, by the right layer, and located where it is.

A mutation changes a generated statement's data (the JSON-like form its YAML loads
to) in one place; :func:`jointstmt.strategies.yaml_texts` then writes the data as
YAML in a random style and records where each node was written, so that where a
finding points can be checked against the file as written, not as re-read.

Every kind of mutation is run on its own (``parametrize``), with a share of the
profile's example budget, so that no kind goes untested in a run. Known bugs are
left out of the generated cases narrowly.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import operator
import re
import tempfile
import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal, Union, cast, get_args, get_origin, get_type_hints

import pytest
from annotated_types import MinLen
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from pydantic import BaseModel, ValidationError

from jointstmt import Finding, json_schema
from jointstmt.findings import json_pointer
from jointstmt.loader import parse_yaml
from jointstmt.model import CLAUSE_CLASSES, JointStatement
from jointstmt.model.types import (
    CountryCode,
    Date,
    InVocabulary,
    LanguageTag,
    NonNegativeInt,
    PositiveInt,
    Sha256,
    Slug,
    SubdivisionCode,
    Time,
    TimeZoneName,
    Url,
    WikidataId,
)
from jointstmt.strategies import Generated, NodePath, YamlText, statements, yaml_texts
from jointstmt.validation import check_bytes

VALIDATOR = Draft202012Validator(json_schema(1), format_checker=Draft202012Validator.FORMAT_CHECKER)
STATEMENTS = statements()
# Each parametrized kind gets a share of the profile's examples (ci: 60 -> 10).
BUDGET = settings().max_examples
PER_KIND = settings(max_examples=max(5, BUDGET // 6))

# --- what each node of a statement is -----------------------------------------------------

_NAMED_TYPES: tuple[tuple[str, Any], ...] = (
    ("slug", Slug),
    ("country", CountryCode),
    ("language", LanguageTag),
    ("subdivision", SubdivisionCode),
    ("sha256", Sha256),
    ("url", Url),
    ("time_zone", TimeZoneName),
    ("wikidata", WikidataId),
    ("date", Date),
    ("time", Time),
    ("non_negative", NonNegativeInt),
    ("positive", PositiveInt),
)
PATTERNED = {"slug", "language", "subdivision", "sha256", "url", "time_zone", "wikidata", "time"}


def _without_none(hint: Any) -> Any:
    if get_origin(hint) in (Union, types.UnionType):
        rest = [a for a in get_args(hint) if a is not type(None)]
        if len(rest) == 1:
            return rest[0]
    return hint


def _kind(hint: Any) -> str:
    """What a field holds, from its annotation: the reusable type it uses, or its shape."""
    hint = _without_none(hint)
    origin = get_origin(hint)
    if origin is Annotated:
        base, *meta = get_args(hint)
        if any(isinstance(m, InVocabulary) for m in meta):
            return "vocabulary"
        for name, alias in _NAMED_TYPES:
            alias_base, *alias_meta = get_args(alias)
            prefix = meta[: len(alias_meta)]  # Annotated flattens: an alias's metadata leads
            same = len(prefix) == len(alias_meta) and all(map(operator.is_, prefix, alias_meta))
            if base is alias_base and same:
                return name
        if base is bool:
            return "bool"
        if base is str:  # NonEmptyText, a file name: a length bound only
            return "text"
        if get_origin(base) in (Union, types.UnionType):
            return "union"
        if get_origin(base) is Literal:  # a constant with its JSON-typed check (SchemaVersion1)
            return "literal"
    if origin is Literal:
        return "literal"
    if origin is tuple:
        return "list"
    if hint is str:
        return "text"
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        return "model"
    raise AssertionError(f"a field of unknown kind: {hint}")


@dataclass(frozen=True)
class Node:
    """A node of a statement's data and what the models say it may hold."""

    path: NodePath
    kind: str
    value: Any
    required: bool = False  # a key its mapping must have (list items: False)
    min_length: int = 0
    model: type[BaseModel] | None = None  # for a mapping, the model it is validated by
    owner: type[BaseModel] = JointStatement  # the model of the mapping holding the field


def _model_of(hint: Any, value: Any) -> type[BaseModel] | None:
    hint = _without_none(hint)
    if not isinstance(value, dict):
        return None
    if get_origin(hint) is Annotated and _kind(hint) == "union":
        return _member(get_args(get_args(hint)[0]), value)
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        return hint
    return None


def _member(members: tuple[Any, ...], value: dict[str, Any]) -> type[BaseModel]:
    """The member of a tagged union (clauses by ``type``, sources by ``role``) for ``value``."""
    classes = [get_args(m)[0] if get_origin(m) is Annotated else m for m in members]
    for cls in classes:
        for key in ("type", "role"):
            field = cls.model_fields.get(key)
            literal = field is not None and get_origin(field.annotation) is Literal
            if literal and value.get(key) in get_args(field.annotation):
                return cast(type[BaseModel], cls)
    (other,) = [c for c in classes if get_origin(c.model_fields["role"].annotation) is not Literal]
    return cast(type[BaseModel], other)


def nodes(
    data: dict[str, Any], model: type[BaseModel] = JointStatement, path: NodePath = ()
) -> Iterator[Node]:
    """Every node below ``data`` (valid for ``model``), each before its children."""
    hints = get_type_hints(model, include_extras=True)
    for key, value in data.items():
        info, hint = model.model_fields[key], hints[key]
        minimum = max((m.min_length for m in info.metadata if isinstance(m, MinLen)), default=0)
        sub = _model_of(hint, value)
        yield Node((*path, key), _kind(hint), value, info.is_required(), minimum, sub, model)
        if sub is not None:
            yield from nodes(value, sub, (*path, key))
        elif isinstance(value, list):
            (item_hint, _) = get_args(_without_none(hint))
            for i, item in enumerate(value):
                item_model = _model_of(item_hint, item)
                yield Node((*path, key, i), _kind(item_hint), item, model=item_model, owner=model)
                if item_model is not None:
                    yield from nodes(item, item_model, (*path, key, i))


def _lookup(data: Any, path: NodePath) -> Any:
    for part in path:
        data = data[part]
    return data


# --- mutations ----------------------------------------------------------------------------

_DROP = object()
Edits = tuple[tuple[NodePath, Any], ...]


@dataclass(frozen=True)
class Mutation:
    """Edits to the data (path -> new value, or dropped) and where the finding must point.

    ``at`` is the node the finding names and ``anchor`` which position of it counts:
    the node itself (``value``), its key (``key``, for an unknown key) or the mapping
    holding it (``parent``, for a missing key).
    """

    kind: str
    edits: Edits
    at: NodePath
    code: str | None = None  # the one code expected, where the kind fixes it
    anchor: Literal["value", "key", "parent"] = "value"
    inserts: Edits = field(default=())

    def apply(self, data: dict[str, Any]) -> dict[str, Any]:
        data = copy.deepcopy(data)
        for path, value in self.inserts:
            _lookup(data, path[:-1]).insert(path[-1], copy.deepcopy(value))
        for path, value in self.edits:
            parent = _lookup(data, path[:-1])
            if value is _DROP:
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
        return data

    def position(self, styled: YamlText) -> tuple[int, int]:
        if self.anchor == "key":
            return styled.key_position(self.at)
        if self.anchor == "parent":
            return styled.position(self.at[:-1])
        return styled.position(self.at)


def _set(kind: str, path: NodePath, value: Any, code: str | None = None) -> Mutation:
    return Mutation(kind, ((path, value),), path, code)


MALFORMED: dict[str, tuple[Any, ...]] = {
    "slug": ("Not A Slug", "a--b", "-a", "a-", "a_b", "ABC", "é", "", "x" * 129),
    "country": ("XX", "us", "USA", "U", "", "Norway", "NO "),
    "date": ("2024-02-30", "2024-2-03", "24-02-03", "2024/02/03", "2024-13-01", "20240203", ""),
    "time": ("24:00", "9:30", "12:60", "12:30:00", "noon", "1230"),
    "language": ("english", "en_US", "e", "en-", "-en", "en--US", ""),
    "sha256": ("abc", "G" * 64, "A" * 64, "0" * 63, ""),
    "subdivision": ("us-dc", "USDC", "US-", "US-ABCD"),
    "url": ("example.org", "ftp://example.org", "https://", "https:// x"),
    "time_zone": ("/x", "a b", "Europe//Paris", ""),
    "wikidata": ("Q0", "q1", "P31", "Q"),
}
# What a value of each JSON type is replaced by to give it another type.
WRONG_TYPE: dict[str, tuple[Any, ...]] = {
    "int": ("7", True, [1], {"n": 1}, 1.5),
    "bool": ("true", 1, [True]),
    "str": (7, True, ["x"], {"x": "y"}),
    "list": ("x", 5, {"x": 1}),
    "dict": ("x", 5, ["x"]),
}


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, str):
        return "str"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "dict"
    return "none"


# Keys only a model validator requires are reported by other code than required fields.
VALIDATOR_KEY = "missing key a model validator requires"


def _conditionally_required(data: dict[str, Any]) -> list[NodePath]:
    """Keys required only by a model validator: a statement text's path and sha256, and
    a participant's country or organization when it has no other."""
    found: list[NodePath] = []
    for i, source in enumerate(data["sources"]):
        if source["role"] == "statement_text":
            found += [("sources", i, "path"), ("sources", i, "sha256")]
    for i, participant in enumerate(data["participants"]):
        for key, other in (("country", "organization"), ("organization", "country")):
            if participant.get(key) is not None and participant.get(other) is None:
                found.append(("participants", i, key))
    return found


def _missing_code(path: NodePath) -> str:
    """The version picks the model, so without one no model runs: its own code."""
    return "schema.version" if path == ("schema_version",) else "schema.missing"


def structural_mutations(data: dict[str, Any], kind: str) -> list[Mutation]:
    """Every mutation of ``kind`` that makes ``data`` structurally invalid."""
    all_nodes = list(nodes(data))
    found: list[Mutation] = []
    if kind == "missing key":
        found = [
            Mutation(kind, ((n.path, _DROP),), n.path, _missing_code(n.path), "parent")
            for n in all_nodes
            if n.required
        ]
    elif kind == VALIDATOR_KEY:
        found = [
            Mutation(kind, ((p, _DROP),), p, "schema.missing", "parent")
            for p in _conditionally_required(data)
        ]
    elif kind == "unknown key":
        models: list[tuple[NodePath, type[BaseModel]]] = [((), JointStatement)]
        models += [(n.path, n.model) for n in all_nodes if n.model]
        for path, model in models:
            for key in ("colour", "Title", "type_"):
                assert key not in model.model_fields
                found.append(
                    Mutation(
                        kind, (((*path, key), "x"),), (*path, key), "schema.unknown_key", "key"
                    )
                )
    elif kind == "wrong type":
        for n in all_nodes:
            for value in WRONG_TYPE.get(_json_type(n.value), ()):
                found.append(_set(kind, n.path, value))
    elif kind == "outside vocabulary":
        found = [
            _set(kind, n.path, "not_in_vocabulary", "schema.vocabulary")
            for n in all_nodes
            if n.kind == "vocabulary"
        ]
        found += [
            _set(kind, n.path, "denunciation", "schema.vocabulary")
            for n in all_nodes
            if n.path[-1] == "type" and n.kind == "literal"
        ]
    elif kind == "malformed code":
        found = [
            _set(kind, n.path, v)
            for n in all_nodes
            if n.kind in MALFORMED and n.kind not in ("slug", "country", "date", "time")
            for v in MALFORMED[n.kind]
        ]
    elif kind in ("malformed slug", "malformed country", "malformed date"):
        name = kind.split()[-1]
        found = [
            _set(kind, n.path, v) for n in all_nodes if n.kind == name for v in MALFORMED[name]
        ]
    elif kind == "malformed time":
        found = [
            _set(kind, ("meeting", key), v, "schema.date")
            for key in ("start_time", "end_time")
            for v in MALFORMED["time"]
        ]
    elif kind == "out of range":
        for n in all_nodes:
            if n.kind == "non_negative":
                found.append(_set(kind, n.path, -1, "schema.range"))
            elif n.kind == "positive":
                found.append(_set(kind, n.path, 0, "schema.range"))
            elif n.min_length and isinstance(n.value, str):
                found.append(_set(kind, n.path, "", "schema.range"))
            elif n.min_length and isinstance(n.value, list):
                found.append(_set(kind, n.path, [], "schema.range"))
    else:
        raise AssertionError(kind)
    return found


STRUCTURAL_KINDS = [
    "missing key",
    VALIDATOR_KEY,
    "unknown key",
    "wrong type",
    "outside vocabulary",
    "malformed date",
    "malformed time",
    "malformed slug",
    "malformed country",
    "malformed code",
    "out of range",
]


def _fresh(data: dict[str, Any]) -> str:
    """A slug that names nothing in ``data``."""
    taken = set(re.findall(r"[a-z0-9-]+", json.dumps(data)))
    fresh = "undeclared"
    while fresh in taken:
        fresh += "-x"
    return fresh


def _statement_text(data: dict[str, Any]) -> int:
    return next(i for i, s in enumerate(data["sources"]) if s["role"] == "statement_text")


def _day(value: str, days: int) -> str:
    return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()


def rule_mutations(data: dict[str, Any], source: str, kind: str) -> list[Mutation]:
    """Every mutation of ``kind`` that breaks one rule in one place of a valid statement."""
    fresh = _fresh(data)
    clauses = list(enumerate(data["clauses"]))
    paragraphs = data.get("paragraphs") or []
    text = _statement_text(data)
    found: list[Mutation] = []
    if kind in ("dangling actor", "dangling target"):
        key = "actors" if kind == "dangling actor" else "targets"
        for i, clause in clauses:
            found += [
                _set(kind, ("clauses", i, key, j), fresh, "rule.reference")
                for j in range(len(clause.get(key) or ()))
            ]
            found.append(
                Mutation(
                    kind,
                    ((("clauses", i, key), [fresh]),),
                    ("clauses", i, key, 0),
                    "rule.reference",
                )
            )
    elif kind == "dangling source":
        found = [
            _set(kind, n.path, fresh, "rule.reference")
            for n in nodes(data)
            if n.path[-1] == "source" and n.value is not None
        ]
        found.append(_set(kind, ("meeting", "source"), fresh, "rule.reference"))
    elif kind == "dangling organization":
        for i, participant in enumerate(data["participants"]):
            edits: list[tuple[NodePath, Any]] = [(("participants", i, "organization"), fresh)]
            if "country" in participant:
                edits.append((("participants", i, "country"), _DROP))
            found.append(
                Mutation(kind, tuple(edits), ("participants", i, "organization"), "rule.reference")
            )
    elif kind == "dangling paragraph":
        whole = {"number": 1, "span": {"start": 0, "end": len(source)}, "verification": "identical"}
        numbers = [p["number"] for p in paragraphs] or [1]
        for i, _ in clauses:
            edits = [(("clauses", i, "paragraph"), max(numbers) + 1)]
            if not paragraphs:
                edits.append((("paragraphs",), [whole]))
            found.append(
                Mutation(kind, tuple(edits), ("clauses", i, "paragraph"), "rule.reference")
            )
    elif kind == "duplicate id":
        for key, name in (
            ("participants", "id"),
            ("entities", "id"),
            ("clauses", "id"),
            ("sources", "id"),
            ("paragraphs", "number"),
        ):
            for i, item in enumerate(data.get(key) or ()):
                if item.get("role") == "statement_text":
                    continue  # a second statement text is another rule's business
                found.append(
                    Mutation(
                        kind,
                        (),
                        (key, i + 1, name),
                        "rule.duplicate_id",
                        inserts=(((key, i + 1), item),),
                    )
                )
    elif kind == "shifted span":
        for i, clause in clauses:
            start, end = clause["span"]["start"], clause["span"]["end"]
            outer = {"start": 0, "end": len(source)}
            if paragraphs and clause.get("paragraph") is not None:
                outer = next(p["span"] for p in paragraphs if p["number"] == clause["paragraph"])
            for shift in range(outer["start"] - start, outer["end"] - end + 1):
                if shift and source[start + shift : end + shift] != clause["text"]:
                    span = {"start": start + shift, "end": end + shift}
                    found.append(
                        Mutation(
                            kind,
                            ((("clauses", i, "span"), span),),
                            ("clauses", i, "text"),
                            "rule.span_text",
                        )
                    )
    elif kind == "span past the end":
        found = [
            _set(
                kind,
                ("clauses", i, "span"),
                {"start": c["span"]["start"], "end": len(source) + 1},
                "rule.span",
            )
            for i, c in clauses
        ]
        found += [
            _set(
                kind,
                ("paragraphs", i, "span"),
                {"start": p["span"]["start"], "end": len(source) + 1},
                "rule.span",
            )
            for i, p in enumerate(paragraphs)
        ]
    elif kind == "reversed span":
        found = [
            _set(
                kind,
                ("clauses", i, "span"),
                {"start": c["span"]["end"], "end": c["span"]["start"]},
                "rule.span",
            )
            for i, c in clauses
        ]
    elif kind == "span outside its paragraph":
        number = max([p["number"] for p in paragraphs], default=0) + 1
        empty = {"number": number, "span": {"start": 0, "end": 0}, "verification": "unverified"}
        for i, _ in clauses:
            outside: Edits = (
                (("paragraphs",), [*paragraphs, empty]),
                (("clauses", i, "paragraph"), number),
            )
            found.append(Mutation(kind, outside, ("clauses", i, "span"), "rule.span"))
    elif kind == "edited quote":
        for i, clause in clauses:
            quote = clause["text"]
            edited = quote[:-1] + ("x" if quote[-1] != "x" else "y")
            found.append(_set(kind, ("clauses", i, "text"), edited, "rule.span_text"))
    elif kind == "meeting ends before it starts":
        end = _day(data["meeting"]["start"], -1)
        found = [_set(kind, ("meeting", "end"), end, "rule.date_order")]
    elif kind == "issued before the meeting":
        found = [
            _set(kind, ("issued",), _day(data["meeting"]["start"], -d), "rule.date_order")
            for d in (1, 400)
        ]
    elif kind == "ends before it starts on the day":
        inverted: Edits = (
            (("meeting", "end"), data["meeting"]["start"]),
            (("meeting", "start_time"), "10:00"),
            (("meeting", "end_time"), "09:59"),
        )
        found = [Mutation(kind, inverted, ("meeting", "end_time"), "rule.date_order")]
    elif kind == "statement text changed":
        digest = data["sources"][text]["sha256"]
        other = ("1" if digest[0] == "0" else "0") + digest[1:]
        found = [_set(kind, ("sources", text, "sha256"), other, "rule.sha256")]
    elif kind == "not one statement text":
        second = {**data["sources"][text], "id": fresh}
        found = [
            Mutation(
                kind,
                ((("sources", text, "role"), "reference"),),
                ("sources",),
                "rule.statement_text",
            ),
            Mutation(
                kind, (), ("sources",), "rule.statement_text", inserts=((("sources", 0), second),)
            ),
        ]
    elif kind == "path outside the folder":
        path = data["sources"][text]["path"]
        found = [
            _set(kind, ("sources", text, "path"), bad, "rule.source_path")
            for bad in ("../" + path, "/etc/passwd", "texts/../../" + path, "..\\" + path)
        ]
    elif kind == "missing statement text file":
        found = [
            _set(
                kind, ("sources", text, "path"), "missing/" + fresh + ".txt", "rule.source_missing"
            )
        ]
    elif kind == "subdivision of another country":
        location = data["meeting"].get("location") or {}
        for j, place in enumerate(location.get("places", ())):
            path = ("meeting", "location", "places", j, "subdivision")
            for code in ("ZZ-ZZZ", "US-DC" if place["country"] != "US" else "FR-67"):
                found.append(_set(kind, path, code, "rule.subdivision"))
        place = {"country": "DE", "subdivision": "FR-67", "source": data["sources"][text]["id"]}
        found.append(
            Mutation(
                kind,
                ((("meeting", "location"), {"places": [place]}),),
                ("meeting", "location", "places", 0, "subdivision"),
                "rule.subdivision",
            )
        )
    elif kind == "unregistered language":
        found = [
            _set(kind, n.path, "qq", "rule.language_tag")
            for n in nodes(data)
            if n.kind == "language" and n.value
        ]
    elif kind == "unknown time zone":
        found = [_set(kind, ("meeting", "time_zone"), "Mars/Olympus", "rule.time_zone")]
    else:
        raise AssertionError(kind)
    return found


RULE_KINDS = [
    "dangling actor",
    "dangling target",
    "dangling source",
    "dangling organization",
    "dangling paragraph",
    "duplicate id",
    "shifted span",
    "span past the end",
    "reversed span",
    "span outside its paragraph",
    "edited quote",
    "meeting ends before it starts",
    "issued before the meeting",
    "ends before it starts on the day",
    "statement text changed",
    "not one statement text",
    "path outside the folder",
    "missing statement text file",
    "subdivision of another country",
    "unregistered language",
    "unknown time zone",
]


@dataclass(frozen=True)
class Case:
    """A statement, one mutation of it, and the mutated data written as YAML."""

    generated: Generated
    mutation: Mutation
    styled: YamlText

    def findings(self) -> list[Finding]:
        """The findings for the mutated YAML, its statement text beside it."""
        with tempfile.TemporaryDirectory() as folder:
            original = self.generated.statement.statement_text.path
            assert original is not None
            text_path = Path(folder) / original
            text_path.parent.mkdir(parents=True, exist_ok=True)
            text_path.write_bytes(self.generated.source_text.encode("utf-8"))
            return check_bytes(self.styled.text.encode("utf-8"), Path(folder)).findings


@st.composite
def cases(draw: st.DrawFn, kind: str) -> Case:
    """A generated statement with one mutation of ``kind``, written in a random YAML style."""
    generated = draw(STATEMENTS)
    data = generated.statement.model_dump(mode="json", exclude_defaults=draw(st.booleans()))
    if kind in RULE_KINDS:
        found = rule_mutations(data, generated.source_text, kind)
    else:
        found = structural_mutations(data, kind)
    assume(found)
    mutation = draw(st.sampled_from(found))
    return Case(generated, mutation, draw(yaml_texts(mutation.apply(data))))


# --- the properties -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", STRUCTURAL_KINDS)
@PER_KIND
@given(data=st.data())
def test_structural_mutations_are_rejected_by_both_the_models_and_the_schema(
    kind: str, data: st.DataObject
) -> None:
    """A missing key, wrong type, unknown key, value outside a vocabulary, malformed
    date, slug, country or code, or a value out of range: the models (through the YAML
    file) and the published schema both reject it, never only one of them."""
    case = data.draw(cases(kind))
    findings = case.findings()
    assert findings, "the models accept it"
    assert {f.code.split(".")[0] for f in findings} == {"schema"}, findings
    assert not VALIDATOR.is_valid(case.styled.data), "the schema accepts it"
    if case.mutation.code is not None:
        assert case.mutation.code in [f.code for f in findings], findings


@pytest.mark.parametrize("kind", RULE_KINDS)
@PER_KIND
@given(data=st.data())
def test_rule_mutations_yield_exactly_the_expected_rule_code(
    kind: str, data: st.DataObject
) -> None:
    """A dangling actor, target, source, organization or paragraph, a duplicate id, a
    shifted, reversed or out-of-bounds span, an edited quote, inverted dates, a changed
    or missing text file, a bad subdivision, language or time zone: exactly one finding,
    of the rule's code. The schema still accepts the statement: rules are beyond it."""
    case = data.draw(cases(kind))
    assert [f.code for f in case.findings()] == [case.mutation.code]
    assert VALIDATOR.is_valid(case.styled.data)


@pytest.mark.parametrize("kind", STRUCTURAL_KINDS + RULE_KINDS)
@PER_KIND
@given(data=st.data())
def test_every_finding_points_at_the_mutated_node_as_written(
    kind: str, data: st.DataObject
) -> None:
    """Whatever the YAML style, the one finding a mutation gives has the line and column
    of the node as written (for a missing key, its mapping; for an unknown key, the key;
    for a quote that no longer matches, the clause's text) and its JSON Pointer."""
    case = data.draw(cases(kind))
    findings = case.findings()
    assert len(findings) == 1, findings
    (finding,) = findings
    mutation = case.mutation
    pointers = {json_pointer(mutation.at)}
    if mutation.anchor == "parent":  # a missing clause type is reported on the clause
        pointers.add(json_pointer(mutation.at[:-1]))
    assert finding.pointer in pointers, finding
    assert (finding.line, finding.column) == mutation.position(case.styled), (
        finding,
        case.styled.text,
    )


# --- agreement on any value -----------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53) + 1, 2**53 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=5,
)
# Characters at which regular expression engines differ (line ends, Unicode spaces,
# separators), and ordinary ones.
EDGE_CHARACTERS = "\n\x1c\x85\ufeff\xa0 \t-_Aé"


@st.composite
def near(draw: st.DrawFn, value: Any) -> Any:
    """A value close to ``value`` (a character appended, prepended, inserted, replaced or
    removed; a number moved by one or retyped), or any JSON value at all."""
    edit = draw(st.sampled_from(["append", "prepend", "insert", "replace", "remove", "any"]))
    if isinstance(value, str) and edit != "any":
        char = draw(st.sampled_from(EDGE_CHARACTERS) | st.characters(exclude_categories=["Cs"]))
        at = {"append": len(value), "prepend": 0}.get(edit) or draw(st.integers(0, len(value)))
        rest = value[at:] if edit in ("append", "prepend", "insert") else value[at + 1 :]
        return value[:at] + ("" if edit == "remove" else char) + rest
    if isinstance(value, int | float) and not isinstance(value, bool) and edit != "any":
        return draw(st.sampled_from([value + 1, value - 1, -value, float(value), str(value), True]))
    return draw(JSON_VALUES)


@given(st.data())
def test_models_and_schema_agree_on_any_value_at_any_node(data: st.DataObject) -> None:
    """Put any JSON value, or one close to the valid one, at any node: the models (through
    the YAML file) accept the document exactly when the published schema does."""
    generated = data.draw(STATEMENTS)
    base = generated.statement.model_dump(mode="json", exclude_defaults=data.draw(st.booleans()))
    every = list(nodes(base))
    # Codes with a pattern are where engines differ: half the time, one of those.
    patterned = [n for n in every if n.kind in PATTERNED and isinstance(n.value, str)]
    node = data.draw(st.sampled_from(every) | st.sampled_from(patterned))
    value = data.draw(near(node.value))
    styled = data.draw(yaml_texts(_set("any value", node.path, value).apply(base)))
    findings = check_bytes(styled.text.encode("utf-8"), None).findings
    assert not [f for f in findings if f.code.startswith("yaml.")], findings
    models_accept = not [f for f in findings if f.code.startswith("schema.")]
    assert models_accept == VALIDATOR.is_valid(styled.data), (node.path, value, findings)


REAFFIRMATION = "    type: reaffirmation\n"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("schema_version: 1\n", "schema_version: true\n"),
        (REAFFIRMATION, REAFFIRMATION + "    reaffirmed: 1\n"),
        (REAFFIRMATION, REAFFIRMATION + "    reaffirmed: 1.0\n"),
    ],
)
def test_literals_refuse_look_alike_values_as_the_schema_does(old: str, new: str) -> None:
    """Found by test_models_and_schema_agree_on_any_value_at_any_node (schema_version: true).

    The schema says ``const: 1`` (an integer) and ``const: true`` (a boolean); the
    models' ``Literal[1]`` and ``Literal[True]`` compare with ``==``, and in Python
    ``True == 1 == 1.0``.
    """
    example = Path(__file__).parent / "examples" / "bilateral-leaders" / "statement.yaml"
    text = example.read_text(encoding="utf-8")
    assert old in text
    edited = text.replace(old, new).encode("utf-8")
    models_accept = not check_bytes(edited, None).findings
    assert models_accept == VALIDATOR.is_valid(parse_yaml(edited).data)


def look_alikes(value: Any) -> list[Any]:
    """Values a validator may confuse with ``value``: other JSON types that compare equal or
    print alike, numbers one off, and strings that differ at their edges or in case."""
    if isinstance(value, bool):
        return [not value, int(value), float(value), str(value).lower(), None, [value]]
    if isinstance(value, int | float):
        near_numbers = [value + 1, value - 1, -value - 1, float(value), value + 0.5]
        return [*near_numbers, str(value), True, False, None, [value]]
    if isinstance(value, str):
        edges = [value + c for c in "\n\r \t\x1c\x85\u2028\ufeff"] + ["\n" + value, " " + value]
        other = [value.upper(), value.lower(), value[:-1], "", 1, True, None, [value], {"x": value}]
        return edges + other
    if isinstance(value, list):
        return [[], value + value[:1], value[:-1], [None], [value], "x", None, {}]
    if isinstance(value, dict):
        return [{}, None, [value], "x", {**value, "colour": "x"}]
    return ["", 0, False, [], {}, "null"]


def _field(path: NodePath) -> NodePath:
    """The path with list indexes blanked: one entry per field, whichever item holds it."""
    return tuple("*" if isinstance(part, int) else part for part in path)


def _models_accept(data: dict[str, Any]) -> bool:
    try:
        JointStatement.model_validate(data)
    except ValidationError:
        return False
    return True


SCHEMA = json_schema(1)
CLAUSE_NAMES = {cls.__name__ for cls in CLAUSE_CLASSES.values()}


@cache
def _scoped_validator(owner: str, key: str) -> Draft202012Validator:
    """The schema of the mapping of model ``owner`` (for the root: its field ``key`` alone)."""
    scoped: dict[str, Any]
    if owner == JointStatement.__name__:
        scoped = {"properties": {key: SCHEMA["properties"][key]}}
    elif owner in CLAUSE_NAMES:
        scoped = SCHEMA["properties"]["clauses"]["items"]  # its type picks the branch
    else:
        scoped = {"$ref": f"#/$defs/{owner}"}
    return Draft202012Validator(
        {**scoped, "$defs": SCHEMA["$defs"]}, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def _schema_accepts(data: dict[str, Any], node: Node) -> bool:
    """The schema's verdict on ``data``, which differs from a valid document at ``node`` only.

    All else being valid, the document is valid exactly when the mapping holding the
    node is: checking only that mapping is many times faster than the whole document.
    """
    at = max(i for i, part in enumerate(node.path) if isinstance(part, str))
    key, holder = str(node.path[at]), node.path[:at]
    if not holder:
        return bool(_scoped_validator(JointStatement.__name__, key).is_valid({key: data[key]}))
    return bool(_scoped_validator(node.owner.__name__, "").is_valid(_lookup(data, holder)))


@settings(max_examples=max(2, BUDGET // 20))
@given(STATEMENTS, st.booleans())
def test_models_and_schema_agree_on_look_alike_values_in_every_field(
    generated: Generated, exclude_defaults: bool
) -> None:
    """In every field of a statement, each of a set of look-alike values (true for 1, 1.0
    for 1, "1" for 1, a code with a line break or space at either end, upper case, one
    character short, empty, null, wrapped in a list): the models accept it exactly when
    the published schema does."""
    base = generated.statement.model_dump(mode="json", exclude_defaults=exclude_defaults)
    seen: set[NodePath] = set()
    disagreements = []
    for node in nodes(base):
        if _field(node.path) in seen:
            continue
        seen.add(_field(node.path))
        parent = _lookup(base, node.path[:-1])
        for value in look_alikes(node.value):
            parent[node.path[-1]] = value  # in place, and put back: copies cost too much
            if _models_accept(base) != _schema_accepts(base, node):
                disagreements.append((node.path, value, _models_accept(base)))
        parent[node.path[-1]] = node.value
    assert disagreements == []
