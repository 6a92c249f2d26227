"""Raw records → models: each record checked against its kind's model, ids checked across kinds."""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Iterator, Optional

from pydantic import ValidationError

from .. import layout
from .. import model as m
from ..characters import lookalikes
from ..errors import Location, Problem
from ..fields import Path, field_name
from ..loader import RawRecord
from . import Parsed, describe_value, problem, suggest


def _slug_hint(value: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
    return f" (try '{slug}')" if slug and slug != value else ""


def _model_types(annotation: Any) -> Iterator[type]:
    args = getattr(annotation, "__args__", ()) or ()
    if isinstance(annotation, type) and issubclass(annotation, m.Record):
        yield annotation
    for arg in args:
        yield from _model_types(arg)


def _model_at(model: type[m.Record], path: tuple) -> Optional[type[m.Record]]:
    """The model that holds the last element of `path` (to list its fields)."""
    current: type[m.Record] = model
    for part in path[:-1]:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return None
        nested = next(_model_types(info.annotation), None)
        if nested is None:
            return None
        current = nested
    return current


# Each pydantic error type, as `expected …, got …`: (value, ctx, error, model) → message.
_Message = Callable[[Any, dict, dict, type[m.Record]], str]


def _literal(value: Any, ctx: dict, error: dict, model: type[m.Record]) -> str:
    choices = [c.strip().strip("'") for c in ctx.get("expected", "").replace(" or ", ", ").split(",")]
    hint = suggest(str(value), choices) if isinstance(value, str) else ""
    return f"expected one of [{', '.join(choices)}], got {describe_value(value)}{hint}"


def _text(value: Any, ctx: dict, error: dict, model: type[m.Record]) -> str:
    hint = " (put it in quotes)" if isinstance(value, (int, float, bool)) else ""
    return f"expected text, got {describe_value(value)}{hint}"


def _whole_number(value: Any, ctx: dict, error: dict, model: type[m.Record]) -> str:
    hint = " (remove the quotes)" if isinstance(value, str) and value.strip().lstrip("-").isdigit() else ""
    return f"expected a whole number, got {describe_value(value)}{hint}"


def _number(value: Any, ctx: dict, error: dict, model: type[m.Record]) -> str:
    hint = ""
    if isinstance(value, str):
        try:
            float(value)
            hint = " (remove the quotes)"
        except ValueError:
            pass
    return f"expected a number, got {describe_value(value)}{hint}"


def _pattern(value: Any, ctx: dict, error: dict, model: type[m.Record]) -> str:
    pattern = ctx.get("pattern", "")
    if pattern == m.ID_PATTERN:
        hint = _slug_hint(value) if isinstance(value, str) else ""
        odd = lookalikes(value) if isinstance(value, str) else ""
        if odd:
            hint = f" ({odd}: retype it in plain ASCII letters)"
        return f"expected an id of lowercase letters, digits and single hyphens, got {describe_value(value)}{hint}"
    return f"expected text matching {pattern}, got {describe_value(value)}"


_AT_LEAST_HINTS = {
    "accounts": "a dispute sets at least two accounts side by side: add the other side's account, or, if no "
                "one disputes the event, remove `dispute:` and set `status: established`",
}
"""Why a list must hold more than one item, by field name, where it is not obvious."""


def _too_short(value: Any, ctx: dict, loc: tuple) -> str:
    wanted, got = ctx.get("min_length") or 1, len(value) if isinstance(value, list) else 0
    name = next((part for part in reversed(loc) if isinstance(part, str)), "")
    hint = _AT_LEAST_HINTS.get(name, f"add {wanted - got} more, or remove the field")
    return f"expected at least {wanted} {'item' if wanted == 1 else 'items'}, got {got} ({hint})"


def _bound(value: Any, ctx: dict, error: dict, model: type[m.Record]) -> str:
    bound = {"greater_than_equal": "at least", "less_than_equal": "at most",
             "greater_than": "more than", "less_than": "less than"}[error["type"]]
    limit = next(iter(ctx.values()), "")
    return f"expected a number {bound} {limit}, got {describe_value(value)}"


_MESSAGES: dict[str, _Message] = {
    "literal_error": _literal,
    "string_type": _text,
    "int_type": _whole_number, "int_parsing": _whole_number,
    "float_type": _number, "float_parsing": _number,
    "list_type": lambda value, *_: f"expected a list (`- item` lines or `[a, b]`), got {describe_value(value)}",
    "model_type": lambda value, *_: f"expected a mapping (`key: value` lines), got {describe_value(value)}",
    "dict_type": lambda value, *_: f"expected a mapping (`key: value` lines), got {describe_value(value)}",
    "model_attributes_type": lambda value, *_: f"expected a mapping (`key: value` lines), got {describe_value(value)}",
    "string_pattern_mismatch": _pattern,
    "string_too_short": lambda *_: "expected some text, got an empty string (write a value or remove the field)",
    "too_short": lambda value, ctx, error, _: _too_short(value, ctx, tuple(error["loc"])),
    "greater_than_equal": _bound, "less_than_equal": _bound, "greater_than": _bound, "less_than": _bound,
    "string_too_long": lambda value, ctx, *_: f"expected at most {ctx.get('max_length')} characters, got {len(value)}",
}


def schema_message(error: dict, model: type[m.Record], raw: RawRecord) -> tuple[Location, str, str]:
    """(location, field, 'expected …, got … (hint)') for one pydantic error."""
    loc = tuple(error["loc"])
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    name = field_name(loc)
    if kind == "missing":
        return raw.where(loc[:-1]), name, f"expected a value, got nothing (add `{loc[-1]}:`)"
    if kind == "extra_forbidden":
        holder = _model_at(model, loc)
        known = sorted(holder.model_fields) if holder else []
        hint = suggest(str(loc[-1]), known) or f" (known fields: {', '.join(known)})"
        return raw.where(loc, key=True), name, f"expected a known field, got unknown field '{loc[-1]}'{hint}"
    message = _MESSAGES.get(kind)
    text = message(value, ctx, error, model) if message else f"expected {error['msg'].lower()}, got {describe_value(value)}"
    return raw.where(loc), name, text


def _invalid_ids(data: dict) -> Iterator[str]:
    """The ids a record that failed its schema would have held (its own and its former ones)."""
    if isinstance(data.get("id"), str):
        yield data["id"]
    former = data.get("former_ids")
    if isinstance(former, list):
        yield from (old for old in former if isinstance(old, str))


def _year_ids(raw: RawRecord, record: m.Entity) -> Iterator[Problem]:
    """Event ids that would take the URL of a year's page."""
    ids: list[tuple[Path, str]] = [(("id",), record.id)]
    ids += [(("former_ids", i), old) for i, old in enumerate(record.former_ids)]
    for path, value in ids:
        if layout.is_year_page_id(value):
            yield problem(raw.where(path), raw.kind, record.id, field_name(path),
                          f"expected an id that is not a year, got '{value}': events/{value}/ is the page of "
                          f"that year's events (describe the event, e.g. '{value}-siege-of-derna')")


def parse(raws: list[RawRecord], unreadable: bool) -> tuple[Parsed, list[Problem]]:
    """Every raw record against its model; the valid ones, and the problems of the others."""
    problems: list[Problem] = []
    found: dict[str, dict[str, m.Entity]] = {kind: {} for kind in m.KINDS}
    parsed = Parsed(records=m.Records(**found), raws={}, kind_of={}, unreadable=unreadable)  # type: ignore[arg-type]
    for raw in raws:
        record = _parse_one(raw, parsed, problems)
        if record is not None:
            found[raw.kind][record.id] = record
            parsed.kind_of[record.id] = raw.kind
            parsed.raws[record.id] = raw
    sorted_records = {kind: dict(sorted(records.items())) for kind, records in found.items()}
    parsed.records = m.Records(**sorted_records)  # type: ignore[arg-type]
    return parsed, problems


_MODELS: dict[int, tuple[RawRecord, m.Entity]] = {}
"""Each raw record's valid model, by the raw record's identity: the resident preview re-reads only the files
that changed, so every other record keeps its raw record, and is not validated against its model again."""


def _validated(model: type[m.Entity], raw: RawRecord) -> m.Entity:
    hit = _MODELS.get(id(raw))
    if hit is None or hit[0] is not raw:
        hit = _MODELS[id(raw)] = (raw, model.model_validate(raw.data))
    return hit[1]


def forget_all_but(raws: Iterable[RawRecord]) -> None:
    """Drop the models of every raw record but these (the resident preview, after each validation)."""
    keep = {id(raw) for raw in raws}
    for key in [key for key in _MODELS if key not in keep]:
        del _MODELS[key]


def _parse_one(raw: RawRecord, parsed: Parsed, problems: list[Problem]) -> Optional[m.Entity]:
    model = m.KINDS[raw.kind]
    record_id = raw.data.get("id") if isinstance(raw.data, dict) else None
    label = record_id if isinstance(record_id, str) else f"#{raw.location.line}"
    if not isinstance(raw.data, dict):
        problems.append(problem(raw.location, raw.kind, label, "record",
                                f"expected a mapping (`id: …` and other fields), got {describe_value(raw.data)}"))
        return None
    try:
        record = _validated(model, raw)
    except ValidationError as error:
        parsed.invalid.update(_invalid_ids(raw.data))
        for detail in error.errors(include_url=False):
            where, name, message = schema_message(dict(detail), model, raw)
            problems.append(problem(where, raw.kind, label, name, message))
        return None
    if record.id in parsed.kind_of:
        first = parsed.raws[record.id].location
        other = m.SINGULAR[parsed.kind_of[record.id]]
        problems.append(problem(raw.where(("id",)), raw.kind, record.id, "id",
                                f"expected an id used once across all kinds, got one already used by the {other} "
                                f"at {first} (choose another id)"))
        return None
    if raw.kind == "events":
        problems.extend(_year_ids(raw, record))
    return record
