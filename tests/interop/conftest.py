"""One scratch workspace for every tool, each tool run once; the verdict table at the end."""

from __future__ import annotations

import json
from typing import Any

import pytest

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


@pytest.fixture(scope="session")
def npm_tools() -> dict[str, str]:
    """The pinned npm tools, installed (``npm ci``) if need be."""
    return ensure_npm_tools()


@pytest.fixture(scope="session")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """Every case laid out once for all the tools."""
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
    """Tool -> case -> valid?, with the models' verdicts under ``models``."""
    schema = json.loads(workspace.schema.read_text(encoding="utf-8"))
    table = {
        "models": {name: case.valid for name, case in workspace.cases.items()},
        "ajv": ajv_verdicts(workspace.schema, workspace.json, workspace.root),
        "check-jsonschema": check_jsonschema_verdicts(
            workspace.schema, workspace.yaml, workspace.root
        ),
        "python-jsonschema": python_jsonschema_verdicts(schema, workspace.data),
        "fastjsonschema": fastjsonschema_verdicts(schema, workspace.data),
        "yaml-language-server": {name: not d for name, d in editor_diagnostics.items()},
    }
    request.config.stash[_TABLE] = table
    return table


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """Print the verdict table (``≠``: differs from the models) when the interop tests ran."""
    table = config.stash.get(_TABLE, None)
    if table is None:
        return
    columns = ["models", *TOOLS]
    names = list(table["models"])
    widths = [max(len(n) for n in names), *(max(len(c), len("invalid ≠")) for c in columns)]

    def row(cells: list[str]) -> str:
        return "  ".join(f"{cell:<{width}}" for cell, width in zip(cells, widths, strict=True))

    write = terminalreporter.write_line
    terminalreporter.section("interop verdicts")
    write(row(["case", *columns]).rstrip())
    for name in names:
        cells = [name]
        for column in columns:
            said = table[column][name]
            cells.append(
                ("valid" if said else "invalid") + ("" if said == table["models"][name] else " ≠")
            )
        write(row(cells).rstrip())
    valid = sum(table["models"].values())
    agree = {t: sum(table[t][n] == table["models"][n] for n in names) for t in TOOLS}
    write(f"{len(names)} cases ({valid} valid, {len(names) - valid} invalid per the models)")
    write("agreement with the models: " + ", ".join(f"{t} {agree[t]}/{len(names)}" for t in TOOLS))
