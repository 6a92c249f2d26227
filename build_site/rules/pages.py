"""Hand-written pages (docs/*.md) and theme overrides (overrides/): nothing in them may run a script or
load from another host, so that the Content-Security-Policy is never what stops it (and a page that
would break under it is caught here, at its line)."""

from __future__ import annotations

import re
from typing import Iterator

from ..errors import Location, Problem

_OFF_SITE = r"""(?:https?:)?//"""
_CHECKS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"<script\b(?![^>]*\bsrc\s*=)", re.I),
     "expected no inline `<script>`, got one (the site runs only its own script files: put the code in "
     "docs/assets/ and load it with `<script src>` from overrides/main.html)"),
    (re.compile(r"<script\b[^>]*\bsrc\s*=\s*[\"']?" + _OFF_SITE, re.I),
     "expected scripts from the site itself, got one from another host (copy it into docs/assets/vendor/)"),
    (re.compile(r"<[a-z][^>]*?\son[a-z]+\s*=", re.I),
     "expected no event-handler attribute (`onclick=`, `onerror=`…), got one (scripts belong in docs/assets/)"),
    (re.compile(r"javascript\s*:", re.I),
     "expected no `javascript:` URL, got one (link to a page, or put the code in docs/assets/)"),
    (re.compile(r"<meta\b[^>]*http-equiv\s*=\s*[\"']?refresh", re.I),
     "expected no `<meta http-equiv=\"refresh\">`, got one (a moved page keeps its URL through `former_ids` "
     "or a link; pages do not redirect readers by themselves)"),
    (re.compile(r"<(?:img|iframe|link|video|audio|source|embed|object|track|form)\b[^>]*\b(?:src|href|srcset|data|"
                r"action|poster)\s*=\s*[\"']?" + _OFF_SITE, re.I),
     "expected every image, frame, style sheet and media file from the site itself, got one from another host "
     "(copy it into docs/assets/; a reader's browser asks no other host for anything)"),
    (re.compile(r"!\[[^\]]*\]\(\s*<?" + _OFF_SITE, re.I),
     "expected an image from the site itself, got one from another host (copy it into docs/assets/)"),
    (re.compile(r"@import\b|url\(\s*[\"']?" + _OFF_SITE + r"|\bfetch\s*\(\s*[\"'`]" + _OFF_SITE, re.I),
     "expected no style or request that loads from another host, got one (copy what it loads into docs/assets/)"),
]
_FRONT_MATTER_TEXT = re.compile(r"^(title|description)\s*:\s*(.*)$")


def _front_matter(path: str, lines: list[str]) -> Iterator[Problem]:
    if not lines or lines[0].strip() != "---":
        return
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            return
        found = _FRONT_MATTER_TEXT.match(line)
        if found and re.search(r"[<>&\"]", found.group(2).strip().strip("'\"")):
            yield Problem(Location(path, number, 1), (
                f"front matter `{found.group(1)}`: expected plain text, got markup characters (< > & \"), which "
                f"the theme prints into the page's <head> unescaped (write the words without them)"))


def hand_written(pages: dict[str, str]) -> Iterator[Problem]:
    """Scripts, event handlers, `javascript:` URLs, redirects and loads from another host, at their line."""
    for path, text in sorted(pages.items()):
        lines = text.splitlines()
        if path.endswith(".md"):
            yield from _front_matter(path, lines)
        for number, line in enumerate(lines, start=1):
            for pattern, message in _CHECKS:
                found = pattern.search(line)
                if found:
                    yield Problem(Location(path, number, found.start() + 1), f"hand-written page: {message}")
