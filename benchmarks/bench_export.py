"""Benchmark: time per statement and peak memory of ``jointstmt export`` as the corpus grows.

Run from the repository root::

    python benchmarks/bench_export.py [--statements 1000,3000,10000] [--rounds 3] [--format csv]

It generates a corpus of as many statements as the largest size: copies of the
version-2 examples (``tests/examples/v2/*``: no meeting, groupings, signature blocks,
several meetings, numbered items with dates and quantities, two language versions),
each with its own statement id, beside its statement text. The corpus of N
statements is a folder of the first N (hard links, so every size reads the same files). Then, in interleaved rounds, each run in a fresh
process:

(a) ``jointstmt export DIR --format F --output OUT``: CPU time, minus the CPU of the
    same command on one statement (start-up), per statement; and the peak memory it
    adds (the process's peak RSS, ``ru_maxrss``, minus the one-statement run's);
(b) the peer, ``jointstmt validate --jobs 1 DIR``, which reads and checks the same
    files: export is validation plus flattening and writing, so the ratio of the two
    is what the tables cost.

It prints medians and whether export scales: time per statement at the largest
size over the smallest (target at most 1.15), and export's own peak memory, what it
adds beyond what its peer adds at the same size, which must stop growing: at the
largest size at most 2 MiB above the next size. Both commands list the files of the
folder first (``jointstmt.runner.discover``: about 0.5 KiB a file), so the peak of
each grows by that much; the difference is export's own. (Parquet rows wait for a
full row group, so its own memory rises until every table's buffer is full, then
stays; CSV and JSON Lines write each row at once.)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "tests" / "examples" / "v2"


@dataclass(frozen=True)
class Sample:
    """One run: CPU seconds and peak RSS in KiB."""

    cpu: float
    max_rss: int


def write_corpus(root: Path, count: int) -> None:
    """``count`` statements in ``root/NNNNN/``, cycling over the version-2 examples."""
    examples = sorted(p for p in EXAMPLES.iterdir() if (p / "statement.yaml").is_file())
    templates = [(p, (p / "statement.yaml").read_text(encoding="utf-8")) for p in examples]
    for index in range(count):
        folder, yaml = templates[index % len(templates)]
        target = root / f"{index:05d}"
        target.mkdir(parents=True)
        for text in folder.glob("*.txt"):
            shutil.copyfile(text, target / text.name)
        # ids unique in the corpus (export refuses two files with one statement id); the
        # language versions of one work share their work id within a cycle of templates
        unique = re.sub(r"^id: (\S+)$", rf"id: \1-{index:05d}", yaml, count=1, flags=re.M)
        cycle = index // len(templates)
        unique = re.sub(r"^work: (\S+)$", rf"work: \1-{cycle:05d}", unique, count=1, flags=re.M)
        (target / "statement.yaml").write_text(unique, encoding="utf-8")


def link_corpus(root: Path, size: int, into: Path) -> Path:
    """A folder of the first ``size`` statements of ``root``, as hard links to its files."""
    for index in range(size):
        source, target = root / f"{index:05d}", into / f"{index:05d}"
        target.mkdir(parents=True)
        for file in source.iterdir():
            os.link(file, target / file.name)
    return into


def run(command: list[str], env: dict[str, str]) -> Sample:
    """Run ``command`` to completion; it must exit 0."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return Sample(usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def main() -> None:
    """Write the corpus, measure interleaved rounds, print medians and target ratios."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--statements", default="1000,3000,10000", help="sizes, comma-separated")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of every measurement (3)")
    ap.add_argument("--format", default="csv", help="export format (csv)")
    args = ap.parse_args()
    sizes = [int(x) for x in args.statements.split(",")]

    with tempfile.TemporaryDirectory(prefix="jointstmt-export-bench-") as tmp:
        work = Path(tmp)
        write_corpus(work / "all", sizes[-1])
        # One folder per size, named on the command line as a user would: 10,000 file
        # names in argv would themselves cost memory that grows with the corpus.
        folders = {n: link_corpus(work / "all", n, work / f"corpus-{n}") for n in [1, *sizes]}
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        jointstmt = [sys.executable, "-m", "jointstmt"]

        def export(n: int) -> Sample:
            out = work / f"out-{n}"
            return run(
                [*jointstmt, "export", str(folders[n]), "--format", args.format, "-o", str(out)],
                env,
            )

        def validate(n: int) -> Sample:
            return run([*jointstmt, "validate", "--jobs", "1", str(folders[n])], env)

        export(1)  # compiles the modules into that cache
        print(f"load average before: {_load()}")
        samples: dict[str, dict[int, list[Sample]]] = {
            "export": {n: [] for n in [1, *sizes]},
            "validate": {n: [] for n in [1, *sizes]},
        }
        for index in range(args.rounds):
            for n in [1, *sizes]:
                samples["export"][n].append(export(n))
                samples["validate"][n].append(validate(n))
            print(f"round {index + 1}/{args.rounds} done")
        print(f"load average after: {_load()}")

    def median(way: str, n: int, field: str) -> float:
        return statistics.median(getattr(s, field) for s in samples[way][n])

    per_statement: dict[str, dict[int, float]] = {"export": {}, "validate": {}}
    memory: dict[str, dict[int, float]] = {"export": {}, "validate": {}}
    print(f"\nmedians of {args.rounds} rounds, export --format {args.format}")
    print(
        "statements  ms/statement: export  validate  ratio"
        "   peak MiB added: export  validate  export's own"
    )
    for n in sizes:
        for way in ("export", "validate"):
            per_statement[way][n] = (median(way, n, "cpu") - median(way, 1, "cpu")) / (n - 1)
            memory[way][n] = (median(way, n, "max_rss") - median(way, 1, "max_rss")) / 1024
        ratio = per_statement["export"][n] / per_statement["validate"][n]
        own = memory["export"][n] - memory["validate"][n]
        print(
            f"{n:10,}  {per_statement['export'][n] * 1e3:20.2f}  "
            f"{per_statement['validate'][n] * 1e3:8.2f}  {ratio:5.2f}"
            f"   {memory['export'][n]:22.1f}  {memory['validate'][n]:8.1f}  {own:12.1f}"
        )
    small, large = sizes[0], sizes[-1]
    print("\nratio or figure                                       value   target")
    time_ratio = per_statement["export"][large] / per_statement["export"][small]
    _target(f"export: time per statement at {large:,} / at {small:,}", time_ratio, 1.15)
    own = {n: memory["export"][n] - memory["validate"][n] for n in sizes}
    growth = own[large] - own[sizes[-2]] if len(sizes) > 1 else 0.0
    _target(f"export: own peak MiB at {large:,} minus at {sizes[-2]:,}", growth, 2.0)


def _target(label: str, value: float, target: float) -> None:
    print(f"{label:<52} {value:7.2f}   <= {target:<5} {'met' if value <= target else 'NOT MET'}")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
