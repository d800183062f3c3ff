"""The version-2 statement model (the recommended format)."""

from jointstmt.model.v2.clauses import Clause, ClauseBase
from jointstmt.model.v2.statement import (
    Body,
    Entity,
    JointStatement,
    Meeting,
    Participant,
    Party,
    Source,
)

__all__ = [
    "Body",
    "Clause",
    "ClauseBase",
    "Entity",
    "JointStatement",
    "Meeting",
    "Participant",
    "Party",
    "Source",
]
