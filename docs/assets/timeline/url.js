/*
 * The main timeline's view in the query string. Pure; no DOM, no `location`:
 * callers pass the query string in and get one back.
 *
 *   ?start=2015-01-01&end=2016-12-31   the visible window (only once the reader moved it)
 *   &actor=ID&operation=ID&place=ID    entity filters
 *   &disputed=1                        disputed items only
 *   &text=words                        text filter. Not `q`: mkdocs-material opens its
 *                                      search dialog for any page loaded with ?q= (and
 *                                      highlights ?h=).
 *   &selected=ID                       the selected item (Back from its page restores it)
 *
 * Other parameters are left as they are.
 */
import { parseDate, isoDate, dayFloor, DAY } from "./dates.js";
import { defaultState, updateState, FACETS, MAX_TEXT } from "./state.js";

export const URL_PARAMS = Object.freeze(["start", "end", "actor", "operation", "place", "disputed", "text", "selected"]);

/**
 * Query string → { state, window }. `known` says which ids exist:
 * { actor: Set, operation: Set, place: Set, selected: Set }; an unknown id
 * (or one that is merely an Object.prototype property, like "toString") is
 * dropped. `window` is { start, end } (Dates) or null.
 */
export function parseUrlState(search, known) {
  const p = new URLSearchParams(search);
  const patch = {};
  for (const f of FACETS) patch[f.key] = knownOrEmpty(p.get(f.key), known && known[f.key]);
  patch.disputed = p.get("disputed") === "1" || p.get("disputed") === "true";
  patch.q = (p.get("text") || "").slice(0, MAX_TEXT);
  patch.selected = knownOrEmpty(p.get("selected"), known && known.selected);
  return { state: updateState(defaultState(), patch), window: parseWindow(p.get("start"), p.get("end")) };
}

function knownOrEmpty(value, ids) {
  return value && ids instanceof Set && ids.has(value) ? value : "";
}

/** start/end parameters → { start, end } if both are dates and end is after start, else null. */
export function parseWindow(start, end) {
  const s = parseDate(start);
  const e = parseDate(end);
  return s && e && e > s ? { start: s, end: e } : null;
}

/**
 * The query string (without "?") for a state and, when the reader moved the
 * view, its window. Parameters of `search` that are not the timeline's stay,
 * in their order; the timeline's come after them.
 */
export function serialiseUrlState(search, state, window) {
  const p = new URLSearchParams(search);
  for (const k of URL_PARAMS) p.delete(k);
  if (window) {
    const w = windowDays(window);
    p.set("start", isoDate(w.start));
    p.set("end", isoDate(w.end));
  }
  for (const f of FACETS) if (state[f.key]) p.set(f.key, state[f.key]);
  if (state.disputed) p.set("disputed", "1");
  if (state.q) p.set("text", state.q);
  if (state.selected) p.set("selected", state.selected);
  return p.toString();
}

/** A window rounded down to whole days, at least one day long. */
export function windowDays(window) {
  const start = dayFloor(window.start);
  let end = dayFloor(window.end);
  if (end <= start) end = new Date(start.getTime() + DAY);
  return { start, end };
}
