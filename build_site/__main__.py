"""Command line: check, build, register, schemas, serve. The only place that turns errors into exit codes."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import socket
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from . import contributing, schemas
from .errors import BuildError, Problem
from .pipeline import build, check, register

if TYPE_CHECKING:
    from .preview import Refresh, Resident

log = logging.getLogger("build_site")


def _report(problems: list[Problem], fmt: str) -> None:
    for problem in problems:
        print(problem.github() if fmt == "github" else str(problem), file=sys.stderr)


def _summary(problems: list[Problem]) -> str:
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def cmd_check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    try:
        checked = check(args.root, strict=args.strict)
    except BuildError as error:
        _report(error.problems, args.format)
        print(f"check failed: {_summary(error.problems)}; nothing was written.", file=sys.stderr)
        return 1
    _report(checked.problems, args.format)
    counts = ", ".join(f"{len(records)} {kind}" for kind, records in checked.kinds())
    print(f"check passed: {counts} ({_summary(checked.problems)}, {time.perf_counter() - started:.2f} s)")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    try:
        result = build(args.root, strict=args.strict, only=args.only)
    except BuildError as error:
        _report(error.problems, args.format)
        print(f"build failed: {_summary(error.problems)}; docs/ was left as it was.", file=sys.stderr)
        return 1
    _report(result.warnings, args.format)
    w = result.written
    print(f"build: {w.written} file(s) written, {w.unchanged} unchanged, {w.removed} removed")
    if args.only:
        print(f"build: a preview of part of the record ({', '.join(args.only)}); "
              "run `build` without --only for the whole site")
    return 0


def cmd_register(args: argparse.Namespace) -> int:
    try:
        added = register(args.root)
    except BuildError as error:
        _report(error.problems, "text")
        print("register failed: fix the errors first.", file=sys.stderr)
        return 1
    print(f"register: {added} URL(s) added to data/published-urls.txt")
    return 0


def cmd_schemas(args: argparse.Namespace) -> int:
    changed = schemas.write_schemas(args.root / "schemas")
    guide = args.root / "CONTRIBUTING.md"
    if guide.exists() and contributing.update(guide):
        changed += 1
    print(f"schemas: {changed} file(s) updated (schemas/, CONTRIBUTING.md's field reference)")
    return 0


def _port_free(dev_addr: str) -> bool:
    host, _, port = dev_addr.rpartition(":")
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.bind((host.strip("[]") or "127.0.0.1", int(port)))
        except (OSError, ValueError):
            return False
    return True


def _refresh(resident: "Resident", args: argparse.Namespace, later: bool = False) -> "Refresh | None":
    """One refresh of the resident preview: whatever goes wrong is printed, and the last good site stays served."""
    try:
        done = resident.refresh(later=later)
    except BuildError as error:
        _report(error.problems, args.format)
        print("serve: fix the errors above; serving the last good output meanwhile.", file=sys.stderr)
        return None
    except Exception as error:  # noqa: BLE001 - serve must outlive any failure of one build
        print(f"serve: the build failed ({type(error).__name__}: {error}); serving the last good output meanwhile.",
              file=sys.stderr)
        return None
    _report(done.warnings, args.format)
    if done.changed_files:
        print(f"serve: {', '.join(done.changed_files)}: {done.changed_records} record(s) changed, "
              f"{done.pages_rendered} page(s) rendered, {done.written} file(s) written "
              f"({sum(done.seconds.values()):.2f} s)", flush=True)
    return done


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def cmd_serve(args: argparse.Namespace) -> int:
    """Keep the record and the built site in memory (build_site/preview.py, build_site/live.py); on a save,
    regenerate what changed and have MkDocs rebuild only those pages. Pagefind is not run: search needs `make site`."""
    from .live import Serve

    if not _port_free(args.dev_addr):
        print(f"serve: cannot listen on {args.dev_addr}: the address is in use or invalid (stop the other server, "
              f"or pass another one: --dev-addr 127.0.0.1:8001)", file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    return Serve(args, _refresh).run()


def main(argv: list[str] | None = None, *, leave: bool = False) -> int:
    """Run a command; its exit code. With `leave`, `check` and `build` end the process as soon as they are done."""
    parser = argparse.ArgumentParser(prog="python -m build_site", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository root (default: here)")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func, text in (
        ("check", cmd_check, "validate data/ and seeds/; write nothing"),
        ("build", cmd_build, "validate, then generate pages and data under docs/"),
        ("serve", cmd_serve, "build, serve with mkdocs, regenerate when data/ or seeds/ change"),
    ):
        command = sub.add_parser(name, help=text, description=text)
        command.add_argument("--strict", action="store_true", help="treat warnings as errors")
        command.add_argument("--format", choices=("text", "github"), default="text",
                             help="`github` prints GitHub Actions annotations")
        command.set_defaults(func=func)
        if name in ("build", "serve"):
            command.add_argument("--only", action="append", metavar="SELECTOR",
                                 help="preview part of the record: year=YYYY, actor=<id>, place=<id> or "
                                      "operation=<id> (repeatable); everything is still validated")
        if name == "serve":
            command.add_argument("--dev-addr", default="127.0.0.1:8000")
    registry = sub.add_parser("register", help="add every current page URL to data/published-urls.txt")
    registry.set_defaults(func=cmd_register)
    schema = sub.add_parser("schemas", help="regenerate the JSON Schemas in schemas/ from the model")
    schema.set_defaults(func=cmd_schemas)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args.root = args.root.resolve()
    code = args.func(args)
    if leave and args.command in ("check", "build"):
        _leave(code)
    return code


def _leave(code: int) -> None:
    # The validated record is a million objects on a large record; freeing them one by one as Python exits
    # takes as long as loading them (4 s at 10,000 events), and nothing is left to do: every file written is
    # closed. Serve and the other commands exit as usual.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main(leave=True))
