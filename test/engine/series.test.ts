// The report's daily and monthly series: the same days, waivers and validity as the engine, so the charts
// add up to the table's figures.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addStationDay, createAirStore } from "../../src/data/air-store.js";
import type { AirMetricContext } from "../../src/metrics/air/context.js";
import { check } from "../../src/check.js";
import { type EvaluatedData } from "../../src/engine/check.js";
import { dailySeries, monthlySeries, windowMonths } from "../../src/engine/series.js";
import type { DailyValues } from "../../src/methods/air.js";
import { roundGbt8170 } from "../../src/methods/rounding.js";
import { ROOT } from "../helpers/run-cli.js";

const CLEAN: DailyValues = { SO2: 10, NO2: 20, PM10: 40, "PM2.5": 30, CO: 0.8, O3_8h: 90 }; // AQI 45 (O3 8 h)
const POLLUTED: DailyValues = { ...CLEAN, "PM2.5": 80 }; // IAQI 107

function context(days: Record<string, DailyValues>, extra: Partial<AirMetricContext> = {}): AirMetricContext {
  const store = createAirStore();
  for (const [date, values] of Object.entries(days))
    addStationDay(store, "A", date, "S1", { values: { ...values }, file: "t.csv", line: 2 });
  return {
    store,
    year: 2019,
    window: { from: "2019-01-01", to: "2019-12-31" },
    waivers: [],
    edition: "HJ633-2012",
    dayValidity: "complete-or-exceeding",
    ...extra,
  };
}

describe("windowMonths", () => {
  it("gives every month the window touches with its days inside the window", () => {
    expect(windowMonths({ from: "2019-01-01", to: "2019-12-31" })).toHaveLength(12);
    expect(windowMonths({ from: "2019-02-10", to: "2019-04-05" })).toEqual([
      { month: "2019-02", days: 19 },
      { month: "2019-03", days: 31 },
      { month: "2019-04", days: 5 },
    ]);
    expect(windowMonths({ from: "2020-02-01", to: "2020-02-29" })).toEqual([{ month: "2020-02", days: 29 }]);
  });
});

describe("dailySeries and monthlySeries", () => {
  it("give each day its AQI and category, and each month its means, valid and good days", () => {
    const ctx = context({
      "2019-01-01": CLEAN,
      "2019-01-02": POLLUTED,
      "2019-01-03": { "PM2.5": 30 }, // incomplete and not exceeding: no valid day
      "2019-02-01": POLLUTED,
    });
    const days = dailySeries(ctx, "A");
    expect(days.map((d) => [d.date, d.aqi, d.category, d.valid])).toEqual([
      ["2019-01-01", 45, "excellent", true],
      ["2019-01-02", 107, "light", true],
      ["2019-01-03", 43, "excellent", false],
      ["2019-02-01", 107, "light", true],
    ]);
    const months = monthlySeries(days, { from: "2019-01-01", to: "2019-03-31" });
    expect(months.map((m) => m.month)).toEqual(["2019-01", "2019-02", "2019-03"]);
    expect(months[0]).toMatchObject({ days: 31, dataDays: 3, validDays: 2, goodDays: 1, goodRate: 50 });
    expect(months[0]!.means["PM2.5"]).toBeCloseTo((30 + 80 + 30) / 3, 12);
    expect(months[0]!.meanDays).toMatchObject({ "PM2.5": 3, PM10: 2 });
    expect(months[1]).toMatchObject({ validDays: 1, goodDays: 0, goodRate: 0 });
    expect(months[2]).toMatchObject({ days: 31, dataDays: 0, validDays: 0, goodRate: null, means: {} });
  });

  it("leave out days outside the window and what a waiver excludes, as the targets do", () => {
    const waiver = { id: "w", reason: "dust", from: "2019-01-02", to: "2019-01-02", expires: "2099-12-31" };
    const ctx = context(
      { "2018-12-31": POLLUTED, "2019-01-01": POLLUTED, "2019-01-02": POLLUTED, "2019-01-03": POLLUTED },
      {
        window: { from: "2019-01-01", to: "2019-12-31" },
        waivers: [
          waiver,
          { ...waiver, id: "pm", from: "2019-01-03", to: "2019-01-03", pollutants: ["PM2.5"] },
        ],
      },
    );
    const days = dailySeries(ctx, "A");
    expect(days.map((d) => d.date)).toEqual(["2019-01-01", "2019-01-03"]);
    // Without PM2.5 the 3rd is clean (AQI 45) but incomplete: not a valid day under the default rule.
    expect(days[1]).toMatchObject({ aqi: 45, valid: false });
    expect(days[1]!.values["PM2.5"]).toBeUndefined();
  });

  it("add up to the engine's figures on the fixture year (good days, valid days, annual means)", async () => {
    const seen: { data?: EvaluatedData } = {};
    const report = await check([join(ROOT, "fixtures/hengyang-2019-daily.csv")], {
      onEvaluated: (data) => (seen.data = data),
    });
    const data = seen.data!;
    const days = dailySeries(data.air, "市城区");
    const months = monthlySeries(days, report.window);
    const rate = report.results.find((r) => r.id === "air.urban.good_rate")!;
    expect(months.reduce((n, m) => n + m.goodDays, 0)).toBe(rate.detail.goodDays);
    expect(months.reduce((n, m) => n + m.validDays, 0)).toBe(rate.validDays);
    for (const [id, p] of [
      ["air.urban.pm25", "PM2.5"],
      ["air.urban.pm10", "PM10"],
    ] as const) {
      const values = days.map((d) => d.values[p]).filter((v): v is number => v !== undefined);
      const annual = values.reduce((a, b) => a + b, 0) / values.length;
      expect(roundGbt8170(annual, 0)).toBe(report.results.find((r) => r.id === id)!.actual);
      const weighted = months.reduce((sum, m) => sum + (m.means[p] ?? 0) * (m.meanDays[p] ?? 0), 0);
      expect(weighted / values.length).toBeCloseTo(annual, 9);
    }
  });
});
