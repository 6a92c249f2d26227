"""MkDocs glue: what Material renders the same on many pages, rendered once for them.

Material renders its whole template on every page; on a large record most of it is the same from page to
page. The templates (`overrides/main.html`, `overrides/partials/header.html`) wrap those parts in a call
of one of two functions, which render them the first time and reuse the HTML after:

- `nav_once(page, nav)`: the primary navigation. On a page that is not in it, nothing in it depends on the
  page but its links, which are relative to the page: pages whose links to every navigation page are the
  same (every event's page, say) get the same HTML. A page in the navigation (its item active) is always
  rendered.
- `once(name, page)`: a part whose only links are to the site's assets, the home page and the search
  (the header but its title, the theme's configuration, the script tags, the inline scripts' hashes):
  the same on every page at the same depth in the same top folder.

A build without this hook renders everything on every page (the templates fall back to it):
tests/test_once.py compares the two sites, byte for byte.
"""

from mkdocs.utils import get_relative_url

_rendered: dict[tuple, str] = {}


def _nav_once(page, nav, caller):
    if page is None or nav is None or page in nav.pages:
        return caller()
    key = ("nav", page.url.count("/"), tuple(get_relative_url(item.url, page.url) for item in nav.pages))
    html = _rendered.get(key)
    if html is None:
        html = _rendered[key] = caller()
    return html


def page_key(page) -> tuple | None:
    """Pages whose links to the assets, the home page and the search are the same; None: no page."""
    url = getattr(page, "url", None)
    if url is None:
        return None
    return (url.count("/"), url.split("/", 1)[0] if "/" in url else "")


def once(name, page, caller):
    where = page_key(page)
    if where is None:
        return caller()
    key = (name, *where)
    html = _rendered.get(key)
    if html is None:
        html = _rendered[key] = caller()
    return html


def on_env(env, config, files):
    _rendered.clear()  # a new build: the navigation and the configuration may have changed
    env.globals["nav_once"] = _nav_once
    env.globals["once"] = once
    return env
