"""What the rules of every version share: locating findings, the statement text, spans.

Also what their messages share: the nearest declared ids for an unknown reference
(:func:`unknown_reference`), and the registries behind ``rule.language_tag`` and
``rule.time_zone``, loaded once and only when a statement is checked.

The statement text is read once per statement, through :func:`jointstmt.fileio.read_inside`
(inside the statement's folder only, regular files only, at most
:data:`jointstmt.limits.MAX_SOURCE_BYTES`), and the rules that need it (path,
presence, SHA-256, spans) ask :meth:`Check.source` for it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jointstmt.fileio import ReadError, read_inside
from jointstmt.findings import Finding, did_you_mean, json_pointer, nearest
from jointstmt.limits import MAX_SOURCE_BYTES
from jointstmt.loader import Positions

Path_ = tuple[str | int, ...]
Rule = Callable[[Any, "Check"], None]
"""A rule: reads a statement, reports findings of one code to the check."""


@dataclass(frozen=True, slots=True)
class SourceText:
    """The outcome of reading a statement text: the text, or the finding that stops it.

    ``problem`` is ``(code, message)`` when the file cannot be used; ``digest`` is
    the SHA-256 of its bytes when it was read.
    """

    text: str | None = None
    digest: str | None = None
    problem: tuple[str, str] | None = None


class Check:
    """One statement's rule check: collects findings, locating each by its path in the document."""

    def __init__(self, positions: Positions, base_dir: Path | None) -> None:
        self.positions = positions
        self.base_dir = base_dir
        self.findings: list[Finding] = []
        self._sources: dict[str, SourceText] = {}

    def report(self, code: str, message: str, path: Path_) -> None:
        """Add a finding located at ``path`` (keys and indexes into the document)."""
        line, column = self.positions.of(path)
        self.findings.append(Finding(code, message, line, column, json_pointer(path)))

    def source(self, name: str) -> SourceText | None:
        """The statement text ``name`` beside the statement (read once); ``None`` with no folder."""
        if self.base_dir is None:
            return None
        if name not in self._sources:
            self._sources[name] = read_source(self.base_dir, name)
        return self._sources[name]


def read_source(folder: Path, name: str) -> SourceText:
    """Read and decode the statement text ``name`` in ``folder``."""
    try:
        data = read_inside(folder, name, MAX_SOURCE_BYTES)
    except ReadError as error:
        code = "rule.source_path" if error.problem == "outside" else "rule.source_missing"
        detail = f"{error} for a statement text" if error.problem == "too_large" else str(error)
        return SourceText(problem=(code, f"{name!r} {detail}"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return SourceText(
            problem=("rule.source_missing", f"{name!r} cannot be read as UTF-8 text: {error}")
        )
    return SourceText(text, hashlib.sha256(data).hexdigest())


def duplicates(items: Iterable[tuple[str | int, Path_]], what: str, check: Check) -> None:
    """Report each key already seen, naming where it was first used."""
    seen: dict[str | int, Path_] = {}
    for key, path in items:
        if key in seen:
            first = json_pointer(seen[key])
            check.report("rule.duplicate_id", f"{what} {key!r} is already used at {first}", path)
        else:
            seen[key] = path


def span_problem(start: int, end: int, text: str) -> str | None:
    """Why the span ``start:end`` cannot be cut from ``text``, or ``None``."""
    if start > end:
        return f"the span is reversed ({start} > {end})"
    if end > len(text):
        return f"the span ends at {end}, past the end of the text ({len(text)})"
    return None


def unknown_reference(ref: str | int, known: set[str] | set[int], what: str) -> str:
    """``'ukrain' is not a declared participant or entity (did you mean 'ukraine'?)``.

    The nearest declared ids, not all of them (a statement can declare 33); all of them when
    none is near and there are few; paragraph numbers as their range.
    """
    if all(isinstance(k, int) for k in known) and known:
        numbers = sorted(int(k) for k in known)
        hint = (
            f"declared: {numbers[0]} to {numbers[-1]}"
            if len(numbers) > 8
            else ("declared: " + ", ".join(map(str, numbers)))
        )
        return f"{ref!r} is not a declared {what} ({hint})"
    names = sorted(map(str, known))
    near = nearest(str(ref), names)
    if near:
        hint = did_you_mean(near)
    elif not names:
        hint = f"no {what} is declared"
    elif len(names) <= 8:
        hint = "declared: " + ", ".join(names)
    else:
        hint = f"{len(names)} are declared, none alike"
    return f"{ref!r} is not a declared {what} ({hint})"


@cache
def known_language_tag(tag: str) -> bool:
    """Whether every subtag of ``tag`` is in the BCP 47 registry."""
    import langcodes  # 25 ms: only when a statement is checked

    return bool(langcodes.tag_is_valid(tag))


@cache
def _time_zones() -> frozenset[str]:
    import zoneinfo

    return frozenset(zoneinfo.available_timezones())


def known_time_zone(name: str) -> bool:
    """Whether ``name`` is in the IANA time zone database."""
    return name in _time_zones()


def time_zone_problem(name: str) -> str:
    """``'Seoul' is not an IANA time zone (did you mean 'Asia/Seoul'?)``: a city's zone, or the
    nearest names."""
    spelt = name.strip().replace(" ", "_").casefold()
    cities = sorted(z for z in _time_zones() if z.rsplit("/", 1)[-1].casefold() == spelt)
    near = cities or nearest(name, sorted(_time_zones()))
    hint = did_you_mean(near) if near else "e.g. America/New_York, Asia/Seoul"
    return f"{name!r} is not an IANA time zone ({hint})"


# --- the statement text: the same rules in every version ---------------------------------


def statement_text(s: Any, check: Check) -> None:
    """rule.statement_text: exactly one source has role statement_text."""
    texts = _statement_texts(s)
    if len(texts) != 1:
        message = f"found {len(texts)} sources with role statement_text; exactly one is needed"
        check.report("rule.statement_text", message, ("sources",))


def source_path(s: Any, check: Check) -> None:
    """rule.source_path: the statement text's path stays inside the statement's folder
    (no absolute path, no '..', no symlink out of it)."""
    _source_problem(s, check, "rule.source_path")


def source_missing(s: Any, check: Check) -> None:
    """rule.source_missing: the statement text is a regular file in the folder, within the
    size limit, and UTF-8 text."""
    _source_problem(s, check, "rule.source_missing")


def sha256(s: Any, check: Check) -> None:
    """rule.sha256: the statement text's SHA-256 is the one recorded."""
    found = _read(s, check)
    if found is None or found[1].digest is None:
        return
    index, read = found
    if read.digest != s.sources[index].sha256:
        check.report(
            "rule.sha256",
            f"{s.sources[index].path!r} has SHA-256 {read.digest}, not the recorded one; if the "
            "file was meant to change, update sha256 and re-check every span",
            ("sources", index, "sha256"),
        )


def pinned_text(s: Any, check: Check) -> str | None:
    """The statement text when it was read and its SHA-256 is the recorded one."""
    found = _read(s, check)
    if found is None or found[1].digest != s.sources[found[0]].sha256:
        return None
    return found[1].text


def _statement_texts(s: Any) -> list[int]:
    return [i for i, x in enumerate(s.sources) if x.role == "statement_text"]


def _read(s: Any, check: Check) -> tuple[int, SourceText] | None:
    """The one statement text's index and what reading it gave (``None``: nothing to read)."""
    texts = _statement_texts(s)
    if len(texts) != 1:
        return None
    read = check.source(s.sources[texts[0]].path)
    return (texts[0], read) if read is not None else None


def _source_problem(s: Any, check: Check, code: str) -> None:
    found = _read(s, check)
    if found is not None and found[1].problem is not None and found[1].problem[0] == code:
        check.report(code, found[1].problem[1], ("sources", found[0], "path"))
