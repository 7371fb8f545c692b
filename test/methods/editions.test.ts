// HJ 633-2026 beside HJ 633-2012: values worked out by hand from ../shared/reference/hj633-2026-iaqi.json.
import { describe, expect, it } from "vitest";
import { aqi, dailyAqi, iaqi, isValidAqiDay } from "../../src/methods/air.js";

const E26 = { edition: "HJ633-2026" } as const;

describe("iaqi under HJ 633-2026 (Table 3)", () => {
  it.each([
    // PM2.5 59: 50 + (100-50)/(60-35) x (59-35) = 50 + 2 x 24 = 98
    ["PM2.5_24h", 59, 98],
    ["PM2.5_24h", 60, 100], // the moved breakpoint: 75 -> 60
    // PM2.5 61: 100 + (150-100)/(115-60) x 1 = 100.909 -> ceil 101
    ["PM2.5_24h", 61, 101],
    // PM2.5 75: 100 + 50/55 x 15 = 113.64 -> 114 (2012: exactly 100)
    ["PM2.5_24h", 75, 114],
    // PM10 118: 50 + (100-50)/(120-50) x 68 = 98.57 -> 99; 120 -> 100; 150: 100 + 50/130 x 30 = 111.5 -> 112
    ["PM10_24h", 118, 99],
    ["PM10_24h", 120, 100],
    ["PM10_24h", 150, 112],
    // unchanged items: NO2 24h 100 -> 100 + 50/100 x 20 = 110 in both editions
    ["NO2_24h", 100, 110],
  ] as const)("%s %d -> %d", (item, c, expected) => {
    expect(iaqi(item, c, E26)).toBe(expected);
  });

  it("the 2012 edition stays the default: PM2.5 75 -> 100, PM10 150 -> 100", () => {
    expect(iaqi("PM2.5_24h", 75)).toBe(100);
    expect(iaqi("PM10_24h", 150)).toBe(100);
  });

  it("rounds the concentration per GB/T 8170 before the IAQI: 60.5 -> 60 -> 100; 60.51 -> 61 -> 101", () => {
    expect(iaqi("PM2.5_24h", 60.5, E26)).toBe(100);
    expect(iaqi("PM2.5_24h", 60.51, E26)).toBe(101);
    // 2012 does not round: 60.5 -> 50 + 50/40 x 25.5 = 81.875 -> 82
    expect(iaqi("PM2.5_24h", 60.5)).toBe(82);
    // CO to one decimal: 2.05 -> 2.0 (half to even) -> exactly 50; 2.051 -> 2.1 -> 50 + 25 x 0.1 = 52.5 -> 53
    expect(iaqi("CO_24h", 2.05, E26)).toBe(50);
    expect(iaqi("CO_24h", 2.051, E26)).toBe(53);
  });

  it("counts SO2 1 h above 800 as 200 and O3 8 h above 800 as 300 (notes b, c)", () => {
    expect(iaqi("SO2_1h", 900, E26)).toBe(200);
    expect(iaqi("O3_8h", 900, E26)).toBe(300);
    expect(iaqi("SO2_1h", 900)).toBeNull();
  });
});

describe("daily AQI under HJ 633-2026: six items, no O3 daily max 1 h", () => {
  const day = { SO2: 10, NO2: 20, PM10: 40, "PM2.5": 30, CO: 0.8, O3_8h: 90, O3_1h: 250 };
  it("ignores the O3 1 h value that decides the 2012 daily AQI", () => {
    // 2012: O3 1 h 250 -> 100 + (150-100)/(300-200) x 50 = 125 is the maximum; 2026: O3 8 h 90 -> 45: AQI 45
    expect(dailyAqi(day).aqi).toBe(125);
    expect(dailyAqi(day, E26).aqi).toBe(45);
  });

  it("a PM2.5 day of 70 is good under 2012 (94) and lightly polluted under 2026 (110)", () => {
    // 2012: 50 + 50/40 x 35 = 93.75 -> 94; 2026: 100 + 50/55 x 10 = 109.09 -> 110
    expect(aqi({ "PM2.5_24h": 70 }).category).toBe("good");
    expect(aqi({ "PM2.5_24h": 70 }, E26)).toMatchObject({ aqi: 110, category: "light" });
  });
});

describe("HJ 633-2026 5.3.1: a day with a missing pollutant", () => {
  it("is published (counted) when the pollutants there already give AQI > 100, else NA (not counted)", () => {
    // O3 8 h missing. PM2.5 70 -> 110 under 2026: counted, lightly polluted. PM2.5 30 -> 43: NA.
    const polluted = { SO2: 10, NO2: 20, PM10: 40, "PM2.5": 70, CO: 0.8 };
    const clean = { ...polluted, "PM2.5": 30 };
    expect(isValidAqiDay(polluted, dailyAqi(polluted, E26), "complete-or-exceeding")).toBe(true);
    expect(isValidAqiDay(clean, dailyAqi(clean, E26), "complete-or-exceeding")).toBe(false);
    // The same PM2.5 70 day under 2012 gives 94 (good): with O3 missing it is not counted.
    expect(isValidAqiDay(polluted, dailyAqi(polluted), "complete-or-exceeding")).toBe(false);
  });
});

describe("HJ 633-2026 4.1.1 and the foreword: AQI range and exceedance pollutants", () => {
  const E2026 = { edition: "HJ633-2026" } as const;

  it("names the items with IAQI > 100 under 2012 and none under 2026", () => {
    // PM2.5 80: 2012 segment 75-115 -> 100 + 50 x 5/40 = 106.25 -> 107; 2026 segment 60-115 ->
    // 100 + 50 x 20/55 = 118.18 -> 119. NO2 30 -> IAQI 38 either way (0-40 -> 0-50).
    const day = { "PM2.5_24h": 80, NO2_24h: 30 };
    const r2012 = aqi(day);
    const r2026 = aqi(day, E2026);
    expect([r2012.aqi, r2012.exceedance, r2012.primary]).toEqual([107, ["PM2.5_24h"], ["PM2.5_24h"]]);
    expect([r2026.aqi, r2026.exceedance, r2026.primary]).toEqual([119, [], ["PM2.5_24h"]]);
  });

  it("starts the 2026 scale at 1: a day of zeros is AQI 0 under 2012 and 1 under 2026, level I both", () => {
    const zeros = { SO2_24h: 0, NO2_24h: 0, PM10_24h: 0, "PM2.5_24h": 0, CO_24h: 0, O3_8h: 0 };
    expect([aqi(zeros).aqi, aqi(zeros).category]).toEqual([0, "excellent"]);
    expect([aqi(zeros, E2026).aqi, aqi(zeros, E2026).category]).toEqual([1, "excellent"]);
    // Any non-zero value already gives IAQI >= 1 (rounded up), so only the all-zero day changes.
    expect(aqi({ SO2_24h: 0.4 }, E2026).aqi).toBe(1);
  });
});
