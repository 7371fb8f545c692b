// Property tests (issue 7) with fast-check, on a fixed seed so that `npm test` is reproducible.
// HY_FUZZ_RUNS=10000 npx vitest run test/properties.test.ts runs each property longer.
//
// 1. Random daily CSVs built from valid rows plus random damage never crash the reader, never count a row
//    twice, and every data line is accounted for: check() (the library API, default targets) on temp files.
// 2. IAQI is monotone non-decreasing in the concentration, for every item (HJ 633-2012 Table 1).
// 3. GB/T 8170 rounding is idempotent (and never gives -0).
// 4. The HJ 663 percentile lies between the smallest and largest value and is monotone in p.
// 5. The AQI value the good-day rate uses (dailyAqiValue) is dailyAqi's, for any day under either edition.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { dailyAqi, dailyAqiValue, type DailyValues } from "../src/methods/air.js";
import {
  check,
  hj663Percentile,
  iaqi,
  IAQI_ITEMS,
  InputError,
  roundGbt8170,
  type CheckReport,
  type IaqiItem,
} from "../src/index.js";

const SEED = 20190101;
const RUNS = Number(process.env.HY_FUZZ_RUNS) > 0 ? Number(process.env.HY_FUZZ_RUNS) : 100;
const PARAMS = { seed: SEED, numRuns: RUNS };
/** Long runs need more time than vitest's default. */
const TIMEOUT = Math.max(60_000, RUNS * 1_000);

// ---------------------------------------------------------------------------------------------------
// 1. Random damaged CSVs through check().

const HEADER = ["日期", "区域", "PM2.5", "PM10", "SO2", "NO2", "CO", "O3_8h"];
const WIDTH = HEADER.length;
const DATE_COL = 0;
const AREA_COL = 1;

type Damage =
  | { kind: "none" }
  | { kind: "drop"; at: number }
  | { kind: "add"; at: number; text: string }
  | { kind: "garbage"; at: number; text: string }
  | { kind: "blank"; text: string }
  | { kind: "quote"; at: number; pos: number };

interface Row {
  /** Day of 2019, 0-based; a small range on purpose, so that some days repeat (duplicates). */
  day: number;
  dateStyle: 0 | 1 | 2;
  values: string[];
  damage: Damage;
}

interface CsvCase {
  rows: Row[];
  eol: "\n" | "\r\n" | "\r";
  bom: boolean;
  finalEol: boolean;
}

function isoOf(day: number): { y: number; m: number; d: number } {
  const date = new Date(Date.UTC(2019, 0, 1 + day));
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function dateText(day: number, style: Row["dateStyle"]): string {
  const { y, m, d } = isoOf(day);
  if (style === 1) return `${y}/${m}/${d}`;
  if (style === 2) return `${y}年${m}月${d}日`;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Cell text that is no number, no missing marker, no date and no area name (so its effect is known). */
const garbage = fc.oneof(
  fc.constantFrom("abc", "#N/A", "#DIV/0!", "1.2.3", "x1", "?", "一二", "12a", "- 5", "N.A.", "1e", "0x1F"),
  fc.stringMatching(/^#[a-z]{1,6}$/),
  fc.integer({ min: 1, max: 999 }).map((n) => `-${n}`),
);
const isNegativeNumber = (text: string) => /^-\d+$/.test(text);

const damage: fc.Arbitrary<Damage> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Damage>({ kind: "none" }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("drop" as const), at: fc.nat(WIDTH - 1) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("add" as const),
      at: fc.nat(WIDTH),
      text: fc.oneof(garbage, fc.constant(""), fc.constant("35")),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("garbage" as const), at: fc.nat(WIDTH - 1), text: garbage }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("blank" as const), text: fc.constantFrom("", "  ", "\t") }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("quote" as const), at: fc.nat(WIDTH - 1), pos: fc.nat(3) }),
  },
);

const row: fc.Arbitrary<Row> = fc.record({
  day: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 364 })),
  dateStyle: fc.constantFrom(0 as const, 1 as const, 2 as const),
  values: fc.tuple(
    fc.integer({ min: 0, max: 300 }).map(String), // PM2.5
    fc.integer({ min: 0, max: 600 }).map(String), // PM10
    fc.integer({ min: 0, max: 100 }).map(String), // SO2
    fc.integer({ min: 0, max: 100 }).map(String), // NO2
    fc.integer({ min: 0, max: 40 }).map((n) => (n / 10).toString()), // CO, mg/m3
    fc.integer({ min: 0, max: 300 }).map(String), // O3_8h
  ),
  damage,
});

const csvCase: fc.Arbitrary<CsvCase> = fc.record({
  rows: fc.array(row, { maxLength: 40 }),
  eol: fc.constantFrom("\n" as const, "\r\n" as const, "\r" as const),
  bom: fc.boolean(),
  finalEol: fc.boolean(),
});

interface Expected {
  text: string;
  /** Data lines: the rows written, blank lines not included. */
  dataLines: number;
  /** Exact outcome when the file holds no quote; undefined otherwise. */
  exact?: {
    rejected: { line: number; col: number; code: string }[];
    unassigned: number;
    used: number;
  };
  /** The line of the first quote when it sits inside a cell (csv-parse must refuse it there). */
  strayQuoteLine?: number;
  /** The line of the file's only quote when it opens a cell: it is never closed. */
  unclosedQuoteLine?: number;
  distinctDays: number;
}

/** The file's text, and what a correct reader makes of it (an independent model of the reading rules). */
function build(c: CsvCase): Expected {
  const lines = [HEADER.join(",")];
  const rejected: { line: number; col: number; code: string }[] = [];
  const seen = new Set<number>();
  // A row equal cell for cell to an earlier full-width row is read once (a repeat), not a duplicate.
  const texts = new Set<string>();
  let repeated = 0;
  let unassigned = 0;
  let quotes = 0;
  let strayQuoteLine: number | undefined;
  let openingQuoteLine: number | undefined;
  for (const r of c.rows) {
    const cells = [dateText(r.day, r.dateStyle), "衡阳县", ...r.values];
    const d = r.damage;
    if (d.kind === "blank") lines.push(d.text);
    const line = lines.length + 1;
    if (d.kind === "drop") cells.splice(d.at, 1);
    if (d.kind === "add") cells.splice(d.at, 0, d.text);
    if (d.kind === "garbage") cells[d.at] = d.text;
    if (d.kind === "quote") {
      const cell = cells[d.at] ?? "";
      const pos = Math.min(d.pos, cell.length);
      cells[d.at] = `${cell.slice(0, pos)}"${cell.slice(pos)}`;
      if (quotes === 0 && pos > 0) strayQuoteLine = line;
      if (quotes === 0 && pos === 0) openingQuoteLine = line;
      quotes++;
    }
    lines.push(cells.join(","));
    if (d.kind !== "quote" && cells.length === WIDTH && texts.has(cells.join(","))) {
      repeated++;
      continue;
    }
    if (cells.length === WIDTH) texts.add(cells.join(","));

    if (d.kind === "drop" || d.kind === "add") {
      rejected.push({ line, col: Math.min(cells.length, WIDTH) + 1, code: "HY-FIELDS" });
    } else if (d.kind === "garbage" && d.at === DATE_COL) {
      rejected.push({ line, col: DATE_COL + 1, code: "HY-DATE" });
    } else if (d.kind === "garbage" && d.at !== AREA_COL) {
      rejected.push({ line, col: d.at + 1, code: isNegativeNumber(d.text) ? "HY-RANGE" : "HY-NUMBER" });
    } else if (d.kind === "garbage") {
      unassigned++;
    } else if (seen.has(r.day)) {
      rejected.push({ line, col: AREA_COL + 1, code: "HY-DUP" });
    } else {
      seen.add(r.day);
    }
  }
  const text = (c.bom ? "\ufeff" : "") + lines.join(c.eol) + (c.finalEol ? c.eol : "");
  return {
    text,
    dataLines: c.rows.length - repeated,
    distinctDays: new Set(c.rows.map((r) => r.day)).size,
    ...(quotes > 0 ? {} : { exact: { rejected, unassigned, used: seen.size } }),
    ...(strayQuoteLine !== undefined ? { strayQuoteLine } : {}),
    ...(quotes === 1 && openingQuoteLine !== undefined ? { unclosedQuoteLine: openingQuoteLine } : {}),
  };
}

/** Days of 衡阳县 with a PM2.5 value: every row used has one, so this is the count of rows used. */
function usedDays(report: CheckReport): number {
  const counties = report.results.find((r) => r.id === "air.counties.pm25");
  return counties?.detail.areas?.find((a) => a.area === "衡阳县")?.validDays ?? 0;
}

const dir = mkdtempSync(join(tmpdir(), "hy-props-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;

describe("damaged CSVs through check()", () => {
  it(
    "never crash, never count a row twice, and account for every data line",
    async () => {
      await fc.assert(
        fc.asyncProperty(csvCase, async (c) => {
          const expected = build(c);
          const file = join(dir, `f${++fileCount}.csv`);
          writeFileSync(file, expected.text);
          let report: CheckReport;
          try {
            report = await check([file]);
          } catch (e) {
            // Only a typed input error, and only for a broken quote (the header is never damaged).
            if (!(e instanceof InputError)) throw e;
            // A file of a header and no row at all: no data rows (HY-EMPTY).
            if (c.rows.length === 0) {
              expect(e.problems.map((p) => p.code)).toEqual(["HY-EMPTY"]);
              return;
            }
            expect(expected.exact, e.message).toBeUndefined();
            expect(e.problems.map((p) => p.code)).toEqual(["HY-CSV"]);
            const quoteLine = expected.strayQuoteLine ?? expected.unclosedQuoteLine;
            if (quoteLine !== undefined) expect(e.problems[0]?.line, e.message).toBe(quoteLine);
            return;
          }
          expect(expected.strayQuoteLine, "a quote inside a cell must be refused").toBeUndefined();
          expect(expected.unclosedQuoteLine, "a quote never closed must be refused").toBeUndefined();
          expect(report.inputs).toHaveLength(1);
          const input = report.inputs[0];
          if (!input) return;
          const used = usedDays(report);
          // Every row is exactly one of: used, rejected, unassigned, outside the period.
          expect(input.rows).toBe(used + input.rejectedRows + input.unassignedRows + input.outsidePeriodRows);
          expect(Object.values(input.rejectedByCode).reduce((a, b) => a + b, 0)).toBe(input.rejectedRows);
          // A station-day is never counted twice.
          expect(used).toBeLessThanOrEqual(expected.distinctDays);
          if (!expected.exact) {
            // A quoted cell may legitimately span lines: fewer records than lines, never more.
            expect(input.rows).toBeLessThanOrEqual(expected.dataLines);
            return;
          }
          expect({
            rows: input.rows,
            used,
            unassigned: input.unassignedRows,
            outside: input.outsidePeriodRows,
            rejected: input.rejected.map((p) => ({ line: p.line, col: p.col, code: p.code })),
          }).toEqual({
            rows: expected.dataLines,
            used: expected.exact.used,
            unassigned: expected.exact.unassigned,
            outside: 0,
            rejected: expected.exact.rejected.slice(0, 50),
          });
          expect(input.rejectedRows).toBe(expected.exact.rejected.length);
        }),
        PARAMS,
      );
    },
    TIMEOUT,
  );
});

// ---------------------------------------------------------------------------------------------------
// 2-4. The official methods.

/** The last concentration of each item in HJ 633-2012 Table 1 (SO2 1h and O3 8h stop early: notes 2, 3). */
const TOP_BREAKPOINT: Record<IaqiItem, number> = {
  SO2_24h: 2620,
  SO2_1h: 800,
  NO2_24h: 940,
  NO2_1h: 3840,
  PM10_24h: 600,
  "PM2.5_24h": 500,
  CO_24h: 60,
  CO_1h: 150,
  O3_1h: 1200,
  O3_8h: 800,
};

describe("methods", () => {
  it("covers every IAQI item", () => {
    expect(Object.keys(TOP_BREAKPOINT).sort()).toEqual([...IAQI_ITEMS].sort());
  });

  it("IAQI is monotone non-decreasing in the concentration, for every item", () => {
    const pair = fc.constantFrom(...IAQI_ITEMS).chain((item) => {
      const c = fc.double({ min: 0, max: TOP_BREAKPOINT[item], noNaN: true });
      return fc.tuple(fc.constant(item), c, c);
    });
    fc.assert(
      fc.property(pair, ([item, a, b]) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const iLo = iaqi(item, lo);
        const iHi = iaqi(item, hi);
        expect(iLo).not.toBeNull();
        expect(iHi).not.toBeNull();
        expect(iLo ?? NaN).toBeLessThanOrEqual(iHi ?? NaN);
      }),
      PARAMS,
    );
  });

  it("IAQI of a decimal concentration is the exact fraction rounded up (HJ 633-2012 formula 1, in integers)", () => {
    // Worked in exact integers: with c = n / 10^k, IAQI = IAQI_lo + ceil((IAQI_hi - IAQI_lo)(n - BP_lo 10^k) /
    // ((BP_hi - BP_lo) 10^k)); the float formula must give the same whole number (no 55.00000000000001 -> 56).
    const levels = [0, 50, 100, 150, 200, 300, 400, 500];
    // HJ 633-2012 Table 1, written out here (../shared/reference/hj633-2012-iaqi.json), not read from the code.
    const table: Record<IaqiItem, readonly number[]> = {
      SO2_24h: [0, 50, 150, 475, 800, 1600, 2100, 2620],
      SO2_1h: [0, 150, 500, 650, 800],
      NO2_24h: [0, 40, 80, 180, 280, 565, 750, 940],
      NO2_1h: [0, 100, 200, 700, 1200, 2340, 3090, 3840],
      PM10_24h: [0, 50, 150, 250, 350, 420, 500, 600],
      "PM2.5_24h": [0, 35, 75, 115, 150, 250, 350, 500],
      CO_24h: [0, 2, 4, 14, 24, 36, 48, 60],
      CO_1h: [0, 5, 10, 35, 60, 90, 120, 150],
      O3_1h: [0, 160, 200, 300, 400, 800, 1000, 1200],
      O3_8h: [0, 100, 160, 215, 265, 800],
    };
    const items = IAQI_ITEMS.filter((item) => (table[item].at(-1) ?? 0) > 0);
    const exactIaqi = (bp: readonly number[], n: bigint, scale: bigint): number => {
      for (let i = 1; i < bp.length; i++) {
        // Breakpoints are integers or tenths: in tenths of the concentration, exactly.
        const lo = BigInt(Math.round(bp[i - 1]! * 10));
        const hi = BigInt(Math.round(bp[i]! * 10));
        if (n * 10n > hi * scale) continue;
        const num = BigInt(levels[i]! - levels[i - 1]!) * (n * 10n - lo * scale);
        const den = (hi - lo) * scale;
        return levels[i - 1]! + Number((num + den - 1n) / den);
      }
      return 500;
    };
    const sample = fc.tuple(
      fc.constantFrom(...items),
      fc.integer({ min: 0, max: 99999 }),
      fc.integer({ min: 0, max: 3 }),
    );
    fc.assert(
      fc.property(sample, ([item, n, k]) => {
        const scale = 10n ** BigInt(k);
        const c = n / 10 ** k;
        const bp = table[item];
        if (c > (bp.at(-1) ?? 0)) return;
        expect(iaqi(item, c)).toBe(exactIaqi(bp, BigInt(n), scale));
      }),
      { ...PARAMS, numRuns: 20000 },
    );
  });

  it("GB/T 8170 rounding is idempotent", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 4 }),
        (x, d) => {
          const once = roundGbt8170(x, d);
          expect(roundGbt8170(once, d) === once, `${x} to ${d} decimals: ${once}`).toBe(true);
        },
      ),
      PARAMS,
    );
  });

  // The oracle rounds the value's shortest decimal string half to even with BigInt arithmetic, as a person
  // would on paper; roundGbt8170 takes a numeric shortcut away from ties, which must never change a result.
  function paperRound(x: number, d: number): number {
    const [mantissa = "0", exponent = "0"] = Math.abs(x).toExponential().split("e");
    const digits = mantissa.replace(".", "");
    // value = digits x 10^(exp - (digits.length - 1)); keep d decimals: scale to 10^-d.
    const shift = Number(exponent) - (digits.length - 1) + d;
    let kept: bigint;
    if (shift >= 0) kept = BigInt(digits) * 10n ** BigInt(shift);
    else {
      const div = 10n ** BigInt(-shift);
      const q = BigInt(digits) / div;
      const r = BigInt(digits) % div;
      kept = 2n * r > div || (2n * r === div && q % 2n === 1n) ? q + 1n : q;
    }
    const result = Number(`${kept}e${-d}`) * (x < 0 ? -1 : 1);
    return result === 0 ? 0 : result;
  }

  it("GB/T 8170 rounding equals rounding the decimal on paper (random values and exact ties)", () => {
    const tie = fc
      .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }))
      .map(([n, d]) => [Number(`${n}5e-${d + 1}`), d] as const);
    const any = fc.tuple(
      fc.oneof(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.integer().map((n) => n / 1000),
      ),
      fc.integer({ min: 0, max: 9 }),
    );
    fc.assert(
      fc.property(fc.oneof(tie, any), ([x, d]) => {
        expect(roundGbt8170(x, d), `${x} to ${d} decimals`).toBe(paperRound(x, d));
      }),
      { ...PARAMS, numRuns: RUNS * 20 },
    );
    // Worked by hand: ties go to the even digit; 0.0035 is the decimal a person wrote, not 0.00349999...
    expect([roundGbt8170(2.5), roundGbt8170(3.5), roundGbt8170(0.0035, 3), roundGbt8170(1.15, 1)]).toEqual([
      2, 4, 0.004, 1.2,
    ]);
  });

  it("GB/T 8170 rounding never gives -0 (a tiny negative value rounds to 0)", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 4 }),
        (x, d) => {
          expect(Object.is(roundGbt8170(x, d), -0), `roundGbt8170(${x}, ${d})`).toBe(false);
        },
      ),
      PARAMS,
    );
  });

  it("the good-day rate's AQI value is dailyAqi's, for any day under either edition", () => {
    // An equivalence of the fast path with dailyAqi (the values themselves are worked by hand in
    // test/methods/air.test.ts). Concentrations up to past the top of each table (O3 8 h > 800 takes the 1 h
    // IAQI in 2012), some missing.
    const item = (max: number) => fc.option(fc.double({ min: 0, max, noNaN: true }), { nil: undefined });
    const day = fc.record({
      SO2: item(3000),
      NO2: item(1000),
      PM10: item(700),
      "PM2.5": item(600),
      CO: item(70),
      O3_8h: item(1000),
      O3_1h: item(1400),
    });
    fc.assert(
      fc.property(
        day,
        fc.constantFrom("HJ633-2012", "HJ633-2026") as fc.Arbitrary<"HJ633-2012" | "HJ633-2026">,
        (d, edition) => {
          const values = Object.fromEntries(
            Object.entries(d).filter(([, v]) => v !== undefined),
          ) as DailyValues;
          expect(dailyAqiValue(values, { edition })).toBe(dailyAqi(values, { edition }).aqi);
        },
      ),
      PARAMS,
    );
  });

  it("the HJ 663 percentile lies between min and max and is monotone in p", () => {
    const values = fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 });
    const p = fc.double({ min: 0, max: 100, noNaN: true });
    fc.assert(
      fc.property(values, p, p, (xs, a, b) => {
        const [pLo, pHi] = a <= b ? [a, b] : [b, a];
        const lo = hj663Percentile(xs, pLo);
        const hi = hj663Percentile(xs, pHi);
        expect(lo).not.toBeNull();
        expect(hi).not.toBeNull();
        expect(lo ?? NaN).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(hi ?? NaN).toBeLessThanOrEqual(Math.max(...xs));
        expect(lo ?? NaN).toBeLessThanOrEqual(hi ?? NaN);
      }),
      PARAMS,
    );
  });
});
