"""The ``jointstmt`` command: a thin layer over validation, schema and datasets.

Exit status: 0 all valid (or the command succeeded); 1 a file is invalid or
unreadable, or ``schema --check`` found drift; 2 a usage error (a bad option, a
named path that does not exist). Heavy modules are imported inside the command
that needs them, so ``--help`` and ``--version`` start instantly.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from jointstmt._version import __version__

STDIN = "-"


class _UsageError(Exception):
    """A problem with the command line itself (exit status 2)."""


def _files(paths: Sequence[str]) -> Iterator[str]:
    """Named files as given, folders searched recursively for ``*.yaml``/``*.yml`` (sorted)."""
    for name in paths:
        if name == STDIN:
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
            yield from (str(p) for p in sorted(found))
        else:
            yield name


def _validate(args: argparse.Namespace) -> int:
    from jointstmt.loader import Limits
    from jointstmt.report import REPORTERS, FileResult, Summary
    from jointstmt.validation import check_bytes, check_file

    missing = [p for p in args.paths if p != STDIN and not Path(p).exists()]
    if missing:
        raise _UsageError(f"no such file or folder: {', '.join(missing)}")
    limits = Limits(max_bytes=args.max_bytes, max_depth=args.max_depth)
    reporter = REPORTERS[args.format](sys.stdout)
    summary = Summary()
    for name in _files(args.paths):
        if name == STDIN:
            # a statement read from standard input finds its source files in the current folder
            outcome = check_bytes(sys.stdin.buffer.read(limits.max_bytes + 1), Path.cwd(), limits)
        else:
            outcome = check_file(Path(name), limits)
        result = FileResult(name, outcome.findings)
        summary.add(result)
        reporter.file(result)
    reporter.finish(summary)
    return 0 if summary.invalid == 0 else 1


def _schema(args: argparse.Namespace) -> int:
    from jointstmt.schema import render

    text = render()
    if args.check:
        try:
            current = Path(args.check).read_text(encoding="utf-8")
        except OSError as error:
            print(f"jointstmt schema: cannot read {args.check}: {error.strerror}", file=sys.stderr)
            return 1
        if current != text:
            print(
                f"{args.check} differs from the schema the models generate; "
                f"regenerate it with: jointstmt schema --output {args.check}",
                file=sys.stderr,
            )
            return 1
        return 0
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _datasets(args: argparse.Namespace) -> int:
    from jointstmt.datasets import list_datasets

    for dataset in list_datasets():
        print(f"{dataset.id}\t{dataset.path}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jointstmt",
        description="Validate joint diplomatic statements (YAML), print their JSON Schema, "
        "list the shipped datasets.",
    )
    parser.add_argument("--version", action="version", version=f"jointstmt {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="validate statement files",
        description="Validate YAML statement files: structure, rules, source texts and spans. "
        "Exit 0 when all are valid, 1 when any is invalid or unreadable, 2 on usage errors.",
    )
    validate.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, folders (searched for *.yaml, *.yml), or -"
    )
    validate.add_argument(
        "--format", choices=("text", "json", "github"), default="text", help="output format"
    )
    validate.add_argument(
        "--max-bytes", type=_positive, default=5 * 1024 * 1024, help="file size limit (5 MiB)"
    )
    validate.add_argument("--max-depth", type=_positive, default=64, help="nesting limit (64)")
    validate.set_defaults(run=_validate)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema",
        description="Print the JSON Schema (Draft 2020-12) the models generate.",
    )
    target = schema.add_mutually_exclusive_group()
    target.add_argument("--output", metavar="FILE", help="write it to FILE instead")
    target.add_argument("--check", metavar="FILE", help="exit 1 when FILE differs from it")
    schema.set_defaults(run=_schema)

    datasets = commands.add_parser(
        "datasets", help="list the shipped datasets", description="List the shipped datasets."
    )
    datasets.set_defaults(run=_datasets)
    from jointstmt.spans import register

    register(commands)
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not positive")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args)
    except _UsageError as error:
        parser.error(str(error))  # exits 2
    except BrokenPipeError:  # `jointstmt validate ... | head`
        sys.stderr.close()
        return 1
    return status
