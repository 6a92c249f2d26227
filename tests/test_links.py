"""Every internal link and anchor of the real build resolves over HTTP; nothing loads from another host."""

from __future__ import annotations

import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlparse


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and "name" in attributes:
            self.ids.add(attributes["name"])
        for name in ("href", "src"):
            if attributes.get(name):
                loads = tag in ("script", "img", "iframe", "source", "video", "audio") or (
                    tag == "link" and attributes.get("rel") in ("stylesheet", "icon", "preload", "modulepreload",
                                                                 "manifest", "prefetch"))
                self.links.append((tag if loads else "a", attributes[name]))


def _get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def test_internal_links_and_anchors_resolve(site_url: str):
    host = urlparse(site_url).netloc
    queue, seen, parsed = [site_url], {site_url}, {}
    broken, external_loads = [], []
    while queue:
        url = queue.pop()
        status, kind, body = _get(url)
        if status != 200:
            broken.append(f"{url}: HTTP {status}")
            continue
        if kind != "text/html":
            continue
        page = _Links()
        page.feed(body.decode("utf-8"))
        parsed[url] = page
        for tag, link in page.links:
            target = urljoin(url, link)
            if urlparse(target).scheme in ("mailto", "javascript", "data"):
                continue
            if urlparse(target).netloc != host:
                if tag != "a":  # a plain link (or rel=canonical) is not a load
                    external_loads.append(f"{url}: <{tag}> loads {target}")
                continue
            document, _ = urldefrag(target)
            if document not in seen:
                seen.add(document)
                queue.append(document)
    for url, page in parsed.items():
        for _tag, link in page.links:
            target = urljoin(url, link)
            document, fragment = urldefrag(target)
            if fragment and urlparse(target).netloc == host and document in parsed:
                if fragment not in parsed[document].ids and fragment not in ("", "__skip"):
                    broken.append(f"{url}: #{fragment} not found in {document}")
    assert len(parsed) > 50
    assert broken == []
    assert external_loads == []
