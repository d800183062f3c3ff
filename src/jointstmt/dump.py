"""Writing statements back to YAML, such that ``loads(dumps(s)) == s``.

Output is block-style YAML 1.2 with keys in model order and defaults left out.
Strings that YAML would read as something else (``"2024-05-31"``, ``"1"``,
``"true"``) are quoted by the emitter's resolver.
"""

from __future__ import annotations

import io
from pathlib import Path

from jointstmt.model import JointStatement


def dumps(statement: JointStatement) -> str:
    """The statement as YAML text."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]  # keep model order
    yaml.allow_unicode = True
    yaml.width = 100
    out = io.StringIO()
    yaml.dump(statement.model_dump(mode="json", exclude_defaults=True), out)
    return out.getvalue()


def dump(statement: JointStatement, path: str | Path) -> None:
    """Write the statement as YAML to ``path`` (UTF-8)."""
    Path(path).write_text(dumps(statement), encoding="utf-8")
