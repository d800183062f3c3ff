"""The published JSON Schema, generated from the models (never written by hand).

``schemas/joint-statement-N.schema.json`` is the output of :func:`render` for
version N (:mod:`jointstmt.versions`); ``jointstmt schema --version N --check``
and a test fail when a committed file drifts.
The generator publishes the *validation-mode* schema (what a file may say,
defaults optional) and makes it portable to strict validators: pydantic's
``discriminator`` keyword is dropped (the clause union stays a ``oneOf`` whose
branches each fix ``type`` with a ``const``), auto-generated ``title`` noise is
removed, and every
``pattern`` is guarded against a trailing line feed (see :data:`_NO_LINE_FEED`).
A field declared once, on a base class (every clause's ``actors``, ``span``,
...), is published once: ``$defs/ClauseBase-actors``, which each subclass's
property refers to, rather than a copy per clause type.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import CoreRef, GenerateJsonSchema, JsonSchemaMode, JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

from jointstmt.versions import LATEST, VERSIONS

BASE_URL = "https://jointstmt.org/schemas/"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_id(version: int) -> str:
    """The stable ``$id`` of a version's schema (ends in its file name)."""
    return BASE_URL + VERSIONS[version].schema_file


class _Generator(GenerateJsonSchema):
    version = LATEST

    def generate(self, schema: CoreSchema, mode: JsonSchemaMode = "validation") -> JsonSchemaValue:
        body = _portable(super().generate(schema, mode=mode))
        defs = body.pop("$defs", {})
        return {
            "$schema": DIALECT,
            "$id": schema_id(self.version),
            "title": "Joint diplomatic statement",
            **body,
            "$defs": dict(sorted(defs.items())),
        }

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        """A model's schema, its inherited fields referring to their base's one definition."""
        json_schema = super().model_schema(schema)
        properties = json_schema.get("properties", {})
        for name, base in _inherited_fields(schema["cls"]):
            defs_ref, reference = self.get_cache_defs_ref_schema(
                CoreRef(f"{base.__name__.lstrip('_')}-{name}")
            )
            self.definitions[defs_ref] = properties[name]
            properties[name] = reference
        return json_schema


def _inherited_fields(model: type[BaseModel]) -> list[tuple[str, type]]:
    """Each field ``model`` inherits unchanged (not re-declared), with the class declaring it."""
    inherited = []
    for name in model.model_fields:
        declaring = next(k for k in model.__mro__ if name in vars(k).get("__annotations__", {}))
        if declaring is not model:
            inherited.append((name, declaring))
    return inherited


# Patterns are anchored with `$`, which in ECMA-262 and in pydantic's Rust engine matches only
# at the end of the string, but in Python's `re` (python-jsonschema) also before a final line
# feed: "us-japan\n" would pass there. No portable syntax says "the very end" (`\Z` is Python's
# alone; lookarounds are outside the portable subset), so each pattern carries this guard. No
# pattern allows a line feed anywhere, so it changes nothing where `$` already means the end.
_NO_LINE_FEED: JsonSchemaValue = {"pattern": "\n"}


def _portable(node: Any) -> Any:
    """Drop keywords strict validators reject or that add nothing; refer to shared defs."""
    if isinstance(node, list):
        return [_portable(v) for v in node]
    if not isinstance(node, dict):
        return node
    portable: dict[str, Any] = {}
    for k, v in node.items():
        # pydantic's "title" is a string; a property named "title" maps to a schema
        if k == "discriminator" or (k == "title" and isinstance(v, str)):
            continue
        portable[k] = v if k in ("const", "default", "enum", "required") else _portable(v)
        if k == "pattern" and isinstance(v, str):  # not a property named "pattern"
            portable["not"] = _NO_LINE_FEED
    if "$ref" in portable and set(portable) - {"$ref", "description", "default"}:
        # Before 2019-09 a $ref's siblings are ignored, and fastjsonschema (draft 7) does
        # so: inside allOf they apply in every draft.
        portable["allOf"] = [{"$ref": portable.pop("$ref")}]
    return portable


def json_schema(version: int = LATEST) -> dict[str, Any]:
    """The published JSON Schema (Draft 2020-12) of a statement of ``version``, as a dict."""
    generator = type("_Generator", (_Generator,), {"version": version})
    return (
        VERSIONS[version].model().model_json_schema(mode="validation", schema_generator=generator)
    )


def render(version: int = LATEST) -> str:
    """The schema file's exact text (keys in model order, not sorted, to read well)."""
    return json.dumps(json_schema(version), indent=2, ensure_ascii=False) + "\n"
