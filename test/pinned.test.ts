// The 2019 results of the example export are pinned, byte for byte in JSON: adding the 2026 editions (or
// anything else) must not move a 2019 figure. The pinned file was read by a person: its air values equal
// the independent calculation in test/cli.test.ts (urban 92.1 %, PM2.5 43, PM10 68; counties 89.3 %, 37, 60;
// CO p95 1.1, O3 p90 129, 0 heavy days). Regenerate it only for a deliberate change of a 2019 result.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "./helpers/run-cli.js";

const pinned = readFileSync(join(ROOT, "test/pinned/hengyang-2019-daily.results.json"), "utf8");
const resultsOf = (stdout: string) =>
  JSON.stringify((JSON.parse(stdout) as { results: unknown }).results, null, 2);

describe("the 2019 results of fixtures/hengyang-2019-daily.csv", () => {
  it("are exactly the pinned JSON", () => {
    expect(resultsOf(runCli(["fixtures/hengyang-2019-daily.csv", "-f", "json"]).stdout)).toBe(
      pinned.trimEnd(),
    );
  });

  it("are unchanged by --compare-editions, which only adds the side-by-side block", () => {
    const run = runCli(["fixtures/hengyang-2019-daily.csv", "-f", "json", "--compare-editions"]);
    expect(resultsOf(run.stdout)).toBe(pinned.trimEnd());
    const editions = (
      JSON.parse(run.stdout) as {
        editions: { area: string; editions: Record<string, { goodDays: number }> }[];
      }
    ).editions;
    const urban = editions.find((e) => e.area === "市城区");
    // The 2012 figure equals the pinned urban good-day rate's good days (336 of 365).
    expect(urban?.editions["HJ633-2012"]?.goodDays).toBe(336);
    expect(urban?.editions["HJ633-2026"]?.goodDays).toBeLessThan(336);
  });
});
