import { describe, expect, it } from "vitest";
import { jsonChunks } from "./json.js";

/** The reference: the whole report as one JSON.stringify, as `-f json` has always written it. */
const whole = (value: object) => `${JSON.stringify(value, null, 2)}\n`;

describe("jsonChunks", () => {
  it("gives JSON.stringify's text for every kind of member, at every depth", () => {
    const report = {
      schemaVersion: 1,
      title: '衡阳市 2019 "quoted"\nline',
      empty: {},
      none: [],
      nothing: null,
      skipped: undefined,
      fn: () => 1,
      when: new Date(Date.UTC(2019, 0, 2)),
      custom: { toJSON: () => ({ as: "custom" }) },
      map: new Map([["a", 1]]),
      bare: Object.assign(Object.create(null) as object, { x: 1 }),
      list: [1, undefined, () => 2, { a: [{ b: { c: { d: [1, { e: "deep\nline" }] } } }] }, [], {}],
      inputs: [
        {
          capture: [
            { station: "S1", validHours: { SO2: 1, NO2: 2 } },
            { station: "S2", empty: [] },
          ],
        },
      ],
    };
    expect([...jsonChunks(report)].join("")).toBe(whole(report));
  });

  it("writes a large report in several pieces that join to the same text", () => {
    const report = {
      results: Array.from({ length: 5000 }, (_, i) => ({
        id: `r${i}`,
        actual: i / 7,
        detail: { areas: [i] },
      })),
    };
    const pieces = [...jsonChunks(report)];
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join("")).toBe(whole(report));
  });

  it("writes long runs of deep elements (more than one run's worth) as JSON.stringify does", () => {
    // Station-months sit four deep (report.inputs[0].capture[i]): written in runs, not one by one.
    const capture = Array.from({ length: 700 }, (_, i) =>
      i % 97 === 5
        ? undefined
        : {
            station: `S${i}`,
            note: i % 50 === 0 ? "two\nlines" : "",
            hours: { SO2: i, empty: [] },
            list: [i, [i]],
          },
    );
    const report = { inputs: [{ capture }], mixed: [[1, { a: [2, 3] }], 4, "x", [], {}, { b: { c: [5] } }] };
    const pieces = [...jsonChunks(report)];
    expect(pieces.join("")).toBe(whole(report));
    // The runs are cut into pieces of about 64 Ki characters like everything else.
    expect(pieces.length).toBeGreaterThan(1);
  });

  it("writes runs of members in their order, integer keys and __proto__ included", () => {
    const member = JSON.parse('{"b": 1, "10": 2, "__proto__": 5, "2": "s\\nt", "a": null}') as object;
    const report = {
      top: member,
      deep: { deeper: { deepest: { member, gone: undefined, fn: () => 1, last: [1, 2] } } },
      mixed: { a: 1, laid: { b: 2 }, c: undefined, d: [3], e: undefined },
      onlyGone: { x: { y: { z: undefined } } },
    };
    expect([...jsonChunks(report)].join("")).toBe(whole(report));
  });

  it("an object with only members JSON leaves out is {}", () => {
    const report = { a: { b: undefined }, c: [undefined] };
    expect([...jsonChunks(report)].join("")).toBe('{\n  "a": {},\n  "c": [\n    null\n  ]\n}\n');
  });
});
