import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { normalise, str } from "../../docs/assets/timeline/text.js";

const { cases } = JSON.parse(readFileSync(new URL("./normalise-cases.json", import.meta.url), "utf-8"));

test("normalise() gives the expected text for every shared case (the Python twin is checked on the same file)", () => {
  assert.ok(cases.length >= 20);
  for (const [input, expected] of cases) {
    assert.equal(normalise(input), expected, JSON.stringify(input));
  }
});

test("normalise() ignores case, accents and punctuation", () => {
  assert.equal(normalise("Ḥaftar"), normalise("HAFTAR"));
  assert.equal(normalise("Ajdābiyā"), "ajdabiya");
  assert.equal(normalise("Derna, (2016)!"), "derna 2016");
});

test("Arabic letters pass through normalise() unharmed", () => {
  assert.equal(normalise("حفتر"), "حفتر");
  assert.equal([...normalise("حفتر")].length, 4);
  assert.equal(normalise("خليفة حفتر"), "خليفة حفتر");
  // Harakat and tatweel are dropped, the letters stay.
  assert.equal(normalise("حَفْتَر"), "حفتر");
  assert.equal(normalise("حـفـتـر"), "حفتر");
});

test("normalise() accepts anything", () => {
  assert.equal(normalise(null), "");
  assert.equal(normalise(undefined), "");
  assert.equal(normalise(2016), "2016");
});

test("str() keeps strings and turns null and undefined into empty text", () => {
  assert.equal(str(null), "");
  assert.equal(str(undefined), "");
  assert.equal(str(0), "0");
  assert.equal(str("x"), "x");
});
