"""Class 5: every command meets validate's guards on hostile input.

Each command that reads a statement file (``validate``, ``spans``, ``migrate``,
``coverage``, ``render``, ``export``) and ``new`` (which reads a statement text) gets
the same hostile files: over the size limit, a sparse 10 GiB file, 10^5 levels of
nesting, a named pipe, a symlink loop, an invalid escape, binary data. Each run is
bounded in CPU time and memory, ends with a non-zero status and at most one line per
problem plus the command's summary, and prints no traceback and no raw control
character. Valid YAML in an unusual layout (a list item whose mapping starts on the
next line) is not hostile: every command accepts it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from .process import assert_clean, run, statement

MiB = 1024 * 1024


def _sparse(path: Path) -> None:
    with path.open("wb") as stream:
        stream.truncate(10 * 1024**3)  # no disk used; reading it would take 10 GiB


HOSTILE: dict[str, Callable[[Path], None]] = {
    "over the size limit": lambda p: p.write_bytes(b"a: " + b"x" * (6 * MiB) + b"\n"),
    "sparse 10 GiB": _sparse,
    "10^5 levels of nesting": lambda p: p.write_bytes(b"a: " + b"[" * 100_000 + b"\n"),
    "named pipe": lambda p: os.mkfifo(p),
    "symlink loop": lambda p: p.symlink_to(p.name),
    "invalid escape": lambda p: p.write_bytes(b'schema_version: 1\ntitle: "bad \\q"\n'),
    "binary data": lambda p: p.write_bytes(bytes(range(256)) * 64),
}

#: Each command's arguments for an input file (``new`` writes its draft beside the text).
COMMANDS: dict[str, Callable[[Path], list[str | Path]]] = {
    "validate": lambda p: ["validate", p],
    "spans": lambda p: ["spans", p],
    "spans --write": lambda p: ["spans", "--write", p],
    "migrate": lambda p: ["migrate", p],
    "coverage": lambda p: ["coverage", p],
    "render": lambda p: ["render", p],
    "export": lambda p: ["export", p, "--output", p.parent / "tables"],
    "new": lambda p: ["new", p, "--output", p.parent / "draft.yaml"],
}
#: Lines that summarise a run rather than report a problem.
SUMMARY = re.compile(r"^\d+ files? checked|^jointstmt export: nothing written|^\S+: \d+ clauses, ")


#: Every command with every hostile input but a YAML escape for ``new``: in a statement
#: text, that is plain text.
PAIRS = [(h, c) for h in HOSTILE for c in COMMANDS if (c, h) != ("new", "invalid escape")]


@pytest.mark.parametrize(("hostile", "command"), PAIRS, ids=[f"{h}-{c}" for h, c in PAIRS])
def test_every_command_gives_one_line_for_hostile_input(
    tmp_path: Path, command: str, hostile: str
) -> None:
    path = tmp_path / ("statement.txt" if command == "new" else "statement.yaml")
    HOSTILE[hostile](path)
    result = run(*COMMANDS[command](path))
    assert_clean(result)
    assert result.returncode in (1, 2), result
    lines = (result.stdout + result.stderr).decode("utf-8").splitlines()
    problems = [line for line in lines if not SUMMARY.search(line)]
    assert len(problems) == 1, lines
    if result.returncode == 1 and command != "new":
        assert problems[0].startswith(str(path)), problems  # located: it names the file
    tables = tmp_path / "tables"
    assert not tables.exists() or list(tables.iterdir()) == []  # nothing written
    assert not (tmp_path / "draft.yaml").exists()


def _unusual_layout(folder: Path) -> Path:
    """The example with every list item's mapping starting on the line after its dash."""
    path = statement(folder)
    text = re.sub(
        r"^(\s*)- (\w+:)", lambda m: f"{m[1]}-\n{m[1]}  {m[2]}", path.read_text(), flags=re.M
    )
    assert "-\n" in text
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [c for c in COMMANDS if c != "new"])
def test_valid_yaml_in_an_unusual_layout_is_accepted_by_every_command(
    tmp_path: Path, command: str
) -> None:
    path = _unusual_layout(tmp_path / "s")
    result = run(*COMMANDS[command](path))
    assert_clean(result)
    assert result.returncode == 0, result


def test_migrate_checks_a_statement_before_editing_it(tmp_path: Path) -> None:
    """Found by fuzzing: a participant with neither country nor organization crashed the
    migration, which ran before the file was validated."""
    path = statement(tmp_path / "s")
    text = path.read_text()
    broken = text.replace("  - id: us\n    country: US\n", "  - id: us\n", 1)
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    result = run("migrate", path)
    assert_clean(result)
    assert result.returncode == 1
    (line,) = result.stderr.decode().splitlines()
    assert line.startswith(f"{path}:1:1: error: not a valid version-1 statement")
    assert path.read_text() == broken
