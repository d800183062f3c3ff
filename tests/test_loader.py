"""Specification tests for jointstmt.loader: what loads, what is refused, and where."""

from __future__ import annotations

import pickle
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jointstmt.findings import CODES
from jointstmt.loader import Document, Limits, LoadError, parse_yaml

SRC = Path(__file__).resolve().parent.parent / "src"


def finding_of(data: bytes, limits: Limits = Limits()) -> tuple[str, int, int, str]:
    """(code, line, column, pointer) of the finding parse_yaml raises for ``data``."""
    with pytest.raises(LoadError) as info:
        parse_yaml(data, limits)
    f = info.value.finding
    assert f.code in CODES
    assert str(info.value) == f.message
    return f.code, f.line, f.column, f.pointer


# --- accepted input ---------------------------------------------------------------------


def test_a_mapping_loads_to_plain_python_data() -> None:
    doc = parse_yaml(b"title: Joint statement\ncount: 3\nratio: 0.5\nok: true\nnone: ~\n")
    assert isinstance(doc, Document)
    assert doc.data == {
        "title": "Joint statement",
        "count": 3,
        "ratio": 0.5,
        "ok": True,
        "none": None,
    }
    assert type(doc.data["count"]) is int
    assert type(doc.data["ratio"]) is float


def test_core_schema_scalars_resolve_and_everything_else_is_a_string() -> None:
    doc = parse_yaml(
        b"t: [true, True, TRUE, false, False, FALSE]\n"
        b"n: [null, Null, NULL, ~]\n"
        b"empty:\n"
        b"i: [0, -3, +7, 012, 0o17, 0x1F]\n"
        b"f: [1.5, -0.25, .5, 1., 1e3, 2.5E-2]\n"
        b"s: [0b101, 1_000, 0o8, 0xG, tRUE, nil, 1.2.3]\nhms: 1:30\n"
    )
    assert doc.data == {
        "t": [True, True, True, False, False, False],
        "n": [None, None, None, None],
        "empty": None,
        "i": [0, -3, 7, 12, 15, 31],
        "f": [1.5, -0.25, 0.5, 1.0, 1000.0, 0.025],
        "s": ["0b101", "1_000", "0o8", "0xG", "tRUE", "nil", "1.2.3"],
        "hms": "1:30",
    }


def test_yaml_1_1_booleans_stay_strings_so_norway_is_no() -> None:
    doc = parse_yaml(b"country: NO\na: yes\nb: on\nc: off\nd: y\ne: n\nf: No\ng: Off\n")
    assert doc.data == {
        "country": "NO",
        "a": "yes",
        "b": "on",
        "c": "off",
        "d": "y",
        "e": "n",
        "f": "No",
        "g": "Off",
    }


def test_dates_and_timestamps_stay_strings_exactly_as_written() -> None:
    doc = parse_yaml(
        b"issued: 2024-05-31\nbad: 2024-02-30\nat: 2024-05-31T10:00:00+02:00\n"
        b"spaced: 2001-12-14 21:59:43.10 -5\n"
    )
    assert doc.data == {
        "issued": "2024-05-31",
        "bad": "2024-02-30",
        "at": "2024-05-31T10:00:00+02:00",
        "spaced": "2001-12-14 21:59:43.10 -5",
    }


def test_quoted_and_block_scalars_are_always_strings() -> None:
    doc = parse_yaml(b"a: '1'\nb: \"true\"\nc: 'null'\nd: |\n  42\ne: >\n  3.5\nf: ''\n")
    assert doc.data == {"a": "1", "b": "true", "c": "null", "d": "42\n", "e": "3.5\n", "f": ""}


def test_explicit_core_tags_are_applied() -> None:
    doc = parse_yaml(
        b"a: !!str 2024-05-31\nb: !!int '12'\nc: !!float 1\nd: !!bool 'true'\n"
        b"e: !!null ''\nf: !!map {x: 1}\ng: !!seq [1]\nh: ! 12\n"
    )
    assert doc.data == {
        "a": "2024-05-31",
        "b": 12,
        "c": 1.0,
        "d": True,
        "e": None,
        "f": {"x": 1},
        "g": [1],
        "h": "12",
    }


def test_utf8_byte_order_mark_is_accepted_and_ignored() -> None:
    doc = parse_yaml(b"\xef\xbb\xbftitle: x\nb: 2\n")
    assert doc.data == {"title": "x", "b": 2}
    assert doc.positions.of_key(("title",)) == (1, 1)
    assert doc.positions.of(("b",)) == (2, 4)


def test_crlf_line_endings_load_and_give_the_right_lines() -> None:
    doc = parse_yaml(b"a: 1\r\nb:\r\n  - x\r\n  - y: \xc3\xa9\r\n\r\nc: last\r\n")
    assert doc.data == {"a": 1, "b": ["x", {"y": "é"}], "c": "last"}
    assert doc.positions.of(("b", 1, "y")) == (4, 8)
    assert doc.positions.of_key(("c",)) == (6, 1)
    assert doc.positions.of(("c",)) == (6, 4)


def test_explicit_yaml_1_2_directive_is_accepted() -> None:
    assert parse_yaml(b"%YAML 1.2\n---\na: 1\n").data == {"a": 1}


# --- positions --------------------------------------------------------------------------

NESTED = """\
# Déclaration commune — 共同声明
title: Déclaration «commune»
meeting:
  place: {city: Genève, country: CH}
actors:
  - id: fr
    name: République française
  - id: de
    names: [Bundesrepublik, Deutschland]
clauses:
  - text: "Les parties réaffirment…"
    topics:
      - paix
      - sécurité
""".encode()


def test_positions_of_nested_keys_and_items_count_code_points() -> None:
    pos = parse_yaml(NESTED).positions
    assert pos.of(()) == (2, 1)
    assert pos.of(("title",)) == (2, 8)
    assert pos.of_key(("meeting",)) == (3, 1)
    assert pos.of(("actors",)) == (6, 3)
    assert pos.of(("actors", 0)) == (6, 5)
    assert pos.of_key(("actors", 0, "name")) == (7, 5)
    assert pos.of(("actors", 0, "name")) == (7, 11)
    assert pos.of(("actors", 1, "names", 1)) == (9, 29)
    assert pos.of(("clauses", 0, "text")) == (11, 11)
    assert pos.of(("clauses", 0, "topics", 1)) == (14, 9)


def test_flow_style_positions_point_inside_the_brackets() -> None:
    pos = parse_yaml(b"a: {b: [1, {c: d}], e: f}\ng: [x, \xc3\xa9\xc3\xa9, z]\n").positions
    assert pos.of(("a",)) == (1, 4)
    assert pos.of_key(("a", "b")) == (1, 5)
    assert pos.of(("a", "b")) == (1, 8)
    assert pos.of(("a", "b", 1)) == (1, 12)
    assert pos.of(("a", "b", 1, "c")) == (1, 16)
    assert pos.of_key(("a", "e")) == (1, 21)
    assert pos.of(("g", 2)) == (2, 12)  # after two 2-byte characters: columns count code points


def test_a_missing_path_resolves_to_its_deepest_existing_ancestor() -> None:
    pos = parse_yaml(NESTED).positions
    assert pos.of(("actors", 0, "missing")) == pos.of(("actors", 0))
    assert pos.of(("actors", 7, "id")) == pos.of(("actors",))
    assert pos.of(("title", "deeper", 0)) == pos.of(("title",))
    assert pos.of(("nope",)) == pos.of(())
    assert pos.of_key(("actors", 0, "missing")) == pos.of(("actors", 0))
    assert pos.of_key(("actors", 1)) == pos.of(("actors", 1))
    assert pos.of_key(()) == (2, 1)


# --- refused input: one test per code ---------------------------------------------------


def test_file_over_the_size_limit_is_refused_before_parsing() -> None:
    assert finding_of(b"a: [" * 100, Limits(max_bytes=50)) == ("yaml.too_large", 1, 1, "")
    assert parse_yaml(b"a: 1\n", Limits(max_bytes=5)).data == {"a": 1}


def test_invalid_utf8_is_reported_at_the_first_bad_byte() -> None:
    assert finding_of(b"a: 1\nb: caf\xe9 \xc3\xa9\n")[:3] == ("yaml.encoding", 2, 7)
    assert finding_of("a: é\nb: ü\x80\n".encode().replace(b"\xc2\x80", b"\x80"))[:3] == (
        "yaml.encoding",
        2,
        5,
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_are_refused_with_or_without_bom(encoding: str) -> None:
    code, line, _, _ = finding_of("a: 1\nb: 2\n".encode(encoding))
    assert (code, line) == ("yaml.encoding", 1)


def test_nul_bytes_and_control_characters_are_an_encoding_finding() -> None:
    assert finding_of(b"a: 1\nb: x\x00y\n")[:3] == ("yaml.encoding", 2, 5)
    assert finding_of(b'a: "\x07"\n')[:3] == ("yaml.encoding", 1, 5)
    assert finding_of("a: x\u0090\n".encode())[:3] == ("yaml.encoding", 1, 5)


def test_the_first_encoding_problem_is_reported_whichever_kind_it_is() -> None:
    assert finding_of(b"\x7fELF\x02\x01\n\xff")[:3] == ("yaml.encoding", 1, 1)
    assert finding_of(b"a: 1\nb: \xff\x01\n")[:3] == ("yaml.encoding", 2, 4)
    assert finding_of("a: x\u2028b: \xff".encode().replace(b"\xc3\xbf", b"\xff"))[:3] == (
        "yaml.encoding",
        2,
        4,
    )


def test_binary_data_is_a_finding_never_a_crash() -> None:
    rng = random.Random(20240531)
    for _ in range(300):
        blob = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))
        with pytest.raises(LoadError):
            parse_yaml(blob)


@pytest.mark.parametrize(
    "data", [b"", b"\n\n", b"   \n", b"# only\n  # comments\n", b"---\n", b"--- # c\n...\n"]
)
def test_a_file_without_a_document_is_empty(data: bytes) -> None:
    assert finding_of(data) == ("yaml.empty", 1, 1, "")


def test_malformed_yaml_is_a_syntax_finding_at_the_problem_mark() -> None:
    assert finding_of(b"a: 1\nb: c: d\n")[:3] == ("yaml.syntax", 2, 5)
    assert finding_of(b"a:\n  b: 1\n c: 2\n")[:2] == ("yaml.syntax", 3)


@pytest.mark.parametrize(
    ("data", "line", "column"),
    [
        (b"title: [", 1, 9),
        (b"title: [\n", 1, 9),
        (b"a: 1\nb: [1, 2\n", 2, 9),
        (b"a: 1\r\nb: {c: 1\r\n\r\n", 3, 1),
        (b"a: 1\n\n\n", None, None),  # valid: a final break starts no line
        (b"a: [1\xe2\x80\xa8", 1, 6),  # U+2028 is a line break to libyaml
    ],
)
def test_a_finding_at_the_end_of_the_file_names_the_end_of_the_last_line(
    data: bytes, line: int | None, column: int | None
) -> None:
    """libyaml puts the end of the stream on a line after the last; findings never do."""
    if line is None:
        assert parse_yaml(data).data == {"a": 1}
    else:
        assert finding_of(data)[:3] == ("yaml.syntax", line, column)


@pytest.mark.parametrize(
    ("data", "position"),
    [
        (b"?  sources", (1, 11)),
        (b"a: 1\n? sources\n", (2, 10)),
        (b"a: 1\n? sources\r\n\r\n", (3, 1)),
    ],
)
def test_a_node_placed_past_the_last_line_is_at_the_end_of_the_last_line(
    data: bytes, position: tuple[int, int]
) -> None:
    """The empty value of a last ``? key`` is placed by the parser at the end of the stream."""
    assert parse_yaml(data).positions.of(("sources",)) == position


def test_an_unclosed_quote_is_reported_where_it_opens() -> None:
    """At the end of the file, or where a later quote closed it and the parser then failed."""
    assert finding_of(b"a: 1\nb: 'open\nc: 2\n")[:3] == ("yaml.syntax", 2, 4)
    code, line, column, _ = finding_of(b'a: "open\nb: 1\nc: "x"\nd: 2\n')
    assert (code, line, column) == ("yaml.syntax", 1, 4)
    with pytest.raises(LoadError, match="runs on to line 3"):
        parse_yaml(b'a: "open\nb: 1\nc: "x"\nd: 2\n')


def test_a_quoted_value_over_several_lines_does_not_move_a_later_error() -> None:
    assert finding_of(b'a: "one\n  two"\nb: 1\n c: 2\n')[:2] == ("yaml.syntax", 4)


def test_several_documents_are_reported_at_the_start_of_the_second() -> None:
    assert finding_of(b"a: 1\n---\nb: 2\n") == ("yaml.multiple_documents", 2, 1, "")
    assert finding_of(b"---\na: 1\n...\n---\nb: 2\n")[:3] == ("yaml.multiple_documents", 4, 1)
    assert finding_of(b"---\n---\na: 1\n")[:3] == ("yaml.multiple_documents", 2, 1)


@pytest.mark.parametrize(
    ("data", "line"),
    [(b"- a\n- b\n", 1), (b"just text\n", 1), (b"null\n", 1), (b"---\n~\n", 2), (b"42\n", 1)],
)
def test_a_root_that_is_not_a_mapping_is_refused(data: bytes, line: int) -> None:
    assert finding_of(data) == ("yaml.root", line, 1, "")


def test_duplicate_key_is_reported_at_second_occurrence() -> None:
    assert finding_of(b"a: 1\nb: 2\na: 3\n") == ("yaml.duplicate_key", 3, 1, "/a")
    code, line, column, pointer = finding_of(b"actors:\n  - id: fr\n    name: x\n    id: de\n")
    assert (code, line, column, pointer) == ("yaml.duplicate_key", 4, 5, "/actors/0/id")
    assert finding_of(b"a: {x: 1, 'x': 2}\n")[:3] == ("yaml.duplicate_key", 1, 11)


@pytest.mark.parametrize(
    ("data", "line", "column"),
    [
        (b"a: 1\n1: x\n", 2, 1),
        (b"a:\n  null: x\n", 2, 3),
        (b"true: x\n", 1, 1),
        (b"? [a]\n: x\n", 1, 3),
        (b"a: {{b: c}: d}\n", 1, 5),
        (b"a: 1\n1.5: x\n", 2, 1),
        (b"? \n: x\n", 1, 2),
    ],
)
def test_a_key_that_is_not_a_string_is_refused(data: bytes, line: int, column: int) -> None:
    assert finding_of(data)[:3] == ("yaml.key", line, column)


def test_anchors_aliases_and_merge_keys_are_refused() -> None:
    assert finding_of(b"a: &x 1\nb: *x\n") == ("yaml.alias", 1, 4, "/a")
    assert finding_of(b"a: 1\nb: *x\n") == ("yaml.alias", 2, 4, "/b")
    assert finding_of(b"a: {x: 1}\nb:\n  <<: {y: 2}\n") == ("yaml.alias", 3, 3, "/b")
    assert finding_of(b"&root\na: 1\n")[:2] == ("yaml.alias", 1)


def test_an_alias_bomb_is_refused_quickly_without_expansion() -> None:
    lines = [b'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]".encode() for i in range(1, 10)]
    bomb = b"\n".join(lines) + b"\n"
    start = time.perf_counter()
    assert finding_of(bomb)[:3] == ("yaml.alias", 1, 5)
    assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize(
    "data",
    [
        b"a: !!python/object/apply:os.system [echo hi]\n",
        b"a: !!python/name:os.system ''\n",
        b"a: !!binary aGVsbG8=\n",
        b"a: !custom x\n",
        b"a: !!set {x, y}\n",
        b"a: !!omap [x: 1]\n",
        b"a: !!timestamp 2024-05-31\n",
        b"a: !!int abc\n",
        b"a: !!map [1]\n",
        b"%TAG !! tag:example.com,2024:\n---\na: !!str x\n",
    ],
)
def test_a_tag_outside_the_core_schema_is_refused(data: bytes) -> None:
    code, line, column, pointer = finding_of(data)
    assert (code, column, pointer) == ("yaml.tag", 4, "/a")
    assert line == data.count(b"\n")


@pytest.mark.parametrize("version", [b"1.1", b"1.3", b"2.0"])
def test_a_yaml_version_other_than_1_2_is_refused(version: bytes) -> None:
    assert finding_of(b"%YAML " + version + b"\n---\na: 1\n") == ("yaml.version", 1, 1, "")


def test_nesting_deeper_than_the_limit_is_refused() -> None:
    ok = b"a: " + b"[" * 63 + b"]" * 63 + b"\n"
    assert parse_yaml(ok).data["a"] is not None  # root + 63 = 64 levels
    assert finding_of(b"a: " + b"[" * 64 + b"]" * 64 + b"\n")[:3] == ("yaml.too_deep", 1, 67)
    assert finding_of(b"a:\n  b:\n    c: 1\n", Limits(max_depth=2))[:3] == ("yaml.too_deep", 3, 5)


@pytest.mark.parametrize("opener", [b"[", b"{x: ", b"- "])
def test_a_hundred_thousand_levels_of_nesting_are_refused_without_crashing(opener: bytes) -> None:
    data = b"a:\n  " + opener * 100_000
    start = time.perf_counter()
    code, line, _, pointer = finding_of(data, Limits(max_bytes=10**7))
    assert (code, line) == ("yaml.too_deep", 2)
    assert pointer.startswith("/a/")
    assert time.perf_counter() - start < 2


@pytest.mark.parametrize(
    "value",
    [b".nan", b".NaN", b".inf", b"-.Inf", b"+.INF", b"1e999", b"9007199254740992",
     b"-9007199254740992", b"0x20000000000000", b"0o400000000000000000", b"9" * 5000,
     b"!!float .nan"],
)  # fmt: skip
def test_numbers_json_cannot_carry_are_refused(value: bytes) -> None:
    assert finding_of(b"x: 1\nn: " + value + b"\n") == ("yaml.number", 2, 4, "/n")


def test_the_largest_safe_integers_are_accepted() -> None:
    doc = parse_yaml(b"a: 9007199254740991\nb: -9007199254740991\nc: 0x1FFFFFFFFFFFFF\n")
    assert doc.data == {"a": 2**53 - 1, "b": -(2**53 - 1), "c": 2**53 - 1}


# --- robustness and the parser in use ---------------------------------------------------

WEIRD = [
    b"a: [",
    b"a: {",
    b"]",
    b"?",
    b":",
    b"- - - -",
    b"a: *",
    b"a: &",
    b"a: !",
    b"a: !<tag:yaml.org,2002:str> x",
    b"a: !<!> x",
    b"%YAML",
    b"%YAML 1.2\n%YAML 1.2\n---\na: 1",
    b"%FOO bar\n---\na: 1",
    b"a: |\n x\n  y\n z",
    b"a: >-\n\tb",
    b"\t\ta: 1",
    b"a: 'x''",
    b'a: "\\uD800"',
    b'a: "\\x00"',
    b"\xef\xbb\xbf\xef\xbb\xbfa: 1",
    b"a: 1\n\xef\xbb\xbfb: 2",
    b"a: \xe2\x80\xa8b",
    "a: x\u2029y: 2".encode(),
    b"... \n",
    b"a: 1\n...\nb: 2",
    b"a:\n" + b" " * 100_000 + b"b",
    b"a: " + b"x" * 300_000,
    b"{" * 30 + b"}" * 30,
    b"a: " + b"[" * 60,
]


@pytest.mark.parametrize("data", WEIRD)
def test_no_input_raises_anything_but_load_error(data: bytes) -> None:
    outcome = _outcome(data)  # only LoadError is turned into an outcome; anything else fails
    if isinstance(outcome[0], str):
        code, line, column, _ = outcome
        assert str(code).startswith("yaml.")
        assert isinstance(line, int)
        assert line >= 1
        assert isinstance(column, int)
        assert column >= 1
    else:
        assert isinstance(outcome[0], dict)


def test_load_error_carries_the_finding_and_survives_pickling() -> None:
    with pytest.raises(LoadError) as info:
        parse_yaml(b"- a\n")
    copy = pickle.loads(pickle.dumps(info.value))
    assert copy.finding == info.value.finding
    assert str(copy) == info.value.finding.message


def _outcome(data: bytes) -> tuple[object, ...]:
    try:
        doc = parse_yaml(data, Limits(max_bytes=10**7))
    except LoadError as exc:
        return (exc.finding.code, exc.finding.line, exc.finding.column, exc.finding.pointer)
    return (doc.data, doc.positions.of(("b", 1, "c")), doc.positions.of_key(("d",)))


def test_without_the_c_extension_the_loader_refuses_to_import_and_says_what_is_missing() -> None:
    """ruamel.yaml.clib is a dependency: there is no slower parser with other line numbers."""
    script = (
        "import sys\n"
        "sys.modules['_ruamel_yaml'] = None\n"
        "try:\n"
        "    from jointstmt import loader\n"
        "except ImportError as error:\n"
        "    print(error)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC)},
        check=True,
        timeout=60,
    )
    assert "pip install ruamel.yaml.clib" in result.stdout
