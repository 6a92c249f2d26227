"""Compare describe() now with describe() at another commit, on every date the record uses.

    python tests/dates/compare_with.py d749f6d     # prints each string whose output changed

The strings are those the validator describes when checking data/ (and tests/fixture/data/).
"""

from __future__ import annotations

import pathlib
import re
import subprocess
import sys
import types

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from build_site import dates  # noqa: E402  (after the path is set)


def _record_dates() -> list[str]:
    found = set()
    for folder in ("data", "tests/fixture/data"):
        for path in sorted((ROOT / folder).rglob("*.yaml")):
            for line in path.read_text(encoding="utf-8").splitlines():
                match = re.match(r"\s*(?:-\s+)?(date|period):\s*(.+?)\s*$", line)
                if match:
                    found.add(match.group(2).strip("'\""))
    return sorted(found)


def _outcome(module: types.ModuleType, text: str) -> tuple:
    try:
        d = module.describe(text)
    except Exception as error:  # noqa: BLE001 - a crash is an outcome to compare too
        return (type(error).__name__, str(error))
    return (d.start, d.end, d.precision, d.approximate, d.uncertain, d.open_end, d.label)


def main(revision: str) -> int:
    source = subprocess.run(["git", "show", f"{revision}:build_site/dates.py"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    old = types.ModuleType("old_dates")
    sys.modules["old_dates"] = old  # dataclasses look their module up there
    exec(compile(source, f"{revision}:build_site/dates.py", "exec"), old.__dict__)  # noqa: S102 - our own file at a commit
    texts = _record_dates()
    changed = [t for t in texts if _outcome(old, t) != _outcome(dates, t)]
    for text in changed:
        print(f"{text!r}\n  before {_outcome(old, text)}\n  now    {_outcome(dates, text)}")
    print(f"{len(texts)} date strings, {len(changed)} changed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "HEAD"))
