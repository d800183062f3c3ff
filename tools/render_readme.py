"""Regenerate the README's generated sections (error codes, vocabularies) from the code.

Run: python tools/render_readme.py  (tests/test_readme.py fails when README.md is stale).
"""

from __future__ import annotations

import re
from pathlib import Path

from jointstmt.findings import CODES
from jointstmt.model.vocabulary import markdown

README = Path(__file__).resolve().parent.parent / "README.md"


def codes_table() -> str:
    rows = ["| code | meaning |", "| --- | --- |"]
    rows += [f"| `{code}` | {meaning} |" for code, meaning in CODES.items()]
    return "\n".join(rows)


def render(text: str) -> str:
    for name, body in (("codes", codes_table()), ("vocabularies", markdown().rstrip())):
        text = re.sub(
            rf"<!-- {name}:start -->.*?<!-- {name}:end -->",
            lambda _, n=name, b=body: f"<!-- {n}:start -->\n{b}\n<!-- {n}:end -->",
            text,
            flags=re.S,
        )
    return text


if __name__ == "__main__":
    README.write_text(render(README.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"updated {README}")
