"""References between records: every id a record names exists and is of the right kind."""

from __future__ import annotations

from typing import Iterator

from .. import model as m
from ..characters import lookalikes
from ..errors import Problem
from ..fields import field_name, references
from . import Parsed, problem, suggest


def _article(words: str) -> str:
    return "an" if words[0] in "aeiou" else "a"


_SOUND: dict[int, object] = {}
"""The records (by identity) whose every reference was right at the last check, and what the check knew then
(`_KNOWN`): while no id appears, goes or changes kind, they need no check again (the resident preview)."""
_KNOWN: list[tuple[dict[str, str], frozenset[str]]] = []


def dangling_references(parsed: Parsed) -> Iterator[Problem]:
    """A reference to an id that does not exist, or to a record of another kind."""
    known = (parsed.kind_of, frozenset(parsed.invalid))
    sound = _SOUND if _KNOWN and _KNOWN[0] == known else {}
    now: dict[int, object] = {}
    for kind, records in parsed.records.kinds():
        for record_id, record in records.items():
            if sound.get(id(record)) is record:
                now[id(record)] = record
                continue
            raw = parsed.raws[record_id]
            fine = True
            for path, target, kinds in references(record):
                if parsed.kind_of.get(target) in kinds or target in parsed.invalid:
                    continue
                fine = False
                candidates = [i for k in kinds for i in parsed.records.of(k)]
                wanted = " or ".join(m.SINGULAR[k] for k in kinds)
                if target in parsed.kind_of:
                    found = f"the {m.SINGULAR[parsed.kind_of[target]]} '{target}'"
                else:
                    odd = lookalikes(target)
                    found = f"'{target}', which does not exist" + (f" ({odd})" if odd else "")
                yield problem(raw.where(path), kind, record_id, field_name(path),
                              f"expected the id of {_article(wanted)} {wanted}, got {found}{suggest(target, candidates)}")
            if fine:
                now[id(record)] = record
    _SOUND.clear()
    _SOUND.update(now)
    _KNOWN[:] = [(dict(parsed.kind_of), known[1])]


def former_ids(parsed: Parsed) -> Iterator[Problem]:
    """A former id that a current record uses, or that two records both claim."""
    claimed: dict[str, str] = {}
    for kind, records in parsed.records.kinds():
        for record_id, record in records.items():
            raw = parsed.raws[record_id]
            for i, former in enumerate(record.former_ids):
                path = ("former_ids", i)
                if former in parsed.kind_of:
                    yield problem(raw.where(path), kind, record_id, field_name(path),
                                  f"expected an id no current record uses, got '{former}', the id of the "
                                  f"{m.SINGULAR[parsed.kind_of[former]]} at {parsed.raws[former].location}")
                elif former in claimed:
                    yield problem(raw.where(path), kind, record_id, field_name(path),
                                  f"expected a former id listed once, got '{former}', also listed by '{claimed[former]}'")
                claimed[former] = record_id


ORPHAN_KINDS = ("actors", "places")
"""Kinds whose records only make sense when something refers to them."""


def orphans(parsed: Parsed) -> Iterator[Problem]:
    """Warnings: an actor or place nothing refers to."""
    referenced = {target for _, records in parsed.records.kinds() for record in records.values()
                  for _, target, _ in references(record)}
    for kind in ORPHAN_KINDS:
        for record_id in parsed.records.of(kind):
            if record_id not in referenced:
                yield problem(parsed.raws[record_id].where(("id",)), kind, record_id, "id",
                              f"expected the {m.SINGULAR[kind]} to be referred to by an event, claim or other "
                              f"record, got nothing referring to it (link it, or remove it)", "warning")
