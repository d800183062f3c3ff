"""Clauses: what the parties said, one typed speech act at a time.

``Clause`` is a union discriminated on ``type``. Every clause type has one
class here, with the field that says what the act is about (``condemns``,
``commits_to``, ``welcomes``, ...); its definition and event-code crosswalk
live in :data:`jointstmt.model.vocabulary.CLAUSE_TYPES`, and a test keeps the
two in one-to-one correspondence. To add a type: a term there, a class here
(with its ``value_field``), and the class in ``Clause``.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, get_args

from pydantic import Field, StrictBool

from jointstmt.model.base import Model
from jointstmt.model.types import (
    AlwaysTrue,
    InVocabulary,
    NonEmptyText,
    NonNegativeInt,
    OptionalText,
    PositiveInt,
    Slug,
)
from jointstmt.model.vocabulary import CLAUSE_TYPES, TOPICS

Topic = Annotated[str, InVocabulary(TOPICS)]


class Span(Model):
    """Where a quote sits in the statement text: code-point offsets, ``text == source[start:end]``.

    Offsets count Unicode code points of the source file decoded as UTF-8, with
    no newline normalization (Python's ``str`` indexing).
    """

    start: NonNegativeInt = Field(description="Offset of the first code point of the quote.")
    end: NonNegativeInt = Field(description="Offset just past the last code point of the quote.")


def _type(value: str) -> Any:
    """Field for the ``type`` tag: required, described by the vocabulary."""
    return Field(description=CLAUSE_TYPES[value].describe())


class ClauseBase(Model):
    """Fields every clause has, whatever its type.

    Each clause type names, in ``value_field``, its field that says what the act is
    about (``condemns``, ``commits_to``, ...); ``value`` reads it, whatever the type.
    """

    value_field: ClassVar[str]
    """The name of the type-specific field that ``value`` returns."""

    id: Slug = Field(description="Identifier of the clause, unique in the statement.")
    type: str = Field(description="The clause type; see the vocabulary clause_type.")
    text: NonEmptyText = Field(description="The clause quoted verbatim from the statement text.")
    span: Span = Field(description="Where ``text`` sits in the statement text.")
    paragraph: PositiveInt | None = Field(
        default=None, description="Number of the statement paragraph the clause belongs to."
    )
    actors: tuple[Slug, ...] | None = Field(
        default=None,
        min_length=1,
        description="Ids of the participants who perform the act; absent means all participants.",
    )
    reaffirmed: StrictBool = Field(
        default=False,
        description="True when the clause restates a position stated before ('reaffirm', 'reiterate').",
    )
    targets: tuple[Slug, ...] = Field(
        default=(),
        description="Ids of the entities or participants the act is directed at or is about.",
    )
    topics: tuple[Topic, ...] = Field(default=(), description="What the clause is about.")
    note: OptionalText = Field(
        default=None, description="Editor's note: a typing decision, a doubt."
    )

    @property
    def value(self) -> str:
        """What the act is about: the value of the type's ``value_field``."""
        value: str = getattr(self, self.value_field)
        return value


class Reaffirmation(ClauseBase):
    """A restatement of a position, commitment or principle."""

    type: Literal["reaffirmation"] = _type("reaffirmation")
    value_field: ClassVar[str] = "reaffirms"
    reaffirms: NonEmptyText = Field(
        description="The position, commitment or principle that is restated."
    )
    reaffirmed: AlwaysTrue = Field(default=True, description="Always true for a reaffirmation.")


class Commitment(ClauseBase):
    """An undertaking."""

    type: Literal["commitment"] = _type("commitment")
    value_field: ClassVar[str] = "commits_to"
    commits_to: NonEmptyText = Field(description="What the parties undertake to do.")


class Condemnation(ClauseBase):
    """A denunciation."""

    type: Literal["condemnation"] = _type("condemnation")
    value_field: ClassVar[str] = "condemns"
    condemns: NonEmptyText = Field(description="The act or actor condemned.")


class Welcome(ClauseBase):
    """Approval of a development or initiative."""

    type: Literal["welcome"] = _type("welcome")
    value_field: ClassVar[str] = "welcomes"
    welcomes: NonEmptyText = Field(description="The development, initiative or act welcomed.")


class Concern(ClauseBase):
    """An expression of concern."""

    type: Literal["concern"] = _type("concern")
    value_field: ClassVar[str] = "concerns"
    concerns: NonEmptyText = Field(
        description="The situation or conduct the parties are concerned about."
    )


class Opposition(ClauseBase):
    """A statement of opposition."""

    type: Literal["opposition"] = _type("opposition")
    value_field: ClassVar[str] = "opposes"
    opposes: NonEmptyText = Field(description="The act, claim or policy opposed.")


class Support(ClauseBase):
    """Backing for an initiative, goal or party."""

    type: Literal["support"] = _type("support")
    value_field: ClassVar[str] = "supports"
    supports: NonEmptyText = Field(description="The initiative, goal, process or party supported.")


class Call(ClauseBase):
    """A call on others to act."""

    type: Literal["call"] = _type("call")
    value_field: ClassVar[str] = "calls_for"
    calls_for: NonEmptyText = Field(
        description="What the parties call for; whom they call on goes in ``targets``."
    )


class Recognition(ClauseBase):
    """Recognition of the importance or truth of something."""

    type: Literal["recognition"] = _type("recognition")
    value_field: ClassVar[str] = "recognizes"
    recognizes: NonEmptyText = Field(description="The principle or fact recognized.")


class Acknowledgement(ClauseBase):
    """A neutral noting of a fact."""

    type: Literal["acknowledgement"] = _type("acknowledgement")
    value_field: ClassVar[str] = "acknowledges"
    acknowledges: NonEmptyText = Field(description="The fact or development noted.")


class PositionStatement(ClauseBase):
    """A standing position or assessment."""

    type: Literal["position_statement"] = _type("position_statement")
    value_field: ClassVar[str] = "position"
    position: NonEmptyText = Field(description="The position or assessment stated.")


class Condolence(ClauseBase):
    """Condolences or sympathy."""

    type: Literal["condolence"] = _type("condolence")
    value_field: ClassVar[str] = "condolences_for"
    condolences_for: NonEmptyText = Field(
        description="The loss for which condolences are expressed."
    )


class UnilateralAssurance(ClauseBase):
    """One party's assurance to the others."""

    type: Literal["unilateral_assurance"] = _type("unilateral_assurance")
    value_field: ClassVar[str] = "assures"
    assures: NonEmptyText = Field(description="What the assuring party commits itself to.")


class Instruction(ClauseBase):
    """A direction to the parties' own officials."""

    type: Literal["instruction"] = _type("instruction")
    value_field: ClassVar[str] = "instructs"
    instructs: NonEmptyText = Field(description="The task given.")
    instructed: NonEmptyText = Field(
        description="Who is instructed, as the text says (e.g. 'our teams')."
    )


class FutureMeeting(ClauseBase):
    """A further meeting announced or looked forward to."""

    type: Literal["future_meeting"] = _type("future_meeting")
    value_field: ClassVar[str] = "meeting"
    meeting: NonEmptyText = Field(description="The meeting, as described.")
    when: OptionalText = Field(
        default=None, description="When, as the text says ('later this year')."
    )
    where: OptionalText = Field(default=None, description="Where, as the text says ('Seoul').")


class ReportOfAction(ClauseBase):
    """An action already taken or under way."""

    type: Literal["report_of_action"] = _type("report_of_action")
    value_field: ClassVar[str] = "action"
    action: NonEmptyText = Field(description="The action reported.")


class Appreciation(ClauseBase):
    """Thanks or praise for another party."""

    type: Literal["appreciation"] = _type("appreciation")
    value_field: ClassVar[str] = "appreciates"
    appreciates: NonEmptyText = Field(description="What is appreciated.")


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
    | Appreciation,
    Field(discriminator="type"),
]
"""Any clause; ``type`` selects the class."""

CLAUSE_CLASSES: dict[str, type[ClauseBase]] = {
    get_args(cls.model_fields["type"].annotation)[0]: cls for cls in get_args(get_args(Clause)[0])
}
"""Clause class by ``type`` value, in the order of the ``Clause`` union."""
