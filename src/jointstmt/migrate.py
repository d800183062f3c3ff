"""``jointstmt migrate``: turn a version-1 statement file into version 2, keeping comments.

What changes, and why each change says the same thing:

* ``schema_version: 1`` becomes ``2``.
* ``meeting`` becomes ``meetings``, a list holding that meeting with ``id:
  meeting`` (``meeting-2`` if a participant or entity is ``meeting``) and
  ``relation: recorded``. A version-1 meeting without ``mode`` was in person
  (version 1's default); version 2 has no default, so ``mode: in_person`` is
  written out.
* Every ``source: x`` becomes ``sources: [x]``.
* ``parties`` are created from what version 1 said through participants: one
  party per country or organization represented. A state entity of that
  country, or the organization entity, becomes the party (keeping its id, name
  and codes); otherwise the party is named from ISO 3166-1 and its id is the
  lower-case country code. Each participant's ``country``/``organization``
  becomes ``party``.
* ``paragraphs`` move into ``body``, whose span runs from the first paragraph
  (or clause) to the last.
* Clauses are unchanged: every version-1 clause type and field exists in
  version 2, and clauses without ``actors`` still mean every participant's
  party.

The file is edited in ruamel.yaml's round-trip mode (comments, key order and
quoting kept) and written atomically. A file that already declares version 2
is left as it is, so migrating twice is migrating once.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from jointstmt.limits import Limits


class MigrationError(Exception):
    """The file cannot be migrated (it is not a version-1 statement)."""


def migrate_text(text: str) -> tuple[str, bool]:
    """The version-2 text of a version-1 statement file, and whether anything changed."""
    edit = _load(text.encode("utf-8"), Limits())
    if not _migrate(edit):
        return text, False
    return edit.dumps().decode("utf-8"), True


def _load(data: bytes, limits: Limits) -> Any:
    """The file loaded for editing (:class:`jointstmt.roundtrip.Edit`), or :class:`MigrationError`."""
    from jointstmt import roundtrip
    from jointstmt.loader import LoadError

    try:
        return roundtrip.load(data, limits)
    except LoadError as error:
        f = error.finding
        raise MigrationError(f"{f.code} at line {f.line}, column {f.column}: {f.message}") from None
    except roundtrip.RoundTripError as error:
        raise MigrationError(str(error)) from None


def _migrate(edit: Any) -> bool:
    """Rewrite a version-1 document as version 2; False when it already is version 2."""
    version = edit.document.get("schema_version")
    if version == 2:
        return False
    if version != 1:
        raise MigrationError(f"schema_version is {version!r}; only version 1 can be migrated")
    migrate_document(edit.document)
    _point_modeline_at_version_2(edit.document)
    return True


def _point_modeline_at_version_2(document: Any) -> None:
    """An editor modeline naming the version-1 schema now names version 2's."""
    comment = getattr(document, "ca", None)
    before = comment.comment[1] if comment is not None and comment.comment else None
    for token in before or ():
        if "joint-statement-1.schema.json" in token.value:
            token.value = token.value.replace(
                "joint-statement-1.schema.json", "joint-statement-2.schema.json"
            )


def migrate_document(doc: Any) -> None:
    """Rewrite the version-1 mapping ``doc`` (plain or round-trip) as version 2, in place."""
    doc["schema_version"] = 2
    _sources_everywhere(doc)
    parties = _parties(doc)
    _insert_after(doc, "sources", "parties", parties)
    if "meeting" in doc:
        meeting = doc["meeting"]
        if isinstance(meeting, dict):
            _insert_first(meeting, "relation", "recorded")
            _insert_first(meeting, "id", _meeting_id(doc))
            if "mode" not in meeting:
                _insert_after(meeting, "level", "mode", "in_person")
        _rename(doc, "meeting", "meetings", _seq([meeting]))
    paragraphs = doc.get("paragraphs") or []
    body = _map([("span", _flow(_body_span(doc, paragraphs)))])
    if "paragraphs" in doc:
        body["paragraphs"] = paragraphs
        _rename(doc, "paragraphs", "body", body)
    else:
        _insert_before(doc, "clauses", "body", body)


def _meeting_id(doc: Any) -> str:
    """``meeting``, or ``meeting-2``, ... when a party, participant or entity has that id
    (version 2 gives them and meetings one namespace)."""
    taken = {
        item.get("id")
        for key in ("parties", "participants", "entities")
        for item in doc.get(key) or []
        if isinstance(item, dict)
    }
    ident, n = "meeting", 1
    while ident in taken:
        n += 1
        ident = f"meeting-{n}"
    return ident


def _sources_everywhere(node: Any) -> None:
    """``source: x`` -> ``sources: [x]`` at every depth."""
    if isinstance(node, dict):
        if "source" in node and isinstance(node["source"], str):
            _rename(node, "source", "sources", _flow_seq([node["source"]]))
        for value in list(node.values()):
            _sources_everywhere(value)
    elif isinstance(node, list):
        for item in node:
            _sources_everywhere(item)


def _parties(doc: Any) -> Any:
    """One party per country or organization the participants represent, in their order."""
    entities = doc.get("entities") or []
    parties = _seq([])
    by_key: dict[tuple[str, str], str] = {}
    taken = {e.get("id") for e in entities if isinstance(e, dict)}
    taken |= {p.get("id") for p in doc.get("participants") or [] if isinstance(p, dict)}
    for participant in doc.get("participants") or []:
        if not isinstance(participant, dict):
            continue
        if participant.get("country") is not None:
            key = ("country", participant["country"])
        else:
            key = ("organization", participant.get("organization"))
        if key not in by_key:
            party = _party_for(key, entities, taken)
            by_key[key] = party["id"]
            parties.append(party)
        field = "country" if key[0] == "country" else "organization"
        _rename(participant, field, "party", by_key[key])
        participant.pop("country", None)
        participant.pop("organization", None)
    return parties


def _party_for(key: tuple[str, str], entities: Any, taken: set[Any]) -> Any:
    kind, value = key
    for index, entity in enumerate(entities):
        if not isinstance(entity, dict):
            continue
        if (kind == "organization" and entity.get("id") == value) or (
            kind == "country" and entity.get("kind") == "state" and entity.get("country") == value
        ):
            del entities[index]
            party = _map([("id", entity["id"]), ("name", entity["name"])])
            party["kind"] = "organization" if kind == "organization" else "state"
            for field in ("country", "wikidata"):
                if entity.get(field) is not None:
                    party[field] = entity[field]
            return party  # its id stays taken: the party holds it now
    from jointstmt.model._iso3166 import COUNTRIES

    ident = value.lower()
    while ident in taken:
        ident += "-party"
    taken.add(ident)
    party = _map([("id", ident), ("name", COUNTRIES.get(value, value)), ("kind", "state")])
    party["country"] = value
    return party


def _body_span(doc: Any, paragraphs: Any) -> list[int]:
    spans = [
        p["span"] for p in paragraphs if isinstance(p, dict) and isinstance(p.get("span"), dict)
    ]
    if not spans:
        spans = [
            c["span"]
            for c in doc.get("clauses") or []
            if isinstance(c, dict) and isinstance(c.get("span"), dict)
        ]
    if not spans:
        return [0, 0]
    return [min(s["start"] for s in spans), max(s["end"] for s in spans)]


def _map(items: list[tuple[str, Any]]) -> Any:
    from ruamel.yaml.comments import CommentedMap

    return CommentedMap(items)


def _seq(items: list[Any]) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    return CommentedSeq(items)


def _flow_seq(items: list[Any]) -> Any:
    seq = _seq(items)
    seq.fa.set_flow_style()
    return seq


def _flow(span: list[int]) -> Any:
    node = _map([("start", span[0]), ("end", span[1])])
    node.fa.set_flow_style()
    return node


def _rename(mapping: Any, old: str, new: str, value: Any) -> None:
    """Replace key ``old`` by ``new`` at the same place, moving its comments."""
    keys = list(mapping)
    position = keys.index(old)
    comment = getattr(mapping, "ca", None)
    moved = comment.items.pop(old, None) if comment is not None else None
    del mapping[old]
    _insert(mapping, position, new, value)
    if moved is not None:
        mapping.ca.items[new] = moved


def _insert(mapping: Any, position: int, key: str, value: Any) -> None:
    if hasattr(mapping, "insert"):
        mapping.insert(position, key, value)
        return
    items = list(mapping.items())
    items.insert(position, (key, value))
    mapping.clear()
    mapping.update(items)


def _insert_first(mapping: Any, key: str, value: Any) -> None:
    if key not in mapping:
        _insert(mapping, 0, key, value)


def _insert_after(mapping: Any, after: str, key: str, value: Any) -> None:
    keys = list(mapping)
    position = keys.index(after) + 1 if after in keys else len(keys)
    _insert(mapping, position, key, value)


def _insert_before(mapping: Any, before: str, key: str, value: Any) -> None:
    keys = list(mapping)
    position = keys.index(before) if before in keys else len(keys)
    _insert(mapping, position, key, value)


DESCRIPTION = """\
Turn version-1 statement files into version 2, keeping comments, key order and
quoting. Each FILE is rewritten in place (atomically: the original stays whole
if anything fails), or written to --output when one FILE is given. A file that
already declares version 2 is left untouched, so running twice changes nothing.
The result is validated; exit 0 when every file migrated (or needed nothing)
and validates, 1 otherwise, 2 on usage errors.
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``migrate`` command to the CLI's subcommands."""
    command = subparsers.add_parser(
        "migrate",
        help="turn version-1 statement files into version 2, keeping comments",
        description=DESCRIPTION,
    )
    command.add_argument("files", nargs="+", metavar="FILE", help="statement files")
    command.add_argument(
        "--output", type=Path, help="write the result here instead of in place (one FILE only)"
    )
    command.set_defaults(run=_run)


def migrate_file(
    path: Path, output: Path | None = None, limits: Limits = Limits()
) -> tuple[bool, list[str]]:
    """Migrate ``path`` (to ``output``, or in place): whether it changed, and the problems.

    The file is read and parsed with the same guards as ``validate`` (``limits``), must
    validate as version 1 before, and must validate as version 2 after; nothing is
    written otherwise, and the write is atomic.
    """
    from jointstmt.fileio import ReadError, atomic_write, read_file, reason
    from jointstmt.validation import check_bytes

    try:
        raw = read_file(path, limits.max_bytes)
        edit = _load(raw, limits)
    except ReadError as error:
        return False, [f"cannot read: the file {error}"]
    except MigrationError as error:
        return False, [str(error)]
    if edit.document.get("schema_version") == 1:
        before = check_bytes(raw, path.parent, limits)
        if before.findings:
            return False, [
                f"not a valid version-1 statement ({len(before.findings)} findings); "
                "run 'jointstmt validate' and fix it first"
            ]
    try:
        changed = _migrate(edit)
    except MigrationError as error:
        return False, [str(error)]
    target = output or path
    data = raw
    if changed:
        data = edit.dumps()
        after = check_bytes(data, target.parent, limits)
        if after.findings:
            first = after.findings[0]
            return False, [
                f"the migrated statement does not validate: {first.code} at {first.pointer}: "
                f"{first.message}"
            ]
    if changed or output is not None:
        try:
            atomic_write(target, data)
        except OSError as error:
            return False, [f"cannot write {target}: {reason(error)}"]
    return changed, []


def _run(args: argparse.Namespace) -> int:
    from jointstmt.terminal import safe

    if args.output is not None and len(args.files) != 1:
        print("jointstmt migrate: --output needs exactly one FILE", file=sys.stderr)
        return 2
    missing = [f for f in args.files if not f or not (Path(f).exists() or Path(f).is_symlink())]
    if missing:
        named = ", ".join(map(repr, missing))
        print(f"jointstmt migrate: no such file: {safe(named)}", file=sys.stderr)
        return 2
    status = 0
    for path in map(Path, args.files):
        changed, problems = migrate_file(path, args.output)
        for problem in problems:
            print(f"{safe(str(path))}:1:1: error: {safe(problem)}", file=sys.stderr)
            status = 1
        if not problems:
            where = f" -> {safe(str(args.output))}" if args.output else ""
            verb = "migrated to version 2" if changed else "already version 2"
            print(f"{safe(str(path))}: {verb}{where}")
    return status
