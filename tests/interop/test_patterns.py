"""Portable patterns: every `pattern` in the schema means the same in every engine that reads it.

The models match with pydantic's engine (Rust ``regex``); ajv, check-jsonschema
and editors with ECMA-262 (here ``regress``, in unicode mode as ajv compiles
patterns); python-jsonschema with Python's ``re.search``. On tricky inputs (a
trailing line feed, non-ASCII digits, look-alike letters, exotic white space)
the three must agree, counting the line-feed guard the schema publishes with
each pattern (``not: {pattern: "\\n"}``). Every version's schema is read.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Annotated, Any

import pytest
import regress
from pydantic import Field, TypeAdapter, ValidationError

from jointstmt import json_schema
from jointstmt.loader import parse_yaml
from jointstmt.model import types
from jointstmt.model.types import CALENDAR_DATE_PATTERN, Date
from jointstmt.model.v2 import clauses as clauses_2
from jointstmt.model.v2.clauses import PUBLISHED_PARTIAL_DATE_PATTERN, PartialDate
from jointstmt.versions import VERSIONS

from .cases import DATASETS, EXAMPLES


def _published_strings(node: Any) -> list[dict[str, Any]]:
    """Every subschema with a ``pattern`` (each string schema that constrains a form)."""
    if isinstance(node, list):
        return [s for item in node for s in _published_strings(item)]
    if not isinstance(node, dict):
        return []
    here = [node] if isinstance(node.get("pattern"), str) and "not" in node else []
    return here + [s for value in node.values() for s in _published_strings(value)]


STRINGS = list(
    {s["pattern"]: s for v in VERSIONS for s in _published_strings(json_schema(v))}.values()
)
NAMES = {
    v: k.removesuffix("_PATTERN").lower()
    for module in (types, clauses_2)
    for k, v in vars(module).items()
    if k.endswith("_PATTERN")
}

# look-alikes and exotic characters: digits of other scripts, fullwidth and case-folding
# letters, every character some engine counts as white space, controls, a byte-order mark
EXOTIC = [
    "\u0663", "\u0969", "\uff13", "\U0001d7d1",  # 3 in Arabic-Indic, Devanagari, fullwidth, bold
    "\uff21", "\uff41", "\u212a", "\u017f", "\u0131", "\u0130", "\u00e9", "\u00df",  # letters
    "\u00a0", "\u1680", "\u2000", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff",
    "\x85", "\x1c", "\x1f", "\x0b", "\x0c", "\t", "\r", "\n", "\x00", "\x7f", "\u200b", " ",
]  # fmt: skip


def _strings_in(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings_in(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings_in(v)]
    return [node] if isinstance(node, str) else []


def _seeds() -> list[str]:
    """Every string in the reference statements, plus values of the forms they lack."""
    found = {"2024-02-29", "23:59", "US-DC", "Q30", "zh-Hant-TW", "en-x-private", "Etc/GMT+5"}
    found |= {"https://example.org/a?b=c#d", "0" * 64, "a-b-c", "2025", "2025-07", "0123abc"}
    for path in [*DATASETS.glob("*/*.yaml"), *EXAMPLES.glob("**/statement.yaml")]:
        found.update(_strings_in(parse_yaml(path.read_bytes()).data))
    return sorted(found)


SEEDS = _seeds()


def _variants(seed: str) -> set[str]:
    """The seed broken at its ends and at each position by tricky characters."""
    out = {seed + "\n", "\n" + seed, seed + "\r\n", seed + "\n\n", seed + " ", " " + seed}
    for position in {0, 1, len(seed) // 2, len(seed) - 1, len(seed)}:
        for char in EXOTIC:
            out.add(seed[:position] + char + seed[position:])  # inserted
            if position < len(seed):
                out.add(seed[:position] + char + seed[position + 1 :])  # replaced
    out |= {re.sub("[0-9]", digit, seed) for digit in EXOTIC[:4]}
    out |= {seed.upper(), seed.lower(), seed.replace("k", "\u212a").replace("s", "\u017f")}
    return out


def _ecma(schema: dict[str, Any], text: str) -> bool:
    found = regress.Regex(schema["pattern"], "u").find(text) is not None
    return found and regress.Regex(schema["not"]["pattern"], "u").find(text) is None


def _python_re(schema: dict[str, Any], text: str) -> bool:
    found = re.search(schema["pattern"], text) is not None
    return found and re.search(schema["not"]["pattern"], text) is None


def _accepts(adapter: TypeAdapter[Any], text: str) -> bool:
    try:
        adapter.validate_python(text)
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize(
    "schema", STRINGS, ids=[NAMES.get(s["pattern"], s["pattern"][:20]) for s in STRINGS]
)
def test_pattern_has_the_same_verdicts_in_ecma_262_python_re_and_pydantic(
    schema: dict[str, Any],
) -> None:
    pydantic: TypeAdapter[str] = TypeAdapter(Annotated[str, Field(pattern=schema["pattern"])])
    matching = [seed for seed in SEEDS if _accepts(pydantic, seed)]
    assert matching, "no seed value matches: add one to _seeds()"
    inputs = set(matching) | set(EXOTIC) | {"", "\n"}
    for seed in matching:
        inputs |= _variants(seed)
    differ = {}
    for text in sorted(inputs):
        verdicts = {
            "ecma-262": _ecma(schema, text),
            "python re": _python_re(schema, text),
            "pydantic": _accepts(pydantic, text),
        }
        if len(set(verdicts.values())) > 1:
            differ[text] = verdicts
    assert not differ, differ


def test_patterns_use_only_portable_syntax() -> None:
    """Anchored both ends; no lookaround, backreference, inline flag, or class shorthand
    (``\\d``, ``\\w``, ``\\s``, ``\\b``) whose meaning depends on the engine's Unicode tables."""
    for schema in STRINGS:
        pattern = schema["pattern"]
        assert pattern.startswith("^"), pattern
        assert pattern.endswith("$"), pattern
        assert not re.search(r"\(\?|\\[dDwWsSbB]|\\[1-9]|\\[pP]\{", pattern), pattern


YEARS = [1, 4, 99, 100, 400, 1900, 1996, 2000, 2023, 2024, 2100, 2400, 9996, 9999]


def test_published_date_pattern_accepts_exactly_the_dates_the_models_accept() -> None:
    """Every month and day (and the out-of-range ones) of ordinary, leap and century years,
    and year 0000, which Python's date (hence the models) has no room for."""
    model: TypeAdapter[dt.date] = TypeAdapter(Date)
    engine = regress.Regex(CALENDAR_DATE_PATTERN, "u")
    differ = []
    for year, month, day in itertools.product([0, *YEARS], range(14), range(33)):
        text = f"{year:04}-{month:02}-{day:02}"
        published = engine.find(text) is not None
        if published != _accepts(model, text) or published != bool(
            re.search(CALENDAR_DATE_PATTERN, text)
        ):
            differ.append(text)
    assert not differ, differ


def test_published_partial_date_pattern_accepts_exactly_the_partial_dates_the_models_accept() -> (
    None
):
    """Years, months and days (and the out-of-range ones) of ordinary, leap and century years:
    what version 2's ``dates[].date`` accepts in the models is what its published pattern
    matches, in ECMA-262 and in Python's ``re``."""
    model: TypeAdapter[str] = TypeAdapter(PartialDate)
    engine = regress.Regex(PUBLISHED_PARTIAL_DATE_PATTERN, "u")
    texts = {f"{year:04}" for year in [0, *YEARS]}
    for year, month in itertools.product([0, *YEARS], range(14)):
        texts.add(f"{year:04}-{month:02}")
        texts |= {f"{year:04}-{month:02}-{day:02}" for day in range(33)}
    differ = []
    for text in sorted(texts):
        published = engine.find(text) is not None
        if published != _accepts(model, text) or published != bool(
            re.search(PUBLISHED_PARTIAL_DATE_PATTERN, text)
        ):
            differ.append(text)
    assert not differ, differ
