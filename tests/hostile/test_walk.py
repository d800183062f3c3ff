"""Class 6: a folder walk never passes over what it could not read.

The policy (README, "Output safety and limits"): a folder that cannot be listed is an
``io.walk`` finding, located at the folder, and the run exits 1; a symbolic link (to a
YAML file or a folder) that leads out of the walked folder is ``io.symlink_outside``,
is not followed, and nothing it points to is read or shown; entries named ``*.yaml``
that are not regular files (a dangling link, a loop, a pipe) are checked, and so
reported; links that stay inside the folder are followed for files and not entered
for folders (their files are found where they are).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from jointstmt.cli import main
from jointstmt.runner import check_paths

from .printable import assert_printable
from .process import assert_clean, run, statement

SECRET = "TOP-SECRET-CONTENT"


def _tree(root: Path) -> Path:
    """A walked folder with a valid statement, beside a folder outside it holding a secret."""
    outside = root / "outside"
    outside.mkdir(parents=True)
    (outside / "secret.yaml").write_text(f"{SECRET}: [\n")
    (outside / "more.yaml").write_text(f"{SECRET}: [\n")
    walked = root / "walked"
    statement(walked / "good")
    return walked


def _codes(result_stdout: bytes) -> list[tuple[str, str]]:
    report = json.loads(result_stdout)
    return [(f["path"], e["code"]) for f in report["files"] for e in f["errors"]]


def test_links_out_of_the_walked_folder_are_reported_and_not_followed(tmp_path: Path) -> None:
    walked = _tree(tmp_path)
    (walked / "link.yaml").symlink_to(tmp_path / "outside" / "secret.yaml")
    (walked / "good" / "folder-link").symlink_to(tmp_path / "outside", target_is_directory=True)
    result = run("validate", "--format", "json", walked)
    assert_clean(result)
    assert result.returncode == 1
    assert SECRET.encode() not in result.stdout + result.stderr
    assert _codes(result.stdout) == [
        (str(walked / "good" / "folder-link"), "io.symlink_outside"),
        (str(walked / "link.yaml"), "io.symlink_outside"),
    ]
    text = run("validate", walked)
    assert_clean(text)
    assert f"{walked / 'link.yaml'}:1:1: io.symlink_outside: " in text.stdout.decode()


def test_a_link_named_on_the_command_line_is_followed(tmp_path: Path) -> None:
    """The user named it: that is not a walk finding its way out."""
    walked = _tree(tmp_path)
    (walked / "link.yaml").symlink_to(tmp_path / "outside" / "secret.yaml")
    result = run("validate", "--format", "json", walked / "link.yaml")
    assert_clean(result)
    assert result.returncode == 1
    assert _codes(result.stdout) == [(str(walked / "link.yaml"), "yaml.syntax")]


def test_links_inside_the_folder_are_followed_for_files_not_entered_for_folders(
    tmp_path: Path,
) -> None:
    walked = _tree(tmp_path)
    (walked / "same.yaml").symlink_to(walked / "good" / "statement.yaml")
    (walked / "again").symlink_to(walked / "good", target_is_directory=True)
    results = list(check_paths([walked]))
    assert [r.path for r in results] == [
        str(walked / "good" / "statement.yaml"),
        str(walked / "same.yaml"),
    ]


def test_entries_that_are_not_regular_files_are_reported(tmp_path: Path) -> None:
    walked = _tree(tmp_path)
    (walked / "dangling.yaml").symlink_to(walked / "absent.yaml")
    (walked / "loop.yaml").symlink_to("loop.yaml")
    os.mkfifo(walked / "pipe.yaml")
    result = run("validate", "--format", "json", walked)
    assert_clean(result)
    assert result.returncode == 1
    assert _codes(result.stdout) == [
        (str(walked / "dangling.yaml"), "io.not_found"),
        (str(walked / "loop.yaml"), "io.unreadable"),
        (str(walked / "pipe.yaml"), "io.unreadable"),
    ]


def test_an_unreadable_subfolder_is_a_located_finding_and_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Denied with a patched ``os.scandir`` (root reads any folder); the real thing is below."""
    walked = _tree(tmp_path)
    statement(walked / "locked" / "inner")
    scandir = os.scandir

    def denying(path: os.PathLike[str]) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", denying)
    assert main(["validate", "--jobs", "1", str(walked)]) == 1
    out = capsys.readouterr().out
    assert_printable(out)
    assert out.splitlines() == [
        f"{walked / 'locked'}:1:1: io.walk: the folder cannot be searched (Permission denied); "
        "no file in it was checked",
        "2 files checked: 1 valid, 1 invalid, 1 error",
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_an_unreadable_subfolder_on_disk_fails_the_run(tmp_path: Path) -> None:
    walked = _tree(tmp_path)
    locked = walked / "locked"
    statement(locked)
    locked.chmod(0)
    try:
        result = run("validate", "--format", "json", walked)
    finally:
        locked.chmod(0o755)
    assert_clean(result)
    assert result.returncode == 1
    assert (str(locked), "io.walk") in _codes(result.stdout)


def test_coverage_reports_what_the_walk_could_not_check(tmp_path: Path) -> None:
    walked = _tree(tmp_path)
    (walked / "link.yaml").symlink_to(tmp_path / "outside" / "secret.yaml")
    result = run("coverage", walked)
    assert_clean(result)
    assert result.returncode == 1
    assert SECRET.encode() not in result.stdout
    assert f"{walked / 'link.yaml'}:1:1: error: io.symlink_outside: " in result.stdout.decode()


def test_export_writes_nothing_when_the_walk_could_not_check_a_file(tmp_path: Path) -> None:
    walked = _tree(tmp_path)
    (walked / "link.yaml").symlink_to(tmp_path / "outside" / "secret.yaml")
    tables = tmp_path / "tables"
    result = run("export", walked, "--output", tables)
    assert_clean(result)
    assert result.returncode == 1
    assert SECRET.encode() not in result.stdout + result.stderr
    assert f"{walked / 'link.yaml'}:1:1: io.symlink_outside: " in result.stderr.decode()
    assert not tables.exists() or list(tables.iterdir()) == []
