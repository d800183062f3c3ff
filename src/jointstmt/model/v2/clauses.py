"""Version-2 clauses: one typed speech act each, placed in the statement's structure.

``Clause`` is a union discriminated on ``type``. Each class carries the one
field that says what the act is about (``condemns``, ``commits_to``, ...), named
by its ``value_field`` so that tables need no per-type code. Definitions and
event-code crosswalks live in :data:`jointstmt.model.vocabulary.CLAUSE_TYPES_2`.

What version 2 adds to every clause, and why (from real statements):

* ``part``, ``parent`` and ``label``: preambles ("Recalling ...") differ from
  operative text; a chapeau ("The United States will:") governs numbered items.
* ``actors`` name parties *or* participants; absent, the speakers are the
  parties whose role is ``issuer`` (witnesses never speak by default).
* ``addressees`` (who is called upon, warned, invited) are kept apart from
  ``targets`` (what the clause is about); ``implied_targets`` are what the
  text plainly means but does not name.
* ``modality`` and ``condition``: the strength of an undertaking and what it
  depends on, instead of one undifferentiated ``commitment``.
* ``dates``, ``quantities``: deadlines, start dates, percentages and amounts
  as data; ``cites``: the documents and mechanisms a clause recalls, implements
  or reaffirms; ``relations``: reciprocal obligations and responses.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, Literal, get_args

from pydantic import AfterValidator, Field, StrictBool, StrictFloat, StrictInt, WithJsonSchema
from pydantic_core import PydanticCustomError

from jointstmt.findings import excerpt
from jointstmt.model.base import Model
from jointstmt.model.clauses import Span
from jointstmt.model.types import (
    CALENDAR_DATE_PATTERN,
    AlwaysTrue,
    InVocabulary,
    NonEmptyText,
    PositiveInt,
    Slug,
    form,
)
from jointstmt.model.vocabulary import (
    CITATION_RELATIONS,
    CLAUSE_RELATIONS,
    CLAUSE_TYPES_2,
    DATE_ROLES,
    MODALITIES,
    PARTS,
    QUANTITY_KINDS,
    QUANTITY_QUALIFIERS,
    TOPICS_2,
)

Topic = Annotated[str, InVocabulary(TOPICS_2)]
Part = Annotated[str, InVocabulary(PARTS)]
Modality = Annotated[str, InVocabulary(MODALITIES)]
DateRole = Annotated[str, InVocabulary(DATE_ROLES)]
QuantityKind = Annotated[str, InVocabulary(QUANTITY_KINDS)]
QuantityQualifier = Annotated[str, InVocabulary(QUANTITY_QUALIFIERS)]
CitationRelation = Annotated[str, InVocabulary(CITATION_RELATIONS)]
ClauseRelationType = Annotated[str, InVocabulary(CLAUSE_RELATIONS)]

#: A year, a month or a day: "by the end of 2025" is a year, not an invented day.
PARTIAL_DATE_PATTERN = form(
    r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
    "a date at the precision the text gives: YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025, 2025-07)",
)
_PARTIAL_DATE_RE = re.compile(PARTIAL_DATE_PATTERN)
# Published with the calendar spelt out for a day, as a Date is (CALENDAR_DATE_PATTERN): a
# validator that reads the pattern alone must refuse 2024-02-30 as _partial_date does.
PUBLISHED_PARTIAL_DATE_PATTERN = rf"^([0-9]{{4}}(-(0[1-9]|1[0-2]))?|{CALENDAR_DATE_PATTERN[1:-1]})$"


def _partial_date(value: str) -> str:
    import datetime as dt

    if _PARTIAL_DATE_RE.match(value) and len(value) == 10:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError(
                "date", "{value} is not a calendar date", {"value": excerpt(value)}
            ) from None
    return value


PartialDate = Annotated[
    str,
    Field(pattern=PARTIAL_DATE_PATTERN),
    AfterValidator(_partial_date),
    WithJsonSchema({"type": "string", "pattern": PUBLISHED_PARTIAL_DATE_PATTERN}),
]
"""An ISO 8601 date at the precision the text gives: ``2025``, ``2025-07`` or ``2025-07-22``."""

Number = Annotated[
    StrictInt | StrictFloat,
    WithJsonSchema({"type": "number"}),
]
"""A JSON number (never a string or a boolean)."""


class Condition(Model):
    """What an undertaking or offer depends on, quoted from the text."""

    text: NonEmptyText = Field(
        description="The condition as the text words it ('if Hamas accepts the proposal')."
    )
    span: Span | None = Field(default=None, description="Where the condition sits in the text.")


class ClauseDate(Model):
    """A date the clause sets or refers to."""

    role: DateRole = Field(description="What the date is to the act.")
    date: PartialDate | None = Field(
        default=None,
        description="The date at the precision the text gives; absent when the text gives none ('within 60 days').",
    )
    wording: NonEmptyText = Field(
        description="The words of the text ('by the end of 2025', 'within 60 days')."
    )


class Quantity(Model):
    """A number the clause states: a percentage, an amount, a count, a duration."""

    kind: QuantityKind = Field(description="What the quantity measures.")
    value: Number = Field(description="The number (19 for '19 percent').")
    unit: NonEmptyText = Field(
        description="The unit: 'percent', an ISO 4217 code, 'days', what is counted."
    )
    wording: NonEmptyText = Field(description="The words of the text ('19 percent', '$1 billion').")
    qualifier: QuantityQualifier | None = Field(
        default=None,
        description="How the text bounds it, where not exactly ('nearly', 'more than', 'up to').",
    )


class Citation(Model):
    """A document, instrument, agreement or mechanism the clause relates to."""

    entity: Slug = Field(description="Id of the entity cited.")
    relation: CitationRelation = Field(description="How the clause relates to it.")


class ClauseRelation(Model):
    """A link to another clause of the statement."""

    type: ClauseRelationType = Field(description="How this clause relates to the other.")
    clause: Slug = Field(description="Id of the other clause.")


def _type(value: str) -> Any:
    return Field(description=CLAUSE_TYPES_2[value].describe())


class ClauseBase(Model):
    """Fields every version-2 clause has, whatever its type."""

    #: The name of the type-specific field (e.g. ``condemns``), read by tables and tools.
    value_field: ClassVar[str] = ""

    id: Slug = Field(
        description="Identifier of the clause, unique in the statement (and shared by the language versions of one work)."
    )
    type: str = Field(description="The clause type; see the vocabulary clause_type.")
    text: NonEmptyText = Field(description="The clause quoted verbatim from the statement text.")
    span: Span = Field(description="Where ``text`` sits in the statement text (inside the body).")
    paragraph: PositiveInt | None = Field(
        default=None, description="Number of the body paragraph the clause belongs to."
    )
    part: Part | None = Field(
        default=None, description="Preamble, operative or closing; absent means operative."
    )
    parent: Slug | None = Field(
        default=None,
        description="Id of the chapeau clause whose item this clause is ('The United States will: 1. ...').",
    )
    label: str | None = Field(
        default=None,
        min_length=1,
        description="The item's label as printed ('1.', '(a)', 'First,').",
    )
    actors: tuple[Slug, ...] | None = Field(
        default=None,
        min_length=1,
        description="Ids of the parties or participants who perform the act (an entity where someone outside them joins in: 'together with the World Bank President, we welcome'); absent means every party whose role is issuer.",
    )
    addressees: tuple[Slug, ...] = Field(
        default=(),
        description="Ids of those called upon, warned, invited or thanked (parties, participants or entities).",
    )
    targets: tuple[Slug, ...] = Field(
        default=(), description="Ids of the parties, participants or entities the clause is about."
    )
    agents: tuple[Slug, ...] = Field(
        default=(),
        description="Ids of those who did or are to do the act the clause reports, when they are not its speakers ('Israel and Lebanon have accepted ...' said by the United States and France).",
    )
    implied_targets: tuple[Slug, ...] = Field(
        default=(),
        description="Ids of what the clause is plainly about without naming it (say why in the note).",
    )
    topics: tuple[Topic, ...] = Field(default=(), description="What the clause is about.")
    reaffirmed: StrictBool = Field(
        default=False,
        description="True when the clause restates a position stated before ('reaffirm', 'reiterate').",
    )
    modality: Modality | None = Field(
        default=None,
        description="The strength of the undertaking or position, where its verb gives one.",
    )
    condition: Condition | None = Field(
        default=None, description="What the act depends on, where the text makes it conditional."
    )
    dates: tuple[ClauseDate, ...] = Field(
        default=(), description="Deadlines, start and end dates and other dates the clause sets."
    )
    quantities: tuple[Quantity, ...] = Field(
        default=(), description="Percentages, amounts, counts and durations the clause states."
    )
    cites: tuple[Citation, ...] = Field(
        default=(), description="Documents, instruments and mechanisms the clause relates to."
    )
    relations: tuple[ClauseRelation, ...] = Field(
        default=(), description="Links to other clauses (reciprocal obligations, responses)."
    )
    note: str | None = Field(
        default=None, min_length=1, description="Editor's note: a typing decision, a doubt."
    )

    @property
    def value(self) -> str:
        """The type-specific value (what is condemned, committed to, welcomed, ...)."""
        return str(getattr(self, self.value_field))


class Reaffirmation(ClauseBase):
    """A restatement of a position, commitment or principle."""

    value_field: ClassVar[str] = "reaffirms"
    type: Literal["reaffirmation"] = _type("reaffirmation")
    reaffirms: NonEmptyText = Field(
        description="The position, commitment or principle that is restated."
    )
    reaffirmed: AlwaysTrue = Field(default=True, description="Always true for a reaffirmation.")


class Commitment(ClauseBase):
    """An undertaking."""

    value_field: ClassVar[str] = "commits_to"
    type: Literal["commitment"] = _type("commitment")
    commits_to: NonEmptyText = Field(description="What the parties undertake to do.")


class Condemnation(ClauseBase):
    """A denunciation."""

    value_field: ClassVar[str] = "condemns"
    type: Literal["condemnation"] = _type("condemnation")
    condemns: NonEmptyText = Field(description="The act or actor condemned.")


class Welcome(ClauseBase):
    """Approval of a development or initiative."""

    value_field: ClassVar[str] = "welcomes"
    type: Literal["welcome"] = _type("welcome")
    welcomes: NonEmptyText = Field(description="The development, initiative or act welcomed.")


class Concern(ClauseBase):
    """An expression of concern."""

    value_field: ClassVar[str] = "concerns"
    type: Literal["concern"] = _type("concern")
    concerns: NonEmptyText = Field(
        description="The situation or conduct the parties are concerned about."
    )


class Opposition(ClauseBase):
    """A statement of opposition."""

    value_field: ClassVar[str] = "opposes"
    type: Literal["opposition"] = _type("opposition")
    opposes: NonEmptyText = Field(description="The act, claim or policy opposed.")


class Support(ClauseBase):
    """Backing for an initiative, goal or party."""

    value_field: ClassVar[str] = "supports"
    type: Literal["support"] = _type("support")
    supports: NonEmptyText = Field(description="The initiative, goal, process or party supported.")


class Call(ClauseBase):
    """A call on others to act."""

    value_field: ClassVar[str] = "calls_for"
    type: Literal["call"] = _type("call")
    calls_for: NonEmptyText = Field(
        description="What the parties call for; whom they call on goes in ``addressees``."
    )


class Recognition(ClauseBase):
    """Recognition of a principle or fact."""

    value_field: ClassVar[str] = "recognizes"
    type: Literal["recognition"] = _type("recognition")
    recognizes: NonEmptyText = Field(description="The principle or fact recognized.")


class Acknowledgement(ClauseBase):
    """A fact noted without evaluation."""

    value_field: ClassVar[str] = "acknowledges"
    type: Literal["acknowledgement"] = _type("acknowledgement")
    acknowledges: NonEmptyText = Field(description="The fact or development noted.")


class PositionStatement(ClauseBase):
    """A standing position or assessment."""

    value_field: ClassVar[str] = "position"
    type: Literal["position_statement"] = _type("position_statement")
    position: NonEmptyText = Field(description="The position or assessment stated.")


class Condolence(ClauseBase):
    """Condolences or sympathy."""

    value_field: ClassVar[str] = "condolences_for"
    type: Literal["condolence"] = _type("condolence")
    condolences_for: NonEmptyText = Field(
        description="The loss for which condolences are expressed."
    )


class UnilateralAssurance(ClauseBase):
    """One party's assurance of its own commitment."""

    value_field: ClassVar[str] = "assures"
    type: Literal["unilateral_assurance"] = _type("unilateral_assurance")
    assures: NonEmptyText = Field(description="What the assuring party commits itself to.")


class Instruction(ClauseBase):
    """A task given to the parties' own officials."""

    value_field: ClassVar[str] = "instructs"
    type: Literal["instruction"] = _type("instruction")
    instructs: NonEmptyText = Field(description="The task given.")
    instructed: NonEmptyText = Field(
        description="Who is instructed, as the text says (e.g. 'our teams')."
    )


class FutureMeeting(ClauseBase):
    """A further meeting announced or looked forward to."""

    value_field: ClassVar[str] = "meeting"
    type: Literal["future_meeting"] = _type("future_meeting")
    meeting: NonEmptyText = Field(description="The meeting, as described.")
    meeting_id: Slug | None = Field(
        default=None,
        description="Id of the meeting (relation planned or proposed) in ``meetings``.",
    )
    when: str | None = Field(
        default=None, min_length=1, description="When, as the text says ('later this year')."
    )
    where: str | None = Field(
        default=None, min_length=1, description="Where, as the text says ('Seoul')."
    )


class ReportOfAction(ClauseBase):
    """An action reported as taken or under way."""

    value_field: ClassVar[str] = "action"
    type: Literal["report_of_action"] = _type("report_of_action")
    action: NonEmptyText = Field(description="The action reported.")


class Appreciation(ClauseBase):
    """Thanks or praise."""

    value_field: ClassVar[str] = "appreciates"
    type: Literal["appreciation"] = _type("appreciation")
    appreciates: NonEmptyText = Field(description="What is appreciated.")


class Congratulation(ClauseBase):
    """Congratulations on an achievement or occasion."""

    value_field: ClassVar[str] = "congratulates_on"
    type: Literal["congratulation"] = _type("congratulation")
    congratulates_on: NonEmptyText = Field(
        description="The achievement or occasion; whom in ``addressees``."
    )


class Invitation(ClauseBase):
    """An invitation to a meeting, process or membership."""

    value_field: ClassVar[str] = "invites_to"
    type: Literal["invitation"] = _type("invitation")
    invites_to: NonEmptyText = Field(description="What the addressees are invited to.")


class Recall(ClauseBase):
    """An earlier text, event or decision recalled as background."""

    value_field: ClassVar[str] = "recalls"
    type: Literal["recall"] = _type("recall")
    recalls: NonEmptyText = Field(
        description="What is recalled (the document itself goes in ``cites``)."
    )


class Establishment(ClauseBase):
    """A mechanism, programme or body created by the text."""

    value_field: ClassVar[str] = "establishes"
    type: Literal["establishment"] = _type("establishment")
    establishes: NonEmptyText = Field(
        description="What is created (its entity goes in ``cites`` as establishes)."
    )


class Demand(ClauseBase):
    """A demand that brooks no refusal."""

    value_field: ClassVar[str] = "demands"
    type: Literal["demand"] = _type("demand")
    demands: NonEmptyText = Field(description="What is demanded; of whom in ``addressees``.")


class Offer(ClauseBase):
    """An offer, usually conditional."""

    value_field: ClassVar[str] = "offers"
    type: Literal["offer"] = _type("offer")
    offers: NonEmptyText = Field(description="What is offered; the condition in ``condition``.")


class Warning(ClauseBase):
    """A warning of consequences."""

    value_field: ClassVar[str] = "warns_against"
    type: Literal["warning"] = _type("warning")
    warns_against: NonEmptyText = Field(
        description="The conduct warned against (and the consequence, where stated)."
    )


class Declaration(ClauseBase):
    """A formal declaration."""

    value_field: ClassVar[str] = "declares"
    type: Literal["declaration"] = _type("declaration")
    declares: NonEmptyText = Field(description="What is declared.")


class Discussion(ClauseBase):
    """A subject discussed (a readout)."""

    value_field: ClassVar[str] = "discussed"
    type: Literal["discussion"] = _type("discussion")
    discussed: NonEmptyText = Field(description="The subject discussed, consulted on or reviewed.")


class Expectation(ClauseBase):
    """A hope or expectation about a development."""

    value_field: ClassVar[str] = "expects"
    type: Literal["expectation"] = _type("expectation")
    expects: NonEmptyText = Field(description="What is hoped for or expected.")


Clause = Annotated[
    Reaffirmation
    | Commitment
    | Condemnation
    | Welcome
    | Concern
    | Opposition
    | Support
    | Call
    | Recognition
    | Acknowledgement
    | PositionStatement
    | Condolence
    | UnilateralAssurance
    | Instruction
    | FutureMeeting
    | ReportOfAction
    | Appreciation
    | Congratulation
    | Invitation
    | Recall
    | Establishment
    | Demand
    | Offer
    | Warning
    | Declaration
    | Discussion
    | Expectation,
    Field(discriminator="type"),
]
"""A version-2 clause, discriminated on ``type``."""

CLAUSE_CLASSES: dict[str, type[ClauseBase]] = {
    get_args(cls.model_fields["type"].annotation)[0]: cls for cls in get_args(get_args(Clause)[0])
}
"""Each version-2 clause type's class, by type name (read from the ``Clause`` union)."""
