"""Writing statements back to YAML, such that ``loads(dumps(s)) == s``.

Output is block-style YAML 1.2 with keys in model order and defaults left out.
Strings that YAML would read as something else (``"2024-05-31"``, ``"1"``,
``"true"``) are quoted by the emitter's resolver.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import Any

from jointstmt.loader import LoadError, parse_yaml
from jointstmt.model import JointStatement


def dumps(statement: JointStatement) -> str:
    """The statement as YAML text."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.Representer = _representer()
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]  # keep model order
    yaml.allow_unicode = True
    yaml.width = 100
    out = io.StringIO()
    yaml.dump(statement.model_dump(mode="json", exclude_defaults=True), out)
    return out.getvalue()


@cache
def _representer() -> Any:
    """ruamel's safe representer, but a string goes out plain only if it reads back the same.

    ruamel's own resolver is not the loader's (``.5e3`` is a string to ruamel, a number to
    the YAML 1.2 core schema), its folding of a long plain scalar after a run of spaces
    loses a space, and libyaml breaks lines at U+0085/U+2028/U+2029: all such strings, and
    any that the loader would read as another value, are double-quoted (and escaped).
    """
    from ruamel.yaml.representer import SafeRepresenter

    class Representer(SafeRepresenter):
        pass

    def represent_str(representer: SafeRepresenter, text: str) -> Any:
        style = None if _plain_reads_back(text) else '"'
        return representer.represent_scalar("tag:yaml.org,2002:str", text, style=style)

    Representer.add_representer(str, represent_str)
    return Representer


def _plain_reads_back(text: str) -> bool:
    if "  " in text or any(c in text for c in "\n\r\x85\u2028\u2029"):
        return False
    try:
        return parse_yaml(b"k: " + text.encode("utf-8")).data == {"k": text}
    except LoadError:
        return False


def dump(statement: JointStatement, path: str | Path) -> None:
    """Write the statement as YAML to ``path`` (UTF-8), atomically: a failure leaves the file as it was.

    Raises ``OSError`` when the file cannot be written (a read-only file, a missing
    folder, a symlink that leads out of its folder).
    """
    from jointstmt.fileio import atomic_write

    atomic_write(Path(path), dumps(statement).encode("utf-8"))
