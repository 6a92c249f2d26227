""""Cite this page" in Chromium: the two downloads are in the page itself, and save the right files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

EVENT = "events/derna-shura-council-formed/"


@pytest.mark.parametrize("label, filename", [("CSL-JSON", "derna-shura-council-formed.json"),
                                             ("BibTeX", "derna-shura-council-formed.bib")])
def test_citation_downloads_save_the_reference(page, site_server, site_dir: Path, label, filename):
    assert (site_dir / EVENT / "index.html").is_file(), f"the real record has no page {EVENT}"
    page.goto(site_server + EVENT)
    with page.expect_download() as download:
        page.locator(".cite-box a", has_text=label).click()
    saved = download.value
    assert saved.suggested_filename == filename
    content = Path(saved.path()).read_text(encoding="utf-8")
    url = "https://derna-sirte-record.github.io/record/" + EVENT
    if filename.endswith(".json"):
        reference = json.loads(content)[0]
        assert (reference["id"], reference["type"], reference["URL"]) == ("derna-shura-council-formed", "webpage", url)
        assert reference["title"] == page.locator("h1").inner_text().strip().rstrip("¶")  # less the heading's permalink
    else:
        assert content.startswith("@misc{derna-shura-council-formed,\n") and f"  url = {{{url}}},\n" in content
    assert page.probe.errors == [] and page.probe.offsite == []
