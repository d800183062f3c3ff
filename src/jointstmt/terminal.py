"""Text that is safe to print on a terminal or in a CI log: the one place output is escaped.

Anything that comes from a file's content or name (a key, a value, a clause id,
a path) may hold control characters, escape sequences that rewrite a terminal,
carriage returns that overwrite a line, or bidirectional overrides that
reorder what a reviewer sees. :func:`safe` writes each of those as a visible
escape (``\\x1b``, ``\\u202e``), so one finding stays one line and shows what
the file holds.
"""

from __future__ import annotations

import re

#: C0 and C1 controls, DEL, line and paragraph separators, bidirectional embeddings,
#: overrides and isolates, directional marks, and lone surrogates.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: str) -> str:
    """``text`` with every character that could change how a terminal shows it escaped."""
    return _UNSAFE.sub(_escaped, text)
