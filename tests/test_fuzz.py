"""Whatever the bytes of a data file, the loader and the rules end in problems, never a traceback.

Byte-level mutations of the real record's files (seeded, bounded in time): each mutated file is read
by the loader in-process; when it still parses, the whole record is validated with it in place.
"""

from __future__ import annotations

import dataclasses
import random
import shutil
import time
from pathlib import Path

from build_site.errors import BuildError, Problem
from build_site.loader import Inputs, load, read_records
from build_site.validate import validate
from conftest import ROOT

BUDGET_SECONDS = 5.0
SEED = 2012

_INSERTS = [b"\x00", b"\x07", b"\t", b"\r", b"\xff", b"\xc3", b"\xef\xbb\xbf", "\u202e".encode(), b"e\xcc\x81",
            b"[", b"]", b"{", b"}", b":", b": ", b"- ", b"\n- ", b"&a ", b"*a", b"!!python/object ", b"'", b'"',
            b"#", b"|", b">", b"%YAML 1.1\n", b"---\n", b"\n  ", b"~", b"..", b"/..", b"2016-13-45", b"-1",
            b"1e999", b"\\u0000", "е".encode(), b"[" * 200, b"id: ", b"within: ", b"parent: "]


def _mutate(content: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(content) + 1)
    choice = rng.randrange(5)
    if choice == 0:
        return content[:at] + rng.choice(_INSERTS) + content[at:]
    if choice == 1:
        return content[:at] + content[at + rng.randrange(1, 40):]
    if choice == 2 and content:
        index = min(at, len(content) - 1)
        return content[:index] + bytes([content[index] ^ (1 << rng.randrange(8))]) + content[index + 1:]
    if choice == 3:
        end = min(len(content), at + rng.randrange(1, 200))
        return content[:end] + content[at:end] + content[end:]
    return content[:at] + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8))) + content[at:]


def _replace_file(inputs: Inputs, rel: str, records: list, problems: list[Problem]) -> Inputs:
    kept = [r for r in inputs.records if r.location.path != rel]
    return dataclasses.replace(inputs, records=kept + records, problems=[*inputs.problems, *problems])


def test_mutated_data_files_give_problems_not_tracebacks(tmp_path: Path):
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    baseline = load(root)
    files = sorted((root / "data").glob("*/*.yaml"))
    rng = random.Random(SEED)
    started = time.monotonic()
    tried = validated = 0
    while time.monotonic() - started < BUDGET_SECONDS:
        file = rng.choice(files)
        original = file.read_bytes()
        mutated = original
        for _ in range(rng.randrange(1, 4)):
            mutated = _mutate(mutated, rng)
        file.write_bytes(mutated)
        rel = file.relative_to(root).as_posix()
        try:
            records, problems = read_records(root, file.parent.name, file)
            assert all(isinstance(p, Problem) and p.location.path == rel for p in problems)
            assert records or problems, f"{rel}: a mutation read as nothing and said nothing"
            if not problems and tried % 4 == 0:
                try:
                    validate(_replace_file(baseline, rel, records, problems))
                except BuildError:
                    pass
                validated += 1
        except Exception as error:  # noqa: BLE001 - the point: report which bytes broke what
            raise AssertionError(f"seed {SEED}, try {tried}, {rel}: {type(error).__name__}: {error}\n"
                                 f"bytes: {mutated!r}") from error
        finally:
            file.write_bytes(original)
        tried += 1
    assert tried >= 50, f"only {tried} mutations in {BUDGET_SECONDS} s"


def test_a_whole_load_of_random_bytes_is_problems(tmp_path: Path):
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "tests/fixture/data", root / "data")
    rng = random.Random(SEED)
    for index in range(20):
        (root / "data/events/events.yaml").write_bytes(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400))))
        inputs = load(root)
        checked = validate(inputs)
        assert checked.errors, index
