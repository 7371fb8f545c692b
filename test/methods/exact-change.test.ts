// Exact change arithmetic (issue 17): parsing decimals as written, GB/T 8170-2008 half-to-even rounding on the
// exact value, percent change and the figure a change target allows. The property tests compare with an
// oracle written here from the definition (BigInt long division read digit by digit), on a fixed seed.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePeriod } from "../../src/data/kinds/ledger.js";
import { addLedgerEntry, createLedgerStore } from "../../src/data/ledger-store.js";
import { ledgerMetric, type LedgerMetricContext } from "../../src/engine/ledger-metrics.js";
import {
  displayMargin,
  exactChange,
  parseDecimal,
  rational,
  roundRational,
  targetFigure,
  toNumber,
  type Rational,
} from "../../src/methods/exact-change.js";

const SEED = 20191231;
const RUNS = Number(process.env.HY_FUZZ_RUNS) > 0 ? Number(process.env.HY_FUZZ_RUNS) : 300;
const PARAMS = { seed: SEED, numRuns: RUNS };

const dec = (text: string): Rational => {
  const r = parseDecimal(text);
  if (!r) throw new Error(`not a decimal: ${text}`);
  return r;
};

describe("parseDecimal: the decimal as written", () => {
  it.each<[string, bigint, bigint]>([
    ["4,520", 4520n, 1n],
    ["-1.45", -29n, 20n], // -145/100 in lowest terms
    ["31376.0", 31376n, 1n],
    ["0.0035", 7n, 2000n],
    ["1.8e3", 1800n, 1n],
    [" 6 000 ", 6000n, 1n],
    ["+.5", 1n, 2n],
  ])("%s = %d / %d", (text, num, den) => {
    expect(parseDecimal(text)).toEqual({ num, den });
  });

  it.each(["", "abc", "1.2.3", "--1", ".", "1e"])('"%s" is not a decimal', (text) => {
    expect(parseDecimal(text)).toBeNull();
  });
});

describe("roundRational: GB/T 8170-2008 rule 3 on the exact value", () => {
  it.each<[string, number, number]>([
    ["-1.45", 1, -1.4], // the kept 4 is even: stays
    ["-1.95", 1, -2], // the kept 9 is odd: up to -2.0
    ["-2.55", 1, -2.6], // 5 odd: up
    ["0.25", 1, 0.2],
    ["0.35", 1, 0.4],
    ["-1.4501", 1, -1.5], // above one half: up, whatever the parity
    ["2.449999", 1, 2.4], // below one half: down
    ["1250", -2, 1200], // to hundreds: 12|50 -> 12 is even
    ["1350", -2, 1400],
    ["0.04", 1, 0], // never -0 either
  ])("%s to %d decimals -> %d", (text, digits, expected) => {
    expect(Object.is(toNumber(roundRational(dec(text), digits)), expected)).toBe(true);
  });

  it("rounds a repeating fraction on its exact value: -87/6000 x 100 = -1.45 exactly, 1/3 = 0.333...", () => {
    expect(toNumber(roundRational(rational(-8700n, 6000n), 1))).toBe(-1.4);
    expect(toNumber(roundRational(rational(1n, 3n), 2))).toBe(0.33);
    expect(toNumber(roundRational(rational(2n, 3n), 2))).toBe(0.67);
  });
});

describe("exactChange and targetFigure", () => {
  it("NOx 32,000 t -> 31,376 t: exactly -1.95 %; the target -2 % allows 31,360 t", () => {
    // -624 / 32000 = -0.0195; 32000 x 0.98 = 31360.
    expect(exactChange(dec("31376"), dec("32000"), "percent")).toEqual(rational(-39n, 20n));
    expect(targetFigure(dec("32000"), dec("-2"), "percent")).toEqual(rational(31360n));
  });

  it("NH3-N 6,000 t -> 5,913 t: exactly -1.45 %; -1.5 % allows 5,910 t", () => {
    expect(toNumber(exactChange(dec("5913"), dec("6,000"), "percent") ?? rational(0n))).toBe(-1.45);
    expect(targetFigure(dec("6000"), dec("-1.5"), "percent")).toEqual(rational(5910n));
  });

  it("a ratio changes in percentage points and its target figure is baseline + points", () => {
    // 89.5 -> 90.4 % is +0.9 points; +1 point allows 90.5 %.
    expect(exactChange(dec("90.4"), dec("89.5"), "points")).toEqual(rational(9n, 10n));
    expect(targetFigure(dec("89.5"), dec("1"), "points")).toEqual(rational(181n, 2n));
  });

  it("toNumber gives the nearest double, also for terms beyond 2^53", () => {
    expect(toNumber(rational(10n ** 30n + 1n, 10n ** 10n))).toBe(1e20);
    expect(toNumber(rational(1n, 3n * 10n ** 20n))).toBe(1 / 3e20);
    expect(toNumber(rational(-(2n ** 60n) - 1n, 2n ** 60n))).toBe(-1);
    expect(toNumber(rational(-87n, 60n))).toBe(-1.45);
  });

  it("a zero baseline has no percent change", () => {
    expect(exactChange(dec("5"), dec("0"), "percent")).toBeNull();
  });

  it("displayMargin keeps the first decimal that shows the margin is not zero", () => {
    expect(displayMargin(rational(-1n, 20n), 1)).toBe(-0.05); // -0.05 would round to -0.0 at 1 decimal
    expect(displayMargin(rational(-1n, 100000n), 1)).toBe(-0.00001);
    expect(displayMargin(rational(0n), 1)).toBe(0);
    expect(displayMargin(rational(2n, 5n), 1)).toBe(0.4);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The oracle: the percent change of two decimals, rounded to 0.1 by GB/T 8170, by long division read digit by
// digit: the tenths digit is kept, the digits after it decide (above 5, below 5, or exactly 5 then all zeros).

/** A decimal as [mantissa, scale]: value = mantissa / 10^scale. */
type Dec = [bigint, number];

const decText = ([m, scale]: Dec): string => {
  const digits = (m < 0n ? -m : m).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const text = scale === 0 ? whole : `${whole}.${digits.slice(digits.length - scale)}`;
  return m < 0n ? `-${text}` : text;
};

function oracleChangeTenths(current: Dec, base: Dec): bigint {
  // Bring both to one scale: integers c and b.
  const scale = Math.max(current[1], base[1]);
  const c = current[0] * 10n ** BigInt(scale - current[1]);
  const b = base[0] * 10n ** BigInt(scale - base[1]);
  const negative = c - b < 0n !== b < 0n;
  const n = (c - b < 0n ? b - c : c - b) * 100n; // |c - b| x 100
  const d = b < 0n ? -b : b;
  // 30 digits after the percent's decimal point, and whether anything remains after them.
  const scaled = (n * 10n ** 30n) / d;
  const exact = (n * 10n ** 30n) % d === 0n;
  const digits = scaled.toString().padStart(31, "0");
  const tenths = BigInt(digits.slice(0, digits.length - 29)); // the value in tenths of a percent, truncated
  const rest = digits.slice(digits.length - 29);
  const first = Number(rest[0]);
  const tie = first === 5 && /^0*$/.test(rest.slice(1)) && exact;
  const up = first > 5 || (first === 5 && !tie) || (tie && tenths % 2n === 1n);
  const magnitude = up ? tenths + 1n : tenths;
  return negative ? -magnitude : magnitude;
}

const decimal = (maxScale: number) =>
  fc
    .tuple(fc.bigInt({ min: 1n, max: 10n ** 10n }), fc.integer({ min: 0, max: maxScale }))
    .map(([m, s]): Dec => [m, s]);

/** The metric as a run computes it: a store with the two figures as written, in t. */
function changeThroughLedger(current: string, base: string, rule?: { op: "<="; value: number }) {
  const store = createLedgerStore();
  for (const [period, text, line] of [
    ["2018", base, 2],
    ["2019", current, 3],
  ] as const) {
    const p = parsePeriod(period);
    if (!p) throw new Error(period);
    addLedgerEntry(store, "em", {
      ...p,
      value: Number(text),
      written: { value: text, unit: "t" },
      file: "l.csv",
      line,
    });
  }
  const ctx: LedgerMetricContext = {
    store,
    indicators: new Map([["em", { id: "em", names: [], quantity: "mass", unit: "t", better: "lower" }]]),
    year: 2019,
    asOf: "2019-12-31",
    lang: "en",
  };
  return ledgerMetric(ctx, { name: "ledger.change", indicator: "em", baseline: { year: 2018 } }, rule);
}

describe("property: the reported change equals the oracle's (fixed seed)", () => {
  it("random baselines and figures", () => {
    fc.assert(
      fc.property(decimal(3), decimal(3), (current, base) => {
        const expected = Number(oracleChangeTenths(current, base)) / 10;
        const exact = exactChange(dec(decText(current)), dec(decText(base)), "percent");
        expect(toNumber(roundRational(exact ?? rational(0n), 1))).toBe(expected + 0);
        expect(changeThroughLedger(decText(current), decText(base)).actual).toBe(expected + 0);
      }),
      PARAMS,
    );
  });

  it("exact ties: cuts of x.x5 % of random baselines round half to even", () => {
    // A cut of h hundredths of a percent (h ending in 5, e.g. 145 = 1.45 %) of a baseline m / 10^s t leaves
    // m x (10000 - h) / 10^(s + 4) t exactly. The reported cut keeps the tenths digit when it is even.
    fc.assert(
      fc.property(
        decimal(3),
        fc.integer({ min: 0, max: 299 }).map((k) => 10 * k + 5),
        ([m, s], hundredths) => {
          const base: Dec = [m, s];
          const current: Dec = [m * BigInt(10000 - hundredths), s + 4];
          const tenths = (hundredths - 5) / 10;
          const kept = tenths % 2 === 0 ? tenths : tenths + 1;
          expect(Number(oracleChangeTenths(current, base))).toBe(-kept + 0);
          expect(changeThroughLedger(decText(current), decText(base)).actual).toBe(-kept / 10 + 0);
        },
      ),
      PARAMS,
    );
  });

  it("a cut target is met exactly when the figure is within the target figure: x.x5 % cuts against -1.5 %", () => {
    // The cut of h hundredths meets "down 1.5 %" exactly when h >= 150: on the figure, not on the rounded cut.
    fc.assert(
      fc.property(decimal(2), fc.integer({ min: 100, max: 200 }), ([m, s], hundredths) => {
        const current: Dec = [m * BigInt(10000 - hundredths), s + 4];
        const out = changeThroughLedger(decText(current), decText([m, s]), { op: "<=", value: -1.5 });
        expect(out.verdict?.status).toBe(hundredths >= 150 ? "pass" : "fail");
        expect(Math.sign(out.detail?.targetFigure?.margin ?? Number.NaN)).toBe(Math.sign(hundredths - 150));
      }),
      PARAMS,
    );
  });
});
