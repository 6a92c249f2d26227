"""Synthetic timeline.json data (format version 1) for the timeline benchmark.

Deterministic for a given (n, seed). Mixes the kinds of items the real data
has: day-precise events (points), month/season/year-precision events
(hatched spans), multi-day intervals, long operations, disputed, approximate
and uncertain items, spread over 2011-2019 in several groups.
"""
from __future__ import annotations

import datetime as dt
import random

GROUPS = [
    ("operations", "Operations"),
    ("derna", "Derna and its surroundings"),
    ("sirte", "Sirte and its surroundings"),
    ("benghazi", "Benghazi"),
    ("elsewhere", "Elsewhere in Libya"),
]
FIRST = dt.date(2011, 2, 1)
LAST = dt.date(2019, 6, 30)


def _month_end(d: dt.date) -> dt.date:
    return (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def synthetic_timeline(n: int, seed: int = 1) -> dict:
    rnd = random.Random(seed)
    actors = [{"id": f"actor-{i}", "name": f"Actor {i}", "aliases": [f"Alias{i}"]} for i in range(40)]
    operations = [{"id": f"op-{i}", "name": f"Operation {i}", "aliases": []} for i in range(12)]
    places = [{"id": f"place-{i}", "name": f"Place {i}", "aliases": []} for i in range(30)]
    span = (LAST - FIRST).days
    items = []
    for i in range(n):
        a = rnd.sample(actors, 2)
        p = rnd.choice(places)
        o = rnd.choice(operations)
        start = FIRST + dt.timedelta(days=rnd.randrange(span))
        r = rnd.random()
        if i < len(operations):
            kind, group, precision = "operation", "operations", "interval"
            end = start + dt.timedelta(days=rnd.randrange(60, 900))
            label = f"From {start.isoformat()} to {end.isoformat()}"
            title = operations[i]["name"]
            ops = [operations[i]["id"]]
        elif r < 0.78:
            kind, group, precision, end = "event", rnd.choice(GROUPS[1:])[0], "day", None
            label, title, ops = start.isoformat(), f"Event {i} at {p['name']}", [o["id"]]
        elif r < 0.93:
            kind, group, precision = "event", rnd.choice(GROUPS[1:])[0], "month"
            start = start.replace(day=1)
            end = _month_end(start)
            label, title, ops = start.strftime("%B %Y"), f"Event {i} (month) at {p['name']}", [o["id"]]
        else:
            kind, group, precision = "event", rnd.choice(GROUPS[1:])[0], "interval"
            end = start + dt.timedelta(days=rnd.randrange(2, 40))
            label, title, ops = f"{start.isoformat()} to {end.isoformat()}", f"Event {i} (days) at {p['name']}", [o["id"]]
        item_id = f"{'op' if kind == 'operation' else 'ev'}-{i}"
        items.append({
            "id": item_id,
            "kind": kind,
            "title": title,
            "url": f"{'operations' if kind == 'operation' else 'events'}/{item_id}/",
            "date": start.isoformat(),
            "date_label": label,
            "start": start.isoformat(),
            "end": end.isoformat() if end else None,
            "precision": precision,
            "approximate": rnd.random() < 0.08,
            "uncertain": rnd.random() < 0.05,
            "status": "disputed" if rnd.random() < 0.12 else "established",
            "group": group,
            "actors": [x["id"] for x in a],
            "operations": ops,
            "places": [p["id"]],
            "terms": " ".join([title.lower()] + [x["name"].lower() + " " + " ".join(x["aliases"]).lower() for x in a] + [p["name"].lower()]),
        })
    return {
        "version": 1,
        "groups": [{"id": g, "label": label, "order": k} for k, (g, label) in enumerate(GROUPS)],
        "items": items,
        "actors": actors,
        "operations": operations,
        "places": places,
    }
