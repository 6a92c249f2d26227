"""Raw records → typed models, with every problem found in one pass.

Each problem reads `path:line:col: <kind> '<id>', <field>: expected …, got … (hint)`.
Nothing here reads or writes files: the loader hands us bytes and values.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional

from pydantic import ValidationError

from . import model as m
from .dates import DateError, DateInfo, describe
from .errors import Location, Problem
from .loader import Inputs, RawRecord
from .text import Match, Paragraph, QuoteIndex, split_paragraphs

URL_PREFIX = {"sources": "sources", "actors": "actors", "places": "places", "operations": "operations",
              "events": "events"}
"""Kinds that have a page of their own, and the folder of their URL."""


HIDDEN_ACTIONS = {"debris", "duplicate"}
YEAR_PAGE = re.compile(r"[0-9]{4}")
"""Event ids of this form are taken: events/<year>/ lists that year's events."""
"""Cleaning actions that fold a paragraph away from the displayed text."""


def page_url(kind: str, record_id: str) -> str:
    """The permanent site-relative URL of a record's page (claims live on pages as `#claim-<id>`)."""
    return f"{URL_PREFIX[kind]}/{record_id}/"


def claim_url(record_id: str) -> str:
    """The registry entry of a claim: its anchor id, which must never disappear."""
    return f"claims#{record_id}"


@dataclass(frozen=True)
class Checked:
    """Valid models and what the checks computed, ready to be linked."""

    models: dict[str, dict[str, m.Record]]
    """Per kind, records by id, sorted by id."""
    locations: dict[str, Location]
    """Where each record starts, by id (for messages and "edit this page")."""
    paragraphs: dict[str, list[Paragraph]]
    """Each source's paragraphs, by source id."""
    raw: dict[str, bytes]
    """Each source's raw bytes, by source id."""
    quotes: dict[str, Match]
    """Where each claim's quote was found, by claim id."""
    dates: dict[str, DateInfo]
    """Every EDTF string in the record, described."""
    registry: tuple[str, ...]
    """Every URL ever published."""
    last_changed: dict[str, str]
    """When each record last changed (YYYY-MM-DD), by id, where git knows."""
    problems: list[Problem] = field(default_factory=list)
    """Errors and warnings found."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


# --------------------------------------------------------------------------- helpers


def _field_name(path: tuple) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "record"


def _describe_value(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (a yes/no value)"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, float):
        return f"the number {value}"
    if isinstance(value, str):
        short = value if len(value) <= 60 else value[:57] + "..."
        return repr(short)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _suggest(word: str, choices: list[str] | set[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _slug_hint(value: str) -> str:
    import re

    slug = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
    return f" (try '{slug}')" if slug and slug != value else ""


def _model_at(model: type, path: tuple) -> Optional[type]:
    """The pydantic model that holds the last element of `path` (to list its fields)."""
    current = model
    for part in path[:-1]:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part)
        if info is None:
            return None
        annotation = info.annotation
        for candidate in _model_types(annotation):
            current = candidate
            break
        else:
            return None
    return current


def _model_types(annotation: Any) -> Iterator[type]:
    args = getattr(annotation, "__args__", ()) or ()
    if isinstance(annotation, type) and issubclass(annotation, m.Record):
        yield annotation
    for arg in args:
        yield from _model_types(arg)


def _pydantic_message(error: dict, model: type, raw: RawRecord) -> tuple[Location, str, str]:
    """(location, field, 'expected …, got … (hint)') for one pydantic error."""
    loc = tuple(error["loc"])
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    name = _field_name(loc)
    where = raw.where(loc)
    if kind == "missing":
        return raw.where(loc[:-1]), name, f"expected a value, got nothing (add `{loc[-1]}:`)"
    if kind == "extra_forbidden":
        holder = _model_at(model, loc)
        known = sorted(holder.model_fields) if holder else []
        hint = _suggest(str(loc[-1]), known) or f" (known fields: {', '.join(known)})"
        return raw.where(loc, key=True), name, f"expected a known field, got unknown field '{loc[-1]}'{hint}"
    if kind == "literal_error":
        allowed = ctx.get("expected", "")
        choices = [c.strip().strip("'") for c in allowed.replace(" or ", ", ").split(",")]
        hint = _suggest(str(value), choices) if isinstance(value, str) else ""
        return where, name, f"expected one of [{', '.join(choices)}], got {_describe_value(value)}{hint}"
    if kind == "string_type":
        hint = " (put it in quotes)" if isinstance(value, (int, float, bool)) else ""
        return where, name, f"expected text, got {_describe_value(value)}{hint}"
    if kind in ("int_type", "int_parsing"):
        hint = " (remove the quotes)" if isinstance(value, str) and value.strip().lstrip("-").isdigit() else ""
        return where, name, f"expected a whole number, got {_describe_value(value)}{hint}"
    if kind in ("float_type", "float_parsing"):
        hint = ""
        if isinstance(value, str):
            try:
                float(value)
                hint = " (remove the quotes)"
            except ValueError:
                pass
        return where, name, f"expected a number, got {_describe_value(value)}{hint}"
    if kind == "list_type":
        return where, name, f"expected a list (`- item` lines or `[a, b]`), got {_describe_value(value)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return where, name, f"expected a mapping (`key: value` lines), got {_describe_value(value)}"
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        if pattern == m.ID_PATTERN:
            hint = _slug_hint(value) if isinstance(value, str) else ""
            return where, name, f"expected an id of lowercase letters, digits and single hyphens, got {_describe_value(value)}{hint}"
        return where, name, f"expected text matching {pattern}, got {_describe_value(value)}"
    if kind == "string_too_short":
        return where, name, "expected some text, got an empty string (write a value or remove the field)"
    if kind == "too_short":
        return where, name, f"expected at least {ctx.get('min_length')} item(s), got {len(value) if isinstance(value, list) else 0}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = {"greater_than_equal": "at least", "less_than_equal": "at most",
                 "greater_than": "more than", "less_than": "less than"}[kind]
        limit = next(iter(ctx.values()), "")
        return where, name, f"expected a number {bound} {limit}, got {_describe_value(value)}"
    if kind == "string_too_long":
        return where, name, f"expected at most {ctx.get('max_length')} characters, got {len(value)}"
    return where, name, f"expected {error['msg'].lower()}, got {_describe_value(value)}"


# --------------------------------------------------------------------------- references


REF_KINDS_ABOUT = ("events", "actors", "operations", "places")


def _references(kind: str, record: m.Record) -> Iterator[tuple[tuple, str, tuple[str, ...]]]:
    """(path, referenced id, kinds it may be) for every reference a record makes."""
    if isinstance(record, m.Actor):
        for i, aff in enumerate(record.affiliations):
            yield ("affiliations", i, "actor"), aff.actor, ("actors",)
            for j, claim in enumerate(aff.claims):
                yield ("affiliations", i, "claims", j), claim, ("claims",)
    elif isinstance(record, m.Place):
        if record.within:
            yield ("within",), record.within, ("places",)
    elif isinstance(record, m.Operation):
        for i, actor in enumerate(record.conducted_by):
            yield ("conducted_by", i), actor, ("actors",)
        for i, place in enumerate(record.places):
            yield ("places", i), place, ("places",)
        if record.parent:
            yield ("parent",), record.parent, ("operations",)
    elif isinstance(record, m.Event):
        for i, place in enumerate(record.places):
            yield ("places", i), place, ("places",)
        for i, part in enumerate(record.actors):
            yield ("actors", i, "actor"), part.actor, ("actors",)
        if record.operation:
            yield ("operation",), record.operation, ("operations",)
        for i, cas in enumerate(record.casualties):
            if cas.party:
                yield ("casualties", i, "party"), cas.party, ("actors",)
            for j, claim in enumerate(cas.claims):
                yield ("casualties", i, "claims", j), claim, ("claims",)
        if record.dispute:
            for i, account in enumerate(record.dispute.accounts):
                for j, claim in enumerate(account.claims):
                    yield ("dispute", "accounts", i, "claims", j), claim, ("claims",)
                for point, position in account.positions.items():
                    if isinstance(position, m.Position):
                        for j, claim in enumerate(position.claims):
                            yield ("dispute", "accounts", i, "positions", point, "claims", j), claim, ("claims",)
    elif isinstance(record, m.Claim):
        yield ("about",), record.about, REF_KINDS_ABOUT
        if record.speaker.actor:
            yield ("speaker", "actor"), record.speaker.actor, ("actors",)
        if record.speaker.on_behalf_of:
            yield ("speaker", "on_behalf_of"), record.speaker.on_behalf_of, ("actors",)
        if record.via:
            yield ("via",), record.via, ("actors",)
        yield ("source",), record.source, ("sources",)


def _edtf_fields(record: m.Record) -> Iterator[tuple[tuple, str]]:
    if isinstance(record, m.Source):
        yield ("date",), record.date
        for i, part in enumerate(record.parts):
            if part.date:
                yield ("parts", i, "date"), part.date
    elif isinstance(record, m.Actor):
        for i, aff in enumerate(record.affiliations):
            if aff.period:
                yield ("affiliations", i, "period"), aff.period
    elif isinstance(record, m.Operation):
        if record.period:
            yield ("period",), record.period
    elif isinstance(record, m.Event):
        yield ("date",), record.date


# --------------------------------------------------------------------------- the checks


class _Validator:
    def __init__(self, inputs: Inputs):
        self.inputs = inputs
        self.problems: list[Problem] = list(inputs.problems)
        self.models: dict[str, dict[str, m.Record]] = {kind: {} for kind in m.KINDS}
        self.raws: dict[str, RawRecord] = {}
        self.kind_of: dict[str, str] = {}
        self.locations: dict[str, Location] = {}
        self.dates: dict[str, DateInfo] = {}
        self.paragraphs: dict[str, list[Paragraph]] = {}
        self.raw_bytes: dict[str, bytes] = {}
        self.quotes: dict[str, Match] = {}
        self.invalid: set[str] = set()
        """Ids of records that failed their own checks: references to them are not reported again."""
        self.unreadable = bool(inputs.problems)
        """A whole file could not be read: its records are unknown, so cross-record checks would only mislead."""

    def problem(self, location: Location, kind: str, record_id: str, name: str, message: str,
                severity: str = "error") -> None:
        self.problems.append(Problem(location, f"{m.SINGULAR[kind]} '{record_id}', {name}: {message}", severity))

    def run(self) -> Checked:
        for raw in self.inputs.records:
            self.parse(raw)
        for kind, records in self.models.items():
            self.models[kind] = dict(sorted(records.items()))
        if not self.unreadable:
            self.check_references()
        self.check_dates()
        self.check_sources()
        self.check_claims()
        self.check_events()
        if not self.unreadable and not self.invalid:
            self.check_orphans()
        if not self.unreadable:
            self.check_registry()
        return Checked(self.models, self.locations, self.paragraphs, self.raw_bytes, self.quotes, self.dates,
                       tuple(url for url, _ in self.inputs.registry), self.record_dates(), sorted(self.problems))

    def record_dates(self) -> dict[str, str]:
        changed = self.inputs.last_changed
        dates = {}
        for record_id, location in self.locations.items():
            candidates = [changed.get(location.path)]
            source = self.models["sources"].get(record_id)
            if source is not None:
                candidates.append(changed.get(source.file))
            known = [d for d in candidates if d]
            if known:
                dates[record_id] = max(known)
        return dates

    # -- schema and ids

    def parse(self, raw: RawRecord) -> None:
        model = m.KINDS[raw.kind]
        record_id = raw.data.get("id") if isinstance(raw.data, dict) else None
        label = record_id if isinstance(record_id, str) else f"#{raw.location.line}"
        if not isinstance(raw.data, dict):
            self.problem(raw.location, raw.kind, label, "record",
                         f"expected a mapping (`id: …` and other fields), got {_describe_value(raw.data)}")
            return
        try:
            record = model.model_validate(raw.data)
        except ValidationError as error:
            if isinstance(record_id, str):
                self.invalid.add(record_id)
            former = raw.data.get("former_ids")
            if isinstance(former, list):
                self.invalid.update(old for old in former if isinstance(old, str))
            for detail in error.errors(include_url=False):
                where, name, message = _pydantic_message(detail, model, raw)
                self.problem(where, raw.kind, label, name, message)
            return
        if record.id in self.kind_of:
            first = self.locations[record.id]
            other = m.SINGULAR[self.kind_of[record.id]]
            self.problem(raw.where(("id",)), raw.kind, record.id, "id",
                         f"expected an id used once across all kinds, got one already used by the {other} at "
                         f"{first} (choose another id)")
            return
        if raw.kind == "events":
            for path, value in [(("id",), record.id)] + [(("former_ids", i), old) for i, old in enumerate(record.former_ids)]:
                if YEAR_PAGE.fullmatch(value):
                    self.problem(raw.where(path), raw.kind, record.id, _field_name(path),
                                 f"expected an id that is not a year, got '{value}': events/{value}/ is the page of "
                                 f"that year's events (describe the event, e.g. '{value}-siege-of-derna')")
        self.models[raw.kind][record.id] = record
        self.kind_of[record.id] = raw.kind
        self.raws[record.id] = raw
        self.locations[record.id] = raw.location

    def check_references(self) -> None:
        all_former: dict[str, str] = {}
        for kind, records in self.models.items():
            for record_id, record in records.items():
                raw = self.raws[record_id]
                for path, target, kinds in _references(kind, record):
                    if self.kind_of.get(target) in kinds or target in self.invalid:
                        continue
                    candidates = [i for k in kinds for i in self.models[k]]
                    wanted = " or ".join(m.SINGULAR[k] for k in kinds)
                    article = "an" if wanted[0] in "aeiou" else "a"
                    if target in self.kind_of:
                        found = f"the {m.SINGULAR[self.kind_of[target]]} '{target}'"
                    else:
                        found = f"'{target}', which does not exist"
                    self.problem(raw.where(path), kind, record_id, _field_name(path),
                                 f"expected the id of {article} {wanted}, got {found}{_suggest(target, candidates)}")
                for i, former in enumerate(getattr(record, "former_ids", [])):
                    path = ("former_ids", i)
                    if former in self.kind_of:
                        self.problem(raw.where(path), kind, record_id, _field_name(path),
                                     f"expected an id no current record uses, got '{former}', the id of the "
                                     f"{m.SINGULAR[self.kind_of[former]]} at {self.locations[former]}")
                    elif former in all_former:
                        self.problem(raw.where(path), kind, record_id, _field_name(path),
                                     f"expected a former id listed once, got '{former}', also listed by '{all_former[former]}'")
                    all_former[former] = record_id

    def check_dates(self) -> None:
        for kind, records in self.models.items():
            for record_id, record in records.items():
                for path, text in _edtf_fields(record):
                    try:
                        self.dates[text] = describe(text)
                    except DateError as error:
                        self.problem(self.raws[record_id].where(path), kind, record_id, _field_name(path),
                                     f"expected an EDTF date such as 2016-04-20, 2016-04~ or 2016-05/2016-12, "
                                     f"got {text!r}: {error}")

    # -- sources

    def check_sources(self) -> None:
        for source_id, source in self.models["sources"].items():
            raw = self.raws[source_id]
            found = self.inputs.files.get(source.file)
            if found is None or found.content is None:
                self.problem(raw.where(("file",)), "sources", source_id, "file",
                             f"expected a file under seeds/, got {source.file!r}, which does not exist "
                             f"(copy the document into seeds/ byte for byte)")
                continue
            digest = hashlib.sha256(found.content).hexdigest()
            if digest != source.sha256:
                self.problem(raw.where(("sha256",)), "sources", source_id, "sha256",
                             f"expected the SHA-256 of {source.file}, got {source.sha256} but the file's is "
                             f"{digest} (source files are kept byte for byte: restore the original, or record a "
                             f"new document under a new id)")
                continue
            try:
                text = found.content.decode("utf-8")
            except UnicodeDecodeError as error:
                self.problem(raw.where(("file",)), "sources", source_id, "file",
                             f"expected UTF-8 text, got an undecodable byte at offset {error.start} "
                             f"(convert the file to UTF-8 and record the new SHA-256)")
                continue
            paragraphs = split_paragraphs(text)
            self.paragraphs[source_id] = paragraphs
            self.raw_bytes[source_id] = found.content
            count = len(paragraphs)
            for i, note in enumerate(source.cleaning):
                for j, number in enumerate(note.paragraphs):
                    if number > count:
                        self.problem(raw.where(("cleaning", i, "paragraphs", j)), "sources", source_id,
                                     f"cleaning[{i}].paragraphs[{j}]",
                                     f"expected a paragraph number from 1 to {count}, got {number}")
            previous = 0
            for i, part in enumerate(source.parts):
                path = ("parts", i, "first_paragraph")
                if not previous < part.first_paragraph <= count:
                    self.problem(raw.where(path), "sources", source_id, _field_name(path),
                                 f"expected a paragraph number after {previous} and at most {count}, "
                                 f"got {part.first_paragraph} (parts are listed in order)")
                previous = max(previous, part.first_paragraph)
            anchors = Counter(part.anchor for part in source.parts)
            for anchor, times in anchors.items():
                if times > 1 or (anchor.startswith("p") and anchor[1:].isdigit()):
                    self.problem(raw.where(("parts",)), "sources", source_id, "parts",
                                 f"expected unique part anchors that are not paragraph anchors, got '{anchor}'")

    # -- claims

    def check_claims(self) -> None:
        # A quote is looked for in the paragraphs readers see: a repeat or scraping debris, hidden by a
        # `cleaning` note, is not a second occurrence (and no claim should cite it).
        indexes = {}
        for source_id, paragraphs in self.paragraphs.items():
            hidden = {number for note in self.models["sources"][source_id].cleaning
                      if note.action in HIDDEN_ACTIONS for number in note.paragraphs}
            indexes[source_id] = QuoteIndex([p for p in paragraphs if p.number not in hidden])
        for claim_id, claim in self.models["claims"].items():
            raw = self.raws[claim_id]
            speaker = claim.speaker
            if bool(speaker.actor) == bool(speaker.name):
                self.problem(raw.where(("speaker",)), "claims", claim_id, "speaker",
                             "expected exactly one of `actor:` (an actor with a page) or `name:` (a named person "
                             f"without one), got {'both' if speaker.actor else 'neither'}")
            index = indexes.get(claim.source)
            if index is None:
                continue  # the source is missing or broken: reported there
            matches = index.occurrences(claim.quote, claim.prefix, claim.suffix)
            if len(matches) == 1:
                self.quotes[claim_id] = matches[0]
                continue
            if not matches:
                pinned = claim.prefix or claim.suffix
                if pinned and index.occurrences(claim.quote):
                    self.problem(raw.where(("prefix",) if claim.prefix else ("suffix",)), "claims", claim_id,
                                 "prefix" if claim.prefix else "suffix",
                                 "expected the words right next to the quote in the source, got text that is not "
                                 "beside any occurrence of it (copy them from the source)")
                    continue
                number, passage = index.closest(claim.quote)
                hint = f" (closest passage, in paragraph {number}: \"{passage}\")" if passage else ""
                self.problem(raw.where(("quote",)), "claims", claim_id, "quote",
                             f"expected words found verbatim in {claim.source}, got a quote that is not there{hint}")
                continue
            where = ", ".join(str(match.paragraph) for match in matches)
            self.problem(raw.where(("quote",)), "claims", claim_id, "quote",
                         f"expected a quote found once in {claim.source}, got one found {len(matches)} times "
                         f"(paragraphs {where}): add `prefix:` or `suffix:` with the words just before or after "
                         f"the one you mean")

    # -- events and disputes

    def check_events(self) -> None:
        claims = self.models["claims"]
        for event_id, event in self.models["events"].items():
            raw = self.raws[event_id]
            if event.status == "disputed" and event.dispute is None:
                self.problem(raw.where(("status",)), "events", event_id, "dispute",
                             "expected a `dispute:` with points and accounts for a disputed event, got nothing "
                             "(add one, or set `status: established`)")
            if event.status == "established" and event.dispute is not None:
                self.problem(raw.where(("dispute",)), "events", event_id, "status",
                             "expected `status: disputed` for an event with a `dispute:`, got 'established'")
            for i, cas in enumerate(event.casualties):
                if cas.min > cas.max:
                    self.problem(raw.where(("casualties", i, "max")), "events", event_id, f"casualties[{i}].max",
                                 f"expected a number at least min ({cas.min}), got {cas.max}")
            if event.dispute is None:
                continue
            points = {point.id for point in event.dispute.points}
            seen_points = Counter(point.id for point in event.dispute.points)
            for point_id, times in seen_points.items():
                if times > 1:
                    self.problem(raw.where(("dispute", "points")), "events", event_id, "dispute.points",
                                 f"expected each point id once, got '{point_id}' {times} times")
            seen_accounts = Counter(account.id for account in event.dispute.accounts)
            for account_id, times in seen_accounts.items():
                if times > 1:
                    self.problem(raw.where(("dispute", "accounts")), "events", event_id, "dispute.accounts",
                                 f"expected each account id once, got '{account_id}' {times} times")
            addressed: set[str] = set()
            speakers: set[str] = set()
            in_account: dict[str, str] = {}
            for i, account in enumerate(event.dispute.accounts):
                for j, claim_id in enumerate(account.claims):
                    if claim_id in in_account:
                        path = ("dispute", "accounts", i, "claims", j)
                        self.problem(raw.where(path), "events", event_id, _field_name(path),
                                     f"expected each claim in one account only, got '{claim_id}', already in account "
                                     f"'{in_account[claim_id]}' (an account is one side's words; cite the claim once)")
                    in_account.setdefault(claim_id, account.id)
            for i, account in enumerate(event.dispute.accounts):
                for key in account.positions:
                    if key not in points:
                        path = ("dispute", "accounts", i, "positions", key)
                        self.problem(raw.where(path, key=True), "events", event_id, _field_name(path),
                                     f"expected one of the event's points [{', '.join(sorted(points))}], "
                                     f"got '{key}'{_suggest(key, points)}")
                addressed.update(account.positions)
                for key, position in account.positions.items():
                    if isinstance(position, m.Position):
                        for j, claim_id in enumerate(position.claims):
                            if claim_id not in account.claims:
                                path = ("dispute", "accounts", i, "positions", key, "claims", j)
                                self.problem(raw.where(path), "events", event_id, _field_name(path),
                                             f"expected one of the account's own claims [{', '.join(account.claims)}], "
                                             f"got '{claim_id}' (add it to the account's `claims:` first)")
                for claim_id in account.claims:
                    claim = claims.get(claim_id)
                    if claim is not None:
                        speakers.add(claim.speaker.actor or claim.speaker.name or "")
            for point in sorted(points - addressed):
                self.problem(raw.where(("dispute", "points")), "events", event_id, "dispute.points",
                             f"expected every point to be addressed by an account's `positions`, got '{point}' "
                             f"addressed by none")
            if len(speakers) < 2 and speakers:
                self.problem(raw.where(("dispute", "accounts")), "events", event_id, "dispute.accounts",
                             "expected accounts from at least two different speakers, got claims by one speaker only")

    # -- warnings

    def check_orphans(self) -> None:
        referenced: set[str] = set()
        for kind, records in self.models.items():
            for record in records.values():
                for _, target, _ in _references(kind, record):
                    referenced.add(target)
        for kind in ("actors", "places"):
            for record_id in self.models[kind]:
                if record_id not in referenced:
                    self.problem(self.raws[record_id].where(("id",)), kind, record_id, "id",
                                 f"expected the {m.SINGULAR[kind]} to be referred to by an event, claim or other "
                                 f"record, got nothing referring to it (link it, or remove it)", "warning")

    def check_registry(self) -> None:
        current: set[str] = set()
        former: set[str] = set()
        for kind, records in self.models.items():
            for record_id, record in records.items():
                url = claim_url(record_id) if kind == "claims" else page_url(kind, record_id)
                current.add(url)
                for old in record.former_ids:
                    former.add(claim_url(old) if kind == "claims" else page_url(kind, old))
        registered = {url for url, _ in self.inputs.registry}
        for url, where in self.inputs.registry:
            record_id = url.rstrip("/").split("/")[-1].split("#")[-1]
            if url not in current and url not in former and record_id not in self.invalid:
                candidates = sorted(i for i in self.kind_of)
                self.problems.append(Problem(where, (
                    f"published URL '{url}': expected a record with this id, or listing it in `former_ids` of the "
                    f"record that replaces it, got neither (a published URL never disappears; restore the id, or "
                    f"add `former_ids: [{record_id}]` to its new record{_suggest(record_id, candidates).replace(' (', '; ').rstrip(')')})")))
        missing = sorted(current - registered)
        if missing and self.inputs.registry is not None:
            shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
            self.problems.append(Problem(Location("data/published-urls.txt"), (
                f"expected every published URL to be registered, got {len(missing)} not yet listed: {shown} "
                f"(run `make register`)"), "warning"))


def validate(inputs: Inputs) -> Checked:
    """Check every record; the result carries the problems (the pipeline decides what is fatal)."""
    return _Validator(inputs).run()
