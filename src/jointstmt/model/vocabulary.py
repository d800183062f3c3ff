"""The controlled vocabularies of the statement model, as data.

Each vocabulary is the one place where its values and their definitions live:
the models validate against it, the JSON Schema carries each value with its
definition (``oneOf`` of ``const`` + ``description``), and the README tables are
rendered from it (``python -m jointstmt.model.vocabulary``). Adding a value here
is a backward-compatible change; removing or renaming one is not.

Clause types also carry their nearest event codes in CAMEO (Conflict and
Mediation Event Observations, Schrodt 2012) and PLOVER (Political Language
Ontology for Verifiable Event Records, 2019), so that typed clauses can be
compared with event data. PLOVER has no category for purely expressive
statements; those have no PLOVER code.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Term:
    """One value of a vocabulary with its one-line definition."""

    value: str
    definition: str
    cameo: tuple[str, ...] = ()
    plover: tuple[str, ...] = ()

    def describe(self) -> str:
        """The definition, with the event-code crosswalk where there is one."""
        codes = []
        if self.cameo:
            codes.append("CAMEO " + ", ".join(self.cameo))
        if self.plover:
            codes.append("PLOVER " + ", ".join(self.plover))
        return self.definition + (f" ({'; '.join(codes)})" if codes else "")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """A named, ordered set of terms."""

    name: str
    definition: str
    terms: tuple[Term, ...]

    def __post_init__(self) -> None:
        values = [t.value for t in self.terms]
        if len(values) != len(set(values)):
            raise ValueError(f"vocabulary {self.name} repeats a value")

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def __contains__(self, value: object) -> bool:
        return any(t.value == value for t in self.terms)

    @property
    def values(self) -> tuple[str, ...]:
        """The values in their documented order."""
        return tuple(t.value for t in self.terms)

    def __getitem__(self, value: str) -> Term:
        for term in self.terms:
            if term.value == value:
                return term
        raise KeyError(value)


def _v(name: str, definition: str, *terms: Term) -> Vocabulary:
    return Vocabulary(name, definition, terms)


DOCUMENT_TYPES = _v(
    "document_type",
    "What kind of document the statement is, as its issuers style it.",
    Term("joint_statement", "A statement issued jointly by the participants in their own names."),
    Term("joint_declaration", "A joint statement styled as a declaration, usually of principles."),
    Term("joint_communique", "A formal joint communiqué recording the outcome of a meeting."),
    Term("joint_press_statement", "A joint statement addressed to the press after a meeting."),
    Term("joint_press_release", "A press release issued jointly by the participants."),
    Term("joint_vision_statement", "A joint statement setting out a long-term shared vision."),
    Term(
        "fact_sheet",
        "A list of outcomes or deliverables published alongside or instead of a statement.",
    ),
    Term("chairs_statement", "A statement issued by a meeting's chair on the meeting's behalf."),
    Term("leaders_statement", "A statement issued in the names of heads of state or government."),
)

MEETING_FORMATS = _v(
    "meeting_format",
    "How many parties met, and in what setting.",
    Term("bilateral", "Two parties."),
    Term("trilateral", "Three parties."),
    Term("quadrilateral", "Four parties."),
    Term("plurilateral", "Five or more parties meeting outside a standing organization."),
    Term("multilateral", "A meeting of, or convened by, an international organization or forum."),
)

MEETING_LEVELS = _v(
    "meeting_level",
    "The normalized rank of a meeting: the highest rank at which all parties took part.",
    Term("leaders", "Heads of state or government (a summit)."),
    Term("ministerial", "Ministers (foreign, defense, trade, ...) or their equivalents."),
    Term("vice_ministerial", "Deputy or vice ministers, deputy secretaries, state secretaries."),
    Term(
        "senior_officials",
        "Senior officials below vice-minister (assistant secretaries, directors-general).",
    ),
    Term("working_level", "Working-level officials or experts."),
)

MEETING_MODES = _v(
    "meeting_mode",
    "Whether the participants met in person.",
    Term("in_person", "All participants met in one place."),
    Term("virtual", "The participants met by video or telephone."),
    Term("hybrid", "Some participants met in person, others joined remotely."),
)

RANKS = _v(
    "rank",
    "The normalized rank of an office, whatever its local style.",
    Term("head_of_state", "A head of state (president, monarch, governor-general acting as such)."),
    Term("head_of_government", "A head of government (prime minister, chancellor, premier)."),
    Term(
        "deputy_head_of_government",
        "A deputy head of government (vice-president, deputy prime minister).",
    ),
    Term(
        "minister",
        "A cabinet minister or secretary (e.g. Secretary of State, Minister for Foreign Affairs).",
    ),
    Term(
        "vice_minister",
        "A vice-minister or deputy (e.g. Deputy Secretary of State, Vice-Minister for Foreign Affairs).",
    ),
    Term(
        "senior_official",
        "A senior official below vice-minister (assistant secretary, director-general, special envoy).",
    ),
    Term("ambassador", "A head of diplomatic mission or permanent representative."),
    Term(
        "head_of_organization",
        "The head of an international organization (secretary-general, president).",
    ),
    Term("official", "Any other official."),
)

ENTITY_KINDS = _v(
    "entity_kind",
    "What kind of party or thing a statement refers to.",
    Term("state", "A sovereign state or its government."),
    Term("organization", "An international, regional or non-governmental organization or forum."),
    Term("program", "A programme, initiative, partnership or project."),
    Term("agreement", "A treaty, agreement, resolution, declaration or strategy document."),
    Term("event", "A meeting, summit, conference or incident."),
    Term("region", "A geographic region or body of water."),
    Term(
        "group",
        "A group of people (e.g. abductees, detainees) or of states not formally organized.",
    ),
    Term("company", "A company or other private body."),
    Term("institution", "A university, agency or other institution."),
)

SOURCE_ROLES = _v(
    "source_role",
    "What a source is used for.",
    Term("statement_text", "The statement's text, shipped beside the YAML; spans index into it."),
    Term("reference", "An outside source for facts the statement text does not state."),
)

VERIFICATION_STATUSES = _v(
    "verification",
    "How a paragraph of the shipped text compares with the official release.",
    Term("identical", "Checked against the official release: identical."),
    Term(
        "minor_differences",
        "Checked: differs from the official release in punctuation or wording only.",
    ),
    Term("paraphrased", "Checked: the shipped text paraphrases or abridges the official release."),
    Term("unverified", "Not checked against the official release."),
)

CLAUSE_TYPES = _v(
    "clause_type",
    "What a clause does: the speech act of the parties who make it.",
    Term(
        "reaffirmation",
        "The parties restate a position, commitment or principle they have stated before.",
        ("010",),
    ),
    Term(
        "commitment",
        "The parties undertake to do something, or to continue doing it.",
        ("030", "031", "032", "033", "034", "035", "036"),
        ("AGREE",),
    ),
    Term(
        "condemnation",
        "The parties denounce an act or actor in strong terms.",
        ("111",),
        ("ACCUSE",),
    ),
    Term(
        "welcome",
        "The parties express approval of a development, initiative or act of others or of their own.",
        ("051",),
        ("SUPPORT",),
    ),
    Term(
        "concern",
        "The parties express worry or concern about a situation or an actor's conduct.",
        ("012", "110"),
        ("ACCUSE",),
    ),
    Term(
        "opposition",
        "The parties state that they oppose or reject an act, claim or policy.",
        ("110", "120"),
        ("ACCUSE", "REJECT"),
    ),
    Term(
        "support",
        "The parties back an initiative, goal, process or party.",
        ("051",),
        ("SUPPORT",),
    ),
    Term(
        "call",
        "The parties call on, urge or encourage another party (or all parties) to act.",
        ("020", "021", "022", "023", "024", "025", "026", "027"),
        ("REQUEST",),
    ),
    Term(
        "recognition",
        "The parties recognize or affirm the importance, validity or truth of a principle or fact.",
        ("019",),
    ),
    Term(
        "acknowledgement",
        "The parties note a fact or development without evaluating it.",
        ("010",),
    ),
    Term(
        "position_statement",
        "The parties state a standing position or assessment that is neither a new undertaking nor a restatement flagged as such.",
        ("010",),
    ),
    Term(
        "condolence",
        "The parties express condolences or sympathy for a loss.",
        ("018",),
    ),
    Term(
        "unilateral_assurance",
        "One party assures the others of its own commitment (e.g. to their defense).",
        ("0334",),
        ("AGREE",),
    ),
    Term(
        "instruction",
        "The parties direct their own officials or teams to carry out a task.",
        ("030",),
        ("AGREE",),
    ),
    Term(
        "future_meeting",
        "The parties announce or look forward to a further meeting.",
        ("036",),
        ("AGREE",),
    ),
    Term(
        "report_of_action",
        "The parties, or one of them, report an action already taken or under way.",
        ("010",),
    ),
    Term(
        "appreciation",
        "The parties thank or praise another party for its conduct or contribution.",
        ("051",),
        ("SUPPORT",),
    ),
)

TOPICS = _v(
    "topic",
    "What a clause is about. A clause may have several topics.",
    Term(
        "partnership",
        "The relationship between the participants itself: its value, spirit and institutions.",
    ),
    Term("regional_security", "Peace, stability and security of a region."),
    Term(
        "maritime_security",
        "Security at sea, maritime claims, law enforcement at sea and freedom of navigation.",
    ),
    Term("cross_strait_relations", "Peace and stability across the Taiwan Strait."),
    Term(
        "deterrence", "Defense commitments, alliances and extended (including nuclear) deterrence."
    ),
    Term(
        "nonproliferation",
        "Nuclear and missile programmes, denuclearization, nonproliferation and UN sanctions.",
    ),
    Term("human_rights", "Human rights, abductions, detainees and prisoners of war."),
    Term(
        "sanctions_and_illicit_finance",
        "Sanctions enforcement, illicit revenue generation and arms transfers.",
    ),
    Term("cybersecurity", "Malicious cyber activity and the security of networks."),
    Term("war_in_ukraine", "Russia's war against Ukraine, support for Ukraine and accountability."),
    Term(
        "multilateral_cooperation", "Cooperation in the United Nations and other multilateral fora."
    ),
    Term(
        "democracy_and_rule_of_law",
        "Democratic institutions, the rule of law and the rules-based international order.",
    ),
    Term("economic_security", "Economic security, supply-chain resilience and critical minerals."),
    Term("trade_and_investment", "Trade, investment and economic ties."),
    Term(
        "science_and_technology",
        "Critical and emerging technologies, research, quantum, AI, semiconductors, space.",
    ),
    Term("humanitarian_assistance", "Humanitarian assistance and disaster relief."),
    Term(
        "development", "Development cooperation and infrastructure, including digital connectivity."
    ),
    Term("pacific_islands", "The Pacific Islands, the Pacific Islands Forum and its strategies."),
    Term("people_to_people", "Exchanges, education, culture, youth and public diplomacy."),
    Term("gender_equality", "Women's economic empowerment and gender equality."),
    Term("climate_and_energy", "Climate change, energy and energy infrastructure."),
    Term("health", "Public health and pandemic preparedness."),
)

VOCABULARIES: tuple[Vocabulary, ...] = (
    DOCUMENT_TYPES,
    MEETING_FORMATS,
    MEETING_LEVELS,
    MEETING_MODES,
    RANKS,
    ENTITY_KINDS,
    SOURCE_ROLES,
    VERIFICATION_STATUSES,
    CLAUSE_TYPES,
    TOPICS,
)


def markdown() -> str:
    """The README's vocabulary section, rendered from the data above."""
    out: list[str] = []
    for vocab in VOCABULARIES:
        crosswalk = vocab is CLAUSE_TYPES
        out.append(f"### `{vocab.name}`\n\n{vocab.definition}\n")
        out.append(
            "| value | definition | CAMEO | PLOVER |" if crosswalk else "| value | definition |"
        )
        out.append("| --- | --- | --- | --- |" if crosswalk else "| --- | --- |")
        for t in vocab:
            row = f"| `{t.value}` | {t.definition} |"
            if crosswalk:
                row += f" {', '.join(t.cameo) or '—'} | {', '.join(t.plover) or '—'} |"
            out.append(row)
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(markdown())
