"""Rules: what a statement must satisfy that JSON Schema cannot say.

Each schema version lists its rules in one tuple (``jointstmt.rules.v1.RULES``),
one small function per finding code; :mod:`jointstmt.versions` says which tuple
a version runs. Rules run in that order on a structurally valid statement, and
each reports located findings through the :class:`~jointstmt.rules.common.Check`
it is given. What versions share (locating findings, reading the statement text
once, checking a span) is in :mod:`jointstmt.rules.common`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from jointstmt.findings import Finding
from jointstmt.loader import Positions
from jointstmt.rules.common import Check

if TYPE_CHECKING:
    from pydantic import BaseModel

    from jointstmt.versions import Version

__all__ = ["Check", "check_rules"]


def check_rules(
    version: Version, statement: BaseModel, positions: Positions, base_dir: Path | None
) -> list[Finding]:
    """All rule findings for a structurally valid statement (``base_dir=None``: skip files)."""
    check = Check(positions, base_dir)
    for rule in version.rules():
        rule(statement, check)
    return check.findings
