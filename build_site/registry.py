"""The committed list of every URL ever published (`data/published-urls.txt`)."""

from __future__ import annotations

from pathlib import Path

from .loader import REGISTRY_FILE
from .pipeline import check
from .validate import claim_url, page_url

HEADER = """\
# Every URL this site has ever published, one per line (claims as claims#<id>).
# Maintained by `make register`; never delete a line. A record whose id changes keeps its old id
# in `former_ids`, which publishes a redirect page, and `make check` fails if a URL here disappears.
"""


def register(root: Path) -> int:
    """Add every current URL not yet listed; return how many were added. Existing lines are kept."""
    checked = check(root)
    current = {claim_url(i) if kind == "claims" else page_url(kind, i)
               for kind, records in checked.models.items() for i in records}
    path = root / REGISTRY_FILE
    listed = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []
    urls = {line for line in listed if line and not line.startswith("#")}
    added = current - urls
    if added or not path.exists():
        path.write_text(HEADER + "".join(f"{url}\n" for url in sorted(urls | current)), encoding="utf-8")
    return len(added)
