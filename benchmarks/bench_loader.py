"""Benchmark: jointstmt.loader.parse_yaml against a bare PyYAML ``CSafeLoader`` parse.

Run from the repository root::

    python benchmarks/bench_loader.py [--runs N] [--size BYTES]

It generates a realistic ~12 KB statement-like YAML mapping (lists of mappings with
string fields, non-ASCII text, a few ints and booleans, dates), then prints the median
wall time per parse over many runs for PyYAML's ``CSafeLoader`` (no positions), for
``parse_yaml`` (positions, all guards) and their ratio. The project's target is a ratio
of at most 1.5. PyYAML is needed only here (``pip install pyyaml``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from jointstmt import loader

_WORDS = [
    "the",
    "parties",
    "reaffirm",
    "their",
    "commitment",
    "to",
    "peace",
    "security",
    "cooperation",
    "sustainable",
    "development",
    "human",
    "rights",
    "rule",
    "of",
    "law",
    "mutual",
    "respect",
    "sovereignty",
    "territorial",
    "integrity",
    "dialogue",
    "trade",
    "investment",
    "climate",
    "energy",
    "transition",
    "education",
    "culture",
    "exchange",
    "Zusammenarbeit",
    "coopération",
    "développement",
    "façade",
    "São",
    "Paulo",
    "Genève",
    "Zürich",
    "Kraków",
]


def _text(seed: int, words: int) -> str:
    return " ".join(_WORDS[(seed * 7 + i * 13) % len(_WORDS)] for i in range(words))


def make_document(target_bytes: int = 12_000) -> bytes:
    """A statement-like YAML document of about ``target_bytes`` bytes."""
    head = [
        "schema_version: 1",
        "id: 2024-05-31-fr-de-joint-declaration",
        "title: Joint Declaration on Cooperation — Déclaration commune",
        "issued: 2024-05-31",
        "language: en",
        "meeting:",
        "  start: 2024-05-30",
        "  end: 2024-05-31",
        "  place:",
        "    city: Genève",
        "    country: CH",
        "    subdivision: CH-GE",
        "actors:",
    ]
    for i in range(6):
        head += [
            f"  - id: actor-{i}",
            f"    name: {_text(i, 3).title()}",
            f"    country: {('FR', 'DE', 'NO', 'PL', 'IT', 'ES')[i]}",
            f"    head_of_state: {'true' if i % 2 else 'false'}",
            f"    rank: {i + 1}",
        ]
    head += [
        "sources:",
        "  - id: src-1",
        "    role: statement_text",
        "    path: statement.txt",
        "    sha256: " + "ab" * 32,
        "    bytes: 48213",
        "clauses:",
    ]
    lines = list(head)
    i = 0
    while sum(len(x) + 1 for x in lines) < target_bytes:
        lines += [
            f"  - id: c{i}",
            f"    type: {('commitment', 'statement', 'request', 'recognition')[i % 4]}",
            f"    actors: [actor-{i % 6}, actor-{(i + 1) % 6}]",
            f'    text: "{_text(i, 14)}"',
            "    span:",
            f"      start: {i * 311}",
            f"      end: {i * 311 + 290}",
            f"    binding: {'true' if i % 3 == 0 else 'false'}",
            "    topics:",
            f"      - {_text(i, 1)}",
            f"      - {_text(i + 5, 1)}",
        ]
        i += 1
    return ("\n".join(lines) + "\n").encode("utf-8")


def _median_seconds(fn: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def main() -> None:
    """Print medians (ms per parse) and the ratio parse_yaml / CSafeLoader."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=500)
    ap.add_argument("--size", type=int, default=12_000)
    args = ap.parse_args()

    import yaml  # PyYAML, benchmark-only dependency

    data = make_document(args.size)
    expected = yaml.load(data, Loader=yaml.CSafeLoader)
    got = loader.parse_yaml(data).data
    # Same data, apart from what YAML 1.1 resolves differently (dates, NO).
    assert set(got) == set(expected), "the two loaders disagree on the top-level keys"

    runs = args.runs
    for _ in range(20):  # warm up
        yaml.load(data, Loader=yaml.CSafeLoader)
        loader.parse_yaml(data)
    pyyaml = _median_seconds(lambda: yaml.load(data, Loader=yaml.CSafeLoader), runs)
    ours = _median_seconds(lambda: loader.parse_yaml(data), runs)
    print(f"document: {len(data)} bytes, {runs} runs")
    print(f"yaml.CSafeLoader      median {pyyaml * 1e3:8.3f} ms")
    print(f"jointstmt parse_yaml  median {ours * 1e3:8.3f} ms")
    print(f"ratio parse_yaml / CSafeLoader: {ours / pyyaml:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
