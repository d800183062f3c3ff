"""Findings: what validation reports, and the one table of codes it may report.

A finding is plain data (no YAML, no pydantic), so reporters and API users can
render or filter it without knowing which layer produced it. Codes are stable:
they may be added, never renamed or removed; the README table is generated
from :data:`CODES`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from jointstmt.limits import (
    MAX_BYTES,
    MAX_DEPTH,
    MAX_FINDINGS,
    MAX_RUN_FINDINGS,
    MAX_SOURCE_BYTES,
    mib,
)

# not `from typing import TYPE_CHECKING`: typing costs milliseconds of the CLI's start-up
TYPE_CHECKING = False

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from pydantic import BaseModel

#: Every code a finding may carry, with what it means. Grouped by layer:
#: ``io`` (reading the file), ``yaml`` (parsing it), ``schema`` (the models and
#: the published JSON Schema), ``rule`` (cross-field checks JSON Schema cannot express).
CODES: dict[str, str] = {
    "io.not_found": "The file does not exist.",
    "io.unreadable": "The file exists but cannot be read (permissions, a directory, a device).",
    "io.walk": "A folder inside a folder being searched cannot be read; its files were not checked.",
    "io.symlink_outside": "A symbolic link inside a folder being searched leads out of it; it was not followed.",
    "io.worker": "The worker process checking the file stopped (killed, out of memory); the file was not checked.",
    "io.findings_cap": f"More findings than reported: the file's limit (--max-findings, default {MAX_FINDINGS:,}) "
    f"or the run's ({MAX_RUN_FINDINGS:,}) was reached; this finding says how many were left out.",
    "yaml.encoding": "The file is not valid UTF-8 (UTF-16, Latin-1, binary data).",
    "yaml.too_large": f"The file is larger than the size limit (default {mib(MAX_BYTES)}).",
    "yaml.empty": "The file holds no YAML document (empty, or only comments).",
    "yaml.syntax": "The file is not well-formed YAML.",
    "yaml.multiple_documents": "The file holds more than one YAML document.",
    "yaml.root": "The document is not a mapping (a list, a scalar or null at the top).",
    "yaml.duplicate_key": "A mapping names the same key twice.",
    "yaml.key": "A mapping key is not a string (a number, a list, a mapping, null).",
    "yaml.alias": "The file uses anchors, aliases or merge keys, which statements do not allow.",
    "yaml.tag": "The file uses a tag outside the YAML 1.2 core schema (e.g. !!python/..., !!binary).",
    "yaml.version": "The file declares a YAML version other than 1.2.",
    "yaml.too_deep": f"Nesting is deeper than the depth limit (default {MAX_DEPTH}).",
    "yaml.number": "A number that JSON cannot carry (NaN, infinity, or an integer over 2^53).",
    "schema.version": "schema_version is missing, not an integer, or a version this package does not support.",
    "schema.missing": "A required key is missing.",
    "schema.unknown_key": "A key that the schema does not define (keys are snake_case; see the schema).",
    "schema.type": "A value has the wrong type (e.g. a list where a string belongs).",
    "schema.vocabulary": "A value outside its vocabulary (clause type, rank, document type, topic, ...).",
    "schema.pattern": "A string does not match its required form (slug, ISO code, SHA-256, ...).",
    "schema.date": "A date or time that is malformed or impossible (2024-02-30).",
    "schema.range": "A number, string or list outside its allowed size (negative offset, empty list).",
    "schema.value": "A value that is invalid for another reason the message gives.",
    "rule.duplicate_id": "Two items in a collection share an id.",
    "rule.reference": "An id reference (actor, target, source, person) names nothing declared.",
    "rule.date_order": "Dates out of order (meeting end before start, issued before the meeting).",
    "rule.statement_text": "There must be exactly one source with role statement_text.",
    "rule.source_path": "A source path leaves the statement's folder (.., absolute, symlink).",
    "rule.source_missing": "A source file is missing, cannot be opened, is not a regular file, is over "
    f"{mib(MAX_SOURCE_BYTES)}, or is not UTF-8 text.",
    "rule.sha256": "A source file's SHA-256 differs from the one recorded.",
    "rule.span": "A span is reversed, runs past the end of the text, or leaves its paragraph (or, in version 2, the body).",
    "rule.span_text": "A clause's text differs from the source text at its span.",
    "rule.subdivision": "An ISO 3166-2 code that does not exist or belongs to another country.",
    "rule.language_tag": "A well-formed language tag with subtags unknown to the BCP 47 registry.",
    "rule.time_zone": "A time zone that is not in the IANA time zone database.",
    "rule.corpus_duplicate_id": "Two statements validated together share an id.",
    "rule.corpus_reference": "An entity names a statement that is not among the files validated together.",
    "rule.work_alignment": "Language versions of one work differ in clause ids or share a language.",
    "rule.parent_cycle": "Following a clause's parent leads back to the clause (version 2).",
    "rule.recorded_meeting": "More than one meeting has relation recorded (version 2).",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one file, located for the person who must fix it.

    ``line`` and ``column`` are 1-based positions of the offending node in the
    YAML file (for a missing key, its parent mapping; for the file as a whole,
    1 and 1). ``pointer`` is an RFC 6901 JSON Pointer into the document
    (``""`` for the whole document).
    """

    code: str
    message: str
    line: int = 1
    column: int = 1
    pointer: str = ""

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"undocumented finding code {self.code!r}")

    def as_dict(self) -> dict[str, str | int]:
        """The JSON form used by ``--format json``."""
        return asdict(self)


def excerpt(value: object, limit: int = 80) -> str:
    """``value`` as a quoted string for a message, cut to ``limit`` characters.

    Messages quote what the file says; a file can hold a 10 MiB value, and a message
    is read by a person.
    """
    text = value if isinstance(value, str) else repr(value)
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def shown(value: object, limit: int = 80) -> str:
    """A YAML value as a message shows it: a string quoted, a number, ``true``, ``null``, a list
    or mapping named and written in flow style (``a list ["Joint"]``), cut to ``limit``."""
    if isinstance(value, str):
        return excerpt(value, limit)
    if isinstance(value, list | dict):
        import json  # a list or mapping where a scalar belongs: only in a message

        kind = "list" if isinstance(value, list) else "mapping"
        if not value:
            return f"an empty {kind}"
        flow = json.dumps(value, ensure_ascii=False, default=str)
        return f"a {kind} {flow if len(flow) <= limit else flow[: limit - 3] + '...'}"
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    return excerpt(value, limit)[1:-1]


def nearest(word: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """The candidates most like ``word``, nearest first: at most ``n``, each with difflib's ratio
    of at least 0.6 and within 0.05 of the best (``head_of_govt`` is ``head_of_government``,
    not also ``head_of_state``)."""
    import difflib  # only a file with an error needs it

    matcher = difflib.SequenceMatcher(b=word)
    scored = []
    for candidate in candidates:
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6:
            ratio = matcher.ratio()
            if ratio >= 0.6:
                scored.append((ratio, candidate))
    scored.sort(key=lambda pair: -pair[0])
    return [c for ratio, c in scored[:n] if ratio >= scored[0][0] - 0.05]


def by_likeness(word: str, candidates: Iterable[str]) -> list[str]:
    """All of ``candidates``, the most like ``word`` first (ties keep their order)."""
    import difflib

    matcher = difflib.SequenceMatcher(b=word)

    def unlikeness(candidate: str) -> float:
        matcher.set_seq1(candidate)
        return -matcher.ratio()

    return sorted(candidates, key=unlikeness)


def did_you_mean(names: Sequence[str]) -> str:
    """``did you mean 'a', 'b' or 'c'?`` (names quoted as a message quotes values)."""
    quoted = [excerpt(name) for name in names]
    listed = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
    return f"did you mean {listed}?"


def a_or_an(noun: str) -> str:
    """``a rank``, ``an entity kind``: the article a reader says before ``noun``."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def capped(findings: list[Finding], limit: int, total: int | None = None) -> list[Finding]:
    """The first ``limit`` of ``total`` findings (default: all of ``findings``), and how many were left out.

    Past the limit, one ``io.findings_cap`` finding (at 1:1) says how many more the file
    has and how to see them.
    """
    total = len(findings) if total is None else total
    if total <= limit:
        return findings
    left_out = total - limit
    return [
        *findings[:limit],
        Finding(
            "io.findings_cap",
            f"{left_out:,} more finding{'s' if left_out != 1 else ''} not reported; "
            f"the limit is {limit:,} per file (raise it with --max-findings)",
        ),
    ]


def json_pointer(path: tuple[str | int, ...]) -> str:
    """RFC 6901 pointer for a path of keys and indexes (``~`` and ``/`` escaped)."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


@dataclass(frozen=True, slots=True)
class CorpusFacts:
    """What the corpus rules need of one valid statement, small enough to cross processes."""

    id: str
    work: str | None = None
    language: str = ""
    clause_ids: tuple[str, ...] = ()
    statement_refs: tuple[tuple[str, str], ...] = ()
    """``(statement id, JSON Pointer)`` of each entity that names another statement."""


@dataclass(frozen=True, slots=True)
class FileResult:
    """What checking one file gives: its findings, and the statement when it is valid.

    ``path`` is the file as the user named it (``-`` is standard input). The corpus
    runner leaves ``statement`` out (``None``): reporters need only the findings.
    """

    path: str
    findings: list[Finding]
    statement: BaseModel | None = None
    facts: CorpusFacts | None = None
    """For a valid statement, what the corpus rules check across files."""

    @property
    def valid(self) -> bool:
        """True when the file has no finding."""
        return not self.findings
