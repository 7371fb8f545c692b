// The gap and period helpers of `hy-check validate`, on stores filled by hand.
import { describe, expect, it } from "vitest";
import { addStationDay, createAirStore } from "../src/data/air-store.js";
import { addStationHour, createHourlyStore, finishHourly } from "../src/data/hourly-store.js";
import { dailyGaps, dailyOutside, hourlyGaps, hourlyOutside, runText } from "../src/validate/gaps.js";
import { plausibilityFindings } from "../src/data/plausibility.js";

describe("runText", () => {
  it("writes a single day or hour alone, a range with ..; hours of one day share the date", () => {
    expect(runText({ from: "2019-01-03", to: "2019-01-03" })).toBe("2019-01-03");
    expect(runText({ from: "2019-01-03", to: "2019-01-05" })).toBe("2019-01-03..2019-01-05");
    expect(runText({ from: "2019-01-02 05:00", to: "2019-01-02 07:00" })).toBe("2019-01-02 05:00..07:00");
    expect(runText({ from: "2019-01-02 23:00", to: "2019-01-03 01:00" })).toBe(
      "2019-01-02 23:00..2019-01-03 01:00",
    );
  });
});

describe("dailyGaps", () => {
  it("lists the missing days between a station's first and last, with the file of the row before each gap", () => {
    const air = createAirStore();
    for (const [date, file, line] of [
      ["2019-01-01", "a.csv", 2],
      ["2019-01-02", "a.csv", 3],
      ["2019-01-06", "b.csv", 2],
      ["2019-01-08", "b.csv", 3],
    ] as const)
      addStationDay(air, "市城区", date, "2457A", { values: {}, file, line });
    addStationDay(air, "市城区", "2019-01-01", "2458A", { values: {}, file: "a.csv", line: 4 });
    expect(dailyGaps(air)).toEqual([
      {
        station: "2457A",
        area: "市城区",
        unit: "day",
        runs: [
          { from: "2019-01-03", to: "2019-01-05", count: 3, file: "a.csv" },
          { from: "2019-01-07", to: "2019-01-07", count: 1, file: "b.csv" },
        ],
      },
    ]);
  });

  it("ignores the area series derived from hourly data", () => {
    const hourly = createHourlyStore(2019);
    const air = createAirStore();
    addStationHour(hourly, ["市城区"], "2457A", "2019-01-01", 0, { "PM2.5": 30 });
    addStationHour(hourly, ["市城区"], "2457A", "2019-01-03", 0, { "PM2.5": 30 });
    finishHourly(hourly, air);
    expect(dailyGaps(air)).toEqual([]);
  });
});

describe("hourlyGaps", () => {
  const hourly = createHourlyStore(2019);
  // Slots 0..23 of the natural day; slot 3 of 01-01 and the whole of 01-02 missing.
  for (let slot = 0; slot < 24; slot++)
    if (slot !== 3) addStationHour(hourly, ["市城区"], "2457A", "2019-01-01", slot, {});
  addStationHour(hourly, ["市城区"], "2457A", "2019-01-03", 0, {});

  it("labels the missing hours hour-ending (slot 3 = 04:00; slot 23 = 00:00 of the next day)", () => {
    expect(hourlyGaps(hourly, "ending", () => "h.csv")[0]?.runs).toEqual([
      { from: "2019-01-01 04:00", to: "2019-01-01 04:00", count: 1, file: "h.csv" },
      { from: "2019-01-02 01:00", to: "2019-01-03 00:00", count: 24, file: "h.csv" },
    ]);
  });

  it("or hour-beginning", () => {
    expect(hourlyGaps(hourly, "beginning", () => "h.csv")[0]?.runs.map(runText)).toEqual([
      "2019-01-01 03:00",
      "2019-01-02 00:00..23:00",
    ]);
  });
});

describe("outside the declared period", () => {
  it("daily rows keep their file and line", () => {
    const air = createAirStore();
    addStationDay(air, "市城区", "2019-01-01", "2457A", { values: {}, file: "a.csv", line: 2 });
    addStationDay(air, "市城区", "2019-07-01", "2457A", { values: {}, file: "a.csv", line: 9 });
    expect(dailyOutside(air, "2019-01-01", "2019-06-30")).toEqual([
      { station: "2457A", area: "市城区", date: "2019-07-01", file: "a.csv", line: 9 },
    ]);
  });

  it("hourly data count the hours of consecutive days outside", () => {
    const hourly = createHourlyStore(2019);
    for (const date of ["2019-06-30", "2019-07-01", "2019-07-02", "2019-07-05"])
      for (const slot of [0, 1]) addStationHour(hourly, ["市城区"], "2457A", date, slot, {});
    expect(hourlyOutside(hourly, "2019-01-01", "2019-06-30", () => "h.csv")[0]?.runs).toEqual([
      { from: "2019-07-01", to: "2019-07-02", count: 4, file: "h.csv" },
      { from: "2019-07-05", to: "2019-07-05", count: 2, file: "h.csv" },
    ]);
  });
});

describe("plausibilityFindings", () => {
  const cols = [
    { key: "PM2.5", index: 3, header: "PM2.5", factor: 1 },
    { key: "PM10", index: 4, header: "PM10", factor: 1 },
    { key: "CO", index: 7, header: "CO", factor: 1 },
  ];
  it("flags PM2.5 > PM10 only past both tolerances (x 1.1 and 5 ug/m3)", () => {
    const codes = (pm25: number, pm10: number) =>
      plausibilityFindings({ "PM2.5": pm25, PM10: pm10 }, cols).map((f) => f.code);
    expect(codes(80, 60)).toEqual(["HY-RATIO"]);
    expect(codes(55.1, 50)).toEqual(["HY-RATIO"]); // 55.1 > 55 and 5.1 > 5
    expect(codes(55, 50)).toEqual([]); // exactly 1.1 x
    expect(codes(10, 6)).toEqual([]); // 4 ug/m3 only
    expect(codes(60, 55)).toEqual([]); // 60 < 60.5
    expect(plausibilityFindings({ "PM2.5": 80 }, cols)).toEqual([]); // no PM10: nothing to compare
  });
  it("flags CO above 50 mg/m3 at the CO field", () => {
    expect(plausibilityFindings({ CO: 50 }, cols)).toEqual([]);
    expect(plausibilityFindings({ CO: 51 }, cols)).toEqual([
      expect.objectContaining({ code: "HY-CO-UNIT", col: 8, field: "CO" }),
    ]);
  });
});
