"""The ``jointstmt`` command: a thin layer over validation, schema and datasets.

Exit status: 0 all valid (or the command succeeded); 1 a file is invalid or
unreadable, or ``schema --check`` found drift; 2 a usage error (a bad option, a
named path that does not exist). Heavy modules are imported inside the command
that needs them, so ``--help`` and ``--version`` start instantly.

``validate --jobs N`` checks files in N worker processes (default: the number of
cores). Files go out in small chunks with only a few chunks in flight, so memory
stays flat however large the corpus, and results come back, and are reported,
in input order: the output is the same for every N.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import os
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path

from jointstmt._version import __version__

# not `from typing import TYPE_CHECKING`: typing would double the start-up of --help
TYPE_CHECKING = False

if TYPE_CHECKING:
    from concurrent.futures import Future

    from jointstmt.findings import Finding
    from jointstmt.loader import Limits

STDIN = "-"
#: Most files per task sent to a worker: enough that inter-process traffic is noise
#: (a ~12 KB statement takes ~2 ms), few enough to keep what is in flight small.
_MAX_CHUNK = 32
#: Chunks in flight per worker: keeps every worker busy while bounding what is buffered.
_CHUNKS_PER_JOB = 3
#: Below this many files per worker, starting workers costs more than it saves.
_MIN_FILES_PER_JOB = 4
#: Allocations between two young-generation collections (Python's default is 700).
_GC_THRESHOLD = 20_000


class _UsageError(Exception):
    """A problem with the command line itself (exit status 2)."""


def _files(paths: Sequence[str]) -> Iterator[str]:
    """Named files as given, folders searched recursively for ``*.yaml``/``*.yml`` (sorted)."""
    for name in paths:
        if name == STDIN:
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            yield from (str(p) for p in sorted(_yaml_files(path)))
        else:
            yield name


def _yaml_files(folder: Path) -> list[Path]:
    """The files ``folder.rglob("*")`` finds with suffix ``.yaml`` or ``.yml``, in half the time.

    Like ``rglob``, folders that are symbolic links are not entered, and folders that
    cannot be read are skipped; unlike it, a folder's entries need no ``stat`` call.
    """
    found: list[Path] = []
    pending = [folder]
    while pending:
        directory = pending.pop()
        try:
            with os.scandir(directory) as scan:
                entries = list(scan)
        except PermissionError:
            continue
        for entry in entries:
            name = entry.name
            if entry.is_dir(follow_symlinks=False):
                pending.append(directory / name)
            elif (
                name.endswith((".yaml", ".yml"))
                and name not in (".yaml", ".yml")  # a hidden file without a suffix, to pathlib
                and entry.is_file()
            ):
                found.append(directory / name)
    return found


def _validate(args: argparse.Namespace) -> int:
    from jointstmt.loader import Limits
    from jointstmt.report import REPORTERS, FileResult, Summary

    missing = [p for p in args.paths if p != STDIN and not Path(p).exists()]
    if missing:
        raise _UsageError(f"no such file or folder: {', '.join(missing)}")
    limits = Limits(max_bytes=args.max_bytes, max_depth=args.max_depth)
    reporter = REPORTERS[args.format](sys.stdout)
    summary = Summary()
    for name, findings in _check_all(list(_files(args.paths)), limits, args.jobs):
        result = FileResult(name, findings)
        summary.add(result)
        reporter.file(result)
    reporter.finish(summary)
    return 0 if summary.invalid == 0 else 1


def _check_all(names: list[str], limits: Limits, jobs: int) -> Iterator[tuple[str, list[Finding]]]:
    """Each named file with its findings, in input order, using up to ``jobs`` processes."""
    default = gc.get_threshold()
    # Checking a file builds thousands of containers that all live until it is done; at
    # the default threshold (700) the collector traverses them again and again, which
    # cost a third of the time per file (measured). Garbage here is freed by reference
    # counting; the rare cycle (an exception's traceback) waits a little longer.
    gc.set_threshold(_GC_THRESHOLD, *default[1:])
    try:
        # The first file is checked here whatever ``jobs``: that loads the validation
        # stack and fills its caches (language registry, time zones) once, and forked
        # workers inherit them instead of each loading them again.
        first, rest = names[:1], names[1:]
        yield from ((name, _check(_item(name, limits), limits)) for name in first)
        if jobs == 1 or len(rest) < jobs * _MIN_FILES_PER_JOB:
            yield from ((name, _check(_item(name, limits), limits)) for name in rest)
        else:
            sys.stdout.flush()  # a forked worker would write out a copy of what is buffered
            yield from _in_workers(rest, limits, jobs)
    finally:
        gc.set_threshold(*default)


def _in_workers(names: list[str], limits: Limits, jobs: int) -> Iterator[tuple[str, list[Finding]]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: workers start at once with everything already loaded; elsewhere, the default
    context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
    pending: deque[tuple[list[str], Future[list[list[Finding]]]]] = deque()
    pool = ProcessPoolExecutor(
        jobs, mp_context=context, initializer=gc.set_threshold, initargs=gc.get_threshold()
    )
    try:
        start = 0
        while start < len(names):
            # chunks shrink as the end nears (guided scheduling): few tasks, and the
            # workers still finish together
            size = max(1, min(_MAX_CHUNK, (len(names) - start) // (jobs * 4)))
            chunk = names[start : start + size]
            start += size
            # standard input is read here, in order, as a serial run reads it
            items = [_item(name, limits) for name in chunk]
            pending.append((chunk, pool.submit(_check_chunk, items, limits)))
            if len(pending) >= jobs * _CHUNKS_PER_JOB:
                done, future = pending.popleft()
                yield from zip(done, future.result(), strict=True)
        while pending:
            done, future = pending.popleft()
            yield from zip(done, future.result(), strict=True)
    finally:
        pool.shutdown(cancel_futures=True)


def _item(name: str, limits: Limits) -> str | bytes:
    """What to check for a name: the file's path, or the bytes of standard input."""
    return sys.stdin.buffer.read(limits.max_bytes + 1) if name == STDIN else name


def _check(item: str | bytes, limits: Limits) -> list[Finding]:
    """The findings for a file name, or for bytes read from standard input."""
    from jointstmt.validation import check_bytes, check_file

    if isinstance(item, bytes):
        # a statement read from standard input finds its source files in the current folder
        return check_bytes(item, Path.cwd(), limits).findings
    return check_file(Path(item), limits).findings


def _check_chunk(items: list[str | bytes], limits: Limits) -> list[list[Finding]]:
    """A worker's task: the findings for each item of a chunk."""
    return [_check(item, limits) for item in items]


def _cores() -> int:
    """The cores this process may run on (its CPU affinity, where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _schema(args: argparse.Namespace) -> int:
    from jointstmt.schema import render

    text = render()
    if args.check:
        try:
            current = Path(args.check).read_text(encoding="utf-8")
        except OSError as error:
            print(f"jointstmt schema: cannot read {args.check}: {error.strerror}", file=sys.stderr)
            return 1
        if current != text:
            print(
                f"{args.check} differs from the schema the models generate; "
                f"regenerate it with: jointstmt schema --output {args.check}",
                file=sys.stderr,
            )
            return 1
        return 0
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _datasets(args: argparse.Namespace) -> int:
    from jointstmt.datasets import list_datasets

    for dataset in list_datasets():
        print(f"{dataset.id}\t{dataset.path}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jointstmt",
        description="Validate joint diplomatic statements (YAML), print their JSON Schema, "
        "list the shipped datasets.",
    )
    parser.add_argument("--version", action="version", version=f"jointstmt {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="validate statement files",
        description="Validate YAML statement files: structure, rules, source texts and spans. "
        "Exit 0 when all are valid, 1 when any is invalid or unreadable, 2 on usage errors.",
    )
    validate.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, folders (searched for *.yaml, *.yml), or -"
    )
    validate.add_argument(
        "--format", choices=("text", "json", "github"), default="text", help="output format"
    )
    validate.add_argument(
        "--max-bytes", type=_positive, default=5 * 1024 * 1024, help="file size limit (5 MiB)"
    )
    validate.add_argument("--max-depth", type=_positive, default=64, help="nesting limit (64)")
    cores = _cores()
    validate.add_argument(
        "--jobs",
        "-j",
        type=_positive,
        default=cores,
        metavar="N",
        help=f"check files in N processes; output stays in input order "
        f"(default: the number of cores, {cores})",
    )
    validate.set_defaults(run=_validate)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema",
        description="Print the JSON Schema (Draft 2020-12) the models generate.",
    )
    target = schema.add_mutually_exclusive_group()
    target.add_argument("--output", metavar="FILE", help="write it to FILE instead")
    target.add_argument("--check", metavar="FILE", help="exit 1 when FILE differs from it")
    schema.set_defaults(run=_schema)

    datasets = commands.add_parser(
        "datasets", help="list the shipped datasets", description="List the shipped datasets."
    )
    datasets.set_defaults(run=_datasets)
    from jointstmt.spans import register

    register(commands)
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not positive")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    # The interpreter's last collections at exit would traverse every object pydantic and
    # the models loaded (~20 ms, a tenth of a one-file run); frozen, they are skipped.
    atexit.register(gc.freeze)
    try:
        status: int = args.run(args)
    except _UsageError as error:
        parser.error(str(error))  # exits 2
    except BrokenPipeError:  # `jointstmt validate ... | head`
        sys.stderr.close()
        return 1
    except KeyboardInterrupt:  # Ctrl-C: stop quietly, with the shell's status for SIGINT
        print("jointstmt: interrupted", file=sys.stderr)
        return 130
    return status
