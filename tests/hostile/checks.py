"""Properties every validation outcome has, whatever the input: shared by tests and fuzzers."""

from __future__ import annotations

import re

from jointstmt.findings import CODES, FileResult, Finding

# Line breaks as each YAML parser counts them: libyaml (the C parser) follows YAML 1.1,
# with NEL, LS and PS; ruamel's pure-Python fallback YAML 1.2. A final break ends the
# last line rather than starting a new one.
LIBYAML_BREAKS = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
YAML12_BREAKS = re.compile("\r\n|[\n\r]")


def lines_of(data: bytes, breaks: re.Pattern[str] = LIBYAML_BREAKS) -> list[str]:
    """The lines of a file, as positions in findings count them (BOM dropped)."""
    text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    lines = breaks.split(text)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


def assert_located(
    data: bytes, findings: list[Finding], breaks: re.Pattern[str] = LIBYAML_BREAKS
) -> None:
    """Each finding has a documented code, a message and a position that exists in ``data``."""
    lines = lines_of(data, breaks)
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
