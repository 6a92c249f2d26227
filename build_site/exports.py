"""Record → the public data files under `data/` (site/data/ once published). Documented in docs/data.md."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter, defaultdict

from . import model as m
from .link import Record
from .render import Output
from .settings import Settings
from .validate import page_url

SCHEMA_VERSION = 1


def _json(value: object) -> bytes:
    # No indent: only then does json use its C encoder (a third of the time at 10,000 events).
    return (json.dumps(value, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def _csv(header: list[str], rows: list[list[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _claim_url(record: Record, claim: m.Claim) -> str:
    return f"{page_url(record.kind_of[claim.about], claim.about)}#claim-{claim.id}"


def _speaker(claim: m.Claim) -> dict:
    s = claim.speaker
    return {"actor": s.actor, "name": s.name, "role": s.role, "on_behalf_of": s.on_behalf_of}


def _date(record: Record, text: str | None) -> dict | None:
    if not text:
        return None
    d = record.dates[text]
    return {"edtf": text, "label": d.label, "start": d.start.isoformat(),
            "end": d.end.isoformat() if d.end else None, "precision": d.precision,
            "approximate": d.approximate, "uncertain": d.uncertain}


def _group_of(record: Record, event: m.Event) -> tuple[str, str]:
    """The timeline row of an event: the city (or town) its first place lies in, else 'elsewhere'."""
    for place_id in event.places:
        current = record.places.get(place_id)
        while current is not None:
            if current.kind in ("city", "town"):
                return current.id, f"{current.name} and its surroundings"
            current = record.places.get(current.within) if current.within else None
    return "elsewhere", "Elsewhere, or Libya as a whole"


def _terms(record: Record, title: str, ids: list[str]) -> str:
    names = [title]
    for record_id in ids:
        kind = record.kind_of.get(record_id)
        item = getattr(record, kind)[record_id] if kind else None
        if item is not None:
            names.append(getattr(item, "name", "") or "")
            names.extend(getattr(item, "aliases", []) or [])
    return " ".join(dict.fromkeys(n.lower() for n in names if n))


def timeline(record: Record) -> dict:
    """The data of the interactive timeline: events and operations as items, grouped by place."""
    items = []
    group_labels: dict[str, str] = {}
    group_sizes: Counter[str] = Counter()
    for operation in record.operations.values():
        if not operation.period:
            continue
        d = record.dates[operation.period]
        events = record.events_by_operation.get(operation.id, [])
        actors = sorted(set(operation.conducted_by) | {p.actor for e in events for p in e.actors})
        places = sorted(set(operation.places) | {p for e in events for p in e.places})
        items.append({
            "id": operation.id, "kind": "operation", "title": operation.name,
            "url": page_url("operations", operation.id), "date": operation.period, "date_label": d.label,
            "start": d.start.isoformat(), "end": d.end.isoformat() if d.end else None,
            "precision": d.precision, "approximate": d.approximate or d.open_end, "uncertain": d.uncertain,
            "status": "established", "group": "operations", "actors": actors,
            "operations": [operation.id], "places": places,
            "terms": _terms(record, operation.name, [operation.id, *actors, *places]),
        })
    for event in record.timeline:
        d = record.dates[event.date]
        group, label = _group_of(record, event)
        group_labels[group] = label
        group_sizes[group] += 1
        operations = []
        current = event.operation
        while current and current not in operations:
            operations.append(current)
            current = record.operations[current].parent
        actors = sorted({p.actor for p in event.actors})
        items.append({
            "id": event.id, "kind": "event", "title": event.title, "url": page_url("events", event.id),
            "date": event.date, "date_label": d.label, "start": d.start.isoformat(),
            "end": d.end.isoformat() if d.end else None, "precision": d.precision,
            "approximate": d.approximate or d.precision != "day", "uncertain": d.uncertain,
            "status": event.status, "group": group, "actors": actors, "operations": operations,
            "places": list(event.places),
            "terms": _terms(record, event.title, [*actors, *event.places, *operations]),
        })
    ordered = sorted(group_labels, key=lambda g: (g == "elsewhere", -group_sizes[g], g))
    groups = [{"id": "operations", "label": "Operations", "order": 0}]
    groups += [{"id": g, "label": group_labels[g], "order": i} for i, g in enumerate(ordered, start=1)]

    def listing(kind: str) -> list[dict]:
        return [{"id": r.id, "name": r.name, "aliases": list(r.aliases)} for r in getattr(record, kind).values()]

    return {"version": SCHEMA_VERSION, "groups": groups, "items": items, "actors": listing("actors"),
            "operations": listing("operations"), "places": listing("places")}


SCOPES = (("actors", "actor"), ("operations", "operation"), ("places", "place"))
"""The small timelines of entity pages: an item is in `actor:<id>`'s scope if its `actors` list has the id."""


def scoped_timelines(record: Record, data: dict) -> list[Output]:
    """One file per actor, operation and place: the items of its page's small timeline, in the format of
    timeline.json less the text-filter `terms` and the filter listings. A page fetches only its own."""
    in_scope: dict[tuple[str, str], list[tuple[str, bytes]]] = defaultdict(list)
    for item in data["items"]:
        # Each item is encoded once and spliced into every file that holds it (about five per event).
        encoded = json.dumps({key: value for key, value in item.items() if key != "terms"},
                             ensure_ascii=False, sort_keys=True).encode("utf-8")
        for field, _ in SCOPES:
            for entity_id in item[field]:
                in_scope[(field, entity_id)].append((item["group"], encoded))
    outputs = []
    for field, singular in SCOPES:
        for entity_id in getattr(record, field):
            grouped = in_scope.get((field, entity_id), [])
            used = {group for group, _ in grouped}
            items = [encoded for _, encoded in grouped]
            envelope = _json({"version": SCHEMA_VERSION, "scope": f"{singular}:{entity_id}",
                              "groups": [group for group in data["groups"] if group["id"] in used],
                              "items": [], "actors": [], "operations": [], "places": []})
            # `"items": []` occurs once, as the key: inside a JSON string its quotes would be escaped.
            head, tail = envelope.split(b'"items": []', 1)
            outputs.append(Output(f"data/timeline/{field}/{entity_id}.json",
                                  head + b'"items": [' + b", ".join(items) + b"]" + tail))
    return outputs


def exports(record: Record, settings: Settings) -> list[Output]:
    """Every data file, in a fixed order."""
    sources = [{
        "id": s.id, "url": page_url("sources", s.id), "title": s.title, "publisher": s.publisher,
        "author": s.author, "kind": s.kind, "date": s.date, "date_basis": s.date_basis, "language": s.language,
        "stance": s.stance, "file": f"{page_url('sources', s.id)}{s.file.split('/')[-1]}",
        "original_name": s.original_name, "sha256": s.sha256, "paragraphs": len(record.paragraphs[s.id]),
        "parts": [{"anchor": p.anchor, "title": p.title, "first_paragraph": p.first_paragraph, "date": p.date}
                  for p in s.parts],
    } for s in record.sources.values()]
    claims = [{
        "id": c.id, "url": _claim_url(record, c), "about": c.about, "about_kind": record.kind_of[c.about][:-1],
        "event": c.about if record.kind_of[c.about] == "events" else None, "asserts": c.asserts,
        "speaker": _speaker(c), "via": c.via, "source": c.source, "quote": c.quote, "prefix": c.prefix,
        "suffix": c.suffix, "paragraph": record.quotes[c.id].paragraph,
        "paragraph_url": f"{page_url('sources', c.source)}#p{record.quotes[c.id].paragraph}", "note": c.note,
    } for c in record.claims.values()]
    events = [{
        "id": e.id, "url": page_url("events", e.id), "title": e.title, "date": e.date,
        "date_detail": _date(record, e.date), "date_inferred": e.date_inferred, "status": e.status,
        "places": list(e.places), "actors": [{"actor": p.actor, "role": p.role} for p in e.actors],
        "operation": e.operation, "summary": e.summary,
        "casualties": [c.model_dump() for c in e.casualties],
        "claims": [c.id for c in record.claims_about.get(e.id, [])],
        "dispute": e.dispute.model_dump() if e.dispute else None,
    } for e in record.timeline]
    actors = [{
        "id": a.id, "url": page_url("actors", a.id), "name": a.name, "aliases": list(a.aliases),
        "name_ar": a.name_ar, "kind": a.kind, "description": a.description,
        "affiliations": [{**f.model_dump(), "period_detail": _date(record, f.period)} for f in a.affiliations],
    } for a in record.actors.values()]
    operations = [{
        "id": o.id, "url": page_url("operations", o.id), "name": o.name, "aliases": list(o.aliases),
        "translations": [t.model_dump() for t in o.translations], "conducted_by": list(o.conducted_by),
        "period": o.period, "period_detail": _date(record, o.period), "places": list(o.places),
        "parent": o.parent, "description": o.description,
    } for o in record.operations.values()]
    features = []
    for p in record.places.values():
        geometry = None
        if p.coordinates:
            geometry = {"type": "Point", "coordinates": [p.coordinates.lon, p.coordinates.lat]}
        features.append({"type": "Feature", "id": p.id, "geometry": geometry, "properties": {
            "id": p.id, "url": page_url("places", p.id), "name": p.name, "aliases": list(p.aliases),
            "name_ar": p.name_ar, "kind": p.kind, "within": p.within,
            "precision": p.coordinates.precision if p.coordinates else None,
            "location_note": p.coordinates.note if p.coordinates else None}})
    events_csv = _csv(
        ["id", "url", "title", "date", "start", "end", "precision", "status", "places", "actors", "operation", "claims"],
        [[e["id"], e["url"], e["title"], e["date"], e["date_detail"]["start"], e["date_detail"]["end"] or "",
          e["date_detail"]["precision"], e["status"], ";".join(e["places"]),
          ";".join(f"{a['actor']}:{a['role']}" for a in e["actors"]), e["operation"] or "", ";".join(e["claims"])]
         for e in events])
    claims_csv = _csv(
        ["id", "url", "about", "event", "asserts", "speaker_actor", "speaker_name", "speaker_role", "via",
         "source", "paragraph", "quote"],
        [[c["id"], c["url"], c["about"], c["event"] or "", c["asserts"], c["speaker"]["actor"] or "",
          c["speaker"]["name"] or "", c["speaker"]["role"] or "", c["via"] or "", c["source"], c["paragraph"],
          c["quote"]] for c in claims])
    timeline_data = timeline(record)
    return [
        Output("data/sources.json", _json(sources)),
        Output("data/actors.json", _json(actors)),
        Output("data/places.geojson", _json({"type": "FeatureCollection", "features": features})),
        Output("data/operations.json", _json(operations)),
        Output("data/events.json", _json(events)),
        Output("data/events.csv", events_csv),
        Output("data/claims.json", _json(claims)),
        Output("data/claims.csv", claims_csv),
        Output("data/timeline.json", _json(timeline_data)),
        *scoped_timelines(record, timeline_data),
    ]
