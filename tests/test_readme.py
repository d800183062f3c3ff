"""The README stays true: its generated tables match the code, its commands are the CI's."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _render_readme() -> object:
    spec = importlib.util.spec_from_file_location(
        "render_readme", ROOT / "tools" / "render_readme.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_tables_are_generated_from_the_code() -> None:
    """Codes and vocabularies in the README match findings.py and vocabulary.py (tools/render_readme.py)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert _render_readme().render(text) == text  # type: ignore[attr-defined]


def test_ci_runs_the_readmes_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in (
        "pip install . && jointstmt validate datasets/",
        "pip install -e '.[test]' && pytest",
    ):
        assert command in readme
        assert command in ci.replace("pip install --quiet", "pip install")


def test_the_layout_names_every_module_and_where_each_code_prefix_lives() -> None:
    """A newcomer finds each module, and each finding code's home, from the README."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme[readme.index("## Layout") :]
    package = ROOT / "src" / "jointstmt"
    modules = [p.name for p in package.glob("*.py") if not p.name.startswith("_")]
    modules += [p.name + "/" for p in package.iterdir() if (p / "__init__.py").is_file()]
    assert [m for m in modules if m not in layout] == []
    for prefix in ("io.*", "yaml.*", "schema.*", "rule.*"):
        assert f"`{prefix}` in" in layout
