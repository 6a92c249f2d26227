/*
 * Calendar dates as the timeline uses them: local midnight, "YYYY-MM-DD" in
 * timeline.json and in the query string. Pure; no DOM.
 */

export const DAY = 864e5;

function pad(n, width) {
  return String(n).padStart(width, "0");
}

/** "2016-05-01" → Date at local midnight; anything else (or 2016-02-31) → null. */
export function parseDate(s) {
  const m = /^(-?\d{1,6})-(\d{2})-(\d{2})$/.exec(s === null || s === undefined ? "" : String(s));
  if (!m) return null;
  const d = new Date(2000, 0, 1);
  // setFullYear, not the constructor: new Date(16, …) would mean 1916.
  d.setFullYear(+m[1], +m[2] - 1, +m[3]);
  d.setHours(0, 0, 0, 0);
  if (d.getMonth() !== +m[2] - 1) return null; // the day overflowed into the next month
  return d;
}

/** Date → "YYYY-MM-DD" (local calendar day). */
export function isoDate(d) {
  return pad(d.getFullYear(), 4) + "-" + pad(d.getMonth() + 1, 2) + "-" + pad(d.getDate(), 2);
}

/** The local midnight that starts the day of d (a Date or a timestamp). */
export function dayFloor(d) {
  const x = new Date(d);
  x.setHours(0, 0, 0, 0);
  return x;
}
