"""The few settings a fork changes, read from the environment (the same names mkdocs.yml reads)."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_SITE_URL = "https://derna-sirte-record.github.io/record/"
DEFAULT_REPO_URL = "https://github.com/derna-sirte-record/record"


@dataclass(frozen=True)
class Settings:
    """Where the site and its repository live."""

    site_name: str = "Derna and Sirte, 2012–2018: a record of the sources"
    """Shown in citations."""
    site_url: str = DEFAULT_SITE_URL
    """The site's public address, ending in `/`: canonical links, citations, link previews."""
    repo_url: str = DEFAULT_REPO_URL
    """The repository, for "edit this record" links (`<repo_url>/blob/<branch>/<file>#L<line>`)."""
    branch: str = "main"
    """The branch edit links point at."""

    @classmethod
    def from_environment(cls) -> "Settings":
        site_url = os.environ.get("SITE_URL") or DEFAULT_SITE_URL
        return cls(site_url=site_url.rstrip("/") + "/",
                   repo_url=(os.environ.get("REPO_URL") or DEFAULT_REPO_URL).rstrip("/"),
                   branch=os.environ.get("REPO_BRANCH") or "main")
