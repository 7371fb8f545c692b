// Expected values below are worked out by hand from HJ 633-2012 Table 1 / Table 2 and the
// HJ 663-2013 / GB 3095-2012 validity counts (shared/reference/hj633-2012-iaqi.json,
// hj663-2013-validity.json), NOT from the implementation.
// IAQI levels: [0, 50, 100, 150, 200, 300, 400, 500]; formula (1):
//   IAQI = (IAQI_Hi - IAQI_Lo) / (BP_Hi - BP_Lo) * (C - BP_Lo) + IAQI_Lo, then ceil (section 6.2).
import { describe, expect, it } from "vitest";
import {
  aqi,
  aqiCategory,
  annualValidity,
  dailyAqi,
  dailyAqiValue,
  iaqi,
  isValidAqiDay,
  type AqiCategory,
  type DailyValues,
  type DayValidityRule,
  type IaqiItem,
} from "../../src/methods/air.js";

describe("iaqi: every item is 0 at concentration 0", () => {
  it.each<[IaqiItem]>([
    ["SO2_24h"],
    ["SO2_1h"],
    ["NO2_24h"],
    ["NO2_1h"],
    ["PM10_24h"],
    ["PM2.5_24h"],
    ["CO_24h"],
    ["CO_1h"],
    ["O3_1h"],
    ["O3_8h"],
  ])("%s at 0 -> 0", (item) => {
    // C = 0 = BP_Lo of the first segment: 0 + 50/BP1 * 0 = 0
    expect(iaqi(item, 0)).toBe(0);
  });
});

describe("iaqi: interior points, hand-computed per item", () => {
  it.each<[IaqiItem, number, number, string]>([
    // SO2_24h bp [0, 50, 150, 475, 800, 1600, 2100, 2620]
    ["SO2_24h", 25, 25, "0 + 50/50*25 = 25"],
    ["SO2_24h", 100, 75, "50 + (100-50)/(150-50)*(100-50) = 75"],
    ["SO2_24h", 300, 124, "100 + 50/325*150 = 123.08 -> ceil 124"],
    ["SO2_24h", 1000, 225, "200 + 100/800*200 = 225"],
    // SO2_1h bp [0, 150, 500, 650, 800]
    ["SO2_1h", 75, 25, "0 + 50/150*75 = 25"],
    ["SO2_1h", 300, 72, "50 + 50/350*150 = 71.43 -> ceil 72"],
    ["SO2_1h", 700, 167, "150 + 50/150*50 = 166.67 -> ceil 167"],
    // NO2_24h bp [0, 40, 80, 180, 280, 565, 750, 940]
    ["NO2_24h", 20, 25, "0 + 50/40*20 = 25"],
    ["NO2_24h", 50, 63, "50 + 50/40*10 = 62.5 -> ceil 63"],
    ["NO2_24h", 100, 110, "100 + 50/100*20 = 110"],
    ["NO2_24h", 600, 319, "300 + 100/185*35 = 318.92 -> ceil 319"],
    // NO2_1h bp [0, 100, 200, 700, 1200, 2340, 3090, 3840]
    ["NO2_1h", 50, 25, "0 + 50/100*50 = 25"],
    ["NO2_1h", 150, 75, "50 + 50/100*50 = 75"],
    ["NO2_1h", 450, 125, "100 + 50/500*250 = 125"],
    ["NO2_1h", 2000, 271, "200 + 100/1140*800 = 270.18 -> ceil 271"],
    // PM10_24h bp [0, 50, 150, 250, 350, 420, 500, 600]
    ["PM10_24h", 35, 35, "0 + 50/50*35 = 35"],
    ["PM10_24h", 137, 94, "50 + 50/100*87 = 93.5 -> ceil 94"],
    ["PM10_24h", 200, 125, "100 + 50/100*50 = 125"],
    ["PM10_24h", 380, 243, "200 + 100/70*30 = 242.86 -> ceil 243"],
    // PM2.5_24h bp [0, 35, 75, 115, 150, 250, 350, 500]
    ["PM2.5_24h", 10, 15, "0 + 50/35*10 = 14.29 -> ceil 15"],
    ["PM2.5_24h", 100, 132, "100 + 50/40*25 = 131.25 -> ceil 132"],
    ["PM2.5_24h", 200, 250, "200 + 100/100*50 = 250"],
    ["PM2.5_24h", 400, 434, "400 + 100/150*50 = 433.33 -> ceil 434"],
    // CO_24h bp [0, 2, 4, 14, 24, 36, 48, 60] (mg/m3)
    ["CO_24h", 1, 25, "0 + 50/2*1 = 25"],
    ["CO_24h", 1.3, 33, "0 + 50/2*1.3 = 32.5 -> ceil 33"],
    ["CO_24h", 10, 130, "100 + 50/10*6 = 130"],
    ["CO_24h", 30, 250, "200 + 100/12*6 = 250"],
    // CO_1h bp [0, 5, 10, 35, 60, 90, 120, 150] (mg/m3)
    ["CO_1h", 2.5, 25, "0 + 50/5*2.5 = 25"],
    ["CO_1h", 7, 70, "50 + 50/5*2 = 70"],
    ["CO_1h", 20, 120, "100 + 50/25*10 = 120"],
    ["CO_1h", 100, 334, "300 + 100/30*10 = 333.33 -> ceil 334"],
    // O3_1h bp [0, 160, 200, 300, 400, 800, 1000, 1200]
    ["O3_1h", 80, 25, "0 + 50/160*80 = 25"],
    ["O3_1h", 100, 32, "0 + 50/160*100 = 31.25 -> ceil 32"],
    ["O3_1h", 180, 75, "50 + 50/40*20 = 75"],
    ["O3_1h", 250, 125, "100 + 50/100*50 = 125"],
    ["O3_1h", 1100, 450, "400 + 100/200*100 = 450"],
    // O3_8h bp [0, 100, 160, 215, 265, 800] (levels 0..300)
    ["O3_8h", 50, 25, "0 + 50/100*50 = 25"],
    ["O3_8h", 130, 75, "50 + 50/60*30 = 75"],
    ["O3_8h", 190, 128, "100 + 50/55*30 = 127.27 -> ceil 128"],
    ["O3_8h", 500, 244, "200 + 100/535*235 = 243.93 -> ceil 244"],
  ])("%s at %s -> %s  (%s)", (item, c, expected) => {
    expect(iaqi(item, c)).toBe(expected);
  });
});

describe("iaqi: exactly at a breakpoint the IAQI equals the level", () => {
  it.each<[number, number]>([
    [0, 0], // bp[0] -> level 0
    [35, 50], // bp[1] -> 50
    [75, 100], // bp[2] -> 100
    [115, 150], // bp[3] -> 150
    [150, 200], // bp[4] -> 200
    [250, 300], // bp[5] -> 300
    [350, 400], // bp[6] -> 400
    [500, 500], // bp[7] -> 500
  ])("PM2.5_24h at %s -> %s", (c, expected) => {
    expect(iaqi("PM2.5_24h", c)).toBe(expected);
  });

  it.each<[number, number]>([
    [0, 0], // bp[0] -> 0
    [100, 50], // bp[1] -> 50
    [160, 100], // bp[2] -> 100
    [215, 150], // bp[3] -> 150
    [265, 200], // bp[4] -> 200
    [800, 300], // bp[5] (last, note 3 applies only ABOVE 800) -> 300
  ])("O3_8h at %s -> %s", (c, expected) => {
    expect(iaqi("O3_8h", c)).toBe(expected);
  });

  it("last breakpoints of the other items give their top level", () => {
    // SO2_1h column stops at 800 -> 200 (note 2 applies only above 800)
    expect(iaqi("SO2_1h", 800)).toBe(200);
    // SO2_24h last bp 2620 -> 500
    expect(iaqi("SO2_24h", 2620)).toBe(500);
    // PM10_24h last bp 600 -> 500
    expect(iaqi("PM10_24h", 600)).toBe(500);
    // CO_24h bp 4 -> 100 (GB 3095 Class II 24h limit)
    expect(iaqi("CO_24h", 4)).toBe(100);
  });
});

describe("iaqi: ceil rule (section 6.2)", () => {
  it("PM2.5 80 -> 107 (CNEMC-confirmed, station 2461A 2022-01-01T00)", () => {
    // PM2.5 80: 100 + (150-100)/(115-75)*(80-75) = 106.25 -> ceil 107
    expect(iaqi("PM2.5_24h", 80)).toBe(107);
  });

  it("a fractional IAQI is rounded up, not to nearest", () => {
    // PM10 51: 50 + 50/100*1 = 50.5 -> ceil 51 (nearest-half-even would give 50)
    expect(iaqi("PM10_24h", 51)).toBe(51);
    // PM2.5 76: 100 + 50/40*1 = 101.25 -> ceil 102 (round would give 101)
    expect(iaqi("PM2.5_24h", 76)).toBe(102);
    // PM2.5 1: 50/35*1 = 1.43 -> ceil 2
    expect(iaqi("PM2.5_24h", 1)).toBe(2);
  });

  it("an exact integer IAQI is not bumped up", () => {
    // PM10 100: 50 + 50/100*50 = 75 exactly -> 75
    expect(iaqi("PM10_24h", 100)).toBe(75);
    // PM2.5 35: breakpoint -> 50 exactly
    expect(iaqi("PM2.5_24h", 35)).toBe(50);
    // PM2.5 83: 100 + 1.25*8 = 110 exactly -> 110
    expect(iaqi("PM2.5_24h", 83)).toBe(110);
  });

  // Exact rational result is an integer, but naive float evaluation of formula (1) gives x.000...0k
  // (e.g. 2.2 - 2 = 0.20000000000000018 in binary); ceil must not turn that into x+1.
  it.each<[IaqiItem, number, number, string]>([
    ["CO_24h", 2.2, 55, "50 + 50/2*0.2 = 55 (float: 55.00000000000001)"],
    ["CO_1h", 2.2, 22, "0 + 50/5*2.2 = 22 (float: 22.000000000000004)"],
    ["CO_1h", 4.9, 49, "0 + 50/5*4.9 = 49 (float: 49.00000000000001)"],
    ["CO_1h", 65.4, 218, "200 + 100/30*5.4 = 218 (float: 218.00000000000003)"],
    ["CO_1h", 69.9, 233, "200 + 100/30*9.9 = 233 (float: 233.00000000000003)"],
    ["CO_1h", 129.3, 431, "400 + 100/30*9.3 = 431 (float: 431.00000000000006)"],
    ["SO2_24h", 28, 28, "0 + 50/50*28 = 28 (float c/50*50: 28.000000000000004)"],
    ["PM10_24h", 14, 14, "0 + 50/50*14 = 14 (float c/50*50: 14.000000000000002)"],
    ["NO2_1h", 56, 28, "0 + 50/100*56 = 28 (float c/100*50: 28.000000000000004)"],
    ["PM2.5_24h", 7, 10, "0 + 50/35*7 = 10"],
    ["PM2.5_24h", 122, 160, "150 + 50/35*7 = 160"],
    ["O3_8h", 106, 55, "50 + 50/60*6 = 55"],
    ["O3_8h", 171, 110, "100 + 50/55*11 = 110"],
    ["O3_8h", 372, 220, "200 + 100/535*107 = 220"],
  ])("%s at %s -> %s  (%s)", (item, c, expected) => {
    expect(iaqi(item, c)).toBe(expected);
  });
});

describe("iaqi: beyond the table", () => {
  it("caps at 500 above the last breakpoint (tool choice, as peers)", () => {
    // PM2.5 600 > last bp 500 -> cap 500
    expect(iaqi("PM2.5_24h", 600)).toBe(500);
    // PM10 700 > last bp 600 -> cap 500
    expect(iaqi("PM10_24h", 700)).toBe(500);
    // SO2_24h 3000 > 2620 -> 500; NO2_24h 1000 > 940 -> 500
    expect(iaqi("SO2_24h", 3000)).toBe(500);
    expect(iaqi("NO2_24h", 1000)).toBe(500);
    // CO_24h 70 > 60 -> 500; O3_1h 1300 > 1200 -> 500
    expect(iaqi("CO_24h", 70)).toBe(500);
    expect(iaqi("O3_1h", 1300)).toBe(500);
  });

  it("SO2_1h above 800 has no IAQI (note 2)", () => {
    // 800 -> 200 (in table); 801 / 1000 -> null (use the 24h IAQI instead)
    expect(iaqi("SO2_1h", 801)).toBeNull();
    expect(iaqi("SO2_1h", 1000)).toBeNull();
  });

  it("O3_8h above 800 has no IAQI (note 3)", () => {
    // 800 -> 300 (in table); 801 / 900 -> null (use the 1h IAQI instead)
    expect(iaqi("O3_8h", 801)).toBeNull();
    expect(iaqi("O3_8h", 900)).toBeNull();
  });

  it.each<[IaqiItem, number]>([
    ["PM2.5_24h", -1],
    ["CO_24h", -0.1],
    ["SO2_24h", Number.NaN],
    ["PM10_24h", Number.POSITIVE_INFINITY],
    ["O3_1h", Number.NEGATIVE_INFINITY],
  ])("%s at %s (negative / non-finite) -> null", (item, c) => {
    expect(iaqi(item, c)).toBeNull();
  });
});

describe("aqiCategory (HJ 633-2012 Table 2)", () => {
  it.each<[number, AqiCategory]>([
    [0, "excellent"], // 0-50
    [50, "excellent"],
    [51, "good"], // 51-100
    [100, "good"],
    [101, "light"], // 101-150
    [150, "light"],
    [151, "moderate"], // 151-200
    [200, "moderate"],
    [201, "heavy"], // 201-300
    [300, "heavy"],
    [301, "severe"], // > 300
    [500, "severe"],
  ])("%s -> %s", (value, category) => {
    expect(aqiCategory(value)).toBe(category);
  });
});

describe("aqi", () => {
  it("empty input -> aqi null, category null, no primary", () => {
    const r = aqi({});
    expect(r.aqi).toBeNull();
    expect(r.category).toBeNull();
    expect(r.primary).toEqual([]);
  });

  it("AQI is the max IAQI, with its item as primary", () => {
    // PM2.5 80 -> 107; PM10 100 -> 75; max = 107 -> light, primary PM2.5
    const r = aqi({ "PM2.5_24h": 80, PM10_24h: 100 });
    expect(r.iaqi).toEqual({ "PM2.5_24h": 107, PM10_24h: 75 });
    expect(r.aqi).toBe(107);
    expect(r.category).toBe("light");
    expect(r.primary).toEqual(["PM2.5_24h"]);
  });

  it("ties are all primary, in item order", () => {
    // PM10 200: 100 + 50/100*50 = 125; NO2_1h 450: 100 + 50/500*250 = 125; SO2_24h 25 -> 25
    const r = aqi({ PM10_24h: 200, SO2_24h: 25, NO2_1h: 450 });
    expect(r.aqi).toBe(125);
    expect(r.category).toBe("light");
    expect(r.primary).toEqual(["NO2_1h", "PM10_24h"]);
  });

  it("no primary pollutant when AQI <= 50", () => {
    // PM2.5 35 -> 50 (breakpoint); SO2_24h 25 -> 25; AQI 50 -> excellent, no primary
    const r = aqi({ "PM2.5_24h": 35, SO2_24h: 25 });
    expect(r.aqi).toBe(50);
    expect(r.category).toBe("excellent");
    expect(r.primary).toEqual([]);
  });

  it("a primary pollutant as soon as AQI is 51", () => {
    // PM10 51: 50 + 50/100*1 = 50.5 -> 51 > 50 -> good, primary PM10; SO2_24h 25 -> 25
    const r = aqi({ PM10_24h: 51, SO2_24h: 25 });
    expect(r.aqi).toBe(51);
    expect(r.category).toBe("good");
    expect(r.primary).toEqual(["PM10_24h"]);
  });

  it("all ten items together", () => {
    // SO2_24h 100->75, SO2_1h 300->72, NO2_24h 50->63, NO2_1h 150->75, PM10 137->94,
    // PM2.5 100->132, CO_24h 1.3->33, CO_1h 7->70, O3_1h 180->75, O3_8h 190->128; max 132
    const r = aqi({
      SO2_24h: 100,
      SO2_1h: 300,
      NO2_24h: 50,
      NO2_1h: 150,
      PM10_24h: 137,
      "PM2.5_24h": 100,
      CO_24h: 1.3,
      CO_1h: 7,
      O3_1h: 180,
      O3_8h: 190,
    });
    expect(r.iaqi).toEqual({
      SO2_24h: 75,
      SO2_1h: 72,
      NO2_24h: 63,
      NO2_1h: 75,
      PM10_24h: 94,
      "PM2.5_24h": 132,
      CO_24h: 33,
      CO_1h: 70,
      O3_1h: 75,
      O3_8h: 128,
    });
    expect(r.aqi).toBe(132);
    expect(r.category).toBe("light");
    expect(r.primary).toEqual(["PM2.5_24h"]);
  });

  it("SO2_1h > 800 takes the IAQI of the SO2 24h concentration (note 2)", () => {
    // SO2_24h 300 -> 100 + 50/325*150 = 123.08 -> 124, so SO2_1h (900) -> 124
    // (not 900 through the 24h column: 200 + 100/800*100 = 212.5 -> 213);
    // PM2.5 200 -> 250 dominates
    const r = aqi({ SO2_1h: 900, SO2_24h: 300, "PM2.5_24h": 200 });
    expect(r.iaqi.SO2_24h).toBe(124);
    expect(r.iaqi.SO2_1h).toBe(124);
    expect(r.aqi).toBe(250);
    expect(r.category).toBe("heavy");
    expect(r.primary).toEqual(["PM2.5_24h"]);
  });

  it("SO2_1h > 800 without SO2_24h contributes no IAQI", () => {
    // SO2_1h 900 -> none (note 2, no 24h value); PM10 100 -> 75 -> AQI 75
    const r = aqi({ SO2_1h: 900, PM10_24h: 100 });
    expect(r.iaqi.SO2_1h).toBeUndefined();
    expect(r.aqi).toBe(75);
    expect(r.primary).toEqual(["PM10_24h"]);
  });

  it("O3_8h > 800 takes the IAQI of the O3 1h concentration (note 3)", () => {
    // O3_1h 250 -> 100 + 50/100*50 = 125, so O3_8h (900) -> 125; PM2.5 200 -> 250 dominates
    const r = aqi({ O3_8h: 900, O3_1h: 250, "PM2.5_24h": 200 });
    expect(r.iaqi.O3_1h).toBe(125);
    expect(r.iaqi.O3_8h).toBe(125);
    expect(r.aqi).toBe(250);
    expect(r.primary).toEqual(["PM2.5_24h"]);
  });

  it("O3_8h > 800 redirected to the 1h IAQI can make O3 the (tied) primary", () => {
    // O3_1h 1100 -> 400 + 100/200*100 = 450; O3_8h 900 -> 450 (from 1h); PM10 100 -> 75
    // max 450 -> severe; both O3 items carry the max -> both listed, item order O3_1h, O3_8h
    const r = aqi({ O3_8h: 900, O3_1h: 1100, PM10_24h: 100 });
    expect(r.iaqi.O3_8h).toBe(450);
    expect(r.aqi).toBe(450);
    expect(r.category).toBe("severe");
    expect(r.primary).toEqual(["O3_1h", "O3_8h"]);
  });
});

describe("dailyAqi", () => {
  it("maps daily values to the 24h columns and O3 8h", () => {
    // SO2 10 -> 10; NO2 50 -> 63; PM10 137 -> 94; PM2.5 80 -> 107; CO 1.3 -> 33; O3_8h 130 -> 75
    const r = dailyAqi({ SO2: 10, NO2: 50, PM10: 137, "PM2.5": 80, CO: 1.3, O3_8h: 130 });
    expect(r.iaqi).toEqual({
      SO2_24h: 10,
      NO2_24h: 63,
      PM10_24h: 94,
      "PM2.5_24h": 107,
      CO_24h: 33,
      O3_8h: 75,
    });
    expect(r.aqi).toBe(107);
    expect(r.category).toBe("light");
    expect(r.primary).toEqual(["PM2.5_24h"]);
  });

  it("NO2 and CO go through the 24h columns, not the 1h ones", () => {
    // NO2 100: 24h column 100 + 50/100*20 = 110 (1h column would give 50)
    // CO 10: 24h column 100 + 50/10*6 = 130 (1h column would give 100)
    const r = dailyAqi({ NO2: 100, CO: 10 });
    expect(r.iaqi).toEqual({ NO2_24h: 110, CO_24h: 130 });
    expect(r.aqi).toBe(130);
    expect(r.primary).toEqual(["CO_24h"]);
  });

  it("O3 daily max 1h enters through the O3_1h column", () => {
    // O3_1h 250 -> 125; PM2.5 35 -> 50; AQI 125
    const r = dailyAqi({ O3_1h: 250, "PM2.5": 35 });
    expect(r.iaqi).toEqual({ O3_1h: 125, "PM2.5_24h": 50 });
    expect(r.aqi).toBe(125);
    expect(r.primary).toEqual(["O3_1h"]);
  });

  it("O3_8h > 800 uses the O3 1h IAQI (note 3)", () => {
    // O3_1h 1100 -> 450; O3_8h 900 -> 450 (from 1h); SO2 25 -> 25
    const r = dailyAqi({ O3_8h: 900, O3_1h: 1100, SO2: 25 });
    expect(r.iaqi.O3_8h).toBe(450);
    expect(r.aqi).toBe(450);
    expect(r.category).toBe("severe");
  });

  it("empty day -> aqi null", () => {
    const r = dailyAqi({});
    expect(r.aqi).toBeNull();
    expect(r.category).toBeNull();
    expect(r.primary).toEqual([]);
  });
});

describe("dailyAqiValue (the good-day rate's AQI of a day)", () => {
  const day: DailyValues = { SO2: 10, NO2: 20, PM10: 40, "PM2.5": 30, CO: 0.8, O3_8h: 90 };

  it("is the largest IAQI: O3 8 h 90 -> 90/100 x 50 = 45 over PM2.5 30 -> 42.86 -> 43", () => {
    expect(dailyAqiValue(day)).toBe(45);
  });

  it("PM2.5 80 -> (80 - 75) / (115 - 75) x 50 + 100 = 106.25 -> 107", () => {
    expect(dailyAqiValue({ ...day, "PM2.5": 80 })).toBe(107);
  });

  it("2012: O3 8 h 900 is past its table; the O3 1 h 900 -> (900 - 800) / 200 x 100 + 300 = 350 counts", () => {
    expect(dailyAqiValue({ SO2: 10, O3_8h: 900, O3_1h: 900 })).toBe(350);
  });

  it("2026: O3 8 h above 800 is 300, and the O3 1 h maximum is not an item", () => {
    expect(dailyAqiValue({ SO2: 10, O3_8h: 900, O3_1h: 900 }, { edition: "HJ633-2026" })).toBe(300);
  });

  it("2026: at least 1; without any value, none", () => {
    expect(dailyAqiValue({ SO2: 0, NO2: 0 }, { edition: "HJ633-2026" })).toBe(1);
    expect(dailyAqiValue({})).toBeNull();
  });
});

describe("isValidAqiDay", () => {
  const complete: DailyValues = { SO2: 10, NO2: 50, PM10: 137, "PM2.5": 40, CO: 1.3, O3_8h: 130 };
  // PM2.5 40: 50 + 50/40*5 = 56.25 -> 57; max of (10, 63, 94, 57, 33, 75) = 94
  const polluted: DailyValues = { SO2: 10, NO2: 50, PM10: 137, "PM2.5": 80, O3_8h: 130 };
  // no CO; PM2.5 80 -> 107 > 100
  const cleanPartial: DailyValues = { SO2: 10, NO2: 50, PM10: 137, "PM2.5": 40, O3_8h: 130 };
  // no CO; max 94 <= 100
  const exactly100Partial: DailyValues = { SO2: 10, "PM2.5": 75 };
  // PM2.5 75 -> 100, not > 100
  const o3OneHourOnly: DailyValues = { SO2: 10, NO2: 50, PM10: 137, "PM2.5": 40, CO: 1.3, O3_1h: 180 };
  // O3_1h does not replace O3_8h among the six basic items; max 94
  const empty: DailyValues = {};

  it("sanity: hand AQIs of the fixtures", () => {
    expect(dailyAqi(complete).aqi).toBe(94);
    expect(dailyAqi(polluted).aqi).toBe(107);
    expect(dailyAqi(cleanPartial).aqi).toBe(94);
    expect(dailyAqi(exactly100Partial).aqi).toBe(100);
    expect(dailyAqi(o3OneHourOnly).aqi).toBe(94);
  });

  it.each<[string, DailyValues, DayValidityRule, boolean]>([
    ["complete", complete, "complete-or-exceeding", true],
    ["complete", complete, "complete", true],
    ["complete", complete, "any", true],
    ["partial, AQI 107 > 100", polluted, "complete-or-exceeding", true],
    ["partial, AQI 107 > 100", polluted, "complete", false],
    ["partial, AQI 107 > 100", polluted, "any", true],
    ["partial, AQI 94", cleanPartial, "complete-or-exceeding", false],
    ["partial, AQI 94", cleanPartial, "complete", false],
    ["partial, AQI 94", cleanPartial, "any", true],
    ["partial, AQI exactly 100", exactly100Partial, "complete-or-exceeding", false],
    ["partial, AQI exactly 100", exactly100Partial, "any", true],
    ["O3_1h instead of O3_8h", o3OneHourOnly, "complete-or-exceeding", false],
    ["O3_1h instead of O3_8h", o3OneHourOnly, "complete", false],
    ["empty", empty, "complete-or-exceeding", false],
    ["empty", empty, "complete", false],
    ["empty", empty, "any", false],
  ])("%s, rule %s -> %s", (_label, values, rule, expected) => {
    expect(isValidAqiDay(values, dailyAqi(values), rule)).toBe(expected);
  });
});

describe("annualValidity (>= 324 days, >= 27 per month, >= 25 in February)", () => {
  const DAYS_2019 = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

  /** The first `n` dates of a month, as YYYY-MM-DD. */
  function monthDates(year: number, month: number, n: number): string[] {
    const mm = String(month).padStart(2, "0");
    return Array.from({ length: n }, (_, i) => `${year}-${mm}-${String(i + 1).padStart(2, "0")}`);
  }

  /** Dates of 2019 with `counts[m-1]` valid days in month m. */
  function year2019(counts: readonly number[]): string[] {
    return counts.flatMap((n, i) => monthDates(2019, i + 1, n));
  }

  /** Every month full except the overrides. */
  function fullExcept(overrides: Record<number, number>): number[] {
    return DAYS_2019.map((n, i) => overrides[i + 1] ?? n);
  }

  it("a complete year is valid", () => {
    // 365 days, every month full
    const r = annualValidity(year2019(DAYS_2019));
    expect(r).toEqual({ valid: true, days: 365, shortMonths: [] });
  });

  it("February with 25 valid days is enough", () => {
    // 365 - 28 + 25 = 362 >= 324; Feb 25 >= 25
    const r = annualValidity(year2019(fullExcept({ 2: 25 })));
    expect(r).toEqual({ valid: true, days: 362, shortMonths: [] });
  });

  it("February with 24 valid days makes the year invalid", () => {
    // 365 - 28 + 24 = 361 >= 324, but Feb 24 < 25
    const r = annualValidity(year2019(fullExcept({ 2: 24 })));
    expect(r).toEqual({ valid: false, days: 361, shortMonths: [{ month: 2, days: 24, required: 25 }] });
  });

  it("a 30-day month with 27 valid days is enough", () => {
    // April: 365 - 30 + 27 = 362; 27 >= 27
    const r = annualValidity(year2019(fullExcept({ 4: 27 })));
    expect(r).toEqual({ valid: true, days: 362, shortMonths: [] });
  });

  it("a month with 26 valid days makes the year invalid", () => {
    // April: 365 - 30 + 26 = 361; 26 < 27
    const r = annualValidity(year2019(fullExcept({ 4: 26 })));
    expect(r).toEqual({ valid: false, days: 361, shortMonths: [{ month: 4, days: 26, required: 27 }] });
  });

  it("a 31-day month needs 27 too, and several short months are all listed in month order", () => {
    // July 26 < 27, Feb 20 < 25, Dec 27 ok: 365 - 31 + 26 - 28 + 20 - 31 + 27 = 348
    const r = annualValidity(year2019(fullExcept({ 7: 26, 2: 20, 12: 27 })));
    expect(r).toEqual({
      valid: false,
      days: 348,
      shortMonths: [
        { month: 2, days: 20, required: 25 },
        { month: 7, days: 26, required: 27 },
      ],
    });
  });

  it("324 days with every month at its minimum is valid", () => {
    // Jan 29 + Feb 25 + 10 months x 27 = 29 + 25 + 270 = 324
    const counts = [29, 25, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27];
    const r = annualValidity(year2019(counts));
    expect(r).toEqual({ valid: true, days: 324, shortMonths: [] });
  });

  it("323 days is invalid even though every month meets its minimum", () => {
    // Jan 28 + Feb 25 + 10 months x 27 = 28 + 25 + 270 = 323 < 324
    const counts = [28, 25, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27];
    const r = annualValidity(year2019(counts));
    expect(r).toEqual({ valid: false, days: 323, shortMonths: [] });
  });

  it("accepts any iterable, in any order", () => {
    // same 324-day set as above, reversed, passed as a Set
    const counts = [29, 25, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27];
    const r = annualValidity(new Set(year2019(counts).reverse()));
    expect(r).toEqual({ valid: true, days: 324, shortMonths: [] });
  });

  it("no data: every month is short", () => {
    // 0 days; 11 months need 27, February needs 25
    const r = annualValidity([]);
    expect(r.valid).toBe(false);
    expect(r.days).toBe(0);
    expect(r.shortMonths).toEqual(
      Array.from({ length: 12 }, (_, i) => ({ month: i + 1, days: 0, required: i === 1 ? 25 : 27 })),
    );
  });

  it("leap-year February needs 25 too", () => {
    // 2020: Feb has 29 days; 25 valid -> ok; 366 - 29 + 25 = 362
    const counts2020 = [31, 25, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    const dates = counts2020.flatMap((n, i) => monthDates(2020, i + 1, n));
    expect(annualValidity(dates)).toEqual({ valid: true, days: 362, shortMonths: [] });
  });
});
