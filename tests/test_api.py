"""The public API as a new user meets it: names, dump, the statement text, clause values."""

from __future__ import annotations

from pathlib import Path

import pytest

import jointstmt
from jointstmt import JointStatement, dump, load, loads, read_statement_text
from jointstmt.fileio import ReadError
from jointstmt.model import CLAUSE_CLASSES, Clause
from jointstmt.model.clauses import Condemnation, Instruction


def test_every_public_name_is_listed_by_dir_and_importable() -> None:
    listed = dir(jointstmt)
    for name in jointstmt.__all__:
        assert name in listed
        assert getattr(jointstmt, name) is not None


def test_dump_is_the_function_and_writes_what_loads_back(example: Path, tmp_path: Path) -> None:
    statement = load(example)
    assert callable(dump)
    target = example.parent / "copy.yaml"
    dump(statement, target)
    assert loads(target.read_text(encoding="utf-8"), example.parent) == statement


def test_read_statement_text_gives_the_pinned_text(example: Path) -> None:
    statement = load(example)
    text = read_statement_text(statement, example)
    clause = statement.clauses[0]
    assert text[clause.span.start : clause.span.end] == clause.text


def test_read_statement_text_refuses_a_changed_file(example: Path) -> None:
    statement = load(example)
    (example.parent / "statement.txt").write_text("another text")
    with pytest.raises(ReadError) as error:
        read_statement_text(statement, example)
    assert error.value.problem == "changed"


def test_statement_text_is_the_source_with_its_path(example: Path) -> None:
    assert load(example).statement_text.path == "statement.txt"


def test_every_clause_gives_its_type_specific_value(example: Path) -> None:
    statement: JointStatement = load(example)
    values = {c.type: c.value for c in statement.clauses}
    assert values["condemnation"] == "the attacks on civilian energy infrastructure"
    for cls in CLAUSE_CLASSES.values():
        assert cls.value_field in cls.model_fields


def test_a_value_field_is_the_named_field() -> None:
    clause = Condemnation(
        id="c", type="condemnation", text="t", span={"start": 0, "end": 1}, condemns="it"
    )
    assert (clause.value_field, clause.value) == ("condemns", "it")
    assert Instruction.value_field == "instructs"


def test_clause_classes_are_the_clause_unions_members_in_order() -> None:
    from typing import get_args

    assert list(CLAUSE_CLASSES.values()) == list(get_args(get_args(Clause)[0]))
