"""Generated pages reach MkDocs as finished HTML: only their headings go through Markdown.

A generated page (render.py) is front matter, then Markdown heading lines (`## Claims {#claims}`, the
only lines that start with `#`: contributor text never starts a line, see `render._finalize`) and,
between them, blocks of HTML the generator has already escaped and sanitized. Python-Markdown's raw-HTML
pass and MkDocs's anchor scan are pure-Python HTML parsers, and parsing those blocks was half of
`mkdocs build` (BENCHMARKS.md). So the MkDocs hook (overrides/html_pages.py) hands MkDocs only the
headings, each block replaced by a placeholder comment (`split`); MkDocs's own Markdown still makes the
title, heading ids, permalinks and table of contents. The blocks go back in after rendering (`join`),
and their anchor ids are added to the page's (`anchor_ids`), so that MkDocs still checks every link
from a hand-written page into a generated one, claim anchors included.

Standard library only: the hook imports it. tests/test_passthrough.py proves the pages equal to the
full Markdown build up to whitespace between tags.
"""

from __future__ import annotations

import html
import re

_HEADING = re.compile(r"^#{1,6}(?:[ \t].*)?$", re.MULTILINE)
_PLACEHOLDER = re.compile(r"<!-- build_site:html (\d+) -->")
_ANCHOR = re.compile(r"""<(\w+)\b[^>]*?\s(id|name)="([^"]*)\"""")
"""An `id` (any element) or `name` (on `<a>`) attribute: what MkDocs records as a page's anchors.
Generated HTML always double-quotes attributes and escapes `"` and `>` inside them (Jinja autoescape)."""


def split(markdown: str) -> tuple[str, list[str]]:
    """A generated page's Markdown → the same headings with a placeholder for each HTML block, and the blocks."""
    kept: list[str] = []
    blocks: list[str] = []
    start = 0
    for heading in [*_HEADING.finditer(markdown), None]:
        block = markdown[start:heading.start() if heading else len(markdown)].strip("\n")
        if block.strip():
            kept.append(f"<!-- build_site:html {len(blocks)} -->")
            blocks.append(block)
        if heading:
            kept.append(heading.group())
            start = heading.end()
    return "\n\n".join(kept) + "\n", blocks


def headings(markdown: str) -> list[str]:
    """A generated page's heading lines."""
    return _HEADING.findall(markdown)


def join(rendered: str, blocks: list[str]) -> str:
    """The page's HTML with each placeholder replaced by its block."""
    return _PLACEHOLDER.sub(lambda match: blocks[int(match[1])], rendered)


def anchor_ids(blocks: list[str]) -> set[str]:
    """Every anchor in the blocks, as MkDocs collects them from raw HTML (`id` of any element, `name` of `<a>`)."""
    return {html.unescape(value) for block in blocks for tag, attribute, value in _ANCHOR.findall(block)
            if attribute == "id" or tag.lower() == "a"}
