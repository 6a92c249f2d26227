"""Record → Atom feeds of new and changed events and disputes (feedgen), under `feeds/`.

Each entry is an event, dated by the last commit that touched the event's own lines and first
published at its first (history.py); newest first. Without git history an event is dated by when it
happened, so the feed stays deterministic: no wall-clock time anywhere. One feed for the whole
record, and one per actor and per place with events, each holding the most recent entries only.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Sequence

from feedgen.feed import FeedGenerator

from . import model as m
from .layout import FEED_FOLDER, page_url
from .link import Record
from .settings import Settings
from .writer import Output

CHANGES_FEED = f"{FEED_FOLDER}/changes.atom"
"""The feed of the whole record, announced on every page (overrides/main.html)."""
RECORD_LIMIT, SCOPED_LIMIT = 100, 20
"""How many entries the record's feed and each actor's or place's feed hold: the most recent."""


def scoped_feed_path(kind: str, record_id: str) -> str:
    """The feed of one actor's or place's events."""
    return f"{FEED_FOLDER}/{kind}/{record_id}.atom"


def _moment(day: str) -> datetime:
    return datetime.combine(date.fromisoformat(day), datetime.min.time(), timezone.utc)


def _dates(record: Record, event: m.Event) -> tuple[str, str]:
    """(first published, last changed) as YYYY-MM-DD."""
    commits = record.changes.get(event.id, ())
    if commits:
        return commits[-1].date, commits[0].date
    happened = record.dates[event.date].start.isoformat()
    return happened, happened


def newest_events(record: Record, events: Sequence[m.Event], limit: int) -> list[tuple[m.Event, str, str]]:
    """Events with their dates, most recently changed first (then by id), at most `limit`."""
    dated = [(event, *_dates(record, event)) for event in events]
    dated.sort(key=lambda item: item[0].id)
    dated.sort(key=lambda item: item[2], reverse=True)
    return dated[:limit]


def _feed(record: Record, settings: Settings, path: str, title: str, page: str,
          events: Sequence[m.Event], limit: int) -> Output:
    entries = newest_events(record, events, limit)
    feed = FeedGenerator()
    feed.id(settings.site_url + path)
    feed.title(title)
    feed.subtitle(f"New and changed events and disputes in “{settings.site_name}”, newest first.")
    feed.author({"name": "The editors of the record"})
    feed.link(href=settings.site_url + path, rel="self", type="application/atom+xml")
    feed.link(href=settings.site_url + page, rel="alternate", type="text/html")
    feed.language("en")
    feed.generator("build_site")
    feed.updated(_moment(max((changed for _, _, changed in entries), default="1970-01-01")))
    for event, published, changed in entries:
        url = settings.site_url + page_url("events", event.id)
        entry = feed.add_entry(order="append")
        entry.id(url)
        entry.title(event.title + (" (disputed)" if event.status == "disputed" else ""))
        entry.link(href=url, rel="alternate", type="text/html")
        entry.published(_moment(published))
        entry.updated(_moment(changed))
        entry.summary(f"{record.dates[event.date].label}. {event.summary}")
        entry.category(term=event.status)
    return Output(path, feed.atom_str(pretty=True))


def feeds(record: Record, settings: Settings) -> list[Output]:
    """The record's feed, then one per actor and per place that has events, in a fixed order."""
    outputs = [_feed(record, settings, CHANGES_FEED, f"Changes — {settings.site_name}", "events/", record.timeline,
                     RECORD_LIMIT)]
    for actor_id, roles in sorted(record.roles_by_actor.items()):
        events = list({role.event.id: role.event for role in roles}.values())
        outputs.append(_feed(record, settings, scoped_feed_path("actors", actor_id),
                             f"Changes: {record.actors[actor_id].name}", page_url("actors", actor_id), events,
                             SCOPED_LIMIT))
    for place_id, events in sorted(record.events_by_place.items()):
        outputs.append(_feed(record, settings, scoped_feed_path("places", place_id),
                             f"Changes: {record.places[place_id].name}", page_url("places", place_id), events,
                             SCOPED_LIMIT))
    return outputs
