"""Reporting: findings per file rendered as text, JSON or GitHub workflow commands.

Reporters know nothing about YAML or models: they receive plain results, one
file at a time, and write as they go (a corpus is never held in memory).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Protocol, TextIO

from jointstmt.findings import FileResult

__all__ = [
    "REPORTERS",
    "FileResult",
    "GithubReporter",
    "JsonReporter",
    "Reporter",
    "Summary",
    "TextReporter",
]


@dataclass(slots=True)
class Summary:
    """Counts over a run."""

    files: int = 0
    valid: int = 0
    invalid: int = 0
    errors: int = 0

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.valid += result.valid
        self.invalid += not result.valid
        self.errors += len(result.findings)

    def line(self) -> str:
        """``3 files checked: 2 valid, 1 invalid, 4 errors``."""
        files = "file" if self.files == 1 else "files"
        errors = "error" if self.errors == 1 else "errors"
        return (
            f"{self.files} {files} checked: {self.valid} valid, "
            f"{self.invalid} invalid, {self.errors} {errors}"
        )


class Reporter(Protocol):
    """Receives each file's result as it is ready, then the summary."""

    def file(self, result: FileResult) -> None: ...

    def finish(self, summary: Summary) -> None: ...


@dataclass
class TextReporter:
    """``path:line:column: code: message``, one line per finding, then a summary line."""

    out: TextIO

    def file(self, result: FileResult) -> None:
        for f in result.findings:
            message = _one_line(f.message)
            self.out.write(f"{_one_line(result.path)}:{f.line}:{f.column}: {f.code}: {message}\n")

    def finish(self, summary: Summary) -> None:
        self.out.write(summary.line() + "\n")


def _one_line(text: str) -> str:
    """``text`` with its line breaks escaped (``\\n``), so that one finding is one line."""
    return _BREAKS.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)


#: What splitlines() (and a terminal, or a log reader) may take for the end of a line.
_BREAKS = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


@dataclass
class JsonReporter:
    """One JSON document: ``{"files": [...], "summary": {...}}``, streamed file by file."""

    out: TextIO
    _started: bool = field(default=False, init=False)

    def file(self, result: FileResult) -> None:
        self.out.write(",\n    " if self._started else '{\n  "files": [\n    ')
        self._started = True
        record = {
            "path": result.path,
            "valid": result.valid,
            "errors": [f.as_dict() for f in result.findings],
        }
        self.out.write(json.dumps(record, ensure_ascii=False))

    def finish(self, summary: Summary) -> None:
        self.out.write("\n  ],\n" if self._started else '{\n  "files": [],\n')
        counts = {
            "files": summary.files,
            "valid": summary.valid,
            "invalid": summary.invalid,
            "errors": summary.errors,
        }
        self.out.write(f'  "summary": {json.dumps(counts)}\n}}\n')


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass
class GithubReporter:
    """GitHub Actions workflow commands: an ``::error`` annotation per finding."""

    out: TextIO

    def file(self, result: FileResult) -> None:
        for f in result.findings:
            props = (
                f"file={_escape_property(result.path)},line={f.line},col={f.column},"
                f"title={_escape_property(f.code)}"
            )
            self.out.write(f"::error {props}::{_escape_data(f.message)}\n")

    def finish(self, summary: Summary) -> None:
        self.out.write(summary.line() + "\n")


REPORTERS: dict[str, type[TextReporter] | type[JsonReporter] | type[GithubReporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
}
"""Reporter class by ``--format`` name."""
