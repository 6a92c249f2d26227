"""EDTF dates, parsed by the `edtf` library, described in words and as spans for the timeline."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Optional

from edtf import parse_edtf
from edtf.parser.edtf_exceptions import EDTFParseException

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
SEASONS = {21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter"}
OPEN_END = dt.date(2018, 12, 31)
"""Where an open-ended interval is drawn to: the end of the period this record covers."""


class DateError(ValueError):
    """The text is not a valid EDTF date, or an interval ends before it starts."""


@dataclass(frozen=True)
class DateInfo:
    """What a reader and the timeline need to know about one EDTF date."""

    edtf: str
    """The date as written in the record."""
    start: dt.date
    """The first day it can mean."""
    end: Optional[dt.date]
    """The day after the last day it can mean; None for a single known day."""
    precision: str
    """day, month, season, year or interval."""
    approximate: bool
    """Marked approximate (`~`) anywhere."""
    uncertain: bool
    """Marked uncertain (`?`) anywhere."""
    open_end: bool
    """An interval whose end is open or unknown (`..`)."""
    label: str
    """The date in words, with its precision: "April 2016, approximate"."""

    @property
    def sort_key(self) -> tuple:
        return (self.start, self.end or self.start, self.edtf)


def _to_date(struct) -> dt.date:
    return dt.date(struct.tm_year, struct.tm_mon, struct.tm_mday)


def _flags(node) -> tuple[bool, bool]:
    both = bool(getattr(node, "is_uncertain_and_approximate", False))
    return bool(getattr(node, "is_approximate", False)) or both, bool(getattr(node, "is_uncertain", False)) or both


def _single_words(node) -> tuple[str, str]:
    """Words and precision for a single (non-interval) EDTF node."""
    inner = getattr(node, "date", None) or node
    text = str(inner)
    season = getattr(inner, "season", None)
    start = _to_date(node.lower_strict())
    if season:
        return f"{SEASONS.get(int(season), 'Season')} {start.year}", "season"
    precision = getattr(inner, "precision", None) or {4: "year", 7: "month"}.get(len(text.lstrip("-")), "day")
    if precision == "year":
        return f"{start.year}", "year"
    if precision == "month":
        return f"{MONTHS[start.month - 1]} {start.year}", "month"
    return f"{start.day} {MONTHS[start.month - 1]} {start.year}", "day"


def _qualified(words: str, approximate: bool, uncertain: bool) -> str:
    if approximate and uncertain:
        return f"{words}, approximate and uncertain"
    if approximate:
        return f"{words}, approximate"
    if uncertain:
        return f"{words}, uncertain"
    return words


_PLAIN = re.compile(r"([1-9][0-9]{3})(?:-(0[1-9]|1[0-2])(?:-([0-3][0-9]))?)?([~?%]?)")
"""A year, month or day, optionally qualified: what nearly every date in a record is."""


def _plain(text: str) -> Optional[tuple[dt.date, dt.date, str, str, bool, bool]]:
    """(first day, last day, words, precision, approximate, uncertain) of a plain date, else None.

    The `edtf` grammar takes milliseconds per string; this reads the common forms directly and
    gives what the library gives for them (tests/test_scale.py compares the two)."""
    match = _PLAIN.fullmatch(text)
    if match is None:
        return None
    year, month, day, flag = match.groups()
    try:
        if day:
            first = last = dt.date(int(year), int(month), int(day))
        elif month:
            first = dt.date(int(year), int(month), 1)
            last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        else:
            first, last = dt.date(int(year), 1, 1), dt.date(int(year), 12, 31)
    except ValueError:
        return None
    if day:
        words, precision = f"{first.day} {MONTHS[first.month - 1]} {first.year}", "day"
    elif month:
        words, precision = f"{MONTHS[first.month - 1]} {first.year}", "month"
    else:
        words, precision = f"{first.year}", "year"
    return first, last, words, precision, flag in ("~", "%"), flag in ("?", "%")


def _describe_plain(text: str) -> Optional[DateInfo]:
    """describe() for plain dates and intervals of plain dates (open end allowed); None for anything else."""
    if "/" not in text:
        found = _plain(text)
        if found is None:
            return None
        start, last, words, precision, approximate, uncertain = found
        end = None if precision == "day" and not approximate else last + dt.timedelta(days=1)
        return DateInfo(text, start, end, precision, approximate, uncertain, False,
                        _qualified(words, approximate, uncertain))
    lower_text, _, upper_text = text.partition("/")
    lower = _plain(lower_text)
    open_end = upper_text == ".."
    upper = None if open_end else _plain(upper_text)
    if lower is None or (upper is None and not open_end):
        return None
    start, _, from_words, _, approx_l, uncertain_l = lower
    if open_end:
        end, label, approx_u, uncertain_u = OPEN_END, f"From {from_words}, open-ended", False, False
    else:
        _, end, to_words, _, approx_u, uncertain_u = upper
        label = f"{from_words} to {to_words}"
    if end < start:
        return None  # the library path gives the error
    approximate, uncertain = approx_l or approx_u, uncertain_l or uncertain_u
    return DateInfo(text, start, end + dt.timedelta(days=1), "interval", approximate, uncertain,
                    open_end, _qualified(label, approximate, uncertain))


def describe(text: str) -> DateInfo:
    """Parse an EDTF string and describe it. Raises DateError with a reason a contributor can act on."""
    try:
        return _describe(text)
    except (ValueError, OverflowError) as error:  # a valid EDTF outside Python's dates (year 0, say)
        if isinstance(error, DateError):
            raise
        raise DateError(f"outside the dates this record can show ({error})") from None


def _describe(text: str) -> DateInfo:
    plain = _describe_plain(text)
    if plain is not None:
        return plain
    try:
        parsed = parse_edtf(text)
    except EDTFParseException as error:
        raise DateError(f"not a valid EDTF date ({error.__class__.__name__})") from None
    if "/" in text:
        lower, upper = parsed.lower, parsed.upper
        low = parsed.lower_strict()
        high = parsed.upper_strict()
        open_start = isinstance(low, float) and math.isinf(low)
        open_end = isinstance(high, float) and math.isinf(high)
        if open_start:
            raise DateError("an interval needs a known start (`2014-05/..`), not `..`")
        start = _to_date(low)
        end = OPEN_END if open_end else _to_date(high)
        if end < start:
            raise DateError(f"interval ends ({end.isoformat()}) before it starts ({start.isoformat()})")
        approx_l, uncertain_l = _flags(lower)
        approx_u, uncertain_u = (False, False) if open_end else _flags(upper)
        from_words, _ = _single_words(lower)
        if open_end:
            label = f"From {from_words}, open-ended"
        else:
            to_words, _ = _single_words(upper)
            label = f"{from_words} to {to_words}"
        approximate, uncertain = approx_l or approx_u, uncertain_l or uncertain_u
        return DateInfo(text, start, end + dt.timedelta(days=1), "interval", approximate, uncertain,
                        open_end, _qualified(label, approximate, uncertain))
    start = _to_date(parsed.lower_strict())
    last = _to_date(parsed.upper_strict())
    words, precision = _single_words(parsed)
    approximate, uncertain = _flags(parsed)
    end = None if precision == "day" and not approximate else last + dt.timedelta(days=1)
    return DateInfo(text, start, end, precision, approximate, uncertain, False,
                    _qualified(words, approximate, uncertain))
