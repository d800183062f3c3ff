"""``jointstmt export``: tidy tables whose keys join, described by a data package others can read."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jointstmt.cli import main
from jointstmt.export import TABLE_FORMATS, export, frames
from jointstmt.model.v2.clauses import CLAUSE_CLASSES, ClauseBase
from jointstmt.model.v2.statement import Participant
from jointstmt.reading import read
from jointstmt.runner import discover
from jointstmt.tables import TABLES

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT / "datasets"
EXAMPLES = ROOT / "tests" / "examples"
V2_EXAMPLES = EXAMPLES / "v2"
#: A version-1 statement (the reference dataset as it was before version 2).
VERSION_1 = EXAMPLES / "reference-v1"
#: The datasets and the examples, but for the version-1 copy of a dataset (one id, twice).
CORPUS = [DATASETS, *(p for p in sorted(EXAMPLES.iterdir()) if p.is_dir() and p != VERSION_1)]


def _rows(folder: Path, table: str) -> list[dict[str, str]]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def _corpus(*folders: Path) -> Iterator[Any]:
    for name in discover([str(f) for f in folders or (DATASETS,)]):
        yield read(name)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped datasets and the examples exported as CSV, once for the module."""
    folder = tmp_path_factory.mktemp("export") / "tables"
    outcome = export(CORPUS, folder, "csv")
    assert not outcome.problems, outcome.problems
    return folder


def test_the_clause_table_has_one_row_per_clause_of_the_corpus(exported: Path) -> None:
    statements = list(_corpus(*CORPUS))
    clauses = _rows(exported, "clauses")
    assert len(clauses) == sum(len(r.statement.clauses) for r in statements)
    assert len(_rows(exported, "statements")) == len(statements)
    keys = {(row["statement_id"], row["clause_id"]) for row in clauses}
    assert len(keys) == len(clauses)


def test_frictionless_validates_the_data_package(exported: Path) -> None:
    """The descriptor, types, primary keys and foreign keys hold, as the frictionless tool checks them."""
    tool = Path(sys.executable).parent / "frictionless"
    done = subprocess.run(
        [str(tool), "validate", "--json", "datapackage.json"],
        cwd=exported,
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(done.stdout)
    errors = [(t["name"], e["note"]) for t in report["tasks"] for e in t["errors"]]
    assert errors == []
    assert report["valid"] is True
    assert done.returncode == 0
    assert {t["name"] for t in report["tasks"]} == {t.name for t in TABLES}


def test_field_descriptions_are_the_models_own(exported: Path) -> None:
    descriptor = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    fields = {f["name"]: f for f in resources["participants"]["schema"]["fields"]}
    assert fields["office"]["description"] == Participant.model_fields["office"].description
    assert fields["rank"]["description"] == Participant.model_fields["rank"].description
    for resource in resources.values():
        for field in resource["schema"]["fields"]:
            assert field["description"], (resource["name"], field["name"])


def test_every_table_is_declared_with_its_keys(exported: Path) -> None:
    descriptor = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    for resource, table in zip(descriptor["resources"], TABLES, strict=True):
        assert resource["name"] == table.name
        assert resource["path"] == f"{table.name}.csv"
        assert resource["schema"]["primaryKey"] == list(table.primary_key)
        with (exported / resource["path"]).open(encoding="utf-8", newline="") as stream:
            assert next(csv.reader(stream)) == list(table.names)
    clauses = next(r for r in descriptor["resources"] if r["name"] == "clause_actors")
    assert {
        "fields": ["statement_id", "clause_id"],
        "reference": {"resource": "clauses", "fields": ["statement_id", "clause_id"]},
    } in clauses["schema"]["foreignKeys"]


def test_the_value_column_holds_each_clauses_own_field(exported: Path) -> None:
    rows = {(r["statement_id"], r["clause_id"]): r for r in _rows(exported, "clauses")}
    for loaded in _corpus(*CORPUS):
        for clause in loaded.statement.clauses:
            row = rows[(loaded.statement.id, clause.id)]
            assert row["value_field"] == clause.value_field
            assert row["value"] == getattr(clause, clause.value_field)
            assert row["type"] == clause.type


def test_every_clause_type_field_has_a_column() -> None:
    columns = set(next(t for t in TABLES if t.name == "clauses").names)
    for cls in CLAUSE_CLASSES.values():
        own = set(cls.model_fields) - set(ClauseBase.model_fields) - {cls.value_field}
        assert own <= columns, cls.__name__


def test_a_version_1_statement_is_exported_as_version_2_sees_it(tmp_path: Path) -> None:
    outcome = export([VERSION_1], tmp_path, "csv")
    assert not outcome.problems
    (statement,) = _rows(tmp_path, "statements")
    assert statement["schema_version"] == "1"
    parties = {row["party_id"]: row for row in _rows(tmp_path, "parties")}
    assert {p["country"] for p in parties.values()} == {"US", "JP", "KR"}
    assert all(row["party_id"] in parties for row in _rows(tmp_path, "participants"))
    (meeting,) = _rows(tmp_path, "meetings")
    assert meeting["relation"] == "recorded"
    actors = _rows(tmp_path, "clause_actors")
    defaulted = [row for row in actors if row["stated"] == "false"]
    assert defaulted
    assert {row["actor_kind"] for row in defaulted} == {"party"}


def test_link_tables_carry_the_lists_of_version_2_clauses(tmp_path: Path) -> None:
    export([V2_EXAMPLES / "reciprocal-items"], tmp_path, "csv")
    dates = _rows(tmp_path, "clause_dates")
    assert [(d["clause_id"], d["role"], d["date"]) for d in dates] == [
        ("alpha-tariff", "deadline", "2025-07-01")
    ]
    quantities = _rows(tmp_path, "clause_quantities")
    assert sorted((q["clause_id"], q["value"], q["unit"]) for q in quantities) == [
        ("alpha-tariff", "19", "percent"),
        ("beta-barriers", "99", "percent"),
    ]
    relations = {
        (r["clause_id"], r["relation"], r["other_clause_id"])
        for r in _rows(tmp_path, "clause_relations")
    }
    assert ("beta-barriers", "conditional_on", "alpha-tariff") in relations
    clauses = {r["clause_id"]: r for r in _rows(tmp_path, "clauses")}
    assert clauses["beta-barriers"]["condition"] == "provided that Alpha carries out item 1"
    assert clauses["alpha-tariff"]["parent"] == "agree-as-follows"


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_every_format_holds_the_same_rows(fmt: str, tmp_path: Path) -> None:
    export(CORPUS, tmp_path / "csv", "csv")
    export(CORPUS, tmp_path / fmt, fmt)
    for table in TABLES:
        expected = _rows(tmp_path / "csv", table.name)
        got = _read(tmp_path / fmt / f"{table.name}{TABLE_FORMATS[fmt].suffix}", fmt)
        assert [_as_csv(row) for row in got] == expected, table.name


def _read(path: Path, fmt: str) -> list[dict[str, Any]]:
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    import pyarrow.parquet as pq

    return list(pq.read_table(path).to_pylist())


def _as_csv(row: dict[str, Any]) -> dict[str, str]:
    def text(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return str(value).lower()
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return value.isoformat() if hasattr(value, "isoformat") else str(value)

    return {key: text(value) for key, value in row.items()}


def test_parquet_columns_carry_types_and_descriptions(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    export([VERSION_1], tmp_path, "parquet")
    schema = pq.read_schema(tmp_path / "statements.parquet")
    assert str(schema.field("issued").type) == "date32[day]"
    assert str(schema.field("schema_version").type) == "int64"
    assert schema.field("title").metadata == {b"description": b"The statement's title."}


def test_a_file_that_does_not_validate_stops_the_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(V2_EXAMPLES / "reciprocal-items", corpus / "good")
    shutil.copytree(V2_EXAMPLES / "no-meeting-governments", corpus / "bad")
    bad = corpus / "bad" / "statement.yaml"
    bad.write_text(
        bad.read_text(encoding="utf-8").replace("kind: government", "kind: empire", 1),
        encoding="utf-8",
    )
    output = tmp_path / "out"
    output.mkdir()
    (output / "clauses.csv").write_text("kept\n", encoding="utf-8")

    status = main(["export", str(corpus), "--output", str(output)])

    assert status == 1
    err = capsys.readouterr().err
    assert f"{bad}:" in err
    assert "schema.vocabulary" in err
    assert "nothing written" in err
    assert sorted(p.name for p in output.iterdir()) == ["clauses.csv"]
    assert (output / "clauses.csv").read_text(encoding="utf-8") == "kept\n"


def test_two_files_with_one_statement_id_stop_the_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("first", "second"):
        shutil.copytree(V2_EXAMPLES / "reciprocal-items", tmp_path / "corpus" / name)
    status = main(["export", str(tmp_path / "corpus"), "-o", str(tmp_path / "out")])
    assert status == 1
    err = capsys.readouterr().err
    assert "rule.duplicate_id" in err
    assert "second" in err
    assert list((tmp_path / "out").iterdir()) == []


def test_a_failure_mid_export_leaves_no_file_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jointstmt.export as module

    def fail(self: Any, read: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(module.TableExporter, "add", fail)
    status = main(["export", str(VERSION_1), "-o", str(tmp_path)])
    assert status == 1
    assert list(tmp_path.iterdir()) == []


def test_the_command_writes_the_tables_and_says_what_it_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["export", str(V2_EXAMPLES), "--format", "jsonl", "-o", str(tmp_path)])
    assert status == 0
    out = capsys.readouterr().out
    examples = list(discover([str(V2_EXAMPLES)]))
    assert f"{len(examples)} statements" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f"{t.name}.jsonl" for t in TABLES] + ["datapackage.json"]
    )


def test_files_keep_the_mode_of_those_they_replace(tmp_path: Path) -> None:
    export([VERSION_1], tmp_path, "csv")
    os.chmod(tmp_path / "clauses.csv", 0o640)
    export([VERSION_1], tmp_path, "csv")
    assert (tmp_path / "clauses.csv").stat().st_mode & 0o777 == 0o640


def test_a_path_that_does_not_exist_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_parquet_without_pyarrow_says_which_extra_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pyarrow" else real(name, *a)
    )
    assert main(["export", str(VERSION_1), "--format", "parquet", "-o", str(tmp_path)]) == 1
    assert "pip install 'jointstmt[parquet]'" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_frames_are_the_tables_with_pandas_types() -> None:
    tables = frames(r.path for r in _corpus())
    assert set(tables) == {t.name for t in TABLES}
    clauses = tables["clauses"]
    assert len(clauses) == sum(len(r.statement.clauses) for r in _corpus())
    assert str(clauses["position"].dtype) == "Int64"
    assert str(clauses["reaffirmed"].dtype) == "boolean"
    assert str(tables["statements"]["issued"].dtype).startswith("datetime64")


def test_frames_take_statement_models_of_either_version() -> None:
    v1 = read(VERSION_1 / "statement.yaml")
    from jointstmt import load

    model = load(VERSION_1 / "statement.yaml")
    tables = frames([model, read(V2_EXAMPLES / "reciprocal-items" / "statement.yaml").statement])
    assert list(tables["statements"]["schema_version"]) == [1, 2]
    assert len(tables["clauses"]) == len(v1.statement.clauses) + 3


# --- the README's section "Using the data" ---------------------------------------------------------

README_SECTION = "## Using the data"


def _readme_blocks(language: str) -> list[str]:
    """The fenced code blocks in ``language`` of the README's section on using the data."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(f"\n{README_SECTION}\n", 1)[1].split("\n## ", 1)[0]
    return [
        code
        for lang, code in re.findall(r"^```(\w+)\n(.*?)^```$", section, re.M | re.S)
        if lang == language
    ]


def test_the_readme_commands_write_what_it_says(tmp_path: Path) -> None:
    shutil.copytree(DATASETS, tmp_path / "datasets")
    commands = [
        line for block in _readme_blocks("sh") for line in block.splitlines() if line.strip()
    ]
    assert len(commands) == 4
    for command in commands:
        done = subprocess.run(
            command, shell=True, cwd=tmp_path, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, (command, done.stderr)
    assert (tmp_path / "tables" / "datapackage.json").is_file()
    assert (tmp_path / "parquet" / "clauses.parquet").is_file()
    assert (tmp_path / "events" / "events.jsonl").is_file()
    assert (tmp_path / "statement.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_readme_python_example_answers_its_questions() -> None:
    (code,) = _readme_blocks("python")
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert re.search(r"^US\s+\d", done.stdout, re.M)  # a row of clause-type counts for the US
    assert "commitment" in done.stdout
    statements = [loaded.statement for loaded in _corpus()]
    deadlines = sum(
        1
        for statement in statements
        for clause in statement.clauses
        if clause.type == "commitment" and any(d.role == "deadline" for d in clause.dates)
    )
    assert deadlines
    ids = tuple(s.id for s in statements)
    listed = [line for line in done.stdout.splitlines() if line.strip().startswith(ids)]
    assert len(listed) == deadlines


def test_the_readme_event_record_is_what_the_export_writes() -> None:
    from jointstmt.plover import events

    (block,) = _readme_blocks("json")
    shown = json.loads(block)
    statement = read(V2_EXAMPLES / "reciprocal-items" / "statement.yaml").statement
    written = next(r for r in events(statement)[0] if r["id"] == shown["id"])
    assert {k: v for k, v in shown.items() if k != "coder"} == {
        k: v for k, v in written.items() if k != "coder"
    }


def test_the_readme_names_every_table_and_the_r_example_reads_real_ones() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(f"\n{README_SECTION}\n", 1)[1].split("\n## ", 1)[0]
    for table in TABLES:
        assert f"`{table.name}`" in section, table.name
    (r_code,) = _readme_blocks("r")
    read_in_r = re.findall(r'read_resource\(package, "(\w+)"\)', r_code)
    assert read_in_r
    assert set(read_in_r) <= {t.name for t in TABLES}


def test_a_link_in_the_output_folder_is_replaced_never_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.csv"
    outside.write_text("not ours\n", encoding="utf-8")
    os.chmod(outside, 0o777)
    output = tmp_path / "out"
    output.mkdir()
    (output / "clauses.csv").symlink_to(outside)
    export([VERSION_1], output, "csv")
    assert outside.read_text(encoding="utf-8") == "not ours\n"
    assert not (output / "clauses.csv").is_symlink()
    assert (output / "clauses.csv").stat().st_mode & 0o777 == (
        output / "parties.csv"
    ).stat().st_mode & 0o777
