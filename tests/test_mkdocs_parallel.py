"""`mkdocs build` on several cores (overrides/both_cores.py) builds the same site, byte for byte, as in one
process; it still checks every link into a page another process built, and what those processes log,
warnings and errors, reaches the first one: `--strict` fails on it, each said once.

The real record is below the size at which a build forks by itself; BUILD_SITE_MKDOCS_WORKERS forces it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ENV, FIXTURE, ROOT, make_workspace, run_cli, tree_digest

sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "overrides"))
import both_cores  # noqa: E402  # type: ignore[import-not-found]

from synthetic_record import write_record  # noqa: E402

PROBE = "probe.yml"


def mkdocs(root: Path, site: Path, workers: int | None, config: str = "mkdocs.yml", builder: str = "mkdocs"):
    env = {**ENV}
    env.pop(both_cores.WORKERS_VARIABLE, None)
    if workers is not None:
        env[both_cores.WORKERS_VARIABLE] = str(workers)
    return subprocess.run([sys.executable, "-m", builder, "build", "--strict", "-f", config, "--site-dir", str(site)],
                          capture_output=True, text=True, env=env, cwd=root)


def with_probe(root: Path, body: str) -> str:
    """mkdocs.yml with one more hook (overrides/probe.py) after the site's own."""
    (root / "overrides" / "probe.py").write_text(body, encoding="utf-8")
    hooks = re.findall(r"^  - (overrides/\S+)", (root / "mkdocs.yml").read_text(encoding="utf-8"), flags=re.M)
    (root / PROBE).write_text("INHERIT: mkdocs.yml\nhooks:\n" + "".join(f"  - {hook}\n" for hook in hooks)
                              + "  - overrides/probe.py\n", encoding="utf-8")
    return PROBE


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    """A 400-event record: large enough that a default build forks."""
    root = make_workspace(tmp_path_factory.mktemp("parallel") / "repo", FIXTURE)
    write_record(root, 400, seed=5)
    assert run_cli(root, "build").returncode == 0
    return root


@pytest.fixture(scope="module")
def real(tmp_path_factory) -> Path:
    root = make_workspace(tmp_path_factory.mktemp("parallel-real") / "repo")
    assert run_cli(root, "build").returncode == 0
    return root


def test_a_large_site_forks_by_itself_and_builds_the_same_bytes(synthetic: Path, tmp_path: Path):
    one = mkdocs(synthetic, tmp_path / "one", workers=1)
    assert one.returncode == 0 and "WARNING" not in one.stderr, one.stderr
    default = mkdocs(synthetic, tmp_path / "default", workers=None)
    assert default.returncode == 0 and "WARNING" not in default.stderr, default.stderr
    three = mkdocs(synthetic, tmp_path / "three", workers=3)
    assert three.returncode == 0 and "WARNING" not in three.stderr, three.stderr
    reference = tree_digest(tmp_path / "one")
    assert len([p for p in reference if p.endswith(".html")]) > both_cores.FROM
    assert tree_digest(tmp_path / "default") == reference
    assert tree_digest(tmp_path / "three") == reference
    # What a build prints is the same too: nothing said twice, no "Page skipped" for the pages built elsewhere.
    def said(result):
        return [line for line in result.stderr.replace(str(tmp_path), "").splitlines()
                if not line.startswith("INFO    -  Documentation built")]
    assert said(default) == [
        line.replace("/one", "/default") for line in said(one)]
    assert "Page skipped" not in default.stderr


def test_properdocs_forks_the_same_way(synthetic: Path, tmp_path: Path):
    generator = re.compile(rb'<meta name="generator" content="[^"]*">')
    assert mkdocs(synthetic, tmp_path / "mkdocs", workers=1).returncode == 0
    built = mkdocs(synthetic, tmp_path / "properdocs", workers=2, builder="properdocs")
    assert built.returncode == 0 and "WARNING" not in built.stderr, built.stderr
    ours = {p.relative_to(tmp_path / "mkdocs") for p in (tmp_path / "mkdocs").rglob("*") if p.is_file()}
    assert ours == {p.relative_to(tmp_path / "properdocs") for p in (tmp_path / "properdocs").rglob("*") if p.is_file()}
    for relative in ours:
        assert (generator.sub(b"", (tmp_path / "mkdocs" / relative).read_bytes())
                == generator.sub(b"", (tmp_path / "properdocs" / relative).read_bytes())), relative


def test_the_first_process_knows_the_anchors_mkdocs_found_elsewhere(real: Path, tmp_path: Path):
    """Before MkDocs checks the links, the first process holds, for every page, exactly the anchors MkDocs
    collects when it builds the whole site in one process: those of the pages built elsewhere are sent."""
    config = with_probe(real, """
import json
import sys
kept = {}
def on_files(files, config):
    kept["files"] = files
    return files
def on_post_build(config):
    found = {f.src_uri: sorted(f.page.present_anchor_ids or ()) for f in kept["files"].documentation_pages()}
    open(sys.argv[-1] + ".anchors.json", "w").write(json.dumps(found))
""")
    found = {}
    for workers in (1, 2, 3):
        site = tmp_path / f"site-{workers}"
        built = mkdocs(real, site, workers=workers, config=config)
        assert built.returncode == 0, built.stderr
        found[workers] = json.loads(Path(f"{site}.anchors.json").read_text())
    events = [uri for uri in found[1] if re.match(r"events/[^/]+/index.md$", uri)]
    assert len(events) > 40 and all(found[1][uri] for uri in events)
    assert sum(len(ids) for ids in found[1].values()) > 1000
    assert found[2] == found[1]
    assert found[3] == found[1]


def test_each_process_gets_its_share_of_the_pages():
    for pages, workers in ((400, 2), (12_427, 2), (1_001, 3), (5, 2)):
        owners = both_cores._deal(pages, workers)
        counts = [owners.count(k) for k in range(workers)]
        assert sum(counts) == pages and all(abs(c - w) <= 1 for c, w in zip(counts, both_cores.shares(pages, workers), strict=True))
        assert counts[0] < counts[1] or pages < 20  # the first process does the rest too
        # dealt in turn: every run of twenty pages is shared
        assert all(len(set(owners[i:i + 20])) == workers for i in range(0, pages - 20, 20))


def test_links_into_pages_built_elsewhere_are_still_checked(real: Path, tmp_path: Path):
    events = sorted(p.parent.name for p in (real / "docs" / "events").glob("*/index.md")
                    if not p.parent.name.isdigit())[:6]
    page = real / "docs" / "methodology.md"
    original = page.read_text(encoding="utf-8")
    try:
        # Six neighbouring pages: with two processes, some are built by each.
        page.write_text(original + "\n" + "".join(f"[{e}](events/{e}/index.md#cite)\n" for e in events),
                        encoding="utf-8")
        fine = mkdocs(real, tmp_path / "fine", workers=2)
        assert fine.returncode == 0 and "WARNING" not in fine.stderr, fine.stderr
        page.write_text(original + "\n" + "".join(f"[{e}](events/{e}/index.md#no-such-anchor)\n" for e in events),
                        encoding="utf-8")
        broken = mkdocs(real, tmp_path / "broken", workers=2)
    finally:
        page.write_text(original, encoding="utf-8")
    assert broken.returncode != 0
    for event in events:
        assert broken.stderr.count(f"'events/{event}/index.md' does not contain an anchor '#no-such-anchor'") == 1


def test_what_the_other_processes_log_is_said_once_and_fails_strict(real: Path, tmp_path: Path):
    config = with_probe(real, """
import logging
log = logging.getLogger("mkdocs.plugins.probe")
def on_page_content(html, page, config, files):
    # `html`: the page as the site's hooks made it (pages another process builds are empty here).
    if page.file.src_uri.startswith("events/") and page.file.src_uri.count("/") == 2 and html:
        log.warning("probe warns about %s", page.file.src_uri)
    return html
""")
    built = mkdocs(real, tmp_path / "site", workers=2, config=config)
    assert built.returncode != 0
    events = sorted(p.relative_to(real / "docs").as_posix() for p in (real / "docs" / "events").glob("*/index.md"))
    events = [e for e in events if not re.match(r"events/\d{4}/", e)]
    assert len(events) > 20
    for event in events:
        assert built.stderr.count(f"probe warns about {event}\n") == 1, event
    assert "in strict mode" in built.stdout + built.stderr


def test_a_failure_in_another_process_fails_the_build(real: Path, tmp_path: Path):
    config = with_probe(real, """
import sys
def on_post_page(output, page, config):
    build = sys.modules["overrides/both_cores.py"]._build
    if build and build.index and page.file.src_uri.startswith("actors/") and output.strip():
        raise RuntimeError("probe fails in process %d on %s" % (build.index, page.file.src_uri))
    return output
""")
    built = mkdocs(real, tmp_path / "site", workers=2, config=config)
    assert built.returncode != 0
    assert "probe fails in process 1 on actors/" in built.stderr
    assert "other processes failed" in built.stderr
    # No process of that build is left running (the others are stopped and waited for).
    left = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if str(tmp_path / "site").encode() in cmdline.read_bytes():
                left.append(cmdline.parent.name)
        except OSError:
            continue
    assert not left


def test_serve_and_small_builds_stay_in_one_process(monkeypatch):
    monkeypatch.delenv(both_cores.WORKERS_VARIABLE, raising=False)
    monkeypatch.setattr(both_cores.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setitem(both_cores._command, "command", "build")
    monkeypatch.setitem(both_cores._command, "dirty", False)
    assert both_cores.worker_count(10**6) == 2
    assert both_cores.worker_count(both_cores.FROM - 1) == 1
    monkeypatch.setitem(both_cores._command, "dirty", True)
    assert both_cores.worker_count(10**6) == 1
    monkeypatch.setitem(both_cores._command, "dirty", False)
    monkeypatch.setitem(both_cores._command, "command", "serve")
    assert both_cores.worker_count(10**6) == 1
