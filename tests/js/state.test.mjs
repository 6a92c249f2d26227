import { test } from "node:test";
import assert from "node:assert/strict";

import {
  activeFilterCount, clearFilters, defaultState, FACETS, parseScope, updateState
} from "../../docs/assets/timeline/state.js";

test("the default state filters nothing and selects nothing", () => {
  assert.deepEqual(defaultState(), { actor: "", operation: "", place: "", disputed: false, q: "", selected: "" });
});

test("every call gives a fresh default state", () => {
  const a = defaultState();
  a.actor = "lna";
  assert.equal(defaultState().actor, "");
});

test("updateState() returns a new state and leaves the old one alone", () => {
  const before = defaultState();
  const after = updateState(before, { actor: "lna", disputed: 1 });
  assert.equal(after.actor, "lna");
  assert.equal(after.disputed, true);
  assert.equal(before.actor, "");
  assert.notEqual(after, before);
});

test("updateState() keeps only the state's own keys, even from hostile JSON", () => {
  const patch = JSON.parse('{"__proto__": {"polluted": true}, "constructor": "x", "place": "constructor", "extra": 1}');
  const next = updateState(defaultState(), patch);
  assert.deepEqual(Object.keys(next).sort(), ["actor", "disputed", "operation", "place", "q", "selected"]);
  assert.equal(next.place, "constructor");
  assert.equal(Object.getPrototypeOf(next), Object.prototype);
  assert.equal(({}).polluted, undefined);
  assert.equal(next.polluted, undefined);
});

test("updateState() coerces values to the key's type", () => {
  const next = updateState(defaultState(), { actor: null, selected: 12, disputed: "" });
  assert.equal(next.actor, "");
  assert.equal(next.selected, "12");
  assert.equal(next.disputed, false);
});

test("clearFilters() turns every filter off and keeps the selection", () => {
  const busy = updateState(defaultState(), { actor: "a", operation: "o", place: "p", disputed: true, q: "derna", selected: "ev-1" });
  assert.deepEqual(clearFilters(busy), Object.assign(defaultState(), { selected: "ev-1" }));
});

test("activeFilterCount() counts each filter that is on", () => {
  assert.equal(activeFilterCount(defaultState()), 0);
  assert.equal(activeFilterCount(updateState(defaultState(), { actor: "a", q: "x", selected: "ev-1" })), 2);
  assert.equal(activeFilterCount(updateState(defaultState(), { actor: "a", operation: "o", place: "p", disputed: true, q: "x" })), 5);
});

test("parseScope() reads data-scope", () => {
  assert.deepEqual(parseScope("actor:lna"), { field: "actors", id: "lna" });
  assert.deepEqual(parseScope(" place:constructor "), { field: "places", id: "constructor" });
  assert.deepEqual(parseScope("operation:a:b"), { field: "operations", id: "a:b" });
  assert.equal(parseScope("event:ev-1"), null);
  assert.equal(parseScope("actor:"), null);
  assert.equal(parseScope(null), null);
});

test("FACETS names each filter's state key, item field and data list", () => {
  assert.deepEqual(FACETS.map((f) => [f.key, f.field, f.list]),
    [["actor", "actors", "actors"], ["operation", "operations", "operations"], ["place", "places", "places"]]);
  assert.ok(Object.isFrozen(FACETS) && FACETS.every(Object.isFrozen));
});
