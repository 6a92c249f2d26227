"""Where a problem is, what it is, and the one exception that stops a build."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True, order=True)
class Location:
    """A position in a file a contributor edits."""

    path: str
    """The file, relative to the repository root."""
    line: int = 0
    """1-based line; 0 when the problem concerns the whole file."""
    column: int = 0
    """1-based column; 0 when unknown."""

    def __str__(self) -> str:
        if not self.line:
            return self.path
        return f"{self.path}:{self.line}:{self.column or 1}"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, phrased so that a contributor can fix it."""

    location: Location
    """Where it is."""
    message: str
    """`<kind> '<id>', <field>: expected …, got … (hint)`, or a sentence for file-level problems."""
    severity: Literal["error", "warning"] = field(default="error", compare=False)
    """Errors stop the build; warnings stop it only with `--strict`."""

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else "warning: "
        return f"{self.location}: {prefix}{self.message}"

    def github(self) -> str:
        """The problem as a GitHub Actions workflow command, so a pull request shows it on the line."""
        level = "error" if self.severity == "error" else "warning"
        parts = [f"file={_property(self.location.path)}"]
        if self.location.line:
            parts.append(f"line={self.location.line}")
        if self.location.column:
            parts.append(f"col={self.location.column}")
        return f"::{level} {','.join(parts)}::{_data(self.message)}"


def _data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's runner unescapes it (a newline would start a command)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A workflow command's property value: also `:` and `,`, which would end the value or add a property."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class BuildError(Exception):
    """The input has problems; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        errors = sum(1 for p in self.problems if p.severity == "error")
        super().__init__(f"{errors} error(s), {len(self.problems) - errors} warning(s)")
