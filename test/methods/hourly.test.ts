// Hourly -> daily statistics and annual statistics (GB 3095-2012 Table 4, HJ 663-2013). Expected values
// are worked out by hand from the rules in shared/reference/hj663-2013-validity.json, NOT from the code.
// A day is 24 slots: slot 0 = 00:00-01:00 ... slot 23 = 23:00-24:00; NaN = missing hour.
import { describe, expect, it } from "vitest";
import {
  dailyMean,
  o3EightHourMeans,
  o3DailyMax8h,
  o3DailyMax1h,
  hj663Percentile,
  compositeIndex,
} from "../../src/methods/hourly.js";

/** A 24-slot day whose slot i holds f(i). */
function day(f: (slot: number) => number): number[] {
  return Array.from({ length: 24 }, (_, i) => f(i));
}

/** Slots 0..validUpTo-1 hold f(i); the later slots are missing. */
function dayUntil(validUpTo: number, f: (slot: number) => number): number[] {
  return day((i) => (i < validUpTo ? f(i) : NaN));
}

describe("dailyMean: 24-hour mean, valid with >= 20 valid hours", () => {
  it("all 24 hours", () => {
    // slots hold 1..24: sum = 24*25/2 = 300, mean 300/24 = 12.5, count 24 >= 20 -> valid
    expect(dailyMean(day((i) => i + 1))).toEqual({ value: 12.5, valid: true, count: 24 });
  });

  it("exactly 20 valid hours is valid", () => {
    // slots 0..19 hold 1..20, 20..23 missing: sum = 20*21/2 = 210, mean 210/20 = 10.5, count 20 -> valid
    expect(dailyMean(dayUntil(20, (i) => i + 1))).toEqual({ value: 10.5, valid: true, count: 20 });
  });

  it("exactly 19 valid hours is not valid, but the value is still computed", () => {
    // slots 0..18 hold 1..19, 19..23 missing: sum = 19*20/2 = 190, mean 190/19 = 10, count 19 < 20 -> invalid
    expect(dailyMean(dayUntil(19, (i) => i + 1))).toEqual({ value: 10, valid: false, count: 19 });
  });

  it("missing hours scattered through the day are skipped, not counted as zero", () => {
    // all 50 except slots 2,5,9,14,21 missing: 19 valid, mean 50 (as zeros it would be 950/24 = 39.58)
    const hours = day((i) => ([2, 5, 9, 14, 21].includes(i) ? NaN : 50));
    expect(dailyMean(hours)).toEqual({ value: 50, valid: false, count: 19 });
  });

  it("no valid hour -> null value", () => {
    // 0 valid hours: no mean, 0 < 20 -> invalid
    expect(dailyMean(day(() => NaN))).toEqual({ value: null, valid: false, count: 0 });
  });
});

describe("o3EightHourMeans: the 17 windows ending 08:00..24:00", () => {
  it("window ending e covers slots e-8..e-1", () => {
    // slot i holds i: window ending e = mean(e-8..e-1) = ((e-8)+(e-1))/2 = e-4.5 -> 3.5 (08:00) .. 19.5 (24:00)
    const expected = Array.from({ length: 17 }, (_, j) => j + 3.5);
    expect(o3EightHourMeans(day((i) => i))).toEqual(expected);
  });

  it("first window is slots 0..7 and last is slots 16..23", () => {
    // only slots 0..7 are 80, slots 8..23 are 0: first = 640/8 = 80; last (16..23) = 0; window ending 09:00 (1..8) = 560/8 = 70
    const means = o3EightHourMeans(day((i) => (i < 8 ? 80 : 0)));
    expect(means).toHaveLength(17);
    expect(means[0]).toBe(80);
    expect(means[1]).toBe(70);
    expect(means[16]).toBe(0);
  });

  it("a window with 5 valid hours is NaN, one with 6 is the mean of its valid hours", () => {
    // slots 0,1,2 missing, slot i = i otherwise:
    // ending 08 (0..7): valid 3..7 = 5 -> NaN; ending 09 (1..8): 3..8 = 6 -> 33/6 = 5.5;
    // ending 10 (2..9): 3..9 = 7 -> 42/7 = 6; ending 11 (3..10): 8 -> 52/8 = 6.5
    const means = o3EightHourMeans(day((i) => (i < 3 ? NaN : i)));
    expect(means[0]).toBeNaN();
    expect(means[1]).toBe(5.5);
    expect(means[2]).toBe(6);
    expect(means[3]).toBe(6.5);
  });

  it("all missing -> 17 NaN", () => {
    // no valid hour in any window: 0 < 6 for all 17
    const means = o3EightHourMeans(day(() => NaN));
    expect(means).toHaveLength(17);
    expect(means.every((m) => Number.isNaN(m))).toBe(true);
  });
});

describe("o3DailyMax8h: max of the valid windows, valid with >= 14 windows or > 160", () => {
  it("a full day has 17 windows", () => {
    // slot i = i: windows 3.5..19.5, max 19.5 (ending 24:00), 17 windows >= 14 -> valid
    expect(o3DailyMax8h(day((i) => i))).toEqual({ value: 19.5, valid: true, count: 17 });
  });

  it("slots 0..18 valid -> exactly 14 windows -> valid; partial windows take part in the max", () => {
    // window j = slots j..j+7 has 19-j valid hours when j+7 > 18; >= 6 iff j <= 13 -> j = 0..13 = 14 windows.
    // slot i = i: j <= 11 full, mean j+3.5 (max 14.5); j=12: 12..18 = 105/7 = 15; j=13: 13..18 = 93/6 = 15.5 -> max 15.5
    expect(o3DailyMax8h(dayUntil(19, (i) => i))).toEqual({ value: 15.5, valid: true, count: 14 });
  });

  it("slots 0..17 valid -> exactly 13 windows -> not valid below the limit", () => {
    // window j has 18-j valid hours when j+7 > 17; >= 6 iff j <= 12 -> 13 windows; all 100 -> max 100, 13 < 14, 100 <= 160
    expect(o3DailyMax8h(dayUntil(18, () => 100))).toEqual({ value: 100, valid: false, count: 13 });
  });

  it("13 windows with a max above 160 is still valid (exceedance clause)", () => {
    // slots 0..11 = 100, 12..17 = 161, 18..23 missing: 13 windows; j=12 (12..19) = 6 x 161 / 6 = 161;
    // j=11 (11..18) = (100 + 6*161)/7 = 1066/7 = 152.3 -> max 161 > 160 -> valid
    const hours = dayUntil(18, (i) => (i < 12 ? 100 : 161));
    expect(o3DailyMax8h(hours)).toEqual({ value: 161, valid: true, count: 13 });
  });

  it("13 windows with a max equal to 160 is not valid", () => {
    // slots 0..17 = 160: 13 windows each 160, max 160 is not > 160 and 13 < 14 -> invalid
    expect(o3DailyMax8h(dayUntil(18, () => 160))).toEqual({ value: 160, valid: false, count: 13 });
  });

  it("14 windows with a max at or below 160 is valid by count", () => {
    // slots 0..18 = 160: 14 windows each 160, 14 >= 14 -> valid
    expect(o3DailyMax8h(dayUntil(19, () => 160))).toEqual({ value: 160, valid: true, count: 14 });
  });

  it("no valid window -> null", () => {
    // only slots 0..4 valid: window 0 has 5 < 6 hours, later ones fewer -> 0 windows
    expect(o3DailyMax8h(dayUntil(5, () => 300))).toEqual({ value: null, valid: false, count: 0 });
  });
});

describe("o3DailyMax1h: max hour, valid with >= 20 hours or > 200", () => {
  it("20 valid hours is valid", () => {
    // slots 0..19 = 10*i -> max 190 at slot 19, count 20 >= 20 -> valid
    expect(o3DailyMax1h(dayUntil(20, (i) => 10 * i))).toEqual({ value: 190, valid: true, count: 20 });
  });

  it("19 valid hours with max 200 is not valid", () => {
    // slots 0..18 = 100 except slot 5 = 200: max 200, not > 200, 19 < 20 -> invalid
    expect(o3DailyMax1h(dayUntil(19, (i) => (i === 5 ? 200 : 100)))).toEqual({
      value: 200,
      valid: false,
      count: 19,
    });
  });

  it("19 valid hours with max 201 is valid (exceedance clause)", () => {
    // slots 0..18 = 100 except slot 5 = 201: max 201 > 200 -> valid despite 19 < 20
    expect(o3DailyMax1h(dayUntil(19, (i) => (i === 5 ? 201 : 100)))).toEqual({
      value: 201,
      valid: true,
      count: 19,
    });
  });

  it("a missing hour is never the max", () => {
    // all 24 = -5 except slot 0 missing: max -5 (not NaN, not -Infinity), 23 hours -> valid
    expect(o3DailyMax1h(day((i) => (i === 0 ? NaN : -5)))).toEqual({ value: -5, valid: true, count: 23 });
  });

  it("no valid hour -> null", () => {
    // 0 hours -> no max
    expect(o3DailyMax1h(day(() => NaN))).toEqual({ value: null, valid: false, count: 0 });
  });
});

describe("hj663Percentile: k = 1 + (n-1)p/100, X(s) + (X(s+1)-X(s))(k-s)", () => {
  it("the worked example from the reference", () => {
    // sorted [2,3,4,4,5,8], k = 1 + 5*0.9 = 5.5, s = 5: X(5)=5, X(6)=8 -> 5 + 3*0.5 = 6.5
    expect(hj663Percentile([3, 4, 8, 2, 5, 4], 90)).toBe(6.5);
  });

  it("n = 1 gives the single value for any p", () => {
    // n=1: k = 1 + 0*p/100 = 1, s = 1 = n -> X(1) = 42
    expect(hj663Percentile([42], 0)).toBe(42);
    expect(hj663Percentile([42], 50)).toBe(42);
    expect(hj663Percentile([42], 100)).toBe(42);
  });

  it("p = 0 is the minimum and p = 100 the maximum, with numeric (not string) sorting", () => {
    // sorted numerically [2,9,10,100] (a string sort would give [10,100,2,9]);
    // p=0: k=1 -> X(1)=2; p=100: k = 1+3 = 4 = n -> X(4) = 100
    expect(hj663Percentile([10, 9, 100, 2], 0)).toBe(2);
    expect(hj663Percentile([10, 9, 100, 2], 100)).toBe(100);
  });

  it("p = 95 over 1..365", () => {
    // k = 1 + 364*0.95 = 346.8, s = 346: X(346)=346, X(347)=347 -> 346 + 1*0.8 = 346.8
    const values = Array.from({ length: 365 }, (_, i) => 365 - i);
    expect(hj663Percentile(values, 95)).toBeCloseTo(346.8, 10);
  });

  it("p = 90 on 10 values", () => {
    // sorted [3,6,...,30] (3i): k = 1 + 9*0.9 = 9.1, s = 9: X(9)=27, X(10)=30 -> 27 + 3*0.1 = 27.3
    expect(hj663Percentile([15, 3, 27, 9, 21, 6, 30, 12, 18, 24], 90)).toBeCloseTo(27.3, 10);
  });

  it("integer k takes X(k) exactly", () => {
    // n=5, p=25: k = 1 + 4*0.25 = 2, s = 2, k-s = 0 -> X(2) = 20
    expect(hj663Percentile([50, 40, 30, 20, 10], 25)).toBe(20);
  });

  it("p = 50 on an even count interpolates halfway", () => {
    // sorted [1,2,3,4]: k = 1 + 3*0.5 = 2.5 -> 2 + (3-2)*0.5 = 2.5
    expect(hj663Percentile([4, 1, 3, 2], 50)).toBe(2.5);
  });

  it("does not mutate its input", () => {
    // input stays in its given order [5,1,4,2,3]; p=100 -> 5
    const values = [5, 1, 4, 2, 3];
    expect(hj663Percentile(values, 100)).toBe(5);
    expect(values).toEqual([5, 1, 4, 2, 3]);
  });

  it("empty input -> null", () => {
    // n = 0: no X(1)
    expect(hj663Percentile([], 90)).toBeNull();
  });

  it.each([-1, -0.001, 100.001, 101, NaN])("p = %s is outside 0..100 and throws", (p) => {
    // p must satisfy 0 <= p <= 100 (NaN satisfies neither bound)
    expect(() => hj663Percentile([1, 2, 3], p)).toThrow(RangeError);
  });
});

describe("compositeIndex: sum of C_i / S_i over the six pollutants", () => {
  const zero = { SO2: 0, NO2: 0, PM10: 0, "PM2.5": 0, CO_p95: 0, O3_p90: 0 };

  it("round-number example", () => {
    // 12/60 + 20/40 + 70/70 + 35/35 + 1.2/4 + 160/160 = 0.2 + 0.5 + 1 + 1 + 0.3 + 1 = 4.0
    expect(compositeIndex({ SO2: 12, NO2: 20, PM10: 70, "PM2.5": 35, CO_p95: 1.2, O3_p90: 160 })).toBeCloseTo(
      4,
      10,
    );
  });

  it("a second example", () => {
    // 6/60 + 30/40 + 35/70 + 7/35 + 2/4 + 80/160 = 0.1 + 0.75 + 0.5 + 0.2 + 0.5 + 0.5 = 2.55
    expect(compositeIndex({ SO2: 6, NO2: 30, PM10: 35, "PM2.5": 7, CO_p95: 2, O3_p90: 80 })).toBeCloseTo(
      2.55,
      10,
    );
  });

  it.each<[keyof typeof zero, number]>([
    ["SO2", 60],
    ["NO2", 40],
    ["PM10", 70],
    ["PM2.5", 35],
    ["CO_p95", 4],
    ["O3_p90", 160],
  ])("%s at its limit %s alone gives 1", (key, limit) => {
    // C/S = limit/limit = 1, the other five terms are 0/S = 0
    expect(compositeIndex({ ...zero, [key]: limit })).toBeCloseTo(1, 10);
  });

  it("all zero gives 0", () => {
    // 0/60 + 0/40 + 0/70 + 0/35 + 0/4 + 0/160 = 0
    expect(compositeIndex(zero)).toBe(0);
  });
});
