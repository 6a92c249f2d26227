""""Cite this page": the plain-text citation and the CSL-JSON and BibTeX downloads of a record's page.

What reference managers need: an author (the institution the project credits, `Settings.author`), the
title, the website and its publisher, the URL, `issued` (the record's last change) and, filled in by
docs/assets/access-date.js when the reader copies or downloads, the date of access (`accessed`, `urldate`): a
static page cannot know it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Optional
from urllib.parse import quote

from .settings import Settings

_URL_SAFE = ":/,()@=+'"
"""Left as they are in the data: URLs of the citation downloads (legal in an HTML attribute's URL, and shorter
to read). `[ ] { }` are not URL code points, so they are percent-encoded with the rest."""

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
"""BibTeX's month macros: classic styles print them as the month's name, biblatex as it is set up to."""

_TEX_SPECIALS = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
    "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
"""TeX's special characters in text. Replaced in one pass over the text, so the braces of `\\textbackslash{}`
are never escaped again (what escaping the backslash first achieves in a chain of replacements)."""
_TEX_TABLE = str.maketrans(_TEX_SPECIALS)


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
    """The plain-text citation (access-date.js adds the date of access)."""
    csl_href: str
    """The CSL-JSON download, as a data: URL."""
    bib_href: str
    """The BibTeX download, as a data: URL."""


def tex_escape(text: str) -> str:
    """`text` as TeX reads it back: its special characters escaped."""
    return text.translate(_TEX_TABLE)


def csl_item(settings: Settings, url: str, title: str, kind_label: str, record_id: str,
             changed: Optional[str]) -> dict[str, object]:
    """The CSL-JSON item of a record's page (valid against the CSL 1.0.2 `csl-data.json` schema)."""
    item: dict[str, object] = {
        "id": record_id, "type": "webpage", "title": title, "author": [{"literal": settings.author}],
        "container-title": settings.site_name, "publisher": settings.publisher, "genre": f"{kind_label} record",
        "URL": url,
    }
    if changed:
        item["issued"] = {"date-parts": [[int(part) for part in changed.split("-")]]}
    return item


def bibtex_entry(settings: Settings, url: str, title: str, kind_label: str, record_id: str,
                 changed: Optional[str]) -> str:
    """The BibTeX entry of a record's page: `@misc`, read by BibTeX's classic styles and by biblatex."""
    fields = [
        # Double braces: the author is one institution (no "and" splits it), and the title keeps its capitals.
        ("author", f"{{{{{tex_escape(settings.author)}}}}}"),
        ("title", f"{{{{{tex_escape(title)}}}}}"),
        ("howpublished", f"{{{tex_escape(settings.site_name)}}}"),
        ("organization", f"{{{tex_escape(settings.publisher)}}}"),
    ]
    if changed:
        year, *month_day = changed.split("-")
        # `year` and `month` for the classic styles (which print no biblatex `date`), `date` for biblatex.
        fields.append(("year", f"{{{year}}}"))
        if month_day:
            fields.append(("month", _MONTHS[int(month_day[0]) - 1]))
        fields.append(("date", f"{{{changed}}}"))
    fields += [("url", f"{{{url}}}"), ("note", f"{{{tex_escape(kind_label)} record}}")]
    return f"@misc{{{record_id},\n" + ",\n".join(f"  {name} = {value}" for name, value in fields) + "\n}\n"


def citation(settings: Settings, page_url: str, title: str, kind_label: str, record_id: str,
             changed: Optional[str]) -> Citation:
    """The citation of a record's page at `page_url` (site-relative)."""
    url = settings.site_url + page_url
    text = (f"{settings.author}. “{title}”. {settings.site_name}. {settings.publisher}."
            + (f" Record last changed {changed}." if changed else "") + f" {url}")
    csl = csl_item(settings, url, title, kind_label, record_id, changed)
    bib = bibtex_entry(settings, url, title, kind_label, record_id, changed)
    # The downloads are data: URLs in the page itself: one file per page less to write, copy and serve.
    csl_json = json.dumps([csl], ensure_ascii=False, separators=(",", ":"))
    return Citation(record_id, url, changed, text,
                    "data:application/vnd.citationstyles.csl+json;charset=utf-8," + quote(csl_json, safe=_URL_SAFE),
                    "data:application/x-bibtex;charset=utf-8," + quote(bib, safe=_URL_SAFE))
