// `hy-check explain` in-process: the plan's own words come from the target file read as YAML here, the
// figures from the independent implementation of the methods (test/helpers/air-reference.ts).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import {
  AIR_TARGETS,
  expectedResult,
  readFixture,
  SHIPPED_TARGETS,
} from "../../test/helpers/air-reference.js";
import { expectCleanError, runMain } from "../../test/helpers/run-main.js";

const FIXTURE = "fixtures/hengyang-2019-daily.csv";

interface YamlTarget {
  id: string;
  title: { zh: string; en: string };
  source: { clause: string; text: string };
}
const shipped = (parseYaml(readFileSync(SHIPPED_TARGETS, "utf8")) as { targets: YamlTarget[] }).targets;
const pm25 = shipped.find((t) => t.id === "air.urban.pm25")!;

describe("hy-check explain air.urban.pm25", () => {
  it("shows the title, clause, plan sentence and rule of the target file, and exits 0", async () => {
    const run = await runMain(["explain", "air.urban.pm25"]);
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe(`air.urban.pm25  ${pm25.title.en}`);
    expect(lines).toContain(`Clause: ${pm25.source.clause}`);
    expect(lines).toContain(`Plan text: ${pm25.source.text}`);
    expect(lines).toContain("Rule: <= 43 ug/m3");
    // Without data there is no result section.
    expect(run.stdout).not.toContain("Result:");
  });

  it("--lang zh gives the Chinese title", async () => {
    const run = await runMain(["explain", "air.urban.pm25", "--lang", "zh"]);
    expect(run.stdout.split("\n")[0]).toBe(`air.urban.pm25  ${pm25.title.zh}`);
  });

  it("with the fixture: the result and figures of the independent calculation", async () => {
    const target = AIR_TARGETS.find((t) => t.id === "air.urban.pm25")!;
    const expected = expectedResult(target, readFixture(FIXTURE).areas);
    const run = await runMain(["explain", "air.urban.pm25", FIXTURE]);
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines).toContain(`Result: ${expected.status} (official)`);
    expect(lines.some((l) => l.startsWith(`  actual: ${expected.actual} ug/m3  (unrounded `))).toBe(true);
    expect(lines).toContain(`  margin: ${expected.margin}`);
    expect(lines).toContain(`  valid days: ${expected.validDays}`);
  });

  it("--sheet reads the workbook's sheet to the figures of the CSV it mirrors", async () => {
    const target = AIR_TARGETS.find((t) => t.id === "air.urban.pm25")!;
    const expected = expectedResult(target, readFixture(FIXTURE).areas);
    const workbook = "fixtures/workbooks/hengyang-2019-daily.xlsx";
    const run = await runMain(["explain", "air.urban.pm25", workbook, "--sheet", "日报"]);
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")).toContain(`  margin: ${expected.margin}`);
    // The first sheet holds notes, not data: named, it is refused with the sheet's name.
    const notes = await runMain(["explain", "air.urban.pm25", workbook, "--sheet", "说明"]);
    expect(notes.status).toBe(2);
    expect(notes.stderr).toContain("说明");
  });

  it("--as-of year-end stands at the plan year's last day", async () => {
    const run = await runMain(["explain", "air.urban.pm25", FIXTURE, "--as-of", "year-end"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("  as-of: 2019-12-31;");
  });
});

describe("hy-check explain air.no_such_target", () => {
  it("exits 2 naming the id and the target file", async () => {
    const run = await runMain(["explain", "air.no_such_target"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("no target air.no_such_target");
    expect(run.stderr).toContain("hengyang-2019.yaml");
    expect(run.stderr).toContain("[HY-TARGETS]");
    expect(run.stdout).toBe("");
    expectCleanError(run);
  });
});
