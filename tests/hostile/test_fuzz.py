"""Property-based fuzzing: whatever the bytes, validation gives located findings, never an exception.

Three sources of input: arbitrary bytes; YAML-shaped text built from the syntax's
tokens and the format's keys (reaching the parser's corners); and the valid example
with a few lines mutated (reaching the models and the rules, source files included).
The ``ci`` profile bounds the number of examples; ``fuzz/`` runs far longer.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jointstmt.loader import Limits
from jointstmt.serialize import dumps
from jointstmt.validation import check_bytes

from .checks import assert_sound
from .corpus import EXAMPLE, example_text

KEYS = [
    "schema_version", "id", "title", "issued", "language", "sources", "role", "publisher",
    "path", "sha256", "meeting", "format", "level", "start", "end", "time_zone",
    "start_time", "location", "places", "country", "subdivision", "participants",
    "entities", "clauses", "type", "text", "span", "actors", "targets", "paragraphs",
    "paragraph", "topics", "a", "<<", "? a", "1", "~", "'q'", '"k"', "",
]  # fmt: skip
TOKENS = [
    "~", "null", "true", "NO", "yes", ".nan", "-.inf", "1e999", "0x1F", "0o17",
    "9007199254740993", "-1", "2024-02-30", "2025-03-12", "2025-03-12T10:00:00Z", "12:30",
    "''", '""', "'it''s'", '"\\u00e9\\0"', "'open", '"open', "&a x", "*a", "!!str 1",
    "!!python/object/apply:os.system [ls]", "!x y", "! z", "|", ">-", "|+2", "[", "]", "{",
    "}", "[a, b]", "{a: 1, a: 2}", "- x", "? a", ": b", "# c", "%YAML 1.1", "%TAG ! !x",
    "---", "...", "\t", "\\", "../outside.txt", "/etc/passwd", "statement.txt", "\ufeff",
    "\u2028", "\x85", "\x00", "é", "\uff58",
]  # fmt: skip

scalars = st.one_of(
    st.sampled_from(TOKENS), st.text(max_size=12), st.integers().map(str), st.floats().map(str)
)
lines = st.tuples(
    st.integers(0, 6).map(" ".__mul__),
    st.sampled_from(["", "- ", "- - "]),
    st.sampled_from(KEYS),
    st.sampled_from([": ", ":", " : ", ""]),
    scalars,
    st.sampled_from(["", " # note", " ", "\t"]),
).map("".join)
yaml_texts = st.tuples(
    st.lists(lines, max_size=25), st.sampled_from(["\n", "\r\n", "\r"]), st.booleans()
).map(lambda t: t[1].join(t[0]) + (t[1] if t[2] else ""))


@st.composite
def mutated_examples(draw: st.DrawFn) -> str:
    """The bilateral example with one to four lines deleted, repeated, re-indented or rewritten."""
    text = draw(st.sampled_from([example_text(), example_text().replace("\n", "\r\n")]))
    rows = text.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(rows) - 1))
        row = rows[i]
        action = draw(st.sampled_from(["delete", "repeat", "indent", "dedent", "value", "insert"]))
        if action == "delete":
            del rows[i]
        elif action == "repeat":
            rows.insert(i, row)
        elif action == "indent":
            rows[i] = "  " + row
        elif action == "dedent":
            rows[i] = row[2:] if row.startswith("  ") else row
        elif action == "value" and ":" in row:
            rows[i] = row.split(":", 1)[0] + ": " + draw(scalars) + "\n"
        else:
            rows.insert(i, draw(lines) + "\n")
        if not rows:
            break
    return "".join(rows)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A statement folder holding the example's source text, for the rules that read it."""
    base = tmp_path_factory.mktemp("fuzz") / "statement"
    base.mkdir()
    shutil.copy(EXAMPLE / "statement.txt", base / "statement.txt")
    return base


def check(data: bytes, folder: Path) -> None:
    outcome = check_bytes(data, folder, Limits())  # any exception fails the test
    assert_sound(data, outcome)
    if outcome.statement is not None:
        again = check_bytes(dumps(outcome.statement).encode("utf-8"), folder, Limits())
        assert again.statement == outcome.statement, again.findings


@given(data=st.binary(max_size=600))
def test_any_bytes_give_located_findings_never_an_exception(data: bytes, folder: Path) -> None:
    check(data, folder)


@given(
    text=yaml_texts,
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "latin-1"]),
)
def test_yaml_shaped_text_gives_located_findings_never_an_exception(
    text: str, encoding: str, folder: Path
) -> None:
    check(text.encode(encoding, errors="replace"), folder)


@given(text=mutated_examples())
def test_a_mutated_statement_gives_located_findings_never_an_exception(
    text: str, folder: Path
) -> None:
    check(text.encode("utf-8", errors="surrogatepass"), folder)


def test_a_run_of_spaces_in_a_long_value_survives_dumps_and_loads(folder: Path) -> None:
    """Found by fuzzing: ruamel folded a long plain scalar after a run of spaces, and
    reading it back kept one of them."""
    spaced = "welcomes: Norway's decision" + " " * 120 + "to expand"
    text = example_text().replace("welcomes: Norway's decision to expand", spaced)
    outcome = check_bytes(text.encode(), folder, Limits())
    assert outcome.statement is not None, outcome.findings
    check(text.encode(), folder)
