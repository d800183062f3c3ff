"""Who speaks in a statement text: the parties and participants its opening formula and signature
block name, for ``jointstmt new`` to draft.

Rules, not a model, and nothing from outside the text:

* **Names.** A party is named as ISO 3166 names a country ("Japan"), in a form
  diplomatic texts use ("the United States of America", "ROK", "the Argentine
  Republic", "the Federative Republic of Brazil"), as an organization or grouping
  ("the European Union", "the Group of Seven (G7)"), or as a coalition ("the Air
  Force Capability Coalition for Ukraine"). A short name in parentheses after it
  is its ``short_name``.
* **The opening formula** is the first sentence up to its first act (a clause
  type's cue, or "met", "spoke"): its names are the parties ("Government" in it
  makes states governments). An office in it (a rank's cue: "President",
  "National Security Advisor") is a participant when a party goes with it:
  "President X of A", "President of A X", "Israeli National Security Advisor X",
  or "the Leaders of A, B and C" (one participant per party; one delegation for a
  single grouping). An office with no party is a hint for the reviewer.
* **A signature block** ("For the Government of Japan:", then a name and an office)
  gives each signatory, with the block's lines as its ``signature`` span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jointstmt.layout import Layout, Signature


@dataclass(slots=True)
class Party:
    """A party the draft names: id, name as the text gives it, kind, where, and why."""

    id: str
    name: str
    kind: str
    span: tuple[int, int] | None
    country: str | None = None
    short_name: str | None = None
    review: str = ""


@dataclass(slots=True)
class Participant:
    """A participant the draft names: office, rank, party, person, where, and why."""

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
class Speakers:
    """What a text says about who speaks; ``hints`` are offices found with no party."""

    parties: list[Party] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)

    def party(self, name: _Name, text: str, review: str, government: bool = False) -> Party:
        """The party ``name`` designates, added if new. A country named only by an adjective
        ("Israeli") gets its own name and no span, until the text names it as a noun."""
        wording = _one_line(text[name.start : name.end])
        for party in self.parties:
            if party.id == name.id:
                if party.span is None and not name.adjective:
                    party.name, party.span, party.review = wording, (name.start, name.end), review
                return party
        kind = "government" if government and name.kind == "state" else name.kind
        if name.adjective and name.country:
            review = (
                f"named only by an adjective ({wording!r}) before an office: check the name, and "
                "add a span where the text names the state, if it does"
            )
            wording = _country_name(name.country)
        party = Party(
            name.id,
            wording,
            kind,
            None if name.adjective else (name.start, name.end),
            name.country,
            name.short_name,
            review,
        )
        self.parties.append(party)
        return party

    def participant(self, party: Party, office: str, rank: str, review: str) -> Participant:
        taken = {p.id for p in self.parties} | {p.id for p in self.participants}
        base = slug(f"{party.id}-{office}")[:60].strip("-")
        ident, n = base, 2
        while ident in taken:
            ident, n = f"{base}-{n}", n + 1
        participant = Participant(ident, party.id, office, rank, review)
        self.participants.append(participant)
        return participant

    def subjects(self) -> tuple[str, ...]:
        """The words that may stand for the speakers: names, short names, offices, surnames."""
        names: list[str] = []
        for party in self.parties:
            names += [party.name, party.short_name or ""]
            if party.country:
                names += [k for k, v in _COUNTRY_FORMS.items() if v == party.country]
                names += [k for k, v in _DEMONYMS.items() if v == party.country and k.isupper()]
        for participant in self.participants:
            names += [participant.office]
            if participant.person:
                names += [participant.person, participant.person.split()[-1]]
        return tuple(sorted({n for n in names if n}))


def find_speakers(text: str, laid: Layout, language: str) -> Speakers:
    """Parties and participants from the opening formula and the signature block; a placeholder
    party to review when the text names none (a statement has at least one)."""
    from jointstmt.sentences import split

    found = Speakers()
    body_start, body_end = laid.body
    first = next((s for s in split(text, body_start, body_end, language) if not s.is_heading), None)
    if first is not None:
        _opening(text, first.start, first.end, found)
    for signature in laid.signatures:
        _signatory(text, signature, found)
    if not found.parties:
        end = first.end if first is not None else body_end
        found.parties.append(
            Party(
                "issuers",
                "the issuing parties",
                "grouping",
                (body_start, min(end, body_start + 1)),
                review="no party named in the opening formula: name each party "
                "(kind, country), and fix the span",
            )
        )
    return found


def _opening(text: str, start: int, end: int, found: Speakers) -> None:
    """The parties and offices named before the first act of the opening sentence."""
    names = _names(text, start, end)
    stop = _act_after(text, names[0].end if names else start, end)
    names = [_as_adjective(text, n, stop) for n in names if n.end <= stop]
    government = "Government" in text[start:stop]
    for name in names:
        found.party(name, text, "named in the opening formula; check its kind", government)
    _offices(text, start, stop, names, found)


def _as_adjective(text: str, name: _Name, end: int) -> _Name:
    """``name`` marked as an adjective when an office follows it ("U.S. National Security ...")."""
    following = re.compile(r"\s+([\w-]+)").match(text, name.end, end)
    if following is None or following.group(1) not in _OFFICE_WORDS:
        return name
    return replace(name, adjective=True)


def _act_after(text: str, start: int, end: int) -> int:
    """Where the first act (a cue of any clause type, or a verb of meeting) begins."""
    from jointstmt.suggest import first_act

    return first_act(text, start, end)


def _offices(text: str, start: int, end: int, names: list[_Name], found: Speakers) -> None:
    """The offices named in ``start:end``, each with its party and the person holding it."""
    from jointstmt.model.vocabulary import RANKS_2
    from jointstmt.suggest import first_term

    cursor = start
    while cursor < end:
        match = first_term(RANKS_2, text[cursor:end])
        if match is None:
            return
        term, a, b = match
        if not _is_office_word(text[cursor:end][a:b].split()[-1]) or text[
            cursor + b : cursor + b + 1
        ] in ("'", "\u2019"):  # "Kingdom" is no king; "Leaders' Summit" is no leader
            cursor += b
            continue
        office_start, office_end = _office_run(text, cursor + a, cursor + b, end)
        cursor = max(office_end, cursor + b)
        office = _one_line(text[office_start:office_end])
        listed = _listed_after(text, office_end, end, names)
        one = len(listed) == 1 and listed[0].kind == "state" and not office.endswith("s")
        if listed and not one:  # "the Leaders of A, B and C"; "President of A X" goes below
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
        span_end = max(
            after, party_name.end if party_name else 0, person_span[1] if person_span else 0
        )
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


def _list_offices(text: str, office: str, rank: str, listed: list[_Name], found: Speakers) -> None:
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


def _signatory(text: str, signature: Signature, found: Speakers) -> None:
    """A signature block's signatory: its party (from "For ..."), office and name."""
    from jointstmt.model.vocabulary import RANKS_2
    from jointstmt.suggest import first_term

    names = _names(text, *signature.party) if signature.party else []
    if names:
        party = found.party(names[0], text, "named in the signature block; check its kind")
    elif signature.party:
        a, b = signature.party
        name = _Name(a, b, slug(text[a:b])[:40].strip("-") or "signatory", "state")
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
    adjective: bool = False


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
            ident = slug(grouping.removeprefix("the "))[:40].strip("-")
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
    match = re.compile(r"\s*\([^()\n]{1,40}\)").match(text, start, end)
    return match.group() if match else ""


def _of_party(text: str, start: int, end: int, names: list[_Name]) -> _Name | None:
    """The name after "of" at ``start`` ("President of the United States of America ...")."""
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
    words = re.compile(r"[A-Z][\w.]*").finditer(text, max(floor, start - 12), end)
    for word in words:
        code = _DEMONYMS.get(word.group()) or _DEMONYMS.get(word.group().rstrip("."))
        if code is not None:
            return _Name(word.start(), word.end(), code.lower(), "state", code, adjective=True)
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


def _is_office_word(word: str) -> bool:
    """Whether ``word`` names an office: a word of a rank's cue (or its plural), or an office word."""
    return word in _OFFICE_WORDS or word.lower() in _rank_words()


@cache
def _rank_words() -> frozenset[str]:
    from jointstmt.model.vocabulary import RANKS_2

    words = {word for term in RANKS_2 for cue in term.cues for word in cue.split()}
    return frozenset(words | {f"{word}s" for word in words})


#: Canonical names of the countries whose ISO 3166 short name reads oddly in a title.
_COUNTRY_NAMES = {
    "US": "the United States",
    "GB": "the United Kingdom",
    "KR": "the Republic of Korea",
    "RU": "Russia",
    "AE": "the United Arab Emirates",
    "NL": "the Netherlands",
}


def _country_name(code: str) -> str:
    from jointstmt.model._iso3166 import COUNTRIES

    if code in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[code]
    head, _, style = COUNTRIES[code].split(" (")[0].partition(", ")
    return f"{style} {head}" if style else head


_CONNECTORS = frozenset(("of", "for", "to", "the", "and", "or"))


def _office_run(text: str, start: int, end: int, limit: int) -> tuple[int, int]:
    """The whole title around a rank cue found at ``start:end``: office words to either side."""
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
    """The person's name after an office ("... Advisor Dr. Eyal Hulata"), if one follows: two
    words at least, so that a capitalized noun ("Summit") is not taken for a name."""
    match = re.compile(_PERSON).match(text, start, end)
    if match is None:
        return None
    name = match.group("person")
    words = name.split()
    while words and words[-1] in ("of", "de", "la", "le", "da", "del", "der", "al"):
        words.pop()
    if (
        len(words) < 2
        or words[0] in _OFFICE_WORDS
        or _is_country_at(text, match.start("person"), end)
    ):
        return None
    stop = match.start("person")
    for word in words:  # the words as the text spaces them (a name may wrap)
        stop = text.index(word, stop) + len(word)
    return match.start("person"), stop


def _singular(office: str) -> str:
    """ "Leaders" -> "Leader", "Heads of State" -> "Head of State": a title for one office."""
    plural = {"Leaders": "Leader", "Heads": "Head", "Advisors": "Advisor", "Advisers": "Adviser"}
    plural |= {"Ministers": "Minister", "Presidents": "President", "leaders": "leader"}
    plural |= {"Secretaries": "Secretary", "Ambassadors": "Ambassador"}
    return " ".join(plural.get(word, word) for word in office.split())


def _one_line(text: str) -> str:
    return " ".join(re.sub(r"[*_]+", "", text).split())


def slug(text: str) -> str:
    import unicodedata

    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
