"""Generated pages reach MkDocs as finished HTML: only their headings go through Markdown.

A generated page (render.py) is front matter, then Markdown heading lines (`## Claims {#claims}`, the
only lines that start with `#`: contributor text never starts a line, see `render._finalize`) and,
between them, blocks of HTML the generator has already escaped and sanitized. Python-Markdown's raw-HTML
pass and MkDocs's anchor scan are pure-Python HTML parsers, and parsing those blocks was half of
`mkdocs build` (BENCHMARKS.md). So the MkDocs hook (overrides/html_pages.py) hands MkDocs's own Markdown
nothing for such a page, and makes the page's HTML here (`Headings`): its headings through the site's
Markdown (the configured extensions: heading ids, permalinks, the table of contents), the blocks between
them as they are. Most headings are the same on thousands of pages (`## Claims {#claims}`), so each one
whose id is written out (`{#id}`: it does not depend on the rest of the page) is converted once; a page
with any other heading has all its headings converted together, as MkDocs would, each block replaced by
a placeholder comment (`split`) that `join` replaces again. The page's anchor ids (`anchor_ids`) are
added to the page's, so that MkDocs still checks every link from a hand-written page into a generated
one, claim anchors included.

Standard library only: the hook passes in the converter. tests/test_passthrough.py proves the pages equal
to the full Markdown build up to whitespace between tags.
"""

from __future__ import annotations

import html
import re
from typing import Callable, Optional

_HEADING = re.compile(r"^#{1,6}(?:[ \t].*)?$", re.MULTILINE)
_PLACEHOLDER = re.compile(r"<!-- build_site:html (\d+) -->")
_ANCHOR = re.compile(r"""<(\w+)\b[^>]*?\s(id|name)="([^"]*)\"""")
"""An `id` (any element) or `name` (on `<a>`) attribute: what MkDocs records as a page's anchors.
Generated HTML always double-quotes attributes and escapes `"` and `>` inside them (Jinja autoescape)."""
_OWN_ID = re.compile(r"[ \t]\{#([A-Za-z0-9_:.-]+)\}[ \t]*$")
"""A heading's id written out in attr_list's shortest form, at the end of the line: `## Claims {#claims}`."""

Token = dict
"""A table-of-contents entry as Python-Markdown's toc extension makes it (`level`, `id`, `name`, `html`, …)."""
Convert = Callable[[str], tuple[str, list[Token]]]
"""Markdown → its HTML and its table of contents (nested), by the site's configured Markdown."""


def parts(markdown: str) -> list[tuple[bool, str]]:
    """A generated page's Markdown in order: (True, a heading line) or (False, the HTML block between two)."""
    found: list[tuple[bool, str]] = []
    start = 0
    for heading in [*_HEADING.finditer(markdown), None]:
        block = markdown[start:heading.start() if heading else len(markdown)].strip("\n")
        if block.strip():
            found.append((False, block))
        if heading:
            found.append((True, heading.group()))
            start = heading.end()
    return found


def split(markdown: str) -> tuple[str, list[str]]:
    """A generated page's Markdown → the same headings with a placeholder for each HTML block, and the blocks."""
    kept: list[str] = []
    blocks: list[str] = []
    for is_heading, text in parts(markdown):
        if is_heading:
            kept.append(text)
        else:
            kept.append(f"<!-- build_site:html {len(blocks)} -->")
            blocks.append(text)
    return "\n\n".join(kept) + "\n", blocks


class Headings:
    """Makes generated pages' HTML with one converter, each heading that carries its own id converted once."""

    def __init__(self, convert: Convert, nest: Callable[[list[Token]], list[Token]]):
        self.convert, self.nest = convert, nest
        self.known: dict[str, Optional[tuple[str, Token]]] = {}
        """A heading line → its HTML and its (flat) table-of-contents entry; None: not convertible alone."""

    def _alone(self, line: str) -> Optional[tuple[str, Token]]:
        if line not in self.known:
            own = _OWN_ID.search(line)
            made, tokens = self.convert(line) if own else ("", [])
            # Alone only if Markdown made one heading with that very id (toc then leaves it as it is, and
            # nothing else on the page can change it): otherwise the page's headings go together.
            alone = own is not None and len(tokens) == 1 and not tokens[0]["children"] \
                and tokens[0]["id"] == own[1] and "\n" not in made
            self.known[line] = (made, tokens[0]) if alone else None
        return self.known[line]

    def page(self, markdown: str) -> tuple[str, list[Token]]:
        """A generated page's HTML and its table of contents (nested, as the toc extension makes it)."""
        found = parts(markdown)
        made: list[str] = []
        tokens: list[Token] = []
        ids: set[str] = set()
        after_block = False
        for is_heading, text in found:
            alone = self._alone(text) if is_heading else (text, None)
            if alone is None or (alone[1] is not None and alone[1]["id"] in ids):
                return self._together(markdown)
            if made:  # as Markdown joins them: a raw HTML block is followed by a blank line, a heading is not
                made.append("\n\n" if after_block else "\n")
            made.append(alone[0])
            after_block = not is_heading
            if alone[1] is not None:
                ids.add(alone[1]["id"])
                tokens.append(dict(alone[1]))  # `nest` gives each entry its children: a copy per page
        return "".join(made), self.nest(tokens)

    def _together(self, markdown: str) -> tuple[str, list[Token]]:
        headings, blocks = split(markdown)
        made, tokens = self.convert(headings)
        return join(made, blocks), tokens


def join(rendered: str, blocks: list[str]) -> str:
    """The page's HTML with each placeholder replaced by its block."""
    return _PLACEHOLDER.sub(lambda match: blocks[int(match[1])], rendered)


def anchor_ids(blocks: list[str]) -> set[str]:
    """Every anchor in the blocks, as MkDocs collects them from raw HTML (`id` of any element, `name` of `<a>`)."""
    return {html.unescape(value) for block in blocks for tag, attribute, value in _ANCHOR.findall(block)
            if attribute == "id" or tag.lower() == "a"}
