"""Corpus rules: what must hold across the statements validated together.

* ``rule.corpus_duplicate_id``: statement ids are unique across the files;
* ``rule.corpus_reference``: an entity that names another statement (``statement:
  <id>``) names one of the files validated together;
* ``rule.work_alignment``: the language versions of one ``work`` have the same clause
  ids, in the same order (each anchored in its own text), and different languages.

Each valid file contributes its :class:`~jointstmt.findings.CorpusFacts` (computed in
the worker that validated it); the findings are reported in the file they concern,
after the files' own results.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jointstmt.findings import CorpusFacts, FileResult, Finding, did_you_mean, nearest


def corpus_facts(statement: Any) -> CorpusFacts:
    """The facts of a valid statement (either version) that the corpus rules read.

    No positions: looking one up builds the file's position tree, which a valid file
    otherwise never needs; the few files with a corpus finding are located afterwards.
    """
    refs = tuple(
        (entity.statement, f"/entities/{i}/statement")
        for i, entity in enumerate(getattr(statement, "entities", ()))
        if getattr(entity, "statement", None) is not None
    )
    return CorpusFacts(
        id=statement.id,
        work=getattr(statement, "work", None),
        language=statement.language,
        clause_ids=tuple(c.id for c in statement.clauses),
        statement_refs=refs,
    )


def check_corpus(files: Iterable[tuple[str, CorpusFacts]]) -> list[FileResult]:
    """The corpus findings, one result per file concerned, in the order the files came."""
    files = list(files)
    found: dict[str, list[Finding]] = defaultdict(list)
    first: dict[str, str] = {}
    for path, facts in files:
        if facts.id in first:
            found[path].append(
                Finding(
                    "rule.corpus_duplicate_id",
                    f"statement id {facts.id!r} is already used by {first[facts.id]}",
                    pointer="/id",
                )
            )
        else:
            first[facts.id] = path
    for path, facts in files:
        for target, pointer in facts.statement_refs:
            if target not in first:
                near = nearest(target, first)
                hint = f" ({did_you_mean(near)})" if near else ""
                found[path].append(
                    Finding(
                        "rule.corpus_reference",
                        f"statement {target!r} is not among the files validated together{hint}; "
                        "validate it with this one, or remove the link",
                        pointer=pointer,
                    )
                )
    works: dict[str, list[tuple[str, CorpusFacts]]] = defaultdict(list)
    for path, facts in files:
        if facts.work is not None:
            works[facts.work].append((path, facts))
    for versions in works.values():
        base_path, base = versions[0]
        for path, facts in versions[1:]:
            problem = _misaligned(base, facts)
            if problem:
                found[path].append(
                    Finding(
                        "rule.work_alignment",
                        f"{problem} ({base_path} is another version of work {facts.work!r}; "
                        "versions share clause ids, in order, each anchored in its own text)",
                        pointer="/work",
                    )
                )
    order = [path for path, _ in files]
    return [
        FileResult(path, _located(path, found[path]))
        for path in dict.fromkeys(order)
        if path in found
    ]


def _located(path: str, findings: list[Finding]) -> list[Finding]:
    """The findings with the line and column of their pointers in the file (read again: only
    files with a corpus finding pay for it); 1:1 where the file cannot be read again."""
    from jointstmt.fileio import ReadError, read_file
    from jointstmt.limits import MAX_SOURCE_BYTES, Limits
    from jointstmt.loader import LoadError, parse_yaml

    # the file validated under the run's limits; read again, it is bounded only as a source is
    limits = Limits(max_bytes=MAX_SOURCE_BYTES)
    try:
        positions = parse_yaml(read_file(Path(path), MAX_SOURCE_BYTES), limits).positions
    except (ReadError, LoadError, OSError):
        return findings
    located = []
    for f in findings:
        steps = tuple(int(p) if p.isdigit() else p for p in f.pointer.split("/")[1:])
        line, column = positions.of(steps)
        located.append(Finding(f.code, f.message, line, column, f.pointer))
    return located


def _misaligned(base: CorpusFacts, other: CorpusFacts) -> str | None:
    """How ``other`` departs from ``base`` as a language version of the same work."""
    if other.language == base.language:
        return f"this version has the same language ({other.language}) as another"
    missing = [c for c in base.clause_ids if c not in other.clause_ids]
    extra = [c for c in other.clause_ids if c not in base.clause_ids]
    if missing or extra:
        parts = []
        if missing:
            parts.append("lacks clause ids " + ", ".join(map(repr, missing[:5])))
        if extra:
            parts.append("has clause ids the other lacks: " + ", ".join(map(repr, extra[:5])))
        return "this version " + "; ".join(parts)
    if other.clause_ids != base.clause_ids:
        return "this version has the same clause ids in another order"
    return None
