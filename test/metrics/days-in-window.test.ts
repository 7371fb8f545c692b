// The daily values every air metric reads: kept per area while the store is unchanged (every target of every
// area reads them), emptied when a value is added, and never changed by a waiver, which takes its pollutants
// out of a copy (issue 21: the national file's 2,590 results read each area's 365 days seven times).
import { describe, expect, it } from "vitest";
import { addStationDay, createAirStore, sharedDailyValues } from "../../src/data/air-store.js";
import { daysInWindow, type AirMetricContext } from "../../src/metrics/air/context.js";

const DAY = { SO2: 10, NO2: 20, PM10: 40, "PM2.5": 30, CO: 0.8, O3_8h: 90 };

function context(): AirMetricContext {
  const store = createAirStore();
  addStationDay(store, "A", "2019-03-01", "S1", { values: { ...DAY }, file: "t.csv", line: 2 });
  addStationDay(store, "A", "2019-03-02", "S1", { values: { ...DAY, "PM2.5": 50 }, file: "t.csv", line: 3 });
  return {
    store,
    year: 2019,
    dayValidity: "complete-or-exceeding",
    window: { from: "2019-01-01", to: "2019-12-31" },
    waivers: [],
    edition: "HJ633-2012",
  };
}

describe("the daily values air metrics read", () => {
  it("are kept until a value is added, then read again", () => {
    const ctx = context();
    const first = sharedDailyValues(ctx.store, "A");
    expect(sharedDailyValues(ctx.store, "A")).toBe(first);
    addStationDay(ctx.store, "A", "2019-03-03", "S1", { values: { ...DAY }, file: "t.csv", line: 4 });
    const after = sharedDailyValues(ctx.store, "A");
    expect(after).not.toBe(first);
    expect([...after.days.keys()]).toEqual(["2019-03-01", "2019-03-02", "2019-03-03"]);
  });

  it("lose a waived pollutant in a copy: the next target reads the day whole", () => {
    const ctx = context();
    const waived: AirMetricContext = {
      ...ctx,
      waivers: [
        {
          id: "w",
          reason: "dust",
          from: "2019-03-02",
          to: "2019-03-02",
          expires: "2030-01-01",
          pollutants: ["PM2.5"],
        },
      ],
    };
    expect(daysInWindow(waived, "A").get("2019-03-02")).toEqual({ ...DAY, "PM2.5": undefined });
    expect(daysInWindow(ctx, "A").get("2019-03-02")?.["PM2.5"]).toBe(50);
  });

  it("are the shared days themselves when the window holds them all and nothing is waived", () => {
    const ctx = context();
    expect(daysInWindow(ctx, "A")).toBe(sharedDailyValues(ctx.store, "A").days);
    // A window that cuts them: only the days inside it.
    const march1: AirMetricContext = { ...ctx, window: { from: "2019-01-01", to: "2019-03-01" } };
    expect([...daysInWindow(march1, "A").keys()]).toEqual(["2019-03-01"]);
    const march2: AirMetricContext = { ...ctx, window: { from: "2019-03-02", to: "2019-12-31" } };
    expect([...daysInWindow(march2, "A").keys()]).toEqual(["2019-03-02"]);
  });

  it("lose a day a whole-day waiver covers, and keep the others", () => {
    const ctx = context();
    const waived: AirMetricContext = {
      ...ctx,
      waivers: [{ id: "w", reason: "dust", from: "2019-03-01", to: "2019-03-01", expires: "2030-01-01" }],
    };
    expect([...daysInWindow(waived, "A").keys()]).toEqual(["2019-03-02"]);
    expect([...daysInWindow(ctx, "A").keys()]).toEqual(["2019-03-01", "2019-03-02"]);
  });
});
