"""Each record's own history: the commits that touched the YAML lines defining it.

The loader runs one `git blame --porcelain` per data file (and one `git log` for the source documents)
and hands over a History; this module turns it into each record's commits, a pure function of the
record's line range. A record's lines run from its own start line to the line before the next record
in the same file (comments between two records belong to the one above them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Iterable, Mapping, Optional

from .errors import Location

UNCOMMITTED = "0" * 40
"""The commit `git blame` names for lines changed in the work tree but not committed."""


@dataclass(frozen=True)
class Commit:
    """One commit, as the record's history shows it."""

    sha: str
    """The full commit id."""
    time: int
    """Committer time, seconds since the epoch (orders commits made on the same day)."""
    date: str
    """Committer date in the committer's own time zone, YYYY-MM-DD (`git log --format=%cs`)."""
    subject: str
    """The first line of the commit message."""


@dataclass(frozen=True)
class History:
    """What git knows about the record's files."""

    commits: dict[str, Commit]
    """Every commit named below, by id."""
    lines: dict[str, tuple[str, ...]]
    """Per data file (repository-relative path): the commit of each line, line 1 first ("" when uncommitted)."""
    documents: dict[str, tuple[str, ...]]
    """Per source document under seeds/: the commits that changed it, newest first."""


def commit_date(seconds: int, zone: str) -> str:
    """A committer time and zone (`+0200`) as the committer's calendar date."""
    sign = -1 if zone.startswith("-") else 1
    offset = timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5])) * sign
    return datetime.fromtimestamp(seconds, timezone(offset)).date().isoformat()


def parse_blame(porcelain: str) -> tuple[tuple[str, ...], dict[str, Commit]]:
    """`git blame --porcelain` output → the commit of each line, and the commits it names."""
    by_line: dict[int, str] = {}
    headers: dict[str, dict[str, str]] = {}
    current = ""
    for line in porcelain.splitlines():
        if line.startswith("\t"):
            continue
        word, _, rest = line.partition(" ")
        if len(word) == 40 and rest[:1].isdigit():
            current = word
            by_line[int(rest.split()[1])] = "" if word == UNCOMMITTED else word
            headers.setdefault(word, {})
        elif current:
            headers[current].setdefault(word, rest)
    commits = {sha: Commit(sha, int(h["committer-time"]), commit_date(int(h["committer-time"]), h["committer-tz"]),
                           h.get("summary", ""))
               for sha, h in headers.items() if sha != UNCOMMITTED and "committer-time" in h}
    return tuple(by_line.get(number, "") for number in range(1, max(by_line, default=0) + 1)), commits


def record_commits(history: History, starts: Mapping[str, Location],
                   documents: Mapping[str, str]) -> dict[str, tuple[Commit, ...]]:
    """The commits that touched each record, newest first, by record id.

    `starts` is where each record begins; `documents` names a source record's document under seeds/,
    whose own commits are part of the source's history."""
    by_file: dict[str, list[tuple[int, str]]] = {}
    for record_id, location in starts.items():
        by_file.setdefault(location.path, []).append((location.line, record_id))
    found: dict[str, tuple[Commit, ...]] = {}
    for path, records in by_file.items():
        lines = history.lines.get(path, ())
        records.sort()
        ends = [line - 1 for line, _ in records[1:]] + [len(lines)]
        for (start, record_id), end in zip(records, ends, strict=True):
            shas = set(lines[start - 1:end])
            shas.update(history.documents.get(documents.get(record_id, ""), ()))
            found[record_id] = _newest_first(history.commits[sha] for sha in shas if sha in history.commits)
    return found


def _newest_first(commits: Iterable[Commit]) -> tuple[Commit, ...]:
    return tuple(sorted(commits, key=lambda c: (c.time, c.sha), reverse=True))


def last_changed(commits: Mapping[str, tuple[Commit, ...]]) -> dict[str, str]:
    """The date of each record's newest commit (records never committed have none)."""
    return {record_id: found[0].date for record_id, found in commits.items() if found}


def newest(dates: Iterable[Optional[str]]) -> Optional[str]:
    """The latest of some YYYY-MM-DD dates, or None."""
    return max((d for d in dates if d), default=None)
