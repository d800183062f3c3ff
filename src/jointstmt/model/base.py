"""The configuration every model shares."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """Immutable, closed (unknown keys are errors), hashable models.

    Fields never coerce across JSON types (see :mod:`jointstmt.model.types`),
    so a document the models accept is one the published schema accepts.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
