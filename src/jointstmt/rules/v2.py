"""The rules of schema version 2: one function per finding code, run in the order of :data:`RULES`.

Each function's docstring is its rule; ``tests/test_rules_v2.py`` has a test for
each. What version 2 adds to version 1's rules: references into parties,
participants, meetings, members and clauses (``parent``, ``relations``,
``cites``) and source lists; acyclic ``parent`` chains; at most one recorded
meeting; every span of the document (parties, signatures, locations,
conditions, the body) inside the pinned text, and clause and paragraph spans
inside the body.
"""

from __future__ import annotations

from collections.abc import Iterator

from jointstmt.findings import excerpt
from jointstmt.model._iso3166 import SUBDIVISIONS
from jointstmt.model.clauses import Span
from jointstmt.model.v2.statement import (
    JointStatement,
    Location,
)
from jointstmt.rules.common import (
    Check,
    Path_,
    duplicates,
    known_language_tag,
    known_time_zone,
    pinned_text,
    sha256,
    source_missing,
    source_path,
    span_problem,
    statement_text,
    time_zone_problem,
    unknown_reference,
)


def unique_ids(s: JointStatement, check: Check) -> None:
    """rule.duplicate_id: ids of sources, of clauses and of sections are unique; parties,
    participants, entities and meetings share one namespace (a reference may name any of
    them); paragraph numbers are unique."""
    duplicates(((x.id, ("sources", i, "id")) for i, x in enumerate(s.sources)), "source id", check)
    named: list[tuple[str | int, Path_]] = []
    for key in ("parties", "participants", "entities", "meetings"):
        named += [(x.id, (key, i, "id")) for i, x in enumerate(getattr(s, key))]
    duplicates(named, "party, participant, entity or meeting id", check)
    duplicates(((x.id, ("clauses", i, "id")) for i, x in enumerate(s.clauses)), "clause id", check)
    duplicates(
        ((x.id, ("body", "sections", i, "id")) for i, x in enumerate(s.body.sections)),
        "section id",
        check,
    )
    duplicates(
        ((x.number, ("body", "paragraphs", i, "number")) for i, x in enumerate(s.body.paragraphs)),
        "paragraph number",
        check,
    )


def references(s: JointStatement, check: Check) -> None:
    """rule.reference: every id named resolves to a declaration of the right kind: sources,
    parties (of participants), participants (led_by, member_of), members, actors (parties,
    participants or entities), agents, addressees, targets, issuers, hosts and attendees (anything named),
    meetings (during, meeting_id), entities (cites), clauses (parent, relations) and
    paragraph numbers."""
    sources = {x.id for x in s.sources}
    parties = {x.id for x in s.parties}
    participants = {x.id for x in s.participants}
    entities = {x.id for x in s.entities}
    meetings = {x.id for x in s.meetings}
    clauses = {x.id for x in s.clauses}
    paragraphs = {x.number for x in s.body.paragraphs}
    named = parties | participants | entities
    anything = named | meetings

    def need(ref: str | int | None, known: set[str] | set[int], what: str, path: Path_) -> None:
        if ref is not None and ref not in known:
            check.report("rule.reference", unknown_reference(ref, known, what), path)

    for ref, path in _source_refs(s):
        need(ref, sources, "source", path)
    for i, party in enumerate(s.parties):
        for j, member in enumerate(party.members):
            need(member, named, "party or entity", ("parties", i, "members", j))
    for i, p in enumerate(s.participants):
        need(p.party, parties, "party", ("participants", i, "party"))
        need(p.led_by, participants, "participant", ("participants", i, "led_by"))
        need(p.member_of, participants, "participant", ("participants", i, "member_of"))
    for i, m in enumerate(s.meetings):
        need(m.during, meetings, "meeting", ("meetings", i, "during"))
        need(m.host, named, "party or entity", ("meetings", i, "host"))
        for j, ref in enumerate(m.attendees):
            need(ref, named, "party or entity", ("meetings", i, "attendees", j))
        if m.series is not None:
            need(m.series.entity, entities, "entity", ("meetings", i, "series", "entity"))
    for i, e in enumerate(s.entities):
        for key in ("members", "issuer"):
            for j, ref in enumerate(getattr(e, key)):
                need(ref, named, "party or entity", ("entities", i, key, j))
    for i, c in enumerate(s.clauses):
        at: Path_ = ("clauses", i)
        for j, ref in enumerate(c.actors or ()):
            need(ref, named, "party, participant or entity", (*at, "actors", j))
        for key in ("agents", "addressees", "targets", "implied_targets"):
            for j, ref in enumerate(getattr(c, key)):
                need(ref, anything, "party, participant, entity or meeting", (*at, key, j))
        for j, cite in enumerate(c.cites):
            need(cite.entity, entities, "entity", (*at, "cites", j, "entity"))
        for j, relation in enumerate(c.relations):
            need(relation.clause, clauses, "clause", (*at, "relations", j, "clause"))
        need(c.parent, clauses, "clause", (*at, "parent"))
        need(getattr(c, "meeting_id", None), meetings, "meeting", (*at, "meeting_id"))
        if paragraphs:
            need(c.paragraph, paragraphs, "paragraph number", (*at, "paragraph"))


def parent_cycle(s: JointStatement, check: Check) -> None:
    """rule.parent_cycle: following ``parent`` from a clause never comes back to it (reported
    at each clause on the cycle, not at the clauses that merely lead into it)."""
    parent = {c.id: c.parent for c in s.clauses}
    for i, c in enumerate(s.clauses):
        seen = {c.id}
        at = c.parent
        while at is not None and at in parent and at not in seen:
            seen.add(at)
            at = parent[at]
        if at == c.id:
            check.report(
                "rule.parent_cycle",
                f"clause {c.id!r} is its own ancestor through 'parent'; "
                "a chapeau's items point to the chapeau, never the reverse",
                ("clauses", i, "parent"),
            )


def recorded_meeting(s: JointStatement, check: Check) -> None:
    """rule.recorded_meeting: at most one meeting has relation ``recorded``."""
    recorded = [i for i, m in enumerate(s.meetings) if m.relation == "recorded"]
    for i in recorded[1:]:
        first = s.meetings[recorded[0]].id
        check.report(
            "rule.recorded_meeting",
            f"meeting {s.meetings[i].id!r} is recorded, and so is {first!r}; a statement records "
            "at most one meeting (use earlier, occasion, planned or proposed for the others)",
            ("meetings", i, "relation"),
        )


def date_order(s: JointStatement, check: Check) -> None:
    """rule.date_order: a meeting ends after it starts; the statement is not issued before the
    meeting it records starts."""
    for i, m in enumerate(s.meetings):
        if m.start is not None and m.end is not None and m.end < m.start:
            message = f"the meeting ends ({m.end}) before it starts ({m.start})"
            check.report("rule.date_order", message, ("meetings", i, "end"))
        elif m.start == m.end and m.start_time and m.end_time and m.end_time < m.start_time:
            message = (
                f"the meeting ends ({m.end_time:%H:%M}) before it starts ({m.start_time:%H:%M})"
            )
            check.report("rule.date_order", message, ("meetings", i, "end_time"))
        if m.relation == "recorded" and m.start is not None and s.issued < m.start:
            message = f"the statement is issued ({s.issued}) before the meeting starts ({m.start})"
            check.report("rule.date_order", message, ("issued",))


def subdivision(s: JointStatement, check: Check) -> None:
    """rule.subdivision: a place's ISO 3166-2 code exists and belongs to the place's country."""
    for location, at in _locations(s):
        for i, place in enumerate(location.places):
            code = place.subdivision
            path: Path_ = (*at, "places", i, "subdivision")
            if code is None:
                continue
            if code not in SUBDIVISIONS:
                check.report("rule.subdivision", f"{code!r} is not an ISO 3166-2 code", path)
            elif place.country is not None and not code.startswith(place.country + "-"):
                message = f"{code!r} is not a subdivision of {place.country}"
                check.report("rule.subdivision", message, path)


def language_tag(s: JointStatement, check: Check) -> None:
    """rule.language_tag: every language tag's subtags are in the BCP 47 registry."""
    tags: list[tuple[str, Path_]] = [(s.language, ("language",))]
    tags += [
        (x.language, ("sources", i, "language")) for i, x in enumerate(s.sources) if x.language
    ]
    for i, p in enumerate(s.participants):
        if p.person is not None:
            tags += [
                (n.language, ("participants", i, "person", "other_names", j, "language"))
                for j, n in enumerate(p.person.other_names)
            ]
    for i, e in enumerate(s.entities):
        if e.signing is not None:
            tags += [
                (tag, ("entities", i, "signing", "languages", j))
                for j, tag in enumerate(e.signing.languages)
            ]
    for tag, path in tags:
        if not known_language_tag(tag):
            message = f"{tag!r} is not a registered BCP 47 language tag"
            check.report("rule.language_tag", message, path)


def time_zone(s: JointStatement, check: Check) -> None:
    """rule.time_zone: every time zone is in the IANA time zone database."""
    zones: list[tuple[str | None, Path_]] = [(s.issued_time_zone, ("issued_time_zone",))]
    zones += [(m.time_zone, ("meetings", i, "time_zone")) for i, m in enumerate(s.meetings)]
    for zone, path in zones:
        if zone is not None and not known_time_zone(zone):
            check.report("rule.time_zone", time_zone_problem(zone), path)


def span(s: JointStatement, check: Check) -> None:
    """rule.span: every span lies within the (pinned) statement text with start <= end;
    paragraphs, sections and clauses lie within the body; a clause within its paragraph."""
    text = pinned_text(s, check)
    if text is None:
        return
    body = s.body.span
    paragraphs = {p.number: p.span for p in s.body.paragraphs}
    for sp, path in _spans(s):
        problem = span_problem(sp.start, sp.end, text)
        if problem is None and path[0] in ("clauses", "body") and path[-1] == "span":
            if path != ("body", "span") and not _within(sp, body):
                problem = f"the span {sp.start}:{sp.end} leaves the body ({body.start}:{body.end})"
            elif path[0] == "clauses":
                clause = s.clauses[int(path[1])]
                outer = paragraphs.get(clause.paragraph) if clause.paragraph else None
                if outer is not None and not _within(sp, outer):
                    problem = (
                        f"the span {sp.start}:{sp.end} leaves paragraph {clause.paragraph} "
                        f"({outer.start}:{outer.end})"
                    )
        if problem:
            check.report("rule.span", problem, path)


def span_text(s: JointStatement, check: Check) -> None:
    """rule.span_text: a clause's text, and a condition's text where it has a span, is the
    statement text at its span, exactly."""
    text = pinned_text(s, check)
    if text is None:
        return
    quotes: list[tuple[str, Span, Path_]] = []
    for i, c in enumerate(s.clauses):
        quotes.append((c.text, c.span, ("clauses", i, "text")))
        if c.condition is not None and c.condition.span is not None:
            quotes.append((c.condition.text, c.condition.span, ("clauses", i, "condition", "text")))
    for quote, sp, path in quotes:
        quoted = text[sp.start : sp.end]
        if span_problem(sp.start, sp.end, text) is None and quote != quoted:
            check.report(
                "rule.span_text",
                f"text differs from the source at {sp.start}:{sp.end}, which reads "
                f"{excerpt(quoted)}; run 'jointstmt spans' to locate quotes",
                path,
            )


RULES = (
    unique_ids,
    references,
    parent_cycle,
    recorded_meeting,
    date_order,
    subdivision,
    language_tag,
    time_zone,
    statement_text,
    source_path,
    source_missing,
    sha256,
    span,
    span_text,
)
"""The version-2 rules, in the order their findings are reported."""


def _source_refs(s: JointStatement) -> Iterator[tuple[str, Path_]]:
    """Every source id named, with where."""
    for j, ref in enumerate(s.issued_sources):
        yield ref, ("issued_sources", j)
    if s.issued_at is not None:
        yield from _location_sources(s.issued_at, ("issued_at",))
    for key in ("parties", "participants", "entities", "meetings"):
        for i, x in enumerate(getattr(s, key)):
            for j, ref in enumerate(x.sources):
                yield ref, (key, i, "sources", j)
    for i, p in enumerate(s.participants):
        if p.person is not None:
            for j, ref in enumerate(p.person.sources):
                yield ref, ("participants", i, "person", "sources", j)
    for i, m in enumerate(s.meetings):
        if m.series is not None:
            for j, ref in enumerate(m.series.sources):
                yield ref, ("meetings", i, "series", "sources", j)
        if m.location is not None:
            yield from _location_sources(m.location, ("meetings", i, "location"))
    for i, e in enumerate(s.entities):
        if e.signing is not None:
            for j, ref in enumerate(e.signing.sources):
                yield ref, ("entities", i, "signing", "sources", j)
            if e.signing.location is not None:
                yield from _location_sources(
                    e.signing.location, ("entities", i, "signing", "location")
                )


def _location_sources(location: Location, at: Path_) -> Iterator[tuple[str, Path_]]:
    for i, place in enumerate(location.places):
        for j, ref in enumerate(place.sources):
            yield ref, (*at, "places", i, "sources", j)


def _locations(s: JointStatement) -> Iterator[tuple[Location, Path_]]:
    if s.issued_at is not None:
        yield s.issued_at, ("issued_at",)
    for i, m in enumerate(s.meetings):
        if m.location is not None:
            yield m.location, ("meetings", i, "location")
    for i, e in enumerate(s.entities):
        if e.signing is not None and e.signing.location is not None:
            yield e.signing.location, ("entities", i, "signing", "location")


def _spans(s: JointStatement) -> Iterator[tuple[Span, Path_]]:
    """Every span of the document, body first, with where."""
    yield s.body.span, ("body", "span")
    for i, sec in enumerate(s.body.sections):
        yield sec.span, ("body", "sections", i, "span")
    for i, paragraph in enumerate(s.body.paragraphs):
        yield paragraph.span, ("body", "paragraphs", i, "span")
    for i, party in enumerate(s.parties):
        if party.span is not None:
            yield party.span, ("parties", i, "span")
    for i, p in enumerate(s.participants):
        for key in ("span", "signature"):
            if getattr(p, key) is not None:
                yield getattr(p, key), ("participants", i, key)
    for i, m in enumerate(s.meetings):
        if m.span is not None:
            yield m.span, ("meetings", i, "span")
    for location, at in _locations(s):
        if location.span is not None:
            yield location.span, (*at, "span")
    for i, c in enumerate(s.clauses):
        yield c.span, ("clauses", i, "span")
        if c.condition is not None and c.condition.span is not None:
            yield c.condition.span, ("clauses", i, "condition", "span")


def _within(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end
