""""Cite this page": the plain-text citation and the CSL-JSON and BibTeX downloads of a record's page."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Optional
from urllib.parse import quote

from .settings import Settings

_URL_SAFE = ":/,{}[]()@=+'"
"""Left as they are in the data: URLs of the citation downloads (legal there, and shorter to read)."""


@dataclass(frozen=True)
class Citation:
    """What the cite box of one page shows."""

    id: str
    """The record's id: the downloads' file names."""
    url: str
    """The page's permanent public URL."""
    changed: Optional[str]
    """When the record last changed (YYYY-MM-DD), where known."""
    text: str
    """The plain-text citation."""
    csl_href: str
    """The CSL-JSON download, as a data: URL."""
    bib_href: str
    """The BibTeX download, as a data: URL."""


def _bibtex_escape(title: str) -> str:
    escaped = title.replace("\\", "\\textbackslash{}")
    for char in "{}&%$#_":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def citation(settings: Settings, page_url: str, title: str, kind_label: str, record_id: str,
             changed: Optional[str]) -> Citation:
    """The citation of a record's page at `page_url` (site-relative)."""
    url = settings.site_url + page_url
    text = f"“{title}”. {settings.site_name}." + (f" Record last changed {changed}." if changed else "") + f" {url}"
    csl: dict[str, object] = {"id": record_id, "type": "webpage", "title": title,
                              "container-title": settings.site_name, "URL": url}
    if changed:
        csl["issued"] = {"date-parts": [[int(part) for part in changed.split("-")]]}
    bib = (f"@misc{{{record_id},\n  title = {{{_bibtex_escape(title)}}},\n  howpublished = {{{settings.site_name}}},\n"
           f"  url = {{{url}}},\n" + (f"  date = {{{changed}}},\n" if changed else "") +
           f"  note = {{{kind_label} record}}\n}}\n")
    # The downloads are data: URLs in the page itself: one file per page less to write, copy and serve.
    csl_json = json.dumps([csl], ensure_ascii=False, separators=(",", ":"))
    return Citation(record_id, url, changed, text,
                    "data:application/vnd.citationstyles.csl+json;charset=utf-8," + quote(csl_json, safe=_URL_SAFE),
                    "data:application/x-bibtex;charset=utf-8," + quote(bib, safe=_URL_SAFE))
