"""The tidy tables of a corpus: their columns, keys, and how rows come from a statement.

One row per thing, keys that join. Every table but the two vocabularies has
``statement_id``, and the other ids are unique within their statement, so a row
is found by (``statement_id``, id). Each column reads one value from an
:class:`Item` (the thing the row is about, the thing that holds it, and its
position) and takes its description from the model field it reads, so the data
package describes the data in the models' own words. A field added to a model
is one column added here; a clause type needs nothing (its value goes to
``clauses.value``, named by ``value_field``, and its other own fields become
columns found from the ``Clause`` union).

Statements are read as version 2 (:mod:`jointstmt.reading`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple, get_args

from pydantic import BaseModel

from jointstmt.model.clauses import Span
from jointstmt.model.v2.clauses import (
    CLAUSE_CLASSES,
    Citation,
    ClauseBase,
    ClauseDate,
    ClauseRelation,
    Condition,
    Quantity,
)
from jointstmt.model.v2.statement import (
    Body,
    Entity,
    JointStatement,
    Location,
    Meeting,
    OutsideSource,
    Paragraph,
    Participant,
    Party,
    Person,
    Place,
    Series,
    StatementTextSource,
)
from jointstmt.model.vocabulary import CLAUSE_TYPES_2, TOPICS_2

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class View:
    """A statement as the tables read it."""

    statement: JointStatement
    version: int
    """The ``schema_version`` its file declares."""
    kinds: dict[str, str]
    """What each id of the statement names: party, participant, entity or meeting."""

    @classmethod
    def of(cls, statement: JointStatement, version: int = 2) -> View:
        """The view of ``statement``, whose file declared schema ``version``."""
        kinds = {m.id: "meeting" for m in statement.meetings}
        kinds |= {e.id: "entity" for e in statement.entities}
        kinds |= {p.id: "participant" for p in statement.participants}
        kinds |= {p.id: "party" for p in statement.parties}
        return cls(statement, version, kinds)


class Item(NamedTuple):
    """What one row is about."""

    view: View
    thing: Any
    """The party, clause, date, id, ... the row is about."""
    owner: Any = None
    """What holds it (the clause of a clause date, the party of a member), if anything."""
    number: int = 1
    """Its position among its owner's (or the statement's) things, from 1."""


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name, Frictionless type, description, and how it reads an item."""

    name: str
    type: str
    description: str
    get: Callable[[Item], Any] | None = None
    """``None`` in a vocabulary table, whose rows are given."""


@dataclass(frozen=True, slots=True)
class ForeignKey:
    """Columns that name a row of another table.

    Only references that are never empty are declared. An optional one (a clause's
    ``paragraph`` or ``parent``, a participant's ``led_by``, a meeting's ``during``)
    pairs an empty id with a ``statement_id``, and Frictionless checks such a key
    against the table it names unless every one of its values is empty.
    """

    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """One table: its columns and keys, and the items of a statement it has a row for."""

    name: str
    description: str
    items: Callable[[View], Iterable[Item]] | None
    """The items of one statement; ``None`` for a vocabulary table (see ``fixed``)."""
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    fixed: tuple[Row, ...] = ()
    """The rows of a vocabulary table, the same for every corpus."""

    @property
    def names(self) -> tuple[str, ...]:
        """The column names, in order."""
        return tuple(c.name for c in self.columns)

    def rows(self, view: View) -> Iterator[Row]:
        """This table's rows for one statement."""
        if self.items is None:
            return
        columns = [(c.name, c.get) for c in self.columns if c.get is not None]
        for item in self.items(view):
            yield {name: get(item) for name, get in columns}


# --- columns ---------------------------------------------------------------------------------------


def described(model: type[BaseModel], name: str) -> str:
    """The description the model gives its field ``name``."""
    description = model.model_fields[name].description
    if not description:
        raise ValueError(f"{model.__name__}.{name} has no description")
    return description


def _walk(value: Any, path: str) -> Any:
    """``value.a.b`` for ``path`` ``"a.b"``, ``None`` as soon as a step is ``None``."""
    for step in path.split(".") if path else ():
        if value is None:
            return None
        value = getattr(value, step)
    return value


def _time(value: dt.time | None) -> str | None:
    # the models' JSON form (HH:MM), the same in every format
    return None if value is None else value.strftime("%H:%M")


def _holds(annotation: Any, kind: type) -> bool:
    """Whether ``kind`` is the annotation or appears in it (``Annotated[kind, ...] | None``)."""
    return annotation is kind or any(_holds(a, kind) for a in get_args(annotation))


def field(
    model: type[BaseModel],
    name: str,
    column: str = "",
    type: str = "string",
    via: str = "",
) -> Column:
    """The column of ``model.name``, read from the item's thing (through ``via``, if given)."""
    read = _reader(f"{via}.{name}" if via else name)
    get = read
    if _holds(model.model_fields[name].annotation, dt.time):
        get = lambda item: _time(read(item))  # noqa: E731
    return Column(column or name, type, described(model, name), get)


def span(model: type[BaseModel], name: str, prefix: str = "", via: str = "") -> tuple[Column, ...]:
    """The start and end columns of the span field ``model.name``."""
    where = described(model, name).rstrip(".")
    path = f"{via}.{name}" if via else name
    return tuple(
        Column(
            f"{prefix}{end}",
            "integer",
            f"{where}: {described(Span, end)}",
            _reader(f"{path}.{end}"),
        )
        for end in ("start", "end")
    )


def _reader(path: str) -> Callable[[Item], Any]:
    """Reads ``path`` (``"a.b"``) from an item's thing."""
    return lambda item: _walk(item.thing, path)


def _id(column: str, description: str, get: Callable[[Item], Any]) -> Column:
    return Column(column, "string", description, get)


STATEMENT_ID = _id(
    "statement_id",
    "Id of the statement (statements.statement_id).",
    lambda item: item.view.statement.id,
)
CLAUSE_ID = _id("clause_id", "Id of the clause (clauses.clause_id).", lambda item: item.owner.id)
THING = lambda item: item.thing  # noqa: E731
NUMBER = lambda item: item.number  # noqa: E731


def _kind(column: str, kinds: str) -> Column:
    return Column(
        column,
        "string",
        f"What the id names: {kinds}.",
        lambda item: item.view.kinds.get(item.thing),
    )


# --- items -----------------------------------------------------------------------------------------


def _each(things: Callable[[JointStatement], Iterable[Any]]) -> Callable[[View], Iterator[Item]]:
    """One item per thing of the statement."""

    def items(view: View) -> Iterator[Item]:
        for number, thing in enumerate(things(view.statement), 1):
            yield Item(view, thing, None, number)

    return items


def _each_in(
    owners: Callable[[JointStatement], Iterable[Any]],
    things: Callable[[Any, JointStatement], Iterable[Any]],
) -> Callable[[View], Iterator[Item]]:
    """One item per thing of each owner (each date of each clause, ...)."""

    def items(view: View) -> Iterator[Item]:
        for owner in owners(view.statement):
            for number, thing in enumerate(things(owner, view.statement), 1):
                yield Item(view, thing, owner, number)

    return items


def _clauses(s: JointStatement) -> Iterable[ClauseBase]:
    return s.clauses


def _of_clauses(
    things: Callable[[Any, JointStatement], Iterable[Any]],
) -> Callable[[View], Iterator[Item]]:
    return _each_in(_clauses, things)


def _key(*fields: str) -> tuple[str, ...]:
    return ("statement_id", *fields)


def _refers(resource: str, fields: tuple[str, ...], reference: tuple[str, ...]) -> ForeignKey:
    return ForeignKey(_key(*fields), resource, _key(*reference))


IN_STATEMENT = ForeignKey(("statement_id",), "statements", ("statement_id",))
OF_CLAUSE = _refers("clauses", ("clause_id",), ("clause_id",))


# --- the clause classes' own fields, found from the model -----------------------------------------


def _own_fields(cls: type[ClauseBase]) -> tuple[str, ...]:
    """A clause class's fields beyond every clause's and its ``value_field``."""
    return tuple(
        name
        for name in cls.model_fields
        if name not in ClauseBase.model_fields and name != cls.value_field
    )


def _own(name: str) -> Callable[[Item], Any]:
    """Reads a type-specific field: ``None`` for clauses of the other types."""
    return lambda item: getattr(item.thing, name, None)


def _own_columns() -> tuple[Column, ...]:
    """A column per type-specific field other than the value (``instructed``, ``when``, ...)."""
    columns: dict[str, Column] = {}
    for tag, cls in CLAUSE_CLASSES.items():
        for name in _own_fields(cls):
            description = f"{described(cls, name)} (clauses of type {tag} only)"
            columns.setdefault(name, Column(name, "string", description, _own(name)))
    return tuple(columns.values())


# --- the tables ------------------------------------------------------------------------------------

_S = JointStatement

STATEMENTS = Table(
    "statements",
    "One row per statement.",
    _each(lambda s: (s,)),
    (
        Column("statement_id", "string", described(_S, "id"), lambda item: item.thing.id),
        Column(
            "schema_version",
            "integer",
            "The schema version the file declares; every table shows the statement as version 2 sees it.",
            lambda item: item.view.version,
        ),
        field(_S, "work"),
        field(_S, "title"),
        field(_S, "document_type"),
        field(_S, "language"),
        field(_S, "issued", type="date"),
        field(_S, "issued_time"),
        field(_S, "issued_time_zone"),
        field(Location, "wording", "issued_at", via="issued_at"),
        *span(Body, "span", "body_", via="body"),
        field(StatementTextSource, "path", "text_path", via="statement_text"),
        field(StatementTextSource, "sha256", "text_sha256", via="statement_text"),
        field(StatementTextSource, "publisher", via="statement_text"),
        field(StatementTextSource, "url", via="statement_text"),
        field(_S, "notes"),
    ),
    ("statement_id",),
)

SOURCES = Table(
    "sources",
    described(_S, "sources"),
    _each(lambda s: s.sources),
    (
        STATEMENT_ID,
        field(OutsideSource, "id", "source_id"),
        Column(
            "role",
            "string",
            "statement_text (the text, shipped beside the file), reference or publication_record.",
            lambda item: item.thing.role,
        ),
        field(OutsideSource, "publisher"),
        field(OutsideSource, "title"),
        field(OutsideSource, "url"),
        field(OutsideSource, "published", type="date"),
        field(OutsideSource, "language"),
        Column(
            "path",
            "string",
            described(StatementTextSource, "path"),
            lambda item: getattr(item.thing, "path", None),
        ),
        Column(
            "sha256",
            "string",
            described(StatementTextSource, "sha256"),
            lambda item: getattr(item.thing, "sha256", None),
        ),
        field(OutsideSource, "note"),
    ),
    _key("source_id"),
    (IN_STATEMENT,),
)

PARTIES = Table(
    "parties",
    described(_S, "parties"),
    _each(lambda s: s.parties),
    (
        STATEMENT_ID,
        field(Party, "id", "party_id"),
        field(Party, "name"),
        field(Party, "short_name"),
        field(Party, "kind"),
        field(Party, "role"),
        field(Party, "country"),
        field(Party, "wikidata"),
        *span(Party, "span", "span_"),
    ),
    _key("party_id"),
    (IN_STATEMENT,),
)

PARTY_MEMBERS = Table(
    "party_members",
    described(Party, "members"),
    _each_in(lambda s: s.parties, lambda party, s: party.members),
    (
        STATEMENT_ID,
        _id(
            "party_id",
            "Id of the grouping or organization (parties.party_id).",
            lambda item: item.owner.id,
        ),
        _id("member_id", "Id of a member named in the statement.", THING),
        _kind("member_kind", "party or entity"),
    ),
    _key("party_id", "member_id"),
    (IN_STATEMENT, _refers("parties", ("party_id",), ("party_id",))),
)

PARTICIPANTS = Table(
    "participants",
    described(_S, "participants"),
    _each(lambda s: s.participants),
    (
        STATEMENT_ID,
        field(Participant, "id", "participant_id"),
        field(Participant, "party", "party_id"),
        field(Participant, "kind"),
        field(Participant, "office"),
        field(Participant, "rank"),
        field(Participant, "role"),
        field(Participant, "led_by"),
        field(Participant, "member_of"),
        field(Person, "name", "person_name", via="person"),
        field(Person, "family_name", "person_family_name", via="person"),
        field(Person, "given_name", "person_given_name", via="person"),
        *span(Participant, "span", "span_"),
        *span(Participant, "signature", "signature_"),
    ),
    _key("participant_id"),
    (
        IN_STATEMENT,
        _refers("parties", ("party_id",), ("party_id",)),
    ),
)

MEETINGS = Table(
    "meetings",
    described(_S, "meetings"),
    _each(lambda s: s.meetings),
    (
        STATEMENT_ID,
        field(Meeting, "id", "meeting_id"),
        field(Meeting, "relation"),
        field(Meeting, "name"),
        field(Meeting, "format"),
        field(Meeting, "level"),
        field(Meeting, "mode"),
        field(Series, "name", "series", via="series"),
        field(Series, "ordinal", "series_ordinal", "integer", via="series"),
        field(Meeting, "during"),
        field(Meeting, "start", type="date"),
        field(Meeting, "end", type="date"),
        field(Meeting, "start_time"),
        field(Meeting, "end_time"),
        field(Meeting, "time_zone"),
        field(Meeting, "timing"),
        field(Location, "wording", "location", via="location"),
        field(Meeting, "host"),
        *span(Meeting, "span", "span_"),
    ),
    _key("meeting_id"),
    (IN_STATEMENT,),
)

MEETING_PLACES = Table(
    "meeting_places",
    "The places of each meeting, in the order given.",
    _each_in(
        lambda s: s.meetings, lambda meeting, s: meeting.location.places if meeting.location else ()
    ),
    (
        STATEMENT_ID,
        _id("meeting_id", "Id of the meeting (meetings.meeting_id).", lambda item: item.owner.id),
        Column(
            "place_number", "integer", "Its position among the meeting's places, from 1.", NUMBER
        ),
        field(Place, "name"),
        field(Place, "locality"),
        field(Place, "subdivision"),
        field(Place, "country"),
    ),
    _key("meeting_id", "place_number"),
    (IN_STATEMENT, _refers("meetings", ("meeting_id",), ("meeting_id",))),
)

ENTITIES = Table(
    "entities",
    described(_S, "entities"),
    _each(lambda s: s.entities),
    (
        STATEMENT_ID,
        field(Entity, "id", "entity_id"),
        field(Entity, "name"),
        field(Entity, "kind"),
        field(Entity, "country"),
        field(Entity, "office"),
        field(Entity, "date", type="date"),
        field(Entity, "identifier"),
        field(Entity, "legal_character"),
        field(Entity, "url"),
        field(Entity, "statement", "corpus_statement_id"),
        field(Entity, "wikidata"),
        field(Entity, "note"),
    ),
    _key("entity_id"),
    (IN_STATEMENT,),
)

PARAGRAPHS = Table(
    "paragraphs",
    described(Body, "paragraphs"),
    _each(lambda s: s.body.paragraphs),
    (
        STATEMENT_ID,
        field(Paragraph, "number", type="integer"),
        field(Paragraph, "label"),
        *span(Paragraph, "span"),
        field(Paragraph, "verification"),
    ),
    _key("number"),
    (IN_STATEMENT,),
)

CLAUSES = Table(
    "clauses",
    described(_S, "clauses"),
    _each(_clauses),
    (
        STATEMENT_ID,
        field(ClauseBase, "id", "clause_id"),
        Column(
            "position",
            "integer",
            "The clause's position in the statement's list of clauses, from 1.",
            NUMBER,
        ),
        Column("type", "string", "The clause type (clause_types.type).", lambda i: i.thing.type),
        Column(
            "value_field",
            "string",
            "The name of the type's own field that value holds (condemns, commits_to, ...).",
            lambda item: item.thing.value_field,
        ),
        Column(
            "value",
            "string",
            "What the act is about, from the type's own field: what is condemned, committed to, welcomed, ...",
            lambda item: item.thing.value,
        ),
        field(ClauseBase, "text"),
        *span(ClauseBase, "span"),
        field(ClauseBase, "paragraph", type="integer"),
        field(ClauseBase, "part"),
        field(ClauseBase, "parent"),
        field(ClauseBase, "label"),
        field(ClauseBase, "reaffirmed", type="boolean"),
        field(ClauseBase, "modality"),
        field(Condition, "text", "condition", via="condition"),
        *span(Condition, "span", "condition_", via="condition"),
        field(ClauseBase, "note"),
        *_own_columns(),
    ),
    _key("clause_id"),
    (
        IN_STATEMENT,
        ForeignKey(("type",), "clause_types", ("type",)),
    ),
)

CLAUSE_ACTORS = Table(
    "clause_actors",
    "Who performs each clause: the ids it names, or the issuing parties when it names none.",
    _of_clauses(lambda clause, s: s.actors_of(clause)),
    (
        STATEMENT_ID,
        CLAUSE_ID,
        _id("actor_id", described(ClauseBase, "actors"), THING),
        _kind("actor_kind", "party, participant or entity"),
        Column(
            "stated",
            "boolean",
            "True when the clause names its actors; false when they are the issuing parties by default.",
            lambda item: item.owner.actors is not None,
        ),
    ),
    _key("clause_id", "actor_id"),
    (IN_STATEMENT, OF_CLAUSE),
)

CLAUSE_AGENTS = Table(
    "clause_agents",
    described(ClauseBase, "agents"),
    _of_clauses(lambda clause, s: clause.agents),
    (
        STATEMENT_ID,
        CLAUSE_ID,
        _id("agent_id", "Id of one who did or is to do the act the clause reports.", THING),
        _kind("agent_kind", "party, participant or entity"),
    ),
    _key("clause_id", "agent_id"),
    (IN_STATEMENT, OF_CLAUSE),
)

CLAUSE_ADDRESSEES = Table(
    "clause_addressees",
    described(ClauseBase, "addressees"),
    _of_clauses(lambda clause, s: clause.addressees),
    (
        STATEMENT_ID,
        CLAUSE_ID,
        _id("addressee_id", "Id of one called upon, warned, invited or thanked.", THING),
        _kind("addressee_kind", "party, participant, entity or meeting"),
    ),
    _key("clause_id", "addressee_id"),
    (IN_STATEMENT, OF_CLAUSE),
)

CLAUSE_TARGETS = Table(
    "clause_targets",
    "What each clause is about, named (targets) or implied (implied_targets).",
    _of_clauses(
        lambda clause, s: (
            [(t, False) for t in clause.targets] + [(t, True) for t in clause.implied_targets]
        )
    ),
    (
        STATEMENT_ID,
        CLAUSE_ID,
        _id("target_id", described(ClauseBase, "targets"), lambda item: item.thing[0]),
        Column(
            "target_kind",
            "string",
            "What the id names: party, participant, entity or meeting.",
            lambda item: item.view.kinds.get(item.thing[0]),
        ),
        Column(
            "implied",
            "boolean",
            f"True for an implied target: {described(ClauseBase, 'implied_targets')}",
            lambda item: item.thing[1],
        ),
    ),
    _key("clause_id", "target_id", "implied"),
    (IN_STATEMENT, OF_CLAUSE),
)

CLAUSE_TOPICS = Table(
    "clause_topics",
    described(ClauseBase, "topics"),
    _of_clauses(lambda clause, s: clause.topics),
    (STATEMENT_ID, CLAUSE_ID, _id("topic", "A topic of the clause (topics.topic).", THING)),
    _key("clause_id", "topic"),
    (IN_STATEMENT, OF_CLAUSE, ForeignKey(("topic",), "topics", ("topic",))),
)

CLAUSE_CITES = Table(
    "clause_cites",
    described(ClauseBase, "cites"),
    _of_clauses(lambda clause, s: clause.cites),
    (
        STATEMENT_ID,
        CLAUSE_ID,
        field(Citation, "entity", "entity_id"),
        field(Citation, "relation"),
    ),
    _key("clause_id", "entity_id", "relation"),
    (IN_STATEMENT, OF_CLAUSE, _refers("entities", ("entity_id",), ("entity_id",))),
)

CLAUSE_DATES = Table(
    "clause_dates",
    described(ClauseBase, "dates"),
    _of_clauses(lambda clause, s: clause.dates),
    (
        STATEMENT_ID,
        CLAUSE_ID,
        Column("date_number", "integer", "Its position among the clause's dates, from 1.", NUMBER),
        field(ClauseDate, "role"),
        # a year or a month is a valid value, so not a Frictionless date
        field(ClauseDate, "date"),
        field(ClauseDate, "wording"),
    ),
    _key("clause_id", "date_number"),
    (IN_STATEMENT, OF_CLAUSE),
)

CLAUSE_QUANTITIES = Table(
    "clause_quantities",
    described(ClauseBase, "quantities"),
    _of_clauses(lambda clause, s: clause.quantities),
    (
        STATEMENT_ID,
        CLAUSE_ID,
        Column(
            "quantity_number",
            "integer",
            "Its position among the clause's quantities, from 1.",
            NUMBER,
        ),
        field(Quantity, "kind"),
        field(Quantity, "value", type="number"),
        field(Quantity, "unit"),
        field(Quantity, "wording"),
        field(Quantity, "qualifier"),
    ),
    _key("clause_id", "quantity_number"),
    (IN_STATEMENT, OF_CLAUSE),
)

CLAUSE_RELATIONS = Table(
    "clause_relations",
    described(ClauseBase, "relations"),
    _of_clauses(lambda clause, s: clause.relations),
    (
        STATEMENT_ID,
        CLAUSE_ID,
        field(ClauseRelation, "type", "relation"),
        field(ClauseRelation, "clause", "other_clause_id"),
    ),
    _key("clause_id", "relation", "other_clause_id"),
    (IN_STATEMENT, OF_CLAUSE, _refers("clauses", ("other_clause_id",), ("clause_id",))),
)


def _vocabulary_column(name: str, description: str) -> Column:
    return Column(name, "string", description)


CLAUSE_TYPES = Table(
    "clause_types",
    "The clause types (vocabulary clause_type) with their nearest event codes.",
    None,
    (
        _vocabulary_column("type", "The clause type."),
        _vocabulary_column("definition", "What a clause of this type does."),
        _vocabulary_column("cameo", "Its nearest CAMEO codes, separated by spaces."),
        _vocabulary_column(
            "plover", "Its nearest PLOVER event types, separated by spaces; empty where none fits."
        ),
        _vocabulary_column("plover_mode", "PLOVER's mode of that event type, where one fits."),
    ),
    ("type",),
    fixed=tuple(
        {
            "type": t.value,
            "definition": t.definition,
            "cameo": " ".join(t.cameo) or None,
            "plover": " ".join(t.plover) or None,
            "plover_mode": t.plover_mode or None,
        }
        for t in CLAUSE_TYPES_2
    ),
)

TOPICS = Table(
    "topics",
    "The topics (vocabulary topic) with their nearest PLOVER context.",
    None,
    (
        _vocabulary_column("topic", "The topic."),
        _vocabulary_column("definition", "What clauses of this topic are about."),
        _vocabulary_column("plover_context", "The nearest PLOVER contexts, separated by spaces."),
    ),
    ("topic",),
    fixed=tuple(
        {"topic": t.value, "definition": t.definition, "plover_context": " ".join(t.plover) or None}
        for t in TOPICS_2
    ),
)

TABLES: tuple[Table, ...] = (
    STATEMENTS,
    SOURCES,
    PARTIES,
    PARTY_MEMBERS,
    PARTICIPANTS,
    MEETINGS,
    MEETING_PLACES,
    ENTITIES,
    PARAGRAPHS,
    CLAUSES,
    CLAUSE_ACTORS,
    CLAUSE_AGENTS,
    CLAUSE_ADDRESSEES,
    CLAUSE_TARGETS,
    CLAUSE_TOPICS,
    CLAUSE_CITES,
    CLAUSE_DATES,
    CLAUSE_QUANTITIES,
    CLAUSE_RELATIONS,
    CLAUSE_TYPES,
    TOPICS,
)
"""Every table, in the order they are written."""
