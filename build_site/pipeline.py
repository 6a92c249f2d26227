"""build(): load → validate → link → render → write. Data flows one way.

Each stage's wall time is measured here and returned with the result (`stages`), so that the
benchmark calls this pipeline rather than a copy of it.
"""

from __future__ import annotations

import gc
import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from . import registry
from .errors import BuildError, Problem
from .files import write_if_changed
from .loader import REGISTRY_FILE, load, read_registry_lines
from .settings import Settings
from .validate import Checked, validate

if TYPE_CHECKING:
    from .link import Record
    from .writer import Output, WriteReport

log = logging.getLogger(__name__)


@dataclass
class Stages:
    """How long each stage took, in seconds, in the order they ran."""

    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def timed(self, name: str) -> Iterator[None]:
        begin = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - begin
            log.debug("%s: %.2f s", name, self.seconds[name])


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    # Loading and validating only build objects that live to the end of the run: the cycle collector
    # would rescan them again and again (a third of the time on a 10,000-event record).
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


@dataclass(frozen=True)
class BuildResult:
    """What a build did."""

    warnings: list[Problem]
    """Problems that did not stop the build."""
    written: "WriteReport"
    """Files written, unchanged and removed."""
    stages: dict[str, float]
    """Seconds per stage: load, validate, link, render (the pages and the data exports), write."""
    outputs: int
    """Files generated."""
    pages: int
    """Of those, pages (Markdown for MkDocs)."""


def check(root: Path, *, strict: bool = False, stages: Stages | None = None) -> Checked:
    """Load and validate; raise BuildError on any error (or warning, with `strict`)."""
    stages = stages or Stages()
    with _no_cycle_collection():
        with stages.timed("load"):
            inputs = load(root)
        with stages.timed("validate"):
            checked = validate(inputs)
    fatal = checked.problems if strict else checked.errors
    if fatal:
        raise BuildError(checked.problems)
    return checked


def build(root: Path, *, strict: bool = False, settings: Settings | None = None,
          docs_dir: Path | None = None, only: list[str] | None = None, workers: int | None = None) -> BuildResult:
    """Generate every page and data export under `docs/`; on any problem, write nothing.

    With `only` (selectors such as `year=2016`, see subset.py), the whole record is still validated,
    but only the selected events and what they refer to are generated: a quick preview. `workers`: how
    many processes render (default: every core, on a large record; the output is the same)."""
    # Imported here so that `check` stays fast: it needs neither templates nor the writer.
    from .layout import GENERATED_DIRS
    from .link import link
    from .render import render
    from .writer import write

    settings = settings or Settings.from_environment()
    stages = Stages()
    checked = check(root, strict=strict, stages=stages)
    if only:
        from .subset import subset

        checked = subset(checked, only)
    gc.freeze()  # the validated record lives to the end: keep the collector from rescanning it while rendering
    try:
        with stages.timed("link"):
            record = link(checked)
        with stages.timed("render"):  # the pages and, beside them, the data exports
            outputs = render(record, settings, workers, data=_data)
        with stages.timed("write"):
            report = write(docs_dir or root / "docs", outputs, GENERATED_DIRS)
    finally:
        gc.unfreeze()
    return BuildResult([p for p in checked.problems if p.severity == "warning"], report, stages.seconds,
                       len(outputs), sum(1 for output in outputs if output.path.endswith(".md")))


def _data(record: "Record", settings: Settings) -> list["Output"]:
    """The data exports and feeds (render makes them beside the pages)."""
    from .exports import exports
    from .feeds import feeds

    return exports(record, settings) + feeds(record, settings)


def register(root: Path) -> int:
    """Add every current URL to data/published-urls.txt (never removing one); return how many were added."""
    # A missing registry, or one that lost a line, fails the check: the list is never rebuilt from the
    # current records alone, which would forget the URLs of removed ones for good.
    checked = check(root)
    listed = read_registry_lines(root) or []
    text, added = registry.updated(listed, checked)
    if added:
        write_if_changed(root / REGISTRY_FILE, text.encode("utf-8"))
    return added
