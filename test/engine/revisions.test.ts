import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addStationDay, createAirStore } from "../../src/data/air-store.js";
import { compareDrops } from "../../src/engine/revisions.js";
import { ROOT, runCliJson } from "../helpers/run-cli.js";

describe("compareDrops", () => {
  it("counts changed values per month, values no longer given, and lists the largest change first", () => {
    const before = createAirStore();
    const after = createAirStore();
    const at = (line: number) => ({ file: "x.csv", line });
    addStationDay(before, "A", "2019-03-01", "S1", { values: { "PM2.5": 40, PM10: 60 }, ...at(2) });
    addStationDay(before, "A", "2019-04-01", "S1", { values: { "PM2.5": 30, CO: 0.8 }, ...at(3) });
    addStationDay(after, "A", "2019-03-01", "S1", { values: { "PM2.5": 42, PM10: 60 }, ...at(2) }); // +2
    addStationDay(after, "A", "2019-04-01", "S1", { values: { "PM2.5": 20 }, ...at(3) }); // -10, CO gone
    const report = compareDrops(before, after);
    expect(report).toMatchObject({ changed: 2, removed: 1, byMonth: { "2019-03": 1, "2019-04": 1 } });
    expect(report.largest.map((r) => [r.date, r.pollutant, r.before, r.after])).toEqual([
      ["2019-04-01", "PM2.5", 30, 20],
      ["2019-03-01", "PM2.5", 40, 42],
    ]);
  });
});

describe("hy-check <this month's drop> --previous <last month's drop>", () => {
  it("reports the revised values in JSON under revisions", () => {
    const dir = mkdtempSync(join(tmpdir(), "hy-rev-"));
    const text = readFileSync(join(ROOT, "fixtures/hengyang-2019-daily.csv"), "utf8");
    // Line "2019/3/5,市城区,市委党校,<PM2.5>,...": the audited PM2.5 is 999 instead.
    const revised = text.replace(/^(2019\/3\/5,市城区,市委党校,)\d+/m, "$1999");
    expect(revised).not.toBe(text);
    const file = join(dir, "drop.csv");
    writeFileSync(file, revised);
    const run = runCliJson<{
      revisions: {
        changed: number;
        byMonth: Record<string, number>;
        largest: { station: string; after: number }[];
      };
    }>([file, "--previous", "fixtures/hengyang-2019-daily.csv", "--format", "json", "--fail-on", "never"]);
    expect(run.json.revisions).toMatchObject({ changed: 1, byMonth: { "2019-03": 1 } });
    expect(run.json.revisions.largest[0]).toMatchObject({ station: "2459A", after: 999 });
  });
});
