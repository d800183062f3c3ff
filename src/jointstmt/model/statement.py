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

from typing import Annotated

from pydantic import ConfigDict, Field, model_validator
from pydantic.config import JsonDict
from pydantic_core import PydanticCustomError

from jointstmt.model.base import Model
from jointstmt.model.clauses import Clause, ClauseBase, Span
from jointstmt.model.types import (
    CountryCode,
    Date,
    InVocabulary,
    LanguageTag,
    PositiveInt,
    SchemaVersion1,
    Sha256,
    Slug,
    SubdivisionCode,
    Time,
    TimeZoneName,
    Url,
    WikidataId,
    text,
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

# Explicit nulls are allowed for optional keys (``path: null`` means absent), so "required"
# alone would not say "present and not null": each condition also asks for a string.
_STATEMENT_TEXT_NEEDS: JsonDict = {
    "if": {"properties": {"role": {"const": "statement_text"}}, "required": ["role"]},
    "then": {
        "required": ["path", "sha256"],
        "properties": {"path": {"type": "string"}, "sha256": {"type": "string"}},
    },
}
_ONE_REPRESENTED: JsonDict = {
    "oneOf": [
        {"required": [key], "properties": {key: {"type": "string"}}}
        for key in ("country", "organization")
    ]
}


class Source(Model):
    """Where facts come from: the statement text itself, or an outside reference."""

    model_config = ConfigDict(json_schema_extra=_STATEMENT_TEXT_NEEDS)

    id: Slug = Field(description="Identifier of the source, unique in the statement.")
    role: SourceRole = Field(description="What the source is used for.")
    title: str | None = Field(
        default=None, min_length=1, description="Title of the page or document."
    )
    publisher: str = text("Who published it (a ministry, a news service).")
    url: Url | None = Field(default=None, description="Where it was published.")
    path: str | None = Field(
        default=None,
        min_length=1,
        max_length=255,
        description="For the statement text: file name relative to the YAML file's folder.",
    )
    sha256: Sha256 | None = Field(
        default=None, description="For the statement text: SHA-256 of the file's bytes."
    )
    language: LanguageTag | None = Field(default=None, description="Language of the source.")
    note: str | None = Field(default=None, min_length=1, description="How the source was used.")

    @model_validator(mode="after")
    def _statement_text_is_pinned(self) -> Source:
        if self.role == "statement_text":
            absent = [k for k in ("path", "sha256") if getattr(self, k) is None]
            if absent:
                raise PydanticCustomError(
                    "missing_keys",
                    "a statement_text source needs {keys}",
                    {"keys": " and ".join(absent)},
                )
        return self


class OtherName(Model):
    """A person's name in another script or language."""

    language: LanguageTag = Field(description="BCP 47 tag of the name's language and script.")
    name: str = text("The name as written in that language.")


class Person(Model):
    """The person who held an office at the meeting."""

    name: str = text("Full name as usually written in English (e.g. 'Kurt M. Campbell').")
    family_name: str | None = Field(default=None, min_length=1, description="Family name.")
    given_name: str | None = Field(default=None, min_length=1, description="Given name(s).")
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
    office: str = text("The office as the text styles it (e.g. 'Deputy Secretary of State').")
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

    name: str | None = Field(
        default=None, min_length=1, description="The venue (a building, an estate), where known."
    )
    locality: str | None = Field(default=None, min_length=1, description="Town or city.")
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

    name: str = text("Name of the series.")
    ordinal: PositiveInt | None = Field(
        default=None, description="Which meeting of the series (13 for the 13th)."
    )
    source: SourceRef = Field(description="Id of the source for the series and ordinal.")


class Meeting(Model):
    """What met, when and where."""

    name: str = text("The meeting's name.")
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
    name: str = text("Its name in full.")
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
    note: str | None = Field(default=None, min_length=1, description="The differences found.")


class JointStatement(Model):
    """A joint diplomatic statement (schema version 1)."""

    schema_version: SchemaVersion1 = Field(description="Version of this schema; always 1.")
    id: Slug = Field(description="Identifier of the statement, unique in a corpus.")
    title: str = text("The statement's title.")
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
    notes: str | None = Field(default=None, min_length=1, description="Editor's notes.")

    def actors_of(self, clause: ClauseBase) -> tuple[str, ...]:
        """The participant ids who perform ``clause`` (all participants when it names none)."""
        return (
            clause.actors if clause.actors is not None else tuple(p.id for p in self.participants)
        )

    @property
    def statement_text(self) -> Source:
        """The source holding the statement text (rules check there is exactly one)."""
        return next(s for s in self.sources if s.role == "statement_text")
