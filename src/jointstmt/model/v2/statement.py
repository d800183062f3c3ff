"""The version-2 statement: who speaks, who took part, which meetings, what was said.

Design (every choice below answers a real statement version 1 could not say):

* **Parties are not offices.** ``parties`` are the states, governments,
  organizations and groupings that make the statement or are bound by it
  (Popolo/FollowTheMoney: an organization is not a post). ``participants`` are
  the offices or delegations that took part, each on behalf of a party. A
  statement may have parties and no participants ("the Governments of ...").
* **No meeting is invented.** ``meetings`` holds zero or more meetings, each
  with its ``relation`` to the statement: the one it records, the summit it was
  held during, earlier rounds, planned or proposed meetings.
* **Nothing is guessed.** Where a vocabulary fact is required but the text
  does not state it, the value is ``not_stated``; there are no silent defaults.
* **Every fact outside the text cites sources** (a list: several sources may
  support one fact).
* **The body is marked.** ``body.span`` is the statement proper: title lines,
  datelines, signature blocks and end markers lie outside it; every sentence
  inside it belongs to a clause.
* **One work, several languages.** Files sharing a ``work`` id are language
  versions of one statement and use the same clause ids (Akoma Ntoso's FRBR
  work and expressions).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, StrictBool, WithJsonSchema

from jointstmt.model.base import Model
from jointstmt.model.clauses import Span
from jointstmt.model.types import (
    CountryCode,
    Date,
    InVocabulary,
    LanguageTag,
    NonEmptyText,
    OptionalText,
    PositiveInt,
    Sha256,
    Slug,
    SubdivisionCode,
    Time,
    TimeZoneName,
    Url,
    WikidataId,
    form,
)
from jointstmt.model.v2.clauses import Clause, ClauseBase
from jointstmt.model.vocabulary import (
    DOCUMENT_TYPES_2,
    ENTITY_KINDS_2,
    LEGAL_CHARACTERS,
    MEETING_FORMATS_2,
    MEETING_LEVELS_2,
    MEETING_MODES_2,
    MEETING_RELATIONS,
    PARTICIPANT_KINDS,
    PARTICIPANT_ROLES,
    PARTS,
    PARTY_KINDS,
    PARTY_ROLES,
    RANKS_2,
    SOURCE_ROLES_2,
    VERIFICATION_STATUSES,
)

DocumentType = Annotated[str, InVocabulary(DOCUMENT_TYPES_2)]
PartyKind = Annotated[str, InVocabulary(PARTY_KINDS)]
PartyRole = Annotated[str, InVocabulary(PARTY_ROLES)]
ParticipantKind = Annotated[str, InVocabulary(PARTICIPANT_KINDS)]
ParticipantRole = Annotated[str, InVocabulary(PARTICIPANT_ROLES)]
Rank = Annotated[str, InVocabulary(RANKS_2)]
MeetingRelation = Annotated[str, InVocabulary(MEETING_RELATIONS)]
MeetingFormat = Annotated[str, InVocabulary(MEETING_FORMATS_2)]
MeetingLevel = Annotated[str, InVocabulary(MEETING_LEVELS_2)]
MeetingMode = Annotated[str, InVocabulary(MEETING_MODES_2)]
EntityKind = Annotated[str, InVocabulary(ENTITY_KINDS_2)]
LegalCharacter = Annotated[str, InVocabulary(LEGAL_CHARACTERS)]
Verification = Annotated[str, InVocabulary(VERIFICATION_STATUSES)]
Part = Annotated[str, InVocabulary(PARTS)]


def _version(value: Any) -> Any:
    # JSON Schema's const 2 accepts 2 and 2.0, never true or "2"
    if isinstance(value, float) and value == 2:
        return 2
    return value


SchemaVersion2 = Annotated[Literal[2], BeforeValidator(_version)]

Sources = Annotated[
    tuple[Slug, ...],
    Field(min_length=1, description="Ids of the sources that support this fact (at least one)."),
]
OptionalSources = Annotated[
    tuple[Slug, ...],
    Field(
        description="Ids of the sources for facts the text does not state; empty when the text states them all."
    ),
]


class Capture(Model):
    """How the statement text was captured (so that anyone can fetch the same bytes)."""

    repository: OptionalText = Field(
        default=None, description="Repository it was taken from ('owner/name')."
    )
    path: OptionalText = Field(default=None, description="Path of the file in that repository.")
    commit: str | None = Field(
        default=None,
        pattern=form(
            r"^[0-9a-f]{7,64}$",
            "a commit hash: 7 to 64 lower-case hexadecimal digits",
            lambda value: value.strip().lower(),
        ),
        description="Commit of the repository the file was taken from.",
    )
    archive_url: Url | None = Field(default=None, description="An archived copy of the page.")
    retrieved: Date | None = Field(default=None, description="Date it was retrieved.")
    transformations: OptionalText = Field(
        default=None,
        description="What was changed between the capture and the shipped text (front matter removed, ...).",
    )


class StatementTextSource(Model):
    """The statement text, shipped beside the YAML and pinned by its SHA-256."""

    id: Slug = Field(description="Identifier of the source, unique in the statement.")
    role: Literal["statement_text"] = Field(description=SOURCE_ROLES_2["statement_text"].describe())
    path: str = Field(
        min_length=1,
        max_length=255,
        description="File name relative to the YAML file's folder.",
    )
    sha256: Sha256 = Field(description="SHA-256 of the file's bytes.")
    publisher: NonEmptyText = Field(description="Who published it (a ministry, a news service).")
    title: OptionalText = Field(default=None, description="Title of the page or document.")
    url: Url | None = Field(default=None, description="Where it was published.")
    published: Date | None = Field(default=None, description="Date it was published.")
    language: LanguageTag | None = Field(default=None, description="Language of the text.")
    capture: Capture | None = Field(default=None, description="How the text was captured.")
    note: OptionalText = Field(default=None, description="How the source was used.")


OutsideRole = Annotated[
    Literal["reference", "publication_record"],
    # published as a vocabulary publishes its values: each with its definition
    WithJsonSchema(
        {
            "type": "string",
            "oneOf": [
                {"const": role, "description": SOURCE_ROLES_2[role].describe()}
                for role in ("reference", "publication_record")
            ],
        }
    ),
]
"""The role of a source that is not the statement text."""


class OutsideSource(Model):
    """An outside source for facts the statement text does not state."""

    id: Slug = Field(description="Identifier of the source, unique in the statement.")
    role: OutsideRole = Field(description="What the source is.")
    publisher: NonEmptyText = Field(description="Who published it.")
    title: OptionalText = Field(default=None, description="Title of the page or document.")
    url: Url | None = Field(default=None, description="Where it was published.")
    published: Date | None = Field(default=None, description="Date it was published.")
    language: LanguageTag | None = Field(default=None, description="Language of the source.")
    capture: Capture | None = Field(default=None, description="How it was captured.")
    note: OptionalText = Field(default=None, description="What it supports and how it was used.")


Source = Annotated[StatementTextSource | OutsideSource, Field(discriminator="role")]
"""A source: the statement text, or an outside one."""


class Place(Model):
    """A place: any of its facts may be unknown, but what is given is sourced."""

    name: OptionalText = Field(
        default=None, description="The venue (a building, an estate), where known."
    )
    locality: OptionalText = Field(default=None, description="Town or city.")
    subdivision: SubdivisionCode | None = Field(
        default=None, description="ISO 3166-2 code of the subdivision (e.g. US-VA)."
    )
    country: CountryCode | None = Field(
        default=None, description="ISO 3166-1 alpha-2 code of the country, where known."
    )
    sources: OptionalSources = ()


class Location(Model):
    """Where something happened, in the text's words and, where known, as places."""

    wording: OptionalText = Field(
        default=None, description="How the text names it ('the Washington area')."
    )
    span: Span | None = Field(default=None, description="Where the text names it.")
    places: tuple[Place, ...] = Field(
        default=(), description="The places; several for several cities; none when unknown."
    )
    alternatives: StrictBool = Field(
        default=False,
        description="True when the places are alternatives (a meeting proposed for A or B).",
    )


class Party(Model):
    """A state, government, organization or grouping that makes or is bound by the statement."""

    id: Slug = Field(description="Identifier of the party, unique in the statement.")
    name: NonEmptyText = Field(
        description="The name as the text gives it ('the United States of America')."
    )
    short_name: OptionalText = Field(
        default=None, description="The short name the text defines for it ('the United States')."
    )
    aliases: tuple[str, ...] = Field(
        default=(), description="Other names the text uses for it ('the UAE', 'Washington')."
    )
    kind: PartyKind = Field(description="What kind of party it is.")
    role: PartyRole = Field(default="issuer", description="What the party does in the statement.")
    country: CountryCode | None = Field(
        default=None, description="ISO 3166-1 alpha-2 code, for a state or its government."
    )
    members: tuple[Slug, ...] = Field(
        default=(),
        description="For a grouping or organization: ids of its members named in the statement (parties or entities).",
    )
    span: Span | None = Field(default=None, description="Where the text names the party.")
    wikidata: WikidataId | None = Field(default=None, description="Wikidata item id.")
    sources: OptionalSources = ()


class OtherName(Model):
    """A name in another script or language."""

    language: LanguageTag = Field(description="BCP 47 tag of the name's language and script.")
    name: NonEmptyText = Field(description="The name as written in that language.")


class Person(Model):
    """The person who held an office."""

    name: NonEmptyText = Field(
        description="The name as the text or the source gives it: a full name where known ('Kurt M. Campbell'), a surname where that is all ('President Aoun')."
    )
    family_name: OptionalText = Field(default=None, description="Family name.")
    given_name: OptionalText = Field(default=None, description="Given name(s).")
    other_names: tuple[OtherName, ...] = Field(
        default=(), description="The name in other languages or scripts."
    )
    sources: Sources


class Participant(Model):
    """An office or delegation that took part, on behalf of a party."""

    id: Slug = Field(description="Identifier of the participant, unique in the statement.")
    party: Slug = Field(description="Id of the party the participant represents.")
    kind: ParticipantKind = Field(default="office", description="One office or a delegation.")
    office: NonEmptyText = Field(
        description="The office as the text styles it ('Deputy Secretary of State', 'senior officials')."
    )
    rank: Rank = Field(
        description="Normalized rank of the office; not_stated when the text gives none."
    )
    role: ParticipantRole | None = Field(
        default=None, description="What the participant does (head of delegation, signatory, ...)."
    )
    led_by: Slug | None = Field(
        default=None, description="For a delegation: id of the participant who leads it."
    )
    member_of: Slug | None = Field(
        default=None,
        description="Id of the delegation (a participant) this participant belongs to.",
    )
    person: Person | None = Field(default=None, description="Who held the office, where known.")
    span: Span | None = Field(default=None, description="Where the text names the participant.")
    signature: Span | None = Field(
        default=None, description="Where the participant signs (the signature block's lines)."
    )
    sources: OptionalSources = ()


class Series(Model):
    """The series a recurring meeting belongs to."""

    name: NonEmptyText = Field(description="Name of the series.")
    ordinal: PositiveInt | None = Field(
        default=None, description="Which meeting of the series (13 for the 13th)."
    )
    entity: Slug | None = Field(
        default=None, description="Id of the mechanism entity that holds the series."
    )
    sources: OptionalSources = ()


class Meeting(Model):
    """A meeting the statement records, was held during, recalls, plans or proposes."""

    id: Slug = Field(description="Identifier of the meeting, unique in the statement.")
    relation: MeetingRelation = Field(description="How the meeting relates to the statement.")
    name: OptionalText = Field(
        default=None, description="The meeting's name, where the text or a source gives one."
    )
    format: MeetingFormat = Field(description="How many parties met; not_stated when unknown.")
    level: MeetingLevel = Field(
        description="Normalized rank of the meeting; not_stated when unknown."
    )
    mode: MeetingMode = Field(
        description="In person, virtual, hybrid, a phone call, or not_stated."
    )
    series: Series | None = Field(default=None, description="The series, for a recurring meeting.")
    during: Slug | None = Field(
        default=None,
        description="Id of the meeting (relation occasion) on whose sidelines this one was held.",
    )
    start: Date | None = Field(default=None, description="First day (local date), where known.")
    end: Date | None = Field(
        default=None, description="Last day (local date; equal to start for one day), where known."
    )
    start_time: Time | None = Field(default=None, description="Local time it began.")
    end_time: Time | None = Field(default=None, description="Local time it ended.")
    time_zone: TimeZoneName | None = Field(
        default=None, description="IANA time zone of the dates and times."
    )
    timing: OptionalText = Field(
        default=None,
        description="When, in the text's words, for a meeting without exact dates ('later this year', 'annually').",
    )
    location: Location | None = Field(default=None, description="Where, as far as known.")
    host: Slug | None = Field(default=None, description="Id of the hosting party or entity.")
    attendees: tuple[Slug, ...] = Field(
        default=(),
        description="Ids of the parties or entities that met or are to meet, when not all the parties.",
    )
    span: Span | None = Field(default=None, description="Where the text mentions the meeting.")
    sources: OptionalSources = ()


class Signing(Model):
    """The facts of a document's signing."""

    date: Date | None = Field(default=None, description="Date of signing.")
    location: Location | None = Field(default=None, description="Place of signing.")
    originals: PositiveInt | None = Field(default=None, description="Number of originals signed.")
    languages: tuple[LanguageTag, ...] = Field(
        default=(), description="Languages of the originals."
    )
    sources: OptionalSources = ()


class Entity(Model):
    """A party or thing the clauses refer to: a state, a person, a document, a mechanism."""

    id: Slug = Field(
        description="Identifier, unique among parties, participants, entities and meetings."
    )
    name: NonEmptyText = Field(description="Its name in full.")
    kind: EntityKind = Field(description="What kind of entity it is.")
    aliases: tuple[str, ...] = Field(
        default=(), description="Other names the text uses for it ('North Korea', 'DPRK')."
    )
    country: CountryCode | None = Field(
        default=None, description="ISO 3166-1 alpha-2 code, for a state, government or place."
    )
    members: tuple[Slug, ...] = Field(
        default=(), description="For a grouping or organization: ids of members named."
    )
    office: OptionalText = Field(
        default=None, description="For a person: the office the text gives them."
    )
    date: Date | None = Field(
        default=None, description="For a document, instrument or event: its date."
    )
    identifier: OptionalText = Field(
        default=None, description="Its number or designation ('2735', 'Executive Order 14257')."
    )
    issuer: tuple[Slug, ...] = Field(
        default=(), description="Ids of the parties or entities that issued or adopted it."
    )
    legal_character: LegalCharacter | None = Field(
        default=None, description="For a document or instrument: binding or not."
    )
    signing: Signing | None = Field(default=None, description="For a signed document: its signing.")
    url: Url | None = Field(default=None, description="Where it is published.")
    statement: Slug | None = Field(
        default=None, description="Id of the statement of the corpus that this document is."
    )
    wikidata: WikidataId | None = Field(default=None, description="Wikidata item id.")
    sources: OptionalSources = ()
    note: OptionalText = Field(default=None, description="Editor's note.")


class Paragraph(Model):
    """A paragraph of the body."""

    number: PositiveInt = Field(description="Its number, counting from 1 within the body.")
    span: Span = Field(description="Where the paragraph sits in the statement text.")
    label: OptionalText = Field(
        default=None, description="The number or label printed before it ('1.', 'I.')."
    )
    verification: Verification | None = Field(
        default=None, description="How it compares with the official release, where checked."
    )
    note: OptionalText = Field(default=None, description="The differences found.")


class Section(Model):
    """A headed section of the body."""

    id: Slug = Field(description="Identifier of the section, unique in the statement.")
    heading: OptionalText = Field(default=None, description="The heading as printed.")
    span: Span = Field(description="Where the section (with its heading) sits in the text.")
    part: Part | None = Field(default=None, description="The part of the statement it belongs to.")


class Body(Model):
    """The statement proper, within the text file."""

    span: Span = Field(
        description="The statement proper: without title lines, datelines, signature blocks or end markers."
    )
    sections: tuple[Section, ...] = Field(default=(), description="Headed sections, if any.")
    paragraphs: tuple[Paragraph, ...] = Field(
        default=(), description="The body's paragraphs, in order."
    )


class JointStatement(Model):
    """A joint diplomatic statement (schema version 2)."""

    schema_version: SchemaVersion2 = Field(description="Version of this schema; always 2.")
    id: Slug = Field(description="Identifier of the statement, unique in a corpus.")
    work: Slug | None = Field(
        default=None,
        description="Id shared by the language versions of one statement; they share clause ids.",
    )
    title: NonEmptyText = Field(description="The statement's title.")
    document_type: DocumentType = Field(description="What kind of document it is.")
    language: LanguageTag = Field(description="BCP 47 tag of the statement text's language.")
    issued: Date = Field(description="Date the statement was released.")
    issued_time: Time | None = Field(default=None, description="Local time of release.")
    issued_time_zone: TimeZoneName | None = Field(
        default=None, description="IANA time zone of the release time."
    )
    issued_at: Location | None = Field(default=None, description="Place of issue, where known.")
    issued_sources: OptionalSources = ()
    sources: tuple[Source, ...] = Field(min_length=1, description="Where every fact comes from.")
    parties: tuple[Party, ...] = Field(
        min_length=1, description="Who makes the statement or is bound by it."
    )
    participants: tuple[Participant, ...] = Field(
        default=(), description="The offices or delegations that took part."
    )
    meetings: tuple[Meeting, ...] = Field(
        default=(), description="Meetings: the one recorded, its occasion, earlier and future ones."
    )
    entities: tuple[Entity, ...] = Field(
        default=(), description="Other parties and things the clauses refer to."
    )
    body: Body = Field(description="Where the statement proper sits in the text.")
    clauses: tuple[Clause, ...] = Field(
        min_length=1, description="What was said, clause by clause."
    )
    notes: OptionalText = Field(default=None, description="Editor's notes.")

    def actors_of(self, clause: ClauseBase) -> tuple[str, ...]:
        """The ids who perform ``clause`` (the issuing parties when it names none)."""
        if clause.actors is not None:
            return clause.actors
        return tuple(p.id for p in self.parties if p.role == "issuer")

    @property
    def statement_text(self) -> StatementTextSource:
        """The source holding the statement text (rules check there is exactly one)."""
        return next(s for s in self.sources if isinstance(s, StatementTextSource))

    @property
    def recorded_meeting(self) -> Meeting | None:
        """The meeting the statement records, if any."""
        return next((m for m in self.meetings if m.relation == "recorded"), None)
