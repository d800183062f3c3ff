"""The version-2 rules, one test (or a few) per rule: each reads as the rule's specification.

Every test edits a valid version-2 example (``tests/examples/v2/``) so that it breaks one
rule, and states the findings that follow: code, JSON Pointer and message.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jointstmt import validate
from jointstmt.findings import CODES
from jointstmt.rules import v2

EXAMPLES = Path(__file__).parent / "examples" / "v2"


@pytest.fixture
def copy(tmp_path: Path):  # type: ignore[no-untyped-def]
    def make(name: str) -> Path:
        shutil.copytree(EXAMPLES / name, tmp_path / name)
        return tmp_path / name / "statement.yaml"

    return make


def _edit(path: Path, old: str, new: str) -> list[tuple[str, str, str]]:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return [(f.code, f.pointer, f.message) for f in validate(path)]


def test_there_is_one_rule_per_rule_code_named_in_its_docstring() -> None:
    codes = [rule.__doc__.split(":")[0] for rule in v2.RULES if rule.__doc__]
    assert len(codes) == len(v2.RULES) == len(set(codes))
    assert set(codes) <= {c for c in CODES if c.startswith("rule.")}


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.iterdir()))
def test_every_version_2_example_is_valid(name: str) -> None:
    assert validate(EXAMPLES / name / "statement.yaml") == []


def test_unique_ids_parties_entities_and_meetings_share_one_namespace(copy) -> None:  # type: ignore[no-untyped-def]
    found = _edit(copy("several-meetings"), "{id: br,", "{id: bali,")
    assert found == [
        (
            "rule.duplicate_id",
            "/meetings/2/id",
            "party, participant, entity or meeting id 'bali' is already used at /parties/1/id",
        )
    ]


def test_references_name_the_nearest_declared_id(copy) -> None:  # type: ignore[no-untyped-def]
    found = _edit(
        copy("no-meeting-governments"), "addressees: [the-group]", "addressees: [the-grup]"
    )
    assert found == [
        (
            "rule.reference",
            "/clauses/1/addressees/0",
            "'the-grup' is not a declared party, participant, entity or meeting "
            "(did you mean 'the-group'?)",
        )
    ]


def test_a_participant_represents_a_declared_party(copy) -> None:  # type: ignore[no-untyped-def]
    found = _edit(copy("signature-block"), "party: beta", "party: gamma")
    assert [(c, p) for c, p, _ in found] == [("rule.reference", "/participants/1/party")]


def test_a_grouping_lists_declared_members(copy) -> None:  # type: ignore[no-untyped-def]
    found = _edit(copy("grouping-members"), "members: [ca,", "members: [canada,")
    assert [(c, p) for c, p, _ in found] == [("rule.reference", "/parties/0/members/0")]


def test_relations_and_parents_name_declared_clauses(copy) -> None:  # type: ignore[no-untyped-def]
    path = copy("reciprocal-items")
    found = _edit(path, "clause: beta-barriers}", "clause: gamma-barriers}")
    assert [(c, p) for c, p, _ in found] == [("rule.reference", "/clauses/1/relations/0/clause")]


def test_a_future_meeting_names_a_declared_meeting(copy) -> None:  # type: ignore[no-untyped-def]
    found = _edit(copy("several-meetings"), "meeting_id: rio", "meeting_id: lima")
    assert [(c, p) for c, p, _ in found] == [("rule.reference", "/clauses/2/meeting_id")]


def test_a_person_cites_a_declared_source(copy) -> None:  # type: ignore[no-untyped-def]
    found = _edit(copy("signature-block"), "sources: [text]", "sources: [page]")
    assert [(c, p) for c, p, _ in found] == [("rule.reference", "/participants/0/person/sources/0")]


def test_parent_cycle_is_reported_at_each_clause_on_the_cycle(copy) -> None:  # type: ignore[no-untyped-def]
    path = copy("reciprocal-items")
    found = _edit(path, "  modality: will\n", "  modality: will\n  parent: alpha-tariff\n")
    assert sorted((c, p) for c, p, _ in found) == [
        ("rule.parent_cycle", "/clauses/0/parent"),
        ("rule.parent_cycle", "/clauses/1/parent"),
    ]


def test_at_most_one_meeting_is_recorded(copy) -> None:  # type: ignore[no-untyped-def]
    found = _edit(
        copy("several-meetings"),
        "- id: bali\n  relation: earlier",
        "- id: bali\n  relation: recorded",
    )
    assert found == [
        (
            "rule.recorded_meeting",
            "/meetings/2/relation",
            "meeting 'bali' is recorded, and so is 'meeting'; a statement records at most one "
            "meeting (use earlier, occasion, planned or proposed for the others)",
        )
    ]


def test_a_meeting_ends_after_it_starts(copy) -> None:  # type: ignore[no-untyped-def]
    path = copy("several-meetings")
    found = _edit(
        path,
        "  relation: earlier\n",
        "  relation: earlier\n  start: '2020-05-02'\n  end: '2020-05-01'\n",
    )
    assert [(c, p) for c, p, _ in found] == [("rule.date_order", "/meetings/2/end")]


def test_the_statement_is_not_issued_before_the_recorded_meeting(copy) -> None:  # type: ignore[no-untyped-def]
    path = copy("several-meetings")
    found = _edit(
        path,
        "  relation: recorded\n",
        "  relation: recorded\n  start: '2030-01-01'\n  end: '2030-01-01'\n",
    )
    assert [(c, p) for c, p, _ in found] == [("rule.date_order", "/issued")]


def test_a_subdivision_belongs_to_its_country(copy) -> None:  # type: ignore[no-untyped-def]
    found = _edit(
        copy("several-meetings"),
        "    - locality: New Delhi\n",
        "    - locality: New Delhi\n      subdivision: US-DC\n",
    )
    assert [(c, p) for c, p, _ in found] == [
        ("rule.subdivision", "/meetings/0/location/places/0/subdivision")
    ]


def test_language_tags_are_registered(copy) -> None:  # type: ignore[no-untyped-def]
    found = _edit(copy("work-fr"), "language: fr", "language: qq")
    assert [(c, p) for c, p, _ in found] == [("rule.language_tag", "/language")]


def test_time_zones_exist(copy) -> None:  # type: ignore[no-untyped-def]
    found = _edit(
        copy("work-en"),
        "issued: '2022-06-10'",
        "issued: '2022-06-10'\nissued_time_zone: Mars/Olympus",
    )
    assert [(c, p) for c, p, _ in found] == [("rule.time_zone", "/issued_time_zone")]


def test_exactly_one_statement_text(copy) -> None:  # type: ignore[no-untyped-def]
    path = copy("work-en")
    found = _edit(
        path,
        "sources:\n",
        "sources:\n- {id: again, role: statement_text, path: statement.txt, sha256: '"
        + "0" * 64
        + "', publisher: X}\n",
    )
    assert [c for c, _, _ in found] == ["rule.statement_text"]


def test_the_statement_text_stays_in_the_folder(copy) -> None:  # type: ignore[no-untyped-def]
    found = _edit(copy("work-en"), "path: statement.txt", "path: ../statement.txt")
    assert [(c, p) for c, p, _ in found] == [("rule.source_path", "/sources/0/path")]


def test_the_statement_text_exists(copy) -> None:  # type: ignore[no-untyped-def]
    found = _edit(copy("work-en"), "path: statement.txt", "path: missing.txt")
    assert [(c, p) for c, p, _ in found] == [("rule.source_missing", "/sources/0/path")]


def test_the_statement_text_is_pinned(copy) -> None:  # type: ignore[no-untyped-def]
    path = copy("work-en")
    (path.parent / "statement.txt").write_text("changed\n", encoding="utf-8")
    assert [(c, p) for c, p, _ in ((f.code, f.pointer, f.message) for f in validate(path))] == [
        ("rule.sha256", "/sources/0/sha256")
    ]


def test_a_clause_lies_inside_the_body(copy) -> None:  # type: ignore[no-untyped-def]
    path = copy("no-meeting-governments")
    text = path.read_text(encoding="utf-8")
    start = text.index("body:")
    body = text[start:]
    new_body = body.replace("span: {start: ", "span: {start: 1", 1)
    path.write_text(text[:start] + new_body, encoding="utf-8")
    found = [(f.code, f.pointer) for f in validate(path)]
    assert ("rule.span", "/clauses/0/span") in found
    assert {c for c, _ in found} == {"rule.span"}


def test_a_conditions_quote_is_the_text_at_its_span(copy) -> None:  # type: ignore[no-untyped-def]
    path = copy("reciprocal-items")
    found = _edit(
        path,
        "text: provided that Alpha carries out item 1\n",
        "text: provided that Alpha carries out item 2\n",
    )
    assert [(c, p) for c, p, _ in found] == [("rule.span_text", "/clauses/2/condition/text")]
