"""MkDocs glue, kept tiny so the generator stays independent of MkDocs.

A generated page names the YAML record it comes from in its front matter (`edit_url`): the edit
button opens that file at the record's line. Generated index pages have no single record, so no button.
"""

GENERATED = {"sources", "actors", "places", "operations", "events", "disputes", "timeline", "data"}


def on_page_markdown(markdown, page, config, files):
    edit_url = page.meta.get("edit_url")
    if edit_url:
        page.edit_url = edit_url
    elif page.file.src_uri.split("/")[0] in GENERATED:
        page.edit_url = None
    return markdown
