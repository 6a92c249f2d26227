/*
 * The view state of one timeline and its defaults. Pure; no DOM.
 *
 * The state is a small plain object with fixed keys, never keyed by record
 * ids: { actor, operation, place, disputed, q, selected }. `q` is the text
 * filter as typed (its URL parameter is `text`, see url.js). Functions here
 * return new objects; the app replaces its state rather than patching it.
 */
import { str } from "./text.js";

/** The three entity filters: state key, item field, timeline.json list, labels. */
export const FACETS = Object.freeze([
  Object.freeze({ key: "actor", field: "actors", list: "actors", label: "Actor", all: "All actors" }),
  Object.freeze({ key: "operation", field: "operations", list: "operations", label: "Operation", all: "All operations" }),
  Object.freeze({ key: "place", field: "places", list: "places", label: "Place", all: "All places" })
]);

/** Longest text filter read from a URL. */
export const MAX_TEXT = 200;

/** Nothing filtered, nothing selected. */
export function defaultState() {
  return { actor: "", operation: "", place: "", disputed: false, q: "", selected: "" };
}

const STRING_KEYS = new Set(["actor", "operation", "place", "q", "selected"]);

/**
 * A copy of `state` with `patch` applied. Unknown keys are ignored and values
 * are coerced to the key's type, so a state always has exactly the default keys.
 */
export function updateState(state, patch) {
  const next = Object.assign(defaultState(), state);
  for (const key of Object.keys(patch || {})) {
    if (STRING_KEYS.has(key)) next[key] = str(patch[key]);
    else if (key === "disputed") next.disputed = !!patch.disputed;
  }
  return next;
}

/** "Clear filters": every filter off; the selection is kept (the app drops it if hidden). */
export function clearFilters(state) {
  return updateState(defaultState(), { selected: state.selected });
}

/** How many filters are on (the phone's "Filters (n active)" button). */
export function activeFilterCount(state) {
  let n = state.disputed ? 1 : 0;
  for (const key of ["actor", "operation", "place", "q"]) if (state[key]) n++;
  return n;
}

/**
 * data-scope="actor:ID" (or operation:/place:) → { field: "actors", id: "ID" };
 * anything else → null.
 */
export function parseScope(s) {
  const m = /^(actor|operation|place):(.+)$/.exec(str(s).trim());
  return m ? { field: m[1] + "s", id: m[2] } : null;
}
