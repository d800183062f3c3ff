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

    from jointstmt.export import frames
    from jointstmt.fileio import read_statement_text
    from jointstmt.findings import CODES, FileResult, Finding
    from jointstmt.limits import Limits
    from jointstmt.model import JointStatement
    from jointstmt.runner import check_paths
    from jointstmt.schema_export import json_schema
    from jointstmt.serialize import dump, dumps
    from jointstmt.validation import ValidationFailed, load, loads, validate

_LAZY = {
    "CODES": "jointstmt.findings",
    "FileResult": "jointstmt.findings",
    "Finding": "jointstmt.findings",
    "JointStatement": "jointstmt.model",
    "Limits": "jointstmt.limits",
    "ValidationFailed": "jointstmt.validation",
    "check_paths": "jointstmt.runner",
    "dump": "jointstmt.serialize",
    "dumps": "jointstmt.serialize",
    "frames": "jointstmt.export",
    "json_schema": "jointstmt.schema_export",
    "load": "jointstmt.validation",
    "read_statement_text": "jointstmt.fileio",
    "loads": "jointstmt.validation",
    "validate": "jointstmt.validation",
}

__all__ = [
    "CODES",
    "FileResult",
    "Finding",
    "JointStatement",
    "Limits",
    "ValidationFailed",
    "__version__",
    "check_paths",
    "dump",
    "dumps",
    "frames",
    "json_schema",
    "load",
    "loads",
    "read_statement_text",
    "validate",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'jointstmt' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
