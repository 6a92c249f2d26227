"""MkDocs glue: `mkdocs build` on every core, the same bytes as on one (tests/test_mkdocs_parallel.py).

MkDocs builds page after page in one process. When the site has many generated pages out of the
navigation (entity and year pages, `FROM` or more), this hook forks the build in `on_files`, before any
page is read: each process runs the whole of MkDocs's own build, and each generated page out of the
navigation is rendered, Markdown and Material's template, by one process only (every `n`-th). In the
others the page is a stand-in through public events only:

- its source is the page's own front matter (`File.content_string`, set in `on_files`), so its metadata
  (title, `changed`, which the sitemap reads) is the same everywhere, and its Markdown is empty;
- its template is `elsewhere.html`, which is empty, so MkDocs writes nothing over the file the owning
  process wrote (MkDocs's "Page skipped … Generated empty output" for those pages is not printed);
- in the first process, which checks every link (MkDocs's anchor check runs after all pages are built),
  its anchors are the ones MkDocs collected where the page was built: each process sends them with what
  it logged, and the first one waits for them after its last page, before the check.

The first process takes a smaller share of those pages (`SHARE`), for it has the rest to do as well.
Everything else (hand-written pages, the pages in the navigation, static files, the sitemap, the 404
page, the anchor check and every later event) is the first process's. The other processes leave once
they have built their pages (in `on_post_page` of the last page, always the first process's); what they
logged is sent to the first process and logged there (`on_post_page` of that last page), so `--strict`
counts it, and a process that failed fails the build. `mkdocs serve` and `--dirty` builds stay in one process.

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

from build_site import cores
from build_site.layout import is_generated

FROM = 400
"""Pages out of the navigation from which a build forks (below, forking costs more than it saves)."""
SHARE = 0.97
"""The first process's share of the pages, against an even one: it also builds the hand-written and
navigation pages, the sitemap and the 404 page, and checks the links (measured: BENCHMARKS.md)."""
ELSEWHERE = "elsewhere.html"
"""overrides/elsewhere.html: empty, the template of a page another process renders."""
WORKERS_VARIABLE = "BUILD_SITE_MKDOCS_WORKERS"
_LOGGERS = ("mkdocs", "properdocs")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*\n", re.DOTALL)
_SKIPPED = "Page skipped: '"


class _Build:
    """One build's division of the pages, in the process reading it."""

    def __init__(self, workers: int, index: int, children: dict[int, int]):
        self.workers, self.index = workers, index
        self.children = children          # first process: pid → the read end of its pipe
        self.elsewhere: set[str] = set()  # pages (src_uri) another process renders
        self.anchors: dict[str, set[str]] = {}  # other processes: the anchors of the pages built here
        self.files = None                 # first process: the site's files (their pages take the anchors sent)
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


def shares(pages: int, workers: int) -> list[int]:
    """How many of `pages` each process builds: the first one `SHARE` of an even share, the others the rest."""
    first = round(pages / workers * SHARE)
    rest = pages - first
    return [first] + [rest // (workers - 1) + (k < rest % (workers - 1)) for k in range(workers - 1)]


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
    build.files = files
    build.last = files.documentation_pages()[-1].src_uri
    owner_of = _deal(len(pages), workers)
    for position, file in enumerate(pages):
        if (owner_of[position] if file.src_uri != build.last else 0) == build.index:
            continue
        file.content_string = _front_matter(file)
        build.elsewhere.add(file.src_uri)
    if build.index:
        # The first process's alone: hand-written and navigation pages, read here as their front matter only.
        distributed = {file.src_uri for file in pages}
        for file in files.documentation_pages():
            if file.src_uri not in distributed:
                file.content_string = _front_matter(file)
                build.elsewhere.add(file.src_uri)
    return files


def _deal(pages: int, workers: int) -> list[int]:
    """Which process builds each page, in turn (0, 1, 2, 0, 1, 2…), the first one's turns spread out so that
    it gets its share (`shares`)."""
    wanted = shares(pages, workers)
    owner: list[int] = []
    given = [0] * workers
    for _ in range(pages):
        # The process furthest behind its share, in proportion; ties to the lowest number.
        k = min(range(workers), key=lambda k: ((given[k] + 1) / wanted[k] if wanted[k] else 2.0, k))
        owner.append(k)
        given[k] += 1
    return owner


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


@event_priority(-100)  # after every other page_content event: the page is read, its anchors known
def on_page_content(html, page, config, files):
    if _build and _build.index and _here(page):
        _build.anchors[page.file.src_uri] = set(page.present_anchor_ids or ())
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
        cores.send(_build.pipe, (code, _build.records, _build.anchors))
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
    elif _build and _build.children and page.file.src_uri == _build.last:
        _gather()  # before MkDocs checks the links into the pages built elsewhere
    return output


def _gather() -> None:
    failed = _collect()
    if failed:
        raise PluginError(f"{len(failed)} of the build's other processes failed (their errors are above)")


def _collect() -> list[str]:
    """Wait for the other processes; log what they logged. The ones that failed, by number."""
    assert _build is not None
    failed = []
    for pid, read in sorted(_build.children.items()):
        sent = cores.receive(read)
        _, status = os.waitpid(pid, 0)
        code, records, anchors = sent if sent is not None else (1, [], {})
        for record in records:
            logging.getLogger(record.name).handle(record)
        for src_uri, ids in anchors.items():
            _build.files.get_file_from_path(src_uri).page.present_anchor_ids = ids
        if code or os.waitstatus_to_exitcode(status):
            failed.append(pid)
    _build.children.clear()
    return failed


def on_post_build(config):
    if _build and _build.index:
        _leave(0)
    if _build and _build.children:
        _gather()


def on_build_error(error):
    if _build and _build.index:
        _leave(1)  # its error is logged already, among the records sent
    if _build and _build.children:
        for pid in _build.children:
            os.kill(pid, signal.SIGTERM)  # the build has failed: their pages are not needed
        _collect()
