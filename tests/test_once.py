"""What is the same on many pages is rendered once for them (overrides/once.py: the navigation of the pages
out of it, the header but its title, the theme's configuration, the script tags; overrides/hooks.py: the
inline scripts' hashes): the site is byte for byte the one built with Material rendering it on every page."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import ENV, make_workspace, run_cli, tree_digest

EVERY_PAGE = "every-page.yml"
PROBE = "probe.yml"


def test_what_is_rendered_once_is_what_every_page_renders(tmp_path: Path):
    root = make_workspace(tmp_path / "repo")
    assert run_cli(root, "build").returncode == 0
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "overrides/once.py" in config
    (root / EVERY_PAGE).write_text(re.sub(r"^  - overrides/once\.py.*\n", "", config, flags=re.M),
                                   encoding="utf-8")
    # And the hashes of the inline scripts, remembered by the values they use, are each page's own.
    (root / "overrides" / "probe.py").write_text("""
import sys
checked = []
def on_page_context(context, page, config, nav):
    hooks = sys.modules["overrides/hooks.py"]
    assert hooks.script_hashes(context) == hooks._script_hashes(context), page.url
    checked.append(page.url)
    return context
def on_post_build(config):
    assert len(checked) > 100, checked
""", encoding="utf-8")
    (root / PROBE).write_text(config.replace("hooks:\n", "hooks:\n  - overrides/probe.py\n", 1), encoding="utf-8")
    sites = {}
    for name, file in (("once", PROBE), ("every", EVERY_PAGE)):
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
