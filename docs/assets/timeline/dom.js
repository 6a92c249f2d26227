/*
 * DOM builders for the timeline app. No vis-timeline here, no state: each
 * function turns model data into elements.
 *
 * Safety: every piece of data reaches the DOM through textContent or
 * setAttribute on elements built here; vis-timeline receives these elements
 * from the templates, and its own XSS filter stays on.
 */
import { APPROX_PRECISIONS } from "./items.js";

/** el("a", {href: …, "aria-label": …}, [children or strings]): text only, never HTML. */
export function el(tag, attrs, children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "className") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children || []) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return node;
}

const DISPUTED_MARK = "\u26a0\ufe0e";

/** The "⚠ ~ ?" marks before an item's title (aria-hidden: its label says them in words). */
export function marks(it) {
  const out = [];
  if (it.status === "disputed") out.push(el("span", { className: "tl-mark tl-mark-disputed", "aria-hidden": "true", text: DISPUTED_MARK }));
  if (APPROX_PRECISIONS.has(it.precision) || it.approximate) out.push(el("span", { className: "tl-mark tl-mark-approx", "aria-hidden": "true", text: "~" }));
  if (it.uncertain) out.push(el("span", { className: "tl-mark tl-mark-uncertain", "aria-hidden": "true", text: "?" }));
  return out;
}

/** An item on the timeline: a link to its page, or a focusable span without one. */
export function itemContent(it) {
  const children = marks(it);
  children.push(el("span", { className: "tl-title", text: it.title }));
  return el(it.href ? "a" : "span", {
    className: "tl-link",
    href: it.href,
    draggable: "false",
    "data-tl-id": it.id,
    "aria-label": it.label,
    tabindex: it.href ? null : "0"
  }, children);
}

/** A cluster of n items: a button (keyboard users zoom in with Enter). */
export function clusterContent(n) {
  return el("button", {
    type: "button", className: "tl-cluster-btn", tabindex: "0",
    "aria-label": n + " items close together; zoom in"
  }, [String(n)]);
}

export function itemTooltip(it) {
  const kids = [el("strong", { className: "tl-tip-title", text: it.title }), el("div", { className: "tl-tip-date", text: it.dateLabel })];
  if (it.kind === "operation") kids.push(el("div", { className: "tl-tip-kind", text: "Operation" }));
  for (const t of it.statusTexts) kids.push(el("div", { className: "tl-tip-flag", text: t }));
  return el("div", { className: "tl-tip" }, kids);
}

export function clusterTooltip(n) {
  return el("div", { className: "tl-tip" }, [el("strong", { text: n + " items close together" }), el("div", { text: "Click to zoom in." })]);
}

export function groupLabel(label) {
  return el("span", { className: "tl-group-label", text: label });
}

function symbol(cls, text) {
  return el("li", null, [el("span", { className: "tl-swatch " + cls, "aria-hidden": "true" }), " " + text]);
}

/** The legend under the timeline: its rows (groups), then what each symbol means. */
export function legend(groups) {
  return el("div", { className: "tl-legend" }, [
    el("p", { className: "tl-legend-title" }, [el("strong", { text: "Rows: " }),
      groups.length ? "the timeline has one row per " + (groups.length === 1 ? "group: " : "group of items: ") : ""]),
    el("ul", { className: "tl-legend-groups" }, groups.map((g) => el("li", { text: g.label }))),
    el("p", { className: "tl-legend-title" }, [el("strong", { text: "Symbols:" })]),
    el("ul", { className: "tl-legend-symbols" }, [
      symbol("tl-swatch-point", "an event on a known day"),
      symbol("tl-swatch-range", "a period (operations and other spans)"),
      symbol("tl-swatch-approx", "an event known only to its month, season or year: a dashed, hatched band over that period, marked \u201c~\u201d"),
      el("li", null, [el("span", { className: "tl-mark", "aria-hidden": "true", text: "~" }), " approximate date, dotted outline"]),
      el("li", null, [el("span", { className: "tl-mark", "aria-hidden": "true", text: "?" }), " uncertain date, dotted outline"]),
      el("li", null, [el("span", { className: "tl-swatch tl-swatch-disputed", "aria-hidden": "true" }),
        el("span", { className: "tl-mark tl-mark-disputed", "aria-hidden": "true", text: DISPUTED_MARK }),
        " disputed: sources disagree (diamond marker, double outline)"]),
      el("li", null, [el("span", { className: "tl-swatch tl-swatch-cluster", "aria-hidden": "true", text: "12" }),
        " several items close together: select to zoom in"])
    ])
  ]);
}

function toolButton(act, label, text) {
  return el("button", { type: "button", className: "tl-button", "data-act": act, "aria-label": label, title: label }, [
    el("span", { "aria-hidden": "true", text })
  ]);
}

/** The view buttons; each names its action in data-act (see TimelineApp.act). */
export function toolbar(canvasId) {
  return el("div", { className: "tl-toolbar", role: "toolbar", "aria-label": "Timeline view", "aria-controls": canvasId }, [
    toolButton("earlier", "Move earlier", "\u25c0"),
    toolButton("zoom-in", "Zoom in", "+"),
    toolButton("zoom-out", "Zoom out", "\u2212"),
    el("button", { type: "button", className: "tl-button tl-fit", "data-act": "fit", title: "Show all items" }, ["Show all"]),
    toolButton("later", "Move later", "\u25b6")
  ]);
}

export function help(id) {
  return el("p", { className: "tl-help", id }, [
    "Drag or swipe to move in time; pinch, Ctrl + mouse wheel or the buttons to zoom. " +
    "Select an item to open its page. Keyboard: Tab to an item and press Enter; " +
    "\u2190 \u2192 go to the previous or next item; on the timeline area, \u2190 \u2192 move and + \u2212 zoom."
  ]);
}

/** A filter's <select>: "All …" then one option per entry of facetOptions(). */
export function facetSelect(id, facet, options) {
  const sel = el("select", { id, name: facet.key, className: "tl-select" });
  sel.appendChild(el("option", { value: "", text: facet.all }));
  for (const o of options) sel.appendChild(el("option", { value: o.value, text: o.text }));
  return sel;
}

/** A labelled form field wrapper. */
export function field(className, label, control) {
  return el("div", { className: "tl-field" + (className ? " " + className : "") }, [
    el("label", { for: control.id, text: label }), control
  ]);
}

export function disputedField(box) {
  return el("div", { className: "tl-field tl-field-check" }, [
    box, el("label", { for: box.id }, [
      el("span", { className: "tl-mark tl-mark-disputed", "aria-hidden": "true", text: DISPUTED_MARK }),
      " Disputed only"
    ])
  ]);
}
