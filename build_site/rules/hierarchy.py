"""Hierarchies without loops: a place is not within itself, an operation not part of itself, an actor
does not command, belong to or form part of itself; and no chain of them comes back to where it began.

A loop would make every walk up a hierarchy (the places an event is in, the operations it belongs to)
endless; the walks guard against it too (link.ancestors), but the record must say what it means.
"""

from __future__ import annotations

from typing import Iterator

from ..errors import Problem
from . import Parsed, problem

SELF_RELATIONS = {"commands": "command itself", "part-of": "be part of itself", "member-of": "be a member of itself"}
"""Affiliations an actor cannot have to itself, and what that would say."""

NESTING_RELATIONS = ("part-of",)
"""Affiliations that nest actors: followed, they must never come back to the start."""


def cycles(edges: dict[str, list[str]]) -> list[list[str]]:
    """Each loop in a directed graph, once, as the ids along it starting from its smallest id."""
    found: dict[frozenset[str], list[str]] = {}
    done: set[str] = set()
    for start in sorted(edges):
        if start in done:
            continue
        path: list[str] = []
        on_path: dict[str, int] = {}
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(edges.get(start, []))))]
        path.append(start)
        on_path[start] = 0
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                del on_path[node]
                done.add(node)
            elif child in on_path:
                loop = path[on_path[child]:]
                first = loop.index(min(loop))
                found.setdefault(frozenset(loop), loop[first:] + loop[:first])
            elif child not in done:
                on_path[child] = len(path)
                path.append(child)
                stack.append((child, iter(sorted(edges.get(child, [])))))
    return sorted(found.values())


def _loop_text(loop: list[str]) -> str:
    return " → ".join([*loop, loop[0]])


def places_within(parsed: Parsed) -> Iterator[Problem]:
    """A place within itself, or a chain of `within` that comes back to its start."""
    edges = {place_id: [place.within] for place_id, place in parsed.records.places.items() if place.within}
    yield from _parent_loops(parsed, "places", "within", edges, "a larger place that contains it")


def operation_parents(parsed: Parsed) -> Iterator[Problem]:
    """An operation part of itself, or a chain of `parent` that comes back to its start."""
    edges = {op_id: [op.parent] for op_id, op in parsed.records.operations.items() if op.parent}
    yield from _parent_loops(parsed, "operations", "parent", edges, "a larger operation that it is part of")


def _parent_loops(parsed: Parsed, kind: str, name: str, edges: dict[str, list[str]], wanted: str) -> Iterator[Problem]:
    for loop in cycles(edges):
        record_id = loop[0]
        where = parsed.raws[record_id].where((name,))
        if len(loop) == 1:
            yield problem(where, kind, record_id, name,
                          f"expected {wanted}, got '{record_id}' itself (remove `{name}:`, or name another record)")
        else:
            yield problem(where, kind, record_id, name,
                          f"expected a hierarchy without loops, got {_loop_text(loop)} (one of them must not be "
                          f"`{name}` the next: remove or change one `{name}:`)")


def actor_affiliations(parsed: Parsed) -> Iterator[Problem]:
    """An actor that commands, is part of or is a member of itself; a loop of `part-of`."""
    edges: dict[str, list[str]] = {}
    for actor_id, actor in parsed.records.actors.items():
        for index, affiliation in enumerate(actor.affiliations):
            path = ("affiliations", index, "actor")
            if affiliation.relation in SELF_RELATIONS and affiliation.actor == actor_id:
                yield problem(parsed.raws[actor_id].where(path), "actors", actor_id, f"affiliations[{index}].actor",
                              f"expected another actor than '{actor_id}' itself for `{affiliation.relation}` "
                              f"(an actor cannot {SELF_RELATIONS[affiliation.relation]}: name the other actor)")
            elif affiliation.relation in NESTING_RELATIONS:
                edges.setdefault(actor_id, []).append(affiliation.actor)
    for loop in cycles(edges):
        actor_id = loop[0]
        index = next(i for i, a in enumerate(parsed.records.actors[actor_id].affiliations)
                     if a.relation in NESTING_RELATIONS and a.actor == loop[1])
        yield problem(parsed.raws[actor_id].where(("affiliations", index, "actor")), "actors", actor_id,
                      f"affiliations[{index}].actor",
                      f"expected `part-of` relations without loops, got {_loop_text(loop)} (one of them cannot be "
                      f"part of the next: remove or change one affiliation)")


RULES = (places_within, operation_parents, actor_affiliations)
