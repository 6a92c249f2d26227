"""build_site.dates against tests/dates/cases.tsv, and every accepted span against the `edtf` library.

The table holds the EDTF specification's examples (levels 0-2, source `loc-spec`), the test strings
of python-edtf (ixc/python-edtf 603859e, edtf/parser/tests.py) and of edtf-validate
(unt-libraries/edtf-validate 01c13c5, tests/test_valid_edtf.py), every date the record uses
(`record`) and edge cases of this record (`this-record`). Each row says what describe() gives:
start, end, precision, flags (~ approximate, ? uncertain, < open start, > open or unknown end) and
the label, or `refused` and the reason. tests/dates/make_cases.py rewrites the expected columns;
every change it makes is to be read, not trusted.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import pathlib
from time import struct_time
from typing import Any

import pytest
from edtf import parse_edtf

from build_site.dates import OPEN_END, OPEN_START, DateError, DateInfo, describe

TABLE = pathlib.Path(__file__).parent / "dates" / "cases.tsv"
ROWS = [line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines()[1:] if line]
CASES = [pytest.param(json.loads(row[0]), *row[2:], id=row[0]) for row in ROWS]


def test_the_table_is_large_and_covers_each_source():
    sources = " ".join(row[1] for row in ROWS)
    assert len(ROWS) >= 300
    for source in ("loc-spec", "python-edtf:", "edtf-validate:", "record"):
        assert source in sources


@pytest.mark.parametrize("text,start,end,precision,flags,label_or_reason", CASES)
def test_case(text, start, end, precision, flags, label_or_reason):
    if precision == "refused":
        with pytest.raises(DateError) as refused:
            describe(text)
        assert str(refused.value) == label_or_reason
        return
    d = describe(text)
    assert (d.start.isoformat(), d.end.isoformat() if d.end else "", d.precision, d.label) == (
        start, end, precision, label_or_reason)
    assert (d.approximate, d.uncertain, d.open_start, d.open_end) == tuple(f in flags for f in "~?<>")


def _day(value: Any) -> dt.date | float:
    if isinstance(value, float):
        return value
    assert isinstance(value, struct_time)
    return dt.date(value.tm_year, value.tm_mon, value.tm_mday)


def _library_bounds(text: str) -> tuple[dt.date | float | None, dt.date | float | None]:
    """(first day, last day) by the `edtf` library; None for a side the library invents (unknown, `/`)."""
    if "/" not in text:
        parsed = parse_edtf(text)
        return _day(parsed.lower_strict()), _day(parsed.upper_strict())
    lower_text, _, upper_text = text.partition("/")
    try:
        parsed = parse_edtf(text)
        lower, upper = parsed.lower, parsed.upper
    except (AttributeError, TypeError):  # edtf 5.0.2 fails building some valid intervals: read each side
        lower = None if lower_text in ("", "..") else parse_edtf(lower_text)
        upper = None if upper_text in ("", "..") else parse_edtf(upper_text)
    first = _day(lower.lower_strict()) if lower_text not in ("", "..") else None
    last = _day(upper.upper_strict()) if upper_text not in ("", "..") else None
    return first, last


def _accepted() -> list[Any]:
    return [case for case, row in zip(CASES, ROWS, strict=True) if row[4] != "refused"]


@pytest.mark.parametrize("text,start,end,precision,flags,label_or_reason", _accepted())
def test_bounds_agree_with_the_edtf_library(text, start, end, precision, flags, label_or_reason):
    d = describe(text)
    last = (d.end - dt.timedelta(days=1)) if d.end else d.start
    first_by_library, last_by_library = _library_bounds(text)
    if d.open_start:  # drawn from the record's start, or from the end's first day if that is earlier
        end_first = _day(parse_edtf(text.partition("/")[2]).lower_strict())
        assert first_by_library is None and d.start == min(OPEN_START, end_first)
    else:
        assert d.start == first_by_library
    if d.open_end:
        assert last_by_library is None and last >= OPEN_END
    else:
        assert last == last_by_library


def test_bounds_that_the_library_leaves_infinite_or_invents_are_the_record_period():
    assert isinstance(parse_edtf("../2016").lower_strict(), float) and math.isinf(parse_edtf("../2016").lower_strict())
    assert describe("../2016").start == OPEN_START and describe("../2016").open_start
    # the library puts an unknown end ten years on; the record draws it to the end of its period
    assert describe("2016/").end == OPEN_END + dt.timedelta(days=1) and describe("2016/").label == "From 2016, end unknown"
    assert describe("2019-05-01/..").end == dt.date(2019, 5, 2), "an open end never comes before the start"


def test_nothing_valid_crashes():
    for row in ROWS:
        try:
            assert isinstance(describe(json.loads(row[0])), DateInfo)
        except DateError:
            pass


def test_library_messages_do_not_reach_the_output(capsys):
    with pytest.raises(DateError):
        describe("1984-1X")
    assert capsys.readouterr().out == ""
