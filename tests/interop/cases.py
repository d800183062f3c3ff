"""The cases every tool judges: the reference statements, and mutations of the examples.

Each case is one YAML file, judged against the published schema of its version:
a statement or example by the ``schema_version`` it declares, a mutation by
that of the example it mutates. Its expected verdict is the models' (the YAML
and structure layers: what the published schema is meant to express; the rules
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

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "tests" / "examples"
DATASETS = ROOT / "datasets"


def modeline(version: int) -> str:
    """The editor modeline the README gives, for a statement two folders below schemas/."""
    return f"# yaml-language-server: $schema=../../schemas/{VERSIONS[version].schema_file}\n"


MODELINE = modeline(1)

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

_INVALID_1 = [
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

_VALID_1 = [
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


# version 2: its examples, by the shape each shows
R, S, G = "v2/reciprocal-items", "v2/several-meetings", "v2/signature-block"
N, P, F = "v2/no-meeting-governments", "v2/grouping-members", "v2/work-fr"

_R_SOURCE = "publisher: Example Ministry}\n"
_R_SHA = "sha256: 50af99ff6b4a1b3d75882b8987e75d9f55fc0f63b0a8816ae4150b0dcc4902ab, "
_R_CONDITION = "  condition:\n    text: provided that Alpha carries out item 1\n    span: {start: 204, end: 242}\n"
_R_DATE = "{role: deadline, date: '2025-07-01', wording"
_N_PARTIES = (
    "parties:\n- id: au\n  name: Australia\n  kind: government\n  country: AU\n"
    "  span: {start: 42, end: 51}\n- id: nz\n  name: New Zealand\n  kind: government\n"
    "  country: NZ\n  span: {start: 56, end: 67}\n"
)
_N_SOURCES = (
    "sources:\n- {id: text, role: statement_text, path: statement.txt, sha256: "
    "2ddef0083cef5023ed33779f1862cf367a7cca452790d3c2c6f872d68e7bbca5, publisher: Example Ministry}\n"
)


def _outside(source: str) -> str:
    """A second source after the statement text of the reciprocal-items example."""
    return f"{_R_SOURCE}- {{id: ref, {source}}}\n"


_INVALID_2 = [
    # the document and its keys, version-2 keys included
    Mutation("v2-unknown-key", R, "language: en\n", "language: en\ncolour: red\n", "colour: red"),
    Mutation("v2-version-1-key", R, "language: en\n", "language: en\nmeeting: {name: Talks}\n", "meeting:"),
    Mutation("v2-unknown-party-key", N, "  country: AU\n", "  country: AU\n  colour: red\n", "colour: red"),
    Mutation("v2-unknown-clause-key", R, "  label: '1.'\n", "  label: '1.'\n  lable: '1.'\n", "lable:"),
    Mutation("v2-missing-body", N, "body:\n  span: {start: 69, end: 161}\n", "", "schema_version: 2"),
    Mutation("v2-missing-parties", N, _N_PARTIES, "", "schema_version: 2"),
    Mutation("v2-missing-sources", N, _N_SOURCES, "", "schema_version: 2"),
    Mutation("v2-missing-meeting-relation", S, "- id: meeting\n  relation: recorded\n", "- id: meeting\n", "- id: meeting"),
    Mutation("v2-missing-meeting-mode", S, "  mode: not_stated\n  location: {wording: Bali}", "  location: {wording: Bali}", "- id: bali"),
    Mutation("v2-missing-participant-party", G, "  party: alpha\n", "", "- id: alpha-minister"),
    Mutation("v2-missing-clause-span", N, "  span: {start: 114, end: 161}\n", "", "- id: call-cease"),
    Mutation("v2-missing-clause-field", G, "  declares: their intention to cooperate on energy\n", "", "- id: declare-energy"),
    Mutation("v2-missing-condition-text", R, _R_CONDITION, "  condition: {span: {start: 204, end: 242}}\n", "condition:"),
    Mutation("v2-schema-version-3", R, "schema_version: 2", "schema_version: 3", "schema_version: 3"),
    Mutation("v2-schema-version-string", R, "schema_version: 2", 'schema_version: "2"', "schema_version:"),
    # vocabularies
    Mutation("v2-document-type", R, "document_type: framework", "document_type: press_release", "document_type:"),
    Mutation("v2-party-kind", N, "  kind: government\n", "  kind: country\n", "kind: country"),
    Mutation("v2-party-role", N, "  kind: government\n", "  kind: government\n  role: speaker\n", "role: speaker"),
    Mutation("v2-participant-kind", P, "  kind: delegation\n", "  kind: team\n", "kind: team"),
    Mutation("v2-participant-role", G, "  role: signatory\n", "  role: signer\n", "role: signer"),
    Mutation("v2-rank", G, "  rank: minister\n", "  rank: king\n", "rank: king"),
    Mutation("v2-meeting-mode", S, "  mode: in_person\n", "  mode: online\n", "mode: online"),
    Mutation("v2-meeting-relation", S, "  relation: occasion\n", "  relation: sideline\n", "relation: sideline"),
    Mutation("v2-meeting-format", S, "  format: multilateral\n", "  format: summit\n", "format: summit"),
    Mutation("v2-entity-kind", P, "kind: agreement}", "kind: treaty}", "kind: treaty"),
    Mutation("v2-legal-character", P, "kind: agreement}", "kind: agreement, legal_character: secret}", "legal_character"),
    Mutation("v2-clause-type", N, "  type: condemnation\n", "  type: denunciation\n", "type: denunciation"),
    Mutation("v2-part", N, "  topics: [freedom_of_navigation]\n- id: call-cease", "  topics: [freedom_of_navigation]\n  part: body\n- id: call-cease", "part: body"),
    Mutation("v2-modality", R, "  modality: will\n", "  modality: shall not\n", "modality: shall not"),
    Mutation("v2-topic", N, "topics: [freedom_of_navigation]", "topics: [shipping]", "topics: [shipping]"),
    Mutation("v2-date-role", R, "{role: deadline,", "{role: due,", "role: due"),
    Mutation("v2-quantity-kind", R, "{kind: percentage, value: 19", "{kind: percent, value: 19", "kind: percent"),
    Mutation("v2-quantity-qualifier", R, "value: 19, unit", "value: 19, qualifier: about, unit", "qualifier: about"),
    Mutation("v2-citation-relation", P, "relation: endorses}", "relation: likes}", "relation: likes"),
    Mutation("v2-clause-relation", R, "{type: reciprocal_of, clause: beta-barriers}", "{type: mirrors, clause: beta-barriers}", "type: mirrors"),
    Mutation("v2-country-unknown", N, "  country: AU\n", "  country: XX\n", "country: XX"),
    # types and sizes
    Mutation("v2-quantity-string", R, "value: 19,", 'value: "19",', 'value: "19"'),
    Mutation("v2-quantity-boolean", R, "value: 19,", "value: true,", "value: true"),
    Mutation("v2-members-not-a-list", P, "  members: [ca, fr, de, it, jp, gb, us]\n", "  members: ca\n", "members: ca"),
    Mutation("v2-alternatives-string", S, "location: {wording: Rome}", "location: {wording: Rome, alternatives: 'yes'}", "alternatives:"),
    Mutation("v2-ordinal-zero", S, "ordinal: 3", "ordinal: 0", "ordinal: 0"),
    Mutation("v2-body-span-negative", N, "  span: {start: 69, end: 161}\n", "  span: {start: -1, end: 161}\n", "start: -1"),
    Mutation("v2-actors-empty", R, "  actors: [alpha]\n", "  actors: []\n", "actors: []"),
    Mutation("v2-person-sources-empty", G, "    sources: [text]\n", "    sources: []\n", "sources: []"),
    Mutation("v2-label-empty", R, "  label: '1.'\n", "  label: ''\n", "label: ''"),
    # patterns: partial dates, slugs, times, commits
    Mutation("v2-partial-date-month-13", R, _R_DATE, "{role: deadline, date: '2024-13', wording", "date: '2024-13'"),
    Mutation("v2-partial-date-impossible-day", R, _R_DATE, "{role: deadline, date: '2025-02-30', wording", "date: '2025-02-30'"),
    Mutation("v2-partial-date-not-leap-year", R, _R_DATE, "{role: deadline, date: '2023-02-29', wording", "date: '2023-02-29'"),
    Mutation("v2-partial-date-year-zero", R, _R_DATE, "{role: deadline, date: '0000-01-01', wording", "date: '0000-01-01'"),
    Mutation("v2-partial-date-short-month", R, _R_DATE, "{role: deadline, date: '2025-7', wording", "date: '2025-7'"),
    Mutation("v2-partial-date-unquoted-year", R, _R_DATE, "{role: deadline, date: 2025, wording", "date: 2025"),
    Mutation("v2-partial-date-trailing-newline", R, _R_DATE, '{role: deadline, date: "2025\\n", wording', "date: "),
    Mutation("v2-work-slug", F, "work: migration-declaration", "work: Migration Declaration", "work:"),
    Mutation("v2-meeting-id-slug", S, "meeting_id: rio", "meeting_id: Rio", "meeting_id: Rio"),
    Mutation("v2-issued-time-24", R, "issued: '2025-07-22'\n", "issued: '2025-07-22'\nissued_time: '24:00'\n", "issued_time:"),
    Mutation("v2-capture-commit-upper-case", R, _R_SOURCE, "publisher: Example Ministry, capture: {commit: ABCDEF1}}\n", "capture:"),
    Mutation("v2-capture-commit-short", R, _R_SOURCE, "publisher: Example Ministry, capture: {commit: abc12}}\n", "capture:"),
    Mutation("v2-capture-unknown-key", R, _R_SOURCE, "publisher: Example Ministry, capture: {branch: main}}\n", "capture:"),
    # the unions: sources on `role`, clauses on `type`
    Mutation("v2-statement-text-without-sha256", R, _R_SHA, "", "- {id: text"),
    Mutation("v2-source-role-unknown", R, _R_SOURCE, _outside("role: press, publisher: Example"), "- {id: ref"),
    Mutation("v2-reference-with-sha256", R, _R_SOURCE, _outside("role: reference, publisher: Example, sha256: " + "0" * 64), "- {id: ref"),
    Mutation("v2-reference-with-path", R, _R_SOURCE, _outside("role: reference, publisher: Example, path: ref.txt"), "- {id: ref"),
    Mutation("v2-statement-text-role-on-a-reference", R, _R_SOURCE, _outside("role: statement_text, publisher: Example"), "- {id: ref"),
    Mutation("v2-source-role-missing", R, _R_SOURCE, _outside("publisher: Example"), "- {id: ref"),
    Mutation("v2-clause-field-of-another-type", N, "  condemns: the attacks", "  welcomes: the attacks", "welcomes: the attacks"),
    Mutation("v2-clause-type-missing", N, "  type: condemnation\n", "", "- id: condemn-attacks"),
    Mutation("v2-future-meeting-field-on-a-call", N, "  addressees: [the-group]\n", "  addressees: [the-group]\n  meeting_id: the-group\n", "meeting_id:"),
]  # fmt: skip

_VALID_2 = [
    Mutation("v2-optional-null", F, "work: migration-declaration\n", "work: null\n", None),
    Mutation("v2-quantity-fraction", R, "value: 19,", "value: 19.5,", None),
    Mutation("v2-partial-date-year", R, _R_DATE, "{role: deadline, date: '2025', wording", None),
    Mutation("v2-partial-date-month", R, _R_DATE, "{role: deadline, date: '2025-07', wording", None),
    Mutation("v2-partial-date-leap-day", R, _R_DATE, "{role: deadline, date: '2024-02-29', wording", None),
    Mutation("v2-partial-date-unquoted-day", R, _R_DATE, "{role: deadline, date: 2025-07-01, wording", None),
    Mutation("v2-date-wording-only", R, _R_DATE, "{role: deadline, wording", None),
    Mutation("v2-meeting-phone-call", S, "  mode: in_person\n", "  mode: phone_call\n", None),
    Mutation("v2-issued-time", R, "issued: '2025-07-22'\n", "issued: '2025-07-22'\nissued_time: 09:30\nissued_time_zone: Asia/Jakarta\n", None),
    Mutation("v2-capture", R, _R_SOURCE, "publisher: Example Ministry, capture: {repository: owner/name, commit: 0123abc, retrieved: 2025-07-23}}\n", None),
    Mutation("v2-outside-source", R, _R_SOURCE, _outside("role: reference, publisher: Example, url: 'https://example.org/a'"), None),
    Mutation("v2-reaffirmed-commitment", R, "  modality: will\n", "  modality: will\n  reaffirmed: true\n", None),
    Mutation("v2-party-role-witness", N, "  kind: government\n", "  kind: government\n  role: witness\n", None),
]  # fmt: skip

INVALID = {1: _INVALID_1, 2: _INVALID_2}
"""The invalid mutations of each version's examples."""
VALID = {1: _VALID_1, 2: _VALID_2}
"""The mutations of each version's examples that stay valid."""


@dataclass(frozen=True)
class Case:
    """One YAML file to judge against its version's schema, with what the models say about it."""

    name: str
    version: int
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


def declared_version(path: Path) -> Any:
    """The ``schema_version`` a statement file declares."""
    return parse_yaml(path.read_bytes()).data.get("schema_version")


def cases(version: int, header: str = "") -> list[Case]:
    """Every case of ``version``, each file's text starting with ``header`` (e.g. a modeline)."""
    files = [
        *((f"dataset-{p.stem}", p) for p in sorted(DATASETS.glob("*/**/*.yaml"))),
        *(
            ("example-" + "-".join(p.parent.relative_to(EXAMPLES).parts), p)
            for p in sorted(EXAMPLES.glob("**/statement.yaml"))
        ),
    ]
    found = [
        Case(name, version, header + path.read_text(encoding="utf-8"), None)
        for name, path in files
        if declared_version(path) == version
    ]
    for mutation in INVALID[version] + VALID[version]:
        text = header + mutation.apply()
        line = None if mutation.line is None else _line_of(text, mutation.line)
        found.append(Case(mutation.name, version, text, line))
    return found


@dataclass(frozen=True)
class Workspace:
    """The cases on disk: ``schemas/`` (the committed schemas), ``cases/<name>/statement.yaml``
    (each with its version's modeline) and ``json/v<N>/<name>.json`` (the loader's reading, for
    JSON-only tools)."""

    root: Path
    schemas: dict[int, Path]
    cases: dict[str, Case]
    yaml: dict[str, Path]
    json: dict[str, Path]
    data: dict[str, Any]

    def of(self, version: int) -> list[str]:
        """The names of the cases of ``version``."""
        return [name for name, case in self.cases.items() if case.version == version]


def write_workspace(root: Path) -> Workspace:
    """Lay every case of every version out under ``root``."""
    (root / "schemas").mkdir()
    schemas, all_cases = {}, {}
    for version, entry in VERSIONS.items():
        schemas[version] = root / "schemas" / entry.schema_file
        shutil.copyfile(ROOT / "schemas" / entry.schema_file, schemas[version])
        (root / "json" / f"v{version}").mkdir(parents=True)
        for case in cases(version, modeline(version)):
            if case.name in all_cases:
                raise ValueError(f"two cases are named {case.name}")
            all_cases[case.name] = case
    yaml, instances, data = {}, {}, {}
    for name, case in all_cases.items():
        yaml[name] = root / "cases" / name / "statement.yaml"
        yaml[name].parent.mkdir(parents=True)
        yaml[name].write_text(case.text, encoding="utf-8")
        data[name] = parse_yaml(case.text.encode("utf-8")).data
        instances[name] = root / "json" / f"v{case.version}" / f"{name}.json"
        instances[name].write_text(json.dumps(data[name], ensure_ascii=False), encoding="utf-8")
    return Workspace(root, schemas, all_cases, yaml, instances, data)
