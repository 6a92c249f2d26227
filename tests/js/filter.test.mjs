import { test } from "node:test";
import assert from "node:assert/strict";

import {
  byTime, facetCounts, facetOptions, matcher, queryTokens, scopeItems, selectVisible
} from "../../docs/assets/timeline/filter.js";
import { buildModel } from "../../docs/assets/timeline/items.js";
import { defaultState, parseScope, updateState } from "../../docs/assets/timeline/state.js";
import { SITE_ROOT, timelineData } from "./fixture.mjs";

const m = buildModel(timelineData(), SITE_ROOT);
const shown = (patch) => selectVisible(m.items, updateState(defaultState(), patch)).items.map((it) => it.id);

test("with no filter every item is shown, in time order", () => {
  const v = selectVisible(m.items, defaultState());
  assert.deepEqual(v.items.map((it) => it.id), ["ev-1", "constructor", "__proto__", "toString"]);
  assert.equal(v.count, 4);
  assert.ok(v.ids instanceof Set && v.ids.has("__proto__") && !v.ids.has("hasOwnProperty"));
  assert.deepEqual([...v.groups].sort(), ["__other__", "__proto__", "derna", "toString"]);
});

test("the actor, operation and place filters keep the items linked to the entity", () => {
  assert.deepEqual(shown({ actor: "lna" }), ["ev-1", "__proto__"]);
  assert.deepEqual(shown({ actor: "toString" }), ["constructor"]);
  assert.deepEqual(shown({ actor: "constructor" }), ["constructor"]);
  assert.deepEqual(shown({ operation: "dignity" }), ["ev-1", "__proto__"]);
  assert.deepEqual(shown({ place: "constructor" }), ["constructor", "toString"]);
  assert.deepEqual(shown({ place: "__proto__" }), ["__proto__", "toString"]);
  assert.deepEqual(shown({ place: "hasOwnProperty" }), []);
});

test("disputed only keeps the disputed items", () => {
  assert.deepEqual(shown({ disputed: true }), ["constructor"]);
});

test("filters combine: an item must pass all of them", () => {
  assert.deepEqual(shown({ actor: "lna", place: "__proto__" }), ["__proto__"]);
  assert.deepEqual(shown({ actor: "lna", disputed: true }), []);
  assert.deepEqual(shown({ place: "constructor", q: "undated" }), ["toString"]);
});

test("the text filter is case-, accent- and punctuation-insensitive", () => {
  assert.deepEqual(shown({ q: "haftar" }), ["ev-1"]);
  assert.deepEqual(shown({ q: "HAFTAR" }), ["ev-1"]);
  assert.deepEqual(shown({ q: "Ḥaftar!" }), ["ev-1"]);
  assert.deepEqual(shown({ q: "constructor-city" }), ["constructor"]);
});

test("the text filter needs every word, anywhere in terms, title or date", () => {
  assert.deepEqual(shown({ q: "dignity lna" }), ["ev-1"]);
  assert.deepEqual(shown({ q: "dignity zzqx" }), []);
  assert.deepEqual(shown({ q: "may 2014" }), ["ev-1"]);
  assert.deepEqual(shown({ q: "brigade" }), ["constructor"]);
});

test("the text filter finds Arabic names, with or without harakat", () => {
  assert.deepEqual(shown({ q: "حفتر" }), ["ev-1"]);
  assert.deepEqual(shown({ q: "حَفْتَر" }), ["ev-1"]);
  assert.deepEqual(queryTokens("خليفة حفتر"), ["خليفة", "حفتر"]);
});

test("queryTokens() drops empty text", () => {
  assert.deepEqual(queryTokens("  ,. "), []);
  assert.deepEqual(queryTokens("Al-Bunyan"), ["al", "bunyan"]);
});

test("matcher() refuses a missing item", () => {
  assert.equal(matcher(defaultState())(undefined), false);
  assert.equal(matcher(defaultState())(m.byId.get("constructor")), true);
});

test("scopeItems(): everything on the main timeline, the entity's items on its page", () => {
  assert.equal(scopeItems(m.items, false, null).length, 4);
  assert.notEqual(scopeItems(m.items, false, null), m.items, "a copy");
  assert.deepEqual(scopeItems(m.items, true, parseScope("place:constructor")).map((it) => it.id), ["constructor", "toString"]);
  assert.deepEqual(scopeItems(m.items, true, parseScope("actor:__proto__")).map((it) => it.id), []);
  assert.deepEqual(scopeItems(m.items, true, null), [], "an unreadable scope shows nothing");
});

test("facetCounts() counts items per entity in a Map, whatever the ids", () => {
  const counts = facetCounts(m.items, "places");
  assert.ok(counts instanceof Map);
  assert.equal(counts.get("constructor"), 2);
  assert.equal(counts.get("__proto__"), 2);
  assert.equal(counts.get("derna"), 1);
  assert.equal(counts.has("toString"), false);
});

test("facetOptions() labels entities with ids like constructor as name and count", () => {
  const places = facetOptions(m.places, facetCounts(m.items, "places"), "");
  assert.deepEqual(places, [
    { value: "constructor", text: "Constructor City (2)" },
    { value: "derna", text: "Derna (1)" },
    { value: "__proto__", text: "Proto Town (2)" }
  ]);
  const actors = facetOptions(m.actors, facetCounts(m.items, "actors"), "");
  assert.deepEqual(actors.map((o) => o.text), ["constructor corps (1)", "Libyan National Army (2)", "To String Brigade (1)"]);
  for (const o of [...places, ...actors]) assert.match(o.text, /^[^()]+ \(\d+\)$/);
});

test("facetOptions() leaves out entities with nothing to show, unless selected", () => {
  const counts = facetCounts(m.items, "actors");
  assert.equal(facetOptions(m.actors, counts, "").some((o) => o.value === "unused"), false);
  assert.deepEqual(facetOptions(m.actors, counts, "unused").find((o) => o.value === "unused"), { value: "unused", text: "Unused Militia (0)" });
  // On an entity page's pool, toString has no item: no option, not "function toString() …".
  const onePool = facetCounts([m.byId.get("ev-1")], "actors");
  assert.deepEqual(facetOptions(m.actors, onePool, "").map((o) => o.value), ["lna"]);
});

test("byTime() orders by start, then by id", () => {
  const a = { id: "a", start: new Date(2016, 0, 1) };
  const b = { id: "b", start: new Date(2016, 0, 1) };
  const c = { id: "c", start: new Date(2015, 0, 1) };
  assert.deepEqual([b, a, c].sort(byTime).map((x) => x.id), ["c", "a", "b"]);
});
