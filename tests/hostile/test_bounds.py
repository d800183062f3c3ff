"""Classes 3 and 9: input and option bounds, and the API's one odd input.

Standard input closed; a limit far beyond memory; thousands of jobs; a depth limit whose
parse cost would be quadratic; an empty path; ``loads()`` of text no file could hold.
Each run is bounded in CPU time and memory (:mod:`.process`): a limit that reserved
memory up front, or a fork per job, would cross the bound.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from jointstmt import ValidationFailed, loads
from jointstmt.limits import JOBS_PER_CORE, MAX_DEPTH_CAP
from jointstmt.runner import cores

from .process import assert_clean, error_lines, limit_resources, run, statement


def _report(result: subprocess.CompletedProcess[bytes]) -> list[tuple[str, str, int]]:
    """(path, code, line) of each finding in a JSON report."""
    report = json.loads(result.stdout)
    return [(f["path"], e["code"], e["line"]) for f in report["files"] for e in f["errors"]]


def test_standard_input_closed_is_a_finding(tmp_path: Path) -> None:
    result = subprocess.run(
        ["sh", "-c", 'exec "$0" -m jointstmt validate --format json - <&-', sys.executable],
        capture_output=True,
        preexec_fn=limit_resources,
        timeout=120,
        check=False,
    )
    assert_clean(result)
    assert result.returncode == 1
    assert _report(result) == [("-", "io.unreadable", 1)]


def test_a_size_limit_far_beyond_memory_reserves_nothing(tmp_path: Path) -> None:
    """10^15 bytes as --max-bytes, under a 3 GiB address space: standard input is read as it comes."""
    data = statement(tmp_path / "s").read_bytes()
    result = run(
        "validate",
        "--format",
        "json",
        "--max-bytes",
        str(10**15),
        "-",
        stdin=data,
        cwd=tmp_path / "s",
    )
    assert_clean(result)
    assert result.returncode == 0, result.stdout
    assert _report(result) == []


def test_standard_input_over_the_limit_is_too_large(tmp_path: Path) -> None:
    result = run(
        "validate", "--format", "json", "--max-bytes", "1000", "-", stdin=b"a: b\n" * 10_000
    )
    assert_clean(result)
    assert result.returncode == 1
    assert _report(result) == [("-", "yaml.too_large", 1)]


def test_thousands_of_jobs_are_cut_to_a_few_per_core(tmp_path: Path) -> None:
    """--jobs 5000 on 40 files: processes are capped, not forked by the thousand."""
    for number in range(40):  # statement ids are unique in a corpus
        path = statement(tmp_path / f"s{number:02}")
        path.write_text(path.read_text().replace("id: us-norway", f"id: s{number}-us-norway", 1))
    code = (
        "import sys, concurrent.futures as cf\n"
        "made = []\n"
        "init = cf.ProcessPoolExecutor.__init__\n"
        "def counting(self, workers, *a, **k):\n"
        "    made.append(workers); init(self, workers, *a, **k)\n"
        "cf.ProcessPoolExecutor.__init__ = counting\n"
        "from jointstmt.cli import main\n"
        "status = main(sys.argv[1:])\n"
        "print('pools', made, file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    result = run("validate", "--jobs", "5000", tmp_path, code=code)
    assert_clean(result)
    assert result.returncode == 0
    assert error_lines(result)[-1] == f"pools [{JOBS_PER_CORE * cores()}]"


def test_a_depth_limit_beyond_the_cap_is_a_usage_error() -> None:
    result = run("validate", "--max-depth", str(MAX_DEPTH_CAP + 1), "x.yaml")
    assert_clean(result)
    assert result.returncode == 2
    assert error_lines(result)[-1].startswith("jointstmt validate: error: argument --max-depth:")


def test_deep_nesting_at_the_highest_depth_limit_stays_bounded(tmp_path: Path) -> None:
    """10^5 nested '[' under --max-depth 1000: one finding, within the CPU bound."""
    path = tmp_path / "deep.yaml"
    path.write_bytes(b"a: " + b"[" * 100_000 + b"\n")
    result = run("validate", "--format", "json", "--max-depth", str(MAX_DEPTH_CAP), path)
    assert_clean(result)
    assert result.returncode == 1
    assert [code for _, code, _ in _report(result)] == ["yaml.too_deep"]


@pytest.mark.parametrize("command", ["validate", "coverage", "spans", "migrate"])
def test_an_empty_path_is_a_usage_error(command: str) -> None:
    """Path("") is the current folder: an empty argument never means "check everything here"."""
    result = run(command, "")
    assert_clean(result)
    assert result.returncode == 2
    # the command's usage (wrapped over lines), then one error line
    errors = [line for line in error_lines(result) if not line.startswith(("usage: ", " "))]
    assert len(errors) == 1


def test_loads_with_a_lone_surrogate_raises_validation_failed() -> None:
    text = 'schema_version: 1\ntitle: "x\ud800y"\n'
    with pytest.raises(ValidationFailed) as failed:
        loads(text)
    (finding,) = failed.value.findings
    assert (finding.code, finding.line, finding.column) == ("yaml.encoding", 2, 10)
