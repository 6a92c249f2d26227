"""build(): load → validate → link → render → write. Data flows one way."""

from __future__ import annotations

import gc
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import BuildError, Problem
from .loader import load
from .settings import Settings
from .validate import Checked, validate

if TYPE_CHECKING:
    from .writer import WriteReport

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildResult:
    """What a build did."""

    warnings: list[Problem]
    """Problems that did not stop the build."""
    written: "WriteReport"
    """Files written, unchanged and removed."""


def check(root: Path, *, strict: bool = False) -> Checked:
    """Load and validate; raise BuildError on any error (or warning, with `strict`)."""
    # Loading and validating only build objects that live to the end of the run: the cycle collector
    # would rescan them again and again (a third of the time on a 10,000-event record).
    collecting = gc.isenabled()
    gc.disable()
    try:
        checked = validate(load(root))
    finally:
        if collecting:
            gc.enable()
    fatal = checked.problems if strict else checked.errors
    if fatal:
        raise BuildError(checked.problems)
    return checked


def build(root: Path, *, strict: bool = False, settings: Settings | None = None,
          docs_dir: Path | None = None, only: list[str] | None = None) -> BuildResult:
    """Generate every page and data export under `docs/`; on any problem, write nothing.

    With `only` (selectors such as `year=2016`, see subset.py), the whole record is still validated,
    but only the selected events and what they refer to are generated: a quick preview."""
    # Imported here so that `check` stays fast: it needs neither templates nor the writer.
    from .exports import exports
    from .link import link
    from .render import render
    from .writer import GENERATED_DIRS, write

    settings = settings or Settings.from_environment()
    checked = check(root, strict=strict)
    if only:
        from .subset import subset

        checked = subset(checked, only)
    gc.freeze()  # the validated record lives to the end: keep the collector from rescanning it while rendering
    try:
        record = link(checked)
        outputs = render(record, settings) + exports(record, settings)
        report = write(docs_dir or root / "docs", outputs, GENERATED_DIRS)
    finally:
        gc.unfreeze()
    return BuildResult([p for p in checked.problems if p.severity == "warning"], report)
