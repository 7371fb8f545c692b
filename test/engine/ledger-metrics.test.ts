// Ledger metrics (ledger.value, ledger.change, milestone) and how evaluate() turns them into results:
// percent change vs percentage points, GB/T 8170 half-even rounding, missing and zero baselines, the 左右
// tolerance band, milestones and --as-of, progress of counted tasks. Expected values are worked out by hand
// in the comments; day counts are counted month by month.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createInputReport } from "../../src/data/input-report.js";
import { parsePeriod } from "../../src/data/kinds/ledger.js";
import { addLedgerEntry, createLedgerStore, type LedgerStore } from "../../src/data/ledger-store.js";
import { check } from "../../src/check.js";
import { defaultAsOf } from "../../src/engine/check.js";
import { buildRegistry } from "../../src/data/registry.js";
import {
  baselineValue,
  change,
  ledgerBaselineFor,
  ledgerMetric,
  type LedgerMetricContext,
} from "../../src/engine/ledger-metrics.js";
import type { CheckReport, TargetResult } from "../../src/engine/result.js";
import type { IndicatorSpec, LedgerMetric, Target } from "../../src/targets/schema.js";
import { reasonText } from "../../src/i18n.js";

/** A metric outcome's reason in English words, as the result (and JSON) gives it. */
const said = (o: { reasonCode?: string; reasonParams?: Record<string, string | number> }) =>
  reasonText("en", o.reasonCode ?? "", o.reasonParams ?? {});

// ---------------------------------------------------------------------------------------------------------
// Unit level: a hand-made store and indicator registry.

const SPECS: IndicatorSpec[] = [
  { id: "em.cod", names: [], quantity: "mass", unit: "万吨", better: "lower" },
  { id: "em.t", names: [], quantity: "mass", unit: "t", better: "lower" },
  { id: "rate", names: [], quantity: "ratio", unit: "%", better: "higher" },
  { id: "villages", names: [], quantity: "count", unit: "个", better: "higher" },
  { id: "ms", names: [], quantity: "count", unit: "项", better: "higher" },
];

/** rows: [indicator, period, value in the indicator's unit, value as written (default String(value))]. */
function store(rows: [string, string, number, string?][]): LedgerStore {
  const s = createLedgerStore();
  rows.forEach(([id, period, value, written], i) => {
    const p = parsePeriod(period);
    if (!p) throw new Error(`bad period ${period}`);
    const earlier = addLedgerEntry(s, id, {
      ...p,
      value,
      written: { value: written ?? String(value), unit: "" },
      file: "l.csv",
      line: i + 2,
    });
    if (earlier) throw new Error(`duplicate ${id} ${period}`);
  });
  return s;
}

function ctx(s: LedgerStore, asOf = "2019-12-31"): LedgerMetricContext {
  return {
    store: s,
    indicators: new Map(SPECS.map((spec) => [spec.id.toLowerCase(), spec])),
    year: 2019,
    asOf,
    lang: "en",
  };
}

const changeVs = (indicator: string, year: number): LedgerMetric => ({
  name: "ledger.change",
  indicator,
  baseline: { year },
});
const milestone = (due = "2019-12-31"): LedgerMetric => ({ name: "milestone", indicator: "ms", due });

describe("change(): (current - base) / base x 100", () => {
  it.each<[number, number, number, number]>([
    [4, 4.1, -0.1, -2.439024], // COD: -0.1 / 4.1 = -2.439 %
    [4480, 4520, -40, -0.884956], // NH3-N: -40 / 4520 = -0.885 %
    [10800, 12500, -1700, -13.6], // heavy metals: -1700 / 12500 = -13.6 %
    [110, 100, 10, 10],
  ])("%d vs %d: delta %d, %d %", (current, base, delta, percent) => {
    const c = change(current, base);
    expect(c.delta).toBeCloseTo(delta, 9);
    expect(c.deltaPercent ?? Number.NaN).toBeCloseTo(percent, 5);
  });

  it("a zero baseline has no percent change (null), never Infinity or NaN", () => {
    expect(change(5, 0)).toEqual({ delta: 5, deltaPercent: null });
    expect(change(0, 0)).toEqual({ delta: 0, deltaPercent: null });
  });
});

describe("ledger.change", () => {
  it("a mass changes in %, rounded to 0.1 (COD 4.10 -> 4.00 万吨: -2.4 %)", () => {
    const out = ledgerMetric(
      ctx(
        store([
          ["em.cod", "2018", 4.1, "4.10"],
          ["em.cod", "2019", 4, "4.00"],
        ]),
      ),
      changeVs("em.cod", 2018),
    );
    // (4.00 - 4.10) / 4.10 x 100 = -2.4390...; the digit after the 4 is 3 < 5: -2.4.
    expect(out).toMatchObject({ actual: -2.4, decimals: 1, sufficient: true });
    expect(out.raw ?? Number.NaN).toBeCloseTo(-2.439024, 5);
    expect(out.baseline).toMatchObject({ kind: "year", years: [2018], value: 4.1, current: 4, unit: "万吨" });
    expect(out.baseline?.delta ?? Number.NaN).toBeCloseTo(-0.1, 9);
    expect(out.baseline?.deltaPercent ?? Number.NaN).toBeCloseTo(-2.439024, 5);
    // The figures behind it: the plan year's first, then the baseline's.
    expect(out.ledger?.map((e) => e.period)).toEqual(["2019", "2018"]);
  });

  it.each<[number, number, number]>([
    // GB/T 8170 rounds half to even; half-up would give the value in brackets.
    [401, 400, 0.2], // +1/400 = +0.25 % -> 0.2 (2 is even) [0.3]
    [399, 400, -0.2], // -0.25 % -> -0.2 [-0.3]
    [1951, 2000, -2.4], // -49/2000 = -2.45 % -> -2.4 [-2.5]
    [1949, 2000, -2.6], // -51/2000 = -2.55 % -> -2.6 (5 is odd, rounds up to 6)
  ])("half-even: %d t vs %d t -> %d %", (current, base, expected) => {
    const out = ledgerMetric(
      ctx(
        store([
          ["em.t", "2018", base],
          ["em.t", "2019", current],
        ]),
      ),
      changeVs("em.t", 2018),
    );
    expect(out.actual).toBe(expected);
  });

  it("a ratio changes in percentage points, not % (85.0 % -> 88.6 %: +3.6 points, not +4.2 %)", () => {
    const out = ledgerMetric(
      ctx(
        store([
          ["rate", "2018", 85, "85.0"],
          ["rate", "2019", 88.6],
        ]),
      ),
      changeVs("rate", 2018),
    );
    // 88.6 - 85.0 = 3.6 points; (88.6 - 85) / 85 = 4.235 % would be the wrong reading.
    expect(out.actual).toBe(3.6);
    expect(out.baseline?.delta ?? Number.NaN).toBeCloseTo(3.6, 9);
  });

  it("a ratio with a 0 baseline still has a change in points (0 -> 5 %: +5.0)", () => {
    const out = ledgerMetric(
      ctx(
        store([
          ["rate", "2018", 0],
          ["rate", "2019", 5],
        ]),
      ),
      changeVs("rate", 2018),
    );
    expect(out).toMatchObject({ actual: 5, sufficient: true });
  });

  it("both baselines in one run: 2018 and 2013 of the same store", () => {
    const s = store([
      ["em.t", "2013", 12500],
      ["em.t", "2018", 11000],
      ["em.t", "2019", 10800],
    ]);
    // vs 2013: -1700 / 12500 = -13.6 %; vs 2018: -200 / 11000 = -1.818 % -> -1.8.
    expect(ledgerMetric(ctx(s), changeVs("em.t", 2013)).actual).toBe(-13.6);
    expect(ledgerMetric(ctx(s), changeVs("em.t", 2018)).actual).toBe(-1.8);
  });

  it("no baseline figure: no-data, reasonCode no-baseline", () => {
    const out = ledgerMetric(ctx(store([["em.t", "2019", 10800]])), changeVs("em.t", 2013));
    expect(out).toMatchObject({ actual: null, raw: null, sufficient: false, reasonCode: "no-baseline" });
    expect(said(out)).toContain("2013");
  });

  it("a baseline of 0 t: no-data, reasonCode baseline-zero (no division by zero)", () => {
    const out = ledgerMetric(
      ctx(
        store([
          ["em.t", "2018", 0],
          ["em.t", "2019", 5],
        ]),
      ),
      changeVs("em.t", 2018),
    );
    expect(out).toMatchObject({ actual: null, raw: null, sufficient: false, reasonCode: "baseline-zero" });
  });

  it("no figure for the plan year: no-data, reasonCode no-figure", () => {
    const out = ledgerMetric(ctx(store([["em.t", "2018", 100]])), changeVs("em.t", 2018));
    expect(out).toMatchObject({ actual: null, reasonCode: "no-figure" });
  });

  it("an indicator the registry does not know: no-data, reasonCode unknown-indicator", () => {
    const out = ledgerMetric(ctx(store([])), changeVs("em.nothing", 2018));
    expect(out.reasonCode).toBe("unknown-indicator");
  });
});

describe("baselineValue", () => {
  const s = store([
    ["em.t", "2016", 90],
    ["em.t", "2017", 100],
    ["em.t", "2018", 110],
  ]);
  it("previousYear is the year before the plan year (2018)", () => {
    expect(baselineValue(ctx(s), "em.t", { previousYear: true })).toMatchObject({
      kind: "previous-year",
      years: [2018],
      value: 110,
      missing: [],
    });
  });
  it("meanOf is the mean of the years: (90 + 100 + 110) / 3 = 100", () => {
    expect(baselineValue(ctx(s), "em.t", { meanOf: [2016, 2017, 2018] })).toMatchObject({
      kind: "mean",
      value: 100,
    });
  });
  it("a missing year makes the mean missing, naming the year", () => {
    expect(baselineValue(ctx(s), "em.t", { meanOf: [2015, 2016] })).toMatchObject({
      value: null,
      missing: [2015],
    });
  });
});

describe("ledger.value", () => {
  it("reports the figure with the decimals written (88.60 -> 88.6 to 2 decimals)", () => {
    const out = ledgerMetric(ctx(store([["rate", "2019", 88.6, "88.60"]])), {
      name: "ledger.value",
      indicator: "rate",
    });
    expect(out).toMatchObject({ actual: 88.6, decimals: 2, sufficient: true });
  });

  it("year to date: the latest figure of the plan year ending by --as-of", () => {
    const s = store([
      ["villages", "2019-06", 40],
      ["villages", "2019", 76],
    ]);
    const metric: LedgerMetric = { name: "ledger.value", indicator: "villages" };
    expect(ledgerMetric(ctx(s, "2019-06-29"), metric).reasonCode).toBe("no-figure"); // June ends on the 30th
    expect(ledgerMetric(ctx(s, "2019-07-31"), metric).actual).toBe(40);
    expect(ledgerMetric(ctx(s, "2019-12-31"), metric).actual).toBe(76);
  });

  it("a mass converted from another unit keeps its digits: 40400 t = 4.04 万吨, not 4", () => {
    // The figure was written as "40400" in 吨 and converted to the indicator's 万吨: 40400 / 10^4 = 4.04.
    // Rounding the converted value to the 0 decimals written in 吨 would report 4 (and pass a "<= 4" target).
    // 1 t = 0.0001 万吨, so the converted figure carries 4 decimals: 4.0400.
    const out = ledgerMetric(ctx(store([["em.cod", "2019", 4.04, "40400"]])), {
      name: "ledger.value",
      indicator: "em.cod",
    });
    expect(out.actual).toBe(4.04);
    expect(out.decimals).toBeGreaterThanOrEqual(2);
  });
});

describe("milestone: value = days late (completion minus the due date); <= 0 is on time", () => {
  it.each<[string, string, number]>([
    // A month counts to its last day.
    ["2019-03", "2019-12-31", -275], // 2019-03-31 -> 12-31: Apr 30 + May 31 + Jun 30 + Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31
    ["2019-09-30", "2019-12-31", -92], // Oct 31 + Nov 30 + Dec 31
    ["2019-11", "2019-12-31", -31], // 2019-11-30: Dec 31
    ["2019-12", "2019-12-31", 0], // 2019-12-31 is the due date: on time
    ["2019-12-31", "2019-12-31", 0],
    ["2019", "2019-12-31", 0], // a year figure ends on 12-31
  ])("done %s (as of %s): %d days, done", (period, asOf, days) => {
    const out = ledgerMetric(ctx(store([["ms", period, 1]]), asOf), milestone());
    expect(out).toMatchObject({ actual: days, raw: days, sufficient: true, milestone: "done" });
    expect(out.detail?.completed).toBe(parsePeriod(period)?.end);
  });

  it.each<[string, string, number]>([
    ["2020-01", "2020-02-15", 31], // 2020-01-31 minus 2019-12-31
    ["2020-03", "2020-06-30", 91], // 2020-03-31: Jan 31 + Feb 29 (2020 is a leap year) + Mar 31
    ["2020-01-01", "2020-01-01", 1],
  ])("done %s, after the due date (as of %s): %d days late", (period, asOf, days) => {
    const out = ledgerMetric(ctx(store([["ms", period, 1]]), asOf), milestone());
    expect(out).toMatchObject({ actual: days, sufficient: true, milestone: "late", reasonCode: "late" });
  });

  it("done 2020-01-20, evaluated at the year end 2019-12-31: 20 days late, and the result says the row is after --as-of", () => {
    // Jan 20 - Dec 31 = 20 days. The completion row is dated after the evaluation date and still counts.
    const out = ledgerMetric(
      ctx(
        store([
          ["ms", "2019", 0],
          ["ms", "2020-01-20", 1],
        ]),
      ),
      milestone(),
    );
    expect(out).toMatchObject({ actual: 20, milestone: "late", reasonCode: "late-after-as-of" });
    expect(said(out)).toContain("2020-01-20");
    expect(said(out)).toContain("20 days");
    expect(said(out)).toContain("after the evaluation date 2019-12-31");
    expect(out.ledger?.map((e) => e.period)).toEqual(["2020-01-20"]);
  });

  it("done after the due date is a fail whatever --as-of, even mid-year", () => {
    const out = ledgerMetric(ctx(store([["ms", "2020-01-20", 1]]), "2019-06-30"), milestone());
    expect(out).toMatchObject({ actual: 20, milestone: "late" });
  });

  it.each(["2019-07-31", "2019-12-30"])(
    "not done (a figure of 0), as of %s, not yet due: in progress, status warn, not no-data",
    (asOf) => {
      const out = ledgerMetric(ctx(store([["ms", "2019-06", 0]]), asOf), milestone());
      expect(out).toMatchObject({
        actual: null,
        sufficient: false,
        reasonCode: "in-progress",
        milestone: "in-progress",
        verdict: { status: "warn", margin: null },
      });
    },
  );

  it.each<[string, number]>([
    ["2019-12-31", 1], // the year-end review: not done by the end of the due day; done the next day at the earliest
    ["2020-01-10", 11], // Jan 1 .. Jan 10 past the due date, and the earliest completion is Jan 11
    ["2020-06-30", 183], // Jan 31 + Feb 29 + Mar 31 + Apr 30 + May 31 + Jun 30 = 182, + 1
  ])("not done (a 2019 figure of 0), as of %s: missed, at least %d days late (fail)", (asOf, days) => {
    const out = ledgerMetric(ctx(store([["ms", "2019", 0]]), asOf), milestone());
    expect(out).toMatchObject({ actual: days, sufficient: true, milestone: "missed", reasonCode: "missed" });
    expect(said(out)).toContain("not done by the due date 2019-12-31");
    expect(out.ledger?.map((e) => e.period)).toEqual(["2019"]);
  });

  it.each(["2019-06-30", "2019-12-31", "2020-03-31"])(
    "no row at all, as of %s: no-data with no figure (never 'not done yet')",
    (asOf) => {
      const out = ledgerMetric(ctx(store([]), asOf), milestone());
      expect(out).toMatchObject({ actual: null, sufficient: false, reasonCode: "no-figure" });
      expect(said(out)).toContain("no figure");
      expect(out.verdict).toBeUndefined();
    },
  );

  it("a completion in a month that ends after --as-of (before the due date) is not counted yet: in progress", () => {
    // Done in 2019-11 = by 2019-11-30; as of 2019-11-15 that has not happened.
    expect(ledgerMetric(ctx(store([["ms", "2019-11", 1]]), "2019-11-15"), milestone()).milestone).toBe(
      "in-progress",
    );
    expect(ledgerMetric(ctx(store([["ms", "2019-11", 1]]), "2019-11-30"), milestone()).actual).toBe(-31);
  });

  it("a figure of 0 is not done; the first period with a figure >= 1 is the completion", () => {
    const s = store([
      ["ms", "2019-06", 0],
      ["ms", "2019-10", 1], // 2019-10-31: Nov 30 + Dec 31 = -61
      ["ms", "2019-11", 1],
    ]);
    expect(ledgerMetric(ctx(s), milestone())).toMatchObject({ actual: -61, milestone: "done" });
    expect(ledgerMetric(ctx(s), milestone()).ledger?.map((e) => e.period)).toEqual(["2019-10"]);
  });
});

describe("defaultAsOf: the last date in the data, capped at the plan year's end", () => {
  const report = (to: string | null) => ({ ...createInputReport("a.csv", "ledger", "utf-8"), to });
  it.each<[(string | null)[], string]>([
    [["2020-03-31"], "2019-12-31"], // a 2020 completion is in the data: capped at 2019-12-31
    [["2019-06-30"], "2019-06-30"],
    [["2019-06-30", "2019-09-30", null], "2019-09-30"], // the latest of several inputs
    [[null], "2019-12-31"], // nothing dated
    [[], "2019-12-31"],
  ])("%j -> %s", (tos, expected) => {
    expect(defaultAsOf(tos.map(report), 2019)).toBe(expected);
  });
});

describe("ledgerBaselineFor: the baseline of an air target from the ledger", () => {
  const registry = buildRegistry({
    areas: [
      { id: "市城区", kind: "urban", stations: [], aliases: ["衡阳市城区"] },
      { id: "衡阳县", kind: "county", stations: [], aliases: [] },
      { id: "衡南县", kind: "county", stations: [], aliases: [] },
      { id: "南岳区", kind: "county", stations: [], aliases: ["南岳"] },
    ],
  });
  const airTarget = (id: string, scope: Target["scope"]): Target => ({
    id,
    title: { zh: id, en: id },
    source: { clause: "二(一)", text: "x" },
    metric: { name: "air.annual_mean", pollutant: "PM2.5" },
    ...(scope ? { scope } : {}),
    op: "<=",
    value: 41,
    unit: "ug/m3",
    baseline: { year: 2018 },
    informational: false,
  });
  /** rows: [indicator, area or "" for city-wide, period, value]. */
  function areaStore(rows: [string, string, string, number][]): LedgerStore {
    const s = createLedgerStore();
    rows.forEach(([id, area, period, value], i) => {
      const p = parsePeriod(period);
      if (!p) throw new Error(period);
      addLedgerEntry(s, id, {
        ...p,
        value,
        written: { value: String(value), unit: "ug/m3" },
        file: "l.csv",
        line: i + 2,
        ...(area ? { area } : {}),
      });
    });
    return s;
  }

  it("an area's own row first (46), else the indicator's city-wide row (47)", () => {
    const target = airTarget("air.urban.pm25", { area: "市城区" });
    const both = areaStore([
      ["air.urban.pm25", "市城区", "2018", 46],
      ["air.urban.pm25", "", "2018", 47],
    ]);
    // 43 - 46 = -3; -3 / 46 = -6.5217 %.
    expect(ledgerBaselineFor(target, 43, both, registry)).toMatchObject({
      value: 46,
      current: 43,
      delta: -3,
    });
    const cityWide = areaStore([["air.urban.pm25", "", "2018", 47]]);
    expect(ledgerBaselineFor(target, 43, cityWide, registry)?.value).toBe(47);
  });

  it("the counties' mean: the reported mean row, else the mean of every county's row (40 + 44 + 36) / 3 = 40", () => {
    const target = airTarget("air.counties.pm25", { areaKind: "county", combine: "mean" });
    const perCounty = areaStore([
      ["air.counties.pm25", "衡阳县", "2018", 40],
      ["air.counties.pm25", "衡南县", "2018", 44],
      ["air.counties.pm25", "南岳区", "2018", 36],
    ]);
    const b = ledgerBaselineFor(target, 37, perCounty, registry);
    expect(b).toMatchObject({ value: 40, current: 37, delta: -3, deltaPercent: -7.5 }); // -3 / 40 = -7.5 %
    expect(b?.areas).toEqual([
      { area: "衡阳县", value: 40 },
      { area: "衡南县", value: 44 },
      { area: "南岳区", value: 36 },
    ]);
    const reported = areaStore([
      ["air.counties.pm25", "", "2018", 41],
      ["air.counties.pm25", "衡阳县", "2018", 40],
    ]);
    expect(ledgerBaselineFor(target, 37, reported, registry)).toMatchObject({ value: 41, delta: -4 });
  });

  it("a county missing from the per-county rows gives no baseline (a mean of some counties is not theirs)", () => {
    const target = airTarget("air.counties.pm25", { areaKind: "county", combine: "mean" });
    const partial = areaStore([
      ["air.counties.pm25", "衡阳县", "2018", 40],
      ["air.counties.pm25", "衡南县", "2018", 44],
    ]);
    expect(ledgerBaselineFor(target, 37, partial, registry)).toBeUndefined();
  });

  it("a group of an `each:` target reads its own area's row only, never the city-wide one", () => {
    const target = airTarget("pm25.each", { area: "county:南岳" });
    const s = areaStore([
      ["pm25.each", "南岳区", "2018", 30],
      ["pm25.each", "", "2018", 45],
    ]);
    expect(ledgerBaselineFor(target, 33, s, registry)).toMatchObject({
      value: 30,
      delta: 3,
      deltaPercent: 10,
    });
    const cityOnly = areaStore([["pm25.each", "", "2018", 45]]);
    expect(ledgerBaselineFor(target, 33, cityOnly, registry)).toBeUndefined();
  });

  it("no baseline without a `baseline:` or without a value", () => {
    const s = areaStore([["air.urban.pm25", "", "2018", 47]]);
    const target = airTarget("air.urban.pm25", { area: "市城区" });
    expect(ledgerBaselineFor(target, null, s, registry)).toBeUndefined();
    const { baseline: _omitted, ...withoutBaseline } = target;
    expect(ledgerBaselineFor(withoutBaseline, 43, s, registry)).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------------------
// Through check(): small target files and ledgers in a temp folder, the results as the JSON contract has them.

const PLAN_TEXT =
  "排放量同比2018年下降2%,比2013年下降12%。耕地安全利用率达到90%左右。完成80个行政村。年底前完成改革。比率提高1个百分点。排放量不超过4万吨。氨氮下降1.5%。\n";

const TARGETS = `schemaVersion: 1
plan:
  title: { zh: 测试计划, en: Test plan }
  year: 2019
  issuer: 测试局
  seed: plan.txt
indicators:
  - { id: em.t, names: [排放量], quantity: mass, unit: t, better: lower }
  - { id: em.wan, names: [万吨排放量], quantity: mass, unit: 万吨, better: lower }
  - { id: farmland, names: [耕地安全利用率], quantity: ratio, unit: "%", better: higher }
  - { id: rate, names: [比率], quantity: ratio, unit: "%", better: higher }
  - { id: villages, names: [行政村数], quantity: count, unit: 个, better: higher }
  - { id: reform, names: [改革], quantity: count, unit: 项, better: higher }
targets:
  - id: em.vs2018
    title: { zh: 比2018年, en: vs 2018 }
    source: { clause: 二(二), text: 排放量同比2018年下降2% }
    metric: { name: ledger.change, indicator: em.t, baseline: { year: 2018 } }
    op: "<="
    value: -2
    unit: "%"
  - id: em.vs2013
    title: { zh: 比2013年, en: vs 2013 }
    source: { clause: 二(二), text: 比2013年下降12% }
    metric: { name: ledger.change, indicator: em.t, baseline: { year: 2013 } }
    op: "<="
    value: -12
    unit: "%"
  - id: em.cut15
    title: { zh: 下降1.5%, en: down 1.5 % }
    source: { clause: 二(二), text: 氨氮下降1.5% }
    metric: { name: ledger.change, indicator: em.t, baseline: { year: 2018 } }
    op: "<="
    value: -1.5
    unit: "%"
  - id: em.wan.vs2018
    title: { zh: 万吨, en: in 10^4 t }
    source: { clause: 二(二), text: 排放量同比2018年下降2% }
    metric: { name: ledger.change, indicator: em.wan, baseline: { year: 2018 } }
    op: "<="
    value: -2
    unit: "%"
  - id: em.wan.level
    title: { zh: 排放总量, en: total }
    source: { clause: 二(二), text: 排放量不超过4万吨 }
    metric: { name: ledger.value, indicator: em.wan }
    op: "<="
    value: 4
    unit: 万吨
  - id: farmland
    title: { zh: 耕地, en: farmland }
    source: { clause: 二(二), text: 耕地安全利用率达到90%左右 }
    metric: { name: ledger.value, indicator: farmland }
    op: ">="
    value: 90
    tolerance: 2
    unit: "%"
  - id: rate.up
    title: { zh: 比率, en: rate }
    source: { clause: 二(二), text: 比率提高1个百分点 }
    metric: { name: ledger.change, indicator: rate, baseline: { year: 2018 } }
    op: ">="
    value: 1
    unit: "%"
  - id: villages
    title: { zh: 村, en: villages }
    source: { clause: 三(二)10, text: 完成80个行政村 }
    metric: { name: ledger.value, indicator: villages }
    op: ">="
    value: 80
    unit: 个
  - id: reform
    title: { zh: 改革, en: reform }
    source: { clause: 二(四), text: 年底前完成改革 }
    metric: { name: milestone, indicator: reform, due: 2019-12-31 }
    op: "<="
    value: 0
    unit: d
  - id: manual.one
    title: { zh: 手工, en: manual }
    source: { clause: 二(二), text: 耕地安全利用率达到90%左右 }
    metric: { name: manual }
`;

/** Runs check() on a ledger written from `rows` (header 指标,年份,数值,单位). */
async function checkLedger(rows: readonly string[], asOf?: string): Promise<CheckReport> {
  const dir = mkdtempSync(join(tmpdir(), "hy-ledger-metrics-"));
  writeFileSync(join(dir, "plan.txt"), PLAN_TEXT);
  writeFileSync(join(dir, "targets.yaml"), TARGETS);
  const file = join(dir, "ledger.csv");
  writeFileSync(file, `${["指标,年份,数值,单位", ...rows].join("\n")}\n`);
  return check([file], { targets: join(dir, "targets.yaml"), lang: "en", ...(asOf ? { asOf } : {}) });
}

function resultOf(report: CheckReport, id: string): TargetResult {
  const r = report.results.find((x) => x.id === id);
  if (!r) throw new Error(`no result ${id}`);
  return r;
}

describe("check(): ledger targets in the JSON contract", () => {
  it("both baselines in one run, with the baseline block (value, current, delta, deltaPercent)", async () => {
    const report = await checkLedger(["排放量,2013,12500,t", "排放量,2018,11000,t", "排放量,2019,10780,t"]);
    // vs 2018: (10780 - 11000) / 11000 = -220 / 11000 = -2.0 % exactly: on the target (<= -2), margin 0.
    const r18 = resultOf(report, "em.vs2018");
    expect([r18.status, r18.actual, r18.margin, r18.decimals]).toEqual(["pass", -2, 0, 1]);
    expect(r18.baseline).toMatchObject({
      kind: "year",
      years: [2018],
      value: 11000,
      current: 10780,
      unit: "t",
      delta: -220,
    });
    expect(r18.baseline?.deltaPercent ?? Number.NaN).toBeCloseTo(-2, 9);
    // vs 2013: -1720 / 12500 = -13.76 % -> -13.8 (6 > 5 rounds up); margin -12 - (-13.8) = 1.8.
    const r13 = resultOf(report, "em.vs2013");
    expect([r13.status, r13.actual, r13.margin]).toEqual(["pass", -13.8, 1.8]);
    expect(r13.baseline).toMatchObject({ years: [2013], value: 12500, current: 10780, delta: -1720 });
    expect(r13.baseline?.deltaPercent ?? Number.NaN).toBeCloseTo(-13.76, 9);
    expect(r13.detail.ledger?.map((l) => [l.period, l.value, l.unit, l.line])).toEqual([
      ["2019", "10780", "t", 4],
      ["2013", "12500", "t", 2],
    ]);
  });

  it("a missing baseline is no-data with reasonCode no-baseline, and no baseline block", async () => {
    const report = await checkLedger(["排放量,2018,11000,t", "排放量,2019,10780,t"]);
    const r = resultOf(report, "em.vs2013");
    expect([r.status, r.actual, r.margin, r.detail.reasonCode]).toEqual([
      "no-data",
      null,
      null,
      "no-baseline",
    ]);
    expect(r.baseline).toBeUndefined();
  });

  it("a baseline of 0 for a mass is no-data with reasonCode baseline-zero", async () => {
    const report = await checkLedger(["排放量,2018,0,t", "排放量,2019,5,t", "排放量,2013,0,kg"]);
    for (const id of ["em.vs2018", "em.vs2013"]) {
      const r = resultOf(report, id);
      expect([r.status, r.actual, r.margin, r.detail.reasonCode]).toEqual([
        "no-data",
        null,
        null,
        "baseline-zero",
      ]);
    }
    expect(JSON.stringify(report)).not.toMatch(/Infinity|NaN/);
  });

  it("mixed units: 18000 t vs 1.85 万吨 -> -2.7 %", async () => {
    // 18000 t = 1.8 万吨; (1.8 - 1.85) / 1.85 = -2.7027 % -> -2.7; margin -2 - (-2.7) = 0.7.
    const report = await checkLedger(["万吨排放量,2018,1.85,万吨", "万吨排放量,2019,18000,吨"]);
    const r = resultOf(report, "em.wan.vs2018");
    expect([r.status, r.actual, r.margin]).toEqual(["pass", -2.7, 0.7]);
    expect(r.baseline).toMatchObject({ value: 1.85, current: 1.8, unit: "万吨" });
    expect(r.baseline?.delta ?? Number.NaN).toBeCloseTo(-0.05, 9);
  });

  it("a mass level in converted units is compared in the indicator's unit: 40400 吨 = 4.04 万吨 > 4 fails", async () => {
    // 40400 / 10^4 = 4.04 万吨; <= 4: margin 4 - 4.04 = -0.04, fail. Reporting 4 (the converted value rounded to
    // the 0 decimals written in 吨) would turn this into a pass with margin 0.
    const r = resultOf(await checkLedger(["万吨排放量,2019,40400,吨"]), "em.wan.level");
    expect([r.status, r.actual, r.margin]).toEqual(["fail", 4.04, -0.04]);
  });

  it("a ratio target compares the change in percentage points: 89.5 -> 90.4 is +0.9 points, short of +1", async () => {
    // 90.4 - 89.5 = 0.9 points (as % it would be 1.006 % and pass); margin 0.9 - 1 = -0.1: fail.
    const report = await checkLedger(["比率,2018,89.5,%", "比率,2019,90.4,%"]);
    const r = resultOf(report, "rate.up");
    expect([r.status, r.actual, r.margin]).toEqual(["fail", 0.9, -0.1]);
    expect(r.baseline?.delta ?? Number.NaN).toBeCloseTo(0.9, 9);
  });

  describe("the 左右 band: farmland >= 90 with tolerance 2", () => {
    it.each<[string, string, number, number]>([
      ["90", "pass", 90, 0], // on the target
      ["91.5", "pass", 91.5, 1.5],
      ["88.6", "warn", 88.6, -1.4], // 1.4 short, inside the band
      ["88", "warn", 88, -2], // exactly 2 short: the edge of the band is still warn
      ["88.00", "warn", 88, -2],
      ["87.9", "fail", 87.9, -2.1], // 2.1 short
      ["87.99", "fail", 87.99, -2.01],
      // 89.99 is reported as written (2 decimals), not rounded to the target's whole percent: GB/T 8170-2008
      // 4.3 compares the full value unless a standard says otherwise, so 89.99 is 0.01 short of 90 -> warn.
      ["89.99", "warn", 89.99, -0.01],
    ])("%s %% -> %s (actual %d, margin %d)", async (written, status, actual, margin) => {
      const r = resultOf(await checkLedger([`耕地安全利用率,2019,${written},%`]), "farmland");
      expect([r.status, r.actual, r.margin, r.tolerance]).toEqual([status, actual, margin, 2]);
    });
  });

  it("counted tasks carry progress = value / planned x 100 (76 of 80 -> 95)", async () => {
    const r = resultOf(await checkLedger(["行政村数,2019,76,个"]), "villages");
    expect([r.status, r.actual, r.margin, r.detail.progress]).toEqual(["fail", 76, -4, 95]);
    // Year to date (as of 2019-07-31 the June figure counts): 30 of 80 -> 37.5.
    const ytd = resultOf(
      await checkLedger(["行政村数,2019-06,30,个", "行政村数,2019,76,个"], "2019-07-31"),
      "villages",
    );
    expect([ytd.actual, ytd.detail.progress]).toEqual([30, 37.5]);
  });

  it("milestones: days late with detail.milestone; missed and in progress", async () => {
    const done = resultOf(await checkLedger(["改革,2019-11,1,项"]), "reform");
    // Done 2019-11-30: 31 days early; margin 0 - (-31) = 31.
    expect([done.status, done.actual, done.margin, done.detail.milestone]).toEqual(["pass", -31, 31, "done"]);
    expect(done.detail.completed).toBe("2019-11-30");
    // A 2019 figure of 0 at the year-end review (as of 2019-12-31): not done by the due date, fail.
    const missed = resultOf(await checkLedger(["改革,2019,0,项"]), "reform");
    expect([
      missed.status,
      missed.actual,
      missed.margin,
      missed.detail.milestone,
      missed.detail.reasonCode,
    ]).toEqual(["fail", 1, -1, "missed", "missed"]);
    // Not done as of 2020-01-10: at least 11 days late (done on Jan 11 at the earliest).
    const late = resultOf(await checkLedger(["改革,2019,0,项"], "2020-01-10"), "reform");
    expect([late.status, late.actual, late.margin, late.detail.milestone]).toEqual([
      "fail",
      11,
      -11,
      "missed",
    ]);
    // Mid-year, not done and not yet due: in progress, warn (not no-data), no value.
    const open = resultOf(await checkLedger(["改革,2019-06,0,项"], "2019-07-31"), "reform");
    expect([open.status, open.actual, open.margin, open.detail.milestone, open.detail.reasonCode]).toEqual([
      "warn",
      null,
      null,
      "in-progress",
      "in-progress",
    ]);
  });

  it("a milestone without any row is no-data with reason 'no figure'", async () => {
    const r = resultOf(await checkLedger(["行政村数,2019,76,个"]), "reform");
    expect([r.status, r.actual, r.detail.reasonCode, r.detail.milestone]).toEqual([
      "no-data",
      null,
      "no-figure",
      undefined,
    ]);
    expect(r.detail.reason).toMatch(/^no figure for reform/);
  });

  it("default as-of: the last date of the data, capped at the plan year's end", async () => {
    // The ledger ends with 2019-06 (2019-06-30): the milestone due 2019-12-31 with a 0 then is in progress.
    const mid = await checkLedger(["行政村数,2019-06,30,个", "改革,2019-06,0,项"]);
    expect(mid.asOf).toBe("2019-06-30");
    expect(resultOf(mid, "reform").detail.milestone).toBe("in-progress");
    // A 2020 figure is in the data: as of 2019-12-31, and the 2020 completion still counts at the year-end
    // review: 2020-03-31 - 2019-12-31 = Jan 31 + Feb 29 + Mar 31 = 91 days late.
    // (With a 2019 figure beside it: a run whose every row is outside the plan year stops, HY-YEAR.)
    const late = await checkLedger(["行政村数,2019-06,30,个", "改革,2020-03,1,项"]);
    expect(late.asOf).toBe("2019-12-31");
    expect(late.inputs[0]?.to).toBe("2020-03-31");
    expect(resultOf(late, "reform")).toMatchObject({
      status: "fail",
      actual: 91,
      detail: { milestone: "late", reasonCode: "late-after-as-of", completed: "2020-03-31" },
    });
  });

  describe("a change target is met on the figure, exactly; the percentage is rounded for reading", () => {
    it("NOx 32,000 t -> 31,376 t is -1.95 %, reported -2.0 %, but 16 t over the 31,360 t allowed: fail", async () => {
      // -624 / 32000 = -0.0195 exactly: -1.95 %; GB/T 8170 to 0.1: the kept 9 is odd, the 5 rounds it up: -2.0.
      // The target allows 32000 x (1 - 0.02) = 31360 t; 31376 - 31360 = 16 t over. Margin -2 - (-1.95) = -0.05.
      const r = resultOf(await checkLedger(["排放量,2018,32000,t", "排放量,2019,31376,t"]), "em.vs2018");
      expect([r.status, r.actual, r.margin]).toEqual(["fail", -2, -0.05]);
      expect(r.detail.targetFigure).toEqual({ allowed: 31360, current: 31376, unit: "t", margin: -16 });
      expect(r.baseline?.deltaPercent).toBe(-1.95);
      expect(r.detail.reasonCode).toBe("target-figure");
      expect(r.detail.reason).toContain("31376 t against 31360 t allowed, 16 t short");
    });

    it("NH3-N 6,000 t -> 5,913 t is exactly -1.45 %, reported -1.4 % (half to even), 3 t over 5,910 t: fail", async () => {
      // -87 / 6000 = -0.0145: -1.45 %; the kept 4 is even: -1.4 (floating point gives -1.4500000000000002 -> -1.5).
      // Allowed 6000 x (1 - 0.015) = 5910 t; 5913 is 3 t over. Margin -1.5 - (-1.45) = -0.05.
      const r = resultOf(await checkLedger(['排放量,2018,"6,000",吨', "排放量,2019,5913,吨"]), "em.cut15");
      expect([r.status, r.actual, r.margin]).toEqual(["fail", -1.4, -0.05]);
      expect(r.detail.targetFigure).toEqual({ allowed: 5910, current: 5913, unit: "t", margin: -3 });
      expect(r.baseline).toMatchObject({ value: 6000, current: 5913, delta: -87, deltaPercent: -1.45 });
      // The rounded -1.4 also misses -1.5: no extra reason needed.
      expect(r.detail.reasonCode).toBeUndefined();
    });

    it("a figure exactly on the target figure passes: 6,000 t -> 5,910 t is -1.5 %, margin 0", async () => {
      const r = resultOf(await checkLedger(["排放量,2018,6000,t", "排放量,2019,5910,t"]), "em.cut15");
      expect([r.status, r.actual, r.margin, r.detail.targetFigure?.margin]).toEqual(["pass", -1.5, 0, 0]);
    });

    it("a hair over the target figure still fails, with a margin that shows it (not 0)", async () => {
      // 10780.001 vs 11000: -219.999 / 11000 = -1.99999090... %; the allowed 10780 is 0.001 t below the figure.
      const r = resultOf(await checkLedger(["排放量,2018,11000,t", "排放量,2019,10780.001,t"]), "em.vs2018");
      expect([r.status, r.actual]).toEqual(["fail", -2]);
      expect(r.margin).toBeLessThan(0);
      expect(r.detail.targetFigure?.margin).toBeCloseTo(-0.001, 9);
    });
  });

  describe("counted tasks before their due date (the plan year's end): progress, never fail", () => {
    it("as of 2019-06-30, 35 of 80 villages: warn, 43.8 % done against 49.6 % of the year: at risk", async () => {
      // 35 / 80 = 43.75 % -> 43.8 (the kept 7 is odd, the 5 rounds it up). 2019-01-01 .. 06-30 is
      // 31 + 28 + 31 + 30 + 31 + 30 = 181 of 365 days = 49.589 % -> 49.6. 43.75 < 49.59: at risk.
      const r = resultOf(
        await checkLedger(["行政村数,2019-06,35,个", "行政村数,2019,76,个"], "2019-06-30"),
        "villages",
      );
      expect([r.status, r.actual, r.margin]).toEqual(["warn", 35, -45]);
      expect(r.detail).toMatchObject({
        progress: 43.8,
        yearElapsed: 49.6,
        outlook: "at-risk",
        reasonCode: "in-progress",
      });
      expect(r.detail.reason).toContain("35 of 80");
    });

    it("as of 2019-06-30, 40 of 80: 50.0 % done against 49.6 % elapsed: on track", async () => {
      const r = resultOf(await checkLedger(["行政村数,2019-06,40,个"], "2019-06-30"), "villages");
      expect([r.status, r.detail.progress, r.detail.outlook]).toEqual(["warn", 50, "on-track"]);
    });

    it("the share of the year is taken at the figure's date: a March figure as of 2019-07-31", async () => {
      // 2019-03-31: 31 + 28 + 31 = 90 of 365 days = 24.66 % -> 24.7; 20 of 80 = 25 %: on track.
      const r = resultOf(await checkLedger(["行政村数,2019-03,20,个"], "2019-07-31"), "villages");
      expect(r.detail).toMatchObject({ progress: 25, yearElapsed: 24.7, outlook: "on-track" });
    });

    it("done before the due date passes; at the due date a shortfall fails, with no outlook", async () => {
      const early = resultOf(await checkLedger(["行政村数,2019-06,80,个"], "2019-06-30"), "villages");
      expect([early.status, early.detail.progress, early.detail.outlook]).toEqual(["pass", 100, undefined]);
      const end = resultOf(await checkLedger(["行政村数,2019,76,个"]), "villages");
      expect([end.status, end.detail.progress, end.detail.outlook]).toEqual(["fail", 95, undefined]);
    });
  });

  it("manual targets are no-data, informational, reasonCode manual", async () => {
    const r = resultOf(await checkLedger(["行政村数,2019,76,个"]), "manual.one");
    expect(r).toMatchObject({
      status: "no-data",
      informational: true,
      op: null,
      target: null,
      detail: { reasonCode: "manual" },
    });
  });
});
