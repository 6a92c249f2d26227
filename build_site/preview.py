"""The resident preview behind `make serve`: the record stays in memory between saves.

On each save, `Resident.refresh()`
- re-reads only the files that changed (loader.Reader); every other record keeps its objects, so
  validation does not redo their schema check or their field walk;
- validates the whole record again (quotes, references, registry: no error is hidden by the preview);
  on any error it prints them and writes nothing, so the last good preview stays served;
- re-renders only the pages whose content can have changed (`pages_to_render`) and every listing page,
  writes those that differ, then the data exports. Under `make serve` (build_site/live.py, `later`) the
  changed records' own pages come first, the pages that list or name them next (`finish`), the data
  exports last (`export`), and MkDocs rebuilds each round's pages as soon as they are written.

tests/test_preview.py proves that after each kind of edit docs/ is byte-identical to a full build.
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from . import layout
from . import model as m
from .errors import BuildError, Problem
from .exports import exports
from .feeds import feeds
from .fields import forget_all_but, references
from .link import Record, ancestors, link
from .loader import Reader
from .render import Job, entity_jobs, jobs_of, render, render_jobs
from .rules import schema
from .settings import Settings
from .subset import subset
from .validate import Checked, validate
from .views import operation_reach
from .writer import Output, WriteReport, write


@dataclass(frozen=True)
class Refresh:
    """What one refresh did."""

    changed_files: list[str]
    changed_records: int
    warnings: list[Problem]
    pages_rendered: int
    written: int
    seconds: dict[str, float]
    paths: tuple[str, ...] = ()
    """The files written, relative to docs/: the pages first, then the data exports."""
    gone: tuple[str, ...] = ()
    """The files removed, relative to docs/."""


def _locations_or_content(old: Checked, new: Checked) -> set[str]:
    """Ids whose record is new, gone, different, or at another line of its file (its edit link changes)."""
    changed: set[str] = set()
    for kind in m.KINDS:
        before, after = old.of(kind), new.of(kind)
        for record_id in before.keys() | after.keys():
            was, now = before.get(record_id), after.get(record_id)
            if was is not now and was != now:
                changed.add(record_id)
            elif old.locations.get(record_id) != new.locations.get(record_id):
                changed.add(record_id)
            elif kind == "sources" and old.raw.get(record_id) != new.raw.get(record_id):
                changed.add(record_id)
            elif old.last_changed.get(record_id) != new.last_changed.get(record_id) or \
                    old.changes.get(record_id) != new.changes.get(record_id):
                changed.add(record_id)
    return changed


def _neighbourhood(record: Record, ids: set[str]) -> set[str]:
    """The records the given ones refer to and are referred to by, in this version of the record."""
    found: set[str] = set()
    for record_id in ids:
        kind = record.kind_of.get(record_id)
        if kind is not None:
            found.update(target for _, target, _ in references(record.of(kind)[record_id]))
        found.update(referrer.record_id for referrer in record.referenced_by.get(record_id, []))
    return found


def pages_to_render(old: Record, new: Record, changed: set[str]) -> set[str]:
    """The ids of every record whose page can differ after `changed` records changed, by what a page shows:
    the record itself; what it refers to and what refers to it (names, lists, claim anchors); through a claim,
    everything that claim refers to (a claim card names its speaker, source and subject); an event's
    neighbours in time (its previous/next links); the places and operations above any of these (their lists
    include what lies within them); and every record in the reach of a changed operation (mini timelines)."""
    near = changed | _neighbourhood(old, changed) | _neighbourhood(new, changed)
    claims = {i for i in near if (new.kind_of.get(i) or old.kind_of.get(i)) == "claims"}
    near |= _neighbourhood(old, claims) | _neighbourhood(new, claims)
    for version in (old, new):
        for record_id in changed:
            if record_id in version.neighbours:
                near.update(e.id for e in version.neighbours[record_id] if e is not None)
        reach = operation_reach(version)
        for record_id in changed & reach.keys():
            near |= reach[record_id]
        places = {p.id: p.within for p in version.places.values()}
        operations = {o.id: o.parent for o in version.operations.values()}
        for record_id in list(near):
            if record_id in places:
                near.update(ancestors(record_id, places))
            elif record_id in operations:
                near.update(ancestors(record_id, operations))
    return {i for i in near if new.kind_of.get(i) in layout.PAGE_FOLDERS}


def listing_scope(record: Record, job: Job) -> Optional[frozenset[str]]:
    """The records a listing page shows, for the listings that show a part of the record (a year, a part of
    "who says what"); None for the index pages, which are few, and re-rendered on every refresh."""
    context = job[2]
    if "matrix" in context and context["matrix"].events:  # a page of "who says what": its events, their accounts'
        shown: set[str] = set()                           # claims and what those name (speakers, sources)
        for column in context["matrix"].events:
            shown.add(column.event.id)
            for _, target, _ in references(column.event):
                shown.add(target)
                if target in record.claims:
                    shown.update(t for _, t, _ in references(record.claims[target]))
        return frozenset(shown)
    if "year" in context and hasattr(context["year"], "months"):  # a year of events: date, title, status
        return frozenset(e.id for month in context["year"].months for e in month.events)
    if "year" in context and hasattr(context["year"], "entries"):  # a year of the timeline's list
        return frozenset(entry.record.id for entry in context["year"].entries)
    return None


def _path_of(job: Job) -> str:
    return job[1][0] if job[0] == "page" else ""


class Resident:
    """The validated record kept in memory, refreshed on each save."""

    def __init__(self, root: Path, settings: Optional[Settings] = None, only: Optional[list[str]] = None,
                 docs_dir: Optional[Path] = None, strict: bool = False):
        self.root, self.only, self.strict = root, only, strict
        self.settings = settings or Settings.from_environment()
        self.docs = docs_dir or root / "docs"
        self.reader = Reader(root)
        self.checked: Optional[Checked] = None
        self.record: Optional[Record] = None
        self.paths: set[str] = set()
        """Every file the last good refresh generated, relative to docs/."""
        self.pending: list[tuple[Record, set[str]]] = []
        """Each refresh since the pages were last all brought up to date: the record before it, what it changed."""

    def refresh(self, later: bool = False) -> Refresh:
        """Bring docs/ up to date with the files; raise BuildError (nothing written) if the record has errors.
        With `later`, a refresh writes only the changed records' own pages (the page being edited is served
        first), and leaves the pages that list or name them to `finish()` (`pages_due`) and the data exports
        to `export()` (`exports_due`).

        The cycle collector waits: a full collection scans the whole resident record (a second and more at
        10,000 events) and finds nothing to free in it. After the refresh only what it made is collected,
        and what is left is frozen out of later collections, as the one-off build does (pipeline.py)."""
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._refresh(later)
        finally:
            if later:
                self.collect_due = self.collect_due or collecting  # `collect()`, once the pages are served
            else:
                self._collect(collecting)

    collect_due = False
    """Whether a refresh `later` left its collection to `collect()`."""

    def collect(self) -> None:
        """What the last refresh left for the cycle collector, collected; the rest frozen (see `refresh`)."""
        if self.collect_due:
            self.collect_due = False
            self._collect(True)

    @staticmethod
    def _collect(enable: bool) -> None:
        gc.collect(1)
        gc.freeze()
        if enable:
            gc.enable()

    def _refresh(self, later: bool) -> Refresh:
        seconds: dict[str, float] = {}
        begin = time.perf_counter()
        inputs, changed_files = self.reader.load()
        seconds["load"] = time.perf_counter() - begin
        if self.record is not None and not changed_files:
            return Refresh([], 0, [], 0, 0, seconds)
        begin = time.perf_counter()
        checked = validate(inputs)
        forget_all_but(m for _, records in checked.kinds() for m in records.values())
        schema.forget_all_but(inputs.records)
        if checked.errors or (self.strict and checked.problems):
            raise BuildError(checked.problems)
        if self.only:
            checked = subset(checked, self.only)
        seconds["validate"] = time.perf_counter() - begin
        begin = time.perf_counter()
        record = link(checked)
        seconds["link"] = time.perf_counter() - begin
        begin = time.perf_counter()
        pages_first = later and self.record is not None and self.checked is not None
        jobs = [] if pages_first else jobs_of(record)
        if self.record is None or self.checked is None:
            chosen = jobs
            changed = set(record.kind_of)
        else:
            changed = _locations_or_content(self.checked, checked)
            self.pending.append((self.record, changed))
            if pages_first:  # the changed records' own pages now, the pages that list or name them by `finish()`
                chosen = entity_jobs(record, changed)
            else:
                chosen = self._rest(record, jobs)
        if not pages_first:
            self.scopes = {_path_of(job): listing_scope(record, job) for job in jobs if job[0] == "page"}
            self.pending = []
        everything = not pages_first and len(chosen) == len(jobs)
        outputs = render(record, self.settings) if everything else render_jobs(record, self.settings, chosen)
        pages = sum(1 for output in outputs if output.path.endswith(".md"))
        seconds["render"] = time.perf_counter() - begin
        reports: list[WriteReport] = []
        if not everything:  # the pages first: MkDocs can rebuild them while the exports are made
            begin = time.perf_counter()
            # First the changed records' own pages: the listings (no page folder of their own) are left to `finish`.
            reports.append(self._write(outputs, record, chosen, False,
                                       (lambda path: not is_export(path) and _owner(path) != "")
                                       if pages_first else (lambda path: not is_export(path))))
            seconds["write"] = time.perf_counter() - begin
            outputs = []
        self.checked, self.record = checked, record
        self.pages_due = pages_first
        if everything or not later:
            begin = time.perf_counter()
            outputs += exports(record, self.settings) + feeds(record, self.settings)
            seconds["exports"] = time.perf_counter() - begin
            begin = time.perf_counter()
            reports.append(self._write(outputs, record, chosen, everything, is_export))
            seconds["write"] = seconds.get("write", 0.0) + time.perf_counter() - begin
            self.exports_due = False
        else:
            self.exports_due = True
        warnings = [p for p in checked.problems if p.severity == "warning"]
        return Refresh(sorted(changed_files), len(changed), warnings, pages, sum(r.written for r in reports), seconds,
                       tuple(path for r in reports for path in r.paths), tuple(path for r in reports for path in r.gone))

    exports_due = False
    """Whether the data exports lag the pages (a refresh `later`): `export()` writes them."""
    pages_due = False
    """Whether the pages that list or name the changed records lag (a refresh `later`): `finish()` writes them."""
    def _rest(self, record: Record, jobs: list[Job]) -> list[Job]:
        """The pages that can differ from what docs/ holds, after every pending refresh."""
        changed: set[str] = set()
        wanted: set[str] = set()
        for old, changed_then in self.pending:
            changed |= changed_then
            wanted |= pages_to_render(old, record, changed_then)
        return [job for job in jobs if self._needed(job, record, changed, wanted)]

    def finish(self) -> Refresh:
        """After a refresh `later`: every other page that can have changed, rendered and written where it differs."""
        assert self.record is not None
        begin = time.perf_counter()
        record = self.record
        jobs = jobs_of(record)
        chosen = self._rest(record, jobs)
        self.scopes = {_path_of(job): listing_scope(record, job) for job in jobs if job[0] == "page"}
        self.pending = []
        outputs = render_jobs(record, self.settings, chosen)
        report = self._write(outputs, record, chosen, False, lambda path: not is_export(path))
        self.pages_due = False
        return Refresh([], 0, [], sum(1 for output in outputs if output.path.endswith(".md")), report.written,
                       {"pages": time.perf_counter() - begin}, report.paths, report.gone)

    def export(self) -> Refresh:
        """The data exports and feeds of the last good refresh, written where they differ."""
        assert self.record is not None
        begin = time.perf_counter()
        outputs = exports(self.record, self.settings) + feeds(self.record, self.settings)
        report = self._write(outputs, self.record, [], False, is_export)
        self.exports_due = False
        return Refresh([], 0, [], 0, report.written, {"exports": time.perf_counter() - begin}, report.paths,
                       report.gone)

    scopes: dict[str, Optional[frozenset[str]]] = {}
    """Each listing page's scope at the last refresh (`listing_scope`)."""

    def _needed(self, job: Job, record: Record, changed: set[str], wanted: set[str]) -> bool:
        """Whether a page must be rendered again: a record's page that can differ, an index page, or a listing
        whose records changed, or that lists other records than before (a date moved an event, say)."""
        if job[0] == "entity":
            return job[1][4] in wanted
        if job[0] != "page":
            return True
        scope = listing_scope(record, job)
        path = _path_of(job)
        return scope is None or path not in self.scopes or self.scopes[path] != scope or bool(scope & changed)

    def _write(self, outputs: list[Output], record: Record, chosen: list[Job], everything: bool,
               among: Callable[[str], bool]) -> WriteReport:
        """Write what differs; remove what the re-rendered pages or the exports (`among`) no longer produce."""
        produced = {output.path for output in outputs}
        if everything:
            report = write(self.docs, outputs)
            self.paths = produced
            return report
        rendered = {job[1][4] for job in chosen if job[0] == "entity"}
        kept = {layout.page_url(kind, page_id) for kind in layout.PAGE_FOLDERS for record_id, item in record.of(kind).items()
                if record_id not in rendered for page_id in (record_id, *item.former_ids)}  # pages and redirects
        listed = set(self.scopes)  # every listing page of this version, rendered again or not
        gone = sorted(path for path in self.paths - produced
                      if among(path) and path not in listed and _owner(path) not in kept)
        report = write(self.docs, outputs, remove=gone)
        self.paths = (self.paths - set(gone)) | produced
        return report


def is_export(path: str) -> bool:
    """Whether a generated file is a data export or a feed (made after the pages), not a page."""
    return path.split("/", 1)[0] in (layout.DATA_FOLDER, layout.FEED_FOLDER)


def _owner(path: str) -> str:
    """The page folder a generated file belongs to (`events/<id>/`), or '' for listings and data."""
    parts = path.split("/")
    return f"{parts[0]}/{parts[1]}/" if len(parts) > 2 else ""
