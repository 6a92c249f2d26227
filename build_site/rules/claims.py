"""Claims: a speaker, and a quote found exactly once in the visible text of its source."""

from __future__ import annotations

from typing import Iterator, Optional

from .. import model as m
from ..errors import Problem
from ..loader import RawRecord
from ..text import Match, Paragraph, QuoteIndex
from . import Parsed, problem


def speakers(parsed: Parsed) -> Iterator[Problem]:
    """A speaker is an actor with a page or a named person, never both or neither."""
    for claim_id, claim in parsed.records.claims.items():
        speaker = claim.speaker
        if bool(speaker.actor) == bool(speaker.name):
            yield problem(parsed.raws[claim_id].where(("speaker",)), "claims", claim_id, "speaker",
                          "expected exactly one of `actor:` (an actor with a page) or `name:` (a named person "
                          f"without one), got {'both' if speaker.actor else 'neither'}")


_INDEXES: dict[tuple, QuoteIndex] = {}
"""Each source's index by what it is built from: the resident preview builds an unchanged source's once."""


def _indexes(parsed: Parsed, paragraphs: dict[str, list[Paragraph]]) -> dict[str, QuoteIndex]:
    # A quote is looked for in the paragraphs readers see: a repeat or scraping debris, hidden by a
    # `cleaning` note, is not a second occurrence (and no claim should cite it).
    indexes = {}
    for source_id, source_paragraphs in paragraphs.items():
        hidden = {number for note in parsed.records.sources[source_id].cleaning
                  if note.action in m.HIDDEN_ACTIONS for number in note.paragraphs}
        shown = [p for p in source_paragraphs if p.number not in hidden]
        key = tuple((p.number, p.line, p.text) for p in shown)
        index = _INDEXES.get(key)
        if index is None:
            index = _INDEXES[key] = QuoteIndex(shown)
        indexes[source_id] = index
    if len(_INDEXES) > 2 * len(paragraphs) + 16:  # forget the indexes of old versions of the sources
        current = {id(index) for index in indexes.values()}
        for key in [key for key, index in _INDEXES.items() if id(index) not in current]:
            del _INDEXES[key]
    return indexes


def _not_found(claim: m.Claim, raw: RawRecord, index: QuoteIndex) -> Problem:
    pinned = claim.prefix or claim.suffix
    if pinned and index.occurrences(claim.quote):
        name = "prefix" if claim.prefix else "suffix"
        return problem(raw.where((name,)), "claims", claim.id, name,
                       "expected the words right next to the quote in the source, got text that is not "
                       "beside any occurrence of it (copy them from the source)")
    number, passage = index.closest(claim.quote)
    hint = f" (closest passage, in paragraph {number}: \"{passage}\")" if passage else ""
    return problem(raw.where(("quote",)), "claims", claim.id, "quote",
                   f"expected words found verbatim in {claim.source}, got a quote that is not there{hint}")


def _locate(claim: m.Claim, raw: RawRecord, index: QuoteIndex) -> tuple[Optional[Match], Optional[Problem]]:
    matches = index.occurrences(claim.quote, claim.prefix, claim.suffix)
    if len(matches) == 1:
        return matches[0], None
    if not matches:
        return None, _not_found(claim, raw, index)
    where = ", ".join(str(match.paragraph) for match in matches)
    return None, problem(raw.where(("quote",)), "claims", claim.id, "quote",
                         f"expected a quote found once in {claim.source}, got one found {len(matches)} times "
                         f"(paragraphs {where}): add `prefix:` or `suffix:` with the words just before or after "
                         f"the one you mean")


def find_quotes(parsed: Parsed, paragraphs: dict[str, list[Paragraph]]) -> tuple[dict[str, Match], list[Problem]]:
    """Where each claim's quote is in its source; a problem for each not found exactly once."""
    indexes = _indexes(parsed, paragraphs)
    quotes: dict[str, Match] = {}
    problems = []
    for claim_id, claim in parsed.records.claims.items():
        index = indexes.get(claim.source)
        if index is None:
            continue  # the source is missing or broken: reported there
        match, trouble = _locate(claim, parsed.raws[claim_id], index)
        if match is not None:
            quotes[claim_id] = match
        if trouble is not None:
            problems.append(trouble)
    return quotes, problems
