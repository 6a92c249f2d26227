"""EDTF dates, parsed by the `edtf` library, described in words and as spans for the timeline."""

from __future__ import annotations

import datetime as dt
import math
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


def describe(text: str) -> DateInfo:
    """Parse an EDTF string and describe it. Raises DateError with a reason a contributor can act on."""
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
