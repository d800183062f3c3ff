"""The third-party tools, each run once over every case, each giving a verdict per case.

The npm tools are pinned in ``package.json`` and ``package-lock.json`` and
installed with ``npm ci`` (by ``.ci/run``, or here when ``node_modules`` does not
hold the pinned versions). A tool that cannot be installed or run raises
:class:`ToolMissing`: the harness fails, it never skips.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from .cases import ROOT
from .lsp import LanguageServer

TOOLS = ("ajv", "check-jsonschema", "python-jsonschema", "fastjsonschema", "yaml-language-server")
NODE_MODULES = ROOT / "node_modules"
SCHEMA_FLAGS = ["--spec=draft2020", "--strict=true", "-c", "ajv-formats"]
YAML_LANGUAGE_SERVER = NODE_MODULES / "yaml-language-server" / "bin" / "yaml-language-server"
# the settings an editor would send: validation on, no schema store (no network), YAML 1.2
EDITOR_SETTINGS: dict[str, Any] = {
    "yaml": {"validate": True, "schemaStore": {"enable": False}, "yamlVersion": "1.2"},
    "http": {},
    "[yaml]": {},
    "editor": {},
}


class ToolMissing(RuntimeError):
    """A tool the harness needs is not installed and could not be installed."""


def run(command: list[str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run a tool; a missing executable is :class:`ToolMissing`, never a skip."""
    try:
        return subprocess.run(
            command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
        )
    except FileNotFoundError as error:
        raise ToolMissing(f"cannot run {command[0]}: {error}") from None


def _pinned() -> dict[str, str]:
    manifest = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    return dict(manifest["devDependencies"])


def _installed(name: str) -> str | None:
    manifest = NODE_MODULES / name / "package.json"
    if not manifest.is_file():
        return None
    return str(json.loads(manifest.read_text(encoding="utf-8"))["version"])


def ensure_npm_tools() -> dict[str, str]:
    """The pinned npm tools, installed from the lock file when ``node_modules`` lacks them."""
    pinned = _pinned()
    if any(_installed(name) != version for name, version in pinned.items()):
        npm = shutil.which("npm")
        if npm is None:
            raise ToolMissing("npm is not on PATH: install Node.js 20+ and run `npm ci`")
        done = run([npm, "ci", "--no-audit", "--no-fund"], ROOT, timeout=600)
        if done.returncode != 0:
            raise ToolMissing(f"`npm ci` failed:\n{done.stdout}\n{done.stderr}")
    wrong = {n: _installed(n) for n, v in pinned.items() if _installed(n) != v}
    if wrong:
        raise ToolMissing(f"after `npm ci`, versions differ from package.json: {wrong}")
    return pinned


def ajv(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``ajv`` (ajv-cli) with the strict Draft 2020-12 flags and ajv-formats."""
    return run([str(NODE_MODULES / ".bin" / "ajv"), *arguments, *SCHEMA_FLAGS], cwd)


def ajv_verdicts(schema: Path, instances: dict[str, Path], cwd: Path) -> dict[str, bool]:
    """One ajv process validates every JSON instance (ajv-cli reads YAML with js-yaml 3,
    which turns unquoted dates into Date objects; the instances are the loader's JSON)."""
    folders = {path.parent for path in instances.values()}
    assert len(folders) == 1, "the instances share one folder, read with one glob"
    glob = str(folders.pop().relative_to(cwd) / "*.json")
    done = ajv("validate", "-s", str(schema.relative_to(cwd)), "-d", glob, "--errors=line", cwd=cwd)
    said = dict(re.findall(r"^(\S+) (valid|invalid)$", done.stdout + done.stderr, re.MULTILINE))
    by_file = {str(path.relative_to(cwd)): name for name, path in instances.items()}
    if set(said) != set(by_file):
        raise RuntimeError(f"ajv did not judge every file:\n{done.stdout}\n{done.stderr}")
    return {by_file[file]: verdict == "valid" for file, verdict in said.items()}


def check_jsonschema(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``check-jsonschema`` from this Python environment."""
    return run([sys.executable, "-m", "check_jsonschema", *arguments], cwd)


def check_jsonschema_verdicts(schema: Path, files: dict[str, Path], cwd: Path) -> dict[str, bool]:
    """One check-jsonschema process reads every YAML file itself and validates it."""
    paths = {str(path.relative_to(cwd)): name for name, path in files.items()}
    done = check_jsonschema("--schemafile", str(schema), "-o", "json", *paths, cwd=cwd)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(f"check-jsonschema failed:\n{done.stdout}\n{done.stderr}") from None
    bad = {e["filename"] for e in report["errors"] + report["parse_errors"]}
    unknown = bad - set(paths)
    assert not unknown, unknown
    return {name: path not in bad for path, name in paths.items()}


def fastjsonschema_verdicts(schema: dict[str, Any], data: dict[str, Any]) -> dict[str, bool]:
    """fastjsonschema (compiles the schema to Python code; asserts the formats it knows)."""
    import fastjsonschema

    validate = fastjsonschema.compile(schema)
    verdicts = {}
    for name, instance in data.items():
        try:
            validate(instance)
        except fastjsonschema.JsonSchemaValueException:
            verdicts[name] = False
        else:
            verdicts[name] = True
    return verdicts


def python_jsonschema_verdicts(schema: dict[str, Any], data: dict[str, Any]) -> dict[str, bool]:
    """python-jsonschema, Draft 2020-12 with format assertion, in process."""
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return {name: validator.is_valid(instance) for name, instance in data.items()}


def language_server(root: Path, settings: dict[str, Any] = EDITOR_SETTINGS) -> LanguageServer:
    """yaml-language-server over stdio, with the settings an editor would send."""
    node = shutil.which("node")
    if node is None:
        raise ToolMissing("node is not on PATH: install Node.js 20+")
    return LanguageServer([node, str(YAML_LANGUAGE_SERVER), "--stdio"], settings, root)
