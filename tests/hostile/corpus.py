"""The hostile corpus: one case per class of bad input in SPEC §9, with where it must be reported.

A case writes its file (and any source files, links or folders it needs) into a
scratch folder: most edit the valid bilateral example so that it carries exactly one
problem; the large ones (50 MiB, a 10 MiB scalar, 10^5 levels of nesting) are made
at test time, never committed. ``code`` is the one finding expected (``None``: the
file is valid), ``line`` the line it must name: a number, or text that the first line
holding it contains.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "bilateral-leaders"
MiB = 1024 * 1024

Build = Callable[[Path], Path]


@dataclass(frozen=True)
class Case:
    """A bad (or legitimately unusual) statement file and the finding it must give."""

    name: str
    build: Build  # writes the case into an empty folder; returns the YAML file
    code: str | None  # the one finding expected; None: valid, exit status 0
    line: int | str = 1  # a line number, or text on the line (its first occurrence)
    args: tuple[str, ...] = ()  # extra `jointstmt validate` options
    large: bool = False  # megabytes: not a fuzzing seed


def example_text() -> str:
    return (EXAMPLE / "statement.yaml").read_text(encoding="utf-8")


def _statement(folder: Path, data: bytes) -> Path:
    shutil.copy(EXAMPLE / "statement.txt", folder / "statement.txt")
    target = folder / "statement.yaml"
    target.write_bytes(data)
    return target


def whole(data: bytes | Callable[[], bytes]) -> Build:
    """The file is ``data`` (or what it returns), beside the example's source text."""
    return lambda folder: _statement(folder, data() if callable(data) else data)


def edit(old: str, new: str, *, also: Callable[[Path], object] = lambda _: None) -> Build:
    """The example with its first ``old`` replaced by ``new``; ``also`` prepares the folder."""

    def build(folder: Path) -> Path:
        text = example_text()
        assert old in text, f"the example no longer contains {old!r}"
        target = _statement(folder, text.replace(old, new, 1).encode("utf-8"))
        also(folder)
        return target

    return build


def transform(change: Callable[[str], bytes]) -> Build:
    """The example's text put through ``change``."""
    return lambda folder: _statement(folder, change(example_text()))


def contents(path: Path) -> bytes:
    """The bytes of a case's file; nothing for a pipe or a device, which must not be read."""
    return path.read_bytes() if path.is_file() else b""


def expected_line(data: bytes, line: int | str) -> int:
    """The line a case's finding must name, in the file as written."""
    if isinstance(line, int):
        return line
    text = data.decode("utf-8", errors="replace")
    assert line in text, f"{line!r} is not in the case's file"
    return text[: text.index(line)].count("\n") + 1


# --- the pieces the cases are made of ---------------------------------------------------

SOURCE = "path: statement.txt"
SPAN = "span: {start: 285, end: 357}"
LANGUAGE = "language: en\n"
BILLION_LAUGHS = b"\n".join(
    [b'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]".encode() for i in range(1, 10)]
)


def _with_source(path: str, prepare: Callable[[Path], object]) -> Build:
    return edit(SOURCE, f"path: {path}", also=prepare)


def _outside(folder: Path) -> Path:
    """A file beside the statement's folder, which validation must never open."""
    secret = folder.parent / "outside.txt"
    secret.write_text("outside the statement's folder\n", encoding="utf-8")
    return secret


def _symlink_out(folder: Path) -> None:
    (folder / "linked.txt").symlink_to(_outside(folder))


def _symlinked_folder_out(folder: Path) -> None:
    (folder / "texts").symlink_to(_outside(folder).parent)


def _symlink_in(folder: Path) -> None:
    (folder / "linked.txt").symlink_to("statement.txt")


def _symlink_loop(folder: Path) -> None:
    (folder / "loop.txt").symlink_to("loop.txt")


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")  # opening it for reading would wait for a writer


def _directory(folder: Path) -> None:
    (folder / "texts").mkdir()


def _not_utf8(folder: Path) -> None:
    (folder / "latin1.txt").write_bytes("Déclaration".encode("latin-1"))


def _sparse(folder: Path) -> None:
    with (folder / "huge.txt").open("wb") as stream:
        stream.truncate(2**40)  # 1 TiB, and no disk space: reading it is what must not happen


def _special(folder: Path, kind: str) -> Path:
    """A statement "file" that never ends or never starts: a device, or a pipe with no writer."""
    target = folder / "statement.yaml"
    if kind == "pipe":
        os.mkfifo(target)
    else:
        target.symlink_to(kind)
    return target


def _fifty_mib() -> bytes:
    padding = b"# padding, to make the file large\n" * (50 * MiB // 34 + 1)
    return example_text().encode() + padding


def _scalar(field: str, size: int) -> Callable[[str], bytes]:
    """The example with a ``size``-byte plain scalar as the value of ``field``."""

    def change(text: str) -> bytes:
        old = next(line for line in text.splitlines() if line.lstrip().startswith(field + ":"))
        indent = old[: len(old) - len(old.lstrip())]
        return text.replace(old, f"{indent}{field}: {'x' * size}", 1).encode()

    return change


def _long_line(text: str) -> bytes:
    topics = ", ".join(["partnership"] * 100_000 + ["not-a-topic"])
    return text.replace("topics: [partnership]", f"topics: [{topics}]", 1).encode()


CASES: list[Case] = [
    # --- not YAML, or not a statement's YAML ---------------------------------------------
    Case("unclosed double quote", edit("publisher: Example", 'publisher: "Example'), "yaml.syntax", "publisher:"),
    Case("unclosed single quote at end of file", whole(b"schema_version: 1\ntitle: 'Joint"), "yaml.syntax", "title:"),
    Case("unclosed bracket without final newline", whole(b"title: ["), "yaml.syntax", 1),
    Case("bad indentation", edit("  level: leaders\n", "  level: leaders\n    mode: virtual\n"), "yaml.syntax", "mode: virtual"),
    Case("tab indentation", edit("  level: leaders\n", "\tmode: virtual\n"), "yaml.syntax", "mode: virtual"),
    Case("invalid utf-8 (latin-1)", transform(lambda t: t.replace("Example", "Ex\xe4mple").encode("latin-1")), "yaml.encoding", "publisher:"),
    Case("utf-16 with bom", transform(lambda t: t.encode("utf-16")), "yaml.encoding", 1),
    Case("utf-16-le without bom", transform(lambda t: t.encode("utf-16-le")), "yaml.encoding", 1),
    Case("utf-16-be without bom", transform(lambda t: t.encode("utf-16-be")), "yaml.encoding", 1),
    Case("utf-32 with bom", transform(lambda t: t.encode("utf-32")), "yaml.encoding", 1),
    Case("nul byte", edit("Example Publisher", "Example\x00Publisher"), "yaml.encoding", "publisher:"),
    Case("binary data (png)", whole(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"), "yaml.encoding", 1),
    Case("binary data (elf)", whole(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4), "yaml.encoding", 1),
    Case("statement file that is a named pipe", lambda folder: _special(folder, "pipe"), "io.unreadable", 1),
    Case("statement file linked to /dev/zero", lambda folder: _special(folder, "/dev/zero"), "io.unreadable", 1),
    Case("empty file", whole(b""), "yaml.empty", 1),
    Case("only comments", whole(b"# a statement\n# to be written\n"), "yaml.empty", 1),
    Case("several documents", transform(lambda t: (t + "---\nid: second\n").encode()), "yaml.multiple_documents", "---"),
    Case("top-level list", whole(b"- schema_version: 1\n- id: x\n"), "yaml.root", 1),
    Case("top-level scalar", whole(b"a joint statement\n"), "yaml.root", 1),
    Case("top-level null", whole(b"---\nnull\n"), "yaml.root", 2),
    Case("alias bomb (billion laughs)", whole(BILLION_LAUGHS + b"\n"), "yaml.alias", 1),
    Case("a single alias", edit("publisher: Example Publisher", "publisher: *name"), "yaml.alias", "*name"),
    Case("merge key", edit("  level: leaders\n", "  <<: {mode: virtual}\n  level: leaders\n"), "yaml.alias", "<<:"),
    Case("deep nesting (10^5 levels of [)", edit(LANGUAGE, LANGUAGE + "notes: " + "[" * 100_000 + "\n"), "yaml.too_deep", "notes:"),
    Case("deep nesting (10^5 levels of -)", whole(b"notes:\n" + b"- " * 100_000 + b"x\n"), "yaml.too_deep", 2),
    Case("50 MiB file", whole(_fifty_mib), "yaml.too_large", 1, large=True),
    Case("50 MiB file under a raised limit", whole(_fifty_mib), None, args=("--max-bytes", str(60 * MiB)), large=True),
    Case("10 MiB scalar", transform(_scalar("title", 10 * MiB)), "yaml.too_large", 1, large=True),
    Case("10 MiB scalar under a raised limit", transform(_scalar("rank", 10 * MiB)), "schema.vocabulary", "rank: x", args=("--max-bytes", str(20 * MiB)), large=True),
    Case("10 MiB quoted text under a raised limit", edit('text: "They reaffirmed', 'text: "' + "x" * (10 * MiB) + ' They reaffirmed'), "rule.span_text", "xxxx", args=("--max-bytes", str(20 * MiB)), large=True),
    Case("10 MiB integer under a raised limit", edit(SPAN, "span: {start: " + "9" * (10 * MiB) + ", end: 357}"), "yaml.number", "99999", args=("--max-bytes", str(20 * MiB)), large=True),
    Case("!!python/object/apply", edit("publisher: Example Publisher", "publisher: !!python/object/apply:os.system [echo owned]"), "yaml.tag", "!!python"),
    Case("!!python/name", edit("publisher: Example Publisher", "publisher: !!python/name:os.system ''"), "yaml.tag", "!!python"),
    Case("!!binary", edit("publisher: Example Publisher", "publisher: !!binary RXhhbXBsZQ=="), "yaml.tag", "!!binary"),
    Case("custom tag", edit("publisher: Example Publisher", "publisher: !publisher Example"), "yaml.tag", "!publisher"),
    Case("custom tag on a mapping", edit("meeting:\n", "meeting: !meeting\n"), "yaml.tag", "meeting:"),
    Case("duplicate key at the top", edit(LANGUAGE, LANGUAGE + "language: ja\n"), "yaml.duplicate_key", "language: ja"),
    Case("duplicate key nested", edit("  level: leaders\n", "  level: leaders\n  format: multilateral\n"), "yaml.duplicate_key", "format: multilateral"),
    Case("non-string key (? [a])", edit(LANGUAGE, LANGUAGE + "? [a]\n: b\n"), "yaml.key", "? [a]"),
    Case("non-string key (1:)", edit(LANGUAGE, LANGUAGE + "1: one\n"), "yaml.key", "1: one"),
    Case("non-string key (null)", edit(LANGUAGE, LANGUAGE + "~: nothing\n"), "yaml.key", "~: nothing"),
    Case("%YAML 1.1 directive", transform(lambda t: ("%YAML 1.1\n---\n" + t).encode()), "yaml.version", 1),
    Case("impossible date 2024-02-30", edit("issued: 2025-03-12", "issued: 2024-02-30"), "schema.date", "issued:"),
    Case("impossible date 2024-13-01", edit("issued: 2025-03-12", "issued: 2024-13-01"), "schema.date", "issued:"),
    Case("unquoted timestamp for a date", edit("issued: 2025-03-12", "issued: 2025-03-12 10:00:00"), "schema.date", "issued:"),
    Case("date as a number", edit("issued: 2025-03-12", "issued: 20250312"), "schema.type", "issued:"),
    Case("huge integer", edit("schema_version: 1", "schema_version: 123456789012345678901234567890"), "yaml.number", "schema_version"),
    Case("hex integer over 2^53", edit(SPAN, "span: {start: 0x20000000000000, end: 357}"), "yaml.number", "0x2000"),
    Case("float overflowing to infinity", edit(SPAN, "span: {start: 1e400, end: 357}"), "yaml.number", "1e400"),
    Case("nan", edit("schema_version: 1", "schema_version: .nan"), "yaml.number", "schema_version"),
    Case("infinity", edit(SPAN, "span: {start: 285, end: .inf}"), "yaml.number", ".inf"),
    Case("negative infinity", edit(SPAN, "span: {start: -.Inf, end: 357}"), "yaml.number", "-.Inf"),
    Case("very long line", transform(_long_line), "schema.vocabulary", "not-a-topic", large=True),
    Case("very long line of spaces", edit(LANGUAGE, LANGUAGE + "notes: x" + " " * MiB + "#\n"), None, large=True),
    # --- spans ---------------------------------------------------------------------------
    Case("span past the end of the source", edit(SPAN, "span: {start: 285, end: 4410}"), "rule.span", "end: 4410"),
    Case("span starting past the end", edit(SPAN, "span: {start: 9000, end: 9001}"), "rule.span", "start: 9000"),
    Case("negative span", edit(SPAN, "span: {start: -285, end: 357}"), "schema.range", "start: -285"),
    Case("reversed span", edit(SPAN, "span: {start: 357, end: 285}"), "rule.span", "start: 357"),
    # --- source files --------------------------------------------------------------------
    Case("source path ../", _with_source("../outside.txt", _outside), "rule.source_path", "path:"),
    Case("source path ../../etc/passwd", _with_source("../../etc/passwd", _outside), "rule.source_path", "path:"),
    Case("absolute source path", _with_source("/etc/passwd", _outside), "rule.source_path", "path:"),
    Case("windows source path", _with_source("'..\\outside.txt'", _outside), "rule.source_path", "path:"),
    Case("symlink pointing outside", _with_source("linked.txt", _symlink_out), "rule.source_path", "path:"),
    Case("symlinked folder pointing outside", _with_source("texts/outside.txt", _symlinked_folder_out), "rule.source_path", "path:"),
    Case("symlink loop", _with_source("loop.txt", _symlink_loop), "rule.source_missing", "path:"),
    Case("missing source", _with_source("missing.txt", _outside), "rule.source_missing", "path:"),
    Case("source that is a named pipe", _with_source("pipe.txt", _fifo), "rule.source_missing", "path:"),
    Case("source that is a directory", _with_source("texts", _directory), "rule.source_missing", "path:"),
    Case("source that is the folder itself", _with_source(".", _outside), "rule.source_missing", "path:"),
    Case("source that is not utf-8", _with_source("latin1.txt", _not_utf8), "rule.source_missing", "path:"),
    Case("source of 1 TiB (sparse)", _with_source("huge.txt", _sparse), "rule.source_missing", "path:"),
    Case("source path with a nul character", _with_source('"state\\0ment.txt"', _outside), "rule.source_missing", "path:"),
    Case("source path through a file", _with_source("statement.txt/more", _outside), "rule.source_missing", "path:"),
    Case("source with a wrong sha256", edit("sha256: 26e7", "sha256: 00e7"), "rule.sha256", "sha256:"),
    # --- legitimate: these must stay valid -----------------------------------------------
    Case("utf-8 bom", transform(lambda t: b"\xef\xbb\xbf" + t.encode()), None),
    Case("country: NO is Norway", edit("    country: NO\n", "    country: NO\n"), None),
    Case("crlf line endings", transform(lambda t: t.replace("\n", "\r\n").encode()), None),
    Case("crlf line endings, with an error", transform(lambda t: t.replace("\n", "\r\n").replace("rank: head_of_state", "rank: king").encode()), "schema.vocabulary", "rank: king"),
    Case("utf-8 bom, with an error", transform(lambda t: b"\xef\xbb\xbf" + t.replace("rank: head_of_state", "rank: king").encode()), "schema.vocabulary", "rank: king"),
    Case("unquoted date in a text field", edit("wording: the White House", "wording: 2025-03-12"), None),
    Case("symlink inside the folder", _with_source("linked.txt", _symlink_in), None),
]  # fmt: skip


def seeds() -> Iterator[tuple[str, bytes]]:
    """(file name, bytes) of every small case's YAML file: a starting corpus for fuzzers."""
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        for number, case in enumerate(c for c in CASES if not c.large):
            folder = Path(scratch) / str(number) / "statement"
            folder.mkdir(parents=True)
            name = "".join(ch if ch.isalnum() else "-" for ch in case.name)
            yield f"hostile-{number:02d}-{name}", contents(case.build(folder))
