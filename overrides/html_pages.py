"""MkDocs glue: generated pages skip Python-Markdown except for their headings (build_site/passthrough.py).

Public plugin events only: `on_page_markdown` keeps the headings and sets the HTML blocks aside,
`on_page_content` puts them back and adds their anchors to the page's `present_anchor_ids`, which MkDocs
reads when it checks the links into the page. Hand-written pages go through Markdown as before.
A build without this hook (tests/test_passthrough.py) is the full Markdown build, for comparison.
"""

from build_site import passthrough
from build_site.layout import is_generated

_blocks: dict[str, list[str]] = {}  # a generated page's HTML blocks, between its two events


def on_page_markdown(markdown, page, config, files):
    if not is_generated(page.file.src_uri):
        return markdown
    headings, _blocks[page.file.src_uri] = passthrough.split(markdown)
    return headings


def on_page_content(html, page, config, files):
    blocks = _blocks.pop(page.file.src_uri, None)
    if blocks is None:
        return html
    page.present_anchor_ids = (page.present_anchor_ids or set()) | passthrough.anchor_ids(blocks)
    return passthrough.join(html, blocks)
