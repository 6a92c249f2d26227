"""Validated models → one linked Record with reverse indexes, built in one pass each (never nested scans)."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Optional, TypedDict, TypeVar

from . import model as m
from .dates import DateInfo
from .fields import Path, references
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
class Referrer:
    """A record that refers to another, and where in it."""

    kind: str
    """The referring record's kind."""
    record_id: str
    """The referring record's id."""
    path: Path
    """The field that holds the reference (`("dispute", "accounts", 0, "claims", 1)`)."""


@dataclass(frozen=True, kw_only=True)
class Record(Checked):
    """The whole record, cross-referenced: the checked record and its reverse indexes."""

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
    """Claims an outlet, agency or party relayed: those with it as a step of their chain."""
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
    referenced_by: dict[str, list[Referrer]]
    """Every record that refers to each id, through any reference field the model declares."""

    def name(self, record_id: str) -> str:
        """The display name of any record."""
        kind = self.kind_of.get(record_id)
        record = self.of(kind)[record_id] if kind else None
        return getattr(record, "name", None) or getattr(record, "title", None) or record_id

    def date(self, text: str) -> DateInfo:
        return self.dates[text]


def ancestors(start: Optional[str], parent_of: dict[str, Optional[str]]) -> list[str]:
    """`start` and every record above it in a hierarchy (places within places, operations in operations)."""
    seen: list[str] = []
    while start and start not in seen:
        seen.append(start)
        start = parent_of.get(start)
    return seen


K = TypeVar("K")
V = TypeVar("V")


def _grouped(pairs: Iterable[tuple[K, V]]) -> dict[K, list[V]]:
    grouped: dict[K, list[V]] = defaultdict(list)
    for key, value in pairs:
        grouped[key].append(value)
    return dict(grouped)


class _ClaimIndexes(TypedDict):
    claims_about: dict[str, list[m.Claim]]
    claims_by_source: dict[str, list[m.Claim]]
    claims_by_speaker: dict[str, list[m.Claim]]
    claims_via: dict[str, list[m.Claim]]


class _EventIndexes(TypedDict):
    roles_by_actor: dict[str, list[Role]]
    events_by_place: dict[str, list[m.Event]]
    events_by_operation: dict[str, list[m.Event]]


class _EntityIndexes(TypedDict):
    operations_by_actor: dict[str, list[m.Operation]]
    operations_by_place: dict[str, list[m.Operation]]
    sub_operations: dict[str, list[m.Operation]]
    places_within: dict[str, list[m.Place]]
    affiliations_in: dict[str, list[Link]]


def _claim_indexes(checked: Checked) -> _ClaimIndexes:
    claims = list(checked.claims.values())
    by_source = _grouped((claim.source, claim) for claim in claims)
    for cited in by_source.values():
        cited.sort(key=lambda c: (checked.quotes[c.id].paragraph if c.id in checked.quotes else 0,
                                  checked.quotes[c.id].start if c.id in checked.quotes else 0, c.id))
    return {
        "claims_about": _grouped((claim.about, claim) for claim in claims),
        "claims_by_source": by_source,
        "claims_by_speaker": _grouped((speaker, claim) for claim in claims
                                      if (speaker := claim.speaker.actor or claim.speaker.on_behalf_of)),
        "claims_via": _grouped((actor, claim) for claim in claims
                               for actor in dict.fromkeys(link.actor for link in claim.chain if link.actor)),
    }


def _event_indexes(checked: Checked, timeline: list[m.Event]) -> _EventIndexes:
    place_parent = {p.id: p.within for p in checked.places.values()}
    operation_parent = {o.id: o.parent for o in checked.operations.values()}

    def places_of(event: m.Event) -> list[str]:
        return sorted({place for at in event.places for place in ancestors(at, place_parent)})

    return {
        "roles_by_actor": _grouped((part.actor, Role(event, part.role)) for event in timeline for part in event.actors),
        "events_by_place": _grouped((place, event) for event in timeline for place in places_of(event)),
        "events_by_operation": _grouped((operation, event) for event in timeline
                                        for operation in ancestors(event.operation, operation_parent)),
    }


def _entity_indexes(checked: Checked) -> _EntityIndexes:
    operations = list(checked.operations.values())
    return {
        "operations_by_actor": _grouped((actor, o) for o in operations for actor in o.conducted_by),
        "operations_by_place": _grouped((place, o) for o in operations for place in o.places),
        "sub_operations": _grouped((o.parent, o) for o in operations if o.parent is not None),
        "places_within": _grouped((p.within, p) for p in checked.places.values() if p.within is not None),
        "affiliations_in": _grouped((affiliation.actor, Link(actor, affiliation))
                                    for actor in checked.actors.values() for affiliation in actor.affiliations),
    }


def _disputes_citing(checked: Checked) -> dict[str, list[str]]:
    citing: dict[str, list[str]] = defaultdict(list)
    for event in checked.events.values():
        for account in event.dispute.accounts if event.dispute else ():
            for claim_id in account.claims:
                if event.id not in citing[claim_id]:
                    citing[claim_id].append(event.id)
    return dict(citing)


_REFERRERS: dict[int, tuple[object, tuple[tuple[str, Referrer], ...]]] = {}
"""Each record's references as (target, Referrer), by the record's identity (the resident preview links
the record again on each save; unchanged records keep their objects)."""


def _referenced_by(checked: Checked) -> dict[str, list[Referrer]]:
    now = {}
    for kind, records in checked.kinds():
        for record_id, record in records.items():
            hit = _REFERRERS.get(id(record))
            if hit is None or hit[0] is not record:
                hit = (record, tuple((target, Referrer(kind, record_id, path)) for path, target, _ in references(record)))
            now[id(record)] = hit
    _REFERRERS.clear()
    _REFERRERS.update(now)
    return _grouped(pair for _, pairs in now.values() for pair in pairs)


def link(checked: Checked) -> Record:
    """Build every reverse index once."""
    timeline = sorted(checked.events.values(), key=lambda e: (checked.dates[e.date].sort_key, e.id))
    neighbours = {event.id: (timeline[i - 1] if i else None, timeline[i + 1] if i + 1 < len(timeline) else None)
                  for i, event in enumerate(timeline)}
    return Record(
        **{field.name: getattr(checked, field.name) for field in dataclasses.fields(Checked)},
        kind_of={record_id: kind for kind, records in checked.kinds() for record_id in records},
        timeline=timeline, neighbours=neighbours, referenced_by=_referenced_by(checked),
        disputes_citing=_disputes_citing(checked),
        **_claim_indexes(checked), **_event_indexes(checked, timeline), **_entity_indexes(checked),
    )
