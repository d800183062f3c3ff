"""``jointstmt spans``: quotes placed in the statement text, or refused with the nearest match; with
--write, the SHA-256 pinned and the paragraph (and version-2 body) spans computed."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from jointstmt import validate
from jointstmt.cli import main
from jointstmt.spans import double_quoted, nearest, occurrences

ROOT = Path(__file__).resolve().parent.parent

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

# Version 2: two paragraphs, a repeated sentence, a soft hyphen, a line-wrapped sentence.
SOURCE_2 = (
    "Joint Statement\n\n"
    "We meet again. We look forward to the next meeting.\n\n"
    "We welcome the com\u00adpact. We look forward to the next meeting. We call on\n"
    "all parties to act.\n\n"
    "\\###\n"
)

STATEMENT_2 = """\
schema_version: 2
id: repeated
title: Joint Statement
document_type: joint_statement
language: en
issued: 2025-01-01
sources:
  - id: text
    role: statement_text
    path: source.txt
    sha256: abababababababababababababababababababababababababababababababab
    publisher: The publisher
parties:
  - {id: a, name: A, kind: state}
body:
  span: {start: 17, end: 162}
clauses:
  - id: meet
    type: future_meeting
    text: We meet again.
    meeting: the next meeting
  - id: forward-1
    type: expectation
    text: We look forward to the next meeting.
    expects: the next meeting
  - id: welcome
    type: welcome
    text: "We welcome the com\\u00ADpact."
    welcomes: the compact
  - id: forward-2
    type: expectation
    text: We look forward to the next meeting.
    expects: the next meeting
  - id: call
    type: call
    text: "We call on\\nall parties to act."
    calls_for: all parties to act
"""


def _statement(tmp_path: Path, text: str = STATEMENT, source: str = SOURCE) -> Path:
    (tmp_path / "source.txt").write_text(source, encoding="utf-8", newline="")
    path = tmp_path / "statement.yaml"
    path.write_text(text, encoding="utf-8", newline="")
    return path


def _load(path: Path) -> dict[str, object]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _spans(path: Path) -> dict[str, dict[str, int] | None]:
    clauses = _load(path)["clauses"]
    assert isinstance(clauses, list)
    return {c["id"]: c.get("span") for c in clauses}


def _expected(quote: str, source: str = SOURCE, start: int = 0) -> dict[str, int]:
    at = source.index(quote, start)
    return {"start": at, "end": at + len(quote)}


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- clause spans ----------------------------------------------------------------------------


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
    """Writing changes only spans, the SHA-256 and the paragraphs: the modeline, comments, quotes
    and flow style stay as written; what is added goes where the format puts it."""
    path = _statement(tmp_path)
    reaffirm, condemn = (
        _expected("We reaffirm our commitment."),
        _expected("We condemn the launches."),
    )

    main(["spans", "--write", str(path)])

    paragraph = {"start": 0, "end": len(SOURCE.rstrip())}  # no blank line: one paragraph
    expected = (
        STATEMENT.replace(
            "    text: We reaffirm our commitment.\n",
            "    text: We reaffirm our commitment.\n"
            f"    span: {{start: {reaffirm['start']}, end: {reaffirm['end']}}}\n",
        )
        .replace(
            "span: {start: 10, end: 20}",
            f"span: {{start: {condemn['start']}, end: {condemn['end']}}}",
        )
        .replace(
            "    path: source.txt\nclauses:\n",
            f"    path: source.txt\n    sha256: {_sha256(SOURCE)}\nparagraphs:\n"
            f"  - {{number: 1, span: {{start: {paragraph['start']}, end: {paragraph['end']}}}, "
            "verification: unverified}\n"
            "clauses:\n",
        )
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


def test_a_second_run_finds_nothing_to_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After --write, spans, SHA-256 and paragraphs are all right: a dry run reports no change."""
    path = _statement(tmp_path)
    main(["spans", "--write", str(path)])
    capsys.readouterr()

    assert main(["spans", str(path)]) == 0

    out = capsys.readouterr().out
    assert "should be" not in out
    assert "0 changes to update" in out


def test_a_quote_not_in_the_source_is_an_error_naming_the_clause_and_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A quote that occurs nowhere fails (exit 1) with path:line:column and the clause id."""
    path = _statement(tmp_path, STATEMENT.replace("our commitment.", "our commitments."))

    assert main(["spans", str(path)]) == 1

    err = capsys.readouterr().err
    assert f"{path}:11:5: error: clause reaffirm: text does not occur in source.txt" in err


@pytest.mark.parametrize(
    ("quote", "difference"),
    [
        ("We call on all parties", '" " (space) where the text has "\\n" (line break)'),
        ("We welcome the compact.", 'nothing where the text has "\\u00AD" (soft hyphen)'),
        (
            "We look forward to the **next** meeting.",
            '"**" (markdown emphasis) where the text has nothing',
        ),
        ("We\u00a0meet again.", '"\\u00A0" (no-break space) where the text has " " (space)'),
    ],
)
def test_a_quote_not_found_shows_its_nearest_occurrence_and_what_differs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], quote: str, difference: str
) -> None:
    """The nearest occurrence ignores white space, markdown, quote marks and invisible characters,
    and the error names each difference with the characters escaped and named."""
    text = STATEMENT_2.replace('"We call on\\nall parties to act."', double_quoted(quote), 1)
    path = _statement(tmp_path, text, SOURCE_2)
    at = nearest(SOURCE_2, quote)
    assert at is not None

    assert main(["spans", str(path)]) == 1

    err = capsys.readouterr().err
    assert (
        "clause call: text does not occur in source.txt; it must be copied exactly. "
        f"Nearest at {at.start}:{at.end}, where"
    ) in err
    assert f"the quote has {difference}" in err


def test_a_straight_quote_where_the_text_has_a_curly_one_is_named() -> None:
    """Quote marks typed straight are found and named: the fix is one character."""
    found = nearest(SOURCE, 'Statement \u2013 "Opening"')

    assert found is not None
    assert (found.start, found.end) == (0, SOURCE.index("\u201d") + 1)
    assert found.differences[0] == (
        'the quote has "\\"" (straight double quote) where the text has "\u201c" '
        "(curly double quote) (at 12)"
    )


def test_a_quote_nothing_resembles_has_no_nearest_occurrence() -> None:
    assert nearest(SOURCE, "Entirely different words about fisheries quotas.") is None


def test_a_repeated_quote_is_placed_in_document_order(tmp_path: Path) -> None:
    """Two clauses quoting the same sentence take its first and second occurrences, in the order
    the clauses are listed: no longer quote is needed."""
    path = _statement(tmp_path, STATEMENT_2, SOURCE_2)
    repeated = "We look forward to the next meeting."

    assert main(["spans", "--write", str(path)]) == 0

    spans = _spans(path)
    first = _expected(repeated, SOURCE_2)
    assert spans["forward-1"] == first
    assert spans["forward-2"] == _expected(repeated, SOURCE_2, first["end"])
    assert validate(path) == []


def test_a_repeated_quote_keeps_a_span_already_on_one_of_its_occurrences(tmp_path: Path) -> None:
    """A span set by hand on the second occurrence stays, even for the first clause listed."""
    repeated = "We look forward to the next meeting."
    second = _expected(repeated, SOURCE_2, _expected(repeated, SOURCE_2)["end"])
    text = STATEMENT_2.replace(
        "    text: We look forward to the next meeting.\n    expects: the next meeting\n  - id: welcome",
        f"    text: We look forward to the next meeting.\n"
        f"    span: {{start: {second['start']}, end: {second['end']}}}\n"
        "    expects: the next meeting\n  - id: welcome",
    )
    path = _statement(tmp_path, text, SOURCE_2)

    main(["spans", "--write", str(path)])

    assert _spans(path)["forward-1"] == second


def test_a_repeated_quote_goes_to_the_paragraph_its_clause_names(tmp_path: Path) -> None:
    """With ``paragraph``, the occurrence inside that paragraph is taken, whatever the order."""
    repeated = "We look forward to the next meeting."
    text = STATEMENT_2.replace(
        "  - id: forward-1\n    type: expectation\n",
        "  - id: forward-1\n    type: expectation\n    paragraph: 2\n",
    ).replace("body:\n  span: {start: 17, end: 162}\n", "body:\n  span: {start: 17, end: 162}\n"
              "  paragraphs:\n    - {number: 1, span: {start: 17, end: 68}}\n"
              "    - {number: 2, span: {start: 70, end: 162}}\n")  # fmt: skip
    path = _statement(tmp_path, text, SOURCE_2)

    main(["spans", "--write", str(path)])

    second = _expected(repeated, SOURCE_2, _expected(repeated, SOURCE_2)["end"])
    assert _spans(path)["forward-1"] == second


def test_a_repeated_quote_with_no_occurrence_left_is_an_error_listing_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Three clauses quoting a sentence that occurs twice: the third has none left after the
    second, and the error lists the occurrences."""
    third = (
        "  - id: forward-3\n    type: expectation\n"
        "    text: We look forward to the next meeting.\n    expects: the next meeting\n"
    )
    path = _statement(tmp_path, STATEMENT_2 + third, SOURCE_2)

    assert main(["spans", str(path)]) == 1

    err = capsys.readouterr().err
    repeated = "We look forward to the next meeting."
    first = SOURCE_2.index(repeated)
    second = SOURCE_2.index(repeated, first + 1)
    assert (
        f"clause forward-3: text occurs 2 times in source.txt, at {first}:{first + 36}, "
        f"{second}:{second + 36}, none of them after the previous clause"
    ) in err


# --- the SHA-256, the body and the paragraphs -----------------------------------------------


def test_write_pins_the_sha256_so_the_statement_validates(tmp_path: Path) -> None:
    """A placeholder SHA-256 is replaced by the text's; validate then accepts the statement."""
    path = _statement(tmp_path, STATEMENT_2, SOURCE_2)

    main(["spans", "--write", str(path)])

    sources = _load(path)["sources"]
    assert isinstance(sources, list)
    assert sources[0]["sha256"] == _sha256(SOURCE_2)
    assert validate(path) == []


def test_write_adds_the_body_paragraphs_of_a_version_2_statement(tmp_path: Path) -> None:
    """body.paragraphs are the blank-line blocks of the body, each from its first to its last
    character; the title line and the end marker are not in the body."""
    path = _statement(tmp_path, STATEMENT_2, SOURCE_2)

    main(["spans", "--write", str(path)])

    body = _load(path)["body"]
    assert isinstance(body, dict)
    assert [SOURCE_2[p["span"]["start"] : p["span"]["end"]] for p in body["paragraphs"]] == [
        "We meet again. We look forward to the next meeting.",
        "We welcome the com\u00adpact. We look forward to the next meeting. We call on\n"
        "all parties to act.",
    ]


def test_write_adds_a_missing_body_span_from_the_text_layout(tmp_path: Path) -> None:
    """A version-2 statement with no body gets one: title line and end marker left out."""
    text = STATEMENT_2.replace("body:\n  span: {start: 17, end: 162}\n", "")
    path = _statement(tmp_path, text, SOURCE_2)

    main(["spans", "--write", str(path)])

    body = _load(path)["body"]
    assert isinstance(body, dict)
    span = body["span"]
    assert SOURCE_2[span["start"] : span["end"]].startswith("We meet again.")
    assert SOURCE_2[span["start"] : span["end"]].endswith("all parties to act.")
    assert validate(path) == []


def test_write_corrects_a_stale_paragraph_span_and_keeps_its_other_keys(tmp_path: Path) -> None:
    """A listed paragraph keeps its number and label; its span becomes the text's paragraph it
    overlaps most."""
    text = STATEMENT_2.replace(
        "body:\n  span: {start: 17, end: 162}\n",
        "body:\n  span: {start: 17, end: 162}\n  paragraphs:\n"
        "    - {number: 1, span: {start: 20, end: 40}, label: A}\n",
    )
    path = _statement(tmp_path, text, SOURCE_2)

    main(["spans", "--write", str(path)])

    body = _load(path)["body"]
    assert isinstance(body, dict)
    assert body["paragraphs"] == [{"number": 1, "span": {"start": 17, "end": 68}, "label": "A"}]


def test_write_keeps_invisible_characters_as_escapes(tmp_path: Path) -> None:
    """A soft hyphen written as an escape stays one: ruamel alone writes it raw, invisible."""
    path = _statement(tmp_path, STATEMENT_2, SOURCE_2)

    main(["spans", "--write", str(path)])

    written = path.read_text(encoding="utf-8")
    assert '"We welcome the com\\u00ADpact."' in written
    assert "\u00ad" not in written


def test_write_keeps_a_byte_order_mark_and_crlf_line_endings(tmp_path: Path) -> None:
    path = _statement(tmp_path, "\ufeff" + STATEMENT.replace("\n", "\r\n"))

    main(["spans", "--write", str(path)])

    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == raw.count(b"\n")


@pytest.mark.parametrize(
    "dataset", sorted(p.parent.name for p in (ROOT / "datasets").glob("*/*.yaml"))
)
def test_every_shipped_dataset_already_has_the_spans_the_tool_computes(
    dataset: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The corpus was encoded by the codebook's layout: on every dataset (both versions) a dry
    run finds every quote and nothing to change (clause, paragraph and body spans, SHA-256)."""
    path = next((ROOT / "datasets" / dataset).glob("*.yaml"))

    assert main(["spans", str(path)]) == 0

    assert "should be" not in capsys.readouterr().out


# --- bad input ------------------------------------------------------------------------------


def test_a_list_item_whose_mapping_starts_on_the_next_line_is_read(tmp_path: Path) -> None:
    """``-`` alone on its line, the item's keys below: the file is read and written, not a crash."""
    text = STATEMENT.replace("  - id: reaffirm\n", "  -\n    id: reaffirm\n").replace(
        "  - id: text\n", "  -\n    id: text\n"
    )
    path = _statement(tmp_path, text)

    assert main(["spans", "--write", str(path)]) == 0

    assert _spans(path)["reaffirm"] == _expected("We reaffirm our commitment.")


@pytest.mark.parametrize(
    ("yaml", "code"),
    [
        ("a: &x 1\nb: *x\n", "yaml.alias"),
        ("a: " + "[" * 100 + "]" * 100 + "\n", "yaml.too_deep"),
        ("a: 1\na: 2\n", "yaml.duplicate_key"),
        ("a: !!python/object:os.system 1\n", "yaml.tag"),
    ],
)
def test_the_file_goes_through_the_loaders_guards(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], yaml: str, code: str
) -> None:
    """What validate refuses, spans refuses too, with the finding's place and code."""
    path = _statement(tmp_path, yaml)

    assert main(["spans", "--write", str(path)]) == 1

    assert f": {code}: " in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == yaml


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_as_statement_text_is_refused_without_waiting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _statement(tmp_path)
    (tmp_path / "source.txt").unlink()
    os.mkfifo(tmp_path / "source.txt")

    assert main(["spans", str(path)]) == 1

    assert "is not a regular file" in capsys.readouterr().err


def test_a_statement_text_symlinked_out_of_the_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "inner"
    folder.mkdir()
    path = _statement(folder)
    (folder / "source.txt").unlink()
    (tmp_path / "outside.txt").write_text(SOURCE, encoding="utf-8")
    (folder / "source.txt").symlink_to(tmp_path / "outside.txt")

    assert main(["spans", str(path)]) == 1

    assert "resolves outside the statement's folder" in capsys.readouterr().err


def test_a_missing_statement_text_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without the source file beside it, the command fails (exit 1) and says which file it needs."""
    path = _statement(tmp_path)
    (tmp_path / "source.txt").unlink()

    assert main(["spans", str(path)]) == 1

    assert "'source.txt' is not a file in" in capsys.readouterr().err


def test_a_statement_text_outside_the_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The statement text is read only from the statement's folder, never through '..'."""
    folder = tmp_path / "inner"
    folder.mkdir()
    path = _statement(folder, STATEMENT.replace("path: source.txt", "path: ../source.txt"))
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")

    assert main(["spans", str(path)]) == 1

    assert "must be a path inside the statement's folder" in capsys.readouterr().err


def test_control_characters_from_the_file_are_escaped_in_the_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A clause id carrying an escape sequence reaches the terminal escaped."""
    path = _statement(tmp_path, STATEMENT.replace("id: condemn", 'id: "con\\e[2Jdemn"'))

    main(["spans", str(path)])

    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "con\\x1b[2Jdemn" in out


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
    assert "SHA-256" in out
    assert "Exit 0" in out


def test_occurrences_include_overlapping_ones() -> None:
    """'aa' occurs twice in 'aaa': an overlapping repeat still makes a quote ambiguous."""
    assert occurrences("aaa", "aa") == [0, 1]
    assert occurrences("abc", "d") == []


def test_double_quoted_escapes_what_a_reader_cannot_see() -> None:
    """Line breaks, quotes, backslashes and invisible characters are escaped; the rest is kept."""
    assert double_quoted('a "b"\\\n\u00ad\u200b\u00a0\u2019') == (
        '"a \\"b\\"\\\\\\n\\u00AD\\u200B\\u00A0\u2019"'
    )
    assert YAML(typ="safe").load(double_quoted("x\u00ady\n")) == "x\u00ady\n"


def test_the_shipped_copy_of_a_dataset_is_left_alone_by_a_dry_run(tmp_path: Path) -> None:
    """A dry run never writes (checked on a copy of a version-2 dataset)."""
    source = ROOT / "datasets" / "g7-leaders-gaza-2024-06-03"
    shutil.copytree(source, tmp_path / "g7")
    path = tmp_path / "g7" / "g7-leaders-gaza-2024-06-03.yaml"
    before = path.read_bytes()

    main(["spans", str(path)])

    assert path.read_bytes() == before


def test_write_keeps_a_version_1_file_without_paragraphs_valid(example: Path) -> None:
    """Version 1 requires each paragraph's verification: added paragraphs are `unverified`
    (found by fuzzing: they were added without it, and the file became invalid)."""
    assert "paragraphs:" not in example.read_text(encoding="utf-8")
    assert main(["spans", "--write", str(example)]) == 0
    text = example.read_text(encoding="utf-8")
    assert "verification: unverified" in text
    assert validate(example) == []
