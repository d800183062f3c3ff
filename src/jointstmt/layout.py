"""Where the statement proper lies in a statement text, as the codebook lays it out (§1).

A published statement text carries more than the statement: title lines, a
dateline ("JEDDAH, Saudi Arabia" and a dash), markdown headings and rules, signature
blocks, an end marker (``\\###``). The body is what is left: from the first
character of the statement proper to the last, its paragraphs the blocks between
blank lines. ``jointstmt new`` drafts from this layout; ``jointstmt spans``
computes paragraph spans (and a missing body span) from it, so both follow one
rule.

What a paragraph is (the corpus's convention): a block with words in it that is
not a heading (a heading-only block, a markdown rule or comment and an end
marker are not paragraphs), from its first to its last character, without a
trailing hard break (two spaces, a backslash) or empty emphasis (``****``), and
inside the quotation marks when the block is one quotation (or opens or closes one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jointstmt.sentences import _blocks, split

_WORDS = re.compile(r"[^\W_]")
#: A dateline opening the first paragraph: a place in capitals, then a dash.
_DATELINE = re.compile(
    r"(?:\*\*)?[A-Z][A-Z.'\u2019-]{2,}(?: [A-Z][A-Z.'\u2019-]+)*(?:,[ \w.'\u2019-]{1,40}?)?"
    r"(?:\*\*)?[ \t]*[\u2013\u2014-]{1,2}[ \t\u00a0]*\n?[ \t]*"
)
#: A label printed before a paragraph: "1.", "(a)", "IV.", or a number in bold ("**2**").
_LABEL = re.compile(
    r"[*_]*\(?((?:[0-9]{1,3}|[ivxlc]{1,5}|[IVXLC]{1,5}|[a-z])[.)])"
    r"|[*_]*([0-9]{1,3})(?=[*_]|\s+[*_]*[A-Z]{2,}\b)"
)
#: A signatory's opening line: "For the Government of Japan:", "On behalf of ...".
_FOR = re.compile(
    r"[*_]*(?:for|on behalf of|in the name of|pour)\s+(?P<party>.+?)[*_:\s]*$", re.IGNORECASE
)
#: Lines of a signature block are short and do not end a sentence ("Jr." may end a name).
_SIGNATURE_LINE_WORDS = 12
_QUOTES = {'"': '"', "\u201c": "\u201d"}


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the body: code-point offsets ``start:end`` and its printed label, if any."""

    start: int
    end: int
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Signature:
    """One signatory in a signature block: its lines, and the party a "For ..." line names."""

    start: int
    end: int
    party: tuple[int, int] | None
    """Where the party is named ("the Government of Japan" in "For the Government of Japan:")."""
    lines: tuple[tuple[int, int], ...]
    """The other lines (a name, an office), each trimmed."""


@dataclass(frozen=True, slots=True)
class Layout:
    """A statement text's parts: title line, body, its paragraphs, and the signatures after it."""

    title: tuple[int, int] | None
    body: tuple[int, int]
    paragraphs: tuple[Paragraph, ...]
    signatures: tuple[Signature, ...]


def paragraphs(text: str, start: int, end: int, language: str = "en") -> list[Paragraph]:
    """The paragraphs of ``text[start:end]``, in order (see the module's docstring)."""
    found = []
    for a, b in _blocks(text, start, end):
        if _kind(text, a, b, language) == "text":
            trimmed = _trim(text, a, b)
            if trimmed is not None:
                found.append(Paragraph(*trimmed, _label(text, *trimmed)))
    return found


def layout(text: str, language: str = "en") -> Layout | None:
    """The parts of a statement text, or ``None`` when it holds no paragraph at all."""
    blocks = [(a, b, _kind(text, a, b, language)) for a, b in _blocks(text, 0, len(text))]
    first = next((i for i, block in enumerate(blocks) if block[2] == "text"), None)
    if first is None:
        return None
    last = max(i for i, block in enumerate(blocks) if block[2] == "text")
    title = next(((a, b) for a, b, kind in blocks[:first] if kind == "heading"), None)
    start = _after_dateline(text, blocks[first][0], blocks[first][1])
    trimmed = _trim(text, start, blocks[last][1])
    if trimmed is None:
        return None
    body = trimmed
    signatures = tuple(
        signature
        for a, b, kind in blocks[last + 1 :]
        if kind == "signature"
        for signature in _signatures(text, a, b)
    )
    title_span = _trim(text, *title) if title else None
    return Layout(title_span, body, tuple(paragraphs(text, *body, language)), signatures)


def _kind(text: str, start: int, end: int, language: str) -> str:
    """What a block is: text, heading, signature (a signature block's lines) or empty."""
    block = re.sub(r"<!--.*?-->", "", text[start:end], flags=re.S)
    if not _WORDS.search(block):
        return "empty"
    if _is_signature(block):
        return "signature"
    if all(s.is_heading for s in split(text, start, end, language)):
        return "heading"
    return "text"


def _is_signature(block: str) -> bool:
    """Short lines only, none ending a sentence, and one names a signatory ("For ...")."""
    lines = [line.strip(" \t*_\\") for line in block.strip().splitlines()]
    if not any(_FOR.fullmatch(line) for line in lines):
        return False
    return all(
        len(line.split()) <= _SIGNATURE_LINE_WORDS and not re.search(r"[;!?]$|[^\W_]{3,}\.$", line)
        for line in lines
    )


def _signatures(text: str, start: int, end: int) -> list[Signature]:
    """The signatories of a signature block: each "For ..." line and the lines under it."""
    groups: list[list[tuple[int, int]]] = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        line = _trim(text, start + match.start(), start + match.end())
        if line is None:
            continue
        if _FOR.fullmatch(text[line[0] : line[1]]) or not groups:
            groups.append([])
        groups[-1].append(line)
    out = []
    for lines in groups:
        head = _FOR.fullmatch(text[lines[0][0] : lines[0][1]])
        party = (
            (lines[0][0] + head.start("party"), lines[0][0] + head.end("party")) if head else None
        )
        rest = tuple(lines[1:] if head else lines)
        out.append(Signature(lines[0][0], lines[-1][1], party, rest))
    return out


def _after_dateline(text: str, start: int, end: int) -> int:
    """Where the text of the block starting at ``start`` begins, after a dateline if any."""
    match = _DATELINE.match(text, start, end)
    if match is None or not text[match.end() : end].strip():
        return start
    return match.end()


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``start:end`` without surrounding white space, trailing hard breaks and empty emphasis,
    and inside the quotation marks of a block that is one quotation (or the start or the end of
    one: a quotation mark with no partner in the block); ``None`` if nothing is left."""
    segment = text[start:end]
    head = len(segment) - len(segment.lstrip())
    tail = re.search(r"(?:\s|\\(?=\s*$)|\*{4,})*$", segment)
    stop = tail.start() if tail else len(segment)
    if stop <= head:
        return None
    a, b = start + head, start + stop
    for opening, closing in _QUOTES.items():
        segment = text[a:b]
        opened = segment.count(opening) - (segment.count(closing) if opening != closing else 0)
        inner = segment[1:-1]
        whole = text[a] == opening and text[b - 1] == closing
        if b - a > 2 and whole and opening not in inner and closing not in inner:
            return a + 1, b - 1  # one quotation: the paragraph is inside it
        if opening == closing:
            odd = segment.count(opening) % 2 == 1
            if odd and text[a] == opening:
                a += 1  # a quotation that goes on past this block
            elif odd and text[b - 1] == closing:
                b -= 1  # the end of a quotation opened before this block
        elif opened > 0 and text[a] == opening:
            a += 1
        elif opened < 0 and text[b - 1] == closing:
            b -= 1
    return a, b


def _label(text: str, start: int, end: int) -> str | None:
    match = _LABEL.match(text, start, end)
    return (match.group(1) or match.group(2)) if match else None
