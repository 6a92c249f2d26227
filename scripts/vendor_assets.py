#!/usr/bin/env python3
"""Copy the vis-timeline browser build and the world-atlas base map out of node_modules into docs/assets/vendor/.

Usage (from anywhere; paths are relative to the repository root)::

    npm ci
    python3 scripts/vendor_assets.py [--check]

What is copied, byte for byte, into ``docs/assets/vendor/vis-timeline/``:

* ``vis-timeline-graph2d.min.js``: the *standalone* UMD bundle. vis-timeline
  8.5.4 ships no timeline-only build; the standalone bundle has every runtime
  dependency (moment, hammerjs, vis-data, vis-util, xss, ...) built in and
  defines ``window.vis``; it needs no peer package at run time.
* ``vis-timeline-graph2d.min.css``: the matching stylesheet (it references no
  images or fonts).
* ``LICENSE.*``: vis-timeline's licence files (Apache-2.0 OR MIT). Licence
  files named ``*.md`` get a ``.txt`` suffix (``LICENSE.md.txt``), because
  MkDocs would turn a ``.md`` file under docs/ into a page.
* ``licenses/<package>/...``: the licence files of the packages bundled into
  the standalone build, as installed by ``npm ci`` (npm installs them as peer
  dependencies; the browser never loads them from node_modules).
* ``VERSION``: package name, version, and the SHA-256 of every copied file.

And into ``docs/assets/vendor/world-atlas/``: ``countries-50m.json`` (Natural
Earth's 1:50m countries as TopoJSON, public domain), from which the generator
draws the maps at build time (build_site/maps.py; the browser never loads it),
its ``LICENSE`` and a ``VERSION`` file.

Source maps are not copied (the bundle's ``sourceMappingURL`` comment is left
as published; browsers only fetch it when developer tools are open).

A file is written only when its content changed, so re-running the script is
cheap and does not touch timestamps; files in the destination that are no
longer part of the vendored set are removed. ``--check`` writes nothing and exits 1
when the vendored copy is missing or out of date.

Standard library only.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from build_site.files import write_if_changed  # noqa: E402  (standard library only: works before set-up)

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "vis-timeline"
EXPECTED_VERSION = "8.5.4"
NODE_MODULES = ROOT / "node_modules"
SOURCE = NODE_MODULES / PACKAGE
DEST = ROOT / "docs" / "assets" / "vendor" / PACKAGE

ATLAS_PACKAGE = "world-atlas"
ATLAS_VERSION = "2.0.2"
ATLAS_FILES = ["countries-50m.json", "LICENSE"]
ATLAS_DEST = ROOT / "docs" / "assets" / "vendor" / ATLAS_PACKAGE

# (path inside the package, name in DEST)
BUILD_FILES = [
    ("standalone/umd/vis-timeline-graph2d.min.js", "vis-timeline-graph2d.min.js"),
    ("styles/vis-timeline-graph2d.min.css", "vis-timeline-graph2d.min.css"),
]
PACKAGE_LICENSES = ["LICENSE.md", "LICENSE.Apache-2.0.txt", "LICENSE.MIT.txt"]

# Packages whose code the standalone bundle contains (vis-timeline's peer
# dependencies). Their licence files are shipped next to the bundle.
BUNDLED_PACKAGES = [
    "@egjs/hammerjs",
    "component-emitter",
    "keycharm",
    "moment",
    "propagating-hammerjs",
    "uuid",
    "vis-data",
    "vis-util",
    "xss",
    "cssfilter",
]
LICENSE_PREFIXES = ("license", "licence", "copying", "notice")


class VendorError(Exception):
    pass


def _read_version(package_dir: Path) -> str:
    try:
        meta = json.loads((package_dir / "package.json").read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise VendorError(f"{package_dir}/package.json not found") from exc
    return str(meta.get("version", "unknown"))


def _license_files(package_dir: Path) -> list[Path]:
    return sorted(
        p
        for p in package_dir.iterdir()
        if p.is_file() and p.name.lower().startswith(LICENSE_PREFIXES)
    )


def _safe_name(name: str) -> str:
    """docs/ is MkDocs' input: a vendored LICENSE.md would become a page of the
    site (and an entry in the automatic navigation). Ship Markdown licence
    texts as .txt instead."""
    return name + ".txt" if name.lower().endswith((".md", ".markdown")) else name


def plan() -> dict[str, bytes]:
    """Return {relative destination path: content} for everything to vendor."""
    if not NODE_MODULES.is_dir() or not SOURCE.is_dir():
        raise VendorError(
            f"{SOURCE.relative_to(ROOT)} is missing: run `npm ci` in {ROOT} first "
            "(package.json pins vis-timeline exactly; package-lock.json has the hashes)."
        )
    version = _read_version(SOURCE)
    if version != EXPECTED_VERSION:
        raise VendorError(
            f"node_modules has {PACKAGE} {version}, expected {EXPECTED_VERSION}: "
            "run `npm ci` (not `npm install`) so the lockfile is honoured."
        )

    files: dict[str, bytes] = {}
    for src_rel, dest_name in BUILD_FILES:
        src = SOURCE / src_rel
        if not src.is_file():
            raise VendorError(f"{src} not found in the installed package; is node_modules complete? run `npm ci`")
        files[dest_name] = src.read_bytes()
    for name in PACKAGE_LICENSES:
        src = SOURCE / name
        if not src.is_file():
            raise VendorError(f"{src} not found in the installed package; run `npm ci`")
        files[_safe_name(name)] = src.read_bytes()

    bundled_versions = {}
    for pkg in BUNDLED_PACKAGES:
        pkg_dir = NODE_MODULES / pkg
        if not pkg_dir.is_dir():
            # npm installs peers by default; without them we still have the
            # bundle, but say which licence texts are absent.
            print(f"warning: {pkg} not in node_modules; its licence text is not vendored", file=sys.stderr)
            continue
        bundled_versions[pkg] = _read_version(pkg_dir)
        for lic in _license_files(pkg_dir):
            files[f"licenses/{pkg}/{_safe_name(lic.name)}"] = lic.read_bytes()

    lines = [
        f"{PACKAGE} {version}",
        "source: npm package vis-timeline (see package.json / package-lock.json at the repository root)",
        "build: standalone UMD bundle (defines window.vis; all runtime dependencies bundled)",
        "licence texts in licenses/ are those of the packages built into the bundle, from the versions npm ci installed: "
        + ", ".join(f"{k} {v}" for k, v in sorted(bundled_versions.items())),
        "",
        "sha256 of the vendored files:",
    ]
    for name in sorted(files):
        lines.append(f"{hashlib.sha256(files[name]).hexdigest()}  {name}")
    files["VERSION"] = ("\n".join(lines) + "\n").encode("utf-8")
    return files


def plan_atlas() -> dict[str, bytes]:
    """The base map's files: Natural Earth countries at 1:50m, as world-atlas ships them."""
    source = NODE_MODULES / ATLAS_PACKAGE
    if not source.is_dir():
        raise VendorError(f"{source.relative_to(ROOT)} is missing: run `npm ci` in {ROOT} first")
    version = _read_version(source)
    if version != ATLAS_VERSION:
        raise VendorError(f"node_modules has {ATLAS_PACKAGE} {version}, expected {ATLAS_VERSION}: run `npm ci`")
    files = {name: (source / name).read_bytes() for name in ATLAS_FILES}
    lines = [f"{ATLAS_PACKAGE} {version}", "source: npm package world-atlas (Natural Earth 1:50m countries, public domain)",
             "", "sha256 of the vendored files:"]
    lines += [f"{hashlib.sha256(files[name]).hexdigest()}  {name}" for name in sorted(files)]
    files["VERSION"] = ("\n".join(lines) + "\n").encode("utf-8")
    return files


def sync(files: dict[str, bytes], check: bool, destination: Path = DEST) -> list[str]:
    """Write changed files (or, with check, only report them). Returns changed paths."""
    changed = []
    for rel, content in sorted(files.items()):
        dest = destination / rel
        if dest.is_file() and dest.read_bytes() == content:
            continue
        changed.append(rel)
        if not check:
            dest.parent.mkdir(parents=True, exist_ok=True)
            write_if_changed(dest, content)
    # Files left over from an earlier layout or version: the destination is ours alone.
    if destination.is_dir():
        for path in sorted(destination.rglob("*"), reverse=True):
            rel = path.relative_to(destination).as_posix()
            if path.is_file() and rel not in files:
                changed.append(f"{rel} (removed)")
                if not check:
                    path.unlink()
            elif path.is_dir() and not check and not any(path.iterdir()):
                path.rmdir()
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if the vendored copy is stale")
    args = parser.parse_args(argv)
    try:
        files, atlas = plan(), plan_atlas()
    except VendorError as exc:
        print(f"vendor_assets: error: {exc}", file=sys.stderr)
        return 2
    changed = sync(files, check=args.check) + [f"{ATLAS_PACKAGE}/{rel}" for rel in
                                                 sync(atlas, check=args.check, destination=ATLAS_DEST)]
    dest_rel = DEST.parent.relative_to(ROOT)
    if args.check:
        if changed:
            print(f"vendor_assets: {dest_rel} is out of date ({', '.join(changed)}); run scripts/vendor_assets.py", file=sys.stderr)
            return 1
        print(f"vendor_assets: {dest_rel} is up to date")
        return 0
    if changed:
        print(f"vendor_assets: updated {len(changed)} file(s) in {dest_rel}: {', '.join(changed)}")
    else:
        print(f"vendor_assets: {dest_rel} already up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
