"""Corpus rules: what must hold across the statements validated together (one test per rule)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from jointstmt.cli import main

DATASETS = Path(__file__).resolve().parents[1] / "datasets"
EN = "los-angeles-declaration-2022-06-10-en"
FR = "los-angeles-declaration-2022-06-10-fr"


def _copy(tmp_path: Path, *ids: str) -> list[Path]:
    for statement_id in ids:
        shutil.copytree(DATASETS / statement_id, tmp_path / statement_id)
    return [tmp_path / i / f"{i}.yaml" for i in ids]


def _findings(out: str) -> list[tuple[str, str]]:
    return re.findall(r"^(\S+?):\d+:\d+: (rule\.[a-z_]+): ", out, re.M)


def test_statement_ids_are_unique_across_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (first,) = _copy(tmp_path, "g7-leaders-gaza-2024-06-03")
    second = tmp_path / "copy" / first.name
    shutil.copytree(first.parent, second.parent)
    assert main(["validate", "--jobs", "1", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    # the folder walk is sorted: copy/ comes first, so the later file carries the finding
    assert _findings(out) == [(str(first), "rule.corpus_duplicate_id")]
    # located at the id, found again in the file only because it has a corpus finding
    line = first.read_text(encoding="utf-8").splitlines().index(f"id: {first.parent.name}") + 1
    assert f"{first}:{line}:5: rule.corpus_duplicate_id" in out
    assert out.strip().endswith("2 files checked: 1 valid, 1 invalid, 1 error")


def test_a_link_to_another_statement_resolves_within_the_files_validated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (en,) = _copy(tmp_path, EN)
    assert main(["validate", str(en)]) == 0  # the declaration names itself: it resolves
    capsys.readouterr()
    text = en.read_text(encoding="utf-8")
    assert f"statement: {EN}" in text
    en.write_text(text.replace(f"statement: {EN}", "statement: an-unshipped-statement", 1))
    assert main(["validate", str(en)]) == 1
    assert _findings(capsys.readouterr().out) == [(str(en), "rule.corpus_reference")]


def test_language_versions_of_one_work_share_clause_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    en, fr = _copy(tmp_path, EN, FR)
    assert main(["validate", "--jobs", "1", str(en), str(fr)]) == 0
    capsys.readouterr()
    text = fr.read_text(encoding="utf-8")
    clause_id = re.search(r"^  - id: (\S+)\n    type:", text, re.M)
    assert clause_id is not None
    fr.write_text(text.replace(f"- id: {clause_id[1]}\n", "- id: renamed-in-french\n", 1))
    assert main(["validate", "--jobs", "1", str(en), str(fr)]) == 1
    out = capsys.readouterr().out
    assert _findings(out) == [(str(fr), "rule.work_alignment")]
    assert "lacks clause ids" in out


def test_language_versions_of_one_work_differ_in_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    en, fr = _copy(tmp_path, EN, FR)
    fr.write_text(fr.read_text(encoding="utf-8").replace("\nlanguage: fr\n", "\nlanguage: en\n", 1))
    assert main(["validate", "--jobs", "1", str(en), str(fr)]) == 1
    assert _findings(capsys.readouterr().out) == [(str(fr), "rule.work_alignment")]
