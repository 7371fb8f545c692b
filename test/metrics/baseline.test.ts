// One baseline model: the new spelling `baseline:` reads as the old ones did, for any metric that compares.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/check.js";
import { targetBaseline } from "../../src/metrics/baseline.js";
import { InputError } from "../../src/errors.js";
import { ROOT } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "hy-baseline-"));
copyFileSync(join(ROOT, "seeds/hengyang-2019-work-plan.txt"), join(dir, "plan.txt"));
const shipped = readFileSync(join(ROOT, "targets/hengyang-2019.yaml"), "utf8").replace(
  /seed: .*/,
  "seed: plan.txt",
);
const OLD = "metric: { name: water.sections_declined, baselineYear: 2018 }";

function targetsWith(metric: string): string {
  expect(shipped).toContain(OLD);
  const file = join(dir, `t${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, shipped.replace(OLD, metric));
  return file;
}

async function declined(metric: string) {
  const report = await check([join(ROOT, "fixtures/hengyang-2019-water.csv")], {
    targets: targetsWith(metric),
    today: "2026-01-01",
  });
  return report.results.find((r) => r.id === "water.sections.declined");
}

describe("water.sections_declined in the one baseline spelling", () => {
  it("baseline: { year: 2018 } and baseline: { previousYear: true } give baselineYear: 2018's result: 1 section declined", async () => {
    // 蒸水河口 went from Class II in 2018 to III in 2019 (test/water-e2e.test.ts): one section.
    for (const spelling of [
      "metric: { name: water.sections_declined, baseline: { year: 2018 } }",
      "metric: { name: water.sections_declined, baseline: { previousYear: true } }",
    ]) {
      const r = await declined(spelling);
      expect([r?.status, r?.actual]).toEqual(["fail", 1]);
      expect(r?.detail.sections?.find((s) => s.section === "蒸水河口")?.baselineClass).toBe("II");
    }
  });

  it("refuses both spellings at once", async () => {
    await expect(
      declined("metric: { name: water.sections_declined, baselineYear: 2018, baseline: { year: 2018 } }"),
    ).rejects.toBeInstanceOf(InputError);
  });
});

describe("targetBaseline: the three spellings read into one model", () => {
  it("a ledger change's baseline is judged; a target's shown baseline names its ledger indicator", () => {
    expect(
      targetBaseline({
        id: "e.cod",
        metric: { name: "ledger.change", indicator: "cod", baseline: { meanOf: [2016, 2017] } },
      }),
    ).toEqual({ baseline: { meanOf: [2016, 2017] }, judged: true, indicator: "cod" });
    expect(
      targetBaseline({ id: "w", metric: { name: "water.sections_declined", baselineYear: 2018 } }),
    ).toEqual({
      baseline: { year: 2018 },
      judged: true,
    });
    expect(
      targetBaseline({ id: "air.urban.pm25", metric: { name: "air.annual_mean" }, baseline: { year: 2018 } }),
    ).toEqual({ baseline: { year: 2018 }, indicator: "air.urban.pm25", judged: false });
    expect(targetBaseline({ id: "x", metric: { name: "air.good_rate" } })).toBeUndefined();
  });
});
