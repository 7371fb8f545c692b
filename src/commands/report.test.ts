// `hy-check report` in-process: its exit codes (a document, not a gate, unless --fail-on says so). The
// report's content is tested in test/report/year-end.test.ts; its date options in dates.test.ts.
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { csvText } from "../../test/helpers/air-reference.js";
import { runMain, tempFolder } from "../../test/helpers/run-main.js";

const tmp = tempFolder("hy-check-report-");

describe("hy-check report <urban PM2.5 50 every day: air.urban.pm25 fails>", () => {
  const failing = () => {
    const file = tmp.file("urban-pm25-50.csv");
    writeFileSync(file, csvText({ urban: () => ({ "PM2.5": 50 }) }));
    return file;
  };

  it("exits 0 by default and writes the HTML report to stdout", async () => {
    const run = await runMain(["report", failing()]);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(run.stdout).toContain("air.urban.pm25");
  });

  it("--fail-on fail exits 1", async () => {
    expect((await runMain(["report", failing(), "--fail-on", "fail"])).status).toBe(1);
  });

  it("-f markdown without -o exits 2 (its charts need a folder)", async () => {
    const run = await runMain(["report", failing(), "-f", "markdown"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("[HY-USAGE]");
    expect(run.stdout).toBe("");
  });
});
