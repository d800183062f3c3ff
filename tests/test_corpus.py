"""The shipped corpus (SPEC §8a): byte-identical texts, every statement valid and covered, cards
and index in step with the data, agreement figures reproducible."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from jointstmt import load
from jointstmt.cli import main

REPOSITORY = Path(__file__).resolve().parents[1]
DATASETS = REPOSITORY / "datasets"
SHARED = REPOSITORY.parent / "shared" / "corpus"

#: SHA-256 of each text of ../shared/corpus/ as it was handed over: the shipped copy must keep
#: these bytes (and, where shared/ is beside the checkout, equal the file there).
CORPUS_SHA256 = {
    "asean-us-csp-2022-11-12": "8eef50b65a0521c2cd995416d1ad3e9c67cf2a04c84467696ad8c25a4ba33e49",
    "aukus-leaders-2021-09-15": "b4e96811a9db2d46b5b2fdf8afd186bac27b704218fa2c671f80cbd4fefd1cc8",
    "counter-ransomware-initiative-2021-10-14": "00de52fdb2abd9aad5a3581f19ccf84620bb10b3a433f88694f6aacf930767a1",
    "f16s-for-ukraine-2024-07-10": "d68a493b81bab6e6b830aacbf340e9c4a4faa9854fb9a3e73a98bf1dc81f93f1",
    "further-restrictive-measures-2022-02-26": "9f4fbf9bca9283cbb7db859613a39160dd1d06026f85612a432fd9f74fc99aeb",
    "g7-leaders-gaza-2024-06-03": "0f74fd07ac9679f0441748a21fe2665cfe36848ede8b362164c863d2de8fd562",
    "hostages-18-leaders-2024-06-06": "2c6c5c1d2f52eebae275c0cd2d3b9a7f793d749adb4509d6452a45c518b648a7",
    "jeddah-communique-us-saudi-2022-07-15": "45e357227bdfb67363ee7d9380706432a01125317e859bd891c2fea8a69f236d",
    "los-angeles-declaration-2022-06-10-en": "7d420a3e64b5cc9aa3ae9ddb2f228d0b045d0367d1213a34b27ed042926cb0c4",
    "los-angeles-declaration-2022-06-10-fr": "3c1a786c32e21ba60a396544cee983d4e7ee8b7d2ff1addc05ecc2afb9d825de",
    "north-america-fentanyl-committee-1-2023-04-14": "cbc2721fc70b679dc84554c392179b3c41c08b8f278f444ce3ccd30ad05e8185",
    "nsa-us-israel-bahrain-uae-2023-01-19": "7814b948c38686d4ad8e01d305a38cf5a2b2f54906665d14dd41ec9dd3545223",
    "red-sea-14-governments-2024-01-03": "a930417e33da18dd0567aa60c24768b9c0c387f838fa384476ce4062bf2e7a04",
    "sullivan-patrushev-2021-05-24": "eaf79d9fbcd6170ad5e67d82cdd4bd16e1b84c139f25833d0b1ca36259726776",
    "us-france-lebanon-cessation-2024-11-26": "7fecd0a46aa6f76d8f04dc7a9c6c500bfd21caa195e465633900e91e3b5846b7",
    "us-france-phone-call-2021-09-22": "3a9e99f6cebbcab1672ec6d7fc54da32f2ed2f54472bb1e6d71d728a52c87385",
    "us-india-brazil-south-africa-g20-2023-09-09": "c386232071f4db95f20e5152ec5e3a753f4bfb3452572fb9a71609b0d9b72360",
    "us-indonesia-reciprocal-trade-2025-07-22": "36123bd1e3161b17c0a3c275a3e0bea172ed8fea725c5469bdfcb1986bde9664",
    "us-israel-scg-virtual-2022-01-26": "0e4f142ebb334839e656060951d014a64f6091b5094179acc51e0bd1da2de770",
    "us-russia-strategic-stability-2021-06-16": "bf2bbe988d818175711ce72d131928651103d83ceec8ca25c52242d23a6d816b",
    "washington-declaration-us-rok-2023-04-26": "df3525515ecf32237a17a8841d351e6a58a51a8d5d30a49ab1960d708a7acd5d",
}

CARD_SECTIONS = ("source", "type", "cannot say")


@pytest.mark.parametrize("statement_id", sorted(CORPUS_SHA256))
def test_each_text_is_byte_identical_to_the_corpus(statement_id: str) -> None:
    data = (DATASETS / statement_id / f"{statement_id}.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == CORPUS_SHA256[statement_id]
    original = SHARED / f"{statement_id}.txt"
    if original.is_file():
        assert data == original.read_bytes()


@pytest.mark.parametrize("statement_id", sorted(CORPUS_SHA256))
def test_each_statement_is_version_2_pinned_to_its_text(statement_id: str) -> None:
    statement = load(DATASETS / statement_id / f"{statement_id}.yaml")
    assert statement.schema_version == 2
    assert statement.statement_text.sha256 == CORPUS_SHA256[statement_id]


def test_validate_accepts_all_22_statements(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(DATASETS)]) == 0
    assert (
        capsys.readouterr().out.strip().endswith("22 files checked: 22 valid, 0 invalid, 0 errors")
    )


def test_coverage_finds_no_uncovered_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coverage", str(DATASETS)]) == 0
    assert (
        capsys.readouterr()
        .out.strip()
        .endswith("22 files checked: 0 uncovered sentences, 0 errors")
    )


@pytest.mark.parametrize("statement_id", sorted(CORPUS_SHA256))
def test_each_card_names_its_sources_decisions_and_limits(statement_id: str) -> None:
    card = (DATASETS / statement_id / "README.md").read_text(encoding="utf-8").lower()
    statement = load(DATASETS / statement_id / f"{statement_id}.yaml")
    for section in CARD_SECTIONS:
        assert section in card, section
    assert statement.statement_text.capture is not None  # type: ignore[union-attr]
    assert str(statement.statement_text.capture.commit) in card  # type: ignore[union-attr]


def test_the_language_versions_of_one_work_share_their_clause_ids() -> None:
    en = load(
        DATASETS
        / "los-angeles-declaration-2022-06-10-en"
        / "los-angeles-declaration-2022-06-10-en.yaml"
    )
    fr = load(
        DATASETS
        / "los-angeles-declaration-2022-06-10-fr"
        / "los-angeles-declaration-2022-06-10-fr.yaml"
    )
    assert en.work == fr.work == "los-angeles-declaration-2022-06-10"  # type: ignore[union-attr]
    assert [c.id for c in en.clauses] == [c.id for c in fr.clauses]
    assert (en.language, fr.language) == ("en", "fr")


def _tool(name: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(REPOSITORY / "tools" / name), *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPOSITORY,
    )
    return result.stdout


def test_the_index_is_rendered_from_the_statements() -> None:
    sys.path.insert(0, str(REPOSITORY / "tools"))
    try:
        from render_datasets import render
    finally:
        sys.path.pop(0)
    readme = (DATASETS / "README.md").read_text(encoding="utf-8")
    assert render(readme) == readme, "run: python tools/render_datasets.py"


def test_the_agreement_figures_are_reproducible() -> None:
    readme = (DATASETS / "README.md").read_text(encoding="utf-8")
    assert _tool("agreement.py").strip() in readme, "run: python tools/agreement.py --write"


def test_cohen_kappa_is_one_for_agreement_and_zero_for_chance() -> None:
    sys.path.insert(0, str(REPOSITORY / "tools"))
    try:
        from agreement import cohen_kappa
    finally:
        sys.path.pop(0)
    assert cohen_kappa([("a", "a"), ("b", "b")]) == 1.0
    # both coders say "a" half the time, independently: observed = expected = 0.5
    assert cohen_kappa([("a", "a"), ("a", "b"), ("b", "a"), ("b", "b")]) == 0.0
    assert cohen_kappa([("a", "b"), ("b", "a")]) < 0


def test_the_datasets_command_lists_every_statement_with_its_counts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["datasets"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t") == ["id", "version", "issued", "parties", "clauses", "path"]
    rows = [line.split("\t") for line in lines[1:-1]]
    assert {row[0] for row in rows} == {*CORPUS_SHA256, "trilateral-vfm-dialogue-2024-05-31"}
    total = 0
    for row in rows:
        statement = load(Path(row[5]))
        assert (row[1], row[2], int(row[4])) == (
            str(statement.schema_version),
            str(statement.issued),
            len(statement.clauses),
        )
        total += len(statement.clauses)
    assert lines[-1] == f"22 statements, {total} clauses"
