// Waivers in a target file: applied days are excluded and counted; an expired waiver is not applied and says so.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMain, runMainJson } from "./helpers/run-main.js";
import { ROOT } from "./helpers/run-cli.js";

interface Report {
  waivers: { id: string; expired: boolean }[];
  results: { id: string; validDays: number | null; actual: number | null; detail: { waivedDays?: number } }[];
}

function targetsWith(waivers: string): string {
  const dir = mkdtempSync(join(tmpdir(), "hy-waiver-"));
  const text = readFileSync(join(ROOT, "targets/hengyang-2019.yaml"), "utf8")
    .replace("seed: ../seeds/", `seed: ${join(ROOT, "seeds")}/`)
    .replace("\nareas:\n", `\n${waivers}\nareas:\n`);
  const file = join(dir, "targets.yaml");
  writeFileSync(file, text);
  return file;
}

const FIXTURE = "fixtures/hengyang-2019-daily.csv";

describe("waivers", () => {
  it("a whole-day waiver of 3 urban days removes them from the urban targets and says how many", async () => {
    // 2019-03-10..12 for 市城区: the urban good-day rate rests on 365 - 3 = 362 days.
    const file = targetsWith(
      "waivers:\n  - { id: dust-2019-03, reason: sand-dust event, from: 2019-03-10, to: 2019-03-12, expires: 2999-12-31, areas: [市城区] }",
    );
    const run = await runMainJson<Report>([FIXTURE, "-t", file, "--format", "json"]);
    const rate = run.json.results.find((r) => r.id === "air.urban.good_rate");
    expect(rate?.validDays).toBe(362);
    expect(rate?.detail.waivedDays).toBe(3);
    expect(run.json.waivers).toMatchObject([{ id: "dust-2019-03", expired: false }]);
    const counties = run.json.results.find((r) => r.id === "air.counties.good_rate");
    expect(counties?.validDays).toBe(364); // unchanged: the waiver names only 市城区
  });

  it("a PM10-only waiver keeps the days for PM2.5 and removes them for PM10", async () => {
    const file = targetsWith(
      "waivers:\n  - { id: analyser, reason: broken PM10 analyser, from: 2019-05-01, to: 2019-05-02, expires: 2999-12-31, pollutants: [PM10] }",
    );
    const run = await runMainJson<Report>([FIXTURE, "-t", file, "--format", "json"]);
    expect(run.json.results.find((r) => r.id === "air.urban.pm10")?.validDays).toBe(363);
    expect(run.json.results.find((r) => r.id === "air.urban.pm25")?.validDays).toBe(365);
  });

  it("an expired waiver is not applied and the table warns about it", async () => {
    const file = targetsWith(
      "waivers:\n  - { id: old, reason: lapsed approval, from: 2019-03-10, to: 2019-03-12, expires: 2000-01-01 }",
    );
    const json = (await runMainJson<Report>([FIXTURE, "-t", file, "--format", "json"])).json;
    expect(json.results.find((r) => r.id === "air.urban.good_rate")?.validDays).toBe(365);
    expect(json.waivers).toMatchObject([{ id: "old", expired: true }]);
    expect((await runMain([FIXTURE, "-t", file])).stdout).toContain(
      "Waiver old expired on 2000-01-01: not applied",
    );
  });
});
