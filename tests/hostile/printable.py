"""What may be printed: no character a terminal could act on or hide, decided from Unicode's categories.

Shared by the output tests and the fuzz target; independent of ``jointstmt.terminal``
(the implementation under test), so a character it forgets shows up here.
"""

from __future__ import annotations

import unicodedata

#: The zero-width (non-)joiners: format characters that Persian, Indic scripts and emoji
#: sequences need, and that move nothing.
JOINERS = "\u200c\u200d"


def raw_controls(text: str) -> list[str]:
    """The characters of ``text`` that must not be printed raw.

    Controls but the line feed, surrogates, line and paragraph separators, and format
    characters (bidirectional overrides, zero-width space, soft hyphen, tags) but the joiners.
    """
    unsafe = []
    for c in text:
        category = unicodedata.category(c)
        if c != "\n" and (
            category in ("Cc", "Cs", "Zl", "Zp") or (category == "Cf" and c not in JOINERS)
        ):
            unsafe.append(c)
    return unsafe


def assert_printable(output: str | bytes) -> None:
    """``output`` (UTF-8 if bytes; bytes that are not are kept as surrogates) prints as it reads."""
    text = output.decode("utf-8", errors="surrogateescape") if isinstance(output, bytes) else output
    found = raw_controls(text)
    assert found == [], [hex(ord(c)) for c in found[:10]]
