"""A preview of part of the record: the events one selects, and every record they need to render.

`python -m build_site build --only year=2016` (or `serve`, or `make serve ONLY=year=2016`) validates the
whole record as always, then renders only the events of 2016, the claims about them, and what those
refer to (actors, places and the places they lie in, operations and their parents, sources), so that
generating and `mkdocs serve` stay quick on a large record. Pages of the preview list only what is in
it; a full `build` restores everything.
"""

from __future__ import annotations

import dataclasses
import re

from .errors import BuildError, Location, Problem
from .validate import Checked, _references

SELECTOR = re.compile(r"^(year)=([0-9]{4})$|^(actor|place|operation)=([a-z0-9]+(?:-[a-z0-9]+)*)$")
HOW = "year=YYYY, actor=<id>, place=<id> or operation=<id>"


def _problem(message: str) -> BuildError:
    return BuildError([Problem(Location("--only"), message)])


def _ancestors(start: str | None, parent_of: dict[str, str | None]) -> set[str]:
    seen: set[str] = set()
    while start and start not in seen:
        seen.add(start)
        start = parent_of.get(start)
    return seen


def selected_events(checked: Checked, selectors: list[str]) -> set[str]:
    """The ids of the events any selector matches. Raises BuildError for a selector that matches nothing known."""
    models = checked.models
    place_parent = {p.id: p.within for p in models["places"].values()}
    operation_parent = {o.id: o.parent for o in models["operations"].values()}
    chosen: set[str] = set()
    for selector in selectors:
        match = SELECTOR.match(selector)
        if not match:
            raise _problem(f"expected {HOW}, got {selector!r}")
        if match.group(1):
            year = int(match.group(2))
            chosen.update(i for i, e in models["events"].items() if checked.dates[e.date].start.year == year)
            continue
        kind, wanted = match.group(3), match.group(4)
        if wanted not in models[f"{kind}s"]:
            raise _problem(f"expected the id of {'an' if kind[0] in 'aeiou' else 'a'} {kind}, got {wanted!r}, "
                           f"which does not exist")
        for event_id, event in models["events"].items():
            if kind == "actor":
                hit = any(part.actor == wanted for part in event.actors)
            elif kind == "place":
                hit = any(wanted in _ancestors(place, place_parent) for place in event.places)
            else:
                hit = wanted in _ancestors(event.operation, operation_parent)
            if hit:
                chosen.add(event_id)
    return chosen


def subset(checked: Checked, selectors: list[str]) -> Checked:
    """The checked record cut down to the selected events, the claims about them, and all they refer to."""
    models = checked.models
    events = selected_events(checked, selectors)
    kind_of = {record_id: kind for kind, records in models.items() for record_id in records}
    keep = events | {claim_id for claim_id, claim in models["claims"].items() if claim.about in events}
    queue = sorted(keep)
    # References are followed to the end, so that every link on a preview page has a page to go to.
    while queue:
        record_id = queue.pop()
        kind = kind_of[record_id]
        for _, target, _ in _references(kind, models[kind][record_id]):
            if target not in keep and target in kind_of:
                keep.add(target)
                queue.append(target)
    kept = {kind: {i: record for i, record in records.items() if i in keep} for kind, records in models.items()}
    return dataclasses.replace(checked, models=kept)
