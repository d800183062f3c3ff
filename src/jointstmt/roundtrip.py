"""Editing a user's statement file in place: ruamel.yaml's round trip, with the same guards as validation.

``spans --write`` and ``migrate`` change a few values of a file a person wrote and
must give back that file otherwise unchanged. ruamel.yaml's round-trip mode keeps
comments, key order and quoting; this module adds what it does not keep, and what
it does not check:

* **The same guards as validation.** The file is first parsed by
  :func:`jointstmt.loader.parse_yaml` with the caller's limits, so nesting, anchors
  and aliases, duplicate keys, tags and encoding are refused, with a located
  finding, before ruamel's recursive, alias-expanding round-trip loader sees it.
* **The file's own indentation**, guessed from its text (ruamel's
  ``load_yaml_guess_indent`` raises ``IndexError`` on a line holding ``-`` alone,
  a list item whose mapping starts on the next line).
* **The file's layout** (:func:`keep_layout`): byte-order mark, CRLF line endings,
  ``---`` with the comments and directives above it, ``...`` and what follows it.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from jointstmt.limits import Limits
from jointstmt.loader import parse_yaml


class RoundTripError(Exception):
    """ruamel.yaml's round-trip loader refused a file that the validating loader accepted."""


@dataclass(frozen=True, slots=True)
class Edit:
    """A file loaded for editing: its round-trip document, indentation and original bytes."""

    document: Any
    indentation: dict[str, int]
    original: bytes

    def dumps(self) -> bytes:
        """The (edited) document as the file's bytes, in the original's layout."""
        yaml = _yaml()
        yaml.indent(**self.indentation)
        out = io.StringIO()
        yaml.dump(self.document, out)
        return keep_layout(out.getvalue(), self.original)


def load(data: bytes, limits: Limits = Limits()) -> Edit:
    """The file ``data`` loaded for editing; :class:`~jointstmt.loader.LoadError` or :class:`RoundTripError`."""
    from ruamel.yaml.error import YAMLError

    parse_yaml(data, limits)
    text = data.decode("utf-8-sig")
    try:
        document = _yaml().load(text)
    # ValueError, OverflowError: ruamel builds dates and numbers the core schema keeps as
    # strings (``issued: 2024-02-30``), and fails on the impossible ones
    except (YAMLError, ValueError, OverflowError) as error:
        raise RoundTripError(str(error).splitlines()[0]) from None
    return Edit(document, indentation(text), data)


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap long single-line quotes
    return yaml


def indentation(text: str) -> dict[str, int]:
    """``yaml.indent`` arguments that reproduce the file's indentation.

    The first block sequence item with content on its line gives the sequence indent
    and the dash's offset; without one, the first nested mapping gives the mapping
    indent. Values are kept where ruamel's emitter accepts them.
    """
    key_indent = 0
    key_only: int | None = None
    mapping: int | None = None
    for line in text.splitlines():
        stripped = line.rstrip()
        content = stripped.lstrip(" ")
        lead = len(stripped) - len(content)
        if content.startswith("- "):
            rest = content[2:].lstrip(" ")
            if not rest or rest.startswith("#"):
                continue
            offset = lead - key_indent
            sequence = lead + len(content) - len(rest) - key_indent
            return _accepted(sequence - offset, sequence, offset)
        if mapping is None and key_only is not None and stripped:
            nested = len(stripped) - len(stripped.lstrip(" -"))
            if nested > key_only:
                mapping = nested - key_only
        if stripped.endswith(":"):
            key_indent = key_only = lead
            continue
        key_only = None
    mapping = mapping or 2
    return _accepted(mapping, mapping + 2, 2)


def _accepted(mapping: int, sequence: int, offset: int) -> dict[str, int]:
    """ruamel's emitter ignores indents outside 2..9 and needs room for the dash."""
    sequence = min(max(sequence, 2), 9)
    return {
        "mapping": min(max(mapping, 2), 9),
        "sequence": sequence,
        "offset": min(max(offset, 0), sequence - 2),
    }


#: ``---`` alone (or with a comment) on its line: the explicit start of the document.
_DOCUMENT_START = re.compile(r"---(?:[ \t]+#.*|[ \t]*)")
#: ``...`` alone (or with a comment) on its line: the explicit end of the document.
_DOCUMENT_END = re.compile(r"\.\.\.(?:[ \t]+#.*|[ \t]*)")
_PROLOGUE_LINE = re.compile(r"[ \t]*(?:#.*)?|%.*")  # blank, a comment, a directive
_LINES = re.compile(r"[^\n]*\n|[^\n]+")


def keep_layout(new: str, original: bytes) -> bytes:
    """``new`` (YAML that ruamel.yaml dumped from ``original``) encoded in the original's layout.

    ruamel.yaml's round trip keeps comments and key order but not the byte-order mark,
    CRLF line endings, ``---`` with the comments and directives above it, nor ``...``
    and what follows it: these are taken from ``original`` as they were.
    """
    text = original.decode("utf-8-sig", errors="replace")
    lines = _LINES.findall(text.replace("\r\n", "\n"))
    prologue = epilogue = ""
    start = next(
        (i for i, line in enumerate(lines) if not _PROLOGUE_LINE.fullmatch(line.rstrip("\n"))),
        len(lines),
    )
    if start < len(lines) and _DOCUMENT_START.fullmatch(lines[start].rstrip("\n")):
        prologue = "".join(lines[: start + 1])
    end = next(
        (i for i, line in enumerate(lines) if _DOCUMENT_END.fullmatch(line.rstrip("\n"))), None
    )
    if end is not None:
        epilogue = "".join(lines[end:])
    body = _LINES.findall(new.replace("\r\n", "\n"))
    if prologue:  # the original's directives and ``---`` replace any that ruamel wrote
        first = next((i for i, line in enumerate(body) if not line.startswith("%")), 0)
        if first < len(body) and _DOCUMENT_START.fullmatch(body[first].rstrip("\n")):
            body = body[first + 1 :]
    while body and _DOCUMENT_END.fullmatch(body[-1].rstrip("\n")):
        body.pop()
    result = prologue + "".join(body) + epilogue
    if "\r\n" in text:
        result = result.replace("\n", "\r\n")
    bom = b"\xef\xbb\xbf" if original.startswith(b"\xef\xbb\xbf") else b""
    return bom + result.encode("utf-8")
