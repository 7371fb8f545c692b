import { describe, expect, it } from "vitest";
import { areaDailyValues, createAirStore } from "../../src/data/air-store.js";
import {
  addStationHour,
  areaHourlySeries,
  createHourlyStore,
  finishHourly,
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

  it("rejects a station-hour given twice", () => {
    const store = createHourlyStore(2019);
    expect(addStationHour(store, ["A"], "S1", "2019-01-01", 5, { SO2: 1 })).toBe(true);
    expect(addStationHour(store, ["A"], "S1", "2019-01-01", 5, { SO2: 2 })).toBe(false);
    expect(addStationHour(store, ["A"], "S2", "2019-01-01", 5, { SO2: 2 })).toBe(true);
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
});
