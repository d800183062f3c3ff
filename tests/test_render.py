"""``jointstmt render``: a self-contained page whose text is the statement's and whose clauses are marked."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from jointstmt.cli import main
from jointstmt.model.v2 import JointStatement
from jointstmt.model.vocabulary import CLAUSE_TYPES_2
from jointstmt.reading import read
from jointstmt.render import FAMILIES, family, render
from jointstmt.runner import discover

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT / "datasets"
V2_EXAMPLES = ROOT / "tests" / "examples" / "v2"
#: A version-1 statement with paragraphs: the reference dataset as it was before version 2.
VERSION_1 = ROOT / "tests" / "examples" / "reference-v1" / "statement.yaml"
#: A version-2 dataset.
VERSION_2 = (
    DATASETS / "trilateral-vfm-dialogue-2024-05-31" / "trilateral-vfm-dialogue-2024-05-31.yaml"
)
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#6E6E6E"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Page(HTMLParser):
    """What a test reads from a page: the text element's text, each clause's elements and text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.title = ""
        self.scripts = 0
        self.root: dict[str, str] = {}
        self.tags_in_text: set[str] = set()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.clause_text: dict[str, str] = defaultdict(str)
        self.clause_elements: dict[str, list[dict[str, str]]] = defaultdict(list)
        self.depth: dict[str, int] = {}
        self._stack: list[tuple[str, dict[str, str]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        self.tags.add(tag)
        self.attributes |= set(attributes)
        if tag == "html":
            self.root = attributes
        if tag == "script":
            self.scripts += 1
        if self._inside_text():
            self.tags_in_text.add(tag)
        if "data-clause" in attributes:
            self.clause_elements[attributes["data-clause"]].append(attributes)
        if tag not in VOID:
            self._stack.append((tag, attributes))

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            open_tag, _ = self._stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1][0] == "title":
            self.title += data
        if self._inside_text():
            self.text += data
            for clause in {a["data-clause"] for _, a in self._stack if "data-clause" in a}:
                self.clause_text[clause] += data

    def _inside_text(self) -> bool:
        return any(a.get("id") == "text" for _, a in self._stack)


def _statement(text: str, clauses: list[dict[str, Any]], **parts: Any) -> JointStatement:
    """A version-2 statement over ``text`` whose clauses' spans are given or located."""
    for clause in clauses:
        if "span" not in clause:
            start = text.index(clause["text"])
            clause["span"] = {"start": start, "end": start + len(clause["text"])}
    document = {
        "schema_version": 2,
        "id": "test",
        "title": "A test",
        "document_type": "joint_statement",
        "language": "en",
        "issued": "2024-05-31",
        "sources": [
            {
                "id": "text",
                "role": "statement_text",
                "path": "statement.txt",
                "sha256": "0" * 64,
                "publisher": "Ministry",
            }
        ],
        "parties": [{"id": "alpha", "name": "Alpha", "kind": "state", "country": "US"}],
        "body": {"span": {"start": 0, "end": len(text)}},
        "clauses": clauses,
        **parts,
    }
    return JointStatement.model_validate(document)


def _clause(id: str, text: str, **fields: Any) -> dict[str, Any]:
    return {"id": id, "type": "position_statement", "text": text, "position": text, **fields}


HOSTILE_TEXT = (
    "Title line\r\n"
    "We say <script>document.title='pwned'</script> & mean it.\r\n"
    "We add <img src=x onerror=\"document.title='img'\"> and \x07 a bell.\r\n"
)


def _hostile() -> JointStatement:
    body_start = HOSTILE_TEXT.index("We say")
    return _statement(
        HOSTILE_TEXT,
        [
            _clause("script", "We say <script>document.title='pwned'</script> & mean it."),
            _clause(
                "image",
                "We add <img src=x onerror=\"document.title='img'\"> and \x07 a bell.",
                note="</script><script>document.title='note'</script><!--",
            ),
        ],
        title="</title><script>document.title='title'</script>",
        parties=[{"id": "alpha", "name": '"><b onmouseover=alert(1)>Alpha', "kind": "state"}],
        body={"span": {"start": body_start, "end": len(HOSTILE_TEXT)}},
    )


def _check(page: Page, statement: JointStatement, text: str) -> None:
    """The page's text is ``text``, and every clause has highlighted elements holding its text."""
    assert page.text == text
    assert page.tags_in_text <= {"span", "mark"}
    for clause in statement.clauses:
        elements = page.clause_elements[clause.id]
        assert elements, clause.id
        assert page.clause_text[clause.id] == clause.text, clause.id
        for attributes in elements:
            classes = attributes["class"].split()
            assert "clause" in classes
            assert f"f-{family(clause.type).key}" in classes
        assert sum(a.get("id") == f"clause-{clause.id}" for a in elements) == 1


def test_a_clause_holding_markup_shows_it_as_text() -> None:
    statement = _hostile()
    html = render(statement, HOSTILE_TEXT)
    page = Page(html)
    _check(page, statement, HOSTILE_TEXT)
    assert page.scripts == 2  # the clause data and the page's own script
    assert page.title == statement.title
    assert not page.tags & {"img", "b"}
    assert not {a for a in page.attributes if a.startswith("on")}


def test_a_carriage_return_is_kept_as_a_character_reference() -> None:
    html = render(_hostile(), HOSTILE_TEXT)
    assert "\r" not in html
    assert "&#13;\n" in html


def test_every_dataset_page_holds_its_text_and_every_clause() -> None:
    for name in discover([str(DATASETS)]):
        loaded = read(name)
        text = loaded.source_text()
        _check(Page(render(loaded.statement, text, loaded.version)), loaded.statement, text)


def test_crossing_clauses_are_split_and_keep_their_text() -> None:
    text = "one two three four five"
    statement = _statement(
        text,
        [
            _clause("left", "one two three"),
            _clause("right", "three four five"),
            _clause("inner", "two"),
        ],
        body={
            "span": {"start": 0, "end": len(text)},
            "paragraphs": [{"number": 1, "span": {"start": 0, "end": len(text)}}],
        },
    )
    page = Page(render(statement, text))
    _check(page, statement, text)
    assert len(page.clause_elements["right"]) == 2  # reopened where "left" closes
    (inner,) = page.clause_elements["inner"]
    assert inner["data-depth"] == "1"
    assert page.clause_elements["left"][0]["data-depth"] == "0"


def test_items_of_a_chapeau_name_their_parent() -> None:
    loaded = read(V2_EXAMPLES / "reciprocal-items" / "statement.yaml")
    page = Page(render(loaded.statement, loaded.source_text()))
    assert page.clause_elements["alpha-tariff"][0]["data-parent"] == "agree-as-follows"
    assert "data-parent" not in page.clause_elements["agree-as-follows"][0]


def test_paragraphs_are_numbered_and_text_outside_the_body_is_not_in_it() -> None:
    loaded = read(VERSION_1)
    html = render(loaded.statement, loaded.source_text(), loaded.version)
    numbers = re.findall(r'<span class="para" data-n="(\d+)">', html)
    assert numbers == [str(p.number) for p in loaded.statement.body.paragraphs]
    before_body = html.split('<pre id="text">')[1].split('<span class="body">')[0]
    assert 'class="clause' not in before_body
    assert "schema version 1 (shown as version 2)" in html


def test_the_page_loads_nothing_and_allows_only_its_own_style_and_script() -> None:
    loaded = read(VERSION_1)
    html = render(loaded.statement, loaded.source_text(), loaded.version)
    assert not re.search(r"<(link|img|iframe|object|embed)\b", html)
    assert not re.search(r"\ssrc=", html)
    (policy,) = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert "default-src 'none'" in policy
    (style,) = re.findall(r"<style>(.*?)</style>", html, re.DOTALL)
    scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    assert len(scripts) == 1
    for kind, source in (("style-src", style), ("script-src", scripts[0])):
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assert f"{kind} 'sha256-{digest}'" in policy


def test_every_clause_type_has_a_family_in_a_colour_blind_safe_palette() -> None:
    for term in CLAUSE_TYPES_2:
        assert family(term.value) in FAMILIES.values()
    styles = [(f.colour, f.line) for f in FAMILIES.values()]
    assert len(set(styles)) == len(styles)
    assert {f.colour for f in FAMILIES.values()} <= OKABE_ITO


def test_the_legend_lists_the_types_of_the_statement() -> None:
    loaded = read(V2_EXAMPLES / "reciprocal-items" / "statement.yaml")
    html = render(loaded.statement, loaded.source_text())
    legend = html.split('id="legend"')[1].split("</section>")[0]
    assert "commitment 3" in legend
    assert FAMILIES["AGREE"].label in legend
    assert FAMILIES["ACCUSE"].label not in legend


def test_the_command_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(VERSION_1)]) == 0
    printed = capsys.readouterr().out
    output = tmp_path / "page.html"
    assert main(["render", str(VERSION_1), "--output", str(output)]) == 0
    assert output.read_text(encoding="utf-8") == printed
    assert printed.startswith("<!DOCTYPE html>")


def test_the_command_reports_a_file_that_does_not_validate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "bad"
    shutil.copytree(V2_EXAMPLES / "reciprocal-items", folder)
    path = folder / "statement.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("type: commitment", "type: promise", 1),
        encoding="utf-8",
    )
    assert main(["render", str(path), "-o", str(tmp_path / "page.html")]) == 1
    assert "schema." in capsys.readouterr().err
    assert not (tmp_path / "page.html").exists()
    assert main(["render", str(tmp_path / "missing.yaml")]) == 2


# --- in a real browser -----------------------------------------------------------------------------


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(
                "chromium is required in CI: .ci/run installs it (apt-get install chromium)"
            )
        pytest.skip("chromium is not installed (apt-get install chromium chromium-driver)")
    return found


def _browse(page: Path, profile: Path, *arguments: str) -> subprocess.CompletedProcess[bytes]:
    command = [
        _chromium(),
        *("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"),
        *("--disable-background-networking", "--disable-component-update", "--disable-sync"),
        f"--user-data-dir={profile}",
        *arguments,
        page.as_uri(),
    ]
    return subprocess.run(command, capture_output=True, timeout=180, check=True)


@pytest.mark.parametrize("which", ["version-1", "version-2", "hostile"])
def test_in_chromium_every_clause_is_highlighted_and_the_text_is_the_source(
    which: str, tmp_path: Path
) -> None:
    """Chromium parses and runs the page: the DOM it serializes holds the text and every clause."""
    if which == "hostile":
        statement, text = _hostile(), HOSTILE_TEXT
        html = render(statement, text)
    else:
        loaded = read(VERSION_1 if which == "version-1" else VERSION_2)
        statement, text = loaded.statement, loaded.source_text()
        html = render(statement, text, loaded.version)
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")

    dom = _browse(page, tmp_path / "profile", "--dump-dom").stdout.decode("utf-8")
    parsed = Page(dom)
    _check(parsed, statement, text)
    assert parsed.root.get("data-ready") == "true"  # the script ran under the page's policy
    assert parsed.title == statement.title  # no injected script set it
    assert parsed.scripts == 2

    screenshot = tmp_path / "page.png"
    _browse(
        page,
        tmp_path / "profile",
        "--hide-scrollbars",
        "--window-size=1280,1800",
        f"--screenshot={screenshot}",
    )
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert screenshot.stat().st_size > 10_000
