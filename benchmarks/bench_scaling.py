"""Benchmark: cost per clause and peak memory of one large statement, CLI and library.

Run from the repository root::

    python benchmarks/bench_scaling.py [--clauses 1000,10000,50000] [--rounds 3]

For each size it writes one generated statement with that many clauses beside its
source text (``benchmarks/corpus.py``), then measures, in interleaved rounds, each in a
fresh process:

(a) ``jointstmt validate --jobs 1`` on the file: CPU time, minus the CPU of the same
    command on a statement of one clause (start-up), per clause;
(b) ``jointstmt.load(path)`` called by a library user: the CPU time of the calls
    alone, per clause;
(c) the peak memory each adds: the process's peak RSS (``ru_maxrss``) minus the peak
    of the one-clause run (CLI) or the peak just before the call (library), as a
    multiple of the file's size in bytes.

It prints medians and the target ratios: cost per clause at the largest size at most
1.15 times the cost at the smallest, and peak memory at the largest size at most 8
times the file's size. Every run must exit 0 (each file is valid), or the benchmark stops.

So that start-up weighs no more in one size's figure than in another's, each run
checks the same number of clauses: a smaller file is named (or loaded) as many times
as it takes to match the largest, e.g. 50 times 1,000 clauses against 50,000 once.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import make_statement

#: Calls ``load()`` as a library user would, ``argv[3]`` times, after warming up on a
#: one-clause statement (imports and caches are start-up, not cost per clause); prints
#: CPU seconds and the peak RSS added, in KiB.
_LIBRARY = """
import resource, sys, time
import jointstmt
from jointstmt import Limits
limits = Limits(max_bytes=1 << 30)
jointstmt.load(sys.argv[1], limits)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.process_time()
for _ in range(int(sys.argv[3])):
    jointstmt.load(sys.argv[2], limits)
cpu = time.process_time() - start
print(cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""


@dataclass(frozen=True)
class Sample:
    """One run: CPU seconds and peak RSS in KiB (for the library: the call's own)."""

    cpu: float
    max_rss: int


def run_cli(path: Path, repeat: int, env: dict[str, str]) -> Sample:
    """``jointstmt validate --jobs 1`` on ``path`` named ``repeat`` times; must exit 0."""
    command = [sys.executable, "-m", "jointstmt", "validate", "--jobs", "1"]
    command += ["--max-bytes", str(1 << 30), *[str(path)] * repeat]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"jointstmt validate {path} failed")
    return Sample(usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def run_library(warm: Path, path: Path, repeat: int, env: dict[str, str]) -> Sample:
    """``jointstmt.load(path)`` ``repeat`` times in a fresh process, after loading ``warm``."""
    out = subprocess.run(
        [sys.executable, "-c", _LIBRARY, str(warm), str(path), str(repeat)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout.split()
    return Sample(float(out[0]), int(out[1]))


def write_statement(folder: Path, clauses: int) -> Path:
    """A valid statement with ``clauses`` clauses, beside its source text; returns its path."""
    folder.mkdir(parents=True)
    yaml, text = make_statement(0, clauses=clauses)
    (folder / "statement.txt").write_text(text, encoding="utf-8", newline="")
    path = folder / "statement.yaml"
    path.write_text(yaml, encoding="utf-8", newline="")
    return path


def main() -> None:
    """Write the statements, measure interleaved rounds, print medians and target ratios."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clauses", default="1000,10000,50000", help="sizes, comma-separated")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of every measurement (3)")
    ap.add_argument("--write", type=Path, help=argparse.SUPPRESS)  # the child that writes
    args = ap.parse_args()
    sizes = [int(x) for x in args.clauses.split(",")]
    if args.write is not None:
        for n in [1, *sizes]:
            write_statement(args.write / str(n), n)
        return

    with tempfile.TemporaryDirectory(prefix="jointstmt-scaling-") as tmp:
        # Written by a child process: a child's peak RSS starts at its parent's, so the
        # parent stays small.
        subprocess.run(
            [sys.executable, __file__, "--write", tmp, "--clauses", ",".join(map(str, sizes))],
            check=True,
        )
        base = Path(tmp) / "1" / "statement.yaml"
        paths = {n: Path(tmp) / str(n) / "statement.yaml" for n in sizes}
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        repeat = {n: max(1, sizes[-1] // n) for n in sizes}
        run_cli(base, 1, env)  # compiles the modules into that cache
        print(f"load average before: {_load()}")
        cli: dict[int, list[Sample]] = {n: [] for n in [1, *sizes]}
        library: dict[int, list[Sample]] = {n: [] for n in sizes}
        for index in range(args.rounds):
            cli[1].append(run_cli(base, 1, env))
            for n, path in paths.items():
                cli[n].append(run_cli(path, repeat[n], env))
                library[n].append(run_library(base, path, repeat[n], env))
            print(f"round {index + 1}/{args.rounds} done")
        print(f"load average after: {_load()}")
        file_bytes = {n: path.stat().st_size for n, path in paths.items()}

    def median(samples: list[Sample], field: str) -> float:
        return statistics.median(getattr(s, field) for s in samples)

    start_cpu, start_rss = median(cli[1], "cpu"), median(cli[1], "max_rss")
    per_clause: dict[str, dict[int, float]] = {"cli": {}, "load()": {}}
    memory: dict[str, dict[int, float]] = {"cli": {}, "load()": {}}
    print(f"\nmedians of {args.rounds} rounds; CLI start-up: {start_cpu * 1e3:.0f} ms CPU")
    print("clauses  file MB  times  CLI µs/clause  CLI mem/file  load() µs/clause  load() mem/file")
    for n in sizes:
        size = file_bytes[n]
        per_clause["cli"][n] = (median(cli[n], "cpu") - start_cpu) / (n * repeat[n])
        per_clause["load()"][n] = median(library[n], "cpu") / (n * repeat[n])
        memory["cli"][n] = (median(cli[n], "max_rss") - start_rss) * 1024 / size
        memory["load()"][n] = median(library[n], "max_rss") * 1024 / size
        print(
            f"{n:7,}  {size / 1e6:7.2f}  {repeat[n]:5}  {per_clause['cli'][n] * 1e6:13.1f}  "
            f"{memory['cli'][n]:11.1f}x  {per_clause['load()'][n] * 1e6:16.1f}  "
            f"{memory['load()'][n]:14.1f}x"
        )
    small, large = sizes[0], sizes[-1]
    print("\nratio                                               value   target")
    for way in ("cli", "load()"):
        ratio = per_clause[way][large] / per_clause[way][small]
        _target(f"{way}: cost per clause at {large:,} / at {small:,}", ratio, "<=", 1.15)
    for way in ("cli", "load()"):
        _target(f"{way}: peak memory / file size at {large:,}", memory[way][large], "<=", 8)
    ratio = per_clause["load()"][large] / per_clause["cli"][large]
    print(f"{'load() / CLI, cost per clause at ' + f'{large:,}':<50} {ratio:7.2f}")


def _target(label: str, value: float, relation: str, target: float) -> None:
    met = value >= target if relation == ">=" else value <= target
    print(f"{label:<50} {value:7.2f}   {relation} {target:<5} {'met' if met else 'NOT MET'}")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
