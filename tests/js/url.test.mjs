import { test } from "node:test";
import assert from "node:assert/strict";

import { parseUrlState, parseWindow, serialiseUrlState, URL_PARAMS, windowDays } from "../../docs/assets/timeline/url.js";
import { parseDate, isoDate, dayFloor } from "../../docs/assets/timeline/dates.js";
import { buildModel, knownIds } from "../../docs/assets/timeline/items.js";
import { defaultState, updateState } from "../../docs/assets/timeline/state.js";
import { SITE_ROOT, timelineData } from "./fixture.mjs";

const known = knownIds(buildModel(timelineData(), SITE_ROOT));
const state = (patch) => updateState(defaultState(), patch);
const day = (s) => parseDate(s);

test("an empty query string is the default state and no window", () => {
  assert.deepEqual(parseUrlState("", known), { state: defaultState(), window: null });
});

test("every parameter is read", () => {
  const parsed = parseUrlState("?start=2015-01-01&end=2016-12-31&actor=lna&operation=dignity&place=derna&disputed=1&text=Haftar&selected=ev-1", known);
  assert.deepEqual(parsed.state, { actor: "lna", operation: "dignity", place: "derna", disputed: true, q: "Haftar", selected: "ev-1" });
  assert.equal(isoDate(parsed.window.start), "2015-01-01");
  assert.equal(isoDate(parsed.window.end), "2016-12-31");
});

test("the text filter is text=, never q= (q= opens mkdocs-material's search)", () => {
  assert.equal(parseUrlState("?q=haftar", known).state.q, "");
  assert.equal(parseUrlState("?text=haftar&q=other", known).state.q, "haftar");
  assert.equal(serialiseUrlState("", state({ q: "haftar" }), null), "text=haftar");
  assert.equal(serialiseUrlState("q=search+words", state({ q: "haftar" }), null), "q=search+words&text=haftar");
});

test("selected=__proto__ and selected=constructor are ids like any other", () => {
  assert.equal(parseUrlState("?selected=__proto__", known).state.selected, "__proto__");
  assert.equal(parseUrlState("?selected=constructor", known).state.selected, "constructor");
  const none = { actor: new Set(), operation: new Set(), place: new Set(), selected: new Set(["ev-1"]) };
  assert.equal(parseUrlState("?selected=__proto__", none).state.selected, "");
  assert.equal(parseUrlState("?selected=constructor", none).state.selected, "");
  assert.equal(parseUrlState("?selected=hasOwnProperty", known).state.selected, "");
});

test("actor=toString is kept only when such an actor exists", () => {
  assert.equal(parseUrlState("?actor=toString", known).state.actor, "toString");
  const none = { actor: new Set(["lna"]), operation: new Set(), place: new Set(), selected: new Set() };
  assert.equal(parseUrlState("?actor=toString", none).state.actor, "");
  assert.equal(parseUrlState("?actor=valueOf&place=__proto__&operation=constructor", known).state.actor, "");
  assert.equal(parseUrlState("?place=__proto__", known).state.place, "__proto__");
  assert.equal(parseUrlState("?operation=constructor", known).state.operation, "");
});

test("unknown ids are dropped, and without a list of known ids nothing is trusted", () => {
  assert.equal(parseUrlState("?actor=nobody", known).state.actor, "");
  assert.deepEqual(parseUrlState("?actor=lna&selected=ev-1", undefined).state, defaultState());
});

test("disputed is on for 1 and true only", () => {
  assert.equal(parseUrlState("?disputed=1", known).state.disputed, true);
  assert.equal(parseUrlState("?disputed=true", known).state.disputed, true);
  assert.equal(parseUrlState("?disputed=0", known).state.disputed, false);
  assert.equal(parseUrlState("?disputed=yes", known).state.disputed, false);
});

test("a long text filter is cut to 200 characters", () => {
  assert.equal(parseUrlState("?text=" + "a".repeat(500), known).state.q.length, 200);
});

test("a window needs two real dates, the end after the start", () => {
  assert.equal(parseWindow("2016-01-01", "2015-01-01"), null);
  assert.equal(parseWindow("2016-01-01", "2016-01-01"), null);
  assert.equal(parseWindow("2016-02-31", "2016-03-31"), null);
  assert.equal(parseWindow("2016-01-01", null), null);
  assert.equal(parseWindow("yesterday", "2016-03-31"), null);
  assert.equal(parseUrlState("?start=2016-01-01", known).window, null);
  const w = parseWindow("2016-01-01", "2016-01-02");
  assert.equal(w.end - w.start, 864e5);
});

test("the default state writes no parameters, and removes the old ones", () => {
  assert.equal(serialiseUrlState("", defaultState(), null), "");
  assert.equal(serialiseUrlState("actor=lna&start=2015-01-01&end=2016-01-01&selected=ev-1&disputed=1&text=x", defaultState(), null), "");
});

test("other parameters stay, in their order, before the timeline's", () => {
  assert.equal(serialiseUrlState("?h=derna&actor=old&utm=1", state({ actor: "lna", disputed: true }), null),
    "h=derna&utm=1&actor=lna&disputed=1");
});

test("the window is written as whole days, at least one day long", () => {
  const w = { start: new Date(2015, 0, 1, 13, 30), end: new Date(2016, 11, 31, 23, 59) };
  assert.equal(serialiseUrlState("", defaultState(), w), "start=2015-01-01&end=2016-12-31");
  const short = windowDays({ start: new Date(2015, 0, 1, 9), end: new Date(2015, 0, 1, 18) });
  assert.equal(isoDate(short.start), "2015-01-01");
  assert.equal(isoDate(short.end), "2015-01-02");
});

test("state and window survive a round trip through the query string", () => {
  const cases = [
    state({ actor: "toString", place: "__proto__", selected: "constructor" }),
    state({ operation: "dignity", disputed: true, q: "حفتر & co = 100%", selected: "__proto__" }),
    state({ q: "Ḥaftar's \"forces\" #1 ?x=y" }),
    defaultState()
  ];
  for (const s of cases) {
    const window = { start: day("2014-05-01"), end: day("2016-06-30") };
    const qs = serialiseUrlState("", s, window);
    const back = parseUrlState("?" + qs, known);
    assert.deepEqual(back.state, s, qs);
    assert.equal(isoDate(back.window.start), "2014-05-01");
    assert.equal(isoDate(back.window.end), "2016-06-30");
  }
});

test("URL_PARAMS are exactly the parameters the timeline owns", () => {
  assert.deepEqual([...URL_PARAMS].sort(), ["actor", "disputed", "end", "operation", "place", "selected", "start", "text"]);
});

test("parseDate() reads YYYY-MM-DD as a local day and refuses impossible days", () => {
  const d = parseDate("2016-05-01");
  assert.deepEqual([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()], [2016, 4, 1, 0]);
  assert.equal(parseDate("2016-02-29").getDate(), 29);
  assert.equal(parseDate("2015-02-29"), null);
  assert.equal(parseDate("2016-13-01"), null);
  assert.equal(parseDate("2016-5-1"), null);
  assert.equal(parseDate(undefined), null);
  assert.equal(parseDate("0016-01-01").getFullYear(), 16, "not 1916");
  assert.equal(isoDate(parseDate("0016-01-01")), "0016-01-01");
  assert.equal(dayFloor(new Date(2016, 4, 1, 23, 59)).getTime(), d.getTime());
});
