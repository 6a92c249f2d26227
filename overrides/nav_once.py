"""MkDocs glue: the primary navigation rendered once for all the pages out of it that link to it alike.

Material renders the whole navigation on every page: a seventh of the time MkDocs takes on a large record.
On a page that is not in the navigation, nothing in it depends on the page but its links, which are
relative to the page: pages whose links to every navigation page are the same (every event's page, say)
get the same HTML. `overrides/main.html` wraps Material's `partials/nav.html` in `nav_once`, which renders
it the first time for each such set of links and reuses it after; a page in the navigation (its item
active) is always rendered. A build without this hook renders it on every page (tests/test_nav_once.py
compares the two, byte for byte).
"""

from mkdocs.utils import get_relative_url

_rendered: dict[tuple, str] = {}


def _nav_once(page, nav, caller):
    if page is None or nav is None or page in nav.pages:
        return caller()
    key = (page.url.count("/"), tuple(get_relative_url(item.url, page.url) for item in nav.pages))
    html = _rendered.get(key)
    if html is None:
        html = _rendered[key] = caller()
    return html


def on_env(env, config, files):
    _rendered.clear()  # a new build: the navigation may have changed
    env.globals["nav_once"] = _nav_once
    return env
