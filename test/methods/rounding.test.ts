// GB/T 8170-2008 rounding, expected values worked out by hand from the rule in
// shared/reference/hj663-2013-validity.json ("rounding"): round half to even only when the
// discarded part is exactly 5 (decided on the number's shortest decimal form); if anything
// non-zero follows the 5, round up; below 5 drop, above 5 raise. NOT derived from the implementation.
import { describe, expect, it } from "vitest";
import { roundGbt8170 } from "../../src/methods/rounding.js";

describe("roundGbt8170: half to even on the decimal form", () => {
  it.each<[number, number, number, string]>([
    [42.5, 0, 42, "42|5, 5 then nothing, 2 even -> drop"],
    [43.5, 0, 44, "43|5, 3 odd -> up"],
    [42.51, 0, 43, "42|51, non-zero after the 5 -> up"],
    [42.49, 0, 42, "42|49 < half -> drop"],
    [42.6, 0, 43, "42|6 > half -> up"],
    [0.5, 0, 0, "0|5, 0 even -> drop"],
    [1.5, 0, 2, "1|5, 1 odd -> up"],
    [2.5, 0, 2, "2|5, 2 even -> drop"],
    [12345.5, 0, 12346, "12345|5, 5 odd -> up"],
    [12344.5, 0, 12344, "12344|5, 4 even -> drop"],
    [0.0034, 3, 0.003, "0.003|4 < half -> drop"],
    [0.0035, 3, 0.004, "0.003|5, 3 odd -> up"],
    [0.0045, 3, 0.004, "0.004|5, 4 even -> drop"],
    [0.00451, 3, 0.005, "0.004|51, non-zero after 5 -> up"],
    [1.005, 2, 1, "1.00|5, 0 even -> drop -> 1.00 (binary 1.00499.. must not matter)"],
    [2.675, 2, 2.68, "2.67|5, 7 odd -> up (binary 2.67499.. must not matter)"],
    [2.665, 2, 2.66, "2.66|5, 6 even -> drop"],
    [2.6751, 2, 2.68, "2.67|51 -> up"],
    [0.285, 2, 0.28, "0.28|5, 8 even -> drop"],
    [1.15, 1, 1.2, "1.1|5, 1 odd -> up"],
    [1.25, 1, 1.2, "1.2|5, 2 even -> drop"],
    [1.35, 1, 1.4, "1.3|5, 3 odd -> up (binary 1.3500..01 must not matter)"],
    [1.45, 1, 1.4, "1.4|5, 4 even -> drop (binary 1.4499..96 must not matter)"],
    [99.95, 1, 100, "99.9|5, 9 odd -> up -> 100.0"],
    [123.456, 2, 123.46, "123.45|6 -> up"],
    [-2.5, 0, -2, "-(2|5), 2 even -> -2 (sign does not change the rule)"],
    [-3.5, 0, -4, "-(3|5), 3 odd -> -4"],
    [-0.0045, 3, -0.004, "-(0.004|5), 4 even -> -0.004"],
    [-2.675, 2, -2.68, "-(2.67|5), 7 odd -> -2.68"],
    [1.5e-6, 6, 0.000002, "0.000001|5, 1 odd -> up (shortest form is exponent notation)"],
  ])("%s to %s decimals -> %s  (%s)", (value, digits, expected) => {
    expect(roundGbt8170(value, digits)).toBe(expected);
  });
});

describe("roundGbt8170: negative digits (tens, hundreds)", () => {
  it.each<[number, number, number, string]>([
    [1250, -2, 1200, "12|50, 5 then zeros, 2 even -> 1200"],
    [1350, -2, 1400, "13|50, 3 odd -> 1400"],
    [1251, -2, 1300, "12|51, non-zero after 5 -> 1300"],
    [1249, -2, 1200, "12|49 < half -> 1200"],
    [25, -1, 20, "2|5, 2 even -> 20"],
    [35, -1, 40, "3|5, 3 odd -> 40"],
    [26, -1, 30, "2|6 -> 30"],
  ])("%s to %s decimals -> %s  (%s)", (value, digits, expected) => {
    expect(roundGbt8170(value, digits)).toBe(expected);
  });
});

describe("roundGbt8170: values already short enough", () => {
  it.each<[number, number]>([
    [12.3, 1], // one decimal kept at 1 -> unchanged
    [12.3, 2], // fewer decimals than asked -> unchanged
    [7, 2], // integer -> unchanged
    [0.1, 3],
    [0.004, 3],
    [2.68, 2],
    [0, 0],
    [1200, -2],
    [-17.25, 2],
  ])("%s at %s decimals is unchanged", (value, digits) => {
    expect(roundGbt8170(value, digits)).toBe(value);
  });

  it("digits defaults to 0", () => {
    // 2|5, 2 even -> 2; 3|5, 3 odd -> 4
    expect(roundGbt8170(2.5)).toBe(2);
    expect(roundGbt8170(3.5)).toBe(4);
  });

  it("NaN stays NaN", () => {
    expect(roundGbt8170(Number.NaN, 2)).toBeNaN();
    expect(roundGbt8170(Number.NaN)).toBeNaN();
  });
});

describe("roundGbt8170: properties", () => {
  const values = [
    0,
    1,
    42.5,
    43.5,
    2.675,
    1.005,
    0.0045,
    0.0035,
    99.95,
    1234.5678,
    -2.5,
    -17.25,
    3.14159,
    1e-7,
    123456.789,
    0.1 + 0.2,
  ];
  const digitsList = [-2, -1, 0, 1, 2, 3];

  it("is idempotent: rounding a rounded value returns it", () => {
    for (const v of values) {
      for (const d of digitsList) {
        const once = roundGbt8170(v, d);
        // compared as numbers (+ 0 folds -0 into 0): -2.5 at -2 -> -0, and -0 re-rounds to +0
        expect(roundGbt8170(once, d) + 0, `${v} at ${d}`).toBe(once + 0);
      }
    }
  });

  it("moves a value by at most half a unit of the last kept place", () => {
    // |round(v, d) - v| <= 0.5 * 10^-d (plus float slack)
    for (const v of values) {
      for (const d of digitsList) {
        const unit = 10 ** -d;
        expect(Math.abs(roundGbt8170(v, d) - v), `${v} at ${d}`).toBeLessThanOrEqual(unit / 2 + 1e-9 * unit);
      }
    }
  });

  it("returns the shortest double of the rounded decimal (no float residue)", () => {
    // 0.1 + 0.2 = 0.30000000000000004 -> at 1 decimal 0.3|00..04 -> 0.3 exactly (the double of "0.3")
    expect(roundGbt8170(0.1 + 0.2, 1)).toBe(0.3);
    // 1234.5678 at 2: 1234.56|78 -> 1234.57
    expect(roundGbt8170(1234.5678, 2)).toBe(1234.57);
    // 3.14159 at 3: 3.141|59 -> 3.142
    expect(roundGbt8170(3.14159, 3)).toBe(3.142);
  });

  it("is odd-symmetric: round(-v) = -round(v) for non-zero results", () => {
    // half-even is symmetric about 0, e.g. -42.5 -> -42 like 42.5 -> 42
    for (const v of values) {
      for (const d of digitsList) {
        const pos = roundGbt8170(Math.abs(v), d);
        if (pos === 0) continue;
        expect(roundGbt8170(-Math.abs(v), d), `-${Math.abs(v)} at ${d}`).toBe(-pos);
      }
    }
  });
});
