"""GitHub Actions workflow commands, read the way the runner reads them.

This follows ``ActionCommand.TryParseV2`` in actions/runner
(``src/Runner.Common/ActionCommand.cs``): a line
``::name key=value,key=value::data`` is split at the first ``::`` after the name,
properties at ``,`` then at the first ``=``, and ``%0D``, ``%0A``, ``%3A``, ``%2C``
are unescaped before ``%25``.
"""

from __future__ import annotations

from typing import Any

COMMAND_KEY = "::"
_DATA = [("%0D", "\r"), ("%0A", "\n"), ("%25", "%")]
_PROPERTY = [("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")]


def _unescape(text: str, mapping: list[tuple[str, str]]) -> str:
    for escaped, token in mapping:
        text = text.replace(escaped, token)
    return text


def parse_workflow_command(line: str) -> dict[str, Any] | None:
    """The runner's reading of one output line (``None``: not a command)."""
    line = line.lstrip()
    if not line.startswith(COMMAND_KEY):
        return None
    end = line.find(COMMAND_KEY, len(COMMAND_KEY))
    if end < 0:
        return None
    info = line[len(COMMAND_KEY) : end]
    name, _, properties = info.partition(" ")
    command: dict[str, Any] = {"command": name, "properties": {}}
    for item in filter(None, properties.strip().split(",")):
        key, _, value = item.partition("=")
        if key and value:
            command["properties"][key] = _unescape(value, _PROPERTY)
    command["data"] = _unescape(line[end + len(COMMAND_KEY) :], _DATA)
    return command
