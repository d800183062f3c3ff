"""``--format github`` read back as the GitHub Actions runner reads workflow commands.

What the runner reads back must be exactly the path, line, column, code and
message the JSON report gives, whatever characters they hold.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from .cases import EXAMPLES
from .workflow_commands import parse_workflow_command


def _validate(folder: Path, output: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "jointstmt", "validate", "--format", output, "."],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    return done.stdout


def test_annotations_carry_paths_and_messages_with_reserved_characters(tmp_path: Path) -> None:
    """Percent signs, CR, LF, colons, commas, equals signs and `::` survive the round trip."""
    statement = tmp_path / "we,ird:dir=%25" / "st\r\nat,e:1%.yaml"
    statement.parent.mkdir()
    text = (EXAMPLES / "bilateral-leaders" / "statement.yaml").read_text(encoding="utf-8")
    awkward = 'rank: "100%, a:b\\r\\nc::d,e=f"'
    statement.write_text(
        text.replace("rank: head_of_state", awkward, 1).replace("title: Joint", "titel: Joint"),
        encoding="utf-8",
    )
    shutil.copyfile(
        EXAMPLES / "bilateral-leaders" / "statement.txt", statement.parent / "statement.txt"
    )

    report = json.loads(_validate(tmp_path, "json"))
    expected = [
        {
            "file": f["path"],
            "line": e["line"],
            "col": e["column"],
            "title": e["code"],
            "message": e["message"],
        }
        for f in report["files"]
        for e in f["errors"]
    ]
    # messages quote values escaped (a finding stays on one line); paths are as they are
    assert any("\\r\\n" in e["message"] and "%" in e["message"] for e in expected)
    assert any("," in e["file"] and ":" in e["file"] and "\n" in e["file"] for e in expected)

    lines = _validate(tmp_path, "github").split("\n")
    commands = [c for c in map(parse_workflow_command, lines) if c is not None]
    assert len(commands) == len(expected) == len(lines) - 2  # then the summary, then ""
    read_back = [
        {
            "file": c["properties"]["file"],
            "line": int(c["properties"]["line"]),
            "col": int(c["properties"]["col"]),
            "title": c["properties"]["title"],
            "message": c["data"],
        }
        for c in commands
    ]
    assert {c["command"] for c in commands} == {"error"}
    assert read_back == expected
