"""Coverage: the sentences of a statement's body that no clause covers.

A sentence is covered when what its clauses leave out is only white space,
punctuation, markdown marks, an item label ("1.", "(a)") and the words that
join two clauses ("and", "while", "as well as", ...): the codebook's rule for
where clause boundaries fall. Headings (a line with no closing punctuation, at
most twelve words) are not sentences. The body is version 2's ``body.span``; a
version-1 statement has none, so its paragraphs (or, without them, its first to
last clause) stand for it.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jointstmt.sentences import Sentence, split

#: Words that may stand between two clauses of one sentence without belonging to either
#: (English and French, the corpus's languages).
JOINING_WORDS = frozenset(
    (
        *("and", "or", "but", "nor", "while", "whereas", "as", "well", "also", "both"),
        *("moreover", "further", "furthermore", "additionally", "in", "addition"),
        *("including", "then", "so", "thus", "therefore", "either", "neither"),
        *("which", "that", "to", "with", "where", "when"),
        # French (the Los Angeles Declaration's French version)
        *("et", "ou", "mais", "tandis", "que", "ainsi", "aussi", "notamment", "dont", "qui"),
    )
)
_TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*", re.UNICODE)
_LABEL = re.compile(r"^\(?(?:[0-9]{1,3}|[ivxlc]{1,5}|[a-z])[.)]?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Gap:
    """A sentence some of whose words no clause covers."""

    sentence: Sentence
    line: int
    column: int
    uncovered: str
    """The words left out, in order, joined by spaces."""


def body_ranges(statement: Any) -> list[tuple[int, int]]:
    """Where the statement proper lies in its text (one range, or one per v1 paragraph)."""
    body = getattr(statement, "body", None)
    if body is not None:
        return [(body.span.start, body.span.end)]
    paragraphs = getattr(statement, "paragraphs", ())
    if paragraphs:
        return [(p.span.start, p.span.end) for p in paragraphs]
    clauses = statement.clauses
    return [(min(c.span.start for c in clauses), max(c.span.end for c in clauses))]


def gaps(statement: Any, text: str) -> list[Gap]:
    """Every sentence of the body that the clauses do not cover, in text order."""
    spans = sorted((c.span.start, c.span.end) for c in statement.clauses)
    found: list[Gap] = []
    for start, end in body_ranges(statement):
        for sentence in split(text, start, end, statement.language):
            if sentence.is_heading:
                continue
            words = _uncovered_words(text, sentence, spans)
            if words:
                line = text.count("\n", 0, sentence.start) + 1
                column = sentence.start - (text.rfind("\n", 0, sentence.start) + 1) + 1
                found.append(Gap(sentence, line, column, " ".join(words)))
    return found


def _uncovered_words(text: str, sentence: Sentence, spans: list[tuple[int, int]]) -> list[str]:
    words = []
    for match in _TOKEN.finditer(text, sentence.start, sentence.end):
        a, b = match.span()
        if any(s <= a and b <= e for s, e in spans):
            continue
        word = match.group()
        if word.lower() in JOINING_WORDS or _LABEL.match(word):
            continue
        words.append(word)
    return words


DESCRIPTION = """\
For each statement file (folders are searched for *.yaml/*.yml), list the
sentences of the body that no clause covers, with their line, column and
code-point offsets in the statement text. A file must validate first (run
'jointstmt validate'). Exit 0 when every sentence is covered, 1 when any is not
or a file cannot be checked, 2 on usage errors.
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``coverage`` command to the CLI's subcommands."""
    command = subparsers.add_parser(
        "coverage",
        help="list the sentences of each statement's body that no clause covers",
        description=DESCRIPTION,
    )
    command.add_argument("paths", nargs="+", metavar="PATH", help="statement files or folders")
    command.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )
    command.set_defaults(run=_run)


def check(path: Path) -> tuple[list[Gap], list[str]]:
    """The gaps of the statement in ``path``, or (``[]``, problems) when it cannot be checked."""
    from jointstmt.fileio import ReadError, read_inside
    from jointstmt.limits import MAX_SOURCE_BYTES
    from jointstmt.validation import ValidationFailed, load

    try:
        statement = load(path)
    except ValidationFailed as failed:
        return [], [f"{len(failed.findings)} validation findings; run 'jointstmt validate'"]
    name = statement.statement_text.path
    assert name is not None  # the rules checked it
    try:
        text = read_inside(path.parent, name, MAX_SOURCE_BYTES).decode("utf-8")
    except (ReadError, UnicodeDecodeError) as error:
        return [], [f"statement text {name!r}: {error}"]
    return gaps(statement, text), []


def _run(args: argparse.Namespace) -> int:
    import json

    from jointstmt.findings import FileResult
    from jointstmt.runner import walk
    from jointstmt.terminal import json_text, safe

    missing = [p for p in args.paths if not p or not (Path(p).exists() or Path(p).is_symlink())]
    if missing:
        named = ", ".join(map(repr, missing))
        print(f"jointstmt coverage: no such file or folder: {safe(named)}", file=sys.stderr)
        return 2
    files = []
    uncovered = problems = 0
    for entry in walk(args.paths):
        if isinstance(entry, FileResult):  # what the folder walk could not check
            name = entry.path
            found, errors = list[Gap](), [f"{f.code}: {f.message}" for f in entry.findings]
        else:
            name = entry
            found, errors = check(Path(name))
        uncovered += len(found)
        problems += len(errors)
        files.append((name, found, errors))
        if args.format == "text":
            for error in errors:
                print(f"{safe(name)}:1:1: error: {safe(error)}")
            for gap in found:
                s = gap.sentence
                print(
                    f"{safe(name)}: text line {gap.line}, column {gap.column} "
                    f"({s.start}:{s.end}): uncovered sentence: {safe(_cut(s.text))} "
                    f"(words no clause covers: {safe(_cut(gap.uncovered))})"
                )
    if args.format == "json":
        document = {
            "files": [
                {
                    "path": json_text(name),
                    "errors": [json_text(e) for e in errors],
                    "uncovered": [
                        {
                            "line": g.line,
                            "column": g.column,
                            "start": g.sentence.start,
                            "end": g.sentence.end,
                            "text": g.sentence.text,
                            "words": g.uncovered,
                        }
                        for g in found
                    ],
                }
                for name, found, errors in files
            ],
            "summary": {"files": len(files), "uncovered": uncovered, "errors": problems},
        }
        print(json.dumps(document, ensure_ascii=True, indent=2))
    else:
        print(
            f"{len(files)} file{'s' if len(files) != 1 else ''} checked: "
            f"{uncovered} uncovered sentence{'s' if uncovered != 1 else ''}, "
            f"{problems} error{'s' if problems != 1 else ''}"
        )
    return 1 if uncovered or problems else 0


def _cut(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"
