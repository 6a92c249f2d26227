"""MkDocs glue: `mkdocs build` on every core, the same bytes as on one (tests/test_mkdocs_parallel.py).

MkDocs builds page after page in one process. When the site has many generated pages out of the
navigation (entity and year pages, `FROM` or more), this hook forks the build in `on_files`, before any
page is read: each process runs the whole of MkDocs's own build, and each generated page out of the
navigation is rendered, Markdown and Material's template, by one process only (every `n`-th). In the
others the page is a stand-in through public events only:

- its source is the page's own front matter (`File.content_string`, set in `on_files`), so its metadata
  (title, `changed`, which the sitemap reads) is the same everywhere, and its Markdown is empty;
- in the first process, which checks every link (MkDocs's anchor check runs after all pages are built),
  its anchors are the explicit `{#id}` of its headings and the `id`s of its HTML blocks, which is all
  a generated page has (build_site/passthrough.py). A page whose headings are not all of that form
  (no explicit id, or a link) is read whole there instead;
- its template is `elsewhere.html`, which is empty, so MkDocs writes nothing over the file the owning
  process wrote (MkDocs's "Page skipped … Generated empty output" for those pages is not printed).

Everything else (hand-written pages, the pages in the navigation, static files, the sitemap, the 404
page, the anchor check and every later event) is the first process's. The other processes leave once
they have built their pages (in `on_post_page` of the last page, always the first process's); what they
logged is sent to the first process and logged there (`on_post_build`), so `--strict` counts it, and a
process that failed fails the build. `mkdocs serve` and `--dirty` builds stay in one process.

BUILD_SITE_MKDOCS_WORKERS sets the number of processes (1: never fork; the tests force 2 or 3 on small sites).
"""

from __future__ import annotations

import logging
import os
import re
import signal
import sys
import traceback

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_site import cores, passthrough
from build_site.layout import is_generated

FROM = 400
"""Pages out of the navigation from which a build forks (below, forking costs more than it saves)."""
ELSEWHERE = "elsewhere.html"
"""overrides/elsewhere.html: empty, the template of a page another process renders."""
WORKERS_VARIABLE = "BUILD_SITE_MKDOCS_WORKERS"
_LOGGERS = ("mkdocs", "properdocs")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*\n", re.DOTALL)
_EXPLICIT_HEADING = re.compile(r"^#{1,6}[ \t][^\n\[<`]*?\{#([A-Za-z0-9_:.\-]+)\}[ \t]*$")
_SKIPPED = "Page skipped: '"


class _Build:
    """One build's division of the pages, in the process reading it."""

    def __init__(self, workers: int, index: int, children: dict[int, int]):
        self.workers, self.index = workers, index
        self.children = children          # first process: pid → the read end of its pipe
        self.elsewhere: set[str] = set()  # pages (src_uri) another process renders
        self.anchors: dict[str, set[str]] = {}  # first process: their anchors
        self.last: str | None = None      # the last page MkDocs builds
        self.records: list[logging.LogRecord] = []  # other processes: what they logged
        self.pipe: int | None = None      # other processes: the write end
        self.page: str | None = None      # other processes: the page being read or built, if theirs


_command: dict[str, object] = {}
_build: _Build | None = None


def on_startup(command, dirty):
    _command.update(command=command, dirty=dirty)


def worker_count(pages: int) -> int:
    forced = os.environ.get(WORKERS_VARIABLE)
    if forced:
        return max(1, int(forced))
    if pages < FROM or _command.get("command") != "build" or _command.get("dirty") or not hasattr(os, "fork"):
        return 1
    return cores.usable()


def stand_in(source: str) -> tuple[str, set[str] | None]:
    """A page's front matter, and its anchors if its headings all carry an explicit `{#id}` (else None)."""
    front = _FRONT_MATTER.match(source)
    head = front.group() if front else ""
    anchors: set[str] = set()
    for heading in passthrough.headings(source[len(head):]):
        explicit = _EXPLICIT_HEADING.match(heading)
        if not explicit:
            return head, None
        anchors.add(explicit[1])
    _, blocks = passthrough.split(source[len(head):])
    return head, anchors | passthrough.anchor_ids(blocks)


class _Capture(logging.Handler):
    def __init__(self, build: _Build):
        super().__init__(logging.NOTSET)
        self.build = build

    def emit(self, record):
        # The first process logs everything but what is said of the pages read and built here (and errors).
        if record.levelno < logging.ERROR and self.build.page is None:
            return
        if record.exc_info and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info))
        record.msg, record.args, record.exc_info = record.getMessage(), None, None
        self.build.records.append(record)


class _NotSkipped(logging.Filter):
    def filter(self, record):
        return not (_build and record.getMessage().startswith(_SKIPPED)
                    and record.getMessage()[len(_SKIPPED):].split("'", 1)[0] in _build.elsewhere)


def _fork(workers: int) -> _Build:
    """The other processes, forked here; in each, its share of the build."""
    sys.stdout.flush()
    sys.stderr.flush()
    children: dict[int, int] = {}
    for k in range(1, workers):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            for other in children.values():
                os.close(other)
            build = _Build(workers, k, {})
            build.pipe = write
            capture = _Capture(build)
            for name in _LOGGERS:
                logger = logging.getLogger(name)
                for handler in list(logger.handlers):
                    logger.removeHandler(handler)
                logger.addHandler(capture)
            return build
        os.close(write)
        children[pid] = read
    for name in _LOGGERS:
        logger = logging.getLogger(f"{name}.commands.build")
        if not any(isinstance(existing, _NotSkipped) for existing in logger.filters):
            logger.addFilter(_NotSkipped())
    return _Build(workers, 0, children)


def _front_matter(file) -> str:
    head = _FRONT_MATTER.match(file.content_string)
    return head.group() if head else ""


def on_files(files, config):
    global _build
    _build = None
    pages = [file for file in files.documentation_pages()
             if is_generated(file.src_uri) and file.inclusion.is_not_in_nav()]
    workers = worker_count(len(pages))
    if workers < 2 or not pages:
        return files
    build = _build = _fork(workers)
    build.last = files.documentation_pages()[-1].src_uri
    for position, file in enumerate(pages):
        if (position % workers if file.src_uri != build.last else 0) == build.index:
            continue
        if build.index:
            file.content_string = _front_matter(file)
        else:
            head, anchors = stand_in(file.content_string)
            if anchors is not None:  # else read whole here, for its links and anchors
                build.anchors[file.src_uri] = anchors
                file.content_string = head
        build.elsewhere.add(file.src_uri)
    if build.index:
        # The first process's alone: hand-written and navigation pages, read here as their front matter only.
        distributed = {file.src_uri for file in pages}
        for file in files.documentation_pages():
            if file.src_uri not in distributed:
                file.content_string = _front_matter(file)
                build.elsewhere.add(file.src_uri)
    return files


def _here(page) -> str | None:
    return page.file.src_uri if _build and page.file.src_uri not in _build.elsewhere else None


def on_pre_page(page, config, files):
    if _build:
        _build.page = _here(page)
    return page


def on_page_markdown(markdown, page, config, files):
    if _build and page.file.src_uri in _build.elsewhere:
        page.meta["template"] = ELSEWHERE
    return markdown


@event_priority(-100)  # after every other page_content event: the page is read
def on_page_content(html, page, config, files):
    if _build and page.file.src_uri in _build.anchors:
        page.present_anchor_ids = (page.present_anchor_ids or set()) | _build.anchors[page.file.src_uri]
    if _build:
        _build.page = None
    return html


@event_priority(100)  # before every other page_context event: the page is being built
def on_page_context(context, page, config, nav):
    if _build:
        _build.page = _here(page)
    return context


def on_env(env, config, files):
    if _build and _build.index:
        # Static files, the sitemap and the 404 page are the first process's to write.
        for file in [file for file in files if not file.is_documentation_page()]:
            files.remove(file)
        config.theme.static_templates.clear()
        config.extra_templates.clear()
    return env


def _leave(code: int) -> None:
    assert _build is not None and _build.pipe is not None
    try:
        cores.send(_build.pipe, (code, _build.records))
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


@event_priority(-100)  # after every other post_page event
def on_post_page(output, page, config):
    if _build and _build.index:
        if page.file.src_uri == _build.last:
            _leave(0)
        _build.page = None
    return output


def _collect() -> list[str]:
    """Wait for the other processes; log what they logged. The ones that failed, by number."""
    assert _build is not None
    failed = []
    for pid, read in sorted(_build.children.items()):
        sent = cores.receive(read)
        _, status = os.waitpid(pid, 0)
        code, records = sent if sent is not None else (1, [])
        for record in records:
            logging.getLogger(record.name).handle(record)
        if code or os.waitstatus_to_exitcode(status):
            failed.append(pid)
    _build.children.clear()
    return failed


def on_post_build(config):
    if _build and _build.index:
        _leave(0)
    if _build and _build.children:
        failed = _collect()
        if failed:
            raise PluginError(f"{len(failed)} of the build's other processes failed (their errors are above)")


def on_build_error(error):
    if _build and _build.index:
        _leave(1)  # its error is logged already, among the records sent
    if _build and _build.children:
        for pid in _build.children:
            os.kill(pid, signal.SIGTERM)  # the build has failed: their pages are not needed
        _collect()
