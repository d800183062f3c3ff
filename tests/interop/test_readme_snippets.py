"""The README's snippets for editors, CI, pre-commit and other tools, run as a user would run them.

Each test reads its snippet from the README, so the README cannot drift from
what works. Every snippet runs in a scratch folder; none touches the checkout.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jointstmt.loader import parse_yaml
from jointstmt.versions import VERSIONS

from .cases import EXAMPLES, MODELINE, ROOT
from .tools import EDITOR_SETTINGS, NODE_MODULES, language_server, run
from .workflow_commands import parse_workflow_command

# ajv, check-jsonschema, yaml-language-server, pre-commit: run with `pytest -m "not external"` to skip
pytestmark = pytest.mark.external

FILE_NAME = VERSIONS[1].schema_file
README = ROOT / "README.md"
EXAMPLE = EXAMPLES / "bilateral-leaders"
VALID = (EXAMPLE / "statement.yaml").read_text(encoding="utf-8")
INVALID = VALID.replace("rank: head_of_state", "rank: king", 1)
INVALID_LINE = next(n for n, line in enumerate(INVALID.splitlines(), 1) if "rank: king" in line)
# what the hook repository needs to be installed by pre-commit (pip install .)
PACKAGE_FILES = [
    "pyproject.toml",
    "README.md",
    ".pre-commit-hooks.yaml",
    "src",
    "schemas",
    "datasets",
]


def readme_blocks(heading: str) -> list[tuple[str, str]]:
    """The fenced code blocks (language, code) of a ``## heading`` section of the README."""
    text = README.read_text(encoding="utf-8")
    assert f"\n{heading}\n" in text, f"the README has no section {heading!r}"
    section = text.split(f"\n{heading}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^```(\w+)\n(.*?)^```$", section, re.MULTILINE | re.DOTALL)


def _block(heading: str, language: str, index: int = 0) -> str:
    return [code for lang, code in readme_blocks(heading) if lang == language][index]


def _statement(folder: Path, text: str) -> Path:
    """A statement and its source text in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(EXAMPLE / "statement.txt", folder / "statement.txt")
    (folder / "statement.yaml").write_text(text, encoding="utf-8")
    return folder / "statement.yaml"


def _clean_env(**extra: str) -> dict[str, str]:
    """The environment without anything that would point git at the checkout."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return {**env, **extra}


def _git(*arguments: str, cwd: Path) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=interop", "-c", "user.email=interop@example.org",
         "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *arguments],
        cwd=cwd, env=_clean_env(), capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout.strip()


# --- Use the schema in your editor ---------------------------------------------------------


def test_the_editor_modeline_is_the_one_the_harness_opens_files_with() -> None:
    assert _block("## Use the schema in your editor", "yaml") == MODELINE


def test_the_editor_settings_map_a_folder_of_statements_to_the_schema(
    tmp_path: Path, npm_tools: dict[str, str]
) -> None:
    """The settings snippet, as yaml-language-server receives it from an editor, no modeline."""
    settings = json.loads(_block("## Use the schema in your editor", "json"))
    (tmp_path / "schemas").mkdir()
    shutil.copyfile(ROOT / "schemas" / FILE_NAME, tmp_path / "schemas" / FILE_NAME)
    invalid = _statement(tmp_path / "statements" / "invalid", INVALID)
    valid = _statement(tmp_path / "statements" / "valid", VALID)
    outside = _statement(tmp_path / "elsewhere", INVALID)
    editor = {
        **EDITOR_SETTINGS,
        "yaml": {**EDITOR_SETTINGS["yaml"], "schemas": settings["yaml.schemas"]},
    }
    with language_server(tmp_path, editor) as server:
        published = server.diagnostics([invalid, valid, outside])
    assert [d["range"]["start"]["line"] + 1 for d in published[invalid]] == [INVALID_LINE]
    assert published[valid] == []
    assert published[outside] == []


# --- Validate in CI and pre-commit ---------------------------------------------------------


def _hook_repository(folder: Path) -> str:
    """A git repository holding this checkout's package (committed or not); its commit."""
    folder.mkdir()
    for name in PACKAGE_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copyfile(source, folder / name)
    _git("init", "-q", cwd=folder)
    _git("add", "-A", cwd=folder)
    _git("commit", "-qm", "snapshot of the checkout", cwd=folder)
    return _git("rev-parse", "HEAD", cwd=folder)


def _pre_commit(project: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color=never"],
        cwd=project,
        env=_clean_env(PRE_COMMIT_HOME=str(home)),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_pre_commit_hook_checks_the_statements_of_a_scratch_repository(
    tmp_path: Path,
) -> None:
    """The README's .pre-commit-config.yaml, pointed at a commit of this checkout."""
    rev = _hook_repository(tmp_path / "jointstmt")
    snippet = _block("## Validate in CI and pre-commit", "yaml", 0)
    config = re.sub(r"(?m)^(\s+- repo: ).*$", rf"\g<1>{tmp_path / 'jointstmt'}", snippet)
    config = re.sub(r"(?m)^(\s+rev: ).*$", rf"\g<1>{rev}", config)
    assert config != snippet
    project = tmp_path / "project"
    project.mkdir()
    _git("init", "-q", cwd=project)
    (project / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    _statement(project / "statements" / "valid", VALID)
    _statement(project / "statements" / "invalid", INVALID)
    (project / "other.yaml").write_text("not: [a, statement]\n", encoding="utf-8")
    _git("add", "-A", cwd=project)

    failed = _pre_commit(project, tmp_path / "cache")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert re.search(r"^jointstmt validate\.+Failed$", failed.stdout, re.MULTILINE), failed.stdout
    finding = f"statements/invalid/statement.yaml:{INVALID_LINE}:11: schema.vocabulary:"
    assert finding in failed.stdout
    assert "statements/valid" not in failed.stdout
    assert "other.yaml" not in failed.stdout  # `files:` keeps the hook to the statements

    shutil.rmtree(project / "statements" / "invalid")
    _git("add", "-A", cwd=project)
    passed = _pre_commit(project, tmp_path / "cache")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"^jointstmt validate\.+Passed$", passed.stdout, re.MULTILINE)


def test_the_github_actions_step_annotates_the_offending_line(tmp_path: Path) -> None:
    """The workflow's `jointstmt` step, run in a scratch project; the runner reads its output."""
    workflow = parse_yaml(_block("## Validate in CI and pre-commit", "yaml", 1).encode()).data
    steps = [s["run"] for s in workflow["jobs"]["validate"]["steps"] if "run" in s]
    command = next(s for s in steps if s.startswith("jointstmt "))
    _statement(tmp_path / "statements" / "valid", VALID)
    _statement(tmp_path / "statements" / "invalid", INVALID)
    bin_dir = str(Path(sys.executable).parent)
    done = subprocess.run(
        ["bash", "-c", command],
        cwd=tmp_path,
        env=_clean_env(PATH=bin_dir + os.pathsep + os.environ["PATH"]),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    annotations = [c for c in map(parse_workflow_command, done.stdout.splitlines()) if c]
    assert [(a["command"], a["properties"]) for a in annotations] == [
        (
            "error",
            {
                "file": "statements/invalid/statement.yaml",
                "line": str(INVALID_LINE),
                "col": "11",
                "title": "schema.vocabulary",
            },
        )
    ]


# --- Validate with other tools -------------------------------------------------------------


def _run_other_tools(tmp_path: Path, text: str) -> tuple[subprocess.CompletedProcess[str], str]:
    """The shell snippet (every command, not stopping at the first failure) and the Python one."""
    statement = _statement(tmp_path, text)
    (tmp_path / "node_modules").symlink_to(NODE_MODULES)  # as after `npm install` there
    bin_dir = str(Path(sys.executable).parent)
    env = _clean_env(PATH=bin_dir + os.pathsep + os.environ["PATH"])
    shell = subprocess.run(
        ["bash", "-uo", "pipefail", "-c", _block("## Validate with other tools", "sh")],
        cwd=statement.parent, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    python = run([sys.executable, "-c", _block("## Validate with other tools", "python")], tmp_path)
    assert python.returncode == 0, python.stderr
    return shell, python.stdout


def test_the_other_tools_snippets_accept_a_valid_statement(
    tmp_path: Path, npm_tools: dict[str, str]
) -> None:
    shell, python = _run_other_tools(tmp_path, VALID)
    assert shell.returncode == 0, shell.stdout + shell.stderr
    assert "ok -- validation done" in shell.stdout  # check-jsonschema
    assert "statement.json valid" in shell.stdout  # ajv
    assert python == ""


def test_the_other_tools_snippets_reject_an_invalid_statement(
    tmp_path: Path, npm_tools: dict[str, str]
) -> None:
    shell, python = _run_other_tools(tmp_path, INVALID)
    assert shell.returncode != 0
    assert "Schema validation errors were encountered" in shell.stdout  # check-jsonschema
    assert "statement.json invalid" in shell.stderr  # ajv
    assert python.startswith("statement.yaml: $.participants[0].rank: ")
