"""Raw records → typed models, with every problem found in one pass.

Each problem reads `path:line:col: <kind> '<id>', <field>: expected …, got … (hint)`.
Nothing here reads or writes files: the loader hands us bytes and values. The rules themselves
live in rules/, one small function each; this module runs them in order and gathers what they found.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from . import model as m
from .dates import DateInfo
from .errors import Location, Problem
from .history import Commit, History, last_changed, record_commits
from .loader import Inputs
from .rules import Parsed, attribution, claims, events, hierarchy, pages, references, registry, schema
from .rules.dates import describe_dates
from .rules.sources import read_sources
from .text import Match, Paragraph


@dataclass(frozen=True, kw_only=True)
class Checked(m.Records):
    """Valid models and what the checks computed, ready to be linked."""

    locations: dict[str, Location]
    """Where each record starts, by id (for messages and "edit this page")."""
    paragraphs: dict[str, list[Paragraph]]
    """Each source's paragraphs, by source id."""
    raw: dict[str, bytes]
    """Each source's raw bytes, by source id."""
    quotes: dict[str, Match]
    """Where each claim's quote was found, by claim id."""
    dates: dict[str, DateInfo]
    """Every EDTF string in the record, described."""
    registry: tuple[str, ...]
    """Every URL ever published."""
    last_changed: dict[str, str]
    """When each record last changed (YYYY-MM-DD): its own lines' newest commit, by id, where git knows."""
    changes: dict[str, tuple[Commit, ...]]
    """The commits that touched each record's lines (a source's also its document), newest first, by id."""
    history_available: bool
    """Whether the build had git history at all (a downloaded archive has none)."""
    basemap: Optional[dict[str, Any]]
    """The base map's TopoJSON, as read (maps.py draws it)."""
    problems: list[Problem]
    """Errors and warnings found, sorted."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def _changes(parsed: Parsed, history: History | None) -> dict[str, tuple[Commit, ...]]:
    if history is None:
        return {}
    documents = {source.id: source.file for source in parsed.records.sources.values()}
    return record_commits(history, {record_id: raw.location for record_id, raw in parsed.raws.items()}, documents)


def validate(inputs: Inputs) -> Checked:
    """Check every record; the result carries the problems (the pipeline decides what is fatal)."""
    parsed, problems = schema.parse(inputs.records, unreadable=any(p.severity == "error" for p in inputs.problems))
    problems = [*inputs.problems, *problems]
    if not parsed.unreadable:
        problems += references.dangling_references(parsed)
        problems += references.former_ids(parsed)
    dates, found = describe_dates(parsed)
    problems += found
    texts, found = read_sources(parsed, inputs.files)
    problems += found
    problems += claims.speakers(parsed)
    quotes, found = claims.find_quotes(parsed, texts.paragraphs)
    problems += found
    for rule in (*hierarchy.RULES, *events.RULES, *attribution.RULES):
        problems += rule(parsed)
    problems += attribution.relayed_spans(parsed, texts.paragraphs)
    problems += attribution.claims_in_relayed_spans(parsed, quotes)
    if not parsed.unreadable and not parsed.invalid:
        problems += references.orphans(parsed)
    if not parsed.unreadable:
        problems += registry.published_urls(parsed, inputs.registry)
    problems += registry.removed_lines(inputs.registry, inputs.registry_history)
    problems += pages.hand_written(inputs.pages)
    records = {kind: getattr(parsed.records, kind) for kind in m.KINDS}
    changes = _changes(parsed, inputs.history)
    return Checked(**records, locations={i: raw.location for i, raw in parsed.raws.items()},
                   paragraphs=texts.paragraphs, raw=texts.raw, quotes=quotes, dates=dates,
                   registry=tuple(url for url, _ in inputs.registry),
                   last_changed=last_changed(changes), changes=changes,
                   history_available=inputs.history is not None, basemap=inputs.basemap, problems=sorted(problems))
