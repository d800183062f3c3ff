"""Version-2 statements for property tests: a generated version-1 statement, migrated, then
given what only version 2 can say.

Building on the version-1 strategy keeps one source of truth for the hard part (a
statement text whose every span is exact) and makes the migration property cheap:
the same draw yields the version-1 statement and its version-2 counterpart. On
top of the migrated statement the strategy draws version 2's own features:
groupings with members, witnesses, delegations, meetings of every relation
(occasion, earlier, planned), documents and instruments that clauses cite,
clause parts, chapeaus with labelled items (acyclic ``parent``), addressees,
modality, conditions quoted from the clause, dates, quantities, relations, and
the clause types version 1 lacks. Everything drawn is valid in full, rules
included.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from jointstmt.model.v2 import JointStatement
from jointstmt.model.vocabulary import (
    CITATION_RELATIONS,
    CLAUSE_RELATIONS,
    CLAUSE_TYPES,
    CLAUSE_TYPES_2,
    DATE_ROLES,
    MEETING_FORMATS_2,
    MEETING_LEVELS_2,
    MEETING_MODES_2,
    MODALITIES,
    PARTS,
    QUANTITY_KINDS,
    TOPICS_2,
)

#: The type-specific field of each clause type only version 2 has.
_NEW_TYPES = {
    "congratulation": "congratulates_on",
    "invitation": "invites_to",
    "recall": "recalls",
    "establishment": "establishes",
    "demand": "demands",
    "offer": "offers",
    "warning": "warns_against",
    "declaration": "declares",
    "discussion": "discussed",
    "expectation": "expects",
}
assert set(_NEW_TYPES) == set(CLAUSE_TYPES_2.values) - set(CLAUSE_TYPES.values)


@dataclass(frozen=True, slots=True)
class Generated2:
    """A generated version-2 statement, its statement text, and the version-1 statement it
    was made from (``None`` when it has version-2-only content that v1 cannot say)."""

    statement: JointStatement
    source_text: str

    def write(self, folder: str | Path, name: str = "statement.yaml") -> Path:
        """Write the YAML and the statement text into ``folder``; returns the YAML's path."""
        from jointstmt.serialize import dumps

        folder = Path(folder)
        text = self.statement.statement_text
        (folder / text.path).parent.mkdir(parents=True, exist_ok=True)
        (folder / text.path).write_bytes(self.source_text.encode("utf-8"))
        path = folder / name
        path.write_bytes(dumps(self.statement).encode("utf-8"))  # type: ignore[arg-type]
        return path


def migrated(v1: Any) -> dict[str, Any]:
    """The version-1 statement ``v1`` as a version-2 mapping (``jointstmt migrate``'s way)."""
    from jointstmt.migrate import migrate_document

    digest = hashlib.sha256(v1.source_text.encode("utf-8")).hexdigest()
    data: dict[str, Any] = v1.statement.model_dump(mode="json", exclude_defaults=True)
    for source in data["sources"]:
        if source["role"] == "statement_text":
            source["sha256"] = digest
    migrate_document(data)
    return data


@st.composite
def statements_v2(draw: st.DrawFn, base: st.SearchStrategy[Any]) -> Generated2:
    """Valid version-2 statements drawn from version-1 ones (``base``) plus version 2's own
    features."""
    v1 = draw(base)
    data = migrated(v1)
    _enrich(draw, data)
    return Generated2(JointStatement.model_validate(data), v1.source_text)


def _choice(values: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.sampled_from(values)


def _enrich(draw: st.DrawFn, data: dict[str, Any]) -> None:
    taken = {
        x["id"]
        for key in ("parties", "participants", "entities", "meetings")
        for x in data.get(key, [])
    }

    def fresh(stem: str) -> str:
        n = 1
        while f"{stem}-{n}" in taken:
            n += 1
        taken.add(f"{stem}-{n}")
        return f"{stem}-{n}"

    entities = data.setdefault("entities", [])
    parties = data["parties"]
    if draw(st.booleans()):  # a grouping whose members are the other parties
        parties.append(
            {
                "id": fresh("group"),
                "name": "the Group",
                "kind": "grouping",
                "members": [p["id"] for p in parties],
            }
        )
    if draw(st.booleans()):
        parties.append(
            {"id": fresh("witness"), "name": "a witness", "kind": "organization", "role": "witness"}
        )
    documents = []
    for _ in range(draw(st.integers(0, 2))):
        document = {
            "id": fresh("doc"),
            "name": "an earlier text",
            "kind": draw(_choice(("document", "legal_instrument", "mechanism"))),
        }
        if draw(st.booleans()):
            document["identifier"] = str(draw(st.integers(1, 9999)))
        if draw(st.booleans()):
            document["date"] = "2020-01-31"
        entities.append(document)
        documents.append(document["id"])
    meetings = data.setdefault("meetings", [])
    recorded = next((m for m in meetings if m["relation"] == "recorded"), None)
    if recorded is not None and draw(st.booleans()):
        occasion = fresh("summit")
        meetings.append(
            {
                "id": occasion,
                "relation": "occasion",
                "format": "multilateral",
                "level": "leaders",
                "mode": "in_person",
            }
        )
        recorded["during"] = occasion
    for relation in draw(st.lists(_choice(("earlier", "planned", "proposed")), max_size=2)):
        meetings.append(
            {
                "id": fresh(relation),
                "relation": relation,
                "format": draw(_choice(MEETING_FORMATS_2.values)),
                "level": draw(_choice(MEETING_LEVELS_2.values)),
                "mode": draw(_choice(MEETING_MODES_2.values)),
                "location": {"wording": "somewhere"},
            }
        )
    issuers = [p["id"] for p in parties if p.get("role", "issuer") == "issuer"]
    anything = sorted(taken)
    clauses = data["clauses"]
    ids = [c["id"] for c in clauses]
    for index, clause in enumerate(clauses):
        if draw(st.booleans()):
            _retype(draw, clause)
        if draw(st.booleans()):
            clause["part"] = draw(_choice(PARTS.values))
        if index > 0 and draw(st.integers(0, 3)) == 0:
            clause["parent"] = ids[draw(st.integers(0, index - 1))]
            clause["label"] = f"{index}."
        if draw(st.booleans()):
            clause["modality"] = draw(_choice(MODALITIES.values))
        if clause.get("actors") is None and draw(st.integers(0, 3)) == 0:
            clause["actors"] = [draw(_choice(tuple(issuers)))]
        if draw(st.booleans()):
            clause["addressees"] = draw(
                st.lists(_choice(tuple(anything)), min_size=1, max_size=2, unique=True)
            )
        if draw(st.integers(0, 3)) == 0:
            clause["condition"] = {"text": clause["text"], "span": dict(clause["span"])}
        if draw(st.booleans()):
            clause["dates"] = [
                {
                    "role": draw(_choice(DATE_ROLES.values)),
                    "date": draw(_choice(("2025", "2025-07", "2024-02-29"))),
                    "wording": "by then",
                }
            ]
        if draw(st.booleans()):
            value = draw(
                st.one_of(
                    st.integers(0, 10**6), st.floats(0, 100, allow_nan=False, allow_infinity=False)
                )
            )
            clause["quantities"] = [
                {
                    "kind": draw(_choice(QUANTITY_KINDS.values)),
                    "value": value,
                    "unit": "percent",
                    "wording": "some",
                }
            ]
        if len(documents) > 0 and draw(st.booleans()):
            clause["cites"] = [
                {
                    "entity": draw(_choice(tuple(documents))),
                    "relation": draw(_choice(CITATION_RELATIONS.values)),
                }
            ]
        if len(ids) > 1 and draw(st.booleans()):
            other = ids[draw(st.integers(0, len(ids) - 1))]
            clause["relations"] = [
                {"type": draw(_choice(CLAUSE_RELATIONS.values)), "clause": other}
            ]
        if draw(st.booleans()):
            clause["topics"] = draw(st.lists(_choice(TOPICS_2.values), max_size=2, unique=True))


def _retype(draw: st.DrawFn, clause: dict[str, Any]) -> None:
    """Make ``clause`` one of the types only version 2 has, keeping its text and span."""
    from jointstmt.model.clauses import CLAUSE_CLASSES

    old = clause["type"]
    field = CLAUSE_CLASSES[old].value_field
    value = clause.pop(field)
    for extra in ("instructed", "when", "where", "reaffirmed"):
        if extra == "reaffirmed" and old != "reaffirmation":
            continue
        clause.pop(extra, None)
    new = draw(st.sampled_from(sorted(_NEW_TYPES)))
    clause["type"] = new
    clause[_NEW_TYPES[new]] = value
