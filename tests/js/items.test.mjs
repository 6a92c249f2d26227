import { test } from "node:test";
import assert from "node:assert/strict";

import {
  buildModel, clusterOption, statusTexts, clusterThreshold, CLUSTER_THRESHOLD, extent, fitWindow, fromVisId, itemClasses,
  itemLabel, knownIds, OTHER_GROUP, rangeLimits, safeHref, toVisGroup, toVisId, toVisItem, usedGroups, wantsClusters
} from "../../docs/assets/timeline/items.js";
import { DAY } from "../../docs/assets/timeline/dates.js";
import { SITE_ROOT, timelineData } from "./fixture.mjs";

const model = () => buildModel(timelineData(), SITE_ROOT);

test("buildModel() keeps items whose ids are Object.prototype property names", () => {
  const m = model();
  assert.ok(m.byId instanceof Map);
  assert.deepEqual(m.items.map((it) => it.id), ["ev-1", "constructor", "__proto__", "toString"]);
  assert.equal(m.byId.get("constructor").title, "Clashes in Constructor City");
  assert.equal(m.byId.get("__proto__").title, "Operation Proto");
  assert.equal(m.byId.get("toString").title, "An undated-group event");
  // Not an item: a Map does not see Object.prototype.
  assert.equal(m.byId.get("hasOwnProperty"), undefined);
  assert.equal(m.byId.has("valueOf"), false);
});

test("buildModel() skips items without an id, without a readable start, or repeating an id", () => {
  const m = model();
  assert.equal(m.skipped, 4);
  assert.equal(m.byId.has("bad-date"), false);
  assert.equal(m.byId.has("no-start"), false);
  assert.equal(m.byId.get("ev-1").title, "Ḥaftar announces Operation Dignity"); // the first ev-1 wins
});

test("buildModel() orders groups, adds unlisted ones after the listed, and names the missing group Other", () => {
  const m = model();
  assert.deepEqual(m.groups.map((g) => [g.id, g.label]), [
    ["derna", "Derna and its surroundings"],
    ["__proto__", "Proto row"],
    ["toString", "toString"],
    [OTHER_GROUP, "Other"]
  ]);
  assert.equal(m.byId.get("toString").group, OTHER_GROUP);
});

test("buildModel() reads dates, drops an end that is not after the start, and keeps only http(s) links", () => {
  const m = model();
  const ev = m.byId.get("ev-1");
  assert.deepEqual([ev.start.getFullYear(), ev.start.getMonth(), ev.start.getDate()], [2014, 4, 16]);
  assert.equal(ev.end, null);
  assert.equal(ev.href, "https://example.org/record/events/ev-1/");
  assert.equal(m.byId.get("__proto__").end.getMonth(), 5);
  assert.equal(m.byId.get("__proto__").href, null, "a javascript: URL must not become a link");
  assert.equal(m.byId.get("toString").end, null);
});

test("buildModel() precomputes the normalised search text from terms, title and date", () => {
  const ev = model().byId.get("ev-1");
  assert.ok(ev.norm.includes("haftar announces operation dignity"));
  assert.ok(ev.norm.includes("حفتر"));
  assert.ok(ev.norm.includes("16 may 2014"));
});

test("labels say the date, the title and every flag in words", () => {
  const m = model();
  assert.equal(m.byId.get("ev-1").label, "16 May 2014 — Ḥaftar announces Operation Dignity");
  assert.equal(m.byId.get("constructor").label, "January 2015 — Clashes in Constructor City. Disputed. Date known only to the month.");
  assert.equal(itemLabel(m.byId.get("__proto__")), "March to June 2016 — Operation Proto. Uncertain date.");
  assert.equal(m.byId.get("toString").label, "2017 — An undated-group event. Approximate date.");
});

test("a single-source item says so in words; established items carry no status flag", () => {
  const base = { precision: "day", approximate: false, uncertain: false };
  assert.deepEqual(statusTexts({ ...base, status: "single-source" }),
    ["Single source: one witness, not confirmed by another source"]);
  assert.deepEqual(statusTexts({ ...base, status: "established" }), []);
  assert.deepEqual(statusTexts({ ...base, status: "disputed" }), ["Disputed"]);
});

test("itemClasses() names kind, precision and flags as CSS tokens", () => {
  const m = model();
  assert.equal(itemClasses(m.byId.get("ev-1")), "tl-item tl-kind-event tl-prec-day");
  assert.equal(itemClasses(m.byId.get("constructor")), "tl-item tl-kind-event tl-prec-month tl-approx-span tl-disputed");
  assert.equal(itemClasses({ kind: "Ev\"ent <x>", precision: "constructor", approximate: false }),
    "tl-item tl-kind-eventx tl-prec-constructor");
});

test("vis-timeline gets prefixed ids that map back to the record ids", () => {
  for (const id of ["constructor", "__proto__", "toString", "__ungrouped__", "ev-1", ""]) {
    const visId = toVisId(id);
    assert.notEqual(visId, id);
    assert.equal(visId in Object.prototype, false, visId);
    assert.equal(fromVisId(visId), id);
  }
  assert.equal(fromVisId("b6e4a0d2-cluster"), null);
  assert.equal(fromVisId(undefined), null);
});

test("toVisItem() and toVisGroup() build vis-timeline data with prefixed ids", () => {
  const m = model();
  const op = toVisItem(m.byId.get("__proto__"));
  assert.equal(op.id, toVisId("__proto__"));
  assert.equal(op.group, toVisId("toString"));
  assert.equal(op.type, "range");
  assert.equal(op.end, m.byId.get("__proto__").end);
  assert.equal(op.content, "");
  const ev = toVisItem(m.byId.get("constructor"));
  assert.equal(ev.type, "point");
  assert.equal("end" in ev, false);
  assert.match(ev.className, /tl-disputed/);
  assert.deepEqual(toVisGroup(m.groups[1]), { id: toVisId("__proto__"), content: "", order: 2, tlLabel: "Proto row" });
});

test("clustering switches on above the threshold; the page can set the threshold", () => {
  assert.equal(CLUSTER_THRESHOLD, 400);
  assert.equal(clusterThreshold(null), 400);
  assert.equal(clusterThreshold("abc"), 400);
  assert.equal(clusterThreshold("-1"), 400);
  assert.equal(clusterThreshold("0"), 0);
  assert.equal(clusterThreshold("1000000000"), 1e9);
  assert.equal(wantsClusters(400, 400), false);
  assert.equal(wantsClusters(401, 400), true);
  assert.equal(wantsClusters(1, 0), true);
  assert.equal(clusterOption(false), false);
  const a = clusterOption(true);
  assert.equal(a.maxItems, 3);
  assert.equal(a.fitOnDoubleClick, true);
  assert.notEqual(clusterOption(true), a, "a fresh object each time");
});

test("safeHref() resolves against the site root and refuses other schemes", () => {
  assert.equal(safeHref("events/x/", SITE_ROOT), "https://example.org/record/events/x/");
  assert.equal(safeHref("/abs/", SITE_ROOT), "https://example.org/abs/");
  assert.equal(safeHref("javascript:alert(1)", SITE_ROOT), null);
  assert.equal(safeHref("data:text/html,x", SITE_ROOT), null);
  assert.equal(safeHref("http://[bad", SITE_ROOT), null);
});

test("fitWindow() shows every item with room on the right for point labels", () => {
  const m = model();
  const w = fitWindow(m.items);
  const ext = extent(m.items);
  assert.ok(w.start.getTime() < ext.min && w.end.getTime() > ext.max);
  assert.ok(ext.max - w.end.getTime() < w.start.getTime() - ext.min, "more room after than before");
  // A single day: the margins are those of a month-long span (4% before, 12% after).
  const ev = m.byId.get("ev-1");
  const one = fitWindow([ev]);
  assert.equal(Math.round(ev.start - one.start), Math.round(0.04 * 30 * DAY));
  assert.equal(Math.round(one.end - ev.start), Math.round(DAY + 0.12 * 30 * DAY));
});

test("extent() covers a point's whole day, and the last year when there is nothing", () => {
  const ev = model().byId.get("ev-1");
  assert.deepEqual(extent([ev]), { min: ev.start.getTime(), max: ev.start.getTime() + DAY });
  assert.deepEqual(extent([], 1000 * DAY), { min: 635 * DAY, max: 1000 * DAY });
});

test("rangeLimits() lets the reader pan past the ends and zoom from a week", () => {
  const m = model();
  const ext = extent(m.items);
  const lim = rangeLimits(m.items);
  assert.ok(lim.min.getTime() <= ext.min - 365 * DAY && lim.max.getTime() >= ext.max + 365 * DAY);
  assert.equal(lim.zoomMin, 7 * DAY);
  assert.ok(lim.zoomMax >= 2 * (ext.max - ext.min));
});

test("knownIds() lists the ids a URL may name, in Sets", () => {
  const k = knownIds(model());
  assert.deepEqual([...k.actor], ["lna", "toString", "constructor", "unused"]);
  assert.deepEqual([...k.place], ["constructor", "derna", "__proto__"]);
  assert.deepEqual([...k.selected], ["ev-1", "constructor", "__proto__", "toString"]);
  assert.equal(k.operation.has("constructor"), false);
});

test("usedGroups() lists only the rows the items use, in order", () => {
  const m = model();
  assert.deepEqual(usedGroups(m.groups, m.items.slice(1, 3)).map((g) => g.id), ["__proto__", "toString"]);
  assert.deepEqual(usedGroups(m.groups, []), []);
});
