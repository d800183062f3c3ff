"""The corpus runner: check many files, in order, in one process or several.

:func:`check_paths` takes what a user names (files, folders searched recursively
for ``*.yaml``/``*.yml``, ``-`` for standard input) and yields one
:class:`~jointstmt.findings.FileResult` per file, in input order, whatever the
number of jobs. With several jobs, files go out in small chunks with only a few
chunks in flight, so memory stays flat however large the corpus.
"""

from __future__ import annotations

import gc
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

from jointstmt.findings import FileResult
from jointstmt.limits import CHUNKS_PER_JOB, MAX_CHUNK, MIN_FILES_PER_JOB, Limits

# not `from typing import TYPE_CHECKING`: the CLI imports this module at start-up
TYPE_CHECKING = False

if TYPE_CHECKING:
    from concurrent.futures import Future

STDIN = "-"
#: Allocations between two young-generation collections (Python's default is 700).
_GC_THRESHOLD = 20_000


def check_paths(
    paths: Iterable[str | Path], limits: Limits = Limits(), jobs: int = 1
) -> Iterator[FileResult]:
    """Each file named by ``paths`` with its findings, in input order, using up to ``jobs`` processes.

    A path that does not exist gives a result with ``io.not_found``; results carry no
    statement (``statement`` is ``None``), only findings.
    """
    names = list(discover(str(p) for p in paths))
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
        yield from (_check(name, _item(name, limits), limits) for name in first)
        if jobs == 1 or len(rest) < jobs * MIN_FILES_PER_JOB:
            yield from (_check(name, _item(name, limits), limits) for name in rest)
        else:
            sys.stdout.flush()  # a forked worker would write out a copy of what is buffered
            yield from _in_workers(rest, limits, jobs)
    finally:
        gc.set_threshold(*default)


def discover(paths: Iterable[str]) -> Iterator[str]:
    """Named files as given, folders searched recursively for ``*.yaml``/``*.yml`` (sorted)."""
    for name in paths:
        path = Path(name)
        if name != STDIN and path.is_dir():
            yield from (str(p) for p in sorted(yaml_files(path)))
        else:
            yield name


def yaml_files(folder: Path) -> list[Path]:
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


def cores() -> int:
    """The cores this process may run on (its CPU affinity, where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _in_workers(names: list[str], limits: Limits, jobs: int) -> Iterator[FileResult]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: workers start at once with everything already loaded; elsewhere, the default
    context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
    pending: deque[Future[list[FileResult]]] = deque()
    pool = ProcessPoolExecutor(
        jobs, mp_context=context, initializer=gc.set_threshold, initargs=gc.get_threshold()
    )
    try:
        start = 0
        while start < len(names):
            # chunks shrink as the end nears (guided scheduling): few tasks, and the
            # workers still finish together
            size = max(1, min(MAX_CHUNK, (len(names) - start) // (jobs * 4)))
            chunk = names[start : start + size]
            start += size
            # standard input is read here, in order, as a serial run reads it
            items = [(name, _item(name, limits)) for name in chunk]
            pending.append(pool.submit(_check_chunk, items, limits))
            if len(pending) >= jobs * CHUNKS_PER_JOB:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(cancel_futures=True)


def _item(name: str, limits: Limits) -> str | bytes:
    """What to check for a name: the file's path, or the bytes of standard input."""
    return sys.stdin.buffer.read(limits.max_bytes + 1) if name == STDIN else name


def _check(name: str, item: str | bytes, limits: Limits) -> FileResult:
    """The result for a file name, or for bytes read from standard input."""
    from jointstmt.validation import check_bytes, check_file

    if isinstance(item, bytes):
        # a statement read from standard input finds its source files in the current folder
        findings = check_bytes(item, Path.cwd(), limits).findings
    else:
        findings = check_file(Path(item), limits).findings
    return FileResult(name, findings)


def _check_chunk(items: list[tuple[str, str | bytes]], limits: Limits) -> list[FileResult]:
    """A worker's task: the result for each item of a chunk."""
    return [_check(name, item, limits) for name, item in items]
