"""The validation pipeline: YAML -> structure -> rules, all reported as findings.

Each layer has its module: :mod:`jointstmt.loader` (YAML with positions),
:mod:`jointstmt.structure` (the version's model), :mod:`jointstmt.rules` (what
JSON Schema cannot say). Layers stop at the first that fails: rules need a
well-formed statement, and structure needs well-formed YAML. Every finding is
located in the YAML file (line, column, JSON Pointer), whichever layer found it.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from jointstmt._gc import collector_paused
from jointstmt.fileio import ReadError, read_file
from jointstmt.findings import FileResult, Finding, capped
from jointstmt.limits import Limits
from jointstmt.loader import LoadError, parse_yaml, too_large
from jointstmt.model import JointStatement
from jointstmt.rules import check_rules
from jointstmt.rules.corpus import corpus_facts
from jointstmt.structure import check_structure, version_of

STDIN = "-"


class ValidationFailed(Exception):
    """A statement did not validate; ``findings`` says why, each with its location."""

    def __init__(self, findings: list[Finding], path: str | None = None) -> None:
        self.findings = findings
        self.path = path
        where = f"{path}: " if path else ""
        first = findings[0]
        more = f" (and {len(findings) - 1} more)" if len(findings) > 1 else ""
        super().__init__(f"{where}{first.line}:{first.column}: {first.code}: {first.message}{more}")


def check_bytes(
    data: bytes, base_dir: Path | None, limits: Limits = Limits(), path: str = STDIN
) -> FileResult:
    """Validate one file's bytes. ``base_dir`` is the file's folder (``None``: skip source files)."""
    with collector_paused():
        return _check_bytes(data, base_dir, limits, path)


def _check_bytes(data: bytes, base_dir: Path | None, limits: Limits, path: str) -> FileResult:
    try:
        document = parse_yaml(data, limits)
    except LoadError as error:
        return FileResult(path, [error.finding])
    version = version_of(document)
    if isinstance(version, Finding):
        return FileResult(path, [version])
    statement = check_structure(document, version.model(), limits.max_findings)
    if isinstance(statement, list):
        return FileResult(path, statement)
    findings = capped(
        check_rules(version, statement, document.positions, base_dir), limits.max_findings
    )
    if findings:
        return FileResult(path, findings)
    return FileResult(path, findings, statement, corpus_facts(statement))


def check_file(path: Path, limits: Limits = Limits()) -> FileResult:
    """Validate one file; unreadable files are findings too."""
    try:
        data = read_file(path, limits.max_bytes)
    except ReadError as error:
        return FileResult(str(path), [_unread(path, error, limits)])
    return check_bytes(data, path.parent, limits, str(path))


def _unread(path: Path, error: ReadError, limits: Limits) -> Finding:
    if error.problem == "too_large":
        return too_large(error.size, limits)
    if error.problem == "not_found":
        return Finding("io.not_found", f"{path} does not exist")
    if error.problem == "not_regular":  # a FIFO or device would block or never end
        return Finding("io.unreadable", f"{path} is not a regular file")
    return Finding("io.unreadable", f"cannot read {path}: {error.cause}")


def _not_unicode(text: str, error: UnicodeEncodeError) -> Finding:
    """``yaml.encoding`` at the line and column of the first character UTF-8 cannot encode."""
    before = text[: error.start]
    line = before.count("\n") + 1
    column = error.start - (before.rfind("\n") + 1) + 1
    return Finding(
        "yaml.encoding",
        f"the text holds a lone surrogate (U+{ord(text[error.start]):04X}), "
        "which UTF-8 cannot encode",
        line,
        column,
    )


def validate(path: str | Path, limits: Limits = Limits()) -> list[Finding]:
    """The findings for one statement file (empty when valid); never raises on bad input."""
    return check_file(Path(path), limits).findings


def load(path: str | Path, limits: Limits = Limits()) -> JointStatement:
    """Load and fully validate a statement file (source files included), or raise ValidationFailed."""
    result = check_file(Path(path), limits)
    if result.statement is None:
        raise ValidationFailed(result.findings, str(path))
    return cast(JointStatement, result.statement)


def loads(
    text: str | bytes, base_dir: str | Path | None = None, limits: Limits = Limits()
) -> JointStatement:
    """Load a statement from YAML text, or raise ValidationFailed.

    Without ``base_dir`` the rules that read source files (presence, SHA-256,
    span text) are skipped, since there is no folder to read them from; every
    other check runs.
    """
    if isinstance(text, str):
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError as error:  # a lone surrogate: no file could hold it
            raise ValidationFailed([_not_unicode(text, error)]) from None
    else:
        data = text
    result = check_bytes(data, None if base_dir is None else Path(base_dir), limits)
    if result.statement is None:
        raise ValidationFailed(result.findings)
    return cast(JointStatement, result.statement)
