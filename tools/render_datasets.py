"""Regenerate the index of datasets/README.md from the shipped statements.

Run: python tools/render_datasets.py  (tests/test_dataset.py fails when the index is stale).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from jointstmt import load
from jointstmt.coverage import gaps
from jointstmt.datasets import list_datasets

README = Path(__file__).resolve().parent.parent / "datasets" / "README.md"


def index() -> str:
    """One row per statement: id, date, parties, meetings, clauses, types used, coverage."""
    rows = [
        "| id | issued | v | parties | meetings | clauses | types used | uncovered sentences |",
        "| --- | --- | --- | --- | --- | ---: | --- | ---: |",
    ]
    totals: Counter[str] = Counter()
    for dataset in list_datasets():
        s = load(dataset.path)
        text = (dataset.path.parent / str(s.statement_text.path)).read_text(encoding="utf-8")
        if s.schema_version == 1:
            parties = ", ".join(sorted({p.country or p.organization or "" for p in s.participants}))
            meetings = "1 recorded"
        else:
            names = [p.short_name or p.name for p in s.parties]  # type: ignore[attr-defined]
            parties = ", ".join(names) if len(names) <= 4 else f"{len(names)} parties"
            relations = Counter(m.relation for m in s.meetings)  # type: ignore[attr-defined]
            meetings = ", ".join(f"{n} {r}" for r, n in sorted(relations.items())) or "none"
        types = Counter(c.type for c in s.clauses)
        totals.update(types)
        used = ", ".join(f"{t} {n}" for t, n in types.most_common())
        link = f"[`{dataset.id}`]({dataset.id}/README.md)"
        rows.append(
            f"| {link} | {s.issued} | {s.schema_version} | {parties} | {meetings} | "
            f"{len(s.clauses)} | {used} | {len(gaps(s, text))} |"
        )
    rows.append("")
    rows.append(
        f"**{len(list_datasets())} statements, {sum(totals.values())} clauses.** Clauses by type: "
        + ", ".join(f"`{t}` {n}" for t, n in totals.most_common())
        + "."
    )
    return "\n".join(rows)


def render(text: str) -> str:
    return re.sub(
        r"<!-- index:start -->.*?<!-- index:end -->",
        lambda _: f"<!-- index:start -->\n{index()}\n<!-- index:end -->",
        text,
        flags=re.S,
    )


if __name__ == "__main__":
    README.write_text(render(README.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"updated {README}")
