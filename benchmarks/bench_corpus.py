"""Benchmark: ``jointstmt validate`` over a corpus, against PyYAML + jsonschema-rs and others.

Run from the repository root (Linux; ``pip install -e '.[bench]'`` first)::

    python benchmarks/bench_corpus.py [--files 1000] [--rounds 3] [--schema-files N]

It writes a corpus of ``--files`` generated statements of about 12 KB, each beside
its source text (``benchmarks/corpus.py``), into a temporary folder, then runs each
measurement once per round, interleaved, and prints medians (every run must exit
0, so each tool accepts every file it is given, or the benchmark stops):

(a) ``jointstmt validate --jobs 1`` on the corpus: CPU time per file;
(b) check-jsonschema with the published schema on the same files: CPU per file;
(c) a bare PyYAML C parse (``CSafeLoader``, no positions, no checks) of the same
    files in one process: CPU per file, the limit;
(d) ``jointstmt validate --jobs 2`` against ``--jobs 1``: wall time;
(e) peak RSS of ``jointstmt validate`` (default ``--jobs``) on 10 files and on
    the whole corpus: the largest process's peak, workers included;
(f) ``jointstmt validate`` on one file against check-jsonschema on that file: wall time;
(g) the fastest peer pipeline: PyYAML's C loader then jsonschema-rs with the published
    schema, on the same files in one process: CPU per file (dates stay strings and
    ``NO`` is not false, as in YAML 1.2; every file must be valid);
(h) start-up: ``jointstmt validate`` on one file against ``python -c pass``: wall time.

Every figure comes from a separate process, measured by the parent (``os.wait4``):
CPU is user + system time of the process and its workers, so start-up counts,
spread over the files of the run; modules are byte-compiled once, as an installed
package's are. Other load on the machine distorts wall times: the load average is
printed before and after, and each round's (d). check-jsonschema takes about 90 ms
of CPU per file, so a round over 1,000 files takes about a minute and a half;
``--schema-files 200`` measures it on every fifth file instead (its start-up,
about 1.3 s, then weighs more in its per-file figure).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schemas" / "joint-statement-1.schema.json"
JOINTSTMT = [sys.executable, "-m", "jointstmt", "validate"]
CHECK_JSONSCHEMA = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMA)]
#: The fastest peer: PyYAML's C loader (dates left as strings and only true/false as
#: booleans, as YAML 1.2 reads them: ``country: NO`` is Norway) then jsonschema-rs with the published schema, each file in turn, in one process.
PEER = [
    sys.executable,
    "-c",
    "import json, re, sys, yaml, jsonschema_rs\n"
    "TS, BOOL = 'tag:yaml.org,2002:timestamp', 'tag:yaml.org,2002:bool'\n"
    "class Loader(yaml.CSafeLoader):\n"
    "    yaml_implicit_resolvers = {\n"
    "        k: [r for r in v if r[0] not in (TS, BOOL)]\n"
    "        for k, v in yaml.CSafeLoader.yaml_implicit_resolvers.items()}\n"
    "Loader.add_implicit_resolver(\n"
    "    BOOL, re.compile('^(?:true|True|TRUE|false|False|FALSE)$'), list('tTfF'))\n"
    "with open(sys.argv[1], 'rb') as f:\n"
    "    validator = jsonschema_rs.validator_for(json.load(f))\n"
    "invalid = 0\n"
    "for name in sys.argv[2:]:\n"
    "    with open(name, 'rb') as f:\n"
    "        invalid += not validator.is_valid(yaml.load(f.read(), Loader=Loader))\n"
    "sys.exit(invalid > 0)\n",
    str(SCHEMA),
]
PASS = [sys.executable, "-c", "pass"]
#: The limit: PyYAML's C loader on each file, as bytes, in one process.
BARE_PARSE = [
    sys.executable,
    "-c",
    "import sys, yaml\n"
    "for name in sys.argv[1:]:\n"
    "    with open(name, 'rb') as f:\n"
    "        yaml.load(f.read(), Loader=yaml.CSafeLoader)\n",
]


@dataclass(frozen=True)
class Sample:
    """One process's cost, as its parent sees it when it ends."""

    wall: float  # seconds
    cpu: float  # user + system seconds, of the process and the workers it waited for
    max_rss: int  # KiB, of the largest of those processes


def run(command: list[str], env: dict[str, str]) -> Sample:
    """Run ``command`` to its end (output discarded); it must exit 0."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            err.seek(0)
            raise SystemExit(
                f"{' '.join(command[:6])} ... exited {process.returncode}:\n{err.read().decode()}"
            )
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def main() -> None:
    """Generate the corpus, measure interleaved rounds, print medians and the target ratios."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=1_000, help="statements in the corpus (1000)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of every measurement (3)")
    ap.add_argument(
        "--schema-files",
        type=int,
        default=0,
        help="files given to check-jsonschema (default: all; fewer, evenly spread, is quicker)",
    )
    args = ap.parse_args()
    if args.files < 10:
        ap.error("--files must be at least 10")

    import yaml  # PyYAML: benchmark-only dependency

    if not hasattr(yaml, "CSafeLoader"):
        raise SystemExit("PyYAML was built without libyaml: no CSafeLoader to compare with")
    with tempfile.TemporaryDirectory(prefix="jointstmt-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        paths = [str(p) for p in write_corpus(corpus, args.files)]
        small = paths[:10]
        step = max(1, args.files // args.schema_files) if args.schema_files else 1
        schema_paths = paths[::step]
        one = paths[0]
        size = sum(Path(p).stat().st_size for p in paths) / len(paths)
        cores = len(os.sched_getaffinity(0))
        print(
            f"{args.files} statements of {size:,.0f} bytes (YAML) in {corpus}; "
            f"{cores} cores; Python {platform.python_version()}; "
            f"PyYAML {version('pyyaml')}; check-jsonschema {version('check-jsonschema')}; "
            f"jsonschema-rs {version('jsonschema-rs')}"
        )
        # Byte-compiled modules are kept (as an installed package has them), whatever
        # PYTHONDONTWRITEBYTECODE says, in a cache of the benchmark's own.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        commands = {
            "jobs1": [*JOINTSTMT, "--jobs", "1", str(corpus)],
            "jobs2": [*JOINTSTMT, "--jobs", "2", str(corpus)],
            "bare": [*BARE_PARSE, *paths],
            "peer": [*PEER, *paths],
            "pass": PASS,
            "rss_small": [*JOINTSTMT, *small],
            "rss_large": [*JOINTSTMT, str(corpus)],
            "one": [*JOINTSTMT, one],
            "schema_one": [*CHECK_JSONSCHEMA, one],
            "schema": [*CHECK_JSONSCHEMA, *schema_paths],
        }
        # Warm-up (compiles the modules into that cache). Every run must exit 0, so each
        # tool accepts each file it is given, or the benchmark stops.
        warm_up = [*JOINTSTMT, *small], [*BARE_PARSE, *small], [*PEER, *small], PASS
        for command in (*warm_up, [*CHECK_JSONSCHEMA, *small]):
            run(command, env)
        print(f"load average before: {_load()}")
        samples: dict[str, list[Sample]] = {name: [] for name in commands}
        for index in range(args.rounds):
            started = time.perf_counter()
            for name, command in commands.items():
                samples[name].append(run(command, env))
            print(f"round {index + 1}/{args.rounds}: {time.perf_counter() - started:.0f} s")
        print(f"load average after: {_load()}")

    def median(name: str, field: str) -> float:
        return statistics.median(getattr(s, field) for s in samples[name])

    n = args.files
    ours = median("jobs1", "cpu") / n
    schema = median("schema", "cpu") / len(schema_paths)
    bare = median("bare", "cpu") / n
    peer = median("peer", "cpu") / n
    python = median("pass", "wall")
    jobs1, jobs2 = median("jobs1", "wall"), median("jobs2", "wall")
    rss_small, rss_large = median("rss_small", "max_rss"), median("rss_large", "max_rss")
    one, schema_one = median("one", "wall"), median("schema_one", "wall")

    print(f"\nmedians of {args.rounds} rounds")
    print(f"(a) jointstmt validate --jobs 1   CPU per file {ours * 1e3:8.2f} ms")
    print(
        f"(b) check-jsonschema               CPU per file {schema * 1e3:8.2f} ms"
        f"  ({len(schema_paths)} files)"
    )
    print(f"(c) PyYAML CSafeLoader, bare      CPU per file {bare * 1e3:8.2f} ms")
    pairs = zip(samples["jobs1"], samples["jobs2"], strict=True)
    rounds = ", ".join(f"{a.wall:.2f}/{b.wall:.2f}" for a, b in pairs)
    print(
        f"(d) --jobs 1: {jobs1:.2f} s wall; --jobs 2: {jobs2:.2f} s wall ({n} files; "
        f"rounds: {rounds})"
    )
    print(
        f"(e) peak RSS: {rss_small / 1024:.1f} MiB at N=10; {rss_large / 1024:.1f} MiB at N={n} "
        f"({median('jobs1', 'max_rss') / 1024:.1f} MiB with --jobs 1)"
    )
    print(f"(f) one file: jointstmt {one * 1e3:.0f} ms; check-jsonschema {schema_one * 1e3:.0f} ms")
    print(f"(g) PyYAML C + jsonschema-rs      CPU per file {peer * 1e3:8.2f} ms")
    print(
        f"(h) start-up: jointstmt on one file {one * 1e3:.0f} ms; python -c pass {python * 1e3:.0f} ms"
    )

    print("\nratio                                               value   target")
    _target("PyYAML C + jsonschema-rs CPU / jointstmt CPU", peer / ours, ">=", 2.5)
    _target("check-jsonschema CPU / jointstmt CPU, per file", schema / ours, ">=", 20)
    _target("jointstmt CPU / bare PyYAML C parse CPU, per file", ours / bare, "<=", 1.5)
    _target("--jobs 1 wall / --jobs 2 wall", jobs1 / jobs2, ">=", 1.7)
    _target(f"peak RSS at N={n} / at N=10", rss_large / rss_small, "<=", 1.2)
    _target("one file: jointstmt wall / check-jsonschema wall", one / schema_one, "<=", 1.0)
    _target("one file: jointstmt wall / python -c pass wall", one / python, "<=", 6)
    if cores < 2:
        print("(only one core: --jobs 2 cannot be faster here)")


def _target(label: str, value: float, relation: str, target: float) -> None:
    met = value >= target if relation == ">=" else value <= target
    print(f"{label:<50} {value:7.2f}   {relation} {target:<5} {'met' if met else 'NOT MET'}")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
