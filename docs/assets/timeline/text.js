/*
 * Text helpers shared by the pure modules. No DOM, no vis-timeline: Node's
 * test runner imports this file as it is.
 */

/** null and undefined become "", anything else its string form. */
export function str(v) {
  return v === null || v === undefined ? "" : String(v);
}

// Combining marks that NFKD splits off Latin letters (Ḥ → H + U+0323 ...).
const LATIN_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
// Arabic harakat, Quranic marks and the tatweel (kashida): they change how a
// name is written, not which name it is. The letters themselves stay.
const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
// Apostrophes of transliteration (ʿayn, hamza, …): "Ja'athran" matches "Jaathran".
const APOSTROPHES = /['\u2018\u2019\u02bb\u02bc\u02be\u02bf`\u00b4]/g;
// Anything that is not a letter or a digit in any script separates words.
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/**
 * Lower-case, strip accents/diacritics (Latin and Arabic), transliteration
 * apostrophes and punctuation, so "Ḥaftar", "haftar" and "HAFTAR" match.
 *
 * tests/browser/test_timeline.py has a Python twin, norm(); the cases in
 * tests/js/normalise-cases.json are checked against both, so keep them agreeing.
 */
export function normalise(s) {
  return str(s)
    .normalize("NFKD")
    .replace(LATIN_MARKS, "")
    .replace(ARABIC_MARKS, "")
    .replace(APOSTROPHES, "")
    .toLowerCase()
    .replace(SEPARATORS, " ")
    .trim();
}
