"""EDTF dates, checked by the `edtf` library, described in words and as spans for the timeline.

The library decides what is valid EDTF. This module then reads the forms the record can show
(days, months, years, seasons, unspecified digits, intervals, sets) and gives each its span and
its words, claiming no more precision than the string has. Every other form is refused with a
reason that says what to write instead. tests/dates/cases.tsv lists the forms and their readings;
tests/test_dates.py checks each span against the library's own bounds.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import functools
import io
import re
from dataclasses import dataclass
from typing import NamedTuple

from edtf import parse_edtf
from edtf.appsettings import SEASON_L2_MONTHS_RANGE
from edtf.parser.edtf_exceptions import EDTFParseException

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
SEASONS = {
    21: "Spring {year}", 22: "Summer {year}", 23: "Autumn {year}", 24: "Winter {year}",
    25: "Spring {year} (northern hemisphere)", 26: "Summer {year} (northern hemisphere)",
    27: "Autumn {year} (northern hemisphere)", 28: "Winter {year} (northern hemisphere)",
    29: "Spring {year} (southern hemisphere)", 30: "Summer {year} (southern hemisphere)",
    31: "Autumn {year} (southern hemisphere)", 32: "Winter {year} (southern hemisphere)",
    33: "first quarter of {year}", 34: "second quarter of {year}",
    35: "third quarter of {year}", 36: "fourth quarter of {year}",
    37: "first four months of {year}", 38: "second four months of {year}",
    39: "last four months of {year}",
    40: "first half of {year}", 41: "second half of {year}",
}
"""Words for the EDTF sub-year codes 21–41; their months are the `edtf` library's (SEASON_L2_MONTHS_RANGE)."""
OPEN_END = dt.date(2018, 12, 31)
"""Where an interval with an open or unknown end is drawn to: the end of the period this record covers."""
OPEN_START = dt.date(2011, 1, 1)
"""Where an interval with an open start is drawn from: the start of the period this record covers."""


class DateError(ValueError):
    """The text is not a valid EDTF date, is a form this record cannot show, or an interval ends before it starts."""


@dataclass(frozen=True)
class DateInfo:
    """What a reader and the timeline need to know about one EDTF date."""

    edtf: str
    """The date as written in the record."""
    start: dt.date
    """The first day it can mean (OPEN_START, or earlier, for an open start)."""
    end: dt.date | None
    """The day after the last day it can mean; None for a single known day."""
    precision: str
    """day, month, season, year, decade, century, millennium, interval, set (one of) or multiple (all of)."""
    approximate: bool
    """Marked approximate (`~` or `%`) anywhere."""
    uncertain: bool
    """Marked uncertain (`?` or `%`) anywhere."""
    open_end: bool
    """An interval whose end is open (`..`) or unknown (empty); drawn to OPEN_END."""
    label: str
    """The date in words, with its precision: "April 2016, approximate"."""
    open_start: bool = False
    """An interval whose start is open (`../2016`); drawn from OPEN_START."""

    @property
    def sort_key(self) -> tuple[dt.date, dt.date, str]:
        return (self.start, self.end or self.start, self.edtf)


class _Point(NamedTuple):
    """One date (not an interval): its first and last day, words and precision."""

    first: dt.date
    last: dt.date
    words: str
    precision: str


def _qualified(words: str, approximate: bool, uncertain: bool) -> str:
    """The label: the words, capitalized as a label starts, with the qualifiers said."""
    words = words[:1].upper() + words[1:]
    if approximate and uncertain:
        return f"{words}, approximate and uncertain"
    if approximate:
        return f"{words}, approximate"
    if uncertain:
        return f"{words}, uncertain"
    return words


def _flags(text: str) -> tuple[bool, bool]:
    """(approximate, uncertain) from the qualifiers anywhere in the text."""
    return "~" in text or "%" in text, "?" in text or "%" in text


# ---------------------------------------------------------------- the fast path

_PLAIN = re.compile(r"([1-9][0-9]{3})(?:-(0[1-9]|1[0-2])(?:-([0-3][0-9]))?)?([~?%]?)")
"""A year, month or day, optionally qualified: what nearly every date in a record is."""


def _plain(text: str) -> tuple[_Point, bool, bool] | None:
    """(point, approximate, uncertain) of a plain date, else None (also for a day that does not exist).

    The `edtf` grammar takes milliseconds per string; this reads the common forms directly and
    gives what the library path gives for them (tests/test_scale.py compares the two)."""
    match = _PLAIN.fullmatch(text)
    if match is None:
        return None
    year, month, day, flag = match.groups()
    if day and int(day) > calendar.monthrange(int(year), int(month))[1]:
        return None  # the library path says why
    approximate, uncertain = _flags(flag)
    return _known_point(year, month, day), approximate, uncertain


def _single(text: str, point: _Point, approximate: bool, uncertain: bool) -> DateInfo:
    end = None if point.precision == "day" and not approximate else point.last + dt.timedelta(days=1)
    return DateInfo(text, point.first, end, point.precision, approximate, uncertain, False,
                    _qualified(point.words, approximate, uncertain))


def _describe_plain(text: str) -> DateInfo | None:
    """describe() for plain dates and intervals of plain dates (open end allowed); None for anything else."""
    if "/" not in text:
        found = _plain(text)
        return None if found is None else _single(text, *found)
    lower_text, _, upper_text = text.partition("/")
    lower = _plain(lower_text)
    upper = None if upper_text == ".." else _plain(upper_text)
    if lower is None or (upper is None and upper_text != ".."):
        return None
    if upper is not None and upper[0].last < lower[0].first:
        return None  # the library path gives the error
    return _interval(text, lower, upper, open_end=upper is None)


# ---------------------------------------------------------------- one date, in any supported form

_YEAR_WORDS = {1: "the {0}0s", 2: "the century {0}00–{0}99", 3: "the millennium {0}000–{0}999"}
_YEAR_PRECISION = {0: "year", 1: "decade", 2: "century", 3: "millennium"}
_SHAPE = re.compile(r"(?P<year>[0-9X]{4})(?:-(?P<month>[0-9X]{2})(?:-(?P<day>[0-9X]{2}))?)?")
_TIME = re.compile(r"T[0-9:]+(?:Z|[+-][0-9:]+)?")


def _known_point(year: str, month: str | None, day: str | None) -> _Point:
    """A plain year, month or day: every digit given, the day checked to exist."""
    if day and month:
        first = last = dt.date(int(year), int(month), int(day))
        return _Point(first, last, f"{first.day} {MONTHS[first.month - 1]} {first.year}", "day")
    if month:
        first = dt.date(int(year), int(month), 1)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        return _Point(first, last, f"{MONTHS[first.month - 1]} {first.year}", "month")
    return _Point(dt.date(int(year), 1, 1), dt.date(int(year), 12, 31), year, "year")


def _year_part(year: str) -> tuple[int, int, str, int]:
    """(first year, last year, words, number of unspecified digits) of a year such as 2016 or 201X."""
    if year == "0000":
        raise DateError("outside the dates this record can show (years 0001 to 9999 only, got `0000`)")
    known = year.rstrip("X")
    unknown = len(year) - len(known)
    if "X" in known:
        raise DateError(f"an unspecified digit inside a year (`{year}`) is not supported: "
                        f"mark only the last digits (`{known[:known.index('X')]}{'X' * (4 - known.index('X'))}`) "
                        f"or write an interval")
    if unknown == 4:
        raise DateError("a wholly unspecified year (`XXXX`) is not supported: give at least the millennium (`1XXX`)")
    first, last = int(known + "0" * unknown), int(known + "9" * unknown)
    if first == 0:
        raise DateError(f"outside the dates this record can show (years 0001 to 9999 only, got `{year}`, "
                        f"which includes year 0000)")
    words = year if unknown == 0 else _YEAR_WORDS[unknown].format(known)
    return first, last, words, unknown


def _whole_part(part: str | None, what: str, prefix: str, top: int) -> None:
    """Refuse `1X` or `X1` as a month or day: the library cannot read them (edtf 5.0.2)."""
    if part is None or "X" not in part or part == "XX":
        return
    low, high = max(1, int(part.replace("X", "0"))), min(top, int(part.replace("X", "9")))
    raise DateError(f"an unspecified digit inside a {what} (`{part}`) is not supported: write the whole {what} "
                    f"as `XX`, or an interval such as `{prefix}{low:02d}/{prefix}{high:02d}`")


def _season(year: str, code: int) -> _Point:
    first_year, _, year_words, unknown = _year_part(year)
    if unknown:
        raise DateError(f"a season in an unspecified year (`{year}-{code}`) is not supported: write an interval")
    first_month, last_month = SEASON_L2_MONTHS_RANGE[code]
    first = dt.date(first_year, first_month, 1)
    last = dt.date(first_year, last_month, calendar.monthrange(first_year, last_month)[1])
    return _Point(first, last, SEASONS[code].format(year=year_words), "season")


def _bounds(year: str, month: str | None, day: str | None) -> tuple[dt.date, dt.date]:
    """First and last day, with X read as the library reads it: lowest and highest digit."""
    first_year, last_year, _, _ = _year_part(year)
    known_month = None if month in (None, "XX") else int(str(month))
    known_day = None if day in (None, "XX") else int(str(day))
    first_month, last_month = (known_month, known_month) if known_month else (1, 12)
    first_day = known_day or 1
    last_day = known_day or calendar.monthrange(last_year, last_month)[1]
    for year_number, month_number in ((first_year, first_month), (last_year, last_month)):
        if known_day and known_day > calendar.monthrange(year_number, month_number)[1]:
            if first_year != last_year:
                raise DateError(f"{known_day} {MONTHS[month_number - 1]} is not in every year of `{year}`: "
                                f"give the year")
            raise DateError(f"not a valid EDTF date: {year_number} has no {known_day} {MONTHS[month_number - 1]}")
    return dt.date(first_year, first_month, first_day), dt.date(last_year, last_month, last_day)


def _words(year: str, month: str | None, day: str | None) -> tuple[str, str]:
    """Words and precision of a date whose year, month or day may be unspecified (X)."""
    _, _, year_words, unknown = _year_part(year)
    exact = unknown == 0
    where = year_words if exact else f"some year in {year_words}"
    joined = f" {where}" if exact else f", {where}"
    if month is None:
        return year_words, _YEAR_PRECISION[unknown]
    if month == "XX":
        of = "of" if exact else "in"
        if day is None:
            return f"some month {of} {year_words}", _YEAR_PRECISION[unknown]
        if day == "XX":
            return f"some day {of} {year_words}", _YEAR_PRECISION[unknown]
        return f"day {int(day)} of some month {of} {year_words}", _YEAR_PRECISION[unknown]
    month_words = MONTHS[int(month) - 1]
    if day is None:
        return f"{month_words}{joined}", "month" if exact else _YEAR_PRECISION[unknown]
    if day == "XX":
        return f"{month_words}{joined}, day unknown", "month" if exact else _YEAR_PRECISION[unknown]
    return f"{int(day)} {month_words}{joined}", "day" if exact else _YEAR_PRECISION[unknown]


def _refuse_unsupported(bare: str) -> None:
    """Forms that are valid EDTF but that this record cannot show, each with what to write instead."""
    if bare.startswith("Y"):
        raise DateError(f"outside the dates this record can show (years 0001 to 9999 only, got `{bare}`)")
    if bare.startswith("-"):
        raise DateError(f"outside the dates this record can show (years 0001 to 9999 only, got `{bare}`, "
                        f"a year before the common era)")
    if "S" in bare:
        raise DateError(f"significant digits (`{bare}`) are not supported: write the span, "
                        f"such as `19XX` or `1900/1999`, and give the estimate in the text")


def _point(text: str) -> _Point:
    """One date, as written on one side of an interval or as a member of a set (qualifiers anywhere)."""
    bare = re.sub(r"[~?%]", "", text)
    _refuse_unsupported(bare)
    bare = _TIME.sub("", bare, count=1) if "T" in bare else bare
    match = _SHAPE.fullmatch(bare)
    if match is None:
        raise DateError(f"`{text}` is valid EDTF but not a form this record can show: write a day, month, "
                        f"year, season or an interval of those")
    year, month, day = match.group("year", "month", "day")
    if month and day is None and "X" not in month and 21 <= int(month) <= 41:
        return _season(year, int(month))
    _whole_part(month, "month", f"{year}-", 12)
    if month and "X" not in month + year:
        _whole_part(day, "day", f"{year}-{month}-", calendar.monthrange(int(year), int(month))[1])
    else:
        _whole_part(day, "day", f"{year}-{month}-", 31)
    if "X" not in bare:
        try:
            return _known_point(year, month, day)
        except ValueError:
            pass  # _bounds says which day does not exist
    first, last = _bounds(year, month, day)
    words, precision = _words(year, month, day)
    return _Point(first, last, words, precision)


# ---------------------------------------------------------------- intervals and sets

def _interval(text: str, lower: tuple[_Point, bool, bool] | None, upper: tuple[_Point, bool, bool] | None,
              open_end: bool = False) -> DateInfo:
    """An interval from its sides; a missing side is open (`..`), or unknown if not open_end."""
    if lower is None and upper is not None:
        point, approximate, uncertain = upper
        start = min(OPEN_START, point.first)
        return DateInfo(text, start, point.last + dt.timedelta(days=1), "interval", approximate, uncertain,
                        False, _qualified(f"Until {point.words}, open start", approximate, uncertain), True)
    assert lower is not None
    low, approx_l, uncertain_l = lower
    if upper is None:
        end = max(OPEN_END, low.last)
        words = f"From {low.words}, open-ended" if open_end else f"From {low.words}, end unknown"
        return DateInfo(text, low.first, end + dt.timedelta(days=1), "interval", approx_l, uncertain_l, True,
                        _qualified(words, approx_l, uncertain_l))
    high, approx_u, uncertain_u = upper
    if high.last < low.first:
        raise DateError(f"interval ends ({high.last.isoformat()}) before it starts ({low.first.isoformat()})")
    approximate, uncertain = approx_l or approx_u, uncertain_l or uncertain_u
    return DateInfo(text, low.first, high.last + dt.timedelta(days=1), "interval", approximate, uncertain,
                    False, _qualified(f"{low.words} to {high.words}", approximate, uncertain))


def _side(text: str) -> tuple[_Point, bool, bool]:
    return (_point(text), *_flags(text))


def _describe_interval(text: str) -> DateInfo:
    lower_text, _, upper_text = text.partition("/")
    if lower_text in ("", "..") and upper_text in ("", ".."):
        raise DateError(f"`{text}` gives neither a start nor an end: give at least one of them")
    if lower_text == "":
        raise DateError(f"unknown start `{text}`: write `..{text}` if the start is open, or give a start")
    lower = None if lower_text == ".." else _side(lower_text)
    upper = None if upper_text in ("", "..") else _side(upper_text)
    return _interval(text, lower, upper, open_end=upper_text == "..")


def _member(text: str) -> tuple[dt.date, dt.date, str]:
    """A member of a set: one date, or consecutive dates `1670..1672`."""
    if ".." not in text:
        point = _point(text)
        return point.first, point.last, point.words
    first_text, _, last_text = text.partition("..")
    first, last = _point(first_text), _point(last_text)
    if last.last < first.first:
        raise DateError(f"`{text}` ends ({last.last.isoformat()}) before it starts ({first.first.isoformat()})")
    return first.first, last.last, f"{first.words} to {last.words}"


def _describe_set(text: str) -> DateInfo:
    """`[a, b]` (one of them) or `{a, b}` (all of them): the span from the first to the last."""
    members = [m.strip() for m in text[1:-1].split(",")]
    for member in members:
        if member.startswith("..") or member.endswith(".."):
            instead = f"../{member[2:]}" if member.startswith("..") else f"{member[:-2]}/.."
            raise DateError(f"a set with an open end (`{text}`) is not supported: "
                            f"write an interval such as `{instead}`")
    read = [_member(m) for m in members]
    words = [w for _, _, w in read]
    listed = ", ".join(words[:-1]) + (" or " if text[0] == "[" else " and ") + words[-1] if len(words) > 1 else words[0]
    approximate, uncertain = _flags(text)
    kind, lead = ("set", "One of") if text[0] == "[" else ("multiple", "All of")
    start, last = min(f for f, _, _ in read), max(la for _, la, _ in read)
    return DateInfo(text, start, last + dt.timedelta(days=1), kind, approximate, uncertain, False,
                    _qualified(f"{lead} {listed}", approximate, uncertain))


# ---------------------------------------------------------------- entry point

@functools.lru_cache(maxsize=1 << 16)
def describe(text: str) -> DateInfo:
    """Parse an EDTF string and describe it. Raises DateError with a reason a contributor can act on.
    Remembered by text (a DateInfo is frozen): a record names the same dates again and again, and the
    resident preview describes every date of the record on each save."""
    plain = _describe_plain(text)
    if plain is not None:
        return plain
    if text != text.strip():
        raise DateError(f"spaces around the date: write `{text.strip()}`")
    _check_with_library(text)
    if text[:1] in "[{":
        return _describe_set(text)
    if "/" in text:
        return _describe_interval(text)
    return _single(text, _point(text), *_flags(text))


def _check_with_library(text: str) -> None:
    """The `edtf` library decides what is valid EDTF; a crash inside it is a form it mishandles, read here."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # the library prints when it fails building a form
            parse_edtf(text)
    except EDTFParseException:
        raise DateError("not a valid EDTF date") from None
    except (AttributeError, TypeError, ValueError):
        # edtf 5.0.2 matches some valid forms but fails building them (`2000-XX/2012`, `1984-1X`, `/..`);
        # this module reads those itself, or refuses them with its own reason.
        pass
