"""``jointstmt spans``: the mechanics of anchoring a statement to its text, done by the tool.

For a statement file (version 1 or 2) and the statement text beside it:

* **Clause spans.** Each clause's ``text`` is searched for in the statement text.
  A quote that occurs once gets that span. A quote that occurs more than once
  (statements repeat short sentences) keeps its span if it already points at
  one occurrence; otherwise the occurrences inside the clause's ``paragraph`` are
  preferred, and of those the first that starts after the previous clause's
  start (document order), so clauses listed in text order need no longer quote.
  A quote that does not occur gets the nearest occurrence and what differs,
  character by character (a space where the text breaks the line, a no-break
  space, ``*`` markdown, a straight quote where the text has a curly one).
* **The rest of the mechanics**, with ``--write``: the statement text's SHA-256
  is pinned; paragraph spans (version 2: ``body.paragraphs``; version 1:
  ``paragraphs``) are computed from the text's layout (:mod:`jointstmt.layout`;
  a missing list is added), and a version-2 statement without a body span gets
  one.

Without ``--write`` the command reports what it would change. With it, the file
is edited in ruamel.yaml's round-trip mode (comments, key order, quoting and
flow style kept; a double-quoted scalar keeps invisible characters such as the
soft hyphen as escapes) and written atomically. Bad input is refused as
``validate`` refuses it: the YAML through the loader's guards (size, depth,
aliases, tags), the statement text through :func:`jointstmt.fileio.read_inside`
(inside the folder, regular files only). Offsets are Unicode code points into
the text decoded as UTF-8, with no newline normalization. Exit status: 0 when
every quote is placed, 1 otherwise or when a file cannot be used, 2 on usage
errors.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

DESCRIPTION = """\
Find each clause's text in the statement text beside FILE (schema version 1 or
2) and report its span (Unicode code point offsets into the UTF-8 text, end
exclusive). A quote that occurs more than once keeps a span already on one
occurrence, else takes the first occurrence in its paragraph after the previous
clause. A quote that does not occur is an error that shows the nearest
occurrence and what differs (line breaks, no-break spaces, markdown, quote
marks). With --write, also pin the text's SHA-256, compute paragraph spans and,
in version 2, a missing body span, and write FILE, keeping comments and
formatting. Exit 0 when every quote is placed, 1 otherwise or when FILE or its
statement text cannot be read.
"""

#: Characters written as escapes in double-quoted scalars: a reader cannot see them.
_VISIBLE_SPACE = " "
_INVISIBLE_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"))
#: Names for the characters that most often make a quote differ from its text.
_CHARACTER_NAMES = {
    " ": "space",
    "\n": "line break",
    "\r": "carriage return",
    "\t": "tab",
    "\u00a0": "no-break space",
    "\u00ad": "soft hyphen",
    "\u200b": "zero-width space",
    "*": "markdown emphasis",
    "_": "markdown emphasis",
    "'": "straight quote",
    '"': "straight double quote",
    "\u2018": "curly quote",
    "\u2019": "curly quote",
    "\u201c": "curly double quote",
    "\u201d": "curly double quote",
    "-": "hyphen",
    "\u2011": "non-breaking hyphen",
    "\u2013": "en dash",
    "\u2014": "em dash",
}
#: Characters that are alike for finding a quote's nearest occurrence.
_ALIKE = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2010": "-",
    "\u2011": "-",
}
_MOST_DIFFERENCES = 6


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``spans`` command to the CLI's subcommands."""
    command = subparsers.add_parser(
        "spans",
        help="locate clause quotes in the statement text; with --write also pin its SHA-256 "
        "and compute paragraph spans",
        description=DESCRIPTION,
    )
    command.add_argument("file", metavar="FILE", help="a statement YAML file")
    command.add_argument(
        "--write",
        action="store_true",
        help="write the spans, the SHA-256 and the paragraph spans into FILE",
    )
    command.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from jointstmt.terminal import safe

    path = Path(args.file)  # not type=Path: Path("") would be the current folder
    if not args.file or (not path.exists() and not path.is_symlink()):
        print(f"jointstmt spans: no such file: {safe(repr(args.file))}", file=sys.stderr)
        return 2
    return update_spans(path, write=args.write)


def is_invisible(character: str) -> bool:
    """Whether a reader cannot see ``character`` as what it is (controls, format characters,
    spaces other than the space: the soft hyphen, zero-width space, no-break space)."""
    return character != _VISIBLE_SPACE and unicodedata.category(character) in _INVISIBLE_CATEGORIES


def double_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar on one line, invisible characters escaped."""
    out = ['"']
    for character in text:
        if character in '"\\':
            out.append("\\" + character)
        elif character == "\n":
            out.append("\\n")
        elif character == "\t":
            out.append("\\t")
        elif is_invisible(character):
            out.append(_escape(character))
        else:
            out.append(character)
    out.append('"')
    return "".join(out)


def occurrences(source: str, quote: str) -> list[int]:
    """Every offset at which ``quote`` starts in ``source``, overlapping ones included."""
    found: list[int] = []
    start = source.find(quote)
    while start != -1:
        found.append(start)
        start = source.find(quote, start + 1)
    return found


@dataclass(frozen=True, slots=True)
class Nearest:
    """Where a quote that does not occur comes closest, and what differs there."""

    start: int
    end: int
    differences: tuple[str, ...]


def nearest(source: str, quote: str) -> Nearest | None:
    """The occurrence of ``quote`` in ``source`` up to white space, quote marks, markdown and
    invisible characters, or else the best-matching stretch; ``None`` when nothing is close."""
    import difflib

    folded_source, places = _folded(source)
    folded_quote, _ = _folded(quote)
    if not folded_quote:
        return None
    at = folded_source.find(folded_quote)
    if at >= 0:
        start, end = places[at], places[at + len(folded_quote) - 1] + 1
    else:
        matcher = difflib.SequenceMatcher(None, folded_source, folded_quote, autojunk=False)
        block = matcher.find_longest_match(0, len(folded_source), 0, len(folded_quote))
        if block.size < min(20, max(4, len(folded_quote) // 3)):
            return None
        first = max(block.a - block.b, 0)
        last = min(first + len(folded_quote), len(folded_source)) - 1
        start, end = places[first], places[last] + 1
    return Nearest(start, end, tuple(_differences(quote, source[start:end], start)))


class _FileError(Exception):
    """The statement file or its statement text cannot be used (exit status 1)."""


@dataclass(slots=True)
class _Run:
    """One file's run: what was found, changed and reported."""

    path: Path
    write: bool
    out: TextIO
    err: TextIO
    changed: int = 0
    errors: int = 0

    def where(self, node: Any, key: str) -> str:
        from jointstmt.terminal import safe

        line, column = _position(node, key)
        return f"{safe(str(self.path))}:{line}:{column}"

    def change(self, node: Any, key: str, what: str, new: str, old: str) -> None:
        from jointstmt.terminal import safe

        self.changed += 1
        verb = "set" if self.write else "should be"
        change = f"{what} {verb} {new} (was {old})"  # ``old`` is what the file holds
        print(f"{self.where(node, key)}: {safe(change)}", file=self.out)

    def error(self, node: Any, key: str, message: str) -> None:
        from jointstmt.terminal import safe

        self.errors += 1
        print(f"{self.where(node, key)}: error: {safe(message)}", file=self.err)

    def note(self, node: Any, key: str, message: str) -> None:
        from jointstmt.terminal import safe

        print(f"{self.where(node, key)}: {safe(message)}", file=self.out)


def update_spans(
    path: Path, *, write: bool = False, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Place every clause's quote and, with ``write``, set spans, SHA-256 and paragraph spans
    in the file; report what differs. Returns the exit status."""
    from jointstmt.terminal import safe

    run = _Run(path, write, out or sys.stdout, err or sys.stderr)
    try:
        raw, document, yaml = _load(path)
        source_node, name, data = _statement_text(document, path)
        clauses = _clauses(document)
    except _FileError as error:
        print(f"{safe(str(path))}: error: {safe(str(error))}", file=run.err)
        return 1
    source = data.decode("utf-8")
    version = 2 if document.get("schema_version") == 2 else 1
    _pin(run, source_node, data)
    body = _body(run, document, source) if version == 2 else None
    hints = _paragraph_spans(document, body)
    placed = _place_clauses(run, clauses, source, name, hints)
    _paragraphs(run, document, source, body, placed)
    if write and run.changed:
        try:
            _write(path, raw, document, yaml)
        except OSError as error:
            from jointstmt.fileio import reason

            print(f"{safe(str(path))}: error: cannot write: {reason(error)}", file=run.err)
            return 1
    verb = "written" if write else "to update (run with --write)"
    print(
        f"{safe(str(path))}: {len(clauses)} clauses, {run.changed} changes {verb}, "
        f"{run.errors} errors",
        file=run.err if run.errors else run.out,
    )
    return 1 if run.errors else 0


# --- reading --------------------------------------------------------------------------------


def _load(path: Path) -> tuple[bytes, Any, Any]:
    """The file's bytes, its round-trip document (after the loader's guards) and the YAML."""
    from ruamel.yaml.error import YAMLError

    from jointstmt.fileio import ReadError, read_file
    from jointstmt.limits import MAX_BYTES, Limits
    from jointstmt.loader import LoadError, parse_yaml

    try:
        raw = read_file(path, MAX_BYTES)
    except ReadError as error:
        raise _FileError(f"the file {error}") from None
    try:
        parse_yaml(raw, Limits())  # refuse what validate refuses, before ruamel builds anything
    except LoadError as error:
        finding = error.finding
        raise _FileError(
            f"{finding.line}:{finding.column}: {finding.code}: {finding.message}"
        ) from None
    yaml = _yaml()
    try:
        document = yaml.load(raw.decode("utf-8-sig"))
    # ValueError, OverflowError: ruamel builds the dates the loader keeps as strings, and
    # fails on impossible ones (``issued: 2024-13-01``)
    except (YAMLError, ValueError, OverflowError) as error:
        raise _FileError(f"not YAML the tool can edit: {error}") from None
    if not isinstance(document, dict):
        raise _FileError("the file does not hold a statement (a YAML mapping)")
    yaml.indent(**_indentation(raw.decode("utf-8-sig")))
    return raw, document, yaml


def _statement_text(document: dict[str, Any], path: Path) -> tuple[Any, str, bytes]:
    """The statement_text source's node, its path and its bytes, read inside ``path``'s folder."""
    from jointstmt.fileio import ReadError, read_inside
    from jointstmt.limits import MAX_SOURCE_BYTES

    sources = document.get("sources")
    named = [
        s
        for s in (sources if isinstance(sources, list) else [])
        if isinstance(s, dict) and s.get("role") == "statement_text"
    ]
    if len(named) != 1 or not isinstance(named[0].get("path"), str):
        raise _FileError("exactly one source with role statement_text and a path is needed")
    name = named[0]["path"]
    try:
        data = read_inside(path.parent, name, MAX_SOURCE_BYTES)
    except ReadError as error:
        raise _FileError(f"the statement text {name!r} {error}") from None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _FileError(f"the statement text {name!r} is not UTF-8: {error.reason}") from None
    return named[0], name, data


def _clauses(document: dict[str, Any]) -> list[Any]:
    clauses = document.get("clauses")
    if not isinstance(clauses, list) or not all(isinstance(c, dict) for c in clauses):
        raise _FileError("'clauses' must be a list of mappings")
    return clauses


# --- the SHA-256, the body and the paragraphs -----------------------------------------------


def _pin(run: _Run, source: Any, data: bytes) -> None:
    import hashlib

    digest = hashlib.sha256(data).hexdigest()
    current = source.get("sha256")
    if current == digest:
        return
    run.change(source, "sha256", "sha256 of the statement text", digest, str(current or "none"))
    if run.write:
        _set_after(source, "path", "sha256", digest)


def _body(run: _Run, document: dict[str, Any], source: str) -> tuple[int, int] | None:
    """The version-2 body span: the file's, or the layout's when the file has none."""
    from jointstmt.layout import layout

    body = document.get("body")
    if isinstance(body, dict):
        current = _current_span(body.get("span"))
        if current is not None:
            return current
    language = document.get("language")
    laid = layout(source, language if isinstance(language, str) else "en")
    if laid is None:
        return None
    run.change(document if not isinstance(body, dict) else body, "span", "body span",
               _show(laid.body), "none")  # fmt: skip
    if run.write:
        from ruamel.yaml.comments import CommentedMap

        if not isinstance(body, dict):
            body = CommentedMap()
            _insert_before(document, "clauses", "body", body)
        _set_after(body, "", "span", _flow(laid.body))
    return laid.body


def _paragraph_spans(
    document: dict[str, Any], body: tuple[int, int] | None
) -> dict[int, tuple[int, int]]:
    """The file's paragraph spans by number (hints for placing repeated quotes)."""
    holder = document.get("body") if body is not None else document
    listed = holder.get("paragraphs") if isinstance(holder, dict) else None
    spans = {}
    for paragraph in listed if isinstance(listed, list) else []:
        if isinstance(paragraph, dict) and isinstance(paragraph.get("number"), int):
            span = _current_span(paragraph.get("span"))
            if span is not None:
                spans[paragraph["number"]] = span
    return spans


def _paragraphs(
    run: _Run,
    document: dict[str, Any],
    source: str,
    body: tuple[int, int] | None,
    placed: list[tuple[int, int]],
) -> None:
    """Set each listed paragraph's span to the paragraph of the text it overlaps most; add the
    list when the file has none (version 2: the body's paragraphs; version 1: those quoted)."""
    from jointstmt.layout import paragraphs

    language = document.get("language")
    language = language if isinstance(language, str) else "en"
    if body is not None:
        holder = document.get("body")
        computed = paragraphs(source, *body, language)
    else:
        holder = document
        computed = _quoted_paragraphs(source, placed, language)
    if not computed or not isinstance(holder, dict):
        return
    listed = holder.get("paragraphs")
    if not isinstance(listed, list) or not listed:
        count = f"{len(computed)} paragraph{'s' if len(computed) != 1 else ''} of the text"
        run.change(holder, "paragraphs", "paragraphs", count, "none")
        if run.write:
            from ruamel.yaml.comments import CommentedSeq

            version_1 = body is None
            items = CommentedSeq(
                _paragraph_item(n, p, version_1) for n, p in enumerate(computed, 1)
            )
            if body is not None:
                _set_after(holder, "span", "paragraphs", items)
            else:
                _insert_before(holder, "clauses", "paragraphs", items)
        return
    for paragraph in listed:
        if not isinstance(paragraph, dict):
            continue
        current = _current_span(paragraph.get("span"))
        if current is None:
            continue
        best = max(computed, key=lambda p: min(p.end, current[1]) - max(p.start, current[0]))
        if min(best.end, current[1]) <= max(best.start, current[0]) or current == (
            best.start,
            best.end,
        ):
            continue
        number = paragraph.get("number", "?")
        run.change(paragraph, "span", f"paragraph {number}: span", _show((best.start, best.end)),
                   _show(current))  # fmt: skip
        if run.write:
            _set_span(paragraph, (best.start, best.end))


def _quoted_paragraphs(source: str, placed: list[tuple[int, int]], language: str) -> list[Any]:
    """Version 1 has no body: the paragraphs are the text's blocks that hold a clause."""
    from jointstmt.layout import paragraphs
    from jointstmt.sentences import _blocks

    if not placed:
        return []
    blocks = [
        (a, b)
        for a, b in _blocks(source, 0, len(source))
        if any(s < b and a < e for s, e in placed)
    ]
    if not blocks:
        return []
    return paragraphs(source, blocks[0][0], blocks[-1][1], language)


def _paragraph_item(number: int, paragraph: Any, version_1: bool) -> Any:
    """A paragraph entry: version 1 requires a verification status (nothing was checked, so
    ``unverified``) and has no label; version 2 has a label and no required status."""
    from ruamel.yaml.comments import CommentedMap

    item = CommentedMap([("number", number), ("span", _flow((paragraph.start, paragraph.end)))])
    if version_1:
        item["verification"] = "unverified"
    elif paragraph.label:
        item["label"] = paragraph.label
    item.fa.set_flow_style()
    return item


# --- the clauses ----------------------------------------------------------------------------


def _place_clauses(
    run: _Run,
    clauses: list[Any],
    source: str,
    name: str,
    paragraphs: dict[int, tuple[int, int]],
) -> list[tuple[int, int]]:
    """Place each clause's quote (see the module's docstring); returns the spans placed."""
    placed: list[tuple[int, int]] = []
    previous: tuple[int, int] | None = None
    for index, clause in enumerate(clauses):
        label = clause.get("id", f"#{index + 1}")
        quote = clause.get("text")
        if not isinstance(quote, str) or not quote:
            run.error(clause, "text", f"clause {label}: no text to locate")
            continue
        current = _current_span(clause.get("span"))
        span = _choose(run, clause, label, quote, source, name, current, previous, paragraphs)
        if span is None:
            continue
        placed.append(span)
        previous = span
        if current != span:
            run.change(clause, "text", f"clause {label}: span", _show(span),
                       _show(current) if current else "none")  # fmt: skip
            if run.write:
                _set_span(clause, span, after="text")
    return placed


def _choose(
    run: _Run,
    clause: Any,
    label: str,
    quote: str,
    source: str,
    name: str,
    current: tuple[int, int] | None,
    previous: tuple[int, int] | None,
    paragraphs: dict[int, tuple[int, int]],
) -> tuple[int, int] | None:
    """The span for ``quote``, or ``None`` after reporting why there is none."""
    starts = occurrences(source, quote)
    if not starts:
        run.error(clause, "text", _not_found(label, quote, source, name))
        return None
    if len(starts) == 1:
        return starts[0], starts[0] + len(quote)
    if current is not None and current[0] in starts and current[1] - current[0] == len(quote):
        return current
    candidates = starts
    inside = (
        paragraphs.get(clause.get("paragraph"))
        if isinstance(clause.get("paragraph"), int)
        else None
    )
    if inside is not None:
        candidates = [s for s in starts if inside[0] <= s and s + len(quote) <= inside[1]] or starts
    after = [
        s
        for s in candidates
        if previous is None
        or s > previous[0]
        or (s == previous[0] and s + len(quote) != previous[1])
    ]
    at = ", ".join(_show((s, s + len(quote))) for s in starts)
    if not after:
        run.error(clause, "text",
                  f"clause {label}: text occurs {len(starts)} times in {name}, at {at}, none of "
                  f"them after the previous clause ({_show(previous or (0, 0))}); list the clauses "
                  "in text order or quote more of the text so it occurs once")  # fmt: skip
        return None
    run.note(clause, "text",
             f"clause {label}: text occurs {len(starts)} times in {name} ({at}); placed at "
             f"occurrence {starts.index(after[0]) + 1}, the first after the previous clause"
             + (" in its paragraph" if inside is not None else ""))  # fmt: skip
    return after[0], after[0] + len(quote)


def _not_found(label: str, quote: str, source: str, name: str) -> str:
    message = f"clause {label}: text does not occur in {name}; it must be copied exactly"
    close = nearest(source, quote)
    if close is None:
        return message
    lines = [f"{message}. Nearest at {_show((close.start, close.end))}, where"]
    lines += [f"  - {difference}" for difference in close.differences[:_MOST_DIFFERENCES]]
    if len(close.differences) > _MOST_DIFFERENCES:
        lines.append(f"  - and {len(close.differences) - _MOST_DIFFERENCES} more differences")
    if not close.differences:
        lines.append("  - the text differs in nothing a reader can see")
    return "\n".join(lines)


def _differences(quote: str, found: str, offset: int) -> list[str]:
    """What differs between ``quote`` and the text ``found`` at ``offset``, in reading order."""
    import difflib

    matcher = difflib.SequenceMatcher(None, quote, found, autojunk=False)
    out = []
    for tag, a, b, c, d in matcher.get_opcodes():
        if tag == "equal":
            continue
        ours = _describe(quote[a:b]) if b > a else "nothing"
        theirs = _describe(found[c:d]) if d > c else "nothing"
        out.append(f"the quote has {ours} where the text has {theirs} (at {offset + c})")
    return out


def _describe(characters: str) -> str:
    """``'\\n' (line break)``: characters shown with escapes, and named where one is known."""
    names = sorted({_CHARACTER_NAMES.get(c, unicodedata.name(c, "")) for c in characters})
    shown = double_quoted(characters)
    known = [n.lower() for n in names if n]
    return f"{shown} ({', '.join(known)})" if known and len(characters) <= 3 else shown


def _folded(text: str) -> tuple[str, list[int]]:
    """``text`` with white space runs as one space, quote marks straight, markdown and invisible
    characters dropped, and where each character of the result came from."""
    out: list[str] = []
    places: list[int] = []
    for index, character in enumerate(text):
        if character.isspace():
            if out and out[-1] == " ":
                continue
            character = " "
        elif character in "*_" or is_invisible(character):
            continue
        out.append(_ALIKE.get(character, character))
        places.append(index)
    return "".join(out), places


# --- writing --------------------------------------------------------------------------------


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the long single-line quotes
    yaml.Emitter = _emitter()
    return yaml


def _emitter() -> type:
    """ruamel's emitter, writing invisible characters in double-quoted scalars as escapes
    (it writes a soft hyphen or a zero-width space raw, where no reader sees it)."""
    from ruamel.yaml.emitter import Emitter

    class EscapingEmitter(Emitter):
        def write_double_quoted(self, text: Any, split: Any = True) -> None:
            stream = self._stream
            self._stream = _Escaping(stream)
            try:
                super().write_double_quoted(text, split)
            finally:
                self._stream = stream

    return EscapingEmitter


class _Escaping:
    """A stream that writes invisible characters as YAML escapes (inside a double-quoted scalar)."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, data: str | bytes) -> None:
        if isinstance(data, bytes):
            self.stream.write(_escape_invisible(data.decode("utf-8")).encode("utf-8"))
        else:
            self.stream.write(_escape_invisible(data))


def _escape_invisible(text: str) -> str:
    # ruamel writes line breaks between folded lines itself; they are not content
    return "".join(_escape(c) if is_invisible(c) and c not in "\n\r" else c for c in text)


def _escape(character: str) -> str:
    code = ord(character)
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def _write(path: Path, raw: bytes, document: Any, yaml: Any) -> None:
    """Write ``document`` over ``path`` atomically, in the original's layout (BOM, line
    endings, ``---`` and what is above it, ``...`` and what follows it)."""
    import io

    from jointstmt.fileio import atomic_write
    from jointstmt.roundtrip import keep_layout

    buffer = io.StringIO()
    yaml.dump(document, buffer)
    atomic_write(path, keep_layout(buffer.getvalue(), raw))


def _indentation(text: str) -> dict[str, int]:
    """The file's indentation, so that writing keeps it: the first nested mapping's indent, and
    the first block sequence's dash offset and item indent (ruamel's guess fails on an item whose
    mapping starts on the next line; this reads the lines instead)."""
    import re

    lines = [
        (len(line) - len(line.lstrip(" ")), line.strip())
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    mapping = sequence = offset = None
    for (indent, line), (next_indent, next_line) in itertools.pairwise(lines):
        if not re.fullmatch(r"[^\s:#-][^:#]*:(?:\s+#.*)?", line) or next_indent < indent:
            continue
        if next_line.startswith("- ") or next_line == "-":
            if offset is None:
                offset = next_indent - indent
                after = re.match(r"-\s*", next_line)
                dash = len(after.group()) if after and next_line != "-" else None
                if dash is None:  # "-" alone: the item's mapping is on the next line
                    below = next((i for i, _ in lines if i > next_indent), next_indent + 2)
                    dash = below - next_indent
                sequence = offset + dash
        elif mapping is None and next_indent > indent:
            mapping = next_indent - indent
    mapping = mapping or 2
    if sequence is None or offset is None:
        return {"mapping": mapping, "sequence": mapping + 2, "offset": 2}
    return {"mapping": mapping, "sequence": max(sequence, offset + 2), "offset": offset}


def _position(node: Any, key: str) -> tuple[int, int]:
    """1-based line and column of ``key`` in a round-trip mapping (of the mapping if absent;
    1:1 for a mapping added by this run)."""
    if key in node:
        line, column = node.lc.key(key)
    else:
        line, column = node.lc.line, node.lc.col
    if line is None:  # a node this run added: it has no place in the file yet
        return 1, 1
    return line + 1, column + 1


def _current_span(span: Any) -> tuple[int, int] | None:
    if isinstance(span, dict):
        start, end = span.get("start"), span.get("end")
        if isinstance(start, int) and isinstance(end, int):
            return start, end
    return None


def _show(span: tuple[int, int]) -> str:
    return f"{span[0]}:{span[1]}"


def _flow(span: tuple[int, int]) -> Any:
    from ruamel.yaml.comments import CommentedMap

    node = CommentedMap([("start", span[0]), ("end", span[1])])
    node.fa.set_flow_style()
    return node


def _set_span(node: Any, span: tuple[int, int], after: str = "") -> None:
    """Update ``node``'s span in place (keeping its style), or add one in flow style."""
    current = node.get("span")
    if isinstance(current, dict):
        current["start"], current["end"] = span
        return
    _set_after(node, after, "span", _flow(span))


def _set_after(node: Any, after: str, key: str, value: Any) -> None:
    """Set ``key`` in ``node``: in place if present, else right after ``after`` (or first)."""
    if key in node:
        node[key] = value
        return
    keys = list(node)
    node.insert(keys.index(after) + 1 if after in keys else len(keys) if after else 0, key, value)


def _insert_before(node: Any, before: str, key: str, value: Any) -> None:
    keys = list(node)
    node.insert(keys.index(before) if before in keys else len(keys), key, value)
