"""Clause types suggested from cue phrases: the rules ``jointstmt new`` types a sentence by.

The cues are data: each clause type's :class:`~jointstmt.model.vocabulary.Term`
in :data:`~jointstmt.model.vocabulary.CLAUSE_TYPES_2` lists the phrases that
suggest it (documented in ``docs/codebook.md``, "Cues used by jointstmt new").
This module only matches them, so a better suggestion is a change of data.

How a cue matches: text and cue are compared word by word, in lower case, with
curly apostrophes read as straight ones. Each word of the cue matches a word of
the text that starts with it ("condemn" matches "condemned"), ``*`` matches any
one word, and the words must follow each other (punctuation and markdown
between them are skipped). The word ``we`` in a cue stands for the speakers:
"we", "nous", "the two sides", a party's or participant's name ("we will" matches
"The United States will", not "This announcement will").

How a type is chosen, as a reader finds the act: the speakers are the first
subject phrase that opens the sentence or one of its comma-separated segments
("As leaders ..., we fully support"); the act is the first cue after them
("we fully support": support, not the "concerned" of the opening phrase). With
no speakers, or no cue after them, the first cue anywhere (a recital:
"Recalling ..."). Of cues starting at one word, the longest wins, so a longer cue
overrides a shorter one: "reaffirm * support" (support, restated) overrides
"reaffirm" (reaffirmation). A sentence with no cue is a ``position_statement``.
Rules, no model: every suggestion names the cue that made it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jointstmt.model.vocabulary import Term, Vocabulary

#: The type of a sentence no cue matches: a statement of position or assessment.
DEFAULT_TYPE = "position_statement"

#: Phrases that name the speakers of a clause, besides the parties' and participants' names
#: (``*`` is any one word: "the U.S. side").
SUBJECTS = (
    *("we", "nous", "they", "both", "the two", "the * side", "the sides", "the leaders"),
    *("the presidents", "the ministers", "the officials", "the counterparts", "the participants"),
    *("our governments", "our countries", "our nations", "the alliance", "the committee"),
    *("the three", "the four", "governments", "he", "she"),
)

#: Verbs that report a meeting; with the cues, they end the subject of an opening formula.
MEETING_VERBS = (
    *("met", "meet", "spoke", "held", "convened", "gathered", "conducted", "participated"),
    *("joined", "issued", "agreed", "reviewed", "se sont réunis"),
)

_WORD = r"[^\W_]+(?:'[^\W_]+)*"
_GAP = r"[\W_]+"
#: What may open a segment before its subject: markup, a label, one or two words ("today").
_SEGMENT_START = re.compile(
    r"(?:^|[,;:\u2013\u2014]|\n\s*[-*\u2022]\s)[\W_]*(?:[0-9]{1,3}[\W_]+)?(?:[^\W_]+[\W_]+){0,2}$"
)
#: Where a sentence holds two coordinated acts: a joining word before a new "we".
_COORDINATED = re.compile(
    r"(?:[,;]\s*|\s+)(?:and|but|while|whereas|et|mais)\s+(?=(?:we|nous)\b)|;\s+(?=(?:we|nous)\b)",
    re.IGNORECASE,
)
_LEADING_WORDS = frozenset(("to", "that", "on", "upon", "for", "of", "with", "in", "about", "à"))
#: A list item: a bullet or a label ("1.", "(a)") opens it.
_ITEM = re.compile(r"[-*\u2022\u2013]\s|\(?(?:[0-9]{1,3}|[a-z]|[ivx]{1,4})[.)]\s")
#: How many words may open an item before its verb ("- Further promote ...").
_ITEM_VERB_WORDS = 3
_MARKUP = re.compile(r"[*_\\]+|<[^>\n]*>")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A suggested clause type, the cue that suggests it and where, and the object phrase."""

    type: str
    cue: str
    """The cue that matched, as the vocabulary writes it ('' when none did)."""
    start: int
    end: int
    """Where the cue matched in the text (0, 0 when none did)."""
    value: str
    """What the act is about: the words after the cue, cleaned of markup and line breaks."""
    reaffirmed: bool
    """Whether a reaffirmation cue restates the act ("reaffirm our support for ...")."""


@dataclass(frozen=True, slots=True)
class _Match:
    type: str
    cue: str
    start: int
    end: int
    words: int


def suggest(text: str, subjects: Sequence[str] = ()) -> Suggestion:
    """The clause type the cues suggest for ``text`` (one sentence or one act of it).

    ``subjects`` are the names that may stand for the speakers (parties, offices,
    persons), besides :data:`SUBJECTS`.
    """
    folded = _fold(text)
    speakers = _speakers(folded, tuple(subjects))
    matches = _matches(folded, tuple(subjects))
    after = [m for m in matches if speakers is not None and m.start >= speakers[0]]
    chosen = next(iter(after or matches), None)
    reaffirmed = any(m.type == "reaffirmation" for m in matches)
    if chosen is None:
        return Suggestion(DEFAULT_TYPE, "", 0, 0, clean(text), reaffirmed)
    value = object_phrase(text[chosen.end :]) or clean(text)
    return Suggestion(chosen.type, chosen.cue, chosen.start, chosen.end, value, reaffirmed)


def first_term(vocabulary: Vocabulary, text: str) -> tuple[Term, int, int] | None:
    """The term of ``vocabulary`` whose cue occurs first in ``text`` (at one word, the longest
    cue), with where it occurs; ``None`` when no cue does. Used for ranks and document types."""
    folded = _fold(text)
    found = [
        (m.start(), -len(cue.split()), -(m.end() - m.start()), m.end(), term)
        for term, cue, pattern in _terms(vocabulary)
        for m in pattern.finditer(folded)
    ]
    if not found:
        return None
    start, _, _, end, term = min(found, key=lambda f: f[:3])
    return term, start, end


def first_act(text: str, start: int, end: int) -> int:
    """Where in ``text[start:end]`` the first act begins (a cue of any clause type, or a verb of
    meeting: "met", "spoke"); ``end`` if none. It ends the subject of an opening formula."""
    match = _acts_pattern().search(_fold(text), start, end)
    return match.start() if match else end


def suggest_all(
    texts: Sequence[str], subjects: Sequence[str] = (), items: Sequence[bool] | None = None
) -> list[Suggestion]:
    """Each of ``texts`` (in reading order) suggested, list items read with their chapeau.

    A chapeau is a sentence outside a list that ends with a colon ("We hereby declare
    to:"); an item of the list that follows takes the chapeau's type unless its own
    act opens it (a cue among its first words, or after its speakers: "- Indonesia
    will ..."), since a cue deep inside an item is seldom its act. ``items`` says which
    texts belong to a list item (default: those that open with a bullet or a label).
    """
    flags = items if items is not None else [bool(_ITEM.match(t)) for t in texts]
    out: list[Suggestion] = []
    chapeau: Suggestion | None = None
    for text, item in zip(texts, flags, strict=True):
        suggestion = suggest(text, subjects)
        if not item:
            chapeau = suggestion if _MARKUP.sub("", text).rstrip().endswith(":") else None
        elif chapeau is not None and not _opens(text, suggestion, subjects):
            suggestion = replace(suggestion, type=chapeau.type, cue=chapeau.cue)
        out.append(suggestion)
    return out


def _opens(text: str, suggestion: Suggestion, subjects: Sequence[str]) -> bool:
    """Whether the suggestion's cue is the text's own act: among its first words, or right
    after its speakers."""
    if not suggestion.cue:
        return False
    words = list(re.finditer(_WORD, _fold(text)))
    if len(words) <= _ITEM_VERB_WORDS or suggestion.start <= words[_ITEM_VERB_WORDS].start():
        return True
    speakers = _speakers(_fold(text), tuple(subjects))
    return speakers is not None and suggestion.start >= speakers[1]


def acts(text: str) -> list[tuple[int, int]]:
    """``text`` cut where a joining word opens a second act of the speakers ("..., and we urge ...").

    Offsets are relative to ``text``; the joining words lie between the pieces, in none.
    """
    pieces = []
    start = 0
    for match in _COORDINATED.finditer(text):
        if text[start : match.start()].strip():
            pieces.append((start, match.start()))
        start = match.end()
    pieces.append((start, len(text)))
    return pieces


def clean(text: str) -> str:
    """``text`` on one line: markdown marks and tags dropped, white space collapsed."""
    flat = " ".join(_MARKUP.sub("", text).split())
    return flat.rstrip(" .;:,")


def object_phrase(rest: str) -> str:
    """What follows a cue, without the preposition or conjunction that opens it."""
    words = clean(rest).split(" ")
    while words and words[0].lower().strip(",") in _LEADING_WORDS:
        words.pop(0)
    return " ".join(words).lstrip(", ")


def _fold(text: str) -> str:
    """Lower case with straight apostrophes, the same length as ``text`` (offsets carry over)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer ('İ')
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.replace("\u2019", "'")


def _matches(folded: str, subjects: tuple[str, ...]) -> list[_Match]:
    """Every cue match, in reading order (at one word, the longest first)."""
    found = [
        _Match(type_, cue, m.start(), m.end(), words)
        for type_, cue, pattern, words in _cues(subjects)
        for m in pattern.finditer(folded)
    ]
    return sorted(found, key=lambda m: (m.start, -m.words, -(m.end - m.start)))


def _speakers(folded: str, subjects: tuple[str, ...]) -> tuple[int, int] | None:
    """Where the subject phrase that opens the sentence or a segment of it is, or ``None``
    (a possessive is no subject: "Appreciating the United States' support")."""
    for match in _subject_pattern(subjects).finditer(folded):
        possessive = folded.startswith("'", match.end())
        if not possessive and _SEGMENT_START.search(folded, 0, match.start()):
            return match.start(), match.end()
    return None


@cache
def _acts_pattern() -> re.Pattern[str]:
    from jointstmt.model.vocabulary import CLAUSE_TYPES_2

    cues = [cue for term in CLAUSE_TYPES_2 for cue in term.cues if not cue.startswith("we ")]
    return re.compile("|".join(_pattern(cue, "we").pattern for cue in (*cues, *MEETING_VERBS)))


@cache
def _terms(vocabulary: Vocabulary) -> tuple[tuple[Term, str, re.Pattern[str]], ...]:
    return tuple((t, cue, _pattern(cue, "we")) for t in vocabulary for cue in t.cues)


@cache
def _cues(subjects: tuple[str, ...]) -> tuple[tuple[str, str, re.Pattern[str], int], ...]:
    """Every clause type's cues, compiled once per set of subjects: (type, cue, pattern, words)."""
    from jointstmt.model.vocabulary import CLAUSE_TYPES_2

    speakers = _subject_pattern(subjects).pattern
    return tuple(
        (term.value, cue, _pattern(cue, speakers), len(cue.split()))
        for term in CLAUSE_TYPES_2
        for cue in term.cues
    )


def _pattern(cue: str, speakers: str) -> re.Pattern[str]:
    """A cue as a regular expression: each word a word's start, ``*`` any word, ``we`` the speakers."""
    words = [
        _WORD if word == "*" else speakers if word == "we" else re.escape(word) + r"[^\W_]*"
        for word in cue.split()
    ]
    return re.compile(r"(?<![^\W_])" + _GAP.join(words))


@cache
def _subject_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    phrases = sorted({_fold(n) for n in (*SUBJECTS, *names) if n.strip()}, key=len, reverse=True)
    alternatives = "|".join(
        _GAP.join(_WORD if word == "*" else re.escape(word) for word in phrase.split())
        for phrase in phrases
    )
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")
