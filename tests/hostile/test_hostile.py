"""Every hostile case gives its finding at its line: through the CLI under resource limits, and the API.

The command runs in a subprocess with a CPU-time and an address-space limit and a
wall-clock timeout: generous bounds that a hang or a blow-up would cross, not a
speed test. It must exit 1 (0 for the legitimate cases) with exactly the expected
finding, and print nothing to standard error (no traceback, no warning).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from jointstmt import validate
from jointstmt.loader import Limits

from .checks import assert_located
from .corpus import CASES, Case, contents, expected_line

CPU_SECONDS = 60
ADDRESS_SPACE = 3 * 1024**3
WALL_SECONDS = 120


def _limit_resources() -> None:  # runs in the child, before exec
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def run_validate(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """``jointstmt validate --format json ARGS`` under the resource limits."""
    return subprocess.run(
        [sys.executable, "-m", "jointstmt", "validate", "--format", "json", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        preexec_fn=_limit_resources,
        timeout=WALL_SECONDS,
        check=False,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Case], Path]:
    """Each case's file, built once for the module (the large ones take a while to write)."""
    files: dict[str, Path] = {}

    def build(case: Case) -> Path:
        if case.name not in files:
            folder = tmp_path_factory.mktemp("case") / "statement"
            folder.mkdir()
            files[case.name] = case.build(folder)
        return files[case.name]

    return build


def expected(case: Case, data: bytes) -> list[tuple[str, int]]:
    return [] if case.code is None else [(case.code, expected_line(data, case.line))]


def reported(result: subprocess.CompletedProcess[bytes]) -> list[tuple[str, int]]:
    """(code, line) of each finding in a one-file JSON report; the process ended cleanly."""
    assert result.stderr == b"", result.stderr.decode(errors="replace")[-2000:]
    (file,) = json.loads(result.stdout)["files"]
    return [(e["code"], e["line"]) for e in file["errors"]]


def limits(case: Case) -> Limits:
    options = dict(zip(case.args[::2], case.args[1::2], strict=True))
    return Limits(max_bytes=int(options.get("--max-bytes", Limits().max_bytes)))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_cli_reports_the_case_at_its_line_within_limits(
    case: Case, built: Callable[[Case], Path]
) -> None:
    path = built(case)
    result = run_validate(*case.args, str(path))
    assert reported(result) == expected(case, contents(path))
    assert result.returncode == (0 if case.code is None else 1)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_api_returns_the_finding_and_never_raises(
    case: Case, built: Callable[[Case], Path]
) -> None:
    path = built(case)
    findings = validate(path, limits(case))
    data = contents(path)
    assert [(f.code, f.line) for f in findings] == expected(case, data)
    assert_located(data, findings)


STDIN_CASES = [c for c in CASES if c.name in {"binary data (elf)", "source path ../", "utf-8 bom"}]


@pytest.mark.parametrize("case", STDIN_CASES, ids=[c.name for c in STDIN_CASES])
def test_standard_input_is_checked_alike_with_sources_in_the_current_folder(
    case: Case, built: Callable[[Case], Path]
) -> None:
    path = built(case)
    data = contents(path)
    result = run_validate("-", stdin=data, cwd=path.parent)
    assert reported(result) == expected(case, data)
    assert result.returncode == (0 if case.code is None else 1)


def test_every_class_of_the_issue_has_a_case() -> None:
    """The classes SPEC §9 and issue 7 name, each present in the corpus."""
    names = " | ".join(c.name for c in CASES)
    for needed in [
        "unclosed", "bad indentation", "tab", "invalid utf-8", "utf-16 with bom",
        "utf-16-le without bom", "nul byte", "binary data", "empty file", "only comments",
        "several documents", "top-level list", "top-level scalar", "top-level null",
        "alias bomb", "single alias", "merge key", "10^5 levels", "50 MiB", "10 MiB scalar",
        "!!python/object/apply", "!!binary", "custom tag", "duplicate key at the top",
        "duplicate key nested", "? [a]", "(1:)", "%YAML 1.1", "2024-02-30", "2024-13-01",
        "huge integer", "nan", "infinity", "very long line", "span past the end",
        "negative span", "reversed span", "../", "absolute source path",
        "symlink pointing outside", "missing source", "named pipe", "not utf-8",
        "wrong sha256", "directory", "utf-8 bom", "country: NO", "crlf",
    ]:  # fmt: skip
        assert needed in names, needed


def test_the_resource_limits_stop_a_runaway_process() -> None:
    """The guard is real: a child asking for more memory than the limit is refused."""
    result = subprocess.run(
        [sys.executable, "-c", f"bytearray({ADDRESS_SPACE})"],
        capture_output=True,
        preexec_fn=_limit_resources,
        timeout=WALL_SECONDS,
        check=False,
    )
    assert result.returncode != 0
    assert b"MemoryError" in result.stderr


@pytest.mark.parametrize("name", ["state\0ment.yaml", "x" * 5000 + ".yaml", "loop.yaml"])
def test_api_a_path_that_cannot_name_a_file_is_a_finding(name: str, tmp_path: Path) -> None:
    """A NUL character, a name too long, a symlink loop: io.unreadable, never an exception."""
    (tmp_path / "loop.yaml").symlink_to("loop.yaml")
    (finding,) = validate(tmp_path / name)
    assert (finding.code, finding.line, finding.column) == ("io.unreadable", 1, 1)
