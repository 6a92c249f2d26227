"""MkDocs glue, kept tiny so the generator stays independent of MkDocs.

A generated page names the YAML record it comes from in its front matter (`edit_url`): the edit
button opens that file at the record's line. Generated index pages have no single record, so no button.
Which pages are generated is the generator's own layout fact (build_site/layout.py, standard library
only), read from there: MkDocs runs with the repository on its path.

Link previews (overrides/main.html): the preview image's address, size and text, and hand-written
pages' descriptions cut to a whole word, by the generator's own rule (build_site/previews.py).
"""

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


def on_page_markdown(markdown, page, config, files):
    edit_url = page.meta.get("edit_url")
    if edit_url:
        page.edit_url = edit_url
    elif is_generated(page.file.src_uri):
        page.edit_url = None
    if not is_generated(page.file.src_uri) and page.meta.get("description"):
        page.meta["description"] = previews.description(str(page.meta["description"]))  # generated ones already are
    return markdown
