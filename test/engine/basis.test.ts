// The basis of a verdict (src/engine/basis.ts): every expected figure below is worked out by hand in the
// comments, from the counts of days, not from the functions under test.
import { describe, expect, it } from "vitest";
import {
  countBounds,
  decideBasis,
  enoughToIndicate,
  meanBounds,
  rateBounds,
  type CaptureFacts,
  type Rule,
} from "../../src/engine/basis.js";

const rate80: Rule = { op: ">=", value: 80, tolerance: undefined, decimals: 1, reportedDecimals: 1 };
const noHeavyDay: Rule = { op: "<=", value: 0, tolerance: undefined, decimals: 0, reportedDecimals: 0 };
const pm25: Rule = { op: "<=", value: 43, tolerance: undefined, decimals: 0, reportedDecimals: 0 };

const capture = (validDays: number, days = 365, emptyMonths: number[] = []): CaptureFacts => ({
  validDays,
  days,
  emptyMonths,
  shortMonths: "6: 25/27",
});

describe("the basis of a verdict", () => {
  it("official when HJ 663-2013's counts are met, whatever the bounds", () => {
    const basis = decideBasis(
      { sufficient: true, rule: "concentration", capture: capture(360) },
      pm25,
      "indicative",
    );
    expect(basis).toMatchObject({
      kind: "official",
      reasonCode: "capture-met",
      reasonParams: { valid: 360, days: 365 },
    });
  });

  it("definite: a good-day rate still >= 80 % with every missing day counted not good", () => {
    // 300 good of 330 valid, 35 missing: 300 / 365 = 82.19 -> 82.2 (pass); 335 / 365 = 91.78 -> 91.8 (pass).
    const basis = decideBasis(
      { sufficient: false, rule: "day-ratio", capture: capture(330), bounds: rateBounds(300, 330, 35)! },
      rate80,
      "strict",
    );
    expect(basis?.kind).toBe("definite");
    expect(basis?.bounds).toEqual({
      missingDays: 35,
      low: 82.2,
      high: 91.8,
      lowStatus: "pass",
      highStatus: "pass",
    });
  });

  it("definite: 5 heavy days > 0 fail whatever the missing days, even far below the indicative threshold", () => {
    // 100 valid days of 365 (< 274): 265 missing; the count is 5 .. 5 + 265 = 270, > 0 at both ends.
    const basis = decideBasis(
      { sufficient: false, rule: "day-ratio", capture: capture(100), bounds: countBounds(5, 265) },
      noHeavyDay,
      "indicative",
    );
    expect(basis?.kind).toBe("definite");
    expect(basis?.bounds).toEqual({
      missingDays: 265,
      low: 5,
      high: 270,
      lowStatus: "fail",
      highStatus: "fail",
    });
    expect(basis?.reasonParams).toMatchObject({ missing: 265, low: 5, high: 270, status: "fail" });
  });

  it("indicative: the bounds disagree, and >= 274 of 365 days (3/4, rounded up) are valid", () => {
    // 284 good of 338 valid, 27 missing: 284 / 365 = 77.81 -> 77.8 (fail); 311 / 365 = 85.21 -> 85.2 (pass).
    const input = {
      sufficient: false,
      rule: "day-ratio" as const,
      capture: capture(338),
      bounds: rateBounds(284, 338, 27)!,
    };
    const basis = decideBasis(input, rate80, "indicative");
    expect(basis?.kind).toBe("indicative");
    expect(basis?.bounds).toEqual({
      missingDays: 27,
      low: 77.8,
      high: 85.2,
      lowStatus: "fail",
      highStatus: "pass",
    });
    // 338 / 365 = 92.60 %
    expect(basis?.reasonParams).toMatchObject({ valid: 338, days: 365, share: 92.6 });
    // --capture strict: no verdict.
    expect(decideBasis(input, rate80, "strict")).toBeUndefined();
  });

  it("no verdict below the threshold: 273 of 365 valid days is under 3/4 (273.75)", () => {
    // 250 good of 273 valid, 92 missing: 250 / 365 = 68.5 (fail); 342 / 365 = 93.7 (pass).
    const bounds = rateBounds(250, 273, 92)!;
    expect(
      decideBasis(
        { sufficient: false, rule: "day-ratio", capture: capture(273), bounds },
        rate80,
        "indicative",
      ),
    ).toBeUndefined();
    expect(enoughToIndicate("day-ratio", capture(274))).toBe(true);
    expect(enoughToIndicate("day-ratio", capture(273))).toBe(false);
  });

  it("a concentration with a month without data is no verdict; a rate is not gated by months", () => {
    // 334 valid days of 365, March empty.
    expect(
      decideBasis(
        { sufficient: false, rule: "concentration", capture: capture(334, 365, [3]) },
        pm25,
        "indicative",
      ),
    ).toBeUndefined();
    expect(enoughToIndicate("day-ratio", capture(334, 365, [3]))).toBe(true);
    expect(
      decideBasis({ sufficient: false, rule: "concentration", capture: capture(334) }, pm25, "indicative")
        ?.kind,
    ).toBe("indicative");
  });

  it("a two-sided rule (==) is never definite: equal statuses at the ends do not settle the values between", () => {
    const equals: Rule = { op: "==", value: 3, tolerance: undefined, decimals: 0, reportedDecimals: 0 };
    // 2 .. 4 days: both ends miss 3, yet 3 itself would meet it.
    expect(
      decideBasis(
        { sufficient: false, rule: "day-ratio", capture: capture(363), bounds: countBounds(2, 2) },
        equals,
        "strict",
      ),
    ).toBeUndefined();
  });
});

describe("bounds", () => {
  it("of a rate: every missing day counted not good, then good", () => {
    // 284 / 365 x 100 = 77.808...; 311 / 365 x 100 = 85.205...
    const b = rateBounds(284, 338, 27)!;
    expect(b.low).toBeCloseTo(77.808219, 5);
    expect(b.high).toBeCloseTo(85.205479, 5);
    expect(rateBounds(0, 0, 0)).toBeUndefined();
  });

  it("of a combined scope: the mean of the areas' bounds", () => {
    // Seven counties complete at 100 %, one with 360 good of 360 valid and 5 missing: 360 / 365 = 98.630137.
    // low = (7 x 100 + 98.630137) / 8 = 99.828767; high = 100.
    const full = rateBounds(365, 365, 0);
    const short = rateBounds(360, 360, 5);
    const b = meanBounds([full, full, full, full, full, full, full, short])!;
    expect(b.low).toBeCloseTo(99.828767, 5);
    expect(b.high).toBeCloseTo(100, 9);
    expect(b.missingDays).toBe(5);
    expect(meanBounds([full, undefined])).toBeUndefined();
  });
});
