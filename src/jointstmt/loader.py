"""Safe YAML loading: bytes in, plain data with a position for every node out.

Why it is built this way:

* **Events, not nodes.** ruamel's C parser (libyaml, package ``ruamel.yaml.clib``) is
  used only to turn text into *events*; this module builds the dicts and lists itself in
  one iterative pass. The C composer (``get_single_node``) recurses in C once per nesting
  level and segfaults on ~100,000 nested ``[`` (measured), and it expands aliases and keeps
  duplicate keys silently. Building from events gives an exact depth counter that stops at
  ``Limits.max_depth`` before anything deep is built, rejects the first anchor or alias
  (an alias bomb is never expanded), and sees duplicate keys as they arrive. It is also
  no slower: it skips the composer's per-node resolver calls and node objects.
* **Positions are the parser's marks, packed.** Each node's start line and column, as
  libyaml gives them, is kept as one 64-bit integer in an array, in document order, and
  the mapping keys in a list; the lookup tree (a dict per mapping, a list per sequence)
  is built from them only when :class:`Positions` is first asked, which only a file with
  findings does. Keeping the marks themselves (an object per node, plus a tuple and a
  dict entry) made positions as large as the data (measured: about 7 times the file
  size). libyaml counts columns in code points (not bytes) and treats CRLF as one line
  break, so no correction is needed. Keys are interned: they repeat in every clause.
* **The cyclic collector is paused while a document is built** (and, in
  :mod:`jointstmt.validation`, while a file is checked): the tree makes no cycles, and
  each collection would traverse all of it again, which made the cost per clause grow
  with the file.
* **A finding names a place that exists.** libyaml reports the end of the stream on a
  line after the last, so such a position is moved to the end of the last line. An
  unclosed quote is reported where it opens, not where the parser gave up (at the end
  of the file, or lines below, where a later quote closed it).
* **YAML 1.2 core schema, exactly.** Plain scalars resolve to null (``null``, ``Null``,
  ``NULL``, ``~``, empty), bool (``true``/``True``/``TRUE``, ``false``/...), int (decimal,
  ``0o`` octal, ``0x`` hex) and float (including ``.inf``/``.nan``, which are then
  rejected); everything else is a string. This follows the spec's core-schema regexes
  rather than ruamel's own 1.2 resolver, which also accepts ``_`` digit separators, ``0b``
  and leading-zero octal. YAML 1.1 booleans (``NO``, ``yes``, ``on``) and dates or
  timestamps stay strings, as written. Quoted and block scalars are always strings.
* **Explicit core tags are applied**: ``!!str``, ``!!int``, ``!!float``, ``!!bool``,
  ``!!null`` on scalars, ``!!map`` on mappings, ``!!seq`` on sequences, and the
  non-specific ``!`` (a string). A core tag on a value it cannot describe (``!!int abc``,
  ``!!map`` on a list) is ``yaml.tag``, as is every other tag.
* **One finding per file.** Loading stops at the first problem, reported as a
  :class:`~jointstmt.findings.Finding` inside :class:`LoadError`; nothing else escapes
  :func:`parse_yaml`.
* Depth counts collections: the root mapping is level 1, so with ``max_depth=64`` a
  collection at level 65 is ``yaml.too_deep``. Reading stops there, so 100,000 nested
  ``[`` cost about 2 ms. (libyaml's scanner itself is quadratic in flow depth: raising
  the limit to tens of thousands makes such input take seconds, never a crash.)
* Known libyaml trait: it counts U+0085, U+2028 and U+2029 as line breaks (YAML 1.1),
  so a plain scalar containing one splits there and later lines are numbered one higher
  than in editors that do not break on them. Every position this module reports (an
  encoding error's too) counts lines as the parser in use does.
* **No pure-Python fallback** (decided for issue 16; there was one before).
  ``ruamel.yaml.clib`` is a declared dependency with wheels for CPython on Linux, macOS
  and Windows, so the fallback ran only in a broken install, and there it broke the
  contract of identical verdicts: ruamel's pure-Python parser breaks lines on CR and LF
  only (YAML 1.2), so in a file holding U+0085, U+2028 or U+2029 its line numbers, and
  sometimes its verdict, differed from libyaml's; it was also about five times slower.
  Keeping it cost a second code path, tests that forced it and a fuzzing pass. Without
  the C extension, importing this module raises :class:`ImportError` saying what to
  install.
"""

from __future__ import annotations

import math
import re
import sys
from array import array
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.reader import ReaderError

from jointstmt._gc import collector_paused
from jointstmt.findings import Finding, json_pointer
from jointstmt.limits import Limits

try:
    import _ruamel_yaml
except ImportError as error:  # pragma: no cover - exercised in a subprocess by the tests
    raise ImportError(
        "jointstmt needs ruamel.yaml.clib (libyaml's C parser), a dependency of the "
        "package that is missing here: pip install ruamel.yaml.clib"
    ) from error
_CParser: Any = _ruamel_yaml.CParser

__all__ = ["Document", "Limits", "LoadError", "Positions", "parse_yaml", "too_large"]

_Path = tuple[str | int, ...]

_MAX_SAFE_INT = 2**53 - 1
_BOM = b"\xef\xbb\xbf"
_CORE = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT = _CORE + "str", _CORE + "int", _CORE + "float"
_BOOL, _NULL, _MAP, _SEQ = _CORE + "bool", _CORE + "null", _CORE + "map", _CORE + "seq"

#: Plain scalars that are not strings, apart from numbers (YAML 1.2 core schema).
_SPECIAL: dict[str, bool | None] = {
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
    "null": None,
    "Null": None,
    "NULL": None,
    "~": None,
    "": None,
}
_NUM_START = frozenset("-+.0123456789")
_NUMBER = re.compile(
    r"(?P<int>[-+]?[0-9]+)"
    r"|0o(?P<oct>[0-7]+)"
    r"|0x(?P<hex>[0-9a-fA-F]+)"
    r"|(?P<float>[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)"
    r"|(?P<inf>[-+]?\.(?:inf|Inf|INF))"
    r"|(?P<nan>\.(?:nan|NaN|NAN))"
)
#: Characters YAML does not allow in a stream (what libyaml's reader rejects).
_BAD_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
#: Line breaks as libyaml counts them: as YAML 1.1 does, NEL, LS and PS too.
_LIBYAML_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
#: Kinds of the entries ``_build`` records (the low two bits of each, see _pack).
_SCALAR, _MAP_AT, _SEQ_AT, _END = 0, 1, 2, 3
_NOKEY: Any = object()
_MISSING: Any = object()


class Positions:
    """1-based (line, column) of every node of a loaded document, looked up by path.

    A path is a tuple of mapping keys and sequence indexes, as in pydantic error
    locations; ``()`` is the root mapping. A path that does not exist resolves to its
    deepest existing ancestor, so a missing key points at its parent mapping. A node
    the parser places past the last line (the empty value of a last ``? key``) is at
    the end of the last line.
    """

    __slots__ = ("_body", "_end", "_keys", "_marks", "_root")

    def __init__(self, marks: array[int], keys: list[str], body: bytes) -> None:
        # ``marks`` holds one packed entry per node in document order (see _pack), and
        # an end entry per collection; ``keys`` the mapping keys in the same order.
        # The lookup tree is built from them when first asked (only files with
        # findings ask), and the text decoded from ``body`` when a position needs it.
        self._marks = marks
        self._keys = keys
        self._body = body
        self._root: tuple[int, Any] | None = None
        self._end: tuple[int, int] | None = None

    def _at(self, packed: int) -> tuple[int, int]:
        if self._end is None:
            self._end = _end_of(self._body.decode("utf-8"))
        return min(((packed >> 32) + 1, (packed & 0xFFFFFFFF) + 1), self._end)

    def _walk(self, path: _Path) -> tuple[Any, int]:
        """The deepest node on ``path`` and how many parts of the path it consumed."""
        if self._root is None:
            self._root = _tree(self._marks, self._keys)
        node: Any = self._root
        for depth, part in enumerate(path):
            if not isinstance(node, tuple):
                return node, depth
            entries = node[1]
            if isinstance(entries, dict):
                if not isinstance(part, str) or part not in entries:
                    return node, depth
                node = entries[part][1]
            else:
                if isinstance(part, bool) or not isinstance(part, int):
                    return node, depth
                if not 0 <= part < len(entries):
                    return node, depth
                node = entries[part]
        return node, len(path)

    def of(self, path: _Path) -> tuple[int, int]:
        """(line, column) of the value at ``path``, or of its deepest existing ancestor."""
        node, _ = self._walk(path)
        return self._at(node[0] if isinstance(node, tuple) else node)

    def of_key(self, path: _Path) -> tuple[int, int]:
        """(line, column) of the key of the mapping entry at ``path``.

        For a sequence item or the root this is :meth:`of`; a path that does not exist
        resolves to its deepest existing ancestor.
        """
        if path:
            parent, consumed = self._walk(path[:-1])
            last = path[-1]
            if (
                consumed == len(path) - 1
                and isinstance(parent, tuple)
                and isinstance(parent[1], dict)
                and isinstance(last, str)
                and last in parent[1]
            ):
                return self._at(parent[1][last][0])
        return self.of(path)


def _tree(marks: array[int], keys: list[str]) -> tuple[int, Any]:
    """The lookup tree of packed positions, from the entries ``_build`` recorded.

    A container is (position, entries); entries is a dict key -> (key position, child)
    for a mapping, a list of children for a sequence; a scalar child is a bare
    position. Collections left open (the entries of a file that failed) are closed.
    """
    root: tuple[int, Any] = (marks[0] >> 2, {})
    next_key = iter(keys).__next__
    node = root
    stack: list[tuple[int, Any]] = []
    key: str | None = None
    key_at = 0
    for entry in marks[1:]:
        kind = entry & 3
        if kind == _END:
            if not stack:
                break
            node = stack.pop()
            continue
        entries = node[1]
        if key is None and entries.__class__ is dict:  # a mapping's key
            key, key_at = next_key(), entry >> 2
            continue
        child: Any = entry >> 2 if kind == _SCALAR else (entry >> 2, {} if kind == _MAP_AT else [])
        if key is None:
            entries.append(child)
        else:
            entries[key] = (key_at, child)
            key = None
        if kind != _SCALAR:
            stack.append(node)
            node = child
    return root


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded YAML document: plain data (the root is a mapping) and node positions."""

    data: dict[str, Any]
    positions: Positions


class LoadError(Exception):
    """The file cannot be loaded; ``finding`` says why and where (``str()`` is the message)."""

    finding: Finding

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding)
        self.finding = finding

    def __str__(self) -> str:
        return self.finding.message


def too_large(size: int, limits: Limits) -> Finding:
    """The finding for a file of ``size`` bytes over the size limit (checked before reading)."""
    return Finding(
        "yaml.too_large",
        f"The file is {size:,} bytes, over the limit of {limits.max_bytes:,} bytes. "
        "A statement file should be far smaller; split it, or raise the size limit "
        "if this one is really meant to be that large.",
    )


def parse_yaml(data: bytes, limits: Limits = Limits()) -> Document:
    """Load one YAML 1.2 document whose root is a mapping, with node positions.

    Raises :class:`LoadError` (and nothing else) for any input that is not acceptable:
    too large, not UTF-8, not well-formed, several documents, a root that is not a
    mapping, duplicate or non-string keys, anchors/aliases/merge keys, tags outside the
    core schema, a version other than 1.2, nesting over ``limits.max_depth`` and numbers
    JSON cannot carry.
    """
    if len(data) > limits.max_bytes:
        raise LoadError(too_large(len(data), limits))
    body, text = _decode(bytes(data))
    try:
        with collector_paused():
            root, marks, keys = _build(_CParser(body).get_event, limits.max_depth)
    except LoadError as exc:
        raise _inside(exc, text) from None
    except MarkedYAMLError as exc:
        raise _inside(_syntax_error(exc, text, body), text) from exc
    except ReaderError as exc:
        raise _error(
            "yaml.encoding",
            f"The file holds a character YAML does not allow ({exc.reason}). "
            "Remove it, or check that this is a UTF-8 text file.",
        ) from exc
    except YAMLError as exc:
        raise _error("yaml.syntax", f"Malformed YAML: {exc}") from exc
    except (RecursionError, MemoryError) as exc:
        raise _error(
            "yaml.syntax",
            "The YAML could not be loaded: it exhausted the parser's resources "
            f"({type(exc).__name__}). Check the file for runaway nesting or repetition.",
        ) from exc
    except Exception as exc:  # last resort: nothing but LoadError may escape
        raise _error(
            "yaml.syntax", f"The YAML could not be parsed ({type(exc).__name__}: {exc})."
        ) from exc
    return Document(root, Positions(marks, keys, body))


# --- decoding ---------------------------------------------------------------------------


def _decode(data: bytes) -> tuple[bytes, str]:
    """The UTF-8 body (BOM removed) and its text, or LoadError(yaml.encoding)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _error(
            "yaml.encoding",
            "The file is UTF-16 or UTF-32 (it starts with such a byte-order mark); "
            "statement files must be UTF-8. Save it again as UTF-8.",
        )
    body = data[3:] if data.startswith(_BOM) else data
    undecodable: int | None = None
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:  # report the first problem: a control character may precede
        text = body[: exc.start].decode("utf-8")
        undecodable = body[exc.start]
    match = _BAD_CHAR.search(text)
    if match is not None:
        char = match.group()
        line, column = _line_col(text, match.start())
        if char == "\x00" and body.count(0) * 4 >= len(body):
            message = (
                "The file holds many NUL bytes, as UTF-16 or UTF-32 text does; statement "
                "files must be UTF-8. Save it again as UTF-8."
            )
        else:
            message = (
                f"The file holds the control character U+{ord(char):04X}, which YAML does "
                "not allow. Remove it; if this is not a text file, it cannot be a statement."
            )
        raise _error("yaml.encoding", message, line, column)
    if undecodable is not None:
        raise _error(
            "yaml.encoding",
            f"The file is not valid UTF-8: byte 0x{undecodable:02X} here cannot be decoded. "
            "Save the file as UTF-8 (it may be Latin-1, Windows-1252 or binary data).",
            *_line_col(text, len(text)),
        )
    return body, text


def _line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column (in code points) of ``text[index]``, as libyaml counts them."""
    line, start = 1, 0
    for match in _LIBYAML_BREAK.finditer(text, 0, index):
        line, start = line + 1, match.end()
    return line, index - start + 1


def _end_of(text: str) -> tuple[int, int]:
    """(line, column) just past the last character of ``text``; a final break starts no line."""
    last = text[-2:] if text.endswith("\r\n") else text[-1:]
    body = text[: len(text) - len(last)] if _LIBYAML_BREAK.fullmatch(last) else text
    return _line_col(body, len(body))


def _inside(error: LoadError, text: str) -> LoadError:
    """``error`` moved to the end of the last line when the parser placed it past that.

    libyaml reports the end of the stream on a line after the last one (it ends an
    unterminated last line itself), and a file's last line break starts no new line;
    a finding there is put at the end of the last line, where an editor can show it.
    """
    finding = error.finding
    end = _end_of(text)
    if (finding.line, finding.column) <= end:
        return error
    return LoadError(replace(finding, line=end[0], column=end[1]))


# --- building ---------------------------------------------------------------------------


def _build(
    get_event: Callable[[], Any], max_depth: int
) -> tuple[dict[str, Any], array[int], list[str]]:
    """Build the root mapping and record its positions from parser events, iteratively.

    Positions are recorded compactly, not as the parser's marks (an object per node,
    which made them several times the size of the data): one 64-bit entry per node in
    document order, ``(line << 32 | column) << 2 | kind``, and an end entry per
    collection, in an array; mapping keys in a list. :func:`_tree` turns them into a
    lookup tree when a finding asks for a position.
    """
    get_event()  # StreamStartEvent
    event = get_event()
    if event.__class__ is StreamEndEvent:
        raise _empty_error()
    version = event.version  # DocumentStartEvent
    if version is not None and tuple(version) != (1, 2):
        raise _version_error(f"{version[0]}.{version[1]}", event.start_mark)
    event = get_event()
    cls = event.__class__
    if cls is not MappingStartEvent:
        _reject_root(event, get_event)
    if event.anchor is not None:
        raise _anchor_error(event, ())
    if event.ctag is not None and event.tag not in (_MAP, "!"):
        raise _tag_error(event.tag, "a mapping", event.start_mark, ())

    # The frame being filled is held in locals; enclosing frames are on `stack`.
    scalar_event, alias_event = ScalarEvent, AliasEvent
    map_start, seq_start = MappingStartEvent, SequenceStartEvent
    map_end, seq_end = MappingEndEvent, SequenceEndEvent
    special, num_start, missing, nokey = _SPECIAL, _NUM_START, _MISSING, _NOKEY
    intern = sys.intern  # keys repeat in every clause: one string each, and faster look-ups
    mark = event.start_mark
    marks = array("Q", [(mark.line << 32 | mark.column) << 2 | _MAP_AT])
    keys: list[str] = []
    record, record_key = marks.append, keys.append
    root: dict[str, Any] = {}
    cur: Any = root
    is_map = True
    key: Any = nokey
    stack: list[tuple[Any, bool, Any]] = []
    depth = 1
    while True:
        event = get_event()
        cls = event.__class__
        if cls is scalar_event:
            if event.anchor is not None:
                raise _anchor_error(event, _here(stack, cur, is_map, key))
            value = event.value
            if event.ctag is None:
                if not event.style:
                    resolved = special.get(value, missing)
                    if resolved is not missing:
                        value = resolved
                    elif value[0] in num_start:
                        # fast path: up to 15 ASCII digits is always a safe integer
                        if len(value) < 16 and value.isascii() and value.isdigit():
                            value = int(value)
                        else:
                            value = _plain_number(value, event, stack, cur, is_map, key)
            else:
                value = _tagged_scalar(event, stack, cur, is_map, key)
            mark = event.start_mark
            if not is_map:
                cur.append(value)
            elif key is not nokey:
                cur[key] = value
                key = nokey
            else:
                if value.__class__ is not str:
                    raise _key_error(_describe(value), event, stack, cur, is_map)
                if value in cur:
                    raise _duplicate_error(value, marks, keys, event, stack, cur, is_map)
                if value == "<<" and not event.style and event.ctag is None:
                    raise _error(
                        "yaml.alias",
                        "Merge keys (<<) are not allowed in statements; write the keys "
                        "out in full in this mapping.",
                        *_line_col_of(mark),
                        json_pointer(_here(stack, cur, is_map, nokey)),
                    )
                key = intern(value)
                record_key(key)
            record((mark.line << 32 | mark.column) << 2)
        elif cls is map_start or cls is seq_start:
            kind = "a mapping" if cls is map_start else "a list"
            if is_map and key is nokey:
                raise _key_error(kind, event, stack, cur, is_map)
            if event.anchor is not None:
                raise _anchor_error(event, _here(stack, cur, is_map, key))
            if event.ctag is not None and event.tag not in (
                "!",
                _MAP if cls is map_start else _SEQ,
            ):
                raise _tag_error(event.tag, kind, event.start_mark, _here(stack, cur, is_map, key))
            depth += 1
            if depth > max_depth:
                raise _error(
                    "yaml.too_deep",
                    f"Nesting here is deeper than the limit of {max_depth} levels. "
                    "No statement needs this; flatten the structure (or raise the depth "
                    "limit if this file is really meant to be so deep).",
                    *_line_col_of(event.start_mark),
                    json_pointer(_here(stack, cur, is_map, key)),
                )
            mark = event.start_mark
            stack.append((cur, is_map, key))
            if cls is map_start:
                record((mark.line << 32 | mark.column) << 2 | _MAP_AT)
                cur, is_map, key = {}, True, nokey
            else:
                record((mark.line << 32 | mark.column) << 2 | _SEQ_AT)
                cur, is_map = [], False
        elif cls is map_end or cls is seq_end:
            if not stack:
                break
            record(_END)
            child = cur
            cur, is_map, key = stack.pop()
            depth -= 1
            if is_map:
                cur[key] = child
                key = nokey
            else:
                cur.append(child)
        elif cls is alias_event:
            raise _error(
                "yaml.alias",
                f"Aliases (*{event.anchor}) are not allowed in statements; write the "
                "value out in full instead of referring to an anchor.",
                *_line_col_of(event.start_mark),
                json_pointer(_here(stack, cur, is_map, key)),
            )
        else:  # pragma: no cover - libyaml never emits anything else inside a document
            raise _error("yaml.syntax", f"Malformed YAML: unexpected {cls.__name__}.")

    get_event()  # DocumentEndEvent
    event = get_event()
    if event.__class__ is DocumentStartEvent:
        raise _multiple_error(event)
    return root, marks, keys


def _reject_root(event: Any, get_event: Callable[[], Any]) -> None:
    """Raise the finding for a document whose root is not a mapping."""
    cls = event.__class__
    if cls is AliasEvent:
        raise _error(
            "yaml.alias",
            f"Aliases (*{event.anchor}) are not allowed in statements.",
            *_line_col_of(event.start_mark),
        )
    if (
        cls is ScalarEvent
        and event.value == ""
        and not event.style
        and event.ctag is None
        and event.anchor is None
    ):  # "---" alone: an empty document, unless another one follows
        get_event()  # DocumentEndEvent
        following = get_event()
        if following.__class__ is DocumentStartEvent:
            raise _multiple_error(following)
        raise _empty_error()
    if cls is SequenceStartEvent:
        what = "a list"
    elif event.style or event.ctag is not None:
        what = f"a single value ({_show(event.value)})"
    else:
        resolved = _SPECIAL.get(event.value, _MISSING)
        what = "null" if resolved is None else f"a single value ({_show(event.value)})"
    raise _error(
        "yaml.root",
        f"The document must be a mapping of keys to values (lines of `key: value`), "
        f"but its top level is {what}.",
        *_line_col_of(event.start_mark),
    )


def _plain_number(
    value: str, event: Any, stack: list[Any], cur: Any, is_map: bool, key: Any
) -> Any:
    """Resolve a plain scalar that starts like a number; a string if it is not one.

    Messages are written only for a number that is refused: this runs for every
    number, date and numeric-looking identifier in a file.
    """
    match = _NUMBER.fullmatch(value)
    if match is None:
        return value
    kind = match.lastgroup
    result: int | float = 0
    too_big = False
    if kind == "int":  # count digits first: int() of a huge string is slow, or refused
        too_big = len(value.lstrip("+-").lstrip("0")) > 16
        if not too_big:
            result = int(value)
            too_big = abs(result) > _MAX_SAFE_INT
    elif kind == "oct" or kind == "hex":
        digits = match.group(kind).lstrip("0") or "0"
        too_big = len(digits) > (18 if kind == "oct" else 14)
        if not too_big:
            result = int(digits, 8 if kind == "oct" else 16)
            too_big = result > _MAX_SAFE_INT
    elif kind == "float":
        result = float(value)
        if math.isinf(result):
            raise _number_error(
                f"The number {_show(value)} is too large: as a float it would be infinity, "
                "which JSON cannot carry.",
                event,
                stack,
                cur,
                is_map,
                key,
            )
    else:
        raise _number_error(
            f"{_show(value)} is {'NaN' if kind == 'nan' else 'infinity'}, which JSON cannot carry.",
            event,
            stack,
            cur,
            is_map,
            key,
        )
    if too_big:
        raise _number_error(
            f"The integer {_show(value)} lies outside ±(2^53 - 1), the range JSON numbers "
            "carry exactly.",
            event,
            stack,
            cur,
            is_map,
            key,
        )
    return result


def _number_error(
    problem: str, event: Any, stack: list[Any], cur: Any, is_map: bool, key: Any
) -> LoadError:
    as_key = is_map and key is _NOKEY
    return _error(
        "yaml.number",
        f"{problem} Quote it if it is meant as text (an identifier, say), or use a "
        "number within range.",
        *_line_col_of(event.start_mark),
        json_pointer(_here(stack, cur, is_map, _NOKEY if as_key else key)),
    )


def _tagged_scalar(event: Any, stack: list[Any], cur: Any, is_map: bool, key: Any) -> Any:
    """Apply an explicit tag to a scalar (core tags only), or raise yaml.tag."""
    tag, value = event.tag, event.value
    if tag == _STR or tag == "!":
        return value
    path = _here(stack, cur, is_map, key)
    kind = {_INT: "int", _FLOAT: "float", _BOOL: "bool", _NULL: "null"}.get(tag)
    if kind is None:
        raise _tag_error(tag, "a value", event.start_mark, path)
    if kind == "bool" or kind == "null":
        resolved = _SPECIAL.get(value, _MISSING)
        if resolved is not _MISSING and (resolved is None) == (kind == "null"):
            return resolved
    else:
        match = _NUMBER.fullmatch(value)
        allowed = ("int", "oct", "hex") if kind == "int" else ("int", "float", "inf", "nan")
        if match is not None and match.lastgroup in allowed:
            number = _plain_number(value, event, stack, cur, is_map, key)
            return number if kind == "int" else float(number)
    raise _error(
        "yaml.tag",
        f"The value {_show(value)} is tagged !!{kind} but is not a YAML 1.2 {kind}. "
        "Fix the value or remove the tag.",
        *_line_col_of(event.start_mark),
        json_pointer(path),
    )


# --- findings ---------------------------------------------------------------------------


def _line_col_of(mark: Any) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _error(code: str, message: str, line: int = 1, column: int = 1, pointer: str = "") -> LoadError:
    return LoadError(Finding(code, message, line, column, pointer))


def _here(stack: list[Any], cur: Any, is_map: bool, key: Any) -> _Path:
    """Path of the node being read: the current container plus its key or next index."""
    parts: list[str | int] = [
        frame[2] if frame[1] else len(frame[0])  # (cur, is_map, key)
        for frame in stack
    ]
    if not is_map:
        parts.append(len(cur))
    elif key is not _NOKEY:
        parts.append(key)
    return tuple(parts)


def _show(value: Any) -> str:
    text = str(value)
    return f'"{text[:40]}…"' if len(text) > 40 else f'"{text}"'


def _describe(value: Any) -> str:
    if value is None:
        return "null (an empty key)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int):
        return f"the integer {value}"
    return f"the number {value}"


def _key_error(what: str, event: Any, stack: list[Any], cur: Any, is_map: bool) -> LoadError:
    return _error(
        "yaml.key",
        f"Mapping keys must be strings, but this key is {what}. Use a text key; quote it "
        '(e.g. "1": or "true":) if it is meant as text.',
        *_line_col_of(event.start_mark),
        json_pointer(_here(stack, cur, is_map, _NOKEY)),
    )


def _duplicate_error(
    key: str,
    marks: array[int],
    keys: list[str],
    event: Any,
    stack: list[Any],
    cur: Any,
    is_map: bool,
) -> LoadError:
    path = _here(stack, cur, is_map, _NOKEY)
    node: Any = _tree(marks, keys)  # of what is read so far, to find the first key
    for part in path:
        entries = node[1]
        node = entries[part][1] if isinstance(entries, dict) else entries[part]
    first = node[1][key][0]
    return _error(
        "yaml.duplicate_key",
        f"The key {_show(key)} appears twice in this mapping (first at line "
        f"{(first >> 32) + 1}, column {(first & 0xFFFFFFFF) + 1}). Remove or rename one of them.",
        *_line_col_of(event.start_mark),
        json_pointer((*path, key)),
    )


def _anchor_error(event: Any, path: _Path) -> LoadError:
    return _error(
        "yaml.alias",
        f"Anchors (&{event.anchor}) are not allowed in statements; write each value out "
        "in full and remove the anchor.",
        *_line_col_of(event.start_mark),
        json_pointer(path),
    )


def _tag_error(tag: str, what: str, mark: Any, path: _Path) -> LoadError:
    shown = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
    return _error(
        "yaml.tag",
        f"The tag {shown} (on {what}) is not allowed: statements use plain YAML 1.2 values "
        "only (text, numbers, true/false, null, lists, mappings). Remove the tag; quote "
        "the value if it must stay text.",
        *_line_col_of(mark),
        json_pointer(path),
    )


def _version_error(version: str, mark: Any) -> LoadError:
    line, column = _line_col_of(mark) if mark is not None else (1, 1)
    return _error(
        "yaml.version",
        f"The file declares a YAML version other than 1.2 ({version}); statements are "
        "read as YAML 1.2 only. Remove the %YAML line.",
        line,
        column,
    )


def _declared_version(text: str) -> str:
    declared = re.search(r"^%YAML[ \t]+(\S+)", text, re.MULTILINE)
    return declared.group(1) if declared else "?"


def _empty_error() -> LoadError:
    return _error(
        "yaml.empty",
        "The file holds no YAML document (it is empty, or only comments or '---'). "
        "Write the statement as a YAML mapping of keys to values.",
    )


def _multiple_error(event: Any) -> LoadError:
    return _error(
        "yaml.multiple_documents",
        "The file holds more than one YAML document; a second one starts here. Keep one "
        "statement per file: remove the '---' (or '...') separator, or split the file.",
        *_line_col_of(event.start_mark),
    )


def _syntax_error(exc: MarkedYAMLError, text: str, body: bytes) -> LoadError:
    problem = exc.problem or exc.context or "the text cannot be parsed"
    if "incompatible YAML document" in problem:
        return _version_error(_declared_version(text), exc.problem_mark)
    mark = exc.problem_mark if exc.problem_mark is not None else exc.context_mark
    line, column = _line_col_of(mark) if mark is not None else (1, 1)
    if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
        return _error(
            "yaml.syntax",
            f"Malformed YAML: the quoted value that starts here is never closed ({problem}). "
            "Add its closing quote.",
            *_line_col_of(exc.context_mark),
        )
    opened = _runaway_quote(body, mark)
    if opened is not None:
        return _error(
            "yaml.syntax",
            f"Malformed YAML: the quoted value that starts here runs on to line {line}, "
            f"column {column}, where the parser stopped ({problem}). Is its closing quote "
            "missing? A quote on a later line closed it instead.",
            *_line_col_of(opened),
        )
    context = f" ({exc.context})" if exc.problem and exc.context else ""
    return _error(
        "yaml.syntax",
        f"Malformed YAML: {problem}{context}. Check the indentation, quotes, brackets and "
        "colons at this point.",
        line,
        column,
    )


def _runaway_quote(body: bytes, mark: Any) -> Any:
    """The start mark of a quoted scalar that an unclosed quote ran on past its line, or None.

    An unclosed quote swallows the following lines up to the next quote character,
    and the parser then fails on the rest of *that* line, far below the mistake. So
    when the last value before the error is a quoted scalar spanning several lines
    and ending on the error's line, the finding goes where the quote opened. Found by
    parsing again up to the error, which costs nothing on valid files.
    """
    if mark is None:
        return None
    get_event = _CParser(body).get_event
    last: Any = None
    try:
        while (event := get_event()) is not None and event.__class__ is not StreamEndEvent:
            last = event
    except Exception:  # the error found before, or anything else: only a hint is at stake
        pass
    if (
        last.__class__ is ScalarEvent
        and last.style in ("'", '"')
        and last.start_mark.line < last.end_mark.line == mark.line
    ):
        return last.start_mark
    return None
