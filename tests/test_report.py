"""Reporters render findings as text, JSON and GitHub workflow commands, escaping what they must."""

from __future__ import annotations

import io
import json

import pytest

from jointstmt.findings import Finding
from jointstmt.report import FileResult, GithubReporter, JsonReporter, Summary, TextReporter

FINDING = Finding("schema.value", "50% done,\r\nnext: line", 3, 7, "/a/b")


def _render(reporter_class: type, results: list[FileResult]) -> str:
    out = io.StringIO()
    reporter = reporter_class(out)
    summary = Summary()
    for result in results:
        summary.add(result)
        reporter.file(result)
    reporter.finish(summary)
    return out.getvalue()


def test_text_is_path_line_column_code_message_then_summary() -> None:
    text = _render(TextReporter, [FileResult("a.yaml", [FINDING]), FileResult("b.yaml", [])])
    assert text == (
        "a.yaml:3:7: schema.value: 50% done,\\r\\nnext: line\n"
        "2 files checked: 1 valid, 1 invalid, 1 error\n"
    )


@pytest.mark.parametrize(
    "brk", ["\n", "\r", "\r\n", "\v", "\f", "\x1c", "\x85", "\u2028", "\u2029"]
)
def test_text_keeps_one_finding_on_one_line_whatever_breaks_its_message_or_path_hold(
    brk: str,
) -> None:
    finding = Finding("schema.value", f"first{brk}second", 1, 1)
    text = _render(TextReporter, [FileResult(f"a{brk}b.yaml", [finding])])
    assert len(text.splitlines()) == 2  # the finding, then the summary
    assert text.splitlines()[0].endswith("first" + brk.encode("unicode_escape").decode() + "second")


def test_json_report_has_the_documented_shape() -> None:
    report = json.loads(
        _render(JsonReporter, [FileResult("a.yaml", [FINDING]), FileResult("b.yaml", [])])
    )
    assert report == {
        "files": [
            {
                "path": "a.yaml",
                "valid": False,
                "errors": [
                    {
                        "code": "schema.value",
                        "message": FINDING.message,
                        "line": 3,
                        "column": 7,
                        "pointer": "/a/b",
                    }
                ],
            },
            {"path": "b.yaml", "valid": True, "errors": []},
        ],
        "summary": {"files": 2, "valid": 1, "invalid": 1, "errors": 1},
    }


def test_json_report_of_no_files_is_valid_json() -> None:
    assert json.loads(_render(JsonReporter, []))["files"] == []


def test_github_commands_escape_data_and_properties() -> None:
    out = _render(GithubReporter, [FileResult("dir,x/a:b.yaml", [FINDING])])
    first = out.splitlines()[0]
    assert first == (
        "::error file=dir%2Cx/a%3Ab.yaml,line=3,col=7,title=schema.value::50%25 done,%0D%0Anext: line"
    )
