// `hy-check validate` end to end, the CLI in-process (runMain): one small bad file per
// finding code, written to a temp folder, with the line and field numbers asserted; exit codes 0/1/2 and
// --max-warnings; the shipped fixture.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMain, runMainJson } from "./helpers/run-main.js";
import { ROOT } from "./helpers/run-cli.js";

// The JSON report as far as these tests read it (declared here, not imported from src/).
interface Finding {
  severity: "error" | "warning";
  code: string;
  file: string;
  line?: number;
  col?: number;
  column?: string;
  message: string;
  stations?: string[];
  ranges?: string[];
}
interface ValidateJson {
  schemaVersion: number;
  plan: { year: number; targetsFile: string };
  period: { from: string; to: string };
  hourConvention: string | null;
  inputs: {
    file: string;
    kind: string;
    rows: number;
    errors: number;
    warnings: number;
    unlisted: number;
    unlistedByCode: Record<string, number>;
  }[];
  findings: Finding[];
  summary: { errors: number; warnings: number; byCode: Record<string, number>; unlisted: number };
}

const DAILY_HEADER = "日期,区域,监测点位,PM2.5,PM10,SO2,NO2,CO,O3_8h";
// Fields: 1 date, 2 area, 3 station, 4 PM2.5, 5 PM10, 6 SO2, 7 NO2, 8 CO, 9 O3_8h.
const A = "衡阳化工总厂"; // 2457A
const B = "珠晖区环保局"; // 2458A

/** A daily row with plausible values unless overridden. */
function day(
  date: string,
  station: string,
  v: Partial<Record<"pm25" | "pm10" | "so2" | "no2" | "co" | "o3", string | number>> = {},
): string {
  const area = "市城区";
  return [
    date,
    area,
    station,
    v.pm25 ?? 30,
    v.pm10 ?? 50,
    v.so2 ?? 10,
    v.no2 ?? 20,
    v.co ?? 0.8,
    v.o3 ?? 60,
  ].join(",");
}

/** Both stations on every day from 2019-01-01 for `n` days (no gaps). */
function days(n: number, stations: readonly string[] = [A, B]): string[] {
  const rows: string[] = [];
  for (let d = 1; d <= n; d++)
    for (const s of stations) rows.push(day(`2019-01-${String(d).padStart(2, "0")}`, s));
  return rows;
}

let tmp: string;
let counter = 0;
function write(lines: readonly string[], name?: string): string {
  const path = join(tmp, name ?? `f${++counter}.csv`);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

async function validateJson(args: readonly string[]) {
  return await runMainJson<ValidateJson>(["validate", ...args, "--format", "json"]);
}

/** [severity, code, line, col] of the findings of one code, for compact assertions. */
function at(json: ValidateJson, code: string): [string, string, number | undefined, number | undefined][] {
  return json.findings.filter((f) => f.code === code).map((f) => [f.severity, f.code, f.line, f.col]);
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "hy-validate-"));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe("hy-check validate: a clean file", () => {
  it("has no findings and exits 0, also with --max-warnings 0", async () => {
    const file = write([DAILY_HEADER, ...days(3)]);
    const run = await validateJson([file, "--max-warnings", "0"]);
    expect(run.status).toBe(0);
    expect(run.json.findings).toEqual([]);
    expect(run.json.summary).toEqual({ errors: 0, warnings: 0, byCode: {}, unlisted: 0 });
    expect(run.json.schemaVersion).toBe(1);
    expect(run.json.period).toEqual({ from: "2019-01-01", to: "2019-12-31" });
    expect(run.json.inputs).toEqual([
      expect.objectContaining({ file, kind: "air-daily", rows: 6, errors: 0, warnings: 0, unlisted: 0 }),
    ]);
    expect(run.stderr).toBe("");
  });
});

describe("errors: rejected rows (exit 2)", () => {
  it("HY-DUP: the same station-day twice names both lines", async () => {
    const file = write([
      DAILY_HEADER,
      day("2019-01-01", A),
      day("2019-01-02", A),
      day("2019-01-01", A, { pm25: 31 }),
    ]);
    const run = await validateJson([file]);
    expect(run.status).toBe(2);
    expect(at(run.json, "HY-DUP")).toEqual([["error", "HY-DUP", 4, 3]]);
    expect(run.json.findings[0]?.message).toContain(`${file}:2`);
    expect(run.json.summary).toMatchObject({ errors: 1, warnings: 0, byCode: { "HY-DUP": 1 } });
  });

  it("HY-DUP across two files names the earlier file and line", async () => {
    const first = write([DAILY_HEADER, day("2019-01-01", A), day("2019-01-02", A)]);
    const second = write([DAILY_HEADER, day("2019-01-03", A), day("2019-01-02", A)]);
    const run = await validateJson([first, second]);
    expect(run.status).toBe(2);
    const dup = run.json.findings.filter((f) => f.code === "HY-DUP");
    expect(dup.map((f) => [f.file, f.line])).toEqual([[second, 3]]);
    expect(dup[0]?.message).toContain(`already read at ${first}:3`);
  });

  it("HY-RANGE: a negative concentration, with its field", async () => {
    const file = write([DAILY_HEADER, day("2019-01-01", A), day("2019-01-02", A, { pm10: -3 })]);
    const run = await validateJson([file]);
    expect(run.status).toBe(2);
    expect(at(run.json, "HY-RANGE")).toEqual([["error", "HY-RANGE", 3, 5]]);
    expect(run.json.findings[0]?.column).toBe("PM10");
  });

  it("HY-FIELDS, HY-DATE, HY-NUMBER, HY-STATION: each at its line and field", async () => {
    const file = write([
      DAILY_HEADER,
      day("2019-01-01", A),
      "2019-01-02,市城区,衡阳化工总厂,30,50", // line 3: 5 fields of 9
      day("2019-13-01", A), // line 4: not a date
      day("2019-01-02", A, { so2: "abc" }), // line 5: not a number (SO2, field 6)
      day("2019-01-03", ""), // line 6: empty station
      day("2019-01-02", A), // a rejected row leaves a gap (HY-GAP) unless the day is given again
      day("2019-01-03", A),
    ]);
    const run = await validateJson([file]);
    expect(run.status).toBe(2);
    expect(run.json.findings.map((f) => [f.code, f.line, f.col, f.column])).toEqual([
      ["HY-FIELDS", 3, 6, undefined],
      ["HY-DATE", 4, 1, "日期"],
      ["HY-NUMBER", 5, 6, "SO2"],
      ["HY-STATION", 6, 3, "监测点位"],
    ]);
    expect(run.json.summary).toEqual({
      errors: 4,
      warnings: 0,
      byCode: { "HY-DATE": 1, "HY-FIELDS": 1, "HY-NUMBER": 1, "HY-STATION": 1 },
      unlisted: 0,
    });
  });

  it("HY-TYPE: an unknown type in a national site file", async () => {
    const file = write(
      ["date,hour,type,2457A", "20190101,1,PM2.5,30", "20190101,1,XYZ,5", "20190101,2,PM2.5,31"],
      "china_sites_20190101.csv",
    );
    const run = await validateJson([file]);
    expect(run.status).toBe(2);
    expect(at(run.json, "HY-TYPE")).toEqual([["error", "HY-TYPE", 3, 3]]);
  });

  it("errors stay exit 2 whatever --max-warnings says", async () => {
    const file = write([DAILY_HEADER, day("2019-01-01", A), day("2019-01-01", A, { pm25: 31 })]);
    expect((await runMain(["validate", file, "--max-warnings", "100"])).status).toBe(2);
  });
});

describe("fatal input errors: printed on stderr, exit 2", () => {
  it("HY-COLUMN: a required column is missing", async () => {
    const file = write([
      "日期,区域,监测点位,PM2.5,PM10,SO2,NO2,O3_8h",
      "2019-01-01,市城区,衡阳化工总厂,30,50,10,20,60",
    ]);
    const run = await runMain(["validate", file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`${file}:1:1`);
    expect(run.stderr).toContain("missing column CO");
    expect(run.stderr).toContain("[HY-COLUMN]");
  });

  it("HY-READ: a file that does not exist", async () => {
    const run = await runMain(["validate", join(tmp, "missing.csv")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("[HY-READ]");
  });

  it("--from outside the plan year is a usage error", async () => {
    const file = write([DAILY_HEADER, ...days(2)]);
    const run = await runMain(["validate", file, "--from", "2018-12-01"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("outside the plan year 2019");
    expect((await runMain(["validate", file, "--from", "2019-02-30"])).status).toBe(2);
  });
});

describe("warnings (exit 0, or 1 past --max-warnings)", () => {
  it("HY-GAP in daily data: a station missing 2019-01-03..01-05, one finding without a line", async () => {
    const rows = [
      ...["01", "02", "06", "07"].map((d) => day(`2019-01-${d}`, A)),
      ...days(7, [B]), // B has every day
    ];
    const file = write([DAILY_HEADER, ...rows]);
    const run = await validateJson([file]);
    expect(run.status).toBe(0);
    const gaps = run.json.findings.filter((f) => f.code === "HY-GAP");
    expect(gaps).toEqual([
      {
        severity: "warning",
        code: "HY-GAP",
        file,
        message: expect.stringContaining("3 days") as string,
        stations: ["2457A 衡阳化工总厂"],
        ranges: ["2019-01-03..2019-01-05"],
      },
    ]);
    expect(gaps[0]?.message).toContain("2019-01-03..2019-01-05");
  });

  it("--max-warnings: exit 1 when the warnings exceed it, 0 when they do not", async () => {
    const file = write([DAILY_HEADER, day("2019-01-01", A), day("2019-01-03", A)]); // gap 01-02
    expect((await runMain(["validate", file])).status).toBe(0);
    expect((await runMain(["validate", file, "--max-warnings", "1"])).status).toBe(0);
    const run = await runMain(["validate", file, "--max-warnings", "0"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("warnings: 1, more than --max-warnings 0; exit code 1\n");
  });

  it("HY-GAP in hourly data: a missing hour, labelled as the export labels it; stations missing the same hours are one finding", async () => {
    const header = "datetime,station_code,PM2.5,PM10,SO2,NO2,CO,O3";
    const rows: string[] = [];
    for (const station of ["2457A", "2458A"])
      for (let h = 1; h <= 6; h++)
        if (h !== 4) rows.push(`2019-01-01 0${h}:00,${station},30,50,10,20,0.8,60`);
    rows.push("2019-01-01 04:00,2459A,30,50,10,20,0.8,60", "2019-01-01 07:00,2459A,30,50,10,20,0.8,60");
    const file = write([header, ...rows]);
    const run = await validateJson([file]);
    expect(run.status).toBe(0);
    expect(run.json.hourConvention).toBe("ending");
    const gaps = run.json.findings.filter((f) => f.code === "HY-GAP");
    expect(gaps.map((f) => [f.line, f.stations, f.ranges])).toEqual([
      [undefined, ["2457A 衡阳化工总厂", "2458A 珠晖区环保局"], ["2019-01-01 04:00"]],
      [undefined, ["2459A 市委党校"], ["2019-01-01 05:00..06:00"]],
    ]);
    expect(gaps[0]?.message).toContain("1 hour each");
    expect(gaps[1]?.message).toContain("2 hours");
  });

  it("HY-RATIO: PM2.5 above PM10 beyond the tolerance (x 1.1 and 5 ug/m3), at the PM2.5 field", async () => {
    const file = write([
      DAILY_HEADER,
      day("2019-01-01", A, { pm25: 80, pm10: 60 }), // line 2: flagged
      day("2019-01-02", A, { pm25: 10, pm10: 6 }), // line 3: > 1.1 x but only 4 ug/m3 more
      day("2019-01-03", A, { pm25: 60, pm10: 55 }), // line 4: 60 < 60.5
      day("2019-01-04", A, { pm25: 12, pm10: 6 }), // line 5: flagged (12 > 6.6, 6 > 5)
    ]);
    const run = await validateJson([file]);
    expect(run.status).toBe(0);
    expect(at(run.json, "HY-RATIO")).toEqual([
      ["warning", "HY-RATIO", 2, 4],
      ["warning", "HY-RATIO", 5, 4],
    ]);
    expect(run.json.findings[0]?.column).toBe("PM2.5");
    expect(run.json.findings[0]?.message).toContain("PM2.5 80 ug/m3 > PM10 60 ug/m3");
  });

  it("HY-CO-UNIT: CO above 50 mg/m3 looks like ug/m3; a header saying ug/m3 is converted and not flagged", async () => {
    const file = write([DAILY_HEADER, day("2019-01-01", A), day("2019-01-02", A, { co: 800 })]);
    const run = await validateJson([file]);
    expect(run.status).toBe(0);
    expect(at(run.json, "HY-CO-UNIT")).toEqual([["warning", "HY-CO-UNIT", 3, 8]]);
    expect(run.json.findings[0]?.message).toMatch(/look like ug\/m3.*unit/);

    const ug = write([DAILY_HEADER.replace(",CO,", ",CO(μg/m³),"), day("2019-01-01", A, { co: 800 })]);
    expect((await validateJson([ug])).json.findings).toEqual([]);
  });

  it("HY-CO-UNIT in hourly data", async () => {
    const header = "datetime,station_code,PM2.5,PM10,SO2,NO2,CO,O3";
    const file = write([
      header,
      "2019-01-01 01:00,2457A,30,50,10,20,900,60",
      "2019-01-01 02:00,2457A,30,50,10,20,0.9,60",
    ]);
    const run = await validateJson([file]);
    expect(at(run.json, "HY-CO-UNIT")).toEqual([["warning", "HY-CO-UNIT", 2, 7]]);
  });

  it("HY-STATION-UNKNOWN: a station in no area of the registry (the control point), without a line", async () => {
    const file = write([
      DAILY_HEADER,
      ...days(2),
      day("2019-01-01", "原169医院"),
      day("2019-01-02", "原169医院"),
    ]);
    const run = await validateJson([file]);
    expect(run.status).toBe(0);
    const unknown = run.json.findings.filter((f) => f.code === "HY-STATION-UNKNOWN");
    expect(unknown.map((f) => [f.line, f.stations])).toEqual([[undefined, ["原169医院 (市城区)"]]]);
    expect(unknown[0]?.message).toContain("2 rows");
  });

  it("HY-PERIOD: a row outside the plan year, at its line and date field", async () => {
    const file = write([DAILY_HEADER, day("2018-12-31", A), day("2019-01-01", A), day("2019-01-02", A)]);
    const run = await validateJson([file]);
    expect(run.status).toBe(0);
    expect(at(run.json, "HY-PERIOD")).toEqual([["warning", "HY-PERIOD", 2, 1]]);
    expect(run.json.findings[0]?.message).toContain("2018-12-31 is outside the plan year 2019");
  });

  it("HY-PERIOD: rows outside --from/--to, at their lines", async () => {
    const file = write([DAILY_HEADER, ...days(4)]); // lines 2-9: 01-01 A, 01-01 B, ... 01-04 B
    const run = await validateJson([file, "--from", "2019-01-02", "--to", "2019-01-03"]);
    expect(run.status).toBe(0);
    expect(run.json.period).toEqual({ from: "2019-01-02", to: "2019-01-03" });
    expect(at(run.json, "HY-PERIOD").map(([, , line]) => line)).toEqual([2, 3, 8, 9]);
    expect(run.json.findings[0]?.message).toContain("outside the declared period 2019-01-02..2019-01-03");
  });

  it("HY-PERIOD in hourly data: the hour labelled 2020-01-01 00:00 belongs to 2019-12-31; 2020-01-01 01:00 does not", async () => {
    const header = "datetime,station_code,PM2.5,PM10,SO2,NO2,CO,O3";
    const file = write([
      header,
      "2019-12-31 23:00,2457A,30,50,10,20,0.8,60",
      "2020-01-01 00:00,2457A,30,50,10,20,0.8,60",
      "2020-01-01 01:00,2457A,30,50,10,20,0.8,60",
    ]);
    const run = await validateJson([file]);
    expect(at(run.json, "HY-PERIOD")).toEqual([["warning", "HY-PERIOD", 4, 1]]);
  });

  it("warnings of rows that are rejected are not counted twice", async () => {
    const file = write([
      DAILY_HEADER,
      day("2019-01-01", A, { pm25: 80, pm10: 60 }),
      day("2019-01-01", A, { pm25: 81, pm10: 60 }),
    ]);
    const run = await validateJson([file]);
    expect(run.json.findings.map((f) => [f.code, f.line])).toEqual([
      ["HY-RATIO", 2],
      ["HY-DUP", 3],
    ]);
  });
});

describe("output", () => {
  it("text: one line per finding `severity file:line:col  column  message [CODE]`, grouped per file, then the counts", async () => {
    const file = write([
      DAILY_HEADER,
      day("2019-01-01", A, { pm25: 80, pm10: 60 }),
      day("2019-01-01", A),
      day("2019-01-03", B),
      day("2019-01-05", B),
    ]);
    const run = await runMain(["validate", file]);
    expect(run.status).toBe(2);
    const lines = run.stdout.split("\n");
    expect(lines).toContain(`${file}: air-daily, 4 rows, 2019-01-01 .. 2019-01-05: 1 error, 2 warnings`);
    expect(lines).toContain(
      `warning ${file}:2:4  PM2.5  PM2.5 80 ug/m3 > PM10 60 ug/m3 on the same row (tolerance: 1.1 x PM10 and 5 ug/m3); PM2.5 is part of PM10: check the analysers or swapped columns  [HY-RATIO]`,
    );
    expect(lines).toContain(`error ${file}:3:3  2457A on 2019-01-01 was already read at ${file}:2  [HY-DUP]`);
    expect(lines.some((l) => l.startsWith(`warning ${file}  2458A 珠晖区环保局: no row for 1 day`))).toBe(
      true,
    );
    expect(lines).toContain("Summary: 1 error, 2 warnings");
    expect(lines).toContain("by code: HY-DUP 1, HY-GAP 1, HY-RATIO 1");
    // The findings are on stdout; stderr says why the exit code is 2.
    expect(run.stderr).toBe("errors: 1; exit code 2\n");
  });

  it("--lang zh labels", async () => {
    const file = write([DAILY_HEADER, day("2019-01-01", A), day("2019-01-01", A, { pm25: 31 })]);
    const run = await runMain(["validate", file, "--lang", "zh"]);
    expect(run.stdout).toContain(`错误 ${file}:3:3`);
    expect(run.stdout).toContain("汇总：错误 1 项，警告 0 项");
  });

  it("json to a file (-o): the errors also go to stderr, for the CI log", async () => {
    const file = write([DAILY_HEADER, day("2019-01-01", A), day("2019-01-01", A, { pm25: 31 })]);
    const out = join(tmp, "validate.json");
    const run = await runMain(["validate", file, "-f", "json", "-o", out]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`error ${file}:3:3`);
    const json = JSON.parse(readFileSync(out, "utf8")) as ValidateJson;
    expect(json.summary.byCode).toEqual({ "HY-DUP": 1 });
  });

  it("lists the first 20 warnings of each code in a file and counts the rest per code", async () => {
    const rows = [];
    for (let d = 1; d <= 31; d++) {
      const date = `2019-01-${String(d).padStart(2, "0")}`;
      rows.push(day(date, A, { pm25: 80, pm10: 60 }), day(date, B, { pm25: 80, pm10: 60 }));
    }
    const file = write([DAILY_HEADER, ...rows]);
    const run = await validateJson([file]);
    expect(run.json.summary).toMatchObject({ warnings: 62, byCode: { "HY-RATIO": 62 }, unlisted: 42 });
    expect(run.json.findings).toHaveLength(20);
    expect(run.json.inputs[0]?.unlistedByCode).toEqual({ "HY-RATIO": 42 });
    expect((await runMain(["validate", file])).stdout).toContain(
      "... and 42 more in this file, counted in the summary, not listed (HY-RATIO 42;",
    );
  });
});

describe("the shipped fixture fixtures/hengyang-2019-daily.csv", () => {
  const FIXTURE = "fixtures/hengyang-2019-daily.csv";
  let run: Awaited<ReturnType<typeof validateJson>>;
  beforeAll(async () => {
    run = await validateJson([FIXTURE]);
  });

  /** Missing station-days computed here from the CSV, independently of src/. */
  function missingDays(): Map<string, string[]> {
    const text = readFileSync(join(ROOT, FIXTURE), "utf8").replace(/^\uFEFF/, "");
    const seen = new Map<string, Set<string>>();
    for (const line of text.split(/\r?\n/).slice(1)) {
      const [date, , station] = line.split(",");
      if (!date || !station) continue;
      const [y, m, d] = date.split("/").map(Number);
      const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
      let set = seen.get(station);
      if (!set) seen.set(station, (set = new Set()));
      set.add(iso);
    }
    const missing = new Map<string, string[]>();
    for (const [station, set] of seen) {
      const sorted = [...set].sort();
      const gaps: string[] = [];
      const first = sorted[0] ?? "";
      const last = sorted[sorted.length - 1] ?? "";
      for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
        const iso = new Date(t).toISOString().slice(0, 10);
        if (!set.has(iso)) gaps.push(iso);
      }
      if (gaps.length > 0) missing.set(station, gaps);
    }
    return missing;
  }

  /** "2019-03-13" or "2019-03-13..2019-03-15" -> its dates. */
  function expand(range: string): string[] {
    const [from = "", to = from] = range.split("..");
    const dates: string[] = [];
    for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
      dates.push(new Date(t).toISOString().slice(0, 10));
    return dates;
  }

  it("validates with exit 0: no errors", () => {
    expect(run.status).toBe(0);
    expect(run.json.summary.errors).toBe(0);
  });

  it("warns that the control point 原169医院 is in no area", () => {
    const unknown = run.json.findings.filter((f) => f.code === "HY-STATION-UNKNOWN");
    expect(unknown.map((f) => f.stations)).toEqual([["原169医院 (市城区)"]]);
  });

  it("warns of the missing station-days (HY-GAP), the control point's excepted (it is not read)", () => {
    const expected = missingDays();
    expected.delete("原169医院");
    expect(expected.size).toBeGreaterThan(0);
    const gaps = run.json.findings.filter((f) => f.code === "HY-GAP");
    // "2457A 衡阳化工总厂" / "衡山县环境监测站 (衡山县)" -> the station as the file names it; ranges -> dates.
    const got = new Map(
      gaps.flatMap((f) =>
        (f.stations ?? []).map((s) => [
          s.replace(/^\d{4}A /, "").replace(/ \(.*\)$/, ""),
          (f.ranges ?? []).flatMap(expand),
        ]),
      ),
    );
    expect(got).toEqual(expected);
    expect(run.json.summary.byCode).toEqual({ "HY-GAP": gaps.length, "HY-STATION-UNKNOWN": 1 });
  });
});
