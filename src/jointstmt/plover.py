"""PLOVER event records: one per clause whose type has a PLOVER counterpart.

A clause is a speech act; PLOVER (Political Language Ontology for Verifiable Event
Records, Open Event Data Alliance) records events. Where the vocabulary
crosswalks a clause type to PLOVER event types (``Term.plover``, and its mode in
``Term.plover_mode``), the clause becomes one record; where it does not
(reaffirmations, recognitions, recalls, ...: PLOVER dropped CAMEO's "make public
statement"), the clause is counted and reported, never forced into a category.

Field names follow the **PLOVER manual, draft version 0.7b1 (2021), chapter "JSON
Data Fields"**: the record's ``id``, ``date``, ``time``, ``source`` and
``recipient`` (lists of actor objects: ``code``, ``sector``, ``actor_text``,
``identifier_id``, ``office``), ``event``, ``mode`` and ``context`` (lists), ``quad_code``,
``link``, ``text``, ``text_info`` (``sequence``, ``start``, ``end``), ``cite_info``
(``corpus``, ``citation``, ``url``, ``title``, ``language``, ``publication``,
``codebook``) and ``coder``; one record per line (JSON Lines), as the manual
recommends. The gold-standard records in PLOVER's repository predate 0.7b1 and
use its older names (``actorText``, ``target``, ``textInfo``). The manual allows
fields beyond its own; each record adds ``statement_id``, ``clause_id`` and
``clause_type`` so that it joins the tables of :mod:`jointstmt.tables`.

How a clause fills them:

* ``date``/``time``: the statement's issue (a statement's acts happen when it is
  made); ``link``: the statement id, shared by its events.
* ``source``: the clause's actors (its named ones, or the issuing parties);
  ``recipient``: its addressees, or else the targets it names that can act
  (parties, participants, and entities that are states, organizations, groups
  or persons); implied targets are not coded.
* Actor ``code``: the ISO 3166-1 alpha-3 code of a state or government (as the
  manual asks), ``IGO`` for an organization, organ, alliance or grouping;
  ``sector`` ``GOV`` for a government and for office holders of a state;
  ``office`` the office as the text styles it.
* ``event`` and ``mode``: the clause type's crosswalk; ``context``: the PLOVER
  contexts of the clause's topics; ``quad_code`` where its events share a quad
  category (the manual's table, with POLECAT's ``REQUEST`` beside ``DEMAND``).
* ``text`` and ``text_info``: the clause's quote, its position among the
  statement's clauses and its offsets into the statement text (code points).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from jointstmt.model.v2 import JointStatement
from jointstmt.model.v2.clauses import ClauseBase
from jointstmt.model.vocabulary import CLAUSE_TYPES_2, TOPICS_2

PLOVER_VERSION = "0.7b1"
"""The PLOVER manual version whose field names the records follow."""

FILE_NAME = "events.jsonl"

#: The manual's quad categories (1 verbal cooperation, 2 material cooperation, 3 verbal
#: conflict, 4 material conflict); REQUEST is POLECAT's name for DEMAND.
QUAD_CODES: dict[str, int] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT", "INVESTIGATE"), 2),
    **dict.fromkeys(("DEMAND", "REQUEST", "ACCUSE", "REJECT", "SANCTION", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}

#: Entity kinds that name someone who can act, so can be a recipient.
ACTING_ENTITY_KINDS = frozenset(
    (
        "state",
        "government",
        "organization",
        "organ",
        "alliance",
        "group",
        "company",
        "institution",
        "person",
        "non_state_armed_group",
    )
)
#: Party and entity kinds PLOVER codes IGO (international governmental organization).
IGO_KINDS = frozenset(("organization", "organ", "alliance", "grouping"))

# ISO 3166-1 alpha-2 followed by alpha-3, from pycountry 26.2.16 (a test compares them).
_ALPHA_3_TABLE = """\
ADAND AEARE AFAFG AGATG AIAIA ALALB AMARM AOAGO AQATA ARARG ASASM ATAUT AUAUS AWABW AXALA
AZAZE BABIH BBBRB BDBGD BEBEL BFBFA BGBGR BHBHR BIBDI BJBEN BLBLM BMBMU BNBRN BOBOL BQBES
BRBRA BSBHS BTBTN BVBVT BWBWA BYBLR BZBLZ CACAN CCCCK CDCOD CFCAF CGCOG CHCHE CICIV CKCOK
CLCHL CMCMR CNCHN COCOL CRCRI CUCUB CVCPV CWCUW CXCXR CYCYP CZCZE DEDEU DJDJI DKDNK DMDMA
DODOM DZDZA ECECU EEEST EGEGY EHESH ERERI ESESP ETETH FIFIN FJFJI FKFLK FMFSM FOFRO FRFRA
GAGAB GBGBR GDGRD GEGEO GFGUF GGGGY GHGHA GIGIB GLGRL GMGMB GNGIN GPGLP GQGNQ GRGRC GSSGS
GTGTM GUGUM GWGNB GYGUY HKHKG HMHMD HNHND HRHRV HTHTI HUHUN IDIDN IEIRL ILISR IMIMN ININD
IOIOT IQIRQ IRIRN ISISL ITITA JEJEY JMJAM JOJOR JPJPN KEKEN KGKGZ KHKHM KIKIR KMCOM KNKNA
KPPRK KRKOR KWKWT KYCYM KZKAZ LALAO LBLBN LCLCA LILIE LKLKA LRLBR LSLSO LTLTU LULUX LVLVA
LYLBY MAMAR MCMCO MDMDA MEMNE MFMAF MGMDG MHMHL MKMKD MLMLI MMMMR MNMNG MOMAC MPMNP MQMTQ
MRMRT MSMSR MTMLT MUMUS MVMDV MWMWI MXMEX MYMYS MZMOZ NANAM NCNCL NENER NFNFK NGNGA NINIC
NLNLD NONOR NPNPL NRNRU NUNIU NZNZL OMOMN PAPAN PEPER PFPYF PGPNG PHPHL PKPAK PLPOL PMSPM
PNPCN PRPRI PSPSE PTPRT PWPLW PYPRY QAQAT REREU ROROU RSSRB RURUS RWRWA SASAU SBSLB SCSYC
SDSDN SESWE SGSGP SHSHN SISVN SJSJM SKSVK SLSLE SMSMR SNSEN SOSOM SRSUR SSSSD STSTP SVSLV
SXSXM SYSYR SZSWZ TCTCA TDTCD TFATF TGTGO THTHA TJTJK TKTKL TLTLS TMTKM TNTUN TOTON TRTUR
TTTTO TVTUV TWTWN TZTZA UAUKR UGUGA UMUMI USUSA UYURY UZUZB VAVAT VCVCT VEVEN VGVGB VIVIR
VNVNM VUVUT WFWLF WSWSM YEYEM YTMYT ZAZAF ZMZMB ZWZWE
"""
ALPHA_3: dict[str, str] = {pair[:2]: pair[2:] for pair in _ALPHA_3_TABLE.split()}
"""ISO 3166-1 alpha-3 code by alpha-2 code: PLOVER's country actor codes."""

_CONTEXTS: dict[str, tuple[str, ...]] = {t.value: t.plover for t in TOPICS_2}


def events(statement: JointStatement) -> tuple[list[dict[str, Any]], Counter[str]]:
    """The PLOVER records of ``statement``'s clauses, and the clause types left uncoded (counted)."""
    actors = _Actors(statement)
    cite_info = _cite_info(statement)
    records: list[dict[str, Any]] = []
    uncoded: Counter[str] = Counter()
    for sequence, clause in enumerate(statement.clauses, 1):
        if CLAUSE_TYPES_2[clause.type].plover:
            records.append(_record(statement, clause, sequence, actors, cite_info))
        else:
            uncoded[clause.type] += 1
    return records, uncoded


def _record(
    statement: JointStatement,
    clause: ClauseBase,
    sequence: int,
    actors: _Actors,
    cite_info: dict[str, Any],
) -> dict[str, Any]:
    """The record of one clause (the ``sequence``-th) whose type has PLOVER event types."""
    from jointstmt._version import __version__

    term = CLAUSE_TYPES_2[clause.type]
    record: dict[str, Any] = {
        "id": f"{statement.id}/{clause.id}",
        "date": statement.issued.isoformat(),
    }
    if statement.issued_time is not None:
        record["time"] = statement.issued_time.strftime("%H:%M")
    record |= {
        "source": [actors.of(i) for i in statement.actors_of(clause)],
        "recipient": [actors.of(i) for i in _recipients(clause, actors)],
        "event": list(term.plover),
        "mode": [term.plover_mode] if term.plover_mode else [],
        "context": _context(clause),
    }
    quads = {QUAD_CODES.get(e) for e in term.plover}
    if len(quads) == 1 and None not in quads:
        record["quad_code"] = quads.pop()
    return record | {
        "link": statement.id,
        "text": clause.text,
        "text_info": {"sequence": sequence, "start": clause.span.start, "end": clause.span.end},
        "cite_info": cite_info,
        "coder": f"jointstmt {__version__}",
        "comment": f"{clause.type}: {clause.value}",
        "statement_id": statement.id,
        "clause_id": clause.id,
        "clause_type": clause.type,
    }


def _context(clause: ClauseBase) -> list[str]:
    contexts: dict[str, None] = {}  # ordered, without repeats
    for topic in clause.topics:
        contexts.update(dict.fromkeys(_CONTEXTS[topic]))
    return list(contexts)


def _recipients(clause: ClauseBase, actors: _Actors) -> tuple[str, ...]:
    if clause.addressees:
        return tuple(a for a in clause.addressees if actors.names(a))
    return tuple(t for t in clause.targets if actors.can_act(t))


def _cite_info(statement: JointStatement) -> dict[str, Any]:
    text = statement.statement_text
    info: dict[str, Any] = {
        "corpus": "jointstmt",
        "citation": statement.id,
        "title": statement.title,
        # the manual asks for ISO 639-1: the language subtag of the BCP 47 tag
        "language": statement.language.split("-")[0],
        "publication": text.publisher,
        "codebook": f"jointstmt clause_type crosswalk to PLOVER (fields: PLOVER {PLOVER_VERSION})",
    }
    if text.url is not None:
        info["url"] = text.url
    return info


class _Actors:
    """PLOVER actor objects for the ids of one statement."""

    def __init__(self, statement: JointStatement) -> None:
        self._parties = {p.id: p for p in statement.parties}
        self._participants = {p.id: p for p in statement.participants}
        self._entities = {e.id: e for e in statement.entities}

    def can_act(self, id: str) -> bool:
        """Whether ``id`` names a party, a participant or an entity that can act."""
        entity = self._entities.get(id)
        if entity is not None:
            return entity.kind in ACTING_ENTITY_KINDS
        return id in self._parties or id in self._participants

    def names(self, id: str) -> bool:
        """Whether ``id`` names a party, a participant or an entity (not a meeting)."""
        return id in self._parties or id in self._participants or id in self._entities

    def of(self, id: str) -> dict[str, Any]:
        """The actor object for the party, participant or entity ``id``."""
        if id in self._participants:
            return self._participant(id)
        thing = self._parties.get(id) or self._entities[id]
        actor = self._coded(thing.kind, thing.country)
        if thing.kind == "government":
            actor["sector"] = "GOV"
        actor["actor_text"] = thing.name
        if thing.wikidata is not None:
            actor["identifier_id"] = thing.wikidata
        office = getattr(thing, "office", None)  # an entity that is a person
        if office is not None:
            actor["office"] = office
        return actor

    def _participant(self, id: str) -> dict[str, Any]:
        participant = self._participants[id]
        party = self._parties[participant.party]
        actor = self._coded(party.kind, party.country)
        if actor.get("code", "IGO") != "IGO":  # an office holder of a state
            actor["sector"] = "GOV"
        text = participant.office
        if participant.person is not None:
            text = f"{text} {participant.person.name}"
        return {**actor, "actor_text": text, "office": participant.office}

    @staticmethod
    def _coded(kind: str, country: str | None) -> dict[str, Any]:
        if kind in IGO_KINDS:
            return {"code": "IGO"}
        if kind in ("state", "government") and country is not None:
            return {"code": ALPHA_3[country]}
        return {}


class EventExporter:
    """``export --format plover``: every statement's events in one ``events.jsonl``."""

    def __init__(self, folder: Path) -> None:
        from jointstmt.export import Staged

        self._staged = Staged(folder)
        self._stream = self._staged.reserve(FILE_NAME).open("w", encoding="utf-8", newline="\n")
        self._events = self._clauses = 0
        self._uncoded: Counter[str] = Counter()

    def add(self, read: Any) -> None:
        """Write the events of one statement (a :class:`jointstmt.reading.Read`)."""
        records, uncoded = events(read.statement)
        for record in records:
            self._stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._events += len(records)
        self._clauses += len(read.statement.clauses)
        self._uncoded.update(uncoded)

    def finish(self) -> str:
        """Put ``events.jsonl`` in place; what was written and what had no counterpart."""
        self._stream.close()
        self._staged.commit()
        left = sum(self._uncoded.values())
        by_type = ", ".join(f"{t} {n}" for t, n in sorted(self._uncoded.items()))
        return (
            f"{FILE_NAME}, {self._events} PLOVER events from {self._clauses} clauses; "
            f"{left} clauses have no PLOVER counterpart" + (f" ({by_type})" if left else "")
        )

    def abort(self) -> None:
        """Remove the unfinished file."""
        self._stream.close()
        self._staged.abort()
