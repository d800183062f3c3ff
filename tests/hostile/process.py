"""Running ``jointstmt`` as a user would, under resource limits, and what every run must show.

The command runs in a subprocess with a CPU-time and an address-space limit and a
wall-clock timeout: generous bounds that a hang or a blow-up would cross, not a speed
test. :func:`assert_clean` holds for every outcome, good or bad: no traceback, and
nothing on either stream that a terminal would act on or hide.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

from .printable import assert_printable

CPU_SECONDS = 60
ADDRESS_SPACE = 3 * 1024**3
WALL_SECONDS = 120
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "bilateral-leaders"


def limit_resources() -> None:  # runs in the child, before exec
    """The child's bounds: CPU time and address space."""
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def run(
    *args: str | Path,
    stdin: bytes | int | IO[Any] | None = None,
    stdout: int | IO[Any] | None = subprocess.PIPE,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    code: str | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """``jointstmt ARGS`` (or ``python -c CODE ARGS``) under the resource limits."""
    command = ["-c", code] if code is not None else ["-m", "jointstmt"]
    return subprocess.run(
        [sys.executable, *command, *map(str, args)],
        input=stdin if isinstance(stdin, bytes) else None,
        stdin=None if isinstance(stdin, bytes) else stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})},
        preexec_fn=limit_resources,
        timeout=WALL_SECONDS,
        check=False,
    )


def assert_clean(result: subprocess.CompletedProcess[bytes]) -> None:
    """No traceback, no raw control character on either stream."""
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")[-3000:]
    assert_printable(result.stdout or b"")
    assert_printable(result.stderr)


def error_lines(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    """The lines on standard error."""
    return result.stderr.decode("utf-8", errors="replace").splitlines()


def statement(folder: Path, text: str | None = None) -> Path:
    """The valid bilateral example (or ``text`` as its YAML) in ``folder``; the YAML file."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(EXAMPLE / "statement.txt", folder / "statement.txt")
    target = folder / "statement.yaml"
    target.write_text(
        text if text is not None else (EXAMPLE / "statement.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    return target
