"""Properties only version 2 has: clause values, default speakers, chapeaus and their items.

The properties both versions share (validity, round trips, the schema, YAML styles,
bad input) run on version 2 in ``test_properties.py``; its mutations (references,
recorded meetings, parent cycles, spans outside the body) in
``test_properties_mutations.py``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from jointstmt._strategies_v2 import Generated2, migrated
from jointstmt.model.v2 import ClauseBase, JointStatement
from jointstmt.model.v2.clauses import CLAUSE_CLASSES
from jointstmt.strategies import Generated, statements, statements_v2
from jointstmt.validation import validate

STATEMENTS = statements_v2()


def _findings(generated: Generated2) -> list[tuple[str, str]]:
    """(code, pointer) of each finding for the statement, written with its text."""
    with tempfile.TemporaryDirectory() as folder:
        return [(f.code, f.pointer) for f in validate(generated.write(Path(folder)))]


@given(STATEMENTS)
def test_every_clause_value_is_the_value_of_its_type_field(generated: Generated2) -> None:
    """A clause's ``value`` is what its ``value_field`` holds, and that field is one its type
    adds to every clause's fields, required, and written out under its name.

    Fails when a type names a field it lacks, a field every clause has, or an optional one
    (a table reading ``value`` would then show nothing or the wrong thing)."""
    for clause in generated.statement.clauses:
        name = clause.value_field
        field = type(clause).model_fields[name]
        assert name not in ClauseBase.model_fields, type(clause)
        assert field.is_required(), (type(clause), name)
        assert clause.value == getattr(clause, name)
        assert clause.model_dump(exclude_defaults=True)[name] == clause.value


def test_every_clause_type_names_its_own_value_field() -> None:
    """Each clause type's ``value_field`` differs from every other type's: a table with one
    column per field can tell the types apart."""
    fields = [cls.value_field for cls in CLAUSE_CLASSES.values()]
    assert len(set(fields)) == len(fields) == len(CLAUSE_CLASSES)


@given(STATEMENTS)
def test_a_clause_without_actors_is_spoken_by_the_issuing_parties_only(
    generated: Generated2,
) -> None:
    """``actors_of`` a clause that names no actors is every party whose role is issuer, in
    order: never a witness, mediator or bound party, never a participant; a clause that
    names its actors has exactly those.

    Fails when witnesses speak by default (the version-1 habit of all participants) or
    named actors are widened or dropped."""
    statement = generated.statement
    issuers = tuple(p.id for p in statement.parties if p.role == "issuer")
    for clause in statement.clauses:
        expected = clause.actors if clause.actors is not None else issuers
        assert statement.actors_of(clause) == expected


@given(statements())
def test_after_migration_the_default_speakers_are_the_parties_of_every_participant(
    generated: Generated,
) -> None:
    """A version-1 clause without actors was made by every participant; migrated, the same
    clause is made by the parties they represent (their countries and organizations).

    Fails when migration drops a represented country or organization from the parties,
    gives a party another role than issuer, or adds one nobody represents."""
    v1 = generated.statement
    v2 = JointStatement.model_validate(migrated(generated))
    parties = {p.id: p for p in v2.parties}
    represented = {(p.country, p.organization) for p in v1.participants}
    for clause in v2.clauses:
        if clause.actors is None:
            speakers = [parties[ref] for ref in v2.actors_of(clause)]
            said = {(p.country, None) if p.kind == "state" else (None, p.id) for p in speakers}
            assert said == represented


def _ancestors(statement: JointStatement, clause: ClauseBase) -> list[str]:
    """The ids met following ``parent`` from ``clause`` (stops at a repeat)."""
    by_id = {c.id: c for c in statement.clauses}
    seen: list[str] = []
    at = clause.parent
    while at is not None and at not in seen:
        seen.append(at)
        at = by_id[at].parent
    return seen


@given(STATEMENTS)
def test_generated_parent_chains_are_acyclic(generated: Generated2) -> None:
    """Following ``parent`` from any clause meets declared clauses only, never the clause
    itself, and ends at a clause without one (that the rules accept such chains is
    ``test_every_generated_statement_is_valid_in_structure_and_rules[v2]``).

    Fails when the strategy draws a cycle or a dangling parent, which the validity property
    alone would blame on the rules."""
    statement = generated.statement
    by_id = {c.id: c for c in statement.clauses}
    for clause in statement.clauses:
        chain = _ancestors(statement, clause)
        assert clause.id not in chain
        assert chain == [] or by_id[chain[-1]].parent is None


@given(STATEMENTS, st.data())
def test_a_parent_cycle_is_reported_at_each_clause_on_it_and_nowhere_else(
    generated: Generated2, data: st.DataObject
) -> None:
    """Close a cycle of one to three clauses through ``parent``: rule.parent_cycle at the
    ``parent`` of each clause on the cycle, and no other finding (clauses whose chain only
    leads into the cycle are not on it).

    Fails when the rule misses a clause of the cycle, blames one that leads into it, or
    another rule trips over the cycle."""
    statement = generated.statement
    count = len(statement.clauses)
    assume(count > 0)
    order = data.draw(st.permutations(range(count)))
    cycle = order[: data.draw(st.integers(1, min(3, count)))]
    clauses = list(statement.clauses)
    for k, i in enumerate(cycle):
        parent = statement.clauses[cycle[(k + 1) % len(cycle)]].id
        clauses[i] = clauses[i].model_copy(update={"parent": parent})
    cyclic = Generated2(
        statement.model_copy(update={"clauses": tuple(clauses)}), generated.source_text
    )
    expected = sorted(("rule.parent_cycle", f"/clauses/{i}/parent") for i in cycle)
    assert sorted(_findings(cyclic)) == expected
