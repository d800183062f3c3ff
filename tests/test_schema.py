"""The published JSON Schema: generated from the models, committed, portable, and in agreement."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from jointstmt import json_schema
from jointstmt.loader import parse_yaml
from jointstmt.model import CLAUSE_CLASSES, JointStatement
from jointstmt.model.vocabulary import CLAUSE_TYPES, VOCABULARIES
from jointstmt.schema_export import render, schema_id
from jointstmt.validation import check_bytes
from jointstmt.versions import VERSIONS

ROOT = Path(__file__).resolve().parent.parent
FILE_NAME = VERSIONS[1].schema_file
COMMITTED = ROOT / "schemas" / FILE_NAME
EXAMPLES = sorted((ROOT / "tests" / "examples").glob("*/statement.yaml"))

# Draft 2020-12 keywords (core, applicator, validation, format-annotation, meta-data).
KEYWORDS = {
    "$schema", "$id", "$ref", "$defs", "$comment", "title", "description", "default",
    "type", "properties", "required", "additionalProperties", "items", "prefixItems",
    "enum", "const", "oneOf", "anyOf", "allOf", "not", "if", "then", "else",
    "minLength", "maxLength", "pattern", "minimum", "maximum", "minItems", "maxItems",
    "uniqueItems", "format", "examples",
}  # fmt: skip


def _validator() -> Draft202012Validator:
    return Draft202012Validator(json_schema(1), format_checker=Draft202012Validator.FORMAT_CHECKER)


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


def test_committed_schema_is_what_the_models_generate() -> None:
    """Drift between models and schemas/ fails here: run `jointstmt schema --output ...`."""
    assert COMMITTED.read_text(encoding="utf-8") == render(1)


def test_schema_is_valid_draft_2020_12_with_a_stable_id() -> None:
    schema = json_schema(1)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == schema_id(1)
    assert schema["$id"].endswith("/" + FILE_NAME)


def test_schema_uses_only_standard_keywords() -> None:
    """No `discriminator`, no pydantic leftovers (`ge`), no `x-*`: strict validators reject them."""
    used = {key for sub in _schemas(json_schema(1)) for key in sub}
    assert used <= KEYWORDS, used - KEYWORDS


def test_every_property_and_vocabulary_value_is_described() -> None:
    """Every model's properties (conditions that only restate a property are exempt)."""
    for sub in _schemas(json_schema(1), conditions=False):
        if "additionalProperties" not in sub:
            continue
        for name, prop in sub.get("properties", {}).items():
            assert prop.get("description"), f"property {name} has no description"


def test_every_vocabulary_value_is_described() -> None:
    for sub in _schemas(json_schema(1)):
        for choice in sub.get("oneOf", []):
            if "const" in choice:
                assert choice.get("description"), f"value {choice['const']} has no description"


def test_every_vocabulary_is_published_with_its_definitions() -> None:
    """Each vocabulary a field uses is one definition, with every value described; the
    clause types are the clause branches' ``type`` constants instead."""
    defs = json_schema(1)["$defs"]
    published = [vocab for vocab in VOCABULARIES if vocab.name in defs]
    assert sorted(v.name for v in published) == [
        "document_type",
        "entity_kind",
        "meeting_format",
        "meeting_level",
        "meeting_mode",
        "rank",
        "source_role",
        "topic",
        "verification",
    ]
    for vocab in published:
        choices = {c["const"]: c["description"] for c in defs[vocab.name]["oneOf"]}
        assert choices == {t.value: t.describe() for t in vocab}


def test_clause_types_and_classes_correspond_one_to_one() -> None:
    """A clause type in the vocabulary without a class (or the reverse) fails here."""
    assert list(CLAUSE_CLASSES) == list(CLAUSE_TYPES.values)


def test_clause_union_is_oneof_of_const_typed_branches() -> None:
    schema = json_schema(1)
    branches = schema["properties"]["clauses"]["items"]["oneOf"]
    consts = [
        schema["$defs"][b["$ref"].split("/")[-1]]["properties"]["type"]["const"] for b in branches
    ]
    assert consts == list(CLAUSE_TYPES.values)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_schema_accepts_the_valid_examples(path: Path) -> None:
    data = parse_yaml(path.read_bytes()).data
    JointStatement.model_validate(data)
    assert list(_validator().iter_errors(json.loads(json.dumps(data)))) == []


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


@pytest.mark.parametrize(("old", "new"), STRUCTURAL_ERRORS)
def test_models_and_schema_reject_the_same_structural_errors(old: str, new: str) -> None:
    text = EXAMPLES[0].read_text(encoding="utf-8")
    assert old in text
    data = parse_yaml(text.replace(old, new, 1).encode()).data
    schema_errors = list(_validator().iter_errors(json.loads(json.dumps(data))))
    outcome = check_bytes(text.replace(old, new, 1).encode(), None)
    model_codes = {f.code.split(".")[0] for f in outcome.findings}
    assert schema_errors, "the schema accepts it"
    assert model_codes == {"schema"}, outcome.findings


def test_models_and_schema_accept_explicit_nulls_for_optional_keys() -> None:
    """``key: null`` means the key is absent, for the models and the schema alike."""
    text = EXAMPLES[0].read_text(encoding="utf-8")
    edited = text.replace(
        "    country: NO\n", "    country: NO\n    organization: null\n    person: null\n"
    )
    data = parse_yaml(edited.encode()).data
    assert list(_validator().iter_errors(data)) == []
    assert check_bytes(edited.encode(), None).findings == []
