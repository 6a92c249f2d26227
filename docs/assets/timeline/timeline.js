/*
 * Interactive timeline for the site (vis-timeline 8.5.4, standalone build):
 * the one module that touches vis-timeline and the page. What it shows is
 * computed by the pure modules (state.js, filter.js, url.js, items.js); this
 * file builds the controls, hands their results to vis-timeline and wires
 * the events.
 *
 * Loaded on demand by loader.js (as an ES module, after the classic
 * vis-timeline script has defined window.vis), which calls initAll(document)
 * on every page view. Each `.tl-app` element is initialised once:
 *
 *   <div class="tl-app" data-timeline-src="REL/data/timeline.json"
 *        data-site-root="REL/" data-scope="actor:ID"></div>
 *   <ol class="tl-list">…</ol>   (written by the generator; kept, and on the
 *                                 main timeline filtered along with the view)
 *
 * Without data-scope (the main timeline) the app shows filters (actor,
 * operation, place, disputed only, text), keeps the view in the query string
 * and restores it from there. With data-scope it shows only the items linked
 * to that id and only the view buttons.
 *
 * Optional: data-cluster-threshold="N" turns vis-timeline's clustering on
 * when more than N items are shown (default CLUSTER_THRESHOLD in items.js;
 * the benchmark uses 0 and a huge number to force it on and off).
 */
import { DAY } from "./dates.js";
import * as dom from "./dom.js";
import { facetCounts, facetOptions, normalise, scopeItems, selectVisible } from "./filter.js";
import {
  buildModel, baseOptions, clusterOption, clusterThreshold, CLUSTER_THRESHOLD, fitWindow, fromVisId,
  knownIds, rangeLimits, toVisGroup, toVisId, toVisItem, usedGroups, wantsClusters
} from "./items.js";
import { activeFilterCount, clearFilters, defaultState, FACETS, parseScope, updateState } from "./state.js";
import { parseUrlState, serialiseUrlState } from "./url.js";

const el = dom.el;
const NO_ANIMATION = { animation: false };
// Keys on the timeline area (not on an item) → toolbar actions.
const CANVAS_KEYS = new Map([
  ["ArrowLeft", "earlier"], ["ArrowRight", "later"], ["+", "zoom-in"], ["=", "zoom-in"],
  ["-", "zoom-out"], ["_", "zoom-out"], ["0", "fit"]
]);

const instances = [];
let counter = 0;
const dataCache = new Map(); // absolute URL -> Promise<object>

function debounce(fn, ms) {
  let t = null;
  const wrapped = function (...args) {
    clearTimeout(t);
    t = setTimeout(() => { t = null; fn.apply(this, args); }, ms);
  };
  wrapped.cancel = () => { clearTimeout(t); t = null; };
  wrapped.flush = () => { if (t !== null) { clearTimeout(t); t = null; fn(); } };
  return wrapped;
}

function fetchData(url) {
  if (!dataCache.has(url)) {
    const p = fetch(url, { credentials: "same-origin" }).then((r) => {
      if (!r.ok) throw new Error("HTTP " + r.status + " for " + url);
      return r.json();
    });
    p.catch(() => dataCache.delete(url)); // a failed fetch is retried on the next page view
    dataCache.set(url, p);
  }
  return dataCache.get(url);
}

/* --------------------------------------------------- vis-timeline adapter */

/**
 * A vis.Timeline that speaks record ids. vis-timeline gets prefixed ids
 * (items.js toVisId) so that no record id can be mistaken for one of its
 * plain-object keys; everything outside this class sees record ids only
 * (getSelection() included, which the browser tests read).
 */
class TimelineView {
  constructor(vis, container, groups, options) {
    this.vis = new vis.Timeline(container, null, groups, options);
  }

  setItems(items) { this.vis.setItems(items); }
  setOptions(options) { this.vis.setOptions(options); }
  getWindow() { return this.vis.getWindow(); }
  setWindow(start, end) { this.vis.setWindow(start, end, NO_ANIMATION); }
  zoomIn(p) { this.vis.zoomIn(p, NO_ANIMATION); }
  zoomOut(p) { this.vis.zoomOut(p, NO_ANIMATION); }
  redraw() { this.vis.redraw(); }
  getEventProperties(e) { return this.vis.getEventProperties(e); }
  on(type, fn) { this.vis.on(type, fn); }

  /** Centre an item without changing the zoom (vis-timeline also scrolls its row into view). */
  focus(id) { this.vis.focus(toVisId(id), { zoom: false, animation: false }); }
  setSelection(ids) { this.vis.setSelection(ids.map(toVisId)); }
  /** The selected record ids (a selected cluster is not a record). */
  getSelection() { return recordIds(this.vis.getSelection()); }
  /** fn(record ids) whenever the reader selects or unselects. */
  onSelect(fn) { this.vis.on("select", (p) => fn(recordIds(p && p.items))); }

  destroy() { this.vis.destroy(); }
}

function recordIds(visIds) {
  return (visIds || []).map(fromVisId).filter((id) => id !== null);
}

/** The .vis-item element around a template's content element (it carries ["vis-item"]). */
function itemElement(node) {
  while (node && !node["vis-item"]) node = node.parentNode;
  return node;
}

/* ---------------------------------------------------------- one instance */

class TimelineApp {
  constructor(root) {
    this.root = root;
    this.n = ++counter;
    this.scope = parseScope(root.getAttribute("data-scope"));
    this.scoped = !!root.getAttribute("data-scope");
    this.main = !this.scoped;
    // Only one timeline per page owns the query string: the first unscoped one.
    this.ownsUrl = this.main && !document.querySelector(".tl-app[data-tl-url]");
    if (this.ownsUrl) root.setAttribute("data-tl-url", "");
    this.pathname = window.location.pathname;
    this.state = defaultState();
    this.urlWindow = null;
    this.windowTouched = false;
    this.timeline = null;
    this.listeners = [];
    this.timers = [];
    this.list = findList(root);
    this.siteRoot = new URL(root.getAttribute("data-site-root") || ".", document.baseURI);
    if (!this.siteRoot.pathname.endsWith("/")) this.siteRoot.pathname += "/";
    this.src = new URL(root.getAttribute("data-timeline-src") || "data/timeline.json", document.baseURI).href;
    this.writeUrl = debounce(() => this.writeUrlNow(), 250);
    this.clusterThreshold = clusterThreshold(root.getAttribute("data-cluster-threshold"));
  }

  on(target, type, fn, opts) {
    target.addEventListener(type, fn, opts);
    this.listeners.push([target, type, fn, opts]);
  }

  start() {
    const root = this.root;
    root.setAttribute("data-tl-state", "loading");
    root.classList.add("tl-js");
    if (this.scoped) root.classList.add("tl-scoped");
    this.t0 = performance.now();
    this.status = el("p", { className: "tl-status", role: "status", "aria-live": "polite", text: "Loading the timeline…" });
    root.appendChild(this.status);
    return fetchData(this.src).then((data) => {
      if (!root.isConnected || this.destroyed) return;
      this.tData = performance.now();
      this.model = buildModel(data, this.siteRoot);
      this.build();
    }).catch((err) => {
      if (!root.isConnected || this.destroyed) return;
      root.setAttribute("data-tl-state", "error");
      this.status.textContent = "The timeline data could not be loaded." + (this.list ? " The list below has every entry." : "");
      this.status.classList.add("tl-error");
      if (window.console) console.warn("timeline:", err && err.message ? err.message : err);
    });
  }

  build() {
    const id = "tl" + this.n;
    // Items this instance may ever show (the scope applies once).
    this.pool = scopeItems(this.model.items, this.scoped, this.scope);
    if (this.ownsUrl) this.readUrl();
    if (this.main) this.buildControls(id);
    this.buildView(id);
    this.computeVisible();
    this.items = new vis.DataSet(this.pool.map(toVisItem));
    this.groups = new vis.DataSet(this.model.groups.map(toVisGroup));
    // vis-timeline asks these views which items and rows to draw; they answer
    // from the last selectVisible() result.
    this.itemsView = new vis.DataView(this.items, { filter: (d) => this.visible.ids.has(fromVisId(d.id)) });
    this.groupsView = new vis.DataView(this.groups, { filter: (g) => this.visible.groups.has(fromVisId(g.id)) });
    if (!this.pool.length) { this.showEmptyPool(); return; }
    this.createTimeline();
    this.bindTimeline();
    if (this.ownsUrl) this.writeUrl();
  }

  /* controls (main timeline only) */

  buildControls(id) {
    const controls = el("div", { className: "tl-controls", role: "group", "aria-label": "Filter the timeline", id: id + "-filters" });
    this.qInput = el("input", {
      type: "search", id: id + "-q", name: "text", className: "tl-input", autocomplete: "off", spellcheck: "false",
      placeholder: "Name, place, alias…"
    });
    this.qInput.value = this.state.q;
    controls.appendChild(dom.field("tl-field-q", "Filter by text", this.qInput));
    this.selects = new Map();
    for (const f of FACETS) controls.appendChild(dom.field("", f.label, this.buildSelect(id, f)));
    this.disputedBox = el("input", { type: "checkbox", id: id + "-disputed", name: "disputed", className: "tl-checkbox" });
    this.disputedBox.checked = this.state.disputed;
    controls.appendChild(dom.disputedField(this.disputedBox));
    this.resetBtn = el("button", { type: "button", className: "tl-button tl-reset", text: "Clear filters" });
    controls.appendChild(el("div", { className: "tl-field tl-field-reset" }, [this.resetBtn]));
    this.controls = controls;
    this.buildFilterToggle(controls);
    this.root.appendChild(controls);
    this.bindControls();
  }

  buildSelect(id, f) {
    const counts = facetCounts(this.pool, f.field);
    const sel = dom.facetSelect(id + "-" + f.key, f, facetOptions(this.model[f.list], counts, this.state[f.key]));
    sel.value = this.state[f.key];
    // A URL naming an entity the select does not offer: show everything instead.
    if (sel.value !== this.state[f.key]) this.setState({ [f.key]: "" });
    this.selects.set(f.key, sel);
    return sel;
  }

  // On a phone the filters fold away (under "Filters") so the timeline
  // itself is on the first screen; they are open on wider screens and
  // whenever a filter is active.
  buildFilterToggle(controls) {
    this.filterSummary = el("button", {
      type: "button", className: "tl-button tl-filters-toggle", "aria-controls": controls.id
    });
    const wide = !window.matchMedia || window.matchMedia("(min-width: 45em)").matches;
    this.setFiltersOpen(wide || activeFilterCount(this.state) > 0);
    this.on(this.filterSummary, "click", () => this.setFiltersOpen(controls.hidden));
    this.updateSummary();
    this.root.appendChild(this.filterSummary);
  }

  bindControls() {
    for (const [key, sel] of this.selects) {
      this.on(sel, "change", () => this.filter({ [key]: sel.value }));
    }
    // Typing filters after a pause; Enter filters at once.
    const onQ = debounce(() => this.filter({ q: this.qInput.value.trim() }), 200);
    this.onQ = onQ;
    this.on(this.qInput, "input", onQ);
    this.on(this.qInput, "keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); onQ.flush(); } });
    this.on(this.disputedBox, "change", () => this.filter({ disputed: this.disputedBox.checked }));
    this.on(this.resetBtn, "click", () => {
      this.qInput.value = "";
      for (const sel of this.selects.values()) sel.value = "";
      this.disputedBox.checked = false;
      this.state = clearFilters(this.state);
      this.applyFilters(true);
    });
  }

  setFiltersOpen(open) {
    this.controls.hidden = !open;
    this.filterSummary.setAttribute("aria-expanded", open ? "true" : "false");
  }

  updateSummary() {
    if (!this.filterSummary) return;
    const n = activeFilterCount(this.state);
    this.filterSummary.textContent = "Filters" + (n ? " (" + n + " active)" : "");
  }

  /* the view: toolbar, status, canvas, help, legend */

  buildView(id) {
    this.toolbar = dom.toolbar(id + "-canvas");
    this.on(this.toolbar, "click", (e) => {
      const b = e.target.closest("button[data-act]");
      if (b) this.act(b.getAttribute("data-act"));
    });
    // toolbar + status on one row
    this.root.removeChild(this.status);
    this.root.appendChild(el("div", { className: "tl-bar" }, [this.toolbar, this.status]));
    this.canvas = el("div", {
      className: "tl-canvas", id: id + "-canvas", tabindex: "0", role: "region",
      "aria-label": this.main ? "Interactive timeline" : "Interactive timeline of this entry",
      "aria-describedby": id + "-help"
    });
    this.empty = el("p", { className: "tl-empty", hidden: true, text: "No items match these filters." });
    this.help = dom.help(id + "-help");
    this.legend = dom.legend(usedGroups(this.model.groups, this.pool));
    for (const node of [this.canvas, this.empty, this.help, this.legend]) this.root.appendChild(node);
  }

  showEmptyPool() {
    this.status.textContent = this.scoped ? "No dated items for this entry." : "The timeline has no items.";
    for (const node of [this.canvas, this.toolbar, this.help, this.legend]) node.hidden = true;
    if (this.filterSummary) { this.filterSummary.hidden = true; this.setFiltersOpen(false); }
    this.root.setAttribute("data-tl-state", "ready");
    this.root.setAttribute("data-tl-count", "0");
  }

  /* vis-timeline */

  createTimeline() {
    const win = this.initialWindow();
    this.clustered = wantsClusters(this.visible.count, this.clusterThreshold);
    const options = Object.assign(baseOptions({
      window: win, pool: this.pool, scoped: this.scoped, maxHeight: this.maxHeight(),
      cluster: clusterOption(this.clustered)
    }), {
      tooltip: { followMouse: false, overflowMethod: "flip", delay: 250, template: (d) => this.tooltipTemplate(d) },
      template: (d, element) => this.itemTemplate(d, element),
      groupTemplate: (g) => (g ? dom.groupLabel(g.tlLabel || fromVisId(g.id)) : el("span")),
      onInitialDrawComplete: () => this.onDrawn()
    });
    this.tCreate = performance.now();
    // Items are handed over while the window shows an empty stretch before
    // the first item: vis-timeline draws and measures each item that is in
    // the window when it is added, one forced layout per item (2.4 s of 3.3 s
    // at 10,000 items). Moving to the real window afterwards draws them (or
    // their clusters) in one batch.
    // (The empty stretch has the real window's width, so the axis keeps its
    // scale; min/max are applied afterwards as they would exclude it.)
    this.timeline = new TimelineView(vis, this.canvas, this.groupsView, options);
    // The rows' labels scroll with the rows: a region a keyboard can reach too.
    const labels = this.canvas.querySelector(".vis-panel.vis-left");
    if (labels) Object.assign(labels, { tabIndex: 0 }).setAttribute("aria-label", "Timeline rows");
    const width = win.end - win.start;
    this.timeline.setWindow(win.start - 2 * width, win.start - width);
    this.timeline.setItems(this.itemsView);
    this.timeline.setWindow(win.start, win.end);
    const limits = rangeLimits(this.pool);
    this.setOptions({ min: limits.min, max: limits.max });
    this.updateStatus();
    this.syncList();
    if (this.state.selected && this.visible.ids.has(this.state.selected)) {
      this.timeline.setSelection([this.state.selected]);
    } else {
      this.setState({ selected: "" });
    }
  }

  onDrawn() {
    if (this.destroyed) return;
    this.tDraw = performance.now();
    this.root.setAttribute("data-tl-render-ms", String(Math.round(this.tDraw - this.tCreate)));
    this.root.setAttribute("data-tl-total-ms", String(Math.round(this.tDraw - this.t0)));
    this.root.setAttribute("data-tl-state", "ready");
    this.ready = true;
  }

  bindTimeline() {
    this.timeline.on("rangechanged", (p) => {
      // vis-timeline shows the timeline (and calls onInitialDrawComplete) on
      // the first redraw after the initial window was applied; without this
      // that redraw waits for its 1 s resize poll.
      if (!this.ready && this.timeline) this.timeline.redraw();
      if (p && p.byUser) { this.windowTouched = true; this.writeUrl(); }
    });
    this.timeline.on("changed", () => this.fitLabels());
    this.timeline.onSelect((ids) => {
      this.setState({ selected: ids.length ? ids[0] : "" });
      this.writeUrl();
    });
    // Clicks and taps on items. The browser fires "click" after a drag that
    // starts and ends on the same item too, so a pointer that moved more than
    // a few pixels since it went down is a pan, not a click.
    this.on(this.canvas, "pointerdown", (e) => { this.down = { x: e.clientX, y: e.clientY }; }, true);
    this.on(this.canvas, "click", (e) => this.onClick(e));
    this.on(this.canvas, "keydown", (e) => this.onKey(e));
    this.on(window, "resize", debounce(() => {
      if (this.timeline && !this.destroyed) this.setOptions({ maxHeight: this.maxHeight() });
    }, 200));
  }

  // vis-timeline 8.5.4 turns clustering off on any setOptions() call that
  // does not name `cluster`: always pass it.
  setOptions(o) {
    o.cluster = clusterOption(this.clustered);
    this.timeline.setOptions(o);
  }

  /* templates: DOM nodes only, text via textContent */

  itemTemplate(data, element) {
    if (data && data.isCluster) return dom.clusterContent(data.uiItems ? data.uiItems.length : 0);
    const id = data ? fromVisId(data.id) : null;
    const it = id === null ? undefined : this.model.byId.get(id);
    if (!it) return el("span", { text: "" });
    // The item's element says which record it draws, by its record id (not
    // vis-timeline's prefixed one, so no dataAttributes option): clicks read
    // it, and so do the browser tests.
    const box = itemElement(element);
    if (box) box.setAttribute("data-id", it.id);
    return dom.itemContent(it);
  }

  tooltipTemplate(data) {
    if (data && data.isCluster) return dom.clusterTooltip(data.uiItems ? data.uiItems.length : 0);
    const id = data ? fromVisId(data.id) : null;
    const it = id === null ? undefined : this.model.byId.get(id);
    return it ? dom.itemTooltip(it) : "";
  }

  /* filtering */

  setState(patch) {
    this.state = updateState(this.state, patch);
  }

  computeVisible() {
    this.visible = selectVisible(this.pool, this.main ? this.state : defaultState());
    // Kept under their old names for the browser tests and the benchmark.
    this.visibleItems = this.visible.items;
    this.visibleCount = this.visible.count;
  }

  /** A filter changed by the reader: apply it and write the URL at once. */
  filter(patch) {
    this.setState(patch);
    this.applyFilters(true);
  }

  applyFilters(fromUser) {
    this.computeVisible();
    const wantCluster = wantsClusters(this.visible.count, this.clusterThreshold);
    if (wantCluster !== this.clustered) {
      this.clustered = wantCluster;
      this.setOptions({});
    }
    this.groupsView.refresh();
    this.itemsView.refresh();
    if (this.state.selected && !this.visible.ids.has(this.state.selected)) {
      this.setState({ selected: "" });
      this.timeline.setSelection([]);
    }
    if (!this.windowTouched && this.visible.count) {
      const w = fitWindow(this.visible.items);
      this.timeline.setWindow(w.start, w.end);
    }
    this.updateStatus();
    this.updateSummary();
    this.syncList();
    if (fromUser) { this.writeUrl.cancel(); this.writeUrlNow(); }
  }

  initialWindow() {
    if (this.urlWindow) {
      this.windowTouched = true;
      return this.urlWindow;
    }
    return fitWindow(this.visible.items.length ? this.visible.items : this.pool);
  }

  // Tall enough for the rows, short enough to leave the page scrollable.
  maxHeight() {
    return Math.round(Math.max(300, window.innerHeight * (this.scoped ? 0.6 : 0.75)));
  }

  updateStatus() {
    const total = this.pool.length;
    const n = this.visible.count;
    const noun = total === 1 ? "item" : "items";
    let text;
    if (!this.main || n === total) text = total + " " + noun + (this.clustered ? " (close items are grouped; zoom in to see them)" : "");
    else text = "Showing " + n + " of " + total + " " + noun + (this.clustered ? " (close items are grouped; zoom in)" : "");
    this.status.textContent = text;
    this.root.setAttribute("data-tl-count", String(n));
    this.empty.hidden = n !== 0;
    this.canvas.classList.toggle("tl-canvas-empty", n === 0);
  }

  // Hide the entries of the generator's list that the filters exclude, so the
  // list and the picture say the same thing. Entries not in the data stay.
  syncList() {
    if (!this.list || !this.main) return;
    for (const li of this.list.querySelectorAll("li[data-event-id], li[data-operation-id]")) {
      const id = li.getAttribute("data-event-id") || li.getAttribute("data-operation-id");
      if (this.model.byId.has(id)) li.hidden = !this.visible.ids.has(id);
    }
  }

  /* interaction */

  act(what) {
    const t = this.timeline;
    if (!t) return;
    const w = t.getWindow();
    const span = w.end - w.start;
    if (what === "zoom-in") t.zoomIn(0.5);
    else if (what === "zoom-out") t.zoomOut(0.5);
    else if (what === "earlier") t.setWindow(w.start - span * 0.4, w.end - span * 0.4);
    else if (what === "later") t.setWindow(w.start.getTime() + span * 0.4, w.end.getTime() + span * 0.4);
    else if (what === "fit") {
      const f = fitWindow(this.visible.items.length ? this.visible.items : this.pool);
      t.setWindow(f.start, f.end);
      // "Show all" follows the filters again, and leaves the window out of the URL.
      this.windowTouched = false;
      this.writeUrl();
      return;
    }
    this.windowTouched = true;
    this.writeUrl();
  }

  linkFor(id) {
    return this.canvas.querySelector('a.tl-link[data-tl-id="' + CSS.escape(id) + '"]');
  }

  // Keep the item as `selected` in the URL before leaving, so Back restores it.
  remember(id) {
    if (!this.ownsUrl || !id || !this.model.byId.has(id)) return;
    this.setState({ selected: id });
    this.writeUrl.cancel();
    this.writeUrlNow();
  }

  open(id) {
    const it = this.model.byId.get(id);
    if (!it || !it.href) return;
    this.remember(id);
    let a = this.linkFor(id);
    let temp = null;
    if (!a) {
      temp = a = el("a", { href: it.href, className: "tl-link", hidden: true });
      this.root.appendChild(temp);
    }
    // A real click on a real link: mkdocs-material's instant navigation
    // intercepts it when enabled, otherwise the browser navigates.
    a.click();
    if (temp && temp.parentNode) temp.parentNode.removeChild(temp);
  }

  // Keyboard activation (Enter: detail === 0) and modified clicks (new tab)
  // on an item's link are left to the browser / instant navigation.
  onClick(e) {
    const itemEl = e.target.closest && e.target.closest(".vis-item");
    if (!itemEl || !this.canvas.contains(itemEl)) return;
    const a = e.target.closest("a.tl-link");
    const keyboard = e.detail === 0;
    if (a && (keyboard || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey)) {
      this.remember(a.getAttribute("data-tl-id"));
      return;
    }
    if (a) { e.preventDefault(); e.stopPropagation(); }
    const moved = !keyboard && this.down &&
      Math.abs(e.clientX - this.down.x) + Math.abs(e.clientY - this.down.y) > 8;
    if (moved) return;
    if (itemEl.classList.contains("vis-cluster")) {
      e.preventDefault();
      this.zoomToCluster(itemEl, keyboard ? null : this.timeline.getEventProperties(e).time);
      if (keyboard) this.canvas.focus();
      return;
    }
    const id = itemEl.getAttribute("data-id");
    if (!keyboard && id) this.open(id);
  }

  zoomToCluster(node, time) {
    const t = this.timeline;
    const cluster = node && node["vis-item"];
    let min = cluster && cluster.data && cluster.data.min;
    let max = cluster && cluster.data && cluster.data.max;
    if (min !== undefined && max !== undefined && max >= min) {
      min = +min; max = +max;
      const pad = Math.max((max - min) * 0.1, 3 * DAY);
      t.setWindow(min - pad, max + pad);
    } else {
      const w = t.getWindow();
      const span = (w.end - w.start) / 4;
      const c = time ? +time : (+w.start + +w.end) / 2;
      t.setWindow(c - span / 2, c + span / 2);
    }
    this.windowTouched = true;
    this.writeUrl();
  }

  focusItem(it) {
    // Focus without letting the browser scroll: it would scroll vis-timeline's clipped panels sideways
    // and break the drawing (on a phone, after a few steps). An item drawn outside the visible part of
    // the canvas is centred first, so the focused item is always on screen.
    const a = this.linkFor(it.id);
    if (a && this.inView(a)) { this.focusLink(a); return; }
    // Not drawn, or drawn out of view: outside the window, in a row scrolled out of view, or in a
    // cluster. Centre it, then focus it once drawn.
    this.timeline.focus(it.id);
    this.startInView(it);
    this.windowTouched = true;
    this.writeUrl();
    let tries = 0;
    const retry = () => {
      if (this.destroyed) return;
      const link = this.linkFor(it.id);
      if (link && (this.inView(link) || tries >= 10)) { this.focusLink(link); return; }
      // Still not drawn: it is in a cluster. Zoom in around it, a little more each time.
      if (!link && tries % 6 === 5) this.zoomAround(it);
      if (++tries < 30) this.timers.push(setTimeout(retry, 30));
      else this.canvas.focus({ preventScroll: true });
    };
    retry();
  }

  // A label that runs past the right edge of the canvas is moved left until it ends at the edge (never
  // past the left edge), so no label is clipped. All boxes are read before any is moved: one layout.
  fitLabels() {
    const panel = this.canvas && this.canvas.querySelector(".vis-panel.vis-center");
    if (!panel) return;
    const right = panel.getBoundingClientRect().right - 2;
    const left = panel.getBoundingClientRect().left + 2;
    const contents = Array.from(this.canvas.querySelectorAll(".vis-item:not(.vis-cluster) .vis-item-content"));
    const shifts = contents.map((c) => {
      const box = c.getBoundingClientRect();
      const natural = box.left - (Number(c.getAttribute("data-tl-shift")) || 0);
      const over = natural + box.width - right;
      return over > 0 ? -Math.max(0, Math.min(over, natural - left)) : 0;
    });
    contents.forEach((c, i) => {
      const shift = Math.round(shifts[i]);
      if ((Number(c.getAttribute("data-tl-shift")) || 0) === shift) return;
      if (shift) c.setAttribute("data-tl-shift", String(shift));
      else c.removeAttribute("data-tl-shift");
      c.style.translate = shift ? shift + "px 0" : ""; // not `transform`: vis-timeline sets that on ranges
    });
  }

  /** Whether an item's link lies inside the canvas's visible part (its start, and all of its height). */
  inView(node) {
    const box = node.getBoundingClientRect();
    const panel = this.canvas.querySelector(".vis-panel.vis-center") || this.canvas;
    const frame = panel.getBoundingClientRect();
    return box.width > 0 && box.left >= frame.left - 1 && box.left <= frame.right - 24 &&
      box.top >= frame.top - 1 && box.bottom <= frame.bottom + 1;
  }

  // vis-timeline's focus() centres an item's middle: a long item's start (where its label is) would
  // stay out of view. Keep the zoom and put the start a quarter of the way in.
  startInView(it) {
    const w = this.timeline.getWindow();
    const span = w.end - w.start;
    this.timeline.setWindow(+it.start - span / 4, +it.start + (3 * span) / 4);
  }

  zoomAround(it) {
    const w = this.timeline.getWindow();
    const span = (w.end - w.start) / 4;
    const middle = it.end ? (+it.start + +it.end) / 2 : +it.start;
    this.timeline.setWindow(middle - span / 2, middle + span / 2);
  }

  /** Focus a link without scrolling the timeline's panels, then bring it into the page's view. */
  focusLink(link) {
    link.focus({ preventScroll: true });
    const box = link.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      window.scrollBy({ top: box.top - window.innerHeight / 3, behavior: "instant" });
    }
  }

  onKey(e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const link = e.target.closest && e.target.closest(".tl-link");
    if (link && (e.key === "ArrowRight" || e.key === "ArrowLeft" || e.key === "Home" || e.key === "End")) {
      this.stepFrom(link.getAttribute("data-tl-id"), e.key);
      e.preventDefault();
      return;
    }
    if (link && e.key === " " && link.tagName === "A") { e.preventDefault(); link.click(); return; }
    if (link && e.key === "Enter" && link.tagName !== "A") { e.preventDefault(); this.open(link.getAttribute("data-tl-id")); return; }
    if (e.target !== this.canvas) return;
    const action = CANVAS_KEYS.get(e.key);
    if (action) { e.preventDefault(); this.act(action); }
  }

  /** Arrow keys, Home and End on an item: focus the previous/next/first/last shown item. */
  stepFrom(id, key) {
    const list = this.visible.items;
    const i = list.findIndex((it) => it.id === id);
    const j = key === "ArrowRight" ? i + 1 : key === "ArrowLeft" ? i - 1 : key === "Home" ? 0 : list.length - 1;
    if (i >= 0 && j >= 0 && j < list.length && j !== i) this.focusItem(list[j]);
  }

  /* URL state (main timeline only) */

  readUrl() {
    const parsed = parseUrlState(window.location.search, knownIds(this.model));
    this.state = parsed.state;
    this.urlWindow = parsed.window;
  }

  writeUrlNow() {
    if (!this.ownsUrl || !this.timeline || this.destroyed || !this.root.isConnected) return;
    // Instant navigation changes the address before it swaps the page: never
    // write this page's state into another page's address.
    if (window.location.pathname !== this.pathname) return;
    const qs = serialiseUrlState(window.location.search, this.state, this.windowTouched ? this.timeline.getWindow() : null);
    const url = window.location.pathname + (qs ? "?" + qs : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      // Keep history.state: mkdocs-material stores the scroll offset there.
      window.history.replaceState(window.history.state, "", url);
    }
  }

  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.writeUrl.cancel();
    if (this.onQ) this.onQ.cancel();
    this.timers.forEach(clearTimeout);
    for (const [target, type, fn, opts] of this.listeners) target.removeEventListener(type, fn, opts);
    this.listeners = [];
    if (this.timeline) {
      try { this.timeline.destroy(); } catch (e) { /* already detached */ }
      this.timeline = null;
    }
  }
}

// The generator's list follows the div (possibly after a heading), as a
// sibling; stop at the next timeline.
function findList(root) {
  for (let next = root.nextElementSibling; next; next = next.nextElementSibling) {
    if (next.matches(".tl-list")) return next;
    if (next.matches(".tl-app")) return null;
  }
  return null;
}

/* ------------------------------------------------------------ public API */

let vis = null;

/** Destroy the instances whose element left the page (instant navigation). */
export function cleanup() {
  for (let i = instances.length - 1; i >= 0; i--) {
    if (instances[i].root.isConnected) continue;
    instances[i].destroy();
    instances.splice(i, 1);
  }
}

/** Initialise one .tl-app, once; returns its app. */
export function init(root) {
  if (!root || root.__tlApp || root.getAttribute("data-tl-state")) return root && root.__tlApp;
  const app = new TimelineApp(root);
  root.__tlApp = app;
  instances.push(app);
  app.start();
  return app;
}

/** Initialise every .tl-app under `scope` that is not initialised yet. */
export function initAll(scope) {
  cleanup();
  vis = window.vis;
  if (!vis || !vis.Timeline) throw new Error("vis-timeline is not loaded");
  return Array.from((scope || document).querySelectorAll(".tl-app"), init);
}

export { CLUSTER_THRESHOLD, normalise };

// For the browser tests, the benchmark and the console; loader.js uses the
// module's exports.
window.SiteTimeline = Object.freeze({
  version: 1,
  initAll,
  init,
  cleanup,
  normalise,
  instances: () => instances.slice(),
  CLUSTER_THRESHOLD
});
