"""The command line: commands, formats, exit statuses, standard input, start-up cost."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jointstmt import __version__
from jointstmt.cli import _parser, main
from jointstmt.schema_export import render

EXAMPLES = Path(__file__).parent / "examples"


def _run(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "jointstmt", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        check=False,
    )


def test_python_dash_m_is_the_same_program() -> None:
    result = _run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == f"jointstmt {__version__}"


def _commands() -> list[list[str]]:
    """The program itself and each of its commands, from the parser (none left out)."""
    (commands,) = [a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return [[], *([name] for name in commands.choices)]


@pytest.mark.parametrize("command", _commands(), ids=lambda c: " ".join(c) or "jointstmt")
def test_every_command_has_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: jointstmt" in capsys.readouterr().out


def test_bad_option_is_a_usage_error() -> None:
    assert _run("validate", "--format", "xml", str(EXAMPLES)).returncode == 2


def test_folders_are_searched_recursively_in_sorted_order(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", "--format", "json", str(EXAMPLES)]) == 0
    report = json.loads(capsys.readouterr().out)
    paths = [f["path"] for f in report["files"]]
    assert paths == sorted(paths)
    assert len(paths) == len(list(EXAMPLES.rglob("statement.yaml")))
    assert report["summary"] == {
        "files": len(paths),
        "valid": len(paths),
        "invalid": 0,
        "errors": 0,
    }


def test_json_report_lists_each_error_with_its_location(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example.write_text(example.read_text().replace("rank: head_of_state", "rank: king"))
    assert main(["validate", "--format", "json", str(example)]) == 1
    (file,) = json.loads(capsys.readouterr().out)["files"]
    assert file["valid"] is False
    (error,) = file["errors"]
    assert error == {
        "code": "schema.vocabulary",
        "message": "'king' is not a rank; did you mean 'head_of_state'?",
        "line": 32,
        "column": 11,
        "pointer": "/participants/0/rank",
    }


def test_invalid_and_valid_files_in_one_run_exit_1(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = example.parent / "bad.yaml"
    bad.write_text("- not a mapping\n")
    assert main(["validate", str(example), str(bad)]) == 1
    assert capsys.readouterr().out.endswith("2 files checked: 1 valid, 1 invalid, 1 error\n")


def test_standard_input_is_read_with_sources_from_the_current_folder(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "bilateral-leaders", tmp_path / "s")
    data = (tmp_path / "s" / "statement.yaml").read_bytes()
    ok = _run("validate", "-", stdin=data, cwd=tmp_path / "s")
    assert ok.returncode == 0, ok.stdout
    bad = _run("validate", "-", stdin=b"- a list\n", cwd=tmp_path / "s")
    assert bad.returncode == 1
    assert bad.stdout.decode().startswith("-:1:1: yaml.root: ")
    assert b"Traceback" not in bad.stderr


def test_schema_prints_writes_and_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == render()
    target = tmp_path / "schema.json"
    assert main(["schema", "--output", str(target)]) == 0
    assert main(["schema", "--check", str(target)]) == 0
    target.write_text(render().replace("Joint diplomatic statement", "Edited"))
    assert main(["schema", "--check", str(target)]) == 1
    assert "differs" in capsys.readouterr().err


def test_ctrl_c_stops_quietly_with_status_130(tmp_path: Path) -> None:
    """An interrupted run (here: waiting on standard input) prints one line, no traceback."""
    import os
    import signal

    bad = tmp_path / "bad.yaml"
    bad.write_text("- a list\n")
    process = subprocess.Popen(
        [sys.executable, "-m", "jointstmt", "validate", "--jobs", "1", str(bad), "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    # ready: the first file is reported, so the run goes on to read standard input
    assert process.stdout.readline().startswith(f"{bad}:1:1: yaml.root: ".encode())
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert err.decode() == "jointstmt: interrupted\n"
