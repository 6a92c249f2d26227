"""The record's schema: the one declaration of what every field means.

Every curated YAML file under ``data/<kind>/`` is a list of records of one kind.
Each model forbids unknown fields and coerces nothing (``strict``): a count is an
integer, a date is an EDTF string, ``NO`` is a string.

A field says what it means where it is declared, in its type's ``Annotated`` metadata:
a reference names the kinds it may point to (`RefTo`), a date is an EDTF string (`IsDate`),
and each allowed value of a choice carries its reader's label (`Labels`). Validation,
linking, subsets, the JSON Schemas and CONTRIBUTING.md's field reference all read these
declarations (fields.py walks them); none keeps a list of its own. Field docstrings are
the documentation.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, fields
from typing import Annotated, Iterator, Literal, Mapping, Optional, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


# --------------------------------------------------------------------------- what a field means


@dataclass(frozen=True)
class RefTo:
    """Marks a field as the id of another record, of one of these kinds (folders under `data/`)."""

    kinds: tuple[str, ...]


@dataclass(frozen=True)
class IsDate:
    """Marks a field as an EDTF date or interval, described (and checked) by dates.py."""


@dataclass(frozen=True)
class Labels:
    """The reader's label of each allowed value of a choice, declared beside the values."""

    singular: Mapping[str, str]
    """The label of one value ("Armed group")."""
    plural: Optional[Mapping[str, str]] = None
    """A heading for several records of the value ("Armed groups"), where pages group by it."""
    inverse: Optional[Mapping[str, str]] = None
    """For a relation, its name seen from the other side ("commanded by")."""
    meaning: Optional[Mapping[str, str]] = None
    """A phrase a reader is told each value means, where the label alone is not enough."""


def choice(values: Mapping[str, str], *, plural: Optional[Mapping[str, str]] = None,
           inverse: Optional[Mapping[str, str]] = None, meaning: Optional[Mapping[str, str]] = None) -> Labels:
    """Labels for a choice; every mapping must name the same values."""
    for other in (plural, inverse, meaning):
        if other is not None and set(other) != set(values):
            raise ValueError(f"labels name different values: {sorted(set(other) ^ set(values))}")
    return Labels(values, plural, inverse, meaning)


def labels_of(choice_type: object) -> Labels:
    """The `Labels` declared on an `Annotated[Literal[...], Labels]` choice."""
    for meta in getattr(choice_type, "__metadata__", ()):
        if isinstance(meta, Labels):
            return meta
    raise TypeError(f"{choice_type!r} declares no labels")


def check_choice(choice_type: object) -> None:
    """Refuse a choice whose labels do not name exactly its allowed values (run at import, below)."""
    allowed = set(typing.get_args(typing.get_args(choice_type)[0]))
    named = set(labels_of(choice_type).singular)
    if allowed != named:
        raise ValueError(f"labels and allowed values differ: {sorted(allowed ^ named)}")


def _year_as_text(value: object) -> object:
    # `date: 2016` is a plain YAML integer, but it is also the EDTF year "2016":
    # accept it as that text, and nothing else that is not a string.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


_ID = StringConstraints(pattern=ID_PATTERN, max_length=80)
Id = Annotated[str, _ID]
"""A permanent, URL-safe id: lowercase letters, digits and single hyphens."""
SourceRef = Annotated[str, _ID, RefTo(("sources",))]
ActorRef = Annotated[str, _ID, RefTo(("actors",))]
PlaceRef = Annotated[str, _ID, RefTo(("places",))]
OperationRef = Annotated[str, _ID, RefTo(("operations",))]
ClaimRef = Annotated[str, _ID, RefTo(("claims",))]
SubjectRef = Annotated[str, _ID, RefTo(("events", "actors", "operations", "places"))]
"""What a claim is about: an event, actor, operation or place."""
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]
Edtf = Annotated[str, BeforeValidator(_year_as_text), StringConstraints(min_length=1), IsDate()]
"""An EDTF date or interval: 2016-04-20, 2016-04, 2016-04~, 2014?, 2016-05/2016-12, 2014-05-16/.."""


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, use_attribute_docstrings=True)


# --------------------------------------------------------------------------- sources

SourceKind = Annotated[
    Literal["news-report", "blog-post", "blog-posts", "opinion", "documentary-transcript", "press-release"],
    choice({"news-report": "News report", "blog-post": "Blog post", "blog-posts": "Blog posts (several, run together)",
            "opinion": "Opinion piece", "documentary-transcript": "Documentary (web page and transcript)",
            "press-release": "Press release"})]
CleaningAction = Annotated[
    Literal["debris", "duplicate", "garbled", "source-error", "note"],
    choice({"debris": "Scraping debris (hidden)", "duplicate": "Repeated paragraph (hidden)",
            "garbled": "Garbled passage", "source-error": "Error in the source", "note": "Editor's note"})]
HIDDEN_ACTIONS = frozenset({"debris", "duplicate"})
"""Cleaning actions that fold a paragraph away from the displayed text."""


class Cleaning(Record):
    """An editorial act on a source's displayed text, recorded instead of done silently."""

    paragraphs: list[Annotated[int, Field(ge=1)]] = Field(min_length=1)
    """Paragraph numbers (1 = the first non-blank line of the raw file) this note covers."""
    action: CleaningAction
    """`debris`: scraping debris, hidden from the cleaned text; `duplicate`: a paragraph that
    appears twice, the repeat hidden; `garbled`: shown, flagged as garbled; `source-error`: an error
    in the source, shown and flagged, never corrected inside the text; `note`: any other remark."""
    note: Text
    """The editor's note shown to readers, in the site's neutral voice."""


class SourcePart(Record):
    """One part of a source document that runs several texts together (blog posts, episodes)."""

    anchor: Id
    """The part's permanent anchor on the source page (`#post-2`)."""
    title: Text
    """A short title for the part: its own headline, or a neutral description in brackets."""
    first_paragraph: Annotated[int, Field(ge=1)]
    """The number of the part's first paragraph; it runs until the next part starts."""
    date: Optional[Edtf] = None
    """The part's date (EDTF) where the text gives one or it can be inferred."""
    date_basis: Optional[Text] = None
    """How the date was determined: "stated in the text", or the editor's reasoning."""


class RelayedSpan(Record):
    """Paragraphs in which the document relays another party's report: that party's account, not the document's."""

    first_paragraph: Annotated[int, Field(ge=1)]
    """The span's first paragraph."""
    last_paragraph: Annotated[int, Field(ge=1)]
    """The span's last paragraph (equal to `first_paragraph` for one paragraph)."""
    relays: Optional[ActorRef] = None
    """The outlet, agency or party whose report the span relays, where it has a page."""
    relays_name: Optional[Text] = None
    """The party relayed, where it has no page ("News reports, not named")."""
    evidence: Text
    """The sentence of the document that shows where the passage comes from, copied verbatim (checked by the build)."""
    reading: bool = False
    """True where no sentence names the party and the attribution is the editors' reading of the text."""
    note: Optional[Text] = None
    """What a reader needs to know about the span."""


class Source(Record):
    """A source document, kept byte for byte in `seeds/`."""

    id: Id
    """Permanent id; the page is at `sources/<id>/`."""
    title: Text
    """The document's own title, or a neutral description in brackets where it has none."""
    publisher: Text
    """The outlet or publisher; "Not stated in the document" where the file does not show it."""
    author: Optional[Text] = None
    """The author or filmmaker, where known."""
    kind: SourceKind
    """What the document is."""
    date: Edtf
    """Publication date (EDTF), with its precision and uncertainty."""
    date_basis: Text
    """How the publication date was determined: stated in the text, or the editor's reasoning."""
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")]
    """BCP 47 language tag of the text (`en`)."""
    stance: Text
    """One neutral line describing the outlet's stance, from what its text shows."""
    file: Annotated[str, StringConstraints(pattern=r"^seeds/[A-Za-z0-9._-]+$")]
    """The raw file, relative to the repository root (`seeds/<id>.txt`)."""
    original_name: Text
    """The file name under which the document was received."""
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    """SHA-256 of the raw file; the build refuses a file that does not match."""
    url: Optional[Text] = None
    """Where the document was published, if known."""
    description: Optional[Text] = None
    """A short neutral description of what the document covers."""
    parts: list[SourcePart] = []
    """The texts a document runs together, in order (leave empty for a single text)."""
    cleaning: list[Cleaning] = []
    """Editorial cleaning of the displayed text, each act recorded with a note."""
    relayed: list[RelayedSpan] = []
    """Passages in which the document relays another party's report; a claim quoting one must credit that party."""
    published_by: Optional[ActorRef] = None
    """The outlet that published the document, where it has a page (`al-jazeera`): it and the people the document
    quotes or interviews are one witness."""
    same_author_as: Optional[SourceRef] = None
    """Another document by the same author (where no document says so, the editors' reading, given in
    `description`): what the two say in their own voice counts as one witness."""
    former_ids: list[Id] = []
    """Ids this record was published under before; each becomes a redirect page."""


# --------------------------------------------------------------------------- actors

ActorKind = Annotated[
    Literal["armed-group", "government", "person", "media-outlet", "international-body", "political-body"],
    choice({"armed-group": "Armed group", "government": "Government or authority", "person": "Person",
            "media-outlet": "Media outlet or agency", "international-body": "International body",
            "political-body": "Political body"},
           plural={"armed-group": "Armed groups", "government": "Governments and authorities", "person": "People",
                   "media-outlet": "Media outlets and agencies", "international-body": "International bodies",
                   "political-body": "Political bodies"})]
Relation = Annotated[
    Literal["member-of", "commands", "allied-with", "opposed-to", "speaks-for", "part-of", "successor-of"],
    choice({"member-of": "member of", "commands": "commands", "allied-with": "allied with",
            "opposed-to": "opposed to", "speaks-for": "speaks for", "part-of": "part of",
            "successor-of": "successor of"},
           inverse={"member-of": "has as member", "commands": "commanded by", "allied-with": "allied with",
                    "opposed-to": "opposed by", "speaks-for": "spokesperson", "part-of": "includes",
                    "successor-of": "succeeded by"})]


class Affiliation(Record):
    """A relation of an actor to another actor over a period."""

    relation: Relation
    """How the actor relates to the other one."""
    actor: ActorRef
    """The other actor's id."""
    period: Optional[Edtf] = None
    """When the relation held (EDTF date or interval, open ends allowed: `2014-05/..`)."""
    claims: list[ClaimRef] = []
    """Claims that support the relation, where there are any."""
    note: Optional[Text] = None
    """A short neutral remark on the relation."""


class Actor(Record):
    """An armed group, authority, person, outlet or international body that acts or speaks in the sources."""

    id: Id
    """Permanent id; the page is at `actors/<id>/`."""
    name: Text
    """The canonical name: the group's own name or the most neutral common name."""
    aliases: list[Text] = []
    """Every other name or spelling seen in a source (Hiftar, Hefter, Jathran), and common short forms."""
    name_ar: Optional[Text] = None
    """The name in Arabic script, only where known with confidence."""
    kind: ActorKind
    """What the actor is."""
    description: Text
    """One or two neutral sentences in the site's own voice."""
    affiliations: list[Affiliation] = []
    """Relations to other actors over time."""
    former_ids: list[Id] = []
    """Ids this record was published under before; each becomes a redirect page."""


# --------------------------------------------------------------------------- places

PlaceKind = Annotated[
    Literal["country", "region", "city", "town", "district", "neighbourhood", "base", "airbase",
            "crossroads", "mountain", "facility", "oil-terminal", "road"],
    choice({"country": "country", "region": "region", "city": "city", "town": "town", "district": "district",
            "neighbourhood": "neighbourhood", "base": "base", "airbase": "airbase", "crossroads": "crossroads",
            "mountain": "mountain", "facility": "facility", "oil-terminal": "oil terminal", "road": "road"})]
Precision = Annotated[
    Literal["exact", "landmark", "neighbourhood", "city", "region"],
    choice({"exact": "exact", "landmark": "landmark", "neighbourhood": "neighbourhood", "city": "city",
            "region": "region"})]


class Coordinates(Record):
    """Where a place is, and how exactly that is known."""

    lat: float = Field(ge=-90, le=90)
    """Latitude in decimal degrees (WGS 84)."""
    lon: float = Field(ge=-180, le=180)
    """Longitude in decimal degrees (WGS 84)."""
    precision: Precision
    """How precise the point is: exact, landmark, neighbourhood, city or region."""
    note: Text
    """How the point was located."""


class Place(Record):
    """A city, district, base, crossroads or other place named in the sources."""

    id: Id
    """Permanent id; the page is at `places/<id>/`."""
    name: Text
    """The canonical name."""
    aliases: list[Text] = []
    """Every other spelling seen in a source (Darnah; Fataeh, Fataih, Al-Fatayeh)."""
    name_ar: Optional[Text] = None
    """The name in Arabic script, only where known with confidence."""
    kind: PlaceKind
    """What the place is."""
    within: Optional[PlaceRef] = None
    """The place it lies in."""
    coordinates: Optional[Coordinates] = None
    """A point, with its precision and how it was located."""
    description: Optional[Text] = None
    """A short neutral description."""
    former_ids: list[Id] = []
    """Ids this record was published under before; each becomes a redirect page."""


# --------------------------------------------------------------------------- operations


class Translation(Record):
    """A name in another language, or its translation."""

    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")]
    """BCP 47 language tag (`ar`, `en`)."""
    text: Text
    """The name in that language."""


class Operation(Record):
    """A named military operation or campaign."""

    id: Id
    """Permanent id; the page is at `operations/<id>/`."""
    name: Text
    """The canonical name."""
    aliases: list[Text] = []
    """Other names and spellings seen in the sources."""
    translations: list[Translation] = []
    """The name in other languages, or its translation ("Impenetrable Wall")."""
    conducted_by: list[ActorRef] = []
    """Actors that conducted the operation."""
    period: Optional[Edtf] = None
    """When it ran: an EDTF interval, open ends allowed (`2014-05-16/..`)."""
    period_basis: Optional[Text] = None
    """How the period was determined where no source states it: the editor's reasoning."""
    places: list[PlaceRef] = []
    """Where it took place."""
    parent: Optional[OperationRef] = None
    """The operation it is described as part of."""
    description: Text
    """One or two neutral sentences."""
    former_ids: list[Id] = []
    """Ids this record was published under before; each becomes a redirect page."""


# --------------------------------------------------------------------------- events

Role = Annotated[
    Literal["attacker", "target", "claimed-responsibility", "accused", "denied", "mediator",
            "participant", "defender", "victim", "commander", "spokesperson", "condemned", "reported"],
    choice({"attacker": "Attacker", "target": "Target", "claimed-responsibility": "Claimed responsibility",
            "accused": "Accused", "denied": "Denied", "mediator": "Mediator", "participant": "Participant",
            "defender": "Defender", "victim": "Victim", "commander": "Commander", "spokesperson": "Spokesperson",
            "condemned": "Condemned it", "reported": "Reported it"})]
Status = Annotated[
    Literal["established", "single-source", "disputed"],
    choice({"established": "Established", "single-source": "Single source", "disputed": "Disputed"})]
CasualtyGroup = Annotated[
    Literal["civilian", "combatant", "unknown"],
    choice({"civilian": "civilian", "combatant": "combatant", "unknown": "unknown"})]
CasualtyKind = Annotated[
    Literal["killed", "injured", "killed-or-injured"],
    choice({"killed": "killed", "injured": "injured", "killed-or-injured": "killed or injured"})]
PointKind = Annotated[
    Literal["responsibility", "number", "place", "date", "identity", "route", "other"],
    choice({"responsibility": "Responsibility", "number": "Number", "place": "Place", "date": "Date",
            "identity": "Identity", "route": "Route", "other": "Other"})]


class Participant(Record):
    """An actor's part in an event."""

    actor: ActorRef
    """The actor's id."""
    role: Role
    """What the actor did, or is said to have done, in the event."""
    claims: list[ClaimRef] = []
    """The claims this part rests on, when only some accounts give it (one speaker's word, say): the page then
    says whose word it is, instead of stating the part as a fact."""


class Casualties(Record):
    """A range of casualties in one group, as the sources give it."""

    group: CasualtyGroup
    """Whose casualties: civilian, combatant or unknown."""
    kind: CasualtyKind = "killed"
    """Killed, injured, or not distinguished by the source."""
    party: Optional[ActorRef] = None
    """The actor whose members these were, where the source says."""
    min: int = Field(ge=0)
    """The lowest figure a source gives."""
    max: int = Field(ge=0)
    """The highest figure a source gives (equal to min for a single figure)."""
    claims: list[ClaimRef] = Field(min_length=1)
    """The claims that give these figures."""


class DisputePoint(Record):
    """One point the accounts disagree on."""

    id: Id
    """A short id, unique within the event (`vehicles`)."""
    label: Text
    """What is in question, as a reader sees it ("Number of vehicles")."""
    kind: PointKind
    """What sort of point it is."""


class Position(Record):
    """An account's position on one point, with the claims that state it."""

    says: Text
    """The position, briefly and in neutral words ("32", "70 or 80", "not targeted")."""
    claims: list[ClaimRef] = Field(min_length=1)
    """The claims of the account that state this position."""


class Account(Record):
    """One party's account of a disputed event, made of claims."""

    id: Id
    """A short id, unique within the event."""
    label: Text
    """Whose account it is, neutrally ("LNA spokesperson, via the Libya Herald")."""
    party: Optional[ActorRef] = None
    """The party whose account it is (its claims are its own words, or words reported from it), where it has a page."""
    party_name: Optional[Text] = None
    """The party, where it has no page: the speaker name its claims give ("Author of the blog posts")."""
    described: bool = False
    """True where the party says nothing itself in the sources and the account is its position as another
    speaker describes it; the page then says so. Otherwise a claim of the account must be spoken by the party."""
    claims: list[ClaimRef] = Field(min_length=1)
    """The claims that make up this account."""
    positions: dict[Id, Union[Text, Position]] = {}
    """This account's position on each point, keyed by point id: the position as text, or `{says: …, claims: […]}`
    naming the claims that state it; a point the account does not address is left out."""


class Dispute(Record):
    """What the accounts of a disputed event agree on, and where they differ."""

    agreed: Text
    """What the accounts agree on, in the site's neutral voice."""
    points: list[DisputePoint] = Field(min_length=1)
    """The points in dispute."""
    accounts: list[Account] = Field(min_length=2)
    """The competing accounts, all of them kept; none is averaged or deleted."""
    settled: Optional[Text] = None
    """Only where the sources themselves settle a point: how, with the claims cited in the accounts."""
    no_statement: list[ActorRef] = []
    """Parties to the event that say nothing about it in the sources: shown as "no statement in the sources"."""


class Event(Record):
    """Something that happened, or is said to have happened, at a time and place."""

    id: Id
    """Permanent id; the page is at `events/<id>/`."""
    title: Text
    """A short neutral title."""
    date: Edtf
    """When (EDTF), with its precision: `2016-04-20`, `2016-04`, `2016-04~`, `2015?`, `2016-05/2016-12`."""
    date_inferred: Optional[Text] = None
    """Where no source states the date: the editor's reasoning ("4th anniversary of a May 2014 operation")."""
    places: list[PlaceRef] = []
    """Where it happened."""
    actors: list[Participant] = []
    """Who took part, with explicit roles."""
    operation: Optional[OperationRef] = None
    """The operation it belongs to."""
    status: Status
    """`established` where independent witnesses agree and none contradicts; `single-source` where one witness
    (documents repeating one report count once) is neither contradicted nor confirmed; `disputed` where accounts
    conflict."""
    summary: Text
    """A neutral summary in the site's own voice (Markdown, sanitized)."""
    casualties: list[Casualties] = []
    """Casualty figures, as ranges tied to their claims."""
    dispute: Optional[Dispute] = None
    """Required when status is `disputed`: the points and the accounts."""
    former_ids: list[Id] = []
    """Ids this record was published under before; each becomes a redirect page."""


# --------------------------------------------------------------------------- claims

LinkKind = Annotated[
    Literal["outlet", "agency", "statement", "press-release", "interview", "tweet", "video", "report", "document"],
    choice({"outlet": "news outlet", "agency": "news agency", "statement": "statement", "press-release": "press release",
            "interview": "interview", "tweet": "tweet", "video": "video", "report": "report", "document": "document"})]
Form = Annotated[
    Literal["direct", "paraphrase", "narration"],
    choice({"direct": "Direct quote", "paraphrase": "Paraphrase", "narration": "Narration"},
           meaning={"direct": "the speaker's own words, as the document quotes them",
                   "paraphrase": "the document's summary of what the speaker said, not the speaker's words",
                   "narration": "the document's own statement"})]
NoteKind = Annotated[
    Literal["text", "reading", "outside"],
    choice({"text": "Editor's note", "reading": "Editors' reading", "outside": "Outside knowledge"})]


class Speaker(Record):
    """Who asserts a claim: an actor with a page, or a named person speaking for one."""

    actor: Optional[ActorRef] = None
    """The speaker's actor id (a person, group, authority or outlet with a page)."""
    name: Optional[Text] = None
    """A named speaker without a page of their own."""
    role: Optional[Text] = None
    """The speaker's role as the source gives it ("Libyan army commander in Derna")."""
    on_behalf_of: Optional[ActorRef] = None
    """The actor the speaker speaks for, where there is one."""


class ChainLink(Record):
    """One step through which a claim's words reached the source document: an outlet, a statement, a tweet."""

    actor: Optional[ActorRef] = None
    """The outlet, agency or party at this step, where it has a page."""
    name: Optional[Text] = None
    """The step, where it has no page ("a tweet by a Twitter user", "an unnamed news report")."""
    kind: LinkKind
    """What the step is."""
    note: Optional[Text] = None
    """What a reader needs to know about this step."""


class Note(Record):
    """An editor's note on a claim, marked as what it is."""

    kind: NoteKind
    """`text`: about the text itself (an error, an ambiguity); `reading`: the editors' interpretation;
    `outside`: a fact from outside the five documents."""
    text: Text
    """The note, in the site's neutral voice."""


class Claim(Record):
    """A statement by someone, in a source, with the exact words."""

    id: Id
    """Permanent id; the claim's anchor is `#claim-<id>`."""
    about: SubjectRef
    """What it is about: an event, actor, operation or place id."""
    asserts: Text
    """What it asserts, as a short neutral sentence in the site's voice."""
    speaker: Speaker
    """Who asserts it: the first link of its chain."""
    chain: list[ChainLink] = []
    """Every step through which the words reached the document, from the speaker outward (`[{actor: libya-herald,
    kind: outlet}]` for a statement the Herald reported and the blog summarised); empty when the speaker is the
    document itself or speaks in it directly."""
    form: Form
    """`direct`: the document quotes the speaker's words; `paraphrase`: it reports them in its own words;
    `narration`: the document's own statement (its author or publisher is then the speaker)."""
    relay_exception: Optional[Text] = None
    """Only for a claim inside a passage the document relays from another party (`relayed` on the source) that
    does not come from that party: why (the author's own aside inside the span)."""
    source: SourceRef
    """The source document the quote is in."""
    quote: Text
    """The exact words, copied from the source (whitespace and quote marks may differ)."""
    prefix: Optional[Text] = None
    """Text just before the quote, to pin one occurrence of a quote that appears twice."""
    suffix: Optional[Text] = None
    """Text just after the quote, to pin one occurrence of a quote that appears twice."""
    note: Optional[Note] = None
    """An editor's note, with its kind: about the text, the editors' reading, or outside knowledge."""
    former_ids: list[Id] = []
    """Ids this record was published under before; each becomes a redirect page."""


Entity = Union[Source, Actor, Place, Operation, Event, Claim]
"""A top-level record: one item of a `data/<kind>/*.yaml` list, with an id and former ids."""

KINDS: dict[str, type[Entity]] = {
    "sources": Source,
    "actors": Actor,
    "places": Place,
    "operations": Operation,
    "events": Event,
    "claims": Claim,
}
"""Each folder under `data/`, with the model of the records its files hold."""

SINGULAR = {"sources": "source", "actors": "actor", "places": "place", "operations": "operation",
            "events": "event", "claims": "claim"}
"""Each kind's name for one record, in messages."""


def models() -> list[type[Record]]:
    """Every model of the record, kinds first, then each nested model where a field first uses it."""
    found: list[type[Record]] = []

    def visit(annotation: object) -> None:
        if isinstance(annotation, type) and issubclass(annotation, Record):
            if annotation in found:
                return
            found.append(annotation)
            for info in annotation.model_fields.values():
                visit(info.annotation)
        for arg in typing.get_args(annotation):
            visit(arg)

    for model in KINDS.values():
        visit(model)
    kinds = list(KINDS.values())
    return kinds + [model for model in found if model not in kinds]


@dataclass(frozen=True, kw_only=True)
class Records:
    """The record's records, one typed mapping per kind, each sorted by id."""

    sources: dict[str, Source]
    actors: dict[str, Actor]
    places: dict[str, Place]
    operations: dict[str, Operation]
    events: dict[str, Event]
    claims: dict[str, Claim]

    def of(self, kind: str) -> Mapping[str, Entity]:
        """The records of a kind named at run time (`"events"`)."""
        records: Mapping[str, Entity] = getattr(self, kind)
        return records

    def kinds(self) -> Iterator[tuple[str, Mapping[str, Entity]]]:
        """(kind, records) for every kind, in the order of KINDS."""
        for kind in KINDS:
            yield kind, self.of(kind)


assert [f.name for f in fields(Records)] == list(KINDS), "Records must hold exactly the kinds of KINDS"

for _choice in (SourceKind, CleaningAction, ActorKind, Relation, PlaceKind, Precision, Role, Status, CasualtyGroup, CasualtyKind, PointKind, LinkKind, Form, NoteKind):
    check_choice(_choice)
