"""Clauses: what the parties said, one typed speech act at a time.

``Clause`` is a union discriminated on ``type``. Every clause type has one
class here, with the field that says what the act is about (``condemns``,
``commits_to``, ``welcomes``, ...); its definition and event-code crosswalk
live in :data:`jointstmt.model.vocabulary.CLAUSE_TYPES`, and a test keeps the
two in one-to-one correspondence. To add a type: a term there, a class here,
and the class in ``Clause``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from jointstmt.model.base import Model
from jointstmt.model.types import (
    AlwaysTrue,
    Bool,
    InVocabulary,
    NonNegativeInt,
    PositiveInt,
    Slug,
    text,
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
    """Fields every clause has, whatever its type."""

    id: Slug = Field(description="Identifier of the clause, unique in the statement.")
    type: str = Field(description="The clause type; see the vocabulary clause_type.")
    text: str = text("The clause quoted verbatim from the statement text.")
    span: Span = Field(description="Where ``text`` sits in the statement text.")
    paragraph: PositiveInt | None = Field(
        default=None, description="Number of the statement paragraph the clause belongs to."
    )
    actors: tuple[Slug, ...] | None = Field(
        default=None,
        min_length=1,
        description="Ids of the participants who perform the act; absent means all participants.",
    )
    reaffirmed: Bool = Field(
        default=False,
        description="True when the clause restates a position stated before ('reaffirm', 'reiterate').",
    )
    targets: tuple[Slug, ...] = Field(
        default=(),
        description="Ids of the entities or participants the act is directed at or is about.",
    )
    topics: tuple[Topic, ...] = Field(default=(), description="What the clause is about.")
    note: str | None = Field(
        default=None, min_length=1, description="Editor's note: a typing decision, a doubt."
    )


class Reaffirmation(ClauseBase):
    """A restatement of a position, commitment or principle."""

    type: Literal["reaffirmation"] = _type("reaffirmation")
    reaffirms: str = text("The position, commitment or principle that is restated.")
    reaffirmed: AlwaysTrue = Field(default=True, description="Always true for a reaffirmation.")


class Commitment(ClauseBase):
    """An undertaking."""

    type: Literal["commitment"] = _type("commitment")
    commits_to: str = text("What the parties undertake to do.")


class Condemnation(ClauseBase):
    """A denunciation."""

    type: Literal["condemnation"] = _type("condemnation")
    condemns: str = text("The act or actor condemned.")


class Welcome(ClauseBase):
    """Approval of a development or initiative."""

    type: Literal["welcome"] = _type("welcome")
    welcomes: str = text("The development, initiative or act welcomed.")


class Concern(ClauseBase):
    """An expression of concern."""

    type: Literal["concern"] = _type("concern")
    concerns: str = text("The situation or conduct the parties are concerned about.")


class Opposition(ClauseBase):
    """A statement of opposition."""

    type: Literal["opposition"] = _type("opposition")
    opposes: str = text("The act, claim or policy opposed.")


class Support(ClauseBase):
    """Backing for an initiative, goal or party."""

    type: Literal["support"] = _type("support")
    supports: str = text("The initiative, goal, process or party supported.")


class Call(ClauseBase):
    """A call on others to act."""

    type: Literal["call"] = _type("call")
    calls_for: str = text("What the parties call for; whom they call on goes in ``targets``.")


class Recognition(ClauseBase):
    """Recognition of the importance or truth of something."""

    type: Literal["recognition"] = _type("recognition")
    recognizes: str = text("The principle or fact recognized.")


class Acknowledgement(ClauseBase):
    """A neutral noting of a fact."""

    type: Literal["acknowledgement"] = _type("acknowledgement")
    acknowledges: str = text("The fact or development noted.")


class PositionStatement(ClauseBase):
    """A standing position or assessment."""

    type: Literal["position_statement"] = _type("position_statement")
    position: str = text("The position or assessment stated.")


class Condolence(ClauseBase):
    """Condolences or sympathy."""

    type: Literal["condolence"] = _type("condolence")
    condolences_for: str = text("The loss for which condolences are expressed.")


class UnilateralAssurance(ClauseBase):
    """One party's assurance to the others."""

    type: Literal["unilateral_assurance"] = _type("unilateral_assurance")
    assures: str = text("What the assuring party commits itself to.")


class Instruction(ClauseBase):
    """A direction to the parties' own officials."""

    type: Literal["instruction"] = _type("instruction")
    instructs: str = text("The task given.")
    instructed: str = text("Who is instructed, as the text says (e.g. 'our teams').")


class FutureMeeting(ClauseBase):
    """A further meeting announced or looked forward to."""

    type: Literal["future_meeting"] = _type("future_meeting")
    meeting: str = text("The meeting, as described.")
    when: str | None = Field(
        default=None, min_length=1, description="When, as the text says ('later this year')."
    )
    where: str | None = Field(
        default=None, min_length=1, description="Where, as the text says ('Seoul')."
    )


class ReportOfAction(ClauseBase):
    """An action already taken or under way."""

    type: Literal["report_of_action"] = _type("report_of_action")
    action: str = text("The action reported.")


class Appreciation(ClauseBase):
    """Thanks or praise for another party."""

    type: Literal["appreciation"] = _type("appreciation")
    appreciates: str = text("What is appreciated.")


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
    cls.model_fields["type"].annotation.__args__[0]: cls  # type: ignore[union-attr]
    for cls in ClauseBase.__subclasses__()
}
"""Clause class by ``type`` value."""
