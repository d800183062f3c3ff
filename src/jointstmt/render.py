"""``jointstmt render``: one statement as a self-contained HTML page for reviewers.

The page holds everything it shows: no request leaves it (a Content-Security-Policy
forbids every load, and allows only its own style sheet and script, by hash). It
has a header with the statement's parties, participants, meetings and sources;
the statement text exactly as in its file, with the body marked (text outside it
dimmed), paragraph numbers in the margin and each clause highlighted; a legend;
and a panel that shows a clause's fields when it is clicked (or focused and
Enter pressed). Hovering a clause shows its type and value.

Colours: clause types are grouped by their PLOVER event type (undertakings,
approval, disapproval, requests, warnings, consultation, and statements PLOVER
has no event for), each group in a colour of the Okabe-Ito palette, which
readers with any common colour-vision deficiency tell apart, and each with its
own underline style (solid, dashed, dotted, double, wavy) so that colour is
never the only cue. A clause inside another clause is underlined lower, so
nesting shows as stacked lines; an item of a chapeau (``parent``) is marked
with an arrow in the margin of its text.

Everything from the file is escaped: the text, every field, ids in attributes
(the clause data for the panel sits in a JSON block whose ``<``, ``>`` and ``&``
are escaped, and the script writes it with ``textContent`` only). Paragraph
numbers and arrows are CSS generated content, so the text of the page's text
element is the statement text, character for character (carriage returns are
written as ``&#13;`` because HTML parsing drops a raw one; a NUL character
cannot be carried by HTML at all).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

    from jointstmt.model.v2 import JointStatement

DESCRIPTION = """\
Render a statement file (either schema version) and its statement text as one
self-contained HTML page: the parties, participants, meetings and sources; the
text with each clause highlighted by type (a legend; colours readers with
colour-vision deficiencies can tell apart), nested clauses and paragraph numbers
visible, text outside the body dimmed; a clause's fields on hover and on click.
The page loads nothing from the network. Writes to standard output, or to HTML
(atomically) with --output. Exit 1 when FILE does not validate.
"""


@dataclass(frozen=True, slots=True)
class Family:
    """A group of clause types shown in one colour and line style."""

    key: str
    """Its CSS class is ``f-{key}``."""
    label: str
    colour: str
    line: str
    """A ``text-decoration-style``: solid, double, dashed, dotted or wavy."""


#: Groups by the first PLOVER event type of a clause type ("" when it has none). Colours
#: are Okabe & Ito's (2008) palette for colour-blind readers; line styles differ too.
FAMILIES: dict[str, Family] = {
    "AGREE": Family("agree", "Undertakings (PLOVER AGREE)", "#0072B2", "solid"),
    "SUPPORT": Family("support", "Approval (PLOVER SUPPORT)", "#009E73", "double"),
    "ACCUSE": Family("accuse", "Disapproval (PLOVER ACCUSE, REJECT)", "#D55E00", "solid"),
    "REJECT": Family("reject", "Rejection (PLOVER REJECT)", "#D55E00", "dashed"),
    "REQUEST": Family("request", "Requests (PLOVER REQUEST)", "#E69F00", "dashed"),
    "THREATEN": Family("threaten", "Warnings (PLOVER THREATEN)", "#CC79A7", "wavy"),
    "CONSULT": Family("consult", "Consultation (PLOVER CONSULT)", "#56B4E9", "dotted"),
    "": Family("statement", "Statements (no PLOVER event)", "#6E6E6E", "dotted"),
}


def family(clause_type: str) -> Family:
    """The group the clause type is shown in."""
    from jointstmt.model.vocabulary import CLAUSE_TYPES_2

    plover = CLAUSE_TYPES_2[clause_type].plover
    return FAMILIES[plover[0] if plover else ""]


_NESTING_LEVELS = 4  # deeper clauses are drawn as the fourth level


def _css() -> str:
    rules = [
        ":root{color-scheme:light;font-family:system-ui,-apple-system,'Segoe UI',sans-serif}",
        "body{margin:0;color:#1a1a1a;background:#fff}",
        "header,#legend{padding:1rem 1.5rem;border-bottom:1px solid #ddd;overflow-wrap:anywhere}",
        "h1{font-size:1.35rem;margin:0 0 .3rem}",
        "h2{font-size:1rem;margin:.8rem 0 .3rem}",
        ".meta{color:#444;margin:0}",
        "header ul{margin:.2rem 0;padding-left:1.2rem}",
        ".facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:0 1.5rem}",
        "#legend ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem}",
        ".swatch{margin-right:.35em;text-decoration-line:underline;text-decoration-thickness:3px;"
        "text-underline-offset:3px;text-decoration-skip-ink:none;white-space:pre}",
        ".types{color:#444;font-size:.85em}",
        "#page{display:grid;grid-template-columns:minmax(0,1fr) 22rem;gap:0}",
        "@media (max-width:60rem){#page{grid-template-columns:1fr}}",
        "#text{position:relative;margin:0;padding:1rem 1.5rem 2rem 4rem;white-space:pre-wrap;"
        "overflow-wrap:anywhere;font:1rem/2.2 Georgia,'Times New Roman',serif;color:#6b6b6b}",
        ".body{color:#111}",
        ".para::before{content:attr(data-n);position:absolute;left:.8rem;width:2.4rem;"
        "text-align:right;font:600 .75rem/2.5 system-ui,sans-serif;color:#555}",
        ".clause{cursor:pointer;background:none;color:inherit;text-decoration-line:underline;"
        "text-decoration-thickness:2px;text-underline-offset:3px;text-decoration-skip-ink:none}",
        ".clause:focus{outline:2px solid #000;outline-offset:1px}",
        ".clause.selected{outline:3px solid #000}",
        ".clause[data-parent]::before{content:'\\21B3\\00A0';color:#555;font-size:.8em}",
        "#details{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;"
        "padding:1rem 1.2rem;border-left:1px solid #ddd;font-size:.9rem}",
        "#details dl{margin:0}#details dt{font-weight:600;margin-top:.45rem}#details dd{margin:0}",
    ]
    for level in range(1, _NESTING_LEVELS):
        # an underline is drawn with its own element's offset, so nested ones stack
        rules.append(f".clause[data-depth='{level}']{{text-underline-offset:{3 + 5 * level}px}}")
    for fam in FAMILIES.values():
        rules.append(
            f".f-{fam.key}{{text-decoration-color:{fam.colour};text-decoration-style:{fam.line};"
            f"background-color:{_tint(fam.colour)}}}"
        )
    return "\n".join(rules)


def _tint(colour: str) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},0.13)"


_SCRIPT = """\
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("clause-data").textContent);
  var panel = document.getElementById("details");
  function show(id) {
    var clause = data[id];
    if (!clause) { return; }
    var heading = document.createElement("h2");
    heading.textContent = clause.title;
    var list = document.createElement("dl");
    clause.fields.forEach(function (pair) {
      var term = document.createElement("dt");
      var value = document.createElement("dd");
      term.textContent = pair[0];
      value.textContent = pair[1];
      list.appendChild(term);
      list.appendChild(value);
    });
    panel.replaceChildren(heading, list);
    document.querySelectorAll(".clause.selected").forEach(function (el) {
      el.classList.remove("selected");
    });
    document.querySelectorAll(".clause").forEach(function (el) {
      if (el.dataset.clause === id) { el.classList.add("selected"); }
    });
  }
  function clauseOf(event) {
    var el = event.target.closest ? event.target.closest(".clause") : null;
    return el ? el.dataset.clause : null;
  }
  var text = document.getElementById("text");
  text.addEventListener("click", function (event) {
    var id = clauseOf(event);
    if (id) { show(id); }
  });
  text.addEventListener("keydown", function (event) {
    var id = clauseOf(event);
    if (id && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      show(id);
    }
  });
  document.documentElement.dataset.ready = "true";
})();
"""


def _hash(source: str) -> str:
    import base64
    import hashlib

    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def render(statement: BaseModel, text: str, version: int | None = None) -> str:
    """The HTML page of ``statement`` (either schema version) over its statement ``text``.

    ``version`` is the schema version its file declares, shown in the header (by
    default, the model's).
    """
    from jointstmt.reading import as_version_2, version_of

    view = as_version_2(statement)
    css = _css()
    policy = (
        f"default-src 'none'; style-src {_hash(css)}; script-src {_hash(_SCRIPT)}; "
        "base-uri 'none'; form-action 'none'"
    )
    parts = [
        "<!DOCTYPE html>\n",
        f'<html lang="{_e(view.language)}">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="referrer" content="no-referrer">\n',
        f"<title>{_e(view.title)}</title>\n<style>{css}</style>\n</head>\n<body>\n",
        _header(view, version or version_of(statement)),
        _legend(view),
        '<div id="page">\n<main>\n<pre id="text">',
        _marked_text(view, text),
        "</pre>\n</main>\n",
        '<aside id="details" aria-live="polite"><p>Click a clause (or focus it and press '
        "Enter) to see its fields.</p></aside>\n</div>\n",
        '<script type="application/json" id="clause-data">',
        _clause_data(view),
        "</script>\n",
        f"<script>{_SCRIPT}</script>\n</body>\n</html>\n",
    ]
    return "".join(parts)


def _e(value: object) -> str:
    """``value`` as HTML text or attribute value: everything escaped, quotes too."""
    import html

    return html.escape(str(value), quote=True)


# --- header and legend -----------------------------------------------------------------------------


def _header(s: JointStatement, version: int) -> str:
    meta = [
        s.document_type.replace("_", " "),
        f"issued {s.issued.isoformat()}",
        f"language {s.language}",
        f"id {s.id}",
        f"schema version {version}" + (" (shown as version 2)" if version != 2 else ""),
    ]
    if s.issued_at is not None and s.issued_at.wording:
        meta.insert(2, f"at {s.issued_at.wording}")
    names = _names(s)
    parties = [
        _join(p.name, f"({p.short_name})" if p.short_name else "", f"— {p.kind}", p.role, p.country)
        for p in s.parties
    ]
    participants = [
        _join(
            p.office,
            p.person.name if p.person else "",
            f"— {names.get(p.party, p.party)}",
            p.role.replace("_", " ") if p.role else "",
        )
        for p in s.participants
    ]
    meetings = [_meeting(m, names) for m in s.meetings]
    sources = [
        _join(f"[{src.id}]", src.role.replace("_", " "), src.publisher, src.title, src.url)
        for src in s.sources
    ]
    blocks = "".join(
        _list(heading, items)
        for heading, items in (
            ("Parties", parties),
            ("Participants", participants),
            ("Meetings", meetings),
            ("Sources", sources),
        )
        if items
    )
    return (
        f"<header>\n<h1>{_e(s.title)}</h1>\n"
        f'<p class="meta">{_e(" · ".join(meta))}</p>\n'
        f'<div class="facts">{blocks}</div>\n</header>\n'
    )


def _meeting(m: Any, names: dict[str, str]) -> str:
    dates = " to ".join(d.isoformat() for d in dict.fromkeys((m.start, m.end)) if d is not None)
    where = m.location.wording if m.location and m.location.wording else ""
    if m.location and not where:
        where = ", ".join(
            filter(None, (p.locality or p.name or p.country for p in m.location.places))
        )
    return _join(
        m.relation,
        m.name or "",
        dates or m.timing or "",
        where,
        f"{m.format}, {m.level}, {m.mode}".replace("_", " "),
        f"during {names.get(m.during, m.during)}" if m.during else "",
    )


def _join(*parts: str | None) -> str:
    return " ".join(p for p in parts if p)


def _list(heading: str, items: list[str]) -> str:
    entries = "".join(f"<li>{_e(item)}</li>" for item in items)
    return f"<section><h2>{_e(heading)}</h2><ul>{entries}</ul></section>"


_SWATCH = "\u00a0" * 5  # no-break spaces, underlined in the family's colour and style


def _legend(s: JointStatement) -> str:
    from collections import Counter

    counts = Counter(c.type for c in s.clauses)
    entries = []
    for fam in FAMILIES.values():
        types = [t for t in counts if family(t) is fam]
        if not types:
            continue
        shown = ", ".join(f"{t.replace('_', ' ')} {counts[t]}" for t in sorted(types))
        entries.append(
            f'<li><span class="swatch f-{fam.key}" aria-hidden="true">{_SWATCH}</span>{_e(fam.label)} '
            f'<span class="types">({_e(shown)})</span></li>'
        )
    return (
        '<section id="legend" aria-label="Legend"><ul>'
        + "".join(entries)
        + '</ul><p class="types">Underlines stack for a clause inside another; ↳ marks an '
        "item of a chapeau; numbers in the margin are paragraph numbers; grey text lies "
        "outside the statement's body.</p></section>\n"
    )


def _names(s: JointStatement) -> dict[str, str]:
    names = {e.id: e.name for e in s.entities}
    names |= {m.id: m.name or m.id for m in s.meetings}
    names |= {p.id: p.office for p in s.participants}
    names |= {p.id: p.short_name or p.name for p in s.parties}
    return names


# --- the marked text -------------------------------------------------------------------------------


class _Mark:
    """An element over ``[start, end)`` of the text: the body, a paragraph or a clause."""

    __slots__ = ("attributes", "end", "id", "rank", "start", "tag")

    def __init__(
        self, start: int, end: int, rank: int, tag: str, attributes: str, id: str = ""
    ) -> None:
        self.start = start
        self.end = end
        self.rank = rank
        self.tag = tag
        self.attributes = attributes
        self.id = id

    def open(self, first: bool) -> str:
        # a mark split by one it crosses is reopened; only its first piece has the id
        identity = f' id="{_e(self.id)}"' if first and self.id else ""
        return f"<{self.tag}{identity}{self.attributes}>"

    def close(self) -> str:
        return f"</{self.tag}>"


def _marks(s: JointStatement) -> list[_Mark]:
    marks = [_Mark(s.body.span.start, s.body.span.end, 0, "span", ' class="body"')]
    marks += [
        _Mark(p.span.start, p.span.end, 1, "span", f' class="para" data-n="{p.number}"')
        for p in s.body.paragraphs
    ]
    spans = [(c.span.start, c.span.end) for c in s.clauses]
    for c in s.clauses:
        depth = sum(
            1
            for start, end in spans
            if start <= c.span.start
            and c.span.end <= end
            and (start, end) != (c.span.start, c.span.end)
        )
        attributes = (
            f' class="clause f-{family(c.type).key}" data-clause="{_e(c.id)}"'
            f' data-type="{_e(c.type)}" data-depth="{min(depth, _NESTING_LEVELS - 1)}"'
            f' tabindex="0" title="{_e(_title(c))}"'
        )
        if c.parent is not None:
            attributes += f' data-parent="{_e(c.parent)}"'
        marks.append(_Mark(c.span.start, c.span.end, 2, "mark", attributes, f"clause-{c.id}"))
    return [m for m in marks if m.start < m.end]


def _marked_text(s: JointStatement, text: str) -> str:
    """``text`` with the marks as elements, properly nested: a mark crossing another is split."""
    marks = sorted(_marks(s), key=lambda m: (m.start, -m.end, m.rank))
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    stack: list[_Mark] = []
    pending = iter(marks)
    upcoming = next(pending, None)
    for here, following in zip(bounds, [*bounds[1:], len(text)], strict=True):
        ending = [m for m in stack if m.end == here]
        if ending:
            # close down to the deepest mark that ends here, then reopen those still open
            cut = min(stack.index(m) for m in ending)
            for m in reversed(stack[cut:]):
                out.append(m.close())
            reopen = [m for m in stack[cut:] if m.end != here]
            del stack[cut:]
            for m in reopen:
                out.append(m.open(first=False))
                stack.append(m)
        while upcoming is not None and upcoming.start == here:
            out.append(upcoming.open(first=True))
            stack.append(upcoming)
            upcoming = next(pending, None)
        out.append(_text(text[here:following]))
    out.extend(m.close() for m in reversed(stack))
    return "".join(out)


def _text(chunk: str) -> str:
    """Text content, escaped; a carriage return as ``&#13;``, which parsing keeps (a raw one it drops)."""
    return _e(chunk).replace("\r", "&#13;")


# --- the clause panel ------------------------------------------------------------------------------


def _title(clause: Any) -> str:
    value = clause.value
    if len(value) > 160:
        value = value[:159] + "…"
    return f"{clause.type.replace('_', ' ')}: {value}"


def _clause_data(s: JointStatement) -> str:
    import json

    names = _names(s)
    data = {
        c.id: {
            "title": f"{c.id} — {c.type.replace('_', ' ')}",
            "fields": _fields(c, s, names),
        }
        for c in s.clauses
    }
    encoded = json.dumps(data, ensure_ascii=False)
    # inside <script>: no "</script>" or "<!--" may appear, so no "<" at all
    return encoded.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _fields(clause: Any, s: JointStatement, names: dict[str, str]) -> list[tuple[str, str]]:
    """The clause's fields as (name, value) lines, ids shown with the names they stand for."""

    def named(ids: tuple[str, ...]) -> str:
        return ", ".join(f"{names[i]} ({i})" if i in names and names[i] != i else i for i in ids)

    document = clause.model_dump(mode="json", exclude_defaults=True)
    fields: list[tuple[str, str]] = [
        (clause.value_field, clause.value),
        ("actors", named(s.actors_of(clause)) + ("" if clause.actors else " (the issuers)")),
    ]
    for key, value in document.items():
        if key in ("id", "type", "text", "actors", clause.value_field):
            continue
        if key in ("addressees", "targets", "implied_targets", "agents"):
            fields.append((key, named(tuple(value))))
        elif key == "span":
            fields.append((key, f"{value['start']} to {value['end']}"))
        else:
            fields.append((key, _plain(value)))
    return fields


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_plain(v)}" for k, v in value.items())
    return str(value).lower() if isinstance(value, bool) else str(value)


# --- the command -----------------------------------------------------------------------------------


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``render`` command to the CLI's subcommands."""
    command = subparsers.add_parser(
        "render", help="render a statement as a self-contained HTML page", description=DESCRIPTION
    )
    command.add_argument("file", metavar="FILE", type=Path, help="a statement YAML file")
    command.add_argument(
        "--output", "-o", metavar="HTML", type=Path, help="write the page to HTML instead"
    )
    command.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from jointstmt.fileio import ReadError, atomic_write, reason
    from jointstmt.findings import FileResult
    from jointstmt.reading import read
    from jointstmt.report import TextReporter
    from jointstmt.terminal import safe
    from jointstmt.validation import ValidationFailed

    path: Path = args.file
    if not path.is_file():
        print(f"jointstmt render: no such file: {safe(str(path))}", file=sys.stderr)
        return 2
    try:
        loaded = read(path)
        page = render(loaded.statement, loaded.source_text(), loaded.version)
    except ValidationFailed as failed:
        TextReporter(sys.stderr).file(FileResult(str(path), failed.findings))
        return 1
    except ReadError as error:
        print(
            f"jointstmt render: {safe(str(path))}: statement text: {safe(str(error))}",
            file=sys.stderr,
        )
        return 1
    if args.output is None:
        sys.stdout.write(page)
        return 0
    try:
        atomic_write(args.output, page.encode("utf-8"))
    except OSError as error:
        print(
            f"jointstmt render: cannot write {safe(str(args.output))}: {reason(error)}",
            file=sys.stderr,
        )
        return 1
    return 0
