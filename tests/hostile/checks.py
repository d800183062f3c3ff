"""Properties every validation outcome has, whatever the input: shared by tests and fuzzers."""

from __future__ import annotations

import re

from jointstmt.findings import CODES, FileResult, Finding

# Line breaks as libyaml counts them: as YAML 1.1 does, with NEL, LS and PS. A final
# break ends the last line rather than starting a new one.
LIBYAML_BREAKS = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def lines_of(data: bytes) -> list[str]:
    """The lines of a file, as positions in findings count them (BOM dropped)."""
    text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    lines = LIBYAML_BREAKS.split(text)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


def assert_located(data: bytes, findings: list[Finding]) -> None:
    """Each finding has a documented code, a message and a position that exists in ``data``."""
    lines = lines_of(data)
    for f in findings:
        assert f.code in CODES, f
        assert f.message.strip(), f
        assert 1 <= f.line <= len(lines), (f, len(lines))
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1, (f, lines[f.line - 1][:200])
        assert f.pointer == "" or f.pointer.startswith("/"), f


def assert_sound(data: bytes, outcome: FileResult) -> None:
    """A statement exactly when there are no findings; every finding located in ``data``."""
    assert (outcome.statement is None) == bool(outcome.findings), outcome
    assert_located(data, outcome.findings)
