"""One walk over the model: every reference and every date a record holds, found from the field types.

The model declares what a field means (`model.RefTo`, `model.IsDate`); this module reads those
declarations once per model class and then walks records by them. Validation (dangling references,
dates), linking (the reverse index of references), subsets and the docs all call it, so a field
added to the model with one of those types is followed everywhere with no other change.
"""

from __future__ import annotations

import functools
import typing
from dataclasses import dataclass
from typing import Iterator, Optional, Union

from pydantic import BaseModel

from . import model as m

Path = tuple[Union[str, int], ...]
"""Where a value sits inside a record: ("dispute", "accounts", 0, "claims", 1)."""


@dataclass(frozen=True)
class Found:
    """One reference or date inside a record."""

    path: Path
    """Where it is, from the record's top."""
    value: str
    """The id referred to, or the EDTF text."""
    meaning: Union[m.RefTo, m.IsDate]
    """What the model declares the value to be."""


@dataclass(frozen=True)
class _Leaf:
    meaning: Union[m.RefTo, m.IsDate]


@dataclass(frozen=True)
class _Nested:
    model: type[m.Record]


@dataclass(frozen=True)
class _Many:
    item: "_Shape"


@dataclass(frozen=True)
class _Keyed:
    value: "_Shape"


@dataclass(frozen=True)
class _Either:
    options: tuple["_Shape", ...]


_Shape = Union[_Leaf, _Nested, _Many, _Keyed, _Either]


def _meaning(metadata: typing.Iterable[object]) -> Optional[Union[m.RefTo, m.IsDate]]:
    for meta in metadata:
        if isinstance(meta, (m.RefTo, m.IsDate)):
            return meta
    return None


def _shape(annotation: object, metadata: typing.Iterable[object] = ()) -> Optional[_Shape]:
    """What of interest a value of this type can hold (None: nothing, so the walk skips it)."""
    metadata = [*metadata, *getattr(annotation, "__metadata__", ())]
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    meaning = _meaning(metadata)
    if meaning is not None:
        return _Leaf(meaning)
    if isinstance(annotation, type) and issubclass(annotation, m.Record):
        return _Nested(annotation) if _slots(annotation) else None
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is list:
        item = _shape(args[0])
        return _Many(item) if item else None
    if origin is dict:
        value = _shape(args[1])
        return _Keyed(value) if value else None
    if origin is Union:
        options = tuple(shape for shape in (_shape(arg) for arg in args) if shape)
        return (options[0] if len(options) == 1 else _Either(options)) if options else None
    return None


@functools.cache
def _slots(model: type[m.Record]) -> tuple[tuple[str, _Shape], ...]:
    """(field name, shape) of every field of a model that can hold a reference or a date."""
    found = []
    for name, info in model.model_fields.items():
        shape = _shape(info.annotation, info.metadata)
        if shape is not None:
            found.append((name, shape))
    return tuple(found)


def _walk(value: object, shape: _Shape, path: Path) -> Iterator[Found]:
    if value is None:
        return
    if isinstance(shape, _Leaf):
        if isinstance(value, str):
            yield Found(path, value, shape.meaning)
    elif isinstance(shape, _Nested):
        if isinstance(value, shape.model):
            yield from walk(value, path)
    elif isinstance(shape, _Many):
        for index, item in enumerate(value if isinstance(value, list) else ()):
            yield from _walk(item, shape.item, (*path, index))
    elif isinstance(shape, _Keyed):
        for key, item in (value.items() if isinstance(value, dict) else ()):
            yield from _walk(item, shape.value, (*path, key))
    else:
        for option in shape.options:
            if _accepts(option, value):
                yield from _walk(value, option, path)
                return


def _accepts(shape: _Shape, value: object) -> bool:
    if isinstance(shape, _Leaf):
        return isinstance(value, str)
    if isinstance(shape, _Nested):
        return isinstance(value, shape.model)
    if isinstance(shape, _Many):
        return isinstance(value, list)
    if isinstance(shape, _Keyed):
        return isinstance(value, dict)
    return any(_accepts(option, value) for option in shape.options)


def walk(record: BaseModel, path: Path = ()) -> Iterator[Found]:
    """Every reference and date in a record, in field order."""
    assert isinstance(record, m.Record)
    for name, shape in _slots(type(record)):
        yield from _walk(getattr(record, name), shape, (*path, name))


_FOUND: dict[int, tuple[BaseModel, tuple[Found, ...], tuple[tuple[Path, str, tuple[str, ...]], ...],
                        tuple[tuple[Path, str], ...]]] = {}
"""Each record's references and dates, walked once (several rules ask; the resident preview keeps
unchanged records from one validation to the next). Keyed by identity, holding the record itself."""


def _remembered(record: m.Record):
    hit = _FOUND.get(id(record))
    if hit is None or hit[0] is not record:
        found = tuple(walk(record))
        hit = _FOUND[id(record)] = (
            record, found,
            tuple((f.path, f.value, f.meaning.kinds) for f in found if isinstance(f.meaning, m.RefTo)),
            tuple((f.path, f.value) for f in found if isinstance(f.meaning, m.IsDate)))
    return hit


def found_in(record: m.Record) -> tuple[Found, ...]:
    """`walk(record)`, remembered for as long as the record is (see `forget_all_but`)."""
    return _remembered(record)[1]


def forget_all_but(records: typing.Iterable[BaseModel]) -> None:
    """Drop what is remembered of every record but these (the resident preview, after each validation)."""
    keep = {id(record) for record in records}
    for key in [key for key in _FOUND if key not in keep]:
        del _FOUND[key]


def references(record: m.Record) -> tuple[tuple[Path, str, tuple[str, ...]], ...]:
    """(path, referenced id, the kinds it may be) for every reference a record makes."""
    return _remembered(record)[2]


def dates(record: m.Record) -> tuple[tuple[Path, str], ...]:
    """(path, EDTF text) for every date a record holds."""
    return _remembered(record)[3]


def field_name(path: Path) -> str:
    """A path as a contributor reads it: `dispute.accounts[0].claims[1]`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "record"


def referenced_kinds(annotation: object, metadata: typing.Iterable[object] = ()) -> Optional[tuple[str, ...]]:
    """The kinds a field's values refer to, if it is (a list or mapping of) references; for docs and schemas."""
    shape = _shape(annotation, metadata)
    while isinstance(shape, (_Many, _Keyed)):
        shape = shape.item if isinstance(shape, _Many) else shape.value
    if isinstance(shape, _Leaf) and isinstance(shape.meaning, m.RefTo):
        return shape.meaning.kinds
    return None


def is_date(annotation: object, metadata: typing.Iterable[object] = ()) -> bool:
    """Whether a field holds an EDTF date."""
    shape = _shape(annotation, metadata)
    return isinstance(shape, _Leaf) and isinstance(shape.meaning, m.IsDate)
