"""Benchmark: ``jointstmt spans --write`` against ``jointstmt validate`` on one statement.

Run from the repository root::

    python benchmarks/bench_spans.py [--clauses 1000] [--rounds 5]

It writes one generated statement of ``--clauses`` clauses beside its source text
(``benchmarks/corpus.py``; every quote occurs once in the text), and a copy whose
clause spans are all wrong, so that ``spans --write`` must set every one of them. Then,
in interleaved rounds, each in a fresh process:

(a) ``jointstmt validate`` on the statement: wall and CPU time;
(b) ``jointstmt spans --write`` on a fresh copy of the wrong one: wall and CPU time.

It prints medians and the target ratio: ``spans --write`` at most 2 times ``validate``.
The first written file must validate and equal the original, or the benchmark stops.
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
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import make_statement

JOINTSTMT = [sys.executable, "-m", "jointstmt"]
#: A clause's span line as benchmarks/corpus.py writes it (paragraph spans are inline).
_CLAUSE_SPAN = re.compile(r"^    span: \{start: \d+, end: \d+\}$", re.MULTILINE)


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of ``command``, measured by the parent; it must exit 0."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command[2:])} exited {os.waitstatus_to_exitcode(status)}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    """Write the statement, measure interleaved rounds, print medians and the target ratio."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clauses", type=int, default=1_000, help="clauses in the statement (1000)")
    ap.add_argument("--rounds", type=int, default=5, help="rounds of every measurement (5)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="jointstmt-spans-") as tmp:
        folder = Path(tmp)
        yaml, text = make_statement(0, clauses=args.clauses)
        (folder / "statement.txt").write_text(text, encoding="utf-8", newline="")
        statement = folder / "statement.yaml"
        statement.write_text(yaml, encoding="utf-8", newline="")
        wrong, count = _CLAUSE_SPAN.subn("    span: {start: 0, end: 1}", yaml)
        if count != args.clauses:
            raise SystemExit(f"found {count} clause spans, expected {args.clauses}")
        template = folder / "wrong.yaml.in"
        template.write_text(wrong, encoding="utf-8", newline="")
        target = folder / "written.yaml"  # beside statement.txt, which it names
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
        validate = [*JOINTSTMT, "validate", str(statement)]
        write = [*JOINTSTMT, "spans", "--write", str(target)]

        shutil.copyfile(template, target)
        run(write, env)  # warm-up, which also compiles the modules into that cache
        run([*JOINTSTMT, "validate", str(target)], env)
        if target.read_text(encoding="utf-8") != yaml:
            raise SystemExit("spans --write did not restore the statement's spans as written")
        print(f"{args.clauses:,} clauses, {statement.stat().st_size:,} bytes of YAML")
        print(f"load average before: {_load()}")
        samples: dict[str, list[tuple[float, float]]] = {"validate": [], "write": []}
        for _ in range(args.rounds):
            samples["validate"].append(run(validate, env))
            shutil.copyfile(template, target)
            samples["write"].append(run(write, env))
        print(f"load average after: {_load()}")

    def median(name: str, index: int) -> float:
        return statistics.median(s[index] for s in samples[name])

    print(f"\nmedians of {args.rounds} rounds           wall       CPU")
    for name, label in (("validate", "jointstmt validate"), ("write", "jointstmt spans --write")):
        print(f"{label:<30} {median(name, 0) * 1e3:7.0f} ms {median(name, 1) * 1e3:7.0f} ms")
    ratio = median("write", 0) / median("validate", 0)
    met = "met" if ratio <= 2 else "NOT MET"
    print(f"\nspans --write wall / validate wall: {ratio:.2f}   target <= 2   {met}")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
