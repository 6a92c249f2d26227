"""Source documents as numbered paragraphs, and finding a quote in them."""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass
from typing import Optional

_QUOTE_MARKS = str.maketrans({
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
})
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Fold whitespace runs to one space and curly, angled and straight quote marks to straight ones."""
    return _SPACE.sub(" ", text.translate(_QUOTE_MARKS)).strip()


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a source: a non-blank line of the raw file."""

    number: int
    """1-based; the anchor is `#p<number>`."""
    line: int
    """The line of the raw file it is on."""
    text: str
    """The text as received (trailing whitespace removed)."""


def split_paragraphs(text: str) -> list[Paragraph]:
    """Every non-blank line is a paragraph: all five documents put one paragraph on a line."""
    paragraphs: list[Paragraph] = []
    for line_number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            paragraphs.append(Paragraph(len(paragraphs) + 1, line_number, line.rstrip()))
    return paragraphs


@dataclass(frozen=True)
class Match:
    """Where a quote was found."""

    paragraph: int
    """The paragraph number it is in."""
    start: int
    """Offset of the quote within the normalized paragraph."""
    end: int
    """Offset just past the quote within the normalized paragraph."""


class QuoteIndex:
    """One source's normalized text, built once, searched for every claim quoting it."""

    def __init__(self, paragraphs: list[Paragraph]):
        self.paragraphs = paragraphs
        normalized = [normalize(p.text) for p in paragraphs]
        # "\n" never occurs in a normalized quote, so no match can span two paragraphs.
        self.text = "\n".join(normalized)
        self.starts = []
        offset = 0
        for chunk in normalized:
            self.starts.append(offset)
            offset += len(chunk) + 1

    def occurrences(self, quote: str, prefix: Optional[str] = None, suffix: Optional[str] = None) -> list[Match]:
        """Every place the quote occurs, keeping only those pinned by prefix/suffix when given (remembered: the
        resident preview keeps an unchanged source's index, and asks again for every quote at every save)."""
        cache = self.__dict__.setdefault("_found", {})
        key = (quote, prefix, suffix)
        if key not in cache:
            cache[key] = self._occurrences(quote, prefix, suffix)
        return list(cache[key])

    def _occurrences(self, quote: str, prefix: Optional[str] = None, suffix: Optional[str] = None) -> list[Match]:
        needle = normalize(quote)
        if not needle:
            return []
        want_before = normalize(prefix) if prefix else ""
        want_after = normalize(suffix) if suffix else ""
        found = []
        position = self.text.find(needle)
        while position != -1:
            before = self.text[:position].rstrip(" ")
            after = self.text[position + len(needle):].lstrip(" ")
            if before.endswith(want_before) and after.startswith(want_after):
                index = bisect.bisect_right(self.starts, position) - 1
                local = position - self.starts[index]
                found.append(Match(self.paragraphs[index].number, local, local + len(needle)))
            position = self.text.find(needle, position + 1)
        return found

    def closest(self, quote: str) -> tuple[int, str]:
        """The passage most like the quote (same number of words), for a hint when it is not found."""
        words_wanted = len(normalize(quote).split()) or 1
        best = (0.0, 0, "")
        target = normalize(quote)
        for paragraph in self.paragraphs:
            words = normalize(paragraph.text).split()
            for start in range(0, max(1, len(words) - words_wanted + 1)):
                window = " ".join(words[start:start + words_wanted])
                matcher = difflib.SequenceMatcher(None, target, window, autojunk=False)
                if matcher.real_quick_ratio() <= best[0] or matcher.quick_ratio() <= best[0]:
                    continue
                ratio = matcher.ratio()
                if ratio > best[0]:
                    best = (ratio, paragraph.number, window)
        return best[1], best[2]
