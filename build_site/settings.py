"""The few settings a fork changes, read from the environment (the same names mkdocs.yml reads)."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_SITE_URL = "https://derna-sirte-record.github.io/record/"
DEFAULT_REPO_URL = "https://github.com/derna-sirte-record/record"
DEFAULT_PUBLISHER = "Derna and Sirte record project"
DEFAULT_AUTHOR = "Derna and Sirte record editors"


@dataclass(frozen=True)
class Settings:
    """Where the site and its repository live, and whom its citations credit."""

    site_name: str = "Derna and Sirte, 2012–2018: a record of the sources"
    """Shown in citations, as the website a page is part of."""
    site_url: str = DEFAULT_SITE_URL
    """The site's public address, ending in `/`: canonical links, citations, link previews, robots.txt."""
    repo_url: str = DEFAULT_REPO_URL
    """The repository, for "edit this record" links (`<repo_url>/blob/<branch>/<file>#L<line>`)."""
    branch: str = "main"
    """The branch edit links point at."""
    publisher: str = DEFAULT_PUBLISHER
    """Who publishes the site (`SITE_PUBLISHER`): the publisher of every citation."""
    author: str = DEFAULT_AUTHOR
    """Whom citations credit as the author of a record's page (`SITE_AUTHOR`): an institution, written as
    one name (never split into given and family names)."""

    @classmethod
    def from_environment(cls) -> "Settings":
        site_url = os.environ.get("SITE_URL") or DEFAULT_SITE_URL
        return cls(site_url=site_url.rstrip("/") + "/",
                   repo_url=(os.environ.get("REPO_URL") or DEFAULT_REPO_URL).rstrip("/"),
                   branch=os.environ.get("REPO_BRANCH") or "main",
                   publisher=os.environ.get("SITE_PUBLISHER") or DEFAULT_PUBLISHER,
                   author=os.environ.get("SITE_AUTHOR") or DEFAULT_AUTHOR)
