// End to end on hourly long CSVs: the CLI (in-process, runMain) against an independent reference calculation
// (scripts/make-hourly.mjs referenceAssessment, written from the standards, importing nothing from src/),
// and hand-built one-station years whose per-day validity shows in validDays / shortMonths.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMain, runMainJson } from "./helpers/run-main.js";

// ---- the generator / reference module (plain .mjs, typed here) ----------------------------------------

type Hourly = "SO2" | "NO2" | "PM10" | "PM2.5" | "CO" | "O3";
type Item = "SO2" | "NO2" | "PM10" | "PM2.5" | "CO" | "O3_8h" | "O3_1h";

interface AnnualRef {
  validDays: number;
  shortMonths: { month: number; days: number; required: number }[];
  sufficient: boolean;
  raw: number | null;
  actual: number | null;
}

interface Reference {
  daily: Map<string, { values: Partial<Record<Item, number>>; aqi: number | null; counted: boolean }>;
  goodRate: Omit<AnnualRef, "raw"> & { goodDays: number };
  annualMean: Record<Exclude<Item, "O3_1h">, AnnualRef>;
  coP95: AnnualRef;
  o3P90: AnnualRef;
}

interface MakeHourly {
  writeHourly: (
    file: string,
    options?: { years?: number; stations?: string[]; seed?: number },
  ) => Promise<void>;
  referenceAssessment: (
    text: string,
    options: { stations: string[]; year?: number; convention?: "ending" | "beginning" },
  ) => Reference;
  addDays: (date: string, days: number) => string;
  endingLabel: (date: string, slot: number) => string;
  DEFAULT_STATIONS: string[];
}

const mod = (await import(new URL("../scripts/make-hourly.mjs", import.meta.url).href)) as MakeHourly;

// ---- the JSON report (the parts used here) ---------------------------------------------------------------

interface Result {
  id: string;
  status: string;
  basis?: { kind: string };
  informational: boolean;
  actual: number | null;
  validDays: number | null;
  op: string;
  target: number;
  detail: {
    reasonCode?: string;
    reason?: string;
    shortMonths?: { month: number; days: number; required: number }[];
    goodDays?: number;
  };
}
interface Report {
  hourConvention: string | null;
  inputs: {
    kind: string;
    rows: number;
    rejectedRows: number;
    outsidePeriodRows: number;
    unassignedRows: number;
    unassignedStations: { station: string; rows: number }[];
    rejectedByCode: Record<string, number>;
    from: string | null;
    to: string | null;
  }[];
  results: Result[];
}

const URBAN = ["2457A", "2458A", "2459A", "2460A", "2461A"];
const result = (report: Report, id: string): Result => {
  const r = report.results.find((x) => x.id === id);
  if (!r) throw new Error(`no result ${id}`);
  return r;
};
const hasTarget = (report: Report, id: string) => report.results.some((r) => r.id === id);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "hy-hourly-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// ---- a generated year, 6 stations including the control point ------------------------------------------

describe("a generated year of hourly data (6 stations, 2456A a control point)", () => {
  let file: string;
  let text: string;
  let run: Awaited<ReturnType<typeof runMainJson<Report>>>;
  let ref: Reference;

  beforeAll(async () => {
    file = join(dir, "hourly-2019.csv");
    await mod.writeHourly(file, { years: 1, seed: 20190101 });
    text = readFileSync(file, "utf8");
    run = await runMainJson<Report>([file, "--format", "json"]);
    ref = mod.referenceAssessment(text, { stations: URBAN });
  });

  it("the generator is deterministic and writes whole natural days", async () => {
    const again = join(dir, "again.csv");
    await mod.writeHourly(again, { years: 1, seed: 20190101 });
    expect(readFileSync(again, "utf8")).toBe(text);
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe("station_code,station_name,datetime,PM2.5,PM10,SO2,NO2,O3,CO");
    expect(lines[1]).toContain(",2019-01-01 01:00,");
    expect(lines[lines.length - 1]).toContain(",2020-01-01 00:00,");
    // CO with one or two decimals; some cells empty
    expect(text).toMatch(/,\d\.\d\d\n/);
    expect(text).toMatch(/,,/);
  });

  it("the data are not trivial: leaving out the control point changes the results", () => {
    const withControl = mod.referenceAssessment(text, { stations: mod.DEFAULT_STATIONS });
    expect(withControl.goodRate.actual).not.toBe(ref.goodRate.actual);
    expect(withControl.annualMean["PM2.5"].actual).not.toBe(ref.annualMean["PM2.5"].actual);
    expect(withControl.annualMean.PM10.actual).not.toBe(ref.annualMean.PM10.actual);
    // some days invalid, but every month evaluable
    expect(ref.goodRate.validDays).toBeLessThan(365);
    expect(ref.annualMean["PM2.5"].validDays).toBeLessThan(ref.annualMean.PM10.validDays);
    for (const r of [ref.goodRate, ref.annualMean["PM2.5"], ref.annualMean.PM10, ref.coP95, ref.o3P90])
      expect(r.sufficient).toBe(true);
  });

  it("reads it as air-hourly, hour-ending, 2456A unassigned", () => {
    const { json } = run;
    expect(json.hourConvention).toBe("ending");
    expect(json.inputs).toHaveLength(1);
    const input = json.inputs[0]!;
    expect(input.kind).toBe("air-hourly");
    expect(input.rejectedRows).toBe(0);
    const controlRows = text.split("\n").filter((l) => l.startsWith("2456A,")).length;
    expect(input.unassignedRows).toBe(controlRows);
    expect(input.unassignedStations).toEqual([{ station: "2456A", rows: controlRows }]);
    expect(input.outsidePeriodRows).toBe(0);
    expect(input.rows).toBe(text.trimEnd().split("\n").length - 1);
  });

  it("good-day rate, PM2.5 and PM10 equal the reference calculation over the 5 urban stations", () => {
    const { json } = run;
    const good = result(json, "air.urban.good_rate");
    expect({ actual: good.actual, validDays: good.validDays, goodDays: good.detail.goodDays }).toEqual({
      actual: ref.goodRate.actual,
      validDays: ref.goodRate.validDays,
      goodDays: ref.goodRate.goodDays,
    });
    for (const [id, p] of [
      ["air.urban.pm25", "PM2.5"],
      ["air.urban.pm10", "PM10"],
    ] as const) {
      const r = result(json, id);
      expect({ id, actual: r.actual, validDays: r.validDays }).toEqual({
        id,
        actual: ref.annualMean[p].actual,
        validDays: ref.annualMean[p].validDays,
      });
    }
  });

  it("CO p95 and O3 p90 (when the target file has them) equal the reference", () => {
    const { json } = run;
    if (hasTarget(json, "air.urban.co_p95")) {
      const r = result(json, "air.urban.co_p95");
      expect({ actual: r.actual, validDays: r.validDays }).toEqual({
        actual: ref.coP95.actual,
        validDays: ref.coP95.validDays,
      });
    }
    if (hasTarget(json, "air.urban.o3_p90")) {
      const r = result(json, "air.urban.o3_p90");
      expect({ actual: r.actual, validDays: r.validDays }).toEqual({
        actual: ref.o3P90.actual,
        validDays: ref.o3P90.validDays,
      });
    }
  });

  it("statuses and the exit code follow from the reference values", () => {
    const { json, status } = run;
    const refActual: Record<string, number | null> = {
      "air.urban.good_rate": ref.goodRate.actual,
      "air.urban.pm25": ref.annualMean["PM2.5"].actual,
      "air.urban.pm10": ref.annualMean.PM10.actual,
    };
    let failing = false;
    for (const [id, actual] of Object.entries(refActual)) {
      const r = result(json, id);
      const met = r.op === ">=" ? actual! >= r.target : actual! <= r.target;
      expect({ id, status: r.status }).toEqual({ id, status: met ? "pass" : "fail" });
      if (!met && !r.informational) failing = true;
    }
    for (const id of ["air.counties.good_rate", "air.counties.pm25", "air.counties.pm10"])
      expect(result(json, id).status).toBe("no-data");
    expect(status).toBe(failing ? 1 : 0);
  });

  it("a second year in the file is outside the plan year and changes nothing", async () => {
    const two = join(dir, "hourly-2019-2020.csv");
    await mod.writeHourly(two, { years: 2, seed: 20190101 });
    const twoText = readFileSync(two, "utf8");
    const { json } = await runMainJson<Report>([two, "--format", "json", "--fail-on", "never"]);
    const rows2020 = twoText
      .split("\n")
      .filter(
        (l) => /^24(5[7-9]|6[01])A,/.test(l) && l.includes(",2020-") && !l.includes(",2020-01-01 00:00,"),
      );
    rows2020.push(...twoText.split("\n").filter((l) => /^24(5[7-9]|6[01])A,.*,2021-01-01 00:00,/.test(l)));
    expect(json.inputs[0]!.outsidePeriodRows).toBe(rows2020.length);
    for (const id of ["air.urban.good_rate", "air.urban.pm25", "air.urban.pm10"]) {
      const a = result(json, id);
      const b = result(run.json, id);
      expect({ id, actual: a.actual, validDays: a.validDays }).toEqual({
        id,
        actual: b.actual,
        validDays: b.validDays,
      });
    }
  });
});

// ---- hand-built one-station years ------------------------------------------------------------------------

type Cells = Record<Hourly, string>;
interface Row {
  label: string;
  cells: Cells;
}
const COLUMNS: Hourly[] = ["PM2.5", "PM10", "SO2", "NO2", "O3", "CO"];
// Daily AQI 50 (PM10 50 ug/m3 -> IAQI 50): every complete day is good.
const BASE: Cells = { "PM2.5": "30", PM10: "50", SO2: "10", NO2: "20", O3: "60", CO: "0.8" };
const pad = (n: number) => String(n).padStart(2, "0");
const at = (date: string, hours: number[]) => hours.map((h) => `${date} ${pad(h)}:00`);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * One station's complete 2019: "ending" labels 2019-01-01 01:00 .. 2020-01-01 00:00 (the 365 natural days
 * read hour-ending), or "clock" labels 2019-01-01 00:00 .. 2019-12-31 23:00.
 */
function year(style: "ending" | "clock" = "ending"): Row[] {
  const rows: Row[] = [];
  for (let date = "2019-01-01"; date < "2020-01-01"; date = mod.addDays(date, 1))
    for (let slot = 0; slot < 24; slot++)
      rows.push({
        label: style === "ending" ? mod.endingLabel(date, slot) : `${date} ${pad(slot)}:00`,
        cells: { ...BASE },
      });
  return rows;
}

function set(rows: Row[], labels: string[], pollutant: Hourly, value: string): void {
  for (const label of labels) {
    const row = rows.find((r) => r.label === label);
    if (!row) throw new Error(`no row ${label}`);
    row.cells[pollutant] = value;
  }
}

function write(name: string, rows: Row[], station = "2457A"): { file: string; text: string } {
  const lines = ["station_code,station_name,datetime,PM2.5,PM10,SO2,NO2,O3,CO"];
  for (const r of rows) lines.push(`${station},S,${r.label},${COLUMNS.map((p) => r.cells[p]).join(",")}`);
  const text = `${lines.join("\n")}\n`;
  const file = join(dir, name);
  writeFileSync(file, text);
  return { file, text };
}

async function check(file: string, ...args: string[]) {
  return await runMainJson<Report>([file, "--format", "json", "--fail-on", "never", ...args]);
}

describe("per-day validity through the CLI (one urban station, every other day complete)", () => {
  it("a complete year: 365 valid days everywhere", async () => {
    const { file } = write("complete.csv", year());
    const { json, status } = await check(file);
    expect(status).toBe(0);
    for (const id of ["air.urban.good_rate", "air.urban.pm25", "air.urban.pm10"])
      expect(result(json, id).validDays).toBe(365);
    expect(result(json, "air.urban.good_rate").actual).toBe(100);
    expect(result(json, "air.urban.pm25").actual).toBe(30);
  });

  it("a day with 19 valid PM2.5 hours is invalid, one with 20 is valid", async () => {
    const rows = year();
    set(rows, at("2019-03-10", range(1, 5)), "PM2.5", ""); // natural day 03-10: 19 hours
    set(rows, at("2019-03-12", range(1, 4)), "PM2.5", ""); // natural day 03-12: 20 hours
    const { file, text } = write("pm25-19-20.csv", rows);
    const { json } = await check(file);
    expect(result(json, "air.urban.pm25").validDays).toBe(364);
    expect(result(json, "air.urban.pm10").validDays).toBe(365);
    // the day without a valid PM2.5 (and AQI <= 100) is not counted for the good-day rate
    expect(result(json, "air.urban.good_rate").validDays).toBe(364);
    const ref = mod.referenceAssessment(text, { stations: ["2457A"] });
    expect(ref.daily.get("2019-03-10")!.values["PM2.5"]).toBeUndefined();
    expect(ref.daily.get("2019-03-12")!.values["PM2.5"]).toBe(30);
    expect(ref.annualMean["PM2.5"].validDays).toBe(364);
  });

  it("O3 daily max 8 h: 13 valid windows invalid, 14 valid, 13 with a max above 160 valid", async () => {
    const rows = year();
    // natural day 05-10: slots 18..23 missing (labels 19:00..23:00 and 00:00 of 05-11) -> windows ending
    // 08..20 have >= 6 hours: 13 windows
    set(rows, [...at("2019-05-10", range(19, 23)), "2019-05-11 00:00"], "O3", "");
    // natural day 05-20: slots 19..23 missing -> windows ending 08..21: 14 windows
    set(rows, [...at("2019-05-20", range(20, 23)), "2019-05-21 00:00"], "O3", "");
    // natural day 05-25: 13 windows, but slots 10..17 at 250: max 8 h = 250 > 160 still counts
    set(rows, [...at("2019-05-25", range(19, 23)), "2019-05-26 00:00"], "O3", "");
    set(rows, at("2019-05-25", range(11, 18)), "O3", "250");
    const { file, text } = write("o3-windows.csv", rows);
    const { json } = await check(file);
    const good = result(json, "air.urban.good_rate");
    // 05-10 not counted; 05-25 counted and not good (O3_8h 250 -> IAQI 185)
    expect(good.validDays).toBe(364);
    expect(good.detail.goodDays).toBe(363);
    expect(good.actual).toBe(99.7); // 363 / 364 = 99.725..%
    if (hasTarget(json, "air.urban.o3_p90")) expect(result(json, "air.urban.o3_p90").validDays).toBe(364);
    expect(result(json, "air.urban.pm25").validDays).toBe(365);
    const ref = mod.referenceAssessment(text, { stations: ["2457A"] });
    expect(ref.daily.get("2019-05-10")!.values.O3_8h).toBeUndefined();
    expect(ref.daily.get("2019-05-20")!.values.O3_8h).toBe(60);
    expect(ref.daily.get("2019-05-25")!.values.O3_8h).toBe(250);
    expect(ref.daily.get("2019-05-25")!.aqi).toBe(185);
    expect(ref.goodRate).toMatchObject({ validDays: 364, goodDays: 363, actual: 99.7 });
  });

  it("--hour-convention decides which day the 00:00 label belongs to", async () => {
    // Labels 00:00..23:00 of each 2019 date. PM2.5 blank at 07-01 00:00 .. 07-05 00:00 (97 labels),
    // 07-31 01:00..04:00 and 08-01 00:00.
    const rows = year("clock");
    const july = [
      ...["2019-07-01", "2019-07-02", "2019-07-03", "2019-07-04"].flatMap((d) => at(d, range(0, 23))),
      "2019-07-05 00:00",
    ];
    set(rows, [...july, ...at("2019-07-31", range(1, 4)), "2019-08-01 00:00"], "PM2.5", "");
    const { file } = write("convention.csv", rows);

    // hour-ending: 08-01 00:00 closes 07-31, which then has 19 hours; July keeps 31 - 5 = 26 days.
    const ending = (await check(file)).json;
    expect(ending.hourConvention).toBe("ending");
    const pmEnding = result(ending, "air.urban.pm25");
    expect(pmEnding.validDays).toBe(360);
    // July short of its 27 days, 360 >= 274 (3/4 of 365) days and no month empty: an indicative verdict.
    expect(pmEnding.status).not.toBe("no-data");
    expect(pmEnding.basis?.kind).toBe("indicative");
    expect(pmEnding.detail.shortMonths).toEqual([{ month: 7, days: 26, required: 27 }]);
    // 2019-01-01 00:00 closes 2018-12-31: outside the plan year
    expect(ending.inputs[0]!.outsidePeriodRows).toBe(1);

    // hour-beginning: 08-01 00:00 opens 08-01; 07-31 has 20 hours; July keeps 27 days.
    const beginning = (await check(file, "--hour-convention", "beginning")).json;
    expect(beginning.hourConvention).toBe("beginning");
    const pmBeginning = result(beginning, "air.urban.pm25");
    expect(pmBeginning.validDays).toBe(361);
    expect(pmBeginning.detail.shortMonths ?? []).toEqual([]);
    expect(pmBeginning.status).not.toBe("no-data");
    expect(beginning.inputs[0]!.outsidePeriodRows).toBe(0);
    expect(beginning.inputs[0]!.from).toBe("2019-01-01");
  });

  it("a duplicate station-hour is rejected with HY-DUP and exit 2", async () => {
    const rows = year();
    const i = rows.findIndex((r) => r.label === "2019-06-01 12:00");
    rows.splice(i + 1, 0, { label: "2019-06-01 12:00", cells: { ...BASE, "PM2.5": "99" } });
    const { file } = write("duplicate.csv", rows);
    const run = await runMainJson<Report>([file, "--format", "json"]);
    expect(run.status).toBe(2);
    expect(run.json.inputs[0]!.rejectedByCode).toEqual({ "HY-DUP": 1 });
    expect(run.json.inputs[0]!.rejectedRows).toBe(1);
    expect(run.stderr).toContain("HY-DUP");
    expect(run.stderr).toMatch(/duplicate\.csv:\d+/);
  });

  it("2019-01-01 24:00 is accepted as the last hour of 1 January (hour-ending)", async () => {
    const rows = year();
    set(rows, at("2019-01-01", range(1, 4)), "PM2.5", ""); // 1 January needs its last hour to reach 20
    const last = rows.find((r) => r.label === "2019-01-02 00:00")!;
    last.label = "2019-01-01 24:00";
    const { file } = write("hour-24.csv", rows);
    const { json, status } = await check(file);
    expect(status).toBe(0);
    expect(json.inputs[0]!.rejectedRows).toBe(0);
    expect(result(json, "air.urban.pm25").validDays).toBe(365);

    // control: without that row, 1 January has 19 hours
    const { file: without } = write(
      "hour-24-absent.csv",
      rows.filter((r) => r !== last),
    );
    expect(result((await check(without)).json, "air.urban.pm25").validDays).toBe(364);

    // hour-beginning labels have no 24:00
    const beginning = await runMain([file, "--format", "json", "--hour-convention", "beginning"]);
    expect(beginning.status).toBe(2);
    expect(beginning.stderr).toContain("HY-DATE");
  });
});
