"""Hostile text in titles, names, aliases, summaries and quotes renders as inert text in the built site."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import FIXTURE, build_all, make_workspace

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
    "</script><script>alert(1)</script>",
    "{{ 7*7 }} {% raw %}",
    "[click](javascript:alert(1))",
    "&lt;b&gt;",
]
PAYLOAD = " ".join(PAYLOADS)


class _Inspector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action") and value and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value}>")
        if tag in ("svg", "img") and dict(attrs).get("src") == "x":
            self.problems.append(f"<{tag} src=x>")

    def handle_data(self, data):
        pass


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = make_workspace(tmp_path_factory.mktemp("xss"), FIXTURE)
    seed = root / "seeds/alpha-report.txt"
    seed.write_bytes(seed.read_bytes() + f"\nHostile words: {PAYLOAD}\n".encode())
    sources = root / "data/sources/sources.yaml"
    text = sources.read_text()
    text = re.sub(r"sha256: [0-9a-f]{64}", f"sha256: {hashlib.sha256(seed.read_bytes()).hexdigest()}", text)
    sources.write_text(text.replace("title: Alpha Report", f"title: 'Alpha {PAYLOAD}'"))
    yaml_payload = PAYLOAD.replace("'", "''")
    for rel, old, new in [
        ("data/actors/actors.yaml", "name: Group Alpha", f"name: 'Group {yaml_payload}'"),
        ("data/actors/actors.yaml", "aliases: [Alpha Group, Jathran Brigade]", f"aliases: ['{yaml_payload}']"),
        ("data/events/events.yaml", "title: Attack on the checkpoint", f"title: 'Attack {yaml_payload}'"),
        ("data/events/events.yaml", "summary: Fighters attacked a checkpoint near **Town X**.",
         f"summary: 'Summary {yaml_payload}'"),
        ("data/places/places.yaml", "name: Town X", f"name: 'Town {yaml_payload}'"),
        ("data/claims/alpha-report.yaml", "asserts: Witnesses counted about 12 trucks.",
         f"asserts: 'Asserts {yaml_payload}'"),
        ("data/sources/sources.yaml", "note: The report gives the attack in the words of a spokesman it does not name.",
         f"note: 'Span {yaml_payload}'"),
    ]:
        path = root / rel
        content = path.read_text()
        assert old in content
        path.write_text(content.replace(old, new))
    claims = root / "data/claims/alpha-report.yaml"
    claims.write_text(claims.read_text() + (
        "- id: hostile-quote\n  about: convoy-departure\n  asserts: The document contains hostile words.\n"
        f"  speaker: {{actor: alpha-gazette}}\n  chain:\n    - {{name: 'Chain {yaml_payload}', kind: report}}\n"
        f"  form: narration\n  source: alpha-report\n  quote: 'Hostile words: {yaml_payload}'\n"
        f"  note: {{kind: reading, text: 'Note {yaml_payload}'}}\n"))
    (root / "data/published-urls.txt").write_text((root / "data/published-urls.txt").read_text() + "claims#hostile-quote\n")
    return build_all(root)


def test_no_payload_becomes_markup(hostile_site: Path):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        inspector = _Inspector()
        inspector.feed(text)
        assert inspector.problems == [], (page, inspector.problems)
        for script in re.findall(r"<script[^>]*>(.*?)</script>", text, flags=re.S):
            assert "alert(1)" not in script, page


def test_payloads_show_as_text(hostile_site: Path):
    event = (hostile_site / "events/checkpoint-attack/index.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in event
    assert "{{ 7*7 }}" in event, "templates are never executed from content"
    source = (hostile_site / "sources/alpha-report/index.html").read_text(encoding="utf-8")
    assert "Hostile words: &lt;script&gt;alert(1)&lt;/script&gt;" in source
