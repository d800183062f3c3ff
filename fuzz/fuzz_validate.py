"""Coverage-guided fuzzing of statement validation with atheris (libFuzzer); see README.md.

Each input is the bytes of a statement file. It is validated as ``jointstmt validate``
validates a file, against a folder that holds the example source texts, a symlink
pointing out of the folder, a subfolder and a named pipe. The target fails (and
libFuzzer saves the input) when:

* anything but a finding comes out: an exception, a hang (``-timeout``), a blow-up
  (``-rss_limit_mb``);
* a finding has an undocumented code or a position outside the file
  (``tests/hostile/checks.py``), or a valid file has findings or an invalid one none;
* a valid statement does not survive ``loads(dumps(statement))`` unchanged;
* validation opened a file outside the statement's folder, opened any file for
  writing, touched a socket or started a process (Python audit hooks).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import atheris

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "tests" / "examples"
sys.path.insert(0, str(ROOT / "tests"))
sys.dont_write_bytecode = True  # lazy imports during a run must not count as writes

with atheris.instrument_imports(include=["jointstmt", "ruamel"]):
    from jointstmt.limits import Limits
    from jointstmt.serialize import dumps
    from jointstmt.validation import check_bytes

from hostile.checks import assert_sound  # noqa: E402

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_FORBIDDEN = (
    "socket.",
    "subprocess.",
    "os.system",
    "os.exec",
    "os.posix_spawn",
    "os.spawn",
    "os.fork",
    "os.remove",
    "os.rename",
    "os.mkdir",
    "os.rmdir",
    "os.symlink",
    "os.link",
    "os.truncate",
    "os.chmod",
    "os.chown",
    "os.utime",
    "shutil.",
)


def _examples() -> list[tuple[str, Path]]:
    """Each example statement's folder (versions 1 and 2), with a flat name for its text."""
    folders = sorted(
        p.parent for p in EXAMPLES.rglob("statement.yaml") if (p.parent / "statement.txt").is_file()
    )
    return [("-".join(f.relative_to(EXAMPLES).parts), f) for f in folders]


def _folder() -> tuple[Path, Path]:
    """A scratch root holding the statement folder (returned second) and a file outside it."""
    root = Path(tempfile.mkdtemp(prefix="jointstmt-fuzz-"))
    base = root / "statement"
    base.mkdir()
    (root / "outside.txt").write_text("outside the statement's folder\n", encoding="utf-8")
    for name, example in _examples():
        shutil.copy(example / "statement.txt", base / f"{name}.txt")
    shutil.copy(EXAMPLES / "bilateral-leaders" / "statement.txt", base / "statement.txt")
    (base / "link.txt").symlink_to(root / "outside.txt")
    (base / "folder.txt").mkdir()
    os.mkfifo(base / "pipe.txt")  # opening it would block: libFuzzer's -timeout catches that
    return root, base


ROOT_DIR, BASE = _folder()
_violations: list[tuple[str, tuple[Any, ...]]] = []
_watching = False


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not _watching:
        return
    if event.startswith(_FORBIDDEN):
        _violations.append((event, args))
    elif event == "open":
        path, mode, flags = args
        writes = any(c in str(mode) for c in "wax+") or bool(flags & _WRITE_FLAGS)
        if isinstance(path, int):  # an already open descriptor
            return
        real = os.path.realpath(os.fsdecode(path))
        in_scratch = real.startswith(str(ROOT_DIR) + os.sep)
        in_folder = real == str(BASE) or real.startswith(str(BASE) + os.sep)
        if writes or (in_scratch and not in_folder):
            _violations.append((event, args))


sys.addaudithook(_audit)


def test_one_input(data: bytes) -> None:
    """Validate ``data``; fail on any broken invariant (see the module docstring)."""
    global _watching
    _violations.clear()
    _watching = True
    try:
        outcome = check_bytes(data, BASE, Limits())
    finally:
        _watching = False
    assert not _violations, _violations
    assert_sound(data, outcome)
    if outcome.statement is not None:
        again = check_bytes(dumps(outcome.statement).encode("utf-8"), BASE, Limits())
        assert again.statement == outcome.statement, again.findings


def _seed(corpus: Path) -> None:
    """Fill an empty corpus folder with the examples and the hostile corpus's small cases."""
    if not corpus.is_dir() or any(corpus.iterdir()):
        return
    for name, example in _examples():
        text = (example / "statement.yaml").read_text(encoding="utf-8")
        text = text.replace("path: statement.txt", f"path: {name}.txt")
        (corpus / f"example-{name}").write_text(text, encoding="utf-8")
    from hostile.corpus import seeds

    for name, data in seeds():
        (corpus / name).write_bytes(data)


def main() -> None:
    corpus = next((Path(a) for a in sys.argv[1:] if not a.startswith("-")), None)
    if corpus is not None and not corpus.is_file():  # a file: an input to reproduce
        corpus.mkdir(parents=True, exist_ok=True)
        _seed(corpus)
    atheris.Setup(sys.argv, test_one_input)
    try:
        atheris.Fuzz()
    finally:
        shutil.rmtree(ROOT_DIR, ignore_errors=True)


if __name__ == "__main__":
    main()
