"""The only code that reads input: curated YAML with line numbers, raw source files, the URL registry.

YAML is read from PyYAML's event stream, not with `yaml.load`: we build plain values ourselves,
so that anchors and aliases (alias bombs), tags and duplicate keys are errors, and plain scalars are
resolved by the YAML 1.2 core schema only (`NO` and `2016-04-20` stay strings). A file is read once
without the line of every value (`read_yaml`), which is half the time; the lines are found by reading it
again (`parse_yaml`, `FileMarks`) only when a problem needs one.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Iterator

import yaml

from .characters import forbidden, not_composed
from .errors import Location, Problem
from .history import Commit, History, parse_blame
from .model import KINDS

# The C parser is an order of magnitude faster on large records; PyYAML may be built without it.
_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DATA_DIR = "data"
REGISTRY_FILE = "data/published-urls.txt"
BASEMAP_FILE = "docs/assets/vendor/world-atlas/countries-50m.json"
"""Natural Earth's countries as TopoJSON, vendored out of node_modules by scripts/vendor_assets.py."""

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")

Path_ = tuple  # a key path inside a record: ("actors", 0, "role")

MAX_DEPTH = 12
"""How deep a value may nest in a file: the deepest record field is far less (a list of records, a field,
a list, a mapping…); more is a mistake, and a recursion without end for whatever walks it."""

RECORD_FILE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$")
"""The name of every file of records: lowercase letters, digits and hyphens, then `.yaml`."""


class FileMarks:
    """Where every value and key of one file's records is: found by reading the file's text again, the first
    time a problem needs a place more precise than its record's start (a valid record never does)."""

    def __init__(self, text: str, path: str):
        self._text: str | None = text
        self._path = path
        self._records: tuple[list[dict[Path_, Location]], list[dict[Path_, Location]]] | None = None

    def of(self, index: int) -> tuple[dict[Path_, Location], dict[Path_, Location]]:
        """The value marks and key marks of the file's record `index`, keyed by their path inside it."""
        if self._records is None:
            assert self._text is not None
            data, marks, key_marks = parse_yaml(self._text, self._path)
            self._records = _by_record(len(data), marks, key_marks)
            self._text = None
        return self._records[0][index], self._records[1][index]


def _by_record(count: int, marks: dict[Path_, Location], key_marks: dict[Path_, Location]
               ) -> tuple[list[dict[Path_, Location]], list[dict[Path_, Location]]]:
    # One pass over the marks, grouped by record: never a scan per record.
    record_marks: list[dict[Path_, Location]] = [{} for _ in range(count)]
    record_keys: list[dict[Path_, Location]] = [{} for _ in range(count)]
    for grouped, source in ((record_marks, marks), (record_keys, key_marks)):
        for mark_path, location in source.items():
            if mark_path:
                grouped[mark_path[0]][mark_path[1:]] = location
    return record_marks, record_keys


@dataclass(frozen=True)
class RawRecord:
    """One record as read from YAML, before validation."""

    kind: str
    """The folder it came from (`events`)."""
    location: Location
    """Where the record starts."""
    data: Any
    """Plain values: dicts, lists, str, int, float, bool, None."""
    file_marks: FileMarks = field(repr=False, compare=False)
    """Where the values of the file it is in are (read on first use)."""
    index: int = field(repr=False, compare=False)
    """Its place in that file's list."""

    @property
    def marks(self) -> dict[Path_, Location]:
        """Where each value inside the record is, keyed by its path; `()` is the record itself."""
        return self.file_marks.of(self.index)[0]

    @property
    def key_marks(self) -> dict[Path_, Location]:
        """Where each mapping key is, keyed by the path of its value."""
        return self.file_marks.of(self.index)[1]

    def where(self, path: Path_, *, key: bool = False) -> Location:
        """The closest known location for a path (the key itself when `key`)."""
        path = tuple(path)
        if not path:
            return self.location
        marks, key_marks = self.file_marks.of(self.index)
        if key and path in key_marks:
            return key_marks[path]
        while path not in marks and path:
            path = path[:-1]
        return marks.get(path, self.location)


@dataclass(frozen=True)
class SourceFile:
    """A raw source document's bytes, as found on disk."""

    path: str
    """Relative to the repository root."""
    content: bytes | None
    """None when the file is missing."""


@dataclass(frozen=True)
class Inputs:
    """Everything the build reads."""

    records: list[RawRecord]
    """Every record of every kind, in file order."""
    files: dict[str, SourceFile]
    """Source documents named by source records, keyed by their `file` path."""
    registry: list[tuple[str, Location]]
    """Every URL ever published, with where it is listed."""
    history: History | None
    """What git knows about the lines of each data file and each source document; None without git history."""
    basemap: dict[str, Any] | None
    """The base map's TopoJSON (BASEMAP_FILE); None when it was not vendored."""
    registry_history: dict[str, str]
    """Every URL the registry held in git's history, with the commit that last removed it ('' if none did)."""
    problems: list[Problem]
    """What could not be read."""
    pages: dict[str, str] = field(default_factory=dict)
    """Hand-written pages (docs/*.md) and theme overrides (overrides/**/*.html), by path, for the page lint."""


class _YamlError(Exception):
    def __init__(self, location: Location, message: str):
        self.location, self.message = location, message


_RESOLVED_FIRST = frozenset("~nNtTfF+-.0123456789")
"""The first characters of a plain scalar that may be other than a string (empty is null)."""


def _resolve_plain(value: str) -> Any:
    if value and value[0] not in _RESOLVED_FIRST:
        return value
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


class _Builder:
    """Turns a PyYAML event stream into plain values plus marks, refusing what we do not allow."""

    def __init__(self, path: str, events: Iterator[yaml.Event]):
        self.path = path
        self.events = events
        self.marks: dict[Path_, Location] = {}
        self.key_marks: dict[Path_, Location] = {}

    def loc(self, event: yaml.Event) -> Location:
        mark = event.start_mark
        return Location(self.path, mark.line + 1, mark.column + 1) if mark else Location(self.path)

    def next(self) -> yaml.Event:
        return next(self.events)

    def value(self, event: yaml.Event, path: Path_) -> Any:
        if len(path) > MAX_DEPTH:
            raise _YamlError(self.loc(event), f"a value nested more than {MAX_DEPTH} levels deep: no record nests "
                                              f"that far (check the indentation and the brackets)")
        if isinstance(event, yaml.AliasEvent):
            raise _YamlError(self.loc(event), f"alias '*{event.anchor}' is not allowed: write the value out in full")
        anchor = getattr(event, "anchor", None)
        if anchor:
            raise _YamlError(self.loc(event), f"anchor '&{anchor}' is not allowed: write each value out in full")
        tag = getattr(event, "tag", None)
        if tag and tag != "!":
            raise _YamlError(self.loc(event), f"tag '{tag}' is not allowed: remove it (write plain YAML)")
        self.marks[path] = self.loc(event)
        if isinstance(event, yaml.ScalarEvent):
            return _resolve_plain(event.value) if not event.style else event.value
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            while not isinstance(item := self.next(), yaml.SequenceEndEvent):
                items.append(self.value(item, path + (len(items),)))
            return items
        if isinstance(event, yaml.MappingStartEvent):
            mapping: dict[str, Any] = {}
            while not isinstance(key_event := self.next(), yaml.MappingEndEvent):
                if not isinstance(key_event, yaml.ScalarEvent):
                    raise _YamlError(self.loc(key_event), "a key must be a plain word (`title:`), not a list or mapping")
                key = key_event.value
                if key in mapping:
                    first = self.key_marks[path + (key,)]
                    raise _YamlError(self.loc(key_event),
                                     f"duplicate key '{key}' (first at line {first.line}): keep one of them")
                self.key_marks[path + (key,)] = self.loc(key_event)
                mapping[key] = self.value(self.next(), path + (key,))
            return mapping
        raise _YamlError(self.loc(event), f"unexpected YAML {type(event).__name__}")  # pragma: no cover


class _Again(Exception):
    """The quick reading met something to refuse: read again with every mark, to say exactly where."""


_SCALAR, _SEQUENCE, _MAPPING = yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent
_SEQUENCE_END, _MAPPING_END = yaml.SequenceEndEvent, yaml.MappingEndEvent


class _Quick:
    """`_Builder` without the marks of what is inside a record (only each record's start): a file of
    valid records is read in half the time, and the marks are found again only if a problem needs them."""

    def __init__(self, path: str, events: Iterator[yaml.Event]):
        self.path = path
        self.next = events.__next__
        self.starts: dict[Path_, Location] = {}

    def value(self, event: Any, depth: int, path: Path_) -> Any:  # Any: the attributes differ by kind
        kind = type(event)
        if depth > MAX_DEPTH or kind not in _QUICK or event.anchor or (event.tag and event.tag != "!"):
            raise _Again
        if depth == 0 or (depth == 1 and path):  # the document, and the items of its top-level list
            mark = event.start_mark
            self.starts[path] = Location(self.path, mark.line + 1, mark.column + 1)
        if kind is _SCALAR:
            return event.value if event.style else _resolve_plain(event.value)
        if kind is _SEQUENCE:
            items: list[Any] = []
            while type(item := self.next()) is not _SEQUENCE_END:
                items.append(self.value(item, depth + 1, (len(items),) if depth == 0 else ()))
            return items
        mapping: dict[str, Any] = {}
        while type(key_event := self.next()) is not _MAPPING_END:
            if type(key_event) is not _SCALAR or key_event.value in mapping:
                raise _Again
            mapping[key_event.value] = self.value(self.next(), depth + 1, ())
        return mapping


_QUICK = (_SCALAR, _SEQUENCE, _MAPPING)


def read_yaml(text: str, path: str) -> tuple[Any, dict[Path_, Location]]:
    """Parse one YAML document into plain values and the start of the document and of each item of its
    top-level list (`parse_yaml` has every mark). Raises _YamlError, as `parse_yaml` does."""
    events = yaml.parse(text, Loader=_Loader)
    quick = _Quick(path, events)
    try:
        documents: list[Any] = []
        for event in events:
            kind = type(event)
            if kind is yaml.DocumentStartEvent:
                if documents:
                    raise _Again
                documents.append(quick.value(quick.next(), 0, ()))
            elif kind is yaml.StreamEndEvent:
                break
    except (_Again, yaml.YAMLError):
        parse_yaml(text, path)  # raises the error, with its place
        raise  # pragma: no cover (parse_yaml refuses whatever the quick reading refuses)
    return (documents[0] if documents else None), quick.starts


def _yaml_hint(text: str, mark: Any) -> str:
    """What a YAML error near a tab usually means."""
    if mark is None:
        return ""
    line = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
    if "\t" in line[:mark.column + 1]:
        return " (a tab: indent with spaces, not tabs)"
    return ""


def parse_yaml(text: str, path: str) -> tuple[Any, dict[Path_, Location], dict[Path_, Location]]:
    """Parse one YAML document into plain values, value marks and key marks. Raises _YamlError."""
    events = yaml.parse(text, Loader=_Loader)
    builder = _Builder(path, events)
    try:
        documents: list[Any] = []
        for event in events:
            if isinstance(event, (yaml.StreamStartEvent, yaml.DocumentEndEvent)):
                continue
            if isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, yaml.DocumentStartEvent):
                if documents:
                    raise _YamlError(builder.loc(event), "a second YAML document ('---'): keep one list per file")
                documents.append(builder.value(builder.next(), ()))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
        raise _YamlError(where, f"malformed YAML: {error.problem or error.context}{_yaml_hint(text, mark)}") from error
    except yaml.YAMLError as error:  # the reader's: a character YAML cannot hold (the loader refuses them first)
        raise _YamlError(Location(path, 1, 1), f"malformed YAML: {error}") from error
    if not documents:
        return None, builder.marks, builder.key_marks
    return documents[0], builder.marks, builder.key_marks


def _location_of(text: str, offset: int, path: str) -> Location:
    line = text.count("\n", 0, offset) + 1
    return Location(path, line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def decode_text(content: bytes, rel: str) -> tuple[str | None, list[Problem]]:
    """A curated file's bytes as text: UTF-8 (a leading byte order mark allowed), with no control,
    bidirectional-override or invisible character, and letters composed (NFC); else the problems."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        line = content.count(b"\n", 0, error.start) + 1
        column = error.start - (content.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [Problem(Location(rel, line, column),
                              f"expected UTF-8 text, got the byte 0x{content[error.start]:02x}, which is not UTF-8 "
                              f"(save the file as UTF-8)")]
    text = text.removeprefix("\ufeff")
    found = list(islice(forbidden(text), 5)) + list(islice(not_composed(text), 5))
    return (None if found else text), [Problem(_location_of(text, offset, rel), message) for offset, message in found]


def read_records(root: Path, kind: str, file: Path) -> tuple[list[RawRecord], list[Problem]]:
    """Read one `data/<kind>/*.yaml` file: a list of records."""
    rel = file.relative_to(root).as_posix()
    try:
        content = file.read_bytes()
    except OSError as error:
        return [], [Problem(Location(rel), f"could not read the file: {error.strerror or error} (check its permissions)")]
    text, trouble = decode_text(content, rel)
    if text is None:
        return [], trouble
    try:
        data, starts = read_yaml(text, rel)
    except _YamlError as error:
        return [], [Problem(error.location, error.message)]
    if data is None:
        return [], [Problem(Location(rel, 1, 1), f"empty file: expected a list of {kind}, or delete the file")]
    if not isinstance(data, list):
        got = "a mapping" if isinstance(data, dict) else f"the single value {data!r}"
        return [], [Problem(starts[()], f"expected a list of {kind} (each starting with `- id:`), got {got}")]
    marks = FileMarks(text, rel)
    return [RawRecord(kind, starts[(index,)], item, marks, index) for index, item in enumerate(data)], []


def read_registry_lines(root: Path) -> list[str] | None:
    """The registry file's lines, or None when there is none (or it cannot be read: `load` says why)."""
    file = root / REGISTRY_FILE
    try:
        return file.read_text(encoding="utf-8").splitlines() if file.is_file() else None
    except (OSError, UnicodeDecodeError):
        return None


def read_registry(root: Path) -> tuple[list[tuple[str, Location]], list[Problem]]:
    """The committed list of every URL ever published: one site-relative URL per line, `#` comments."""
    file = root / REGISTRY_FILE
    if not file.is_file() or file.is_symlink():
        return [], [Problem(Location(REGISTRY_FILE), (
            "expected the list of every URL ever published, got no such file (restore it: "
            f"`git checkout HEAD -- {REGISTRY_FILE}`; it is never rebuilt from the current records, which would "
            "forget the URLs of removed ones)"))]
    try:
        content = file.read_bytes()
    except OSError as error:
        return [], [Problem(Location(REGISTRY_FILE), f"could not read the file: {error.strerror or error}")]
    text, problems = decode_text(content, REGISTRY_FILE)
    if text is None:
        return [], problems
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if line and not line.startswith("#"):
            entries.append((line, Location(REGISTRY_FILE, number, 1)))
    return entries, []


def _git(root: Path, *args: str) -> str | None:
    """A git command's output in the repository, or None outside a git checkout (or without git)."""
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.decode("utf-8", "replace") if result.returncode == 0 else None


def read_registry_history(root: Path) -> dict[str, str]:
    """Every URL the registry ever held in the repository's history, with the commit that last removed it
    (or '' if no commit did): one `git log -p` of the registry, read once. Empty outside a git checkout."""
    log = _git(root, "log", "--format=commit %h", "-p", "-U0", "--no-color", "--no-ext-diff", "--no-renames",
               "--", REGISTRY_FILE)
    history: dict[str, str] = {}
    commit = ""
    for line in (log or "").splitlines():
        if line.startswith("commit "):
            commit = line[len("commit "):]
            continue
        if line.startswith(("+++", "---")) or line[:1] not in "+-":
            continue
        url = line[1:].strip()
        if url and not url.startswith("#"):
            # Newest commit first: the first removal seen is the last one.
            if line[0] == "-" and not history.get(url):
                history[url] = commit
            else:
                history.setdefault(url, "")
    return history


def read_history(root: Path, data_files: list[str]) -> History | None:
    """One `git blame` per data file and one `git log` for seeds/; None outside a git checkout
    (a downloaded archive): pages then say that the history is unavailable."""
    if _git(root, "rev-parse", "--is-inside-work-tree") is None:
        return None
    commits: dict[str, Commit] = {}
    lines: dict[str, tuple[str, ...]] = {}
    for path in data_files:
        porcelain = _git(root, "blame", "--porcelain", "--", path)
        if porcelain:  # an untracked file has no history yet
            lines[path], found = parse_blame(porcelain)
            commits.update(found)
    documents: dict[str, list[str]] = {}
    log = _git(root, "log", "--format=%x00%H%x09%ct%x09%cs%x09%s", "--name-only", "--", "seeds") or ""
    for entry in log.split("\0")[1:]:
        header, *files = entry.strip("\n").split("\n")
        sha, seconds, date, subject = header.split("\t", 3)
        commits.setdefault(sha, Commit(sha, int(seconds), date, subject))
        for file in filter(None, (f.strip() for f in files)):
            documents.setdefault(file, []).append(sha)  # newest first, as git log lists them
    return History(commits, lines, {path: tuple(shas) for path, shas in documents.items()})


def read_basemap(root: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The vendored base map, or a warning that maps will be drawn without coastlines."""
    file = root / BASEMAP_FILE
    if not file.is_file():
        return None, [Problem(Location(BASEMAP_FILE), "the base map is missing: maps are drawn without coastlines "
                              "(run `make vendor`, which copies it out of node_modules)", severity="warning")]
    return json.loads(file.read_bytes()), []


def _symlink_problem(root: Path, path: Path, rel: str) -> Problem | None:
    """A symbolic link that leaves the repository, loops, or leads nowhere."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except RuntimeError:
        return Problem(Location(rel), "expected a file, got a symbolic link that leads back to itself (a loop): "
                                      "replace the link with the file itself")
    except OSError:
        return Problem(Location(rel), "expected a file, got a symbolic link to nothing: replace the link with the file")
    if not target.is_relative_to(root.resolve()):
        return Problem(Location(rel), "expected a file inside the repository, got a symbolic link to a file outside "
                                      "it: replace the link with the file itself")
    return None


def _entries(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError:
        return []


def _record_file_problem(path: Path, rel: str, kind: str) -> Problem | None:
    """Why a file in data/<kind>/ would not be read as records, or None."""
    if path.is_dir():
        return Problem(Location(rel), f"expected files of records directly in data/{kind}/, got a folder, whose "
                                      f"files would not be read (move them up into data/{kind}/)")
    if RECORD_FILE.match(path.name) and path.is_file():
        return None
    if not path.is_file():
        return Problem(Location(rel), "expected a file of records, got something that is neither a file nor a folder "
                                      "(delete it)")
    stem = path.name.split(".")[0]
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or kind
    return Problem(Location(rel), (
        f"expected a file of records named with lowercase letters, digits and hyphens and ending in `.yaml`, got "
        f"'{path.name}', which is not read (rename it to '{slug}.yaml', or move it out of data/)"))


def _data_entry_problem(path: Path, rel: str) -> Problem:
    """Why an entry directly in data/ is not read."""
    stem = path.name.split(".")[0]
    if path.is_file() and stem in KINDS:
        return Problem(Location(rel), (f"expected records in the folder data/{stem}/, got the file '{path.name}' "
                                       f"beside it, which is not read (move it to data/{stem}/{stem}.yaml)"))
    if path.is_dir():
        return Problem(Location(rel), f"unknown folder '{path.name}': expected one of {sorted(KINDS)}")
    return Problem(Location(rel), (f"expected only the folders {sorted(KINDS)} and "
                                   f"{REGISTRY_FILE.split('/')[-1]} in data/, got '{path.name}', which is not read "
                                   f"(move it out of data/, or delete it)"))


def find_record_files(root: Path) -> tuple[list[tuple[str, Path]], list[Problem]]:
    """Every file of records under data/, by kind; a problem for every other entry (none is silently skipped)."""
    data_dir = root / DATA_DIR
    if not root.is_dir():
        return [], [Problem(Location(str(root)), "expected the repository's folder, got no such folder "
                                                 "(pass --root the folder that holds data/ and seeds/)")]
    if not data_dir.is_dir():
        return [], [Problem(Location(DATA_DIR), f"expected the record's folder data/ in '{root}', got none "
                                                f"(run from the repository's root, or pass --root)")]
    files: list[tuple[str, Path]] = []
    problems: list[Problem] = []
    for entry in _entries(data_dir):
        rel = f"{DATA_DIR}/{entry.name}"
        link = _symlink_problem(root, entry, rel)
        if link is not None:
            problems.append(link)
        elif entry.name in KINDS and entry.is_dir():
            for file in _entries(entry):
                rel = f"{DATA_DIR}/{entry.name}/{file.name}"
                trouble = _symlink_problem(root, file, rel) or _record_file_problem(file, rel, entry.name)
                if trouble is None:
                    files.append((entry.name, file))
                else:
                    problems.append(trouble)
        elif rel != REGISTRY_FILE:
            problems.append(_data_entry_problem(entry, rel))
    if not files and not problems:
        problems.append(Problem(Location(DATA_DIR), f"expected records in data/<kind>/*.yaml, got none in '{root}' "
                                                    f"(run from the repository's root, or pass --root)"))
    return files, problems


def load(root: Path) -> Inputs:
    """Read every curated file under `data/`, the source files they name, and the URL registry."""
    return Reader(root).load()[0]


def _source_file(root: Path, rel: str) -> SourceFile:
    """A source document's bytes, if it is a readable file inside seeds/."""
    path = root / rel
    try:
        inside = "\0" not in rel and path.resolve().is_relative_to((root / "seeds").resolve())
        return SourceFile(rel, path.read_bytes() if inside and path.is_file() else None)
    except (OSError, RuntimeError, ValueError):
        return SourceFile(rel, None)


def read_pages(root: Path) -> dict[str, str]:
    """The hand-written pages and theme overrides a reader's browser gets (undecodable bytes replaced)."""
    found = [*(root / "docs").glob("*.md"), *(root / "overrides").rglob("*.html")]
    pages = {}
    for path in sorted(found):
        if path.is_file() and not path.is_symlink():
            pages[path.relative_to(root).as_posix()] = path.read_bytes().decode("utf-8", "replace")
    return pages


class Reader:
    """`load()` for the resident preview: each call re-reads only the files that changed since the last.

    A file is re-read when its size or modification time differs; the records of every other file are the
    very objects of the last call, so validation recognises them (rules/schema.py, fields.py) and does not
    redo their work. Git's history is read once, then re-read only for the data files that changed."""

    def __init__(self, root: Path):
        self.root = root
        self._records: dict[Path, tuple[tuple[int, int], list[RawRecord], list[Problem]]] = {}
        self._sources: dict[str, tuple[tuple[int, int], SourceFile]] = {}
        self._history: History | None = None
        self._fixed: tuple[dict[str, str], dict[str, Any] | None, list[Problem]] | None = None
        self._registry: tuple[tuple, tuple[list[tuple[str, Location]], list[Problem]]] | None = None

    @staticmethod
    def _signature(path: Path) -> tuple[int, int]:
        try:
            status = path.stat()
        except OSError:
            return (-1, -1)
        return (status.st_mtime_ns, status.st_size)

    def load(self) -> tuple[Inputs, set[str]]:
        """Everything the build reads, and the repository-relative paths of the files read again."""
        changed: set[str] = set()
        records: list[RawRecord] = []
        found, problems = find_record_files(self.root)
        kept: dict[Path, tuple[tuple[int, int], list[RawRecord], list[Problem]]] = {}
        for kind, file in found:
            signature = self._signature(file)
            cached = self._records.get(file)
            if cached is None or cached[0] != signature:
                read, trouble = read_records(self.root, kind, file)
                cached = (signature, read, trouble)
                changed.add(file.relative_to(self.root).as_posix())
            kept[file] = cached
            records.extend(cached[1])
            problems.extend(cached[2])
        changed |= {file.relative_to(self.root).as_posix() for file in self._records.keys() - kept.keys()}
        self._records = kept
        files: dict[str, SourceFile] = {}
        sources: dict[str, tuple[tuple[int, int], SourceFile]] = {}
        for record in records:
            if record.kind == "sources" and isinstance(record.data, dict) and isinstance(record.data.get("file"), str):
                rel = record.data["file"]
                signature = self._signature(self.root / rel)
                hit = self._sources.get(rel)
                if hit is None or hit[0] != signature:
                    hit = (signature, _source_file(self.root, rel))
                    changed.add(rel)
                sources[rel] = hit
                files[rel] = hit[1]
        self._sources = sources
        registry_file = self.root / REGISTRY_FILE
        state = (self._signature(registry_file), registry_file.is_symlink(), (self.root / DATA_DIR).is_dir())
        if self._registry is None or self._registry[0] != state:
            self._registry = (state, read_registry(self.root) if state[2] else ([], []))
        registry, trouble = self._registry[1]
        problems.extend(trouble)
        if self._fixed is None:  # what an edit to the record does not change
            basemap, trouble = read_basemap(self.root)
            self._fixed = (read_registry_history(self.root), basemap, trouble)
        registry_history, basemap, trouble = self._fixed
        problems.extend(trouble)
        data_files = [file.relative_to(self.root).as_posix() for _, file in found]
        self._history = self._updated_history(data_files, changed)
        return Inputs(records, files, registry, self._history, basemap, registry_history, problems,
                      read_pages(self.root)), changed

    def _updated_history(self, data_files: list[str], changed: set[str]) -> History | None:
        if self._history is None:
            return read_history(self.root, data_files)
        again = [path for path in data_files if path in changed]
        if not again and not any(path.startswith("seeds/") for path in changed):
            return self._history
        fresh = read_history(self.root, again)
        if fresh is None:
            return None
        lines = {path: lines for path, lines in self._history.lines.items() if path in data_files and path not in again}
        return History({**self._history.commits, **fresh.commits}, {**lines, **fresh.lines}, fresh.documents)
