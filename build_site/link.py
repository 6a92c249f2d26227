"""Validated models → one linked Record with reverse indexes, built in one pass each (never nested scans)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Optional

from . import model as m
from .dates import DateInfo
from .errors import Location
from .text import Match, Paragraph
from .validate import Checked


@dataclass(frozen=True)
class Role:
    """An actor's part in one event."""

    event: m.Event
    role: str


@dataclass(frozen=True)
class Link:
    """One actor's relation to another, seen from either side."""

    actor: m.Actor
    """The actor that declares the affiliation."""
    affiliation: m.Affiliation
    """The affiliation as declared."""


@dataclass(frozen=True)
class Record:
    """The whole record, cross-referenced."""

    sources: dict[str, m.Source]
    actors: dict[str, m.Actor]
    places: dict[str, m.Place]
    operations: dict[str, m.Operation]
    events: dict[str, m.Event]
    claims: dict[str, m.Claim]
    paragraphs: dict[str, list[Paragraph]]
    """Each source's paragraphs."""
    raw: dict[str, bytes]
    """Each source's raw bytes."""
    quotes: dict[str, Match]
    """Where each claim's quote is."""
    dates: dict[str, DateInfo]
    """Every EDTF string, described."""
    locations: dict[str, Location]
    """Where each record is defined."""
    last_changed: dict[str, str]
    """When each record last changed (YYYY-MM-DD), where known."""
    kind_of: dict[str, str]
    """The kind of every id."""
    timeline: list[m.Event]
    """Events in time order."""
    claims_about: dict[str, list[m.Claim]]
    """Claims by what they are about."""
    claims_by_source: dict[str, list[m.Claim]]
    """Claims by the source they quote, in paragraph order."""
    claims_by_speaker: dict[str, list[m.Claim]]
    """Claims by the actor who made them (speaker actor, or the actor a named speaker speaks for)."""
    claims_via: dict[str, list[m.Claim]]
    """Claims an outlet relayed."""
    roles_by_actor: dict[str, list[Role]]
    """Each actor's events with its role."""
    events_by_place: dict[str, list[m.Event]]
    """Events at each place or at a place within it."""
    events_by_operation: dict[str, list[m.Event]]
    """Events of each operation or of its sub-operations."""
    operations_by_actor: dict[str, list[m.Operation]]
    """Operations each actor conducted."""
    operations_by_place: dict[str, list[m.Operation]]
    """Operations at each place."""
    sub_operations: dict[str, list[m.Operation]]
    """Operations described as part of each operation."""
    places_within: dict[str, list[m.Place]]
    """Places that lie in each place."""
    affiliations_in: dict[str, list[Link]]
    """Affiliations other actors declare towards each actor."""
    disputes_citing: dict[str, list[str]]
    """Account labels citing each claim, as `event id`."""
    neighbours: dict[str, tuple[Optional[m.Event], Optional[m.Event]]]
    """Previous and next event in time, by event id."""

    def name(self, record_id: str) -> str:
        """The display name of any record."""
        kind = self.kind_of.get(record_id)
        record = getattr(self, kind)[record_id] if kind else None
        return getattr(record, "name", None) or getattr(record, "title", None) or record_id

    def date(self, text: str) -> DateInfo:
        return self.dates[text]


def _ancestors(start: Optional[str], parent_of: dict[str, Optional[str]]) -> list[str]:
    seen: list[str] = []
    while start and start not in seen:
        seen.append(start)
        start = parent_of.get(start)
    return seen


def link(checked: Checked) -> Record:
    """Build every reverse index once."""
    models = checked.models
    sources, actors, places = models["sources"], models["actors"], models["places"]
    operations, events, claims = models["operations"], models["events"], models["claims"]
    kind_of = {record_id: kind for kind, records in models.items() for record_id in records}

    timeline = sorted(events.values(), key=lambda e: (checked.dates[e.date].sort_key, e.id))
    neighbours = {event.id: (timeline[i - 1] if i else None, timeline[i + 1] if i + 1 < len(timeline) else None)
                  for i, event in enumerate(timeline)}

    claims_about: dict[str, list[m.Claim]] = defaultdict(list)
    claims_by_source: dict[str, list[m.Claim]] = defaultdict(list)
    claims_by_speaker: dict[str, list[m.Claim]] = defaultdict(list)
    claims_via: dict[str, list[m.Claim]] = defaultdict(list)
    for claim in claims.values():
        claims_about[claim.about].append(claim)
        claims_by_source[claim.source].append(claim)
        speaker = claim.speaker.actor or claim.speaker.on_behalf_of
        if speaker:
            claims_by_speaker[speaker].append(claim)
        if claim.via:
            claims_via[claim.via].append(claim)
    for source_id, cited in claims_by_source.items():
        cited.sort(key=lambda c: (checked.quotes[c.id].paragraph if c.id in checked.quotes else 0,
                                  checked.quotes[c.id].start if c.id in checked.quotes else 0, c.id))

    place_parent = {p.id: p.within for p in places.values()}
    operation_parent = {o.id: o.parent for o in operations.values()}
    roles_by_actor: dict[str, list[Role]] = defaultdict(list)
    events_by_place: dict[str, list[m.Event]] = defaultdict(list)
    events_by_operation: dict[str, list[m.Event]] = defaultdict(list)
    for event in timeline:
        for part in event.actors:
            roles_by_actor[part.actor].append(Role(event, part.role))
        at: set[str] = set()
        for place in event.places:
            at.update(_ancestors(place, place_parent))
        for place in sorted(at):
            events_by_place[place].append(event)
        for operation in _ancestors(event.operation, operation_parent):
            events_by_operation[operation].append(event)

    operations_by_actor: dict[str, list[m.Operation]] = defaultdict(list)
    operations_by_place: dict[str, list[m.Operation]] = defaultdict(list)
    sub_operations: dict[str, list[m.Operation]] = defaultdict(list)
    for operation in operations.values():
        for actor in operation.conducted_by:
            operations_by_actor[actor].append(operation)
        for place in operation.places:
            operations_by_place[place].append(operation)
        if operation.parent:
            sub_operations[operation.parent].append(operation)

    places_within: dict[str, list[m.Place]] = defaultdict(list)
    for place in places.values():
        if place.within:
            places_within[place.within].append(place)

    affiliations_in: dict[str, list[Link]] = defaultdict(list)
    for actor in actors.values():
        for affiliation in actor.affiliations:
            affiliations_in[affiliation.actor].append(Link(actor, affiliation))

    disputes_citing: dict[str, list[str]] = defaultdict(list)
    for event in events.values():
        if event.dispute:
            for account in event.dispute.accounts:
                for claim_id in account.claims:
                    if event.id not in disputes_citing[claim_id]:
                        disputes_citing[claim_id].append(event.id)

    return Record(
        sources=sources, actors=actors, places=places, operations=operations, events=events, claims=claims,
        paragraphs=checked.paragraphs, raw=checked.raw, quotes=checked.quotes, dates=checked.dates,
        locations=checked.locations, last_changed=checked.last_changed, kind_of=kind_of, timeline=timeline,
        claims_about=dict(claims_about), claims_by_source=dict(claims_by_source),
        claims_by_speaker=dict(claims_by_speaker), claims_via=dict(claims_via),
        roles_by_actor=dict(roles_by_actor), events_by_place=dict(events_by_place),
        events_by_operation=dict(events_by_operation), operations_by_actor=dict(operations_by_actor),
        operations_by_place=dict(operations_by_place), sub_operations=dict(sub_operations),
        places_within=dict(places_within), affiliations_in=dict(affiliations_in),
        disputes_citing=dict(disputes_citing), neighbours=neighbours,
    )
