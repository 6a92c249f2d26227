"""The built site served under a sub-path, as GitHub Pages serves a project site: `/record/`, and the
site's own 404.html (status 404) for any URL that is not there."""

from __future__ import annotations

import contextlib
import http.server
from pathlib import Path

from conftest import serve

PREFIX = "/record/"
"""The sub-path of the default SITE_URL (https://derna-sirte-record.github.io/record/)."""


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass

    def send_head(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(PREFIX):
            return self._not_found()
        self.path = "/" + self.path[len(PREFIX):]
        target = Path(self.translate_path(self.path))
        if target.is_dir() and not (target / "index.html").is_file() or not target.exists():
            return self._not_found()
        return super().send_head()

    def _not_found(self):
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


@contextlib.contextmanager
def serve_under_subpath(directory: Path):
    """Serve a built site at http://127.0.0.1:<port>/record/; yields that URL."""
    with serve(directory, _SubPathHandler) as base:
        yield base.rstrip("/") + PREFIX
