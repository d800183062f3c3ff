"""What makes validation fast, checked without timing anything.

The C parser is really in use; ``--jobs N`` reports exactly what one process
reports, in input order; each file is parsed and validated once, by the one
validator pydantic built for the model; starting the CLI loads nothing heavy.
The figures themselves come from ``benchmarks/bench_corpus.py``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from jointstmt import cli, runner, validation
from jointstmt.cli import main
from jointstmt.model import JointStatement

EXAMPLES = Path(__file__).parent / "examples"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of 24 statements, some invalid (a bad value, malformed YAML, an empty file)."""
    root = tmp_path / "corpus"
    examples = sorted(p.parent for p in EXAMPLES.glob("*/statement.yaml"))  # version 1
    for i in range(24):
        folder = root / f"{i:02d}"
        shutil.copytree(examples[i % len(examples)], folder)
        statement = folder / "statement.yaml"
        if i % 7 == 3:
            statement.write_text(statement.read_text().replace("rank: ", "rank: king-"))
        elif i % 7 == 5:
            statement.write_text(statement.read_text() + "clauses: [\n")
        elif i == 20:
            statement.write_text("")
    return root


def _validate(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "jointstmt", "validate", *args],
        input=stdin,
        capture_output=True,
        check=False,
    )


def test_the_c_parser_is_in_use_in_the_installed_environment() -> None:
    """ruamel.yaml.clib is installed and the loader parses with its compiled CParser."""
    import _ruamel_yaml

    from jointstmt import loader

    assert loader._CParser is _ruamel_yaml.CParser
    assert Path(_ruamel_yaml.__file__).suffix in (".so", ".pyd")


@pytest.mark.parametrize("output", ["text", "json", "github"])
def test_jobs_2_output_equals_jobs_1_output_in_input_order(corpus: Path, output: str) -> None:
    one = _validate("--jobs", "1", "--format", output, str(corpus))
    two = _validate("--jobs", "2", "--format", output, str(corpus))
    assert one.returncode == two.returncode == 1
    assert two.stderr == b""
    assert two.stdout == one.stdout
    if output == "json":
        paths = [f["path"] for f in json.loads(two.stdout)["files"]]
        files = sorted(str(p) for p in corpus.glob("*/statement.yaml"))
        # each file's own result, in input order; the corpus rules' findings come after
        assert paths[: len(files)] == files


def test_a_corpus_is_shared_among_the_workers_and_their_findings_kept_in_order(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared: list[int] = []
    in_workers = runner._in_workers

    def counting(names: list[str], *args: Any) -> Any:
        shared.append(len(names))
        return in_workers(names, *args)

    monkeypatch.setattr(runner, "_in_workers", counting)
    names = sorted(str(p) for p in corpus.glob("*/statement.yaml"))
    one = list(runner.check_paths(names, jobs=1))
    two = list(runner.check_paths(names, jobs=2))
    assert shared == [len(names) - 1]  # all but the first, which loads what workers inherit
    assert two == one
    assert [result.path for result in two] == names


def test_jobs_2_reads_standard_input_where_it_stands_among_the_paths(corpus: Path) -> None:
    first, *rest = sorted(str(p) for p in corpus.glob("*/statement.yaml"))
    stdin = b"- a list\n"
    one = _validate("--jobs", "1", first, "-", *rest, stdin=stdin)
    two = _validate("--jobs", "2", first, "-", *rest, stdin=stdin)
    assert two.stdout == one.stdout
    assert one.stdout.decode().splitlines()[0].startswith("-:1:1: yaml.root: ")


def test_jobs_defaults_to_the_number_of_cores() -> None:
    args = cli._parser().parse_args(["validate", "x.yaml"])
    if hasattr(os, "sched_getaffinity"):
        assert args.jobs == len(os.sched_getaffinity(0))  # the cores this process may use
    else:
        assert args.jobs == os.cpu_count()


def test_each_file_is_parsed_once_and_validated_once_by_the_model_validator(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    parsed: list[bytes] = []
    parse_yaml = validation.parse_yaml

    def counting_parse(data: bytes, *args: Any) -> Any:
        parsed.append(data)
        return parse_yaml(data, *args)

    class CountingValidator:
        """Stands in for the validator pydantic built once for the model."""

        def __init__(self, inner: Any) -> None:
            self.inner = inner
            self.calls = 0

        def validate_python(self, *args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            return self.inner.validate_python(*args, **kwargs)

    validator = CountingValidator(JointStatement.__pydantic_validator__)
    monkeypatch.setattr(validation, "parse_yaml", counting_parse)
    monkeypatch.setattr(JointStatement, "__pydantic_validator__", validator)
    assert main(["validate", "--jobs", "1", str(corpus)]) == 1
    summary = capsys.readouterr().out.splitlines()[-1]
    assert summary.startswith("24 files checked:")
    files = sorted(corpus.glob("*/statement.yaml"))
    assert parsed == [f.read_bytes() for f in files]  # once each, in order
    well_formed = sum(1 for f in files if f.read_text() and "clauses: [\n" not in f.read_text())
    assert validator.calls == well_formed


def test_starting_the_cli_loads_no_heavy_module() -> None:
    """Building the parser (all that ``--help`` and ``--version`` do) imports no pydantic or YAML."""
    code = (
        "import sys, jointstmt.cli; jointstmt.cli._parser(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pydantic', 'pydantic_core', 'ruamel', '_ruamel_yaml', 'langcodes', 'concurrent')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, check=True, text=True
    ).stdout
    assert out.strip() == "[]"


def test_folders_are_searched_as_rglob_searches_them(tmp_path: Path) -> None:
    """The scandir walk finds exactly what ``rglob`` with a suffix test finds, in the same order."""
    root = tmp_path / "root"
    for name in [
        "b/s.yaml",
        "a-b/s.yml",
        "a/b/c.yaml",
        "a/.yaml",
        "a/x.b.yaml",
        "a/t.txt",
        ".h/s.yaml",
    ]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("a: 1\n")
    (root / "dir.yaml").mkdir()
    os.mkfifo(root / "fifo.yaml")
    (root / "broken.yaml").symlink_to(tmp_path / "nowhere")
    (root / "linked.yaml").symlink_to(root / "b" / "s.yaml")
    (root / "linked-folder").symlink_to(root / "a", target_is_directory=True)
    expected = sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    # and, unlike rglob, what must be reported: a pipe (checking it says why it is not
    # read), and a link that leads out of the folder (not followed)
    found = runner.yaml_files(root)
    outside = [f for f in found if not isinstance(f, Path)]
    assert [f for f in found if isinstance(f, Path)] == sorted([*expected, root / "fifo.yaml"])
    assert [(r.path, r.findings[0].code) for r in outside] == [
        (str(root / "broken.yaml"), "io.symlink_outside")
    ]
    assert len(expected) == 6


def _composed_positions(node: Any, path: tuple[str | int, ...], out: dict[Any, Any]) -> None:
    """(line, column) of every value and key under ``node``, from ruamel's composer."""
    out[("value", path)] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if node.id == "mapping":
        for key, value in node.value:
            out[("key", (*path, key.value))] = (key.start_mark.line + 1, key.start_mark.column + 1)
            _composed_positions(value, (*path, key.value), out)
    elif node.id == "sequence":
        for index, item in enumerate(node.value):
            _composed_positions(item, (*path, index), out)


@pytest.mark.parametrize(
    "example", sorted(p.parent.name for p in EXAMPLES.glob("*/statement.yaml"))
)
def test_compact_positions_give_every_node_the_parser_mark(example: str) -> None:
    """Positions kept as packed integers resolve to the marks ruamel's composer gives."""
    from ruamel.yaml import YAML

    from jointstmt.loader import parse_yaml

    data = (EXAMPLES / example / "statement.yaml").read_bytes()
    expected: dict[Any, Any] = {}
    _composed_positions(YAML(typ="safe").compose(data), (), expected)
    positions = parse_yaml(data).positions
    got = {
        (kind, path): positions.of_key(path) if kind == "key" else positions.of(path)
        for kind, path in expected
    }
    assert len(expected) > 100
    assert got == expected


def test_the_collector_never_runs_while_a_statement_is_checked_and_is_restored() -> None:
    """Building a file's data makes no cycles: the cyclic collector is paused meanwhile."""
    import gc

    from jointstmt.validation import _check_bytes, check_bytes

    data = (EXAMPLES / "multi-city" / "statement.yaml").read_bytes()
    runs: list[str] = []

    def count(phase: str, info: dict[str, int]) -> None:
        """Note a collection that starts while the file is being checked."""
        frame = sys._getframe()
        while frame is not None and frame.f_code is not _check_bytes.__code__:
            frame = frame.f_back  # type: ignore[assignment]
        if phase == "start" and frame is not None:
            runs.append(phase)

    threshold = gc.get_threshold()
    # unpaused, checking the file would run the collector hundreds of times; between
    # the calls below, too little is allocated to run it once
    gc.set_threshold(100)
    gc.callbacks.append(count)
    try:
        result = check_bytes(data, None)
        enabled_after = gc.isenabled()
        gc.disable()
        check_bytes(b"a: [1\n", None)
        disabled_after = not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*threshold)
        gc.enable()
    assert enabled_after
    assert disabled_after
    assert result.statement is not None
    assert runs == []
