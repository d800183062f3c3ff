"""Text that is safe to print on a terminal or in a CI log: the one place output is escaped.

Anything that comes from a file's content or name (a key, a value, a clause id,
a path) may hold control characters, escape sequences that rewrite a terminal,
carriage returns that overwrite a line, bidirectional overrides that reorder
what a reviewer sees, or invisible characters that make two different values
look the same. :func:`safe` writes each of those as a visible escape, so one
finding stays one line and shows what the file holds:

* tab, line feed and carriage return as ``\\t``, ``\\n``, ``\\r``;
* a byte of a file name that is not UTF-8 (which Python carries as a lone
  surrogate, U+DC80..U+DCFF) as ``\\xff``, the byte itself;
* another control character (C0, DEL, C1) as ``\\x1b``, ``\\x9b``;
* any other as ``\\u202e`` (``\\U000e0041`` beyond the BMP).

These are Python's own escapes (``unicode_escape``), so the text reads as a string
literal would.

:func:`json_text` is the same idea for JSON output, which must stay valid
Unicode: it escapes lone surrogates only (JSON itself escapes the controls).
"""

from __future__ import annotations

import re

# not `from typing import TYPE_CHECKING`: the CLI imports this module at start-up
TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import Any, TextIO

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


_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _SHORT:
        return _SHORT[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
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


class OutputError(Exception):
    """Writing to standard output or standard error failed: closed, full, a broken pipe."""


class GuardedStream:
    """A text stream whose write and flush failures are :class:`OutputError`.

    The CLI wraps standard output and error in it, so a failing output is told apart
    from a failing input (a file that cannot be read is a finding, not an ending).
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        """Write ``text``, or raise :class:`OutputError`."""
        try:
            return self._stream.write(text)
        except (OSError, ValueError) as error:  # ValueError: the stream was closed
            raise OutputError(_why(error)) from None

    def flush(self) -> None:
        """Flush, or raise :class:`OutputError`."""
        try:
            self._stream.flush()
        except (OSError, ValueError) as error:
            raise OutputError(_why(error)) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _why(error: Exception) -> str:
    return (error.strerror if isinstance(error, OSError) else None) or str(error)
