"""The navigation of a page out of it is rendered once per set of links (overrides/nav_once.py): the site is
byte for byte the one built with Material rendering it on every page."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import ENV, make_workspace, run_cli, tree_digest

EVERY_PAGE = "nav-every-page.yml"


def test_the_navigation_rendered_once_is_the_navigation_of_every_page(tmp_path: Path):
    root = make_workspace(tmp_path / "repo")
    assert run_cli(root, "build").returncode == 0
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "overrides/nav_once.py" in config
    (root / EVERY_PAGE).write_text(re.sub(r"^  - overrides/nav_once\.py.*\n", "", config, flags=re.M),
                                   encoding="utf-8")
    sites = {}
    for name, file in (("once", "mkdocs.yml"), ("every", EVERY_PAGE)):
        built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", file, "--site-dir",
                                str(tmp_path / name)], capture_output=True, text=True, env=ENV, cwd=root)
        assert built.returncode == 0, built.stderr
        sites[name] = tree_digest(tmp_path / name)
    assert sites["once"] == sites["every"]
    # Pages in many folders, each with the navigation and its links relative to the page.
    event = next((tmp_path / "once" / "events").glob("*/index.html")).read_text(encoding="utf-8")
    actor = next((tmp_path / "once" / "actors").glob("*/index.html")).read_text(encoding="utf-8")
    for page, events_link in ((event, 'href="../"'), (actor, 'href="../../events/"')):
        nav = page[page.index('<nav class="md-nav md-nav--primary"'):]
        nav = nav[:nav.index("</nav>")]
        assert events_link in nav and "Disputed events" in nav
