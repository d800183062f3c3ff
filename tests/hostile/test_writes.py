"""Class 4: every command that rewrites a user's file loses nothing.

``spans --write``, ``migrate`` (in place and ``--output``), ``schema --output`` and the
API's ``dump()``: the write is atomic and keeps the file's mode; CRLF line endings, a
byte-order mark, ``---`` with the comments above it and ``...`` with what follows it
survive; a read-only file, a missing folder, a folder in place of the file or a link
that leads out of the folder gives one error line and a non-zero status, and the
original (and whatever the link points to) is left byte for byte as it was.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from jointstmt import dump, load
from jointstmt.roundtrip import keep_layout

from .process import assert_clean, error_lines, run, statement

SPAN = "    span: {start: 145, end: 208}\n"


def _spans_file(folder: Path) -> Path:
    """The example with one clause's span removed: ``spans --write`` has something to set."""
    path = statement(folder)
    text = path.read_text(encoding="utf-8")
    assert SPAN in text
    path.write_text(text.replace(SPAN, "", 1), encoding="utf-8")
    return path


def _spans(path: Path) -> list[str]:
    return ["spans", "--write", str(path)]


def _migrate(path: Path) -> list[str]:
    return ["migrate", str(path)]


COMMANDS: dict[str, tuple[Callable[[Path], Path], Callable[[Path], list[str]]]] = {
    "spans --write": (_spans_file, _spans),
    "migrate": (statement, _migrate),
}


def _layout(text: str) -> bytes:
    """The example with a BOM, CRLF, comments above ``---`` and a ``...`` with a comment below."""
    body = "# above the start marker\n%YAML 1.2\n---\n" + text + "... # the end\n# after the end\n"
    return b"\xef\xbb\xbf" + body.replace("\n", "\r\n").encode("utf-8")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_rewrite_keeps_mode_bom_crlf_and_document_markers(tmp_path: Path, command: str) -> None:
    build, arguments = COMMANDS[command]
    path = build(tmp_path / "s")
    path.write_bytes(_layout(path.read_text(encoding="utf-8")))
    path.chmod(0o640)
    before = path.read_bytes()
    result = run(*arguments(path))
    assert_clean(result)
    assert result.returncode == 0, result.stderr
    after = path.read_bytes()
    assert after != before  # it did rewrite the file
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert after.startswith(b"\xef\xbb\xbf# above the start marker\r\n%YAML 1.2\r\n---\r\n")
    assert after.endswith(b"\r\n... # the end\r\n# after the end\r\n")
    assert b"\n" not in after.replace(b"\r\n", b"")  # every line ends in CRLF
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []  # no temp left


def _read_only(path: Path) -> Path:
    path.chmod(0o444)
    return path


def _folder_in_place(path: Path) -> Path:
    """Where the file should be written, a folder: ``--output`` names it."""
    target = path.parent / "out.yaml"
    target.mkdir()
    return target


@pytest.mark.parametrize("command", COMMANDS)
def test_a_read_only_file_is_one_line_and_left_intact(tmp_path: Path, command: str) -> None:
    """Even for root, who may write anything: the owner made it read-only."""
    build, arguments = COMMANDS[command]
    path = _read_only(build(tmp_path / "s"))
    before = path.read_bytes()
    result = run(*arguments(path))
    assert_clean(result)
    assert result.returncode == 1
    (line,) = [line for line in error_lines(result) if "error" in line]
    assert "read-only" in line
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["statement.txt", "statement.yaml"]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_link_out_of_the_folder_is_not_written_through(tmp_path: Path, command: str) -> None:
    build, arguments = COMMANDS[command]
    outside = build(tmp_path / "elsewhere")
    before = outside.read_bytes()
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "statement.txt").write_bytes((outside.parent / "statement.txt").read_bytes())
    link = folder / "statement.yaml"
    link.symlink_to(outside)
    result = run(*arguments(link))
    assert_clean(result)
    assert result.returncode == 1
    assert any("leads out of its folder" in line for line in error_lines(result))
    assert outside.read_bytes() == before
    assert link.is_symlink()


@pytest.mark.parametrize(
    ("case", "target"),
    [
        ("missing folder", lambda folder: folder / "absent" / "out.yaml"),
        ("folder in place of the file", _folder_in_place),
    ],
)
def test_migrate_output_that_cannot_be_written_is_one_line(
    tmp_path: Path, case: str, target: Callable[[Path], Path]
) -> None:
    path = statement(tmp_path / "s")
    before = path.read_bytes()
    output = target(path) if case != "missing folder" else target(path.parent)
    result = run("migrate", path, "--output", output)
    assert_clean(result)
    assert result.returncode == 1
    (line,) = error_lines(result)
    if case == "folder in place of the file":
        assert "cannot write" in line
    else:  # the migrated file is validated where it would be, and its source is not there
        assert "absent" in line
    assert path.read_bytes() == before


@pytest.mark.parametrize("kind", ["read-only", "missing folder", "folder", "link out"])
def test_schema_output_that_cannot_be_written_is_one_line_and_nothing_changes(
    tmp_path: Path, kind: str
) -> None:
    outside = tmp_path / "outside.json"
    outside.write_text("keep me\n")
    folder = tmp_path / "work"
    folder.mkdir()
    target = folder / "schema.json"
    if kind == "read-only":
        target.write_text("old\n")
        target.chmod(0o444)
    elif kind == "missing folder":
        target = folder / "absent" / "schema.json"
    elif kind == "folder":
        target.mkdir()
    else:
        target.symlink_to(outside)
    result = run("schema", "--output", target)
    assert_clean(result)
    assert result.returncode == 1
    (line,) = error_lines(result)
    assert line.startswith("jointstmt schema: cannot write ")
    assert outside.read_text() == "keep me\n"
    if kind == "read-only":
        assert target.read_text() == "old\n"
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []


def test_schema_output_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    target.write_text("old\n")
    target.chmod(0o600)
    result = run("schema", "--output", target)
    assert_clean(result)
    assert result.returncode == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text().startswith("{")


def test_dump_is_atomic_and_refuses_a_read_only_file(tmp_path: Path) -> None:
    statement_ = load(statement(tmp_path / "s"))
    target = tmp_path / "s" / "copy.yaml"
    target.write_text("old\n")
    target.chmod(0o444)
    with pytest.raises(PermissionError):
        dump(statement_, target)
    assert target.read_text() == "old\n"
    with pytest.raises(FileNotFoundError):
        dump(statement_, tmp_path / "absent" / "copy.yaml")
    target.chmod(0o644)
    dump(statement_, target)
    assert load(target) == statement_


@pytest.mark.parametrize(
    "original",
    [
        b"a: 1\n",
        b"a: 1\r\n",
        b"\xef\xbb\xbfa: 1\n",
        b"---\na: 1\n",
        b"# c\n---\na: 1\n...\n",
        b"%YAML 1.2\n---\na: 1\n... # end\n# tail\n",
        b"a: 1",
    ],
)
def test_keep_layout_gives_back_the_original_for_an_unchanged_dump(original: bytes) -> None:
    """What ruamel dumps for an unchanged document, with the layout restored, is the original."""
    import io

    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    out = io.StringIO()
    yaml.dump(yaml.load(original.decode("utf-8-sig")), out)
    expected = original if original.endswith(b"\n") else original + b"\n"
    assert keep_layout(out.getvalue(), original) == expected


def test_atomic_write_leaves_no_temporary_file_when_the_disk_is_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jointstmt.fileio import atomic_write

    target = tmp_path / "file.yaml"
    target.write_text("old\n")

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space left"):
        atomic_write(target, b"new\n")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["file.yaml"]
