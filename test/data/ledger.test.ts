// The indicator ledger reader: units (convertUnit), periods (parsePeriod), and reading a ledger CSV into the
// ledger store with every rejected row at file:line:col. Every expected value is worked out by hand in the
// comment next to it; lines are 1-based with the header on line 1, columns are 1-based CSV fields.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError, type InputProblem } from "../../src/errors.js";
import { parsePeriod } from "../../src/data/kinds/ledger.js";
import {
  addLedgerEntry,
  createLedgerStore,
  valueAsOf,
  valueOfYear,
  type LedgerEntry,
  type LedgerStore,
} from "../../src/data/ledger-store.js";
import { convertUnit, type Quantity } from "../../src/data/units.js";
import { readAll } from "../../src/engine/check.js";

// ---------------------------------------------------------------------------------------------------------
// A small plan in a temp folder: the target file needs a seed that contains every quoted sentence.

const PLAN_TEXT = "完成80个行政村的环境综合整治任务。\n";

const TARGETS = `schemaVersion: 1
plan:
  title: { zh: 台账测试, en: Ledger test }
  year: 2019
  issuer: 测试局
  seed: plan.txt
indicators:
  - { id: em.cod, names: [化学需氧量排放量, COD排放量], quantity: mass, unit: 万吨, better: lower }
  - { id: em.nh3n, names: [氨氮排放量], quantity: mass, unit: t, better: lower }
  - { id: em.metals, names: [重金属排放量], quantity: mass, unit: kg, better: lower }
  - { id: soil.rate, names: [受污染耕地安全利用率], quantity: ratio, unit: "%", better: higher }
  - { id: task.villages, names: [完成环境综合整治行政村数], quantity: count, unit: 个, better: higher }
  - { id: ms.reform, names: [生态环境机构改革], quantity: count, unit: 项, better: higher }
targets:
  - id: task.villages
    title: { zh: 80个行政村, en: 80 villages }
    source: { clause: 三(二)10, text: 完成80个行政村的环境综合整治任务 }
    metric: { name: ledger.value, indicator: task.villages }
    op: ">="
    value: 80
    unit: 个
`;

function tempPlan(): { dir: string; targets: string } {
  const dir = mkdtempSync(join(tmpdir(), "hy-ledger-data-"));
  writeFileSync(join(dir, "plan.txt"), PLAN_TEXT);
  const targets = join(dir, "targets.yaml");
  writeFileSync(targets, TARGETS);
  return { dir, targets };
}

/** Writes `lines` as a CSV (LF line ends) and reads it with the temp plan. */
async function readLedger(lines: readonly string[]) {
  const { dir, targets } = tempPlan();
  const file = join(dir, "ledger.csv");
  writeFileSync(file, `${lines.join("\n")}\n`);
  const { stores, inputs } = await readAll([file], { targets });
  const input = inputs[0];
  if (!input) throw new Error("no input report");
  return { file, store: stores.ledger.ledger, input };
}

async function problemsOf(lines: readonly string[]): Promise<InputProblem[]> {
  try {
    await readLedger(lines);
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error("expected an InputError");
}

/** Entries of one indicator as [period, end, value, line], in file order. */
function entriesOf(store: LedgerStore, id: string): [string, string, number, number][] {
  return (store.entries.get(id) ?? []).map((e) => [e.period, e.end, e.value, e.line]);
}

// ---------------------------------------------------------------------------------------------------------

describe("convertUnit: masses convert, ratios are %, counts are count words", () => {
  it.each<[number, string, string, number]>([
    // t and 吨 are the same unit; 万吨 = 10^4 t; kg = 10^-3 t.
    [5, "t", "t", 5],
    [5, "吨", "t", 5],
    [5, " T ", "t", 5], // case and spaces do not matter
    [1.8, "万吨", "t", 18_000], // 1.8 x 10^4
    [18_000, "吨", "万吨", 1.8], // 18000 / 10^4
    [4.1, "万吨", "万吨", 4.1],
    [4_520, "kg", "t", 4.52], // 4520 x 0.001
    [12_500, "kg", "kg", 12_500],
    [1.25, "t", "kg", 1_250], // 1.25 / 0.001
    [12_500, "kg", "万吨", 0.00125], // 12500 x 0.001 / 10^4
    [2, "万t", "t", 20_000],
  ])("mass: %d %s = %d %s", (value, from, to, expected) => {
    const converted = convertUnit(value, from, to, "mass");
    expect(converted).not.toBeNull();
    expect(converted ?? Number.NaN).toBeCloseTo(expected, 9);
  });

  it.each<[string, Quantity, string]>([
    // A mass in a volume, a rate, a count or no unit at all is refused, never mixed in.
    ["m3", "mass", "t"],
    ["立方米", "mass", "t"],
    ["%", "mass", "万吨"],
    ["", "mass", "t"],
    ["个", "mass", "kg"],
    // A ratio is only %: a rate in t, per mille or without a unit is refused.
    ["t", "ratio", "%"],
    ["万吨", "ratio", "%"],
    ["‰", "ratio", "%"],
    ["", "ratio", "%"],
    // A count is never a mass or a percentage.
    ["t", "count", "个"],
    ["%", "count", "个"],
    ["kg", "count", "项"],
  ])('"%s" is not a unit of a %s in %s', (from, quantity, to) => {
    expect(convertUnit(7, from, to, quantity)).toBeNull();
  });

  it.each<[string, string]>([
    ["%", "%"],
    ["％", "%"], // full-width percent sign
  ])("ratio: %s is read as %s, unchanged", (from, to) => {
    expect(convertUnit(88.6, from, to, "ratio")).toBe(88.6);
  });

  it.each<[string, string]>([
    ["个", "个"],
    ["家", "个"],
    ["项", "项"],
    ["起", "起"],
    ["", "个"], // an empty unit is a plain count
    ["sections", "sections"], // the indicator's own unit word
  ])('count: "%s" for an indicator in %s keeps the value', (from, to) => {
    expect(convertUnit(76, from, to, "count")).toBe(76);
  });
});

describe("parsePeriod: the period key, its year and its last day", () => {
  it.each<[string, { period: string; year: number; end: string }]>([
    ["2019", { period: "2019", year: 2019, end: "2019-12-31" }], // a year ends on 31 December
    ["2019年", { period: "2019", year: 2019, end: "2019-12-31" }],
    ["2019-06", { period: "2019-06", year: 2019, end: "2019-06-30" }], // June has 30 days
    ["2019年6月", { period: "2019-06", year: 2019, end: "2019-06-30" }], // the same key as 2019-06
    ["2019-6", { period: "2019-06", year: 2019, end: "2019-06-30" }],
    ["2019-02", { period: "2019-02", year: 2019, end: "2019-02-28" }], // 2019 is not a leap year
    ["2020-02", { period: "2020-02", year: 2020, end: "2020-02-29" }], // 2020 is (divisible by 4, not by 100)
    ["2019-09-30", { period: "2019-09-30", year: 2019, end: "2019-09-30" }], // a day is its own end
    ["2019年9月30日", { period: "2019-09-30", year: 2019, end: "2019-09-30" }],
    ["2019-12", { period: "2019-12", year: 2019, end: "2019-12-31" }],
  ])("%s", (raw, expected) => {
    expect(parsePeriod(raw)).toEqual(expected);
  });

  it.each([
    "2019-13", // no month 13
    "2019-00", // no month 0
    "2019-02-30", // February 2019 has 28 days
    "2019-06-31", // June has 30
    "合计", // a total row, not a period
    "",
    "19",
    "上半年",
  ])('"%s" is not a period', (raw) => {
    expect(parsePeriod(raw)).toBeNull();
  });
});

describe("ledger store", () => {
  function entry(period: string, value: number, line: number): LedgerEntry {
    const p = parsePeriod(period);
    if (!p) throw new Error(period);
    return { ...p, value, written: { value: String(value), unit: "个" }, file: "l.csv", line };
  }

  it("keeps the first entry of a period and returns it for a second one", () => {
    const store = createLedgerStore();
    const first = entry("2019-06", 12, 2);
    expect(addLedgerEntry(store, "task.x", first)).toBeUndefined();
    expect(addLedgerEntry(store, "task.x", entry("2019", 26, 3))).toBeUndefined();
    // 2019年6月 is the period 2019-06 again: a duplicate, the earlier entry is returned and kept.
    expect(addLedgerEntry(store, "task.x", entry("2019年6月", 13, 4))).toBe(first);
    expect(entriesOf(store, "task.x")).toEqual([
      ["2019-06", "2019-06-30", 12, 2],
      ["2019", "2019-12-31", 26, 3],
    ]);
  });

  it("valueAsOf: the latest figure of the year that ends on or before the date", () => {
    const store = createLedgerStore();
    for (const e of [
      entry("2019-06", 12, 2),
      entry("2019", 26, 3),
      entry("2019-09", 20, 4),
      entry("2018", 9, 5),
    ])
      addLedgerEntry(store, "task.x", e);
    // Before 2019-06-30 nothing of 2019 has ended (the 2018 figure is another year).
    expect(valueAsOf(store, "task.x", 2019, "2019-06-29")).toBeUndefined();
    expect(valueAsOf(store, "task.x", 2019, "2019-06-30")?.value).toBe(12); // on the end day it counts
    expect(valueAsOf(store, "task.x", 2019, "2019-07-31")?.value).toBe(12);
    expect(valueAsOf(store, "task.x", 2019, "2019-09-30")?.value).toBe(20);
    expect(valueAsOf(store, "task.x", 2019, "2019-12-30")?.value).toBe(20);
    expect(valueAsOf(store, "task.x", 2019, "2019-12-31")?.value).toBe(26);
    // valueOfYear is the annual figure (the entry ending latest in the year).
    expect(valueOfYear(store, "task.x", 2019)?.value).toBe(26);
    expect(valueOfYear(store, "task.x", 2018)?.value).toBe(9);
    expect(valueOfYear(store, "task.x", 2017)).toBeUndefined();
    expect(valueOfYear(store, "task.none", 2019)).toBeUndefined();
  });
});

describe("reading a ledger CSV", () => {
  it("converts units, reads thousands separators and every period spelling", async () => {
    const { store, input } = await readLedger([
      "指标,地区,年份,数值,单位,备注",
      "化学需氧量排放量,全市,2018,4.10,万吨,", // line 2: 4.10 万吨
      '化学需氧量排放量,全市,2019,"40,000",吨,统计口径为吨', // line 3: 40000 t / 10^4 = 4 万吨
      '氨氮排放量,全市,2018,"4,520",吨,', // line 4: "4,520" -> 4520 t
      "氨氮排放量,全市,2017,0.452,万吨,", // line 5: 0.452 x 10^4 = 4520 t
      "氨氮排放量,全市,2019,4480000,kg,", // line 6: 4480000 x 0.001 = 4480 t
      "重金属排放量,全市,2013,1.25,t,", // line 7: 1.25 / 0.001 = 1250 kg
      "受污染耕地安全利用率,全市,2019,88.6,%,", // line 8
      "完成环境综合整治行政村数,全市,2019-06,40,个,", // line 9
      "完成环境综合整治行政村数,全市,2019年9月,60,,", // line 10: an empty unit is a count
      "完成环境综合整治行政村数,全市,2019,76,个,", // line 11
      "完成环境综合整治行政村数,耒阳市,2019,11,个,分县市", // line 12: regional, read and not used
      "生态环境机构改革,全市,2019-09-30,1,项,", // line 13
    ]);
    const approx = (id: string) =>
      entriesOf(store, id).map(([p, end, v, line]) => [p, end, Math.round(v * 1e6) / 1e6, line]);
    expect(approx("em.cod")).toEqual([
      ["2018", "2018-12-31", 4.1, 2],
      ["2019", "2019-12-31", 4, 3],
    ]);
    expect(approx("em.nh3n")).toEqual([
      ["2018", "2018-12-31", 4520, 4],
      ["2017", "2017-12-31", 4520, 5],
      ["2019", "2019-12-31", 4480, 6],
    ]);
    expect(approx("em.metals")).toEqual([["2013", "2013-12-31", 1250, 7]]);
    expect(approx("soil.rate")).toEqual([["2019", "2019-12-31", 88.6, 8]]);
    // The regional row (耒阳市 11) is not among the city figures: 76 stays 76.
    expect(approx("task.villages")).toEqual([
      ["2019-06", "2019-06-30", 40, 9],
      ["2019-09", "2019-09-30", 60, 10],
      ["2019", "2019-12-31", 76, 11],
    ]);
    expect(approx("ms.reform")).toEqual([["2019-09-30", "2019-09-30", 1, 13]]);
    // The figure as written stays with the entry, for the report.
    expect(store.entries.get("em.cod")?.[1]?.written).toEqual({ value: "40,000", unit: "吨" });

    // 12 rows = 11 used + 1 regional (counted with the rows outside the plan's scope); none rejected.
    expect(input).toMatchObject({
      kind: "ledger",
      rows: 12,
      rejectedRows: 0,
      outsidePeriodRows: 0,
      regionalRows: 1,
      unassignedRows: 0,
      from: "2013-12-31", // the 2013 figure's year end
      to: "2019-12-31",
    });
  });

  it("rejects figures in the wrong unit, bad periods, bad numbers and duplicates at file:line:col", async () => {
    // The unit is the 2nd column here, so col 2 can only be the unit column (period col 3, value col 4).
    const { file, store, input } = await readLedger([
      "指标,单位,期间,数值",
      "化学需氧量排放量,m3,2019,4.00", // 2: a mass in m3
      "受污染耕地安全利用率,t,2019,88.6", // 3: a rate in t
      "完成环境综合整治行政村数,%,2019,76", // 4: a count in %
      "受污染耕地安全利用率,,2019,88.6", // 5: a rate without its %
      "化学需氧量排放量,万吨,2019-13,4.0", // 6: month 13
      "化学需氧量排放量,万吨,2019-02-30,4.0", // 7: 30 February
      "化学需氧量排放量,万吨,合计,4.0", // 8: a total row
      "化学需氧量排放量,万吨,2019,约4", // 9: not a number
      "化学需氧量排放量,万吨,2019,4.00", // 10: read
      "化学需氧量排放量,吨,2019,41000", // 11: 2019 again (in other units): duplicate of line 10
      "化学需氧量排放量,万吨,2019-06,2.1", // 12: read (another period)
      "化学需氧量排放量,万吨,2019年6月,2.2", // 13: the period 2019-06 again: duplicate of line 12
      "COD排放量,万吨,2019,4.2", // 14: another name of em.cod, 2019 again: duplicate of line 10
      "未知指标,个,2019,3", // 15: an indicator the plan does not know: unassigned, not rejected
    ]);
    const at = (p: InputProblem) => [p.line, p.col, p.code];
    expect(input.rejected.map(at)).toEqual([
      [2, 2, "HY-UNIT"],
      [3, 2, "HY-UNIT"],
      [4, 2, "HY-UNIT"],
      [5, 2, "HY-UNIT"],
      [6, 3, "HY-DATE"],
      [7, 3, "HY-DATE"],
      [8, 3, "HY-DATE"],
      [9, 4, "HY-NUMBER"],
      [11, 3, "HY-DUP"],
      [13, 3, "HY-DUP"],
      [14, 3, "HY-DUP"],
    ]);
    expect(input.rejected.every((p) => p.file === file)).toBe(true);
    expect(input.rejectedByCode).toEqual({ "HY-UNIT": 4, "HY-DATE": 3, "HY-NUMBER": 1, "HY-DUP": 3 });
    // 14 rows = 2 used + 11 rejected + 1 unassigned.
    expect(input).toMatchObject({ rows: 14, rejectedRows: 11, unassignedRows: 1, outsidePeriodRows: 0 });
    expect(input.unassignedStations).toEqual([{ station: "未知指标", rows: 1 }]);
    // The messages say what was expected and what was found, and where the first figure was read.
    expect(input.rejected[0]?.message).toContain('"m3"');
    expect(input.rejected[0]?.message).toContain("t, 万吨, kg");
    expect(input.rejected[1]?.message).toContain('"t"');
    expect(input.rejected[8]?.message).toContain(`${file}:10`);
    expect(input.rejected[9]?.message).toContain(`${file}:12`);
    // The first figure of a period is the one kept.
    expect(entriesOf(store, "em.cod")).toEqual([
      ["2019", "2019-12-31", 4, 10],
      ["2019-06", "2019-06-30", 2.1, 12],
    ]);
    expect(store.entries.get("soil.rate")).toBeUndefined();
  });

  it("a ledger without a unit column is an input error (HY-COLUMN), not a file of unitless figures", async () => {
    const problems = await problemsOf(["指标,年份,数值", "化学需氧量排放量,2019,4.00"]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 1, col: 1, code: "HY-COLUMN" });
    expect(problems[0]?.message).toMatch(/unit/);
  });

  it("reads English headers and indicator ids", async () => {
    const { store, input } = await readLedger([
      "indicator,region,period,value,unit",
      "task.villages,city,2019,76,个", // "city" is the city-wide region
      "soil.rate,,2019,90.0,%", // an empty region is city-wide
      "task.villages,Leiyang,2019-06,5,个", // regional
    ]);
    expect(entriesOf(store, "task.villages")).toEqual([["2019", "2019-12-31", 76, 2]]);
    expect(entriesOf(store, "soil.rate")).toEqual([["2019", "2019-12-31", 90, 3]]);
    expect(input).toMatchObject({ rows: 3, rejectedRows: 0, outsidePeriodRows: 0, regionalRows: 1 });
  });

  it("city-wide rows are 全市, 合计 or no region; any other region is read and not used", async () => {
    const { store, input } = await readLedger([
      "指标,地区,年份,数值,单位",
      "完成环境综合整治行政村数,合计,2019,76,个", // 2: city-wide
      "完成环境综合整治行政村数,衡南县,2019,30,个", // 3: regional
      "受污染耕地安全利用率,,2019,88.6,%", // 4: city-wide
      "受污染耕地安全利用率,衡南县,2019,95,%", // 5: regional, not a duplicate of line 4
    ]);
    expect(entriesOf(store, "task.villages")).toEqual([["2019", "2019-12-31", 76, 2]]);
    expect(entriesOf(store, "soil.rate")).toEqual([["2019", "2019-12-31", 88.6, 4]]);
    expect(input).toMatchObject({ rows: 4, rejectedRows: 0, outsidePeriodRows: 0, regionalRows: 2 });
  });
});

describe("ledger rows of the registry's areas (issue 17)", () => {
  const AREA_TARGETS = `${TARGETS.replace(
    "indicators:",
    `areas:
  - { id: 市城区, kind: urban, aliases: [衡阳市城区, Hengyang] }
  - { id: 南岳区, kind: county, aliases: [南岳] }
indicators:
  - { id: air.urban.pm25, names: [市城区PM2.5年均浓度], quantity: concentration, unit: ug/m3, better: lower }`,
  )}`;

  async function readWithAreas(lines: readonly string[]) {
    const dir = mkdtempSync(join(tmpdir(), "hy-ledger-areas-"));
    writeFileSync(join(dir, "plan.txt"), PLAN_TEXT);
    writeFileSync(join(dir, "targets.yaml"), AREA_TARGETS);
    const file = join(dir, "ledger.csv");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const { stores, inputs } = await readAll([file], { targets: join(dir, "targets.yaml") });
    return { store: stores.ledger.ledger, input: inputs[0] };
  }

  it("an area's id, alias or name keeps the row for that area; 衡阳市 and 全市 stay city-wide; others are regional", async () => {
    const { store, input } = await readWithAreas([
      "指标,地区,年份,数值,单位",
      "市城区PM2.5年均浓度,市城区,2018,46,ug/m3", // 2: the area's own id
      "市城区PM2.5年均浓度,衡阳市城区,2017,50,ug/m3", // 3: an alias of 市城区
      "完成环境综合整治行政村数,南岳,2019,3,个", // 4: alias of 南岳区
      "完成环境综合整治行政村数,衡阳市,2019,76,个", // 5: the whole city
      "完成环境综合整治行政村数,珠晖区,2019,9,个", // 6: not in the registry: regional, not used
      "市城区PM2.5年均浓度,全市,2018,47,ug/m3", // 7: city-wide, not a duplicate of line 2
    ]);
    const of = (list: LedgerEntry[] | undefined) =>
      (list ?? []).map((e) => [e.period, e.value, e.line, e.area]);
    expect(of(store.areas.get("市城区")?.get("air.urban.pm25"))).toEqual([
      ["2018", 46, 2, "市城区"],
      ["2017", 50, 3, "市城区"],
    ]);
    expect(of(store.areas.get("南岳区")?.get("task.villages"))).toEqual([["2019", 3, 4, "南岳区"]]);
    expect(of(store.entries.get("task.villages"))).toEqual([["2019", 76, 5, undefined]]);
    expect(of(store.entries.get("air.urban.pm25"))).toEqual([["2018", 47, 7, undefined]]);
    expect(valueOfYear(store, "air.urban.pm25", 2018, "市城区")?.value).toBe(46);
    expect(valueOfYear(store, "air.urban.pm25", 2018)?.value).toBe(47);
    expect(input).toMatchObject({ rows: 6, rejectedRows: 0, regionalRows: 1, unassignedRows: 0 });
  });

  it("the same area, indicator and period twice is HY-DUP, naming the area", async () => {
    const { input } = await readWithAreas([
      "指标,地区,年份,数值,单位",
      "市城区PM2.5年均浓度,市城区,2018,46,ug/m3",
      "市城区PM2.5年均浓度,Hengyang,2018,45,ug/m3", // line 3: 市城区 again by its alias
      "市城区PM2.5年均浓度,市城区,2019,43,ug/m3", // a plan-year row: a run wholly outside 2019 stops (HY-YEAR)
    ]);
    const problems = input?.rejected ?? [];
    expect(problems.map((p) => [p.line, p.code])).toEqual([[3, "HY-DUP"]]);
    expect(problems[0]?.message).toContain("(市城区)");
  });
});
