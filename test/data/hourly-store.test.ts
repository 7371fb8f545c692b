import { describe, expect, it } from "vitest";
import {
  addStationDay,
  areaDailyValues,
  createAirStore,
  HOURLY_SERIES,
  lastDay,
  stationsOf,
} from "../../src/data/air-store.js";
import { compareDrops } from "../../src/engine/revisions.js";
import {
  addStationHour,
  areaHourlySeries,
  createHourlyStore,
  finishHourly,
  OPEN_DAYS,
  P,
  stationCapture,
} from "../../src/data/hourly-store.js";

describe("hourly store", () => {
  it("the area's hour is the mean over the stations that have the pollutant", () => {
    const store = createHourlyStore(2019);
    addStationHour(store, ["A"], "S1", "2019-01-01", 0, { "PM2.5": 40, CO: 1.1 });
    addStationHour(store, ["A"], "S2", "2019-01-01", 0, { "PM2.5": 45 });
    const [first] = [...areaHourlySeries(store, "A", "ending")];
    // slot 0 of 2019-01-01 is labelled 01:00 under hour-ending; CO only from S1.
    expect(first).toEqual({ date: "2019-01-01", hour: 1, values: { "PM2.5": 42.5, CO: 1.1 } });
  });

  it("tells a station-hour given again with other values from an exact repeat", () => {
    const store = createHourlyStore(2019);
    expect(addStationHour(store, ["A"], "S1", "2019-01-01", 5, { SO2: 1, NO2: 30 })).toBe("added");
    expect(addStationHour(store, ["A"], "S1", "2019-01-01", 5, { SO2: 2, NO2: 30 })).toBe("different");
    expect(addStationHour(store, ["A"], "S1", "2019-01-01", 5, { SO2: 1, NO2: 30 })).toBe("same");
    // A value missing in one reading and present in the other is a difference.
    expect(addStationHour(store, ["A"], "S1", "2019-01-01", 5, { SO2: 1 })).toBe("different");
    // The same values placed under another area are not the same row.
    expect(addStationHour(store, ["B"], "S1", "2019-01-01", 5, { SO2: 1, NO2: 30 })).toBe("different");
    expect(addStationHour(store, ["A"], "S2", "2019-01-01", 5, { SO2: 2 })).toBe("added");
    // The repeat adds nothing: the area's hour is still the mean of S1's first reading and S2's (1 and 2).
    const hour = [...areaHourlySeries(store, "A", "ending")].find((h) => h.hour === 6);
    expect(hour?.values).toEqual({ SO2: 1.5, NO2: 30 });
  });

  it("holding every hour, a repeat months later is still compared with its first reading", () => {
    const store = createHourlyStore(2019);
    addStationHour(store, ["A"], "S1", "2019-01-01", 0, { "PM2.5": 12.5 });
    addStationHour(store, ["A"], "S1", "2019-06-01", 0, { "PM2.5": 40 });
    expect(addStationHour(store, ["A"], "S1", "2019-01-01", 0, { "PM2.5": 12.5 })).toBe("same");
    expect(addStationHour(store, ["A"], "S1", "2019-01-01", 0, { "PM2.5": 12.6 })).toBe("different");
    expect(store.mustReread).toBe(false);
  });

  it("streaming days, a repeat of a finished day cannot be compared: the run is to be read again", () => {
    const store = createHourlyStore(2019, { streamDays: true });
    addStationHour(store, ["A"], "S1", "2019-01-01", 0, { "PM2.5": 12.5 });
    // The day before the latest is still held: compared there.
    addStationHour(store, ["A"], "S1", "2019-01-02", 0, { "PM2.5": 20 });
    expect(addStationHour(store, ["A"], "S1", "2019-01-01", 0, { "PM2.5": 12.5 })).toBe("same");
    expect(store.mustReread).toBe(false);
    addStationHour(store, ["A"], "S1", "2019-01-03", 0, { "PM2.5": 20 });
    expect(addStationHour(store, ["A"], "S1", "2019-01-01", 0, { "PM2.5": 12.5 })).toBe("unknown");
    expect(store.mustReread).toBe(true);
  });

  it("derives daily values: 20 PM2.5 hours give a 24-hour mean, 19 do not", () => {
    const store = createHourlyStore(2019);
    for (let slot = 0; slot < 20; slot++)
      addStationHour(store, ["A"], "S1", "2019-01-01", slot, { "PM2.5": slot });
    for (let slot = 0; slot < 19; slot++)
      addStationHour(store, ["A"], "S1", "2019-01-02", slot, { "PM2.5": 10 });
    const air = createAirStore();
    finishHourly(store, air);
    const days = areaDailyValues(air, "A");
    expect(days.get("2019-01-01")?.["PM2.5"]).toBe(9.5); // (0 + ... + 19) / 20
    expect(days.get("2019-01-02")?.["PM2.5"]).toBeUndefined();
  });

  it("derives the O3 daily max 8 h and 1 h from the hourly series", () => {
    const store = createHourlyStore(2019);
    // O3 = 100 in every hour except 200 in slots 10..17: the window ending 18:00 (slots 10..17) averages 200.
    for (let slot = 0; slot < 24; slot++)
      addStationHour(store, ["A"], "S1", "2019-06-01", slot, { O3: slot >= 10 && slot < 18 ? 200 : 100 });
    const air = createAirStore();
    finishHourly(store, air);
    const day = areaDailyValues(air, "A").get("2019-06-01");
    expect(day?.O3_8h).toBe(200);
    expect(day?.O3_1h).toBe(200);
  });

  it("counts capture per station and month", () => {
    const store = createHourlyStore(2019);
    for (let slot = 0; slot < 24; slot++) addStationHour(store, ["A"], "S1", "2019-02-10", slot, { NO2: 5 });
    addStationHour(store, ["A"], "S1", "2019-02-11", 0, { NO2: 5 });
    const feb = stationCapture(store).find((c) => c.month === "2019-02");
    expect(feb).toMatchObject({ station: "S1", area: "A", hours: 28 * 24, days: 28 });
    expect(feb?.validHours.NO2).toBe(25);
    expect(feb?.validDays.NO2).toBe(1);
    expect(feb?.validHours["PM2.5"]).toBe(0);
  });

  describe("days finished as they are read (streamDays)", () => {
    /** Jan 1: PM2.5 0..19 in slots 0-19; Jan 2: 19 hours of 10; Jan 3: 24 hours of 30 at S1, 24 of 40 at S2. */
    function fill(store: ReturnType<typeof createHourlyStore>) {
      for (let slot = 0; slot < 20; slot++)
        addStationHour(store, ["A"], "S1", "2019-01-01", slot, { "PM2.5": slot });
      for (let slot = 0; slot < 19; slot++)
        addStationHour(store, ["A"], "S1", "2019-01-02", slot, { "PM2.5": 10 });
      for (let slot = 0; slot < 24; slot++) {
        addStationHour(store, ["A"], "S1", "2019-01-03", slot, { "PM2.5": 30 });
        addStationHour(store, ["A"], "S2", "2019-01-03", slot, { "PM2.5": 40 });
      }
    }

    it("holds two days of hours and gives the daily values worked out by hand", () => {
      const store = createHourlyStore(2019, { streamDays: true });
      fill(store);
      expect(store.areas.get("A")?.sum.length).toBe(OPEN_DAYS * 24 * P);
      const air = createAirStore();
      finishHourly(store, air);
      const days = areaDailyValues(air, "A");
      expect(days.get("2019-01-01")?.["PM2.5"]).toBe(9.5); // (0 + ... + 19) / 20
      expect(days.get("2019-01-02")).toEqual({}); // 19 hours: a day with data, no valid mean
      expect(days.get("2019-01-03")?.["PM2.5"]).toBe(35); // each hour (30 + 40) / 2
      expect(store.outOfOrder).toBe(0);
    });

    it("takes a row one day behind the latest into its day", () => {
      const store = createHourlyStore(2019, { streamDays: true });
      fill(store);
      // Jan 2's 20th hour arrives after Jan 3: its mean is now valid, (19 x 10 + 29) / 20.
      addStationHour(store, ["A"], "S1", "2019-01-02", 23, { "PM2.5": 29 });
      const air = createAirStore();
      finishHourly(store, air);
      expect(areaDailyValues(air, "A").get("2019-01-02")?.["PM2.5"]).toBe(10.95);
      expect(store.outOfOrder).toBe(0);
      expect(store.mustReread).toBe(false);
    });

    it("a row two days behind: counted out of order; streaming asks to be read again", () => {
      const streamed = createHourlyStore(2019, { streamDays: true });
      const held = createHourlyStore(2019);
      for (const store of [streamed, held]) {
        fill(store);
        addStationHour(store, ["A"], "S2", "2019-01-01", 20, { "PM2.5": 31 });
        expect(store.outOfOrder).toBe(1);
      }
      expect(streamed.mustReread).toBe(true);
      expect(held.mustReread).toBe(false);
      const air = createAirStore();
      finishHourly(held, air);
      // Held, Jan 1 has 21 hours: (0 + ... + 19 + 31) / 21.
      expect(areaDailyValues(air, "A").get("2019-01-01")?.["PM2.5"]).toBe(221 / 21);
    });

    it("refuses the hourly series of a streaming store (areaHourlySeries needs every hour)", () => {
      const store = createHourlyStore(2019, { streamDays: true });
      addStationHour(store, ["A"], "S1", "2019-01-01", 0, { "PM2.5": 40 });
      expect(() => [...areaHourlySeries(store, "A", "ending")]).toThrow();
    });
  });
});

describe("hourly series in the daily store", () => {
  /** Area A: 24 hours of PM2.5 `jan1` on Jan 1 and 24 of `jan2` on Jan 2, from one station. */
  function hourlyArea(jan1: number, jan2: number) {
    const store = createHourlyStore(2019);
    for (let slot = 0; slot < 24; slot++) {
      addStationHour(store, ["A"], "H1", "2019-01-01", slot, { "PM2.5": jan1 });
      addStationHour(store, ["A"], "H1", "2019-01-02", slot, { "PM2.5": jan2 });
    }
    return store;
  }

  it("counts the hourly series as one more station of the day beside daily stations", () => {
    const air = createAirStore();
    addStationDay(air, "A", "2019-01-02", "D1", { values: { "PM2.5": 30, SO2: 8 }, file: "d.csv", line: 2 });
    finishHourly(hourlyArea(50, 60), air);
    const days = areaDailyValues(air, "A");
    // Jan 2: (30 from D1 + 60 from the hours) / 2; SO2 from D1 alone. Jan 1: the hours' 50 alone.
    expect(days.get("2019-01-02")).toEqual({ "PM2.5": 45, SO2: 8 });
    expect(days.get("2019-01-01")).toEqual({ "PM2.5": 50 });
    // The daily row's date came first; the day only the hours have follows.
    expect([...days.keys()]).toEqual(["2019-01-02", "2019-01-01"]);
    expect(stationsOf(air, "A")).toEqual([HOURLY_SERIES, "D1"]);
    expect(lastDay(air)).toBe("2019-01-02");
    expect(air.areas.has("A")).toBe(true);
  });

  it("keeps daily values from the first day with data: one day of the year's end is one row", () => {
    const store = createHourlyStore(2019, { streamDays: true });
    for (let slot = 0; slot < 24; slot++) addStationHour(store, ["A"], "H1", "2019-12-31", slot, { SO2: 7 });
    const air = createAirStore();
    finishHourly(store, air);
    expect(air.hourly.get("A")?.values.length).toBe(7); // one day x 7 daily values
    expect([...areaDailyValues(air, "A")]).toEqual([["2019-12-31", { SO2: 7 }]]);
  });

  it("a day finished after a later one (the two days still open at the end) keeps its values", () => {
    const store = createHourlyStore(2019, { streamDays: true });
    // Jan 6 and Jan 7 are both open at the end; Jan 7 is finished first (its position comes first).
    for (let slot = 0; slot < 24; slot++) {
      addStationHour(store, ["A"], "H1", "2019-01-06", slot, { NO2: 20 });
      addStationHour(store, ["A"], "H1", "2019-01-07", slot, { NO2: 30 });
    }
    const air = createAirStore();
    finishHourly(store, air);
    const days = areaDailyValues(air, "A");
    expect(days.get("2019-01-06")).toEqual({ NO2: 20 });
    expect(days.get("2019-01-07")).toEqual({ NO2: 30 });
  });

  it("an area with hourly data only is an area of the daily store, and its days compare between drops", () => {
    const before = createAirStore();
    const after = createAirStore();
    finishHourly(hourlyArea(50, 60), before);
    finishHourly(hourlyArea(50, 64), after);
    expect([...after.areas.keys()]).toEqual(["A"]);
    const report = compareDrops(before, after);
    expect(report).toMatchObject({ changed: 1, removed: 0, byMonth: { "2019-01": 1 } });
    expect(report.largest).toEqual([
      {
        area: "A",
        station: HOURLY_SERIES,
        date: "2019-01-02",
        pollutant: "PM2.5",
        before: 60,
        after: 64,
        delta: 4,
      },
    ]);
  });
});
