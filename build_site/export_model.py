"""The shapes of the public data files (exports.py, timeline.py), declared once: their JSON Schemas, published
under `data/schemas/` and checked against every export in the tests, are generated from these models.

Fields reuse the record's own types (model.py): ids, kinds and other labelled choices, EDTF dates, and the
nested records that an export copies whole (relayed spans, chain steps, casualties, disputes). Every field
is always present (`null` where there is no value), and no other field is allowed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Optional, get_args

from pydantic import BaseModel, ConfigDict, Field

from . import model as m


class Shape(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, json_schema_serialization_defaults_required=True)


# --------------------------------------------------------------------------- shared

if TYPE_CHECKING:
    Precision = m.Precision
    NoteKind = m.NoteKind
else:  # the values without their labels, whose dict (unhashable) cannot stand in an Optional at run time
    Precision = get_args(m.Precision)[0]
    NoteKind = get_args(m.NoteKind)[0]


class DateDetail(Shape):
    """An EDTF date resolved for scripts: its words and its span of days."""

    edtf: m.Edtf
    """The date as the record gives it (EDTF)."""
    label: str
    """The date in words, with its precision ("April 2016, approximate")."""
    start: str
    """Its first possible day (ISO 8601)."""
    end: Optional[str]
    """The day after its last possible day (ISO 8601); `null` for a single known day."""
    precision: str
    """How precise it is: `day`, `month`, `year` and the like."""
    approximate: bool
    """The date is approximate (EDTF `~`)."""
    uncertain: bool
    """The date is uncertain (EDTF `?`)."""


class Changed(Shape):
    """Mixed into every exported record."""

    last_changed: Optional[str]
    """When the YAML lines defining the record last changed in git (YYYY-MM-DD); `null` without git history."""


URL = Field(pattern=r"^[a-z-]+/[a-z0-9-]+/(#[a-z0-9-]+)?$")
"""A page's address relative to the site's root (`events/<id>/`, a claim's `events/<id>/#claim-<id>`)."""


# --------------------------------------------------------------------------- sources.json


class PartOut(Shape):
    """One part of a document that runs several texts together."""

    anchor: m.Id
    """The part's anchor on the source page."""
    title: str
    """The part's title."""
    first_paragraph: int
    """The number of its first paragraph."""
    date: Optional[m.Edtf]
    """Its date (EDTF), where known."""


class SourceOut(Changed):
    """A source document."""

    id: m.Id
    """Permanent id."""
    url: str = URL
    """The source's page, site-relative."""
    title: str
    """The document's title."""
    publisher: str
    """Who published it."""
    author: Optional[str]
    """Its author, where known."""
    kind: m.SourceKind
    """What the document is."""
    date: m.Edtf
    """When it was published (EDTF)."""
    date_basis: str
    """How the date was determined."""
    language: str
    """Its language (BCP 47)."""
    stance: str
    """The document's stance, in neutral words."""
    file: str
    """The raw file, site-relative."""
    original_name: str
    """The file name as received."""
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    """The SHA-256 of the raw file."""
    paragraphs: int
    """How many paragraphs the document has."""
    parts: list[PartOut]
    """Its parts, for a document that runs several texts together."""
    relayed: list[m.RelayedSpan]
    """Passages in which the document relays another party's report."""


# --------------------------------------------------------------------------- actors.json


class AffiliationOut(m.Affiliation):
    """A relation of the actor to another actor, with its period resolved."""

    model_config = ConfigDict(strict=False)
    period_detail: Optional[DateDetail]
    """The period, resolved (`null` without one)."""


class ActorOut(Changed):
    """An actor."""

    id: m.Id
    """Permanent id."""
    url: str = URL
    """The actor's page, site-relative."""
    name: str
    """The canonical name."""
    aliases: list[str]
    """Other names and spellings."""
    name_ar: Optional[str]
    """The name in Arabic script, where known."""
    kind: m.ActorKind
    """What the actor is."""
    description: str
    """A neutral description."""
    affiliations: list[AffiliationOut]
    """Relations to other actors over time."""


# --------------------------------------------------------------------------- places.geojson


class Point(Shape):
    """A GeoJSON Point (RFC 7946)."""

    type: Literal["Point"]
    coordinates: tuple[float, float]
    """`[longitude, latitude]`, WGS 84."""


class PlaceProperties(Changed):
    """What the Feature says about the place."""

    id: m.Id
    """Permanent id."""
    url: str = URL
    """The place's page, site-relative."""
    name: str
    """The canonical name."""
    aliases: list[str]
    """Other spellings."""
    name_ar: Optional[str]
    """The name in Arabic script, where known."""
    kind: m.PlaceKind
    """What the place is."""
    within: Optional[m.Id]
    """The place it lies in."""
    precision: Optional[Precision]
    """How precise the point is; `null` when the place has no point (its geometry is `null` too)."""
    location_note: Optional[str]
    """How the point was located; `null` without a point."""


class PlaceFeature(Shape):
    """A place, as a GeoJSON Feature."""

    type: Literal["Feature"]
    id: m.Id
    """The place's id."""
    geometry: Optional[Point]
    """Its point, or `null` where it is not known."""
    properties: PlaceProperties


class Places(Shape):
    """Every place, as a GeoJSON FeatureCollection (RFC 7946)."""

    type: Literal["FeatureCollection"]
    features: list[PlaceFeature]


# --------------------------------------------------------------------------- operations.json


class OperationOut(Changed):
    """A named operation."""

    id: m.Id
    """Permanent id."""
    url: str = URL
    """The operation's page, site-relative."""
    name: str
    """The canonical name."""
    aliases: list[str]
    """Other names."""
    translations: list[m.Translation]
    """Its name in other languages."""
    conducted_by: list[m.Id]
    """Actors that conducted it."""
    period: Optional[m.Edtf]
    """When it ran (EDTF)."""
    period_detail: Optional[DateDetail]
    """The period, resolved."""
    places: list[m.Id]
    """Where it took place."""
    parent: Optional[m.Id]
    """The operation it is part of."""
    description: str
    """A neutral description."""


# --------------------------------------------------------------------------- events.json


class ParticipantOut(Shape):
    """An actor's part in the event."""

    actor: m.Id
    """The actor's id."""
    role: m.Role
    """Its role."""


class EventOut(Changed):
    """An event."""

    id: m.Id
    """Permanent id."""
    url: str = URL
    """The event's page, site-relative."""
    title: str
    """A short neutral title."""
    date: m.Edtf
    """When (EDTF)."""
    date_detail: DateDetail
    """The date, resolved."""
    date_inferred: Optional[str]
    """The editors' reasoning, when no source states the date."""
    status: m.Status
    """Established, single-source or disputed."""
    places: list[m.Id]
    """Where."""
    actors: list[ParticipantOut]
    """Who, with their roles."""
    operation: Optional[m.Id]
    """The operation it is part of."""
    summary: str
    """What happened (Markdown)."""
    casualties: list[m.Casualties]
    """Casualty ranges, as the sources give them."""
    claims: list[m.Id]
    """The claims about it."""
    dispute: Optional[m.Dispute]
    """For a disputed event: what is agreed, the points and every account."""


# --------------------------------------------------------------------------- claims.json


class SpeakerOut(Shape):
    """Who said it."""

    actor: Optional[m.Id]
    name: Optional[str]
    role: Optional[str]
    on_behalf_of: Optional[m.Id]


class ClaimOut(Changed):
    """A claim, with its exact words."""

    id: m.Id
    """Permanent id."""
    url: str = URL
    """The claim's anchor on the page of what it is about."""
    about: m.Id
    """What it is about."""
    about_kind: Literal["event", "actor", "operation", "place"]
    """The kind of record it is about."""
    event: Optional[m.Id]
    """The event id, or `null` when it is about something else."""
    asserts: str
    """A neutral sentence."""
    speaker: SpeakerOut
    chain: list[m.ChainLink]
    """Every step through which the words reached the document."""
    form: m.Form
    witness: str
    """The party the words come from."""
    via: Optional[m.Id]
    """The step nearest the document that has a page (kept for older scripts)."""
    source: m.Id
    """The source document."""
    quote: str
    """The exact words."""
    prefix: Optional[str]
    suffix: Optional[str]
    paragraph: int
    """The source paragraph the quote is in."""
    paragraph_url: str
    """That paragraph's address (`sources/<id>/#p<n>`)."""
    note: Optional[str]
    """An editor's note."""
    note_kind: Optional[NoteKind]
    relay_exception: Optional[str]


# --------------------------------------------------------------------------- timeline.json, timeline/<kind>/<id>.json


class TimelineGroup(Shape):
    """A row of the timeline."""

    id: str
    label: str
    order: int


class ScopedItem(Shape):
    """An event or operation on a timeline."""

    id: m.Id
    kind: Literal["event", "operation"]
    title: str
    url: str = URL
    date: m.Edtf
    date_label: str
    start: str
    end: Optional[str]
    precision: str
    approximate: bool
    uncertain: bool
    status: m.Status
    group: str
    """The id of its row."""
    actors: list[m.Id]
    operations: list[m.Id]
    places: list[m.Id]


class TimelineItem(ScopedItem):
    """An item of the site's timeline, with the words its text filter matches."""

    terms: str
    """Lower-case names and aliases, for the text filter."""


class Listing(Shape):
    """An actor, operation or place the filters offer."""

    id: m.Id
    name: str
    aliases: list[str]


class Timeline(Shape):
    """What the interactive timeline draws, items sorted by start date."""

    version: Literal[1]
    groups: list[TimelineGroup]
    items: list[TimelineItem]
    actors: list[Listing]
    operations: list[Listing]
    places: list[Listing]


class ScopedTimeline(Shape):
    """The small timeline of one actor's, operation's or place's page."""

    version: Literal[1]
    scope: str = Field(pattern=r"^(actor|operation|place):[a-z0-9-]+$")
    groups: list[TimelineGroup]
    items: list[ScopedItem]
    actors: list[Listing] = Field(max_length=0)
    operations: list[Listing] = Field(max_length=0)
    places: list[Listing] = Field(max_length=0)


EXPORTS: dict[str, tuple[str, type[BaseModel], bool]] = {
    "sources": ("sources.json", SourceOut, True),
    "actors": ("actors.json", ActorOut, True),
    "places": ("places.geojson", Places, False),
    "operations": ("operations.json", OperationOut, True),
    "events": ("events.json", EventOut, True),
    "claims": ("claims.json", ClaimOut, True),
    "timeline": ("timeline.json", Timeline, False),
    "timeline-scope": ("timeline/<kind>/<id>.json", ScopedTimeline, False),
}
"""Schema name → (the file it describes, under data/; its model; whether the file is a list of them)."""
