"""The cases every tool judges: the reference statements, and mutations of the examples.

Each case is one YAML file. Its expected verdict is the models' (the YAML and
structure layers: what the published schema is meant to express; the rules
need source files and registries a schema cannot carry). An invalid mutation
names the line its error is on, so that located diagnostics can be checked.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from jointstmt.findings import Finding
from jointstmt.loader import parse_yaml
from jointstmt.validation import check_bytes
from jointstmt.versions import VERSIONS

FILE_NAME = VERSIONS[1].schema_file

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "tests" / "examples"
DATASETS = ROOT / "datasets"

# the editor modeline the README gives, for a statement two folders below schemas/
MODELINE = f"# yaml-language-server: $schema=../../schemas/{FILE_NAME}\n"

B, V, M = "bilateral-leaders", "virtual-plurilateral", "multi-city"


@dataclass(frozen=True)
class Mutation:
    """Replace ``old`` (once) with ``new`` in an example.

    ``line`` marks an invalid mutation: its error is on the first line of the
    mutated file that contains this text (for a missing key, the line where its
    parent mapping starts). ``None`` marks a mutation that stays valid.
    """

    name: str
    example: str
    old: str
    new: str
    line: str | None

    def apply(self) -> str:
        text = (EXAMPLES / self.example / "statement.yaml").read_text(encoding="utf-8")
        if self.old not in text:
            raise LookupError(f"{self.name}: {self.old!r} is not in {self.example}")
        return text.replace(self.old, self.new, 1)


_B_TITLE = "title: Joint Statement by the President of the United States and the Prime Minister of Norway\n"
_B_SHA = "    sha256: 26e7c524742eb133010df151a6066d61a88a1622d74036442c889bf9d874a817\n"

INVALID = [
    # the document and its keys
    Mutation("unknown-key", B, "language: en\n", "language: en\ncolour: red\n", "colour: red"),
    Mutation("unknown-nested-key", B, "  level: leaders\n", "  level: leaders\n  colour: red\n", "colour: red"),
    Mutation("missing-title", B, _B_TITLE, "", "schema_version: 1"),
    Mutation("title-number", B, _B_TITLE, "title: 12\n", "title: 12"),
    Mutation("title-empty", B, _B_TITLE, 'title: ""\n', 'title: ""'),
    Mutation("required-null", B, "    publisher: Example Publisher", "    publisher: null", "publisher: null"),
    Mutation("schema-version-2", B, "schema_version: 1", "schema_version: 2", "schema_version: 2"),
    Mutation("schema-version-string", B, "schema_version: 1", 'schema_version: "1"', "schema_version:"),
    # vocabularies
    Mutation("document-type", B, "document_type: leaders_statement", "document_type: press_release", "document_type:"),
    Mutation("rank", B, "rank: head_of_state", "rank: king", "rank: king"),
    Mutation("meeting-mode", V, "mode: virtual", "mode: online", "mode: online"),
    Mutation("entity-kind", B, "    kind: state", "    kind: country", "kind: country"),
    Mutation("topic", B, "topics: [partnership]", "topics: [friendship]", "topics: [friendship]"),
    Mutation("country-unknown", B, "    country: UA\n", "    country: XX\n", "country: XX"),
    Mutation("country-lower-case", B, "    country: UA\n", "    country: ua\n", "country: ua"),
    Mutation(
        "verification",
        B,
        "clauses:\n",
        "paragraphs:\n  - {number: 1, span: {start: 0, end: 10}, verification: checked}\nclauses:\n",
        "verification: checked",
    ),
    # patterns: slugs, dates, times, codes
    Mutation("slug-case", B, "id: us-norway-2025-03-12", "id: Us_Norway", "id: Us_Norway"),
    Mutation("slug-trailing-newline", B, "id: us-norway-2025-03-12", 'id: "us-norway-2025-03-12\\n"', "id: "),
    Mutation("slug-non-ascii-digits", B, "id: us-norway-2025-03-12", "id: us-norway-२०२५", "id: "),
    Mutation("date-impossible", B, "issued: 2025-03-12", "issued: 2025-02-30", "issued:"),
    Mutation("date-not-leap-year", B, "issued: 2025-03-12", "issued: 2023-02-29", "issued:"),
    Mutation("date-century-not-leap", B, "issued: 2025-03-12", "issued: 1900-02-29", "issued:"),
    Mutation("date-year-zero", B, "issued: 2025-03-12", "issued: 0000-01-01", "issued:"),
    Mutation("date-short-month", B, "issued: 2025-03-12", "issued: 2025-3-12", "issued:"),
    Mutation("date-non-ascii-digit", B, "issued: 2025-03-12", 'issued: "2025-03-1٢"', "issued:"),
    Mutation("date-trailing-newline", B, "issued: 2025-03-12", 'issued: "2025-03-12\\n"', "issued:"),
    Mutation("time-24", B, "  end: 2025-03-12\n", '  end: 2025-03-12\n  start_time: "24:00"\n', "start_time:"),
    Mutation("time-one-digit-hour", B, "  end: 2025-03-12\n", '  end: 2025-03-12\n  start_time: "9:30"\n', "start_time:"),
    Mutation("time-zone-space", B, "  end: 2025-03-12\n", "  end: 2025-03-12\n  time_zone: America/New York\n", "time_zone:"),
    Mutation("language-tag", B, "language: en", "language: english", "language: english"),
    Mutation("language-tag-underscore", M, "[{language: fr, name", '[{language: "fr_FR", name', "fr_FR"),
    Mutation("subdivision-lower-case", B, "subdivision: US-DC", "subdivision: us-dc", "subdivision:"),
    Mutation("sha256-upper-case", B, _B_SHA, _B_SHA.upper().replace("SHA256", "sha256"), "sha256:"),
    Mutation("wikidata-leading-zero", V, "wikidata: Q458", "wikidata: Q0458", "Q0458"),
    Mutation("url-space", V, "url: https://example.org/statements/red-sea", 'url: "https://example.org/statements/red sea"', "url:"),
    Mutation("url-scheme", V, "url: https://example.org/statements/red-sea", "url: ftp://example.org/statements/red-sea", "url:"),
    Mutation("url-c1-control", V, "url: https://example.org/statements/red-sea", 'url: "https://example.org/red\\x85sea"', "url:"),
    Mutation("url-trailing-newline", V, "url: https://example.org/statements/red-sea", 'url: "https://example.org/red-sea\\n"', "url:"),
    # numbers and sizes
    Mutation("span-negative", B, "span: {start: 285, end: 357}", "span: {start: -1, end: 357}", "start: -1"),
    Mutation("span-fraction", B, "span: {start: 285, end: 357}", "span: {start: 285.5, end: 357}", "285.5"),
    Mutation("span-boolean", B, "span: {start: 285, end: 357}", "span: {start: true, end: 357}", "start: true"),
    Mutation("span-string", B, "span: {start: 285, end: 357}", 'span: {start: "285", end: 357}', 'start: "285"'),
    Mutation("span-missing", B, "    span: {start: 285, end: 357}\n", "", "- id: condemn-attacks"),
    Mutation("ordinal-zero", B, "  level: leaders\n", "  level: leaders\n  series: {name: Summits, ordinal: 0, source: text}\n", "series:"),
    Mutation("actors-empty", B, "actors: [us]", "actors: []", "actors: []"),
    Mutation("places-empty", M, "    places:\n      - {locality: Strasbourg, subdivision: FR-67, country: FR, source: text}\n      - {locality: Kehl, subdivision: DE-BW, country: DE, source: text}\n", "    places: []\n", "places: []"),
    # conditional and exclusive keys
    Mutation("participant-country-and-organization", B, "    country: NO\n", "    country: NO\n    organization: eu\n", '- id: "no"'),
    Mutation("participant-neither", B, "    country: NO\n", "", '- id: "no"'),
    Mutation("statement-text-without-sha256", B, _B_SHA, "", "- id: text"),
    Mutation("person-without-source", M, ", given_name: Ana, source: text}", ", given_name: Ana}", "person: {name: Ana"),
    # clauses: the union on `type`
    Mutation("clause-type-unknown", B, "type: condemnation", "type: denunciation", "type: denunciation"),
    Mutation("clause-type-missing", B, "    type: condemnation\n", "", "- id: condemn-attacks"),
    Mutation("clause-field-misspelt", B, "    condemns: the attacks", "    condemn: the attacks", "condemn: the attacks"),
    Mutation("clause-field-of-another-type", B, "    condemns: the attacks", "    welcomes: the attacks", "welcomes: the attacks"),
    Mutation("reaffirmation-not-reaffirmed", B, "topics: [partnership]", "reaffirmed: false", "reaffirmed: false"),
    Mutation("reaffirmed-yes", B, "    condemns: the attacks", "    reaffirmed: yes\n    condemns: the attacks", "reaffirmed: yes"),
]  # fmt: skip

VALID = [
    Mutation("optional-null", B, "    publisher: Example Publisher\n", "    publisher: Example Publisher\n    title: null\n", None),
    Mutation("span-whole-float", B, "span: {start: 285, end: 357}", "span: {start: 285.0, end: 357}", None),
    Mutation("boolean-capitalised", B, "    condemns: the attacks", "    reaffirmed: True\n    condemns: the attacks", None),
    Mutation("time-unquoted", B, "  end: 2025-03-12\n", "  end: 2025-03-12\n  start_time: 09:30\n  end_time: 23:59\n  time_zone: America/New_York\n", None),
    Mutation("date-leap-day", B, "issued: 2025-03-12", "issued: 2024-02-29", None),
    Mutation("date-leap-century", B, "issued: 2025-03-12", "issued: 2000-02-29", None),
    Mutation("language-tag-script-region", B, "language: en", "language: zh-Hant-TW", None),
    Mutation("url-non-ascii", V, "url: https://example.org/statements/red-sea", "url: https://example.org/statements/红海", None),
    Mutation("series", B, "  level: leaders\n", "  level: leaders\n  series: {name: Summits, ordinal: 13, source: text}\n", None),
    Mutation("paragraphs", B, "clauses:\n", "paragraphs:\n  - {number: 1, span: {start: 0, end: 10}, verification: identical}\nclauses:\n", None),
    Mutation("mode-hybrid", V, "mode: virtual", "mode: hybrid", None),
]  # fmt: skip


@dataclass(frozen=True)
class Case:
    """One YAML file to judge, with what the models say about it."""

    name: str
    text: str
    line: int | None  # where an invalid mutation's error is (1-based, in ``text``)

    @cached_property
    def findings(self) -> list[Finding]:
        """The models' YAML and structure findings (the rules are not the schema's business)."""
        outcome = check_bytes(self.text.encode("utf-8"), None)
        return [f for f in outcome.findings if f.code.startswith(("yaml.", "schema."))]

    @property
    def valid(self) -> bool:
        """The models' verdict."""
        return not self.findings


def _line_of(text: str, marker: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if marker in line:
            return number
    raise LookupError(marker)


def cases(header: str = "") -> list[Case]:
    """Every case, each file's text starting with ``header`` (e.g. an editor modeline)."""
    found = []
    for path in sorted(DATASETS.glob("*/**/*.yaml")):
        text = header + path.read_text(encoding="utf-8")
        if "\nschema_version: 1\n" in text:  # these cases run against the version-1 schema
            found.append(Case(f"dataset-{path.stem}", text, None))
    for path in sorted(EXAMPLES.glob("*/statement.yaml")):
        text = header + path.read_text(encoding="utf-8")
        found.append(Case(f"example-{path.parent.name}", text, None))
    for mutation in INVALID + VALID:
        text = header + mutation.apply()
        line = None if mutation.line is None else _line_of(text, mutation.line)
        found.append(Case(mutation.name, text, line))
    return found


@dataclass(frozen=True)
class Workspace:
    """The cases on disk: ``schemas/`` (the committed schema), ``cases/<name>/statement.yaml``
    (each with the modeline) and ``json/<name>.json`` (the loader's reading, for JSON-only tools)."""

    root: Path
    schema: Path
    cases: dict[str, Case]
    yaml: dict[str, Path]
    json: dict[str, Path]
    data: dict[str, Any]


def write_workspace(root: Path) -> Workspace:
    """Lay every case out under ``root``."""
    schema = root / "schemas" / FILE_NAME
    schema.parent.mkdir()
    shutil.copyfile(ROOT / "schemas" / FILE_NAME, schema)
    (root / "json").mkdir()
    all_cases = {case.name: case for case in cases(MODELINE)}
    yaml, instances, data = {}, {}, {}
    for name, case in all_cases.items():
        yaml[name] = root / "cases" / name / "statement.yaml"
        yaml[name].parent.mkdir(parents=True)
        yaml[name].write_text(case.text, encoding="utf-8")
        data[name] = parse_yaml(case.text.encode("utf-8")).data
        instances[name] = root / "json" / f"{name}.json"
        instances[name].write_text(json.dumps(data[name], ensure_ascii=False), encoding="utf-8")
    return Workspace(root, schema, all_cases, yaml, instances, data)
