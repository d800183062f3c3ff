"""``jointstmt export``: a corpus as tidy tables (CSV, JSON Lines, Parquet) with a data package.

One row per thing, with keys that join: ``statements``; their ``sources``,
``parties``, ``participants``, ``meetings``, ``entities``, ``paragraphs`` and
``clauses``; one table per many-to-many link (``clause_actors``,
``clause_agents``, ``clause_addressees``, ``clause_targets``, ``clause_topics``,
``clause_cites``, ``clause_dates``, ``clause_quantities``, ``clause_relations``,
``party_members``, ``meeting_places``); and the two vocabularies clauses point into
(``clause_types`` with their CAMEO and PLOVER codes, ``topics`` with their PLOVER
contexts). Every table but the vocabularies has ``statement_id``, and every
other id is unique within its statement, so keys are (``statement_id``, id).
Each clause's type-specific value (``condemns``, ``commits_to``, ...) is in one
column, ``value``, named by ``value_field``.

Beside the tables, ``datapackage.json`` is a Frictionless Tabular Data Package
(v1): each table's fields with types and the models' own descriptions, primary
keys and foreign keys, so R, Julia and data portals read the corpus without this
package. Every statement is exported as version 2 sees it
(:mod:`jointstmt.reading`). A file that does not validate, or two files with one
statement id, stop the export: nothing is written, the findings are reported,
exit status 1. The files appear together (temporary files in the output folder,
each synced, renamed one after another at the end), and memory stays flat in the number of statements:
rows are written as each statement is read (Parquet: in row groups).

``--format plover`` writes event records instead (:mod:`jointstmt.plover`).
:func:`frames` gives the same tables as pandas DataFrames.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from jointstmt.findings import FileResult
    from jointstmt.limits import Limits
    from jointstmt.reading import Read
    from jointstmt.tables import Row, Table

DESCRIPTION = """\
Export statement files (any schema version, read as version 2) as tidy tables
with a Frictionless data package (datapackage.json) describing every field, its
type, primary and foreign keys; or, with --format plover, as PLOVER event records
(JSON Lines). Every file must validate: otherwise nothing is written, the findings
are reported, and the exit status is 1. Files appear in DIR all at once.
"""


# --- writing --------------------------------------------------------------------------------------


class Staged:
    """Files written under temporary names in one folder, then renamed into place together.

    Nothing appears under its real name before :meth:`commit`; :meth:`abort` (or a
    failure) leaves the folder as it was. Each file is synced before its rename and
    takes the mode of the file it replaces (new files: 0666 less the umask).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._pending: list[tuple[Path, Path]] = []

    def reserve(self, name: str) -> Path:
        """A temporary path in the folder that :meth:`commit` renames to ``name``."""
        import os
        import tempfile

        handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=self.folder)
        os.close(handle)
        self._pending.append((Path(temporary), self.folder / name))
        return Path(temporary)

    def commit(self) -> None:
        """Sync every file, give it its mode, and rename it into place."""
        import os
        import stat

        umask = os.umask(0)
        os.umask(umask)
        default = 0o666 & ~umask
        for temporary, target in self._pending:
            fd = os.open(temporary, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            try:
                found = os.lstat(target).st_mode
                # a link's own mode says nothing about the file that replaces it
                mode = default if stat.S_ISLNK(found) else stat.S_IMODE(found)
            except FileNotFoundError:
                mode = default
            os.chmod(temporary, mode)
            # os.replace renames over a symlink, never through it: nothing leaves the folder
            os.replace(temporary, target)
        self._pending.clear()

    def abort(self) -> None:
        """Remove every temporary file."""
        for temporary, _ in self._pending:
            temporary.unlink(missing_ok=True)
        self._pending.clear()


class TableWriter(Protocol):
    """Writes one table's rows to one file."""

    def write(self, row: Row) -> None: ...

    def close(self) -> None: ...


def _text_value(value: Any) -> Any:
    """A value as CSV and JSON write it: dates in ISO 8601, everything else as is."""
    return value.isoformat() if hasattr(value, "isoformat") else value


class _Csv:
    def __init__(self, path: Path, table: Table) -> None:
        import csv

        self._names = table.names
        self._stream = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 (closed by close())
        self._writer = csv.writer(self._stream)
        self._writer.writerow(self._names)

    def write(self, row: Row) -> None:
        self._writer.writerow([_csv_value(row[name]) for name in self._names])

    def close(self) -> None:
        self._stream.close()


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""  # Frictionless's default missing value
    if isinstance(value, bool):
        return "true" if value else "false"
    return _text_value(value)


class _Jsonl:
    def __init__(self, path: Path, table: Table) -> None:
        import json

        self._dumps = json.JSONEncoder(ensure_ascii=False).encode
        self._names = table.names
        self._stream = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 (closed by close())

    def write(self, row: Row) -> None:
        record = {name: _text_value(row[name]) for name in self._names}
        self._stream.write(self._dumps(record) + "\n")

    def close(self) -> None:
        self._stream.close()


#: Rows per Parquet row group. Rows wait in memory until a group is full, so the bound
#: is what keeps memory flat: reached after a few hundred statements, a few megabytes.
PARQUET_ROW_GROUP = 4096


class _Parquet:
    def __init__(self, path: Path, table: Table) -> None:
        from importlib import import_module

        # pyarrow has no type information: its modules are Any here
        pa: Any = import_module("pyarrow")
        pq: Any = import_module("pyarrow.parquet")

        types = {
            "string": pa.string(),
            "integer": pa.int64(),
            "number": pa.float64(),
            "boolean": pa.bool_(),
            "date": pa.date32(),
        }
        self._pa = pa
        self._schema = pa.schema(
            [
                pa.field(c.name, types[c.type], metadata={"description": c.description})
                for c in table.columns
            ],
            metadata={"description": table.description},
        )
        self._writer = pq.ParquetWriter(path, self._schema)
        self._names = table.names
        # by column, not by row: a list per column costs a pointer a value, a dict a row ~1 KB
        self._columns: list[list[Any]] = [[] for _ in self._names]

    def write(self, row: Row) -> None:
        for column, name in zip(self._columns, self._names, strict=True):
            column.append(row[name])
        if len(self._columns[0]) >= PARQUET_ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._columns[0]:
            batch = self._pa.Table.from_arrays(self._columns, schema=self._schema)
            self._writer.write_table(batch)
            self._columns = [[] for _ in self._names]

    def close(self) -> None:
        self._flush()
        self._writer.close()


@dataclass(frozen=True, slots=True)
class TableFormat:
    """A file format for the tables."""

    name: str
    suffix: str
    mediatype: str
    writer: Callable[[Path, Table], TableWriter]
    requires: str = ""
    """The module it needs beyond this package, and so the extra that installs it."""


TABLE_FORMATS: dict[str, TableFormat] = {
    "csv": TableFormat("csv", ".csv", "text/csv", _Csv),
    "jsonl": TableFormat("jsonl", ".jsonl", "application/x-ndjson", _Jsonl),
    "parquet": TableFormat(
        "parquet", ".parquet", "application/vnd.apache.parquet", _Parquet, "pyarrow"
    ),
}


def datapackage(fmt: TableFormat) -> dict[str, Any]:
    """The Frictionless Tabular Data Package descriptor of the tables in format ``fmt``."""
    from jointstmt._version import __version__
    from jointstmt.tables import TABLES

    resources = []
    for table in TABLES:
        schema: dict[str, Any] = {
            "fields": [
                {"name": c.name, "type": c.type, "description": c.description}
                for c in table.columns
            ],
            "primaryKey": list(table.primary_key),
        }
        if table.foreign_keys:
            schema["foreignKeys"] = [
                {
                    "fields": list(k.fields),
                    "reference": {"resource": k.resource, "fields": list(k.reference)},
                }
                for k in table.foreign_keys
            ]
        resource: dict[str, Any] = {
            "name": table.name,
            "path": table.name + fmt.suffix,
            "profile": "tabular-data-resource",
            "format": fmt.name,
            "mediatype": fmt.mediatype,
            "description": table.description,
            "schema": schema,
        }
        if fmt.name == "csv":
            resource["encoding"] = "utf-8"
        resources.append(resource)
    return {
        "profile": "tabular-data-package",
        "name": "jointstmt-export",
        "title": "Joint diplomatic statements, as tidy tables",
        "description": (
            "Exported by jointstmt "
            + __version__
            + ": one row per statement, party, participant, meeting, entity, paragraph and "
            "clause, one table per many-to-many link, and the clause-type and topic vocabularies."
        ),
        "resources": resources,
    }


class Exporter(Protocol):
    """Receives each statement as it is read; writes its files into place at the end."""

    def add(self, read: Read) -> None: ...

    def finish(self) -> str:
        """Put the files in place; a one-line summary of what was written."""
        ...

    def abort(self) -> None: ...


class TableExporter:
    """Every table in one format, plus ``datapackage.json``."""

    def __init__(self, folder: Path, fmt: TableFormat) -> None:
        from jointstmt.tables import TABLES

        self._fmt = fmt
        self._staged = Staged(folder)
        self._writers: dict[str, TableWriter] = {}
        self._statements = self._clauses = 0
        try:
            for table in TABLES:
                writer = fmt.writer(self._staged.reserve(table.name + fmt.suffix), table)
                self._writers[table.name] = writer
                for row in table.fixed:
                    writer.write(row)
        except BaseException:
            self.abort()
            raise

    def add(self, read: Read) -> None:
        from jointstmt.tables import TABLES, View

        view = View.of(read.statement, read.version)
        for table in TABLES:
            write = self._writers[table.name].write
            for row in table.rows(view):
                write(row)
        self._statements += 1
        self._clauses += len(read.statement.clauses)

    def finish(self) -> str:
        import json

        for writer in self._writers.values():
            writer.close()
        descriptor = json.dumps(datapackage(self._fmt), indent=2, ensure_ascii=False) + "\n"
        self._staged.reserve("datapackage.json").write_text(descriptor, encoding="utf-8")
        self._staged.commit()
        return (
            f"{len(self._writers)} tables ({self._fmt.name}) and datapackage.json, for "
            f"{_count(self._statements, 'statement')} and {_count(self._clauses, 'clause')}"
        )

    def abort(self) -> None:
        import contextlib

        for writer in self._writers.values():
            with contextlib.suppress(Exception):  # already failing: the files go anyway
                writer.close()
        self._staged.abort()


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _plover_exporter(folder: Path) -> Exporter:
    from jointstmt.plover import EventExporter

    return EventExporter(folder)


#: ``--format``'s choices: every table format, and PLOVER event records.
EXPORTERS: dict[str, Callable[[Path], Exporter]] = {
    **{name: partial(TableExporter, fmt=fmt) for name, fmt in TABLE_FORMATS.items()},
    "plover": _plover_exporter,
}


# --- the API and the command ------------------------------------------------------------------


@dataclass
class Outcome:
    """What an export did: a summary of what it wrote, or the files that stopped it."""

    summary: str
    """One line on what was written; empty when nothing was."""
    problems: list[FileResult] = field(default_factory=list)


def export(
    paths: Iterable[str | Path],
    output: str | Path,
    format: str = "csv",
    limits: Limits | None = None,
) -> Outcome:
    """Export the statement files named by ``paths`` (files or folders) into the folder ``output``.

    ``format`` is a key of :data:`EXPORTERS`. Every file is read and validated; if
    any fails, or two share a statement id, nothing is written and the outcome lists
    them with their findings.
    """
    from jointstmt.findings import FileResult, Finding
    from jointstmt.limits import Limits
    from jointstmt.reading import read
    from jointstmt.runner import walk
    from jointstmt.validation import ValidationFailed

    limits = limits or Limits()
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    exporter = EXPORTERS[format](folder)
    problems: list[FileResult] = []
    first_file: dict[str, str] = {}
    try:
        for name in walk(str(p) for p in paths):
            if isinstance(name, FileResult):  # what a folder walk could not check
                problems.append(name)
                continue
            try:
                statement = read(name, limits)
            except ValidationFailed as failed:
                problems.append(FileResult(name, failed.findings))
                continue
            first = first_file.setdefault(statement.statement.id, name)
            if first != name:
                message = f"statement id {statement.statement.id!r} is also the id of {first}"
                problems.append(
                    FileResult(name, [Finding("rule.duplicate_id", message, pointer="/id")])
                )
            elif not problems:
                exporter.add(statement)
        if problems:
            exporter.abort()
            return Outcome("", problems)
        return Outcome(exporter.finish())
    except BaseException:
        exporter.abort()
        raise


def frames(statements: Iterable[Any]) -> dict[str, Any]:
    """The tables as pandas DataFrames, by table name (``pip install 'jointstmt[frames]'``).

    ``statements`` holds statement models (either schema version) or paths of
    statement files, which are loaded and validated. Columns take nullable pandas
    types (``string``, ``Int64``, ``Float64``, ``boolean``; dates ``datetime64``).
    """
    from importlib import import_module

    from jointstmt.reading import as_version_2, read, version_of
    from jointstmt.tables import TABLES, View

    pd: Any = import_module("pandas")  # no type information: Any here
    rows: dict[str, list[Row]] = {t.name: list(t.fixed) for t in TABLES}
    for item in statements:
        if isinstance(item, str | Path):
            loaded = read(item)
            view = View.of(loaded.statement, loaded.version)
        else:
            view = View.of(as_version_2(item), version_of(item))
        for table in TABLES:
            rows[table.name].extend(table.rows(view))
    dtypes = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}
    result: dict[str, Any] = {}
    for table in TABLES:
        frame = pd.DataFrame.from_records(rows[table.name], columns=list(table.names))
        for column in table.columns:
            if column.type == "date":
                frame[column.name] = pd.to_datetime(frame[column.name])
            else:
                frame[column.name] = frame[column.name].astype(dtypes[column.type])
        result[table.name] = frame
    return result


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``export`` command to the CLI's subcommands."""
    command = subparsers.add_parser(
        "export",
        help="export statements as tidy tables with a data package, or as PLOVER events",
        description=DESCRIPTION,
    )
    command.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="statement files or folders (searched for *.yaml, *.yml)",
    )
    command.add_argument(
        "--format",
        choices=tuple(EXPORTERS),
        default="csv",
        help="tables as csv, jsonl or parquet (needs pyarrow); or plover events (default: csv)",
    )
    command.add_argument(
        "--output", "-o", required=True, type=Path, metavar="DIR", help="the folder to write into"
    )
    command.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    import importlib.util

    from jointstmt.report import TextReporter
    from jointstmt.terminal import safe

    if "-" in args.paths:
        print(
            "jointstmt export: reads files, not standard input (a statement's text sits "
            "beside its file)",
            file=sys.stderr,
        )
        return 2
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        shown = ", ".join(safe(repr(p)) for p in missing)
        print(f"jointstmt export: no such file or folder: {shown}", file=sys.stderr)
        return 2
    fmt = TABLE_FORMATS.get(args.format)
    if fmt and fmt.requires and importlib.util.find_spec(fmt.requires) is None:
        print(
            f"jointstmt export: --format {fmt.name} needs {fmt.requires}: "
            f"pip install 'jointstmt[{fmt.name}]'",
            file=sys.stderr,
        )
        return 1
    try:
        outcome = export(args.paths, args.output, args.format)
    except OSError as error:
        from jointstmt.fileio import reason

        print(
            f"jointstmt export: cannot write to {safe(str(args.output))}: {reason(error)}",
            file=sys.stderr,
        )
        return 1
    if outcome.problems:
        reporter = TextReporter(sys.stderr)
        for result in outcome.problems:
            reporter.file(result)
        print(
            f"jointstmt export: nothing written: {_count(len(outcome.problems), 'file')} "
            "did not validate or repeated a statement id",
            file=sys.stderr,
        )
        return 1
    print(f"wrote to {safe(str(args.output))}: {outcome.summary}")
    return 0
