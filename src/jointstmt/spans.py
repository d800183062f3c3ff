"""``jointstmt spans``: locate each clause's quote in the statement text, so nobody counts code points.

For every clause, the command searches the statement text (the source with role
``statement_text``, beside the YAML file) for the clause's ``text``:

* exactly one occurrence: that is the clause's span. Without ``--write`` the
  command reports the spans that differ from the file's; with ``--write`` it
  sets them in the file (comments, key order, quoting, flow style and the
  file's indentation are kept: the file is edited in ruamel.yaml's round-trip
  mode, which keeps an end-of-line comment's column unless a longer span pushes
  it right). A missing span is added in flow style right after ``text``.
* no occurrence, or several: an error naming the clause id and its YAML line
  (and, for several, the offsets of each); the quote must be corrected or
  lengthened until it occurs once. The search is over the whole text, never
  narrowed to a paragraph, so a span is never a guess between two candidates.

Paragraph spans are checked by ``jointstmt validate`` but never located here: a
paragraph has no quote to search for, and where a paragraph begins depends on
how the publisher laid out the text.

Offsets are Unicode code points into the file decoded as UTF-8, with no newline
normalization, as :class:`jointstmt.model.Span` defines them. Exit status: 0 when
every clause's quote occurs exactly once, 1 otherwise or when the file or its
statement text cannot be read, 2 on usage errors.

Only argparse, pathlib and the limits are imported at module level: ``register``
runs every time the CLI starts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from jointstmt.limits import MAX_SOURCE_BYTES, Limits

#: Offsets listed for a quote that occurs more than once (a short quote may occur thousands of times).
_SHOWN = 5

DESCRIPTION = """\
Find each clause's text in the statement text beside FILE and report its span
(Unicode code point offsets into the UTF-8 source, end exclusive). A quote that
occurs once gets its span; one that occurs zero times or more than once is an
error naming the clause and its line. Without --write, report the spans that
differ from the file's; with --write, set them in FILE, keeping comments and
formatting. Paragraph spans are not located (a paragraph has no quote); use
'jointstmt validate' to check them. Exit 0 when every quote occurs exactly
once, 1 otherwise or when FILE or its statement text cannot be read.
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``spans`` command to the CLI's subcommands."""
    command = subparsers.add_parser(
        "spans",
        help="locate clause quotes in the statement text and report or write their spans",
        description=DESCRIPTION,
    )
    command.add_argument("file", metavar="FILE", help="a statement YAML file")
    command.add_argument(
        "--write", action="store_true", help="set the located spans in FILE instead of reporting"
    )
    command.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from jointstmt.terminal import safe

    path = Path(args.file)
    if not args.file or not (path.exists() or path.is_symlink()):
        print(f"jointstmt spans: no such file: {safe(repr(args.file))}", file=sys.stderr)
        return 2
    return update_spans(path, write=args.write)


def occurrences(source: str, quote: str) -> list[int]:
    """Every offset at which ``quote`` starts in ``source``, overlapping ones included."""
    found: list[int] = []
    start = source.find(quote)
    while start != -1:
        found.append(start)
        start = source.find(quote, start + 1)
    return found


class _FileError(Exception):
    """The statement file or its source text cannot be used (exit status 1)."""


def update_spans(
    path: Path,
    *,
    write: bool = False,
    out: TextIO | None = None,
    err: TextIO | None = None,
    limits: Limits | None = None,
) -> int:
    """Locate every clause's quote; report (or, with ``write``, set) the spans. Returns the exit status.

    The file is read and parsed with the same guards as ``validate`` (``limits``) before
    it is edited; what is printed is escaped (:func:`jointstmt.terminal.safe`).
    """
    from jointstmt import roundtrip
    from jointstmt.fileio import ReadError, atomic_write, read_file, reason
    from jointstmt.loader import LoadError
    from jointstmt.terminal import safe

    out = out or sys.stdout
    err = err or sys.stderr
    limits = limits or Limits()
    shown = safe(str(path))
    try:
        edit = roundtrip.load(read_file(path, limits.max_bytes), limits)
        source_name, source = _statement_text(edit.document, path)
        clauses = _clauses(edit.document)
    except LoadError as error:
        f = error.finding
        print(f"{shown}:{f.line}:{f.column}: error: {f.code}: {safe(f.message)}", file=err)
        return 1
    except ReadError as error:
        print(f"{shown}:1:1: error: the file {safe(str(error))}", file=err)
        return 1
    except (roundtrip.RoundTripError, _FileError) as error:
        print(f"{shown}:1:1: error: {safe(str(error))}", file=err)
        return 1

    errors = changed = 0
    for index, clause in enumerate(clauses):
        line, column = _position(clause, "text")
        where = f"{shown}:{line}:{column}"
        name = safe(str(clause.get("id", f"#{index + 1}")))
        quote = clause.get("text")
        if not isinstance(quote, str) or not quote:
            print(f"{where}: error: clause {name}: no text to locate", file=err)
            errors += 1
            continue
        span = _locate(source, quote, safe(source_name))
        if isinstance(span, str):
            print(f"{where}: error: clause {name}: text {span}", file=err)
            errors += 1
            continue
        current = _current_span(clause.get("span"))
        if current == span:
            continue
        changed += 1
        was = f"{current[0]}:{current[1]}" if current else "none"
        verb = "set" if write else "should be"
        print(f"{where}: clause {name}: span {verb} {span[0]}:{span[1]} (was {was})", file=out)
        if write:
            _set_span(clause, span)
    if write and changed:
        try:
            atomic_write(path, edit.dumps())
        except OSError as error:
            print(f"{shown}:1:1: error: cannot write the file: {safe(reason(error))}", file=err)
            return 1
    verb = "written" if write else "to update (run with --write)"
    print(
        f"{shown}: {len(clauses)} clauses, {changed} spans {verb}, {errors} errors",
        file=err if errors else out,
    )
    return 1 if errors else 0


def _locate(source: str, quote: str, source_name: str) -> tuple[int, int] | str:
    """The quote's span when it occurs exactly once in ``source``, else what is wrong."""
    starts = occurrences(source, quote)
    if not starts:
        return f"does not occur in {source_name}; it must be copied exactly"
    if len(starts) > 1:
        at = ", ".join(f"{s}:{s + len(quote)}" for s in starts[:_SHOWN])
        at += f" and {len(starts) - _SHOWN} more" if len(starts) > _SHOWN else ""
        return (
            f"occurs {len(starts)} times in {source_name}, at {at}; "
            "quote more of the text so it occurs once"
        )
    return starts[0], starts[0] + len(quote)


def _statement_text(document: dict[str, Any], path: Path) -> tuple[str, str]:
    """The file name and decoded text of the statement_text source beside ``path``."""
    sources = document.get("sources")
    named = [
        s.get("path")
        for s in (sources if isinstance(sources, list) else [])
        if isinstance(s, dict) and s.get("role") == "statement_text"
    ]
    if len(named) != 1 or not isinstance(named[0], str):
        raise _FileError("exactly one source with role statement_text and a path is needed")
    from jointstmt.fileio import ReadError, read_inside

    try:
        return named[0], read_inside(path.parent, named[0], MAX_SOURCE_BYTES).decode("utf-8")
    except ReadError as error:
        if error.problem == "not_found":
            problem = f"is not in {path.parent}"
        elif error.problem == "outside":
            problem = "is outside the statement's folder"
        else:
            problem = str(error)
        raise _FileError(f"the statement text {named[0]!r} {problem}") from None
    except UnicodeDecodeError:
        raise _FileError(f"the statement text {named[0]!r} is not UTF-8") from None


def _clauses(document: dict[str, Any]) -> list[Any]:
    clauses = document.get("clauses")
    if not isinstance(clauses, list) or not all(isinstance(c, dict) for c in clauses):
        raise _FileError("'clauses' must be a list of mappings")
    return clauses


def _position(node: Any, key: str) -> tuple[int, int]:
    """1-based line and column of ``key`` in a round-trip mapping (of the mapping if absent)."""
    if key in node:
        line, column = node.lc.key(key)
    else:
        line, column = node.lc.line, node.lc.col
    return line + 1, column + 1


def _current_span(span: Any) -> tuple[int, int] | None:
    if isinstance(span, dict):
        start, end = span.get("start"), span.get("end")
        if isinstance(start, int) and isinstance(end, int):
            return start, end
    return None


def _set_span(clause: Any, span: tuple[int, int]) -> None:
    """Update the span in place (keeping its style), or add one, in flow style, after ``text``."""
    from ruamel.yaml.comments import CommentedMap

    current = clause.get("span")
    if isinstance(current, dict):
        current["start"], current["end"] = span
        return
    new = CommentedMap([("start", span[0]), ("end", span[1])])
    new.fa.set_flow_style()
    if "span" in clause:
        clause["span"] = new
    else:
        clause.insert(list(clause).index("text") + 1, "span", new)
