import { describe, expect, it } from "vitest";
import { addStationDay, createAirStore, type AirStore } from "../../src/data/air-store.js";
import { countedDays, type AirMetricContext } from "../../src/metrics/air/context.js";
import type { Waiver } from "../../src/targets/waiver.js";
import { annualMeanOf as annualMean } from "../../src/metrics/air/annual-mean.js";
import { goodDayRate } from "../../src/metrics/air/good-rate.js";
import { airMetricOverScope } from "../../src/metrics/air/scope.js";
import { metricDefinition } from "../../src/metrics/index.js";
import type { DailyValues, DayValidityRule } from "../../src/methods/air.js";
import { parseTargetFile } from "../../src/targets/parse.js";

function datesOf2019(): string[] {
  const dates: string[] = [];
  for (let d = new Date(Date.UTC(2019, 0, 1)); d.getUTCFullYear() === 2019; d.setUTCDate(d.getUTCDate() + 1))
    dates.push(d.toISOString().slice(0, 10));
  return dates;
}

const CLEAN: DailyValues = { SO2: 10, NO2: 20, PM10: 40, "PM2.5": 30, CO: 0.8, O3_8h: 90 }; // AQI 47
const POLLUTED: DailyValues = { ...CLEAN, "PM2.5": 80 }; // PM2.5 80 -> IAQI 107

function store(
  area: string,
  valuesOn: (date: string, index: number) => DailyValues | undefined,
  into = createAirStore(),
): AirStore {
  datesOf2019().forEach((date, i) => {
    const values = valuesOn(date, i);
    if (values) addStationDay(into, area, date, "S1", { values, file: "t.csv", line: i + 2 });
  });
  return into;
}

const ctx = (s: AirStore, dayValidity: DayValidityRule = "complete-or-exceeding"): AirMetricContext => ({
  store: s,
  year: 2019,
  window: { from: "2019-01-01", to: "2019-12-31" },
  waivers: [],
  edition: "HJ633-2012",
  dayValidity,
});

describe("goodDayRate", () => {
  it("73 polluted days of 365 give exactly 80.0 % (292/365)", () => {
    const s = store("A", (_d, i) => (i < 73 ? POLLUTED : CLEAN));
    const r = goodDayRate(ctx(s), "A");
    expect(r.actual).toBe(80);
    expect(r.goodDays).toBe(292);
    expect(r.validDays).toBe(365);
    expect(r.sufficient).toBe(true);
  });

  it("counts an incomplete day by the target file's dayValidity rule", () => {
    // 360 complete clean days, plus 5 days with PM2.5 only: 80 (AQI 107) on 2 and 30 (AQI 43) on 3.
    const s = store("A", (_d, i) => (i < 2 ? { "PM2.5": 80 } : i < 5 ? { "PM2.5": 30 } : CLEAN));
    // complete-or-exceeding: the 2 polluted days count, the 3 clean partial days do not: 360 / 362.
    expect(goodDayRate(ctx(s), "A").validDays).toBe(362);
    expect(goodDayRate(ctx(s), "A").raw).toBeCloseTo((360 / 362) * 100, 10);
    // complete: only the 360 complete days: 100 %.
    expect(goodDayRate(ctx(s, "complete"), "A").actual).toBe(100);
    // any: all 365 days, 363 good: 99.452... -> 99.5.
    expect(goodDayRate(ctx(s, "any"), "A").actual).toBe(99.5);
  });

  it("is no-data with the short months when February has 24 valid days", () => {
    // Feb 2019 has 28 days; drop Feb 1-4 (dates 31..34 of the year).
    const s = store("A", (_d, i) => (i >= 31 && i < 35 ? undefined : CLEAN));
    const r = goodDayRate(ctx(s), "A");
    expect(r.sufficient).toBe(false);
    expect(r.validDays).toBe(361);
    expect(r.shortMonths).toEqual([{ month: 2, days: 24, required: 25 }]);
    expect(r.actual).toBe(100); // still carried for information
  });

  it("accepts a February with 25 valid days", () => {
    const s = store("A", (_d, i) => (i >= 31 && i < 34 ? undefined : CLEAN));
    expect(goodDayRate(ctx(s), "A").sufficient).toBe(true);
  });
});

describe("annualMean", () => {
  it("averages the daily values of the area and rounds once, half to even", () => {
    // 182 days of 42 and 183 days of 43: (182*42 + 183*43) / 365 = 42.50137 -> 43 (above the half).
    const s = store("A", (_d, i) => ({ ...CLEAN, "PM2.5": i < 182 ? 42 : 43 }));
    const r = annualMean(ctx(s), "A", "PM2.5");
    expect(r.raw).toBeCloseTo((182 * 42 + 183 * 43) / 365, 12);
    expect(r.actual).toBe(43);
  });

  it("takes the area daily value as the mean over the stations that have the pollutant", () => {
    const s = createAirStore();
    for (const date of datesOf2019()) {
      addStationDay(s, "A", date, "S1", { values: { "PM2.5": 40 }, file: "t", line: 1 });
      addStationDay(s, "A", date, "S2", { values: { "PM2.5": 45 }, file: "t", line: 1 });
      addStationDay(s, "A", date, "S3", { values: {}, file: "t", line: 1 }); // no PM2.5 that day: not a zero
    }
    expect(annualMean(ctx(s), "A", "PM2.5").raw).toBe(42.5);
    expect(annualMean(ctx(s), "A", "PM2.5").actual).toBe(42); // 42.5 -> 42, half to even
  });

  it("ignores days outside the plan year", () => {
    const s = store("A", () => ({ "PM2.5": 40 }));
    addStationDay(s, "A", "2018-12-31", "S1", { values: { "PM2.5": 400 }, file: "t", line: 1 });
    expect(annualMean(ctx(s), "A", "PM2.5").raw).toBe(40);
  });
});

const plan = parseTargetFile(
  `
schemaVersion: 1
plan: { title: { zh: 计划, en: Plan }, year: 2019, issuer: x, seed: plan.txt }
areas:
  - { id: A, kind: county }
  - { id: B, kind: county }
targets:
  - id: air.counties.pm25
    title: { zh: 县, en: counties }
    source: { clause: x, text: x }
    metric: { name: air.annual_mean, pollutant: PM2.5 }
    scope: { areaKind: county, combine: mean }
    op: "<="
    value: 41
    unit: ug/m3
`,
  "inline.yaml",
);
const countiesTarget = plan.targets[0]!;
const airDefinition = metricDefinition(countiesTarget.metric);
if (airDefinition.family !== "air") throw new Error("an air metric");
/** The counties' PM2.5 target of the plan above, over a store. */
const countiesPm25 = (s: AirStore) =>
  airMetricOverScope(ctx(s), airDefinition, countiesTarget.metric, countiesTarget.scope ?? {}, plan);

describe("airMetric over counties", () => {
  it("averages the unrounded county values and rounds once (40.5 and 42.5 -> 41.5 -> 42)", () => {
    const s = store("A", () => ({ "PM2.5": 40.5 }));
    store("B", () => ({ "PM2.5": 42.5 }), s);
    const r = countiesPm25(s);
    // Rounding each county first would give (40 + 42) / 2 = 41 and hide the miss.
    expect(r.actual).toBe(42);
    expect(r.areas?.map((a) => [a.area, a.actual])).toEqual([
      ["A", 40],
      ["B", 42],
    ]);
    expect(r.sufficient).toBe(true);
  });

  it("is insufficient when one county has no data, naming it", () => {
    const s = store("A", () => ({ "PM2.5": 40 }));
    const r = countiesPm25(s);
    expect(r.sufficient).toBe(false);
    expect(r.reasonCode).toBe("areas-insufficient");
    expect(r.reasonParams?.areas).toBe("B (0)");
    expect(r.actual).toBe(40);
  });
});

describe("countedDays", () => {
  const waiver = (w: Partial<Waiver>): Waiver => ({
    id: "w",
    reason: "sand",
    from: "2019-03-10",
    to: "2019-03-12",
    expires: "2099-01-01",
    ...w,
  });
  const march = (waivers: Waiver[]): AirMetricContext => ({
    ...ctx(createAirStore()),
    window: { from: "2019-03-01", to: "2019-03-31" },
    waivers,
  });

  it("is every day of the window without a waiver: 365 in 2019, 31 in March", () => {
    expect(countedDays(ctx(createAirStore()), "A")).toBe(365);
    expect(countedDays(march([]), "A")).toBe(31);
  });

  it("leaves out the days a waiver of whole days covers in the area, and only those", () => {
    // 10, 11, 12 March waived: 31 - 3.
    expect(countedDays(march([waiver({})]), "A")).toBe(28);
    expect(countedDays(march([waiver({ areas: ["A"] })]), "A")).toBe(28);
    // Another area's waiver, or one of some pollutants only, leaves every day counted.
    expect(countedDays(march([waiver({ areas: ["B"] })]), "A")).toBe(31);
    expect(countedDays(march([waiver({ pollutants: ["PM10"] })]), "A")).toBe(31);
    // A waiver from 28 February to 2 March covers the window's first two days.
    expect(countedDays(march([waiver({ from: "2019-02-28", to: "2019-03-02" })]), "A")).toBe(29);
  });
});
