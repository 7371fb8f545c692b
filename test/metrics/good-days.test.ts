// air.good_days: the count of good days (优良天数), the metric added as one file plus one registry line.
import { describe, expect, it } from "vitest";
import { addStationDay, createAirStore } from "../../src/data/air-store.js";
import type { DailyValues } from "../../src/methods/air.js";
import type { AirMetricContext } from "../../src/metrics/air/context.js";
import { goodDays, goodDaysProjection } from "../../src/metrics/air/good-days.js";
import { metricDefinition } from "../../src/metrics/index.js";
import { parseTargetFile } from "../../src/targets/parse.js";

const CLEAN: DailyValues = { SO2: 10, NO2: 20, PM10: 40, "PM2.5": 30, CO: 0.8, O3_8h: 90 }; // AQI 45 (O3 8 h)
const POLLUTED: DailyValues = { ...CLEAN, "PM2.5": 80 }; // PM2.5 80 -> IAQI 107: not good

function ctxWith(days: (index: number) => DailyValues | undefined, to = "2019-12-31"): AirMetricContext {
  const store = createAirStore();
  for (let i = 0; i < 365; i++) {
    const date = new Date(Date.UTC(2019, 0, 1 + i)).toISOString().slice(0, 10);
    const values = days(i);
    if (values) addStationDay(store, "A", date, "S1", { values, file: "t.csv", line: i + 2 });
  }
  return {
    store,
    year: 2019,
    dayValidity: "complete-or-exceeding",
    window: { from: "2019-01-01", to },
    waivers: [],
    edition: "HJ633-2012",
  };
}

describe("air.good_days", () => {
  it("counts 300 good days when 65 of 365 have PM2.5 80 (IAQI 107)", () => {
    const r = goodDays.perArea(
      ctxWith((i) => (i < 65 ? POLLUTED : CLEAN)),
      "A",
      { name: "air.good_days" },
    );
    expect(r.actual).toBe(300);
    expect(r.validDays).toBe(365);
    expect(r.sufficient).toBe(true);
  });

  it("is insufficient on 3 valid days, with the count still given", () => {
    const r = goodDays.perArea(
      ctxWith((i) => (i < 3 ? CLEAN : undefined)),
      "A",
      { name: "air.good_days" },
    );
    expect(r.actual).toBe(3);
    expect(r.sufficient).toBe(false);
    expect(r.reasonCode).toBe("insufficient");
  });

  it("is found by name in the registry and loads from a target file", () => {
    const file = parseTargetFile(
      `
schemaVersion: 1
plan: { title: { zh: 计划, en: Plan }, year: 2019, issuer: x, seed: plan.txt }
areas: [{ id: A, kind: urban }]
targets:
  - id: air.urban.good_days
    title: { zh: 优良天数, en: Good days }
    source: { clause: x, text: x }
    metric: { name: air.good_days }
    scope: { area: A }
    op: ">="
    value: 300
    unit: 天
`,
      "inline.yaml",
    );
    expect(metricDefinition(file.targets[0]!.metric).family).toBe("air");
  });
});

describe("goodDaysProjection (>= 300 good days a year)", () => {
  it("150 good of 181 valid by 30 June, 184 days left: 150 more needed, 34 non-good allowed, on track", () => {
    // The pace so far (150/181 = 82.9 %) brings 152.5 good days in 184: more than the 150 needed.
    expect(goodDaysProjection(150, 181, 184, 300)).toEqual({
      status: "on-track",
      remainingDays: 184,
      allowedNonGoodDays: 34,
    });
  });

  it("120 good of 181: 180 needed in 184 days, more than the pace's 122: at risk", () => {
    expect(goodDaysProjection(120, 181, 184, 300).status).toBe("at-risk");
  });

  it("100 good of 181: 200 needed in 184 days: out of reach", () => {
    expect(goodDaysProjection(100, 181, 184, 300)).toEqual({
      status: "off-track",
      remainingDays: 184,
      allowedNonGoodDays: 0,
      // 100 + 184 = 284 < 300 even if every remaining day is good: lost.
      lost: true,
    });
  });
});
