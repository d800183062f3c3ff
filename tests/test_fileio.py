"""File I/O on users' files: guarded bounded reads inside a folder, atomic writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jointstmt import fileio
from jointstmt.fileio import ReadError, atomic_write, read_file, read_inside


def test_read_inside_reads_a_file_in_the_folder(tmp_path: Path) -> None:
    (tmp_path / "text.txt").write_bytes(b"quote")
    assert read_inside(tmp_path, "text.txt", 100) == b"quote"


@pytest.mark.parametrize("name", ["../x.txt", "/etc/passwd", "a\\..\\x.txt", "sub/../../x.txt"])
def test_read_inside_refuses_a_path_written_outside(tmp_path: Path, name: str) -> None:
    with pytest.raises(ReadError) as error:
        read_inside(tmp_path / "folder", name, 100)
    assert error.value.problem == "outside"


def test_read_inside_refuses_a_symlink_that_leads_out(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_bytes(b"secret")
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "text.txt").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(ReadError) as error:
        read_inside(tmp_path / "folder", "text.txt", 100)
    assert (error.value.problem, str(error.value)) == (
        "outside",
        "resolves outside the statement's folder",
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(ReadError) as error:
        read_inside(tmp_path, "pipe.txt", 100)
    assert error.value.problem == "not_regular"


def test_a_file_over_the_limit_is_refused_with_its_size(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"x" * 101)
    with pytest.raises(ReadError) as error:
        read_file(tmp_path / "big.txt", 100)
    assert (error.value.problem, error.value.size) == ("too_large", 101)
    assert read_file(tmp_path / "big.txt", 101) == b"x" * 101


def test_a_missing_file_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as error:
        read_inside(tmp_path, "absent.txt", 100)
    assert (error.value.problem, str(error.value)) == ("not_found", f"is not a file in {tmp_path}")


def test_atomic_write_replaces_the_content_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "statement.yaml"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["statement.yaml"]


def test_atomic_write_creates_a_new_file(tmp_path: Path) -> None:
    atomic_write(tmp_path / "new.json", b"{}")
    assert (tmp_path / "new.json").read_bytes() == b"{}"


def test_a_failure_mid_write_leaves_the_original_intact_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "statement.yaml"
    target.write_bytes(b"original")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space left"):
        atomic_write(target, b"new content")
    assert target.read_bytes() == b"original"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["statement.yaml"]


def test_atomic_write_refuses_a_symlink_that_leads_out_of_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_bytes(b"keep")
    (tmp_path / "folder").mkdir()
    link = tmp_path / "folder" / "statement.yaml"
    link.symlink_to(outside)
    with pytest.raises(PermissionError):
        atomic_write(link, b"new")
    assert outside.read_bytes() == b"keep"


def test_atomic_write_through_a_symlink_inside_the_folder_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "real.yaml").write_bytes(b"old")
    (tmp_path / "link.yaml").symlink_to("real.yaml")
    atomic_write(tmp_path / "link.yaml", b"new")
    assert (tmp_path / "link.yaml").is_symlink()
    assert (tmp_path / "real.yaml").read_bytes() == b"new"
