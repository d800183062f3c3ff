"""The reference dataset (SPEC §8), in version 2: pinned, complete, exact, and loadable by its users."""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

import jointstmt
from jointstmt.datasets import list_datasets, load_dataset
from jointstmt.model.v2 import JointStatement
from jointstmt.model.vocabulary import CLAUSE_TYPES_2

REPOSITORY = Path(__file__).resolve().parents[1]
DATASET_ID = "trilateral-vfm-dialogue-2024-05-31"
FOLDER = REPOSITORY / "datasets" / DATASET_ID
STATEMENT_FILE = FOLDER / f"{DATASET_ID}.yaml"
SOURCE_FILE = FOLDER / f"{DATASET_ID}.source.txt"
# SHA-256 of ../shared/reference/trilateral-vfm-dialogue-2024-05-31.source.txt, the text the
# dataset was built from: the shipped copy must stay byte-identical to it.
SOURCE_SHA256 = "5d7ae01ccd3d8e8ac99dd9ab87c88f64393a8f771e8340e96398712f5ce007b0"
PARAGRAPHS = 13
SENTENCES = 25
# A sentence ends at . ! or ? followed by white space and a capital ("U.S. commitments" does not).
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# Words that may stay outside every clause: the conjunctions that join two clauses.
JOINERS = {"and", "while"}


@pytest.fixture(scope="module")
def statement() -> JointStatement:
    """The dataset through the models alone, so these tests do not lean on the rules they restate."""
    data = YAML(typ="safe").load(STATEMENT_FILE.read_text(encoding="utf-8"))
    return JointStatement.model_validate(data)


@pytest.fixture(scope="module")
def source() -> str:
    """The statement text, decoded as the spans count it: UTF-8, no newline normalization."""
    return SOURCE_FILE.read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def quoted_paragraphs(source: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each quoted line, found in the source, not in the YAML."""
    found = []
    offset = 0
    for line in source.split("\n"):
        if len(line) > 1 and line.startswith('"') and line.endswith('"'):
            found.append((offset + 1, offset + len(line) - 1))
        offset += len(line) + 1
    return found


@pytest.fixture(scope="module")
def sentences(source: str, quoted_paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of every sentence of the quoted paragraphs."""
    found = []
    for start, end in quoted_paragraphs:
        cuts = [start] + [m.end() for m in SENTENCE_END.finditer(source, start, end)] + [end]
        for a, b in itertools.pairwise(cuts):
            found.append((a, a + len(source[a:b].rstrip())))
    return found


def test_source_is_pinned_by_the_sha256_recorded_in_the_yaml_and_here(
    statement: JointStatement,
) -> None:
    """The shipped text's SHA-256 equals the YAML's pin, which equals the reference text's."""
    digest = hashlib.sha256(SOURCE_FILE.read_bytes()).hexdigest()
    assert statement.statement_text.sha256 == digest == SOURCE_SHA256
    assert statement.statement_text.path == SOURCE_FILE.name


def test_yaml_opens_with_the_editor_schema_modeline() -> None:
    """Editors validate the file against the published schema (yaml-language-server)."""
    first = STATEMENT_FILE.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schemas/joint-statement-2.schema.json"
    assert (STATEMENT_FILE.parent / first.split("=", 1)[1]).resolve().is_file()


def test_paragraph_spans_are_the_thirteen_quoted_paragraphs(
    statement: JointStatement, quoted_paragraphs: list[tuple[int, int]]
) -> None:
    """Paragraph n's span is the text inside the n-th quoted line of the source."""
    assert len(quoted_paragraphs) == PARAGRAPHS
    assert [(p.number, p.span.start, p.span.end) for p in statement.body.paragraphs] == [
        (n, start, end) for n, (start, end) in enumerate(quoted_paragraphs, 1)
    ]


def test_paragraph_verification_follows_the_comparison_with_the_official_release(
    statement: JointStatement,
) -> None:
    """P1 differs by a comma, P2 is identical, P3 is paraphrased, P4-P13 could not be checked."""
    status = {p.number: p.verification for p in statement.body.paragraphs}
    assert status == {
        1: "minor_differences",
        2: "identical",
        3: "paraphrased",
        **dict.fromkeys(range(4, PARAGRAPHS + 1), "unverified"),
    }


def test_the_sentence_splitter_finds_every_sentence(sentences: list[tuple[int, int]]) -> None:
    """The coverage tests below are only as strong as the split: it finds all 25 sentences."""
    assert len(sentences) == SENTENCES


def test_every_sentence_belongs_to_at_least_one_clause(
    statement: JointStatement, source: str, sentences: list[tuple[int, int]]
) -> None:
    """Each sentence of the quoted paragraphs overlaps the span of at least one clause."""
    orphans = [
        source[a:b]
        for a, b in sentences
        if not any(c.span.start < b and a < c.span.end for c in statement.clauses)
    ]
    assert orphans == []


def test_only_the_conjunctions_joining_clauses_are_left_outside_every_clause(
    statement: JointStatement, source: str, quoted_paragraphs: list[tuple[int, int]]
) -> None:
    """Every word of the statement is in some clause, except 'and'/'while' joining two clauses."""
    covered = set()
    for c in statement.clauses:
        covered.update(range(c.span.start, c.span.end))
    left = "".join(
        source[i] if i not in covered else " " for a, b in quoted_paragraphs for i in range(a, b)
    )
    assert set(re.findall(r"\w+", left)) <= JOINERS


def test_no_clause_span_crosses_a_paragraph_boundary(
    statement: JointStatement, quoted_paragraphs: list[tuple[int, int]]
) -> None:
    """Each clause lies inside the quoted paragraph its `paragraph` names."""
    outside = [
        c.id
        for c in statement.clauses
        if c.paragraph is None
        or not (
            quoted_paragraphs[c.paragraph - 1][0]
            <= c.span.start
            < c.span.end
            <= quoted_paragraphs[c.paragraph - 1][1]
        )
    ]
    assert outside == []


def test_every_clause_text_is_the_source_at_its_span(
    statement: JointStatement, source: str
) -> None:
    """`text == source[start:end]` for every clause, offsets in code points."""
    wrong = [c.id for c in statement.clauses if source[c.span.start : c.span.end] != c.text]
    assert wrong == []


def test_reaffirmation_condemnation_commitment_and_welcome_are_each_used(
    statement: JointStatement,
) -> None:
    """The four clause types SPEC §3 requires all occur in the reference dataset."""
    used = {c.type for c in statement.clauses}
    assert {"reaffirmation", "condemnation", "commitment", "welcome"} <= used


def test_every_clause_type_used_is_defined_in_the_vocabulary(statement: JointStatement) -> None:
    """No clause uses a type without a definition (and event codes) in the vocabulary."""
    assert {c.type for c in statement.clauses} <= set(CLAUSE_TYPES_2.values)


def test_clauses_that_say_reaffirm_or_reiterate_are_marked_reaffirmed(
    statement: JointStatement,
) -> None:
    """A clause whose words restate a position ('reaffirm', 'reiterate') carries reaffirmed: true."""
    unmarked = [
        c.id
        for c in statement.clauses
        if re.search(r"\b(reaffirm|reiterat)", c.text, re.IGNORECASE) and not c.reaffirmed
    ]
    assert unmarked == []


def test_the_deputy_secretarys_assurance_is_the_united_states_alone(
    statement: JointStatement,
) -> None:
    """Paragraph 4's 'The Deputy Secretary reiterated ...' is acted by the U.S. participant only."""
    (clause,) = (c for c in statement.clauses if c.text.startswith("The Deputy Secretary"))
    (us,) = (p.id for p in statement.participants if p.party == "us")
    assert clause.actors == (us,)


def test_every_declared_entity_is_targeted_by_a_clause(statement: JointStatement) -> None:
    """Entities are only what clauses refer to (as targets, addressees or cited documents): none
    is declared and left unused."""
    targeted = {t for c in statement.clauses for t in (*c.targets, *c.addressees)}
    targeted |= {cite.entity for c in statement.clauses for cite in c.cites}
    assert [e.id for e in statement.entities if e.id not in targeted] == []


def test_validate_accepts_the_datasets_folder() -> None:
    """`jointstmt validate datasets/` (the README's first command) exits 0."""
    package_root = str(Path(jointstmt.__file__).resolve().parents[1])
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([package_root, os.environ.get("PYTHONPATH", "")]),
    }
    result = subprocess.run(
        [sys.executable, "-m", "jointstmt", "validate", "datasets/"],
        cwd=REPOSITORY,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_datasets_api_lists_and_loads_the_reference_statement() -> None:
    """`jointstmt.datasets` lists the dataset by id and loads it fully validated."""
    assert DATASET_ID in [d.id for d in list_datasets()]
    loaded = load_dataset(DATASET_ID)
    assert loaded.id == DATASET_ID
    assert len(loaded.clauses) > 0


def test_the_dataset_card_lists_every_clause_with_its_type(statement: JointStatement) -> None:
    """The dataset card's paragraph table names each clause with its type, so card and data agree."""
    card = (FOLDER / "README.md").read_text(encoding="utf-8")
    missing = [c.id for c in statement.clauses if f"`{c.id}` ({c.type}" not in card]
    assert missing == []
    assert f"| **total** | **{len(statement.clauses)}** |" in card
