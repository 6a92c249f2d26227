"""Nothing from a contributor's files runs in a reader's browser: a Content-Security-Policy in every page
that allows only the theme's own inline scripts, and `check` refusing scripts and off-site loads in
hand-written pages at their line."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from conftest import FIXTURE, make_workspace, run_cli, tree_digest

_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def test_every_page_has_a_policy_that_allows_exactly_its_theme_scripts(fixture_site: Path):
    pages = sorted(fixture_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        policies = _POLICY.findall(html)
        assert len(policies) == 1, page
        assert html.index("Content-Security-Policy") < html.index("<script"), f"{page}: a script before the policy"
        policy = policies[0]
        assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
        assert "default-src 'self'" in policy or "default-src 'none'" in policy
        for script in re.findall(r"<script>(.*?)</script>", html, re.S):
            assert _hash(script) in policy, f"{page}: an inline script the policy does not allow"


def test_a_contributors_inline_script_is_not_allowed_by_the_policy(tmp_path: Path):
    from conftest import run_mkdocs

    root = make_workspace(tmp_path / "repo", FIXTURE)
    assert run_cli(root, "build").returncode == 0
    page = root / "docs/methodology.md"
    page.write_text(page.read_text() + "\n<script>alert(1)</script>\n")
    # `check` refuses it (below); if it got past, MkDocs lets it through, and the policy keeps it from running.
    assert run_mkdocs(root, tmp_path / "site").returncode == 0
    html = (tmp_path / "site/methodology/index.html").read_text()
    assert "<script>alert(1)</script>" in html
    assert _hash("alert(1)") not in _POLICY.search(html).group(1)


HAND_WRITTEN = {
    "inline-script": ("<script>alert(1)</script>", 1,
                      "hand-written page: expected no inline `<script>`, got one (the site runs only its own script "
                      "files: put the code in docs/assets/ and load it with `<script src>` from overrides/main.html)"),
    "event-handler": ('<img src="assets/x.png" onerror="alert(1)">', 1,
                      "hand-written page: expected no event-handler attribute (`onclick=`, `onerror=`…), got one "
                      "(scripts belong in docs/assets/)"),
    "javascript-url": ("[click](javascript:alert(1))", 9,
                       "hand-written page: expected no `javascript:` URL, got one (link to a page, or put the code in "
                       "docs/assets/)"),
    "meta-refresh": ('<meta http-equiv="refresh" content="0; url=https://example.org/">', 1,
                     "hand-written page: expected no `<meta http-equiv=\"refresh\">`, got one (a moved page keeps its "
                     "URL through `former_ids` or a link; pages do not redirect readers by themselves)"),
    "css-import": ("<style>@import url(https://example.org/x.css);</style>", 8,
                   "hand-written page: expected no style or request that loads from another host, got one (copy what "
                   "it loads into docs/assets/)"),
    "fetch": ("<p>fetch('https://example.org/track')</p>", 4,
              "hand-written page: expected no style or request that loads from another host, got one (copy what it "
              "loads into docs/assets/)"),
}


@pytest.mark.parametrize("name", sorted(HAND_WRITTEN))
def test_check_refuses_unsafe_hand_written_pages(name: str, tmp_path: Path):
    text, column, message = HAND_WRITTEN[name]
    root = make_workspace(tmp_path / "repo", FIXTURE)
    page = root / "docs/methodology.md"
    line = len(page.read_text().splitlines()) + 2
    page.write_text(page.read_text() + "\n" + text + "\n")
    before = tree_digest(root / "docs")
    result = run_cli(root, "build")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f"docs/methodology.md:{line}:{column}: {message}"
    assert tree_digest(root / "docs") == before


def test_check_refuses_markup_in_a_hand_written_title(tmp_path: Path):
    root = make_workspace(tmp_path / "repo", FIXTURE)
    page = root / "docs/methodology.md"
    body = page.read_text()
    page.write_text('---\ntitle: "x</title><script>alert(1)</script>"\n---\n' + body.split("---\n", 2)[-1]
                    if body.startswith("---\n") else '---\ntitle: "x</title><script>alert(1)</script>"\n---\n' + body)
    result = run_cli(root, "check")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "docs/methodology.md:2:1: front matter `title`: expected plain text, got markup characters (< > & \"), which "
        "the theme prints into the page's <head> unescaped (write the words without them)")
