// `hy-check validate` in-process: its options and exit codes. What validate finds in the data is tested in
// test/validate.test.ts and test/validate-gaps.test.ts.
import { describe, expect, it } from "vitest";
import { expectCleanError, runMain } from "../../test/helpers/run-main.js";

const FIXTURE = "fixtures/hengyang-2019-daily.csv";

describe("hy-check validate <fixture> with a bad option", () => {
  it.each([
    [["--from", "2019-02-30"], "hy-check: option --from: not a calendar date"],
    [["--to", "2019/06/30"], "hy-check: option --to: expected a date like 2019-06-30"],
    [["--max-warnings", "-1"], "hy-check: option --max-warnings:"],
    [["--format", "xml"], "--format"],
  ])("%j exits 2 naming the option, before reading the data", async (args, message) => {
    const run = await runMain(["validate", FIXTURE, ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe("");
    expectCleanError(run);
  });

  it("--from 2018-01-01 (outside the plan year 2019) exits 2 naming the option and the year", async () => {
    const run = await runMain(["validate", FIXTURE, "--from", "2018-01-01"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--from 2018-01-01 is outside the plan year 2019");
    expect(run.stderr).toContain("[HY-USAGE]");
  });
});

describe("hy-check validate no-such-file.csv", () => {
  it("exits 2 with the path and 'no such file'", async () => {
    const run = await runMain(["validate", "no-such-file.csv"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("no-such-file.csv");
    expect(run.stderr).toContain("no such file");
    expectCleanError(run);
  });
});
