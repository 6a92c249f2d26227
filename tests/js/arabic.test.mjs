// The timeline's text filter finds Arabic names: the generator puts each linked record's `name_ar` in an
// item's terms (build_site/timeline.py), and normalise() keeps Arabic letters while dropping harakat.
import { test } from "node:test";
import assert from "node:assert/strict";

import { selectVisible } from "../../docs/assets/timeline/filter.js";
import { buildModel } from "../../docs/assets/timeline/items.js";
import { defaultState, updateState } from "../../docs/assets/timeline/state.js";
import { normalise } from "../../docs/assets/timeline/text.js";

const data = {
  version: 1,
  groups: [{ id: "derna", label: "Derna and its surroundings", order: 1 }],
  items: [
    { id: "dignity-begins", kind: "event", title: "Operation Dignity begins", url: "events/dignity-begins/",
      date: "2014-05-16", date_label: "16 May 2014", start: "2014-05-16", end: null, precision: "day",
      approximate: false, uncertain: false, status: "disputed", group: "derna", actors: ["khalifa-haftar"],
      operations: [], places: [], terms: "operation dignity begins khalifa haftar خليفة حفتر" },
    { id: "shura-formed", kind: "event", title: "Shura council formed", url: "events/shura-formed/",
      date: "2014-12", date_label: "December 2014", start: "2014-12-01", end: "2015-01-01", precision: "month",
      approximate: true, uncertain: false, status: "established", group: "derna", actors: ["dmsc"],
      operations: [], places: [], terms: "shura council formed مجلس شورى مجاهدي درنة" },
  ],
  actors: [], operations: [], places: [],
};
const model = buildModel(data, "/");
const shown = (q) => selectVisible(model.items, updateState(defaultState(), { q })).items.map((it) => it.id);

test("an Arabic name finds the items it is linked to", () => {
  assert.deepEqual(shown("حفتر"), ["dignity-begins"]);
  assert.deepEqual(shown("خليفة حفتر"), ["dignity-begins"]);
  assert.deepEqual(shown("درنة"), ["shura-formed"]);
});

test("harakat, tatweel and hamza forms in the query do not stop the match", () => {
  assert.deepEqual(shown("حَفْتَر"), ["dignity-begins"]);
  assert.deepEqual(shown("حـفـتـر"), ["dignity-begins"]);
  assert.equal(normalise("أحمد"), normalise("احمد"));
});

test("Latin spellings still match alongside", () => {
  assert.deepEqual(shown("Haftar"), ["dignity-begins"]);
  assert.deepEqual(shown("Ḥaftar حفتر"), ["dignity-begins"]);
});
