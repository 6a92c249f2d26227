"""Dates: every EDTF string in the record parsed and described once."""

from __future__ import annotations

from ..dates import DateError, DateInfo, describe
from ..errors import Problem
from ..fields import dates, field_name
from . import Parsed, problem


def describe_dates(parsed: Parsed) -> tuple[dict[str, DateInfo], list[Problem]]:
    """Every date field's text, described; a problem for each that is not a date this record can show."""
    described: dict[str, DateInfo] = {}
    problems = []
    for kind, records in parsed.records.kinds():
        for record_id, record in records.items():
            for path, text in dates(record):
                try:
                    described[text] = describe(text)
                except DateError as error:
                    problems.append(problem(parsed.raws[record_id].where(path), kind, record_id, field_name(path),
                                            f"expected an EDTF date such as 2016-04-20, 2016-04~ or 2016-05/2016-12, "
                                            f"got {text!r}: {error}"))
    return described, problems
