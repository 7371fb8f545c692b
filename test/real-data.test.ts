// Real CNEMC releases for Hengyang (../../shared/data/real, see its SOURCE.md): the city hourly values,
// the hour-ending convention, the national site files and the 2019 result. Skipped when the folder is absent.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { areaHourlySeries } from "../src/index.js";
import type { CliRun } from "./helpers/run-cli.js";
import { runMain, runMainJson } from "./helpers/run-main.js";

const REAL = fileURLToPath(new URL("../../shared/data/real/", import.meta.url));
const exists = existsSync(REAL);
if (!exists)
  console.log(`real-data tests skipped: the folder ${REAL} (shared/data/real next to the repo) is absent`);

const STATIONS_FILE = join(REAL, "hengyang-2019-hourly-stations.csv");
const CITY_FILE = join(REAL, "hengyang-201812-201906-hourly-city.csv");
const SITES_DIR = join(REAL, "china_sites");
const SITE_FILES = Array.from({ length: 7 }, (_, i) => join(SITES_DIR, `china_sites_2019010${i + 1}.csv`));
const URBAN = ["2457A", "2458A", "2459A", "2460A", "2461A"];
const POLLUTANTS = ["PM2.5", "PM10", "SO2", "NO2", "O3", "CO"] as const;

const pad = (n: number) => String(n).padStart(2, "0");
const labelOf = (date: string, hour: number) => `${date} ${pad(hour)}:00`;
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A CSV without quoted fields: header and rows as arrays of cells. */
function readCsv(file: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(file, "utf8")
    .replace(/^\ufeff/, "")
    .split(/\r?\n/)
    .filter(Boolean);
  return { header: lines[0]!.split(","), rows: lines.slice(1).map((l) => l.split(",")) };
}

/** Exact decimal round half to even of a / b (integers), to an integer. */
function halfEvenRatio(a: number, b: number): number {
  const q = Math.floor(a / b);
  const r = a - q * b;
  if (2 * r > b) return q + 1;
  if (2 * r < b) return q;
  return q % 2 === 0 ? q : q + 1;
}

// The generator module's reference assessment (written from the standards, nothing from src/).
interface AnnualRef {
  validDays: number;
  shortMonths: { month: number; days: number; required: number }[];
  sufficient: boolean;
  actual: number | null;
}
interface Reference {
  goodRate: AnnualRef & { goodDays: number };
  annualMean: Record<string, AnnualRef>;
  coP95: AnnualRef;
  o3P90: AnnualRef;
}
interface Report {
  hourConvention: string | null;
  inputs: {
    file: string;
    kind: string;
    rows: number;
    rejectedRows: number;
    outsidePeriodRows: number;
    unassignedRows: number;
    unassignedStations: { station: string; rows: number }[];
  }[];
  results: {
    id: string;
    status: string;
    informational: boolean;
    actual: number | null;
    validDays: number | null;
    basis?: {
      kind: string;
      bounds?: { missingDays: number; low: number; high: number; lowStatus: string; highStatus: string };
    };
    detail: { shortMonths?: { month: number; days: number; required: number }[]; goodDays?: number };
  }[];
}

describe.skipIf(!exists)("real Hengyang data (shared/data/real)", () => {
  describe("a. city hourly values = mean of the 5 urban stations, rounded as the publisher rounds", () => {
    it("every overlapping hour and pollutant matches", async () => {
      const series = await areaHourlySeries([STATIONS_FILE], "市城区");
      const ours = new Map(series.map((h) => [labelOf(h.date, h.hour), h.values]));
      const city = readCsv(CITY_FILE);
      const col = (p: string) => city.header.indexOf(p);
      const compared: Record<string, number> = {};
      const halfEvenMisses: Record<string, number> = {};
      const mismatches: string[] = [];
      for (const row of city.rows) {
        const label = row[col("datetime")]!;
        const values = ours.get(label);
        if (!values) continue;
        for (const p of POLLUTANTS) {
          const published = row[col(p)] ?? "";
          const mean = values[p];
          if (published === "" || mean === undefined) continue;
          compared[p] = (compared[p] ?? 0) + 1;
          // The publisher rounds the binary mean half up: ug/m3 to integers, CO (mg/m3) to 2 decimals.
          const decimals = p === "CO" ? 2 : 0;
          const expected = Number(mean.toFixed(decimals));
          if (expected !== Number(published))
            mismatches.push(`${label} ${p}: published ${published}, mean ${mean}`);
          // For the record: decimal half-to-even does not reproduce the published values.
          const scaled = Number((mean * 10 ** decimals).toPrecision(12));
          const fl = Math.floor(scaled);
          const he =
            (scaled - fl === 0.5 ? (fl % 2 === 0 ? fl : fl + 1) : Math.round(scaled)) / 10 ** decimals;
          if (he !== Number(published)) halfEvenMisses[p] = (halfEvenMisses[p] ?? 0) + 1;
        }
      }
      console.log("a. city hourly: hours compared per pollutant", compared);
      console.log("a. hours where decimal half-to-even would differ from the publisher", halfEvenMisses);
      expect(mismatches.slice(0, 20)).toEqual([]);
      expect(mismatches).toHaveLength(0);
      for (const p of POLLUTANTS) expect(compared[p] ?? 0).toBeGreaterThan(4000);
      expect(halfEvenMisses["PM2.5"] ?? 0).toBeGreaterThan(0);
    });
  });

  describe("b. the hour convention: PM2.5_24h at 00:00 of D+1 is the mean of labels 01..23 of D and 00 of D+1", () => {
    it("hour-ending matches (nearly) every complete day, hour-beginning clearly fewer", () => {
      const { header, rows } = readCsv(STATIONS_FILE);
      const [code, time, pm, pm24] = ["station_code", "datetime", "PM2.5", "PM2.5_24h"].map((h) =>
        header.indexOf(h),
      ) as [number, number, number, number];
      const byStation = new Map<string, Map<string, [string, string]>>();
      for (const r of rows) {
        let m = byStation.get(r[code]!);
        if (!m) byStation.set(r[code]!, (m = new Map()));
        m.set(r[time]!, [r[pm]!, r[pm24]!]);
      }
      const tally = { ending: { days: 0, matches: 0, halfUp: 0 }, beginning: { days: 0, matches: 0 } };
      const sumOf = (values: (string | undefined)[]) =>
        values.some((v) => v === undefined || v === "") ? null : values.reduce((s, v) => s + Number(v), 0);
      for (const m of byStation.values()) {
        for (let d = "2019-01-01"; d <= "2019-12-31"; d = addDays(d, 1)) {
          const next = addDays(d, 1);
          const published = m.get(labelOf(next, 0))?.[1];
          if (published === undefined || published === "") continue;
          const pub = Number(published);
          const ending = sumOf(
            [...Array.from({ length: 23 }, (_, h) => labelOf(d, h + 1)), labelOf(next, 0)].map(
              (l) => m.get(l)?.[0],
            ),
          );
          if (ending !== null) {
            tally.ending.days++;
            if (halfEvenRatio(ending, 24) === pub) tally.ending.matches++;
            if (Math.floor(ending / 24 + 0.5) === pub) tally.ending.halfUp++;
          }
          const beginning = sumOf(Array.from({ length: 24 }, (_, h) => m.get(labelOf(d, h))?.[0]));
          if (beginning !== null) {
            tally.beginning.days++;
            if (halfEvenRatio(beginning, 24) === pub) tally.beginning.matches++;
          }
        }
      }
      console.log("b. PM2.5_24h at 00:00 of D+1 vs the 24 hourly values (rounded half to even):", tally);
      expect(tally.ending.days).toBeGreaterThan(900);
      expect(tally.ending.matches).toBeGreaterThanOrEqual(0.99 * tally.ending.days);
      expect(tally.beginning.matches).toBeLessThan(0.5 * tally.beginning.days);
    });
  });

  describe("c. national site files (date,hour,type,<station codes>)", () => {
    it("a folder of site files is read without its station list", async () => {
      // StationList-2020.01.01.csv (监测点编码,监测点名称,城市,经度,纬度) sits next to the daily files, as in
      // the national archive; it is no data file and must not stop the run.
      const run = await runMain([SITES_DIR, "--format", "json", "--fail-on", "never"]);
      expect(run.stderr).not.toContain("StationList");
      expect(run.status).toBe(0);
      const json = JSON.parse(run.stdout) as Report;
      expect(json.inputs.map((i) => i.kind)).toEqual(SITE_FILES.map(() => "air-site-file"));
    });

    it("the 7 files given explicitly are air-site-file inputs", async () => {
      const run = await runMainJson<Report>([...SITE_FILES, "--format", "json", "--fail-on", "never"]);
      expect(run.status).toBe(0);
      expect(run.json.hourConvention).toBe("ending");
      expect(run.json.inputs.map((i) => i.kind)).toEqual(SITE_FILES.map(() => "air-site-file"));
      expect(run.json.inputs.every((i) => i.rejectedRows === 0)).toBe(true);
    });

    it("the urban hourly series from the site files equals the one from the long file", async () => {
      const fromSites = await areaHourlySeries(SITE_FILES, "市城区");
      const fromLong = await areaHourlySeries([STATIONS_FILE], "市城区");
      const key = (h: { date: string; hour: number }) => labelOf(h.date, h.hour);
      const sites = new Map(fromSites.map((h) => [key(h), h.values]));
      const first = key(fromSites[0]!);
      const last = key(fromSites[fromSites.length - 1]!);
      // 2019-01-01 00:00 closes 2018-12-31 (outside the plan year); the rest of the 7 days is there
      expect([first, last, fromSites.length]).toEqual(["2019-01-01 01:00", "2019-01-07 23:00", 7 * 24 - 1]);
      const long = fromLong.filter((h) => key(h) >= first && key(h) <= last);
      expect(long.map(key)).toEqual([...sites.keys()]);
      for (const h of long)
        expect({ label: key(h), values: sites.get(key(h)) }).toEqual({ label: key(h), values: h.values });
    });
  });

  // One run of the long station file (the default options), read by the verdicts of e. and the result of d.
  let stationsRun: Promise<CliRun & { json: Report }> | undefined;
  const stationsJson = () => (stationsRun ??= runMainJson<Report>([STATIONS_FILE, "--format", "json"]));

  describe("e. the 2019 verdicts of the long station file (issue 15)", () => {
    const verdict = (json: Report, id: string) => {
      const r = json.results.find((x) => x.id === id);
      return r && { status: r.status, actual: r.actual, basis: r.basis?.kind ?? null };
    };

    it("the urban targets: pass on an indicative basis, heavy days a definite informational fail; exit 0", async () => {
      const { json, status } = await stationsJson();
      expect(status).toBe(0);
      expect(verdict(json, "air.urban.good_rate")).toEqual({
        status: "pass",
        actual: 84,
        basis: "indicative",
      });
      expect(verdict(json, "air.urban.pm25")).toEqual({ status: "pass", actual: 43, basis: "indicative" });
      expect(verdict(json, "air.urban.pm10")).toEqual({ status: "pass", actual: 65, basis: "indicative" });
      expect(verdict(json, "air.urban.heavy_days")).toEqual({ status: "fail", actual: 5, basis: "definite" });
      const heavy = json.results.find((x) => x.id === "air.urban.heavy_days")!;
      expect(heavy.informational).toBe(true);
      // 338 valid days of 365: the 27 missing days put the count anywhere from 5 to 5 + 27 = 32, > 0 either way.
      expect(heavy.basis?.bounds).toEqual({
        missingDays: 27,
        low: 5,
        high: 32,
        lowStatus: "fail",
        highStatus: "fail",
      });
      // The good-day rate: 284 good of 338 valid; 284 / 365 = 77.8 % (fail) .. (284 + 27) / 365 = 85.2 % (pass).
      const good = json.results.find((x) => x.id === "air.urban.good_rate")!;
      expect(good.detail.goodDays).toBe(284);
      expect(good.basis?.bounds).toEqual({
        missingDays: 27,
        low: 77.8,
        high: 85.2,
        lowStatus: "fail",
        highStatus: "pass",
      });
    });

    it("--capture strict: the three plan targets are no data, heavy days still a definite fail", async () => {
      const { json, status } = await runMainJson<Report>([
        STATIONS_FILE,
        "--format",
        "json",
        "--capture",
        "strict",
      ]);
      expect(status).toBe(0);
      for (const id of ["air.urban.good_rate", "air.urban.pm25", "air.urban.pm10"])
        expect(verdict(json, id)?.status, id).toBe("no-data");
      expect(verdict(json, "air.urban.heavy_days")).toEqual({ status: "fail", actual: 5, basis: "definite" });
    });
  });

  describe("d. the 2019 result of the long station file", () => {
    let json: Report;
    let status: number | null;
    let ref: Reference;
    let rows: string[][];
    beforeAll(async () => {
      ({ json, status } = await stationsJson());
      const mod = (await import(new URL("../scripts/make-hourly.mjs", import.meta.url).href)) as {
        referenceAssessment: (text: string, options: { stations: string[] }) => Reference;
      };
      ref = mod.referenceAssessment(readFileSync(STATIONS_FILE, "utf8"), { stations: URBAN });
      rows = readCsv(STATIONS_FILE).rows;
    });

    it("reads the file as hour-ending air-hourly, 2456A unassigned", () => {
      const input = json.inputs[0]!;
      expect(input.kind).toBe("air-hourly");
      expect(json.hourConvention).toBe("ending");
      expect(input.rejectedRows).toBe(0);
      const control = rows.filter((r) => r[0] === "2456A").length;
      expect(input.unassignedStations).toEqual([{ station: "2456A", rows: control }]);
      // the urban rows labelled 2019-01-01 00:00 belong to 2018-12-31
      const outside = rows.filter((r) => r[0] !== "2456A" && r[2] === "2019-01-01 00:00").length;
      expect(input.outsidePeriodRows).toBe(outside);
    });

    it("valid days, values and short months equal the reference calculation", () => {
      const expected: [string, AnnualRef][] = [
        ["air.urban.good_rate", ref.goodRate],
        ["air.urban.pm25", ref.annualMean["PM2.5"]!],
        ["air.urban.pm10", ref.annualMean.PM10!],
        ["air.urban.co_p95", ref.coP95],
        ["air.urban.o3_p90", ref.o3P90],
      ];
      const table: Record<string, unknown>[] = [];
      for (const [id, r] of expected) {
        const got = json.results.find((x) => x.id === id);
        if (!got) continue; // a target file without the percentile targets
        table.push({ id, status: got.status, actual: got.actual, validDays: got.validDays });
        // Short of HJ 663-2013's counts, >= 274 of 365 days valid and no month empty: indicative, not no data.
        expect({
          id,
          actual: got.actual,
          validDays: got.validDays,
          shortMonths: got.detail.shortMonths ?? [],
          indicative: got.basis?.kind === "indicative",
        }).toEqual({
          id,
          actual: r.actual,
          validDays: r.validDays,
          shortMonths: r.shortMonths,
          indicative: !r.sufficient && r.validDays >= 274 && r.shortMonths.every((m) => m.days > 0),
        });
      }
      console.log("d. 2019 urban results", table, "exit", status);
      expect(status).toBe(0);
      expect(json.results.find((x) => x.id === "air.urban.good_rate")?.detail.goodDays).toBe(
        ref.goodRate.goodDays,
      );
    });
  });
});
