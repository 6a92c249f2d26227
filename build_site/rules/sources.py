"""Source documents: each file is there, byte for byte, and its parts and cleaning notes fit its text."""

from __future__ import annotations

import functools
import hashlib
from collections import Counter
from dataclasses import dataclass
from typing import Iterator, Union

from .. import model as m
from ..errors import Problem
from ..fields import field_name
from ..loader import RawRecord, SourceFile
from ..text import Paragraph, split_paragraphs
from . import Parsed, problem


@dataclass(frozen=True)
class SourceTexts:
    """What reading the source documents gave."""

    paragraphs: dict[str, list[Paragraph]]
    """Each readable source's paragraphs, by source id."""
    raw: dict[str, bytes]
    """Each readable source's bytes, by source id."""


def _read(source: m.Source, raw: RawRecord, found: Union[SourceFile, None]) -> Union[str, Problem]:
    """The document's text, or the problem that keeps it from being read."""
    if found is None or found.content is None:
        return problem(raw.where(("file",)), "sources", source.id, "file",
                       f"expected a file under seeds/, got {source.file!r}, which does not exist "
                       f"(copy the document into seeds/ byte for byte)")
    digest, text = _digested(found.content)
    if digest != source.sha256:
        return problem(raw.where(("sha256",)), "sources", source.id, "sha256",
                       f"expected the SHA-256 of {source.file}, got {source.sha256} but the file's is "
                       f"{digest} (source files are kept byte for byte: restore the original, or record a "
                       f"new document under a new id)")
    if isinstance(text, int):
        return problem(raw.where(("file",)), "sources", source.id, "file",
                       f"expected UTF-8 text, got an undecodable byte at offset {text} "
                       f"(convert the file to UTF-8 and record the new SHA-256)")
    return text


@functools.lru_cache(maxsize=4096)
def _digested(content: bytes) -> tuple[str, Union[str, int]]:
    """A document's SHA-256, and its text (or the offset of its first byte that is not UTF-8). Remembered:
    the resident preview checks every document again on each save, and a document's bytes do not change."""
    digest = hashlib.sha256(content).hexdigest()
    try:
        return digest, content.decode("utf-8")
    except UnicodeDecodeError as error:
        return digest, error.start


@functools.lru_cache(maxsize=4096)
def _paragraphs(text: str) -> list[Paragraph]:
    """split_paragraphs, remembered by the text (the same list again: not to be changed)."""
    return split_paragraphs(text)


def _cleaning(source: m.Source, raw: RawRecord, count: int) -> Iterator[Problem]:
    for i, note in enumerate(source.cleaning):
        for j, number in enumerate(note.paragraphs):
            if number > count:
                yield problem(raw.where(("cleaning", i, "paragraphs", j)), "sources", source.id,
                              f"cleaning[{i}].paragraphs[{j}]", f"expected a paragraph number from 1 to {count}, got {number}")


def _parts(source: m.Source, raw: RawRecord, count: int) -> Iterator[Problem]:
    previous = 0
    for i, part in enumerate(source.parts):
        path = ("parts", i, "first_paragraph")
        if not previous < part.first_paragraph <= count:
            yield problem(raw.where(path), "sources", source.id, field_name(path),
                          f"expected a paragraph number after {previous} and at most {count}, "
                          f"got {part.first_paragraph} (parts are listed in order)")
        previous = max(previous, part.first_paragraph)
    for anchor, times in Counter(part.anchor for part in source.parts).items():
        if times > 1 or (anchor.startswith("p") and anchor[1:].isdigit()):
            yield problem(raw.where(("parts",)), "sources", source.id, "parts",
                          f"expected unique part anchors that are not paragraph anchors, got '{anchor}'")


def read_sources(parsed: Parsed, files: dict[str, SourceFile]) -> tuple[SourceTexts, list[Problem]]:
    """Each source's file checked against its SHA-256 and split into paragraphs."""
    texts = SourceTexts({}, {})
    problems: list[Problem] = []
    for source_id, source in parsed.records.sources.items():
        raw = parsed.raws[source_id]
        found = files.get(source.file)
        text = _read(source, raw, found)
        if isinstance(text, Problem):
            problems.append(text)
            continue
        assert found is not None and found.content is not None
        paragraphs = _paragraphs(text)
        texts.paragraphs[source_id] = paragraphs
        texts.raw[source_id] = found.content
        problems.extend(_cleaning(source, raw, len(paragraphs)))
        problems.extend(_parts(source, raw, len(paragraphs)))
    return texts, problems
