"""The validation rules: each a small function from the parsed record to the problems it finds.

validate.py parses every raw record into its model (schema.py), then runs these rules in turn;
each yields `Problem`s and changes nothing, so a rule can be read, tested and reordered alone.
Rules that compute something the pages need (dates described, source paragraphs, where each quote
is) return it beside their problems.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any, Iterable

from .. import model as m
from ..errors import Location, Problem
from ..loader import RawRecord


@dataclass
class Parsed:
    """What parsing made of the raw records: the input of every rule."""

    records: m.Records
    """The records that passed their own schema, per kind, sorted by id."""
    raws: dict[str, RawRecord]
    """Each valid record's raw form (for locations of its fields), by id."""
    kind_of: dict[str, str]
    """The kind of every valid record's id."""
    invalid: set[str] = field(default_factory=set)
    """Ids of records that failed their own schema: references to them are not reported again."""
    unreadable: bool = False
    """A whole file could not be read: its records are unknown, so cross-record checks would only mislead."""


def problem(location: Location, kind: str, record_id: str, name: str, message: str,
            severity: str = "error") -> Problem:
    """A problem about one field of one record: `<kind> '<id>', <field>: <message>`."""
    return Problem(location, f"{m.SINGULAR[kind]} '{record_id}', {name}: {message}",
                   "warning" if severity == "warning" else "error")


def suggest(word: str, choices: Iterable[str]) -> str:
    """` (did you mean 'x'?)` for the closest choice, or nothing."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def describe_value(value: Any) -> str:
    """A value as a contributor wrote it, in words."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (a yes/no value)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        short = value if len(value) <= 60 else value[:57] + "..."
        return repr(short)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
