// `scope: { each: city }`: one result per city in the data, ranked as bulletins rank (best first; equal
// reported values share a rank, 并列), cities without a valid statistic last and unranked.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { check } from "../../src/index.js";

const dir = mkdtempSync(join(tmpdir(), "hy-each-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TARGETS = join(dir, "t.yaml");
writeFileSync(
  TARGETS,
  `schemaVersion: 1
plan: { title: { zh: 城市, en: Cities }, year: 2019, issuer: test }
standards: { aqi: HJ633-2012, limits: GB3095-2012 }
targets:
  - id: city.pm25
    title: { zh: PM2.5年均, en: PM2.5 annual }
    source: { clause: 表1, document: GB 3095-2012, text: PM2.5 35 }
    metric: { name: air.annual_mean, pollutant: PM2.5 }
    scope: { each: city }
    op: "<="
    value: 35
    unit: ug/m3
  - id: city.good
    title: { zh: 优良天数比例, en: Good-day rate }
    source: { clause: x, document: HJ 633-2012, text: good }
    metric: { name: air.good_rate }
    scope: { each: city }
    op: ">="
    value: 80
    unit: "%"
`,
);

/** Every day of 2019 for each city, PM2.5 constant per city (other items low): annual mean = that value. */
function dailyFile(pm25: Record<string, number>, header = "日期,城市,PM2.5,PM10,SO2,NO2,CO,O3_8h"): string {
  const rows = [header];
  for (let d = 0; d < 365; d++) {
    const date = new Date(Date.UTC(2019, 0, 1 + d)).toISOString().slice(0, 10);
    for (const [city, value] of Object.entries(pm25)) rows.push(`${date},${city},${value},50,5,20,0.5,80`);
  }
  const file = join(dir, `d${Object.keys(pm25).join("")}.csv`);
  writeFileSync(file, rows.join("\n") + "\n");
  return file;
}

describe("each: city", () => {
  it("ranks the cities, ties sharing a rank, and judges each against the limit", async () => {
    // PM2.5 IAQI: 30 -> 43, 25 -> 36, 50 -> 69, 80 -> 106 (HJ 633-2012 Table 1: 75-115 maps to 100-150).
    const file = dailyFile({ 甲市: 30, 乙市: 30, 丙市: 25, 丁市: 80 });
    const report = await check([file], { targets: TARGETS, lang: "en" });
    const pm25 = report.results.filter((r) => r.id.startsWith("city.pm25/"));
    expect(pm25.map((r) => [r.group?.name, r.actual, r.group?.rank, r.group?.tied, r.status])).toEqual([
      ["丙市", 25, 1, false, "pass"],
      ["乙市", 30, 2, true, "pass"],
      ["甲市", 30, 2, true, "pass"],
      ["丁市", 80, 4, false, "fail"],
    ]);
    expect(pm25[1]?.title).toBe("PM2.5 annual: 乙市 (rank 2 of 4, tied)");
    // Good-day rate ranks highest first: three cities at 100.0 %, 丁市 (AQI 106 every day) at 0.0 %.
    const good = report.results.filter((r) => r.id.startsWith("city.good/"));
    expect(good.map((r) => [r.group?.name, r.actual, r.group?.rank])).toEqual([
      ["丙市", 100, 1],
      ["乙市", 100, 1],
      ["甲市", 100, 1],
      ["丁市", 0, 4],
    ]);
    // 丁市 fails both targets; the three others pass both.
    expect(report.summary).toMatchObject({ pass: 6, warn: 0, fail: 2, noData: 0, indicative: 0 });
  });

  it("is one no-data result when the data name no city", async () => {
    const file = dailyFile({ 甲区: 30 }, "日期,区域,PM2.5,PM10,SO2,NO2,CO,O3_8h");
    const report = await check([file], { targets: TARGETS, lang: "en" });
    // An area column stands in for a missing city column: 甲区 is the one group.
    expect(report.results.map((r) => r.id)).toEqual(["city.pm25/甲区", "city.good/甲区"]);
    const noCity = dailyFile({ X: 30 }, "日期,站点,PM2.5,PM10,SO2,NO2,CO,O3_8h");
    const none = await check([noCity], { targets: TARGETS, lang: "en" });
    expect(none.results.map((r) => [r.id, r.status, r.detail.reasonCode])).toEqual([
      ["city.pm25", "no-data", "no-groups"],
      ["city.good", "no-data", "no-groups"],
    ]);
  });
});
