"""Sentences of a statement text, with their offsets: shared by ``coverage`` and ``new``.

The splitting is sentencex's (Wikimedia's rule-based segmenter: maintained,
about 300 languages with their abbreviation lists, no model to download, under
a millisecond to import). It keeps "U.S.", "Jr.", "Dr.", "No. 5" and "p.m."
inside their sentences and ends a numbered item at its line. Chosen over pysbd
(unmaintained since 2021, slower), syntok (English and a few languages only)
and NLTK's punkt (its model is a separate download, which tests cannot fetch).

sentencex returns the sentences' text, occasionally without the white space
between two of them, so offsets are recovered by finding each sentence in the
text after the previous one. Two things it leaves joined are split here: a
blank line always ends a sentence, and so does a markdown hard break
("two spaces, newline") followed by a blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A paragraph break: a line break, then only white space (spaces, no-break spaces) up to
#: the next line break.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\r?\n")
_TERMINAL = re.compile(r"[.!?:;\u2026][\"'\u2019\u201d*)\]]*$")
_MARKUP = re.compile(r"^[#>*_\s\\-]+|[*_\s\\]+$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the text: code-point offsets ``start:end`` (end exclusive) and its text."""

    start: int
    end: int
    text: str

    @property
    def is_heading(self) -> bool:
        """A line that titles what follows: no closing punctuation, and marked up as a heading
        (all bold, or ``#``; it may wrap) or one line of at most twelve words."""
        bare = _MARKUP.sub("", self.text)
        if _TERMINAL.search(bare):
            return False
        marked = self.text.startswith(("**", "__")) and self.text.endswith(("**", "__"))
        if marked or self.text.startswith("#"):
            return True
        return "\n" not in bare.strip() and len(bare.split()) <= 12


def split(
    text: str, start: int = 0, end: int | None = None, language: str = "en"
) -> list[Sentence]:
    """The sentences of ``text[start:end]``, trimmed of surrounding white space, in order."""
    import sentencex

    end = len(text) if end is None else end
    language = language.split("-")[0].lower() or "en"
    out: list[Sentence] = []
    for block_start, block_end in _blocks(text, start, end):
        cursor = block_start
        block = text[block_start:block_end]
        for piece in sentencex.segment(language, block):
            bare = piece.strip()
            if not bare:
                continue
            found = text.find(bare, cursor, block_end)
            if found < 0:  # sentencex changed the text: fall back to the rest of the block
                found = cursor
                bare = text[cursor:block_end].strip()
                if not bare:
                    break
                found = text.index(bare, cursor, block_end)
            if out and _continues(out[-1], bare) and out[-1].end <= found:
                # "ASEAN-U." + "S. Summit": an abbreviation's initials cut apart; join them
                previous = out.pop()
                found = previous.start
                bare = text[found : text.find(bare, cursor, block_end) + len(bare)]
            out.append(Sentence(found, found + len(bare), bare))
            cursor = found + len(bare)
            if cursor >= block_end:
                break
    return out


_INITIAL_END = re.compile(r"(?:^|[\s(\-/])(?:[A-Z]\.)+$")
_INITIAL_START = re.compile(r"^[A-Z]\.(?:[A-Z]\.)*(?:\s|$)")


def _continues(previous: Sentence, piece: str) -> bool:
    """True when ``piece`` goes on an abbreviation that ``previous`` ends in ("U." + "S. ...")."""
    return bool(_INITIAL_END.search(previous.text) and _INITIAL_START.match(piece))


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``start:end`` cut at paragraph breaks."""
    blocks = []
    cursor = start
    for match in _PARAGRAPH_BREAK.finditer(text, start, end):
        blocks.append((cursor, match.start()))
        cursor = match.end()
    blocks.append((cursor, end))
    return [(a, b) for a, b in blocks if text[a:b].strip()]
