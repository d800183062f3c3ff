"""The statement model: reusable types, vocabularies, clauses and the statement."""

from jointstmt.model.clauses import CLAUSE_CLASSES, Clause, ClauseBase, Span
from jointstmt.model.statement import (
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
    StatementTextSource,
)

__all__ = [
    "CLAUSE_CLASSES",
    "Clause",
    "ClauseBase",
    "Entity",
    "JointStatement",
    "Location",
    "Meeting",
    "OtherName",
    "OtherSource",
    "Paragraph",
    "Participant",
    "Person",
    "Place",
    "Series",
    "Source",
    "Span",
    "StatementTextSource",
]
