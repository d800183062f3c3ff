"""The published schema in other tools: accepted by each, and the same verdicts as the models."""

from __future__ import annotations

from typing import Any

import pytest

from jointstmt.versions import VERSIONS

from .cases import INVALID, Workspace
from .tools import TOOLS, ajv, check_jsonschema

# ajv, check-jsonschema, yaml-language-server, pre-commit: run with `pytest -m "not external"` to skip
pytestmark = pytest.mark.external

INVALID_NAMES = [m.name for mutations in INVALID.values() for m in mutations]


@pytest.mark.parametrize("version", VERSIONS)
def test_ajv_compiles_the_schema_in_strict_draft_2020_mode_without_warnings(
    version: int, workspace: Workspace, npm_tools: dict[str, str]
) -> None:
    schema = workspace.schemas[version]
    done = ajv("compile", "-s", str(schema), cwd=workspace.root)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout == f"schema {schema} is valid\n"


@pytest.mark.parametrize("version", VERSIONS)
def test_check_jsonschema_accepts_the_schema_under_its_metaschema(
    version: int, workspace: Workspace
) -> None:
    done = check_jsonschema(
        "--check-metaschema", str(workspace.schemas[version]), cwd=workspace.root
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("version", VERSIONS)
def test_every_version_has_valid_and_invalid_cases(version: int, workspace: Workspace) -> None:
    """Each version's schema is judged on files it must accept and files it must reject."""
    verdicts = [workspace.cases[name].valid for name in workspace.of(version)]
    assert True in verdicts
    assert False in verdicts


def test_the_cases_are_what_they_claim_to_be(workspace: Workspace) -> None:
    """Reference statements and valid mutations pass the models; invalid mutations do not."""
    wrong = {
        name: case.findings
        for name, case in workspace.cases.items()
        if case.valid != (case.line is None)
    }
    assert not wrong


@pytest.mark.parametrize("tool", TOOLS)
def test_tool_gives_the_models_verdict_on_every_case(
    tool: str, verdicts: dict[str, dict[str, bool]]
) -> None:
    models = verdicts["models"]
    disagree = {
        name: "accepts" if said else "rejects"
        for name, said in verdicts[tool].items()
        if said != models[name]
    }
    assert set(verdicts[tool]) == set(models)
    assert not disagree, f"{tool} disagrees with the models: {disagree}"


@pytest.mark.parametrize("name", INVALID_NAMES)
def test_editor_shows_a_diagnostic_on_the_line_of_the_error(
    name: str, workspace: Workspace, editor_diagnostics: dict[str, list[Any]]
) -> None:
    """yaml-language-server, given the schema by the file's modeline, marks the offending line."""
    lines = {d["range"]["start"]["line"] + 1 for d in editor_diagnostics[name]}
    assert workspace.cases[name].line in lines, editor_diagnostics[name]


@pytest.mark.parametrize("name", INVALID_NAMES)
def test_models_report_the_error_on_the_same_line(name: str, workspace: Workspace) -> None:
    case = workspace.cases[name]
    assert case.line in {f.line for f in case.findings}, case.findings
