/*
 * "Cite this page": the date of access. A static page cannot know when it is read, so the cite box
 * (build_site/templates/_macros.j2) ships its citation without one. This script adds today's date
 * (the reader's own calendar day): " Accessed YYYY-MM-DD." to the text, `accessed` to the CSL-JSON,
 * `urldate` to the BibTeX, when a page is shown (so that copying the text, by hand or with the copy
 * button, takes it) and again when a download is clicked (a page left open overnight).
 * Loaded on every page as an ES module (mkdocs.yml extra_javascript); it follows mkdocs-material's
 * instant navigation through the theme's `document$`, and its click listener is delegated from the
 * document. Without JavaScript the copies have no date of access (README.md says so).
 */

/** A date as YYYY-MM-DD, in the reader's time zone. */
export function isoDay(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** CSL-JSON text (a list of items) with `accessed` set on every item. */
export function cslWithAccessed(text, day) {
  const parts = day.split("-").map(Number);
  const items = JSON.parse(text).map((item) => ({ ...item, accessed: { "date-parts": [parts] } }));
  return JSON.stringify(items);
}

/** A BibTeX entry with `urldate` set (replacing any earlier one), before its closing brace. */
export function bibtexWithUrldate(text, day) {
  const body = text.replace(/,\n {2}urldate = \{[^}]*\}/, "").replace(/\n\}\n?$/, "");
  return `${body},\n  urldate = {${day}}\n}\n`;
}

/** The `data:` URL of `text`, every character that is not a URL code point percent-encoded. */
export function dataUrl(media, text) {
  return `${media},${encodeURIComponent(text)}`;
}

const STAMP = { "csl-json": cslWithAccessed, bibtex: bibtexWithUrldate };

/** Adds today's date of access to one cite box. */
export function stamp(box, day) {
  const accessed = box.querySelector("[data-cite-accessed]");
  if (accessed) accessed.textContent = ` Accessed ${day}.`;
  for (const link of box.querySelectorAll("a[data-cite-format]")) {
    const add = STAMP[link.dataset.citeFormat];
    const href = link.getAttribute("href") || "";
    const comma = href.indexOf(",");
    if (!add || comma < 0) continue;
    link.setAttribute("href", dataUrl(href.slice(0, comma), add(decodeURIComponent(href.slice(comma + 1)), day)));
  }
}

if (typeof document !== "undefined") {
  const stampAll = () => {
    for (const box of document.querySelectorAll(".cite-box")) stamp(box, isoDay(new Date()));
  };
  if (window.document$) window.document$.subscribe(stampAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", stampAll);
  else stampAll();
  // Capture phase: before the download starts. "contextmenu" for "Save link as…".
  const onUse = (event) => {
    const box = event.target instanceof Element ? event.target.closest(".cite-box") : null;
    if (box) stamp(box, isoDay(new Date()));
  };
  document.addEventListener("click", onUse, true);
  document.addEventListener("contextmenu", onUse, true);
}
