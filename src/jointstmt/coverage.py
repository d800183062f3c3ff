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

import re
from dataclasses import dataclass
from typing import Any

from jointstmt.sentences import Sentence, split

#: Words that may stand between two clauses of one sentence without belonging to either.
JOINING_WORDS = frozenset(
    (
        *("and", "or", "but", "nor", "while", "whereas", "as", "well", "also", "both"),
        *("moreover", "further", "furthermore", "additionally", "in", "addition"),
        *("including", "then", "so", "thus", "therefore", "either", "neither"),
        *("which", "that", "to", "with", "where", "when"),
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
