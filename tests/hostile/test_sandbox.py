"""Validation opens nothing outside the statement's folder, writes nothing, runs no program, and
touches no network: checked for the source-path cases with Python audit hooks and, where
strace can run, at the system-call level.

Each case's folder sits in its own scratch folder beside a file ``outside.txt`` that a
path (``../``, a symlink) tries to reach. The interpreter's own files (modules loaded
lazily, the time zone database) are outside any statement's folder too, so reads
there are allowed; reads anywhere in the scratch tree must be inside a case's folder.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import site
import subprocess
import sys
import sysconfig
import zoneinfo
from pathlib import Path
from typing import Any

import pytest

import jointstmt

from .corpus import CASES, contents, expected_line

PATH_CASES = [
    c
    for c in CASES
    if (c.code or "").startswith(("rule.source", "rule.sha256")) or "symlink" in c.name
]
NEVER_OPENED = ("/etc/passwd", "outside.txt")

# Runs the CLI with an audit hook recording what validation does (after start-up).
AUDITED = """
import json, sys
events = []
recording = False

def hook(event, args):
    if recording and (event == "open" or event.startswith(("os.", "socket.", "subprocess.", "shutil."))):
        events.append([event, [a if isinstance(a, (str, int, type(None))) else repr(a) for a in args]])

sys.addaudithook(hook)
from jointstmt.cli import main
recording = True
try:
    status = main(sys.argv[2:])
finally:
    recording = False
with open(sys.argv[1], "w", encoding="utf-8") as log:
    json.dump({"status": status, "events": events}, log)
"""
# Listing a folder is reading; every other os.* event changes something or starts a process.
READ_ONLY_OS_EVENTS = {"os.listdir", "os.scandir"}
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def _build_all(root: Path) -> tuple[list[Path], list[Path]]:
    """Each path case in ``root/<n>/statement``; the YAML files and the statement folders."""
    files = []
    for number, case in enumerate(PATH_CASES):
        folder = root / str(number) / "statement"
        folder.mkdir(parents=True)
        files.append(case.build(folder))
    return files, [f.parent for f in files]


def _inside(path: Path, folders: list[Path]) -> bool:
    return any(path == f or path.is_relative_to(f) for f in folders)


def _interpreter_roots() -> list[Path]:
    """Where the interpreter's own modules and data live: reading there is not reading input."""
    roots = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}
    roots |= set(sysconfig.get_paths().values())
    roots |= set(site.getsitepackages()) | set(zoneinfo.TZPATH)
    roots.add(str(Path(jointstmt.__file__).parent))
    return [Path(os.path.realpath(r)) for r in roots]


def _check_findings(report: dict[str, Any], files: list[Path]) -> None:
    """Each case's file has its expected finding in the JSON report (the run did its work)."""
    by_path = {f["path"]: f for f in report["files"]}
    for case, path in zip(PATH_CASES, files, strict=True):
        found = [(e["code"], e["line"]) for e in by_path[str(path)]["errors"]]
        want = [] if case.code is None else [(case.code, expected_line(contents(path), case.line))]
        assert found == want, case.name


def test_validation_reads_only_inside_the_folder_and_writes_nothing(tmp_path: Path) -> None:
    """Audit hooks see every open, and every os, socket and subprocess action, after start-up."""
    files, folders = _build_all(tmp_path / "cases")
    log = tmp_path / "audit.json"
    # one process (--jobs 1): a forked worker's events would stay in the worker
    result = subprocess.run(
        [sys.executable, "-B", "-c", AUDITED, str(log), "validate", "--jobs", "1"]
        + ["--format", "json"]
        + [str(f) for f in files],
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.stderr == b"", result.stderr.decode(errors="replace")
    _check_findings(json.loads(result.stdout), files)
    audit = json.loads(log.read_text(encoding="utf-8"))
    assert audit["status"] == 1
    events = audit["events"]
    assert [e for e in events if e[0].startswith(("socket.", "subprocess.", "shutil."))] == []
    assert [e for e in events if e[0].startswith("os.") and e[0] not in READ_ONLY_OS_EVENTS] == []
    roots = _interpreter_roots()
    opened = []
    for event, (path, mode, flags) in (e for e in events if e[0] == "open"):
        assert not any(c in str(mode) for c in "wax+"), (event, path, mode)
        assert not flags & WRITE_FLAGS, (event, path, flags)
        if isinstance(path, int):  # a descriptor already open
            continue
        real = Path(os.path.realpath(tmp_path / path))
        opened.append(real)
        assert not str(real).endswith(NEVER_OPENED), real
        if real.is_relative_to(tmp_path):
            assert _inside(real, folders), real
        else:
            assert any(real.is_relative_to(r) for r in roots), real
    # the source texts that should be read were read: the hook saw the validator at work
    assert any(p.name == "statement.txt" for p in opened)


STRACE = shutil.which("strace")
SYSCALLS = (
    "open,openat,openat2,creat,execve,execveat,socket,connect,bind,sendto,"
    "unlink,unlinkat,rename,renameat,renameat2,mkdir,mkdirat,rmdir,symlink,symlinkat,"
    "link,linkat,truncate,chmod,fchmodat,chown,fchownat"
)
# The --jobs worker pool's locks: POSIX named semaphores, which glibc makes as files in
# /dev/shm and unlinks at once. Inter-process plumbing, not output; nothing else may be made.
SEMAPHORE = re.compile(r'"/dev/shm/sem\.[\w.-]+"')


def _strace_works() -> bool:
    if STRACE is None:
        return False
    probe = subprocess.run([STRACE, "-o", os.devnull, "true"], capture_output=True, check=False)
    return probe.returncode == 0  # ptrace may be forbidden in a container


@pytest.mark.skipif(not _strace_works(), reason="needs strace, allowed to trace")
def test_no_system_call_opens_outside_the_folder_writes_or_connects(tmp_path: Path) -> None:
    """The same, seen by the kernel: this also covers C extensions and the worker processes."""
    files, folders = _build_all(tmp_path / "cases")
    trace = tmp_path / "strace.log"
    work = tmp_path / "cwd"
    work.mkdir()
    assert STRACE is not None
    result = subprocess.run(
        [STRACE, "-f", "-qq", "-o", str(trace), "-e", f"trace={SYSCALLS}"]
        + [sys.executable, "-I", "-B", "-m", "jointstmt", "validate", "--format", "json"]
        + [str(f) for f in files],
        capture_output=True,
        cwd=work,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stderr.decode(errors="replace")
    _check_findings(json.loads(result.stdout), files)
    calls = [line.split(None, 1)[1] for line in trace.read_text().splitlines()]  # "PID  call"
    # "--- SIGCHLD": a signal; "<... openat resumed>": the end of a call already logged
    calls = [c for c in calls if not c.startswith(("---", "+++", "<..."))]
    calls = [c for c in calls if not SEMAPHORE.search(c)]
    names = [c.split("(", 1)[0] for c in calls]
    assert names.count("execve") == 1, calls  # the interpreter itself; no other program
    opens = [c for c, n in zip(calls, names, strict=True) if n.startswith(("open", "creat"))]
    assert len(opens) == len(calls) - 1, [c for c in calls if not c.startswith(("open", "exec"))]
    for call in opens:
        assert not re.search(r"O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND|^creat", call), call
        path = re.search(r'"((?:[^"\\]|\\.)*)"', call)
        assert path is not None, call
        real = Path(os.path.realpath(work / path.group(1)))
        assert not str(real).endswith(NEVER_OPENED), call
        if real.is_relative_to(tmp_path) and not call.endswith(
            "ENOENT (No such file or directory)"
        ):
            assert _inside(real, folders), call
