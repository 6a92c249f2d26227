import { test } from "node:test";
import assert from "node:assert/strict";

import { bibtexWithUrldate, cslWithAccessed, dataUrl, isoDay } from "../../docs/assets/access-date.js";

test("the day of access is the reader's calendar day, zero-padded", () => {
  assert.equal(isoDay(new Date(2025, 0, 2, 23, 59)), "2025-01-02");
});

test("CSL-JSON gets `accessed` as date-parts, the rest unchanged", () => {
  const items = JSON.parse(cslWithAccessed('[{"id":"e","type":"webpage","title":"T"}]', "2025-01-02"));
  assert.deepEqual(items, [{ id: "e", type: "webpage", title: "T", accessed: { "date-parts": [[2025, 1, 2]] } }]);
});

test("BibTeX gets one `urldate`, replaced when stamped again", () => {
  const bib = "@misc{e,\n  title = {{T}},\n  url = {https://x.org/e/}\n}\n";
  const once = bibtexWithUrldate(bib, "2025-01-02");
  assert.equal(once, "@misc{e,\n  title = {{T}},\n  url = {https://x.org/e/},\n  urldate = {2025-01-02}\n}\n");
  assert.equal(bibtexWithUrldate(once, "2025-01-03"), once.replace("2025-01-02", "2025-01-03"));
});

test("data: URLs percent-encode what is not a URL code point", () => {
  const url = dataUrl("data:application/x-bibtex;charset=utf-8", "@misc{e, [x] –}");
  assert.equal(url, "data:application/x-bibtex;charset=utf-8,%40misc%7Be%2C%20%5Bx%5D%20%E2%80%93%7D");
  assert.doesNotMatch(url.split(",")[1], /[[\]{}\s]/);
});
