"""The site's layout: which folders under docs/ the generator owns, its index pages, and every URL.

The one place these facts live. The generator, the MkDocs hook (overrides/hooks.py), the tests,
the benchmark and `make clean` read them from here. Imports nothing outside the standard library,
so that the hook and the Makefile can use it without the generator's dependencies.
"""

from __future__ import annotations

PAGE_FOLDERS = {"sources": "sources", "actors": "actors", "places": "places", "operations": "operations",
                "events": "events"}
"""Kinds that have a page of their own, and the folder of their URL (claims live on other pages)."""

INDEX_PAGES = ("sources", "actors", "places", "operations", "events", "disputes", "timeline")
"""Folders whose `index.md` is a generated listing page."""

WHO_SAYS_WHAT = "disputes/who-says-what/"
"""The matrix of which document and speaker backs which position in every dispute (paged by year when large)."""

DATA_FOLDER = "data"
"""Where the public data exports go (`site/data/`, documented in docs/data.md)."""

MAP_FOLDER = "map"
"""The map of every located place (`map/`, a permanent URL)."""

FEED_FOLDER = "feeds"
"""The Atom feeds of changes: the record's (`feeds/changes.atom`), each actor's and each place's."""

GENERATED_DIRS = ("sources", "actors", "places", "operations", "events", "disputes", "timeline", DATA_FOLDER,
                  MAP_FOLDER, FEED_FOLDER)
"""Folders under docs/ that belong to the generator (gitignored); nothing else under docs/ is touched."""

MARKER = ".generated"
"""A file in each generated folder: a folder without it was not made by us and is never overwritten."""


def page_url(kind: str, record_id: str) -> str:
    """The permanent site-relative URL of a record's page (`events/<id>/`)."""
    return f"{PAGE_FOLDERS[kind]}/{record_id}/"


def page_path(kind: str, record_id: str) -> str:
    """The generated Markdown file of a record's page, under docs/."""
    return f"{page_url(kind, record_id)}index.md"


def index_path(folder: str) -> str:
    """The generated listing page of a folder, under docs/."""
    return f"{folder}/index.md"


def claim_anchor(claim_id: str) -> str:
    """A claim's anchor on the page of what it is about."""
    return f"claim-{claim_id}"


def registered_url(kind: str, record_id: str) -> str:
    """A record's entry in data/published-urls.txt: its page URL, or for a claim `claims#<id>`."""
    return f"claims#{record_id}" if kind == "claims" else page_url(kind, record_id)


def timeline_scope_path(kind: str, record_id: str) -> str:
    """The small timeline's data of an actor's, operation's or place's page."""
    return f"{DATA_FOLDER}/timeline/{kind}/{record_id}.json"


def is_generated(src_uri: str) -> bool:
    """Whether a page under docs/ (as MkDocs names it) was written by the generator."""
    return src_uri.split("/")[0] in GENERATED_DIRS


def year_page_path(year: int) -> str:
    """The generated page listing one year's events."""
    return f"events/{year}/index.md"


def is_year_page_id(record_id: str) -> bool:
    """Whether an event id would take the URL of a year's page (`events/2016/`)."""
    return len(record_id) == 4 and record_id.isascii() and record_id.isdigit()
