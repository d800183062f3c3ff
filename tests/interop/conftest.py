"""One scratch workspace for every tool, each tool run once per version; the verdict tables at the end."""

from __future__ import annotations

import json
from typing import Any

import pytest

from jointstmt.versions import VERSIONS

from .cases import Workspace, write_workspace
from .tools import (
    TOOLS,
    ajv_verdicts,
    check_jsonschema_verdicts,
    ensure_npm_tools,
    fastjsonschema_verdicts,
    language_server,
    python_jsonschema_verdicts,
)

_TABLE = pytest.StashKey[dict[str, dict[str, bool]]]()
_WORKSPACE = pytest.StashKey[Workspace]()


@pytest.fixture(scope="session")
def npm_tools() -> dict[str, str]:
    """The pinned npm tools, installed (``npm ci``) if need be."""
    return ensure_npm_tools()


@pytest.fixture(scope="session")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """Every case of every version laid out once for all the tools."""
    return write_workspace(tmp_path_factory.mktemp("interop"))


@pytest.fixture(scope="session")
def editor_diagnostics(workspace: Workspace, npm_tools: dict[str, str]) -> dict[str, list[Any]]:
    """What yaml-language-server publishes for each case file, found through its modeline."""
    with language_server(workspace.root) as server:
        published = server.diagnostics(list(workspace.yaml.values()))
    return {name: published[path] for name, path in workspace.yaml.items()}


@pytest.fixture(scope="session")
def verdicts(
    request: pytest.FixtureRequest,
    workspace: Workspace,
    npm_tools: dict[str, str],
    editor_diagnostics: dict[str, list[Any]],
) -> dict[str, dict[str, bool]]:
    """Tool -> case -> valid?, with the models' verdicts under ``models``; each case judged
    against the schema of its version."""
    table: dict[str, dict[str, bool]] = {
        "models": {name: case.valid for name, case in workspace.cases.items()},
        "yaml-language-server": {name: not d for name, d in editor_diagnostics.items()},
    }
    for version, path in workspace.schemas.items():
        names = workspace.of(version)
        schema = json.loads(path.read_text(encoding="utf-8"))
        data = {name: workspace.data[name] for name in names}
        judged = {
            "ajv": ajv_verdicts(path, {n: workspace.json[n] for n in names}, workspace.root),
            "check-jsonschema": check_jsonschema_verdicts(
                path, {n: workspace.yaml[n] for n in names}, workspace.root
            ),
            "python-jsonschema": python_jsonschema_verdicts(schema, data),
            "fastjsonschema": fastjsonschema_verdicts(schema, data),
        }
        for tool, said in judged.items():
            table.setdefault(tool, {}).update(said)
    request.config.stash[_TABLE] = table
    request.config.stash[_WORKSPACE] = workspace
    return table


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """Print each version's verdict table (``≠``: differs from the models) when the interop
    tests ran."""
    table = config.stash.get(_TABLE, None)
    if table is None:
        return
    workspace = config.stash[_WORKSPACE]
    columns = ["models", *TOOLS]
    for version in VERSIONS:
        names = workspace.of(version)
        widths = [max(len(n) for n in names), *(max(len(c), len("invalid ≠")) for c in columns)]

        def row(cells: list[str], widths: list[int] = widths) -> str:
            return "  ".join(f"{cell:<{width}}" for cell, width in zip(cells, widths, strict=True))

        write = terminalreporter.write_line
        terminalreporter.section(f"interop verdicts, version {version}")
        write(row(["case", *columns]).rstrip())
        for name in names:
            cells = [name]
            for column in columns:
                said = table[column][name]
                cells.append(
                    ("valid" if said else "invalid")
                    + ("" if said == table["models"][name] else " ≠")
                )
            write(row(cells).rstrip())
        valid = sum(table["models"][n] for n in names)
        agree = {t: sum(table[t][n] == table["models"][n] for n in names) for t in TOOLS}
        write(f"{len(names)} cases ({valid} valid, {len(names) - valid} invalid per the models)")
        write(
            "agreement with the models: " + ", ".join(f"{t} {agree[t]}/{len(names)}" for t in TOOLS)
        )
