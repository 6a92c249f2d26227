"""The committed list of every URL ever published (`data/published-urls.txt`)."""

from __future__ import annotations

from . import layout
from . import model as m

HEADER = """\
# Every URL this site has ever published, one per line (claims as claims#<id>).
# Maintained by `make register`; never delete a line. A record whose id changes keeps its old id
# in `former_ids`, which publishes a redirect page, and `make check` fails if a URL here disappears.
"""


def current_urls(records: m.Records) -> set[str]:
    """The registry entry of every current record."""
    return {layout.registered_url(kind, record_id) for kind, found in records.kinds() for record_id in found}


def updated(listed: list[str], records: m.Records) -> tuple[str, int]:
    """The registry's new text, with every current URL not yet listed added, and how many were added.
    `listed` is its current lines (empty if there is none); no line is ever removed."""
    urls = {line.strip() for line in listed if line.strip() and not line.strip().startswith("#")}
    current = current_urls(records)
    return HEADER + "".join(f"{url}\n" for url in sorted(urls | current)), len(current - urls)
