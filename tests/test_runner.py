"""The corpus runner, through the API: paths in, one result per file out, in order."""

from __future__ import annotations

import shutil
from pathlib import Path

from jointstmt.findings import FileResult
from jointstmt.limits import Limits
from jointstmt.runner import check_paths

EXAMPLES = Path(__file__).parent / "examples"


def _corpus(tmp_path: Path) -> list[Path]:
    """The examples copied into one folder, with one made invalid; their YAML paths, sorted."""
    for yaml_file in sorted(EXAMPLES.glob("*/statement.yaml")):
        shutil.copytree(yaml_file.parent, tmp_path / yaml_file.parent.name)
    paths = sorted(tmp_path.glob("*/statement.yaml"))
    paths[0].write_text(paths[0].read_text().replace("schema_version: 1", "schema_version: 9"))
    return paths


def test_a_corpus_validates_through_the_api_one_result_per_file_in_order(tmp_path: Path) -> None:
    paths = _corpus(tmp_path)
    results = list(check_paths([tmp_path]))
    assert [r.path for r in results] == [str(p) for p in paths]
    assert all(isinstance(r, FileResult) and r.statement is None for r in results)
    assert [r.valid for r in results] == [False] + [True] * (len(paths) - 1)
    assert [f.code for f in results[0].findings] == ["schema.version"]


def test_a_missing_path_is_a_result_with_io_not_found(tmp_path: Path) -> None:
    (result,) = check_paths([tmp_path / "absent.yaml"])
    assert [f.code for f in result.findings] == ["io.not_found"]


def test_limits_apply_to_every_file(tmp_path: Path) -> None:
    paths = _corpus(tmp_path)
    results = list(check_paths(paths, Limits(max_bytes=100)))
    assert {f.code for r in results for f in r.findings} == {"yaml.too_large"}
