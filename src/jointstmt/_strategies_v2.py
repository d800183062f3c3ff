"""Version-2 statements for property tests: a generated version-1 statement, migrated, then
given what only version 2 can say.

Building on the version-1 strategy keeps one source of truth for the hard part (a
statement text whose every span is exact) and makes the migration property cheap:
the same draw yields the version-1 statement and its version-2 counterpart. On
top of the migrated statement the strategy draws version 2's own features, each
somewhere in the statement at times, so that properties that walk every node
meet every field of the model:

* the statement: ``work``, time and place of issue with their sources, a
  capture record and a publication record, version 2's document types;
* parties of every kind and role (governments, groupings listing members,
  witnesses, mediators) with short names, aliases, spans and sources;
* participants with roles and version 2's ranks, delegations led by and made up
  of participants, spans, and signatures in a signature block appended after
  the body (with an end marker);
* no meeting at all, or the recorded one held during an occasion, with a host,
  attendees and a series held by a mechanism; earlier, planned and proposed
  meetings with dates or timing, alternative places and spans;
* documents, instruments, mechanisms, persons and events, with dates,
  identifiers, issuers, legal character, signing, links and sources;
* the body's sections and paragraph labels;
* clauses of every version-2 type, in parts, chapeaus with labelled items
  (``parent`` always names an earlier clause, so chains are acyclic), actors
  among parties, participants and entities, addressees, agents, implied
  targets, modality, conditions quoted from the clause, partial dates,
  quantities, citations, relations, a future meeting's ``meeting_id``.

Everything drawn is valid in full, rules included.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from jointstmt.model.v2 import JointStatement
from jointstmt.model.v2.clauses import CLAUSE_CLASSES as CLAUSE_CLASSES_2
from jointstmt.model.vocabulary import (
    CITATION_RELATIONS,
    CLAUSE_RELATIONS,
    DATE_ROLES,
    DOCUMENT_TYPES_2,
    ENTITY_KINDS_2,
    LEGAL_CHARACTERS,
    MEETING_FORMATS_2,
    MEETING_LEVELS_2,
    MEETING_MODES_2,
    MODALITIES,
    PARTICIPANT_ROLES,
    PARTS,
    QUANTITY_KINDS,
    QUANTITY_QUALIFIERS,
    RANKS_2,
    TOPICS_2,
)
from jointstmt.strategies import (
    country_codes,
    dates,
    language_tags,
    slugs,
    subdivision_codes,
    time_zones,
    times,
)

#: Kinds an entity drawn on top of the migrated ones takes: the things clauses cite.
_CITABLE = ("document", "legal_instrument", "agreement", "mechanism", "program", "event")
_URLS = ("https://example.org/", "https://example.org/a?b=c#d", "https://例え.jp/声明")
_HEX = st.text(alphabet="0123456789abcdef", min_size=7, max_size=40)
_END_MARKERS = ("###", "- END -", "* * *")
# Integers a YAML file can carry (the loader refuses beyond 2^53: yaml.number).
_QUANTITY = st.integers(-(2**53) + 1, 2**53 - 1) | st.floats(allow_nan=False, allow_infinity=False)


@dataclass(frozen=True, slots=True)
class Generated2:
    """A generated version-2 statement and its statement text (the file its spans index into)."""

    statement: JointStatement
    source_text: str

    def write(self, folder: str | Path, name: str = "statement.yaml") -> Path:
        """Write the YAML and the statement text into ``folder``; returns the YAML's path."""
        from jointstmt.serialize import dumps

        folder = Path(folder)
        text = self.statement.statement_text
        (folder / text.path).parent.mkdir(parents=True, exist_ok=True)
        (folder / text.path).write_bytes(self.source_text.encode("utf-8"))
        path = folder / name
        path.write_bytes(dumps(self.statement).encode("utf-8"))  # type: ignore[arg-type]
        return path


def migrated(v1: Any) -> dict[str, Any]:
    """The version-1 statement ``v1`` as a version-2 mapping (``jointstmt migrate``'s way)."""
    from jointstmt.migrate import migrate_document

    digest = hashlib.sha256(v1.source_text.encode("utf-8")).hexdigest()
    data: dict[str, Any] = v1.statement.model_dump(mode="json", exclude_defaults=True)
    for source in data["sources"]:
        if source["role"] == "statement_text":
            source["sha256"] = digest
    migrate_document(data)
    return data


@st.composite
def statements_v2(
    draw: st.DrawFn, base: st.SearchStrategy[Any], text: st.SearchStrategy[str]
) -> Generated2:
    """Valid version-2 statements drawn from version-1 ones (``base``) plus version 2's own
    features, their free text from ``text``."""
    v1 = draw(base)
    data = migrated(v1)
    draft = _Draft(draw, data, v1.source_text, text)
    draft.enrich()
    source_text = draft.source
    digest = hashlib.sha256(source_text.encode("utf-8")).hexdigest()
    for source in data["sources"]:
        if source["role"] == "statement_text":
            source["sha256"] = digest
    return Generated2(JointStatement.model_validate(data), source_text)


# Strategies are built once: hypothesis validates each new strategy object, which costs more
# than drawing from it. Choices among a statement's own ids draw an index instead.


@cache
def _choice(values: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.sampled_from(values)


@cache
def _index(size: int) -> st.SearchStrategy[int]:
    return st.integers(0, size - 1)


@cache
def _indexes(size: int, min_size: int) -> st.SearchStrategy[list[int]]:
    return st.lists(_index(size), min_size=min_size, max_size=min(3, size), unique=True)


@cache
def _clause_dates(text: st.SearchStrategy[str]) -> st.SearchStrategy[list[dict[str, Any]]]:
    # a year, a month or a day: the precision the text gives
    partial = st.builds(lambda d, n: d.isoformat()[:n], dates(), st.sampled_from((4, 7, 10)))
    one = st.fixed_dictionaries(
        {"role": _choice(DATE_ROLES.values), "wording": text}, optional={"date": partial}
    )
    return st.lists(one, min_size=1, max_size=2)


_ENTITY_KINDS = _choice(_CITABLE) | _choice(ENTITY_KINDS_2.values)
_LANGUAGE_LISTS = st.lists(language_tags(), max_size=2)
_TOPIC_LISTS = st.lists(_choice(TOPICS_2.values), max_size=2, unique=True)
_OTHER_MEETINGS = st.lists(_choice(("earlier", "planned", "proposed")), max_size=2)


def _iso(day: dt.date) -> str:
    return day.isoformat()


@dataclass
class _Draft:
    """One version-2 statement being drawn: its data, its statement text, the ids it declares.

    The parts are drawn in an order that lets each refer to those before it; the id lists
    grow as they are.
    """

    draw: st.DrawFn
    data: dict[str, Any]
    source: str
    text: st.SearchStrategy[str]
    taken: set[str] = field(init=False)  # ids of parties, participants, entities, meetings
    source_ids: list[str] = field(init=False)
    body: dict[str, int] = field(init=False)
    trailer: tuple[int, int] = field(init=False)  # where the signature block lies
    entity_ids: list[str] = field(default_factory=list)
    mechanism_ids: list[str] = field(default_factory=list)
    party_ids: list[str] = field(default_factory=list)
    participant_ids: list[str] = field(default_factory=list)
    named: list[str] = field(default_factory=list)  # parties, participants and entities
    meeting_ids: list[str] = field(default_factory=list)
    anything: list[str] = field(default_factory=list)  # all of the above and meetings

    def __post_init__(self) -> None:
        self.taken = {
            x["id"]
            for key in ("parties", "participants", "entities", "meetings")
            for x in self.data.get(key, [])
        }
        self.source_ids = [s["id"] for s in self.data["sources"]]
        self.body = dict(self.data["body"]["span"])

    def enrich(self) -> None:
        """Draw version 2's features into the migrated statement."""
        self.trailer = self._append_trailer()
        self._statement()
        self._entities()
        self._parties()
        self._participants()
        self._meetings()
        self._body()
        self._clauses()

    # --- drawing helpers ------------------------------------------------------------------

    def maybe(self, one_in: int = 2) -> bool:
        """True about once in ``one_in`` draws."""
        return self.draw(st.integers(0, one_in - 1)) == 0

    def fresh(self, stem: str) -> str:
        """An id no party, participant, entity or meeting has."""
        n = 1
        while f"{stem}-{n}" in self.taken:
            n += 1
        self.taken.add(f"{stem}-{n}")
        return f"{stem}-{n}"

    def phrase(self) -> str:
        return self.draw(self.text)

    def pick(self, values: Sequence[str]) -> str:
        """One of ``values`` (not empty)."""
        return values[self.draw(_index(len(values)))]

    def some(self, values: Sequence[str], min_size: int = 0) -> list[str]:
        """A few distinct ones of ``values`` (none when there are none)."""
        if not values:
            return []
        return [values[i] for i in self.draw(_indexes(len(values), min_size))]

    def sources(self, min_size: int = 0) -> list[str]:
        return self.some(self.source_ids, min_size)

    def span(self, start: int, end: int) -> dict[str, int]:
        """A span within ``start:end``."""
        a = self.draw(st.integers(start, end))
        return {"start": a, "end": self.draw(st.integers(a, end))}

    def anywhere(self) -> dict[str, int]:
        """A span anywhere in the statement text."""
        return self.span(0, len(self.source))

    def optional(self, data: dict[str, Any], key: str, value: Callable[[], Any]) -> None:
        """Set ``data[key] = value()`` about half the time (``value`` drawn only then)."""
        if self.maybe():
            data[key] = value()

    def day(self) -> str:
        return _iso(self.draw(dates()))

    def location(self) -> dict[str, Any]:
        """Where: the text's words, a span, none to two places, any fact of each unknown."""
        location: dict[str, Any] = {}
        self.optional(location, "wording", self.phrase)
        self.optional(location, "span", self.anywhere)
        places = []
        for _ in range(self.draw(st.integers(0, 2))):
            place: dict[str, Any] = {}
            self.optional(place, "name", self.phrase)
            self.optional(place, "locality", self.phrase)
            if not self.maybe(4):
                place["country"] = self.draw(country_codes())
                codes = subdivision_codes(place["country"])
                if self.maybe() and not codes.is_empty:
                    place["subdivision"] = self.draw(codes)
            self.optional(place, "sources", lambda: self.sources(1))
            places.append(place)
        if places:
            location["places"] = places
            if len(places) > 1 and self.maybe():
                location["alternatives"] = True
        return location

    # --- the parts --------------------------------------------------------------------------

    def _append_trailer(self) -> tuple[int, int]:
        """Maybe a signature block and an end marker after the body; returns where it lies."""
        start = len(self.source)
        if self.maybe():
            lines = [self.phrase() for _ in range(self.draw(st.integers(1, 3)))]
            if self.maybe():
                lines.append(self.pick(_END_MARKERS))
            newline = "\r\n" if "\r\n" in self.source else "\n"
            self.source += newline + newline.join(lines) + newline
        return start, len(self.source)

    def _statement(self) -> None:
        data = self.data
        if self.maybe():
            data["document_type"] = self.pick(DOCUMENT_TYPES_2.values)
        self.optional(data, "work", lambda: self.draw(slugs()))
        if self.maybe():
            data["issued_time"] = self.draw(times()).strftime("%H:%M")
            self.optional(data, "issued_time_zone", lambda: self.draw(time_zones()))
        self.optional(data, "issued_at", self.location)
        self.optional(data, "issued_sources", lambda: self.sources(1))
        text = next(s for s in data["sources"] if s["role"] == "statement_text")
        self.optional(text, "published", self.day)
        self.optional(text, "language", lambda: self.draw(language_tags()))
        if self.maybe():
            capture: dict[str, Any] = {}
            self.optional(capture, "repository", self.phrase)
            self.optional(capture, "path", self.phrase)
            self.optional(capture, "commit", lambda: self.draw(_HEX))
            self.optional(capture, "archive_url", lambda: self.pick(_URLS))
            self.optional(capture, "retrieved", self.day)
            self.optional(capture, "transformations", self.phrase)
            text["capture"] = capture
        if self.maybe(3):
            record = {"id": "publication", "role": "publication_record", "publisher": self.phrase()}
            while record["id"] in self.source_ids:
                record["id"] += "-record"
            self.optional(record, "published", self.day)
            data["sources"].append(record)
            self.source_ids.append(record["id"])

    def _entities(self) -> None:
        entities = self.data.setdefault("entities", [])
        issuers = [p["id"] for p in self.data["parties"]]
        for _ in range(self.draw(st.integers(0, 3))):
            kind = self.draw(_ENTITY_KINDS)
            entity: dict[str, Any] = {
                "id": self.fresh(kind.replace("_", "-")),
                "name": self.phrase(),
            }
            entity["kind"] = kind
            if kind == "person":
                self.optional(entity, "office", self.phrase)
            self.optional(entity, "date", self.day)
            self.optional(entity, "identifier", self.phrase)
            self.optional(entity, "issuer", lambda: self.some(issuers, 1))
            if kind in ("document", "legal_instrument", "agreement"):
                self.optional(entity, "legal_character", lambda: self.pick(LEGAL_CHARACTERS.values))
                self.optional(entity, "signing", self._signing)
                self.optional(entity, "statement", lambda: self.draw(slugs()))
            self.optional(entity, "url", lambda: self.pick(_URLS))
            self.optional(entity, "aliases", lambda: [self.phrase()])
            self.optional(entity, "sources", lambda: self.sources(1))
            self.optional(entity, "note", self.phrase)
            entities.append(entity)
        self.entity_ids = [e["id"] for e in entities]
        self.mechanism_ids = [e["id"] for e in entities if e["kind"] == "mechanism"]

    def _signing(self) -> dict[str, Any]:
        signing: dict[str, Any] = {}
        self.optional(signing, "date", self.day)
        self.optional(signing, "location", self.location)
        self.optional(signing, "originals", lambda: self.draw(st.integers(1, 4)))
        self.optional(signing, "languages", lambda: self.draw(_LANGUAGE_LISTS))
        self.optional(signing, "sources", lambda: self.sources(1))
        return signing

    def _parties(self) -> None:
        parties = self.data["parties"]
        for party in parties:
            if party.get("country") and party["kind"] == "state" and self.maybe():
                party["kind"] = "government"
            self.optional(party, "short_name", self.phrase)
            self.optional(party, "aliases", lambda: [self.phrase()])
            self.optional(party, "span", self.anywhere)
            self.optional(party, "sources", lambda: self.sources(1))
        if len(parties) > 1 and self.maybe(4):
            parties[-1]["role"] = "bound"
        if self.maybe():  # a grouping speaking with its members listed
            members = [p["id"] for p in parties] + self.entity_ids
            parties.append(
                {
                    "id": self.fresh("group"),
                    "name": self.phrase(),
                    "kind": "grouping",
                    "members": self.some(members, 1),
                }
            )
        for role in ("witness", "mediator"):
            if self.maybe(3):
                party = {"id": self.fresh(role), "name": self.phrase(), "role": role}
                party["kind"] = self.pick(("organization", "state", "non_state"))
                parties.append(party)
        self.party_ids = [p["id"] for p in parties]

    def _participants(self) -> None:
        participants = self.data.setdefault("participants", [])
        for participant in participants:
            if self.maybe():
                participant["rank"] = self.pick(RANKS_2.values)
            self.optional(participant, "role", lambda: self.pick(PARTICIPANT_ROLES.values))
            self.optional(participant, "span", self.anywhere)
            if self.maybe():
                participant["signature"] = self.span(*self.trailer)
            self.optional(participant, "sources", lambda: self.sources(1))
        if participants and self.maybe(3):  # a delegation led by one participant, joined by others
            leader = self.pick([p["id"] for p in participants])
            party = next(p["party"] for p in participants if p["id"] == leader)
            delegation = {
                "id": self.fresh("delegation"),
                "party": party,
                "kind": "delegation",
                "office": self.phrase(),
                "rank": self.pick(("delegation", "senior_official", "not_stated")),
                "led_by": leader,
            }
            for participant in participants:
                if participant["party"] == party and self.maybe():
                    participant["member_of"] = delegation["id"]
            participants.append(delegation)
        self.participant_ids = [p["id"] for p in participants]
        self.named = self.party_ids + self.participant_ids + self.entity_ids

    def _meetings(self) -> None:
        meetings = self.data.setdefault("meetings", [])
        if meetings and self.maybe(5):  # issued without any meeting
            meetings.clear()
        recorded = meetings[0] if meetings else None
        if recorded is not None:
            self.optional(recorded, "span", lambda: self.span(self.body["start"], self.body["end"]))
            self.optional(recorded, "host", lambda: self.pick(self.named))
            self.optional(recorded, "attendees", lambda: self.some(self.party_ids, 1))
            series = recorded.get("series")
            if series is not None and self.mechanism_ids and self.maybe():
                series["entity"] = self.pick(self.mechanism_ids)
            if self.maybe():
                occasion = {
                    "id": self.fresh("summit"),
                    "relation": "occasion",
                    "format": "multilateral",
                    "level": "leaders",
                    "mode": "in_person",
                }
                self.optional(occasion, "name", self.phrase)
                meetings.append(occasion)
                recorded["during"] = occasion["id"]
        for relation in self.draw(_OTHER_MEETINGS):
            meeting: dict[str, Any] = {
                "id": self.fresh(relation),
                "relation": relation,
                "format": self.pick(MEETING_FORMATS_2.values),
                "level": self.pick(MEETING_LEVELS_2.values),
                "mode": self.pick(MEETING_MODES_2.values),
            }
            self.optional(meeting, "name", self.phrase)
            if self.maybe():
                start = self.draw(dates())
                meeting["start"] = _iso(start)
                meeting["end"] = _iso(start + dt.timedelta(days=self.draw(st.integers(0, 3))))
                self.optional(meeting, "time_zone", lambda: self.draw(time_zones()))
            else:
                self.optional(meeting, "timing", self.phrase)
            self.optional(meeting, "location", self.location)
            self.optional(meeting, "host", lambda: self.pick(self.named))
            self.optional(meeting, "attendees", lambda: self.some(self.named, 1))
            self.optional(meeting, "span", lambda: self.span(self.body["start"], self.body["end"]))
            self.optional(meeting, "sources", lambda: self.sources(1))
            meetings.append(meeting)
        self.meeting_ids = [m["id"] for m in meetings]
        self.anything = self.named + self.meeting_ids

    def _body(self) -> None:
        body = self.data["body"]
        for paragraph in body.get("paragraphs", []):
            if self.maybe():
                paragraph["label"] = f"{paragraph['number']}."
        if self.maybe(3):
            start, end = self.body["start"], self.body["end"]
            cut = self.draw(st.integers(start, end))
            sections = [{"id": "section-1", "span": {"start": start, "end": cut}}]
            if self.maybe():
                sections.append({"id": "section-2", "span": {"start": cut, "end": end}})
            for section in sections:
                self.optional(section, "heading", self.phrase)
                self.optional(section, "part", lambda: self.pick(PARTS.values))
            body["sections"] = sections

    def _clauses(self) -> None:
        clauses = self.data["clauses"]
        ids = [c["id"] for c in clauses]
        speakers = [p["id"] for p in self.data["parties"] if p.get("role", "issuer") == "issuer"]
        planned = [
            m["id"] for m in self.data["meetings"] if m["relation"] in ("planned", "proposed")
        ]
        for index, clause in enumerate(clauses):
            if self.maybe():
                _retype(self.draw, clause)
            self.optional(clause, "part", lambda: self.pick(PARTS.values))
            if index > 0 and self.maybe(3):  # an item of an earlier chapeau: chains stay acyclic
                clause["parent"] = ids[self.draw(st.integers(0, index - 1))]
            if self.maybe():
                clause["label"] = f"({index + 1})"
            self.optional(clause, "modality", lambda: self.pick(MODALITIES.values))
            if clause.get("actors") is None and self.maybe(3):
                actors = speakers if self.maybe() and speakers else self.named
                clause["actors"] = self.some(actors, 1)
            for key in ("addressees", "agents", "implied_targets"):
                if self.maybe(3):
                    clause[key] = self.some(self.anything, 1)
            if self.maybe(4):
                clause["targets"] = self.some(self.anything, 1)
            if self.maybe(3):
                clause["condition"] = self._condition(clause)
            if self.maybe(3):
                clause["dates"] = self.draw(_clause_dates(self.text))
            if self.maybe(3):
                clause["quantities"] = [
                    self._quantity() for _ in range(self.draw(st.integers(1, 2)))
                ]
            if self.entity_ids and self.maybe(3):
                clause["cites"] = [
                    {"entity": e, "relation": self.pick(CITATION_RELATIONS.values)}
                    for e in self.some(self.entity_ids, 1)
                ]
            if len(ids) > 1 and self.maybe(3):
                other = self.pick([i for i in ids if i != clause["id"]])
                relation = self.pick(CLAUSE_RELATIONS.values)
                clause["relations"] = [{"type": relation, "clause": other}]
            if self.maybe():
                clause["topics"] = self.draw(_TOPIC_LISTS)
            if clause["type"] == "future_meeting" and planned and self.maybe():
                clause["meeting_id"] = self.pick(planned)

    def _condition(self, clause: dict[str, Any]) -> dict[str, Any]:
        """A condition: at times words of the clause's own text, at its span."""
        if self.maybe(3):
            return {"text": self.phrase()}
        quote, start = clause["text"], clause["span"]["start"]
        a = self.draw(st.integers(0, len(quote) - 1))
        b = self.draw(st.integers(a + 1, len(quote)))
        return {"text": quote[a:b], "span": {"start": start + a, "end": start + b}}

    def _quantity(self) -> dict[str, Any]:
        quantity = {
            "kind": self.pick(QUANTITY_KINDS.values),
            "value": self.draw(_QUANTITY),
            "unit": self.phrase(),
            "wording": self.phrase(),
        }
        self.optional(quantity, "qualifier", lambda: self.pick(QUANTITY_QUALIFIERS.values))
        return quantity


_NEW_TYPE = _choice(tuple(CLAUSE_CLASSES_2))


def _retype(draw: st.DrawFn, clause: dict[str, Any]) -> None:
    """Make ``clause`` another version-2 type (most often one version 1 lacks), keeping its
    text, span and value."""
    from jointstmt.model.clauses import CLAUSE_CLASSES

    old = clause["type"]
    value = clause.pop(CLAUSE_CLASSES[old].value_field)
    for own in ("instructed", "when", "where", "meeting_id"):
        clause.pop(own, None)
    if old == "reaffirmation":
        clause["reaffirmed"] = True  # it was; the new type keeps saying so
    new = draw(_NEW_TYPE)
    clause["type"] = new
    clause[CLAUSE_CLASSES_2[new].value_field] = value
    if new == "instruction":
        clause["instructed"] = value
    if new == "reaffirmation":
        clause.pop("reaffirmed", None)
