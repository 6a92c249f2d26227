"""Generated pages skip Python-Markdown but for their headings (build_site/passthrough.py, overrides/html_pages.py).

The proof: the same workspace built with the hook (the default, `mkdocs.yml`) and without it (every page
through Markdown, as before) gives the same site, every HTML page equal up to whitespace between tags and
every other file byte-identical, for the real record and a synthetic one. MkDocs still checks every link
from a hand-written page into a generated one, claim anchors included, and contributor text that starts a
line with `#` never becomes a heading.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ENV, FIXTURE, ROOT, build_all, make_workspace, run_cli

sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "overrides"))
from synthetic_record import write_record  # noqa: E402

FULL_MARKDOWN = "full-markdown.yml"
"""A configuration that is mkdocs.yml without the pass-through hook: what the build was before it."""


def build_full_markdown(root: Path, site: Path) -> subprocess.CompletedProcess:
    (root / FULL_MARKDOWN).write_text("INHERIT: mkdocs.yml\nhooks:\n  - overrides/hooks.py\n", encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", FULL_MARKDOWN,
                           "--site-dir", str(site)], capture_output=True, text=True, env=ENV, cwd=root)


def _between_tags(html: bytes) -> bytes:
    return re.sub(rb">\s+<", b"><", html)


def assert_same_site(ours: Path, full: Path) -> int:
    """Every file of both sites, HTML up to whitespace between tags: the number of HTML pages compared.
    (The search index, pagefind/, is made after MkDocs, by `make site` and the search tests: not MkDocs's output.)"""
    files = {p.relative_to(ours).as_posix() for p in ours.rglob("*")
             if p.is_file() and p.relative_to(ours).parts[0] != "pagefind"}
    assert files == {p.relative_to(full).as_posix() for p in full.rglob("*") if p.is_file()}
    pages = 0
    for relative in sorted(files):
        mine, theirs = (ours / relative).read_bytes(), (full / relative).read_bytes()
        if relative.endswith(".html"):
            pages += 1
            mine, theirs = _between_tags(mine), _between_tags(theirs)
        assert mine == theirs, f"{relative} differs between the pass-through and the full Markdown build"
    return pages


def test_the_real_record_builds_the_same_pages_both_ways(built_site: Path, tmp_path: Path):
    built = build_full_markdown(built_site.parent, tmp_path / "full")
    assert built.returncode == 0 and "WARNING" not in built.stderr, built.stderr
    assert assert_same_site(built_site, tmp_path / "full") > 100


def test_a_synthetic_record_builds_the_same_pages_both_ways(tmp_path: Path):
    root = make_workspace(tmp_path / "repo", FIXTURE)
    write_record(root, 150, seed=11)
    site = build_all(root)
    built = build_full_markdown(root, tmp_path / "full")
    assert built.returncode == 0 and "WARNING" not in built.stderr, built.stderr
    assert assert_same_site(site, tmp_path / "full") > 150


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> Path:
    """The real record, an actor's description starting lines with `#`, a hand-written page linking to claims."""
    root = make_workspace(tmp_path_factory.mktemp("passthrough") / "repo")
    actors = root / "data" / "actors" / "actors.yaml"
    text = actors.read_text(encoding="utf-8")
    first = re.search(r"^  description: The command of the Libyan National Army.*$", text, flags=re.M)
    assert first
    actors.write_text(text[:first.start()] + '  description: "Line one.\\n# Not a heading\\n   ## Nor this"'
                      + text[first.end():], encoding="utf-8")
    assert run_cli(root, "build").returncode == 0
    return root


def test_contributor_text_never_makes_a_heading(edited: Path, tmp_path: Path):
    page = (edited / "docs" / "actors" / "lna-general-command" / "index.md").read_text(encoding="utf-8")
    assert "&#35; Not a heading" in page and not re.search(r"^\s*#+ N(ot|or)", page, flags=re.M)
    site = build_all(edited)
    html = (site / "actors" / "lna-general-command" / "index.html").read_text(encoding="utf-8")
    assert "Not a heading" in html and not re.search(r"<h\d[^>]*>[^<]*N(ot a heading|or this)", html)
    built = build_full_markdown(edited, tmp_path / "full")
    assert built.returncode == 0, built.stderr
    assert assert_same_site(site, tmp_path / "full") > 100


def test_links_into_generated_pages_are_still_checked(edited: Path, tmp_path: Path):
    claim = re.search(r'id="(claim-[a-z0-9-]+)"',
                      (edited / "docs" / "events" / "mig-23-downed-derna" / "index.md").read_text(encoding="utf-8"))
    assert claim
    page = edited / "docs" / "links.md"
    page.write_text(f"# Links\n\n[a claim](events/mig-23-downed-derna/index.md#{claim[1]})\n", encoding="utf-8")
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "a")],
                           capture_output=True, text=True, env=ENV, cwd=edited)
    assert built.returncode == 0 and "WARNING" not in built.stderr, built.stderr
    page.write_text("# Links\n\n[gone](events/mig-23-downed-derna/index.md#claim-no-such-claim)\n", encoding="utf-8")
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "b")],
                           capture_output=True, text=True, env=ENV, cwd=edited)
    assert built.returncode != 0
    assert "links.md" in built.stderr and "anchor '#claim-no-such-claim'" in built.stderr, built.stderr
    page.unlink()


def _converter():
    """The site's Markdown as MkDocs configures it, and a count of what it is asked to convert."""
    import markdown
    from markdown.extensions.toc import nest_toc_tokens
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    asked: list[str] = []

    def convert(text):
        asked.append(text)
        md.reset()
        return md.convert(text), md.toc_tokens

    return convert, nest_toc_tokens, asked


def test_each_heading_with_its_own_id_is_converted_once_and_the_pages_come_out_the_same(built_site: Path):
    from build_site.passthrough import Headings, split

    convert, nest, asked = _converter()
    headings = Headings(convert, nest)
    reference, _, _ = _converter()
    docs = built_site.parent / "docs"
    entities = [path for path in sorted(docs.glob("*/*/index.md")) if path.parts[-3] in ("events", "actors")
                and not path.parent.name.isdigit()]  # not the year pages, whose titles have no id of their own
    pages = entities[:40] + entities[-20:]
    bodies = [path.read_text(encoding="utf-8").split("\n---\n", 1)[1] for path in pages]
    for path, body in zip(pages, bodies, strict=True):
        made, toc = headings.page(body)
        whole, blocks = split(body)  # every heading of the page in one conversion: what MkDocs would do
        expected_html, expected_toc = reference(whole)
        for number, block in enumerate(blocks):
            expected_html = expected_html.replace(f"<!-- build_site:html {number} -->", block)
        assert made == expected_html, path
        assert toc == expected_toc, path
    lines = [line for body in bodies for line in re.findall(r"^#{1,6} .*$", body, flags=re.M)]
    assert len(lines) > 3 * len(pages)
    assert sorted(asked) == sorted(set(lines)), "each distinct heading converted alone, once; no page whole"
    asked.clear()
    for body in bodies:  # a second time: every heading is known
        headings.page(body)
    assert asked == []


def test_a_page_whose_headings_depend_on_each_other_is_converted_whole():
    from build_site.passthrough import Headings

    convert, nest, asked = _converter()
    headings = Headings(convert, nest)
    # No id written out: toc makes the ids, unique on the page (`events`, `events_1`): not one heading at a time.
    made, toc = headings.page("# Events\n\n<p>a</p>\n\n## Events\n\n<p>b</p>\n")
    assert '<h1 id="events">' in made and '<h2 id="events_1">' in made and "<p>a</p>\n\n<h2" in made
    assert [(t["id"], [c["id"] for c in t["children"]]) for t in toc] == [("events", ["events_1"])]
    assert any("<!-- build_site:html 0 -->" in text for text in asked)
    # The same id twice: the page is converted whole, as Markdown leaves it.
    asked.clear()
    made, _ = headings.page("## A {#a}\n\n<p>x</p>\n\n## B {#a}\n")
    assert made.count('id="a"') == 2 and any("## B {#a}" in text and "## A {#a}" in text for text in asked)


def test_the_hook_gives_mkdocs_no_markdown_and_makes_the_page(built_site: Path):
    import html_pages  # type: ignore[import-not-found]
    from mkdocs.config import load_config
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    config = load_config(str(ROOT / "mkdocs.yml"))
    docs = built_site.parent / "docs"
    source = (docs / "events" / "mig-23-downed-derna" / "index.md").read_text(encoding="utf-8")
    body = source.split("\n---\n", 1)[1]
    page = Page(None, File("events/mig-23-downed-derna/index.md", str(docs), "/tmp/x", True), {})
    page.meta = {"title": "A title"}
    assert html_pages.on_page_markdown(body, page, config, None) == ""
    page.present_anchor_ids = set()
    html = html_pages.on_page_content("", page, config, None)
    assert '<div class="claim ' in html and '<h1 id="top">' in html
    assert "top" in page.present_anchor_ids and any(a.startswith("claim-") for a in page.present_anchor_ids)
    assert [item.id for item in page.toc] == ["top"]  # the table of contents, as MkDocs makes it: under the title
    assert [child.id for child in page.toc.items[0].children] == re.findall(r"^## .*\{#([\w-]+)\}$", body, flags=re.M)
    untitled = Page(None, File("events/other/index.md", str(docs), "/tmp/x", True), {})
    untitled.meta = {}  # MkDocs would take the title from the first heading: the page goes through Markdown whole
    assert html_pages.on_page_markdown(body, untitled, config, None) == body
    hand_written = Page(None, File("methodology.md", str(docs), "/tmp/x", True), {})
    hand_written.meta = {"title": "M"}
    assert html_pages.on_page_markdown("# M\n\n<div>x</div>\n", hand_written, config, None) == "# M\n\n<div>x</div>\n"
