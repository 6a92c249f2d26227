"""What a link preview shows: a page's description cut to a whole word, and the site's preview image.

Standard library only: the MkDocs hook (overrides/hooks.py) uses it for the hand-written pages, the
generator (render.py) for every generated one, so every page kind follows the same rule.
"""

from __future__ import annotations

import re

DESCRIPTION_LIMIT = 160
"""Where search engines and link previews cut a description; ours end on a whole word before it."""

IMAGE_PATH = "assets/preview.png"
"""The site's preview image (og:image, twitter:image), served from the site itself."""
IMAGE_SIZE = (1200, 630)
"""Its width and height in pixels: the size link previews draw without cropping."""
IMAGE_ALT = ("Derna and Sirte, 2012–2018. A record of the sources: what each source says, who says it, and where the "
             "accounts conflict.")
"""Its text alternative: what the image says (scripts/preview_image.py draws it)."""

_SPACE = re.compile(r"\s+")
_TRAILING = ",;:–—-([{\"'“‘"


def description(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """`text` in at most `limit` characters, whitespace collapsed, cut after a whole word with an ellipsis.

    A text that fits is returned whole; otherwise the last word that fits, less a dangling comma or
    dash, followed by "…" (which counts towards the limit). A single word longer than the limit is cut.
    """
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    room = text[: limit - 1]  # leave a character for the ellipsis
    if not text[limit - 1].isspace():  # the room ends inside a word: drop that word
        cut = room.rfind(" ")
        room = room[:cut] if cut > 0 else room
    return room.rstrip(_TRAILING + " ") + "…"
