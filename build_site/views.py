"""What each page shows, decided in Python: one view model per page kind, testable without Jinja.

A template (templates/<kind>.md.j2) only lays out what its view holds; every choice of what to
show (which claims, in which order, which label, what a dispute cell says) is made here.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import Iterator, Optional

from . import model as m
from .dates import DateInfo
from .history import Commit
from .link import Link, Record
from .maps import Atlas, MapView
from .rules.attribution import speaker_party, witness
from .text import QuoteIndex

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

SOURCE_KIND = m.labels_of(m.SourceKind)
CLEANING_ACTION = m.labels_of(m.CleaningAction)
ACTOR_KIND = m.labels_of(m.ActorKind)
RELATION = m.labels_of(m.Relation)
PLACE_KIND = m.labels_of(m.PlaceKind)
ROLE = m.labels_of(m.Role)
CASUALTY_GROUP = m.labels_of(m.CasualtyGroup)
CASUALTY_KIND = m.labels_of(m.CasualtyKind)
STATUS = m.labels_of(m.Status)
LINK_KIND = m.labels_of(m.LinkKind)
FORM = m.labels_of(m.Form)
NOTE_KIND = m.labels_of(m.NoteKind)


# --------------------------------------------------------------------------- claims


@dataclass(frozen=True)
class Step:
    """One step of a claim's chain, as a reader sees it: who, linked where they have a page, and what it is."""

    actor: Optional[str]
    """The actor id, where the step has a page."""
    name: Optional[str]
    """The name, where it has none."""
    detail: Optional[str]
    """In brackets after it: a speaker's role and party, or what kind of step it is."""
    party: Optional[str] = None
    """The actor a speaker speaks for."""


def speaker_step(claim: m.Claim) -> Step:
    s = claim.speaker
    return Step(s.actor, s.name, s.role, s.on_behalf_of)


def chain_steps(claim: m.Claim) -> list[Step]:
    """Who said it, then each step through which it reached the document (the document itself is not a step)."""
    return [speaker_step(claim)] + [Step(link.actor, link.name, LINK_KIND.singular[link.kind]) for link in claim.chain]


def form_label(claim: m.Claim) -> tuple[str, str]:
    """(label, what it means) of a claim's form: a reader must not take a paraphrase for the speaker's words."""
    assert FORM.meaning is not None
    return FORM.singular[claim.form], FORM.meaning[claim.form]


def note_label(note: m.Note) -> str:
    return NOTE_KIND.singular[note.kind]


def _named(keys: set[str], record: Record) -> list[tuple[Optional[str], str]]:
    """Keys that are record ids as (id, ""), linked on the page; names as (None, name); in a stable order."""
    return sorted(((key, "") if key in record.kind_of else (None, key) for key in keys), key=lambda w: (w[0] or "", w[1]))


def witnesses(claims: list[m.Claim], record: Record) -> list[tuple[Optional[str], str]]:
    """The distinct witnesses of some claims (attribution.witness: the reports they come from)."""
    return _named({witness(claim, record) for claim in claims}, record)


def speakers(claims: list[m.Claim], record: Record) -> list[tuple[Optional[str], str]]:
    """Who says it: the distinct speakers' parties of some claims."""
    return _named({speaker_party(claim) for claim in claims}, record)


# --------------------------------------------------------------------------- sources


@dataclass(frozen=True)
class ParagraphView:
    """One paragraph of a source's text, with what the editors and the record say about it."""

    number: int
    text: str
    part: Optional[m.SourcePart]
    """The part that starts at this paragraph."""
    notes: list[m.Cleaning]
    """Cleaning notes on it."""
    hidden: bool
    """Folded away (debris, a repeat)."""
    claims: list[m.Claim]
    """Claims quoting it."""
    relayed: list[m.RelayedSpan]
    """The relayed passages it lies in."""


@dataclass(frozen=True)
class RelayedView:
    span: m.RelayedSpan
    evidence_paragraph: Optional[int]
    """Where the sentence showing the relay is."""


@dataclass(frozen=True)
class SourceView:
    source: m.Source
    kind_label: str
    date: DateInfo
    file_name: str
    """The raw file's name, served beside the page."""
    claim_count: int
    paragraphs: list[ParagraphView]
    relayed: list[RelayedView]


def cleaning_label(note: m.Cleaning) -> str:
    return CLEANING_ACTION.singular[note.action]


def source_view(record: Record, source: m.Source) -> SourceView:
    notes: dict[int, list[m.Cleaning]] = defaultdict(list)
    for note in source.cleaning:
        for number in note.paragraphs:
            notes[number].append(note)
    cited: dict[int, list[m.Claim]] = defaultdict(list)
    for claim in record.claims_by_source.get(source.id, []):
        cited[record.quotes[claim.id].paragraph].append(claim)
    parts = {part.first_paragraph: part for part in source.parts}
    paragraphs = [ParagraphView(p.number, p.text, parts.get(p.number), notes.get(p.number, []),
                                any(note.action in m.HIDDEN_ACTIONS for note in notes.get(p.number, [])),
                                cited.get(p.number, []),
                                [span for span in source.relayed if span.first_paragraph <= p.number <= span.last_paragraph])
                  for p in record.paragraphs[source.id]]
    index = QuoteIndex(record.paragraphs[source.id]) if source.relayed else None
    relayed = [RelayedView(span, next((found.paragraph for found in index.occurrences(span.evidence)), None)
                           if index else None) for span in source.relayed]
    return SourceView(source, SOURCE_KIND.singular[source.kind], record.dates[source.date],
                      PurePosixPath(source.file).name, len(record.claims_by_source.get(source.id, [])), paragraphs,
                      relayed)


# --------------------------------------------------------------------------- small timelines


@dataclass(frozen=True)
class MiniItem:
    """One event or operation on an entity page's small timeline, placed in the SVG's units."""

    record: m.Event | m.Operation
    kind: str
    """"event" or "operation"."""
    date: DateInfo
    x: int
    """Where it starts, in units from the first year's start (YEAR_UNITS a year)."""
    width: int
    """How long it lasts, in the same units (at least MINI_MIN_WIDTH, so a day stays visible)."""
    disputed: bool


@dataclass(frozen=True)
class MiniTimeline:
    """An actor's, place's or operation's events and operations in time, drawn at build time (no JavaScript)."""

    facet: str
    """The full timeline's URL parameter that filters it to this record (docs/assets/timeline/url.js)."""
    record_id: str
    years: list[int]
    """The years the drawing spans, each YEAR_UNITS wide."""
    items: list[MiniItem]
    """In time order."""

    @property
    def units(self) -> int:
        return len(self.years) * YEAR_UNITS


YEAR_UNITS = 100
MINI_MIN_WIDTH = 4


def _bounds(date: DateInfo) -> tuple[dt.date, dt.date]:
    """The first day and the day after the last of a date (an open end stops at the start's year's end)."""
    end = date.end or date.start + dt.timedelta(days=1)
    if date.open_end:
        end = max(date.start + dt.timedelta(days=1), dt.date(date.start.year + 1, 1, 1))
    return date.start, end


def _units(day: dt.date, first_year: int) -> int:
    start = dt.date(day.year, 1, 1)
    length = (dt.date(day.year + 1, 1, 1) - start).days
    return round((day.year - first_year) * YEAR_UNITS + (day - start).days * YEAR_UNITS / length)


_OPERATION_REACH: dict[int, tuple[Record, dict[str, set[str]]]] = {}


def operation_reach(record: Record) -> dict[str, set[str]]:
    """Each dated operation's actors and places as the timeline filters them (build_site/timeline.py): its own,
    and those of its events. Computed once per record."""
    cached = _OPERATION_REACH.get(id(record))
    if cached is None or cached[0] is not record:
        reach = {}
        for o in record.operations.values():
            events = record.events_by_operation.get(o.id, [])
            reach[o.id] = ({*o.conducted_by, *o.places} | {p.actor for e in events for p in e.actors}
                           | {place for e in events for place in e.places})
        _OPERATION_REACH.clear()
        cached = _OPERATION_REACH[id(record)] = (record, reach)
    return cached[1]


def scope_items(record: Record, facet: str, record_id: str) -> tuple[list[m.Event], list[m.Operation]]:
    """The events and operations the full timeline shows when filtered to one actor, place or operation
    (`?actor=<id>`: the same items as data/timeline/<kind>/<id>.json)."""
    if facet == "operation":
        return record.events_by_operation.get(record_id, []), [record.operations[record_id]]
    if facet == "actor":
        events = list({r.event.id: r.event for r in record.roles_by_actor.get(record_id, [])}.values())
    else:
        events = [e for e in record.events_by_place.get(record_id, []) if record_id in e.places]
    reach = operation_reach(record)
    return events, [o for o in record.operations.values() if record_id in reach[o.id]]


def mini_timeline(record: Record, facet: str, record_id: str) -> Optional[MiniTimeline]:
    """The small timeline of one record's page: the items its link opens on the full timeline; None if none."""
    events, operations = scope_items(record, facet, record_id)
    dated: list[tuple[m.Event | m.Operation, str, DateInfo]] = [(e, "event", record.dates[e.date]) for e in events]
    dated += [(o, "operation", record.dates[o.period]) for o in operations if o.period]
    if not dated:
        return None
    dated.sort(key=lambda found: (found[2].sort_key, found[0].id))
    bounds = [_bounds(date) for _, _, date in dated]
    first = min(start.year for start, _ in bounds)
    last = max((end - dt.timedelta(days=1)).year for _, end in bounds)
    items = []
    for (item, kind, date), (start, end) in zip(dated, bounds, strict=True):
        x = _units(start, first)
        width = max(_units(end, first) - x, MINI_MIN_WIDTH)
        x = min(x, (last - first + 1) * YEAR_UNITS - width)
        items.append(MiniItem(item, kind, date, x, width, getattr(item, "status", "") == "disputed"))
    return MiniTimeline(facet, record_id, list(range(first, last + 1)), items)


LIST_LIMIT = 300
"""Above this many events, a page lists its events by year, each year on a page of its own (`<page>/<year>/`);
the timeline page does the same above TIMELINE_LIST_LIMIT entries. No page then passes 500 KB at 10,000 events."""

TIMELINE_LIST_LIMIT = 1500

CLAIMS_MADE_LIMIT = 150
"""Above this many claims made, a speaker's page lists them one line each (each claim's card is on the page of
what it is about, where its anchor is)."""


@dataclass(frozen=True)
class ListGroup:
    """One list of events on a page, under its own heading (an actor's role), or the page's only list."""

    anchor: str
    label: str
    events: list[m.Event]


@dataclass(frozen=True)
class YearList:
    """One year of a paged list: its groups, its count, and the years before and after it."""

    year: int
    groups: list[ListGroup]
    previous: Optional[int]
    next: Optional[int]

    @property
    def count(self) -> int:
        return len({e.id for group in self.groups for e in group.events})

    def count_in(self, anchor: str) -> int:
        return sum(len(group.events) for group in self.groups if group.anchor == anchor)


def _around(years: list[int]) -> Iterator[tuple[int, Optional[int], Optional[int]]]:
    """Each of the sorted years, with the one before and the one after it (None at the ends)."""
    for i, year in enumerate(years):
        yield year, years[i - 1] if i else None, years[i + 1] if i + 1 < len(years) else None


def by_year(record: Record, groups: list[ListGroup], limit: Optional[int] = None) -> list[YearList]:
    """The groups' events year by year (by the year each event starts), or [] if they fit on the page."""
    if len({e.id for group in groups for e in group.events}) <= (LIST_LIMIT if limit is None else limit):
        return []
    found: dict[int, dict[str, list[m.Event]]] = defaultdict(lambda: defaultdict(list))
    for group in groups:
        for event in group.events:
            found[record.dates[event.date].start.year][group.anchor].append(event)
    return [YearList(year, [ListGroup(g.anchor, g.label, found[year][g.anchor]) for g in groups
                            if found[year][g.anchor]], previous, following)
            for year, previous, following in _around(sorted(found))]


# --------------------------------------------------------------------------- actors


@dataclass(frozen=True)
class AffiliationRow:
    relation: str
    """The relation as read from this actor's side."""
    other: str
    """The other actor's id."""
    period: Optional[str]
    """When it held, in words."""
    claims: list[m.Claim]
    """Claims that support it."""
    note: Optional[str]


@dataclass(frozen=True)
class RoleGroup:
    role: str
    label: str
    events: list[m.Event]


@dataclass(frozen=True)
class ActorView:
    actor: m.Actor
    kind_label: str
    affiliations: list[AffiliationRow]
    """Declared by this actor, then declared by others towards it."""
    roles: list[RoleGroup]
    """The actor's events, grouped by its role in them."""
    operations: list[m.Operation]
    speaks: bool
    """Whether the actor speaks in any claim (its "Claims made" section is shown)."""
    claims_made: list[m.Claim]
    """Claims it made about something other than itself."""
    claims_about: list[m.Claim]
    relayed: list[m.Claim]
    timeline: Optional[MiniTimeline]
    """Its events and operations in time."""
    years: list[YearList]
    """Its events by year, each year on a page of its own, when there are too many for one page ([] if not)."""


def _affiliation_row(record: Record, relation: str, other: str, affiliation: m.Affiliation) -> AffiliationRow:
    return AffiliationRow(relation, other, record.dates[affiliation.period].label if affiliation.period else None,
                          [record.claims[c] for c in affiliation.claims], affiliation.note)


def actor_view(record: Record, actor: m.Actor) -> ActorView:
    assert RELATION.inverse is not None
    inverse = RELATION.inverse
    rows = [_affiliation_row(record, RELATION.singular[a.relation], a.actor, a) for a in actor.affiliations]
    inbound: list[Link] = record.affiliations_in.get(actor.id, [])
    rows += [_affiliation_row(record, inverse[link.affiliation.relation], link.actor.id, link.affiliation)
             for link in inbound]
    roles = sorted(record.roles_by_actor.get(actor.id, []), key=lambda r: r.role)
    groups = [RoleGroup(role, ROLE.singular[role], [r.event for r in grouped])
              for role, grouped in itertools.groupby(roles, key=lambda r: r.role)]
    made = record.claims_by_speaker.get(actor.id, [])
    return ActorView(actor, ACTOR_KIND.singular[actor.kind], rows, groups, record.operations_by_actor.get(actor.id, []),
                     bool(made), [c for c in made if c.about != actor.id], record.claims_about.get(actor.id, []),
                     record.claims_via.get(actor.id, []), mini_timeline(record, "actor", actor.id),
                     by_year(record, [ListGroup(f"role-{g.role}", g.label, g.events) for g in groups]))


# --------------------------------------------------------------------------- places and operations


@dataclass(frozen=True)
class PlaceView:
    place: m.Place
    kind_label: str
    description: str
    """For link previews: the place's description, or a sentence saying what it is."""
    inside: list[m.Place]
    events: list[m.Event]
    operations: list[m.Operation]
    claims_about: list[m.Claim]
    timeline: Optional[MiniTimeline]
    years: list[YearList]
    """Its events by year, each year on a page of its own, when there are too many for one page ([] if not)."""


def place_view(record: Record, place: m.Place) -> PlaceView:
    description = place.description or f"{place.name}, a {place.kind} named in the sources."
    events = record.events_by_place.get(place.id, [])
    return PlaceView(place, PLACE_KIND.singular[place.kind], description, record.places_within.get(place.id, []),
                     events, record.operations_by_place.get(place.id, []),
                     record.claims_about.get(place.id, []), mini_timeline(record, "place", place.id),
                     by_year(record, [ListGroup("events", "Events", events)]))


@dataclass(frozen=True)
class OperationView:
    operation: m.Operation
    period: Optional[DateInfo]
    includes: list[m.Operation]
    events: list[m.Event]
    claims_about: list[m.Claim]
    timeline: Optional[MiniTimeline]
    years: list[YearList]
    """Its events by year, each year on a page of its own, when there are too many for one page ([] if not)."""


def operation_view(record: Record, operation: m.Operation) -> OperationView:
    events = record.events_by_operation.get(operation.id, [])
    return OperationView(operation, record.dates[operation.period] if operation.period else None,
                         record.sub_operations.get(operation.id, []), events,
                         record.claims_about.get(operation.id, []), mini_timeline(record, "operation", operation.id),
                         by_year(record, [ListGroup("events", "Events", events)]))


# --------------------------------------------------------------------------- events and disputes


@dataclass(frozen=True)
class CellClaim:
    """A claim named in a dispute cell, by its number in its account."""

    id: str
    number: int
    asserts: str


@dataclass(frozen=True)
class Cell:
    """One account's position on one point; `says` is None where the account does not address it."""

    says: Optional[str]
    claims: list[CellClaim]
    speakers: list[tuple[Optional[str], str]]
    """Who states the position in the cited claims (their witnesses), unless that is the account's own name."""


@dataclass(frozen=True)
class PointRow:
    point: m.DisputePoint
    cells: list[Cell]
    """One per account, in the accounts' order."""


@dataclass(frozen=True)
class AccountView:
    account: m.Account
    claims: list[m.Claim]
    described_by: list[tuple[Optional[str], str]]
    """For an account marked `described`: who describes the party's position (the reports or documents its claims come from)."""


@dataclass(frozen=True)
class DisputeView:
    dispute: m.Dispute
    rows: list[PointRow]
    accounts: list[AccountView]
    """Each account with its claims, in order."""


@dataclass(frozen=True)
class CasualtyRow:
    group: str
    """Whose, and killed or injured: "civilian (killed)"."""
    party: Optional[str]
    figure: str
    claims: list[m.Claim]


@dataclass(frozen=True)
class EventView:
    event: m.Event
    date: DateInfo
    status_label: str
    witnesses: list[tuple[Optional[str], str]]
    """Who the event's claims come from: one for a single-source event."""
    description: str
    """For link previews (cut to a whole word by previews.description)."""
    participants: list[tuple[str, str, list[m.Claim]]]
    """Each actor, its role in words, and the claims the role rests on when it is only some speakers' word."""
    """(actor id, role in words) of each participant."""
    dispute: Optional[DisputeView]
    casualties: list[CasualtyRow]
    other_claims: list[m.Claim]
    """Claims about the event outside its dispute's accounts (all of them, for an undisputed event)."""
    previous: Optional[tuple[m.Event, DateInfo]]
    next: Optional[tuple[m.Event, DateInfo]]


def _cell(record: Record, account: m.Account, point_id: str) -> Cell:
    position = account.positions.get(point_id)
    if position is None:
        return Cell(None, [], [])
    says, cited = (position.says, position.claims) if isinstance(position, m.Position) else (position, account.claims)
    who = [w for w in speakers([record.claims[c] for c in cited], record)
           if (record.name(w[0]) if w[0] else w[1]) != account.label]  # "Witnesses (Witnesses)" says nothing
    return Cell(says, [CellClaim(c, account.claims.index(c) + 1, record.claims[c].asserts) for c in cited], who)


def dispute_view(record: Record, dispute: m.Dispute) -> DisputeView:
    rows = [PointRow(point, [_cell(record, account, point.id) for account in dispute.accounts])
            for point in dispute.points]
    accounts = []
    for account in dispute.accounts:
        claims = [record.claims[c] for c in account.claims]
        accounts.append(AccountView(account, claims, witnesses(claims, record) if account.described else []))
    return DisputeView(dispute, rows, accounts)


def _casualty_row(record: Record, cas: m.Casualties) -> CasualtyRow:
    figure = f"{cas.min}" if cas.min == cas.max else f"{cas.min}–{cas.max}"
    return CasualtyRow(f"{CASUALTY_GROUP.singular[cas.group]} ({CASUALTY_KIND.singular[cas.kind]})", cas.party, figure,
                       [record.claims[c] for c in cas.claims])


def event_view(record: Record, event: m.Event) -> EventView:
    date = record.dates[event.date]
    disputed = "Disputed: accounts conflict. " if event.status == "disputed" else ""
    in_accounts = {c for account in event.dispute.accounts for c in account.claims} if event.dispute else set()
    before, after = record.neighbours[event.id]
    return EventView(
        event, date, STATUS.singular[event.status], witnesses(record.claims_about.get(event.id, []), record),
        f"{date.label}. {disputed}{event.summary}",
        [(part.actor, ROLE.singular[part.role].lower(), [record.claims[c] for c in part.claims])
         for part in event.actors],
        dispute_view(record, event.dispute) if event.dispute else None,
        [_casualty_row(record, cas) for cas in event.casualties],
        [c for c in record.claims_about.get(event.id, []) if c.id not in in_accounts],
        (before, record.dates[before.date]) if before else None,
        (after, record.dates[after.date]) if after else None)


# --------------------------------------------------------------------------- index pages


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    """1–12; 0 for the events of the year whose month is not known."""
    name: str
    """"April 2016", or "2016, month not known"."""
    anchor: str
    """`m2016-04` (`m2016-unknown` for month 0): kept stable, links point at it."""
    events: list[m.Event]


@dataclass(frozen=True)
class Year:
    year: int
    months: list[Month]
    count: int
    disputed: int
    previous: Optional[int]
    next: Optional[int]


INDEX_TITLES_LIMIT = 2000
"""Up to this many events, the events index lists every event's title; above it, only the counts of each month
(every title is on its year's page)."""

_YEAR_OR_COARSER = {"year", "decade", "century", "millennium"}
_YEAR_ONLY_START = re.compile(r"^[^\d]*-?\d{4}[~?%]?(?:[/,.\]]|$)")
"""An EDTF interval or set whose first date is a year alone: `2015/2016`, `[2014, 2015]`."""


def month_known(date: DateInfo) -> bool:
    """Whether a date says in which month its event began (a year alone, or an interval from one, does not)."""
    if date.precision in _YEAR_OR_COARSER:
        return False
    return not (date.precision in {"interval", "set", "multiple"} and _YEAR_ONLY_START.match(date.edtf))


def _month(year: int, month: int, events: list[m.Event]) -> Month:
    if month == 0:
        return Month(year, 0, f"{year}, month not known", f"m{year}-unknown", events)
    return Month(year, month, f"{MONTHS[month - 1]} {year}", f"m{year}-{month:02d}", events)


def years(record: Record) -> list[Year]:
    """The record's events by year and month, in time order: an event under its first possible month, or,
    where its date gives no month, under the year's "month not known", before the months."""
    by_month: dict[int, dict[int, list[m.Event]]] = defaultdict(lambda: defaultdict(list))
    for event in record.timeline:
        date = record.dates[event.date]
        by_month[date.start.year][date.start.month if month_known(date) else 0].append(event)
    numbers = sorted(by_month)
    found = []
    for i, year in enumerate(numbers):
        months = [_month(year, month, events) for month, events in sorted(by_month[year].items())]
        everything = [event for month in months for event in month.events]
        found.append(Year(year, months, len(everything), sum(1 for e in everything if e.status == "disputed"),
                          numbers[i - 1] if i else None, numbers[i + 1] if i + 1 < len(numbers) else None))
    return found


def _by_name(record: m.Actor | m.Place | m.Operation) -> str:
    return record.name.lower()  # the order readers know from the index pages: case does not count


@dataclass(frozen=True)
class KindGroup:
    kind: str
    label: str
    actors: list[m.Actor]


def actor_groups(record: Record) -> list[KindGroup]:
    """Actors by kind (kinds in alphabetical order), each kind's actors by name."""
    ordered = sorted(record.actors.values(), key=lambda a: a.kind)
    assert ACTOR_KIND.plural is not None
    return [KindGroup(kind, ACTOR_KIND.plural[kind], sorted(group, key=_by_name))
            for kind, group in itertools.groupby(ordered, key=lambda a: a.kind)]


@dataclass(frozen=True)
class SourceRow:
    source: m.Source
    kind_label: str
    date: DateInfo
    claim_count: int


def source_rows(record: Record) -> list[SourceRow]:
    """Sources by date (the EDTF text's order, as the index always listed them)."""
    return [SourceRow(s, SOURCE_KIND.singular[s.kind], record.dates[s.date], len(record.claims_by_source.get(s.id, [])))
            for s in sorted(record.sources.values(), key=lambda s: s.date)]


@dataclass(frozen=True)
class PlaceRow:
    place: m.Place
    kind_label: str
    event_count: int


def place_rows(record: Record) -> list[PlaceRow]:
    return [PlaceRow(p, PLACE_KIND.singular[p.kind], len(record.events_by_place.get(p.id, [])))
            for p in sorted(record.places.values(), key=_by_name)]


@dataclass(frozen=True)
class OperationRow:
    operation: m.Operation
    period: Optional[str]
    event_count: int


def operation_rows(record: Record) -> list[OperationRow]:
    return [OperationRow(o, record.dates[o.period].label if o.period else None,
                         len(record.events_by_operation.get(o.id, [])))
            for o in sorted(record.operations.values(), key=_by_name)]


@dataclass(frozen=True)
class DisputeRow:
    event: m.Event
    dispute: m.Dispute
    date: str
    points: str
    """The points in dispute, as one line."""


DISPUTES_INDEX_LIMIT = 600
"""Above this many disputed events, the disputes index gives each one line (its anchor kept), not its points."""


def dispute_rows(record: Record) -> list[DisputeRow]:
    return [DisputeRow(e, e.dispute, record.dates[e.date].label, "; ".join(p.label for p in e.dispute.points))
            for e in record.timeline if e.dispute is not None and e.status == "disputed"]


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the timeline page's list (the timeline without JavaScript): an event or a dated operation."""

    record: m.Event | m.Operation
    kind: str
    """"event" or "operation"."""
    date: DateInfo
    disputed: bool


def timeline_entries(record: Record) -> list[TimelineEntry]:
    """Every event and dated operation, in time order (an operation before the events it starts with)."""
    entries = [TimelineEntry(o, "operation", record.dates[o.period], False)
               for o in record.operations.values() if o.period]
    entries += [TimelineEntry(e, "event", record.dates[e.date], e.status == "disputed") for e in record.timeline]
    return sorted(entries, key=lambda entry: (entry.date.sort_key[0], entry.kind != "operation",
                                              entry.date.sort_key, entry.record.id))


@dataclass(frozen=True)
class TimelineYear:
    """One year of the timeline page's list, on a page of its own when the list is too long for one page."""

    year: int
    entries: list[TimelineEntry]
    previous: Optional[int]
    next: Optional[int]


def timeline_years(entries: list[TimelineEntry], limit: Optional[int] = None) -> list[TimelineYear]:
    """The list year by year (the year each entry starts), or [] if it fits on the timeline page."""
    if len(entries) <= (TIMELINE_LIST_LIMIT if limit is None else limit):
        return []
    found: dict[int, list[TimelineEntry]] = defaultdict(list)
    for entry in entries:
        found[entry.date.start.year].append(entry)
    return [TimelineYear(year, found[year], previous, following) for year, previous, following in _around(sorted(found))]


# --------------------------------------------------------------------------- who says what


@dataclass(frozen=True)
class Backing:
    """One account's position on a point, as backed by claims of one source document."""

    account: m.Account
    says: str
    claims: list[m.Claim]
    """The claims of this document that state the position."""
    speakers: list[tuple[Optional[str], str]]
    """Who says it in this document (the speakers of those claims)."""


@dataclass(frozen=True)
class MatrixEvent:
    event: m.Event
    date: str
    points: list[m.DisputePoint]


@dataclass(frozen=True)
class MatrixRow:
    source: m.Source
    cells: list[list[Backing]]
    """One cell per point of every event, in column order."""


@dataclass(frozen=True)
class Matrix:
    """Who says what: source documents down, disputed events and their points across."""

    title: str
    year: Optional[int]
    """The year of the events it covers, where the matrix is paged by year."""
    events: list[MatrixEvent]
    record: Optional[Record] = field(default=None, repr=False, compare=False)
    part: int = 1
    parts: int = 1
    """A year of more than MATRIX_PAGE_LIMIT disputed events is cut into parts, each on a page of its own."""

    @functools.cached_property
    def rows(self) -> list[MatrixRow]:
        """One row per source document cited by these events' accounts (made when the page is rendered)."""
        return _rows(self.record, self.events) if self.record is not None else []

    @property
    def path(self) -> str:
        """Its page, under disputes/who-says-what/: `<year>/`, then `<year>/<part>/` for the further parts."""
        return f"{self.year}/" if self.part == 1 else f"{self.year}/{self.part}/"

    @property
    def columns(self) -> list[str]:
        """Each cell column's name, "<event>: <point>", in column order (a printed row names its cells with it)."""
        return [f"{column.event.title}: {point.label}" for column in self.events for point in column.points]


MATRIX_PAGE_LIMIT = 40
"""Above this many disputed events, "who says what" is paged by year, and a year of more is cut into parts of
this many (each page stays under 500 KB at 10,000 events)."""


def _position_claims(account: m.Account, position: str | m.Position) -> list[str]:
    return list(position.claims) if isinstance(position, m.Position) else list(account.claims)


def _backings(record: Record, event: m.Event, point: m.DisputePoint, source_id: str) -> list[Backing]:
    found = []
    assert event.dispute is not None
    for account in event.dispute.accounts:
        position = account.positions.get(point.id)
        if position is None:
            continue
        claims = [record.claims[c] for c in _position_claims(account, position) if record.claims[c].source == source_id]
        if claims:
            says = position.says if isinstance(position, m.Position) else position
            found.append(Backing(account, says, claims, speakers(claims, record)))
    return found


def _matrix(record: Record, title: str, year: Optional[int], disputed: list[m.Event]) -> Matrix:
    events = [MatrixEvent(e, record.dates[e.date].label, list(e.dispute.points)) for e in disputed if e.dispute]
    return Matrix(title, year, events, record)


def _rows(record: Record, events: list[MatrixEvent]) -> list[MatrixRow]:
    cited = {record.claims[c].source for column in events if column.event.dispute
             for a in column.event.dispute.accounts for c in a.claims}
    return [MatrixRow(source, [_backings(record, column.event, point, source.id)
                               for column in events for point in column.points])
            for source in sorted(record.sources.values(), key=lambda s: (s.date, s.id)) if source.id in cited]


def who_says_what(record: Record) -> tuple[Matrix, list[Matrix]]:
    """The overview matrix, and the year pages when there are too many disputes for one page."""
    disputed = [e for e in record.timeline if e.dispute is not None]
    title = "Who says what"
    if len(disputed) <= MATRIX_PAGE_LIMIT:
        return _matrix(record, title, None, disputed), []
    by_year: dict[int, list[m.Event]] = defaultdict(list)
    for event in disputed:
        by_year[record.dates[event.date].start.year].append(event)
    pages = []
    for year, events in sorted(by_year.items()):
        parts = [events[i:i + MATRIX_PAGE_LIMIT] for i in range(0, len(events), MATRIX_PAGE_LIMIT)]
        for part, chunk in enumerate(parts, start=1):
            name = f"{title}: {year}" if len(parts) == 1 else f"{title}: {year}, part {part} of {len(parts)}"
            pages.append(replace(_matrix(record, name, year, chunk), part=part, parts=len(parts)))
    return Matrix(title, None, []), pages


# --------------------------------------------------------------------------- maps and history


def locator_places(item: object) -> list[str]:
    """The places a record's page shows on its locator map: a place itself, an event's places."""
    if isinstance(item, m.Place):
        return [item.id]
    if isinstance(item, m.Event):
        return list(item.places)
    return []


def locator_title(record: Record, item: object) -> str:
    """The locator map's caption and accessible name."""
    if isinstance(item, m.Place):
        return f"Where {item.name} is"
    located = [record.places[p].name for p in locator_places(item) if record.places[p].coordinates]
    return "Where it happened: " + ", ".join(located)


@dataclass(frozen=True)
class MapPage:
    """The map of every located place: the main map, its insets, and every place listed below them."""

    main: MapView
    insets: list[MapView]
    located: list[PlaceRow]
    """Every place with coordinates, by name."""
    unlocated: list[PlaceRow]
    """Places without coordinates: listed, never dropped."""
    changed: Optional[str]
    """When a place last changed: the page's date."""


def map_page(record: Record, atlas: Atlas) -> MapPage:
    rows = place_rows(record)
    # Names on the main map: cities first, then by how many events happened there.
    named = sorted((row for row in rows if row.place.coordinates),
                   key=lambda row: (row.place.kind != "city", -row.event_count, row.place.id))
    return MapPage(atlas.main_map([row.place.id for row in named]), atlas.inset_maps(),
                   [row for row in rows if row.place.coordinates], [row for row in rows if not row.place.coordinates],
                   max((record.last_changed[p] for p in record.places if p in record.last_changed), default=None))


@dataclass(frozen=True)
class ChangesView:
    """"Changes to this record": the commits that touched the record's own lines."""

    available: bool
    """False when the build had no git history."""
    commits: tuple[Commit, ...]
    """Newest first."""
    history_url: str
    """The history of the record's file in the repository."""
    feed: Optional[str]
    """The site-relative Atom feed of the record's events (actors and places), if any."""


def changes_view(record: Record, record_id: str, history_url: str, feed: Optional[str]) -> ChangesView:
    return ChangesView(record.history_available, record.changes.get(record_id, ()), history_url, feed)
