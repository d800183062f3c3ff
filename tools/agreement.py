"""Inter-coder agreement between the shipped corpus (coder A) and an independent second pass
(coder B, ``docs/agreement/<id>.yaml``): clause boundaries and clause types.

usage: python tools/agreement.py [--write]   (--write: into datasets/README.md, between the agreement markers)

Clauses are matched across coders when their spans overlap by at least half of their
union (Jaccard >= 0.5), each clause at most once, best overlap first. Reported:

* boundaries: the share of each coder's clauses that the other coder has (matched), and
  the share of matched pairs with identical spans;
* types: percentage agreement and Cohen's kappa over the matched pairs, with the
  confusion table; and, to include clauses one coder split differently, a word-level
  kappa: every word of the body gets the type of the shortest clause covering it.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from ruamel.yaml import YAML  # noqa: E402

from jointstmt import load  # noqa: E402


def cohen_kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa for two coders' labels of the same items."""
    n = len(pairs)
    if n == 0:
        return float("nan")
    observed = sum(a == b for a, b in pairs) / n
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def match(a: list[tuple[int, int, str]], b: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Index pairs of clauses whose spans overlap by at least half their union, greedily."""
    candidates = []
    for i, (s1, e1, _) in enumerate(a):
        for j, (s2, e2, _) in enumerate(b):
            inter = min(e1, e2) - max(s1, s2)
            union = max(e1, e2) - min(s1, s2)
            if inter > 0 and inter / union >= 0.5:
                candidates.append((inter / union, i, j))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates, reverse=True):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def word_types(text: str, start: int, end: int, clauses: list[tuple[int, int, str]]) -> list[str]:
    """The type of the shortest clause covering each word of ``text[start:end]`` ('none')."""
    import re

    out = []
    for m in re.finditer(r"\w+", text[start:end]):
        a, b = start + m.start(), start + m.end()
        covering = [(e - s, t) for s, e, t in clauses if s <= a and b <= e]
        out.append(min(covering)[1] if covering else "none")
    return out


def compare(statement_id: str) -> dict[str, object]:
    yaml_path = ROOT / "datasets" / statement_id / f"{statement_id}.yaml"
    statement = load(yaml_path)
    text = (yaml_path.parent / statement.statement_text.path).read_text(encoding="utf-8")
    a = [(c.span.start, c.span.end, c.type) for c in statement.clauses]
    other = YAML(typ="safe").load(
        (ROOT / "docs" / "agreement" / f"{statement_id}.yaml").read_text()
    )
    b = [(c["start"], c["end"], c["type"]) for c in other["clauses"]]
    pairs = match(a, b)
    typed = [(a[i][2], b[j][2]) for i, j in pairs]
    body = statement.body.span  # type: ignore[union-attr]
    words = list(
        zip(
            word_types(text, body.start, body.end, a),
            word_types(text, body.start, body.end, b),
            strict=True,
        )
    )
    return {
        "id": statement_id,
        "a": len(a),
        "b": len(b),
        "matched": len(pairs),
        "exact": sum(a[i][:2] == b[j][:2] for i, j in pairs),
        "typed": typed,
        "words": words,
    }


STATEMENTS = (
    "red-sea-14-governments-2024-01-03",
    "us-indonesia-reciprocal-trade-2025-07-22",
    "washington-declaration-us-rok-2023-04-26",
)


def report() -> str:
    """The agreement tables, as markdown."""
    out: list[str] = []

    def print(line: str = "") -> None:
        out.append(line)

    results = [compare(s) for s in STATEMENTS]
    print(
        "| statement | clauses A | clauses B | matched | identical spans | type agreement | kappa (clauses) | kappa (words) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    all_typed: list[tuple[str, str]] = []
    all_words: list[tuple[str, str]] = []
    for r in results:
        typed = r["typed"]
        words = r["words"]
        assert isinstance(typed, list)
        assert isinstance(words, list)
        all_typed += typed
        all_words += words
        agree = sum(x == y for x, y in typed) / len(typed)
        print(
            f"| {r['id']} | {r['a']} | {r['b']} | {r['matched']} | {r['exact']} | {agree:.0%} | "
            f"{cohen_kappa(typed):.2f} | {cohen_kappa(words):.2f} |"
        )
    total_a = sum(int(str(r["a"])) for r in results)
    total_b = sum(int(str(r["b"])) for r in results)
    matched = sum(int(str(r["matched"])) for r in results)
    exact = sum(int(str(r["exact"])) for r in results)
    agree = sum(x == y for x, y in all_typed) / len(all_typed)
    print(
        f"| **all** | {total_a} | {total_b} | {matched} | {exact} | {agree:.0%} | "
        f"{cohen_kappa(all_typed):.2f} | {cohen_kappa(all_words):.2f} |"
    )
    print()
    print(
        f"Boundaries: {matched / total_a:.0%} of A's clauses and {matched / total_b:.0%} of B's are matched (Jaccard >= 0.5); {exact / matched:.0%} of matched pairs have identical spans."
    )
    print()
    labels = sorted({x for pair in all_typed for x in pair})
    print("Confusion of matched clauses (rows: coder A, the shipped corpus; columns: coder B):")
    print()
    print("| A \\ B | " + " | ".join(labels) + " |")
    print("| --- | " + " | ".join("---" for _ in labels) + " |")
    counts = Counter(all_typed)
    for row in labels:
        print(f"| {row} | " + " | ".join(str(counts[(row, col)] or "") for col in labels) + " |")
    return "\n".join(out)


def main() -> None:
    import re

    text = report()
    if "--write" in sys.argv[1:]:
        readme = ROOT / "datasets" / "README.md"
        old = readme.read_text(encoding="utf-8")
        new = re.sub(
            r"<!-- agreement:start -->.*?<!-- agreement:end -->",
            lambda _: f"<!-- agreement:start -->\n{text}\n<!-- agreement:end -->",
            old,
            flags=re.S,
        )
        readme.write_text(new, encoding="utf-8")
    else:
        sys.stdout.write(text + "\n")


if __name__ == "__main__":
    main()
