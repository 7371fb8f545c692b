// An implementation of the official air methods that imports nothing from src/, and synthetic area-level
// CSVs: the expected values of the check command's tests (src/commands/check.test.ts) come from here or by hand.
//
// - area daily value = mean over the area's stations that have the pollutant that day; the urban area
//   (市城区) is the five assessment stations 2457A-2461A only, never the control point 原169医院;
// - annual mean = mean of the area's daily values of 2019 (HJ 663-2013: >= 324 days, >= 27 per month,
//   >= 25 in February, otherwise no data), reported half-to-even (GB/T 8170-2008) to an integer;
// - daily AQI = max IAQI (HJ 633-2012 Table 1, 24-hour columns, each IAQI rounded up); a day counts for
//   the good-day rate when all six items are there or the ones there already give AQI > 100;
// - percentile = HJ 663-2013 percentile of the area's valid daily values of 2019 (sort ascending,
//   k = 1 + (n - 1)p/100, s = floor(k), X(s) + (X(s+1) - X(s))(k - s)), same day counts as the annual
//   mean, reported half-to-even like the pollutant (CO to 0.1 mg/m3, O3 to an integer);
// - heavy days = days counted for the good-day rate (same validity rule) whose AQI is above 200;
// - counties' value = mean of the eight unrounded values, rounded once;
// - a target is met when the rounded value meets it, a value exactly on the target included.
import type { AreaValue, CheckReport, TargetResult } from "../../src/engine/result.js";
import type { InputReport } from "../../src/data/input-report.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./run-cli.js";

// ---------------------------------------------------------------------------------------------------
// The JSON report, as far as these tests read it (declared here, not imported from src/).

// The JSON a run prints is the engine's report: its types are the contract's (src/engine/result.ts).
export type Status = TargetResult["status"];
export type ReportArea = AreaValue;
export type ReportResult = TargetResult;
export type ReportInput = InputReport;
export type Report = CheckReport;

export function result(report: Report, id: string): ReportResult {
  const r = report.results.find((x) => x.id === id);
  if (!r) throw new Error(`no result ${id} in ${report.results.map((x) => x.id).join(", ")}`);
  return r;
}

// The shipped file holds targets of several families (air., water., ...). The air-method tests below
// look at the air results only, so that adding a target of another family does not break them; the
// other families' results on air-only data are checked once, in section 1.
export const isAir = (r: { id: string }) => r.id.startsWith("air.");
export const airResults = (report: Report) => report.results.filter(isAir);

/** The report's summary, computed over some of its results. */
export function summaryOf(results: readonly ReportResult[]): Report["summary"] {
  const count = (s: Status) => results.filter((r) => r.status === s).length;
  const noData = (code: (c: string | undefined) => boolean) =>
    results.filter((r) => r.status === "no-data" && code(r.detail.reasonCode)).length;
  return {
    pass: count("pass"),
    warn: count("warn"),
    fail: count("fail"),
    noData: count("no-data"),
    indicative: results.filter((r) => r.basis?.kind === "indicative").length,
    definite: results.filter((r) => r.basis?.kind === "definite").length,
    noDataThin: noData((c) => c !== "manual" && c !== "no-input"),
    manual: noData((c) => c === "manual"),
    notChecked: noData((c) => c === "no-input"),
  };
}

/** The table's summary line for a report summary (it counts every result, of every family). */
export function summaryLine(lang: "en" | "zh", s: Report["summary"]): string {
  return lang === "en"
    ? `${s.pass} pass, ${s.warn} warn, ${s.fail} fail (${s.indicative} indicative); no data: ${s.noDataThin} too thin, ${s.manual} manual, ${s.notChecked} not checked`
    : `达标 ${s.pass} 项，接近 ${s.warn} 项，未达标 ${s.fail} 项（其中参考性 ${s.indicative} 项）；数据不足 ${s.noDataThin} 项，人工核查 ${s.manual} 项，未检查 ${s.notChecked} 项`;
}

// ---------------------------------------------------------------------------------------------------
// The plan's air targets (targets/hengyang-2019.yaml, a public contract) and areas.

export const SHIPPED_TARGETS = join(ROOT, "targets", "hengyang-2019.yaml");

export const URBAN_STATIONS = new Map([
  ["2457A", "衡阳化工总厂"],
  ["2458A", "珠晖区环保局"],
  ["2459A", "市委党校"],
  ["2460A", "市监测站"],
  ["2461A", "真空机电公司"],
]);
export const CONTROL_POINT = "原169医院";
export const COUNTIES = ["衡阳县", "衡南县", "衡山县", "衡东县", "祁东县", "耒阳市", "常宁市", "南岳区"];

export type Metric =
  | { kind: "good_rate" }
  | { kind: "annual_mean"; pollutant: Pollutant }
  | { kind: "percentile"; pollutant: Pollutant; p: number }
  | { kind: "day_count"; aqiAbove: number };
export interface PlanTarget {
  id: string;
  scope: "urban" | "counties";
  metric: Metric;
  op: ">=" | "<=";
  value: number;
  unit: string;
  /** Reported with a status, never affecting the exit code. */
  informational: boolean;
}

export const AIR_TARGETS: PlanTarget[] = [
  {
    id: "air.urban.good_rate",
    scope: "urban",
    metric: { kind: "good_rate" },
    op: ">=",
    value: 80,
    unit: "%",
    informational: false,
  },
  {
    id: "air.urban.pm25",
    scope: "urban",
    metric: { kind: "annual_mean", pollutant: "PM2.5" },
    op: "<=",
    value: 43,
    unit: "ug/m3",
    informational: false,
  },
  {
    id: "air.urban.pm10",
    scope: "urban",
    metric: { kind: "annual_mean", pollutant: "PM10" },
    op: "<=",
    value: 68,
    unit: "ug/m3",
    informational: false,
  },
  {
    id: "air.counties.good_rate",
    scope: "counties",
    metric: { kind: "good_rate" },
    op: ">=",
    value: 86.5,
    unit: "%",
    informational: false,
  },
  {
    id: "air.counties.pm25",
    scope: "counties",
    metric: { kind: "annual_mean", pollutant: "PM2.5" },
    op: "<=",
    value: 41,
    unit: "ug/m3",
    informational: false,
  },
  {
    id: "air.counties.pm10",
    scope: "counties",
    metric: { kind: "annual_mean", pollutant: "PM10" },
    op: "<=",
    value: 64,
    unit: "ug/m3",
    informational: false,
  },
  // Informational: GB 3095-2012 Class II limits of the annual assessment statistics, and heavy-pollution days.
  {
    id: "air.urban.co_p95",
    scope: "urban",
    metric: { kind: "percentile", pollutant: "CO", p: 95 },
    op: "<=",
    value: 4,
    unit: "mg/m3",
    informational: true,
  },
  {
    id: "air.urban.o3_p90",
    scope: "urban",
    metric: { kind: "percentile", pollutant: "O3_8h", p: 90 },
    op: "<=",
    value: 160,
    unit: "ug/m3",
    informational: true,
  },
  {
    id: "air.urban.heavy_days",
    scope: "urban",
    metric: { kind: "day_count", aqiAbove: 200 },
    op: "<=",
    value: 0,
    unit: "d",
    informational: true,
  },
];
// The nine air ids, in file order, spelled out (the tests check AIR_TARGETS against them). The full list
// of the shipped ids, every family, is spelled out once, in test/targets/load.test.ts.
export const AIR_TARGET_IDS = [
  "air.urban.good_rate",
  "air.urban.pm25",
  "air.urban.pm10",
  "air.counties.good_rate",
  "air.counties.pm25",
  "air.counties.pm10",
  "air.urban.co_p95",
  "air.urban.o3_p90",
  "air.urban.heavy_days",
];
export const AIR_INFORMATIONAL_IDS = ["air.urban.co_p95", "air.urban.o3_p90", "air.urban.heavy_days"];

// ---------------------------------------------------------------------------------------------------
// Independent implementation of the methods.

export const POLLUTANTS = ["PM2.5", "PM10", "SO2", "NO2", "CO", "O3_8h"] as const;
export type Pollutant = (typeof POLLUTANTS)[number];
export type Values = Partial<Record<Pollutant, number>>;

// HJ 633-2012 Table 1, 24-hour columns (CO in mg/m3, O3 the daily maximum 8-hour mean).
export const IAQI_LEVELS = [0, 50, 100, 150, 200, 300, 400, 500];
export const BREAKPOINTS: Record<Pollutant, number[]> = {
  "PM2.5": [0, 35, 75, 115, 150, 250, 350, 500],
  PM10: [0, 50, 150, 250, 350, 420, 500, 600],
  SO2: [0, 50, 150, 475, 800, 1600, 2100, 2620],
  NO2: [0, 40, 80, 180, 280, 565, 750, 940],
  CO: [0, 2, 4, 14, 24, 36, 48, 60],
  O3_8h: [0, 100, 160, 215, 265, 800],
};

export function iaqi(pollutant: Pollutant, c: number): number {
  const bp = BREAKPOINTS[pollutant];
  for (let i = 1; i < bp.length; i++) {
    const hi = bp[i]!;
    if (c <= hi) {
      const lo = bp[i - 1]!;
      const exact = IAQI_LEVELS[i - 1]! + ((IAQI_LEVELS[i]! - IAQI_LEVELS[i - 1]!) * (c - lo)) / (hi - lo);
      return Math.ceil(exact - 1e-9); // rounded up; the epsilon only absorbs binary noise
    }
  }
  throw new Error(`${pollutant} ${c} is off the table; the test data never goes there`);
}

export function dayAqi(values: Values): number | null {
  const subs = POLLUTANTS.filter((p) => values[p] !== undefined).map((p) => iaqi(p, values[p]!));
  return subs.length === 0 ? null : Math.max(...subs);
}

/** GB/T 8170-2008: half to even, on the decimal value (ties within 1e-7 of a half are ties). */
export function roundHalfEven(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const s = x * f;
  const floor = Math.floor(s);
  const frac = s - floor;
  const n = Math.abs(frac - 0.5) < 1e-7 ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(s);
  return n / f + 0;
}

export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** HJ 663-2013 counts for an annual statistic from ISO dates. */
export function annualValid(dates: string[]): boolean {
  const perMonth = new Array<number>(13).fill(0);
  for (const d of dates) perMonth[Number(d.slice(5, 7))]!++;
  for (let m = 1; m <= 12; m++) if (perMonth[m]! < (m === 2 ? 25 : 27)) return false;
  return dates.length >= 324;
}

export interface AreaStat {
  raw: number;
  validDays: number;
  valid: boolean;
  goodDays?: number;
}

/** HJ 663-2013 percentile: sort ascending, k = 1 + (n - 1)p/100, s = floor(k), X(s) + (X(s+1) - X(s))(k - s). */
export function hj663Percentile(values: number[], p: number): number {
  const x = [...values].sort((a, b) => a - b);
  const k = 1 + ((x.length - 1) * p) / 100;
  const s = Math.floor(k);
  const xs = x[s - 1]!;
  const next = s < x.length ? x[s]! : xs; // k = n (p = 100): X(n) itself
  return xs + (next - xs) * (k - s);
}

/** An area's metric from its station rows: date -> list of station values of that day. */
export function areaStat(days: Map<string, Values[]>, metric: Metric): AreaStat {
  const daily = new Map<string, Values>();
  for (const [date, stations] of days) {
    if (!date.startsWith("2019-")) continue;
    const v: Values = {};
    for (const p of POLLUTANTS) {
      const xs = stations.map((s) => s[p]).filter((x): x is number => x !== undefined);
      if (xs.length > 0) v[p] = mean(xs);
    }
    daily.set(date, v);
  }
  if (metric.kind === "annual_mean" || metric.kind === "percentile") {
    const dates = [...daily].filter(([, v]) => v[metric.pollutant] !== undefined).map(([d]) => d);
    const values = dates.map((d) => daily.get(d)![metric.pollutant]!);
    const raw = metric.kind === "annual_mean" ? mean(values) : hj663Percentile(values, metric.p);
    return { raw, validDays: dates.length, valid: annualValid(dates) };
  }
  const counted: string[] = [];
  let good = 0;
  let above = 0;
  for (const [date, v] of daily) {
    const aqi = dayAqi(v);
    if (aqi === null) continue;
    const complete = POLLUTANTS.every((p) => v[p] !== undefined);
    if (!complete && aqi <= 100) continue;
    counted.push(date);
    if (aqi <= 100) good++;
    if (metric.kind === "day_count" && aqi > metric.aqiAbove) above++;
  }
  if (metric.kind === "day_count")
    return { raw: above, validDays: counted.length, valid: annualValid(counted) };
  return {
    raw: (good / counted.length) * 100,
    validDays: counted.length,
    valid: annualValid(counted),
    goodDays: good,
  };
}

/** Decimals a metric is reported to: 0.1 % for rates, 0.1 mg/m3 for CO, integers otherwise. */
export function decimalsOf(metric: Metric): number {
  if (metric.kind === "good_rate") return 1;
  if (metric.kind === "day_count") return 0;
  return metric.pollutant === "CO" ? 1 : 0;
}

export interface Expected {
  status: Status;
  actual: number;
  margin: number | null;
  validDays: number;
  goodDays?: number;
  areas?: { area: string; actual: number; validDays: number; sufficient: boolean }[];
}

export function expectedResult(target: PlanTarget, areas: Map<string, Map<string, Values[]>>): Expected {
  const decimals = decimalsOf(target.metric);
  const judge = (actual: number, sufficient: boolean) => {
    if (!sufficient) return { status: "no-data" as Status, margin: null };
    const margin = roundHalfEven(target.op === ">=" ? actual - target.value : target.value - actual, 1);
    return { status: (margin >= 0 ? "pass" : "fail") as Status, margin };
  };
  if (target.scope === "urban") {
    const s = areaStat(areas.get("市城区")!, target.metric);
    const actual = roundHalfEven(s.raw, decimals);
    return {
      ...judge(actual, s.valid),
      actual,
      validDays: s.validDays,
      ...(s.goodDays !== undefined ? { goodDays: s.goodDays } : {}),
    };
  }
  const stats = COUNTIES.map((c) => ({ area: c, ...areaStat(areas.get(c)!, target.metric) }));
  const actual = roundHalfEven(mean(stats.map((s) => s.raw)), decimals);
  return {
    ...judge(
      actual,
      stats.every((s) => s.valid),
    ),
    actual,
    validDays: Math.min(...stats.map((s) => s.validDays)),
    areas: stats.map((s) => ({
      area: s.area,
      actual: roundHalfEven(s.raw, decimals),
      validDays: s.validDays,
      sufficient: s.valid,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Reading the example fixture by hand: UTF-8 with BOM, CRLF, headers like `PM2.5(μg/m³)`, dates 2019/1/1.

export interface FixtureFacts {
  dataLines: number;
  controlRows: number;
  /** area -> ISO date -> the station rows of that day */
  areas: Map<string, Map<string, Values[]>>;
  from: string;
  to: string;
}

export function readFixture(path: string): FixtureFacts {
  let text = readFileSync(join(ROOT, path), "utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = lines[0]!.split(",").map((h) => h.replace(/\(.*\)$/, "").trim());
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`fixture has no column ${name}: ${header.join(",")}`);
    return i;
  };
  const [dateCol, areaCol, stationCol] = [col("日期"), col("区域"), col("监测点位")];
  const pollutantCols = POLLUTANTS.map((p) => [p, col(p)] as const);
  const urbanNames = new Set(URBAN_STATIONS.values());
  const areas = new Map<string, Map<string, Values[]>>();
  let controlRows = 0;
  const dates: string[] = [];
  for (const line of lines.slice(1)) {
    const f = line.split(",");
    const [y, m, d] = f[dateCol]!.split("/").map(Number);
    const date = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    dates.push(date);
    const station = f[stationCol]!;
    const areaName = f[areaCol]!;
    let area: string | undefined;
    if (urbanNames.has(station)) area = "市城区";
    else if (COUNTIES.includes(areaName)) area = areaName;
    else if (station === CONTROL_POINT) controlRows++;
    else throw new Error(`unexpected fixture row: ${line}`);
    if (!area) continue;
    const values: Values = {};
    for (const [p, i] of pollutantCols) {
      const cell = f[i]!.trim();
      if (cell === "" || cell === "—") continue;
      values[p] = Number(cell);
    }
    if (!areas.has(area)) areas.set(area, new Map());
    const days = areas.get(area)!;
    if (!days.has(date)) days.set(date, []);
    days.get(date)!.push(values);
  }
  dates.sort();
  return { dataLines: lines.length - 1, controlRows, areas, from: dates[0]!, to: dates[dates.length - 1]! };
}

// ---------------------------------------------------------------------------------------------------
// Synthetic CSVs with area-level rows (no station column): 市城区 and the eight counties, day by day.

export const DAYS_2019: string[] = [];
for (let d = new Date(Date.UTC(2019, 0, 1)); d.getUTCFullYear() === 2019; d.setUTCDate(d.getUTCDate() + 1))
  DAYS_2019.push(d.toISOString().slice(0, 10));

export const month = (date: string) => Number(date.slice(5, 7));
export const dayOfMonth = (date: string) => Number(date.slice(8, 10));

export const HEADER = "日期,区域,PM2.5,PM10,SO2,NO2,CO,O3_8h";
export type Cells = Partial<Record<Pollutant, number | string>>;
// Every IAQI of the defaults is <= 50 except PM2.5 30 (43): every complete day is good.
export const DEFAULTS: Record<Pollutant, number | string> = {
  "PM2.5": 30,
  PM10: 50,
  SO2: 10,
  NO2: 20,
  CO: 0.5,
  O3_8h: 80,
};

export interface CsvSpec {
  /** Cells of 市城区 on a day (i: index in 2019); null leaves the day out. */
  urban?: (date: string, i: number) => Cells | null;
  /** Cells of a county on a day; null leaves the day out. */
  county?: (county: string, date: string, i: number) => Cells | null;
  /** Days to write; default all of 2019. */
  days?: string[];
  header?: string;
}

export function csvText(spec: CsvSpec): string {
  const lines = [spec.header ?? HEADER];
  const row = (date: string, area: string, cells: Cells) =>
    [date, area, ...POLLUTANTS.map((p) => String(p in cells ? cells[p] : DEFAULTS[p]))].join(",");
  (spec.days ?? DAYS_2019).forEach((date, i) => {
    const urban = spec.urban ? spec.urban(date, i) : {};
    if (urban) lines.push(row(date, "市城区", urban));
    for (const county of COUNTIES) {
      const cells = spec.county ? spec.county(county, date, i) : {};
      if (cells) lines.push(row(date, county, cells));
    }
  });
  return `${lines.join("\n")}\n`;
}
