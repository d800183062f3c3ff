"""``jointstmt new``: a statement text becomes a version-2 draft that validates as written, with
every suggestion marked for review."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from jointstmt import load, validate
from jointstmt.cli import main
from jointstmt.coverage import gaps
from jointstmt.model.v2.statement import JointStatement
from jointstmt.model.vocabulary import CLAUSE_TYPES_2
from jointstmt.suggest import suggest

ROOT = Path(__file__).resolve().parent.parent
#: The corpus texts, shipped byte for byte in datasets/ (tests never read ../shared).
TEXTS = sorted((ROOT / "datasets").glob("*/*.txt"))

SIGNED = """\
**Joint Declaration on Fisheries**

We, the Governments of the United States of America and Japan, condemn
illegal fishing in the Pacific. We will share catch data every year.

For the United States of America:
Antony J. Blinken
Secretary of State

For Japan:
Yoko Kamikawa
Minister for Foreign Affairs
"""


def _draft(tmp_path: Path, text: str, name: str = "statement.txt") -> Path:
    """Write ``text`` and draft it with ``jointstmt new``; returns the draft's path."""
    source = tmp_path / name
    source.write_text(text, encoding="utf-8", newline="")
    assert main(["new", str(source)]) == 0
    return source.with_suffix(".yaml")


def _statement(path: Path) -> JointStatement:
    statement = load(path)
    assert isinstance(statement, JointStatement)
    return statement


def _quote(statement: JointStatement, path: Path, span: object) -> str:
    text = (path.parent / statement.statement_text.path).read_text(encoding="utf-8")
    start, end = getattr(span, "start"), getattr(span, "end")  # noqa: B009 - a Span
    return text[start:end]


@pytest.mark.parametrize("text", TEXTS, ids=[t.stem for t in TEXTS])
def test_the_draft_of_every_corpus_text_validates_and_covers_every_sentence(
    tmp_path: Path, text: Path
) -> None:
    """On each corpus text, ``new`` writes a draft that ``validate`` accepts as written and whose
    clauses cover every sentence of its body (``coverage`` finds no gap)."""
    shutil.copyfile(text, tmp_path / text.name)

    assert main(["new", str(tmp_path / text.name), "--output", str(tmp_path / "draft.yaml")]) == 0

    assert validate(tmp_path / "draft.yaml") == []
    statement = _statement(tmp_path / "draft.yaml")
    assert gaps(statement, text.read_text(encoding="utf-8")) == []


def test_a_sentence_that_condemns_is_a_condemnation_of_what_follows(tmp_path: Path) -> None:
    path = _draft(
        tmp_path, "We, the Leaders of France and Germany, strongly condemn the attack on Kyiv.\n"
    )

    (clause,) = _statement(path).clauses

    assert clause.type == "condemnation"
    assert clause.value == "the attack on Kyiv"


def test_a_signature_block_becomes_signatories_with_signature_spans(tmp_path: Path) -> None:
    """Each "For ..." group names a party and its signatory: the person, the office, and the
    signature span over the group's lines; the block is outside the body."""
    path = _draft(tmp_path, SIGNED)
    statement = _statement(path)

    signatories = [p for p in statement.participants if p.signature is not None]

    assert [(p.party, p.office, p.person and p.person.name, p.role) for p in signatories] == [
        ("us", "Secretary of State", "Antony J. Blinken", "signatory"),
        ("jp", "Minister for Foreign Affairs", "Yoko Kamikawa", "signatory"),
    ]
    assert [_quote(statement, path, p.signature) for p in signatories] == [
        "For the United States of America:\nAntony J. Blinken\nSecretary of State",
        "For Japan:\nYoko Kamikawa\nMinister for Foreign Affairs",
    ]
    assert {p.id: p.kind for p in statement.parties} == {"us": "government", "jp": "government"}
    assert _quote(statement, path, statement.body.span).endswith("every year.")


def test_title_line_dateline_and_end_marker_are_left_out_of_the_body(tmp_path: Path) -> None:
    text = (
        "**Jeddah Communique**\n\nJEDDAH, Saudi Arabia \u2013 The two sides welcomed the\n"
        "agreement signed on July 15, 2022.\n\n\\###\n"
    )
    path = _draft(tmp_path, text)
    statement = _statement(path)

    assert statement.title == "Jeddah Communique"
    assert statement.document_type == "joint_communique"
    assert statement.issued.isoformat() == "2022-07-15"
    assert _quote(statement, path, statement.body.span) == (
        "The two sides welcomed the\nagreement signed on July 15, 2022."
    )
    assert statement.clauses[0].type == "welcome"


def test_the_opening_formula_names_parties_and_their_participants(tmp_path: Path) -> None:
    """'President X of A and President Y of B' gives two parties, each with its office and person."""
    path = _draft(
        tmp_path,
        "President Joseph R. Biden of the United States of America and President\n"
        "Yoon Suk Yeol of the Republic of Korea (ROK) met in Washington. They\n"
        "reaffirmed the Alliance.\n",
    )
    statement = _statement(path)

    assert [(p.id, p.country, p.short_name) for p in statement.parties] == [
        ("us", "US", None),
        ("kr", "KR", "ROK"),
    ]
    assert [
        (p.party, p.office, p.rank, p.person and p.person.name) for p in statement.participants
    ] == [
        ("us", "President", "head_of_state", "Joseph R. Biden"),
        ("kr", "President", "head_of_state", "Yoon Suk Yeol"),
    ]


def test_a_list_of_parties_after_an_office_gives_one_participant_each(tmp_path: Path) -> None:
    path = _draft(
        tmp_path, "We, the Leaders of India, Brazil, and South Africa, welcome the summit.\n"
    )
    statement = _statement(path)

    assert [p.id for p in statement.parties] == ["in", "br", "za"]
    assert {(p.party, p.office, p.rank) for p in statement.participants} == {
        ("in", "Leader", "leader"),
        ("br", "Leader", "leader"),
        ("za", "Leader", "leader"),
    }


def test_a_text_naming_no_party_gets_one_placeholder_party_to_review(tmp_path: Path) -> None:
    path = _draft(tmp_path, "As friends of peace, we welcome the truce.\n")

    (party,) = _statement(path).parties

    assert party.id == "issuers"
    assert "# review: no party named" in path.read_text(encoding="utf-8")


def test_two_coordinated_acts_become_two_clauses_without_the_joining_words(tmp_path: Path) -> None:
    path = _draft(tmp_path, "We condemn the attacks, and we call on all parties to cease fire.\n")
    statement = _statement(path)

    assert [(c.type, c.text) for c in statement.clauses] == [
        ("condemnation", "We condemn the attacks"),
        ("call", "we call on all parties to cease fire."),
    ]
    assert statement.clauses[1].value == "all parties to cease fire"


def test_a_restated_support_is_support_marked_reaffirmed(tmp_path: Path) -> None:
    """'reaffirm our support for' is the longer cue: support, reaffirmed (the codebook's rule)."""
    path = _draft(tmp_path, "We reaffirm our support for a two-state solution.\n")

    (clause,) = _statement(path).clauses

    assert (clause.type, clause.reaffirmed, clause.value) == (
        "support",
        True,
        "a two-state solution",
    )


def test_list_items_take_the_type_their_chapeau_announces(tmp_path: Path) -> None:
    """Items that open with no cue of their own are typed by the sentence that introduces them."""
    text = (
        "We hereby declare to:\n\n-   **PROMOTE** maritime cooperation under recognized\n"
        "    principles.\n\n-   **ESTABLISH** a joint working group.\n"
    )
    statement = _statement(_draft(tmp_path, text))

    assert [c.type for c in statement.clauses] == ["commitment", "commitment", "establishment"]


def test_a_sentence_with_no_cue_is_a_position_statement(tmp_path: Path) -> None:
    statement = _statement(_draft(tmp_path, "These attacks threaten innocent lives.\n"))

    assert statement.clauses[0].type == "position_statement"


def test_every_suggestion_carries_a_review_comment(tmp_path: Path) -> None:
    """Title, type of document, language, date, publisher, parties, ranks, body, each clause's
    type and value: each line the draft suggests says where it came from."""
    written = _draft(tmp_path, SIGNED).read_text(encoding="utf-8")
    suggested = (
        *("title:", "document_type:", "language:", "issued:", "publisher:", "rank:"),
        *("type:", "condemns:", "commits_to:", "name:"),
    )

    lines = [line for line in written.splitlines() if line.lstrip().startswith(suggested)]

    assert len(lines) >= 12
    assert [line for line in lines if "  # review: " not in line] == []


def test_the_text_is_pinned_with_a_path_relative_to_the_draft(tmp_path: Path) -> None:
    """With --output in a folder above the text, the source path leads down to it."""
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "g7.txt").write_text(
        "We, the Leaders of the G7, welcome the deal.\n", encoding="utf-8"
    )

    assert (
        main(
            [
                "new",
                str(folder / "g7.txt"),
                "--id",
                "g7-2024",
                "--output",
                str(tmp_path / "g7.yaml"),
            ]
        )
        == 0
    )

    statement = _statement(tmp_path / "g7.yaml")
    assert (statement.id, statement.statement_text.path) == ("g7-2024", "texts/g7.txt")


def test_invisible_characters_of_the_text_are_escaped_in_the_draft(tmp_path: Path) -> None:
    path = _draft(tmp_path, "We wel\u00adcome the\u00a0truce.\n")

    written = path.read_text(encoding="utf-8")

    assert '"We wel\\u00ADcome the\\u00A0truce."' in written
    assert "\u00ad" not in written
    assert validate(path) == []


def test_a_draft_is_not_written_over_an_existing_file_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _draft(tmp_path, "We welcome the truce.\n")
    path.write_text("reviewed: true\n", encoding="utf-8")
    source = str(tmp_path / "statement.txt")

    assert main(["new", source]) == 1
    assert "exists; use --force" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "reviewed: true\n"

    assert main(["new", source, "--force"]) == 0
    assert validate(path) == []


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--output", "{tmp}/elsewhere/draft.yaml"], "the draft must be written in the folder"),
        (["--id", "Not A Slug"], "is not a slug"),
        (["--output", "{tmp}/t/statement.txt"], "would replace"),
    ],
)
def test_usage_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "elsewhere").mkdir()
    source = tmp_path / "t" / "statement.txt"
    source.write_text("We welcome the truce.\n", encoding="utf-8")

    status = main(["new", str(source), *(a.format(tmp=tmp_path) for a in arguments)])

    assert status == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfeW\x00e\x00", "is not UTF-8 text"),
        (b"\n\n  \n", "holds no paragraph"),
        (b"\\###\n", "holds no paragraph"),
    ],
)
def test_a_text_that_cannot_be_drafted_from_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    (tmp_path / "statement.txt").write_bytes(content)

    assert main(["new", str(tmp_path / "statement.txt")]) == 1

    assert message in capsys.readouterr().err
    assert not (tmp_path / "statement.yaml").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_waiting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.mkfifo(tmp_path / "statement.txt")

    assert main(["new", str(tmp_path / "statement.txt")]) == 1

    assert "is not a regular file" in capsys.readouterr().err


def test_a_missing_text_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["new", str(tmp_path / "absent.txt")]) == 2


def test_an_empty_path_is_a_usage_error_not_the_current_folder() -> None:
    assert main(["new", ""]) == 2


def test_a_file_name_with_control_characters_is_escaped_in_the_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _draft(tmp_path, "We welcome the truce.\n", name="evil\x1b[2J.txt")

    out = capsys.readouterr().out

    assert "\x1b" not in out
    assert "evil\\x1b[2J.yaml: 1 clause drafted" in out


def test_every_clause_type_has_cues_and_no_cue_suggests_two_types() -> None:
    """The cues live on the clause types' terms; each type has some, and a cue belongs to one."""
    owners: dict[str, list[str]] = {}
    for term in CLAUSE_TYPES_2:
        assert term.cues, f"{term.value} has no cues"
        for cue in term.cues:
            assert cue == cue.lower().strip()
            owners.setdefault(cue, []).append(term.value)
    assert {cue: types for cue, types in owners.items() if len(types) > 1} == {}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("As leaders deeply concerned for the hostages, we fully support the deal.", "support"),
        ("This announcement will create the conditions for calm.", "position_statement"),
        ("The United States will work with Israel.", "commitment"),
        ("Recalling the Charter, we note the report.", "acknowledgement"),
        ("Recalling the Charter of the United Nations.", "recall"),
    ],
)
def test_the_act_is_the_first_cue_after_the_speakers(sentence: str, expected: str) -> None:
    """The speakers open the sentence or a segment of it; a phrase before them does not type it,
    and 'will' types a commitment only when the speakers say it."""
    assert suggest(sentence, ("the United States",)).type == expected


def test_the_codebook_documents_the_cues() -> None:
    """docs/codebook.md has the section on cues, naming where they live and how they match."""
    codebook = (ROOT / "docs" / "codebook.md").read_text(encoding="utf-8")

    section = codebook.split("## Cues used by jointstmt new", 1)[1].split("\n## ", 1)[0]

    assert "vocabulary.py" in section
    assert "`*`" in section
    assert "`we`" in section


# --- the README's guide ----------------------------------------------------------------------


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "\n## Encoding a statement\n" in readme
    section = readme.split("\n## Encoding a statement\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```sh\n(.*?)^```$", section, re.MULTILINE | re.DOTALL)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def test_the_readmes_guide_runs_from_text_to_valid_statement(tmp_path: Path) -> None:
    """The commands of the README's 'Encoding a statement', run in order in a scratch folder
    with a corpus text, succeed; the statement they leave validates."""
    shutil.copytree(
        ROOT / "datasets" / "g7-leaders-gaza-2024-06-03",
        tmp_path / "datasets" / "g7-leaders-gaza-2024-06-03",
    )
    scripts = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{scripts}{os.pathsep}{os.environ.get('PATH', '')}"}
    commands = _readme_commands()
    assert any(c.startswith("jointstmt new ") for c in commands)

    for command in commands:
        done = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", command],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"

    drafts = sorted((tmp_path / "statements").rglob("*.yaml"))
    assert drafts
    assert all(validate(d) == [] for d in drafts)


def test_the_readmes_yaml_advice_is_valid_yaml() -> None:
    """The README's example of a quote crossing a line break loads to the text's characters."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Encoding a statement\n", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"^```yaml\n(.*?)^```$", section, re.MULTILINE | re.DOTALL)

    data = YAML(typ="safe").load(block)

    texts = [clause["text"] for clause in data]
    assert len(set(texts)) == 1
    assert "\n" in texts[0]
