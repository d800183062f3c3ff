"""The corpus runner: check many files, in order, in one process or several.

:func:`check_paths` takes what a user names (files, folders searched recursively
for ``*.yaml``/``*.yml``, ``-`` for standard input) and yields one
:class:`~jointstmt.findings.FileResult` per file, in input order, whatever the
number of jobs. With several jobs, files go out in small chunks with only a few
chunks in flight, so memory stays flat however large the corpus.

What a run cannot check is a result too, never a silent skip:

* **Folder walks** (:func:`walk`): a folder that cannot be read is ``io.walk``; a
  symbolic link that leads out of the folder searched (to a file or a folder) is
  ``io.symlink_outside`` and is not followed; a ``*.yaml`` entry that is not a regular
  file (a dangling link, a named pipe) is checked, and so reported. Links to folders
  inside the tree are not entered (their files are found where they are).
* **Workers**: ``jobs`` is cut to :data:`~jointstmt.limits.JOBS_PER_CORE` per core. When
  worker processes cannot start (no ``fork``, a read-only ``/dev/shm``), the run goes on
  in one process, with a note. When a worker dies (killed, out of memory), every file it
  and its pool held is ``io.worker`` (not checked), and the run goes on in a new pool.
* **Standard input** closed, or a folder, is ``io.unreadable``; it is read in pieces,
  never by reserving ``--max-bytes`` up front.
* **Findings** are bounded per run (:data:`~jointstmt.limits.MAX_RUN_FINDINGS`).
"""

from __future__ import annotations

import gc
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

from jointstmt.findings import FileResult, Finding
from jointstmt.limits import (
    CHUNKS_PER_JOB,
    JOBS_PER_CORE,
    MAX_CHUNK,
    MAX_RUN_FINDINGS,
    MIN_FILES_PER_JOB,
    Limits,
)

# not `from typing import TYPE_CHECKING`: the CLI imports this module at start-up
TYPE_CHECKING = False

if TYPE_CHECKING:
    from collections.abc import Callable
    from concurrent.futures import Future
    from typing import Any

    Note = Callable[[str], None]
    #: A file's name and what to check: its path, standard input's bytes, or a result already.
    Item = tuple[str, str | bytes | FileResult]

STDIN = "-"
#: Allocations between two young-generation collections (Python's default is 700).
_GC_THRESHOLD = 20_000


def check_paths(
    paths: Iterable[str | Path],
    limits: Limits = Limits(),
    jobs: int = 1,
    note: Note | None = None,
) -> Iterator[FileResult]:
    """Each file named by ``paths`` with its findings, in input order, using up to ``jobs`` processes.

    A path that does not exist gives a result with ``io.not_found``; what a folder walk
    cannot check gives its own result (:func:`walk`); results carry no statement
    (``statement`` is ``None``), only findings. ``note`` receives a sentence when the
    run changes course (workers that cannot start).
    """
    entries = list(walk(str(p) for p in paths))
    jobs = max(1, min(jobs, JOBS_PER_CORE * cores()))
    default = gc.get_threshold()
    # Checking a file builds thousands of containers that all live until it is done; at
    # the default threshold (700) the collector traverses them again and again, which
    # cost a third of the time per file (measured). Garbage here is freed by reference
    # counting; the rare cycle (an exception's traceback) waits a little longer.
    gc.set_threshold(_GC_THRESHOLD, *default[1:])
    try:
        yield from _bounded(_results(entries, limits, jobs, note or _silent))
    finally:
        gc.set_threshold(*default)


def _results(
    entries: list[str | FileResult], limits: Limits, jobs: int, note: Note
) -> Iterator[FileResult]:
    # The first file is checked here whatever ``jobs``: that loads the validation stack
    # and fills its caches (language registry, time zones) once, and forked workers
    # inherit them instead of each loading them again.
    first, rest = entries[:1], entries[1:]
    yield from (_check(entry, limits) for entry in first)
    if jobs == 1 or len(rest) < jobs * MIN_FILES_PER_JOB:
        yield from (_check(entry, limits) for entry in rest)
    else:
        yield from _in_workers(rest, limits, jobs, note)


def _silent(_: str) -> None:
    """No one to tell (the API's default)."""


def _bounded(results: Iterator[FileResult]) -> Iterator[FileResult]:
    """The results, with at most one finding per file (and a count) once the run's bound is reached."""
    reported = 0
    for result in results:
        if reported >= MAX_RUN_FINDINGS and len(result.findings) > 1:
            left_out = len(result.findings) - 1
            cap = Finding(
                "io.findings_cap",
                f"{left_out:,} more finding{'s' if left_out != 1 else ''} not reported: "
                f"the run reached its bound of {MAX_RUN_FINDINGS:,} findings",
            )
            result = FileResult(result.path, [result.findings[0], cap])
        reported += len(result.findings)
        yield result


def discover(paths: Iterable[str]) -> Iterator[str]:
    """The files :func:`walk` finds, without the results for what it could not walk."""
    return (entry for entry in walk(paths) if isinstance(entry, str))


def walk(paths: Iterable[str]) -> Iterator[str | FileResult]:
    """Named files as given, folders searched recursively for ``*.yaml``/``*.yml`` (sorted).

    Where a folder cannot be searched (see :func:`yaml_files`), a result with its finding
    takes the place of the files that were not found.
    """
    for name in paths:
        path = Path(name)
        if name != STDIN and path.is_dir():
            for found in yaml_files(path):
                yield found if isinstance(found, FileResult) else str(found)
        else:
            yield name


def yaml_files(folder: Path) -> list[Path | FileResult]:
    """The ``*.yaml``/``*.yml`` entries under ``folder``, and a result for each it cannot search.

    Sorted by path. A folder's entries need no ``stat`` call (``rglob`` makes one each).
    Folders that are symbolic links are not entered; a link (to a folder or a YAML
    file) that resolves outside ``folder`` is an ``io.symlink_outside`` result, and a
    folder that cannot be listed an ``io.walk`` result. An entry named ``*.yaml`` that
    is not a folder is returned whatever it is (a dangling link, a named pipe), so that
    checking it reports why it cannot be read.
    """
    root = Path(os.path.realpath(folder))
    found: list[Path | FileResult] = []
    pending = [folder]
    while pending:
        directory = pending.pop()
        try:
            with os.scandir(directory) as scan:
                entries = list(scan)
        except OSError as error:
            found.append(_walk_problem(directory, error))
            continue
        for entry in entries:
            path = directory / entry.name
            wanted = _is_yaml(entry.name)
            if entry.is_symlink():
                to_folder = _leads_to_folder(entry)
                if not (wanted or to_folder):
                    continue
                target = Path(os.path.realpath(path))
                if not target.is_relative_to(root):
                    found.append(_outside(path, target, folder))
                elif wanted and not to_folder:
                    found.append(path)
            elif entry.is_dir(follow_symlinks=False):
                pending.append(path)
            elif wanted:
                found.append(path)
    return sorted(found, key=lambda item: Path(item.path) if isinstance(item, FileResult) else item)


def _leads_to_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a symlink loop: not a folder (checking it as a file reports it)
        return False


def _is_yaml(name: str) -> bool:
    # ".yaml" alone is a hidden file without a suffix, to pathlib
    return name.endswith((".yaml", ".yml")) and name not in (".yaml", ".yml")


def _walk_problem(directory: Path, error: OSError) -> FileResult:
    from jointstmt.fileio import reason

    return FileResult(
        str(directory),
        [
            Finding(
                "io.walk",
                f"the folder cannot be searched ({reason(error)}); no file in it was checked",
            )
        ],
    )


def _outside(path: Path, target: Path, folder: Path) -> FileResult:
    return FileResult(
        str(path),
        [
            Finding(
                "io.symlink_outside",
                f"a symbolic link to {target}, outside the folder searched ({folder}); "
                "not followed (name the file itself to check it)",
            )
        ],
    )


def cores() -> int:
    """The cores this process may run on (its CPU affinity, where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _in_workers(
    entries: list[str | FileResult], limits: Limits, jobs: int, note: Note
) -> Iterator[FileResult]:
    """The results of ``entries``, checked in a pool of ``jobs`` processes (see the module docstring)."""
    from concurrent.futures.process import BrokenProcessPool

    if sys.stdout is not None:
        sys.stdout.flush()  # a forked worker would write out a copy of what is buffered
    chunks = _chunks(entries, jobs)
    # chunks made ready (standard input read, in order, as a serial run reads it) but not
    # yet taken by a pool: after a pool breaks, the next one starts with them
    ready: deque[list[Item]] = deque()
    while True:
        try:
            pool = _pool(jobs)
        except OSError as error:
            note(_one_process(error))
            yield from _serially(ready, chunks, limits)
            return
        pending: deque[tuple[list[Item], Future[list[FileResult]]]] = deque()
        broken = False
        try:
            while True:
                while not broken and len(pending) < jobs * CHUNKS_PER_JOB:
                    if not ready:
                        chunk = next(chunks, None)
                        if chunk is None:
                            break
                        ready.append([_item(entry, limits) for entry in chunk])
                    try:
                        future = pool.submit(_check_chunk, ready[0], limits)
                    except BrokenProcessPool:
                        broken = True
                        break
                    pending.append((ready.popleft(), future))
                if not pending:
                    break
                items, future = pending.popleft()
                try:
                    yield from future.result()
                except BrokenProcessPool:  # a worker died: the pool and all it held are gone
                    broken = True
                    yield from (_unchecked(item) for item in items)
        except OSError as error:  # fork failed while the pool grew
            note(_one_process(error))
            ready.extendleft(reversed([items for items, _ in pending]))
            yield from _serially(ready, chunks, limits)
            return
        finally:
            pool.shutdown(cancel_futures=True)
        if not broken:
            return


def _chunks(entries: list[str | FileResult], jobs: int) -> Iterator[list[str | FileResult]]:
    """Chunks that shrink as the end nears (guided scheduling): few tasks, and the workers
    still finish together."""
    start = 0
    while start < len(entries):
        size = max(1, min(MAX_CHUNK, (len(entries) - start) // (jobs * 4)))
        yield entries[start : start + size]
        start += size


def _serially(
    ready: deque[list[Item]], chunks: Iterator[list[str | FileResult]], limits: Limits
) -> Iterator[FileResult]:
    """The rest of a run in this process: the chunks made ready, then the others."""
    for items in ready:
        yield from (_check_item(item, limits) for item in items)
    for chunk in chunks:
        yield from (_check(entry, limits) for entry in chunk)


def _one_process(error: OSError) -> str:
    from jointstmt.fileio import reason

    return f"cannot start worker processes ({reason(error)}); checking in one process"


def _pool(jobs: int) -> Any:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: workers start at once with everything already loaded; elsewhere, the default
    context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
    return ProcessPoolExecutor(
        jobs, mp_context=context, initializer=gc.set_threshold, initargs=gc.get_threshold()
    )


def _unchecked(item: Item) -> FileResult:
    name, what = item
    if isinstance(what, FileResult):
        return what
    return FileResult(
        name,
        [
            Finding(
                "io.worker",
                "not checked: the worker process that held this file stopped "
                "(killed, or out of memory); check it again on its own",
            )
        ],
    )


def _item(entry: str | FileResult, limits: Limits) -> Item:
    """What to check for an entry: a file's path, the bytes of standard input, or a result already."""
    if isinstance(entry, FileResult):
        return entry.path, entry
    if entry != STDIN:
        return entry, entry
    from jointstmt.fileio import read_stream, reason

    if sys.stdin is None:
        return entry, _stdin_problem("standard input is closed")
    try:
        return entry, read_stream(sys.stdin.buffer, limits.max_bytes)
    except OSError as error:
        return entry, _stdin_problem(f"standard input cannot be read: {reason(error)}")


def _stdin_problem(message: str) -> FileResult:
    return FileResult(STDIN, [Finding("io.unreadable", message)])


def _check(entry: str | FileResult, limits: Limits) -> FileResult:
    """The result for an entry of :func:`walk`."""
    return _check_item(_item(entry, limits), limits)


def _check_item(item: Item, limits: Limits) -> FileResult:
    """The result for a file name, for bytes read from standard input, or the result given."""
    from jointstmt.validation import check_bytes, check_file

    name, what = item
    if isinstance(what, FileResult):
        return what
    if isinstance(what, bytes):
        # a statement read from standard input finds its source files in the current folder
        result = check_bytes(what, Path.cwd(), limits)
    else:
        result = check_file(Path(what), limits)
    # the statement stays in the worker (reporters need only findings); the corpus rules'
    # facts are small and travel with the result
    return FileResult(name, result.findings, facts=result.facts)


def _check_chunk(items: list[Item], limits: Limits) -> list[FileResult]:
    """A worker's task: the result for each item of a chunk."""
    return [_check_item(item, limits) for item in items]
