"""Reporting: findings per file rendered as text, JSON or GitHub workflow commands.

Reporters know nothing about YAML or models: they receive plain results, one
file at a time, and write as they go (a corpus is never held in memory).

Paths and messages hold what a file's name and content hold, and may be read on a
terminal or in a CI log: text and GitHub output pass them through
:func:`jointstmt.terminal.safe` (one finding is one line, and no control sequence,
carriage return or bidirectional override reaches the reader raw). JSON output is
ASCII (``\\u`` escapes), so any output encoding carries it, and a file name that is
not UTF-8 is written with its bytes escaped (:func:`jointstmt.terminal.json_text`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Protocol, TextIO

from jointstmt.findings import FileResult
from jointstmt.terminal import json_text, safe

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

    def add_corpus(self, result: FileResult) -> None:
        """Count the corpus findings of a file already counted as valid (it no longer is)."""
        self.valid -= 1
        self.invalid += 1
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
        path = safe(result.path)
        for f in result.findings:
            self.out.write(f"{path}:{f.line}:{f.column}: {safe(f.code)}: {safe(f.message)}\n")

    def finish(self, summary: Summary) -> None:
        self.out.write(summary.line() + "\n")


@dataclass
class JsonReporter:
    """One JSON document: ``{"files": [...], "summary": {...}}``, streamed file by file."""

    out: TextIO
    _started: bool = field(default=False, init=False)

    def file(self, result: FileResult) -> None:
        self.out.write(",\n    " if self._started else '{\n  "files": [\n    ')
        self._started = True
        record = {
            "path": json_text(result.path),
            "valid": result.valid,
            "errors": [{**f.as_dict(), "message": json_text(f.message)} for f in result.findings],
        }
        self.out.write(json.dumps(record))

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
    """A workflow command's data: line breaks as GitHub decodes them, other controls escaped."""
    return safe(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


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
