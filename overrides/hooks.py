"""MkDocs glue, kept tiny so the generator stays independent of MkDocs.

A generated page names the YAML record it comes from in its front matter (`edit_url`): the edit
button opens that file at the record's line. Generated index pages have no single record, so no button.
Its `changed` (the date the record's own lines last changed in git) becomes the page's `update_date`,
which MkDocs writes as the sitemap's `<lastmod>` (otherwise the build date, the same for every page).
Which pages are generated is the generator's own layout fact (build_site/layout.py, standard library
only), read from there: MkDocs runs with the repository on its path.

Material prints `page.edit_url` into an attribute unescaped: only a plain https URL with nothing
that could end the attribute is used (the generator percent-encodes the path it names).

Link previews (overrides/main.html): the preview image's address, size and text, and hand-written
pages' descriptions cut to a whole word, by the generator's own rule (build_site/previews.py).
"""

import base64
import hashlib
import re
from pathlib import Path

from jinja2 import meta
from mkdocs.exceptions import PluginError

from build_site import previews
from build_site.layout import is_generated
from build_site.settings import Settings

LOCALE = "en_GB"
"""og:locale: the site's English is British."""


def on_config(config):
    config.extra["repo_url"] = Settings.from_environment().repo_url  # the 404 page's "report a broken link"
    config.site_description = previews.description(config.site_description or config.site_name)  # pages without one
    config.extra["preview"] = {
        "image": config.site_url.rstrip("/") + "/" + previews.IMAGE_PATH,
        "width": previews.IMAGE_SIZE[0], "height": previews.IMAGE_SIZE[1], "alt": previews.IMAGE_ALT,
        "locale": LOCALE, "description": config.site_description,
    }
    return config

JOURNAL = ".build-journal"  # build_site/writer.py: a build committed but not yet moved into docs/

_SAFE_URL = re.compile(r"^https?://[A-Za-z0-9\-._~:/?#@!$&()*+,;=%]+$")


_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_theme_scripts = []  # the theme's inline scripts, compiled once from its template files (every page renders them)
_script_names: set[str] = set()  # the variables they use (`base_url`, `config`)
_hashes: dict[tuple, str] = {}  # their hashes, by the values of those variables


def on_env(env, config, files):
    """Read every inline script of the theme's templates (Material's and overrides/), never of built pages:
    only those are allowed by the Content-Security-Policy, so a contributor's inline script never runs."""
    _theme_scripts.clear()
    _script_names.clear()
    _hashes.clear()
    sources: set[str] = set()
    for folder in env.loader.searchpath:
        for template in sorted(Path(folder).rglob("*.html")):
            if template.name == "redirect.html":  # the redirects plugin's page, not used here
                continue
            sources.update(_INLINE_SCRIPT.findall(template.read_text(encoding="utf-8")))
    for source in sorted(sources):
        try:
            _theme_scripts.append(env.from_string(source))
            _script_names.update(meta.find_undeclared_variables(env.parse(source)))
        except Exception:  # a fragment that is only Jinja inside its template: it renders on no page alone  # noqa: BLE001
            continue
    return env


def script_hashes(context):
    """`'sha256-…'` of each theme inline script as rendered for this page (some name the page's base URL):
    computed once for each value of the variables the scripts use (a string as it is, an object by identity)."""
    key = tuple((name, value if isinstance(value, str) else id(value))
                for name in sorted(_script_names) for value in [context.get(name)])
    if key not in _hashes:
        _hashes[key] = _script_hashes(context)
    return _hashes[key]


def _script_hashes(context):
    hashes = set()
    for script in _theme_scripts:
        try:
            text = script.render(**context)
        except Exception:  # a script whose variables this page lacks is not on it  # noqa: BLE001
            continue
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        hashes.add(f"'sha256-{digest}'")
    return " ".join(sorted(hashes))


def on_page_context(context, page, config, nav):
    context["csp_script_hashes"] = lambda: script_hashes(context)
    return context


def on_template_context(context, template_name, config):
    # Pages without a page of their own (404.html) carry the same policy.
    context["csp_script_hashes"] = lambda: script_hashes(context)
    return context


def on_pre_build(config):
    if (Path(config["docs_dir"]).parent / JOURNAL).exists():
        raise PluginError("docs/ is half-updated by an interrupted build: run `python -m build_site build` "
                          "(or `make build`), which finishes it, then build the site again")


def on_page_markdown(markdown, page, config, files):
    edit_url = page.meta.get("edit_url")
    if isinstance(edit_url, str) and _SAFE_URL.match(edit_url) and "'" not in edit_url:
        page.edit_url = edit_url
    elif edit_url or is_generated(page.file.src_uri):
        page.edit_url = None
    if page.meta.get("changed"):
        page.update_date = str(page.meta["changed"])
    if not is_generated(page.file.src_uri) and page.meta.get("description"):
        page.meta["description"] = previews.description(str(page.meta["description"]))  # generated ones already are
    return markdown


def on_files(files, config):
    """robots.txt at the site's root, naming the sitemap at its absolute address (`site_url`, from SITE_URL).
    Crawlers read it only at a host's root: under a sub-path (a GitHub project site) it is harmless and unread."""
    from mkdocs.structure.files import File

    sitemap = f"{config.site_url.rstrip('/')}/sitemap.xml" if config.site_url else "sitemap.xml"
    files.append(File.generated(config, "robots.txt", content=f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n"))
    return files
