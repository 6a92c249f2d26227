"""`make serve` in one process: the resident record (preview.Resident) and a resident MkDocs site.

`mkdocs serve --dirty` rebuilds by loading the configuration again, listing and checking every file under
docs/ (15,000 at 10,000 events) and polling them all twice a second; that was most of a refresh at scale.
Here MkDocs's own `build()` makes the first site, and a small plugin keeps what that build made (its
files, navigation and template environment, through the public `on_files`, `on_nav` and `on_env`
events). After a save, the resident record says which generated files it wrote or removed, and only
those are done again:

- a changed page (one MkDocs already has) is read, rendered and written as MkDocs's build does it, through
  the same plugin events (`on_pre_page` … `on_post_page`) and MkDocs's `get_context`;
- a changed data file is copied into the site; a new or removed one is added or removed;
- anything else (a page added or removed, a hand-written page, mkdocs.yml, overrides/) is MkDocs's own
  build again, `--dirty` as `mkdocs serve --dirty` would do it.

MkDocs's development server (`LiveReloadServer`) serves the site and tells the open pages to reload;
it watches only data/, seeds/, the hand-written pages and the theme, not the generated folders.
tests/test_live.py proves the pages it updates equal those of a full build.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Callable, Optional
from urllib.parse import urlsplit

from mkdocs import utils
from mkdocs.commands.build import build, get_context
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin

from . import cores, layout
from .preview import Refresh, Resident, is_export

log = logging.getLogger("mkdocs.build_site.live")


class _Kept(BasePlugin):
    """What the last full build made, kept through public events."""

    files: Any = None
    nav: Any = None
    env: Any = None

    def on_files(self, files, config):
        self.files = files
        return files

    def on_nav(self, nav, config, files):
        self.nav = nav
        return nav

    def on_env(self, env, config, files):
        self.env = env
        return env


class LiveSite:
    """The site as MkDocs built it, kept in memory and updated file by file."""

    def __init__(self, root: Path, dev_addr: str, site_dir: Optional[Path] = None):
        self.root = root
        self.dev_addr = dev_addr
        self.site_dir = site_dir or Path(tempfile.mkdtemp(prefix="build_site_serve_"))
        self.config = self._load()
        self.config.plugins.on_startup(command="serve", dirty=True)
        host, port = self.config.dev_addr
        self.mount_path = urlsplit(self.config.site_url or "/").path or "/"
        self.serve_url = f"http://{host}:{port}{self.mount_path}"
        self.config.site_url = self.serve_url
        build(self.config, serve_url=self.serve_url, dirty=False)

    def _load(self):
        config = load_config(config_file=str(self.root / "mkdocs.yml"), site_dir=str(self.site_dir),
                             dev_addr=self.dev_addr)
        self.kept = _Kept()
        config.plugins["build_site-live"] = self.kept
        return config

    def full(self, dirty: bool = True) -> None:
        """MkDocs's own build, with the configuration read again (as `mkdocs serve` does on each change)."""
        self.config = self._load()
        self.config.site_url = self.serve_url
        build(self.config, serve_url=self.serve_url, dirty=dirty)

    def update(self, written: tuple[str, ...], gone: tuple[str, ...]) -> bool:
        """Bring the site up to date after the generator wrote `written` and removed `gone` (paths under docs/).
        False, with nothing done, when only a full build can (a page added or removed)."""
        files = self.kept.files
        pages = [path for path in written if path.endswith(".md")]
        if files is None or any(path.endswith(".md") for path in gone) or any(
                files.get_file_from_path(path) is None for path in pages):
            return False
        self.copy(tuple(path for path in written if not path.endswith(".md")),
                  tuple(path for path in gone if not path.endswith(".md")))
        chosen = [files.get_file_from_path(path).page for path in pages]
        for page in chosen:
            self._read(page)
        doc_files = files.documentation_pages()
        for page in chosen:
            self._build(page, doc_files)
        for page in chosen:
            page.validate_anchor_links(files=files, log_level=self.config.validation.links.anchors)
        return True

    def copy(self, written: tuple[str, ...], gone: tuple[str, ...]) -> None:
        """Files other than pages, as MkDocs copies them: docs/<path> to the site's <path>."""
        for path in written:
            if Path(path).name != layout.MARKER:
                utils.copy_file(str(self.root / "docs" / path), str(self.site_dir / path))
        for path in gone:
            (self.site_dir / path).unlink(missing_ok=True)

    def _read(self, page) -> None:
        """MkDocs's reading of a page (`mkdocs.commands.build`, each step a public event or method)."""
        config, files = self.config, self.kept.files
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        page.render(config, files)
        page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)

    def _build(self, page, doc_files) -> None:
        """MkDocs's building of a page: its template, the page events, the file."""
        config, nav, env = self.config, self.kept.nav, self.kept.env
        page.active = True
        try:
            context = get_context(nav, doc_files, config, page)
            template = env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
            output = config.plugins.on_post_page(template.render(context), page=page, config=config)
            if output.strip():
                utils.write_file(output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)
        finally:
            page.active = False

    def server(self, builder) -> LiveReloadServer:
        host, port = self.config.dev_addr
        server = LiveReloadServer(builder=builder, host=host, port=port, root=str(self.site_dir),
                                  mount_path=self.mount_path, polling_interval=0.2)
        server.set_app(_script_not_inline(server.serve_request))

        def error_page(code: int) -> Optional[bytes]:
            page = self.site_dir / f"{code}.html"
            return page.read_bytes() if code in (404, 500) and page.is_file() else None

        server.error_handler = error_page
        return server

    def close(self) -> None:
        self.config.plugins.on_shutdown()
        shutil.rmtree(self.site_dir, ignore_errors=True)


_INLINE_RELOAD = re.compile(rb"<script>\s*var livereload = function\(epoch, requestId\) \{.*?"
                            rb"livereload\((\d+), (\d+)\);\s*</script>", re.DOTALL)
CLIENT = "/livereload-client.js"
"""The reloading script as a file of the server's own: the site's Content-Security-Policy refuses the
inline script MkDocs's server puts in each page (it names the page's version, so no hash can allow it)."""
_CLIENT_JS = b"""// build_site serve: reload the page when the server has a newer version of the site (MkDocs's protocol).
(function () {
  var script = document.currentScript, epoch = script.dataset.epoch, request = script.dataset.request;
  var xhr, timeout;
  function poll() {
    xhr = new XMLHttpRequest();
    xhr.onloadend = function () {
      if (parseFloat(this.responseText) > epoch) { location.reload(); }
      else { timeout = setTimeout(poll, this.status === 200 ? 0 : 3000); }
    };
    xhr.open("GET", "/livereload/" + epoch + "/" + request);
    xhr.send();
  }
  function stop() {
    if (xhr) { xhr.abort(); }
    if (timeout) { clearTimeout(timeout); }
    xhr = timeout = undefined;
  }
  window.addEventListener("load", function () { if (document.visibilityState === "visible") { poll(); } });
  window.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { poll(); } else { stop(); }
  });
  window.addEventListener("beforeunload", stop);
})();
"""


def _script_not_inline(app):
    """MkDocs's server, with its inline reloading script in each page replaced by `CLIENT`."""

    def serve(environ, start_response):
        if environ.get("PATH_INFO") == CLIENT:
            start_response("200 OK", [("Content-Type", "application/javascript"),
                                      ("Content-Length", str(len(_CLIENT_JS))), ("Cache-Control", "no-store")])
            return [_CLIENT_JS]
        said: list = []
        body = app(environ, lambda status, headers, exc_info=None: said.append((status, headers)))
        status, headers = said[0]
        if not any(name.lower() == "content-type" and value.startswith("text/html") for name, value in headers):
            start_response(status, headers)
            return body
        content = b"".join(body)
        if hasattr(body, "close"):
            body.close()
        content = _INLINE_RELOAD.sub(lambda found: b'<script src="%s" data-epoch="%s" data-request="%s"></script>' % (
            CLIENT.encode(), found[1], found[2]), content)
        start_response(status, [(name, str(len(content)) if name.lower() == "content-length" else value)
                                for name, value in headers])
        return [content]

    return serve


class _Exports:
    """What follows a save once the edited record's page is served, in a thread of its own: the pages that
    list or name it (`finish`), then the data exports, made in a forked process on the other core. A new
    exports process starts when the last one has ended (a thread waits for each), so waiting for one never
    delays the next save's pages. `lock` is held by whoever reads or changes the resident record."""

    def __init__(self, resident: Resident, site: LiveSite, server: LiveReloadServer, stamp: Path):
        self.resident, self.site, self.server, self.stamp = resident, site, server, stamp
        self.lock = threading.Lock()
        self.due = threading.Event()
        self.stopping = False
        self.pid: Optional[int] = None
        self.superseded = False
        self.reaper: Optional[threading.Thread] = None
        self.thread = threading.Thread(target=self._loop, name="build_site-after-save", daemon=True)
        self.thread.start()

    def request(self) -> None:
        self.due.set()

    def supersede(self) -> None:
        """A save: the exports being made are of the record before it, so their process is stopped (it would
        only slow the next refresh, whose memory it shares page by page); new ones follow the save."""
        pid = self.pid
        if pid is not None:
            self.superseded = True
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass

    def _loop(self) -> None:
        while True:
            self.due.wait()
            self.due.clear()
            if self.stopping:
                return
            with self.lock:
                if self.resident.pages_due:
                    self._finish()
                self.resident.collect()
                if self.resident.exports_due and self.pid is None and not self.stopping:
                    self._fork()

    def _finish(self) -> None:
        """The pages that list or name what changed, after the edited record's own page is served; then the
        server is told (a touch of a file it watches, `stamp`) so that every open page reloads again."""
        done = self.resident.finish()
        if done.paths or done.gone:
            if not self.site.update(done.paths, done.gone):
                self.site.full(dirty=True)
            pages = sum(1 for path in done.paths if path.endswith(".md"))
            print(f"serve: then {done.pages_rendered} page(s) listing or naming it rendered, {pages} rebuilt "
                  f"({done.seconds['pages']:.2f} s)", flush=True)
            self.stamp.touch()

    def _fork(self) -> None:
        if not hasattr(os, "fork"):
            done = self.resident.export()
            self.site.copy(done.paths, done.gone)
            return
        read, write = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child's coverage is not collected
            code = 1
            try:
                os.close(read)
                self.server.socket.close()
                os.nice(10)  # the next save's refresh, in the parent, comes first
                done = self.resident.export()
                self.site.copy(done.paths, done.gone)
                cores.send(write, sorted(path for path in self.resident.paths if is_export(path)))
                code = 0
            except BaseException as error:  # noqa: BLE001 - said, then the child leaves whatever happens
                print(f"serve: the data exports failed ({type(error).__name__}: {error})", file=sys.stderr)
            finally:
                sys.stderr.flush()
                os._exit(code)
        os.close(write)
        self.resident.exports_due = False
        self.pid = pid
        self.reaper = threading.Thread(target=self._reap, args=(pid, read), name="build_site-exports", daemon=True)
        self.reaper.start()

    def _reap(self, pid: int, pipe: int) -> None:
        """An exports process, waited for: the resident's list of generated files takes its files; if the
        record changed meanwhile, the next one starts."""
        exported = cores.receive(pipe)
        _, status = os.waitpid(pid, 0)
        with self.lock:
            self.pid = None
            if exported is not None and os.waitstatus_to_exitcode(status) == 0:
                self.resident.paths = {path for path in self.resident.paths if not is_export(path)} | set(exported)
                if self.resident.exports_due and not self.stopping:
                    self.due.set()  # the record changed while they were made: again
            else:
                self.resident.exports_due = True  # made again after the next save (it said why) …
                if self.superseded and not self.stopping:
                    self.due.set()  # … or now, when a save stopped them
            self.superseded = False

    def stop(self) -> None:
        self.stopping = True
        self.due.set()
        self.thread.join(timeout=60)
        if self.pid is not None:
            os.kill(self.pid, signal.SIGTERM)
        if self.reaper is not None:
            self.reaper.join(timeout=60)


class Serve:
    """`python -m build_site serve`: the resident record, the resident site, MkDocs's development server."""

    def __init__(self, args: Any, refresh: Callable[..., Optional[Refresh]]):
        self.args, self.refresh = args, refresh
        self.root: Path = args.root
        self.resident = Resident(self.root, only=args.only, strict=args.strict)

    def _theme_and_pages(self) -> list[Path]:
        """What only a full MkDocs build takes in: the configuration, the theme overrides, the hand-written pages."""
        docs = self.root / "docs"
        return [self.root / "mkdocs.yml", self.root / "overrides",
                *sorted(entry for entry in docs.iterdir() if entry.name not in layout.GENERATED_DIRS)]

    @staticmethod
    def _stamp(paths: list[Path]) -> tuple:
        found = []
        for path in paths:
            for item in ([path] if path.is_file() else sorted(path.rglob("*"))):
                try:
                    found.append((str(item), item.stat().st_mtime_ns))
                except OSError:
                    continue
        return tuple(found)

    def run(self) -> int:
        self.refresh(self.resident, self.args)
        _quiet_mkdocs()
        site = LiveSite(self.root, self.args.dev_addr)
        watched = self._theme_and_pages()
        last = self._stamp(watched)
        exports: Optional[_Exports] = None

        def builder() -> None:
            nonlocal last
            assert exports is not None
            exports.supersede()
            with exports.lock:
                done = self.refresh(self.resident, self.args, later=True)
                now = self._stamp(watched)
                begin = time.perf_counter()
                if now != last:
                    last = now
                    site.full(dirty=True)
                elif done is not None and (done.paths or done.gone):
                    if site.update(done.paths, done.gone):
                        pages = sum(1 for path in done.paths if path.endswith(".md"))
                        print(f"serve: MkDocs rebuilt {pages} page(s) ({time.perf_counter() - begin:.2f} s)",
                              flush=True)
                    else:
                        site.full(dirty=True)
            if self.resident.pages_due or self.resident.exports_due or self.resident.collect_due:
                exports.request()

        server = site.server(builder)
        told = site.site_dir.parent / f"{site.site_dir.name}.refreshed"  # touched after the second round of pages
        told.touch()
        exports = _Exports(self.resident, site, server, told)
        for path in [self.root / "data", self.root / "seeds", *watched, told]:
            if path.exists():
                server.watch(str(path))
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            exports.stop()
            server.shutdown()
            site.close()
            told.unlink(missing_ok=True)
        return 0


def _quiet_mkdocs() -> None:
    """MkDocs's messages as `mkdocs serve` prints them (its level and prefix), and only once."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
