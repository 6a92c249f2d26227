"""Record → the public data files under `data/` (site/data/ once published). Documented in docs/data.md."""

from __future__ import annotations

import csv
import io

from . import model as m
from .files import json_bytes
from .layout import claim_anchor, page_url
from .link import Record
from .settings import Settings
from .timeline import scoped_timelines, timeline
from .writer import Output


def _csv(header: list[str], rows: list[list[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _claim_url(record: Record, claim: m.Claim) -> str:
    return f"{page_url(record.kind_of[claim.about], claim.about)}#{claim_anchor(claim.id)}"


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
        Output("data/sources.json", json_bytes(sources)),
        Output("data/actors.json", json_bytes(actors)),
        Output("data/places.geojson", json_bytes({"type": "FeatureCollection", "features": features})),
        Output("data/operations.json", json_bytes(operations)),
        Output("data/events.json", json_bytes(events)),
        Output("data/events.csv", events_csv),
        Output("data/claims.json", json_bytes(claims)),
        Output("data/claims.csv", claims_csv),
        Output("data/timeline.json", json_bytes(timeline_data)),
        *scoped_timelines(record, timeline_data),
    ]
