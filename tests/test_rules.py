"""The version-1 rules, one test per rule: each reads as the rule's specification.

Every test edits the valid bilateral example (``conftest.example``) so that it breaks
one rule, and states the findings that follow: code, JSON Pointer and message.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jointstmt import validate
from jointstmt.findings import CODES
from jointstmt.rules import v1


def _edit(example: Path, old: str, new: str) -> list[tuple[str, str, str]]:
    text = example.read_text(encoding="utf-8")
    assert old in text, old
    example.write_text(text.replace(old, new, 1), encoding="utf-8")
    return [(f.code, f.pointer, f.message) for f in validate(example)]


def test_there_is_one_rule_per_rule_code_named_in_its_docstring() -> None:
    codes = [rule.__doc__.split(":")[0] for rule in v1.RULES if rule.__doc__]
    assert len(codes) == len(v1.RULES) == len(set(codes))
    assert set(codes) <= {c for c in CODES if c.startswith("rule.")}


def test_unique_ids_participants_and_entities_share_one_namespace(example: Path) -> None:
    found = _edit(example, "  - id: ukraine\n", '  - id: "no"\n')
    assert found[0] == (
        "rule.duplicate_id",
        "/entities/0/id",
        "participant or entity id 'no' is already used at /participants/1/id",
    )


def test_unique_ids_clause_ids(example: Path) -> None:
    found = _edit(example, "id: condemn-attacks", "id: reaffirm-partnership")
    assert found == [
        (
            "rule.duplicate_id",
            "/clauses/2/id",
            "clause id 'reaffirm-partnership' is already used at /clauses/0/id",
        )
    ]


def test_references_every_target_is_a_declared_participant_or_entity(example: Path) -> None:
    found = _edit(example, 'targets: ["no", ukraine]', 'targets: ["no", ukrain]')
    assert found == [
        (
            "rule.reference",
            "/clauses/1/targets/1",
            "'ukrain' is not a declared participant or entity (did you mean 'ukraine'?)",
        )
    ]


def test_references_every_actor_is_a_declared_participant(example: Path) -> None:
    found = _edit(example, "actors: [us]", "actors: [usa]")
    assert found == [
        (
            "rule.reference",
            "/clauses/1/actors/0",
            "'usa' is not a declared participant (did you mean 'us'?)",
        )
    ]


def test_references_every_cited_source_is_declared(example: Path) -> None:
    found = _edit(example, "        source: text\n", "        source: wire\n")
    assert found == [
        (
            "rule.reference",
            "/meeting/location/places/0/source",
            "'wire' is not a declared source (declared: text)",
        )
    ]


def test_date_order_the_meeting_ends_on_or_after_its_start(example: Path) -> None:
    found = _edit(example, "  end: 2025-03-12", "  end: 2025-03-11")
    assert found == [
        (
            "rule.date_order",
            "/meeting/end",
            "the meeting ends (2025-03-11) before it starts (2025-03-12)",
        )
    ]


def test_date_order_the_statement_is_issued_on_or_after_the_meeting_starts(example: Path) -> None:
    found = _edit(example, "issued: 2025-03-12", "issued: 2025-03-10")
    assert found == [
        (
            "rule.date_order",
            "/issued",
            "the statement is issued (2025-03-10) before the meeting starts (2025-03-12)",
        )
    ]


def test_subdivision_exists_in_iso_3166_2(example: Path) -> None:
    found = _edit(example, "US-DC", "US-ZZ")
    pointer = "/meeting/location/places/0/subdivision"
    assert found == [("rule.subdivision", pointer, "'US-ZZ' is not an ISO 3166-2 code")]


def test_subdivision_belongs_to_the_places_country(example: Path) -> None:
    found = _edit(example, "US-DC", "NO-03")
    pointer = "/meeting/location/places/0/subdivision"
    assert found == [("rule.subdivision", pointer, "'NO-03' is not a subdivision of US")]


def test_language_tag_is_registered(example: Path) -> None:
    found = _edit(example, "language: en", "language: qq")
    assert found == [
        ("rule.language_tag", "/language", "'qq' is not a registered BCP 47 language tag")
    ]


def test_time_zone_is_in_the_iana_database(example: Path) -> None:
    found = _edit(example, "  level: leaders\n", "  level: leaders\n  time_zone: Mars/Olympus\n")
    assert [code for code, _, _ in found] == ["rule.time_zone"]
    assert found[0][1] == "/meeting/time_zone"


def test_statement_text_exactly_one_source_is_the_statement_text(example: Path) -> None:
    found = _edit(example, "role: statement_text", "role: reference")
    assert found == [
        (
            "rule.statement_text",
            "/sources",
            "found 0 sources with role statement_text; exactly one is needed",
        )
    ]


@pytest.mark.parametrize("path", ["../../etc/passwd", "/etc/passwd"])
def test_source_path_stays_inside_the_statements_folder(example: Path, path: str) -> None:
    found = _edit(example, "path: statement.txt", f"path: {path}")
    assert found == [
        (
            "rule.source_path",
            "/sources/0/path",
            f"'{path}' must be a path inside the statement's folder, without '..'",
        )
    ]


def test_source_path_a_symlink_out_of_the_folder_is_never_followed(example: Path) -> None:
    outside = example.parent.parent / "outside.txt"
    outside.write_text("secret")
    (example.parent / "out.txt").symlink_to(outside)
    found = _edit(example, "path: statement.txt", "path: out.txt")
    assert found == [
        ("rule.source_path", "/sources/0/path", "'out.txt' resolves outside the statement's folder")
    ]


def test_source_missing_the_statement_text_is_a_file_beside_the_yaml(example: Path) -> None:
    found = _edit(example, "path: statement.txt", "path: missing.txt")
    assert found == [
        (
            "rule.source_missing",
            "/sources/0/path",
            f"'missing.txt' is not a file in {example.parent}",
        )
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_source_missing_a_named_pipe_is_not_read(example: Path) -> None:
    os.mkfifo(example.parent / "pipe.txt")
    found = _edit(example, "path: statement.txt", "path: pipe.txt")
    assert found == [
        (
            "rule.source_missing",
            "/sources/0/path",
            "'pipe.txt' is not a regular file (a folder, a named pipe or a device)",
        )
    ]


def test_source_missing_the_statement_text_is_utf_8(example: Path) -> None:
    (example.parent / "statement.txt").write_bytes(b"\xff\xfe")
    found = _edit(example, "", "")
    assert [(code, pointer) for code, pointer, _ in found] == [
        ("rule.source_missing", "/sources/0/path")
    ]
    assert "cannot be read as UTF-8 text" in found[0][2]


def test_sha256_the_statement_text_is_the_pinned_file(example: Path) -> None:
    found = _edit(example, "sha256: 26e7", "sha256: 00e7")
    assert [(code, pointer) for code, pointer, _ in found] == [("rule.sha256", "/sources/0/sha256")]
    assert "26e7c524742eb133010df151a6066d61a88a1622d74036442c889bf9d874a817" in found[0][2]


def test_span_lies_within_the_statement_text(example: Path) -> None:
    found = _edit(example, "span: {start: 285, end: 357}", "span: {start: 285, end: 99999}")
    assert found == [
        (
            "rule.span",
            "/clauses/2/span",
            f"the span ends at 99999, past the end of the text ({len(_source(example))})",
        )
    ]


def test_span_is_not_reversed(example: Path) -> None:
    found = _edit(example, "span: {start: 285, end: 357}", "span: {start: 357, end: 285}")
    assert found == [("rule.span", "/clauses/2/span", "the span is reversed (357 > 285)")]


def test_span_text_is_the_source_at_the_span_exactly(example: Path) -> None:
    found = _edit(example, "condemned the attacks", "condemned the attack")
    assert [(code, pointer) for code, pointer, _ in found] == [
        ("rule.span_text", "/clauses/2/text")
    ]
    assert found[0][2].startswith("text differs from the source at 285:357, which reads ")


def test_rules_on_files_are_skipped_without_a_folder(example: Path) -> None:
    from jointstmt import loads

    text = example.read_text().replace("sha256: 26e7", "sha256: 00e7")
    assert loads(text).id == "us-norway-2025-03-12"


def _source(example: Path) -> str:
    return (example.parent / "statement.txt").read_text(encoding="utf-8")
