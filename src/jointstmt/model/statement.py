"""The statement document: who met, when and where, and what they said.

Design choices (for statements well beyond the reference one):

* **Facts and their sources.** The statement text is one source (role
  ``statement_text``) shipped beside the YAML and pinned by SHA-256; anything the
  text does not say (a person's name, the venue, the series ordinal, the time)
  sits in a part that names its ``source``.
* **Office and person are separate.** A participant is an office held on behalf
  of a country or organization; the person holding it is optional (statements
  often name none) and carries its own source and names in other scripts.
* **Voice-neutral.** "We ..." and "The two leaders ..." statements are encoded
  alike: a clause's ``actors`` default to all participants; a clause by one of
  them ("The Deputy Secretary reiterated ...") lists that one.
* **Meetings** may span days (``start`` < ``end``), several places
  (``location.places``), or be virtual (``mode``, no location).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Discriminator, Field, Tag, model_validator
from pydantic.config import JsonDict
from pydantic_core import PydanticCustomError

from jointstmt.model.base import Model
from jointstmt.model.clauses import Clause, ClauseBase, Span
from jointstmt.model.types import (
    CountryCode,
    Date,
    InVocabulary,
    LanguageTag,
    NonEmptyText,
    OptionalText,
    PositiveInt,
    SchemaVersion1,
    Sha256,
    Slug,
    SubdivisionCode,
    Time,
    TimeZoneName,
    Url,
    WikidataId,
)
from jointstmt.model.vocabulary import (
    DOCUMENT_TYPES,
    ENTITY_KINDS,
    MEETING_FORMATS,
    MEETING_LEVELS,
    MEETING_MODES,
    RANKS,
    SOURCE_ROLES,
    VERIFICATION_STATUSES,
)

DocumentType = Annotated[str, InVocabulary(DOCUMENT_TYPES)]
MeetingFormat = Annotated[str, InVocabulary(MEETING_FORMATS)]
MeetingLevel = Annotated[str, InVocabulary(MEETING_LEVELS)]
MeetingMode = Annotated[str, InVocabulary(MEETING_MODES)]
Rank = Annotated[str, InVocabulary(RANKS)]
EntityKind = Annotated[str, InVocabulary(ENTITY_KINDS)]
SourceRole = Annotated[str, InVocabulary(SOURCE_ROLES)]
Verification = Annotated[str, InVocabulary(VERIFICATION_STATUSES)]

SourceRef = Annotated[Slug, Field(description="Id of an entry in ``sources``.")]

_ONE_REPRESENTED: JsonDict = {
    "oneOf": [
        {"required": [key], "properties": {key: {"type": "string"}}}
        for key in ("country", "organization")
    ]
}


STATEMENT_TEXT = "statement_text"
"""The role of the source that is the statement text itself."""

_OTHER_ROLES = tuple(v for v in SOURCE_ROLES.values if v != STATEMENT_TEXT)


class _SourceBase(Model):
    id: Slug = Field(description="Identifier of the source, unique in the statement.")
    title: OptionalText = Field(default=None, description="Title of the page or document.")
    publisher: NonEmptyText = Field(description="Who published it (a ministry, a news service).")
    url: Url | None = Field(default=None, description="Where it was published.")
    language: LanguageTag | None = Field(default=None, description="Language of the source.")
    note: OptionalText = Field(default=None, description="How the source was used.")


FileName = Annotated[str, Field(min_length=1, max_length=255)]


class StatementTextSource(_SourceBase):
    """The statement text itself: a file beside the YAML, pinned by its SHA-256."""

    role: Literal["statement_text"] = Field(description=SOURCE_ROLES[STATEMENT_TEXT].describe())
    path: FileName = Field(description="The file name, relative to the YAML file's folder.")
    sha256: Sha256 = Field(description="SHA-256 of the file's bytes.")


class OtherSource(_SourceBase):
    """An outside source, for facts the statement text does not state."""

    # statement_text is the other class's: the schema says so with `not`, the model by routing
    role: SourceRole = Field(
        description="What the source is used for.",
        json_schema_extra={"not": {"const": STATEMENT_TEXT}},
    )
    path: FileName | None = Field(
        default=None, description="A local copy: file name relative to the YAML file's folder."
    )
    sha256: Sha256 | None = Field(default=None, description="SHA-256 of the local copy's bytes.")


def _source_kind(value: Any) -> str:
    role = value.get("role") if isinstance(value, dict) else getattr(value, "role", None)
    return STATEMENT_TEXT if role == STATEMENT_TEXT else "other"


Source = Annotated[
    Annotated[StatementTextSource, Tag(STATEMENT_TEXT)] | Annotated[OtherSource, Tag("other")],
    Discriminator(_source_kind),
]
"""Where facts come from: the statement text itself, or an outside reference (by ``role``)."""


class OtherName(Model):
    """A person's name in another script or language."""

    language: LanguageTag = Field(description="BCP 47 tag of the name's language and script.")
    name: NonEmptyText = Field(description="The name as written in that language.")


class Person(Model):
    """The person who held an office at the meeting."""

    name: NonEmptyText = Field(
        description="Full name as usually written in English (e.g. 'Kurt M. Campbell')."
    )
    family_name: OptionalText = Field(default=None, description="Family name.")
    given_name: OptionalText = Field(default=None, description="Given name(s).")
    other_names: tuple[OtherName, ...] = Field(
        default=(), description="The name in other languages or scripts."
    )
    source: SourceRef = Field(description="Id of the source that names this person.")


class Participant(Model):
    """An office taking part in the meeting, on behalf of a country or an organization."""

    model_config = ConfigDict(json_schema_extra=_ONE_REPRESENTED)

    id: Slug = Field(description="Identifier of the participant, unique in the statement.")
    country: CountryCode | None = Field(
        default=None, description="Country represented (exactly one of country and organization)."
    )
    organization: Slug | None = Field(
        default=None,
        description="Id of the entity (an organization) represented, when not a country.",
    )
    office: NonEmptyText = Field(
        description="The office as the text styles it (e.g. 'Deputy Secretary of State')."
    )
    rank: Rank = Field(description="Normalized rank of the office.")
    person: Person | None = Field(default=None, description="Who held the office, where known.")

    @model_validator(mode="after")
    def _represents_exactly_one(self) -> Participant:
        if (self.country is None) == (self.organization is None):
            raise PydanticCustomError(
                "missing_keys" if self.country is None else "value_error",
                "a participant represents exactly one country or organization: "
                "give either country or organization",
            )
        return self


class Place(Model):
    """A place where the meeting was held."""

    name: OptionalText = Field(
        default=None, description="The venue (a building, an estate), where known."
    )
    locality: OptionalText = Field(default=None, description="Town or city.")
    subdivision: SubdivisionCode | None = Field(
        default=None, description="ISO 3166-2 code of the subdivision (e.g. US-VA)."
    )
    country: CountryCode = Field(description="ISO 3166-1 alpha-2 code of the country.")
    source: SourceRef = Field(description="Id of the source for this place.")


class Location(Model):
    """Where the meeting was held, in the text's words and as places."""

    wording: str | None = Field(
        default=None,
        min_length=1,
        description="How the text names it (e.g. 'the Washington area').",
    )
    places: tuple[Place, ...] = Field(
        min_length=1, description="The places; several for a meeting in several cities."
    )


class Series(Model):
    """The series a recurring meeting belongs to."""

    name: NonEmptyText = Field(description="Name of the series.")
    ordinal: PositiveInt | None = Field(
        default=None, description="Which meeting of the series (13 for the 13th)."
    )
    source: SourceRef = Field(description="Id of the source for the series and ordinal.")


class Meeting(Model):
    """What met, when and where."""

    name: NonEmptyText = Field(description="The meeting's name.")
    format: MeetingFormat = Field(description="How many parties met.")
    level: MeetingLevel = Field(description="Normalized rank of the meeting.")
    mode: MeetingMode = Field(default="in_person", description="In person, virtual or hybrid.")
    series: Series | None = Field(default=None, description="The series, for a recurring meeting.")
    start: Date = Field(description="First day of the meeting (local date).")
    end: Date = Field(
        description="Last day of the meeting (local date; equal to start for one day)."
    )
    start_time: Time | None = Field(default=None, description="Local time the meeting began.")
    end_time: Time | None = Field(default=None, description="Local time the meeting ended.")
    time_zone: TimeZoneName | None = Field(
        default=None, description="IANA time zone of the dates and times (e.g. America/New_York)."
    )
    location: Location | None = Field(
        default=None, description="Where; absent for a virtual meeting."
    )
    source: SourceRef | None = Field(
        default=None,
        description="Id of the source for meeting facts the text does not state (name, times).",
    )


class Entity(Model):
    """A party or thing the statement refers to (a state, an organization, a programme)."""

    id: Slug = Field(
        description="Identifier of the entity, unique among entities and participants."
    )
    name: NonEmptyText = Field(description="Its name in full.")
    kind: EntityKind = Field(description="What kind of entity it is.")
    aliases: tuple[str, ...] = Field(
        default=(), description="Other names the text uses for it (e.g. 'North Korea', 'DPRK')."
    )
    country: CountryCode | None = Field(
        default=None, description="ISO 3166-1 alpha-2 code, for a state or a place."
    )
    wikidata: WikidataId | None = Field(default=None, description="Wikidata item id.")


class Paragraph(Model):
    """A paragraph of the statement text and how far it was checked."""

    number: PositiveInt = Field(description="Its number, counting from 1.")
    span: Span = Field(description="Where the paragraph sits in the statement text.")
    verification: Verification = Field(description="How it compares with the official release.")
    note: OptionalText = Field(default=None, description="The differences found.")


class JointStatement(Model):
    """A joint diplomatic statement (schema version 1)."""

    schema_version: SchemaVersion1 = Field(description="Version of this schema; always 1.")
    id: Slug = Field(description="Identifier of the statement, unique in a corpus.")
    title: NonEmptyText = Field(description="The statement's title.")
    document_type: DocumentType = Field(description="What kind of document it is.")
    issued: Date = Field(description="Date the statement was released.")
    language: LanguageTag = Field(description="BCP 47 tag of the statement text's language.")
    sources: tuple[Source, ...] = Field(min_length=1, description="Where every fact comes from.")
    meeting: Meeting = Field(description="The meeting the statement comes from.")
    participants: tuple[Participant, ...] = Field(min_length=1, description="Who met.")
    entities: tuple[Entity, ...] = Field(
        default=(), description="Other parties and things the clauses refer to."
    )
    paragraphs: tuple[Paragraph, ...] = Field(
        default=(), description="The statement's paragraphs, with their verification status."
    )
    clauses: tuple[Clause, ...] = Field(
        min_length=1, description="What was said, clause by clause."
    )
    notes: OptionalText = Field(default=None, description="Editor's notes.")

    def actors_of(self, clause: ClauseBase) -> tuple[str, ...]:
        """The participant ids who perform ``clause`` (all participants when it names none)."""
        return (
            clause.actors if clause.actors is not None else tuple(p.id for p in self.participants)
        )

    @property
    def statement_text(self) -> StatementTextSource:
        """The source holding the statement text (rules check there is exactly one).

        For the text itself, see :func:`jointstmt.read_statement_text`.
        """
        return next(s for s in self.sources if isinstance(s, StatementTextSource))
