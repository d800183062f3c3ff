"""The ``jointstmt`` command: argument parsing over the library, and reporters for the output.

Exit status: 0 all valid (or the command succeeded); 1 a file is invalid or
unreadable, or ``schema --check`` found drift; 2 a usage error (a bad option, a
named path that does not exist). Heavy modules are imported inside the command
that needs them, so ``--help`` and ``--version`` start instantly.

``validate --jobs N`` checks files in N worker processes (default: the number of
cores) through :func:`jointstmt.runner.check_paths`; results are reported in input
order, so the output is the same for every N.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from jointstmt import limits as _limits
from jointstmt._version import __version__
from jointstmt.report import REPORTERS
from jointstmt.runner import STDIN, cores
from jointstmt.versions import LATEST, VERSIONS


class _UsageError(Exception):
    """A problem with the command line itself (exit status 2)."""


def _validate(args: argparse.Namespace) -> int:
    from jointstmt.report import Summary
    from jointstmt.runner import check_paths

    missing = [p for p in args.paths if p != STDIN and not Path(p).exists()]
    if missing:
        raise _UsageError(f"no such file or folder: {', '.join(missing)}")
    limits = _limits.Limits(max_bytes=args.max_bytes, max_depth=args.max_depth)
    reporter = REPORTERS[args.format](sys.stdout)
    summary = Summary()
    for result in check_paths(args.paths, limits, args.jobs):
        summary.add(result)
        reporter.file(result)
    reporter.finish(summary)
    return 0 if summary.invalid == 0 else 1


def _schema(args: argparse.Namespace) -> int:
    from jointstmt.fileio import atomic_write, reason
    from jointstmt.schema_export import render

    text = render(args.version)
    if args.check:
        try:
            current = Path(args.check).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            print(f"jointstmt schema: cannot read {args.check}: {reason(error)}", file=sys.stderr)
            return 1
        if current != text:
            print(
                f"{args.check} differs from the schema the models generate; regenerate it "
                f"with: jointstmt schema --version {args.version} --output {args.check}",
                file=sys.stderr,
            )
            return 1
        return 0
    if args.output:
        try:
            atomic_write(Path(args.output), text.encode("utf-8"))
        except OSError as error:
            print(f"jointstmt schema: cannot write {args.output}: {reason(error)}", file=sys.stderr)
            return 1
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
        "--format", choices=tuple(REPORTERS), default="text", help="output format"
    )
    validate.add_argument(
        "--max-bytes",
        type=_positive,
        default=_limits.MAX_BYTES,
        help=f"file size limit ({_limits.mib(_limits.MAX_BYTES)})",
    )
    validate.add_argument(
        "--max-depth",
        type=_positive,
        default=_limits.MAX_DEPTH,
        help=f"nesting limit ({_limits.MAX_DEPTH})",
    )
    jobs = cores()
    validate.add_argument(
        "--jobs",
        "-j",
        type=_positive,
        default=jobs,
        metavar="N",
        help=f"check files in N processes; output stays in input order "
        f"(default: the number of cores, {jobs})",
    )
    validate.set_defaults(run=_validate)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema",
        description="Print the JSON Schema (Draft 2020-12) the models of one schema version "
        "generate.",
    )
    schema.add_argument(
        "--version",
        type=int,
        choices=tuple(VERSIONS),
        default=LATEST,
        help=f"the schema version (default: the latest, {LATEST})",
    )
    target = schema.add_mutually_exclusive_group()
    target.add_argument("--output", metavar="FILE", help="write it to FILE instead")
    target.add_argument("--check", metavar="FILE", help="exit 1 when FILE differs from it")
    schema.set_defaults(run=_schema)

    datasets = commands.add_parser(
        "datasets", help="list the shipped datasets", description="List the shipped datasets."
    )
    datasets.set_defaults(run=_datasets)
    from jointstmt import coverage, export, migrate, render, spans

    for command in (spans, migrate, coverage, export, render):
        command.register(commands)
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
    # The interpreter's last collections at exit would traverse every object pydantic and
    # the models loaded (~20 ms, a tenth of a one-file run); frozen, they are skipped.
    atexit.register(gc.freeze)
    try:
        status: int = args.run(args)
    except _UsageError as error:
        parser.error(str(error))  # exits 2
    except BrokenPipeError:  # `jointstmt validate ... | head`
        sys.stderr.close()
        return 1
    except KeyboardInterrupt:  # Ctrl-C: stop quietly, with the shell's status for SIGINT
        print("jointstmt: interrupted", file=sys.stderr)
        return 130
    return status
