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
from typing import Any

from jointstmt.findings import CorpusFacts, FileResult, Finding, did_you_mean, nearest


def corpus_facts(statement: Any, positions: Any) -> CorpusFacts:
    """The facts of a valid statement (either version) that the corpus rules read."""
    work = getattr(statement, "work", None)
    refs = []
    for i, entity in enumerate(getattr(statement, "entities", ())):
        target = getattr(entity, "statement", None)
        if target is not None:
            line, column = positions.of(("entities", i, "statement"))
            refs.append((target, line, column, f"/entities/{i}/statement"))
    return CorpusFacts(
        id=statement.id,
        id_at=positions.of(("id",)),
        work=work,
        work_at=positions.of(("work",)) if work is not None else (1, 1),
        language=statement.language,
        clause_ids=tuple(c.id for c in statement.clauses),
        statement_refs=tuple(refs),
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
                    *facts.id_at,
                    "/id",
                )
            )
        else:
            first[facts.id] = path
    for path, facts in files:
        for target, line, column, pointer in facts.statement_refs:
            if target not in first:
                near = nearest(target, first)
                hint = f" ({did_you_mean(near)})" if near else ""
                found[path].append(
                    Finding(
                        "rule.corpus_reference",
                        f"statement {target!r} is not among the files validated together{hint}; "
                        "validate it with this one, or remove the link",
                        line,
                        column,
                        pointer,
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
                        *facts.work_at,
                        "/work",
                    )
                )
    order = [path for path, _ in files]
    return [FileResult(path, found[path]) for path in dict.fromkeys(order) if path in found]


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
