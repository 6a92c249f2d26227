"""Record → the interactive timeline's data: `data/timeline.json` and one small file per entity page.

Events and operations become items grouped in rows by place (documented in docs/data.md); each
actor's, operation's and place's page fetches only its own file (`data/timeline/<kind>/<id>.json`).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from . import layout
from . import model as m
from .files import json_bytes
from .link import Record, ancestors
from .writer import Output

SCHEMA_VERSION = 1


ROW_KINDS = ("city", "town")
"""The kinds of place that make a timeline row: an event sits in the row of the city or town it is in."""


def _group_of(record: Record, event: m.Event, place_parent: dict[str, str | None]) -> tuple[str, str]:
    """The timeline row of an event: the city (or town) its first place lies in, else 'elsewhere'."""
    for place_id in event.places:
        for within in ancestors(place_id, place_parent):
            place = record.places.get(within)
            if place is not None and place.kind in ROW_KINDS:
                return place.id, f"{place.name} and its surroundings"
    return "elsewhere", "Elsewhere, or Libya as a whole"


def _terms(record: Record, title: str, ids: list[str]) -> str:
    """What the text filter searches: the title and every name of the linked records (Arabic names too)."""
    names = [title]
    for record_id in ids:
        kind = record.kind_of.get(record_id)
        item = record.of(kind)[record_id] if kind else None
        if item is not None:
            names.append(getattr(item, "name", "") or "")
            names.append(getattr(item, "name_ar", "") or "")  # so that the filter finds حفتر as well as Haftar
            names.extend(getattr(item, "aliases", []) or [])
            names.extend(t.text for t in getattr(item, "translations", []) or [])
    return " ".join(dict.fromkeys(n.lower() for n in names if n))


def timeline(record: Record) -> dict:
    """The data of the interactive timeline: events and operations as items, grouped by place."""
    items = _operation_items(record)
    group_labels: dict[str, str] = {}
    group_sizes: Counter[str] = Counter()
    place_parent = {p.id: p.within for p in record.places.values()}
    operation_parent = {o.id: o.parent for o in record.operations.values()}
    for event in record.timeline:
        group, label = _group_of(record, event, place_parent)
        group_labels[group] = label
        group_sizes[group] += 1
        items.append(_event_item(record, event, group, ancestors(event.operation, operation_parent)))
    # By start date; the sort is stable, so on one day operations come first, then events in the record's order.
    items.sort(key=lambda item: item["start"])
    ordered = sorted(group_labels, key=lambda g: (g == "elsewhere", -group_sizes[g], g))
    groups = [{"id": "operations", "label": "Operations", "order": 0}]
    groups += [{"id": g, "label": group_labels[g], "order": i} for i, g in enumerate(ordered, start=1)]

    def listing(kind: str) -> list[dict]:
        return [{"id": r.id, "name": r.name, "aliases": list(r.aliases)}
                for r in record.of(kind).values() if isinstance(r, (m.Actor, m.Operation, m.Place))]

    return {"version": SCHEMA_VERSION, "groups": groups, "items": items, "actors": listing("actors"),
            "operations": listing("operations"), "places": listing("places")}


def _operation_items(record: Record) -> list[dict]:
    items = []
    for operation in record.operations.values():
        if not operation.period:
            continue
        d = record.dates[operation.period]
        events = record.events_by_operation.get(operation.id, [])
        actors = sorted(set(operation.conducted_by) | {p.actor for e in events for p in e.actors})
        places = sorted(set(operation.places) | {p for e in events for p in e.places})
        items.append({
            "id": operation.id, "kind": "operation", "title": operation.name,
            "url": layout.page_url("operations", operation.id), "date": operation.period, "date_label": d.label,
            "start": d.start.isoformat(), "end": d.end.isoformat() if d.end else None,
            "precision": d.precision, "approximate": d.approximate or d.open_end, "uncertain": d.uncertain,
            "status": "established", "group": "operations", "actors": actors,
            "operations": [operation.id], "places": places,
            "terms": _terms(record, operation.name, [operation.id, *actors, *places]),
        })
    return items


def _event_item(record: Record, event: m.Event, group: str, operations: list[str]) -> dict:
    d = record.dates[event.date]
    actors = sorted({p.actor for p in event.actors})
    return {
        "id": event.id, "kind": "event", "title": event.title, "url": layout.page_url("events", event.id),
        "date": event.date, "date_label": d.label, "start": d.start.isoformat(),
        "end": d.end.isoformat() if d.end else None, "precision": d.precision,
        "approximate": d.approximate or d.precision != "day", "uncertain": d.uncertain,
        "status": event.status, "group": group, "actors": actors, "operations": operations,
        "places": list(event.places),
        "terms": _terms(record, event.title, [*actors, *event.places, *operations]),
    }


SCOPES = (("actors", "actor"), ("operations", "operation"), ("places", "place"))
"""The small timelines of entity pages: an item is in `actor:<id>`'s scope if its `actors` list has the id."""


def scoped_timelines(record: Record, data: dict) -> list[Output]:
    """One file per actor, operation and place: the items of its page's small timeline, in the format of
    timeline.json less the text-filter `terms` and the filter listings. A page fetches only its own."""
    in_scope: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for item in data["items"]:
        shown = {key: value for key, value in item.items() if key != "terms"}
        for field, _ in SCOPES:
            for entity_id in item[field]:
                in_scope[(field, entity_id)].append(shown)
    outputs = []
    for field, singular in SCOPES:
        for entity_id in record.of(field):
            items = in_scope.get((field, entity_id), [])
            used = {item["group"] for item in items}
            outputs.append(Output(layout.timeline_scope_path(field, entity_id), json_bytes({
                "version": SCHEMA_VERSION, "scope": f"{singular}:{entity_id}",
                "groups": [group for group in data["groups"] if group["id"] in used],
                "items": items, "actors": [], "operations": [], "places": []})))
    return outputs
