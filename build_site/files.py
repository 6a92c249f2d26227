"""Writing a file so that no reader sees it half written, and only when its content changes.

Every tool of the project that writes a file it may already have written (the writer under docs/,
the JSON Schemas, CONTRIBUTING.md's field reference, the URL registry, the vendored assets) goes
through `write_if_changed`. Standard library only: scripts/ uses it without the generator's dependencies.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path


def atomic_write(path: Path, content: bytes) -> None:
    """Replace a file so that a reader (or a failed build) never sees it half written."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def create(path: Path | str, content: bytes) -> None:
    """Write a file that did not exist: no earlier content to protect, so no temporary file (a third of
    the time of a full build's writes); a failed write removes what it began."""
    stream = open(path, "xb")
    try:
        with stream:
            stream.write(content)
    except BaseException:
        Path(path).unlink(missing_ok=True)
        raise


def write_if_changed(path: Path, content: bytes) -> bool:
    """Make `path` hold `content`, touching it only if it differs; return whether it was written.
    The folder must exist."""
    if not path.exists():
        create(path, content)
        return True
    if path.is_file() and path.read_bytes() == content:
        return False
    atomic_write(path, content)
    return True


def json_bytes(value: object) -> bytes:
    """The project's JSON encoding of a data file: sorted keys, UTF-8, one line and a newline.
    No indent: only then does json use its C encoder (a third of the time at 10,000 events)."""
    return (json.dumps(value, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
