"""MkDocs glue, kept tiny so the generator stays independent of MkDocs.

A generated page names the YAML record it comes from in its front matter (`edit_url`): the edit
button opens that file at the record's line. Generated index pages have no single record, so no button.
Which pages are generated is the generator's own layout fact (build_site/layout.py, standard library
only), read from there: MkDocs runs with the repository on its path.

Material prints `page.edit_url` into an attribute unescaped: only a plain https URL with nothing
that could end the attribute is used (the generator percent-encodes the path it names).
"""

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from build_site.layout import is_generated

JOURNAL = ".build-journal"  # build_site/writer.py: a build committed but not yet moved into docs/

_SAFE_URL = re.compile(r"^https?://[A-Za-z0-9\-._~:/?#@!$&()*+,;=%]+$")


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
    return markdown
