// The ledger targets end to end: the CLI (in-process, runMain) on fixtures/hengyang-ledger.csv (made by
// scripts/make-ledger.mjs) with the shipped targets. Every figure below is worked out by hand from the
// fixture's rows (line numbers are the file's, header = line 1).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CheckReport, TargetResult } from "../src/engine/result.js";
import { runMain, runMainJson } from "./helpers/run-main.js";

const LEDGER = "fixtures/hengyang-ledger.csv";

function finder(report: CheckReport): (id: string) => TargetResult {
  return (id) => {
    const r = report.results.find((x) => x.id === id);
    if (!r) throw new Error(`no result ${id}`);
    return r;
  };
}

function tempCsv(lines: readonly string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "hy-ledger-e2e-")), "ledger.csv");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe(`hy-check ${LEDGER} --format json (as of the default date)`, async () => {
  const run = await runMainJson<CheckReport>([LEDGER, "--format", "json"]);
  const result = finder(run.json);

  it("exits 1: NH3-N, NOx, the villages and four milestones (one late, one late after --as-of, two missed) fail", () => {
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
    const failing = run.json.results.filter((r) => r.status === "fail" && !r.informational).map((r) => r.id);
    expect(failing).toEqual([
      "emission.nh3n",
      "emission.nox",
      "milestone.municipal_vehicles_guo3",
      "milestone.black_odorous_water",
      "milestone.soil_projects_2017",
      "milestone.soil_pilot_zone_scheme",
      "task.villages",
    ]);
  });

  it("reads 45 rows, none rejected; the 珠晖区 row (no area of the registry) is regional, read and not used", () => {
    expect(run.json.inputs).toHaveLength(1);
    expect(run.json.inputs[0]).toMatchObject({
      kind: "ledger",
      rows: 45,
      rejectedRows: 0,
      outsidePeriodRows: 0,
      // 完成环境综合整治行政村数,珠晖区,2019,9. The 耒阳市 row and the 2018 air rows of 市城区 and the counties
      // are rows of registry areas: kept for those areas.
      regionalRows: 1,
      unassignedRows: 0,
      from: "2013-12-31", // the 2013 heavy-metal baseline
      to: "2020-03-31", // the 2017 soil projects, accepted 2020-03
    });
  });

  it("stands as of 2019-12-31: the last date in the data (2020-03-31) capped at the plan year's end", () => {
    expect(run.json.asOf).toBe("2019-12-31");
  });

  // [id, status, actual %, margin, baseline year, baseline value, current, unit, delta, deltaPercent]
  // margin = target - actual for "<=".
  it.each<[string, string, number, number, number, number, number, string, number, number]>([
    // (4.00 - 4.10) / 4.10 x 100 = -2.4390 % -> -2.4 <= -2: pass, margin -2 - (-2.4) = 0.4.
    ["emission.cod", "pass", -2.4, 0.4, 2018, 4.1, 4, "万吨", -0.1, -2.439024],
    // "4,520" / "4,480" 吨: (4480 - 4520) / 4520 = -0.8850 % -> -0.9 > -1.5: fail, margin -1.5 - (-0.9) = -0.6.
    ["emission.nh3n", "fail", -0.9, -0.6, 2018, 4520, 4480, "t", -40, -0.884956],
    // 18000 吨 = 1.8 万吨 vs 1.85 万吨: -0.05 / 1.85 = -2.7027 % -> -2.7: pass, margin 0.7.
    ["emission.so2", "pass", -2.7, 0.7, 2018, 1.85, 1.8, "万吨", -0.05, -2.702703],
    // (3.15 - 3.20) / 3.20 = -1.5625 % -> -1.6 (the 2nd dropped digit 6 > 5): fail, margin -2 - (-1.6) = -0.4.
    ["emission.nox", "fail", -1.6, -0.4, 2018, 3.2, 3.15, "万吨", -0.05, -1.5625],
    // vs 2013: (10800 - 12500) / 12500 = -1700 / 12500 = -13.6 % <= -12: pass, margin -12 - (-13.6) = 1.6.
    ["emission.heavy_metals", "pass", -13.6, 1.6, 2013, 12500, 10800, "kg", -1700, -13.6],
  ])(
    "%s: %s, %d %% (margin %d) vs %d",
    (id, status, actual, margin, year, value, current, unit, delta, percent) => {
      const r = result(id);
      expect([r.status, r.actual, r.margin, r.decimals, r.unit, r.op]).toEqual([
        status,
        actual,
        margin,
        1,
        "%",
        "<=",
      ]);
      expect(r.baseline).toMatchObject({ kind: "year", years: [year], value, current, unit });
      expect(r.baseline?.delta ?? Number.NaN).toBeCloseTo(delta, 9);
      expect(r.baseline?.deltaPercent ?? Number.NaN).toBeCloseTo(percent, 5);
    },
  );

  it("both baselines in one run: the figures behind COD (2018) and heavy metals (2013), as written", () => {
    const behind = (id: string) => result(id).detail.ledger?.map((l) => [l.period, l.value, l.unit, l.line]);
    expect(behind("emission.cod")).toEqual([
      ["2019", "4.00", "万吨", 3],
      ["2018", "4.10", "万吨", 2],
    ]);
    expect(behind("emission.nh3n")).toEqual([
      ["2019", "4,480", "吨", 5],
      ["2018", "4,520", "吨", 4],
    ]);
    expect(behind("emission.so2")).toEqual([
      ["2019", "18000", "吨", 7],
      ["2018", "1.85", "万吨", 6],
    ]);
    expect(behind("emission.heavy_metals")).toEqual([
      ["2019", "10800", "kg", 11],
      ["2013", "12500", "kg", 10],
    ]);
    expect(result("emission.heavy_metals").detail.ledger?.[0]?.file).toBe(LEDGER);
  });

  // [id, status, actual, margin, progress (counted tasks only)]
  it.each<[string, string, number, number, number | undefined]>([
    // 88.6 >= 90 with tolerance 2 (左右): 1.4 short, inside the band: warn.
    ["soil.farmland_safe_use", "warn", 88.6, -1.4, undefined],
    ["soil.plots_safe_use", "pass", 92, 1, undefined], // 92 - 91
    ["safety.major_incidents", "pass", 0, 0, undefined], // == 0
    ["safety.major_public_opinion", "pass", 0, 0, undefined],
    ["safety.hazardous_waste_disposal", "pass", 100, 0, undefined],
    ["task.industries_compliant", "pass", 16, 0, 100], // 16 / 16
    ["task.township_sources", "pass", 26, 0, 100], // the annual 26, not the June 12
    ["task.villages", "fail", 76, -4, 95], // 76 / 80 = 95 %; 耒阳市's 11 and 珠晖区's 9 are not added
    ["task.vehicle_agencies", "pass", 27, 0, 100], // 27 家 / 27
  ])("%s: %s, %d (margin %d)", (id, status, actual, margin, progress) => {
    const r = result(id);
    expect([r.status, r.actual, r.margin]).toEqual([status, actual, margin]);
    if (progress !== undefined) expect(r.detail.progress).toBe(progress);
  });

  it("farmland carries its tolerance and the figure as written", () => {
    const r = result("soil.farmland_safe_use");
    expect([r.target, r.tolerance, r.decimals]).toEqual([90, 2, 1]);
    expect(r.detail.ledger).toEqual([{ period: "2019", value: "88.6", unit: "%", file: LEDGER, line: 12 }]);
  });

  // Days late = completion (last day of its period) minus the due date 2019-12-31; <= 0 passes, margin = -days.
  it.each<[string, string, number]>([
    ["milestone.institutional_reform", "2019-03", -275], // 03-31: Apr 30+May 31+Jun 30+Jul 31+Aug 31+Sep 30+Oct 31+Nov 30+Dec 31
    ["milestone.water_auto_stations", "2019-09-30", -92], // Oct 31 + Nov 30 + Dec 31
    ["milestone.three_lines_one_list", "2019-10", -61], // 10-31: Nov 30 + Dec 31
    ["milestone.im_system", "2019-11", -31], // written 2019年11月 -> 11-30: Dec 31
    ["milestone.pollution_census", "2019-12", 0], // 12-31: on the due date
  ])("%s done in %s: %d days, pass", (id, period, days) => {
    const r = result(id);
    expect([r.status, r.actual, r.margin, r.detail.milestone]).toEqual(["pass", days, -days + 0, "done"]);
    expect(r.detail.ledger?.map((l) => l.period)).toEqual([period]);
  });

  it.each<[string, string, number]>([
    ["milestone.emission_retrofits", "2019-06", -184], // 06-30: Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31
    ["milestone.heavy_pollution_plan", "2019-09", -92], // 09-30: Oct 31 + Nov 30 + Dec 31
    ["milestone.big_data_phase", "2019-12", 0],
  ])("issue 17's milestone %s done in %s: %d days, pass", (id, period, days) => {
    const r = result(id);
    expect([r.status, r.actual, r.margin, r.detail.milestone]).toEqual(["pass", days, -days + 0, "done"]);
    expect(r.detail.ledger?.map((l) => l.period)).toEqual([period]);
  });

  it("a 2019 figure of 0 at the year-end review is missed: fail, at least 1 day late (black-odorous water, 先行区 scheme)", () => {
    for (const id of ["milestone.black_odorous_water", "milestone.soil_pilot_zone_scheme"]) {
      const r = result(id);
      expect([r.status, r.actual, r.margin, r.detail.milestone, r.detail.reasonCode]).toEqual([
        "fail",
        1,
        -1,
        "missed",
        "missed",
      ]);
      expect(r.detail.ledger?.map((l) => l.period)).toEqual(["2019"]);
    }
  });

  it.each<[string, string, number, number]>([
    // 2020-03-31 - 2019-12-31 = Jan 31 + Feb 29 + Mar 31 = 91; the row is line 29.
    ["milestone.soil_projects_2017", "2020-03", 91, 29],
    // 2020-01-20 - 2019-12-31 = 20 days; the 2019 figure 0 (line 31) is followed by the completion (line 32).
    ["milestone.municipal_vehicles_guo3", "2020-01-20", 20, 32],
  ])(
    "%s done %s, after the evaluation date 2019-12-31, still counts: %d days late, fail",
    (id, period, days, line) => {
      const r = result(id);
      expect([r.status, r.actual, r.margin, r.detail.milestone, r.detail.reasonCode]).toEqual([
        "fail",
        days,
        -days,
        "late",
        "late-after-as-of",
      ]);
      expect(r.detail.ledger?.map((l) => [l.period, l.line])).toEqual([[period, line]]);
    },
  );

  it("a milestone with no row at all has no figure (no-data): the inspection rectification", () => {
    const r = result("milestone.inspection_rectification");
    expect([r.status, r.actual, r.detail.reasonCode, r.detail.milestone]).toEqual([
      "no-data",
      null,
      "no-figure",
      undefined,
    ]);
  });

  it("manual targets are no-data, informational, reasonCode manual", () => {
    const manual = run.json.results.filter((r) => r.detail.reasonCode === "manual");
    expect(manual.map((r) => r.id)).toEqual([
      "task.three_year_plan",
      "soil.quality_stable",
      "safety.radiation",
      "monitoring.capability",
      "monitoring.key_polluters_online",
    ]);
    for (const r of manual)
      expect([r.status, r.informational, r.actual, r.op]).toEqual(["no-data", true, null, null]);
  });

  it("air and water targets have no input in a ledger-only run (no-input)", () => {
    const noInput = run.json.results.filter((r) => r.detail.reasonCode === "no-input").map((r) => r.id);
    expect(noInput.every((id) => id.startsWith("air.") || id.startsWith("water."))).toBe(true);
    expect(noInput).toHaveLength(13);
  });

  it("summary: 18 pass, 1 warn, 7 fail, 19 no-data (13 no-input + 5 manual + 1 no figure)", () => {
    expect(run.json.summary).toEqual({
      ...{ pass: 18, warn: 1, fail: 7, noData: 19 },
      ...{ indicative: 0, definite: 0, noDataThin: 1, manual: 5, notChecked: 13 },
    });
  });
});

describe(`hy-check ${LEDGER} --as-of 2020-06-30`, async () => {
  const run = await runMainJson<CheckReport>([LEDGER, "--format", "json", "--as-of", "2020-06-30"]);
  const result = finder(run.json);

  it("reports the date it stands at", () => {
    expect(run.json.asOf).toBe("2020-06-30");
    expect(run.status).toBe(1);
  });

  it("milestone.soil_projects_2017, done 2020-03, is 91 days late: 2020-03-31 - 2019-12-31 = Jan 31 + Feb 29 + Mar 31", () => {
    const r = result("milestone.soil_projects_2017");
    expect([r.status, r.actual, r.margin, r.detail.milestone, r.detail.reasonCode]).toEqual([
      "fail",
      91,
      -91,
      "late",
      "late",
    ]);
    expect(r.detail.ledger?.map((l) => [l.period, l.line])).toEqual([["2020-03", 29]]);
  });

  it("milestone.black_odorous_water, never done, is at least 183 days late: Jan 31+Feb 29+Mar 31+Apr 30+May 31+Jun 30 = 182, + 1", () => {
    const r = result("milestone.black_odorous_water");
    expect([r.status, r.actual, r.margin, r.detail.milestone]).toEqual(["fail", 183, -183, "missed"]);
  });

  it("the 2019 figures are unchanged", () => {
    expect(result("emission.cod").actual).toBe(-2.4);
    expect(result("task.township_sources").actual).toBe(26);
    expect(result("milestone.institutional_reform").actual).toBe(-275);
    expect(run.json.summary).toEqual({
      ...{ pass: 18, warn: 1, fail: 7, noData: 19 },
      ...{ indicative: 0, definite: 0, noDataThin: 1, manual: 5, notChecked: 13 },
    });
  });
});

describe(`hy-check ${LEDGER} --as-of 2019-07-31 (year to date)`, async () => {
  const run = await runMainJson<CheckReport>([LEDGER, "--format", "json", "--as-of", "2019-07-31"]);
  const result = finder(run.json);

  it("task.township_sources uses the 2019-06 figure: 12 of 26 is in progress (warn), 46.2 % against 49.6 % of the year", () => {
    // 12 / 26 = 46.15 % -> 46.2; by 2019-06-30 181 of 365 days = 49.59 % -> 49.6 have passed: at risk.
    const r = result("task.township_sources");
    expect([r.status, r.actual, r.margin, r.detail.progress]).toEqual(["warn", 12, -14, 46.2]);
    expect([r.detail.yearElapsed, r.detail.outlook]).toEqual([49.6, "at-risk"]);
    expect(r.detail.ledger?.map((l) => [l.period, l.value, l.line])).toEqual([["2019-06", "12", 18]]);
  });

  it("annual figures (ending 2019-12-31) are not in yet: no-figure", () => {
    for (const id of ["emission.cod", "soil.farmland_safe_use", "task.villages"])
      expect([result(id).status, result(id).detail.reasonCode]).toEqual(["no-data", "no-figure"]);
  });

  it("the 2019-03 reform is done; the 2019-11 I/M system is not yet (in progress)", () => {
    expect([
      result("milestone.institutional_reform").status,
      result("milestone.institutional_reform").actual,
    ]).toEqual(["pass", -275]);
    expect([result("milestone.im_system").status, result("milestone.im_system").detail.milestone]).toEqual([
      "warn",
      "in-progress",
    ]);
  });
});

describe(`hy-check ${LEDGER} --as-of 2019-11-15`, async () => {
  const result = finder(
    (await runMainJson<CheckReport>([LEDGER, "--format", "json", "--as-of", "2019-11-15"])).json,
  );

  it("a completion in 2019-11 (by 11-30) is not counted yet; 2019-10 is", () => {
    expect([result("milestone.im_system").status, result("milestone.im_system").detail.milestone]).toEqual([
      "warn",
      "in-progress",
    ]);
    expect(result("milestone.three_lines_one_list").actual).toBe(-61);
  });
});

describe("explain emission.nh3n on a ledger with 6,000 t -> 5,913 t", () => {
  it("prints the exact -1.45 %, then the reported -1.4 % and fail (5,910 t allowed)", async () => {
    const file = tempCsv([
      "指标,地区,年份,数值,单位",
      '氨氮排放量,全市,2018,"6,000",吨',
      "氨氮排放量,全市,2019,5913,吨",
    ]);
    const run = await runMain(["explain", "emission.nh3n", file]);
    expect(run.status).toBe(0);
    // -87 / 6000 = -1.45 % exactly; GB/T 8170 keeps the even 4: -1.4; 6000 x 0.985 = 5910 t allowed, 5913 is 3 t over.
    expect(run.stdout).toMatch(/Result: fail/);
    expect(run.stdout).toMatch(/-1\.45 %[\s\S]*-1\.4 %, fail/);
    expect(run.stdout).toContain("5913 t against 5910 t allowed");
    expect(run.stdout).toContain("actual: -1.4 %");
  });
});

describe("the 2018 air baselines of the ledger next to the daily fixture", async () => {
  // The 2019 values are the daily fixture's (test/pinned: urban PM2.5 43; counties' PM2.5 37, PM10 60).
  const run = await runMainJson<CheckReport>([
    "fixtures/hengyang-2019-daily.csv",
    LEDGER,
    "--format",
    "json",
  ]);
  const result = finder(run.json);

  it("air.urban.pm25 reads the row labelled 地区 = 市城区 (46): 43 - 46 = -3, -3/46 = -6.52 %", () => {
    const b = result("air.urban.pm25").baseline;
    expect(b).toMatchObject({ kind: "year", years: [2018], value: 46, current: 43, delta: -3 });
    expect(b?.deltaPercent ?? Number.NaN).toBeCloseTo(-6.521739, 5);
  });

  it("air.counties.pm25: the mean of the eight counties' rows (南岳 by its alias): 328 / 8 = 41; 37 - 41 = -4", () => {
    const b = result("air.counties.pm25").baseline;
    // 42 + 40 + 38 + 41 + 44 + 45 + 43 + 35 = 328.
    expect(b).toMatchObject({ value: 41, current: 37, delta: -4 });
    expect(b?.deltaPercent ?? Number.NaN).toBeCloseTo(-9.756098, 5);
    expect(b?.areas).toEqual([
      { area: "衡阳县", value: 42 },
      { area: "衡南县", value: 40 },
      { area: "衡山县", value: 38 },
      { area: "衡东县", value: 41 },
      { area: "祁东县", value: 44 },
      { area: "耒阳市", value: 45 },
      { area: "常宁市", value: 43 },
      { area: "南岳区", value: 35 },
    ]);
  });

  it("air.counties.pm10: the counties' mean as reported in one city-wide row (66): 60 - 66 = -6", () => {
    const b = result("air.counties.pm10").baseline;
    expect(b).toMatchObject({ value: 66, current: 60, delta: -6 });
    expect(b?.areas).toBeUndefined();
  });

  it("no ledger row lands among the unassigned (stations in no area)", () => {
    const ledger = run.json.inputs.find((i) => i.kind === "ledger");
    expect([ledger?.unassignedRows, ledger?.unassignedStations]).toEqual([0, []]);
  });
});

describe("a ledger row of an indicator the target file does not declare", () => {
  it("is reported as an unknown indicator, not as a station in no area", async () => {
    const file = tempCsv([
      "指标,地区,年份,数值,单位",
      "air.nowhere.pm25,全市,2018,50,ug/m3",
      "完成环境综合整治行政村数,全市,2019,80,个",
    ]);
    const run = await runMain([file]);
    expect(run.stdout).toContain(
      "1 rows of indicators not in the target file's indicators, not used: air.nowhere.pm25 (1)",
    );
    expect(run.stdout).not.toContain("stations in no area");
  });
});

describe("bad ledgers on the command line", () => {
  it("a mass in m3 and a rate in t are rejected rows HY-UNIT at file:line:col of the unit column (exit 2)", async () => {
    const file = tempCsv([
      "指标,地区,年份,数值,单位,备注",
      "化学需氧量排放量,全市,2019,4.00,m3,", // line 2; 单位 is column 5
      "危险废物安全处置率,全市,2019,100,t,", // line 3
      "受污染耕地安全利用率,全市,2019,88.6,%,", // line 4: fine
    ]);
    const run = await runMainJson<CheckReport>([file, "--format", "json"]);
    expect(run.status).toBe(2);
    expect(run.json.inputs[0]?.rejected.map((p) => [p.file, p.line, p.col, p.code])).toEqual([
      [file, 2, 5, "HY-UNIT"],
      [file, 3, 5, "HY-UNIT"],
    ]);
    const lines = run.stderr.split("\n");
    expect(lines[0]).toMatch(new RegExp(`^${escape(file)}:2:5 .*"m3".*\\[HY-UNIT\\]$`));
    expect(lines[1]).toMatch(new RegExp(`^${escape(file)}:3:5 .*"t".*\\[HY-UNIT\\]$`));
  });

  it("a ledger without a unit column is an input error: exit 2, HY-COLUMN, no report", async () => {
    const file = tempCsv(["指标,地区,年份,数值", "化学需氧量排放量,全市,2019,4.00"]);
    const run = await runMain([file, "--format", "json"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(new RegExp(`^hy-check: ${escape(file)}:1:1 .*\\[HY-COLUMN\\]`));
  });

  it("a duplicate (indicator, period) is HY-DUP; within --max-rejected the first figure is used", async () => {
    const file = tempCsv([
      "指标,地区,年份,数值,单位",
      "完成环境综合整治行政村数,全市,2019,76,个",
      "完成环境综合整治行政村数,全市,2019,80,个", // line 3: duplicate of line 2
    ]);
    const strict = await runMain([file, "--format", "json"]);
    expect(strict.status).toBe(2);
    expect(strict.stderr).toContain(`${file}:3:3`);
    expect(strict.stderr).toContain("[HY-DUP]");
    const tolerant = await runMainJson<CheckReport>([file, "--format", "json", "--max-rejected", "1"]);
    expect(tolerant.status).toBe(1); // 76 of 80 fails
    expect(finder(tolerant.json)("task.villages").actual).toBe(76);
  });

  it.each(["2019/07/31", "2019-02-30", "2019-13-01"])(
    "--as-of %s is refused (exit 2): not a calendar date",
    async (date) => {
      const run = await runMain([LEDGER, "--format", "json", "--as-of", date]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/as-?of/i);
    },
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
