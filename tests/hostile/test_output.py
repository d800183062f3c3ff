"""Classes 1 and 2 of the hostile-output issue: what a file holds never reaches a terminal raw,
and an output that fails ends the run with one line and a non-zero status.

Every run goes through :func:`.process.run` (resource limits) and :func:`.process.assert_clean`
(no traceback, no raw control, format or bidirectional character on either stream).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from jointstmt.terminal import safe

from .printable import assert_printable
from .process import assert_clean, error_lines, limit_resources, run, statement

#: A terminal title, a screen clear, a carriage return that overwrites the line with a
#: forged verdict, a right-to-left override, NUL, a C1 CSI, a line separator, a zero-width
#: space and an invisible tag character, written with YAML's double-quoted escapes.
PAYLOAD = r'"\e]0;pwned\a\e[2J\rall files valid\u202e\0\x9b\L\u200b\U000e0041"'
#: How the payload's controls must show in text output: escaped, visible (GitHub's own
#: escaping writes the carriage return as %0D).
SHOWN = [r"\x1b]0;pwned\x07", r"\x1b[2J", r"\rall files valid", r"\u202e", r"\x00", r"\x9b"]

#: Where a file's content reaches a message: (name, line to edit, its replacement, code).
PLACES = [
    ("key", r"^language: en$", f"language: en\n{PAYLOAD}: 1", "schema.unknown_key"),
    ("value", r"^    type: reaffirmation$", f"    type: {PAYLOAD}", "schema.vocabulary"),
    ("clause id", r"^  - id: reaffirm-partnership$", f"  - id: {PAYLOAD}", "schema.pattern"),
    ("tag", r"^title: .*$", "title: !<tag:x%1B]0;pwned%07%1B%5B2J> x", "yaml.tag"),
    ("reference", r"^    actors: \[us\]$", f"    actors: [{PAYLOAD}]", "schema.pattern"),
]
HOSTILE_NAME = "evil\x1b]0;pwned\x07\x1b[2J\r\u202e\x9b\u2028"


def _hostile_files(root: Path) -> dict[str, tuple[Path, str]]:
    """One file per place, each in a folder of its own; the file and the code it must give."""
    files = {}
    for number, (name, pattern, replacement, code) in enumerate(PLACES):
        path = statement(root / str(number))
        text, count = re.subn(
            pattern, lambda _, r=replacement: r, path.read_text(), count=1, flags=re.M
        )
        assert count == 1, name
        path.write_text(text, encoding="utf-8")
        files[name] = (path, code)
    return files


@pytest.mark.parametrize("output", ["text", "github", "json"])
def test_content_in_any_place_reaches_no_output_raw(tmp_path: Path, output: str) -> None:
    """Keys, values, clause ids, tags and references: escaped, one finding per line."""
    files = _hostile_files(tmp_path)
    result = run("validate", "--format", output, *(p for p, _ in files.values()))
    assert_clean(result)
    assert result.returncode == 1
    out = result.stdout.decode("utf-8")
    if output == "json":
        report = json.loads(out)
        assert [[e["code"] for e in f["errors"]] for f in report["files"]] == [
            [code] for _, code in files.values()
        ]
        return
    lines = out.splitlines()
    assert len(lines) == len(files) + 1  # one line per finding, then the summary
    for line, (path, code) in zip(lines, files.values(), strict=False):
        assert code in line
        assert str(path) in line
    # what the file holds is shown, escaped (a message quotes the key or value)
    shown = "\n".join(lines)
    for fragment in SHOWN if output == "text" else SHOWN[:2]:
        assert fragment in shown


def test_a_hostile_file_name_is_escaped_in_text_github_and_usage_errors(tmp_path: Path) -> None:
    """A name that sets the title, clears the screen and reorders text: shown escaped everywhere."""
    path = tmp_path / f"{HOSTILE_NAME}.yaml"
    path.write_text("a: [\n", encoding="utf-8")
    for output in ("text", "github"):
        result = run("validate", "--format", output, path)
        assert_clean(result)
        assert result.returncode == 1
        (finding, _) = result.stdout.decode().splitlines()
        escaped = r"evil\x1b]0;pwned\x07\x1b[2J\r\u202e\x9b\u2028.yaml"
        if output == "github":  # a carriage return in a workflow command's property
            escaped = escaped.replace(r"\r", "%0D")
        assert escaped in finding
    missing = run("validate", tmp_path / f"absent-{HOSTILE_NAME}.yaml")
    assert_clean(missing)
    assert missing.returncode == 2
    assert error_lines(missing)[-1].startswith("jointstmt: error: no such file or folder:")
    choice = run("validate", "--format", HOSTILE_NAME, path)
    assert_clean(choice)
    assert choice.returncode == 2
    assert r"invalid choice: 'evil\x1b]0;pwned" in error_lines(choice)[-1]


def test_hostile_clause_ids_and_names_reach_spans_output_escaped(tmp_path: Path) -> None:
    files = _hostile_files(tmp_path)
    path, _ = files["clause id"]
    result = run("spans", path)
    assert_clean(result)
    assert result.returncode in (0, 1)
    named = tmp_path / f"{HOSTILE_NAME}.yaml"
    named.write_text("a: [\n", encoding="utf-8")
    result = run("spans", named)
    assert_clean(result)
    assert result.returncode == 1
    (line,) = error_lines(result)
    assert line.endswith("yaml.syntax: " + line.split("yaml.syntax: ", 1)[1])


def test_a_value_spans_replaces_is_shown_escaped(tmp_path: Path) -> None:
    """Found by fuzzing: the SHA-256 ``spans --write`` replaces, quoted as it was, held a BOM."""
    path = statement(tmp_path / "s")
    text = path.read_text().replace("sha256: 26e7c5", 'sha256: "26e7\\ufeff\\e[2Jc5', 1)
    text = text.replace("a817\n", 'a817"\n', 1)
    path.write_text(text, encoding="utf-8")
    result = run("spans", "--write", path)
    assert_clean(result)
    assert result.returncode == 0
    assert r"(was 26e7\ufeff\x1b[2Jc5" in result.stdout.decode()


def test_a_file_name_that_is_not_utf8_keeps_json_valid_utf8(tmp_path: Path) -> None:
    """Python carries the bad byte as a lone surrogate; JSON shows it as the text \\xff."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    name = b"bad\xff\xfe.yaml"
    (Path(bytes(folder).decode()) / name.decode("utf-8", "surrogateescape")).write_bytes(b"a: [\n")
    for output in ("json", "text", "github"):
        result = run("validate", "--format", output, folder)
        assert_clean(result)
        assert result.returncode == 1
        text = result.stdout.decode("utf-8")  # strict: valid UTF-8
        if output == "json":
            (file,) = json.loads(text)["files"]
            assert file["path"].endswith(r"bad\xff\xfe.yaml")
        else:
            assert r"bad\xff\xfe.yaml" in text


def test_stdout_on_a_full_disk_is_one_line_and_status_1(tmp_path: Path) -> None:
    path = statement(tmp_path / "s")
    with open("/dev/full", "wb") as full:
        result = run("validate", path, stdout=full)
    assert_clean(result)
    assert result.returncode == 1
    assert error_lines(result) == ["jointstmt: cannot write the output: No space left on device"]


def test_stdout_closed_at_start_is_one_line_and_status_1(tmp_path: Path) -> None:
    path = statement(tmp_path / "s")
    result = subprocess.run(
        ["sh", "-c", 'exec "$0" -m jointstmt validate "$1" >&-', sys.executable, str(path)],
        capture_output=False,
        stderr=subprocess.PIPE,
        preexec_fn=limit_resources,
        timeout=120,
        check=False,
    )
    assert b"Traceback" not in result.stderr
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        "jointstmt: standard output is closed; nothing was done"
    ]


def test_stdout_closed_during_the_run_is_one_line_and_status_1(tmp_path: Path) -> None:
    path = statement(tmp_path / "s")
    code = (
        "import os, sys; os.close(1); from jointstmt.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    result = run("validate", path, code=code)
    assert_clean(result)
    assert result.returncode == 1
    assert error_lines(result) == ["jointstmt: cannot write the output: Bad file descriptor"]


def test_a_broken_pipe_is_one_line_and_status_1(tmp_path: Path) -> None:
    """``jointstmt validate ... | head -c 100``: the reader leaves after a few lines."""
    lines = ["schema_version: 1", "clauses:"] + ["- {type: welcome, q: 1}"] * 2000
    path = tmp_path / "many.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "jointstmt", "validate", "--max-findings", "5000", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=limit_resources,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    assert process.stdout.read(100)
    process.stdout.close()
    stderr = process.stderr.read()
    assert process.wait(timeout=120) == 1
    assert b"Traceback" not in stderr
    assert stderr.decode().splitlines() == ["jointstmt: cannot write the output: Broken pipe"]


def test_an_output_encoding_that_cannot_carry_the_text_escapes_it(tmp_path: Path) -> None:
    """PYTHONIOENCODING=ascii: the findings come out, with what ASCII lacks escaped."""
    path = statement(tmp_path / "déclaration")
    text = path.read_text().replace("language: en", "language: en\nclé: 1")
    path.write_text(text, encoding="utf-8")
    result = run("validate", path, env={"PYTHONIOENCODING": "ascii:strict"})
    assert_clean(result)
    assert result.returncode == 1
    (line, _) = result.stdout.decode("ascii").splitlines()
    assert r"d\xe9claration" in line
    assert "schema.unknown_key" in line


def test_stderr_that_fails_leaves_only_the_status(tmp_path: Path) -> None:
    """A usage error whose message cannot be written: a non-zero status, no hang, no output."""
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "jointstmt", "validate", str(tmp_path / "absent.yaml")],
            stdout=subprocess.PIPE,
            stderr=full,
            preexec_fn=limit_resources,
            timeout=120,
            check=False,
        )
    assert result.returncode != 0
    assert_printable(result.stdout)
    assert result.stdout == b""


def test_safe_leaves_no_character_a_terminal_could_act_on_in_all_of_unicode() -> None:
    """Every code point, through the one escaping function: none survives raw (Unicode's own
    categories decide, not the function's table)."""
    everything = "".join(map(chr, range(0x110000)))
    assert_printable(safe(everything))
    assert safe("plain text, é, 中文, \u200d") == "plain text, é, 中文, \u200d"
