/*
 * Selectors: which items a timeline shows for a state. Pure; no DOM.
 *
 * Like Forensic Architecture's timemap (src/selectors/index.js), what the
 * timeline shows is computed from the state by these functions; the app only
 * hands the result to vis-timeline and to the DOM. Items are the model items
 * of items.js (buildModel). Ids are compared as strings and collected in Maps
 * and Sets, never used as plain-object keys: an id may be "constructor".
 */
import { FACETS } from "./state.js";
import { normalise } from "./text.js";

export { normalise };

/** The text filter as the words every shown item must contain (normalised). */
export function queryTokens(q) {
  const n = normalise(q);
  return n ? n.split(" ") : [];
}

/**
 * The items a timeline may ever show: all of them on the main timeline; on
 * an entity page (data-scope) only those linked to the entity, none if the
 * scope is unreadable.
 */
export function scopeItems(items, scoped, scope) {
  if (!scoped) return items.slice();
  if (!scope) return [];
  return items.filter((it) => Array.isArray(it[scope.field]) && it[scope.field].includes(scope.id));
}

/**
 * A predicate item → shown? for a state. Entity filters need the item to be
 * linked to the chosen entity; the text filter needs every word somewhere in
 * the item's normalised search text (`norm`).
 */
export function matcher(state) {
  const tokens = queryTokens(state.q);
  return function matches(it) {
    if (!it) return false;
    for (const f of FACETS) {
      if (state[f.key] && !it[f.field].includes(state[f.key])) return false;
    }
    if (state.disputed && it.status !== "disputed") return false;
    return tokens.every((t) => it.norm.includes(t));
  };
}

/** Time order; the id breaks ties so the order (and arrow-key navigation) is stable. */
export function byTime(a, b) {
  return a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * What the timeline shows: { items (in time order), ids (Set), groups (Set of
 * group ids with a shown item), count }.
 */
export function selectVisible(pool, state) {
  const matches = matcher(state);
  const items = pool.filter(matches).sort(byTime);
  return {
    items,
    ids: new Set(items.map((it) => it.id)),
    groups: new Set(items.map((it) => it.group)),
    count: items.length
  };
}

/** Map entity id → number of items of `pool` linked to it through `field`. */
export function facetCounts(pool, field) {
  const counts = new Map();
  for (const it of pool) {
    for (const id of it[field]) counts.set(id, (counts.get(id) || 0) + 1);
  }
  return counts;
}

/**
 * The options of one filter's <select>, after "All …": [{ value, text }] in
 * name order, "Name (count)". Entities with nothing to show are left out,
 * unless selected (a state from the URL must stay visible in the control).
 */
export function facetOptions(entities, counts, selected) {
  return entities
    .filter((e) => counts.has(e.id) || e.id === selected)
    .sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }))
    .map((e) => ({ value: e.id, text: e.name + " (" + (counts.get(e.id) || 0) + ")" }));
}
