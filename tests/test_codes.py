"""Every finding code, from a file with exactly that error, through the CLI.

Each case edits one valid example statement so that it carries one error and
states where the error must be reported: the line holding ``marker`` in the
edited file (or 1 for findings about the whole file). The CLI must print
``path:line:column: code: message`` for it and exit 1.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from jointstmt import validate
from jointstmt.cli import main
from jointstmt.findings import CODES
from jointstmt.versions import supported

Edit = Callable[[str], bytes]
EXAMPLES = Path(__file__).parent / "examples"


def replace(old: str, new: str, encoding: str = "utf-8") -> Edit:
    def edit(text: str) -> bytes:
        assert old in text, f"the example no longer contains {old!r}"
        return text.replace(old, new, 1).encode(encoding)

    return edit


def whole(new: str) -> Edit:
    return lambda _: new.encode()


def unchanged(text: str) -> bytes:
    return text.encode()


@dataclass(frozen=True)
class Case:
    code: str
    edit: Edit
    marker: str | None  # the finding is on the line holding this text; None: line 1
    args: tuple[str, ...] = ()
    example: str = "bilateral-leaders"  # the example edited (version-2 ones under v2/)


SPAN = "    span: {start: 285, end: 357}\n"
TITLE = "title: Joint Statement by the President of the United States and the Prime Minister of Norway\n"
DEEP = "notes: " + "[" * 70 + "]" * 70 + "\n"

CASES = [
    Case("yaml.encoding", replace("Example", "Ex\xe4mple", "latin-1"), "publisher:"),
    Case("yaml.too_large", unchanged, None, ("--max-bytes", "100")),
    Case("yaml.empty", whole("# only a comment\n"), None),
    Case("yaml.syntax", replace("  format: bilateral\n", "  format: bilateral\n bad: x\n"), "bad:"),
    Case("yaml.multiple_documents", lambda t: (t + "---\nsecond: document\n").encode(), "---"),
    Case("yaml.root", whole("- a list\n- at the top\n"), None),
    Case(
        "yaml.duplicate_key",
        replace("language: en\n", "language: en\nlanguage: ja\n"),
        "language: ja",
    ),
    Case("yaml.key", replace("language: en\n", "language: en\n1: one\n"), "1: one"),
    Case("yaml.alias", replace("publisher: Example", "publisher: &p Example"), "&p"),
    Case(
        "yaml.tag", replace("language: en\n", "language: !!python/name:os.system en\n"), "!!python"
    ),
    Case("yaml.version", lambda t: ("%YAML 1.1\n---\n" + t).encode(), None),
    Case("yaml.too_deep", replace("language: en\n", "language: en\n" + DEEP), "notes:"),
    Case("yaml.number", replace("schema_version: 1", "schema_version: .nan"), "schema_version"),
    Case("schema.version", replace("schema_version: 1", "schema_version: 7"), "schema_version"),
    Case("schema.missing", replace(TITLE, ""), "schema_version"),
    Case(
        "schema.unknown_key",
        replace("  level: leaders\n", "  level: leaders\n  colour: red\n"),
        "colour",
    ),
    Case("schema.type", replace(TITLE, "title: [Joint]\n"), "title: ["),
    Case("schema.vocabulary", replace("rank: head_of_state", "rank: king"), "rank: king"),
    Case("schema.pattern", replace("id: us-norway-2025-03-12", "id: Not A Slug"), "id: Not A Slug"),
    Case("schema.date", replace("issued: 2025-03-12", "issued: 2025-02-30"), "issued:"),
    Case("schema.range", replace(SPAN, "    span: {start: -1, end: 357}\n"), "start: -1"),
    Case(
        "schema.value",
        replace("    country: NO\n", "    country: NO\n    organization: eu\n"),
        'id: "no"',
    ),
    Case(
        "rule.duplicate_id",
        replace("id: condemn-attacks", "id: reaffirm-partnership"),
        "id: reaffirm-partnership\n    type: condemnation",
    ),
    Case(
        "rule.reference", replace('targets: ["no", ukraine]', 'targets: ["no", ukrain]'), "ukrain]"
    ),
    Case("rule.date_order", replace("  end: 2025-03-12", "  end: 2025-03-11"), "end: 2025-03-11"),
    Case("rule.statement_text", replace("role: statement_text", "role: reference"), "- id: text"),
    Case("rule.source_path", replace("path: statement.txt", "path: ../../etc/passwd"), "path:"),
    Case("rule.source_missing", replace("path: statement.txt", "path: missing.txt"), "path:"),
    Case("rule.sha256", replace("sha256: 26e7", "sha256: 00e7"), "sha256:"),
    Case("rule.span", replace(SPAN, "    span: {start: 285, end: 99999}\n"), "end: 99999"),
    Case(
        "rule.span_text",
        replace("condemned the attacks", "condemned the attack"),
        "condemned the attack ",
    ),
    Case(
        "rule.parent_cycle",
        replace("  modality: will\n", "  modality: will\n  parent: agree-as-follows\n"),
        "parent: agree-as-follows",
        example="v2/reciprocal-items",
    ),
    Case(
        "rule.recorded_meeting",
        replace("- id: rome\n  relation: earlier", "- id: rome\n  relation: recorded"),
        "relation: recorded\n  format: bilateral\n  level: leaders\n  mode: not_stated\n  location: {wording: Rome}",
        example="v2/several-meetings",
    ),
    Case("rule.subdivision", replace("US-DC", "US-ZZ"), "US-ZZ"),
    Case("rule.language_tag", replace("language: en", "language: qq"), "language: qq"),
    Case(
        "rule.time_zone",
        replace("  level: leaders\n", "  level: leaders\n  time_zone: Mars/Olympus\n"),
        "time_zone",
    ),
]


def _expected_line(data: bytes, marker: str | None) -> int:
    if marker is None:
        return 1
    before, found, _ = data.decode("utf-8", errors="replace").partition(marker)
    assert found, f"marker {marker!r} not in the edited file"
    return before.count("\n") + 1


def test_every_code_has_a_case() -> None:
    """Adding a code to the table without a test case fails here."""
    # the io.* codes of a run rather than of a file's content: tests/hostile/ covers them
    run_codes = ["io.not_found", "io.unreadable", "io.walk", "io.symlink_outside", "io.worker"]
    # the corpus rules hold across files: tests/test_corpus_rules.py has one test each
    run_codes += ["rule.corpus_duplicate_id", "rule.corpus_reference", "rule.work_alignment"]
    assert sorted([c.code for c in CASES] + run_codes + ["io.findings_cap"]) == sorted(CODES)


@pytest.mark.parametrize("case", CASES, ids=[c.code for c in CASES])
def test_cli_reports_code_at_the_line_of_the_error(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One error of a kind gives one finding of its code, at its line, and exit status 1."""
    shutil.copytree(EXAMPLES / case.example, tmp_path / "statement")
    example = tmp_path / "statement" / "statement.yaml"
    data = case.edit(example.read_text(encoding="utf-8"))
    example.write_bytes(data)
    status = main(["validate", *case.args, str(example)])
    out = capsys.readouterr().out
    findings = re.findall(
        rf"^{re.escape(str(example))}:(\d+):(\d+): ([a-z0-9_.]+): (.+)$", out, re.M
    )
    assert status == 1, out
    assert [code for _, _, code, _ in findings] == [case.code], out
    assert int(findings[0][0]) == _expected_line(data, case.marker), out
    assert out.strip().endswith("1 file checked: 0 valid, 1 invalid, 1 error")


def test_missing_file_is_io_not_found(tmp_path: Path) -> None:
    (finding,) = validate(tmp_path / "absent.yaml")
    assert (finding.code, finding.line, finding.column) == ("io.not_found", 1, 1)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_io_unreadable_without_blocking(tmp_path: Path) -> None:
    """A FIFO would block a plain open(); it is reported, never read."""
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    (finding,) = validate(fifo)
    assert finding.code == "io.unreadable"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("schema_version: 7", "schema_version 7 is not supported"),
        ("schema_version: '1'", "schema_version '1' is not supported"),
        ("schema_version: true", "schema_version true is not supported"),
        ("", "schema_version is missing"),
    ],
)
def test_a_version_that_is_not_supported_names_the_supported_ones(
    example: Path, line: str, message: str
) -> None:
    example.write_text(example.read_text().replace("schema_version: 1", line, 1))
    (finding,) = validate(example)
    assert (finding.code, finding.message) == (
        "schema.version",
        f"{message}; supported versions: {supported()}",
    )
    assert (finding.line, finding.pointer) == (2, "/schema_version") if line else (1, "")


def test_schema_version_1_0_is_version_1_as_json_schema_reads_it(example: Path) -> None:
    example.write_text(example.read_text().replace("schema_version: 1", "schema_version: 1.0", 1))
    assert validate(example) == []


def test_valid_file_exits_0(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(example)]) == 0
    assert capsys.readouterr().out == "1 file checked: 1 valid, 0 invalid, 0 errors\n"


def test_path_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", str(tmp_path / "absent.yaml")])
    assert exit_info.value.code == 2
