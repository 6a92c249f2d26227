"""Record → [Output(path under docs/, content)], through Jinja2 templates in templates/.

For each page: its view model (views.py) decides what it shows, its template (templates/) lays it
out. Everything from YAML is escaped (markup.py); no template is ever built from content.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Callable, Optional
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import cores, layout, maps, previews, views
from . import model as m
from .citations import citation
from .feeds import scoped_feed_path
from .link import Record
from .markup import csp_hash, finalize, front_matter_value, md_inline, sanitize_markdown, yaml_string
from .settings import Settings
from .writer import Output

TEMPLATES = Path(__file__).parent / "templates"


class Fragments:
    """Macros of `_macros.j2` whose output depends on the page only through its depth, rendered once.

    A link to an actor, an event's line in a list, a claim card: the same HTML on every page at the
    same depth (all entity pages are two levels down), so each is rendered once per depth and reused.
    """

    def __init__(self, macros: Any):
        self.macros = macros
        self.rendered: dict[tuple, Markup] = {}

    def get(self, page: "Page", name: str, *args: Any) -> Markup:
        key = (page.root, name, *(getattr(arg, "id", arg) for arg in args))  # records by their id
        html = self.rendered.get(key)
        if html is None:
            html = self.rendered[key] = getattr(self.macros, name)(page, *args)
        return html


class Page:
    """What a template needs to know about the page it renders: where it is, for relative links."""

    def __init__(self, path: str, record: Record, fragments: Optional[Fragments] = None):
        self.path = path
        depth = path.count("/")  # events/x/index.md is served at events/x/: two levels below the root
        self.root = "../" * depth if depth else ""
        self.record = record
        self.fragments = fragments

    def _fragment(self, name: str, *args: Any) -> Markup:
        assert self.fragments is not None, "a page without fragments renders no macros"
        return self.fragments.get(self, name, *args)

    def link(self, record_id: str) -> Markup:
        """`<a>` to a record's page, named."""
        return self._fragment("link", record_id)

    def event_item(self, event: m.Event) -> Markup:
        """An event's `<li>` in an event list: date, linked title, disputed badge."""
        return self._fragment("event_item", event)

    def claim_card(self, claim: m.Claim, show_about: bool = False, number: Optional[int] = None) -> Markup:
        """A claim: what it asserts, the exact quote, who said it, where (anchor `#claim-<id>`)."""
        return self._fragment("claim_card", claim, show_about, number)

    def href(self, record_id: str, anchor: str = "") -> str:
        """The relative URL of any record's page (a claim: its anchor on the page of what it is about)."""
        kind = self.record.kind_of[record_id]
        if kind == "claims":
            return self.href(self.record.claims[record_id].about, layout.claim_anchor(record_id))
        url = self.root + layout.page_url(kind, record_id)
        return f"{url}#{anchor}" if anchor else url

    def site(self, path: str) -> str:
        """A site-relative path made relative to this page."""
        return self.root + path


@functools.lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                      # `{#id}` sets a Markdown heading's id, so Jinja comments are `{## … ##}`.
                      comment_start_string="{##", comment_end_string="##}", finalize=finalize)
    env.filters["md"] = md_inline
    env.filters["fm"] = front_matter_value
    env.filters["summary"] = sanitize_markdown
    env.filters["yaml_str"] = yaml_string
    env.filters["csp_hash"] = csp_hash
    env.filters["preview"] = previews.description
    env.globals.update(cleaning_label=views.cleaning_label, chain_steps=views.chain_steps, form_label=views.form_label,
                       note_label=views.note_label, legend_items=lambda: list(maps.PRECISION_MEANING.items()))
    return env


def _edit_url(record: Record, settings: Settings, record_id: str) -> str:
    location = record.locations[record_id]
    # Percent-encoded: a file name is a contributor's text, and Material prints the edit link unescaped.
    return (f"{settings.repo_url}/blob/{quote(settings.branch, safe='/')}/{quote(location.path, safe='/')}"
            f"#L{location.line}")


def _history_url(record: Record, settings: Settings, record_id: str) -> str:
    return f"{settings.repo_url}/commits/{settings.branch}/{record.locations[record_id].path}"


def _feed_of(record: Record, kind: str, record_id: str) -> Optional[str]:
    has_events = record.roles_by_actor if kind == "actors" else record.events_by_place if kind == "places" else {}
    return scoped_feed_path(kind, record_id) if record_id in has_events else None


ENTITY_PAGES: list[tuple[str, str, str, Callable[[Record, Any], object]]] = [
    ("sources", "source.md.j2", "Source", views.source_view),
    ("actors", "actor.md.j2", "Actor", views.actor_view),
    ("places", "place.md.j2", "Place", views.place_view),
    ("operations", "operation.md.j2", "Operation", views.operation_view),
    ("events", "event.md.j2", "Event", views.event_view),
]
"""Each kind with a page of its own: its template, its label in citations, its view model."""


class _Renderer:
    """Renders pages into a list of outputs, in the order they are asked for."""

    def __init__(self, record: Record, settings: Settings):
        self.record, self.settings = record, settings
        self.env = _environment()
        self.fragments = Fragments(self.env.get_template("_macros.j2").module)
        self.outputs: list[Output] = []
        countries = maps.decode_countries(record.basemap) if record.basemap else []
        self.atlas = maps.Atlas(record.places, countries, {p: layout.page_url("places", p) for p in record.places})

    def page(self, path: str, template: str, **context: Any) -> None:
        current = Page(path, self.record, self.fragments)
        text = self.env.get_template(template).render(page=current, record=self.record, settings=self.settings,
                                                      claims_limit=views.CLAIMS_MADE_LIMIT, **context)
        self.outputs.append(Output(path, text.encode("utf-8")))

    def entity(self, kind: str, template: str, label: str, view: Callable[[Record, Any], object],
               record_id: str) -> None:
        record = self.record
        item = record.of(kind)[record_id]
        cite = citation(self.settings, layout.page_url(kind, record_id), record.name(record_id), label, record_id,
                        record.last_changed.get(record_id))
        changes = views.changes_view(record, record_id, _history_url(record, self.settings, record_id),
                                     _feed_of(record, kind, record_id))
        locator = self.atlas.locator(views.locator_places(item), views.locator_title(record, item))
        shown = view(record, item)
        self.page(layout.page_path(kind, record_id), template, citation=cite,
                  edit_url=_edit_url(record, self.settings, record_id), view=shown, changes=changes,
                  locator=locator)
        for year in getattr(shown, "years", []):
            self.page(f"{layout.page_url(kind, record_id)}{year.year}/index.md", "entity_year.md.j2",
                      name=record.name(record_id), year=year)
        if isinstance(item, m.Source):
            self.outputs.append(Output(layout.page_url(kind, record_id) + Path(item.file).name, record.raw[record_id]))
        for former in item.former_ids:
            self.redirect(kind, former, record_id)

    def map_page(self) -> None:
        self.page(layout.index_path(layout.MAP_FOLDER), "map.md.j2", view=views.map_page(self.record, self.atlas))

    def redirect(self, kind: str, former: str, record_id: str) -> None:
        path = layout.page_url(kind, former) + "index.html"
        text = self.env.get_template("redirect.html.j2").render(
            target=Page(path, self.record).href(record_id), title=self.record.name(record_id),
            canonical=self.settings.site_url + layout.page_url(kind, record_id))
        self.outputs.append(Output(path, text.encode("utf-8")))


Job = tuple[str, tuple, dict]
"""One page to render: a `_Renderer` method, its arguments."""

PARALLEL_FROM = 400
"""Below this many pages a second process costs more than it saves (`workers=None`: decide by size)."""


def entity_jobs(record: Record, ids: set[str]) -> list[Job]:
    """The jobs of these records' own pages, in `jobs_of`'s order (without making every listing's view)."""
    return [("entity", (kind, template, label, view, record_id), {})
            for kind, template, label, view in ENTITY_PAGES for record_id in record.of(kind) if record_id in ids]


def jobs_of(record: Record) -> list[Job]:
    """Every page to render, in a fixed order: the order of the outputs."""
    jobs: list[Job] = [("entity", (kind, template, label, view, record_id), {})
                       for kind, template, label, view in ENTITY_PAGES for record_id in record.of(kind)]

    def page(path: str, template: str, **context: Any) -> None:
        jobs.append(("page", (path, template), context))

    years = views.years(record)
    page(layout.index_path("sources"), "sources_index.md.j2", rows=views.source_rows(record))
    page(layout.index_path("actors"), "actors_index.md.j2", groups=views.actor_groups(record))
    page(layout.index_path("places"), "places_index.md.j2", rows=views.place_rows(record))
    page(layout.index_path("operations"), "operations_index.md.j2", rows=views.operation_rows(record))
    page(layout.index_path("events"), "events_index.md.j2", years=years, titles_limit=views.INDEX_TITLES_LIMIT)
    for year in years:
        page(layout.year_page_path(year.year), "events_year.md.j2", year=year)
    page(layout.index_path("disputes"), "disputes_index.md.j2", rows=views.dispute_rows(record),
         compact_limit=views.DISPUTES_INDEX_LIMIT)
    overview, year_pages = views.who_says_what(record)
    page(layout.WHO_SAYS_WHAT + "index.md", "who_says_what.md.j2", matrix=overview, pages=year_pages)
    for matrix in year_pages:
        page(f"{layout.WHO_SAYS_WHAT}{matrix.path}index.md", "who_says_what.md.j2", matrix=matrix, pages=[])
    entries = views.timeline_entries(record)
    timeline_years = views.timeline_years(entries)
    page(layout.index_path("timeline"), "timeline.md.j2", entries=entries, years=timeline_years)
    for timeline_year in timeline_years:
        page(f"timeline/{timeline_year.year}/index.md", "timeline_year.md.j2", year=timeline_year)
    jobs.append(("map_page", (), {}))
    return jobs


def _run(renderer: _Renderer, jobs: list[Job]) -> list[Output]:
    renderer.outputs = []
    for method, args, context in jobs:
        getattr(renderer, method)(*args, **context)
    return renderer.outputs


Data = Callable[[Record, Settings], list[Output]]
"""The data exports: made beside the pages, by one worker while the others render."""

_forked: tuple[Record, Settings, list[list[Job]], Optional[Data], str] | None = None
"""What a forked worker renders from: inherited from the parent, never pickled; and the folder it hands
its outputs over in (`_hand_over`)."""

_worker: _Renderer | None = None
"""A worker's renderer, kept from run to run: its fragment cache serves all the pages the worker renders."""


Handed = tuple[str, list[tuple[str, int]]]
"""A worker's outputs as it hands them over: the file that holds their bytes, one after the other, and
each one's path and size."""


def _hand_over(outputs: list[Output]) -> Handed:
    # Through a file, not the pool's pipe: at 10,000 events the parent read 360 MB from the pipe at about
    # 100 MB/s, 3.4 CPU-s taken from the workers' two cores; from a file it is a copy (BENCHMARKS.md).
    assert _forked is not None
    handle, name = tempfile.mkstemp(dir=_forked[4])
    with open(handle, "wb") as stream:
        stream.writelines(output.content for output in outputs)
    return name, [(output.path, len(output.content)) for output in outputs]


def _take(handed: Handed) -> list[Output]:
    name, sizes = handed
    with open(name, "rb") as stream:
        outputs = [Output(path, stream.read(size)) for path, size in sizes]
    os.unlink(name)
    return outputs


def _run_chunk(index: int) -> Handed:
    global _worker
    assert _forked is not None
    record, settings, chunks = _forked[:3]
    if _worker is None:
        _worker = _Renderer(record, settings)
    return _hand_over(_run(_worker, chunks[index]))


def _run_data() -> Handed:
    assert _forked is not None
    record, settings, _, data, _ = _forked
    assert data is not None
    return _hand_over(data(record, settings))


def worker_count(pages: int, workers: Optional[int] = None) -> int:
    """How many processes render: `workers` if given, else every usable core once the record is large enough."""
    if workers is not None:
        return max(1, workers)
    if pages < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, cores.usable())


def render_jobs(record: Record, settings: Settings, jobs: list[Job]) -> list[Output]:
    """Some of the pages (the resident preview re-renders only those that can have changed), in one process."""
    return _run(_Renderer(record, settings), jobs)


def render(record: Record, settings: Settings, workers: Optional[int] = None,
           data: Optional[Data] = None) -> list[Output]:
    """Every generated page, in a fixed order, then what `data` makes (the data exports), if given; on several
    cores, in forked processes, with the same bytes.

    Each worker renders contiguous runs of pages (the fragment cache works best on neighbours) and hands
    back their bytes in a file; the parent keeps the order. `data` is one more task, taken first by one worker while
    the others start on the pages. Templates and fragments depend only on the record, so a page's bytes
    do not depend on which process rendered it (tests/test_render_parallel.py)."""
    global _forked
    jobs = jobs_of(record)
    count = worker_count(len(jobs), workers)
    if count == 1:
        return _run(_Renderer(record, settings), jobs) + (data(record, settings) if data else [])
    env = _environment()
    for name in env.list_templates():  # compiled once here, inherited by every worker
        env.get_template(name)
    size = -(-len(jobs) // (count * 8))  # eight runs per worker: an even share of the slow pages
    chunks = [jobs[i:i + size] for i in range(0, len(jobs), size)]
    folder = tempfile.mkdtemp(prefix="build_site-render-")
    _forked = (record, settings, chunks, data, folder)
    try:
        with multiprocessing.get_context("fork").Pool(count) as pool:
            made = pool.apply_async(_run_data) if data else None
            pages = [output for handed in pool.imap(_run_chunk, range(len(chunks))) for output in _take(handed)]
            return pages + (_take(made.get()) if made else [])
    finally:
        _forked = None
        shutil.rmtree(folder, ignore_errors=True)
