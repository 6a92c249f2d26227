"""Record → the public data files under `data/` (site/data/ once published). Documented in docs/data.md."""

from __future__ import annotations

import csv
import io

from . import model as m
from .files import json_bytes
from .layout import claim_anchor, page_url
from .link import Record
from .rules.attribution import witness
from .schemas import EXPORT_SCHEMA_FOLDER, export_schema_texts
from .settings import Settings
from .timeline import scoped_timelines, timeline
from .writer import Output


def _csv(header: list[str], rows: list[list[object]]) -> bytes:
    """RFC 4180 (CRLF line ends, fields quoted where needed), in UTF-8 with a byte-order mark: without it,
    spreadsheets open the file as their local 8-bit encoding, and "ISIL’s" or Arabic names come out garbled."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


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


def _source(record: Record, s: m.Source) -> dict:
    return {
        "id": s.id, "url": page_url("sources", s.id), "title": s.title, "publisher": s.publisher,
        "author": s.author, "kind": s.kind, "date": s.date, "date_basis": s.date_basis, "language": s.language,
        "stance": s.stance, "file": f"{page_url('sources', s.id)}{s.file.split('/')[-1]}",
        "original_name": s.original_name, "sha256": s.sha256, "paragraphs": len(record.paragraphs[s.id]),
        "parts": [{"anchor": p.anchor, "title": p.title, "first_paragraph": p.first_paragraph, "date": p.date}
                  for p in s.parts],
        "relayed": [span.model_dump() for span in s.relayed], "last_changed": record.last_changed.get(s.id),
    }


def _via(c: m.Claim) -> str | None:
    """The step nearest the document that has a page: what `via` always meant (kept for scripts)."""
    return next((link.actor for link in reversed(c.chain) if link.actor), None)


def _chain_text(c: m.Claim) -> str:
    """The speaker and every step of the chain, joined by ` > ` (claims.csv's `chain`)."""
    steps: list[m.Speaker | m.ChainLink] = [c.speaker, *c.chain]
    return " > ".join(step.actor or step.name or "" for step in steps)


def _claim(record: Record, c: m.Claim) -> dict:
    return {
        "id": c.id, "url": _claim_url(record, c), "about": c.about, "about_kind": record.kind_of[c.about][:-1],
        "event": c.about if record.kind_of[c.about] == "events" else None, "asserts": c.asserts,
        "speaker": _speaker(c), "chain": [link.model_dump() for link in c.chain], "form": c.form,
        "witness": witness(c, record), "via": _via(c), "source": c.source, "quote": c.quote, "prefix": c.prefix,
        "suffix": c.suffix, "paragraph": record.quotes[c.id].paragraph,
        "paragraph_url": f"{page_url('sources', c.source)}#p{record.quotes[c.id].paragraph}",
        "note": c.note.text if c.note else None, "note_kind": c.note.kind if c.note else None,
        "relay_exception": c.relay_exception, "last_changed": record.last_changed.get(c.id),
    }


def _event(record: Record, e: m.Event) -> dict:
    return {
        "id": e.id, "url": page_url("events", e.id), "title": e.title, "date": e.date,
        "date_detail": _date(record, e.date), "date_inferred": e.date_inferred, "status": e.status,
        "places": list(e.places), "actors": [{"actor": p.actor, "role": p.role} for p in e.actors],
        "operation": e.operation, "summary": e.summary,
        "casualties": [c.model_dump() for c in e.casualties],
        "claims": [c.id for c in record.claims_about.get(e.id, [])],
        "dispute": e.dispute.model_dump() if e.dispute else None, "last_changed": record.last_changed.get(e.id),
    }


def _actor(record: Record, a: m.Actor) -> dict:
    return {
        "id": a.id, "url": page_url("actors", a.id), "name": a.name, "aliases": list(a.aliases),
        "name_ar": a.name_ar, "kind": a.kind, "description": a.description,
        "affiliations": [{**f.model_dump(), "period_detail": _date(record, f.period)} for f in a.affiliations],
        "last_changed": record.last_changed.get(a.id),
    }


def _operation(record: Record, o: m.Operation) -> dict:
    return {
        "id": o.id, "url": page_url("operations", o.id), "name": o.name, "aliases": list(o.aliases),
        "translations": [t.model_dump() for t in o.translations], "conducted_by": list(o.conducted_by),
        "period": o.period, "period_detail": _date(record, o.period), "places": list(o.places),
        "parent": o.parent, "description": o.description, "last_changed": record.last_changed.get(o.id),
    }


def _place_feature(record: Record, p: m.Place) -> dict:
    geometry = {"type": "Point", "coordinates": [p.coordinates.lon, p.coordinates.lat]} if p.coordinates else None
    return {"type": "Feature", "id": p.id, "geometry": geometry, "properties": {
        "id": p.id, "url": page_url("places", p.id), "name": p.name, "aliases": list(p.aliases),
        "name_ar": p.name_ar, "kind": p.kind, "within": p.within,
        "precision": p.coordinates.precision if p.coordinates else None,
        "location_note": p.coordinates.note if p.coordinates else None,
        "last_changed": record.last_changed.get(p.id)}}


def _events_csv(record: Record) -> bytes:
    rows: list[list[object]] = []
    for e in record.timeline:
        d = record.dates[e.date]
        rows.append([e.id, page_url("events", e.id), e.title, e.date, d.start.isoformat(),
                     d.end.isoformat() if d.end else "", d.precision, e.status, ";".join(e.places),
                     ";".join(f"{p.actor}:{p.role}" for p in e.actors), e.operation or "",
                     ";".join(c.id for c in record.claims_about.get(e.id, [])), record.last_changed.get(e.id, "")])
    return _csv(["id", "url", "title", "date", "start", "end", "precision", "status", "places", "actors",
                 "operation", "claims", "last_changed"], rows)


def _claims_csv(record: Record) -> bytes:
    rows: list[list[object]] = [
        [c.id, _claim_url(record, c), c.about, c.about if record.kind_of[c.about] == "events" else "", c.asserts,
         c.speaker.actor or "", c.speaker.name or "", c.speaker.role or "", _via(c) or "", c.source,
         record.quotes[c.id].paragraph, c.quote, c.form, _chain_text(c),
         witness(c, record)] for c in record.claims.values()]
    return _csv(["id", "url", "about", "event", "asserts", "speaker_actor", "speaker_name", "speaker_role", "via",
                 "source", "paragraph", "quote", "form", "chain", "witness"], rows)


def _actors_csv(record: Record) -> bytes:
    rows: list[list[object]] = [
        [a.id, page_url("actors", a.id), a.name, a.name_ar or "", ";".join(a.aliases), a.kind, a.description]
        for a in record.actors.values()]
    return _csv(["id", "url", "name", "name_ar", "aliases", "kind", "description"], rows)


def _places_csv(record: Record) -> bytes:
    rows: list[list[object]] = []
    for p in record.places.values():
        point = p.coordinates
        rows.append([p.id, page_url("places", p.id), p.name, p.name_ar or "", ";".join(p.aliases), p.kind,
                     p.within or "", point.lat if point else "", point.lon if point else "",
                     point.precision if point else "", point.note if point else ""])
    return _csv(["id", "url", "name", "name_ar", "aliases", "kind", "within", "lat", "lon", "precision",
                 "location_note"], rows)


def exports(record: Record, settings: Settings) -> list[Output]:
    """Every data file, in a fixed order."""
    timeline_data = timeline(record)
    features = [_place_feature(record, p) for p in record.places.values()]
    return [
        Output("data/sources.json", json_bytes([_source(record, s) for s in record.sources.values()])),
        Output("data/actors.json", json_bytes([_actor(record, a) for a in record.actors.values()])),
        Output("data/actors.csv", _actors_csv(record)),
        Output("data/places.geojson", json_bytes({"type": "FeatureCollection", "features": features})),
        Output("data/places.csv", _places_csv(record)),
        Output("data/operations.json", json_bytes([_operation(record, o) for o in record.operations.values()])),
        Output("data/events.json", json_bytes([_event(record, e) for e in record.timeline])),
        Output("data/events.csv", _events_csv(record)),
        Output("data/claims.json", json_bytes([_claim(record, c) for c in record.claims.values()])),
        Output("data/claims.csv", _claims_csv(record)),
        Output("data/timeline.json", json_bytes(timeline_data)),
        *scoped_timelines(record, timeline_data),
        *(Output(f"{EXPORT_SCHEMA_FOLDER}/{name}", text.encode("utf-8")) for name, text in export_schema_texts().items()),
    ]
