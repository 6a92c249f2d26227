"""MkDocs glue: generated pages skip Python-Markdown except for their headings (build_site/passthrough.py).

Public plugin events and page attributes only. `on_page_markdown` keeps a generated page's Markdown aside
and gives MkDocs's own Markdown nothing to convert; `on_page_content` makes the page's HTML
(`passthrough.Headings`, with one Markdown converter configured as MkDocs configures its own: the site's
`markdown_extensions`), sets the page's table of contents (`page.toc`, as MkDocs makes it from the toc
extension's entries) and adds the page's anchors to its `present_anchor_ids`, which MkDocs reads when it
checks the links into the page. The title is the page's front matter `title`, which MkDocs prefers to
the first heading: a generated page without one goes through Markdown whole. Hand-written pages go
through Markdown as before. A build without this hook (tests/test_passthrough.py) is the full Markdown
build, for comparison.
"""

import markdown as markdown_lib
from markdown.extensions.toc import nest_toc_tokens
from mkdocs.structure.toc import get_toc

from build_site import passthrough
from build_site.layout import is_generated

_pending: dict[str, str] = {}  # a generated page's Markdown, between its two events
_converter: list = []  # [the configuration, its Headings]: one converter per build


def _headings(config) -> passthrough.Headings:
    if not _converter or _converter[0] is not config:
        md = markdown_lib.Markdown(extensions=config["markdown_extensions"],
                                   extension_configs=config["mdx_configs"] or {})

        def convert(text):
            md.reset()
            return md.convert(text), getattr(md, "toc_tokens", [])

        _converter[:] = [config, passthrough.Headings(convert, nest_toc_tokens)]
    return _converter[1]


def on_page_markdown(markdown, page, config, files):
    if not is_generated(page.file.src_uri) or "title" not in page.meta:
        return markdown
    _pending[page.file.src_uri] = markdown
    return ""


def on_page_content(html, page, config, files):
    markdown = _pending.pop(page.file.src_uri, None)
    if markdown is None:
        return html
    content, tokens = _headings(config).page(markdown)
    page.toc = get_toc(tokens)
    page.present_anchor_ids = (page.present_anchor_ids or set()) | passthrough.anchor_ids([content])
    return content
