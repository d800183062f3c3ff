"""The registry of schema versions: what a file's ``schema_version`` selects.

Each version names its model class and its rules as ``"module:name"`` strings,
imported only when a file of that version is checked (the CLI starts without
pydantic), and the file name of its published JSON Schema. Adding a version is
one entry in :data:`VERSIONS`: the pipeline's dispatch, ``jointstmt schema
--version``'s choices and the list of schema files all read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import import_module

# not `from typing import TYPE_CHECKING`: the CLI reads this registry at start-up
TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import Any

    from pydantic import BaseModel


@dataclass(frozen=True, slots=True)
class Version:
    """One schema version: its number, model, rules and published schema file."""

    number: int
    model_name: str
    """``"module:Class"`` of the statement model."""
    rules_name: str
    """``"module:NAME"`` of the tuple of rule functions run on a valid statement."""

    @property
    def schema_file(self) -> str:
        """The published schema's file name (also the end of its ``$id``)."""
        return f"joint-statement-{self.number}.schema.json"

    def model(self) -> type[BaseModel]:
        """The statement model class (imported on first use)."""
        model: type[BaseModel] = _attribute(self.model_name)
        return model

    def rules(self) -> tuple[Any, ...]:
        """The rule functions, in the order they report (imported on first use)."""
        rules: tuple[Any, ...] = _attribute(self.rules_name)
        return rules


VERSIONS: dict[int, Version] = {
    1: Version(1, "jointstmt.model:JointStatement", "jointstmt.rules.v1:RULES"),
    2: Version(2, "jointstmt.model.v2:JointStatement", "jointstmt.rules.v2:RULES"),
}
"""Every supported version, by number."""

LATEST = max(VERSIONS)
"""The version ``jointstmt schema`` prints by default."""


def supported() -> str:
    """``1, 2``: the supported versions, for messages and help."""
    return ", ".join(map(str, VERSIONS))


@cache
def _attribute(reference: str) -> Any:
    module, _, name = reference.partition(":")
    return getattr(import_module(module), name)
