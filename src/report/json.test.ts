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

  it("an object with only members JSON leaves out is {}", () => {
    const report = { a: { b: undefined }, c: [undefined] };
    expect([...jsonChunks(report)].join("")).toBe('{\n  "a": {},\n  "c": [\n    null\n  ]\n}\n');
  });
});
