"""The cores this process may use, and how a forked process sends its result back. Standard library only:
the MkDocs hook (overrides/both_cores.py) imports it, as do the generator's render, the search index and
`make serve`."""

from __future__ import annotations

import os
import pickle
from typing import Any


def usable() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def send(fd: int, value: Any) -> None:
    """Write `value` whole to a pipe (a forked process's result), then close it."""
    view = memoryview(pickle.dumps(value))
    while view:
        view = view[os.write(fd, view):]
    os.close(fd)


def receive(fd: int) -> Any:
    """What `send` wrote, once the writer has closed the pipe; None if it wrote nothing (it failed first)."""
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    os.close(fd)
    return pickle.loads(b"".join(chunks)) if chunks else None
