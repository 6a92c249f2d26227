/*
 * Item building: timeline.json → the model, and the model → what
 * vis-timeline is given (items, groups, options). Pure; no DOM, no
 * vis-timeline (the app passes these plain objects to it).
 *
 * Record ids (items, groups, actors, operations, places) come from the data
 * and may be any string, "constructor" and "__proto__" included. They are
 * only ever kept in Maps and Sets. vis-timeline keys its own lookups by item
 * and group id in plain objects (ItemSet.items[id], ItemSet.groups[id]), and
 * reserves "__ungrouped__" and "__background__": it gets prefixed ids
 * (toVisId), mapped back with fromVisId.
 */
import { DAY, parseDate } from "./dates.js";
import { normalise, str } from "./text.js";

/**
 * Above this many items (after filtering) vis-timeline's clustering is on:
 * rendering every item is ~1 s at 5,000 and ~4 s at 10,000 (see
 * docs/benchmarks.md), and the DOM grows with every visible item. A page can
 * override it with data-cluster-threshold="N".
 */
export const CLUSTER_THRESHOLD = 400;

const CLUSTER_OPTIONS = {
  maxItems: 3,
  titleTemplate: "{count} items close together. Click to zoom in.",
  showStipes: false,
  fitOnDoubleClick: true
};

/** Precisions drawn as a band over their whole period, marked "~". */
export const APPROX_PRECISIONS = new Set(["month", "season", "year"]);

/** The group of items without one. */
export const OTHER_GROUP = "__other__";

const VIS_PREFIX = "tl:";

/** Record id → the id vis-timeline knows it by. */
export function toVisId(id) {
  return VIS_PREFIX + id;
}

/** vis-timeline id → record id; null for ids that are not ours (clusters). */
export function fromVisId(visId) {
  const s = str(visId);
  return s.startsWith(VIS_PREFIX) ? s.slice(VIS_PREFIX.length) : null;
}

/** data-cluster-threshold → a threshold; missing, negative or not a number → the default. */
export function clusterThreshold(attr) {
  const n = parseInt(attr, 10);
  return isNaN(n) || n < 0 ? CLUSTER_THRESHOLD : n;
}

/** Whether `count` shown items are drawn clustered. */
export function wantsClusters(count, threshold) {
  return count > threshold;
}

/**
 * vis-timeline's `cluster` option: the options when clustering, else false.
 * A fresh object each time: vis-timeline keeps what it is given.
 */
export function clusterOption(clustered) {
  return clustered ? Object.assign({}, CLUSTER_OPTIONS) : false;
}

/** An item's URL resolved against the site root, or null unless it is http(s). */
export function safeHref(url, base) {
  try {
    const u = new URL(str(url), base);
    if (u.protocol === "http:" || u.protocol === "https:") return u.href;
  } catch (e) { /* not a URL: no link */ }
  return null;
}

/** The flags a reader is told about in words (tooltip, aria-label). */
export function statusTexts(it) {
  const out = [];
  if (it.status === "disputed") out.push("Disputed");
  if (it.status === "single-source") out.push("Single source: one witness, not confirmed by another source");
  if (APPROX_PRECISIONS.has(it.precision)) out.push("Date known only to the " + it.precision);
  if (it.approximate) out.push("Approximate date");
  if (it.uncertain) out.push("Uncertain date");
  return out;
}

/** The accessible name of an item: "date — title. Flags." */
export function itemLabel(it) {
  const flags = it.statusTexts || statusTexts(it);
  return it.dateLabel + " — " + it.title + (flags.length ? ". " + flags.join(". ") + "." : "");
}

function classToken(s) {
  return str(s).toLowerCase().replace(/[^a-z0-9_-]/g, "");
}

/** The CSS classes of an item (timeline.css draws each flag differently). */
export function itemClasses(it) {
  const cls = ["tl-item", "tl-kind-" + classToken(it.kind), "tl-prec-" + classToken(it.precision)];
  if (APPROX_PRECISIONS.has(it.precision)) cls.push("tl-approx-span");
  if (it.approximate) cls.push("tl-approximate");
  if (it.uncertain) cls.push("tl-uncertain");
  if (it.status === "disputed") cls.push("tl-disputed");
  return cls.join(" ");
}

function strings(list) {
  return Array.isArray(list) ? list.map(str) : [];
}

/** One timeline.json item → a model item, or null if it has no id or no readable start. */
export function buildItem(raw, siteRoot) {
  if (!raw || raw.id === undefined || raw.id === null) return null;
  const start = parseDate(raw.start);
  if (!start) return null;
  let end = raw.end ? parseDate(raw.end) : null;
  if (end && end <= start) end = null;
  const it = {
    id: str(raw.id),
    kind: str(raw.kind || "event"),
    title: str(raw.title || raw.id),
    dateLabel: str(raw.date_label || raw.start),
    href: safeHref(raw.url, siteRoot),
    start,
    end,
    precision: str(raw.precision || "day"),
    approximate: !!raw.approximate,
    uncertain: !!raw.uncertain,
    status: str(raw.status),
    group: raw.group === null || raw.group === undefined ? OTHER_GROUP : str(raw.group),
    actors: strings(raw.actors),
    operations: strings(raw.operations),
    places: strings(raw.places)
  };
  // What the text filter searches: the generator's terms (names and aliases
  // of everything linked), the title and the date as shown.
  it.norm = normalise(str(raw.terms) + " " + it.title + " " + it.dateLabel);
  it.statusTexts = statusTexts(it);
  it.label = itemLabel(it);
  return it;
}

function buildEntities(list) {
  return (Array.isArray(list) ? list : [])
    .filter((e) => e && e.id !== undefined && e.id !== null)
    .map((e) => ({ id: str(e.id), name: str(e.name || e.id), aliases: strings(e.aliases) }));
}

/**
 * timeline.json → { groups, items, byId (Map), skipped, actors, operations, places }.
 * Groups are in display order; a group an item names but the data does not
 * list gets a row of its own after the listed ones. The first item of an id
 * wins (byId and the items agree).
 */
export function buildModel(data, siteRoot) {
  const groups = [];
  const groupIds = new Set();
  (data.groups || []).forEach((g, i) => {
    if (!g || g.id === undefined || g.id === null || groupIds.has(str(g.id))) return;
    groupIds.add(str(g.id));
    groups.push({ id: str(g.id), label: str(g.label || g.id), order: typeof g.order === "number" ? g.order : i });
  });
  const items = [];
  const byId = new Map();
  let skipped = 0;
  for (const raw of data.items || []) {
    const it = buildItem(raw, siteRoot);
    if (!it || byId.has(it.id)) { skipped++; continue; }
    if (!groupIds.has(it.group)) {
      groupIds.add(it.group);
      groups.push({ id: it.group, label: it.group === OTHER_GROUP ? "Other" : it.group, order: 1e6 + groups.length });
    }
    byId.set(it.id, it);
    items.push(it);
  }
  groups.sort((a, b) => a.order - b.order);
  return {
    groups,
    items,
    byId,
    skipped,
    actors: buildEntities(data.actors),
    operations: buildEntities(data.operations),
    places: buildEntities(data.places)
  };
}

/** The ids the URL may name: { actor, operation, place, selected } as Sets. */
export function knownIds(model) {
  const ids = (list) => new Set(list.map((e) => e.id));
  return {
    actor: ids(model.actors),
    operation: ids(model.operations),
    place: ids(model.places),
    selected: new Set(model.byId.keys())
  };
}

/** The groups (rows) that items of `pool` use, in display order. */
export function usedGroups(groups, pool) {
  const used = new Set(pool.map((it) => it.group));
  return groups.filter((g) => used.has(g.id));
}

/** A model item → a vis-timeline item. Its content comes from the app's template. */
export function toVisItem(it) {
  const d = {
    id: toVisId(it.id),
    group: toVisId(it.group),
    start: it.start,
    type: it.end ? "range" : "point",
    className: itemClasses(it),
    content: ""
  };
  if (it.end) d.end = it.end;
  return d;
}

/** A model group → a vis-timeline group; the label is drawn by the app's group template. */
export function toVisGroup(g) {
  return { id: toVisId(g.id), content: "", order: g.order, tlLabel: g.label };
}

/** { min, max } timestamps covering items (a point covers its day); the last year if none. */
export function extent(items, now = Date.now()) {
  let min = Infinity;
  let max = -Infinity;
  for (const it of items) {
    const s = it.start.getTime();
    const e = it.end ? it.end.getTime() : s + DAY;
    if (s < min) min = s;
    if (e > max) max = e;
  }
  if (min === Infinity) return { min: now - 365 * DAY, max: now };
  return { min, max };
}

/** The window that shows every one of `items` (at least a month wide). */
export function fitWindow(items) {
  const ext = extent(items);
  const span = Math.max(ext.max - ext.min, 30 * DAY);
  // Point items draw their label to the right of the date: leave more room there.
  return { start: new Date(ext.min - span * 0.04), end: new Date(ext.max + span * 0.12) };
}

/**
 * How far the reader can pan and zoom for a pool of items: half the span (at
 * least a year) past either end; zoom from a week to twice the span (at least
 * two years).
 */
export function rangeLimits(pool) {
  const ext = extent(pool);
  const span = ext.max - ext.min;
  return {
    min: new Date(ext.min - Math.max(span * 0.5, 365 * DAY)),
    max: new Date(ext.max + Math.max(span * 0.5, 365 * DAY)),
    zoomMin: 7 * DAY,
    zoomMax: Math.max(span * 2, 2 * 365 * DAY)
  };
}

/**
 * vis-timeline options that follow from the data alone (templates and
 * callbacks are the app's). min and max are left out: the app applies them
 * after the first draw (see TimelineApp.createTimeline).
 */
export function baseOptions({ window, pool, scoped, maxHeight, cluster }) {
  const limits = rangeLimits(pool);
  return {
    start: window.start,
    end: window.end,
    zoomMin: limits.zoomMin,
    zoomMax: limits.zoomMax,
    orientation: { axis: "top", item: "top" },
    stack: true,
    selectable: true,
    multiselect: false,
    editable: false,
    showCurrentTime: false,
    zoomKey: "ctrlKey",
    verticalScroll: true,
    horizontalScroll: false,
    maxHeight,
    minHeight: scoped ? 140 : 220,
    margin: { item: { horizontal: 6, vertical: 5 }, axis: 6 },
    groupOrder: "order",
    showTooltips: true,
    cluster,
    locale: "en",
    maxMinorChars: 4
  };
}
