"""Contributor text made safe for each place it lands in a page.

HTML-escaped in HTML blocks (Jinja autoescape, in render.py), HTML- and Markdown-escaped in Markdown
headings (`md_inline`), JSON-quoted and HTML-escaped in front matter (`front_matter_value`), and
sanitized by nh3 where it is Markdown (`sanitize_markdown`). In every case no line of it starts with `#`
(`no_heading_lines`): only the templates' headings do.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re

import markdown as markdown_lib
import nh3
from markupsafe import Markup, escape

SAFE_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "br"}
"""The only tags a sanitized summary keeps."""


def md_inline(text: str) -> Markup:
    """Text for a Markdown inline context (a heading): HTML-escaped, Markdown punctuation backslash-escaped."""
    escaped = html.escape(text, quote=False)  # quotes are harmless in text, and the TOC would show &#x27;
    escaped = re.sub(r"([\\`*_{}\[\]()#+.!|~-])", r"\\\1", escaped)
    return Markup(escaped)


def front_matter_value(text: str) -> Markup:
    """A front-matter string: HTML-escaped (Material prints meta values raw), then a JSON/YAML string."""
    return Markup(json.dumps(html.escape(text, quote=True)))


def csp_hash(script: str) -> Markup:
    """A Content-Security-Policy source that allows exactly this inline script: `'sha256-…'`."""
    digest = base64.b64encode(hashlib.sha256(str(script).encode("utf-8")).digest()).decode("ascii")
    return Markup(f"'sha256-{digest}'")


def yaml_string(value: object) -> Markup:
    """Any value as a quoted YAML (JSON) string, for front matter that is not printed as HTML."""
    return Markup(json.dumps(str(value)))


_MARKDOWN = markdown_lib.Markdown(output_format="html")
"""One converter, reset before each use: building one per summary took half the conversion time."""


_MARKDOWN_SYNTAX = re.compile(r"[\\`*_\[\]<>&\t\r\x02\x03]|^[^\S\n]|[^\S\n]$|^(?:[#>=+|-]|\d+[.)])", re.MULTILINE)
"""What Markdown could read as syntax in a text: without any of it, a text is plain paragraphs."""


def _plain_paragraphs(text: str) -> str:
    """What Python-Markdown makes of a text without any syntax (`_MARKDOWN_SYNTAX`), at a fraction of its cost."""
    paragraphs = (block.strip("\n") for block in re.split(r"\n\n+", text.strip("\n")))
    return "\n".join(f"<p>{block}</p>" for block in paragraphs if block)


_LINE_START_HASH = re.compile(r"(\n[ \t]*)#")


def no_heading_lines(text: Markup) -> Markup:
    """Escaped text in which no line starts with `#`: `&#35;` is the same character in HTML text and attributes.

    Only the generator's templates start a line of a generated page with `#` (a Markdown heading), which
    is how build_site/passthrough.py tells the headings from the HTML between them."""
    return Markup(_LINE_START_HASH.sub(r"\1&#35;", str(text))) if "\n" in text else text


def finalize(value: object) -> object:
    """Jinja's `finalize`: a contributor string of several lines, escaped, with no line starting with `#`.
    (Jinja escapes every other value itself; this runs for every `{{ }}`, so it does nothing it need not.)"""
    return no_heading_lines(escape(value)) if type(value) is str and "\n" in value else value


def _clean(rendered: str) -> Markup:
    return no_heading_lines(Markup(nh3.clean(rendered, tags=SAFE_TAGS, attributes={"a": {"href", "title"}},
                            url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer nofollow")))


def sanitize_markdown(text: str) -> Markup:
    """Contributor Markdown → HTML with only harmless tags and http(s)/mailto/relative links."""
    if _MARKDOWN_SYNTAX.search(text):
        return _clean(_MARKDOWN.reset().convert(text))
    return _clean(_plain_paragraphs(text))  # most summaries are plain prose
