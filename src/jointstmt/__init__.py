"""jointstmt: a canonical, machine-checkable format for joint diplomatic statements.

The public API, re-exported here and imported lazily so that ``import jointstmt``
(and the CLI's start-up) costs nothing until a name is used::

    from jointstmt import JointStatement, load, loads, validate, json_schema, ValidationFailed
"""

from __future__ import annotations

from importlib import import_module

from jointstmt._version import __version__

# not `from typing import TYPE_CHECKING`: typing costs ~7 ms of a ~8 ms import
TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import Any

    from jointstmt.dump import dump, dumps
    from jointstmt.export import frames
    from jointstmt.findings import CODES, Finding
    from jointstmt.limits import Limits
    from jointstmt.model import JointStatement
    from jointstmt.schema_export import json_schema
    from jointstmt.validation import ValidationFailed, load, loads, validate

_LAZY = {
    "CODES": "jointstmt.findings",
    "Finding": "jointstmt.findings",
    "JointStatement": "jointstmt.model",
    "Limits": "jointstmt.limits",
    "ValidationFailed": "jointstmt.validation",
    "dump": "jointstmt.dump",
    "dumps": "jointstmt.dump",
    "frames": "jointstmt.export",
    "json_schema": "jointstmt.schema_export",
    "load": "jointstmt.validation",
    "loads": "jointstmt.validation",
    "validate": "jointstmt.validation",
}

__all__ = [
    "CODES",
    "Finding",
    "JointStatement",
    "Limits",
    "ValidationFailed",
    "__version__",
    "dump",
    "dumps",
    "frames",
    "json_schema",
    "load",
    "loads",
    "validate",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'jointstmt' has no attribute {name!r}")
