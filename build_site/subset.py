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
from typing import Any

from . import model as m
from .errors import BuildError, Location, Problem
from .fields import references
from .link import ancestors
from .validate import Checked

SELECTOR = re.compile(r"^(year)=([0-9]{4})$|^(actor|place|operation)=([a-z0-9]+(?:-[a-z0-9]+)*)$")
HOW = "year=YYYY, actor=<id>, place=<id> or operation=<id>"


def _problem(message: str) -> BuildError:
    return BuildError([Problem(Location("--only"), message)])


def selected_events(checked: Checked, selectors: list[str]) -> set[str]:
    """The ids of the events any selector matches. Raises BuildError for a selector that matches nothing known."""
    chosen: set[str] = set()
    for selector in selectors:
        match = SELECTOR.match(selector)
        if not match:
            raise _problem(f"expected {HOW}, got {selector!r}")
        if match.group(1):
            year = int(match.group(2))
            chosen.update(i for i, e in checked.events.items() if checked.dates[e.date].start.year == year)
            continue
        kind, wanted = match.group(3), match.group(4)
        if wanted not in checked.of(f"{kind}s"):
            raise _problem(f"expected the id of {'an' if kind[0] in 'aeiou' else 'a'} {kind}, got {wanted!r}, "
                           f"which does not exist")
        parents = {"place": {p.id: p.within for p in checked.places.values()},
                   "operation": {o.id: o.parent for o in checked.operations.values()}}
        chosen.update(event_id for event_id, event in checked.events.items()
                      if _involves(event, kind, wanted, parents.get(kind, {})))
    return chosen


def _involves(event: m.Event, kind: str, wanted: str, parent_of: dict[str, str | None]) -> bool:
    """Whether an event involves the actor, the place (or a place within it), or the operation (or a part of it)."""
    if kind == "actor":
        return any(part.actor == wanted for part in event.actors)
    if kind == "place":
        return any(wanted in ancestors(place, parent_of) for place in event.places)
    return wanted in ancestors(event.operation, parent_of)


def subset(checked: Checked, selectors: list[str]) -> Checked:
    """The checked record cut down to the selected events, the claims about them, and all they refer to."""
    events = selected_events(checked, selectors)
    kind_of = {record_id: kind for kind, records in checked.kinds() for record_id in records}
    keep = events | {claim_id for claim_id, claim in checked.claims.items() if claim.about in events}
    queue = sorted(keep)
    # References are followed to the end, so that every link on a preview page has a page to go to.
    while queue:
        record_id = queue.pop()
        kind = kind_of[record_id]
        for _, target, _ in references(checked.of(kind)[record_id]):
            if target not in keep and target in kind_of:
                keep.add(target)
                queue.append(target)
    kept: dict[str, Any] = {kind: {i: record for i, record in records.items() if i in keep} for kind, records in checked.kinds()}
    return dataclasses.replace(checked, **kept)
