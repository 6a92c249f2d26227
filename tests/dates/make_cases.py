"""Regenerate the expected columns of tests/dates/cases.tsv from build_site.dates, for review.

    python tests/dates/make_cases.py          # rewrites cases.tsv; review `git diff` line by line

The strings and their sources come from cases.tsv itself (its first two columns): to add a case,
add a row with the text and where it comes from, leave the other columns empty, and run this.
Never commit a regenerated table without reading every changed label and reason.
"""

from __future__ import annotations

import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))

from build_site.dates import DateError, describe

TABLE = pathlib.Path(__file__).with_name("cases.tsv")
HEADER = ["text", "sources", "start", "end", "precision", "flags", "label_or_reason"]


def expected(text: str) -> list[str]:
    try:
        d = describe(text)
    except DateError as error:
        return ["", "", "refused", "", str(error)]
    flags = "".join(f for f, on in (("~", d.approximate), ("?", d.uncertain), ("<", d.open_start),
                                    (">", d.open_end)) if on)
    return [d.start.isoformat(), d.end.isoformat() if d.end else "", d.precision, flags, d.label]


def main() -> None:
    rows = [line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines()[1:] if line]
    out = ["\t".join(HEADER)]
    for row in rows:
        text = json.loads(row[0])
        out.append("\t".join([row[0], row[1], *expected(text)]))
    TABLE.write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
