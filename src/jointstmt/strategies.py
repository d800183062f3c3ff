"""Hypothesis strategies for statements and their parts, for property-based tests.

Needs the ``testing`` extra (``pip install 'jointstmt[testing]'``)::

    from hypothesis import given
    from jointstmt.strategies import clauses, statements

    @given(statements(clauses=clauses(["condemnation", "welcome"]), max_clauses=3))
    def test_my_exporter_keeps_every_clause(generated):
        path = generated.write(folder)  # statement.yaml and its statement text
        ...

Everything generated is valid in full: structurally (the models, hence the
published schema) and by the rules (ids unique, references resolve, dates in
order, registry codes that exist, every span quoting the statement text). A
whole statement comes with its statement text (:class:`Generated`), because the
rules read that file beside the YAML.

Strategies compose. The part strategies take the ids they may refer to
(``participants(sources=...)``, ``clauses(actors=..., targets=...)``), and
:func:`statements` takes a clause strategy, or a function from the statement's
:class:`References` to one when its clauses must name its parties. Sizes are
small by default so that tests stay fast. Free text defaults to :func:`phrases`,
which mixes in words that YAML would misread standing alone (``NO``, ``null``,
``1.5``, ``12:30``), so that whatever writes statements must quote them.

:func:`yaml_texts` writes a statement as YAML in varied styles (block or flow
collections, plain or quoted scalars, key order, comments, indentation, line
breaks, document markers) and records the line and column of every node as
written, for testing tools that read statement files or point into them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from random import Random
from typing import Any

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError(
        "jointstmt.strategies needs hypothesis: pip install 'jointstmt[testing]'"
    ) from error

from pydantic import BaseModel

from jointstmt.model import (
    CLAUSE_CLASSES,
    ClauseBase,
    Entity,
    JointStatement,
    Location,
    Meeting,
    OtherName,
    OtherSource,
    Paragraph,
    Participant,
    Person,
    Place,
    Series,
    Source,
    Span,
    StatementTextSource,
)
from jointstmt.model._iso3166 import COUNTRIES, SUBDIVISIONS
from jointstmt.model.vocabulary import (
    CLAUSE_TYPES,
    DOCUMENT_TYPES,
    ENTITY_KINDS,
    MEETING_LEVELS,
    MEETING_MODES,
    RANKS,
    TOPICS,
    VERIFICATION_STATUSES,
)
from jointstmt.serialize import dumps

__all__ = [
    "Generated",
    "References",
    "YamlText",
    "clauses",
    "country_codes",
    "dates",
    "entities",
    "language_tags",
    "locations",
    "meetings",
    "participants",
    "persons",
    "phrases",
    "pin",
    "places",
    "reference_sources",
    "sentences",
    "series",
    "slugs",
    "statements",
    "statements_v2",
    "subdivision_codes",
    "time_zones",
    "times",
    "yaml_texts",
]

SearchStrategy = st.SearchStrategy
NodePath = tuple[str | int, ...]
"""Where a node sits in a document: mapping keys and list indexes (``("clauses", 0, "id")``)."""

# Strategies are cached: hypothesis validates each strategy object once, so building a
# fresh one for every draw would cost more than the drawing.


@cache
def _choice(values: tuple[str, ...]) -> SearchStrategy[str]:
    return st.sampled_from(values)


@cache
def _optional(strategy: SearchStrategy[Any]) -> SearchStrategy[Any]:
    return st.none() | strategy


@cache
def _subset(ids: tuple[str, ...], min_size: int = 0) -> SearchStrategy[tuple[str, ...]]:
    return st.lists(_choice(ids), min_size=min_size, max_size=3, unique=True).map(tuple)


_BOOLEANS = st.booleans()

# --- scalars ----------------------------------------------------------------------------

_SLUG_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
# Slugs that YAML 1.1 or 1.2 would read as something else unless quoted, and the ids
# migration gives the recorded meeting and the parties of the favourite countries (below),
# to collide with.
_TRICKY_SLUGS = (
    "no", "yes", "on", "off", "true", "null", "nan", "inf", "1", "007", "0x1f", "1e3",
    "us", "jp", "kr", "meeting",
)  # fmt: skip


@cache
def slugs(*, max_words: int = 3) -> SearchStrategy[str]:
    """Identifiers: lower-case ASCII words joined by single hyphens (``us-japan-2024``)."""
    words = st.lists(_SLUG_WORD, min_size=1, max_size=max_words).map("-".join)
    return st.one_of(_choice(_TRICKY_SLUGS), words)


# NO is Norway (YAML 1.1 would read it as false); the others are the reference dataset's.
_FAVOURITE_COUNTRIES = ("NO", "US", "JP", "KR")


@cache
def country_codes() -> SearchStrategy[str]:
    """ISO 3166-1 alpha-2 codes, each one of the published ``enum``."""
    return st.one_of(_choice(_FAVOURITE_COUNTRIES), _choice(tuple(sorted(COUNTRIES))))


_SUBDIVISIONS_OF: dict[str, tuple[str, ...]] = {}
for _code in sorted(SUBDIVISIONS):
    _SUBDIVISIONS_OF[_code[:2]] = (*_SUBDIVISIONS_OF.get(_code[:2], ()), _code)


def subdivision_codes(country: str) -> SearchStrategy[str]:
    """ISO 3166-2 codes of ``country`` (nothing for a country without subdivisions)."""
    codes = _SUBDIVISIONS_OF.get(country, ())
    return _choice(codes) if codes else st.nothing()


_LANGUAGES = (
    "en", "fr", "de", "ja", "ko", "zh", "es", "ru", "ar", "pt", "uk", "no", "nb", "sv", "hi",
    "id", "vi", "tr", "he", "fa", "yue",
)  # fmt: skip
_SCRIPTS = ("Latn", "Cyrl", "Hang", "Hani", "Hans", "Hant", "Jpan", "Arab", "Kore")


def _tag(language: str, script: str | None, region: str | None) -> str:
    return "-".join(part for part in (language, script, region) if part)


@cache
def language_tags() -> SearchStrategy[str]:
    """Registered BCP 47 tags: a language, optionally a script and a region (``ko-Hang-KR``)."""
    return st.builds(
        _tag,
        _choice(_LANGUAGES),
        _optional(_choice(_SCRIPTS)),
        _optional(country_codes() | st.just("419")),
    )


_TIME_ZONES = (
    "UTC",
    "America/New_York",
    "America/Argentina/Buenos_Aires",
    "Asia/Seoul",
    "Asia/Tokyo",
    "Asia/Kolkata",
    "Europe/Berlin",
    "Europe/Oslo",
    "Australia/Sydney",
    "Pacific/Auckland",
    "Africa/Nairobi",
    "Etc/GMT+5",
)


def time_zones() -> SearchStrategy[str]:
    """IANA time zone names found in every tz database."""
    return _choice(_TIME_ZONES)


@cache
def dates(
    min_value: dt.date = dt.date(1945, 1, 1), max_value: dt.date = dt.date(2100, 12, 31)
) -> SearchStrategy[dt.date]:
    """Calendar dates (leap days included) between ``min_value`` and ``max_value``."""
    return st.dates(min_value, max_value)


@cache
def times() -> SearchStrategy[dt.time]:
    """Local clock times to the minute, as statements give them (``HH:MM``)."""
    return st.builds(dt.time, st.integers(0, 23), st.integers(0, 59))


# Words of statements, words in other scripts, and words that YAML reads as something
# other than a string (in 1.1 or 1.2) or as syntax when they stand alone unquoted.
_WORDS = (
    "joint", "statement", "the", "of", "and", "leaders", "ministers", "reaffirmed",
    "partnership", "security", "Pacific", "Dialogue", "Secretary", "O'Brien", "No.",
    "Müller", "Kraków", "Ōsaka", "東京", "서울", "Владивосток", "القاهرة", "🌉", "café",
    "NO", "Yes", "off", "null", "~", "true", "False", "1", "-2", "007", "1.5", "1e3", ".5",
    "0x1F", "0o17", ".inf", "2024-05-31", "12:30", "1:30:00", "- item", "#hash", "a: b",
    "[x]", "{y}", "&a", "*b", "!tag", "%", "@", "`", "|", ">", "?", "'", '"', "\\",
)  # fmt: skip


@cache
def phrases(*, max_words: int = 5) -> SearchStrategy[str]:
    """Short free text: a few words, some non-ASCII, some that YAML would misread alone."""
    return st.lists(_choice(_WORDS), min_size=1, max_size=max_words).map(" ".join)


def _capitalized(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:] + "."


@cache
def sentences() -> SearchStrategy[str]:
    """A sentence as a statement has them: a few words, capitalized, with a full stop."""
    return phrases(max_words=8).map(_capitalized)


# --- parts ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class References:
    """The ids the parts of one statement may refer to."""

    participants: tuple[str, ...]
    entities: tuple[str, ...]
    sources: tuple[str, ...]

    @property
    def parties(self) -> tuple[str, ...]:
        """What a clause may target: participants and entities."""
        return self.participants + self.entities


def persons(
    *, sources: Sequence[str], text: SearchStrategy[str] | None = None
) -> SearchStrategy[Person]:
    """The person holding an office, named by one of ``sources`` (source ids)."""
    return _persons(tuple(sources), text if text is not None else phrases(max_words=3))


@cache
def _persons(sources: tuple[str, ...], text: SearchStrategy[str]) -> SearchStrategy[Person]:
    return st.builds(
        Person,
        name=text,
        family_name=_optional(text),
        given_name=_optional(text),
        other_names=st.lists(
            st.builds(OtherName, language=language_tags(), name=text), max_size=2
        ).map(tuple),
        source=_choice(sources),
    )


@st.composite
def _participant(
    draw: st.DrawFn,
    sources: tuple[str, ...],
    organizations: tuple[str, ...],
    text: SearchStrategy[str],
) -> Participant:
    on_behalf: dict[str, str] = {}
    if len(organizations) > 0 and draw(_BOOLEANS):
        on_behalf["organization"] = draw(_choice(organizations))
    else:
        on_behalf["country"] = draw(country_codes())
    person = draw(_optional(_persons(sources, text))) if sources else None
    return Participant(
        id=draw(slugs()),
        office=draw(text),
        rank=draw(_choice(RANKS.values)),
        person=person,
        **on_behalf,
    )


def participants(
    *,
    sources: Sequence[str] = (),
    organizations: Sequence[str] = (),
    text: SearchStrategy[str] | None = None,
) -> SearchStrategy[Participant]:
    """An office held on behalf of a country, or of one of ``organizations`` (entity ids).

    A person is named only when there are ``sources`` to name them.
    """
    return _participants(
        tuple(sources), tuple(organizations), text if text is not None else phrases()
    )


_participants = cache(_participant)


def entities(*, text: SearchStrategy[str] | None = None) -> SearchStrategy[Entity]:
    """A party or thing clauses refer to, of any kind, at times with ISO and Wikidata codes."""
    return _entities(text if text is not None else phrases())


@cache
def _entities(text: SearchStrategy[str]) -> SearchStrategy[Entity]:
    return st.builds(
        Entity,
        id=slugs(),
        name=text,
        kind=_choice(ENTITY_KINDS.values),
        aliases=st.lists(text, max_size=2).map(tuple),
        country=_optional(country_codes()),
        wikidata=_optional(st.integers(1, 10**9).map("Q{}".format)),
    )


@st.composite
def _place(draw: st.DrawFn, sources: tuple[str, ...], text: SearchStrategy[str]) -> Place:
    country = draw(country_codes())
    subdivisions = _SUBDIVISIONS_OF.get(country)
    return Place(
        name=draw(_optional(text)),
        locality=draw(_optional(text)),
        subdivision=draw(_optional(_choice(subdivisions))) if subdivisions else None,
        country=country,
        source=draw(_choice(sources)),
    )


def places(
    *, sources: Sequence[str], text: SearchStrategy[str] | None = None
) -> SearchStrategy[Place]:
    """A place in a country, at times with a subdivision of that country."""
    return _places(tuple(sources), text if text is not None else phrases())


_places = cache(_place)


def locations(
    *, sources: Sequence[str], text: SearchStrategy[str] | None = None
) -> SearchStrategy[Location]:
    """Where a meeting was held: the text's wording and one or two places."""
    return _locations(tuple(sources), text if text is not None else phrases())


@cache
def _locations(sources: tuple[str, ...], text: SearchStrategy[str]) -> SearchStrategy[Location]:
    return st.builds(
        Location,
        wording=_optional(text),
        places=st.lists(_places(sources, text), min_size=1, max_size=2).map(tuple),
    )


def series(
    *, sources: Sequence[str], text: SearchStrategy[str] | None = None
) -> SearchStrategy[Series]:
    """The series of a recurring meeting."""
    return _series(tuple(sources), text if text is not None else phrases())


@cache
def _series(sources: tuple[str, ...], text: SearchStrategy[str]) -> SearchStrategy[Series]:
    return st.builds(
        Series, name=text, ordinal=_optional(st.integers(1, 200)), source=_choice(sources)
    )


_DAYS = st.integers(0, 3)


@st.composite
def _meeting(
    draw: st.DrawFn,
    sources: tuple[str, ...],
    text: SearchStrategy[str],
    formats: tuple[str, ...],
    with_times: bool,
) -> Meeting:
    start = draw(dates())
    end = start + dt.timedelta(days=draw(_DAYS))
    start_time = end_time = None
    if with_times:
        start_time, end_time = draw(_optional(times())), draw(_optional(times()))
        if start == end and start_time and end_time and end_time < start_time:
            start_time, end_time = end_time, start_time
    return Meeting(
        name=draw(text),
        format=draw(_choice(formats)),
        level=draw(_choice(MEETING_LEVELS.values)),
        mode=draw(_choice(MEETING_MODES.values)),
        series=draw(_optional(_series(sources, text))),
        start=start,
        end=end,
        start_time=start_time,
        end_time=end_time,
        time_zone=draw(_optional(time_zones())),
        location=draw(_optional(_locations(sources, text))),
        source=draw(_optional(_choice(sources))),
    )


_meetings = cache(_meeting)


def meetings(
    *,
    sources: Sequence[str],
    text: SearchStrategy[str] | None = None,
    formats: Sequence[str] = ("bilateral", "trilateral", "quadrilateral", "plurilateral"),
    times: bool = True,
) -> SearchStrategy[Meeting]:
    """A meeting over one to four days that cites ``sources`` for the facts it needs.

    ``times=False`` leaves out start and end times.
    """
    return _meetings(tuple(sources), text if text is not None else phrases(), tuple(formats), times)


def reference_sources(*, text: SearchStrategy[str] | None = None) -> SearchStrategy[Source]:
    """An outside source (role ``reference``) for facts the statement text does not state."""
    return _reference_sources(text if text is not None else phrases())


_URLS = ("https://example.org/", "http://example.com/a?b=c#d", "https://例え.jp/声明")


@cache
def _reference_sources(text: SearchStrategy[str]) -> SearchStrategy[Source]:
    return st.builds(
        OtherSource,
        id=slugs(),
        role=st.just("reference"),
        title=_optional(text),
        publisher=text,
        url=_optional(_choice(_URLS)),
        language=_optional(language_tags()),
        note=_optional(text),
    )


# The fields each clause type adds to the common ones, and whether each is required.
_OWN_FIELDS: dict[str, tuple[tuple[str, bool], ...]] = {
    kind: tuple(
        (name, field.is_required())
        for name, field in cls.model_fields.items()
        if name not in ClauseBase.model_fields
    )
    for kind, cls in CLAUSE_CLASSES.items()
}


@st.composite
def _clause(
    draw: st.DrawFn,
    kinds: tuple[str, ...],
    actors: tuple[str, ...],
    targets: tuple[str, ...],
    text: SearchStrategy[str],
    quotes: SearchStrategy[str],
) -> ClauseBase:
    kind = draw(_choice(kinds))
    quote = draw(quotes)
    fields: dict[str, Any] = {
        "id": draw(slugs()),
        "type": kind,
        "text": quote,
        "span": Span(start=0, end=len(quote)),
        "targets": draw(_subset(targets)) if targets else (),
        "topics": draw(_subset(TOPICS.values)),
        "note": draw(_optional(text)),
    }
    if actors:
        fields["actors"] = draw(_optional(_subset(actors, min_size=1)))
    if kind != "reaffirmation":  # a reaffirmation is always reaffirmed
        fields["reaffirmed"] = draw(_BOOLEANS)
    for name, required in _OWN_FIELDS[kind]:
        fields[name] = draw(text if required else _optional(text))
    return CLAUSE_CLASSES[kind](**fields)


_clauses = cache(_clause)


def clauses(
    types: Sequence[str] | None = None,
    *,
    actors: Sequence[str] = (),
    targets: Sequence[str] = (),
    text: SearchStrategy[str] | None = None,
) -> SearchStrategy[ClauseBase]:
    """A clause of one of ``types`` (default: every clause type), with its type's fields.

    ``actors`` (participant ids) and ``targets`` (participant or entity ids) are the
    ids the clause may name; without actors it is made by all participants. Its
    ``span`` is ``0:len(text)``, as if the quote were the whole statement text:
    :func:`statements` places each quote in the text and sets the span.
    """
    kinds = tuple(types) if types is not None else CLAUSE_TYPES.values
    unknown = [k for k in kinds if k not in CLAUSE_CLASSES]
    if not kinds or unknown:
        raise ValueError(f"clause types are some of {', '.join(CLAUSE_CLASSES)}, not {unknown}")
    return _clauses(
        kinds,
        tuple(actors),
        tuple(targets),
        text if text is not None else phrases(),
        text if text is not None else sentences(),
    )


def _clauses_naming_any_party(
    refs: References, text: SearchStrategy[str] | None
) -> SearchStrategy[ClauseBase]:
    return clauses(actors=refs.participants, targets=refs.parties, text=text)


# --- whole statements -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Generated:
    """A generated statement and its statement text (the file its spans index into)."""

    statement: JointStatement
    source_text: str

    def write(self, folder: str | Path, name: str = "statement.yaml") -> Path:
        """Write the YAML (``jointstmt.dumps``) and the statement text into ``folder``.

        The text is written byte for byte (UTF-8, its line breaks untouched) and the
        statement's ``sha256`` pinned to it. Returns the YAML file's path.
        """
        folder = Path(folder)
        statement = pin(self.statement, self.source_text)
        text_path = folder / str(statement.statement_text.path)
        text_path.parent.mkdir(parents=True, exist_ok=True)
        text_path.write_bytes(self.source_text.encode("utf-8"))
        yaml_path = folder / name
        yaml_path.write_bytes(dumps(statement).encode("utf-8"))
        return yaml_path


def pin(statement: JointStatement, source_text: str) -> JointStatement:
    """``statement`` with its statement text's ``sha256`` set to that of ``source_text``."""
    digest = hashlib.sha256(source_text.encode("utf-8")).hexdigest()
    sources = tuple(
        s.model_copy(update={"sha256": digest}) if isinstance(s, StatementTextSource) else s
        for s in statement.sources
    )
    return statement.model_copy(update={"sources": sources})


ClauseStrategy = SearchStrategy[ClauseBase] | Callable[[References], SearchStrategy[ClauseBase]]

_FORMATS = {1: "multilateral", 2: "bilateral", 3: "trilateral", 4: "quadrilateral"}
_TEXT_NAMES = ("statement.txt", "text.txt", "source.txt", "texts/statement.txt")
_ISSUED_AFTER = st.integers(0, 7)
_STATEMENT_URL = _optional(st.just("https://example.org/statement"))


@st.composite
def _statement(
    draw: st.DrawFn,
    clause_strategy: ClauseStrategy,
    clause_counts: tuple[int, int],
    participant_counts: tuple[int, int],
    max_entities: int,
    max_references: int,
    text: SearchStrategy[str],
    with_times: bool,
) -> Generated:
    # Ids are drawn first, unique, so that parts drawn apart cannot collide.
    source_ids = tuple(
        draw(st.lists(slugs(), min_size=1, max_size=1 + max_references, unique=True))
    )
    references = [
        draw(_reference_sources(text)).model_copy(update={"id": i}) for i in source_ids[1:]
    ]
    low, high = participant_counts
    party_ids = draw(st.lists(slugs(), min_size=low, max_size=high + max_entities, unique=True))
    count = draw(st.integers(low, min(high, len(party_ids))))
    entity_list = [draw(_entities(text)).model_copy(update={"id": i}) for i in party_ids[count:]]
    organizations = tuple(e.id for e in entity_list if e.kind == "organization")
    participant_list = [
        draw(_participants(source_ids, organizations, text)).model_copy(update={"id": i})
        for i in party_ids[:count]
    ]
    refs = References(tuple(party_ids[:count]), tuple(party_ids[count:]), source_ids)
    formats = (_FORMATS.get(count, "plurilateral"), "multilateral")
    meeting = draw(_meetings(source_ids, text, formats, with_times))
    strategy = clause_strategy(refs) if callable(clause_strategy) else clause_strategy
    clause_list = draw(
        st.lists(
            strategy,
            min_size=clause_counts[0],
            max_size=clause_counts[1],
            unique_by=lambda c: c.id,
        )
    )
    title = draw(text)
    source_text, placed, paragraphs = draw(_layout(title, tuple(clause_list)))
    statement_text = StatementTextSource(
        id=source_ids[0],
        role="statement_text",
        title=draw(_optional(text)),
        publisher=draw(text),
        url=draw(_STATEMENT_URL),
        path=draw(_choice(_TEXT_NAMES)),
        sha256=hashlib.sha256(source_text.encode("utf-8")).hexdigest(),
    )
    sources = [*references]
    sources.insert(draw(st.integers(0, len(references))), statement_text)
    statement = JointStatement.model_validate(
        {
            "schema_version": 1,
            "id": draw(slugs()),
            "title": title,
            "document_type": draw(_choice(DOCUMENT_TYPES.values)),
            "issued": meeting.start + dt.timedelta(days=draw(_ISSUED_AFTER)),
            "language": draw(language_tags()),
            "sources": tuple(sources),
            "meeting": meeting,
            "participants": tuple(participant_list),
            "entities": tuple(entity_list),
            "paragraphs": tuple(paragraphs),
            "clauses": tuple(placed),
            "notes": draw(_optional(text)),
        }
    )
    return Generated(statement, source_text)


_SEPARATORS = (" ", " ", ", ", "; ", " — ")
_NEWLINES = ("\n", "\r\n")


@st.composite
def _layout(
    draw: st.DrawFn, title: str, clause_list: tuple[ClauseBase, ...]
) -> tuple[str, list[ClauseBase], list[Paragraph]]:
    """The statement text around the clauses' quotes, the clauses with their spans, paragraphs.

    Clauses keep their order; consecutive ones share a paragraph, separated by filler
    sentences or joined as parts of one sentence.
    """
    newline = draw(_choice(_NEWLINES))
    numbered, with_paragraphs = draw(_BOOLEANS), draw(_BOOLEANS)
    cuts = sorted(draw(st.sets(st.integers(1, max(1, len(clause_list) - 1)), max_size=3)))
    bounds = zip([0, *cuts], [*cuts, len(clause_list)], strict=True)
    groups = [clause_list[a:b] for a, b in bounds if clause_list[a:b]]
    text = " ".join(title.splitlines()) + newline + newline
    placed: list[ClauseBase] = []
    paragraphs: list[Paragraph] = []
    for number, group in enumerate(groups, start=1):
        text += f"{number}. " if numbered else ""
        start = len(text)
        for i, clause in enumerate(group):
            text += draw(_choice(_SEPARATORS)) if i else ""
            text += draw(sentences()) + " " if draw(_BOOLEANS) else ""
            update: dict[str, Any] = {
                "span": Span(start=len(text), end=len(text) + len(clause.text))
            }
            if with_paragraphs:
                update["paragraph"] = number
            placed.append(clause.model_copy(update=update))
            text += clause.text
        if with_paragraphs:
            verification = draw(_choice(VERIFICATION_STATUSES.values))
            span = Span(start=start, end=len(text))
            paragraphs.append(Paragraph(number=number, span=span, verification=verification))
        text += newline + newline
    if draw(_BOOLEANS):
        text = text.rstrip("\r\n") + newline
    return text, placed, paragraphs


def statements(
    *,
    clauses: ClauseStrategy | None = None,
    min_clauses: int = 1,
    max_clauses: int = 4,
    min_participants: int = 1,
    max_participants: int = 4,
    max_entities: int = 3,
    max_references: int = 2,
    text: SearchStrategy[str] | None = None,
    times: bool = True,
) -> SearchStrategy[Generated]:
    """Whole valid statements, each with its statement text (see :class:`Generated`).

    ``clauses`` is a clause strategy, or a function from the statement's
    :class:`References` to one; the default names any participant as actor and any
    party as target. Clause ids are kept unique by drawing again. ``text``
    generates every free-text field and quote (non-empty strings; default
    :func:`phrases`, and :func:`sentences` for quotes). ``times=False`` leaves out
    meeting times.
    """
    if not 1 <= min_clauses <= max_clauses or not 1 <= min_participants <= max_participants:
        raise ValueError("a statement has at least one clause and one participant (min <= max)")
    if max_entities < 0 or max_references < 0:
        raise ValueError("max_entities and max_references cannot be negative")
    return _statement(
        clauses if clauses is not None else partial(_clauses_naming_any_party, text=text),
        (min_clauses, max_clauses),
        (min_participants, max_participants),
        max_entities,
        max_references,
        text if text is not None else phrases(),
        times,
    )


# --- YAML in varied styles --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class YamlText:
    """A document written as YAML in one style, and where each of its nodes was written."""

    text: str
    data: dict[str, Any]
    positions: Mapping[NodePath, tuple[int, int]]
    key_positions: Mapping[NodePath, tuple[int, int]]

    def position(self, path: Sequence[str | int]) -> tuple[int, int]:
        """1-based (line, column) where the node at ``path`` starts.

        A block mapping starts at its first key, a block list at its first ``-``, a
        quoted scalar at its opening quote: where a YAML parser marks the node.
        """
        return self.positions[tuple(path)]

    def key_position(self, path: Sequence[str | int]) -> tuple[int, int]:
        """1-based (line, column) of the key of the mapping entry at ``path``."""
        return self.key_positions[tuple(path)]


# The YAML 1.2 core schema's non-string plain scalars (spec 10.3.2), written out here
# rather than taken from the loader, so that the two check each other.
_CORE_NOT_STRING = re.compile(
    r"null|Null|NULL|~|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)
_LETTERS = "A-Za-z0-9\u00c0-\u024f\u0370-\u04ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3"
# Plain scalars safe in block and flow context: no indicators, no ": " or " #".
_PLAIN = re.compile(f"[{_LETTERS}]([{_LETTERS} _.()/'-]*[{_LETTERS}_.()/'-])?")
_COMMENTS = ("# comment", "#", "# yaml-language-server: $schema=x.json", "# — ü 東京 🌉")


def _printable(char: str) -> bool:
    """Printable in a YAML stream and no line break (YAML 1.1 breaks included)."""
    code = ord(char)
    return (
        0x20 <= code <= 0x7E
        or (0xA0 <= code <= 0xD7FF and code not in (0x2028, 0x2029))
        or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
        or code >= 0x10000
    )


def _double_quoted(value: str, escape_all: bool) -> str:
    out = ['"']
    for char in value:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif _printable(char) and not (escape_all and code > 0x7E):
            out.append(char)
        elif code <= 0xFF:
            out.append(f"\\x{code:02x}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04X}")
        else:
            out.append(f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


class _Writer:
    """Writes one document, choosing each node's style at random, recording positions."""

    def __init__(self, rnd: Random, first_line: int) -> None:
        self.rnd = rnd
        self.flow_rate = rnd.choice((0.0, 0.0, 0.15, 0.5, 1.0))
        self.comment_rate = rnd.choice((0.0, 0.1, 0.3))
        self.indent = rnd.choice((2, 2, 3, 4))
        self.indentless = rnd.random() < 0.5
        self.first_line = first_line
        self.lines: list[str] = []
        self.positions: dict[NodePath, tuple[int, int]] = {}
        self.key_positions: dict[NodePath, tuple[int, int]] = {}

    def _line(self) -> int:
        """Number of the line about to be written."""
        return self.first_line + len(self.lines)

    def _maybe(self, rate: float) -> bool:
        return rate > 0 and self.rnd.random() < rate

    def _comment_line(self, column: int) -> None:
        if self._maybe(self.comment_rate):
            self.lines.append(" " * column + self.rnd.choice(_COMMENTS))

    def _trailing_comment(self) -> str:
        return "  " + self.rnd.choice(_COMMENTS) if self._maybe(self.comment_rate) else ""

    def scalar(self, value: Any) -> str:
        rnd = self.rnd
        if value is None:
            return rnd.choice(("null", "~", "Null", "NULL"))
        if value is True or value is False:
            return rnd.choice(("true", "True", "TRUE") if value else ("false", "False", "FALSE"))
        if isinstance(value, int):
            if value < 0:
                return str(value)
            return rnd.choice((str(value), str(value), f"0x{value:X}", f"0o{value:o}", f"+{value}"))
        if isinstance(value, float):
            if math.isnan(value):
                return ".nan"
            return repr(value) if math.isfinite(value) else ("-.inf" if value < 0 else ".inf")
        styles = ["double"]
        if _PLAIN.fullmatch(value) and not _CORE_NOT_STRING.fullmatch(value):
            styles += ["plain", "plain"]
        if all(map(_printable, value)):
            styles.append("single")
        style = rnd.choice(styles)
        if style == "plain":
            return str(value)
        if style == "single":
            return "'" + str(value).replace("'", "''") + "'"
        return _double_quoted(str(value), escape_all=rnd.random() < 0.2)

    def key(self, key: str) -> str:
        plain = _PLAIN.fullmatch(key) and not _CORE_NOT_STRING.fullmatch(key)
        if plain and self.rnd.random() < 0.9:
            return key
        return self.scalar(key) if self.rnd.random() < 0.5 else _double_quoted(key, False)

    def _inline(self, value: Any) -> bool:
        """Whether ``value`` goes on the current line (a scalar, or a collection in flow style)."""
        if not isinstance(value, dict | list) or not value:
            return True
        return self._maybe(self.flow_rate)

    def flow(self, value: Any, path: NodePath, line: int, column: int) -> str:
        """``value`` on one line starting at 0-based ``column``, recording positions."""
        self.positions[path] = (line, column + 1)
        if isinstance(value, dict):
            text = "{"
            for i, key in enumerate(self.rnd.sample(list(value), len(value))):
                text += ", " if i else ""
                self.key_positions[(*path, key)] = (line, column + len(text) + 1)
                text += self.key(key) + ": "
                text += self.flow(value[key], (*path, key), line, column + len(text))
            return text + "}"
        if isinstance(value, list):
            text = "["
            for i, item in enumerate(value):
                text += ", " if i else ""
                text += self.flow(item, (*path, i), line, column + len(text))
            return text + "]"
        return self.scalar(value)

    def block_mapping(self, mapping: dict[str, Any], path: NodePath, lead: str) -> None:
        """A non-empty mapping whose first key follows ``lead`` (spaces, or spaces and ``- ``)."""
        column = len(lead)
        for i, key in enumerate(self.rnd.sample(list(mapping), len(mapping))):
            if i or not lead.strip():  # no comment between "- " and the first key
                self._comment_line(column)
            prefix = lead if i == 0 else " " * column
            self.entry(key, mapping[key], (*path, key), prefix)
            if i == 0:
                self.positions[path] = self.key_positions[(*path, key)]

    def entry(self, key: str, value: Any, path: NodePath, prefix: str) -> None:
        line, column = self._line(), len(prefix)
        key_text = self.key(key)
        self.key_positions[path] = (line, column + 1)
        if self._inline(value):
            start = column + len(key_text) + 2
            written = self.flow(value, path, line, start)
            self.lines.append(f"{prefix}{key_text}: {written}{self._trailing_comment()}")
            return
        self.lines.append(f"{prefix}{key_text}:{self._trailing_comment()}")
        if isinstance(value, dict):
            self.block_mapping(value, path, " " * (column + self.indent))
        else:
            self.block_list(value, path, column if self._maybe(0.5) else column + self.indent)

    def block_list(self, items: list[Any], path: NodePath, column: int) -> None:
        for i, item in enumerate(items):
            self._comment_line(column)
            line, lead = self._line(), " " * column + "- "
            if i == 0:
                self.positions[path] = (line, column + 1)
            if isinstance(item, dict) and item and not self._maybe(self.flow_rate):
                self.block_mapping(item, (*path, i), lead)
            else:
                written = self.flow(item, (*path, i), line, column + 2)
                self.lines.append(f"{lead}{written}{self._trailing_comment()}")


# A seeded generator, not hypothesis' own: its thousands of choices per document would each
# be a draw, ten times slower; styles then do not shrink, the data does.
_SEEDED = st.randoms(use_true_random=True)


@st.composite
def _yaml_text(draw: st.DrawFn, document: BaseModel | Mapping[str, Any]) -> YamlText:
    if isinstance(document, BaseModel):
        data = document.model_dump(mode="json", exclude_defaults=draw(_BOOLEANS))
    else:
        data = dict(document)
    rnd = draw(_SEEDED)
    head: list[str] = []
    if rnd.random() < 0.2:
        head.append(rnd.choice(_COMMENTS))
    if rnd.random() < 0.3:
        head += ["%YAML 1.2", "---"] if rnd.random() < 0.3 else ["---"]
    writer = _Writer(rnd, first_line=len(head) + 1)
    if data and rnd.random() < writer.flow_rate / 4:
        writer.lines.append(writer.flow(data, (), writer.first_line, 0))
    else:
        writer.block_mapping(data, (), "")
    tail = ["..."] if rnd.random() < 0.1 else []
    newline = "\r\n" if rnd.random() < 0.2 else "\n"
    text = newline.join(head + writer.lines + tail) + (newline if rnd.random() < 0.9 else "")
    if rnd.random() < 0.1:
        text = "\ufeff" + text
    return YamlText(text, data, writer.positions, writer.key_positions)


def yaml_texts(document: BaseModel | Mapping[str, Any]) -> SearchStrategy[YamlText]:
    """``document`` written as YAML 1.2 in varied styles, each reading back as the same data.

    Styles vary node by node: block or flow collections, plain, single- or
    double-quoted scalars (with escapes at times), numbers in decimal, hex or octal,
    ``null``/``~``, key order, comments, indentation, indentless lists, ``%YAML`` and
    ``---``/``...`` markers, CRLF line breaks, a byte-order mark. A statement of any
    version (a model) is written with or without its default values; a mapping (any
    JSON-like data, valid or not) is written as it is.
    """
    return _yaml_text(document)


# --- version 2 -------------------------------------------------------------------------


def statements_v2(
    base: SearchStrategy[Generated] | None = None, *, text: SearchStrategy[str] | None = None
) -> SearchStrategy[Any]:
    """Whole valid version-2 statements with their statement text (``.write(folder)``).

    Each is a version-1 statement from ``base`` (default :func:`statements`), migrated
    as ``jointstmt migrate`` does, then given version 2's own features: every kind of
    party (groupings with members, witnesses), delegations and signatures, no meeting
    or meetings of every relation, cited documents, time and place of issue, sections,
    clause parts, chapeaus with labelled items, addressees, modality, conditions,
    dates, quantities, relations and the clause types version 1 lacks. ``text``
    generates the free text of those features (default :func:`phrases`).
    """
    from jointstmt._strategies_v2 import statements_v2 as build

    return build(
        base if base is not None else statements(), text if text is not None else phrases()
    )
