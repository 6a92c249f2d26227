/*
 * Interactive timeline for the site (vis-timeline 8.5.4, standalone build).
 *
 * Loaded on demand by loader.js, which calls SiteTimeline.initAll(document)
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
 * when more than N items are shown (default CLUSTER_THRESHOLD below; the
 * benchmark uses 0 and a huge number to force it on and off).
 *
 * Safety: every piece of data reaches the DOM through textContent or
 * setAttribute on elements built here; vis-timeline receives DOM elements from
 * the templates, and its own XSS filter stays on.
 */
(function () {
  "use strict";

  if (window.SiteTimeline) return;
  var vis = window.vis;

  var DAY = 864e5;
  // Above this many items (after filtering) vis-timeline's clustering is on:
  // rendering every item is ~1 s at 5,000 and ~4 s at 10,000 (see
  // docs/benchmarks.md), and the DOM grows with every visible item.
  var CLUSTER_THRESHOLD = 400;
  var CLUSTER_OPTIONS = {
    maxItems: 3,
    titleTemplate: "{count} items close together. Click to zoom in.",
    showStipes: false,
    fitOnDoubleClick: true
  };
  var APPROX_PRECISIONS = { month: "month", season: "season", year: "year" };
  // URL parameters of the main timeline's view. The text filter is `text`, not
  // `q`: mkdocs-material opens its search dialog for any page loaded with ?q=
  // (and highlights ?h=).
  var KEY_PARAMS = ["start", "end", "actor", "operation", "place", "disputed", "text", "selected"];

  var instances = [];
  var counter = 0;
  var dataCache = {}; // absolute URL -> Promise<object>

  /* ---------------------------------------------------------------- utils */

  // el("a", {href: …, "aria-label": …}, [children or strings]) — text only.
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === "className") node.className = v;
        else if (k === "text") node.textContent = v;
        else node.setAttribute(k, v === true ? "" : String(v));
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function str(v) { return v === null || v === undefined ? "" : String(v); }

  // Lower-case, strip accents/diacritics (Latin and Arabic), transliteration
  // apostrophes and punctuation, so "Ḥaftar", "haftar" and "Haftar" match.
  function normalise(s) {
    s = str(s);
    if (s.normalize) s = s.normalize("NFKD");
    return s
      .replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, "")
      .replace(/[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, "")
      .replace(/['\u2018\u2019\u02bb\u02bc\u02be\u02bf`\u00b4]/g, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  }

  function parseDate(s) {
    var m = /^(-?\d{1,6})-(\d{2})-(\d{2})$/.exec(str(s));
    if (!m) return null;
    var d = new Date(2000, 0, 1);
    d.setFullYear(+m[1], +m[2] - 1, +m[3]);
    d.setHours(0, 0, 0, 0);
    if (d.getMonth() !== +m[2] - 1) return null; // 2016-02-31
    return d;
  }

  function pad(n, w) { n = String(n); while (n.length < w) n = "0" + n; return n; }
  function isoDate(d) {
    return pad(d.getFullYear(), 4) + "-" + pad(d.getMonth() + 1, 2) + "-" + pad(d.getDate(), 2);
  }
  function dayFloor(d) { var x = new Date(d); x.setHours(0, 0, 0, 0); return x; }

  function safeHref(url, base) {
    try {
      var u = new URL(str(url), base);
      if (u.protocol === "http:" || u.protocol === "https:") return u.href;
    } catch (e) { /* ignore */ }
    return null;
  }

  function cssEscape(s) {
    return window.CSS && CSS.escape ? CSS.escape(s) : str(s).replace(/["\\]/g, "\\$&");
  }

  function debounce(fn, ms) {
    var t = null;
    var wrapped = function () {
      var args = arguments, that = this;
      clearTimeout(t);
      t = setTimeout(function () { t = null; fn.apply(that, args); }, ms);
    };
    wrapped.cancel = function () { clearTimeout(t); t = null; };
    wrapped.flush = function () { if (t !== null) { clearTimeout(t); t = null; fn(); } };
    return wrapped;
  }

  function fetchData(url) {
    if (!dataCache[url]) {
      dataCache[url] = fetch(url, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status + " for " + url);
        return r.json();
      });
      dataCache[url].catch(function () { delete dataCache[url]; });
    }
    return dataCache[url];
  }

  /* ------------------------------------------------------------ the model */

  function precisionText(it) {
    if (APPROX_PRECISIONS[it.precision]) return "Date known only to the " + it.precision;
    return "";
  }

  function statusTexts(it) {
    var out = [];
    if (it.status === "disputed") out.push("Disputed");
    var p = precisionText(it);
    if (p) out.push(p);
    if (it.approximate) out.push("Approximate date");
    if (it.uncertain) out.push("Uncertain date");
    return out;
  }

  function classToken(s) { return str(s).toLowerCase().replace(/[^a-z0-9_-]/g, ""); }

  function buildModel(data, siteRoot) {
    var groups = [];
    var groupIds = {};
    (data.groups || []).forEach(function (g, i) {
      if (!g || g.id === undefined || groupIds[g.id]) return;
      groupIds[g.id] = true;
      groups.push({ id: str(g.id), label: str(g.label || g.id), order: typeof g.order === "number" ? g.order : i });
    });
    var OTHER = "__other__";
    var items = [];
    var skipped = 0;
    (data.items || []).forEach(function (raw) {
      if (!raw || raw.id === undefined) { skipped++; return; }
      var start = parseDate(raw.start);
      if (!start) { skipped++; return; }
      var end = raw.end ? parseDate(raw.end) : null;
      if (end && end <= start) end = null;
      var group = raw.group === null || raw.group === undefined ? OTHER : str(raw.group);
      if (!groupIds[group]) {
        groupIds[group] = true;
        groups.push({ id: group, label: group === OTHER ? "Other" : group, order: 1e6 + groups.length });
      }
      var it = {
        id: str(raw.id),
        kind: str(raw.kind || "event"),
        title: str(raw.title || raw.id),
        dateLabel: str(raw.date_label || raw.start),
        href: safeHref(raw.url, siteRoot),
        start: start,
        end: end,
        precision: str(raw.precision || "day"),
        approximate: !!raw.approximate,
        uncertain: !!raw.uncertain,
        status: str(raw.status),
        group: group,
        actors: Array.isArray(raw.actors) ? raw.actors.map(str) : [],
        operations: Array.isArray(raw.operations) ? raw.operations.map(str) : [],
        places: Array.isArray(raw.places) ? raw.places.map(str) : []
      };
      it.norm = normalise(str(raw.terms) + " " + it.title + " " + it.dateLabel);
      it.statusTexts = statusTexts(it);
      it.label = it.dateLabel + " — " + it.title + (it.statusTexts.length ? ". " + it.statusTexts.join(". ") + "." : "");
      items.push(it);
    });
    groups.sort(function (a, b) { return a.order - b.order; });
    function entities(list) {
      return (list || []).filter(function (e) { return e && e.id !== undefined; }).map(function (e) {
        return { id: str(e.id), name: str(e.name || e.id), aliases: Array.isArray(e.aliases) ? e.aliases.map(str) : [] };
      });
    }
    var byId = {};
    items.forEach(function (it) { byId[it.id] = it; });
    return {
      groups: groups,
      items: items,
      byId: byId,
      skipped: skipped,
      actors: entities(data.actors),
      operations: entities(data.operations),
      places: entities(data.places)
    };
  }

  var FACETS = [
    { key: "actor", field: "actors", list: "actors", label: "Actor", all: "All actors" },
    { key: "operation", field: "operations", list: "operations", label: "Operation", all: "All operations" },
    { key: "place", field: "places", list: "places", label: "Place", all: "All places" }
  ];

  function parseScope(s) {
    var m = /^(actor|operation|place):(.+)$/.exec(str(s).trim());
    if (!m) return null;
    return { field: m[1] + "s", id: m[2] };
  }

  /* ---------------------------------------------------------- one instance */

  function TimelineApp(root) {
    this.root = root;
    this.n = ++counter;
    this.scope = parseScope(root.getAttribute("data-scope"));
    this.scoped = !!root.getAttribute("data-scope");
    this.main = !this.scoped;
    // Only one timeline per page owns the query string: the first unscoped one.
    this.ownsUrl = this.main && !document.querySelector(".tl-app[data-tl-url]");
    if (this.ownsUrl) root.setAttribute("data-tl-url", "");
    this.pathname = window.location.pathname;
    this.state = { actor: "", operation: "", place: "", disputed: false, q: "", selected: "" };
    this.windowTouched = false;
    this.timeline = null;
    this.listeners = [];
    this.timers = [];
    this.list = null;
    // The generator's list follows the div (possibly after a heading), as a
    // sibling; stop at the next timeline.
    for (var next = root.nextElementSibling; next; next = next.nextElementSibling) {
      if (next.matches(".tl-list")) { this.list = next; break; }
      if (next.matches(".tl-app")) break;
    }
    this.siteRoot = new URL(root.getAttribute("data-site-root") || ".", document.baseURI);
    if (!/\/$/.test(this.siteRoot.pathname)) this.siteRoot.pathname += "/";
    this.src = new URL(root.getAttribute("data-timeline-src") || "data/timeline.json", document.baseURI).href;
    this.writeUrl = debounce(this._writeUrl.bind(this), 250);
    var th = parseInt(root.getAttribute("data-cluster-threshold"), 10);
    this.clusterThreshold = isNaN(th) || th < 0 ? CLUSTER_THRESHOLD : th;
  }

  TimelineApp.prototype.on = function (target, type, fn, opts) {
    target.addEventListener(type, fn, opts);
    this.listeners.push([target, type, fn, opts]);
  };

  TimelineApp.prototype.start = function () {
    var self = this;
    var root = this.root;
    root.setAttribute("data-tl-state", "loading");
    root.classList.add("tl-js");
    if (this.scoped) root.classList.add("tl-scoped");
    this.t0 = performance.now();
    this.status = el("p", { className: "tl-status", role: "status", "aria-live": "polite", text: "Loading the timeline…" });
    root.appendChild(this.status);
    return fetchData(this.src).then(function (data) {
      if (!root.isConnected || self.destroyed) return;
      self.tData = performance.now();
      self.model = buildModel(data, self.siteRoot);
      self.build();
    }).catch(function (err) {
      if (!root.isConnected || self.destroyed) return;
      root.setAttribute("data-tl-state", "error");
      self.status.textContent = "The timeline data could not be loaded." + (self.list ? " The list below has every entry." : "");
      self.status.classList.add("tl-error");
      if (window.console) console.warn("timeline:", err && err.message ? err.message : err);
    });
  };

  TimelineApp.prototype.build = function () {
    var self = this;
    var m = this.model;
    var root = this.root;
    var id = "tl" + this.n;

    // Items this instance may ever show (scope applied once).
    var scope = this.scope;
    this.pool = m.items.filter(function (it) {
      if (!self.scoped) return true;
      if (!scope) return false;
      return it[scope.field].indexOf(scope.id) >= 0;
    });

    if (this.ownsUrl) this.readUrl();

    /* controls */
    if (this.main) {
      var controls = el("div", { className: "tl-controls", role: "group", "aria-label": "Filter the timeline" });
      this.qInput = el("input", {
        type: "search", id: id + "-q", name: "text", className: "tl-input", autocomplete: "off", spellcheck: "false",
        placeholder: "Name, place, alias…"
      });
      this.qInput.value = this.state.q;
      controls.appendChild(el("div", { className: "tl-field tl-field-q" }, [
        el("label", { "for": id + "-q", text: "Filter by text" }), this.qInput
      ]));
      this.selects = {};
      FACETS.forEach(function (f) {
        var counts = {};
        self.pool.forEach(function (it) {
          it[f.field].forEach(function (x) { counts[x] = (counts[x] || 0) + 1; });
        });
        var sel = el("select", { id: id + "-" + f.key, name: f.key, className: "tl-select" });
        sel.appendChild(el("option", { value: "", text: f.all }));
        m[f.list].slice().sort(function (a, b) {
          return a.name.localeCompare(b.name, "en", { sensitivity: "base" });
        }).forEach(function (e) {
          if (!counts[e.id] && self.state[f.key] !== e.id) return; // nothing to show for it
          sel.appendChild(el("option", { value: e.id, text: e.name + " (" + (counts[e.id] || 0) + ")" }));
        });
        sel.value = self.state[f.key];
        if (sel.value !== self.state[f.key]) self.state[f.key] = "";
        self.selects[f.key] = sel;
        controls.appendChild(el("div", { className: "tl-field" }, [
          el("label", { "for": sel.id, text: f.label }), sel
        ]));
        self.on(sel, "change", function () {
          self.state[f.key] = sel.value;
          self.applyFilters(true);
        });
      });
      this.disputedBox = el("input", { type: "checkbox", id: id + "-disputed", name: "disputed", className: "tl-checkbox" });
      this.disputedBox.checked = this.state.disputed;
      controls.appendChild(el("div", { className: "tl-field tl-field-check" }, [
        this.disputedBox, el("label", { "for": id + "-disputed" }, [
          el("span", { className: "tl-mark tl-mark-disputed", "aria-hidden": "true", text: "\u26a0\ufe0e" }),
          " Disputed only"
        ])
      ]));
      this.resetBtn = el("button", { type: "button", className: "tl-button tl-reset", text: "Clear filters" });
      controls.appendChild(el("div", { className: "tl-field tl-field-reset" }, [this.resetBtn]));
      // On a phone the filters fold away (under "Filters") so the timeline
      // itself is on the first screen; they are open on wider screens and
      // whenever a filter is active.
      controls.id = id + "-filters";
      this.filterSummary = el("button", {
        type: "button", className: "tl-button tl-filters-toggle", "aria-controls": controls.id
      });
      var wide = !window.matchMedia || window.matchMedia("(min-width: 45em)").matches;
      this.setFiltersOpen(wide || this.activeFilters() > 0, controls);
      this.on(this.filterSummary, "click", function () {
        self.setFiltersOpen(controls.hidden, controls);
      });
      this.updateSummary();
      root.appendChild(this.filterSummary);
      root.appendChild(controls);

      var onQ = debounce(function () {
        self.state.q = self.qInput.value.trim();
        self.applyFilters(true);
      }, 200);
      this.onQ = onQ;
      this.on(this.qInput, "input", onQ);
      this.on(this.qInput, "keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); onQ.flush(); } });
      this.on(this.disputedBox, "change", function () {
        self.state.disputed = self.disputedBox.checked;
        self.applyFilters(true);
      });
      this.on(this.resetBtn, "click", function () {
        self.state.actor = self.state.operation = self.state.place = self.state.q = "";
        self.state.disputed = false;
        self.qInput.value = "";
        FACETS.forEach(function (f) { self.selects[f.key].value = ""; });
        self.disputedBox.checked = false;
        self.applyFilters(true);
      });
    }

    /* toolbar */
    function btn(act, label, text) {
      return el("button", { type: "button", className: "tl-button", "data-act": act, "aria-label": label, title: label }, [
        el("span", { "aria-hidden": "true", text: text })
      ]);
    }
    var toolbar = el("div", { className: "tl-toolbar", role: "toolbar", "aria-label": "Timeline view", "aria-controls": id + "-canvas" }, [
      btn("earlier", "Move earlier", "\u25c0"),
      btn("zoom-in", "Zoom in", "+"),
      btn("zoom-out", "Zoom out", "\u2212"),
      el("button", { type: "button", className: "tl-button tl-fit", "data-act": "fit", title: "Show all items" }, ["Show all"]),
      btn("later", "Move later", "\u25b6")
    ]);
    this.on(toolbar, "click", function (e) {
      var b = e.target.closest("button[data-act]");
      if (b) self.act(b.getAttribute("data-act"));
    });
    // toolbar + status on one row
    root.removeChild(this.status);
    var bar = el("div", { className: "tl-bar" }, [toolbar, this.status]);
    root.appendChild(bar);

    var help = el("p", { className: "tl-help", id: id + "-help" }, [
      "Drag or swipe to move in time; pinch, Ctrl + mouse wheel or the buttons to zoom. " +
      "Select an item to open its page. Keyboard: Tab to an item and press Enter; " +
      "\u2190 \u2192 go to the previous or next item; on the timeline area, \u2190 \u2192 move and + \u2212 zoom."
    ]);
    this.canvas = el("div", {
      className: "tl-canvas", id: id + "-canvas", tabindex: "0", role: "region",
      "aria-label": this.main ? "Interactive timeline" : "Interactive timeline of this entry",
      "aria-describedby": id + "-help"
    });
    this.empty = el("p", { className: "tl-empty", hidden: true, text: "No items match these filters." });
    root.appendChild(this.canvas);
    root.appendChild(this.empty);
    root.appendChild(help);
    var legend = this.buildLegend();
    root.appendChild(legend);

    /* data */
    this.itemsDS = new vis.DataSet(this.pool.map(function (it) {
      var cls = ["tl-item", "tl-kind-" + classToken(it.kind), "tl-prec-" + classToken(it.precision)];
      if (APPROX_PRECISIONS[it.precision]) cls.push("tl-approx-span");
      if (it.approximate) cls.push("tl-approximate");
      if (it.uncertain) cls.push("tl-uncertain");
      if (it.status === "disputed") cls.push("tl-disputed");
      var d = { id: it.id, group: it.group, start: it.start, type: it.end ? "range" : "point", className: cls.join(" "), content: "" };
      if (it.end) d.end = it.end;
      return d;
    }));
    var usedGroups = {};
    this.pool.forEach(function (it) { usedGroups[it.group] = true; });
    this.groupsDS = new vis.DataSet(m.groups.map(function (g) {
      return { id: g.id, content: "", order: g.order, tlLabel: g.label };
    }));
    this.visibleGroups = usedGroups;
    this.itemsView = new vis.DataView(this.itemsDS, { filter: function (d) { return self.matches(m.byId[d.id]); } });
    this.groupsView = new vis.DataView(this.groupsDS, { filter: function (g) { return !!self.visibleGroups[g.id]; } });

    if (!this.pool.length) {
      this.status.textContent = this.scoped ? "No dated items for this entry." : "The timeline has no items.";
      this.canvas.hidden = true;
      toolbar.hidden = true;
      help.hidden = true;
      legend.hidden = true;
      if (this.filterSummary) { this.filterSummary.hidden = true; this.setFiltersOpen(false, root.querySelector(".tl-controls")); }
      root.setAttribute("data-tl-state", "ready");
      root.setAttribute("data-tl-count", "0");
      return;
    }

    this.computeVisible();
    var win = this.initialWindow();
    var ext = this.extent(this.pool);
    var span = ext.max - ext.min;
    var maxH = this.maxHeight();
    var options = {
      start: win.start,
      end: win.end,
      min: new Date(ext.min - Math.max(span * 0.5, 365 * DAY)),
      max: new Date(ext.max + Math.max(span * 0.5, 365 * DAY)),
      zoomMin: 7 * DAY,
      zoomMax: Math.max(span * 2, 2 * 365 * DAY),
      orientation: { axis: "top", item: "top" },
      stack: true,
      selectable: true,
      multiselect: false,
      editable: false,
      showCurrentTime: false,
      zoomKey: "ctrlKey",
      verticalScroll: true,
      horizontalScroll: false,
      maxHeight: maxH,
      minHeight: this.scoped ? 140 : 220,
      margin: { item: { horizontal: 6, vertical: 5 }, axis: 6 },
      groupOrder: "order",
      dataAttributes: ["id"],
      showTooltips: true,
      tooltip: { followMouse: false, overflowMethod: "flip", delay: 250, template: this.tooltipTemplate.bind(this) },
      template: this.itemTemplate.bind(this),
      groupTemplate: function (g) {
        if (!g) return el("span");
        return el("span", { className: "tl-group-label", text: g.tlLabel || g.id });
      },
      cluster: this.visibleCount > this.clusterThreshold ? CLUSTER_OPTIONS : false,
      locale: "en",
      maxMinorChars: 4,
      onInitialDrawComplete: function () {
        if (self.destroyed) return;
        self.tDraw = performance.now();
        root.setAttribute("data-tl-render-ms", String(Math.round(self.tDraw - self.tCreate)));
        root.setAttribute("data-tl-total-ms", String(Math.round(self.tDraw - self.t0)));
        root.setAttribute("data-tl-state", "ready");
        self.ready = true;
      }
    };
    this.clustered = !!options.cluster;
    this.tCreate = performance.now();
    // Items are handed over while the window shows an empty stretch before
    // the first item: vis-timeline draws and measures each item that is in
    // the window when it is added, one forced layout per item (2.4 s of 3.3 s
    // at 10,000 items). Moving to the real window afterwards draws them (or
    // their clusters) in one batch.
    // (The empty stretch has the real window's width, so the axis keeps its
    // scale; min/max are applied afterwards as they would exclude it.)
    var limits = { min: options.min, max: options.max };
    delete options.min;
    delete options.max;
    this.timeline = new vis.Timeline(this.canvas, null, this.groupsView, options);
    var width = win.end - win.start;
    this.timeline.setWindow(win.start - 2 * width, win.start - width, { animation: false });
    this.timeline.setItems(this.itemsView);
    this.timeline.setWindow(win.start, win.end, { animation: false });
    this.setOptions(limits);
    this.updateStatus();
    this.syncList();

    if (this.state.selected && m.byId[this.state.selected] && this.matches(m.byId[this.state.selected])) {
      this.timeline.setSelection([this.state.selected]);
    } else {
      this.state.selected = "";
    }

    this.timeline.on("rangechanged", function (p) {
      // vis-timeline shows the timeline (and calls onInitialDrawComplete) on
      // the first redraw after the initial window was applied; without this
      // that redraw waits for its 1 s resize poll.
      if (!self.ready && self.timeline) self.timeline.redraw();
      if (p && p.byUser) { self.windowTouched = true; self.writeUrl(); }
    });
    this.timeline.on("select", function (p) {
      var sel = p && p.items && p.items.length ? String(p.items[0]) : "";
      if (sel && !m.byId[sel]) sel = ""; // a cluster
      self.state.selected = sel;
      self.writeUrl();
    });
    // Clicks and taps on items. The browser fires "click" after a drag that
    // starts and ends on the same item too, so a pointer that moved more than
    // a few pixels since it went down is a pan, not a click. Keyboard
    // activation (Enter: detail === 0) and modified clicks (new tab) on an
    // item's link are left to the browser / instant navigation.
    this.on(this.canvas, "pointerdown", function (e) {
      self.down = { x: e.clientX, y: e.clientY };
    }, true);
    this.on(this.canvas, "click", function (e) {
      var itemEl = e.target.closest && e.target.closest(".vis-item");
      if (!itemEl || !self.canvas.contains(itemEl)) return;
      var a = e.target.closest("a.tl-link");
      var keyboard = e.detail === 0;
      if (a && (keyboard || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey)) {
        self.remember(a.getAttribute("data-tl-id"));
        return;
      }
      if (a) { e.preventDefault(); e.stopPropagation(); }
      var moved = !keyboard && self.down &&
        Math.abs(e.clientX - self.down.x) + Math.abs(e.clientY - self.down.y) > 8;
      if (moved) return;
      if (itemEl.classList.contains("vis-cluster")) {
        e.preventDefault();
        self.zoomToCluster(itemEl, keyboard ? null : self.timeline.getEventProperties(e).time);
        if (keyboard) self.canvas.focus();
        return;
      }
      var id = itemEl.getAttribute("data-id");
      if (!keyboard && id) self.open(id);
    });
    this.on(this.canvas, "keydown", function (e) { self.onKey(e); });
    this.on(window, "resize", debounce(function () {
      if (self.timeline && !self.destroyed) self.setOptions({ maxHeight: self.maxHeight() });
    }, 200));

    if (this.ownsUrl) this.writeUrl();
  };

  TimelineApp.prototype.buildLegend = function () {
    var used = {};
    this.pool.forEach(function (it) { used[it.group] = true; });
    var groups = this.model.groups.filter(function (g) { return used[g.id]; });
    function sym(cls, text) {
      return el("li", null, [el("span", { className: "tl-swatch " + cls, "aria-hidden": "true" }), " " + text]);
    }
    var legend = el("div", { className: "tl-legend" }, [
      el("p", { className: "tl-legend-title" }, [el("strong", { text: "Rows: " }),
        groups.length ? "the timeline has one row per " + (groups.length === 1 ? "group: " : "group of items: ") : ""]),
      el("ul", { className: "tl-legend-groups" }, groups.map(function (g) { return el("li", { text: g.label }); })),
      el("p", { className: "tl-legend-title" }, [el("strong", { text: "Symbols:" })]),
      el("ul", { className: "tl-legend-symbols" }, [
        sym("tl-swatch-point", "an event on a known day"),
        sym("tl-swatch-range", "a period (operations and other spans)"),
        sym("tl-swatch-approx", "an event known only to its month, season or year: a dashed, hatched band over that period, marked \u201c~\u201d"),
        el("li", null, [el("span", { className: "tl-mark", "aria-hidden": "true", text: "~" }), " approximate date, dotted outline"]),
        el("li", null, [el("span", { className: "tl-mark", "aria-hidden": "true", text: "?" }), " uncertain date, dotted outline"]),
        el("li", null, [el("span", { className: "tl-swatch tl-swatch-disputed", "aria-hidden": "true" }),
          el("span", { className: "tl-mark tl-mark-disputed", "aria-hidden": "true", text: "\u26a0\ufe0e" }),
          " disputed: sources disagree (diamond marker, double outline)"]),
        el("li", null, [el("span", { className: "tl-swatch tl-swatch-cluster", "aria-hidden": "true", text: "12" }),
          " several items close together: select to zoom in"])
      ])
    ]);
    return legend;
  };

  /* templates: DOM nodes only, text via textContent */

  TimelineApp.prototype.marks = function (it) {
    var out = [];
    if (it.status === "disputed") out.push(el("span", { className: "tl-mark tl-mark-disputed", "aria-hidden": "true", text: "\u26a0\ufe0e" }));
    if (APPROX_PRECISIONS[it.precision] || it.approximate) out.push(el("span", { className: "tl-mark tl-mark-approx", "aria-hidden": "true", text: "~" }));
    if (it.uncertain) out.push(el("span", { className: "tl-mark tl-mark-uncertain", "aria-hidden": "true", text: "?" }));
    return out;
  };

  TimelineApp.prototype.itemTemplate = function (data) {
    if (data && data.isCluster) {
      var n = data.uiItems ? data.uiItems.length : 0;
      return el("button", {
        type: "button", className: "tl-cluster-btn", tabindex: "0",
        "aria-label": n + " items close together; zoom in"
      }, [String(n)]);
    }
    var it = data && this.model.byId[data.id];
    if (!it) return el("span", { text: "" });
    var children = this.marks(it);
    children.push(el("span", { className: "tl-title", text: it.title }));
    return el(it.href ? "a" : "span", {
      className: "tl-link",
      href: it.href,
      draggable: "false",
      "data-tl-id": it.id,
      "aria-label": it.label,
      tabindex: it.href ? null : "0"
    }, children);
  };

  TimelineApp.prototype.tooltipTemplate = function (data) {
    if (data && data.isCluster) {
      var n = data.uiItems ? data.uiItems.length : 0;
      return el("div", { className: "tl-tip" }, [el("strong", { text: n + " items close together" }), el("div", { text: "Click to zoom in." })]);
    }
    var it = data && this.model.byId[data.id];
    if (!it) return "";
    var kids = [el("strong", { className: "tl-tip-title", text: it.title }), el("div", { className: "tl-tip-date", text: it.dateLabel })];
    if (it.kind === "operation") kids.push(el("div", { className: "tl-tip-kind", text: "Operation" }));
    it.statusTexts.forEach(function (t) { kids.push(el("div", { className: "tl-tip-flag", text: t })); });
    return el("div", { className: "tl-tip" }, kids);
  };

  /* filtering */

  TimelineApp.prototype.matches = function (it) {
    if (!it) return false;
    var s = this.state;
    if (this.main) {
      if (s.actor && it.actors.indexOf(s.actor) < 0) return false;
      if (s.operation && it.operations.indexOf(s.operation) < 0) return false;
      if (s.place && it.places.indexOf(s.place) < 0) return false;
      if (s.disputed && it.status !== "disputed") return false;
      if (this.qTokens && this.qTokens.length) {
        for (var i = 0; i < this.qTokens.length; i++) {
          if (it.norm.indexOf(this.qTokens[i]) < 0) return false;
        }
      }
    }
    return true;
  };

  TimelineApp.prototype.computeVisible = function () {
    var self = this;
    var qn = normalise(this.state.q);
    this.qTokens = qn ? qn.split(" ") : [];
    var groups = {};
    var count = 0;
    this.visibleItems = [];
    this.pool.forEach(function (it) {
      if (self.matches(it)) { groups[it.group] = true; count++; self.visibleItems.push(it); }
    });
    this.visibleItems.sort(function (a, b) { return a.start - b.start || (a.id < b.id ? -1 : 1); });
    this.visibleGroups = groups;
    this.visibleCount = count;
  };

  TimelineApp.prototype.extent = function (items) {
    var min = Infinity, max = -Infinity;
    items.forEach(function (it) {
      var s = it.start.getTime();
      var e = it.end ? it.end.getTime() : s + DAY;
      if (s < min) min = s;
      if (e > max) max = e;
    });
    if (min === Infinity) { min = Date.now() - 365 * DAY; max = Date.now(); }
    return { min: min, max: max };
  };

  TimelineApp.prototype.fitWindow = function (items) {
    var ext = this.extent(items && items.length ? items : this.pool);
    var span = Math.max(ext.max - ext.min, 30 * DAY);
    // Point items draw their label to the right of the date: leave more room there.
    return { start: new Date(ext.min - span * 0.04), end: new Date(ext.max + span * 0.12) };
  };

  TimelineApp.prototype.initialWindow = function () {
    if (this.urlWindow) {
      this.windowTouched = true;
      return this.urlWindow;
    }
    return this.fitWindow(this.visibleItems);
  };

  TimelineApp.prototype.applyFilters = function (fromUser) {
    this.computeVisible();
    var wantCluster = this.visibleCount > this.clusterThreshold;
    if (wantCluster !== this.clustered) {
      this.clustered = wantCluster;
      this.setOptions({});
    }
    this.groupsView.refresh();
    this.itemsView.refresh();
    if (this.state.selected && !this.matches(this.model.byId[this.state.selected])) {
      this.state.selected = "";
      this.timeline.setSelection([]);
    }
    if (!this.windowTouched && this.visibleCount) {
      var w = this.fitWindow(this.visibleItems);
      this.timeline.setWindow(w.start, w.end, { animation: false });
    }
    this.updateStatus();
    this.updateSummary();
    this.syncList();
    if (fromUser) { this.writeUrl.cancel(); this._writeUrl(); }
  };

  // vis-timeline 8.5.4 turns clustering off on any setOptions() call that
  // does not name `cluster`: always pass it.
  TimelineApp.prototype.setOptions = function (o) {
    o.cluster = this.clustered ? CLUSTER_OPTIONS : false;
    this.timeline.setOptions(o);
  };

  // Tall enough for the rows, short enough to leave the page scrollable.
  TimelineApp.prototype.maxHeight = function () {
    return Math.round(Math.max(300, window.innerHeight * (this.scoped ? 0.6 : 0.75)));
  };

  TimelineApp.prototype.activeFilters = function () {
    var s = this.state;
    return (s.actor ? 1 : 0) + (s.operation ? 1 : 0) + (s.place ? 1 : 0) + (s.disputed ? 1 : 0) + (s.q ? 1 : 0);
  };

  TimelineApp.prototype.setFiltersOpen = function (open, controls) {
    controls.hidden = !open;
    this.filterSummary.setAttribute("aria-expanded", open ? "true" : "false");
  };

  TimelineApp.prototype.updateSummary = function () {
    if (!this.filterSummary) return;
    var n = this.activeFilters();
    this.filterSummary.textContent = "Filters" + (n ? " (" + n + " active)" : "");
  };

  TimelineApp.prototype.updateStatus = function () {
    var total = this.pool.length;
    var n = this.visibleCount;
    var noun = function (k) { return k === 1 ? "item" : "items"; };
    var text;
    if (!this.main || n === total) text = total + " " + noun(total) + (this.clustered ? " (close items are grouped; zoom in to see them)" : "");
    else text = "Showing " + n + " of " + total + " " + noun(total) + (this.clustered ? " (close items are grouped; zoom in)" : "");
    this.status.textContent = text;
    this.root.setAttribute("data-tl-count", String(n));
    this.empty.hidden = n !== 0;
    this.canvas.classList.toggle("tl-canvas-empty", n === 0);
  };

  // Hide the entries of the generator's list that the filters exclude, so the
  // list and the picture say the same thing. Entries not in the data stay.
  TimelineApp.prototype.syncList = function () {
    if (!this.list || !this.main) return;
    var m = this.model;
    var self = this;
    Array.prototype.forEach.call(this.list.querySelectorAll("li[data-event-id]"), function (li) {
      var it = m.byId[li.getAttribute("data-event-id")];
      if (!it) return;
      li.hidden = !self.matches(it);
    });
  };

  /* interaction */

  TimelineApp.prototype.act = function (what) {
    var t = this.timeline;
    if (!t) return;
    var w = t.getWindow();
    var span = w.end - w.start;
    if (what === "zoom-in") t.zoomIn(0.5, { animation: false });
    else if (what === "zoom-out") t.zoomOut(0.5, { animation: false });
    else if (what === "earlier") t.setWindow(w.start - span * 0.4, w.end - span * 0.4, { animation: false });
    else if (what === "later") t.setWindow(w.start.getTime() + span * 0.4, w.end.getTime() + span * 0.4, { animation: false });
    else if (what === "fit") {
      var f = this.fitWindow(this.visibleItems);
      t.setWindow(f.start, f.end, { animation: false });
      this.windowTouched = false;
      this.writeUrl();
      return;
    }
    this.windowTouched = true;
    this.writeUrl();
  };

  TimelineApp.prototype.linkFor = function (id) {
    return this.canvas.querySelector('a.tl-link[data-tl-id="' + cssEscape(id) + '"]');
  };

  // Keep the item as `selected` in the URL before leaving, so Back restores it.
  TimelineApp.prototype.remember = function (id) {
    if (!this.ownsUrl || !id || !this.model.byId[id]) return;
    this.state.selected = id;
    this.writeUrl.cancel();
    this._writeUrl();
  };

  TimelineApp.prototype.open = function (id) {
    var it = this.model.byId[id];
    if (!it || !it.href) return;
    this.remember(id);
    var a = this.linkFor(id);
    var temp = null;
    if (!a) {
      temp = a = el("a", { href: it.href, className: "tl-link", hidden: true });
      this.root.appendChild(temp);
    }
    // A real click on a real link: mkdocs-material's instant navigation
    // intercepts it when enabled, otherwise the browser navigates.
    a.click();
    if (temp && temp.parentNode) temp.parentNode.removeChild(temp);
  };

  TimelineApp.prototype.zoomToCluster = function (node, time) {
    var t = this.timeline;
    var cluster = node && node["vis-item"];
    var min = cluster && cluster.data && cluster.data.min;
    var max = cluster && cluster.data && cluster.data.max;
    if (min !== undefined && max !== undefined && max >= min) {
      min = +min; max = +max;
      var pad = Math.max((max - min) * 0.1, 3 * DAY);
      t.setWindow(min - pad, max + pad, { animation: false });
    } else {
      var w = t.getWindow();
      var span = (w.end - w.start) / 4;
      var c = time ? +time : (+w.start + +w.end) / 2;
      t.setWindow(c - span / 2, c + span / 2, { animation: false });
    }
    this.windowTouched = true;
    this.writeUrl();
  };

  TimelineApp.prototype.focusItem = function (it) {
    var self = this;
    var t = this.timeline;
    var a = this.linkFor(it.id);
    if (a) { a.focus(); return; }
    // Not drawn: outside the window, in a row scrolled out of view, or in a
    // cluster. Centre it (same zoom; vis-timeline also scrolls its row into
    // view), then focus it once drawn.
    t.focus(it.id, { zoom: false, animation: false });
    this.windowTouched = true;
    this.writeUrl();
    var tries = 0;
    (function retry() {
      if (self.destroyed) return;
      var link = self.linkFor(it.id);
      if (link) { link.focus(); return; }
      if (++tries < 20) self.timers.push(setTimeout(retry, 30));
      else self.canvas.focus();
    })();
  };

  TimelineApp.prototype.onKey = function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var link = e.target.closest && e.target.closest(".tl-link");
    var onCanvas = e.target === this.canvas;
    if (link && (e.key === "ArrowRight" || e.key === "ArrowLeft" || e.key === "Home" || e.key === "End")) {
      var list = this.visibleItems;
      var id = link.getAttribute("data-tl-id");
      var i = -1;
      for (var k = 0; k < list.length; k++) if (list[k].id === id) { i = k; break; }
      var j = e.key === "ArrowRight" ? i + 1 : e.key === "ArrowLeft" ? i - 1 : e.key === "Home" ? 0 : list.length - 1;
      if (i >= 0 && j >= 0 && j < list.length && j !== i) this.focusItem(list[j]);
      e.preventDefault();
      return;
    }
    if (link && e.key === " " && link.tagName === "A") { e.preventDefault(); link.click(); return; }
    if (link && e.key === "Enter" && link.tagName !== "A") { e.preventDefault(); this.open(link.getAttribute("data-tl-id")); return; }
    if (!onCanvas) return;
    var map = { ArrowLeft: "earlier", ArrowRight: "later", "+": "zoom-in", "=": "zoom-in", "-": "zoom-out", "_": "zoom-out", "0": "fit" };
    if (map[e.key]) { e.preventDefault(); this.act(map[e.key]); }
  };

  /* URL state (main timeline only) */

  TimelineApp.prototype.readUrl = function () {
    var p = new URLSearchParams(window.location.search);
    var m = this.model;
    var self = this;
    FACETS.forEach(function (f) {
      var v = p.get(f.key) || "";
      var ok = m[f.list].some(function (e) { return e.id === v; });
      self.state[f.key] = ok ? v : "";
    });
    this.state.disputed = p.get("disputed") === "1" || p.get("disputed") === "true";
    this.state.q = (p.get("text") || "").slice(0, 200);
    this.state.selected = p.get("selected") || "";
    var s = parseDate(p.get("start")), e = parseDate(p.get("end"));
    this.urlWindow = s && e && e > s ? { start: s, end: e } : null;
  };

  TimelineApp.prototype._writeUrl = function () {
    if (!this.ownsUrl || !this.timeline || this.destroyed || !this.root.isConnected) return;
    // Instant navigation changes the address before it swaps the page: never
    // write this page's state into another page's address.
    if (window.location.pathname !== this.pathname) return;
    var p = new URLSearchParams(window.location.search);
    KEY_PARAMS.forEach(function (k) { p.delete(k); });
    if (this.windowTouched) {
      var w = this.timeline.getWindow();
      var s = dayFloor(w.start);
      var e = dayFloor(w.end);
      if (e <= s) e = new Date(s.getTime() + DAY);
      p.set("start", isoDate(s));
      p.set("end", isoDate(e));
    }
    var st = this.state;
    if (st.actor) p.set("actor", st.actor);
    if (st.operation) p.set("operation", st.operation);
    if (st.place) p.set("place", st.place);
    if (st.disputed) p.set("disputed", "1");
    if (st.q) p.set("text", st.q);
    if (st.selected) p.set("selected", st.selected);
    var qs = p.toString();
    var url = window.location.pathname + (qs ? "?" + qs : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      // Keep history.state: mkdocs-material stores the scroll offset there.
      window.history.replaceState(window.history.state, "", url);
    }
  };

  TimelineApp.prototype.destroy = function () {
    if (this.destroyed) return;
    this.destroyed = true;
    this.writeUrl.cancel();
    if (this.onQ) this.onQ.cancel();
    this.timers.forEach(clearTimeout);
    this.listeners.forEach(function (l) { l[0].removeEventListener(l[1], l[2], l[3]); });
    this.listeners = [];
    if (this.timeline) {
      try { this.timeline.destroy(); } catch (e) { /* already detached */ }
      this.timeline = null;
    }
  };

  /* ------------------------------------------------------------ public API */

  function cleanup() {
    instances = instances.filter(function (inst) {
      if (inst.root.isConnected) return true;
      inst.destroy();
      return false;
    });
  }

  function init(root) {
    if (!root || root.__tlApp || root.getAttribute("data-tl-state")) return root && root.__tlApp;
    var app = new TimelineApp(root);
    root.__tlApp = app;
    instances.push(app);
    app.start();
    return app;
  }

  function initAll(scope) {
    cleanup();
    if (!vis || !vis.Timeline) {
      vis = window.vis;
      if (!vis || !vis.Timeline) throw new Error("vis-timeline is not loaded");
    }
    var out = [];
    Array.prototype.forEach.call((scope || document).querySelectorAll(".tl-app"), function (root) {
      out.push(init(root));
    });
    return out;
  }

  window.SiteTimeline = {
    version: 1,
    initAll: initAll,
    init: init,
    cleanup: cleanup,
    normalise: normalise,
    instances: function () { return instances.slice(); },
    CLUSTER_THRESHOLD: CLUSTER_THRESHOLD
  };
})();
