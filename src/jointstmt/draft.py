"""``jointstmt new``: a version-2 draft of a statement from its text, valid as written.

Encoding a statement by hand is mostly mechanics: hashing the text, counting
code points, finding where the body and its paragraphs begin and end, naming the
parties, quoting every sentence. The draft does all of that and suggests the
rest, each suggestion marked with a ``# review:`` comment that says where it
came from, so that a person's time goes to judging, not to counting:

* the text is pinned: the YAML is written beside it (the source path is
  relative, the SHA-256 recorded);
* title, document type, language and date of issue are read from the text (a
  title line, "this Declaration", its function words, the first date);
* the body and its paragraphs follow the codebook's layout (:mod:`jointstmt.layout`);
* parties and participants come from the opening formula ("We, the Leaders of A,
  B and C", "President X of A and President Y of B met") and from a signature block
  ("For the Government of A:"), the names matched against ISO 3166 names and the
  forms diplomatic texts use; nothing is taken from outside the text;
* one clause per sentence, or per coordinated act ("..., and we urge ..."), typed
  by the cues of :mod:`jointstmt.suggest`, its type's field filled with the words
  after the cue.

Rules, no model: it runs offline and explains each suggestion.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jointstmt.layout import Layout
    from jointstmt.speakers import Participant, Party
    from jointstmt.suggest import Suggestion

DESCRIPTION = """\
Write a version-2 statement draft from the statement text TEXT: the text pinned
(path and SHA-256), the body and its paragraphs, the parties and participants
the opening formula or a signature block names, and one clause per sentence (or
per coordinated act) with its span, a suggested type and the type's field.
Every suggestion carries a '# review:' comment; the draft validates as written.
The draft goes beside the text (TEXT with .yaml), or to --output in the text's
folder or a folder above it. Exit 0 when the draft is written and validates, 1
when TEXT cannot be read or the output exists (see --force), 2 on usage errors.
"""

_SOURCE_ID = "text"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``new`` command to the CLI's subcommands."""
    command = subparsers.add_parser(
        "new",
        help="draft a version-2 statement from its text, every suggestion marked for review",
        description=DESCRIPTION,
    )
    command.add_argument("text", metavar="TEXT", help="the statement text (UTF-8)")
    command.add_argument("--id", help="the statement's id (default: from TEXT's file name)")
    command.add_argument(
        "--output", type=Path, help="where to write the draft (default: TEXT with .yaml)"
    )
    command.add_argument("--force", action="store_true", help="replace the output if it exists")
    command.set_defaults(run=_run)


@dataclass(frozen=True, slots=True)
class DraftClause:
    """A clause of the draft: where it is, its suggestion, and its place in the body."""

    id: str
    start: int
    end: int
    paragraph: int
    suggestion: Suggestion
    label: str | None = None
    preamble: bool = False


@dataclass(frozen=True, slots=True)
class Draft:
    """A draft statement: the YAML to write, and its clauses (for tools that measure them)."""

    yaml: str
    clauses: tuple[DraftClause, ...]


class DraftError(Exception):
    """The text cannot be drafted from (empty, or no paragraph in it)."""


def draft(text: str, source_path: str, statement_id: str, sha256: str) -> Draft:
    """The draft of the statement ``text``, whose file is ``source_path`` beside the draft."""
    from jointstmt.layout import layout
    from jointstmt.speakers import find_speakers

    language = _language(text)
    laid = layout(text, language)
    if laid is None:
        raise DraftError("the text holds no paragraph to draft from")
    speakers = find_speakers(text, laid, language)
    clauses = _clauses(text, laid, language, speakers.subjects())
    writer = _Writer()
    writer.header(source_path, speakers.hints)
    writer.metadata(text, laid, statement_id, language, speakers.parties)
    writer.source(source_path, sha256)
    writer.parties(speakers.parties)
    writer.participants(speakers.participants)
    writer.body(laid)
    writer.clauses(text, clauses)
    return Draft(writer.text(), tuple(clauses))


# --- clauses --------------------------------------------------------------------------------


def _clauses(
    text: str, laid: Layout, language: str, subjects: tuple[str, ...]
) -> list[DraftClause]:
    """One clause per sentence of each paragraph, or per coordinated act of a sentence."""
    from jointstmt.sentences import split
    from jointstmt.suggest import acts, suggest_all

    pieces: list[tuple[int, int, int]] = []  # start, end, paragraph number
    for number, paragraph in enumerate(laid.paragraphs, 1):
        for sentence in split(text, paragraph.start, paragraph.end, language):
            if sentence.is_heading:
                continue
            start = sentence.start + _lead(sentence.text)
            end = sentence.end - _tail(sentence.text)
            if end <= start:
                continue
            for a, b in acts(text[start:end]):
                a, b = _strip(text, start + a, start + b)
                if b > a:
                    pieces.append((a, b, number))
    if not pieces:  # a body of headings only: one clause on the body, so the draft validates
        pieces.append((*laid.body, 0))
    texts = [text[a:b] for a, b, _ in pieces]
    items = [_is_item(text, laid, number) for _, _, number in pieces]
    suggestions = suggest_all(texts, subjects, items)
    clauses: list[DraftClause] = []
    counts: dict[int, int] = {}
    preamble = True
    for (start, end, number), suggestion in zip(pieces, suggestions, strict=True):
        counts[number] = counts.get(number, 0) + 1
        first_word = re.match(r"[^\W_]+", text[start:end])
        preamble = preamble and bool(
            first_word
            and first_word.group().lower().endswith("ing")
            and first_word.group()[0].isupper()
        )
        label = None
        if counts[number] == 1 and number <= len(laid.paragraphs):
            label = laid.paragraphs[number - 1].label
        clauses.append(
            DraftClause(
                f"p{number}-{counts[number]}",
                start,
                end,
                number,
                suggestion,
                label,
                preamble,
            )
        )
    return clauses


#: What opens a sentence before its first word: markup, bullets, a label ("**1", "(a)").
_LEAD = re.compile(
    r"(?:[\s*_#>\\\-\u2022\u2013]|\(?(?:[0-9]{1,3}|[a-z]|[ivx]{1,4})[.)](?=\s)|[0-9]{1,3}(?=[*\s]))*"
)


def _lead(sentence: str) -> int:
    match = _LEAD.match(sentence)
    return match.end() if match else 0


def _tail(sentence: str) -> int:
    """Trailing markup after the last word or closing punctuation (" ****", "**")."""
    match = re.search(r"(?<=[^\W_]|[.!?;:)\"\u201d'\u2019])[\s*_\\]*$", sentence)
    return len(match.group()) if match else 0


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """An act's span without the white space and the comma around it."""
    while start < end and (text[start].isspace() or text[start] in ",;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _is_item(text: str, laid: Layout, number: int) -> bool:
    """Whether paragraph ``number`` is a list item: a bullet or a lettered label opens it."""
    if not 0 < number <= len(laid.paragraphs):
        return False
    paragraph = laid.paragraphs[number - 1]
    return (
        re.match(r"[-*\u2022]\s|\([a-z0-9]{1,3}\)\s", text[paragraph.start : paragraph.end])
        is not None
    )


# --- metadata ---------------------------------------------------------------------------------

#: Function words that tell the text's language (the first of these that the text uses most).
_FUNCTION_WORDS = {
    "en": ("the", "and", "of", "to", "we", "in", "that"),
    "fr": ("le", "la", "les", "et", "des", "nous", "du"),
    "es": ("el", "los", "las", "y", "del", "nosotros", "que"),
    "de": ("der", "die", "und", "das", "wir", "den", "zu"),
    "pt": ("o", "os", "e", "do", "da", "nós", "que"),
    "it": ("il", "gli", "e", "della", "noi", "che", "per"),
}
_MONTHS = (
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
)
_MOIS = (
    *("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre"),
    *("octobre", "novembre", "décembre"),
)


def _language(text: str) -> str:
    words = re.findall(r"[^\W\d_]+", text[:20000].lower())
    counts = {
        language: sum(words.count(w) for w in function)
        for language, function in _FUNCTION_WORDS.items()
    }
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else "en"


def _dates(text: str, start: int, end: int) -> list[str]:
    """ISO dates written out in ``text[start:end]`` ("April 26, 2023", "26th day of April, 2023")."""
    import datetime as dt

    month = "|".join(_MONTHS + _MOIS)
    patterns = (
        rf"(?P<m>{month})\s+(?:[0-9]{{1,2}}\s*[-\u2013]\s*)?(?P<d>[0-9]{{1,2}}),?\s+(?P<y>[0-9]{{4}})",
        rf"(?P<d>[0-9]{{1,2}})(?:<sup>)?(?:st|nd|rd|th|er)?(?:</sup>)?\s+(?:day\s+of\s+)?"
        rf"(?P<m>{month}),?\s+(?P<y>[0-9]{{4}})",
    )
    found: list[tuple[int, str]] = []
    for pattern in patterns:
        for match in re.finditer(pattern, text[start:end], re.IGNORECASE):
            name = match.group("m").lower()
            number = (
                [m.lower() for m in _MONTHS].index(name) + 1
                if name in (m.lower() for m in _MONTHS)
                else _MOIS.index(name) + 1
            )
            try:
                day = dt.date(int(match.group("y")), number, int(match.group("d")))
            except ValueError:
                continue
            found.append((match.start(), day.isoformat()))
    return [iso for _, iso in sorted(found)]


# --- writing the YAML -------------------------------------------------------------------------


class _Writer:
    """The draft's YAML, line by line: fixed layout, double-quoted text, review comments."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    def add(self, line: str, review: str = "") -> None:
        self.lines.append(f"{line}  # review: {review}" if review else line)

    def header(self, source_path: str, hints: list[str]) -> None:
        self.lines += [
            f"# Draft written by `jointstmt new` from {_comment(source_path)}: a starting point, not",
            "# an encoding. Each '# review:' comment marks a suggestion to check against the text",
            "# and the codebook (docs/codebook.md); delete the comment once checked. After editing",
            "# a clause's text, run `jointstmt spans --write` on this file, then `jointstmt validate`",
            "# and `jointstmt coverage`.",
        ]
        for hint in hints:
            self.lines.append(f"# review: {_comment(hint)}")

    def metadata(
        self, text: str, laid: Layout, ident: str, language: str, parties: list[Party]
    ) -> None:
        from jointstmt.model.vocabulary import DOCUMENT_TYPES_2
        from jointstmt.suggest import clean, first_term

        if laid.title is not None:
            title, why = clean(text[laid.title[0] : laid.title[1]]), "the title line of the text"
        else:
            title = "Joint statement of " + _enumerate([p.name for p in parties])
            why = "the text has no title line: put the publisher's title"
        found = first_term(DOCUMENT_TYPES_2, title) if laid.title is not None else None
        if found is None:
            found = first_term(DOCUMENT_TYPES_2, _this_document(text))
        document_type = found[0].value if found else "joint_statement"
        type_why = f"{found[0].value!r} cue in the text" if found else "no cue found; the default"
        first = laid.paragraphs[0] if laid.paragraphs else None
        dates = (_dates(text, first.start, first.end) if first else []) or _dates(
            text, 0, len(text)
        )
        if dates:
            issued, date_why = dates[0], "the first date in the text; the release date may differ"
        else:
            import datetime as dt

            issued = dt.date.today().isoformat()
            date_why = "no date in the text: today's date stands in; put the release date"
        self.add("schema_version: 2")
        self.add(f"id: {ident}")
        self.add(f"title: {_quoted(title)}", why)
        self.add(f"document_type: {document_type}", type_why)
        self.add(f"language: {language}", "from the text's most frequent function words")
        self.add(f"issued: {issued}", date_why)

    def source(self, source_path: str, sha256: str) -> None:
        self.lines += ["", "sources:", f"  - id: {_SOURCE_ID}", "    role: statement_text"]
        self.add(f"    path: {_quoted(source_path)}")
        self.add(f"    sha256: {sha256}")
        self.add(f"    publisher: {_quoted('not stated')}", "who published the text, and its url")

    def parties(self, parties: list[Party]) -> None:
        self.lines += ["", "parties:"]
        for party in parties:
            self.add(f"  - id: {party.id}")
            self.add(f"    name: {_quoted(party.name)}", party.review)
            if party.short_name:
                self.add(f"    short_name: {_quoted(party.short_name)}")
            self.add(f"    kind: {party.kind}")
            if party.country:
                self.add(f"    country: {party.country}")
            if party.span:
                self.add(f"    span: {_span(party.span)}")

    def participants(self, participants: list[Participant]) -> None:
        if not participants:
            return
        self.lines += ["", "participants:"]
        for p in participants:
            self.add(f"  - id: {p.id}")
            self.add(f"    party: {p.party}")
            if p.kind != "office":
                self.add(f"    kind: {p.kind}")
            self.add(f"    office: {_quoted(p.office)}")
            self.add(f"    rank: {p.rank}", p.review)
            if p.role:
                self.add(f"    role: {p.role}")
            if p.person:
                self.add("    person:")
                self.add(f"      name: {_quoted(p.person)}", "as the text gives it")
                self.add(f"      sources: [{_SOURCE_ID}]")
            if p.span:
                self.add(f"    span: {_span(p.span)}")
            if p.signature:
                self.add(f"    signature: {_span(p.signature)}")

    def body(self, laid: Layout) -> None:
        self.lines += ["", "body:"]
        self.add(
            f"  span: {_span(laid.body)}",
            "title lines, datelines, signature blocks and end markers are left out",
        )
        if laid.paragraphs:
            self.lines.append("  paragraphs:")
        for number, paragraph in enumerate(laid.paragraphs, 1):
            label = f", label: {_quoted(paragraph.label)}" if paragraph.label else ""
            self.add(
                f"    - {{number: {number}, span: {_span((paragraph.start, paragraph.end))}{label}}}"
            )

    def clauses(self, text: str, clauses: list[DraftClause]) -> None:
        from jointstmt.model.v2.clauses import CLAUSE_CLASSES

        self.lines += ["", "clauses:"]
        paragraph = 0
        for clause in clauses:
            if clause.paragraph != paragraph:
                paragraph = clause.paragraph
                self.lines.append(f"  # Paragraph {paragraph}")
            s = clause.suggestion
            why = f"{s.cue!r} cue" if s.cue else "no cue: a statement of position?"
            self.add(f"  - id: {clause.id}")
            self.add(f"    type: {s.type}", why)
            if clause.paragraph:
                self.add(f"    paragraph: {clause.paragraph}")
            if clause.preamble:
                self.add("    part: preamble", "a recital opening the text")
            if clause.label:
                self.add(f"    label: {_quoted(clause.label)}")
            if s.reaffirmed and s.type != "reaffirmation":
                self.add("    reaffirmed: true", "a reaffirmation cue restates the act")
            self.add(f"    text: {_quoted(text[clause.start : clause.end])}")
            self.add(f"    span: {_span((clause.start, clause.end))}")
            value_field = CLAUSE_CLASSES[s.type].value_field
            value = s.value
            if s.type == "instruction":
                instructed, _, task = value.partition(" to ")
                value = task or value
                self.add(f"    instructed: {_quoted(instructed)}", "who is instructed")
            self.add(f"    {value_field}: {_quoted(value)}", "the words after the cue")


def _this_document(text: str) -> str:
    """The phrases where a text names itself ("this Declaration", "la présente déclaration")."""
    return " ".join(
        re.findall(r"\b(?:this|the present|la présente|le présent)\s+[\w' ]{1,30}", text, re.I)
    )


def _quoted(value: str) -> str:
    from jointstmt.spans import double_quoted

    return double_quoted(value)


def _span(span: tuple[int, int]) -> str:
    return f"{{start: {span[0]}, end: {span[1]}}}"


def _comment(text: str) -> str:
    """``text`` fit for a YAML comment: one line, nothing a reader cannot see."""
    from jointstmt.spans import double_quoted

    return double_quoted(" ".join(text.split()))[1:-1]


def _enumerate(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# --- the command -------------------------------------------------------------------------------


def _run(args: argparse.Namespace) -> int:
    import hashlib
    import os

    from jointstmt.fileio import ReadError, atomic_write, read_file, reason
    from jointstmt.limits import MAX_SOURCE_BYTES
    from jointstmt.terminal import safe
    from jointstmt.validation import check_bytes

    source = Path(args.text)  # not type=Path: Path("") would be the current folder
    name = safe(repr(args.text))
    if not args.text or not (source.exists() or source.is_symlink()):
        print(f"jointstmt new: no such file: {name}", file=sys.stderr)
        return 2
    output: Path = args.output or source.with_suffix(".yaml")
    from jointstmt.speakers import slug

    ident = args.id if args.id is not None else (slug(source.stem) or "statement")
    if not _is_slug(ident):
        print(
            f"jointstmt new: --id {safe(ident)!r} is not a slug (lower-case letters, digits, "
            "single hyphens)",
            file=sys.stderr,
        )
        return 2
    try:
        relative = os.path.relpath(source.resolve(), output.resolve().parent)
    except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop
        print(f"jointstmt new: {name} cannot be opened: {safe(reason(error))}", file=sys.stderr)
        return 1
    if relative.startswith("..") or os.path.isabs(relative):
        print(
            f"jointstmt new: the draft must be written in the folder of {name} or a folder "
            "above it, so that its source path stays inside the statement's folder",
            file=sys.stderr,
        )
        return 2
    if output.resolve() == source.resolve():
        print(f"jointstmt new: the draft would replace {name}; choose --output", file=sys.stderr)
        return 2
    if (output.exists() or output.is_symlink()) and not args.force:
        print(
            f"jointstmt new: {safe(str(output))} exists; use --force to replace it",
            file=sys.stderr,
        )
        return 1
    try:
        data = read_file(source, MAX_SOURCE_BYTES)
        text = data.decode("utf-8")
    except ReadError as error:
        print(f"jointstmt new: {name} {safe(str(error))}", file=sys.stderr)
        return 1
    except UnicodeDecodeError as error:
        print(f"jointstmt new: {name} is not UTF-8 text: {error.reason}", file=sys.stderr)
        return 1
    try:
        made = draft(text, Path(relative).as_posix(), ident, hashlib.sha256(data).hexdigest())
    except DraftError as error:
        print(f"jointstmt new: {name}: {safe(str(error))}", file=sys.stderr)
        return 1
    encoded = made.yaml.encode("utf-8")
    try:
        atomic_write(output, encoded)
    except OSError as error:
        print(f"jointstmt new: cannot write {safe(str(output))}: {reason(error)}", file=sys.stderr)
        return 1
    findings = check_bytes(encoded, output.parent, path=str(output)).findings
    for finding in findings:
        print(
            f"{safe(str(output))}:{finding.line}:{finding.column}: {finding.code}: "
            f"{safe(finding.message)}",
            file=sys.stderr,
        )
    reviews = made.yaml.count("# review:")
    clauses = len(made.clauses)
    print(
        f"{safe(str(output))}: {clauses} clause{'s' if clauses != 1 else ''} drafted, "
        f"{reviews} suggestion{'s' if reviews != 1 else ''} to review"
    )
    return 1 if findings else 0


def _is_slug(text: str) -> bool:
    return re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", text) is not None
