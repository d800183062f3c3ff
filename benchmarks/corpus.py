"""Generate a corpus of valid statements of realistic size, each beside its source text.

Run from the repository root::

    python benchmarks/corpus.py OUT_DIR [--count N] [--size BYTES] [--seed S]

Each statement is written as ``OUT_DIR/NNNNN/statement.yaml`` beside its
``statement.txt``. The statements vary the three shapes of ``tests/examples``
(a bilateral summit at one venue; a virtual plurilateral meeting with an
organization among the participants; a meeting in two cities with named persons,
names in other scripts and a series), with three time zones among them, and grow
each to about ``--size`` bytes (default 12,000) with clauses of every type, each
quoting a sentence of a generated source text at its span, grouped into
paragraphs. Every file is valid (``jointstmt validate`` and check-jsonschema accept
it); the benchmark stops if one is not.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from dataclasses import dataclass
from pathlib import Path

from jointstmt.model import CLAUSE_CLASSES

#: The verb a generated sentence uses for each clause type.
_VERBS = {
    "reaffirmation": "reaffirmed",
    "commitment": "committed to",
    "condemnation": "condemned",
    "welcome": "welcomed",
    "concern": "expressed serious concern about",
    "opposition": "strongly opposed",
    "support": "expressed their support for",
    "call": "called for",
    "recognition": "recognized",
    "acknowledgement": "noted",
    "position_statement": "assessed",
    "condolence": "expressed condolences for",
    "unilateral_assurance": "assured the others of",
    "instruction": "instructed their teams to pursue",
    "future_meeting": "looked forward to",
    "report_of_action": "reported on",
    "appreciation": "expressed appreciation for",
}
#: (clause type, its type-specific field, verb), in the model's order; the field is the model's.
_CLAUSE_TYPES = [(kind, cls.value_field, _VERBS[kind]) for kind, cls in CLAUSE_CLASSES.items()]
_TOPICS = [
    "partnership",
    "regional_security",
    "maritime_security",
    "deterrence",
    "nonproliferation",
    "human_rights",
    "cybersecurity",
    "war_in_ukraine",
    "economic_security",
    "science_and_technology",
    "development",
    "climate_and_energy",
    "health",
    "people_to_people",
]
_ADJECTIVES = [
    "enduring",
    "comprehensive",
    "ambitious",
    "resilient",
    "transparent",
    "sustainable",
    "trilateral",
    "regional",
    "inclusive",
    "rules-based",
    "secure",
    "open",
]
_NOUNS = [
    "partnership",
    "cooperation on critical and emerging technologies",
    "supply-chain resilience",
    "freedom of navigation in the East and South China Seas",
    "the complete denuclearization of the Korean Peninsula",
    "peace and stability across the Taiwan Strait",
    "the reconstruction of Ukraine's energy infrastructure",
    "the Pacific Islands Forum's 2050 Strategy",
    "humanitarian assistance to civilians in need",
    "pandemic preparedness and global health security",
    "the clean-energy transition",
    "exchanges between students, researchers and young leaders",
    "the fight against malicious cyber activity",
    "maritime domain awareness",
    "the rule of law and human rights",
    "quantum research and semiconductor supply chains",
    "the abductions issue",
    "women's economic empowerment",
    "the coopération with the Organisation internationale de la Francophonie",
    "the reconstruction of São Tomé's port and the Zürich\u2013Genève rail link",
]
_QUALIFIERS = [
    "in the region and beyond",
    "in accordance with international law",
    "through regular consultations at every level",
    "as a matter of priority",
    "before the end of the year",
    "with partners in the Indo-Pacific",
    "under the framework agreed in 2023",
    "in close coordination with the United Nations",
]


@dataclass(frozen=True)
class _Shape:
    """The parts of a statement that stay fixed while its clauses vary."""

    document_type: str
    format: str
    level: str
    header: str  # meeting and participants, as YAML
    participants: list[str]
    entities: str
    opening: str


_SHAPES = [
    _Shape(
        "leaders_statement",
        "bilateral",
        "leaders",
        """\
  start: {date}
  end: {date}
  start_time: "10:30"
  time_zone: America/New_York
  location:
    wording: the White House
    places:
      - name: The White House
        locality: Washington
        subdivision: US-DC
        country: US
        source: text
participants:
  - id: us
    country: US
    office: President of the United States
    rank: head_of_state
  - id: "no"
    country: NO
    office: Prime Minister of Norway
    rank: head_of_government
""",
        ["us", "no"],
        """\
entities:
  - {id: ukraine, name: Ukraine, kind: state, country: UA}
  - {id: nato, name: North Atlantic Treaty Organization, kind: organization, wikidata: Q7184}
""",
        "The two leaders met at the White House on {date}.",
    ),
    _Shape(
        "joint_statement",
        "plurilateral",
        "ministerial",
        """\
  mode: virtual
  start: {date}
  end: {date}
participants:
  - {id: au, country: AU, office: Minister for Foreign Affairs, rank: minister}
  - {id: ca, country: CA, office: Minister of Foreign Affairs, rank: minister}
  - {id: jp, country: JP, office: Minister for Foreign Affairs, rank: minister}
  - {id: nz, country: NZ, office: Minister of Foreign Affairs, rank: minister}
  - id: eu-hr
    organization: eu
    office: High Representative of the Union for Foreign Affairs and Security Policy
    rank: senior_official
""",
        ["au", "ca", "jp", "nz", "eu-hr"],
        """\
entities:
  - {id: eu, name: European Union, kind: organization, wikidata: Q458}
  - {id: red-sea, name: Red Sea, kind: region}
  - id: dprk
    name: Democratic People's Republic of Korea
    kind: state
    aliases: [North Korea, DPRK]
    country: KP
""",
        "The foreign ministers met by video conference on {date}.",
    ),
    _Shape(
        "joint_communique",
        "trilateral",
        "vice_ministerial",
        """\
  series: {name: Trilateral Vice Foreign Ministerial Dialogue, ordinal: 14, source: ref}
  start: {date}
  end: {date}
  time_zone: {zone}
  location:
    wording: Tokyo and Seoul
    places:
      - {locality: Tokyo, subdivision: JP-13, country: JP, source: text}
      - {locality: Seoul, subdivision: KR-11, country: KR, source: text}
participants:
  - id: us
    country: US
    office: Deputy Secretary of State
    rank: vice_minister
    person: {name: Kurt M. Campbell, family_name: Campbell, given_name: Kurt M., source: ref}
  - id: jp
    country: JP
    office: Vice-Minister for Foreign Affairs
    rank: vice_minister
    person:
      name: Masataka Okano
      other_names: [{language: ja, name: 岡野正敬}]
      source: ref
  - id: kr
    country: KR
    office: First Vice Foreign Minister
    rank: vice_minister
    person:
      name: Kim Hong-kyun
      other_names: [{language: ko, name: 김홍균}]
      source: ref
""",
        ["us", "jp", "kr"],
        """\
entities:
  - id: dprk
    name: Democratic People's Republic of Korea
    kind: state
    aliases: [North Korea, DPRK]
    country: KP
  - {id: russia, name: Russian Federation, kind: state, country: RU}
  - {id: un, name: United Nations, kind: organization, wikidata: Q1065}
""",
        "The vice foreign ministers met in Tokyo and Seoul on {date}.",
    ),
]


def _quote(text: str) -> str:
    """A YAML 1.2 double-quoted scalar (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)


def make_statement(
    index: int, target_bytes: int = 12_000, seed: int = 0, clauses: int | None = None
) -> tuple[str, str]:
    """One valid statement, about ``target_bytes`` long: (its YAML, its source text).

    With ``clauses``, it has exactly that many clauses instead, whatever its size.
    """
    rng = random.Random(seed * 1_000_003 + index)
    shape = _SHAPES[index % len(_SHAPES)]
    date = f"20{10 + index % 15:02d}-{1 + index % 12:02d}-{1 + index % 28:02d}"
    zone = ("Asia/Tokyo", "Asia/Seoul")[index // len(_SHAPES) % 2]
    statement_id = f"statement-{index:05d}"
    title = f"Joint Statement No. {index} on Cooperation — Déclaration commune"
    # the text grows as a list of parts and its length in code points (spans count
    # code points): `text += ...` copied the whole text each time, quadratic in clauses
    parts = [f"{title}\n\n"]
    paragraph_start = length = len(parts[0])
    parts.append(shape.opening.replace("{date}", date) + " ")
    length += len(parts[-1])
    count = clauses
    sentences: set[str] = set()
    clauses_yaml: list[str] = []
    paragraphs: list[str] = []
    number = 1
    parties = [*shape.participants, *_entity_ids(shape.entities)]
    # the header, the entities and the sources are about 1,700 bytes
    size = 1_700
    i = 0
    while (i < count) if count is not None else (size < target_bytes):
        kind, field, verb = _CLAUSE_TYPES[(index + i) % len(_CLAUSE_TYPES)]
        subject = f"{rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)}"
        sentence = f"The participants {verb} {subject} {rng.choice(_QUALIFIERS)}."
        if sentence in sentences:  # each quote occurs once, as `jointstmt spans` needs
            sentence = f"{sentence[:-1]} (item {i + 1})."
        sentences.add(sentence)
        start = length
        parts.append(sentence)
        length += len(sentence)
        lines = [
            f"  - id: c{i + 1}-{kind.replace('_', '-')}",
            f"    type: {kind}",
            f"    text: {_quote(sentence)}",
            f"    span: {{start: {start}, end: {length}}}",
            f"    paragraph: {number}",
            f"    {field}: {_quote(subject)}",
            f"    topics: [{', '.join(rng.sample(_TOPICS, 2))}]",
        ]
        if kind == "instruction":
            lines.append("    instructed: their teams")
        if i % 3 == 0:
            lines.append(f"    actors: [{', '.join(_yaml_ids(shape.participants[:2]))}]")
        if i % 4 == 1:
            lines.append(f"    targets: [{', '.join(_yaml_ids(rng.sample(parties, 2)))}]")
        if i % 5 == 2 and kind != "reaffirmation":
            lines.append("    reaffirmed: true")
        clause = "\n".join(lines) + "\n"
        clauses_yaml.append(clause)
        size += len(clause.encode("utf-8"))
        i += 1
        last = (i == count) if count is not None else (size >= target_bytes)
        if i % 4 == 0 or last:  # paragraphs of four sentences
            paragraphs.append(_paragraph(number, paragraph_start, length))
            parts.append("\n\n")
            length += 2
            paragraph_start = length
            number += 1
        else:
            parts.append(" ")
            length += 1
    text = "".join(parts).rstrip() + "\n"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    yaml = (
        f"# A generated statement (benchmarks/corpus.py), shaped like tests/examples.\n"
        f"schema_version: 1\n"
        f"id: {statement_id}\n"
        f"title: {_quote(title)}\n"
        f"document_type: {shape.document_type}\n"
        f"issued: {date}\n"
        f"language: en\n"
        f"sources:\n"
        f"  - id: text\n"
        f"    role: statement_text\n"
        f"    publisher: Example Publisher\n"
        f"    url: https://example.org/statements/{statement_id}\n"
        f"    path: statement.txt\n"
        f"    sha256: {digest}\n"
        f"  - id: ref\n"
        f"    role: reference\n"
        f"    title: Readout of the meeting\n"
        f"    publisher: Example Ministry of Foreign Affairs\n"
        f"    url: https://example.org/readouts/{statement_id}\n"
        f"    language: en\n"
        f"meeting:\n"
        f"  name: {_quote(f'Meeting {index} on cooperation')}\n"
        f"  format: {shape.format}\n"
        f"  level: {shape.level}\n"
        f"{shape.header.replace('{date}', date).replace('{zone}', zone)}"
        f"{shape.entities}"
        f"paragraphs:\n{''.join(paragraphs)}"
        f"clauses:\n{''.join(clauses_yaml)}"
    )
    return yaml, text


def _paragraph(number: int, start: int, end: int) -> str:
    return f"  - {{number: {number}, span: {{start: {start}, end: {end}}}, verification: unverified}}\n"


def _entity_ids(entities: str) -> list[str]:
    return [line.split("id: ")[1].split(",")[0] for line in entities.splitlines() if "id: " in line]


def _yaml_ids(ids: list[str]) -> list[str]:
    return [f'"{x}"' if x == "no" else x for x in ids]  # `no` is a string in YAML 1.2, not in 1.1


def write_corpus(
    directory: Path, count: int, target_bytes: int = 12_000, seed: int = 0
) -> list[Path]:
    """Write ``count`` statements under ``directory``; returns their YAML paths, sorted."""
    paths = []
    for index in range(count):
        folder = directory / f"{index:05d}"
        folder.mkdir(parents=True, exist_ok=True)
        yaml, text = make_statement(index, target_bytes, seed)
        (folder / "statement.txt").write_text(text, encoding="utf-8", newline="")
        (folder / "statement.yaml").write_text(yaml, encoding="utf-8", newline="")
        paths.append(folder / "statement.yaml")
    return paths


def main() -> None:
    """Write a corpus to the folder named on the command line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="folder to write the corpus into")
    ap.add_argument("--count", type=int, default=1_000)
    ap.add_argument("--size", type=int, default=12_000, help="approximate bytes per statement")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    paths = write_corpus(args.out, args.count, args.size, args.seed)
    total = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} statements, {total / len(paths):,.0f} bytes of YAML each, in {args.out}")


if __name__ == "__main__":
    main()
