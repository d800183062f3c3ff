"""The published JSON Schemas, one per version: generated from the models, committed, portable,
and in agreement with the models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from pydantic import BaseModel, ValidationError

from jointstmt import json_schema
from jointstmt.loader import parse_yaml
from jointstmt.model import CLAUSE_CLASSES, ClauseBase
from jointstmt.model.v2 import ClauseBase as ClauseBase2
from jointstmt.model.v2.clauses import CLAUSE_CLASSES as CLAUSE_CLASSES_2
from jointstmt.model.vocabulary import (
    CLAUSE_TYPES,
    CLAUSE_TYPES_2,
    VOCABULARIES,
    VOCABULARIES_2,
    Vocabulary,
)
from jointstmt.schema_export import render, schema_id
from jointstmt.strategies import statements_v2
from jointstmt.validation import check_bytes
from jointstmt.versions import VERSIONS

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
EXAMPLES = sorted((ROOT / "tests" / "examples").glob("**/statement.yaml"))
V1_EXAMPLES = [p for p in EXAMPLES if parse_yaml(p.read_bytes()).data["schema_version"] == 1]

# What each version publishes: its clause classes (the union's branches, in order), the base
# they share, and its vocabularies. A new version that is missing here fails the tests.
CLAUSES: dict[int, tuple[dict[str, type[BaseModel]], Vocabulary, type[BaseModel]]] = {
    1: (dict(CLAUSE_CLASSES), CLAUSE_TYPES, ClauseBase),
    2: (dict(CLAUSE_CLASSES_2), CLAUSE_TYPES_2, ClauseBase2),
}
VOCABULARIES_OF = {1: VOCABULARIES, 2: VOCABULARIES_2}
# each published once, as $defs/<name>; clause types are the clause branches' `type` constants,
# and version 2's source roles are the source branches' `role` values
PUBLISHED_VOCABULARIES = {
    1: [
        "document_type", "entity_kind", "meeting_format", "meeting_level", "meeting_mode",
        "rank", "source_role", "topic", "verification",
    ],
    2: [
        "citation_relation", "clause_relation", "date_role", "document_type", "entity_kind",
        "legal_character", "meeting_format", "meeting_level", "meeting_mode", "meeting_relation",
        "modality", "part", "participant_kind", "participant_role", "party_kind", "party_role",
        "quantity_kind", "quantity_qualifier", "rank", "topic", "verification",
    ],
}  # fmt: skip

# Draft 2020-12 keywords (core, applicator, validation, format-annotation, meta-data).
KEYWORDS = {
    "$schema", "$id", "$ref", "$defs", "$comment", "title", "description", "default",
    "type", "properties", "required", "additionalProperties", "items", "prefixItems",
    "enum", "const", "oneOf", "anyOf", "allOf", "not", "if", "then", "else",
    "minLength", "maxLength", "pattern", "minimum", "maximum", "minItems", "maxItems",
    "uniqueItems", "format", "examples",
}  # fmt: skip

versions = pytest.mark.parametrize("version", list(VERSIONS))


def _validator(version: int) -> Draft202012Validator:
    return Draft202012Validator(
        json_schema(version), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


VALIDATORS = {version: _validator(version) for version in VERSIONS}


def _schemas(node: Any, conditions: bool = True) -> list[dict[str, Any]]:
    """Every subschema (``conditions=False``: not those under ``if``, which only test)."""
    if not isinstance(node, dict):
        return []
    found = [node]
    for key, value in node.items():
        if key in ("properties", "$defs"):
            for sub in value.values():
                found += _schemas(sub, conditions)
        elif key in ("items", "not", "then", "else", "additionalProperties") or (
            key == "if" and conditions
        ):
            found += _schemas(value, conditions)
        elif key in ("oneOf", "anyOf", "allOf", "prefixItems"):
            for sub in value:
                found += _schemas(sub, conditions)
    return found


def _resolved(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """``node``, or the definition it refers to when it is a bare ``$ref``."""
    if set(node) == {"$ref"}:
        return dict(schema["$defs"][node["$ref"].removeprefix("#/$defs/")])
    return node


def test_every_version_in_the_registry_has_its_schema_file_and_no_other() -> None:
    published = sorted(p.name for p in SCHEMAS.glob("*.json"))
    assert published == sorted(v.schema_file for v in VERSIONS.values())


@versions
def test_committed_schema_is_what_the_models_generate(version: int) -> None:
    """Drift between models and schemas/ fails here: run `jointstmt schema --version N --output ...`."""
    committed = SCHEMAS / VERSIONS[version].schema_file
    assert committed.read_text(encoding="utf-8") == render(version)


@versions
def test_schema_is_valid_draft_2020_12_with_a_stable_id(version: int) -> None:
    schema = json_schema(version)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == schema_id(version)
    assert schema["$id"].endswith("/" + VERSIONS[version].schema_file)


@versions
def test_schema_uses_only_standard_keywords(version: int) -> None:
    """No `discriminator`, no pydantic leftovers (`ge`), no `x-*`: strict validators reject them."""
    used = {key for sub in _schemas(json_schema(version)) for key in sub}
    assert used <= KEYWORDS, used - KEYWORDS


@versions
def test_every_property_is_described(version: int) -> None:
    """Every model's properties, directly or by the one definition a shared field refers to
    (conditions that only restate a property are exempt)."""
    schema = json_schema(version)
    for sub in _schemas(schema, conditions=False):
        if "additionalProperties" not in sub:
            continue
        for name, prop in sub.get("properties", {}).items():
            assert _resolved(schema, prop).get("description"), f"{name} has no description"


@versions
def test_every_vocabulary_value_is_described(version: int) -> None:
    for sub in _schemas(json_schema(version)):
        for choice in sub.get("oneOf", []):
            if "const" in choice:
                assert choice.get("description"), f"value {choice['const']} has no description"


@versions
def test_every_value_of_every_vocabulary_reaches_the_schema_with_its_definition(
    version: int,
) -> None:
    """Each value of each of the version's vocabularies is a ``const`` described by its
    term, wherever the schema puts it (a vocabulary, a clause branch, a source branch)."""
    described = {
        (sub["const"], sub.get("description"))
        for sub in _schemas(json_schema(version))
        if "const" in sub
    }
    for vocab in VOCABULARIES_OF[version]:
        missing = {(t.value, t.describe()) for t in vocab} - described
        assert not missing, f"{vocab.name}: {missing}"


@versions
def test_every_vocabulary_a_field_uses_is_published_once_with_its_definitions(
    version: int,
) -> None:
    defs = json_schema(version)["$defs"]
    published = [vocab for vocab in VOCABULARIES_OF[version] if vocab.name in defs]
    assert sorted(v.name for v in published) == PUBLISHED_VOCABULARIES[version]
    for vocab in published:
        choices = {c["const"]: c["description"] for c in defs[vocab.name]["oneOf"]}
        assert choices == {t.value: t.describe() for t in vocab}


@versions
def test_clause_types_and_classes_correspond_one_to_one(version: int) -> None:
    """A clause type in the vocabulary without a class (or the reverse) fails here."""
    classes, types, _ = CLAUSES[version]
    assert list(classes) == list(types.values)


@versions
def test_clause_union_is_oneof_of_const_typed_branches(version: int) -> None:
    schema = json_schema(version)
    branches = schema["properties"]["clauses"]["items"]["oneOf"]
    consts = [
        schema["$defs"][b["$ref"].split("/")[-1]]["properties"]["type"]["const"] for b in branches
    ]
    assert consts == list(CLAUSES[version][1].values)


@versions
def test_fields_every_clause_shares_are_published_once(version: int) -> None:
    """A field declared on the clauses' base class is one definition that every clause type's
    property refers to: the schema does not repeat it per type."""
    schema = json_schema(version)
    classes, _, base = CLAUSES[version]
    shared = [name for name in base.model_fields if name != "type"]
    for cls in classes.values():
        properties = schema["$defs"][cls.__name__]["properties"]
        inherited = [name for name in shared if name not in vars(cls)["__annotations__"]]
        assert inherited, cls
        for name in inherited:
            assert properties[name] == {"$ref": f"#/$defs/ClauseBase-{name}"}, (cls, name)
    assert "reaffirmed" in vars(classes["reaffirmation"])["__annotations__"]
    assert "const" in schema["$defs"]["Reaffirmation"]["properties"]["reaffirmed"]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_schema_of_its_version_accepts_each_valid_example(path: Path) -> None:
    data = parse_yaml(path.read_bytes()).data
    VERSIONS[data["schema_version"]].model().model_validate(data)
    assert list(VALIDATORS[data["schema_version"]].iter_errors(data)) == []


STRUCTURAL_ERRORS = [
    ("title: Joint", "title: 12\nx_title: Joint"),
    ("rank: head_of_state", "rank: king"),
    ("id: us-norway-2025-03-12", "id: Us_Norway"),
    ("issued: 2025-03-12", "issued: 2025-02-30"),
    ("issued: 2025-03-12", "issued: 2025-3-12"),
    ("schema_version: 1", "schema_version: 2"),
    ("schema_version: 1", 'schema_version: "1"'),
    ("    country: UA\n", "    country: XX\n"),
    ("    country: UA\n", "    country: ua\n"),
    ("    country: NO\n", "    country: NO\n    organization: eu\n"),
    ("    country: NO\n", "\n"),
    ("    country: NO\n", "    country: null\n"),
    ("    country: NO\n", "    country: null\n    organization: null\n"),
    (
        "    sha256: 26e7c524742eb133010df151a6066d61a88a1622d74036442c889bf9d874a817\n",
        "    sha256: null\n",
    ),
    ("  level: leaders\n", "  level: leaders\n  colour: red\n"),
    ("span: {start: 285, end: 357}", "span: {start: -1, end: 357}"),
    ("span: {start: 285, end: 357}", "span: {start: 285.5, end: 357}"),
    ("span: {start: 285, end: 357}", "span: {start: true, end: 357}"),
    ("type: condemnation", "type: denunciation"),
    ("    condemns: the attacks", "    condemn: the attacks"),
    ("topics: [partnership]", "topics: [friendship]"),
    ("topics: [partnership]", "reaffirmed: false"),
    ("actors: [us]", "actors: []"),
    ("role: statement_text", "role: statement_text\n    language: english"),
    ("    sha256: 26e7", "    sha: 26e7"),
    ("subdivision: US-DC", "subdivision: us-dc"),
]
BILATERAL = ROOT / "tests" / "examples" / "bilateral-leaders" / "statement.yaml"


@pytest.mark.parametrize(("old", "new"), STRUCTURAL_ERRORS)
def test_models_and_version_1_schema_reject_the_same_structural_errors(old: str, new: str) -> None:
    text = BILATERAL.read_text(encoding="utf-8")
    assert old in text
    data = parse_yaml(text.replace(old, new, 1).encode()).data
    schema_errors = list(VALIDATORS[1].iter_errors(data))
    outcome = check_bytes(text.replace(old, new, 1).encode(), None)
    model_codes = {f.code.split(".")[0] for f in outcome.findings}
    assert schema_errors, "the schema accepts it"
    assert model_codes == {"schema"}, outcome.findings


def test_models_and_schema_accept_explicit_nulls_for_optional_keys() -> None:
    """``key: null`` means the key is absent, for the models and the schema alike."""
    text = BILATERAL.read_text(encoding="utf-8")
    edited = text.replace(
        "    country: NO\n", "    country: NO\n    organization: null\n    person: null\n"
    )
    data = parse_yaml(edited.encode()).data
    assert list(VALIDATORS[1].iter_errors(data)) == []
    assert check_bytes(edited.encode(), None).findings == []


# --- version 2, generated ----------------------------------------------------------------


@given(statements_v2(), st.booleans())
def test_version_2_schema_accepts_every_generated_version_2_statement(
    generated: Any, exclude_defaults: bool
) -> None:
    """Whatever the version-2 strategy draws (valid by construction, rules included), the
    published schema accepts as written, with or without its default values."""
    data = generated.statement.model_dump(mode="json", exclude_defaults=exclude_defaults)
    assert list(VALIDATORS[2].iter_errors(data)) == []


_OTHER_TYPE: dict[type, Any] = {str: 0, int: "1", float: "1.5", bool: 1, list: "x", dict: ["x"]}


def _nodes(node: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """The path of every value below ``node``."""
    items = node.items() if isinstance(node, dict) else enumerate(node)
    found = []
    for key, value in items:
        found.append((*path, key))
        if isinstance(value, dict | list) and value:
            found += _nodes(value, (*path, key))
    return found


def _mutated(data: dict[str, Any], path: tuple[str | int, ...], change: str) -> dict[str, Any]:
    """A copy of ``data`` with the value at ``path`` changed: ``type`` (a value of another
    JSON type), ``unknown`` (an unknown key beside it), ``delete`` or ``word`` (a string
    no vocabulary or pattern has)."""
    copy: dict[str, Any] = json.loads(json.dumps(data))
    holder: Any = copy
    for part in path[:-1]:
        holder = holder[part]
    key = path[-1]
    if change == "type":
        holder[key] = _OTHER_TYPE[type(holder[key])]
    elif change == "unknown":
        holder["colour"] = "red"
    elif change == "delete":
        del holder[key]
    else:
        holder[key] = "Not A Value"
    return copy


def _models_accept(data: dict[str, Any]) -> bool:
    try:
        VERSIONS[2].model().model_validate(data)
    except ValidationError:
        return False
    return True


@settings(max_examples=40)
@given(statements_v2(), st.data())
def test_version_2_schema_and_models_agree_on_generated_mutations(
    generated: Any, data: st.DataObject
) -> None:
    """One value of a generated statement changed (another JSON type, an unknown key beside
    it, removed, replaced by a word no vocabulary has): the schema rejects exactly when the
    models do; another type and an unknown key always make it invalid."""
    valid = generated.statement.model_dump(mode="json", exclude_defaults=True)
    change = data.draw(st.sampled_from(["type", "unknown", "delete", "word"]), label="change")
    paths = [
        path
        for path in _nodes(valid)
        if (change == "type" and _value(valid, path) is not None)
        or (change in ("unknown", "delete") and isinstance(path[-1], str))
        or change == "word"
    ]
    path = data.draw(st.sampled_from(paths), label="path")
    mutated = _mutated(valid, path, change)
    models = _models_accept(mutated)
    assert VALIDATORS[2].is_valid(mutated) == models, (path, change)
    if change in ("type", "unknown"):
        assert not models, (path, change)


def _value(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def test_version_2_schema_rejects_a_version_1_statement_as_the_models_do() -> None:
    data = parse_yaml(BILATERAL.read_bytes()).data
    assert not _models_accept(data)
    assert not VALIDATORS[2].is_valid(data)
