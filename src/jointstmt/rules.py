"""Rules: what the statement must satisfy that JSON Schema cannot say.

Ids are unique, references resolve, dates are in order, registry codes exist
(ISO 3166-2, BCP 47 subtags, IANA time zones), and the statement text is the
pinned file beside the YAML, with every span quoting it exactly. Each check
appends located findings; all run in one pass over a valid model.

Source files are read only inside the statement's folder: a path that is
absolute, climbs out with ``..``, or resolves (through a symlink) outside it is
reported, never opened; so is anything there that is not a regular file of at
most :data:`MAX_SOURCE_BYTES` (a folder, a named pipe, a device, a huge file).
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from functools import cache
from pathlib import Path, PurePosixPath

from jointstmt._files import read_bounded, reason
from jointstmt.findings import Finding, excerpt, json_pointer
from jointstmt.loader import Positions
from jointstmt.model import JointStatement, Span
from jointstmt.model._iso3166 import SUBDIVISIONS

Path_ = tuple[str | int, ...]

#: The largest statement text read (its size is checked before reading): statement
#: texts run to kilobytes, and a bound keeps a huge or sparse file from exhausting memory.
MAX_SOURCE_BYTES = 64 * 1024 * 1024
# Opening a named pipe without O_NONBLOCK waits for a writer; O_NOFOLLOW refuses a
# symlink swapped in after the path was resolved. Neither exists on Windows.
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class _Report:
    """Collects findings, locating each by its path in the document."""

    def __init__(self, positions: Positions) -> None:
        self.positions = positions
        self.findings: list[Finding] = []

    def add(self, code: str, message: str, path: Path_) -> None:
        line, column = self.positions.of(path)
        self.findings.append(Finding(code, message, line, column, json_pointer(path)))


def check_rules(
    statement: JointStatement, positions: Positions, base_dir: Path | None
) -> list[Finding]:
    """All rule findings for a structurally valid statement (``base_dir=None``: skip files)."""
    report = _Report(positions)
    _unique_ids(statement, report)
    _references(statement, report)
    _dates(statement, report)
    _registries(statement, report)
    texts = [i for i, s in enumerate(statement.sources) if s.role == "statement_text"]
    if len(texts) != 1:
        report.add(
            "rule.statement_text",
            f"found {len(texts)} sources with role statement_text; exactly one is needed",
            ("sources",),
        )
    elif base_dir is not None:
        _statement_text(statement, texts[0], base_dir, report)
    return report.findings


def _duplicates(items: Iterable[tuple[str | int, Path_]], what: str, report: _Report) -> None:
    seen: dict[str | int, Path_] = {}
    for key, path in items:
        if key in seen:
            first = json_pointer(seen[key])
            report.add("rule.duplicate_id", f"{what} {key!r} is already used at {first}", path)
        else:
            seen[key] = path


def _unique_ids(s: JointStatement, report: _Report) -> None:
    _duplicates(
        ((x.id, ("sources", i, "id")) for i, x in enumerate(s.sources)), "source id", report
    )
    # participants and entities share one namespace: targets may name either
    parties = [(x.id, ("participants", i, "id")) for i, x in enumerate(s.participants)]
    parties += [(x.id, ("entities", i, "id")) for i, x in enumerate(s.entities)]
    _duplicates(parties, "participant or entity id", report)
    _duplicates(
        ((x.id, ("clauses", i, "id")) for i, x in enumerate(s.clauses)), "clause id", report
    )
    _duplicates(
        ((x.number, ("paragraphs", i, "number")) for i, x in enumerate(s.paragraphs)),
        "paragraph number",
        report,
    )


def _references(s: JointStatement, report: _Report) -> None:
    sources = {x.id for x in s.sources}
    participants = {x.id for x in s.participants}
    organizations = {x.id for x in s.entities if x.kind == "organization"}
    parties = participants | {x.id for x in s.entities}
    paragraphs = {x.number for x in s.paragraphs}

    def need(ref: str | int | None, known: set[str] | set[int], what: str, path: Path_) -> None:
        if ref is not None and ref not in known:
            listed = ", ".join(sorted(map(str, known))) or "none declared"
            report.add("rule.reference", f"{ref!r} is not a declared {what} ({listed})", path)

    need(s.meeting.source, sources, "source", ("meeting", "source"))
    if s.meeting.series is not None:
        need(s.meeting.series.source, sources, "source", ("meeting", "series", "source"))
    if s.meeting.location is not None:
        for i, place in enumerate(s.meeting.location.places):
            need(place.source, sources, "source", ("meeting", "location", "places", i, "source"))
    for i, p in enumerate(s.participants):
        need(
            p.organization,
            organizations,
            "organization entity",
            ("participants", i, "organization"),
        )
        if p.person is not None:
            need(p.person.source, sources, "source", ("participants", i, "person", "source"))
    for i, c in enumerate(s.clauses):
        for j, actor in enumerate(c.actors or ()):
            need(actor, participants, "participant", ("clauses", i, "actors", j))
        for j, target in enumerate(c.targets):
            need(target, parties, "participant or entity", ("clauses", i, "targets", j))
        if s.paragraphs:
            need(c.paragraph, paragraphs, "paragraph number", ("clauses", i, "paragraph"))


def _dates(s: JointStatement, report: _Report) -> None:
    m = s.meeting
    if m.end < m.start:
        report.add(
            "rule.date_order",
            f"the meeting ends ({m.end}) before it starts ({m.start})",
            ("meeting", "end"),
        )
    elif m.start == m.end and m.start_time and m.end_time and m.end_time < m.start_time:
        report.add(
            "rule.date_order",
            f"the meeting ends ({m.end_time:%H:%M}) before it starts ({m.start_time:%H:%M})",
            ("meeting", "end_time"),
        )
    if s.issued < m.start:
        report.add(
            "rule.date_order",
            f"the statement is issued ({s.issued}) before the meeting starts ({m.start})",
            ("issued",),
        )


def _registries(s: JointStatement, report: _Report) -> None:
    if s.meeting.location is not None:
        for i, place in enumerate(s.meeting.location.places):
            code = place.subdivision
            if code is None:
                continue
            path: Path_ = ("meeting", "location", "places", i, "subdivision")
            if code not in SUBDIVISIONS:
                report.add("rule.subdivision", f"{code!r} is not an ISO 3166-2 code", path)
            elif not code.startswith(place.country + "-"):
                report.add(
                    "rule.subdivision", f"{code!r} is not a subdivision of {place.country}", path
                )
    tags: list[tuple[str, Path_]] = [(s.language, ("language",))]
    tags += [
        (x.language, ("sources", i, "language")) for i, x in enumerate(s.sources) if x.language
    ]
    for i, p in enumerate(s.participants):
        if p.person is not None:
            tags += [
                (n.language, ("participants", i, "person", "other_names", j, "language"))
                for j, n in enumerate(p.person.other_names)
            ]
    for tag, path in tags:
        if not _known_language_tag(tag):
            report.add(
                "rule.language_tag", f"{tag!r} is not a registered BCP 47 language tag", path
            )
    zone = s.meeting.time_zone
    if zone is not None and not _known_time_zone(zone):
        report.add(
            "rule.time_zone",
            f"{zone!r} is not an IANA time zone (e.g. America/New_York, Asia/Seoul)",
            ("meeting", "time_zone"),
        )


@cache
def _known_language_tag(tag: str) -> bool:
    import langcodes  # 25 ms: only when a statement is checked

    return bool(langcodes.tag_is_valid(tag))


@cache
def _known_time_zone(name: str) -> bool:
    import zoneinfo

    return name in zoneinfo.available_timezones()


def _statement_text(s: JointStatement, index: int, base_dir: Path, report: _Report) -> None:
    source = s.sources[index]
    assert source.path is not None  # the model requires path and sha256
    assert source.sha256 is not None
    where: Path_ = ("sources", index, "path")
    data = _read_source(source.path, base_dir, where, report)
    if data is None:
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        report.add(
            "rule.source_missing", f"{source.path!r} cannot be read as UTF-8 text: {error}", where
        )
        return
    digest = hashlib.sha256(data).hexdigest()
    if digest != source.sha256:
        report.add(
            "rule.sha256",
            f"{source.path!r} has SHA-256 {digest}, not the recorded one; if the file was meant "
            "to change, update sha256 and re-check every span",
            ("sources", index, "sha256"),
        )
        return
    for i, p in enumerate(s.paragraphs):
        _span(p.span, text, ("paragraphs", i, "span"), report)
    paragraphs = {p.number: p.span for p in s.paragraphs}
    for i, c in enumerate(s.clauses):
        if not _span(c.span, text, ("clauses", i, "span"), report):
            continue
        if c.text != text[c.span.start : c.span.end]:
            report.add(
                "rule.span_text",
                f"text differs from the source at {c.span.start}:{c.span.end}, which reads "
                f"{excerpt(text[c.span.start : c.span.end])}; run 'jointstmt spans' to locate quotes",
                ("clauses", i, "text"),
            )
        outer = paragraphs.get(c.paragraph) if c.paragraph is not None else None
        if outer is not None and not (outer.start <= c.span.start and c.span.end <= outer.end):
            report.add(
                "rule.span",
                f"the span {c.span.start}:{c.span.end} leaves paragraph {c.paragraph} "
                f"({outer.start}:{outer.end})",
                ("clauses", i, "span"),
            )


def _read_source(name: str, base_dir: Path, where: Path_, report: _Report) -> bytes | None:
    """The bytes of the source file ``name`` in ``base_dir``, or None with a finding.

    Nothing outside the folder is opened: the path is checked as written, then
    resolved (through symlinks) and checked again. Opening without blocking and then
    asking the open file what it is (fstat) means a named pipe or a device is never
    read, and the size cap keeps a huge (or sparse) file out of memory.
    """
    relative = PurePosixPath(name)
    if relative.is_absolute() or "\\" in name or ".." in relative.parts:
        report.add(
            "rule.source_path",
            f"{name!r} must be a path inside the statement's folder, without '..'",
            where,
        )
        return None
    try:
        root = base_dir.resolve()
        target = (base_dir / relative).resolve()
    except (OSError, ValueError, RuntimeError) as error:  # RuntimeError: a symlink loop
        report.add("rule.source_missing", f"{name!r} cannot be opened: {reason(error)}", where)
        return None
    if not target.is_relative_to(root):
        report.add("rule.source_path", f"{name!r} resolves outside the statement's folder", where)
        return None
    try:
        fd = os.open(target, os.O_RDONLY | _O_NONBLOCK | _O_NOFOLLOW)
    except FileNotFoundError:
        report.add("rule.source_missing", f"{name!r} is not a file in {base_dir}", where)
        return None
    except (OSError, ValueError) as error:
        report.add("rule.source_missing", f"{name!r} cannot be opened: {reason(error)}", where)
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            problem = "is not a regular file (a folder, a named pipe or a device)"
        elif info.st_size > MAX_SOURCE_BYTES:
            problem = f"is larger than the limit of {MAX_SOURCE_BYTES:,} bytes for a statement text"
        else:
            with open(fd, "rb", closefd=False) as stream:
                data = read_bounded(stream, info.st_size, MAX_SOURCE_BYTES)
            if len(data) <= MAX_SOURCE_BYTES:  # st_size may understate (a growing file)
                return data
            problem = f"is larger than the limit of {MAX_SOURCE_BYTES:,} bytes for a statement text"
    except OSError as error:
        problem = f"cannot be read: {reason(error)}"
    finally:
        os.close(fd)
    report.add("rule.source_missing", f"{name!r} {problem}", where)
    return None


def _span(span: Span, text: str, path: Path_, report: _Report) -> bool:
    if span.start > span.end:
        report.add("rule.span", f"the span is reversed ({span.start} > {span.end})", path)
        return False
    if span.end > len(text):
        report.add(
            "rule.span",
            f"the span ends at {span.end}, past the end of the text ({len(text)})",
            path,
        )
        return False
    return True
