"""Class 8: worker processes that die, or cannot start, never end a run in a traceback.

A worker killed while it checks a file (the kernel's out-of-memory killer, an admin's
``kill -9``): every file its pool held is reported ``io.worker`` (not checked), every
other file is checked in a new pool, in input order. Workers that cannot start (a
read-only ``/dev/shm`` refuses the pool's semaphores; ``fork`` fails): the run goes
on in one process, with one note on standard error.

The faults are injected into the child ``jointstmt`` process (forked workers inherit
the patch), not simulated around it.
"""

from __future__ import annotations

import json
from pathlib import Path

from .process import assert_clean, error_lines, run, statement

FILES = 40
#: Runs the CLI after a patch that the test gives as its first argument.
PATCHED = """
import os, signal, sys
exec(sys.argv[1])
from jointstmt.cli import main
sys.exit(main(sys.argv[2:]))
"""
KILL_ON_DIE = """
from jointstmt import runner
main_pid = os.getpid()
check_item = runner._check_item
def dying(item, limits):
    if os.getpid() != main_pid and item[0].endswith("die.yaml"):
        os.kill(os.getpid(), signal.SIGKILL)
    return check_item(item, limits)
runner._check_item = dying
"""
NO_SEMAPHORES = """
import multiprocessing.synchronize as synchronize
def refused(self, *args, **kwargs):
    raise PermissionError(13, "Permission denied", "/dev/shm/sem.mp")
synchronize.SemLock.__init__ = refused
"""
NO_FORK = """
def refused():
    raise BlockingIOError(11, "Resource temporarily unavailable")
os.fork = refused
"""


def _corpus(root: Path) -> list[Path]:
    """FILES valid statements (ids unique in the corpus); number 20 is called die.yaml."""
    paths = []
    for number in range(FILES):
        path = statement(root / f"s{number:02}")
        text = path.read_text().replace("id: us-norway", f"id: s{number}-us-norway", 1)
        path.write_text(text, encoding="utf-8")
        if number == 20:
            path = path.rename(path.parent / "die.yaml")
        paths.append(path)
    return paths


def _files(stdout: bytes) -> list[tuple[str, list[str]]]:
    return [(f["path"], [e["code"] for e in f["errors"]]) for f in json.loads(stdout)["files"]]


def test_a_killed_worker_leaves_its_files_unchecked_and_the_run_goes_on(tmp_path: Path) -> None:
    paths = _corpus(tmp_path)
    result = run(KILL_ON_DIE, "validate", "--jobs", "2", "--format", "json", tmp_path, code=PATCHED)
    assert_clean(result)
    assert result.returncode == 1
    files = _files(result.stdout)
    assert [path for path, _ in files] == [str(p) for p in paths]  # each once, in order
    verdicts = dict(files)
    assert verdicts[str(paths[20])] == ["io.worker"]
    assert {tuple(codes) for codes in verdicts.values()} <= {(), ("io.worker",)}
    assert verdicts[str(paths[-1])] == []  # checked after the break, in a new pool
    assert verdicts[str(paths[0])] == []


def test_no_semaphores_means_one_process_and_a_note(tmp_path: Path) -> None:
    """A read-only /dev/shm: the pool's locks cannot be made."""
    paths = _corpus(tmp_path)
    result = run(
        NO_SEMAPHORES, "validate", "--jobs", "2", "--format", "json", tmp_path, code=PATCHED
    )
    assert_clean(result)
    assert result.returncode == 0
    assert _files(result.stdout) == [(str(p), []) for p in paths]
    assert error_lines(result) == [
        "jointstmt: note: cannot start worker processes (Permission denied); "
        "checking in one process"
    ]


def test_a_fork_that_fails_means_one_process_and_a_note(tmp_path: Path) -> None:
    paths = _corpus(tmp_path)
    result = run(NO_FORK, "validate", "--jobs", "2", "--format", "json", tmp_path, code=PATCHED)
    assert_clean(result)
    assert result.returncode == 0
    assert _files(result.stdout) == [(str(p), []) for p in paths]
    assert error_lines(result) == [
        "jointstmt: note: cannot start worker processes (Resource temporarily unavailable); "
        "checking in one process"
    ]
