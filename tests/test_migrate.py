"""``jointstmt migrate``: version 1 in, version 2 out, saying the same, comments kept, safely."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from jointstmt import load
from jointstmt.cli import main
from jointstmt.migrate import migrate_file, migrate_text
from jointstmt.model.v2 import JointStatement as JointStatement2
from jointstmt.serialize import dumps
from jointstmt.strategies import Generated, statements, statements_v2
from jointstmt.validation import validate

V1_EXAMPLES = sorted(
    p.parent for p in (Path(__file__).parent / "examples").glob("*/statement.yaml")
)


def _says_the_same(v1: Any, v2: JointStatement2) -> None:
    """Every fact of the version-1 statement is in the version-2 one, where version 2 keeps it."""
    assert v2.id == v1.id
    assert v2.title == v1.title
    assert v2.issued == v1.issued
    assert v2.document_type == v1.document_type
    assert v2.language == v1.language
    assert [s.model_dump(exclude_none=True) for s in v2.sources] == [
        s.model_dump(exclude_none=True) for s in v1.sources
    ]
    for old, new in zip(v1.clauses, v2.clauses, strict=True):
        assert new.model_dump(exclude_defaults=True) == old.model_dump(exclude_defaults=True)
    assert [(p.number, p.span, p.verification, p.note) for p in v2.body.paragraphs] == [
        (p.number, p.span, p.verification, p.note) for p in v1.paragraphs
    ]
    parties = {p.id: p for p in v2.parties}
    for old_p, new_p in zip(v1.participants, v2.participants, strict=True):
        assert (new_p.id, new_p.office, new_p.rank) == (old_p.id, old_p.office, old_p.rank)
        party = parties[new_p.party]
        if old_p.country is not None:
            assert party.country == old_p.country
        else:
            assert party.id == old_p.organization
        if old_p.person is not None:
            assert new_p.person is not None
            assert new_p.person.name == old_p.person.name
            assert new_p.person.sources == (old_p.person.source,)
    (meeting,) = v2.meetings
    old_m = v1.meeting
    assert meeting.relation == "recorded"
    for field in ("name", "format", "level", "mode", "start", "end", "start_time", "end_time"):
        assert getattr(meeting, field) == getattr(old_m, field)
    assert meeting.time_zone == old_m.time_zone
    assert meeting.sources == ((old_m.source,) if old_m.source else ())
    if old_m.location is not None:
        assert meeting.location is not None
        assert meeting.location.wording == old_m.location.wording
        assert [(p.name, p.locality, p.country, p.sources) for p in meeting.location.places] == [
            (p.name, p.locality, p.country, (p.source,)) for p in old_m.location.places
        ]
    kept = {e.id for e in v2.entities} | set(parties)
    assert {e.id for e in v1.entities} <= kept


@given(statements())
def test_every_migrated_statement_is_valid_version_2_and_says_the_same(
    generated: Generated,
) -> None:
    """For every generated version-1 statement, the migrated file validates as version 2 (rules
    and statement text included) and keeps every clause, span, fact and source."""
    with tempfile.TemporaryDirectory() as folder:
        path = generated.write(folder)
        text, changed = migrate_text(path.read_text(encoding="utf-8"))
        assert changed
        path.write_text(text, encoding="utf-8")
        assert validate(path) == []
        _says_the_same(generated.statement, load(path))  # type: ignore[arg-type]


@given(statements())
def test_migrating_twice_is_migrating_once(generated: Generated) -> None:
    """The migrated text, migrated again, is unchanged."""
    once, _ = migrate_text(dumps(generated.statement))
    twice, changed = migrate_text(once)
    assert (twice, changed) == (once, False)


@given(statements_v2())
def test_generated_version_2_statements_validate(generated: Any) -> None:
    """The version-2 strategy draws only statements that pass every check."""
    with tempfile.TemporaryDirectory() as folder:
        assert validate(generated.write(folder)) == []


@pytest.mark.parametrize("example", V1_EXAMPLES, ids=lambda p: p.name)
def test_the_version_1_examples_migrate_and_say_the_same(example: Path, tmp_path: Path) -> None:
    folder = tmp_path / example.name
    shutil.copytree(example, folder)
    path = folder / "statement.yaml"
    before = load(path)
    assert main(["migrate", str(path)]) == 0
    assert validate(path) == []
    _says_the_same(before, load(path))  # type: ignore[arg-type]


def test_comments_and_key_order_are_kept(example: Path) -> None:
    text = example.read_text(encoding="utf-8")
    text = text.replace("title:", "# the title as published\ntitle:", 1)
    example.write_text(text, encoding="utf-8")
    assert main(["migrate", str(example)]) == 0
    migrated = example.read_text(encoding="utf-8")
    assert "# the title as published\ntitle:" in migrated
    assert migrated.index("schema_version: 2") < migrated.index("title:")


def test_output_writes_elsewhere_and_leaves_the_original(example: Path) -> None:
    original = example.read_bytes()
    target = example.with_name("v2.yaml")
    assert main(["migrate", str(example), "--output", str(target)]) == 0
    assert example.read_bytes() == original
    assert validate(target) == []


def test_a_version_2_file_is_left_as_it_is(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["migrate", str(example)]) == 0
    once = example.read_bytes()
    assert main(["migrate", str(example)]) == 0
    assert example.read_bytes() == once
    assert "already version 2" in capsys.readouterr().out


def test_crlf_line_endings_and_a_byte_order_mark_are_kept(example: Path) -> None:
    text = example.read_text(encoding="utf-8").replace("\n", "\r\n")
    example.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert main(["migrate", str(example)]) == 0
    data = example.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == data.count(b"\n")
    assert validate(example) == []


def test_an_invalid_version_1_file_is_refused_and_left_intact(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example.write_text(example.read_text(encoding="utf-8") + "surprise: 1\n", encoding="utf-8")
    original = example.read_bytes()
    assert main(["migrate", str(example)]) == 1
    assert example.read_bytes() == original
    err = capsys.readouterr().err
    assert "not a valid version-1 statement" in err
    assert "Traceback" not in err


def test_a_failed_write_leaves_the_original_intact(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = example.read_bytes()

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    changed, problems = migrate_file(example)
    assert not changed
    assert problems
    assert "No space left on device" in problems[0]
    assert example.read_bytes() == original
    assert [p.name for p in example.parent.iterdir() if p.suffix not in (".yaml", ".txt")] == []


def test_more_than_one_file_with_output_is_a_usage_error(example: Path) -> None:
    assert main(["migrate", str(example), str(example), "--output", "x.yaml"]) == 2
