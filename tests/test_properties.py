"""Properties of every statement: valid, round-tripping, in agreement with the schema.

Statements come from :mod:`jointstmt.strategies`; each test states its property in
its name and docstring, and runs on both schema versions (``[v1]``, ``[v2]``):
``statements()`` for version 1, ``statements_v2()`` for version 2. Properties only
version 2 has are in ``test_properties_v2.py``. Bugs the properties found keep a
named example test next to the property that found them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from pydantic import BaseModel

from jointstmt import (
    CODES,
    Finding,
    JointStatement,
    ValidationFailed,
    dump,
    dumps,
    json_schema,
    load,
    loads,
)
from jointstmt.cli import main
from jointstmt.loader import Limits
from jointstmt.model import Entity
from jointstmt.model.v2 import JointStatement as JointStatement2
from jointstmt.strategies import phrases, statements, statements_v2, yaml_texts
from jointstmt.validation import check_bytes, validate

VERSIONS = (1, 2)
BY_VERSION = pytest.mark.parametrize("version", VERSIONS, ids=[f"v{v}" for v in VERSIONS])
MODELS: dict[int, type[BaseModel]] = {1: JointStatement, 2: JointStatement2}
VALIDATORS = {
    v: Draft202012Validator(json_schema(v), format_checker=Draft202012Validator.FORMAT_CHECKER)
    for v in VERSIONS
}
STATEMENTS = {1: statements(), 2: statements_v2()}

# Free text of every kind: statement-like phrases, strings the YAML 1.2 core schema
# reads as numbers or other non-strings, any Unicode text, and plain text long enough
# for a YAML writer to fold, with runs of spaces where it might fold.
YAML_LOOKALIKES = st.from_regex(
    r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|(null|Null|NULL|~|true|True|FALSE)",
    fullmatch=True,
)
LONG_TEXT = (
    st.builds(
        "".join,
        st.lists(
            st.text(alphabet="abcdefghijklmnopqrstuvwxyzü東", min_size=20, max_size=120)
            | st.sampled_from([" ", "  ", "   ", " \t "]),
            min_size=3,
            max_size=20,
        ),
    )
    .map(str.strip)
    .filter(bool)
)
ANY_TEXT = st.one_of(phrases(), YAML_LOOKALIKES, st.text(min_size=1, max_size=12), LONG_TEXT)
WITH_ANY_TEXT = {
    1: statements(text=ANY_TEXT),
    2: statements_v2(statements(text=ANY_TEXT), text=ANY_TEXT),
}
Generated = Any  # jointstmt.strategies.Generated or its version-2 twin: .statement, .write()


@contextmanager
def written(generated: Generated) -> Iterator[Path]:
    """The statement's YAML file, written with its statement text in a fresh folder."""
    with tempfile.TemporaryDirectory() as folder:
        yield generated.write(folder)


def _as_json(statement: BaseModel, exclude_defaults: bool) -> object:
    return json.loads(statement.model_dump_json(exclude_defaults=exclude_defaults))


# --- validity ---------------------------------------------------------------------------


@BY_VERSION
@given(data=st.data())
def test_every_generated_statement_is_valid_in_structure_and_rules(
    version: int, data: st.DataObject
) -> None:
    """A generated statement passes the models and every rule, its text file included."""
    generated = data.draw(STATEMENTS[version])
    statement = generated.statement
    assert MODELS[version].model_validate(statement.model_dump()) == statement
    with written(generated) as path:
        assert validate(path) == []


def test_migrating_an_organization_then_a_country_with_its_code_as_id_keeps_ids_unique(
    example: Path,
) -> None:
    """Found by the version-2 properties (their statements are migrated version-1 ones): an
    organization entity ``jp`` became party ``jp``, then the country JP's new party took
    the same id, since the organization's id had been freed."""
    statement = load(example)
    organization = Entity(id="jp", name="the Organization", kind="organization")
    us, no = statement.participants
    participants = (
        us.model_copy(update={"country": None, "organization": "jp"}),
        no.model_copy(update={"country": "JP"}),
    )
    entities = (*statement.entities, organization)
    dump(statement.model_copy(update={"participants": participants, "entities": entities}), example)
    assert validate(example) == []
    assert main(["migrate", str(example)]) == 0
    assert [p.id for p in load(example).parties] == ["jp", "jp-party"]
    assert validate(example) == []


def test_migrating_keeps_the_meeting_id_apart_from_an_entity_called_meeting(
    example: Path,
) -> None:
    """Found by test_every_generated_statement_is_valid_in_structure_and_rules[v2]: the
    recorded meeting was always given id ``meeting``, which an entity (or participant) of
    the version-1 file may have; in version 2 they share one namespace."""
    statement = load(example)
    event = Entity(id="meeting", name="the meeting", kind="event")
    dump(statement.model_copy(update={"entities": (*statement.entities, event)}), example)
    assert main(["migrate", str(example)]) == 0
    assert [m.id for m in load(example).meetings] == ["meeting-2"]
    assert validate(example) == []


# --- round trips ------------------------------------------------------------------------


@BY_VERSION
@given(data=st.data())
def test_dump_then_load_gives_an_equal_statement(version: int, data: st.DataObject) -> None:
    """model -> YAML (jointstmt.dumps) -> load gives an equal model, whatever the text in it."""
    generated = data.draw(WITH_ANY_TEXT[version])
    with written(generated) as path:
        assert load(path) == generated.statement


@BY_VERSION
@given(data=st.data())
def test_model_to_json_to_model_gives_an_equal_statement(version: int, data: st.DataObject) -> None:
    """model -> JSON -> model gives an equal model, with or without the default values."""
    statement = data.draw(WITH_ANY_TEXT[version]).statement
    as_json = statement.model_dump_json(exclude_defaults=data.draw(st.booleans()))
    assert MODELS[version].model_validate_json(as_json) == statement
    assert MODELS[version].model_validate(json.loads(as_json)) == statement


def test_meeting_times_survive_a_round_trip() -> None:
    """Found by the validity, round-trip and schema properties as soon as meetings had times."""
    statement = load(Path(__file__).parent / "examples" / "multi-city" / "statement.yaml")
    meeting = statement.meeting.model_copy(update={"start_time": dt.time(9, 30)})
    timed = statement.model_copy(update={"meeting": meeting})
    assert JointStatement.model_validate_json(timed.model_dump_json()) == timed
    assert loads(dumps(timed)) == timed


@pytest.mark.parametrize("text", [".5e3", "-.25E3", "Oslo\x85Bergen"])
def test_dumps_quotes_what_yaml_would_misread(text: str) -> None:
    """Found by test_dump_then_load_gives_an_equal_statement (any text, before the filter)."""
    statement = load(Path(__file__).parent / "examples" / "multi-city" / "statement.yaml")
    titled = statement.model_copy(update={"title": text})
    assert loads(dumps(titled)).title == text


# --- agreement with the published schema ------------------------------------------------


@BY_VERSION
@given(data=st.data())
def test_every_generated_statement_is_valid_under_the_published_schema(
    version: int, data: st.DataObject
) -> None:
    """Dumped to JSON, with or without defaults, a statement is valid under its version's
    published schema."""
    statement = data.draw(WITH_ANY_TEXT[version]).statement
    errors = VALIDATORS[version].iter_errors(_as_json(statement, data.draw(st.booleans())))
    assert [e.message for e in errors] == []


# --- YAML styles ------------------------------------------------------------------------


@BY_VERSION
@given(data=st.data())
def test_the_same_statement_in_any_yaml_style_loads_to_the_same_model(
    version: int, data: st.DataObject
) -> None:
    """Block or flow, plain or quoted, any key order, comments, markers: the same model."""
    generated = data.draw(STATEMENTS[version])
    styled = data.draw(yaml_texts(generated.statement))
    with written(generated) as path:
        outcome = check_bytes(styled.text.encode("utf-8"), path.parent)
    assert outcome.findings == []
    assert outcome.statement == generated.statement


# --- bad input --------------------------------------------------------------------------


@st.composite
def damaged_statements(draw: st.DrawFn, version: int) -> bytes:
    """A valid statement's YAML with a few lines deleted, repeated or re-indented, or a
    few bytes deleted or inserted."""
    data = dumps(draw(STATEMENTS[version]).statement).encode("utf-8")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        start = data.rfind(b"\n", 0, at) + 1  # the line holding byte ``at``
        end = data.find(b"\n", at) + 1 or len(data)
        edit = draw(st.sampled_from(["delete line", "repeat line", "indent", "delete", "insert"]))
        if edit == "delete line":
            data = data[:start] + data[end:]
        elif edit == "repeat line":
            data = data[:end] + data[start:end] + data[end:]
        elif edit == "indent":
            data = data[:start] + b"  " + data[start:]
        elif edit == "delete":
            data = data[:at] + data[at + draw(st.integers(1, 20)) :]
        else:
            data = data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]
    return data


def _where(finding: Finding) -> tuple[str, int, int, str]:
    return finding.code, finding.line, finding.column, finding.pointer


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=5,
)


def _paths(node: object, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    yield path
    children = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, child in children:
        yield from _paths(child, (*path, key))


@st.composite
def broken_statements(draw: st.DrawFn, version: int) -> bytes:
    """A valid statement's data with one node removed or replaced by any JSON value
    (numbers JSON cannot carry included), written in any YAML style."""
    data = draw(STATEMENTS[version]).statement.model_dump(mode="json")
    path = draw(st.sampled_from(list(_paths(data))[1:]))
    parent: Any = data
    for part in path[:-1]:
        parent = parent[part]
    if draw(st.booleans()):
        del parent[path[-1]]
    else:
        parent[path[-1]] = draw(JSON_VALUES)
    return draw(yaml_texts(data)).text.encode("utf-8")


ANY_INPUT = {
    version: st.one_of(
        st.binary(max_size=200),
        st.text(max_size=200).map(lambda t: t.encode("utf-8")),
        damaged_statements(version),
        broken_statements(version),
    )
    for version in VERSIONS
}
LIMITS = st.sampled_from([Limits(), Limits(max_bytes=300, max_depth=3)])


@BY_VERSION
@given(data=st.data())
def test_validation_never_raises_on_arbitrary_bytes_it_returns_located_findings(
    version: int, data: st.DataObject
) -> None:
    """Any bytes give findings (or a statement), never an exception; each finding is located.

    Its code is documented, and its line and column are 1-based and inside the file. The
    bytes are at times a damaged or broken statement of ``version``.
    """
    limits = data.draw(LIMITS)
    raw = data.draw(ANY_INPUT[version])
    lines = raw.decode("utf-8", errors="replace").splitlines() or [""]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "statement.yaml"
        path.write_bytes(raw)
        findings = validate(path, limits)
        from_bytes = check_bytes(raw, Path(folder), limits).findings
        if findings:  # and loads raises ValidationFailed, nothing else
            with pytest.raises(ValidationFailed):
                loads(raw, base_dir=folder, limits=limits)
    assert [_where(f) for f in findings] == [_where(f) for f in from_bytes]
    for finding in findings:
        assert finding.code in CODES
        assert 1 <= finding.line <= len(lines) + 1, finding
        assert finding.column >= 1, finding


def test_a_file_over_the_size_limit_is_reported_with_its_real_size(tmp_path: Path) -> None:
    """Found by the property above: validate(path) and check_bytes(bytes) disagreed."""
    path = tmp_path / "statement.yaml"
    path.write_bytes(b"title: " + b"x" * 993)
    (finding,) = validate(path, Limits(max_bytes=100))
    assert finding.code == "yaml.too_large"
    assert "1,000 bytes" in finding.message, finding.message


def test_the_readmes_strategies_example_runs() -> None:
    """The README's example of a user's own property test passes as written."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Hypothesis strategies for your own tests\n", 1)[1]
    (code,) = re.findall(r"^```python\n(.*?)^```$", section.split("\n## ", 1)[0], re.M | re.S)
    namespace: dict[str, object] = {}
    exec(code, namespace)
    example = namespace["test_my_tool_reads_every_statement"]
    assert callable(example)
    settings(phases=[Phase.generate])(example)()  # failing fast: no shrinking
