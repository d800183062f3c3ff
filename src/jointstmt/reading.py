"""Statements for the data outputs (tables, event records, the rendered page), seen as version 2.

The outputs are written once, against version 2. A version-1 statement is read
as :func:`jointstmt.migrate.migrate_document` would write it (participants'
countries become parties, the meeting becomes ``meetings[0]`` with relation
``recorded``, ``source`` becomes ``sources``), so a corpus that mixes versions
gives one set of tables. Nothing is exported that did not validate.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from jointstmt.limits import Limits
from jointstmt.model.v2 import JointStatement


@dataclass(frozen=True, slots=True)
class Read:
    """A statement file that validated: the statement as version 2, and where it came from."""

    path: Path
    statement: JointStatement
    version: int
    """The ``schema_version`` the file declares."""

    def source_text(self) -> str:
        """The statement text beside the file, if its SHA-256 is still the recorded one.

        Raises :class:`jointstmt.fileio.ReadError` otherwise (the file changed since).
        """
        from jointstmt.fileio import read_pinned

        text = self.statement.statement_text
        return read_pinned(self.path.parent, text.path, text.sha256)


def read(path: str | Path, limits: Limits = Limits()) -> Read:
    """Load and validate ``path`` (any schema version), or raise ``ValidationFailed``."""
    from jointstmt.validation import load

    path = Path(path)
    statement = load(path, limits)
    return Read(path, as_version_2(statement), version_of(statement))


def version_of(statement: BaseModel) -> int:
    """The schema version of a statement model."""
    return 2 if isinstance(statement, JointStatement) else 1


def as_version_2(statement: BaseModel) -> JointStatement:
    """``statement`` (a version-1 or version-2 model) as a version-2 statement."""
    if isinstance(statement, JointStatement):
        return statement
    from jointstmt.migrate import migrate_document

    document = statement.model_dump(mode="json", exclude_defaults=True)
    migrate_document(document)
    return JointStatement.model_validate(document)
