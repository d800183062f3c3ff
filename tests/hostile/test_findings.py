"""Class 7: a small file cannot make a run report (or hold) a flood of findings.

A few hundred KB of YAML gives a finding per bad clause, several per clause: without a
bound, hundreds of thousands of findings, gigabytes of memory and output. A file
reports at most ``--max-findings`` (default 1,000) and then one ``io.findings_cap``
finding with how many it left out; a run reports at most 100,000 in all, then one
finding per file and the count.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jointstmt import Limits, runner, validate
from jointstmt.findings import FileResult, Finding
from jointstmt.limits import MAX_FINDINGS

from .process import assert_clean, run

#: ~3 findings per line (two missing keys and an unknown one): 30,000 for ~700 KB.
CLAUSES = 10_000


def _flood(path: Path) -> Path:
    lines = ["schema_version: 1", "clauses:"] + ["- {type: welcome, q: 1}"] * CLAUSES
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_flood_of_findings_is_capped_with_a_count(tmp_path: Path) -> None:
    path = _flood(tmp_path / "flood.yaml")
    result = run("validate", "--format", "json", path)
    assert_clean(result)
    assert result.returncode == 1
    (file,) = json.loads(result.stdout)["files"]
    errors = file["errors"]
    assert len(errors) == MAX_FINDINGS + 1
    last = errors[-1]
    assert (last["code"], last["line"], last["column"]) == ("io.findings_cap", 1, 1)
    left_out = int(last["message"].split(" ", 1)[0].replace(",", ""))
    assert left_out > 2 * CLAUSES - MAX_FINDINGS  # every clause had at least two problems


def test_max_findings_raises_or_lowers_the_cap(tmp_path: Path) -> None:
    path = _flood(tmp_path / "flood.yaml")
    result = run("validate", "--max-findings", "3", path)
    assert_clean(result)
    assert result.returncode == 1
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 3 + 1 + 1  # three findings, the count, the summary
    assert ": io.findings_cap: " in lines[3]
    assert "raise it with --max-findings" in lines[3]


def test_the_api_caps_findings_too(tmp_path: Path) -> None:
    path = _flood(tmp_path / "flood.yaml")
    findings = validate(path, Limits(max_findings=10))
    assert len(findings) == 11
    assert findings[-1].code == "io.findings_cap"
    assert [f.code for f in validate(path, Limits(max_findings=10**6))].count(
        "io.findings_cap"
    ) == 0


def test_a_run_reports_at_most_its_bound_then_one_finding_per_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With the run's bound at 10: the files after it report their first finding and a count."""
    monkeypatch.setattr(runner, "MAX_RUN_FINDINGS", 10)
    many = [Finding("schema.value", f"problem {n}") for n in range(6)]
    results = [FileResult(f"{n}.yaml", many) for n in range(4)]
    bounded = list(runner._bounded(iter(results)))
    assert [len(r.findings) for r in bounded] == [6, 6, 2, 2]
    assert bounded[2].findings[0] == many[0]
    assert bounded[2].findings[1].code == "io.findings_cap"
    assert bounded[2].findings[1].message.startswith("5 more findings not reported")
