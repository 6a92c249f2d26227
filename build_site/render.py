"""Record → [(path under docs/, content)], through Jinja2 templates in templates/.

Everything from YAML is escaped: HTML-escaped in HTML blocks (Jinja autoescape), HTML- and
Markdown-escaped in Markdown headings (`md`), sanitized by nh3 where it is Markdown (`summary`).
No template is ever built from content.
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional
from urllib.parse import quote

import markdown as markdown_lib
import nh3
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import model as m
from .link import Record
from .settings import Settings
from .validate import HIDDEN_ACTIONS, page_url

TEMPLATES = Path(__file__).parent / "templates"

KIND_LABELS = {
    "armed-group": "Armed groups", "government": "Governments and authorities", "person": "People",
    "media-outlet": "Media outlets and agencies", "international-body": "International bodies",
    "political-body": "Political bodies",
}
KIND_SINGULAR = {
    "armed-group": "Armed group", "government": "Government or authority", "person": "Person",
    "media-outlet": "Media outlet or agency", "international-body": "International body",
    "political-body": "Political body",
}
ROLE_LABELS = {
    "attacker": "Attacker", "target": "Target", "claimed-responsibility": "Claimed responsibility",
    "accused": "Accused", "denied": "Denied", "mediator": "Mediator", "participant": "Participant",
    "defender": "Defender", "victim": "Victim", "commander": "Commander", "spokesperson": "Spokesperson",
    "condemned": "Condemned it", "reported": "Reported it",
}
RELATION_LABELS = {
    "member-of": "member of", "commands": "commands", "allied-with": "allied with", "opposed-to": "opposed to",
    "speaks-for": "speaks for", "part-of": "part of", "successor-of": "successor of",
}
INVERSE_RELATION = {
    "member-of": "has as member", "commands": "commanded by", "allied-with": "allied with",
    "opposed-to": "opposed by", "speaks-for": "spokesperson", "part-of": "includes", "successor-of": "succeeded by",
}
SOURCE_KIND_LABELS = {
    "news-report": "News report", "blog-post": "Blog post", "blog-posts": "Blog posts (several, run together)",
    "opinion": "Opinion piece", "documentary-transcript": "Documentary (web page and transcript)",
    "press-release": "Press release",
}
ACTION_LABELS = {
    "debris": "Scraping debris (hidden)", "duplicate": "Repeated paragraph (hidden)", "garbled": "Garbled passage",
    "source-error": "Error in the source", "note": "Editor's note",
}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
SAFE_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "br"}


@dataclass(frozen=True)
class Output:
    """One generated file: its path under docs/ and its content."""

    path: str
    content: bytes


def md_inline(text: str) -> Markup:
    """Text for a Markdown inline context (a heading): HTML-escaped, Markdown punctuation backslash-escaped."""
    escaped = html.escape(text, quote=False)  # quotes are harmless in text, and the TOC would show &#x27;
    escaped = re.sub(r"([\\`*_{}\[\]()#+.!|~-])", r"\\\1", escaped)
    return Markup(escaped)


def front_matter_value(text: str) -> Markup:
    """A front-matter string: HTML-escaped (Material prints meta values raw), then a JSON/YAML string."""
    return Markup(json.dumps(html.escape(text, quote=True)))


_MARKDOWN = markdown_lib.Markdown(output_format="html")
"""One converter, reset before each use: building one per summary took half the conversion time."""


_MARKDOWN_SYNTAX = re.compile(r"[\\`*_\[\]<>&\t\r\x02\x03]|^[^\S\n]|[^\S\n]$|^(?:[#>=+|-]|\d+[.)])", re.MULTILINE)
"""What Markdown could read as syntax in a text: without any of it, a text is plain paragraphs."""


def _plain_paragraphs(text: str) -> str:
    """What Python-Markdown makes of a text without any syntax (`_MARKDOWN_SYNTAX`), at a fraction of its cost."""
    paragraphs = (block.strip("\n") for block in re.split(r"\n\n+", text.strip("\n")))
    return "\n".join(f"<p>{block}</p>" for block in paragraphs if block)


def _clean(rendered: str) -> Markup:
    return Markup(nh3.clean(rendered, tags=SAFE_TAGS, attributes={"a": {"href", "title"}},
                            url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer nofollow"))


def sanitize_markdown(text: str) -> Markup:
    """Contributor Markdown → HTML with only harmless tags and http(s)/mailto/relative links."""
    if _MARKDOWN_SYNTAX.search(text):
        return _clean(_MARKDOWN.reset().convert(text))
    return _clean(_plain_paragraphs(text))  # most summaries are plain prose


class Fragments:
    """Macros of `_macros.j2` whose output depends on the page only through its depth, rendered once.

    A link to an actor, an event's line in a list, a claim card: the same HTML on every page at the
    same depth (all entity pages are two levels down), so each is rendered once per depth and reused.
    """

    def __init__(self, macros):
        self.macros = macros
        self.rendered: dict[tuple, Markup] = {}

    def get(self, page: "Page", name: str, *args) -> Markup:
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

    def link(self, record_id: str) -> Markup:
        """`<a>` to a record's page, named."""
        return self.fragments.get(self, "link", record_id)

    def event_item(self, event: m.Event) -> Markup:
        """An event's `<li>` in an event list: date, linked title, disputed badge."""
        return self.fragments.get(self, "event_item", event)

    def claim_card(self, claim: m.Claim, show_about: bool = False, number: Optional[int] = None) -> Markup:
        """A claim: what it asserts, the exact quote, who said it, where (anchor `#claim-<id>`)."""
        return self.fragments.get(self, "claim_card", claim, show_about, number)

    def href(self, record_id: str, anchor: str = "") -> str:
        """The relative URL of any record's page (a claim: its anchor on the page of what it is about)."""
        record = self.record
        kind = record.kind_of[record_id]
        if kind == "claims":
            claim = record.claims[record_id]
            return self.href(claim.about, f"claim-{record_id}")
        url = self.root + page_url(kind, record_id)
        return f"{url}#{anchor}" if anchor else url

    def site(self, path: str) -> str:
        """A site-relative path made relative to this page."""
        return self.root + path


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                      # `{#id}` sets a Markdown heading's id, so Jinja comments are `{## … ##}`.
                      comment_start_string="{##", comment_end_string="##}")
    env.filters["md"] = md_inline
    env.filters["fm"] = front_matter_value
    env.filters["summary"] = sanitize_markdown
    env.filters["yaml_str"] = lambda value: Markup(json.dumps(str(value)))
    env.globals.update(KIND_LABELS=KIND_LABELS, KIND_SINGULAR=KIND_SINGULAR, ROLE_LABELS=ROLE_LABELS, RELATION_LABELS=RELATION_LABELS,
                       INVERSE_RELATION=INVERSE_RELATION, SOURCE_KIND_LABELS=SOURCE_KIND_LABELS,
                       ACTION_LABELS=ACTION_LABELS, MONTHS=MONTHS)
    return env


def _edit_url(record: Record, settings: Settings, record_id: str) -> str:
    location = record.locations[record_id]
    return f"{settings.repo_url}/blob/{settings.branch}/{location.path}#L{location.line}"


def _source_view(record: Record, source: m.Source) -> list[dict]:
    """The source's paragraphs with their parts, cleaning notes and the claims citing each."""
    notes: dict[int, list[m.Cleaning]] = defaultdict(list)
    for note in source.cleaning:
        for number in note.paragraphs:
            notes[number].append(note)
    cited: dict[int, list[m.Claim]] = defaultdict(list)
    for claim in record.claims_by_source.get(source.id, []):
        cited[record.quotes[claim.id].paragraph].append(claim)
    parts = {part.first_paragraph: part for part in source.parts}
    view = []
    for paragraph in record.paragraphs[source.id]:
        paragraph_notes = notes.get(paragraph.number, [])
        view.append({
            "paragraph": paragraph,
            "part": parts.get(paragraph.number),
            "notes": paragraph_notes,
            "hidden": any(note.action in HIDDEN_ACTIONS for note in paragraph_notes),
            "claims": cited.get(paragraph.number, []),
        })
    return view


_URL_SAFE = ":/,{}[]()@=+'"
"""Left as they are in the data: URLs of the citation downloads (legal there, and shorter to read)."""


def _citation(record: Record, settings: Settings, page_path: str, title: str, kind: str,
              record_id: str) -> dict:
    url = settings.site_url + page_path.removesuffix("index.md")
    changed = record.last_changed.get(record_id)
    text = f"“{title}”. {settings.site_name}." + (f" Record last changed {changed}." if changed else "") + f" {url}"
    csl = {"id": record_id, "type": "webpage", "title": title, "container-title": settings.site_name,
           "URL": url}
    if changed:
        csl["issued"] = {"date-parts": [[int(part) for part in changed.split("-")]]}
    bib_title = title.replace("\\", "\\textbackslash{}")
    for char in "{}&%$#_":
        bib_title = bib_title.replace(char, "\\" + char)
    bib = (f"@misc{{{record_id},\n  title = {{{bib_title}}},\n  howpublished = {{{settings.site_name}}},\n"
           f"  url = {{{url}}},\n" + (f"  date = {{{changed}}},\n" if changed else "") +
           f"  note = {{{kind} record}}\n}}\n")
    # The downloads are data: URLs in the page itself: one file per page less to write, copy and serve.
    csl_json = json.dumps([csl], ensure_ascii=False, separators=(",", ":"))
    return {"id": record_id, "url": url, "changed": changed, "text": text,
            "csl_href": "data:application/vnd.citationstyles.csl+json;charset=utf-8," + quote(csl_json, safe=_URL_SAFE),
            "bib_href": "data:application/x-bibtex;charset=utf-8," + quote(bib, safe=_URL_SAFE)}


def render(record: Record, settings: Settings) -> list[Output]:
    """Every generated page, in a fixed order."""
    env = _environment()
    fragments = Fragments(env.get_template("_macros.j2").module)
    outputs: list[Output] = []

    def page(path: str, template: str, **context) -> Page:
        current = Page(path, record, fragments)
        text = env.get_template(template).render(page=current, record=record, settings=settings, **context)
        outputs.append(Output(path, text.encode("utf-8")))
        return current

    entity_pages: list[tuple[str, str, str, Callable[[str], dict]]] = [
        ("sources", "source.md.j2", "Source", lambda i: {"source": record.sources[i],
                                                          "view": _source_view(record, record.sources[i])}),
        ("actors", "actor.md.j2", "Actor", lambda i: {"actor": record.actors[i]}),
        ("places", "place.md.j2", "Place", lambda i: {"place": record.places[i]}),
        ("operations", "operation.md.j2", "Operation", lambda i: {"operation": record.operations[i]}),
        ("events", "event.md.j2", "Event", lambda i: {"event": record.events[i]}),
    ]
    for kind, template, label, context in entity_pages:
        for record_id in getattr(record, kind):
            folder = f"{kind}/{record_id}"
            path = f"{folder}/index.md"
            citation = _citation(record, settings, path, record.name(record_id), label, record_id)
            page(path, template, citation=citation, edit_url=_edit_url(record, settings, record_id),
                 **context(record_id))
            if kind == "sources":
                source = record.sources[record_id]
                outputs.append(Output(f"{folder}/{Path(source.file).name}", record.raw[record_id]))
            for former in getattr(getattr(record, kind)[record_id], "former_ids", []):
                redirect = Page(f"{kind}/{former}/index.html", record)
                target = redirect.href(record_id)
                text = env.get_template("redirect.html.j2").render(target=target, title=record.name(record_id),
                                                                   canonical=settings.site_url + page_url(kind, record_id))
                outputs.append(Output(f"{kind}/{former}/index.html", text.encode("utf-8")))

    by_month: dict[int, dict[tuple[int, int], list[m.Event]]] = defaultdict(lambda: defaultdict(list))
    for event in record.timeline:
        start = record.dates[event.date].start
        by_month[start.year][(start.year, start.month)].append(event)
    page("sources/index.md", "sources_index.md.j2")
    page("actors/index.md", "actors_index.md.j2")
    page("places/index.md", "places_index.md.j2")
    page("operations/index.md", "operations_index.md.j2")
    page("events/index.md", "events_index.md.j2", by_year=by_month)
    years = sorted(by_month)
    for number, year in enumerate(years):
        page(f"events/{year}/index.md", "events_year.md.j2", year=year, months=by_month[year],
             previous_year=years[number - 1] if number else None,
             next_year=years[number + 1] if number + 1 < len(years) else None)
    page("disputes/index.md", "disputes_index.md.j2")
    page("timeline/index.md", "timeline.md.j2")
    return outputs
