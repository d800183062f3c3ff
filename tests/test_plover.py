"""PLOVER event records: one per clause with a PLOVER counterpart, in PLOVER's own field names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from jointstmt.cli import main
from jointstmt.model.v2 import JointStatement
from jointstmt.model.vocabulary import CLAUSE_TYPES_2, TOPICS_2
from jointstmt.plover import ALPHA_3, PLOVER_VERSION, QUAD_CODES, events
from jointstmt.reading import read
from jointstmt.runner import discover

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT / "datasets"

#: The record fields of the PLOVER manual, draft 0.7b1, table "PLOVER JSON".
PLOVER_FIELDS = {
    *("id", "has_event", "date", "time", "enddate", "endtime", "source", "recipient", "event"),
    *("event_loc", "event_text", "quad_code", "event_scale", "mode", "context", "link", "text"),
    *("text_info", "cite_info", "coder", "coded_date", "comment"),
}
REQUIRED = {"id", "date", "source", "event"}
#: What the records add, as the manual allows, to join the exported tables.
EXTENSIONS = {"statement_id", "clause_id", "clause_type"}
ACTOR_FIELDS = {
    *("code", "sector", "actor_text", "identifier_id", "identifier_text", "actor_loc"),
    *("religion", "ethnicity", "office", "gender", "age"),
}
CITE_FIELDS = {
    *("corpus", "citation", "url", "title", "language", "publication", "license"),
    *("copyright", "coder", "codebook", "version"),
}

TEXT = "Alpha and Beta demand that Gamma stop. They welcome the Accord. They note the weather."


def _statement(clauses: list[dict[str, Any]], **parts: Any) -> JointStatement:
    """A version-2 statement over ``TEXT`` with ``clauses`` (quotes located in the text)."""
    for clause in clauses:
        start = TEXT.index(clause["text"])
        clause["span"] = {"start": start, "end": start + len(clause["text"])}
    document = {
        "schema_version": 2,
        "id": "test",
        "title": "A test",
        "document_type": "joint_statement",
        "language": "en-GB",
        "issued": "2024-05-31",
        "sources": [
            {
                "id": "text",
                "role": "statement_text",
                "path": "statement.txt",
                "sha256": "0" * 64,
                "publisher": "Ministry",
                "url": "https://example.org/statement",
            }
        ],
        "parties": [
            {"id": "alpha", "name": "Alpha", "kind": "state", "country": "US"},
            {"id": "beta", "name": "the Government of Beta", "kind": "government", "country": "JP"},
        ],
        "body": {"span": {"start": 0, "end": len(TEXT)}},
        "clauses": clauses,
        **parts,
    }
    return JointStatement.model_validate(document)


def _demand(**fields: Any) -> dict[str, Any]:
    return {
        "id": "demand",
        "type": "demand",
        "text": "Alpha and Beta demand that Gamma stop.",
        "demands": "that Gamma stop",
        **fields,
    }


GAMMA = {"id": "gamma", "name": "Gamma", "kind": "state", "country": "KR"}
ACCORD = {"id": "accord", "name": "the Accord", "kind": "agreement"}


def test_every_clause_with_a_counterpart_is_one_event_and_the_others_are_counted() -> None:
    for name in discover([str(DATASETS)]):
        statement = read(name).statement
        records, uncoded = events(statement)
        coded = [c for c in statement.clauses if CLAUSE_TYPES_2[c.type].plover]
        assert [r["clause_id"] for r in records] == [c.id for c in coded]
        assert sum(uncoded.values()) == len(statement.clauses) - len(coded)
        assert all(not CLAUSE_TYPES_2[t].plover for t in uncoded)
        assert len({r["id"] for r in records}) == len(records)


def test_records_use_the_field_names_of_plover_0_7b1() -> None:
    assert PLOVER_VERSION == "0.7b1"
    for name in discover([str(DATASETS)]):
        for record in events(read(name).statement)[0]:
            assert REQUIRED <= set(record) <= PLOVER_FIELDS | EXTENSIONS
            for actor in record["source"] + record["recipient"]:
                assert set(actor) <= ACTOR_FIELDS
                assert actor["actor_text"]
            assert set(record["cite_info"]) <= CITE_FIELDS
            assert set(record["text_info"]) == {"sequence", "start", "end"}


def test_event_and_mode_come_from_the_vocabularys_crosswalk() -> None:
    statement = _statement(
        [
            _demand(addressees=["gamma"]),
            {
                "id": "welcome",
                "type": "welcome",
                "text": "They welcome the Accord.",
                "welcomes": "the Accord",
                "targets": ["accord"],
            },
        ],
        entities=[GAMMA, ACCORD],
    )
    (demand, welcome), uncoded = events(statement)
    assert (demand["event"], demand["mode"]) == (["REQUEST"], ["demand"])
    assert demand["quad_code"] == 3
    assert (welcome["event"], welcome["mode"]) == (["SUPPORT"], [])
    assert welcome["quad_code"] == 1
    assert not uncoded


def test_a_clause_without_a_counterpart_is_counted_not_forced() -> None:
    statement = _statement(
        [
            {
                "id": "note",
                "type": "acknowledgement",
                "text": "They note the weather.",
                "acknowledges": "the weather",
            }
        ]
    )
    records, uncoded = events(statement)
    assert records == []
    assert uncoded == {"acknowledgement": 1}


def test_recipients_are_the_addressees_or_else_the_targets_that_can_act() -> None:
    addressed = _statement(
        [_demand(addressees=["gamma"], targets=["accord"])], entities=[GAMMA, ACCORD]
    )
    assert [a["actor_text"] for a in events(addressed)[0][0]["recipient"]] == ["Gamma"]
    targeted = _statement([_demand(targets=["gamma", "accord"])], entities=[GAMMA, ACCORD])
    assert [a["actor_text"] for a in events(targeted)[0][0]["recipient"]] == ["Gamma"]
    implied = _statement([_demand(implied_targets=["gamma"])], entities=[GAMMA])
    assert events(implied)[0][0]["recipient"] == []


def test_actors_carry_plover_codes_sectors_and_offices() -> None:
    statement = _statement(
        [_demand(actors=["alpha", "beta", "minister", "union", "envoy"])],
        participants=[
            {"id": "minister", "party": "beta", "office": "Foreign Minister", "rank": "minister"}
        ],
        entities=[
            {"id": "union", "name": "the Union", "kind": "organization", "wikidata": "Q458"},
            {"id": "envoy", "name": "Ms Envoy", "kind": "person", "office": "Special Envoy"},
        ],
    )
    alpha, beta, minister, union, envoy = events(statement)[0][0]["source"]
    assert alpha == {"code": "USA", "actor_text": "Alpha"}
    assert beta == {"code": "JPN", "sector": "GOV", "actor_text": "the Government of Beta"}
    assert minister == {
        "code": "JPN",
        "sector": "GOV",
        "actor_text": "Foreign Minister",
        "office": "Foreign Minister",
    }
    assert union == {"code": "IGO", "actor_text": "the Union", "identifier_id": "Q458"}
    assert envoy == {"actor_text": "Ms Envoy", "office": "Special Envoy"}


def test_the_source_defaults_to_the_issuing_parties() -> None:
    (record,), _ = events(_statement([_demand()]))
    assert [a["actor_text"] for a in record["source"]] == ["Alpha", "the Government of Beta"]


def test_context_is_the_plover_contexts_of_the_topics() -> None:
    topics = [t.value for t in TOPICS_2 if t.plover][:3]
    (record,), _ = events(_statement([_demand(topics=topics)]))
    expected = list(dict.fromkeys(c for t in topics for c in TOPICS_2[t].plover))
    assert record["context"] == expected


def test_records_cite_the_statement_and_point_into_its_text() -> None:
    (record,), _ = events(_statement([_demand()]))
    assert record["date"] == "2024-05-31"
    assert record["link"] == "test"
    assert record["cite_info"]["url"] == "https://example.org/statement"
    assert record["cite_info"]["language"] == "en"
    start, end = record["text_info"]["start"], record["text_info"]["end"]
    assert TEXT[start:end] == record["text"]
    for name in discover([str(DATASETS)]):
        loaded = read(name)
        text = loaded.source_text()
        for record in events(loaded.statement)[0]:
            info = record["text_info"]
            assert text[info["start"] : info["end"]] == record["text"]


def test_every_plover_event_type_of_the_vocabulary_has_a_quad_code() -> None:
    used = {e for t in CLAUSE_TYPES_2 for e in t.plover}
    assert used <= set(QUAD_CODES)


def test_alpha_3_codes_agree_with_pycountry() -> None:
    import pycountry

    assert {c.alpha_2: c.alpha_3 for c in pycountry.countries} == ALPHA_3


def test_the_command_writes_events_and_reports_the_clauses_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(DATASETS), "--format", "plover", "-o", str(tmp_path)]) == 0
    lines = (tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    statements = [read(name).statement for name in discover([str(DATASETS)])]
    expected = sum(len(events(s)[0]) for s in statements)
    left = sum(sum(events(s)[1].values()) for s in statements)
    assert len(records) == expected
    out = capsys.readouterr().out
    assert f"{expected} PLOVER events" in out
    assert f"{left} clauses have no PLOVER counterpart" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.jsonl"]
