"""The ``jointstmt`` command: argument parsing over the library, and reporters for the output.

Exit status: 0 all valid (or the command succeeded); 1 a file is invalid or
unreadable, or ``schema --check`` found drift; 2 a usage error (a bad option, a
named path that does not exist). Heavy modules are imported inside the command
that needs them, so ``--help`` and ``--version`` start instantly.

``validate --jobs N`` checks files in N worker processes (default: the number of
cores) through :func:`jointstmt.runner.check_paths`; results are reported in input
order, so the output is the same for every N.

A usage error shows the usage of the command it concerns (``jointstmt validate
--fromat json`` prints ``validate``'s) and the nearest option or choice that
exists (``did you mean --format?``).

Output is guarded: everything from a file's name or content is escaped
(:func:`jointstmt.terminal.safe`), usage errors included; characters the output's
encoding cannot carry are written as ``\\x``/``\\u`` escapes; and an output that
fails (closed, full, a broken pipe) ends the run with one line on standard error
and status 1, never a traceback.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import itertools
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from jointstmt import limits as _limits
from jointstmt._version import __version__
from jointstmt.report import REPORTERS
from jointstmt.runner import STDIN, cores
from jointstmt.terminal import GuardedStream, OutputError, safe
from jointstmt.versions import LATEST, VERSIONS

# not `from typing import TYPE_CHECKING`: typing costs milliseconds of the CLI's start-up
TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import Any, NoReturn, TextIO


class _UsageError(Exception):
    """A problem with the command line itself (exit status 2)."""


def _validate(args: argparse.Namespace) -> int:
    from jointstmt.report import Summary
    from jointstmt.runner import check_paths

    if "" in args.paths:  # Path("") is the current folder: never what was meant
        raise _UsageError("an empty PATH names no file")
    missing = [
        p for p in args.paths if p != STDIN and not (Path(p).exists() or Path(p).is_symlink())
    ]
    if missing:
        raise _UsageError(f"no such file or folder: {', '.join(missing)}")
    limits = _limits.Limits(
        max_bytes=args.max_bytes, max_depth=args.max_depth, max_findings=args.max_findings
    )
    from jointstmt.rules.corpus import check_corpus

    reporter = REPORTERS[args.format](sys.stdout)
    summary = Summary()
    facts = []
    for result in check_paths(args.paths, limits, args.jobs, _note):
        summary.add(result)
        reporter.file(result)
        if result.facts is not None:
            facts.append((result.path, result.facts))
    # what holds across the files: reported after them, in the file each finding concerns
    for result in check_corpus(facts):
        summary.add_corpus(result)
        reporter.file(result)
    reporter.finish(summary)
    return 0 if summary.invalid == 0 else 1


def _note(text: str) -> None:
    """Tell the user the run changed course (on standard error, so reports stay clean)."""
    print(f"jointstmt: note: {text}", file=sys.stderr)


def _schema(args: argparse.Namespace) -> int:
    from jointstmt.fileio import atomic_write, reason
    from jointstmt.schema_export import render

    text = render(args.version)
    if args.check:
        try:
            current = Path(args.check).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            print(
                f"jointstmt schema: cannot read {safe(args.check)}: {safe(reason(error))}",
                file=sys.stderr,
            )
            return 1
        if current != text:
            print(
                f"{safe(args.check)} differs from the schema the models generate; regenerate "
                f"it with: jointstmt schema --version {args.version} --output {safe(args.check)}",
                file=sys.stderr,
            )
            return 1
        return 0
    if args.output:
        try:
            atomic_write(Path(args.output), text.encode("utf-8"))
        except OSError as error:
            print(
                f"jointstmt schema: cannot write {safe(args.output)}: {safe(reason(error))}",
                file=sys.stderr,
            )
            return 1
    else:
        sys.stdout.write(text)
    return 0


def _datasets(args: argparse.Namespace) -> int:
    from jointstmt.datasets import list_datasets

    datasets = list_datasets()
    total = 0
    print("id\tversion\tissued\tparties\tclauses\tpath")
    for dataset in datasets:
        statement = dataset.load()
        parties = getattr(statement, "parties", None)
        count = len(parties) if parties is not None else len(statement.participants)
        total += len(statement.clauses)
        print(
            f"{safe(dataset.id)}\t{statement.schema_version}\t{statement.issued}\t{count}\t"
            f"{len(statement.clauses)}\t{safe(str(dataset.path))}"
        )
    print(f"{len(datasets)} statements, {total} clauses")
    return 0


def _parser() -> _Parser:
    parser = _Parser(
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
        type=_depth,
        default=_limits.MAX_DEPTH,
        help=f"nesting limit ({_limits.MAX_DEPTH}; at most {_limits.MAX_DEPTH_CAP:,}, since "
        "parsing costs the square of the depth)",
    )
    validate.add_argument(
        "--max-findings",
        type=_positive,
        default=_limits.MAX_FINDINGS,
        metavar="N",
        help=f"findings reported per file ({_limits.MAX_FINDINGS:,}); one more finding "
        f"counts the rest. A run reports at most {_limits.MAX_RUN_FINDINGS:,} in all, then "
        "one per file",
    )
    jobs = cores()
    validate.add_argument(
        "--jobs",
        "-j",
        type=_positive,
        default=jobs,
        metavar="N",
        help=f"check files in N processes; output stays in input order "
        f"(default: the number of cores, {jobs}; at most {_limits.JOBS_PER_CORE} per core, "
        f"{_limits.JOBS_PER_CORE * jobs})",
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
    from jointstmt import coverage, draft, export, migrate, render, spans

    for command in (spans, migrate, coverage, export, render, draft):
        command.register(commands)
    parser.commands = {name: _as_ours(p) for name, p in commands.choices.items()}
    return parser


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors that say how to fix them.

    An error names the nearest option the command has for one it lacks (``--fromat``:
    ``did you mean --format?``) and the nearest choice for a value outside them; an
    unrecognized argument is reported with the usage of the command it was given to, not
    the program's. Errors are escaped: they quote the command line, file names included.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: The subcommands' parsers by name (the program's parser only).
        self.commands: dict[str, _Parser] = {}
        #: The command line being parsed, for the did-you-means (set by :func:`_parse`).
        self.argv: list[str] = []

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {safe(message + self._hint())}\n")

    def _hint(self) -> str:
        """``; did you mean --format?`` for the long options on the command line this parser lacks."""
        from jointstmt.findings import nearest

        options = [o for a in self._actions for o in a.option_strings if o.startswith("--")]
        guesses = []
        for arg in self._own_arguments():
            name = arg.partition("=")[0]
            # a prefix of an option is argparse's abbreviation of it, not an unknown option
            if name.startswith("--") and not any(o.startswith(name) for o in options):
                guesses += [(name, near) for near in nearest(name, options, n=1)]
        if len(guesses) == 1:
            return f"; did you mean {guesses[0][1]}?"
        return (
            f"; did you mean {', '.join(f'{near} for {name}' for name, near in guesses)}?"
            if guesses
            else ""
        )

    def _own_arguments(self) -> list[str]:
        """The arguments this parser reads: the program's up to the command, a command's after it."""
        argv = self.argv[: self.argv.index("--")] if "--" in self.argv else self.argv
        if self.commands:
            return list(itertools.takewhile(lambda a: a not in self.commands, argv))
        name = self.prog.rsplit(" ", 1)[-1]
        return argv[argv.index(name) + 1 :] if name in argv else []

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        """argparse's check of a value against its choices, with the nearest choice."""
        try:
            super()._check_value(action, value)
        except argparse.ArgumentError as error:
            from jointstmt.findings import nearest

            near = nearest(str(value), map(str, action.choices or ()), n=1)
            if not near:
                raise
            raise argparse.ArgumentError(
                action, f"{error.message}; did you mean {near[0]}?"
            ) from None


def _as_ours(parser: argparse.ArgumentParser) -> _Parser:
    assert isinstance(parser, _Parser)  # add_parser makes parsers of its parent's class
    return parser


def _parse(parser: _Parser, argv: Sequence[str] | None) -> argparse.Namespace:
    """The parsed command line; an unrecognized argument is a usage error of its command."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    for each in (parser, *parser.commands.values()):
        each.argv = arguments
    args, unrecognized = parser.parse_known_args(arguments)
    if unrecognized:
        command = parser.commands.get(getattr(args, "command", ""), parser)
        command.error(f"unrecognized arguments: {' '.join(unrecognized)}")
    return args


def _depth(text: str) -> int:
    value = _positive(text)
    if value > _limits.MAX_DEPTH_CAP:
        raise argparse.ArgumentTypeError(
            f"{value:,} is over {_limits.MAX_DEPTH_CAP:,}, the highest depth limit "
            "(parsing costs the square of the depth)"
        )
    return value


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
    if sys.stdout is None:  # started with standard output closed (`>&-`)
        _last_words("jointstmt: standard output is closed; nothing was done")
        return 1
    streams = sys.stdout, sys.stderr
    for stream in streams:
        # a character the encoding cannot carry (PYTHONIOENCODING=ascii) is escaped, not fatal
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    sys.stdout = GuardedStream(streams[0])
    if streams[1] is not None:
        sys.stderr = GuardedStream(streams[1])
    try:
        return _run(argv)
    except OutputError as error:
        sys.stdout, sys.stderr = streams
        _silence(streams[0])
        _last_words(f"jointstmt: cannot write the output: {error}")
        return 1
    finally:
        sys.stdout, sys.stderr = streams


def _run(argv: Sequence[str] | None) -> int:
    parser = _parser()
    args = _parse(parser, argv)
    # The interpreter's last collections at exit would traverse every object pydantic and
    # the models loaded (~20 ms, a tenth of a one-file run); frozen, they are skipped.
    atexit.register(gc.freeze)
    try:
        status: int = args.run(args)
        sys.stdout.flush()  # a full disk shows here, not at exit
    except _UsageError as error:  # the command's usage, then the error (exits 2)
        parser.commands.get(args.command, parser).print_usage(sys.stderr)
        parser.exit(2, f"{parser.prog}: error: {safe(str(error))}\n")
    except KeyboardInterrupt:  # Ctrl-C: stop quietly, with the shell's status for SIGINT
        print("jointstmt: interrupted", file=sys.stderr)
        return 130
    return status


def _silence(stream: TextIO) -> None:
    """Point a failed output at the null device, so the interpreter's flush at exit cannot fail again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):  # no descriptor (a test's capture)
        pass


def _last_words(text: str) -> None:
    """One line on standard error, if it can still be written."""
    try:
        if sys.stderr is not None:
            print(text, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        _silence(sys.stderr)
