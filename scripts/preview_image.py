"""Draw the site's link-preview image, docs/assets/preview.png (1200×630), with Debian's Chromium.

Run it when the site's name changes: `python scripts/preview_image.py`. The image is committed, so a build
needs no browser. Nothing is fetched: the page is a data: URL with system fonts.
"""

from __future__ import annotations

import html
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from build_site.previews import IMAGE_PATH, IMAGE_SIZE  # noqa: E402
from build_site.settings import Settings  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"

PAGE = """<!doctype html><meta charset="utf-8"><style>
html, body {{ margin: 0; width: {w}px; height: {h}px; }}
body {{ background: #263238; color: #fff; font-family: "DejaVu Sans", sans-serif; display: flex;
  flex-direction: column; justify-content: center; padding: 0 90px; box-sizing: border-box; }}
h1 {{ font-size: 64px; line-height: 1.15; margin: 0 0 32px; font-weight: 700; }}
p {{ font-size: 32px; line-height: 1.4; margin: 0; color: #cfd8dc; }}
.rule {{ width: 160px; height: 8px; background: #ff7043; margin: 0 0 40px; }}
</style><div class="rule"></div><h1>{title}</h1><p>{subtitle}</p>"""


def main() -> None:
    from playwright.sync_api import sync_playwright

    name = Settings().site_name
    title, _, subtitle = name.partition(": ")
    width, height = IMAGE_SIZE
    content = PAGE.format(w=width, h=height, title=html.escape(title), subtitle=html.escape(subtitle.capitalize())
                          + "<br>What each source says, who says it, and where the accounts conflict.")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
        page.set_content(content)
        page.screenshot(path=str(ROOT / "docs" / IMAGE_PATH), full_page=False)
        browser.close()


if __name__ == "__main__":
    main()
