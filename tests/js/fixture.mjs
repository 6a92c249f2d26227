// A small timeline.json for the unit tests, with the hostile ids the app must
// survive: items, groups, actors and places named after Object.prototype
// properties ("constructor", "__proto__", "toString").
export const SITE_ROOT = new URL("https://example.org/record/");

export function timelineData() {
  return {
    version: 1,
    groups: [
      { id: "derna", label: "Derna and its surroundings", order: 1 },
      { id: "__proto__", label: "Proto row", order: 2 },
      { id: "derna", label: "A duplicate group, ignored", order: 9 }
    ],
    actors: [
      { id: "lna", name: "Libyan National Army", aliases: ["LNA"] },
      { id: "toString", name: "To String Brigade" },
      { id: "constructor", name: "constructor corps" },
      { id: "unused", name: "Unused Militia" }
    ],
    operations: [{ id: "dignity", name: "Operation Dignity" }],
    places: [
      { id: "constructor", name: "Constructor City" },
      { id: "derna", name: "Derna" },
      { id: "__proto__", name: "Proto Town" }
    ],
    items: [
      {
        id: "ev-1", kind: "event", title: "Ḥaftar announces Operation Dignity", date_label: "16 May 2014",
        start: "2014-05-16", group: "derna", url: "events/ev-1/", status: "established",
        actors: ["lna"], operations: ["dignity"], places: ["derna"],
        terms: "khalifa haftar حفتر lna libyan national army"
      },
      {
        id: "constructor", kind: "event", title: "Clashes in Constructor City", date_label: "January 2015",
        start: "2015-01-01", group: "__proto__", url: "events/constructor/", status: "disputed", precision: "month",
        actors: ["toString", "constructor"], operations: [], places: ["constructor"], terms: "to string brigade"
      },
      {
        id: "__proto__", kind: "operation", title: "Operation Proto", date_label: "March to June 2016",
        start: "2016-03-01", end: "2016-06-01", group: "toString", url: "javascript:alert(1)", status: "established",
        actors: ["lna"], operations: ["dignity"], places: ["__proto__"], uncertain: true, terms: ""
      },
      {
        id: "toString", kind: "event", title: "An undated-group event", date_label: "2017",
        start: "2017-01-01", end: "2016-01-01", group: null, status: "established", approximate: true,
        actors: [], operations: [], places: ["constructor", "__proto__"], terms: ""
      },
      { id: "bad-date", title: "No such day", start: "2016-02-31", group: "derna" },
      { id: "no-start", title: "No start", group: "derna" },
      { title: "No id", start: "2016-01-01" },
      { id: "ev-1", title: "A duplicate id, ignored", start: "2013-01-01", group: "derna" }
    ]
  };
}
