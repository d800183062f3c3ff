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
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import re

    from jointstmt.layout import Layout, Signature
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
    command.add_argument("text", metavar="TEXT", type=Path, help="the statement text (UTF-8)")
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

    language = _language(text)
    laid = layout(text, language)
    if laid is None:
        raise DraftError("the text holds no paragraph to draft from")
    parties, participants, hints = _speakers(text, laid, language)
    subjects = _subject_names(parties, participants)
    clauses = _clauses(text, laid, language, subjects)
    writer = _Writer()
    writer.header(source_path, hints)
    writer.metadata(text, laid, statement_id, language, parties)
    writer.source(source_path, sha256)
    writer.parties(parties)
    writer.participants(participants)
    writer.body(laid)
    writer.clauses(text, clauses)
    return Draft(writer.text(), tuple(clauses))


# --- the speakers: parties and participants ----------------------------------------------------


@dataclass(slots=True)
class _Party:
    id: str
    name: str
    kind: str
    span: tuple[int, int]
    country: str | None = None
    short_name: str | None = None
    review: str = ""


@dataclass(slots=True)
class _Participant:
    id: str
    party: str
    office: str
    rank: str
    review: str
    kind: str = "office"
    person: str | None = None
    span: tuple[int, int] | None = None
    signature: tuple[int, int] | None = None
    role: str | None = None


@dataclass(slots=True)
class _Speakers:
    parties: list[_Party] = field(default_factory=list)
    participants: list[_Participant] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)

    def party(self, name: _Name, text: str, review: str, government: bool = False) -> _Party:
        """The party ``name`` designates, added if new."""
        for party in self.parties:
            if party.id == name.id:
                return party
        kind = "government" if government and name.kind == "state" else name.kind
        party = _Party(
            name.id,
            _one_line(text[name.start : name.end]),
            kind,
            (name.start, name.end),
            name.country,
            name.short_name,
            review,
        )
        self.parties.append(party)
        return party

    def participant(self, party: _Party, office: str, rank: str, review: str) -> _Participant:
        taken = {p.id for p in self.parties} | {p.id for p in self.participants}
        base = _slug(f"{party.id}-{office}")[:60].strip("-")
        ident, n = base, 2
        while ident in taken:
            ident, n = f"{base}-{n}", n + 1
        participant = _Participant(ident, party.id, office, rank, review)
        self.participants.append(participant)
        return participant


def _speakers(
    text: str, laid: Layout, language: str
) -> tuple[list[_Party], list[_Participant], list[str]]:
    """Parties and participants from the opening formula and the signature block."""
    from jointstmt.sentences import split

    found = _Speakers()
    body_start, body_end = laid.body
    first = next((s for s in split(text, body_start, body_end, language) if not s.is_heading), None)
    if first is not None:
        _opening(text, first.start, first.end, found)
    for signature in laid.signatures:
        _signatory(text, signature, found)
    if not found.parties:
        end = first.end if first is not None else body_end
        found.parties.append(
            _Party(
                "issuers",
                "the issuing parties",
                "grouping",
                (body_start, min(end, body_start + 1)),
                review="no party named in the opening formula: name each party "
                "(kind, country), and fix the span",
            )
        )
    return found.parties, found.participants, found.hints


def _opening(text: str, start: int, end: int, found: _Speakers) -> None:
    """The parties and offices named before the first act of the opening sentence."""
    names = _names(text, start, end)
    if not names:
        return
    stop = _act_after(text, names[0].end, end)
    government = "Government" in text[start:stop]
    for name in names:
        if name.end <= stop:
            found.party(name, text, "named in the opening formula; check its kind", government)
    _offices(text, start, stop, [n for n in names if n.end <= stop], found)


def _act_after(text: str, start: int, end: int) -> int:
    """Where the first act (a cue of any clause type, or a verb of meeting) begins."""
    from jointstmt.suggest import first_act

    return first_act(text, start, end)


def _offices(text: str, start: int, end: int, names: list[_Name], found: _Speakers) -> None:
    """The offices named in ``start:end``, each with its party and the person holding it."""
    from jointstmt.model.vocabulary import RANKS_2
    from jointstmt.suggest import first_term

    cursor = start
    while cursor < end:
        match = first_term(RANKS_2, text[cursor:end])
        if match is None:
            return
        term, a, b = match
        office_start, office_end = _office_run(text, cursor + a, cursor + b, end)
        cursor = max(office_end, cursor + b)
        office = _one_line(text[office_start:office_end])
        listed = _listed_after(text, office_end, end, names)
        if listed:
            _list_offices(text, office, term.value, listed, found)
            cursor = listed[-1].end
            continue
        if not office[:1].isupper():
            continue
        person_span = _person(text, office_end, end)
        after = person_span[1] if person_span else office_end
        party_name = _of_party(text, office_end, end, names) or _of_party(text, after, end, names)
        if party_name is not None and person_span is None:
            person_span = _person(text, party_name.end, end)
        demonym = party_name or _demonym(text, office_start, office_end, start)
        span_end = max(after, party_name.end if party_name else 0)
        cursor = max(cursor, span_end)
        person = _one_line(text[person_span[0] : person_span[1]]) if person_span else None
        if demonym is None:
            who = f"{office} {person}" if person else office
            found.hints.append(f"{who}: named in the opening, but the text gives no party")
            continue
        party = found.party(demonym, text, "named with a participant's office; check its kind")
        participant = found.participant(
            party, office, term.value, f"rank suggested by {term.value!r} cue"
        )
        participant.person = person
        participant.span = (office_start, span_end)


def _list_offices(text: str, office: str, rank: str, listed: list[_Name], found: _Speakers) -> None:
    """ "the Leaders of A, B and C": one office per party listed, or one delegation for a grouping."""
    single = len(listed) == 1 and listed[0].kind in ("grouping", "organization")
    delegation = rank == "delegation" or single
    for name in listed:
        party = found.party(name, text, "named in the opening formula; check its kind")
        styled = office if delegation else _singular(office)
        participant = found.participant(
            party,
            styled,
            "delegation" if delegation else rank,
            "one participant per party listed after the office",
        )
        if delegation:
            participant.kind = "delegation"


def _signatory(text: str, signature: Signature, found: _Speakers) -> None:
    """A signature block's signatory: its party (from "For ..."), office and name."""
    from jointstmt.model.vocabulary import RANKS_2
    from jointstmt.suggest import first_term

    names = _names(text, *signature.party) if signature.party else []
    if names:
        party = found.party(names[0], text, "named in the signature block; check its kind")
    elif signature.party:
        a, b = signature.party
        name = _Name(a, b, _slug(text[a:b])[:40].strip("-") or "signatory", "state")
        party = found.party(name, text, "named in the signature block; check its kind and country")
    else:
        return
    office, rank, person = "Signatory", "not_stated", None
    for a, b in signature.lines:
        line = _one_line(text[a:b])
        term = first_term(RANKS_2, line)
        if term is not None and rank == "not_stated":
            office, rank = line, term[0].value
        elif person is None:
            person = line
    match = next(
        (p for p in found.participants if p.party == party.id and p.signature is None), None
    )
    if match is None:
        match = found.participant(party, office, rank, "from the signature block")
        match.person = person
    match.signature = (signature.start, signature.end)
    match.role = "signatory"


# --- names: countries, organizations, groupings ------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Name:
    start: int
    end: int
    id: str
    kind: str
    country: str | None = None
    short_name: str | None = None


#: Forms diplomatic texts use that ISO 3166's short names do not.
_COUNTRY_FORMS = {
    **dict.fromkeys(("United States of America", "United States", "U.S.", "USA"), "US"),
    **dict.fromkeys(("Republic of Korea", "ROK", "South Korea"), "KR"),
    **dict.fromkeys(("Russian Federation", "Russia"), "RU"),
    **dict.fromkeys(("United Kingdom", "UK", "U.K.", "Great Britain", "Britain"), "GB"),
    **dict.fromkeys(("Czech Republic", "Czechia"), "CZ"),
    **dict.fromkeys(("Türkiye", "Turkey"), "TR"),
    **dict.fromkeys(("Vietnam", "Viet Nam"), "VN"),
    **dict.fromkeys(("UAE", "U.A.E."), "AE"),
    "Netherlands": "NL",
    "Iran": "IR",
    "Syria": "SY",
    "Venezuela": "VE",
    "Bolivia": "BO",
    "Tanzania": "TZ",
    "Laos": "LA",
    "Moldova": "MD",
    "Brunei": "BN",
    "Argentine Republic": "AR",
    "French Republic": "FR",
    "Italian Republic": "IT",
    "Hellenic Republic": "GR",
    "Portuguese Republic": "PT",
    "United Mexican States": "MX",
    "Swiss Confederation": "CH",
}
#: Adjectives that name a country before an office ("Israeli National Security Advisor").
_DEMONYMS = {
    **dict.fromkeys(("U.S.", "American", "US"), "US"),
    "Israeli": "IL",
    "Mexican": "MX",
    "Canadian": "CA",
    "Russian": "RU",
    "French": "FR",
    "German": "DE",
    "Japanese": "JP",
    "British": "GB",
    "Australian": "AU",
    "Indian": "IN",
    "Chinese": "CN",
    "Saudi": "SA",
    "Emirati": "AE",
    "Bahraini": "BH",
    "Ukrainian": "UA",
    "Danish": "DK",
    "Dutch": "NL",
    "Italian": "IT",
    "Spanish": "ES",
    "Brazilian": "BR",
    "Indonesian": "ID",
    "Egyptian": "EG",
    "Qatari": "QA",
    "Jordanian": "JO",
    "Turkish": "TR",
    "Polish": "PL",
    "Lebanese": "LB",
    "Korean": "KR",
    "ROK": "KR",
}
#: Organizations and groupings: the forms the text may use, id, kind.
_ORGANIZATIONS = (
    (("European Union", "EU"), "eu", "organization"),
    (("European Commission",), "european-commission", "organ"),
    (("Association of Southeast Asian Nations", "ASEAN"), "asean", "organization"),
    (("United Nations Security Council", "UN Security Council"), "unsc", "organ"),
    (("United Nations",), "un", "organization"),
    (("African Union",), "african-union", "organization"),
    (("North Atlantic Treaty Organization", "NATO"), "nato", "organization"),
    (("Organization of American States",), "oas", "organization"),
    (("Gulf Cooperation Council",), "gcc", "organization"),
    (("Pacific Islands Forum",), "pif", "organization"),
    (("Group of Seven", "G7"), "g7", "grouping"),
    (("Group of Twenty", "G20"), "g20", "grouping"),
)
#: A state's formal style before its name ("the Federative Republic of Brazil").
_FORMAL = (
    r"(?:(?:Federative|Oriental|Co[-\u2010\u2011]?operative|Islamic|Democratic|Federal|"
    r"Socialist|Plurinational|Bolivarian|Hashemite|Arab|People['\u2019]s|United)\s+)*"
    r"(?:Republic|Kingdom|State|Commonwealth|Sultanate|Federation|Principality|"
    r"Grand\s+Duchy|Emirate)\s+of\s+(?:the\s+)?"
)
_GROUPING = (
    r"(?:[A-Z][\w-]*\s+)*(?:Coalition|Group|Alliance|Partnership|Initiative|Quad)"
    r"(?:\s+(?:for|of|on)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?"
)


def _names(text: str, start: int, end: int) -> list[_Name]:
    """The parties' names in ``text[start:end]``, in order, each once."""
    pattern, forms = _name_pattern()
    out: list[_Name] = []
    for match in pattern.finditer(text, start, end):
        bare = match.group("name")
        if bare is None:
            grouping = match.group("grouping")
            ident = _slug(grouping.removeprefix("the "))[:40].strip("-")
            name = _Name(match.start(), match.end("grouping"), ident, "grouping")
        else:
            ident, kind, country = forms[_form_key(bare)]
            short = match.group("short")
            name = _Name(match.start(), match.end("name"), ident, kind, country, short)
        if all(n.id != name.id for n in out):
            out.append(name)
    return out


def _form_key(name: str) -> str:
    return " ".join(name.replace("\u2011", "-").replace("\u2010", "-").split())


@cache
def _name_pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, str, str | None]]]:
    """One pattern for every name form (built once): countries, organizations, groupings."""
    import re

    from jointstmt.model._iso3166 import COUNTRIES

    codes: dict[str, set[str]] = {}
    for code, name in COUNTRIES.items():
        bare = name.split(" (")[0]
        head, _, style = bare.partition(", ")
        for form in (bare, head, f"{style} {head}" if style else ""):
            if form and "," not in form:
                codes.setdefault(form, set()).add(code)
    for form, code in _COUNTRY_FORMS.items():
        codes[form] = {code}
    forms: dict[str, tuple[str, str, str | None]] = {
        form: (next(iter(c)).lower(), "state", next(iter(c)))
        for form, c in codes.items()
        if len(c) == 1  # "Korea" alone could be either
    }
    for names, ident, kind in _ORGANIZATIONS:
        forms.update(dict.fromkeys(names, (ident, kind, None)))
    alternatives = "|".join(
        r"[\s\u00a0]+".join(re.escape(w).replace("\\-", "[-\u2010\u2011]") for w in f.split())
        for f in sorted(forms, key=len, reverse=True)
    )
    pattern = re.compile(
        rf"(?<![\w.])(?:the\s+)?(?:(?:{_FORMAL})?(?P<name>{alternatives})(?![\w\u2011-])"
        rf"(?:\s*\((?:the\s+)?(?P<short>[^()\n]{{1,40}})\))?|(?P<grouping>the\s+{_GROUPING}))"
    )
    return pattern, forms


def _listed_after(text: str, start: int, end: int, names: list[_Name]) -> list[_Name]:
    """The names listed right after an office: "of A, B, and C" (``[]`` if none)."""
    import re

    opening = re.compile(r"\s+(?:of|de|du|des)\s+", re.IGNORECASE).match(text, start, end)
    if opening is None:
        return []
    listed: list[_Name] = []
    cursor = opening.end()
    for name in names:
        if name.start < cursor:
            continue
        gap = text[cursor : name.start]
        if listed and not re.fullmatch(r",?\s*(?:and\s+|et\s+|de\s+|du\s+|la\s+)*", gap):
            break
        if not listed and gap.strip():
            break
        listed.append(name)
        cursor = name.end + len(_parenthesis(text, name.end, end))
    return listed


def _parenthesis(text: str, start: int, end: int) -> str:
    import re

    match = re.compile(r"\s*\([^()\n]{1,40}\)").match(text, start, end)
    return match.group() if match else ""


def _of_party(text: str, start: int, end: int, names: list[_Name]) -> _Name | None:
    """The name after "of" at ``start`` ("President of the United States of America ...")."""
    import re

    opening = re.compile(r"\s+of\s+").match(text, start, end)
    if opening is None:
        return None
    return next((n for n in names if n.start == opening.end()), None) or next(
        (
            n
            for n in names
            if n.start == opening.end() - 4 and text[n.start : n.start + 4] == "the "
        ),
        None,
    )


def _demonym(text: str, start: int, end: int, floor: int) -> _Name | None:
    """A country named by an adjective before or inside an office ("Israeli ... Advisor")."""
    import re

    words = re.compile(r"[A-Z][\w.]*").finditer(text, max(floor, start - 12), end)
    for word in words:
        code = _DEMONYMS.get(word.group()) or _DEMONYMS.get(word.group().rstrip("."))
        if code is not None:
            return _Name(word.start(), word.end(), code.lower(), "state", code)
    return None


#: Words an office's title is made of, besides its rank cue ("National Security Advisor").
_OFFICE_WORDS = frozenset(
    (
        *("Affairs", "Security", "State", "Defense", "Defence", "Foreign", "Intelligence"),
        *("Council", "Commission", "Trade", "Finance", "Commerce", "Energy", "Homeland"),
        *("National", "Assistant", "Deputy", "Vice", "Chief", "Senior", "Special", "First"),
        *("Staff", "Cabinet", "Counselor", "Principal", "Bureau", "International", "General"),
        *("Advisor", "Adviser", "Secretary", "Minister", "Ministers", "President", "Prime"),
        *("Representative", "Representatives", "Ambassador", "Envoy", "Director", "Officer"),
        *("Leader", "Leaders", "Head", "Heads", "Government", "Governments", "Crown", "Prince"),
        *("High", "Permanent", "Economic", "Political", "Narcotics", "Law", "Enforcement"),
        *("Russian", "Security", "Advisors", "Advisers", "Co-leaders", "co-leaders", "leaders"),
    )
)
_CONNECTORS = frozenset(("of", "for", "to", "the", "and", "or"))


def _office_run(text: str, start: int, end: int, limit: int) -> tuple[int, int]:
    """The whole title around a rank cue found at ``start:end``: office words to either side."""
    import re

    words = list(re.compile(r"[\w.'\u2019-]+").finditer(text, 0, limit))
    index = next(i for i, w in enumerate(words) if w.end() > start)
    first = index
    while (
        first > 0
        and words[first - 1].group() in _OFFICE_WORDS
        and words[first - 1].group()[0].isupper()
    ):
        first -= 1
    last = index
    while last + 1 < len(words) and words[last + 1].start() < end:
        last += 1
    probe = last + 1
    while probe < len(words):
        word = words[probe].group()
        if word in _OFFICE_WORDS and not _is_country_at(text, words[probe].start(), limit):
            last = probe
            probe += 1
        elif word in _CONNECTORS:
            probe += 1
        else:
            break
    return words[first].start(), words[last].end()


def _is_country_at(text: str, start: int, end: int) -> bool:
    pattern, _ = _name_pattern()
    match = pattern.match(text, start, end)
    return match is not None and match.group("name") is not None


_PERSON = (
    r"[ \t\n]+(?:(?:Dr|Mr|Ms|Mrs|H\.E|Sir)\.?[ \t\n]+)?"
    r"(?P<person>[A-Z][\w'\u2019-]*\.?(?:[ \t\n]+(?:[A-Z][\w'\u2019-]*\.?|bin|bint|ibn|al|de|da"
    r"|van|von|der|del|la|le)){0,5})"
)


def _person(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The person's name after an office ("... Advisor Dr. Eyal Hulata"), if one follows."""
    import re

    match = re.compile(_PERSON).match(text, start, end)
    if match is None:
        return None
    name = match.group("person")
    words = name.split()
    while words and words[-1] in ("of", "de", "la", "le", "da", "del", "der", "al"):
        words.pop()
    if not words or words[0] in _OFFICE_WORDS or _is_country_at(text, match.start("person"), end):
        return None
    stop = match.start("person") + len(" ".join(words)) if "\n" not in name else None
    if stop is None:  # a name wrapped over two lines: measure it in the text itself
        stop = match.start("person")
        for word in words:
            stop = text.index(word, stop) + len(word)
    return match.start("person"), stop


def _singular(office: str) -> str:
    """ "Leaders" -> "Leader", "Heads of State" -> "Head of State": a title for one office."""
    plural = {"Leaders": "Leader", "Heads": "Head", "Advisors": "Advisor", "Advisers": "Adviser"}
    plural |= {"Ministers": "Minister", "Presidents": "President", "leaders": "leader"}
    plural |= {"Secretaries": "Secretary", "Ambassadors": "Ambassador"}
    return " ".join(plural.get(word, word) for word in office.split())


def _subject_names(parties: list[_Party], participants: list[_Participant]) -> tuple[str, ...]:
    """The words that may stand for the speakers: names, short names, offices, surnames."""
    names: list[str] = []
    for party in parties:
        names += [party.name, party.short_name or ""]
        if party.country:
            names += [k for k, v in _COUNTRY_FORMS.items() if v == party.country]
            names += [k for k, v in _DEMONYMS.items() if v == party.country and k.isupper()]
    for participant in participants:
        names += [f"{participant.office}"]
        if participant.person:
            names += [participant.person, participant.person.split()[-1]]
    return tuple(sorted({n for n in names if n}))


# --- clauses --------------------------------------------------------------------------------


def _clauses(
    text: str, laid: Layout, language: str, subjects: tuple[str, ...]
) -> list[DraftClause]:
    """One clause per sentence of each paragraph, or per coordinated act of a sentence."""
    import re

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
        pieces.append((*laid.body, 1 if laid.paragraphs else 0))
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
_LEAD = r"^(?:[\s*_#>\\\-\u2022\u2013]|\(?(?:[0-9]{1,3}|[a-z]|[ivx]{1,4})[.)](?=\s)|[0-9]{1,3}(?=[*\s]))*"


def _lead(sentence: str) -> int:
    import re

    return len(re.match(_LEAD, sentence).group())  # type: ignore[union-attr]


def _tail(sentence: str) -> int:
    """Trailing markup after the last word or closing punctuation (" ****", "**")."""
    import re

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
    import re

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
    import re

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
    import re

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
        self, text: str, laid: Layout, ident: str, language: str, parties: list[_Party]
    ) -> None:
        from jointstmt.model.vocabulary import DOCUMENT_TYPES_2
        from jointstmt.suggest import clean, first_term

        if laid.title is not None:
            title, why = clean(text[laid.title[0] : laid.title[1]]), "the title line of the text"
        else:
            title = "Joint statement of " + _enumerate([p.name for p in parties])
            why = "the text has no title line: put the publisher's title"
        found = first_term(DOCUMENT_TYPES_2, title)
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

    def parties(self, parties: list[_Party]) -> None:
        self.lines += ["", "parties:"]
        for party in parties:
            self.add(f"  - id: {party.id}")
            self.add(f"    name: {_quoted(party.name)}", party.review)
            if party.short_name:
                self.add(f"    short_name: {_quoted(party.short_name)}")
            self.add(f"    kind: {party.kind}")
            if party.country:
                self.add(f"    country: {party.country}")
            self.add(f"    span: {_span(party.span)}")

    def participants(self, participants: list[_Participant]) -> None:
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
    import re

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


def _one_line(text: str) -> str:
    import re

    return " ".join(re.sub(r"[*_]+", "", text).split())


def _enumerate(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _slug(text: str) -> str:
    import re
    import unicodedata

    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


# --- the command -------------------------------------------------------------------------------


def _run(args: argparse.Namespace) -> int:
    import hashlib
    import os

    from jointstmt.fileio import ReadError, atomic_write, read_file, reason
    from jointstmt.limits import MAX_SOURCE_BYTES
    from jointstmt.terminal import safe
    from jointstmt.validation import check_bytes

    source: Path = args.text
    output: Path = args.output or source.with_suffix(".yaml")
    name = safe(str(source))
    if not source.exists():
        print(f"jointstmt new: no such file: {name}", file=sys.stderr)
        return 2
    ident = args.id if args.id is not None else (_slug(source.stem) or "statement")
    if not _is_slug(ident):
        print(
            f"jointstmt new: --id {safe(ident)!r} is not a slug (lower-case letters, digits, "
            "single hyphens)",
            file=sys.stderr,
        )
        return 2
    relative = os.path.relpath(source.resolve(), output.resolve().parent)
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
        print(f"jointstmt new: {name}: {error}", file=sys.stderr)
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
    print(
        f"{safe(str(output))}: {len(made.clauses)} clauses drafted, {reviews} suggestions to review"
    )
    return 1 if findings else 0


def _is_slug(text: str) -> bool:
    import re

    return re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", text) is not None
