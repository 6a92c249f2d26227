"""ProperDocs, MkDocs 1.x's maintained drop-in fork, builds the real site into the same pages.

MkDocs 1.6.1 is the default build (`make site`); `make site MKDOCS=properdocs` switches. This test keeps
that switch one line: both build the same generated docs/ with Material, and every file of the two
sites is byte-identical but for the `<meta name="generator">` tag that names the builder.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import ENV

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_site(built_site: Path, tmp_path: Path):
    workspace = built_site.parent
    other = tmp_path / "properdocs-site"
    result = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml",
                             "--site-dir", str(other)], capture_output=True, text=True, env=ENV, cwd=workspace)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    # Pagefind indexes the site after the MkDocs build (make site; the search tests run it on the same site):
    # its index is not MkDocs's output.
    ours = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*")
            if p.is_file() and p.relative_to(built_site).parts[0] != "pagefind"}
    theirs = {p.relative_to(other).as_posix() for p in other.rglob("*") if p.is_file()}
    assert ours == theirs
    generators = set()
    for relative in sorted(ours):
        mine, fork = (built_site / relative).read_bytes(), (other / relative).read_bytes()
        if relative.endswith(".html"):
            generators.update(GENERATOR.findall(fork))
            mine, fork = GENERATOR.sub(b"", mine), GENERATOR.sub(b"", fork)
        assert mine == fork, f"{relative} differs between MkDocs and ProperDocs"
    assert any(b"ProperDocs" in g for g in generators), "the second build did not run ProperDocs"
