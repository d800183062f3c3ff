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
    #: PLOVER's mode of the event type, where one fits (e.g. ``REQUEST`` / ``demand``).
    plover_mode: str = ""
    #: Lower-case cue phrases that suggest this value to the drafting tool (``jointstmt new``).
    cues: tuple[str, ...] = ()

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

    @property
    def label(self) -> str:
        """The vocabulary's name as a message says it (``entity kind``)."""
        return self.name.replace("_", " ")

    def nearest(self, value: str) -> list[str]:
        """The values a user who wrote ``value`` most likely meant, nearest first.

        A value spelt another way (``Head of Government``) or a term's cue (``prime
        minister``) names its term; otherwise difflib's close matches (``head_of_govt``).
        """
        from jointstmt.findings import nearest

        spelt = value.strip().casefold().replace("-", "_").replace(" ", "_")
        if spelt in self:
            return [spelt]
        phrase = spelt.replace("_", " ")
        cued = [t.value for t in self.terms if phrase in t.cues]
        return cued or nearest(spelt, self.values)


def _v(name: str, definition: str, *terms: Term) -> Vocabulary:
    return Vocabulary(name, definition, terms)


DOCUMENT_TYPES = _v(
    "document_type",
    "What kind of document the statement is, as its issuers style it.",
    Term(
        "joint_statement",
        "A statement issued jointly by the participants in their own names.",
        cues=("joint statement",),
    ),
    Term(
        "joint_declaration",
        "A joint statement styled as a declaration, usually of principles.",
        cues=("declaration", "déclaration"),
    ),
    Term(
        "joint_communique",
        "A formal joint communiqué recording the outcome of a meeting.",
        cues=("communique", "communiqué"),
    ),
    Term(
        "joint_press_statement",
        "A joint statement addressed to the press after a meeting.",
        cues=("press statement",),
    ),
    Term(
        "joint_press_release",
        "A press release issued jointly by the participants.",
        cues=("press release",),
    ),
    Term(
        "joint_vision_statement",
        "A joint statement setting out a long-term shared vision.",
        cues=("vision statement", "joint vision"),
    ),
    Term(
        "fact_sheet",
        "A list of outcomes or deliverables published alongside or instead of a statement.",
        cues=("fact sheet",),
    ),
    Term(
        "chairs_statement",
        "A statement issued by a meeting's chair on the meeting's behalf.",
        cues=("chair's statement", "chairman's statement", "chairs' statement"),
    ),
    Term(
        "leaders_statement",
        "A statement issued in the names of heads of state or government.",
        cues=("leaders' statement", "leaders statement", "leaders' joint statement"),
    ),
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
    Term(
        "head_of_state",
        "A head of state (president, monarch, governor-general acting as such).",
        cues=(
            "president",
            "king",
            "queen",
            "emir",
            "sultan",
            "monarch",
            "custodian of the two holy mosques",
            "président",
            "roi",
        ),
    ),
    Term(
        "head_of_government",
        "A head of government (prime minister, chancellor, premier).",
        cues=(
            "prime minister",
            "chancellor",
            "premier",
            "taoiseach",
            "premier ministre",
            "chancelier",
        ),
    ),
    Term(
        "deputy_head_of_government",
        "A deputy head of government (vice-president, deputy prime minister).",
        cues=("vice president", "deputy prime minister", "vice-président"),
    ),
    Term(
        "minister",
        "A cabinet minister or secretary (e.g. Secretary of State, Minister for Foreign Affairs).",
        cues=(
            "minister",
            "secretary of state",
            "secretary of",
            "foreign secretary",
            "secretary",
            "ministre",
        ),
    ),
    Term(
        "vice_minister",
        "A vice-minister or deputy (e.g. Deputy Secretary of State, Vice-Minister for Foreign Affairs).",
        cues=(
            "deputy secretary",
            "vice minister",
            "1st vice minister",
            "first vice minister",
            "state secretary",
            "under secretary",
            "deputy minister",
            "vice-ministre",
        ),
    ),
    Term(
        "senior_official",
        "A senior official below vice-minister (assistant secretary, director-general, special envoy).",
        cues=(
            "assistant secretary",
            "director general",
            "special envoy",
            "envoy",
            "chief officer",
            "coordinator",
            "senior official",
            "haut fonctionnaire",
        ),
    ),
    Term(
        "ambassador",
        "A head of diplomatic mission or permanent representative.",
        cues=("ambassador", "permanent representative", "ambassadeur"),
    ),
    Term(
        "head_of_organization",
        "The head of an international organization (secretary-general, president).",
        cues=(
            "secretary general",
            "director general of the",
            "president of the european commission",
            "high representative",
            "secrétaire général",
        ),
    ),
    Term(
        "official",
        "Any other official.",
        cues=("official", "representative", "fonctionnaire"),
    ),
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
        cues=(
            "reaffirm",
            "reiterate",
            "reconfirm",
            "recommit",
            "remain committed",
            "remain steadfast",
            "renew * commitment",
            "réaffirm",
            "réitér",
        ),
    ),
    Term(
        "commitment",
        "The parties undertake to do something, or to continue doing it.",
        ("030", "031", "032", "033", "034", "035", "036"),
        ("AGREE",),
        cues=(
            "we will",
            "we * will",
            "we * * will",
            "we shall",
            "commit to",
            "committed to",
            "commits to",
            "agree to",
            "agreed to",
            "decide to",
            "decided to",
            "determined to",
            "resolve to",
            "intend",
            "plan to",
            "seek to",
            "aim to",
            "strive",
            "continue to",
            "undertake",
            "pledge",
            "prepared to",
            "dedicated to",
            "must also act",
            "we must",
            "nous engageons",
            "s'engag",
            "allons",
            "avons pour intention",
            "prévoyons",
            "hereby declare to",
            "engageons",
            "élargirons",
            "renforcerons",
            "poursuivrons",
            "travaillerons",
            "continuerons",
            "note * determination",
            "embark",
            "déterminés",
            "sommes résolus",
            "restons déterminés",
        ),
    ),
    Term(
        "condemnation",
        "The parties denounce an act or actor in strong terms.",
        ("111",),
        ("ACCUSE",),
        cues=("condemn", "deplore", "denounce", "condamn"),
    ),
    Term(
        "welcome",
        "The parties express approval of a development, initiative or act of others or of their own.",
        ("051",),
        ("SUPPORT",),
        cues=("welcome", "applaud", "saluons", "se félicit", "nous félicitons de", "commend"),
    ),
    Term(
        "concern",
        "The parties express worry or concern about a situation or an actor's conduct.",
        ("012", "110"),
        ("ACCUSE",),
        cues=("concerned", "express * concern", "grave concern", "alarmed", "troubled", "préoccup"),
    ),
    Term(
        "opposition",
        "The parties state that they oppose or reject an act, claim or policy.",
        ("110", "120"),
        ("ACCUSE", "REJECT"),
        cues=("oppose", "reject", "nous opposons", "rejet"),
    ),
    Term(
        "support",
        "The parties back an initiative, goal, process or party.",
        ("051",),
        ("SUPPORT",),
        cues=(
            "support",
            "stand with",
            "stand behind",
            "endorse",
            "reaffirm * support",
            "appuy",
            "soutien",
            "soutenons",
            "affirm * support",
            "affirm * * support",
            "reaffirm * * support",
            "express * support",
            "express * * support",
        ),
    ),
    Term(
        "call",
        "The parties call on, urge or encourage another party (or all parties) to act.",
        ("020", "021", "022", "023", "024", "025", "026", "027"),
        ("REQUEST",),
        cues=(
            "call on",
            "call upon",
            "call for",
            "urge",
            "encourage",
            "appeal",
            "exhort",
            "appelons",
            "encourageons",
            "exhortons",
        ),
    ),
    Term(
        "recognition",
        "The parties recognize or affirm the importance, validity or truth of a principle or fact.",
        ("019",),
        cues=(
            "recogniz",
            "recognis",
            "underscor",
            "underlin",
            "emphasi",
            "stress",
            "highlight",
            "affirm the importance",
            "affirm the",
            "embrace",
            "value",
            "sommes conscients",
            "accordons une grande importance",
            "reconnaiss",
            "soulign",
            "affirmons",
            "note the importance",
            "note * importance",
            "affirm that",
            "noted the need",
        ),
    ),
    Term(
        "acknowledgement",
        "The parties note a fact or development without evaluating it.",
        ("010",),
        cues=("note", "noting", "take note", "acknowledg", "notons", "prenons note"),
    ),
    Term(
        "position_statement",
        "The parties state a standing position or assessment that is neither a new undertaking nor a restatement flagged as such.",
        ("010",),
        cues=(
            "believe",
            "are convinced",
            "share the view",
            "it is time",
            "croyons",
            "estimons",
            "convaincus",
        ),
    ),
    Term(
        "condolence",
        "The parties express condolences or sympathy for a loss.",
        ("018",),
        cues=("condolence", "mourn", "sympathy", "condoléances"),
    ),
    Term(
        "unilateral_assurance",
        "One party assures the others of its own commitment (e.g. to their defense).",
        ("0334",),
        ("AGREE",),
        cues=("assure", "reassure", "assurons"),
    ),
    Term(
        "instruction",
        "The parties direct their own officials or teams to carry out a task.",
        ("030",),
        ("AGREE",),
        cues=(
            "instruct",
            "task our",
            "tasked",
            "direct our",
            "direct their",
            "directed their",
            "charge our",
            "mandate",
            "chargeons",
        ),
    ),
    Term(
        "future_meeting",
        "The parties announce or look forward to a further meeting.",
        ("036",),
        ("AGREE",),
        cues=(
            "next meeting",
            "meet again",
            "next * meeting",
            "prochaine réunion",
            "we will meet",
            "we * will meet",
            "we will * meet",
        ),
    ),
    Term(
        "report_of_action",
        "The parties, or one of them, report an action already taken or under way.",
        ("010",),
        cues=(
            "have provided",
            "has provided",
            "signed",
            "convened",
            "have been working",
            "took place",
            "have worked",
            "included",
            "participated",
            "were joined",
            "have accepted",
            "has accepted",
        ),
    ),
    Term(
        "appreciation",
        "The parties thank or praise another party for its conduct or contribution.",
        ("051",),
        ("SUPPORT",),
        cues=(
            "thank",
            "appreciat",
            "grateful",
            "express * gratitude",
            "remercions",
            "reconnaissants",
            "commend * for",
            "commend * * for",
            "commend * * * for",
        ),
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


#: The PLOVER context (Halterman et al., PLOVER/POLECAT codebook) nearest to each version-1 topic.
_V1_TOPIC_CONTEXTS: dict[str, tuple[str, ...]] = {
    "regional_security": ("military",),
    "maritime_security": ("military",),
    "cross_strait_relations": ("territory",),
    "deterrence": ("military",),
    "nonproliferation": ("cbrn",),
    "human_rights": ("human_rights",),
    "sanctions_and_illicit_finance": ("economic",),
    "cybersecurity": ("cyber",),
    "war_in_ukraine": ("military",),
    "multilateral_cooperation": ("international",),
    "democracy_and_rule_of_law": ("democracy",),
    "economic_security": ("economic",),
    "trade_and_investment": ("economic",),
    "science_and_technology": ("technology",),
    "humanitarian_assistance": ("humanitarian",),
    "development": ("economic",),
    "pacific_islands": ("international",),
    "people_to_people": ("international",),
    "gender_equality": ("gender",),
    "climate_and_energy": ("environment",),
    "health": ("health",),
}

# ---------------------------------------------------------------------------------------------
# Version 2. Version 1's vocabularies above are frozen (a version-1 file must keep meaning what
# it meant); version 2 extends them. ``NOT_STATED`` is the explicit "the text does not say",
# so that no vocabulary fact is ever guessed or filled in by a silent default.
# ---------------------------------------------------------------------------------------------

NOT_STATED = Term("not_stated", "The text does not say, and no cited source does.")


def _extend(base: Vocabulary, *terms: Term, definition: str | None = None) -> Vocabulary:
    return Vocabulary(base.name, definition or base.definition, base.terms + terms)


DOCUMENT_TYPES_2 = _extend(
    DOCUMENT_TYPES,
    Term(
        "readout",
        "An account of a call or meeting released jointly by the participants.",
        cues=("readout", "read-out"),
    ),
    Term(
        "framework",
        "A jointly released framework or arrangement setting out terms the parties will negotiate or apply.",
        cues=("framework for", "joint framework"),
    ),
)

MEETING_FORMATS_2 = _extend(MEETING_FORMATS, NOT_STATED)

MEETING_LEVELS_2 = _extend(MEETING_LEVELS, NOT_STATED)

MEETING_MODES_2 = Vocabulary(
    "meeting_mode",
    "How the participants met. There is no default: a meeting whose mode the text does not give says not_stated.",
    (
        *MEETING_MODES.terms,
        Term("phone_call", "The participants spoke by telephone."),
        NOT_STATED,
    ),
)

MEETING_RELATIONS = _v(
    "meeting_relation",
    "How a meeting relates to the statement.",
    Term("recorded", "The meeting the statement records or was issued at (at most one)."),
    Term(
        "occasion",
        "The summit, conference or event during which (on whose sidelines) the recorded meeting took place.",
    ),
    Term("earlier", "An earlier meeting or round the statement refers to."),
    Term("planned", "A meeting the statement announces as decided or scheduled."),
    Term("proposed", "A meeting the statement proposes, hopes for or invites to, not yet agreed."),
)

PARTY_KINDS = _v(
    "party_kind",
    "What kind of party makes or is bound by the statement. A party is not an office: offices are participants.",
    Term("state", "A sovereign state, as the text names it ('the United States of America')."),
    Term("government", "The government of a state, named as such ('the Government of Japan')."),
    Term(
        "organization",
        "An international or regional organization with its own standing (ASEAN, the European Union).",
    ),
    Term(
        "organ",
        "An institution or organ of an organization (the European Commission, the UN Security Council).",
    ),
    Term(
        "grouping",
        "An informal grouping or coalition of states or organizations (the G7, a coalition); list its members.",
    ),
    Term("non_state", "A non-state party (a movement, a company, a civil-society body)."),
)

PARTY_ROLES = _v(
    "party_role",
    "What a party does in the statement. The default speakers of a clause are the issuers.",
    Term("issuer", "Makes the statement (and is bound by what it undertakes)."),
    Term(
        "bound",
        "Is bound by, or accepted, what the statement records, but does not issue it.",
    ),
    Term("witness", "Witnesses or countersigns without being bound."),
    Term("mediator", "Mediates or facilitates between the parties."),
)

RANKS_2 = _extend(
    RANKS,
    Term(
        "leader",
        "A head of state or government, where the text says 'leader' without saying which.",
        cues=(
            "leader",
            "head of state or government",
            "heads of state and government",
            "crown prince",
            "chef d'état",
            "chefs d'état",
            "dirigeant",
        ),
    ),
    Term(
        "security_adviser",
        "A national or homeland security adviser to a head of state or government.",
        cues=(
            "national security advis",
            "security advis",
            "intelligence advis",
            "assistant to the president for national security",
            "secretary of the * security council",
            "conseiller à la sécurité",
        ),
    ),
    Term(
        "delegation",
        "A delegation or group of officials rather than one office ('senior officials').",
        cues=(
            "delegation",
            "ministers and representatives",
            "senior officials",
            "representatives",
            "co leaders",
            "délégation",
        ),
    ),
    NOT_STATED,
)

PARTICIPANT_KINDS = _v(
    "participant_kind",
    "Whether a participant is one office or a delegation.",
    Term("office", "One office, held by one person."),
    Term("delegation", "A delegation or group of officials ('the Ukrainian delegation')."),
)

PARTICIPANT_ROLES = _v(
    "participant_role",
    "What a participant does at the meeting or in the document.",
    Term("head_of_delegation", "Leads the party's delegation."),
    Term("member_of_delegation", "A member of a delegation led by another participant."),
    Term("representative", "Represents the party (e.g. a minister or a representative attending)."),
    Term("signatory", "Signs the document."),
    Term("witness", "Witnesses the signing or the document."),
    Term("mediator", "Mediates between the parties."),
    Term("host", "Hosts the meeting."),
    Term("chair", "Chairs or co-chairs the meeting."),
)

ENTITY_KINDS_2 = Vocabulary(
    "entity_kind",
    "What kind of party or thing a statement refers to.",
    (
        *ENTITY_KINDS.terms,
        Term("person", "A person who is not a participant (an envoy, a ruler, a hostage)."),
        Term("government", "The government of a state, named as such."),
        Term("organ", "An institution or organ of an organization (the UN Security Council)."),
        Term(
            "non_state_armed_group",
            "An armed group that is not a state's force (the Houthis, Hamas, Hizballah).",
        ),
        Term(
            "document",
            "A statement, declaration, communiqué, readout or report (not a legal instrument).",
        ),
        Term(
            "legal_instrument",
            "A treaty, resolution, executive order, law or other instrument with legal effect.",
        ),
        Term(
            "mechanism", "A dialogue, committee, working group, secretariat or other standing body."
        ),
        Term("place", "A place: a city, a territory, a strait, a sea."),
        Term(
            "alliance", "An alliance between states (the U.S.-ROK Alliance, NATO as an alliance)."
        ),
        Term("other", "Anything else (say what in the note)."),
    ),
)

SOURCE_ROLES_2 = _extend(
    SOURCE_ROLES,
    Term(
        "publication_record",
        "The record of the statement's publication (the page's metadata: publication time, URL, capture).",
    ),
)

LEGAL_CHARACTERS = _v(
    "legal_character",
    "The legal character of a document or instrument, as the text or a source states it.",
    Term("binding", "A legally binding instrument (a treaty, a signed agreement)."),
    Term(
        "non_binding",
        "Expressly not legally binding ('understandings', 'political commitments').",
    ),
    Term("political", "A political statement or declaration, not signed as an instrument."),
    NOT_STATED,
)

PARTS = _v(
    "part",
    "Where a clause sits in the statement's structure (Akoma Ntoso: preamble, main body, conclusions).",
    Term(
        "preamble", "Recitals that frame the operative text ('Recalling ...', 'Reflecting on ...')."
    ),
    Term("operative", "The statement proper: what the parties say, decide and undertake."),
    Term("closing", "Closing words: thanks to a host, the next meeting, a formula of conclusion."),
)

MODALITIES = _v(
    "modality",
    "The strength of an undertaking or position, as its verb phrase states it.",
    Term(
        "will",
        "A firm undertaking: 'will', 'are committed to', 'agree to'.",
        cues=("will", "commit"),
    ),
    Term("shall", "A prescriptive obligation: 'shall'.", cues=("shall",)),
    Term("must", "A stated necessity: 'must', 'need to', 'have to'.", cues=("must",)),
    Term("should", "A recommendation: 'should', 'ought to'.", cues=("should",)),
    Term("intend", "An intention: 'intend to', 'plan to'.", cues=("intend", "plan to")),
    Term(
        "aim",
        "An aim or goal: 'aim to', 'seek to', 'strive to', 'work toward'.",
        cues=("aim", "seek", "strive"),
    ),
    Term(
        "ready",
        "A readiness: 'stand ready', 'are prepared to', 'are willing to'.",
        cues=("stand ready", "prepared to", "willing"),
    ),
    Term(
        "may",
        "A possibility or permission: 'may', 'could', 'consider'.",
        cues=("may", "could", "consider"),
    ),
    Term(
        "hope",
        "A hope or expectation: 'hope', 'look forward to', 'expect'.",
        cues=("hope", "look forward", "expect"),
    ),
    Term("continue", "A continuation of what is under way: 'continue to'.", cues=("continue",)),
)

DATE_ROLES = _v(
    "date_role",
    "What a date in a clause is to the act.",
    Term("deadline", "The act is to be done by this date ('by', 'no later than', 'within')."),
    Term("start", "The act or arrangement starts on this date ('from', 'as of', 'beginning')."),
    Term("end", "The act or arrangement ends on this date ('until', 'through', 'expires')."),
    Term("occurred", "The date on which a past event took place."),
    Term("scheduled", "The date on which a future event is to take place."),
    Term("reference", "Any other date the clause refers to."),
)

QUANTITY_KINDS = _v(
    "quantity_kind",
    "What a quantity in a clause measures.",
    Term("percentage", "A share of a whole, in percent ('99 percent of tariff barriers')."),
    Term(
        "rate",
        "A rate, in percent or per unit ('a tariff of 19 percent', 'interest of 2 percent').",
    ),
    Term("money", "An amount of money (unit: ISO 4217 currency code)."),
    Term("count", "A number of things (unit: what is counted)."),
    Term("duration", "A length of time (unit: days, months, years)."),
    Term("frequency", "How often something happens (unit: 'per year', 'per month')."),
    Term("measure", "Any other measured amount (unit: tonnes, barrels per day, ...)."),
)

QUANTITY_QUALIFIERS = _v(
    "quantity_qualifier",
    "How the text bounds a quantity, where it does not state it exactly.",
    Term("approximately", "'about', 'nearly', 'some', 'roughly'."),
    Term("at_least", "'at least', 'no less than'."),
    Term("more_than", "'more than', 'over', 'exceeding'."),
    Term("at_most", "'up to', 'at most', 'no more than'."),
    Term("less_than", "'less than', 'under', 'below'."),
)

CITATION_RELATIONS = _v(
    "citation_relation",
    "How a clause relates to a document, instrument, agreement or mechanism it cites.",
    Term("recalls", "Recalls or refers back to it."),
    Term("reaffirms", "Restates what it said or reaffirms commitment to it."),
    Term("implements", "Carries it out or acts under it."),
    Term("in_accordance_with", "Acts in accordance with or consistent with it."),
    Term("based_on", "Builds on it or takes it as a basis."),
    Term("endorses", "Endorses, welcomes or supports it."),
    Term("quotes", "Quotes or restates its words."),
    Term("establishes", "Creates it (the clause establishes the mechanism or programme)."),
    Term("refers_to", "Any other reference."),
)

CLAUSE_RELATIONS = _v(
    "clause_relation",
    "How a clause relates to another clause of the same statement.",
    Term(
        "reciprocal_of", "The counterpart obligation of another party ('A will ...; B will ...')."
    ),
    Term("responds_to", "Answers or responds to the other clause (an acceptance of an offer)."),
    Term("conditional_on", "Holds only if the other clause is carried out."),
    Term("elaborates", "Spells out or details the other clause."),
    Term(
        "in_exchange_for",
        "Is given in return for the other clause (a quid pro quo across parties).",
    ),
    Term("same_act_as", "The same act as the other clause, said again."),
)

CLAUSE_TYPES_2 = Vocabulary(
    "clause_type",
    CLAUSE_TYPES.definition,
    (
        *CLAUSE_TYPES.terms,
        Term(
            "congratulation",
            "The parties congratulate another party on an achievement or an occasion.",
            ("018",),
            ("SUPPORT",),
            cues=("congratulat", "félicitons"),
        ),
        Term(
            "invitation",
            "The parties, or one of them, invite another party to a meeting, process or membership.",
            ("036",),
            ("REQUEST",),
            "consult",
            cues=("invite", "invitation"),
        ),
        Term(
            "recall",
            "The parties recall an earlier text, event or decision as background, without restating it as their position.",
            ("010",),
            cues=("recall", "recalling", "rappel"),
        ),
        Term(
            "establishment",
            "The text itself creates a mechanism, programme, partnership or body.",
            ("030",),
            ("AGREE",),
            cues=(
                "establish",
                "launch",
                "we create",
                "we will create",
                "set up",
                "announce the creation",
                "announcing the creation",
                "créons",
                "établiss",
                "lançons",
            ),
        ),
        Term(
            "demand",
            "The parties demand that another party act or stop acting, in terms that brook no refusal.",
            ("10", "101", "102", "103", "104", "105", "106", "107", "108"),
            ("REQUEST",),
            "demand",
            cues=(
                "we demand",
                "we * demand",
                "demand that",
                "must immediately",
                "insist that",
                "exigeons",
            ),
        ),
        Term(
            "offer",
            "The parties offer something, usually on a condition (an ultimatum's other side).",
            ("030", "050"),
            ("AGREE",),
            "offer",
            cues=("offer", "stand ready to", "prêts à"),
        ),
        Term(
            "warning",
            "The parties warn another party of consequences if it acts or keeps acting.",
            ("13", "130", "138"),
            ("THREATEN",),
            cues=("warn", "will bear the responsibility", "consequences", "avertiss"),
        ),
        Term(
            "declaration",
            "The parties formally declare a principle, a state of affairs or the text's own adoption.",
            ("010",),
            cues=("declare", "hereby", "déclar"),
        ),
        Term(
            "discussion",
            "The parties report that they discussed, consulted on or reviewed a subject (a readout).",
            ("040",),
            ("CONSULT",),
            cues=(
                "discussed",
                "to discuss",
                "consulted",
                "consultations on",
                "held consultations",
                "exchanged views",
                "reviewed",
                "review of",
                "spoke about",
                "focused on",
                "addressed",
                "discut",
                "examin",
            ),
        ),
        Term(
            "expectation",
            "The parties express a hope or expectation about a development they do not control.",
            ("018",),
            cues=(
                "hope",
                "expect",
                "look forward",
                "espér",
                "attendons avec",
                "expressed confidence",
                "express * confidence",
            ),
        ),
    ),
)

TOPICS_2 = Vocabulary(
    "topic",
    "What a clause is about, each value crosswalked to the nearest PLOVER context. A clause may have several topics.",
    (
        *(
            Term(t.value, t.definition, plover=_V1_TOPIC_CONTEXTS.get(t.value, ()))
            for t in TOPICS.terms
        ),
        Term(
            "armed_conflict",
            "A war or armed conflict, its conduct and its end.",
            plover=("military",),
        ),
        Term(
            "ceasefire",
            "Ceasefires, cessations of hostilities, truces and their monitoring.",
            plover=("military",),
        ),
        Term(
            "hostages_and_detainees",
            "Hostages, wrongful detention and the release of captives.",
            plover=("human_rights",),
        ),
        Term(
            "mediation_and_negotiation",
            "Mediation, negotiation and peace processes.",
            plover=("international",),
        ),
        Term("counter_terrorism", "Terrorism and the fight against it.", plover=("terrorism",)),
        Term(
            "normalization",
            "The normalization of relations between states.",
            plover=("international",),
        ),
        Term(
            "tariffs_and_market_access",
            "Tariffs, trade barriers and market access.",
            plover=("economic",),
        ),
        Term(
            "disinformation",
            "Disinformation, propaganda and information manipulation.",
            plover=("media",),
        ),
        Term("space", "Outer space: its security and its use.", plover=("technology",)),
        Term("migration", "Migration, refugees, asylum and displacement.", plover=("migration",)),
        Term(
            "arms_control",
            "Arms control, strategic stability and risk reduction.",
            plover=("military",),
        ),
        Term(
            "military_assistance",
            "Military assistance, arms transfers and training for a partner.",
            plover=("military",),
        ),
        Term(
            "defense_cooperation",
            "Defence cooperation, exercises and defence industry.",
            plover=("military",),
        ),
        Term(
            "counter_narcotics",
            "Illicit drugs and their trafficking (fentanyl, synthetic drugs).",
            plover=("crime",),
        ),
        Term(
            "law_enforcement", "Crime, law enforcement and judicial cooperation.", plover=("crime",)
        ),
        Term("food_security", "Food security and agriculture.", plover=("agriculture",)),
        Term(
            "freedom_of_navigation",
            "Freedom of navigation and the security of shipping lanes.",
            plover=("military",),
        ),
        Term(
            "territorial_integrity",
            "Sovereignty, territorial integrity and borders.",
            plover=("territory",),
        ),
        Term(
            "environment",
            "The environment, biodiversity, oceans and pollution.",
            plover=("environment",),
        ),
    ),
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

VOCABULARIES_2: tuple[Vocabulary, ...] = (
    DOCUMENT_TYPES_2,
    PARTY_KINDS,
    PARTY_ROLES,
    PARTICIPANT_KINDS,
    PARTICIPANT_ROLES,
    RANKS_2,
    MEETING_RELATIONS,
    MEETING_FORMATS_2,
    MEETING_LEVELS_2,
    MEETING_MODES_2,
    ENTITY_KINDS_2,
    LEGAL_CHARACTERS,
    SOURCE_ROLES_2,
    VERIFICATION_STATUSES,
    PARTS,
    MODALITIES,
    DATE_ROLES,
    QUANTITY_KINDS,
    QUANTITY_QUALIFIERS,
    CITATION_RELATIONS,
    CLAUSE_RELATIONS,
    CLAUSE_TYPES_2,
    TOPICS_2,
)


def markdown(version: int = 1) -> str:
    """The README's vocabulary section for schema ``version``, rendered from the data above."""
    vocabularies = VOCABULARIES if version == 1 else VOCABULARIES_2
    out: list[str] = []
    for vocab in vocabularies:
        crosswalk = vocab.name == "clause_type"
        contexts = vocab.name == "topic" and version > 1
        out.append(f"#### `{vocab.name}`\n\n{vocab.definition}\n")
        if crosswalk:
            out += ["| value | definition | CAMEO | PLOVER |", "| --- | --- | --- | --- |"]
        elif contexts:
            out += ["| value | definition | PLOVER context |", "| --- | --- | --- |"]
        else:
            out += ["| value | definition |", "| --- | --- |"]
        for t in vocab:
            row = f"| `{t.value}` | {t.definition} |"
            if crosswalk:
                plover = ", ".join(t.plover) + (f" ({t.plover_mode})" if t.plover_mode else "")
                row += f" {', '.join(t.cameo) or '—'} | {plover or '—'} |"
            elif contexts:
                row += f" {', '.join(t.plover) or '—'} |"
            out.append(row)
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    import sys

    print(markdown(int(sys.argv[1]) if len(sys.argv) > 1 else 1))
