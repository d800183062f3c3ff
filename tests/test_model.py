"""The typed models: shapes of real statements, immutability, round trips, reusable types."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pycountry
import pytest
from pydantic import ValidationError

from jointstmt import JointStatement, ValidationFailed, dumps, load, loads
from jointstmt.model import Span
from jointstmt.model._iso3166 import COUNTRIES, SUBDIVISIONS
from jointstmt.model.types import LANGUAGE_TAG_PATTERN

EXAMPLES = Path(__file__).parent / "examples"


def _example(name: str) -> JointStatement:
    return load(EXAMPLES / name / "statement.yaml")


def test_third_person_bilateral_summit_without_named_persons() -> None:
    s = _example("bilateral-leaders")
    assert s.meeting.format == "bilateral"
    assert all(p.person is None for p in s.participants)
    assert s.participants[1].country == "NO"  # YAML 1.2: NO is Norway, not false
    welcome = s.clauses[1]
    assert s.actors_of(welcome) == ("us",)
    assert s.actors_of(s.clauses[0]) == ("us", "no")


def test_virtual_meeting_with_an_organization_participant() -> None:
    s = _example("virtual-plurilateral")
    assert s.meeting.mode == "virtual"
    assert s.meeting.location is None
    eu = s.participants[-1]
    assert (eu.country, eu.organization) == (None, "eu")


def test_meeting_over_two_days_in_two_cities_with_persons_named_in_the_text() -> None:
    s = _example("multi-city")
    assert s.meeting.end - s.meeting.start == dt.timedelta(days=1)
    assert s.meeting.location is not None
    assert [p.locality for p in s.meeting.location.places] == ["Strasbourg", "Kehl"]
    assert [p.person.name for p in s.participants if p.person] == ["Ana Müller", "Jean Dupont"]
    assert s.clauses[-1].text.endswith("🌉")  # spans count code points, not UTF-16 units


def test_models_are_immutable() -> None:
    s = _example("bilateral-leaders")
    with pytest.raises(ValidationError):
        s.id = "other"  # type: ignore[misc]
    assert isinstance(s.clauses, tuple)


@pytest.mark.parametrize("name", ["bilateral-leaders", "virtual-plurilateral", "multi-city"])
def test_dump_then_load_gives_an_equal_model(name: str) -> None:
    s = _example(name)
    assert loads(dumps(s)) == s


def test_loads_without_a_folder_skips_only_the_source_file_rules() -> None:
    text = (EXAMPLES / "bilateral-leaders" / "statement.yaml").read_text(encoding="utf-8")
    assert loads(text.replace("sha256: 26e7", "sha256: 00e7")).id == "us-norway-2025-03-12"
    with pytest.raises(ValidationFailed) as failed:
        loads(text.replace('targets: ["no", ukraine]', "targets: [nowhere]"))
    assert [f.code for f in failed.value.findings] == ["rule.reference"]


def test_integers_follow_json_schema_not_python_coercion() -> None:
    assert Span.model_validate({"start": 1.0, "end": 2}).start == 1
    for bad in ("1", True, 1.5, None):
        with pytest.raises(ValidationError):
            Span.model_validate({"start": bad, "end": 2})


def test_country_codes_are_exactly_pycountrys_alpha_2() -> None:
    """The generated table is never typed by hand: it is pycountry's (tools/generate_iso3166.py)."""
    assert {c.alpha_2: c.name for c in pycountry.countries} == COUNTRIES


def test_subdivision_codes_are_exactly_pycountrys() -> None:
    assert {s.code for s in pycountry.subdivisions} == SUBDIVISIONS


@pytest.mark.parametrize(
    "tag",
    ["en", "ja", "ko-Hang", "ko-Hani", "zh-Hant-TW", "sr-Latn-RS", "en-x-private", "de-CH-1996"],
)
def test_well_formed_language_tags_match_the_pattern(tag: str) -> None:
    import re

    assert re.match(LANGUAGE_TAG_PATTERN, tag)


@pytest.mark.parametrize("tag", ["", "e", "english", "en_US", "en-", "-en", "en--US", "en\n"])
def test_malformed_language_tags_do_not_match(tag: str) -> None:
    import re

    assert not re.fullmatch(LANGUAGE_TAG_PATTERN, tag)
