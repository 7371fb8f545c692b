// compare(): a value on the target meets it; within `tolerance` short of it is warn; the margin is
// positive when met and is the exact decimal difference (no binary noise). Expected values by hand.
import { describe, expect, it } from "vitest";
import { compare, type Verdict } from "../../src/engine/compare.js";
import type { Comparison } from "../../src/targets/schema.js";

type Row = [Comparison, number, number | [number, number], number | undefined, number, Verdict];

describe("compare", () => {
  it.each<Row>([
    // <= : margin = target - actual
    ["<=", 43, 43, undefined, 0, { status: "pass", margin: 0 }],
    ["<=", 44, 43, undefined, 0, { status: "fail", margin: -1 }],
    ["<=", 40, 43, undefined, 0, { status: "pass", margin: 3 }],
    ["<=", 43.1, 43, undefined, 1, { status: "fail", margin: -0.1 }],
    ["<=", 42.9, 43, undefined, 1, { status: "pass", margin: 0.1 }],
    // >= : margin = actual - target
    [">=", 80, 80, undefined, 1, { status: "pass", margin: 0 }],
    [">=", 79.9, 80, undefined, 1, { status: "fail", margin: -0.1 }],
    [">=", 86.6, 86.5, undefined, 1, { status: "pass", margin: 0.1 }],
    [">=", 86.4, 86.5, undefined, 1, { status: "fail", margin: -0.1 }],
    [">=", 92.3, 80, undefined, 1, { status: "pass", margin: 12.3 }],
    [">=", 0.3, 0.1, undefined, 1, { status: "pass", margin: 0.2 }],
  ])("%s: %d against %j (tolerance %s, %d decimals)", (op, actual, target, tol, decimals, verdict) => {
    expect(compare(op, actual, target, tol, decimals)).toEqual(verdict);
  });

  it("79.9 vs >= 80 has a margin of exactly -0.1", () => {
    const { margin } = compare(">=", 79.9, 80, undefined, 1);
    expect(margin).toBe(-0.1);
    expect(String(margin)).toBe("-0.1");
  });

  it("a value exactly on the target has margin +0, never -0", () => {
    for (const op of ["<=", ">=", "=="] as const) {
      expect(Object.is(compare(op, 43, 43, undefined, 0).margin, 0)).toBe(true);
    }
    expect(Object.is(compare("between", 40, [40, 50], undefined, 0).margin, 0)).toBe(true);
  });
});

describe("compare with a tolerance (the plan's 左右)", () => {
  it.each<Row>([
    [">=", 90, 90, 2, 1, { status: "pass", margin: 0 }],
    [">=", 91, 90, 2, 1, { status: "pass", margin: 1 }],
    [">=", 89, 90, 2, 1, { status: "warn", margin: -1 }],
    [">=", 88, 90, 2, 1, { status: "warn", margin: -2 }],
    [">=", 87.9, 90, 2, 1, { status: "fail", margin: -2.1 }],
    // 85.3 - 86.5 is -1.2000000000000028 in binary: the decimal -1.2 is within 1.2.
    [">=", 85.3, 86.5, 1.2, 1, { status: "warn", margin: -1.2 }],
    ["<=", 43, 43, 2, 0, { status: "pass", margin: 0 }],
    ["<=", 44, 43, 2, 0, { status: "warn", margin: -1 }],
    ["<=", 45, 43, 2, 0, { status: "warn", margin: -2 }],
    ["<=", 46, 43, 2, 0, { status: "fail", margin: -3 }],
    ["<=", 45.1, 43, 2, 1, { status: "fail", margin: -2.1 }],
    ["<=", 0.7, 0.5, 0.2, 1, { status: "warn", margin: -0.2 }],
  ])("%s: %d against %j (tolerance %s, %d decimals)", (op, actual, target, tol, decimals, verdict) => {
    expect(compare(op, actual, target, tol, decimals)).toEqual(verdict);
  });
});

describe("compare ==", () => {
  it.each<Row>([
    ["==", 50, 50, undefined, 0, { status: "pass", margin: 0 }],
    ["==", 51, 50, undefined, 0, { status: "fail", margin: -1 }],
    ["==", 49, 50, undefined, 0, { status: "fail", margin: -1 }],
    ["==", 49.5, 50, 1, 1, { status: "warn", margin: -0.5 }],
    ["==", 50.5, 50, 1, 1, { status: "warn", margin: -0.5 }],
    ["==", 51.5, 50, 1, 1, { status: "fail", margin: -1.5 }],
  ])("%s: %d against %j (tolerance %s, %d decimals)", (op, actual, target, tol, decimals, verdict) => {
    expect(compare(op, actual, target, tol, decimals)).toEqual(verdict);
  });
});

describe("compare between: margin is the distance to the nearest bound, negative outside", () => {
  it.each<Row>([
    ["between", 45, [40, 60], undefined, 0, { status: "pass", margin: 5 }],
    ["between", 58, [40, 60], undefined, 0, { status: "pass", margin: 2 }],
    ["between", 50, [40, 60], undefined, 0, { status: "pass", margin: 10 }],
    ["between", 40, [40, 60], undefined, 0, { status: "pass", margin: 0 }],
    ["between", 60, [40, 60], undefined, 0, { status: "pass", margin: 0 }],
    ["between", 61, [40, 60], undefined, 0, { status: "fail", margin: -1 }],
    ["between", 37, [40, 60], undefined, 0, { status: "fail", margin: -3 }],
    ["between", 39.9, [40, 60], undefined, 1, { status: "fail", margin: -0.1 }],
    ["between", 60.2, [40, 60], undefined, 1, { status: "fail", margin: -0.2 }],
    ["between", 6.9, [6, 9], undefined, 1, { status: "pass", margin: 0.9 }],
    ["between", 61, [40, 60], 2, 0, { status: "warn", margin: -1 }],
    ["between", 38, [40, 60], 2, 0, { status: "warn", margin: -2 }],
    ["between", 63, [40, 60], 2, 0, { status: "fail", margin: -3 }],
  ])("%s: %d against %j (tolerance %s, %d decimals)", (op, actual, target, tol, decimals, verdict) => {
    expect(compare(op, actual, target, tol, decimals)).toEqual(verdict);
  });
});
