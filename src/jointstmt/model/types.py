"""Reusable annotated types: one per concept, each validating and documenting itself.

Every type here is defined so that the models and the published JSON Schema
accept exactly the same values: where pydantic's lax mode would coerce
(``"1"`` to ``1``, ``"yes"`` to ``True``), the type refuses, because JSON Schema
would. Regular expressions are portable (anchored, ASCII classes, no lookaround)
so that ECMA-262 engines (ajv, editors) read them as Python does.

Checks that need a registry a schema cannot carry portably (that an ISO 3166-2
code exists, that a language subtag is registered, that a time zone exists)
are rules, not types: see :mod:`jointstmt.rules`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    PlainSerializer,
    WithJsonSchema,
)
from pydantic.json_schema import CoreRef, GenerateJsonSchema, JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from jointstmt.findings import excerpt
from jointstmt.model import _iso3166
from jointstmt.model.vocabulary import Vocabulary

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# The published form of a date spells out the calendar (years 0001-9999, month lengths, leap
# years), as Python's date does: `format: date` is only an annotation in Draft 2020-12, and
# some validators (yaml-language-server) check it by shape, so 2025-02-30 would pass them.
_YEAR = r"([0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})"
_MONTH_DAY = (
    r"((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])"
    r"|(0[469]|11)-(0[1-9]|[12][0-9]|30)"
    r"|02-(0[1-9]|1[0-9]|2[0-8]))"
)
_LEAP_YEAR = r"([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)"
CALENDAR_DATE_PATTERN = rf"^({_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)$"
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
SUBDIVISION_PATTERN = r"^[A-Z]{2}-[A-Z0-9]{1,3}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
# Not `\s`: Python, Rust (pydantic) and ECMA-262 disagree on what it matches (\x1c-\x1f,
# \x85, \ufeff). Controls and everything any of them calls white space are spelt out.
_NOT_IN_URL = r"\x00-\x20\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
# `\$`, not `$`, in the class: fastjsonschema turns every unescaped `$` into `\Z`, which
# Python's re refuses inside a class ("bad escape \Z"); escaped, all engines read a `$`.
URL_PATTERN = rf"^https?://[^{_NOT_IN_URL}/\$.?#][^{_NOT_IN_URL}]*$"
TIME_ZONE_PATTERN = r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$"
WIKIDATA_PATTERN = r"^Q[1-9][0-9]*$"
# RFC 5646 "langtag" well-formedness (no grandfathered or private-use-only tags):
# language, then optional script, region, variants, extensions and private use.
LANGUAGE_TAG_PATTERN = (
    r"^[a-zA-Z]{2,3}(-[a-zA-Z]{3}){0,3}"
    r"(-[a-zA-Z]{4})?"
    r"(-([a-zA-Z]{2}|[0-9]{3}))?"
    r"(-([a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*"
    r"(-[0-9a-wyzA-WYZ](-[a-zA-Z0-9]{2,8})+)*"
    r"(-x(-[a-zA-Z0-9]{1,8})+)?$"
)

_DATE_RE = re.compile(DATE_PATTERN)
_TIME_RE = re.compile(TIME_PATTERN)


def _integer(value: Any) -> Any:
    """JSON Schema's ``integer``: an int, or a float with no fractional part; never a bool or str."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    if isinstance(value, float):
        if not value.is_integer():
            raise PydanticCustomError("int_type", "Input should be a whole number")
        return int(value)
    return value


def _boolean(value: Any) -> Any:
    """JSON Schema's ``boolean``: ``True`` or ``False`` only (not ``1``, which equals ``True``)."""
    if not isinstance(value, bool):
        raise PydanticCustomError("bool_type", "Input should be true or false")
    return value


def _parse_date(value: Any) -> Any:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("string_type", "Input should be a date written as a string")
    if not _DATE_RE.match(value):
        raise PydanticCustomError("date", "Input should be a date in the form YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(
            "date", "{value} is not a calendar date", {"value": excerpt(value)}
        ) from None


def _parse_time(value: Any) -> Any:
    if isinstance(value, dt.time):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("string_type", "Input should be a time written as a string")
    if not _TIME_RE.match(value):
        raise PydanticCustomError("date", "Input should be a 24-hour time in the form HH:MM")
    return dt.time.fromisoformat(value)


# The bound goes before the validator: after it, pydantic would leak "ge" into the JSON Schema.
NonNegativeInt = Annotated[int, Field(ge=0), BeforeValidator(_integer)]
PositiveInt = Annotated[int, Field(ge=1), BeforeValidator(_integer)]
NonEmptyText = Annotated[str, Field(min_length=1)]
"""A string with at least one character."""
OptionalText = NonEmptyText | None
"""A non-empty string, or absent (``null``)."""
SchemaVersion1 = Annotated[Literal[1], BeforeValidator(_integer)]
"""The constant 1 as JSON Schema's ``const: 1`` reads it (``1`` or ``1.0``; not ``true``)."""
AlwaysTrue = Annotated[Literal[True], BeforeValidator(_boolean)]
"""The constant ``true`` (not ``1``)."""

Slug = Annotated[str, Field(pattern=SLUG_PATTERN, min_length=1, max_length=128)]
"""Identifier: lower-case ASCII words joined by single hyphens (``us-japan-rok-2024``)."""

Date = Annotated[
    dt.date,
    BeforeValidator(_parse_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": CALENDAR_DATE_PATTERN}),
]
"""A calendar date, written ``YYYY-MM-DD`` (quoted or not: the loader keeps dates as strings)."""

Time = Annotated[
    dt.time,
    BeforeValidator(_parse_time),
    PlainSerializer(lambda t: t.strftime("%H:%M"), return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": TIME_PATTERN}),
]
"""A local 24-hour clock time, ``HH:MM``."""


def _country(value: str) -> str:
    if value not in _iso3166.COUNTRIES:
        raise PydanticCustomError(
            "vocabulary",
            "{value} is not an ISO 3166-1 alpha-2 country code (upper case, e.g. US, JP, KR, NO)",
            {"value": excerpt(value)},
        )
    return value


def publish(handler: GetJsonSchemaHandler, name: str, body: JsonSchemaValue) -> JsonSchemaValue:
    """Publish ``body`` once, as ``$defs/<name>``, and return the ``$ref`` a field uses.

    Called from a type's ``__get_pydantic_json_schema__``: the type names its own
    definition, so the schema generator has nothing to search for, and a reader sees
    one definition per concept.
    """
    # the handler pydantic passes carries its generator (not in the handler's protocol)
    generator: GenerateJsonSchema = handler.generate_json_schema  # type: ignore[attr-defined]
    defs_ref, reference = generator.get_cache_defs_ref_schema(CoreRef(name))
    generator.definitions[defs_ref] = body
    return reference


@dataclass(frozen=True, slots=True)
class Published:
    """``Annotated[T, Published(name, schema)]``: ``T``'s JSON Schema is ``schema``, in ``$defs/name``."""

    name: str
    schema: JsonSchemaValue

    def __get_pydantic_json_schema__(
        self, core: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return publish(handler, self.name, self.schema)

    def __hash__(self) -> int:  # pydantic hashes metadata; a dict is not hashable
        return hash(self.name)


CountryCode = Annotated[
    str,
    AfterValidator(_country),
    Published(
        "country_code",
        {
            "type": "string",
            "description": "An ISO 3166-1 alpha-2 country code (upper case; NO is Norway).",
            "enum": sorted(_iso3166.COUNTRIES),
        },
    ),
]
"""An ISO 3166-1 alpha-2 code (``US``, ``JP``, ``KR``; ``NO`` is Norway)."""


SubdivisionCode = Annotated[str, Field(pattern=SUBDIVISION_PATTERN)]
"""An ISO 3166-2 subdivision code (``US-VA``); that it exists is checked by rule."""

LanguageTag = Annotated[str, Field(pattern=LANGUAGE_TAG_PATTERN, max_length=64)]
"""A well-formed BCP 47 language tag (``en``, ``ja``, ``ko-Hang``); registry check by rule."""

Sha256 = Annotated[str, Field(pattern=SHA256_PATTERN)]
"""A SHA-256 digest in lower-case hex."""

Url = Annotated[str, Field(pattern=URL_PATTERN, max_length=2048)]
"""An http(s) URL."""

TimeZoneName = Annotated[str, Field(pattern=TIME_ZONE_PATTERN, max_length=64)]
"""An IANA time zone name (``America/New_York``); that it exists is checked by rule."""

WikidataId = Annotated[str, Field(pattern=WIKIDATA_PATTERN)]
"""A Wikidata item id (``Q30``)."""


@dataclass(frozen=True, slots=True)
class InVocabulary:
    """``Annotated[str, InVocabulary(V)]``: a value of vocabulary ``V``, each value described.

    The schema is ``oneOf`` of ``const`` + ``description`` rather than a bare
    ``enum``, so editors and readers of the schema see each value's definition. It
    is published once, as ``$defs/<vocabulary name>``, and referred to by each field.
    """

    vocab: Vocabulary

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        allowed = frozenset(self.vocab.values)
        vocab = self.vocab

        def check(value: str) -> str:
            if value not in allowed:
                raise PydanticCustomError(
                    "vocabulary",
                    "{value} is not a {name}; use one of: {allowed}",
                    {
                        "value": excerpt(value),
                        "name": vocab.name,
                        "allowed": ", ".join(vocab.values),
                    },
                )
            return value

        return core_schema.no_info_after_validator_function(check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        body = {
            "type": "string",
            "description": self.vocab.definition,
            "oneOf": [{"const": t.value, "description": t.describe()} for t in self.vocab],
        }
        return publish(handler, self.vocab.name, body)
