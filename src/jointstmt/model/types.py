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
from collections.abc import Callable
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

from jointstmt.findings import a_or_an, did_you_mean, excerpt, shown
from jointstmt.model import _iso3166
from jointstmt.model.vocabulary import Vocabulary


@dataclass(frozen=True, slots=True)
class Form:
    """What a pattern asks for, in words, and how to turn a near miss into a match."""

    words: str
    fix: Callable[[str], str] | None = None


#: The forms of the patterns fields must match, by pattern: a message says the words, not the
#: regular expression, and suggests the fix where one exists (``US_Japan`` -> ``us-japan``).
FORMS: dict[str, Form] = {}


def form(pattern: str, words: str, fix: Callable[[str], str] | None = None) -> str:
    """Register what ``pattern`` asks for (:data:`FORMS`); returns ``pattern``."""
    FORMS[pattern] = Form(words, fix)
    return pattern


def _slugified(value: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", value.lower()))


SLUG_PATTERN = form(
    r"^[a-z0-9]+(-[a-z0-9]+)*$",
    "an id: lower-case letters and digits, words joined by single hyphens (e.g. us-japan-2024)",
    _slugified,
)
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
SUBDIVISION_PATTERN = form(
    r"^[A-Z]{2}-[A-Z0-9]{1,3}$",
    "an ISO 3166-2 subdivision code (upper case, e.g. US-VA, JP-13)",
    lambda value: value.strip().upper(),
)
SHA256_PATTERN = form(
    r"^[0-9a-f]{64}$",
    "a SHA-256 digest: 64 lower-case hexadecimal digits (sha256sum FILE prints it)",
    lambda value: value.strip().lower(),
)
# Not `\s`: Python, Rust (pydantic) and ECMA-262 disagree on what it matches (\x1c-\x1f,
# \x85, \ufeff). Controls and everything any of them calls white space are spelt out.
_NOT_IN_URL = r"\x00-\x20\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
# `\$`, not `$`, in the class: fastjsonschema turns every unescaped `$` into `\Z`, which
# Python's re refuses inside a class ("bad escape \Z"); escaped, all engines read a `$`.
URL_PATTERN = form(
    rf"^https?://[^{_NOT_IN_URL}/\$.?#][^{_NOT_IN_URL}]*$",
    "a URL: http or https, with no spaces (e.g. https://www.state.gov/...)",
    lambda value: value.strip(),
)
TIME_ZONE_PATTERN = form(
    r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$",
    "an IANA time zone name (e.g. America/New_York, Asia/Seoul)",
    lambda value: value.strip().replace(" ", "_"),
)
WIKIDATA_PATTERN = form(
    r"^Q[1-9][0-9]*$",
    "a Wikidata item id: Q and a number (e.g. Q30)",
    lambda value: value.strip().upper().rsplit("/", 1)[-1],
)
# RFC 5646 "langtag" well-formedness (no grandfathered or private-use-only tags):
# language, then optional script, region, variants, extensions and private use.
LANGUAGE_TAG_PATTERN = form(
    r"^[a-zA-Z]{2,3}(-[a-zA-Z]{3}){0,3}"
    r"(-[a-zA-Z]{4})?"
    r"(-([a-zA-Z]{2}|[0-9]{3}))?"
    r"(-([a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*"
    r"(-[0-9a-wyzA-WYZ](-[a-zA-Z0-9]{2,8})+)*"
    r"(-x(-[a-zA-Z0-9]{1,8})+)?$",
    "a BCP 47 language tag (e.g. en, fr, ja, ko-Hang, zh-Hant-TW)",
    lambda value: value.strip().replace("_", "-"),
)

_DATE_RE = re.compile(DATE_PATTERN)
_TIME_RE = re.compile(TIME_PATTERN)


def wrong_type(kind: str, expected: str, value: Any) -> PydanticCustomError:
    """A type error (``int_type``, ``string_type``, ...) worded ``expected X, found Y``.

    ``expected`` travels in the error's context, so :mod:`jointstmt.structure` words it
    as it words pydantic's own type errors.
    """
    return PydanticCustomError(
        kind, "expected {expected}, found {found}", {"expected": expected, "found": shown(value)}
    )


def _integer(value: Any) -> Any:
    """JSON Schema's ``integer``: an int, or a float with no fractional part; never a bool or str."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise wrong_type("int_type", "a whole number", value)
    if isinstance(value, float):
        if not value.is_integer():
            raise wrong_type("int_type", "a whole number", value)
        return int(value)
    return value


def _boolean(value: Any) -> Any:
    """JSON Schema's ``boolean``: ``True`` or ``False`` only (not ``1``, which equals ``True``)."""
    if not isinstance(value, bool):
        raise wrong_type("bool_type", "true", value)
    return value


def _parse_date(value: Any) -> Any:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        raise wrong_type("string_type", "a date (YYYY-MM-DD)", value)
    if not _DATE_RE.match(value):
        raise PydanticCustomError(
            "date", "{value} is not a date in the form YYYY-MM-DD", {"value": excerpt(value)}
        )
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
        raise wrong_type("string_type", "a time (HH:MM)", value)
    if not _TIME_RE.match(value):
        raise PydanticCustomError(
            "date", "{value} is not a 24-hour time in the form HH:MM", {"value": excerpt(value)}
        )
    return dt.time.fromisoformat(value)


def out_of_vocabulary(
    value: str, name: str, advice: str, hint: Callable[[str], str | None]
) -> PydanticCustomError:
    """A ``vocabulary`` error: ``'UK' is not a country code; <advice>``.

    ``hint`` says which value was meant (``did you mean 'GB'?``), or ``None``: it is called
    only for the findings a person will read (:mod:`jointstmt.structure` decides which), since a
    hostile file can hold a million wrong values.
    """
    return PydanticCustomError(
        "vocabulary",
        "{problem}; {advice}",
        {"problem": f"{excerpt(value)} is not {a_or_an(name)}", "advice": advice, "hint": hint},
    )


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


#: What people write for a country instead of its code, beyond its names and alpha-3 code.
_COUNTRY_MISTAKES = {
    "UK": "GB",  # the United Kingdom's code is GB
    "EN": "GB",  # the language code of English
    "EL": "GR",  # the European Union's code for Greece
    "ENGLAND": "GB",
    "BRITAIN": "GB",
    "GREAT BRITAIN": "GB",
    "AMERICA": "US",
    "RUSSIA": "RU",
    "TURKEY": "TR",
    "HOLLAND": "NL",
    "BURMA": "MM",
    "IVORY COAST": "CI",
    "SWAZILAND": "SZ",
    "MACEDONIA": "MK",
    "CAPE VERDE": "CV",
    "EAST TIMOR": "TL",
    "VATICAN": "VA",
}


def country_hint(value: str) -> str | None:
    """``did you mean 'GB' (United Kingdom)?`` for ``UK``, ``gb``, ``GBR`` or ``Britain``."""
    written = " ".join(value.split())
    written = written[4:] if written[:4].casefold() == "the " else written
    code = (
        written.upper()
        if written.upper() in _iso3166.COUNTRIES
        else _COUNTRY_MISTAKES.get(written.upper())
        or _iso3166.ALPHA_3.get(written.upper())
        or _iso3166.NAMES.get(written.casefold())
    )
    if code is None and len(written) > 3:  # a misspelt name; short codes are all alike
        from jointstmt.findings import nearest

        near = nearest(written.casefold(), _iso3166.NAMES, n=1)
        code = _iso3166.NAMES[near[0]] if near else None
    return None if code is None else f"did you mean {code!r} ({_iso3166.COUNTRIES[code]})?"


def _country(value: str) -> str:
    if value not in _iso3166.COUNTRIES:
        raise out_of_vocabulary(
            value,
            "ISO 3166-1 alpha-2 country code",
            "use upper case, e.g. US, JP, KR, NO (Norway), GB (the United Kingdom)",
            country_hint,
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
        advice = "use one of: " + ", ".join(vocab.values)

        def hint(value: str) -> str | None:
            near = vocab.nearest(value)
            return did_you_mean(near) if near else None

        def check(value: str) -> str:
            if value not in allowed:
                raise out_of_vocabulary(value, vocab.label, advice, hint)
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
