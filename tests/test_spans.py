"""``jointstmt spans``: every clause quote is located in the statement text, or refused with its place."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from jointstmt.cli import main
from jointstmt.spans import occurrences

# Multi-byte characters before the quotes: code-point offsets differ from byte offsets.
SOURCE = (
    'Statement \u2013 \u201cOpening\u201d\n"We reaffirm our commitment. We condemn the launches."\n'
)

STATEMENT = """\
# yaml-language-server: $schema=../schema.json
schema_version: 1
sources:
  - id: text
    role: statement_text  # the file beside this one
    path: source.txt
clauses:
  # the first sentence
  - id: reaffirm
    type: reaffirmation
    text: We reaffirm our commitment.
    topics: [partnership]
  - id: condemn
    type: condemnation
    text: "We condemn the launches."
    span: {start: 10, end: 20}  # stale
"""


def _statement(tmp_path: Path, text: str = STATEMENT) -> Path:
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    path = tmp_path / "statement.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _spans(path: Path) -> dict[str, dict[str, int] | None]:
    clauses = YAML(typ="safe").load(path.read_text(encoding="utf-8"))["clauses"]
    return {c["id"]: c.get("span") for c in clauses}


def _expected(quote: str) -> dict[str, int]:
    start = SOURCE.index(quote)
    return {"start": start, "end": start + len(quote)}


def test_a_quote_occurring_once_gets_its_code_point_span_written(tmp_path: Path) -> None:
    """--write sets each span to the quote's code-point offsets, so source[start:end] == text."""
    path = _statement(tmp_path)

    assert main(["spans", "--write", str(path)]) == 0

    spans = _spans(path)
    assert spans == {
        "reaffirm": _expected("We reaffirm our commitment."),
        "condemn": _expected("We condemn the launches."),
    }
    reaffirm = spans["reaffirm"]
    assert reaffirm is not None
    assert SOURCE[reaffirm["start"] : reaffirm["end"]] == "We reaffirm our commitment."


def test_write_keeps_comments_quoting_and_flow_style(tmp_path: Path) -> None:
    """Writing changes only the spans: the modeline, comments, quotes and flow style stay as written."""
    path = _statement(tmp_path)
    reaffirm, condemn = (
        _expected("We reaffirm our commitment."),
        _expected("We condemn the launches."),
    )

    main(["spans", "--write", str(path)])

    expected = STATEMENT.replace(
        "    text: We reaffirm our commitment.\n",
        "    text: We reaffirm our commitment.\n"
        f"    span: {{start: {reaffirm['start']}, end: {reaffirm['end']}}}\n",
    ).replace(
        "span: {start: 10, end: 20}", f"span: {{start: {condemn['start']}, end: {condemn['end']}}}"
    )
    assert path.read_text(encoding="utf-8") == expected


def test_without_write_the_differing_spans_are_reported_and_the_file_is_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A dry run names each clause whose span would change, with old and new offsets, and writes nothing."""
    path = _statement(tmp_path)
    condemn = _expected("We condemn the launches.")

    assert main(["spans", str(path)]) == 0

    out = capsys.readouterr().out
    assert "clause reaffirm: span should be" in out
    assert f"clause condemn: span should be {condemn['start']}:{condemn['end']} (was 10:20)" in out
    assert path.read_text(encoding="utf-8") == STATEMENT


def test_spans_already_right_are_not_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After --write, a second run finds nothing to change."""
    path = _statement(tmp_path)
    main(["spans", "--write", str(path)])
    capsys.readouterr()

    assert main(["spans", str(path)]) == 0

    out = capsys.readouterr().out
    assert "should be" not in out
    assert "0 spans to update" in out


def test_a_quote_not_in_the_source_is_an_error_naming_the_clause_and_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A quote that occurs nowhere fails (exit 1) with path:line:column and the clause id."""
    path = _statement(tmp_path, STATEMENT.replace("our commitment.", "our commitments."))

    assert main(["spans", str(path)]) == 1

    err = capsys.readouterr().err
    assert f"{path}:11:5: error: clause reaffirm: text does not occur in source.txt" in err


def test_a_quote_occurring_twice_is_an_error_listing_each_occurrence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An ambiguous quote fails (exit 1), naming the clause, its line and the offsets of every occurrence."""
    path = _statement(tmp_path, STATEMENT.replace("text: We reaffirm our commitment.", "text: We"))

    assert main(["spans", "--write", str(path)]) == 1

    err = capsys.readouterr().err
    first, second = (i for i, _ in enumerate(SOURCE) if SOURCE.startswith("We", i))
    assert (
        f"{path}:11:5: error: clause reaffirm: text occurs 2 times in source.txt, "
        f"at {first}:{first + 2}, {second}:{second + 2}"
    ) in err


def test_write_sets_the_located_spans_even_when_another_quote_fails(tmp_path: Path) -> None:
    """One bad quote does not hold back the others: they are written, and the exit status is 1."""
    path = _statement(tmp_path, STATEMENT.replace("our commitment.", "our commitments."))

    assert main(["spans", "--write", str(path)]) == 1

    spans = _spans(path)
    assert spans["reaffirm"] is None
    assert spans["condemn"] == _expected("We condemn the launches.")


def test_a_missing_statement_text_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without the source file beside it, the command fails (exit 1) and says which file it needs."""
    path = _statement(tmp_path)
    (tmp_path / "source.txt").unlink()

    assert main(["spans", str(path)]) == 1

    assert "'source.txt' is not in" in capsys.readouterr().err


def test_a_statement_text_outside_the_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The statement text is read only from the statement's folder, never through '..'."""
    folder = tmp_path / "inner"
    folder.mkdir()
    path = _statement(folder, STATEMENT.replace("path: source.txt", "path: ../source.txt"))
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")

    assert main(["spans", str(path)]) == 1

    assert "outside the statement's folder" in capsys.readouterr().err


def test_a_file_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    """Naming a file that does not exist exits 2, as validate does."""
    assert main(["spans", str(tmp_path / "absent.yaml")]) == 2


def test_help_documents_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    """`jointstmt spans --help` describes the search, --write and the exit status."""
    with pytest.raises(SystemExit) as exit_:
        main(["spans", "--help"])

    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "--write" in out
    assert "code point" in out
    assert "Exit 0" in out


def test_occurrences_include_overlapping_ones() -> None:
    """'aa' occurs twice in 'aaa': an overlapping repeat still makes a quote ambiguous."""
    assert occurrences("aaa", "aa") == [0, 1]
    assert occurrences("abc", "d") == []
