// `hy-check check` in-process (main() with a capturing Io): every expected number is worked out by hand (the
// synthetic CSVs written to a temp folder, where each area has constant or simply alternating values) or
// computed by the independent implementation of the official methods in test/helpers/air-reference.ts,
// which imports nothing from src/.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import {
  AIR_INFORMATIONAL_IDS,
  AIR_TARGET_IDS,
  AIR_TARGETS,
  airResults,
  CONTROL_POINT,
  COUNTIES,
  csvText,
  dayOfMonth,
  DAYS_2019,
  expectedResult,
  isAir,
  month,
  POLLUTANTS,
  readFixture,
  result,
  SHIPPED_TARGETS,
  summaryLine,
  summaryOf,
  type Cells,
  type CsvSpec,
  type FixtureFacts,
  type Report,
  type Status,
  type Values,
} from "../../test/helpers/air-reference.js";
import { ROOT, type CliRun } from "../../test/helpers/run-cli.js";
import { expectCleanError, runMain, runMainJson, tempFolder } from "../../test/helpers/run-main.js";

const FIXTURE = "fixtures/hengyang-2019-daily.csv";
const FIXTURE_GBK = "fixtures/hengyang-2019-daily-gbk.csv";

let fixtureFacts: FixtureFacts | undefined;
const facts = () => (fixtureFacts ??= readFixture(FIXTURE));
let fixtureRun: Promise<CliRun & { json: Report }> | undefined;
/** `hy-check fixtures/hengyang-2019-daily.csv --format json`, run once. */
const fixtureReport = () => (fixtureRun ??= runMainJson<Report>([FIXTURE, "--format", "json"]));

const tmp = tempFolder("hy-check-cli-");
function tempFile(name: string, text: string): string {
  const path = tmp.file(name);
  writeFileSync(path, text);
  return path;
}
const writeCsv = (name: string, spec: CsvSpec) => tempFile(name, csvText(spec));

let airOnlyFile: string | undefined;
/**
 * The shipped target file with its air targets only (its seed made absolute), for `--fail-on no-data` runs
 * on air data: with the shipped file, the targets of the other families (no data of their kind, so no-data)
 * would decide those runs' exit code.
 */
function airOnlyTargets(): string {
  if (airOnlyFile) return airOnlyFile;
  const doc = parseYaml(readFileSync(SHIPPED_TARGETS, "utf8")) as {
    plan: { seed: string };
    targets: { id: string }[];
  };
  doc.plan.seed = join(ROOT, "targets", doc.plan.seed);
  doc.targets = doc.targets.filter(isAir);
  expect(doc.targets.map((t) => t.id)).toEqual(AIR_TARGET_IDS);
  return (airOnlyFile = tempFile("air-only-targets.yaml", stringifyYaml(doc)));
}

// ---------------------------------------------------------------------------------------------------
// 1. The example fixture against the independent calculation.

describe(`hy-check ${FIXTURE} --format json`, () => {
  let run: CliRun & { json: Report };
  beforeAll(async () => {
    run = await fixtureReport();
  });

  it("exits 0 with the schemaVersion 1 report and nothing on stderr", async () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.json.schemaVersion).toBe(1);
    expect(run.json.plan).toEqual({
      title: "Hengyang 2019 Ecology and Environment Protection Work Plan",
      year: 2019,
      targetsFile: "targets/hengyang-2019.yaml",
    });
    expect(AIR_TARGETS.map((t) => t.id)).toEqual(AIR_TARGET_IDS);
    const air = airResults(run.json);
    expect(air.map((r) => r.id)).toEqual(AIR_TARGET_IDS);
    expect(air.filter((r) => r.informational).map((r) => r.id)).toEqual(AIR_INFORMATIONAL_IDS);
    expect(AIR_TARGETS.filter((t) => t.informational).map((t) => t.id)).toEqual(AIR_INFORMATIONAL_IDS);
  });

  it.each(AIR_TARGETS.map((t) => [t.id, t] as const))(
    "%s equals the independent calculation",
    (_id, target) => {
      const expected = expectedResult(target, facts().areas);
      const r = result(run.json, target.id);
      expect(r.actual).toBe(expected.actual);
      expect(r.status).toBe(expected.status);
      expect(r.margin).toBe(expected.margin);
      expect(r.validDays).toBe(expected.validDays);
      expect(r.op).toBe(target.op);
      expect(r.target).toBe(target.value);
      expect(r.unit).toBe(target.unit);
      expect(r.informational).toBe(target.informational);
      if (expected.goodDays !== undefined) expect(r.detail.goodDays).toBe(expected.goodDays);
      if (expected.areas) {
        expect(
          r.detail.areas?.map(({ area, actual, validDays, sufficient }) => ({
            area,
            actual,
            validDays,
            sufficient,
          })),
        ).toEqual(expected.areas);
      }
    },
  );

  it("the urban values use the five assessment stations only (the control point is not averaged in)", async () => {
    // Recompute with 原169医院 counted as a sixth urban station: at least one urban value must differ,
    // otherwise this fixture could not tell the two apart.
    const f = facts();
    const withControl = new Map(f.areas);
    const text = readFileSync(join(ROOT, FIXTURE), "utf8").replace(/^\ufeff/, "");
    const urban = new Map([...f.areas.get("市城区")!].map(([d, v]) => [d, [...v]]));
    for (const line of text.split(/\r?\n/)) {
      const cells = line.split(",");
      if (cells[2] !== CONTROL_POINT) continue;
      const [y, m, d] = cells[0]!.split("/").map(Number);
      const date = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
      const values: Values = {};
      POLLUTANTS.forEach((p, i) => {
        const c = cells[3 + i]!;
        if (c !== "" && c !== "—") values[p] = Number(c);
      });
      urban.get(date)?.push(values);
    }
    withControl.set("市城区", urban);
    const urbanTargets = AIR_TARGETS.filter((t) => t.scope === "urban");
    const differs = urbanTargets.some(
      (t) => expectedResult(t, withControl).actual !== expectedResult(t, f.areas).actual,
    );
    expect(differs).toBe(true);
    for (const t of urbanTargets)
      expect(result(run.json, t.id).actual).toBe(expectedResult(t, f.areas).actual);
  });

  it("summary counts the statuses of the calculation", async () => {
    const areas = facts().areas;
    const statuses = AIR_TARGETS.map((t) => expectedResult(t, areas).status);
    const count = (s: Status) => statuses.filter((x) => x === s).length;
    expect(summaryOf(airResults(run.json))).toMatchObject({
      pass: count("pass"),
      warn: count("warn"),
      fail: count("fail"),
      noData: count("no-data"),
    });
    // The report's summary counts every result, of every family.
    expect(run.json.summary).toEqual(summaryOf(run.json.results));
  });

  it("reports every water target as no-data, reason no-input (no water data given), and still exits 0", async () => {
    const water = run.json.results.filter((r) => r.id.startsWith("water."));
    expect(water.length).toBeGreaterThan(0);
    for (const r of water) {
      expect(r.status, r.id).toBe("no-data");
      expect(r.detail.reasonCode, r.id).toBe("no-input");
      expect(r.actual, r.id).toBeNull();
      expect(r.margin, r.id).toBeNull();
    }
    // No-data is below the default --fail-on level (fail): the run (no --fail-on) exits 0.
    expect(run.status).toBe(0);
  });

  it("inputs[0] counts every data line, rejects none and reports the control point as unassigned", async () => {
    const f = facts();
    const input = run.json.inputs[0]!;
    expect(run.json.inputs).toHaveLength(1);
    expect(input.file).toBe(FIXTURE);
    expect(input.kind).toBe("air-daily");
    expect(input.encoding).toBe("utf-8");
    expect(input.rows).toBe(f.dataLines);
    expect(input.rejectedRows).toBe(0);
    expect(input.outsidePeriodRows).toBe(0);
    expect(f.controlRows).toBeGreaterThan(0);
    expect(input.unassignedRows).toBe(f.controlRows);
    expect(input.unassignedStations).toHaveLength(1);
    expect(input.unassignedStations[0]!.station).toContain(CONTROL_POINT);
    expect(input.unassignedStations[0]!.rows).toBe(f.controlRows);
    expect(input.from).toBe(f.from);
    expect(input.to).toBe(f.to);
  });
});

// ---------------------------------------------------------------------------------------------------
// 2. The table.

/** The table's rows of the air targets (not the per-county rows): id -> status cell, trimmed; one row each. */
function tableStatuses(stdout: string): Map<string, string> {
  const statuses = new Map<string, string>();
  for (const line of stdout.split("\n")) {
    const cells = line.split("│").map((c) => c.trim());
    const id = cells[1] ?? "";
    if (!AIR_TARGET_IDS.includes(id)) continue;
    if (statuses.has(id)) throw new Error(`two table rows for ${id}:\n${stdout}`);
    statuses.set(id, cells[3]!);
  }
  return statuses;
}

describe.each([
  ["en", "pass", "pass (info)"],
  ["zh", "达标", "达标（参考）"],
] as const)(`hy-check ${FIXTURE} --lang %s`, (lang, passWord, infoPassWord) => {
  it("by default lists the targets the air data touch, one line per family not checked, and the manual ones in one line", async () => {
    const run = await runMain([FIXTURE, "--lang", lang]);
    const report = (await fixtureReport()).json;
    // Of the plan's results, the rows shown are those of air: water and ledger have no input.
    expect([...tableStatuses(run.stdout).keys()]).toEqual(AIR_TARGET_IDS);
    const unread = report.results.filter((r) => r.detail.reasonCode === "no-input");
    expect(unread.length).toBeGreaterThan(0);
    for (const r of unread) expect(run.stdout).not.toContain(r.id);
    const hidden = report.summary.manual + report.summary.notChecked;
    expect(run.stdout).toContain(
      lang === "en" ? `${hidden} rows not shown (manual or not checked)` : `${hidden} 行未显示`,
    );
  });

  it("exits 0 with every target id, each air target's status word and the summary, without ANSI codes", async () => {
    const run = await runMain([FIXTURE, "--lang", lang, "--all"]);
    expect(run.status).toBe(0);
    const report = (await fixtureReport()).json;
    for (const r of report.results) expect(run.stdout).toContain(r.id);
    // Every air target passes; the informational ones are marked as such, the plan's own are not.
    expect(Object.fromEntries(tableStatuses(run.stdout))).toEqual(
      Object.fromEntries(
        AIR_TARGET_IDS.map((id) => [id, AIR_INFORMATIONAL_IDS.includes(id) ? infoPassWord : passWord]),
      ),
    );
    expect(run.stdout).toContain(summaryLine(lang, report.summary));
    expect(run.stdout).not.toContain("\u001b[");
    expect(run.stderr).toBe("");
  });
});

describe(`hy-check ${FIXTURE} (LANG=zh_CN.UTF-8, no --lang)`, () => {
  it("takes the language from the locale", async () => {
    const run = await runMain([FIXTURE], { LANG: "zh_CN.UTF-8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("达标");
    expect(run.stdout).not.toContain("\u001b[");
  });
});

// ---------------------------------------------------------------------------------------------------
// 3. The GBK export.

describe(`hy-check ${FIXTURE_GBK} --format json`, () => {
  it("gives the same results as the UTF-8 export, read as gb18030", async () => {
    const gbk = await runMainJson<Report>([FIXTURE_GBK, "--format", "json"]);
    const utf8 = await fixtureReport();
    expect(gbk.status).toBe(0);
    expect(gbk.json.results).toEqual(utf8.json.results);
    expect(gbk.json.summary).toEqual(utf8.json.summary);
    const input = gbk.json.inputs[0]!;
    expect(input.encoding).toBe("gb18030");
    expect(input.rows).toBe(utf8.json.inputs[0]!.rows);
    expect(input.unassignedRows).toBe(utf8.json.inputs[0]!.unassignedRows);
    expect(input.rejectedRows).toBe(0);
  });

  it.each(["gb18030", "gbk"])("--encoding %s reads it the same way", async (encoding) => {
    const run = await runMainJson<Report>([FIXTURE_GBK, "--format", "json", "--encoding", encoding]);
    const utf8 = await fixtureReport();
    expect(run.status).toBe(0);
    expect(run.json.results).toEqual(utf8.json.results);
  });
});

describe("hy-check test/corpus/hourly-twice.csv (three days of hours given twice)", () => {
  it("says in the table that the 72 repeated rows were each read once, and exits 0", async () => {
    const run = await runMain(["test/corpus/hourly-twice.csv"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "test/corpus/hourly-twice.csv: 72 rows repeat an earlier row (cell for cell, or an hour's values again): each read once",
    );
  });
});

describe(`hy-check ${FIXTURE_GBK} --encoding utf-8`, () => {
  it("exits 2 with an HY-ENCODING message naming the file", async () => {
    const run = await runMain([FIXTURE_GBK, "--encoding", "utf-8"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(FIXTURE_GBK);
    expect(run.stderr).toContain("HY-ENCODING");
    expectCleanError(run);
  });
});

// ---------------------------------------------------------------------------------------------------
// 4. Hand-computed files: failing, on the target, and the GB/T 8170 half-to-even cases.

describe("hy-check <urban PM2.5 50 every day> --format json", () => {
  let file = "";
  let run: CliRun & { json: Report };
  beforeAll(async () => {
    file = writeCsv("urban-pm25-50.csv", { urban: () => ({ "PM2.5": 50 }) });
    run = await runMainJson<Report>([file, "--format", "json"]);
  });

  it("exits 1 with air.urban.pm25 fail, margin -7, and every other air target as computed by hand", async () => {
    expect(run.status).toBe(1);
    const expected: Record<string, [Status, number, number]> = {
      // PM2.5 50 -> IAQI 50 + 50 * 15/40 = 68.75 -> 69, every day complete and good.
      "air.urban.good_rate": ["pass", 100, 20],
      "air.urban.pm25": ["fail", 50, -7],
      "air.urban.pm10": ["pass", 50, 18],
      "air.counties.good_rate": ["pass", 100, 13.5],
      "air.counties.pm25": ["pass", 30, 11],
      "air.counties.pm10": ["pass", 50, 14],
      // Constant daily values: every percentile is the constant. CO 0.5 -> 0.5, margin 3.5.
      "air.urban.co_p95": ["pass", 0.5, 3.5],
      // O3_8h 80 -> 80, margin 80.
      "air.urban.o3_p90": ["pass", 80, 80],
      // Every day's AQI is 69: no day above 200.
      "air.urban.heavy_days": ["pass", 0, 0],
    };
    expect(Object.keys(expected)).toEqual(AIR_TARGET_IDS);
    for (const [id, [status, actual, margin]] of Object.entries(expected)) {
      const r = result(run.json, id);
      expect({ id, status: r.status, actual: r.actual, margin: r.margin, validDays: r.validDays }).toEqual({
        id,
        status,
        actual,
        margin,
        validDays: 365,
      });
    }
    expect(result(run.json, "air.urban.good_rate").detail.goodDays).toBe(365);
    expect(summaryOf(airResults(run.json))).toMatchObject({ pass: 8, warn: 0, fail: 1, noData: 0 });
    expect(run.json.inputs[0]!.rows).toBe(365 * 9);
    expect(run.json.inputs[0]!.rejectedRows).toBe(0);
    expect(run.json.inputs[0]!.unassignedRows).toBe(0);
  });

  it("--fail-on never exits 0", async () => {
    expect((await runMain([file, "--format", "json", "--fail-on", "never"])).status).toBe(0);
  });

  it.each(["fail", "warn", "no-data"])("--fail-on %s exits 1", async (level) => {
    expect((await runMain([file, "--fail-on", level])).status).toBe(1);
  });

  it("the table shows the failure", async () => {
    const table = await runMain([file, "--lang", "en"]);
    expect(table.status).toBe(1);
    expect(Object.fromEntries(tableStatuses(table.stdout))).toEqual(
      Object.fromEntries(
        AIR_TARGET_IDS.map((id) => [
          id,
          id === "air.urban.pm25" ? "fail" : AIR_INFORMATIONAL_IDS.includes(id) ? "pass (info)" : "pass",
        ]),
      ),
    );
    const row = table.stdout.split("\n").find((l) => l.includes(" air.urban.pm25 "));
    expect(row).toContain("fail");
    expect(row).toContain("50 ug/m3");
    expect(row).toContain("-7");
    expect(table.stdout).toContain(summaryLine("en", run.json.summary));
  });
});

describe("hy-check <informational targets failing: urban CO 5 on 36 days, 2 days of AQI 250> --format json", () => {
  // Urban, on the defaults (CO 0.5, every IAQI <= 50 but PM2.5 30 -> 43) except:
  // - days 1-3 of each month (36 days): CO 5 mg/m3 -> IAQI 100 + 50 x 1/10 = 105, not good, not heavy;
  // - 2019-07-15 and 2019-07-16: PM2.5 200 -> IAQI 200 + 100 x 50/100 = 250 > 200, heavy (07-16 lacks SO2,
  //   but a day already over AQI 100 counts, as for the good-day rate);
  // - 2019-07-17: PM2.5 150, NO2 missing -> IAQI exactly 200: counted, not heavy (above 200 only).
  // Plan targets: good days 365 - 36 - 3 = 326 -> 89.315 % -> 89.3 pass (margin 9.3);
  //   PM2.5 (362 x 30 + 2 x 200 + 150) / 365 = 31.26 -> 31 pass (margin 12); PM10 50 pass; counties pass.
  // Informational: CO sorted has 0.5 at X(1)..X(329) and 5 at X(330)..X(365); p95: k = 1 + 364 x 0.95 =
  //   346.8, X(346) = X(347) = 5 -> 5.0 fail (margin -1); O3_8h 80 -> 80 pass; heavy days 2 fail (margin -2).
  let file = "";
  let run: CliRun & { json: Report };
  beforeAll(async () => {
    file = writeCsv("info-fail.csv", {
      urban: (d) => {
        if (dayOfMonth(d) <= 3) return { CO: 5 };
        if (d === "2019-07-15") return { "PM2.5": 200 };
        if (d === "2019-07-16") return { "PM2.5": 200, SO2: "" };
        if (d === "2019-07-17") return { "PM2.5": 150, NO2: "—" };
        return {};
      },
    });
    run = await runMainJson<Report>([file, "--format", "json"]);
  });

  it("exits 0: every plan air target passes, and informational failures never fail the run", async () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const expected: Record<string, [Status, number, number, boolean]> = {
      "air.urban.good_rate": ["pass", 89.3, 9.3, false],
      "air.urban.pm25": ["pass", 31, 12, false],
      "air.urban.pm10": ["pass", 50, 18, false],
      "air.counties.good_rate": ["pass", 100, 13.5, false],
      "air.counties.pm25": ["pass", 30, 11, false],
      "air.counties.pm10": ["pass", 50, 14, false],
      "air.urban.co_p95": ["fail", 5, -1, true],
      "air.urban.o3_p90": ["pass", 80, 80, true],
      "air.urban.heavy_days": ["fail", 2, -2, true],
    };
    expect(Object.keys(expected)).toEqual(AIR_TARGET_IDS);
    for (const [id, [status, actual, margin, informational]] of Object.entries(expected)) {
      const r = result(run.json, id);
      expect({
        id,
        status: r.status,
        actual: r.actual,
        margin: r.margin,
        validDays: r.validDays,
        informational: r.informational,
      }).toEqual({ id, status, actual, margin, validDays: 365, informational });
    }
    expect(result(run.json, "air.urban.good_rate").detail.goodDays).toBe(326);
    // The summary counts every result, the informational ones included.
    expect(summaryOf(airResults(run.json))).toMatchObject({ pass: 7, warn: 0, fail: 2, noData: 0 });
    expect(run.json.summary).toEqual(summaryOf(run.json.results));
    expect(run.json.inputs[0]!.rejectedRows).toBe(0);
  });

  it.each(["fail", "warn"])("--fail-on %s exits 0 too", async (level) => {
    expect((await runMain([file, "--fail-on", level])).status).toBe(0);
  });

  it("--fail-on no-data exits 0 too, on the air targets alone", async () => {
    expect((await runMain(["-t", airOnlyTargets(), file, "--fail-on", "no-data"])).status).toBe(0);
  });

  it.each([
    ["en", "pass", "fail (info)", "pass (info)"],
    ["zh", "达标", "未达标（参考）", "达标（参考）"],
  ] as const)(
    "--lang %s: the table marks the informational failures and still exits 0",
    async (lang, pass, infoFail, infoPass) => {
      const table = await runMain([file, "--lang", lang]);
      expect(table.status).toBe(0);
      expect(Object.fromEntries(tableStatuses(table.stdout))).toEqual({
        "air.urban.good_rate": pass,
        "air.urban.pm25": pass,
        "air.urban.pm10": pass,
        "air.counties.good_rate": pass,
        "air.counties.pm25": pass,
        "air.counties.pm10": pass,
        "air.urban.co_p95": infoFail,
        "air.urban.o3_p90": infoPass,
        "air.urban.heavy_days": infoFail,
      });
      const co = table.stdout.split("\n").find((l) => l.includes(" air.urban.co_p95 "));
      expect(co).toContain("5.0 mg/m3");
      expect(co).toContain("-1");
      expect(table.stdout).toContain(summaryLine(lang, run.json.summary));
    },
  );
});

describe("hy-check <urban CO and O3_8h with a step at the percentile> --format json", () => {
  it("interpolates as HJ 663-2013 does: CO p95 2.6, O3_8h p90 130", async () => {
    // CO: 346 days of 1.0 and 19 of 3.0 (IAQI 75, good): k = 1 + 364 x 0.95 = 346.8, X(346) = 1.0,
    // X(347) = 3.0 -> 1.0 + 2.0 x 0.8 = 2.6 (n x p/100 = 346.75 would give 2.5, the nearest rank 3.0).
    // O3_8h: 328 days of 100 and 37 of 150 (IAQI 91.7 -> 92, good): k = 1 + 364 x 0.9 = 328.6,
    // X(328) = 100, X(329) = 150 -> 100 + 50 x 0.6 = 130 (n x p/100 = 328.5 would give 125).
    const file = writeCsv("percentile-step.csv", {
      urban: (_d, i) => ({ CO: i < 346 ? 1 : 3, O3_8h: i < 328 ? 100 : 150 }),
    });
    const run = await runMainJson<Report>([file, "--format", "json"]);
    expect(run.status).toBe(0);
    const co = result(run.json, "air.urban.co_p95");
    expect([co.status, co.actual, co.margin, co.validDays]).toEqual(["pass", 2.6, 1.4, 365]);
    const o3 = result(run.json, "air.urban.o3_p90");
    expect([o3.status, o3.actual, o3.margin, o3.validDays]).toEqual(["pass", 130, 30, 365]);
    const heavy = result(run.json, "air.urban.heavy_days");
    expect([heavy.status, heavy.actual, heavy.validDays]).toEqual(["pass", 0, 365]);
    expect(result(run.json, "air.urban.good_rate").detail.goodDays).toBe(365);
  });
});

// Urban PM2.5 per day -> [reported annual mean, status, margin, valid days]
const ROUNDING_CASES: [string, (date: string, i: number) => Cells | null, number, Status, number, number][] =
  [
    ["constant 43 (on the target)", () => ({ "PM2.5": 43 }), 43, "pass", 0, 365],
    // 183 x 42 + 182 x 43 over 365 days = 42.4986...
    ["alternating 42, 43 over 365 days", (_d, i) => ({ "PM2.5": i % 2 === 0 ? 42 : 43 }), 42, "pass", 1, 365],
    // 182 x 42 + 182 x 43 over 364 days (31 December missing) = 42.5 exactly -> 42 (half to even)
    [
      "alternating 42, 43 over 364 days (mean exactly 42.5)",
      (d, i) => (d === "2019-12-31" ? null : { "PM2.5": i % 2 === 0 ? 42 : 43 }),
      42,
      "pass",
      1,
      364,
    ],
    // 182 x 43 + 182 x 44 over 364 days = 43.5 exactly -> 44 (half to even)
    [
      "alternating 43, 44 over 364 days (mean exactly 43.5)",
      (d, i) => (d === "2019-12-31" ? null : { "PM2.5": i % 2 === 0 ? 43 : 44 }),
      44,
      "fail",
      -1,
      364,
    ],
    ["constant 42.5", () => ({ "PM2.5": 42.5 }), 42, "pass", 1, 365],
    ["constant 43.5", () => ({ "PM2.5": 43.5 }), 44, "fail", -1, 365],
    ["constant 43.4", () => ({ "PM2.5": 43.4 }), 43, "pass", 0, 365],
    // 42.5 in the first 182 days, 43.5 in the other 182, 31 December missing: mean 43.0
    [
      "42.5 in the first half, 43.5 in the second",
      (d, i) => (d === "2019-12-31" ? null : { "PM2.5": i < 182 ? 42.5 : 43.5 }),
      43,
      "pass",
      0,
      364,
    ],
  ];

describe.each(ROUNDING_CASES)(
  "hy-check <urban PM2.5 %s> --format json",
  (_name, urban, actual, status, margin, validDays) => {
    it(`reports ${actual} (${status}, margin ${margin})`, async () => {
      const file = writeCsv("urban-pm25.csv", { urban });
      const run = await runMainJson<Report>([file, "--format", "json"]);
      const r = result(run.json, "air.urban.pm25");
      expect({ actual: r.actual, status: r.status, margin: r.margin, validDays: r.validDays }).toEqual({
        actual,
        status,
        margin,
        validDays,
      });
      expect(run.status).toBe(status === "fail" ? 1 : 0);
    });
  },
);

describe("hy-check <counties PM2.5 41.5 in four counties, 41.4 in four> --format json", () => {
  it("rounds the counties' mean once: 41.45 -> 41 pass (rounding each county first would give 42)", async () => {
    const high = new Set(COUNTIES.slice(0, 4));
    const file = writeCsv("counties-pm25.csv", {
      county: (c) => ({ "PM2.5": high.has(c) ? 41.5 : 41.4 }),
    });
    const run = await runMainJson<Report>([file, "--format", "json"]);
    expect(run.status).toBe(0);
    const r = result(run.json, "air.counties.pm25");
    expect(r.actual).toBe(41);
    expect(r.status).toBe("pass");
    expect(r.margin).toBe(0);
    expect(r.validDays).toBe(365);
    // Each county on its own: 41.5 -> 42, 41.4 -> 41.
    expect(r.detail.areas?.map((a) => [a.area, a.actual])).toEqual(
      COUNTIES.map((c) => [c, high.has(c) ? 42 : 41]),
    );
  });
});

describe("hy-check <衡南县 with 26 valid days in March, every other county and day complete> --format json", () => {
  // 衡南县 keeps March 1-26: 365 - 5 = 360 valid days, March short of its 27. Every day is good (AQI 69).
  const file = () =>
    writeCsv("county-march-26.csv", {
      county: (c, d) => (c === "衡南县" && d.startsWith("2019-03-") && Number(d.slice(8)) > 26 ? null : {}),
    });

  it("the counties' good-day rate is still evaluated: a definite pass, also under --capture strict", async () => {
    for (const capture of ["indicative", "strict"]) {
      const run = await runMainJson<Report>([file(), "--format", "json", "--capture", capture]);
      const r = result(run.json, "air.counties.good_rate");
      // Each county at 100.0 %; the mean 100.0 against >= 86.5.
      expect({ capture, status: r.status, actual: r.actual, basis: r.basis?.kind }).toEqual({
        capture,
        status: "pass",
        actual: 100,
        basis: "definite",
      });
      // 衡南县 with its 5 missing days counted not good: 360 / 365 = 98.630137; the counties' mean of the
      // low ends (7 x 100 + 98.630137) / 8 = 99.83 -> 99.8; the high end 100.0: both >= 86.5.
      expect(r.basis?.bounds).toEqual({
        missingDays: 5,
        low: 99.8,
        high: 100,
        lowStatus: "pass",
        highStatus: "pass",
      });
    }
  });

  it("the counties' PM2.5 mean (a concentration): indicative by default, no data under --capture strict", async () => {
    const run = await runMainJson<Report>([file(), "--format", "json"]);
    expect(result(run.json, "air.counties.pm25").basis?.kind).toBe("indicative");
    const strict = await runMainJson<Report>([file(), "--format", "json", "--capture", "strict"]);
    expect(result(strict.json, "air.counties.pm25").status).toBe("no-data");
  });
});

describe("hy-check <urban good-day rate exactly 80 %> --format json", () => {
  it("292 good days of 365 -> 80.0 pass on the target; PM2.5 (292 x 50 + 73 x 120) / 365 = 64", async () => {
    // PM2.5 120 -> IAQI 150 + 50 * 5/35 = 157.1 -> 158: not good.
    const file = writeCsv("rate-80.csv", { urban: (_d, i) => ({ "PM2.5": i < 73 ? 120 : 50 }) });
    const run = await runMainJson<Report>([file, "--format", "json"]);
    const rate = result(run.json, "air.urban.good_rate");
    expect([rate.status, rate.actual, rate.margin, rate.validDays]).toEqual(["pass", 80, 0, 365]);
    expect(rate.detail.goodDays).toBe(292);
    const pm25 = result(run.json, "air.urban.pm25");
    expect([pm25.status, pm25.actual, pm25.margin]).toEqual(["fail", 64, -21]);
    expect(run.status).toBe(1);
  });

  it("291 good days of 365 = 79.726 % -> 79.7 fail, margin -0.3", async () => {
    const file = writeCsv("rate-79.csv", { urban: (_d, i) => ({ "PM2.5": i < 74 ? 120 : 50 }) });
    const run = await runMainJson<Report>([file, "--format", "json"]);
    const rate = result(run.json, "air.urban.good_rate");
    expect([rate.status, rate.actual, rate.margin, rate.validDays]).toEqual(["fail", 79.7, -0.3, 365]);
    expect(rate.detail.goodDays).toBe(291);
    expect(run.status).toBe(1);
  });
});

describe("hy-check <urban days with missing items: empty cells and —> --format json", () => {
  it("counts complete days and incomplete days already over AQI 100, not incomplete good days", async () => {
    // Days 1 and 2 of each month: SO2 missing (empty or —), PM2.5 50: good but incomplete -> not counted (24).
    // Day 3 of each month: SO2 and NO2 missing, PM2.5 120 (IAQI 158) -> counted, not good (12).
    // Counted 365 - 24 = 341, good 341 - 12 = 329: 96.4809 % -> 96.5.
    // PM2.5 is there every day: (353 x 50 + 12 x 120) / 365 = 52.30 -> 52.
    const file = writeCsv("incomplete.csv", {
      urban: (d) => {
        const day = dayOfMonth(d);
        if (day === 1) return { "PM2.5": 50, SO2: "" };
        if (day === 2) return { "PM2.5": 50, SO2: "—" };
        if (day === 3) return { "PM2.5": 120, SO2: "—", NO2: "" };
        return { "PM2.5": 50 };
      },
    });
    const run = await runMainJson<Report>([file, "--format", "json"]);
    expect(run.json.inputs[0]!.rejectedRows).toBe(0);
    const rate = result(run.json, "air.urban.good_rate");
    expect([rate.status, rate.actual, rate.validDays, rate.detail.goodDays]).toEqual([
      "pass",
      96.5,
      341,
      329,
    ]);
    expect(rate.margin).toBe(16.5);
    const pm25 = result(run.json, "air.urban.pm25");
    expect([pm25.status, pm25.actual, pm25.validDays]).toEqual(["fail", 52, 365]);
    // SO2 is missing on 24 + 12 days, but PM10 is there every day.
    expect(result(run.json, "air.urban.pm10").validDays).toBe(365);
    // Heavy days count the same 341 days; none is above AQI 200.
    const heavy = result(run.json, "air.urban.heavy_days");
    expect([heavy.status, heavy.actual, heavy.validDays]).toEqual(["pass", 0, 341]);
  });
});

// ---------------------------------------------------------------------------------------------------
// 5. Not enough data (HJ 663-2013 counts).

describe("hy-check <January to June only> --as-of year-end --format json", () => {
  let file = "";
  const firstHalf = DAYS_2019.filter((d) => month(d) <= 6); // 31+28+31+30+31+30 = 181 days
  beforeAll(async () => {
    file = writeCsv("first-half.csv", { days: firstHalf });
  });

  it("without --as-of: the year so far, to 30 June, the last day of the data; every air target on track", async () => {
    const run = await runMainJson<Report & { yearToDate?: unknown }>([file, "--format", "json"]);
    expect(run.status).toBe(0);
    expect(run.json.yearToDate).toEqual({ through: "2019-06-30", from: "data" });
    // Constant clean days (PM2.5 30 <= 43, every day good, none above AQI 200): nothing is at risk.
    for (const r of airResults(run.json)) expect(r.status, r.id).toBe("pass");
  });

  it("reports every air target as no-data with the day count, the value still present; exit 0", async () => {
    expect(firstHalf).toHaveLength(181);
    const run = await runMainJson<Report>([file, "--format", "json", "--as-of", "year-end"]);
    expect(run.status).toBe(0);
    const actual: Record<string, number> = {
      "air.urban.good_rate": 100,
      "air.urban.pm25": 30,
      "air.urban.pm10": 50,
      "air.counties.good_rate": 100,
      "air.counties.pm25": 30,
      "air.counties.pm10": 50,
      "air.urban.co_p95": 0.5,
      "air.urban.o3_p90": 80,
      "air.urban.heavy_days": 0,
    };
    expect(Object.keys(actual)).toEqual(AIR_TARGET_IDS);
    const air = airResults(run.json);
    expect(air.map((r) => r.id)).toEqual(AIR_TARGET_IDS);
    for (const r of air) {
      expect(r.status, r.id).toBe("no-data");
      expect(r.actual, r.id).toBe(actual[r.id]);
      expect(r.margin, r.id).toBeNull();
      expect(r.validDays, r.id).toBe(181);
      expect(r.detail.reason, r.id).toContain("181");
    }
    const urban = result(run.json, "air.urban.pm25");
    expect(urban.detail.shortMonths).toEqual(
      [7, 8, 9, 10, 11, 12].map((m) => ({ month: m, days: 0, required: 27 })),
    );
    expect(result(run.json, "air.counties.pm25").detail.areas?.every((a) => !a.sufficient)).toBe(true);
    expect(summaryOf(air)).toMatchObject({ pass: 0, warn: 0, fail: 0, noData: 9 });
  });

  it("--fail-on no-data exits 1, on the air targets alone", async () => {
    const run = await runMain(["-t", airOnlyTargets(), file, "--fail-on", "no-data", "--as-of", "year-end"]);
    expect(run.status).toBe(1);
  });

  it("--fail-on fail exits 0 and the table says no data", async () => {
    const run = await runMain([file, "--fail-on", "fail", "--lang", "en", "--as-of", "year-end"]);
    expect(run.status).toBe(0);
    expect(Object.fromEntries(tableStatuses(run.stdout))).toEqual(
      Object.fromEntries(
        AIR_TARGET_IDS.map((id) => [id, AIR_INFORMATIONAL_IDS.includes(id) ? "no data (info)" : "no data"]),
      ),
    );
  });
});

// Urban days written -> [status of the urban targets, valid days, short months]
const VALIDITY_CASES: [string, (d: string) => boolean, Status, number, { month: number; days: number }[]][] =
  [
    // 365 - 31 = 334 >= 324 days, but March has none.
    ["no March", (d) => month(d) !== 3, "no-data", 334, [{ month: 3, days: 0 }]],
    // February 25 days is enough; 24 is not.
    ["February 25 days", (d) => !(month(d) === 2 && dayOfMonth(d) > 25), "pass", 362, []],
    [
      "February 24 days",
      (d) => !(month(d) === 2 && dayOfMonth(d) > 24),
      "no-data",
      361,
      [{ month: 2, days: 24 }],
    ],
    // April 27 days is enough; 26 is not.
    ["April 27 days", (d) => !(month(d) === 4 && dayOfMonth(d) > 27), "pass", 362, []],
    [
      "April 26 days",
      (d) => !(month(d) === 4 && dayOfMonth(d) > 26),
      "no-data",
      361,
      [{ month: 4, days: 26 }],
    ],
    // Every month at its minimum (11 x 27 + 25 = 322) plus two days of January: 324 is enough.
    ["324 days", (d) => dayOfMonth(d) <= (month(d) === 1 ? 29 : month(d) === 2 ? 25 : 27), "pass", 324, []],
    // ... and 323, with every month at or over its minimum, is not.
    [
      "323 days",
      (d) => dayOfMonth(d) <= (month(d) === 1 ? 28 : month(d) === 2 ? 25 : 27),
      "no-data",
      323,
      [],
    ],
  ];

/**
 * The basis each urban target's verdict takes when HJ 663-2013's counts are short (src/engine/basis.ts),
 * worked out by hand from the days kept: every day of the urban data is good (AQI 69) and none is heavy.
 * - good_rate (>= 80, a ratio over valid days): with every missing day counted not good it is
 *   valid / 365 x 100 (334/365 = 91.5, 361/365 = 98.9, 323/365 = 88.5): still >= 80, so definite.
 * - heavy_days (<= 0): 0 .. missing days (31, 4, 42): pass and fail at the ends, so indicative.
 * - the concentrations: indicative when >= 274 (3/4 of 365) days are valid and no month is empty;
 *   no March is a month without data: no data.
 */
const SHORT_BASES: Record<string, Record<string, string>> = {
  "no March": { good_rate: "definite", concentration: "no-data", heavy_days: "indicative" },
  "February 24 days": { good_rate: "definite", concentration: "indicative", heavy_days: "indicative" },
  "April 26 days": { good_rate: "definite", concentration: "indicative", heavy_days: "indicative" },
  "323 days": { good_rate: "definite", concentration: "indicative", heavy_days: "indicative" },
};

describe.each(VALIDITY_CASES)(
  "hy-check <urban data: %s> --format json",
  (name, keep, status, days, short) => {
    const URBAN_IDS = [
      "air.urban.good_rate",
      "air.urban.pm25",
      "air.urban.pm10",
      "air.urban.co_p95",
      "air.urban.o3_p90",
      "air.urban.heavy_days",
    ];
    /** The basis expected under the default (indicative) reading; no-data for none. */
    const basisOf = (id: string) => {
      const bases = SHORT_BASES[name];
      if (!bases) return status === "pass" ? "official" : "no-data";
      const key = id.endsWith("good_rate")
        ? "good_rate"
        : id.endsWith("heavy_days")
          ? "heavy_days"
          : "concentration";
      return bases[key]!;
    };

    it(`--capture strict: urban targets are ${status} with ${days} valid days, but definite ones; the counties (all year) pass`, async () => {
      const file = writeCsv("validity.csv", { urban: (d) => (keep(d) ? {} : null) });
      const run = await runMainJson<Report>([file, "--format", "json", "--capture", "strict"]);
      for (const id of URBAN_IDS) {
        const r = result(run.json, id);
        const definite = basisOf(id) === "definite";
        expect(r.status, id).toBe(definite ? "pass" : status);
        expect(r.validDays, id).toBe(days);
        expect(r.actual, id).not.toBeNull();
        if (status === "no-data") {
          expect(r.detail.reason, id).toContain(String(days));
          expect(r.detail.shortMonths ?? [], id).toEqual(
            short.map((s) => ({ ...s, required: s.month === 2 ? 25 : 27 })),
          );
        }
      }
      for (const id of ["air.counties.good_rate", "air.counties.pm25", "air.counties.pm10"])
        expect(result(run.json, id).status, id).toBe("pass");
      expect(run.status).toBe(0);
      // The air targets alone: the other families' targets (no data of their kind) would be no-data too.
      expect(
        (await runMain(["-t", airOnlyTargets(), file, "--fail-on", "no-data", "--capture", "strict"])).status,
      ).toBe(status === "no-data" ? 1 : 0);
    });

    it("by default: short capture gives a definite or indicative pass, a month without data no data", async () => {
      const file = writeCsv("validity.csv", { urban: (d) => (keep(d) ? {} : null) });
      const run = await runMainJson<Report>([file, "--format", "json"]);
      for (const id of URBAN_IDS) {
        const r = result(run.json, id);
        const basis = basisOf(id);
        expect({ id, status: r.status, basis: r.basis?.kind ?? "no-data" }).toEqual({
          id,
          status: basis === "no-data" ? "no-data" : "pass",
          basis,
        });
      }
      expect(run.status).toBe(0);
    });
  },
);

// ---------------------------------------------------------------------------------------------------
// 6. Broken target files.

describe('hy-check -t <target file with op: "<>"> fixtures/hengyang-2019-daily.csv', () => {
  it("exits 2 with file:line:col of the bad value and no stack trace", async () => {
    const yaml = readFileSync(join(ROOT, "targets", "hengyang-2019.yaml"), "utf8");
    const broken = yaml.replace('op: "<="', 'op: "<>"');
    expect(broken).not.toBe(yaml);
    const file = tempFile("broken-op.yaml", broken);
    const offset = broken.indexOf('op: "<>"') + "op: ".length;
    const line = broken.slice(0, offset).split("\n").length;
    const col = offset - broken.lastIndexOf("\n", offset - 1);
    const run = await runMain(["-t", file, FIXTURE]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file}:${line}:${col}`);
    expect(run.stderr).toContain("targets[1].op");
    expect(run.stderr).toContain("HY-TARGETS");
    expect(run.stdout).toBe("");
    expectCleanError(run);
  });
});

describe("hy-check -t <target file with a YAML syntax error> fixtures/hengyang-2019-daily.csv", () => {
  it("exits 2 with file:line:col and no stack trace", async () => {
    const yaml = readFileSync(join(ROOT, "targets", "hengyang-2019.yaml"), "utf8");
    const file = tempFile("broken-syntax.yaml", yaml.replace("year: 2019", "year: [2019"));
    const run = await runMain(["-t", file, FIXTURE]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`${escapeRegExp(file)}:\\d+:\\d+`));
    expect(run.stderr).toContain("HY-YAML");
    expectCleanError(run);
  });
});

describe("hy-check -t <missing target file> fixtures/hengyang-2019-daily.csv", () => {
  it("exits 2 naming the file", async () => {
    const file = join(tmp.path, "no-such-targets.yaml");
    const run = await runMain(["-t", file, FIXTURE]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toContain("no such file");
    expectCleanError(run);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// ---------------------------------------------------------------------------------------------------
// 7. and 8. Bad CSVs.

describe("hy-check <CSV without a PM10 column>", () => {
  it("exits 2 naming the file, line 1 and PM10", async () => {
    const text = csvText({})
      .split("\n")
      .map((l) =>
        l
          .split(",")
          .filter((_c, i) => i !== 3)
          .join(","),
      )
      .join("\n");
    expect(text.split("\n")[0]).toBe("日期,区域,PM2.5,SO2,NO2,CO,O3_8h");
    const file = tempFile("no-pm10.csv", text);
    const run = await runMain([file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file}:1`);
    expect(run.stderr).toContain("PM10");
    expect(run.stderr).toContain("HY-COLUMN");
    expectCleanError(run);
  });
});

// The 市城区 row of 2019-01-11 (day index 10) is on line 2 + 9 x 10 = 92; PM2.5 is field 3.
const BAD_LINE = 92;
const BAD_COL = 3;
describe.each([
  ["abc", "HY-NUMBER"],
  ["-5", "HY-RANGE"],
])("hy-check <CSV with %s in one PM2.5 cell>", (cell, code) => {
  let file = "";
  beforeAll(async () => {
    file = writeCsv("bad-cell.csv", { urban: (_d, i) => (i === 10 ? { "PM2.5": cell } : {}) });
    expect(readFileSync(file, "utf8").split("\n")[BAD_LINE - 1]).toBe(
      `2019-01-11,市城区,${cell},50,10,20,0.5,80`,
    );
  });

  it("exits 2 by default and names file:line:col of the cell", async () => {
    const run = await runMain([file]);
    expect(run.status).toBe(2);
    expect(`${run.stdout}\n${run.stderr}`).toContain(`${file}:${BAD_LINE}:${BAD_COL}`);
    expect(run.stdout).toContain(code);
    expect(run.stderr).toContain("--max-rejected");
    expectCleanError(run);
  });

  it("--format json exits 2 and lists the rejected cell", async () => {
    const run = await runMainJson<Report>([file, "--format", "json"]);
    expect(run.status).toBe(2);
    const input = run.json.inputs[0]!;
    expect(input.rejectedRows).toBe(1);
    expect(input.rejectedByCode).toEqual({ [code]: 1 });
    expect(input.rejected[0]).toMatchObject({ file, line: BAD_LINE, col: BAD_COL, code });
  });

  it("--max-rejected 1 --format json: the exit code follows the targets", async () => {
    const run = await runMainJson<Report>([file, "--max-rejected", "1", "--format", "json"]);
    expect(run.status).toBe(0);
    expect(run.json.inputs[0]!.rejectedRows).toBe(1);
    expect(run.json.inputs[0]!.rows).toBe(365 * 9);
    expect(result(run.json, "air.urban.pm25").validDays).toBe(364);
    expect(summaryOf(airResults(run.json))).toMatchObject({ pass: 9, warn: 0, fail: 0, noData: 0 });
  });
});

describe("hy-check <CSV with a bad cell and urban PM2.5 50> --max-rejected 1", () => {
  it("exits 1: the targets decide once the rejections are tolerated", async () => {
    const file = writeCsv("bad-cell-fail.csv", {
      urban: (_d, i) => ({ "PM2.5": i === 10 ? "abc" : 50 }),
    });
    expect((await runMain([file])).status).toBe(2);
    expect((await runMain([file, "--max-rejected", "1"])).status).toBe(1);
  });
});

describe(`hy-check ${FIXTURE} ${FIXTURE}`, () => {
  it("rejects the second reading of every station-day as a duplicate: exit 2", async () => {
    const run = await runMainJson<Report>([FIXTURE, FIXTURE, "--format", "json"]);
    expect(run.status).toBe(2);
    const [first, second] = run.json.inputs;
    expect(first!.rejectedRows).toBe(0);
    expect(second!.rejectedRows).toBe(second!.rows - second!.unassignedRows);
    expect(Object.keys(second!.rejectedByCode)).toEqual(["HY-DUP"]);
    expectCleanError(run);
  });
});

describe("hy-check <empty file>", () => {
  it("exits 2 naming the file", async () => {
    const file = tempFile("empty.csv", "");
    const run = await runMain([file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toContain("HY-EMPTY");
    expectCleanError(run);
  });
});

// ---------------------------------------------------------------------------------------------------
// 9. Usage errors and the other commands.

describe("hy-check no-such-file.csv", () => {
  it("exits 2 with the path and 'no such file'", async () => {
    const run = await runMain(["no-such-file.csv"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("no-such-file.csv");
    expect(run.stderr).toContain("no such file");
    expect(run.stdout).toBe("");
    expectCleanError(run);
  });
});

describe("hy-check fixtures (a folder: every CSV in it)", () => {
  it("reads the fixture files in name order: every station-day of the second daily file is a rejected duplicate (exit 2)", async () => {
    const run = await runMainJson<Report>(["fixtures", "--format", "json"]);
    expect(run.status).toBe(2);
    const inputs = run.json.inputs;
    expect(inputs.map((i) => [i.file, i.kind])).toEqual([
      ["fixtures/hengyang-2019-daily-gbk.csv", "air-daily"],
      ["fixtures/hengyang-2019-daily.csv", "air-daily"],
      ["fixtures/hengyang-2019-water.csv", "water-monthly"],
      ["fixtures/hengyang-ledger.csv", "ledger"],
    ]);
    const [gbk, daily, water] = inputs;
    expect(gbk!.rejectedRows).toBe(0);
    // Every row of the second daily file that names a station of an area was already read from the first.
    expect(daily!.rejectedRows).toBe(daily!.rows - daily!.unassignedRows);
    expect(daily!.rejectedRows).toBeGreaterThan(0);
    expect(daily!.rejectedByCode).toEqual({ "HY-DUP": daily!.rejectedRows });
    expect(water!.rows).toBeGreaterThan(0);
    expect(water!.rejectedRows).toBe(0);
    expect(run.stderr).toContain("HY-DUP");
    expectCleanError(run);
  });

  it("an empty folder exits 2 naming it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hy-empty-"));
    const run = await runMain([dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(dir);
    expect(run.stderr).toContain("no CSV files");
    expectCleanError(run);
  });
});

describe(`hy-check ${FIXTURE} --no-such-option`, () => {
  it("exits 2 with commander's message", async () => {
    const run = await runMain([FIXTURE, "--no-such-option"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--no-such-option");
    expectCleanError(run);
  });
});

describe.each([
  [["--format", "xml"]],
  [["--lang", "fr"]],
  [["--encoding", "latin1"]],
  [["--fail-on", "sometimes"]],
  [["--max-rejected", "abc"]],
  [["--max-rejected", "1.5"]],
])(`hy-check ${FIXTURE} %j`, (args) => {
  it("exits 2 without a stack trace", async () => {
    const run = await runMain([FIXTURE, ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toBe("");
    expect(run.stdout).toBe("");
    expectCleanError(run);
  });
});

describe("hy-check (no arguments)", () => {
  it("exits 2", async () => {
    const run = await runMain([]);
    expect(run.status).toBe(2);
    expectCleanError(run);
  });
});

// ---------------------------------------------------------------------------------------------------
// 10. Writing the report to a file.

describe(`hy-check ${FIXTURE} -o out.json --format json`, () => {
  it("writes the report to the file and nothing to stdout", async () => {
    const out = join(tmp.path, "out.json");
    const run = await runMain([FIXTURE, "-o", out, "--format", "json"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("");
    const written = JSON.parse(readFileSync(out, "utf8")) as Report;
    expect(written).toEqual((await fixtureReport()).json);
  });

  it("-o out.txt (table) writes plain text without ANSI codes", async () => {
    const out = join(tmp.path, "out.txt");
    const run = await runMain([FIXTURE, "-o", out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    const text = readFileSync(out, "utf8");
    for (const id of AIR_TARGET_IDS) expect(text).toContain(id);
    expect(text).not.toContain("\u001b[");
  });

  it("-o into a folder that does not exist exits 2 naming the path, not an internal error", async () => {
    const out = join(tmp.path, "no-such-folder", "out.json");
    const run = await runMain([FIXTURE, "-o", out, "--format", "json"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(out);
    expectCleanError(run);
  });
});
