"""Text that is safe to print on a terminal or in a CI log: the one place output is escaped.

Anything that comes from a file's content or name (a key, a value, a clause id,
a path) may hold control characters, escape sequences that rewrite a terminal,
carriage returns that overwrite a line, bidirectional overrides that reorder
what a reviewer sees, or invisible characters that make two different values
look the same. :func:`safe` writes each of those as a visible escape, so one
finding stays one line and shows what the file holds:

* a byte of a file name that is not UTF-8 (which Python carries as a lone
  surrogate, U+DC80..U+DCFF) as ``\\xff``, the byte itself;
* an ASCII control character as ``\\x1b``;
* any other as ``\\u202e`` (``\\U000e0041`` beyond the BMP).

:func:`json_text` is the same idea for JSON output, which must stay valid
Unicode: it escapes lone surrogates only (JSON itself escapes the controls).
"""

from __future__ import annotations

import re

#: Characters a terminal or a log viewer may act on or hide: the controls (C0, DEL, C1),
#: line and paragraph separators, lone surrogates, and every format character (Unicode
#: category Cf: bidirectional embeddings, overrides, isolates and marks, zero-width space,
#: soft hyphen, word joiner, byte-order mark, the invisible tag characters) except the
#: zero-width (non-)joiners U+200C and U+200D, which Persian, Indic scripts and emoji
#: sequences need to render correctly. The Cf list is Unicode 15.1's (tests compare it
#: with the running Python's ``unicodedata``).
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff"
    "\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x80:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def safe(text: str) -> str:
    """``text`` with every character that could change how a terminal shows it escaped."""
    return _UNSAFE.sub(_escaped, text)


def json_text(text: str) -> str:
    """``text`` with its lone surrogates escaped as :func:`safe` does, so JSON stays valid Unicode.

    A file name that is not UTF-8 reaches Python with its bad bytes as lone surrogates;
    JSON cannot carry those (a strict parser rejects ``"\\udcff"``), so the name is
    written as ``name\\xff.yaml``, as text output shows it.
    """
    return _SURROGATE.sub(_escaped, text)
