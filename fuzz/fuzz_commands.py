"""Coverage-guided fuzzing of every command that reads a statement file: validate, spans, migrate.

Each input is first put through ``fuzz_validate.py``'s target (validation and all its
properties), then, as a file in a scratch folder holding the example source texts:

* ``jointstmt spans --write``: exit status 0 or 1, never an exception; nothing printed
  that a terminal would act on or hide (``tests/hostile/printable.py``); a file it
  rewrote still parses with validation's guards.
* ``jointstmt migrate --output``: never an exception; a valid version-1 statement
  migrates without a problem (and :func:`jointstmt.migrate.migrate_file` validates
  the result); a problem is a message (the command escapes it when it prints it).

Run it as ``fuzz_validate.py`` is run (``fuzz/README.md``).
"""

from __future__ import annotations

import importlib
import io
import shutil
import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fuzz_validate  # instruments the validation stack, sets up its folder

with atheris.instrument_imports(include=["jointstmt"]):
    importlib.import_module("jointstmt.roundtrip")  # imported lazily by migrate: instrument it
    from jointstmt.loader import LoadError, parse_yaml
    from jointstmt.migrate import migrate_file
    from jointstmt.spans import update_spans
    from jointstmt.validation import check_bytes

from hostile.printable import assert_printable

WORK = fuzz_validate.ROOT_DIR / "work"
WORK.mkdir()
for text in fuzz_validate.BASE.glob("*.txt"):
    if text.is_file() and not text.is_symlink():
        shutil.copy(text, WORK / text.name)
FILE = WORK / "statement.yaml"
MIGRATED = WORK / "migrated.yaml"


def _spans(data: bytes) -> None:
    FILE.write_bytes(data)
    printed = io.StringIO()
    status = update_spans(FILE, write=True, out=printed, err=printed)
    assert status in (0, 1), status
    assert_printable(printed.getvalue())
    written = FILE.read_bytes()
    if written != data:
        try:
            parse_yaml(written)
        except LoadError as error:
            raise AssertionError(f"spans --write made a file that does not load: {error}") from None


def _migrate(data: bytes, version: int | None) -> None:
    FILE.write_bytes(data)
    MIGRATED.unlink(missing_ok=True)
    _, problems = migrate_file(FILE, MIGRATED)
    assert all(isinstance(p, str) and p.strip() for p in problems), problems
    if version == 1:
        assert problems == [], problems
        assert check_bytes(MIGRATED.read_bytes(), WORK).findings == []


def test_one_input(data: bytes) -> None:
    """Validate, locate spans in, and migrate ``data``; fail on any broken invariant."""
    fuzz_validate.test_one_input(data)
    outcome = check_bytes(data, WORK)
    statement = outcome.statement
    _spans(data)
    _migrate(data, None if statement is None else getattr(statement, "schema_version", None))


def main() -> None:
    corpus = next((Path(a) for a in sys.argv[1:] if not a.startswith("-")), None)
    if corpus is not None and not corpus.is_file():  # a file: an input to reproduce
        corpus.mkdir(parents=True, exist_ok=True)
        fuzz_validate._seed(corpus)
    atheris.Setup(sys.argv, test_one_input)
    try:
        atheris.Fuzz()
    finally:
        shutil.rmtree(fuzz_validate.ROOT_DIR, ignore_errors=True)


if __name__ == "__main__":
    main()
