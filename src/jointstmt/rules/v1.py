"""The rules of schema version 1: one function per finding code, run in the order of :data:`RULES`.

Each function's docstring is its rule; ``tests/test_rules.py`` has a
``test_<rule>`` for each, which reads as its specification.
"""

from __future__ import annotations

from jointstmt.findings import excerpt
from jointstmt.model import JointStatement
from jointstmt.model._iso3166 import SUBDIVISIONS
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
    """rule.duplicate_id: ids of sources, of participants and entities (one namespace:
    targets may name either), of clauses, and paragraph numbers are unique."""
    duplicates(((x.id, ("sources", i, "id")) for i, x in enumerate(s.sources)), "source id", check)
    parties = [(x.id, ("participants", i, "id")) for i, x in enumerate(s.participants)]
    parties += [(x.id, ("entities", i, "id")) for i, x in enumerate(s.entities)]
    duplicates(parties, "participant or entity id", check)
    duplicates(((x.id, ("clauses", i, "id")) for i, x in enumerate(s.clauses)), "clause id", check)
    duplicates(
        ((x.number, ("paragraphs", i, "number")) for i, x in enumerate(s.paragraphs)),
        "paragraph number",
        check,
    )


def references(s: JointStatement, check: Check) -> None:
    """rule.reference: every source, organization, actor, target and paragraph named is declared."""
    sources = {x.id for x in s.sources}
    participants = {x.id for x in s.participants}
    organizations = {x.id for x in s.entities if x.kind == "organization"}
    parties = participants | {x.id for x in s.entities}
    paragraphs = {x.number for x in s.paragraphs}

    def need(ref: str | int | None, known: set[str] | set[int], what: str, path: Path_) -> None:
        if ref is not None and ref not in known:
            check.report("rule.reference", unknown_reference(ref, known, what), path)

    m = s.meeting
    need(m.source, sources, "source", ("meeting", "source"))
    if m.series is not None:
        need(m.series.source, sources, "source", ("meeting", "series", "source"))
    for i, place in enumerate(m.location.places if m.location is not None else ()):
        need(place.source, sources, "source", ("meeting", "location", "places", i, "source"))
    for i, p in enumerate(s.participants):
        need(
            p.organization,
            organizations,
            "organization entity",
            ("participants", i, "organization"),
        )
        if p.person is not None:
            need(p.person.source, sources, "source", ("participants", i, "person", "source"))
    for i, c in enumerate(s.clauses):
        for j, actor in enumerate(c.actors or ()):
            need(actor, participants, "participant", ("clauses", i, "actors", j))
        for j, target in enumerate(c.targets):
            need(target, parties, "participant or entity", ("clauses", i, "targets", j))
        if s.paragraphs:
            need(c.paragraph, paragraphs, "paragraph number", ("clauses", i, "paragraph"))


def date_order(s: JointStatement, check: Check) -> None:
    """rule.date_order: the meeting ends after it starts; the statement is issued after it starts."""
    m = s.meeting
    if m.end < m.start:
        message = f"the meeting ends ({m.end}) before it starts ({m.start})"
        check.report("rule.date_order", message, ("meeting", "end"))
    elif m.start == m.end and m.start_time and m.end_time and m.end_time < m.start_time:
        message = f"the meeting ends ({m.end_time:%H:%M}) before it starts ({m.start_time:%H:%M})"
        check.report("rule.date_order", message, ("meeting", "end_time"))
    if s.issued < m.start:
        message = f"the statement is issued ({s.issued}) before the meeting starts ({m.start})"
        check.report("rule.date_order", message, ("issued",))


def subdivision(s: JointStatement, check: Check) -> None:
    """rule.subdivision: a place's ISO 3166-2 code exists and belongs to the place's country."""
    places = s.meeting.location.places if s.meeting.location is not None else ()
    for i, place in enumerate(places):
        code = place.subdivision
        path: Path_ = ("meeting", "location", "places", i, "subdivision")
        if code is None:
            continue
        if code not in SUBDIVISIONS:
            check.report("rule.subdivision", f"{code!r} is not an ISO 3166-2 code", path)
        elif not code.startswith(place.country + "-"):
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
    for tag, path in tags:
        if not known_language_tag(tag):
            message = f"{tag!r} is not a registered BCP 47 language tag"
            check.report("rule.language_tag", message, path)


def time_zone(s: JointStatement, check: Check) -> None:
    """rule.time_zone: the meeting's time zone is in the IANA time zone database."""
    zone = s.meeting.time_zone
    if zone is not None and not known_time_zone(zone):
        check.report("rule.time_zone", time_zone_problem(zone), ("meeting", "time_zone"))


def span(s: JointStatement, check: Check) -> None:
    """rule.span: every paragraph and clause span lies within the (pinned) statement text,
    start <= end, and a clause's span lies within its paragraph's."""
    text = pinned_text(s, check)
    if text is None:
        return
    for i, p in enumerate(s.paragraphs):
        problem = span_problem(p.span.start, p.span.end, text)
        if problem:
            check.report("rule.span", problem, ("paragraphs", i, "span"))
    paragraphs = {p.number: p.span for p in s.paragraphs}
    for i, c in enumerate(s.clauses):
        problem = span_problem(c.span.start, c.span.end, text)
        outer = paragraphs.get(c.paragraph) if c.paragraph is not None else None
        if (
            problem is None
            and outer is not None
            and not (outer.start <= c.span.start and c.span.end <= outer.end)
        ):
            problem = (
                f"the span {c.span.start}:{c.span.end} leaves paragraph {c.paragraph} "
                f"({outer.start}:{outer.end})"
            )
        if problem:
            check.report("rule.span", problem, ("clauses", i, "span"))


def span_text(s: JointStatement, check: Check) -> None:
    """rule.span_text: a clause's text is the statement text at its span, exactly."""
    text = pinned_text(s, check)
    if text is None:
        return
    for i, c in enumerate(s.clauses):
        quoted = text[c.span.start : c.span.end]
        if span_problem(c.span.start, c.span.end, text) is None and c.text != quoted:
            check.report(
                "rule.span_text",
                f"text differs from the source at {c.span.start}:{c.span.end}, which reads "
                f"{excerpt(quoted)}; run 'jointstmt spans' to locate quotes",
                ("clauses", i, "text"),
            )


RULES = (
    unique_ids,
    references,
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
"""The version-1 rules, in the order their findings are reported."""
