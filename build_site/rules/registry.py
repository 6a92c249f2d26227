"""Published URLs: every URL ever published still leads somewhere; new ones get registered."""

from __future__ import annotations

from typing import Iterator

from .. import layout
from ..errors import Location, Problem
from ..loader import REGISTRY_FILE
from ..registry import current_urls
from . import Parsed, suggest


def removed_lines(registry: list[tuple[str, Location]], history: dict[str, str]) -> Iterator[Problem]:
    """A URL the registry held in an earlier commit but no longer lists: a published URL never disappears,
    even when its record and its line are removed together."""
    listed = {url for url, _ in registry}
    for url, commit in sorted(history.items()):
        if url not in listed:
            record_id = url.rstrip("/").split("/")[-1].split("#")[-1]
            removed = f", removed in commit {commit}" if commit else ""
            yield Problem(Location(REGISTRY_FILE), (
                f"published URL '{url}': expected every URL ever listed here to stay listed, got it missing{removed} "
                f"(a published URL never disappears: put the line back, and restore its record, or add "
                f"`former_ids: [{record_id}]` to the record that replaces it)"))


def published_urls(parsed: Parsed, registry: list[tuple[str, Location]]) -> Iterator[Problem]:
    """A registered URL with no record and no redirect is an error; an unregistered one a warning."""
    current = current_urls(parsed.records)
    former = {layout.registered_url(kind, old) for kind, records in parsed.records.kinds()
              for record in records.values() for old in record.former_ids}
    for url, where in registry:
        record_id = url.rstrip("/").split("/")[-1].split("#")[-1]
        if url not in current and url not in former and record_id not in parsed.invalid:
            hint = suggest(record_id, parsed.kind_of).replace(" (", "; ").rstrip(")")
            yield Problem(where, (
                f"published URL '{url}': expected a record with this id, or listing it in `former_ids` of the "
                f"record that replaces it, got neither (a published URL never disappears; restore the id, or "
                f"add `former_ids: [{record_id}]` to its new record{hint})"))
    missing = sorted(current - {url for url, _ in registry})
    if missing:
        shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
        yield Problem(Location(REGISTRY_FILE), (
            f"expected every published URL to be registered, got {len(missing)} not yet listed: {shown} "
            f"(run `make register`)"), "warning")
