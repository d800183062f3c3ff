"""Messages say how to fix: each improvement of the wording of findings and usage errors.

The first test walks every error pydantic can raise on the models of both versions
(every field of every model, given wrong types, nothing, bad patterns, bad dates,
numbers out of range, empty and wrong lists, scalars for mappings, unknown keys and
union tags) and reads each message as the person fixing the file would: no pydantic
wording, the offending value quoted, "a"/"an" by the word. The others state one
improvement each, on version 1 and version 2 where both have it.
"""

from __future__ import annotations

import json
import re
import runpy
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from jointstmt import validate
from jointstmt.cli import _parser, main
from jointstmt.findings import Finding, json_pointer, shown
from jointstmt.limits import Limits
from jointstmt.loader import Document, parse_yaml
from jointstmt.model import _iso3166
from jointstmt.model.vocabulary import RANKS
from jointstmt.structure import check_structure, version_of

EXAMPLES = Path(__file__).parent / "examples"
ROOT = Path(__file__).resolve().parents[1]
V1 = ("bilateral-leaders", "virtual-plurilateral")

#: What pydantic says in its own words; no message may say it.
PYDANTIC_WORDING = (
    "Input should",
    "instance of",
    "valid dictionary",
    "Field required",
    "Extra inputs",
    "String should",
    "Tuple should",
    "List should",
    "should have at least",
    "should match pattern",
    "Unable to extract tag",
    "Input tag",
    "expected tags",
    "object to extract fields",
    "Value error",
    "after validation",
    # our fallback for a pattern no FORMS entry describes: every pattern must have one
    "does not have the form",
)

#: Values every field is given in turn: a wrong type of each kind, nothing, an empty and an
#: over-long string, a malformed id, an impossible date, numbers out of range, wrong lists.
BAD_VALUES: tuple[Any, ...] = (
    12345,
    -5,
    1.5,
    True,
    None,
    "",
    "Not Valid!",
    "x" * 3000,
    "12 March 2025",
    "2025-02-30",
    [],
    [12345],
    {"a": 1},
)

Path_ = tuple[str | int, ...]


def _load(example: str) -> tuple[dict[str, Any], type[BaseModel]]:
    """The example's data with one item per kind in each list (a walk needs no more), its model."""
    document = parse_yaml((EXAMPLES / example / "statement.yaml").read_bytes(), Limits())
    version = version_of(document)
    assert not isinstance(version, Finding)
    return _pruned(document.data), version.model()


def _pruned(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _pruned(value) for key, value in node.items()}
    if isinstance(node, list):
        kinds: dict[Any, Any] = {}
        for item in node:
            kind = (item.get("type"), item.get("role")) if isinstance(item, dict) else None
            kinds.setdefault(json.dumps(kind), _pruned(item))
        return list(kinds.values())
    return node


def _models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) for m in _models(arg)] + [
        m for arg in getattr(annotation, "__metadata__", ()) for m in _models(arg)
    ]


def _member(members: list[type[BaseModel]], node: dict[str, Any]) -> type[BaseModel] | None:
    """The member of a tagged union ``node`` is (by its ``type`` or ``role``)."""
    if len(members) == 1:
        return members[0]
    for member in members:
        for key in ("type", "role"):
            field = member.model_fields.get(key)
            if field is not None and node.get(key) in getattr(field.annotation, "__args__", ()):
                return member
    plain = [m for m in members if all(k not in m.model_fields for k in ("type",))]
    return plain[-1] if plain else None


def _sites(
    data: dict[str, Any], model: type[BaseModel]
) -> Iterator[tuple[dict[str, Any], Path_, type[BaseModel]]]:
    """Every mapping of the example with its model, and, for each model the example leaves out
    (an optional ``capture``, ``signing``, ``condition``), a copy with an empty one put in."""
    seen: set[type[BaseModel]] = set()
    queue: list[tuple[dict[str, Any], Path_, list[type[BaseModel]]]] = [(data, (), [model])]
    while queue:
        document, path, members = queue.pop(0)
        node: Any = document
        for part in path:
            node = node[part]
        cls = _member(members, node)
        if cls is None:
            continue
        if cls not in seen:
            seen.add(cls)
            yield document, path, cls
        for key, field in cls.model_fields.items():
            inner = _models(field.annotation)
            if not inner:
                continue
            listed = "tuple" in str(field.annotation)
            value = node.get(key)
            if value is None:
                if any(m not in seen for m in inner):
                    filled = json.loads(json.dumps(document))
                    target = filled
                    for part in path:
                        target = target[part]
                    target[key] = [{}] if listed else {}
                    queue.append((filled, (*path, key, 0) if listed else (*path, key), inner))
            elif listed and isinstance(value, list):
                queue += [(document, (*path, key, i), inner) for i in range(len(value))]
            elif isinstance(value, dict):
                queue.append((document, (*path, key), inner))


#: What a mutation put in place of a key it took out.
LEFT_OUT = object()


def _changed(document: dict[str, Any], path: Path_, key: str, value: Any) -> dict[str, Any]:
    """A copy of ``document`` with ``key`` of the mapping at ``path`` set (or left out)."""
    copied: dict[str, Any] = json.loads(json.dumps(document))
    node = copied
    for part in path:
        node = node[part]
    if value is LEFT_OUT:
        node.pop(key, None)
    else:
        node[key] = value
    return copied


def _mutations(
    data: dict[str, Any], model: type[BaseModel]
) -> Iterator[tuple[dict[str, Any], Path_, Any]]:
    """Each document with one change: (document, the path changed, the value put there)."""
    for document, path, cls in _sites(data, model):
        for key, field in cls.model_fields.items():
            if key == "schema_version":  # its own finding, before any model runs
                continue
            if field.is_required():
                yield _changed(document, path, key, LEFT_OUT), (*path, key), LEFT_OUT
            for value in BAD_VALUES:
                yield _changed(document, path, key, value), (*path, key), value
        near_miss = next(iter(cls.model_fields))[:-1] + "z"
        for unknown in ("colour", near_miss):
            yield _changed(document, path, unknown, "red"), (*path, unknown), "red"


class _Nowhere:
    """Positions for a document that has no file: this walk reads messages, not locations."""

    def of(self, path: Path_) -> tuple[int, int]:
        return (1, 1)

    of_key = of


_NOWHERE = _Nowhere()


def _reads_well(message: str) -> None:
    for wording in PYDANTIC_WORDING:
        assert wording not in message, message
    prose = re.sub(r"'[^']*'|\"[^\"]*\"", "", message)
    assert not re.search(r"\ba [aeiou]", prose), message
    assert not re.search(r"\ban [b-df-hj-np-tv-z]", prose), message


@pytest.mark.parametrize("example", [*V1, "v2/reciprocal-items", "v2/several-meetings"])
def test_every_schema_message_is_worded_for_the_person_fixing_the_file(example: str) -> None:
    """For every error pydantic raises on any field of any model of the example's version:
    no pydantic wording, the value the file holds quoted, "a"/"an" by the word."""
    data, model = _load(example)
    kinds: set[str] = set()
    checked = 0
    for document, path, value in _mutations(data, model):
        try:
            model.model_validate(document)
        except ValidationError as error:
            kinds |= {e["type"] for e in error.errors()}
        findings = check_structure(Document(document, _NOWHERE), model)  # type: ignore[arg-type]
        if not isinstance(findings, list):
            continue
        pointer = json_pointer(path)
        for finding in findings:
            assert finding.code.startswith("schema."), finding
            _reads_well(finding.message)
            if finding.pointer == pointer and not isinstance(value, list | dict):
                if value is LEFT_OUT:
                    assert f"missing required key {path[-1]!r}" in finding.message
                elif finding.code == "schema.unknown_key":
                    assert f"unknown key {path[-1]!r}" in finding.message
                    assert "keys allowed here: " in finding.message
                else:
                    assert shown(value) in finding.message, finding
                checked += 1
            elif finding.pointer == pointer:
                assert ("list" in finding.message) or ("mapping" in finding.message), finding
                checked += 1
            elif finding.pointer == pointer + "/0" and value == [12345]:
                assert "12345" in finding.message, finding
                checked += 1
    assert checked > 100
    # the walk reaches every kind of error the models raise
    expected = {
        "missing",
        "extra_forbidden",
        "union_tag_not_found",
        "union_tag_invalid",
        "vocabulary",
        "string_pattern_mismatch",
        "date",
        "string_type",
        "int_type",
        "bool_type",
        "tuple_type",
        "model_type",
        "model_attributes_type",
        "string_too_short",
        "string_too_long",
        "too_short",
        "greater_than_equal",
    }
    if example.startswith("v2/"):
        expected.add("float_type")  # a quantity's value: an integer or a number
    assert expected <= kinds


def _edit(example: str, old: str, new: str, tmp_path: Path) -> list[Finding]:
    shutil.copytree(EXAMPLES / example, tmp_path / "statement")
    path = tmp_path / "statement" / "statement.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the example no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return validate(path)


def _message(example: str, old: str, new: str, tmp_path: Path) -> str:
    (finding,) = _edit(example, old, new, tmp_path)
    return finding.message


# -- vocabulary values: did you mean ------------------------------------------------------------

V1_COUNTRY = ("bilateral-leaders", "    country: NO\n", "    country: {}\n")
V2_COUNTRY = ("v2/signature-block", "country: FR}", "country: {}}}")


@pytest.mark.parametrize("where", [V1_COUNTRY, V2_COUNTRY], ids=["v1", "v2"])
@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("UK", "'GB' (United Kingdom)"),
        ("EN", "'GB' (United Kingdom)"),
        ("USA", "'US' (United States)"),
        ("JPN", "'JP' (Japan)"),
        ("gb", "'GB' (United Kingdom)"),
        ("United Kingdom", "'GB' (United Kingdom)"),
        ("the United States of America", "'US' (United States)"),
        ("Republic of Korea", "'KR' (Korea, Republic of)"),
        ("South Korea", "'KR' (Korea, Republic of)"),
        ("Untied States", "'US' (United States)"),
    ],
)
def test_a_country_written_another_way_gets_its_code(
    where: tuple[str, str, str], written: str, meant: str, tmp_path: Path
) -> None:
    example, old, new = where
    message = _message(example, old, new.format(written), tmp_path)
    assert message == (
        f"{written!r} is not an ISO 3166-1 alpha-2 country code; did you mean {meant}?"
    )


def test_a_country_code_nothing_like_any_country_says_what_a_code_looks_like(
    tmp_path: Path,
) -> None:
    message = _message(*V1_COUNTRY[:2], V1_COUNTRY[2].format("ZZ"), tmp_path)
    assert message == (
        "'ZZ' is not an ISO 3166-1 alpha-2 country code; "
        "use upper case, e.g. US, JP, KR, NO (Norway), GB (the United Kingdom)"
    )


@pytest.mark.parametrize(
    ("example", "old"),
    [("bilateral-leaders", "rank: head_of_government"), ("v2/signature-block", "rank: minister")],
)
@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("head_of_govt", "head_of_government"),  # difflib
        ("Head of Government", "head_of_government"),  # another spelling
        ("prime minister", "head_of_government"),  # a cue of the term
        ("king", "head_of_state"),
    ],
)
def test_a_rank_near_a_term_suggests_it(
    example: str, old: str, written: str, meant: str, tmp_path: Path
) -> None:
    message = _message(example, old, f"rank: {written}", tmp_path)
    assert message == f"{written!r} is not a rank; did you mean {meant!r}?"


def test_a_value_like_no_term_lists_the_vocabulary(tmp_path: Path) -> None:
    message = _message("bilateral-leaders", "rank: head_of_state", "rank: zzz", tmp_path)
    assert message == f"'zzz' is not a rank; use one of: {', '.join(RANKS.values)}"


@pytest.mark.parametrize(
    ("example", "old", "new", "start"),
    [
        ("bilateral-leaders", "kind: state", "kind: country", "'country' is not an entity kind"),
        ("bilateral-leaders", "level: leaders", "level: summit", "'summit' is not a meeting level"),
        (
            "bilateral-leaders",
            "document_type: leaders_statement",
            "document_type: statement",
            "'statement' is not a document type",
        ),
        (
            "v2/signature-block",
            "kind: government, country: FR",
            "kind: agency, country: FR",
            "'agency' is not a party kind",
        ),
    ],
)
def test_a_vocabulary_is_named_in_words_with_its_article(
    example: str, old: str, new: str, start: str, tmp_path: Path
) -> None:
    assert _message(example, old, new, tmp_path).startswith(start + ";")


def test_a_misspelt_clause_type_suggests_the_type(tmp_path: Path) -> None:
    message = _message("bilateral-leaders", "type: condemnation", "type: condemnatoin", tmp_path)
    assert message == (
        "'condemnatoin' is not a clause type in clause 'condemn-attacks'; "
        "did you mean 'condemnation'?"
    )


def test_a_clause_without_a_type_lists_the_types_of_its_version(tmp_path: Path) -> None:
    from jointstmt.model.clauses import CLAUSE_CLASSES
    from jointstmt.model.v2.clauses import CLAUSE_CLASSES as CLAUSE_CLASSES_2

    v1 = _message("bilateral-leaders", "    type: condemnation\n", "", tmp_path / "1")
    v2 = _message(
        "v2/reciprocal-items",
        "- id: beta-barriers\n  type: commitment\n",
        "- id: beta-barriers\n",
        tmp_path / "2",
    )
    assert v1 == (
        "missing required key 'type' in clause 'condemn-attacks'; "
        f"clause types: {', '.join(CLAUSE_CLASSES)}"
    )
    assert v2 == (
        "missing required key 'type' in clause 'beta-barriers'; "
        f"clause types: {', '.join(CLAUSE_CLASSES_2)}"
    )
    assert len(CLAUSE_CLASSES_2) > len(CLAUSE_CLASSES)


def test_a_version_2_source_with_an_unknown_role_names_the_source_roles(tmp_path: Path) -> None:
    """It used to say "unknown clause type"."""
    message = _message(
        "v2/signature-block", "role: statement_text", "role: statment_text", tmp_path
    )
    assert message == "'statment_text' is not a source role; did you mean 'statement_text'?"
    missing = _message(
        "v2/signature-block", "{id: text, role: statement_text,", "{id: text,", tmp_path / "2"
    )
    assert missing == (
        "missing required key 'role'; source roles: statement_text, reference, publication_record"
    )


# -- unknown reference ids: the nearest, not all -------------------------------------------------


def test_an_unknown_reference_names_the_nearest_declared_ids_in_version_1(
    tmp_path: Path,
) -> None:
    entities = "entities:\n" + "".join(
        f"  - {{id: entity-{i:02}, name: E{i}, kind: organization}}\n" for i in range(33)
    )
    findings = _edit(
        "bilateral-leaders",
        'targets: ["no", ukraine]',
        'targets: ["no", ukrain, entty-07]',
        tmp_path,
    )
    assert [f.message for f in findings] == [
        "'ukrain' is not a declared participant or entity (did you mean 'ukraine'?)",
        "'entty-07' is not a declared participant or entity (declared: no, ukraine, us)",
    ]
    path = tmp_path / "statement" / "statement.yaml"
    text = path.read_text(encoding="utf-8").replace("entities:\n", entities, 1)
    path.write_text(text, encoding="utf-8")
    messages = [f.message for f in validate(path)]
    assert messages[1] == (
        "'entty-07' is not a declared participant or entity (did you mean 'entity-07'?)"
    )


def test_an_unknown_reference_names_the_nearest_declared_ids_in_version_2(
    tmp_path: Path,
) -> None:
    message = _message(
        "v2/reciprocal-items", "clause: beta-barriers}", "clause: beta-barrier}", tmp_path
    )
    assert message == "'beta-barrier' is not a declared clause (did you mean 'beta-barriers'?)"


def test_a_reference_like_none_of_many_ids_says_how_many_there_are() -> None:
    from jointstmt.rules.common import unknown_reference

    known = {f"entity-{i:02}" for i in range(33)}
    assert unknown_reference("zzz", known, "entity") == (
        "'zzz' is not a declared entity (33 are declared, none alike)"
    )
    assert unknown_reference(40, set(range(1, 34)), "paragraph number") == (
        "40 is not a declared paragraph number (declared: 1 to 33)"
    )
    assert unknown_reference("x", set(), "meeting") == (
        "'x' is not a declared meeting (no meeting is declared)"
    )


def test_a_time_zone_named_by_its_city_suggests_the_zone(tmp_path: Path) -> None:
    message = _message(
        "bilateral-leaders",
        "  level: leaders\n",
        "  level: leaders\n  time_zone: Seoul\n",
        tmp_path,
    )
    assert message == "'Seoul' is not an IANA time zone (did you mean 'Asia/Seoul'?)"


def test_a_statement_link_that_resolves_nowhere_suggests_the_nearest_statement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "los-angeles-declaration-2022-06-10-en"
    shutil.copytree(ROOT / "datasets" / name, tmp_path / name)
    path = tmp_path / name / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"statement: {name}", f"statement: {name[:-1]}m", 1))
    assert main(["validate", str(path)]) == 1
    assert (
        f"rule.corpus_reference: statement '{name[:-1]}m' is not among the files validated "
        f"together (did you mean '{name}'?)"
    ) in capsys.readouterr().out


# -- unknown keys: the keys allowed there --------------------------------------------------------


def test_an_unknown_key_lists_the_keys_of_that_mapping_in_that_version_nearest_first(
    tmp_path: Path,
) -> None:
    """A place holds ``source`` in version 1, ``sources`` in version 2; a location of version 2
    may also be a wording only."""
    from jointstmt.model.statement import Place
    from jointstmt.model.v2.statement import Location

    v1 = next(
        f.message
        for f in _edit(
            "bilateral-leaders", "        source: text\n", "        sourse: text\n", tmp_path / "1"
        )
        if f.code == "schema.unknown_key"
    )
    v2 = _message(
        "v2/several-meetings",
        "location: {wording: Rome}",
        "location: {wording: Rome, placs: []}",
        tmp_path / "2",
    )
    assert v1.startswith("unknown key 'sourse'; did you mean 'source'? keys allowed here: source, ")
    assert sorted(v1.partition("keys allowed here: ")[2].split(", ")) == sorted(Place.model_fields)
    assert v2.startswith("unknown key 'placs'; did you mean 'places'? keys allowed here: places, ")
    assert sorted(v2.partition("keys allowed here: ")[2].split(", ")) == sorted(
        Location.model_fields
    )


def test_a_key_of_another_clause_type_says_whose_it_is(tmp_path: Path) -> None:
    findings = _edit("bilateral-leaders", "    welcomes: Norway", "    condemns: Norway", tmp_path)
    unknown = next(f for f in findings if f.code == "schema.unknown_key")
    assert unknown.message.startswith(
        "unknown key 'condemns' in clause 'welcome-support-ukraine' (welcome); "
        "'condemns' is a key of condemnation clauses; keys allowed here: "
    )


def test_a_misspelt_clause_key_keeps_the_readme_example(tmp_path: Path) -> None:
    message = next(
        f.message
        for f in _edit("bilateral-leaders", "    condemns: the", "    condemn: the", tmp_path)
        if f.code == "schema.unknown_key"
    )
    assert message.startswith(
        "unknown key 'condemn' in clause 'condemn-attacks' (condemnation); "
        "did you mean 'condemns'? keys allowed here: condemns, "
    )


# -- wrong types, patterns, dates, ranges: the value, and how to fix it --------------------------


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "topics: [partnership]",
            "topics: partnership",
            "expected a list, found 'partnership' in clause 'reaffirm-partnership' "
            "(reaffirmation); write a list even for one item: ['partnership']",
        ),
        (
            "span: {start: 285,",
            "span: {start: '285',",
            "expected a whole number, found '285' in clause 'condemn-attacks' (condemnation); "
            "write the number without quotes",
        ),
        (
            "title: Joint Statement by the President of the United States and the Prime Minister of Norway",
            "title: 2025",
            'expected a string, found 2025; put it in quotes to make it a string: "2025"',
        ),
        (
            "    condemns: the",
            "    reaffirmed: 'yes'\n    condemns: the",
            "expected true or false, found 'yes' in clause 'condemn-attacks' (condemnation); "
            "write true or false without quotes (YAML 1.2 reads yes and no as text)",
        ),
        (
            "    reaffirms: the",
            "    reaffirmed: false\n    reaffirms: the",
            "expected true, found false in clause 'reaffirm-partnership' (reaffirmation); "
            "leave the key out: it is always true here",
        ),
        (
            "issued: 2025-03-12",
            "issued: 12 March 2025",
            "'12 March 2025' is not a date in the form YYYY-MM-DD",
        ),
        ("issued: 2025-03-12", "issued: 2025-02-30", "'2025-02-30' is not a calendar date"),
        (
            "  level: leaders\n",
            "  level: leaders\n  start_time: 9am\n",
            "'9am' is not a 24-hour time in the form HH:MM",
        ),
        (
            "id: us-norway-2025-03-12",
            "id: US Norway 2025",
            "'US Norway 2025' is not an id: lower-case letters and digits, words joined by "
            "single hyphens (e.g. us-japan-2024); did you mean 'us-norway-2025'?",
        ),
        (
            "subdivision: US-DC",
            "subdivision: us-dc",
            "'us-dc' is not an ISO 3166-2 subdivision code (upper case, e.g. US-VA, JP-13); "
            "did you mean 'US-DC'?",
        ),
        (
            "span: {start: 285,",
            "span: {start: -1,",
            "expected 0 or more, found -1 in clause 'condemn-attacks' (condemnation)",
        ),
        (
            "actors: [us]",
            "actors: []",
            "expected at least 1 item, found an empty list in clause 'welcome-support-ukraine' "
            "(welcome)",
        ),
        (
            '    text: "They committed',
            "    text: ''\n    note: \"They committed",
            "'' is empty in clause 'energy-dialogue' (commitment); write the value, or leave "
            "the key out where it is optional",
        ),
    ],
)
def test_a_wrong_value_is_quoted_with_how_to_fix_it(
    old: str, new: str, message: str, tmp_path: Path
) -> None:
    assert _message("bilateral-leaders", old, new, tmp_path) == message


def test_a_scalar_for_a_mapping_names_the_keys_it_needs(tmp_path: Path) -> None:
    (finding,) = _edit(
        "bilateral-leaders",
        "  - id: ukraine\n    name: Ukraine\n    kind: state\n    country: UA\n",
        "  - Ukraine\n",
        tmp_path,
    )
    assert finding.message == "expected a mapping, found 'Ukraine'; required keys: id, name, kind"


def test_a_scalar_for_a_source_is_one_finding_at_the_source(tmp_path: Path) -> None:
    """A union's member (``other``) is no longer part of the pointer."""
    (finding,) = _edit(
        "bilateral-leaders",
        "sources:\n",
        "sources:\n  - wire\n",
        tmp_path,
    )
    assert (finding.pointer, finding.message) == (
        "/sources/0",
        "expected a mapping, found 'wire'; required keys: id, publisher, role",
    )


def test_a_value_no_member_of_a_union_takes_is_one_finding(tmp_path: Path) -> None:
    """A quantity's value is an integer or a number: one finding, not one per member."""
    (finding,) = _edit("v2/reciprocal-items", "value: 19,", "value: '19',", tmp_path)
    assert (finding.code, finding.pointer) == ("schema.type", "/clauses/1/quantities/0/value")
    assert finding.message == (
        "expected a number, found '19' in clause 'alpha-tariff' (commitment); "
        "write the number without quotes"
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "date: '2025-07-01'",
            "date: 'July 2025'",
            "'July 2025' is not a date at the precision the text gives: YYYY, YYYY-MM or "
            "YYYY-MM-DD (e.g. 2025, 2025-07) in clause 'alpha-tariff' (commitment)",
        ),
        (
            "date: '2025-07-01'",
            "date: '2025-02-30'",
            "'2025-02-30' is not a calendar date in clause 'alpha-tariff' (commitment)",
        ),
        (
            "publisher: Example Ministry}",
            "publisher: Example Ministry, capture: {commit: ABC1234}}",
            "'ABC1234' is not a commit hash: 7 to 64 lower-case hexadecimal digits; "
            "did you mean 'abc1234'?",
        ),
    ],
)
def test_a_version_2_form_is_described_in_words(
    old: str, new: str, message: str, tmp_path: Path
) -> None:
    assert _message("v2/reciprocal-items", old, new, tmp_path) == message


# -- the generated country tables ---------------------------------------------------------------


def test_the_country_tables_are_what_the_generator_renders_from_pycountry() -> None:
    """ALPHA_3 and NAMES (what messages suggest from) are pycountry's, never typed by hand."""
    render = runpy.run_path(str(ROOT / "tools" / "generate_iso3166.py"))["render"]
    assert render() == Path(_iso3166.__file__).read_text(encoding="utf-8")
    assert _iso3166.ALPHA_3["GBR"] == "GB"
    assert _iso3166.NAMES["republic of korea"] == "KR"


# -- usage errors: that command's usage, the nearest option --------------------------------------

COMMANDS = sorted(_parser().commands)


def _misspelt(option: str) -> str:
    """``--fromat`` for ``--format``: the last two letters swapped."""
    return option[:-2] + option[-1] + option[-2]


@pytest.mark.parametrize("command", COMMANDS)
def test_an_unknown_option_shows_the_commands_usage_and_the_nearest_option(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = _parser().commands[command]
    options = [o for a in parser._actions for o in a.option_strings if o.startswith("--")]
    option = max(options, key=len)
    with pytest.raises(SystemExit) as exit_:
        main([command, _misspelt(option), "x"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: jointstmt {command} ")
    assert err.rstrip().endswith(f"; did you mean {option}?")


def test_every_command_is_covered() -> None:
    assert {"validate", "schema", "datasets", "spans", "migrate", "coverage"} <= set(COMMANDS)


@pytest.mark.parametrize(
    ("arguments", "usage", "hint"),
    [
        (["validate", "--format", "jsn", "x"], "jointstmt validate", "did you mean json?"),
        (["valdate", "x"], "jointstmt [-h]", "did you mean validate?"),
        (["--verison"], "jointstmt [-h]", "did you mean --version?"),
        (
            ["validate", "--fromat", "json", "--max-byts", "9", "x"],
            "jointstmt validate",
            "did you mean --format for --fromat, --max-bytes for --max-byts?",
        ),
    ],
)
def test_a_wrong_choice_or_command_suggests_the_nearest(
    arguments: list[str], usage: str, hint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(arguments)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: {usage}")
    assert err.rstrip().endswith(hint)


def test_a_path_that_does_not_exist_shows_validates_usage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["validate", str(tmp_path / "absent.yaml")])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: jointstmt validate ")
    assert "jointstmt: error: no such file or folder: " in err
