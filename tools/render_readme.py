"""Regenerate the README's generated sections (error codes, vocabularies, clause fields) from the code.

Run: python tools/render_readme.py  (tests/test_readme.py fails when README.md is stale).
"""

from __future__ import annotations

import re
from pathlib import Path

from jointstmt.findings import CODES
from jointstmt.model.v2.clauses import CLAUSE_CLASSES
from jointstmt.model.vocabulary import CLAUSE_TYPES_2, markdown

README = Path(__file__).resolve().parent.parent / "README.md"


def codes_table() -> str:
    rows = ["| code | meaning |", "| --- | --- |"]
    rows += [f"| `{code}` | {meaning} |" for code, meaning in CODES.items()]
    return "\n".join(rows)


def clause_fields_table() -> str:
    """Each version-2 clause type, its type-specific field and what the field holds."""
    rows = ["| type | field | what it holds |", "| --- | --- | --- |"]
    for term in CLAUSE_TYPES_2:
        cls = CLAUSE_CLASSES[term.value]
        fields = [cls.value_field] + [
            name
            for name in cls.model_fields
            if name not in cls.__mro__[1].model_fields and name not in ("type", cls.value_field)
        ]
        descriptions = "; ".join(
            f"`{name}`: " + str(cls.model_fields[name].description).replace("``", "`").rstrip(".")
            for name in fields
        )
        rows.append(f"| `{term.value}` | `{cls.value_field}` | {descriptions} |")
    return "\n".join(rows)


SECTIONS = {
    "codes": codes_table,
    "vocabularies": lambda: markdown(1).rstrip(),
    "vocabularies-2": lambda: markdown(2).rstrip(),
    "clause-fields-2": clause_fields_table,
}


def render(text: str) -> str:
    for name, build in SECTIONS.items():
        body = build()
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
