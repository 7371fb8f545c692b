// Air results gain a baseline block when a ledger gives the baseline year's figure (issue 5).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliJson } from "./helpers/run-cli.js";

interface Result {
  id: string;
  status: string;
  actual: number | null;
  baseline?: {
    kind: string;
    years: number[];
    value: number;
    current: number;
    unit: string;
    delta: number;
    deltaPercent: number | null;
  };
}

describe("hy-check fixtures/hengyang-2019-daily.csv <2018 baseline ledger> --format json", () => {
  const dir = mkdtempSync(join(tmpdir(), "hy-base-"));
  const ledger = join(dir, "baseline-2018.csv");
  // PM2.5 written in mg/m3 (0.046 = 46 ug/m3), the rate in %, PM10 in ug/m3.
  writeFileSync(
    ledger,
    "指标,年份,数值,单位\n市城区优良率,2018,82.5,%\n市城区PM2.5年均浓度,2018,0.046,mg/m3\n市城区PM10年均浓度,2018,70,ug/m3\n",
  );
  const run = runCliJson<{ results: Result[] }>([
    "fixtures/hengyang-2019-daily.csv",
    ledger,
    "--format",
    "json",
  ]);
  const result = (id: string) => run.json.results.find((r) => r.id === id);

  it("leaves the statuses as they are (exit 0) and adds the change against 2018", () => {
    expect(run.status).toBe(0);
    // PM2.5: 43 against 46 ug/m3: delta -3, (43 - 46) / 46 = -6.52 %.
    expect(result("air.urban.pm25")).toMatchObject({
      status: "pass",
      actual: 43,
      baseline: { kind: "year", years: [2018], value: 46, current: 43, unit: "ug/m3", delta: -3 },
    });
    expect(result("air.urban.pm25")?.baseline?.deltaPercent).toBeCloseTo(-6.5217, 3);
    // The good-day rate is a ratio: 92.1 against 82.5 is +9.6 percentage points.
    expect(result("air.urban.good_rate")?.baseline?.delta).toBeCloseTo(9.6, 10);
    expect(result("air.urban.pm10")?.baseline).toMatchObject({ value: 70, current: 68, delta: -2 });
  });

  it("gives no baseline block where the ledger has no figure (the counties)", () => {
    expect(result("air.counties.pm25")?.baseline).toBeUndefined();
  });
});
