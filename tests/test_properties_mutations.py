"""Mutations of valid statements: each is refused, by the right layer, and located where it is.

A mutation changes a generated statement's data (the JSON-like form its YAML loads
to) in one place; :func:`jointstmt.strategies.yaml_texts` then writes the data as
YAML in a random style and records where each node was written, so that where a
finding points can be checked against the file as written, not as re-read.

Every kind of mutation is run on its own, for each schema version it means something
in (``parametrize``), with a share of the profile's example budget, so that no kind
goes untested in a run. Version 2 adds kinds of its own: references to undeclared
parties, participants, members, meetings, parents, related clauses and cited
entities, two recorded meetings, a parent cycle, a clause outside the body.
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
from jointstmt.model.v2 import JointStatement as JointStatement2
from jointstmt.model.v2.clauses import CLAUSE_CLASSES as CLAUSE_CLASSES_2
from jointstmt.model.v2.clauses import Number, PartialDate
from jointstmt.strategies import NodePath, YamlText, statements, statements_v2, yaml_texts
from jointstmt.validation import check_bytes

VERSIONS = (1, 2)
MODELS: dict[int, type[BaseModel]] = {1: JointStatement, 2: JointStatement2}
SCHEMAS = {version: json_schema(version) for version in VERSIONS}
VALIDATORS = {
    version: Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    for version, schema in SCHEMAS.items()
}
STATEMENTS = {1: statements(), 2: statements_v2()}
# Each parametrized kind gets a share of the profile's examples, each version half of it
# (ci: 60 -> 5 per kind and version; dev: 300 -> 25).
BUDGET = settings().max_examples
PER_KIND = settings(max_examples=max(5, BUDGET // 12))

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
    ("partial_date", PartialDate),
    ("number", Number),
)
PATTERNED = {
    "slug", "language", "subdivision", "sha256", "url", "time_zone", "wikidata", "time",
    "partial_date",
}  # fmt: skip


def _without_none(hint: Any) -> Any:
    if get_origin(hint) in (Union, types.UnionType):
        rest = [a for a in get_args(hint) if a is not type(None)]
        if len(rest) == 1:
            return rest[0]
    return hint


def _item(hint: Any) -> Any:
    """The type of a list field's items (``tuple[X, ...]``, optional or annotated)."""
    hint = _without_none(hint)
    if get_origin(hint) is Annotated:
        hint = get_args(hint)[0]
    return get_args(hint)[0]


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
        if get_origin(base) is tuple:  # a list with a size bound (a list of source ids)
            return "list"
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
    owner: type[BaseModel]  # the model of the mapping holding the field
    required: bool = False  # a key its mapping must have (list items: False)
    min_length: int = 0
    model: type[BaseModel] | None = None  # for a mapping, the model it is validated by


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


def nodes(data: dict[str, Any], model: type[BaseModel], path: NodePath = ()) -> Iterator[Node]:
    """Every node below ``data`` (valid for ``model``), each before its children."""
    hints = _hints(model)
    for key, value in data.items():
        info, hint = model.model_fields[key], hints[key]
        minimum = max((m.min_length for m in info.metadata if isinstance(m, MinLen)), default=0)
        sub = _model_of(hint, value)
        yield Node((*path, key), _kind(hint), value, model, info.is_required(), minimum, sub)
        if sub is not None:
            yield from nodes(value, sub, (*path, key))
        elif isinstance(value, list):
            item_hint = _item(hint)
            for i, item in enumerate(value):
                item_model = _model_of(item_hint, item)
                yield Node((*path, key, i), _kind(item_hint), item, model, model=item_model)
                if item_model is not None:
                    yield from nodes(item, item_model, (*path, key, i))


@cache
def _hints(model: type[BaseModel]) -> dict[str, Any]:
    return get_type_hints(model, include_extras=True)


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
    "partial_date": ("2024-02-30", "2025-13", "2025-1", "25", "2025/07", "2025-07-22T09:00", ""),
}
# What a value of each JSON type is replaced by to give it another type.
WRONG_TYPE: dict[str, tuple[Any, ...]] = {
    "int": ("7", True, [1], {"n": 1}, 1.5),
    "bool": ("true", 1, [True]),
    "str": (7, True, ["x"], {"x": "y"}),
    "list": ("x", 5, {"x": 1}),
    "dict": ("x", 5, ["x"]),
    "number": ("7", True, [1], {"n": 1}),  # an integer or a float: 1.5 is no other type
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
    """Keys required only by a model validator (version 1): a statement text's path and
    sha256, and a participant's country or organization when it has no other."""
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


def _time_paths(data: dict[str, Any]) -> list[NodePath]:
    """Where times go: a version-1 meeting's, each version-2 meeting's and the time of issue."""
    if "meeting" in data:
        return [("meeting", "start_time"), ("meeting", "end_time")]
    paths: list[NodePath] = [("issued_time",)]
    for i, _ in enumerate(data.get("meetings", ())):
        paths += [("meetings", i, "start_time"), ("meetings", i, "end_time")]
    return paths


def structural_mutations(data: dict[str, Any], kind: str, version: int) -> list[Mutation]:
    """Every mutation of ``kind`` that makes ``data`` (of schema ``version``) structurally
    invalid."""
    model = MODELS[version]
    all_nodes = list(nodes(data, model))
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
        models: list[tuple[NodePath, type[BaseModel]]] = [((), model)]
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
            json_type = "number" if n.kind == "number" else _json_type(n.value)
            for value in WRONG_TYPE.get(json_type, ()):
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
        names = {kind.split()[-1]} | ({"partial_date"} if kind == "malformed date" else set())
        found = [
            _set(kind, n.path, v) for n in all_nodes if n.kind in names for v in MALFORMED[n.kind]
        ]
    elif kind == "malformed time":
        found = [
            _set(kind, path, v, "schema.date")
            for path in _time_paths(data)
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
    VALIDATOR_KEY,  # version 1 only: version 2's models have no such keys
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


def _paragraphs(data: dict[str, Any]) -> tuple[NodePath, list[dict[str, Any]]]:
    """Where the paragraphs are (version 1: at the top; version 2: in the body), and them."""
    if "body" in data:
        return ("body", "paragraphs"), data["body"].get("paragraphs") or []
    return ("paragraphs",), data.get("paragraphs") or []


def _meetings(data: dict[str, Any]) -> list[tuple[NodePath, dict[str, Any]]]:
    """Each meeting and its path: version 1's one meeting, or version 2's list."""
    if "meeting" in data:
        return [(("meeting",), data["meeting"])]
    return [(("meetings", i), m) for i, m in enumerate(data.get("meetings") or ())]


def _recorded(data: dict[str, Any]) -> list[tuple[NodePath, dict[str, Any]]]:
    """The meeting the statement records (the one ``issued`` must not precede), if any."""
    return [(p, m) for p, m in _meetings(data) if m.get("relation", "recorded") == "recorded"]


def _locations(data: dict[str, Any]) -> list[tuple[NodePath, dict[str, Any]]]:
    """Every location with places, and its path."""
    found = [((*p, "location"), m["location"]) for p, m in _meetings(data) if m.get("location")]
    if data.get("issued_at"):
        found.append((("issued_at",), data["issued_at"]))
    for i, entity in enumerate(data.get("entities") or ()):
        location = (entity.get("signing") or {}).get("location")
        if location:
            found.append((("entities", i, "signing", "location"), location))
    return found


def _spans(data: dict[str, Any], version: int) -> list[NodePath]:
    """The spans a rule checks against the text alone (not against another span), by path."""
    found: list[NodePath] = [("clauses", i, "span") for i, _ in enumerate(data["clauses"])]
    at, paragraphs = _paragraphs(data)
    found += [(*at, i, "span") for i, _ in enumerate(paragraphs)]
    if version == 1:
        return found
    found.append(("body", "span"))
    found += [
        ("body", "sections", i, "span") for i, _ in enumerate(data["body"].get("sections", ()))
    ]
    for key, fields in (("parties", ("span",)), ("participants", ("span", "signature"))):
        for i, item in enumerate(data.get(key) or ()):
            found += [(key, i, name) for name in fields if item.get(name)]
    found += [(*p, "span") for p, m in _meetings(data) if m.get("span")]
    found += [(*p, "span") for p, location in _locations(data) if location.get("span")]
    for i, clause in enumerate(data["clauses"]):
        if (clause.get("condition") or {}).get("span"):
            found.append(("clauses", i, "condition", "span"))
    return found


# Version 2's references to declared things, by kind: the lists whose items hold them, and
# the keys there (list-valued keys in _LIST_KEYS).
_REFERENCES_2: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "dangling party": (("participants", ("party",)),),
    "dangling participant": (("participants", ("led_by", "member_of")),),
    "dangling member": (("parties", ("members",)), ("entities", ("members", "issuer"))),
    "dangling meeting": (("meetings", ("during",)), ("clauses", ("meeting_id",))),
    "dangling parent": (("clauses", ("parent",)),),
}
_LIST_KEYS = {"members", "issuer"}


def _references(
    data: dict[str, Any], fresh: str, key: str, names: tuple[str, ...]
) -> list[Mutation]:
    """Each reference ``names`` of the items of ``data[key]`` made ``fresh``, whether the item
    has one or not (a list: each of its ids, or a list of the one fresh id)."""
    found = []
    for i, item in enumerate(data.get(key) or ()):
        for name in names:
            if name == "meeting_id" and item["type"] != "future_meeting":
                continue  # no other clause type has it
            if name in _LIST_KEYS:
                found += [
                    _set("", (key, i, name, j), fresh) for j, _ in enumerate(item.get(name, ()))
                ]
                found.append(Mutation("", (((key, i, name), [fresh]),), (key, i, name, 0)))
            else:
                found.append(_set("", (key, i, name), fresh))
    return found


def _dangling_2(data: dict[str, Any], fresh: str, kind: str) -> list[Mutation]:
    """Version 2's references to what is not declared (or not of the kind named)."""
    if kind in _REFERENCES_2:
        found = [
            m for key, names in _REFERENCES_2[kind] for m in _references(data, fresh, key, names)
        ]
    elif kind == "dangling relation":
        found = []
        for i, clause in enumerate(data["clauses"]):
            found += [
                _set(kind, ("clauses", i, "relations", j, "clause"), fresh)
                for j, _ in enumerate(clause.get("relations") or ())
            ]
            relation = {"type": "responds_to", "clause": fresh}
            found.append(
                Mutation(
                    kind,
                    ((("clauses", i, "relations"), [relation]),),
                    ("clauses", i, "relations", 0, "clause"),
                )
            )
    else:  # "dangling entity": cites and series name entities, never a party
        party = data["parties"][0]["id"]
        found = []
        for i, clause in enumerate(data["clauses"]):
            found += [
                _set(kind, ("clauses", i, "cites", j, "entity"), ref)
                for j, _ in enumerate(clause.get("cites") or ())
                for ref in (fresh, party)
            ]
            cite = {"entity": fresh, "relation": "recalls"}
            found.append(
                Mutation(
                    kind, ((("clauses", i, "cites"), [cite]),), ("clauses", i, "cites", 0, "entity")
                )
            )
        found += [
            _set(kind, (*p, "series", "entity"), fresh)
            for p, m in _meetings(data)
            if m.get("series")
        ]
    return [Mutation(kind, m.edits, m.at, "rule.reference", m.anchor, m.inserts) for m in found]


def rule_mutations(data: dict[str, Any], source: str, kind: str, version: int) -> list[Mutation]:
    """Every mutation of ``kind`` that breaks one rule in one place of a valid statement."""
    fresh = _fresh(data)
    clauses = list(enumerate(data["clauses"]))
    at_paragraphs, paragraphs = _paragraphs(data)
    text = _statement_text(data)
    body = data["body"]["span"] if version == 2 else {"start": 0, "end": len(source)}
    found: list[Mutation] = []
    if kind in ("dangling actor", "dangling target"):
        keys = ["actors"] if kind == "dangling actor" else ["targets"]
        if kind == "dangling target" and version == 2:
            keys += ["addressees", "agents", "implied_targets"]
        for i, clause in clauses:
            for key in keys:
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
        if version == 1:
            found = [
                _set(kind, n.path, fresh, "rule.reference")
                for n in nodes(data, JointStatement)
                if n.path[-1] == "source" and n.value is not None
            ]
            found.append(_set(kind, ("meeting", "source"), fresh, "rule.reference"))
        else:
            found = [
                _set(kind, n.path, fresh, "rule.reference")
                for n in nodes(data, JointStatement2)
                if len(n.path) > 1
                and n.path[-2] in ("sources", "issued_sources")
                and n.kind == "slug"
            ]
            found += [
                Mutation(
                    kind,
                    (((key, i, "sources"), [fresh]),),
                    (key, i, "sources", 0),
                    "rule.reference",
                )
                for key in ("parties", "participants", "meetings", "entities")
                for i, _ in enumerate(data.get(key) or ())
            ]
    elif kind == "dangling organization":
        for i, participant in enumerate(data["participants"]):
            edits: list[tuple[NodePath, Any]] = [(("participants", i, "organization"), fresh)]
            if "country" in participant:
                edits.append((("participants", i, "country"), _DROP))
            found.append(
                Mutation(kind, tuple(edits), ("participants", i, "organization"), "rule.reference")
            )
    elif kind in (*_REFERENCES_2, "dangling relation", "dangling entity"):
        found = _dangling_2(data, fresh, kind)
    elif kind == "dangling paragraph":
        whole = {"number": 1, "span": body, "verification": "identical"}
        numbers = [p["number"] for p in paragraphs] or [1]
        for i, _ in clauses:
            edits = [(("clauses", i, "paragraph"), max(numbers) + 1)]
            if not paragraphs:
                edits.append((at_paragraphs, [whole]))
            found.append(
                Mutation(kind, tuple(edits), ("clauses", i, "paragraph"), "rule.reference")
            )
    elif kind == "duplicate id":
        lists: list[tuple[NodePath, str]] = [
            (("participants",), "id"),
            (("entities",), "id"),
            (("clauses",), "id"),
            (("sources",), "id"),
            (at_paragraphs, "number"),
        ]
        if version == 2:
            lists += [(("parties",), "id"), (("meetings",), "id"), (("body", "sections"), "id")]
        for at, name in lists:
            for i, item in enumerate(_lookup_or(data, at, [])):
                if item.get("role") == "statement_text" or item.get("relation") == "recorded":
                    continue  # a second statement text or recorded meeting: other rules' business
                found.append(
                    Mutation(
                        kind,
                        (),
                        (*at, i + 1, name),
                        "rule.duplicate_id",
                        inserts=(((*at, i + 1), item),),
                    )
                )
        if version == 2:  # parties, participants, entities and meetings share their ids
            entities = data.get("entities") or []
            clash = {"id": data["parties"][0]["id"], "name": "a clash", "kind": "other"}
            found.append(
                Mutation(
                    kind,
                    ((("entities",), [*entities, clash]),),
                    ("entities", len(entities), "id"),
                    "rule.duplicate_id",
                )
            )
    elif kind == "shifted span":
        for i, clause in clauses:
            start, end = clause["span"]["start"], clause["span"]["end"]
            outer = body
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
                path,
                {"start": _lookup(data, path)["start"], "end": len(source) + 1},
                "rule.span",
            )
            for path in _spans(data, version)
        ]
    elif kind == "reversed span":
        # not the body's or a paragraph's: the spans inside them would leave them too
        for path in _spans(data, version):
            span = _lookup(data, path)
            if path[0] not in ("body", "paragraphs") and span["start"] != span["end"]:
                reversed_ = {"start": span["end"], "end": span["start"]}
                found.append(_set(kind, path, reversed_, "rule.span"))
    elif kind == "span outside its paragraph":
        number = max([p["number"] for p in paragraphs], default=0) + 1
        empty = {
            "number": number,
            "span": {"start": body["start"], "end": body["start"]},
            "verification": "unverified",
        }
        for i, clause in clauses:
            outside: Edits = (
                (at_paragraphs, [*paragraphs, empty]),
                (("clauses", i, "paragraph"), number),
            )
            if "condition" in clause:  # its span would leave the paragraph too
                outside += ((("clauses", i, "condition"), _DROP),)
            found.append(Mutation(kind, outside, ("clauses", i, "span"), "rule.span"))
    elif kind == "clause outside the body":
        before, after = (0, body["start"]), (body["end"], len(source))
        for i, _ in clauses:
            for start, end in (before, after):
                if start < end:
                    moved: Edits = (
                        (("clauses", i, "span"), {"start": start, "end": end}),
                        (("clauses", i, "text"), source[start:end]),
                    )
                    found.append(Mutation(kind, moved, ("clauses", i, "span"), "rule.span"))
    elif kind == "edited quote":
        for i, clause in clauses:
            quotes: list[NodePath] = [("text",)]
            if (clause.get("condition") or {}).get("span"):
                quotes.append(("condition", "text"))
            for quoted in quotes:
                quote = _lookup(clause, quoted)
                edited = quote[:-1] + ("x" if quote[-1] != "x" else "y")
                found.append(_set(kind, ("clauses", i, *quoted), edited, "rule.span_text"))
    elif kind == "meeting ends before it starts":
        found = [
            _set(kind, (*path, "end"), _day(meeting["start"], -1), "rule.date_order")
            for path, meeting in _meetings(data)
            if meeting.get("start")
        ]
    elif kind == "issued before the meeting":
        found = [
            _set(kind, ("issued",), _day(meeting["start"], -d), "rule.date_order")
            for _, meeting in _recorded(data)
            if meeting.get("start")
            for d in (1, 400)
        ]
    elif kind == "ends before it starts on the day":
        for path, meeting in _meetings(data):
            if meeting.get("start"):
                inverted: Edits = (
                    ((*path, "end"), meeting["start"]),
                    ((*path, "start_time"), "10:00"),
                    ((*path, "end_time"), "09:59"),
                )
                found.append(Mutation(kind, inverted, (*path, "end_time"), "rule.date_order"))
    elif kind == "two recorded meetings":
        meetings = data.get("meetings") or []
        recorded = [i for i, m in enumerate(meetings) if m["relation"] == "recorded"]
        for i in recorded:
            copy_ = {**meetings[i], "id": fresh}
            at = ("meetings", len(meetings), "relation")
            found.append(
                Mutation(kind, ((("meetings",), [*meetings, copy_]),), at, "rule.recorded_meeting")
            )
        # not one that starts after the statement: issued before it is another rule's business
        others = [
            k
            for k, m in enumerate(meetings)
            if k not in recorded and (m.get("start") or data["issued"]) <= data["issued"]
        ]
        for k in others:
            partners = recorded or [other for other in others if other != k]
            for j in partners[:1]:  # the one recorded, or another that can be
                both: Edits = (
                    (("meetings", k, "relation"), "recorded"),
                    (("meetings", j, "relation"), "recorded"),
                )
                at = ("meetings", max(j, k), "relation")  # reported at the second
                found.append(Mutation(kind, both, at, "rule.recorded_meeting"))
    elif kind == "parent cycle":
        found = [
            _set(kind, ("clauses", i, "parent"), clause["id"], "rule.parent_cycle")
            for i, clause in clauses
        ]
    elif kind == "statement text changed":
        digest = data["sources"][text]["sha256"]
        other = ("1" if digest[0] == "0" else "0") + digest[1:]
        found = [_set(kind, ("sources", text, "sha256"), other, "rule.sha256")]
    elif kind == "not one statement text":
        second = {**data["sources"][text], "id": fresh}
        to_reference: Edits = ((("sources", text, "role"), "reference"),)
        if version == 2:  # an outside source has no file
            to_reference += (
                (("sources", text, "path"), _DROP),
                (("sources", text, "sha256"), _DROP),
            )
        found = [
            Mutation(kind, to_reference, ("sources",), "rule.statement_text"),
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
        for at, location in _locations(data):
            for j, place in enumerate(location.get("places", ())):
                path = (*at, "places", j, "subdivision")
                codes = ["ZZ-ZZZ"]
                if place.get("country"):
                    codes.append("US-DC" if place["country"] != "US" else "FR-67")
                found += [_set(kind, path, code, "rule.subdivision") for code in codes]
        place = {"country": "DE", "subdivision": "FR-67"}
        if version == 1:
            place["source"] = data["sources"][text]["id"]
        at = ("meeting", "location") if version == 1 else ("issued_at",)
        found.append(
            Mutation(
                kind,
                ((at, {"places": [place]}),),
                (*at, "places", 0, "subdivision"),
                "rule.subdivision",
            )
        )
    elif kind == "unregistered language":
        found = [
            _set(kind, n.path, "qq", "rule.language_tag")
            for n in nodes(data, MODELS[version])
            if n.kind == "language" and n.value
        ]
    elif kind == "unknown time zone":
        paths = [(*p, "time_zone") for p, _ in _meetings(data)]
        if version == 2:
            paths.append(("issued_time_zone",))
        found = [_set(kind, path, "Mars/Olympus", "rule.time_zone") for path in paths]
    else:
        raise AssertionError(kind)
    return found


def _lookup_or(data: Any, path: NodePath, default: Any) -> Any:
    try:
        return _lookup(data, path)
    except (KeyError, IndexError):
        return default


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
RULE_KINDS_2 = [
    *_REFERENCES_2,
    "dangling relation",
    "dangling entity",
    "two recorded meetings",
    "parent cycle",
    "clause outside the body",
]
# Each kind, with the versions it means something in.
ONLY_1 = {VALIDATOR_KEY, "dangling organization"}
STRUCTURAL_CASES = [(v, k) for k in STRUCTURAL_KINDS for v in VERSIONS if v == 1 or k not in ONLY_1]
RULE_CASES = [(v, k) for k in RULE_KINDS for v in VERSIONS if v == 1 or k not in ONLY_1]
RULE_CASES += [(2, k) for k in RULE_KINDS_2]


@dataclass(frozen=True)
class Case:
    """A statement, one mutation of it, and the mutated data written as YAML."""

    generated: Any  # a Generated or Generated2: the statement and its text
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
def cases(draw: st.DrawFn, version: int, kind: str) -> Case:
    """A generated statement of schema ``version`` with one mutation of ``kind``, written in
    a random YAML style."""
    generated = draw(STATEMENTS[version])
    data = generated.statement.model_dump(mode="json", exclude_defaults=draw(st.booleans()))
    if kind in STRUCTURAL_KINDS:
        found = structural_mutations(data, kind, version)
    else:
        found = rule_mutations(data, generated.source_text, kind, version)
    assume(found)
    mutation = draw(st.sampled_from(found))
    return Case(generated, mutation, draw(yaml_texts(mutation.apply(data))))


# --- the properties -------------------------------------------------------------------------


def _ids(cases: list[tuple[int, str]]) -> list[str]:
    return [f"v{version}-{kind}" for version, kind in cases]


@pytest.mark.parametrize(("version", "kind"), STRUCTURAL_CASES, ids=_ids(STRUCTURAL_CASES))
@PER_KIND
@given(data=st.data())
def test_structural_mutations_are_rejected_by_both_the_models_and_the_schema(
    version: int, kind: str, data: st.DataObject
) -> None:
    """A missing key, wrong type, unknown key, value outside a vocabulary, malformed
    date, slug, country or code, or a value out of range: the models (through the YAML
    file) and the published schema both reject it, never only one of them."""
    case = data.draw(cases(version, kind))
    findings = case.findings()
    assert findings, "the models accept it"
    assert {f.code.split(".")[0] for f in findings} == {"schema"}, findings
    assert not VALIDATORS[version].is_valid(case.styled.data), "the schema accepts it"
    if case.mutation.code is not None:
        assert case.mutation.code in [f.code for f in findings], findings


@pytest.mark.parametrize(("version", "kind"), RULE_CASES, ids=_ids(RULE_CASES))
@PER_KIND
@given(data=st.data())
def test_rule_mutations_yield_exactly_the_expected_rule_code(
    version: int, kind: str, data: st.DataObject
) -> None:
    """A dangling actor, target, source, organization or paragraph, a duplicate id, a
    shifted, reversed or out-of-bounds span, an edited quote, inverted dates, a changed
    or missing text file, a bad subdivision, language or time zone; in version 2 also a
    reference to an undeclared party, participant, member, meeting, parent, related
    clause or cited entity, a second recorded meeting, a clause that is its own parent,
    a clause outside the body: exactly one finding, of the rule's code. The schema
    still accepts the statement: rules are beyond it."""
    case = data.draw(cases(version, kind))
    assert [f.code for f in case.findings()] == [case.mutation.code]
    assert schema_accepts_mutated(version, case.styled.data, case.mutation)


@pytest.mark.parametrize(
    ("version", "kind"),
    STRUCTURAL_CASES + RULE_CASES,
    ids=_ids(STRUCTURAL_CASES + RULE_CASES),
)
@PER_KIND
@given(data=st.data())
def test_every_finding_points_at_the_mutated_node_as_written(
    version: int, kind: str, data: st.DataObject
) -> None:
    """Whatever the YAML style, the one finding a mutation gives has the line and column
    of the node as written (for a missing key, its mapping; for an unknown key, the key;
    for a quote that no longer matches, the clause's text) and its JSON Pointer."""
    case = data.draw(cases(version, kind))
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


BY_VERSION = pytest.mark.parametrize("version", VERSIONS, ids=[f"v{v}" for v in VERSIONS])


@BY_VERSION
@given(data=st.data())
def test_models_and_schema_agree_on_any_value_at_any_node(
    version: int, data: st.DataObject
) -> None:
    """Put any JSON value, or one close to the valid one, at any node: the models (through
    the YAML file) accept the document exactly when the published schema does."""
    generated = data.draw(STATEMENTS[version])
    base = generated.statement.model_dump(mode="json", exclude_defaults=data.draw(st.booleans()))
    every = list(nodes(base, MODELS[version]))
    # Codes with a pattern are where engines differ: half the time, one of those.
    patterned = [n for n in every if n.kind in PATTERNED and isinstance(n.value, str)]
    node = data.draw(st.sampled_from(every) | st.sampled_from(patterned))
    value = data.draw(near(node.value))
    styled = data.draw(yaml_texts(_set("any value", node.path, value).apply(base)))
    findings = check_bytes(styled.text.encode("utf-8"), None).findings
    assert not [f for f in findings if f.code.startswith("yaml.")], findings
    models_accept = not [f for f in findings if f.code.startswith("schema.")]
    assert models_accept == VALIDATORS[version].is_valid(styled.data), (node.path, value, findings)


REAFFIRMATION = "    type: reaffirmation\n"
V1_EXAMPLE = "bilateral-leaders/statement.yaml"
V2_EXAMPLE = "v2/reciprocal-items/statement.yaml"


@pytest.mark.parametrize(
    ("version", "example", "old", "new"),
    [
        (1, V1_EXAMPLE, "schema_version: 1\n", "schema_version: true\n"),
        (1, V1_EXAMPLE, REAFFIRMATION, REAFFIRMATION + "    reaffirmed: 1\n"),
        (1, V1_EXAMPLE, REAFFIRMATION, REAFFIRMATION + "    reaffirmed: 1.0\n"),
        (2, V2_EXAMPLE, "schema_version: 2\n", "schema_version: true\n"),
        (2, V2_EXAMPLE, "schema_version: 2\n", "schema_version: 2.0\n"),
    ],
    ids=[
        "v1-version-true",
        "v1-reaffirmed-1",
        "v1-reaffirmed-1.0",
        "v2-version-true",
        "v2-version-2.0",
    ],
)
def test_literals_refuse_look_alike_values_as_the_schema_does(
    version: int, example: str, old: str, new: str
) -> None:
    """Found by test_models_and_schema_agree_on_any_value_at_any_node (schema_version: true).

    The schema says ``const: 1`` (an integer) and ``const: true`` (a boolean); the
    models' ``Literal[1]`` and ``Literal[True]`` compare with ``==``, and in Python
    ``True == 1 == 1.0``.
    """
    text = (Path(__file__).parent / "examples" / example).read_text(encoding="utf-8")
    assert old in text
    edited = text.replace(old, new).encode("utf-8")
    models_accept = not check_bytes(edited, None).findings
    assert models_accept == VALIDATORS[version].is_valid(parse_yaml(edited).data)


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


def _models_accept(version: int, data: dict[str, Any]) -> bool:
    try:
        MODELS[version].model_validate(data)
    except ValidationError:
        return False
    return True


CLAUSE_NAMES = {cls.__name__ for cls in (*CLAUSE_CLASSES.values(), *CLAUSE_CLASSES_2.values())}


@cache
def _scoped_validator(version: int, owner: str, key: str) -> Draft202012Validator:
    """The schema of the mapping of model ``owner`` (for the root: its field ``key`` alone;
    for a clause's ``type``: every clause type's branch)."""
    schema = SCHEMAS[version]
    scoped: dict[str, Any]
    if owner == MODELS[version].__name__:
        scoped = {"properties": {key: schema["properties"][key]}}
    elif owner in CLAUSE_NAMES and key == "type":
        scoped = schema["properties"]["clauses"]["items"]  # its type picks the branch
    else:
        scoped = {"$ref": f"#/$defs/{owner}"}
    return Draft202012Validator(
        {**scoped, "$defs": schema["$defs"]}, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def _schema_accepts(
    version: int, data: dict[str, Any], path: NodePath, owner: type[BaseModel]
) -> bool:
    """The schema's verdict on ``data``, which differs from a valid document at ``path`` only
    (a node of a mapping of model ``owner``).

    All else being valid, the document is valid exactly when the mapping holding the
    node is: checking only that mapping is many times faster than the whole document.
    """
    at = max(i for i, part in enumerate(path) if isinstance(part, str))
    key, holder = str(path[at]), path[:at]
    if not holder:
        root = MODELS[version].__name__
        return bool(_scoped_validator(version, root, key).is_valid({key: data.get(key)}))
    # a clause's own branch, unless its type changed: checking each branch costs 27 times more
    scope = key if key == "type" else ""
    holding = _lookup(data, holder)
    return bool(_scoped_validator(version, owner.__name__, scope).is_valid(holding))


def schema_accepts_mutated(version: int, data: dict[str, Any], mutation: Mutation) -> bool:
    """The schema's verdict on ``data``, a valid document after ``mutation``: that of each
    mapping the mutation changed (see :func:`_schema_accepts`)."""
    models: dict[NodePath, type[BaseModel]] = {(): MODELS[version]}
    models.update({n.path: n.model for n in nodes(data, MODELS[version]) if n.model})
    for path, _ in (*mutation.edits, *mutation.inserts):
        holder = path[: max(i for i, part in enumerate(path) if isinstance(part, str))]
        if not _schema_accepts(version, data, path, models[holder]):
            return False
    return True


@BY_VERSION
@settings(max_examples=max(2, BUDGET // 20))
@given(data=st.data())
def test_models_and_schema_agree_on_look_alike_values_in_every_field(
    version: int, data: st.DataObject
) -> None:
    """In every field of a statement, each of a set of look-alike values (true for 1, 1.0
    for 1, "1" for 1, a code with a line break or space at either end, upper case, one
    character short, empty, null, wrapped in a list): the models accept it exactly when
    the published schema does."""
    generated = data.draw(STATEMENTS[version])
    base = generated.statement.model_dump(mode="json", exclude_defaults=data.draw(st.booleans()))
    seen: set[NodePath] = set()
    disagreements = []
    for node in nodes(base, MODELS[version]):
        if _field(node.path) in seen:
            continue
        seen.add(_field(node.path))
        parent = _lookup(base, node.path[:-1])
        for value in look_alikes(node.value):
            parent[node.path[-1]] = value  # in place, and put back: copies cost too much
            accepted = _models_accept(version, base)
            if accepted != _schema_accepts(version, base, node.path, node.owner):
                disagreements.append((node.path, value, accepted))
        parent[node.path[-1]] = node.value
    assert disagreements == []
