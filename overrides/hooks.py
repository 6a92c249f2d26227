"""MkDocs glue, kept tiny so the generator stays independent of MkDocs.

A generated page names the YAML record it comes from in its front matter (`edit_url`): the edit
button opens that file at the record's line. Generated index pages have no single record, so no button.
Its `changed` (the date the record's own lines last changed in git) becomes the page's `update_date`,
which MkDocs writes as the sitemap's `<lastmod>` (otherwise the build date, the same for every page).
Which pages are generated is the generator's own layout fact (build_site/layout.py, standard library
only), read from there: MkDocs runs with the repository on its path.
"""

from build_site.layout import is_generated


def on_page_markdown(markdown, page, config, files):
    edit_url = page.meta.get("edit_url")
    if edit_url:
        page.edit_url = edit_url
    elif is_generated(page.file.src_uri):
        page.edit_url = None
    if page.meta.get("changed"):
        page.update_date = str(page.meta["changed"])
    return markdown


def on_files(files, config):
    """robots.txt at the site's root, naming the sitemap at its absolute address (`site_url`, from SITE_URL).
    Crawlers read it only at a host's root: under a sub-path (a GitHub project site) it is harmless and unread."""
    from mkdocs.structure.files import File

    sitemap = f"{config.site_url.rstrip('/')}/sitemap.xml" if config.site_url else "sitemap.xml"
    files.append(File.generated(config, "robots.txt", content=f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n"))
    return files
