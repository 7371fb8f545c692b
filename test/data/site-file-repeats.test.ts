// Repeats in national site files (date,hour,type,<station codes>): a row or an hour given again with the
// same values is read once and warned of (HY-REPEAT); with other values it stays an error (HY-DUP).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readAll } from "../../src/engine/check.js";

/** One site file of 2019-01-02, hours 1..23, PM2.5 and PM10 rows for two urban stations. */
function siteLines(pm25: (hour: number) => number): string[] {
  const lines = ["date,hour,type,2457A,2458A"];
  for (let hour = 1; hour <= 23; hour++) {
    lines.push(`20190102,${hour},PM2.5,${pm25(hour)},${pm25(hour) + 2}`);
    lines.push(`20190102,${hour},PM10,60,62`);
  }
  return lines;
}

function write(name: string, lines: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "hy-site-repeat-"));
  const file = join(dir, name);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe("repeats in site files", () => {
  it("the same site file given twice: every row of the second read once, warned, nothing rejected", async () => {
    const file = write(
      "china_sites_20190102.csv",
      siteLines((h) => 20 + h),
    );
    const { inputs } = await readAll([file, file], {});
    expect(inputs.map((i) => [i.rows, i.repeatedRows ?? 0, i.rejectedRows])).toEqual([
      [46, 0, 0],
      [0, 46, 0],
    ]);
    expect(inputs[1]?.warningsByCode["HY-REPEAT"]).toBe(46);
  });

  it("a row repeated cell for cell inside its hour is read once and names the line it repeats", async () => {
    const lines = siteLines((h) => 20 + h);
    lines.splice(4, 0, lines[3] ?? ""); // line 5 repeats line 4 (hour 2's PM2.5)
    const { inputs } = await readAll([write("repeat-row.csv", lines)], {});
    const input = inputs[0];
    expect([input?.rows, input?.repeatedRows, input?.rejectedRows]).toEqual([46, 1, 0]);
    expect(input?.warnings.find((w) => w.code === "HY-REPEAT")).toMatchObject({
      line: 5,
      message: "repeats line 4 cell for cell: read once",
    });
  });

  it("an hour given again with another value at one station stays HY-DUP, naming that station only", async () => {
    const file = write(
      "china_sites_20190102.csv",
      siteLines((h) => 20 + h),
    );
    // Hour 5's PM2.5 at 2457A is 99 instead of 25; 2458A's values are the same.
    const lines = siteLines((h) => 20 + h).map((l) =>
      l === "20190102,5,PM2.5,25,27" ? "20190102,5,PM2.5,99,27" : l,
    );
    const other = write("other.csv", lines);
    const { inputs } = await readAll([file, other], {});
    // 46 lines: the 44 of the other 22 hours repeat the first file (read once); hour 5's 2 are rows, rejected.
    expect([inputs[1]?.rows, inputs[1]?.repeatedRows, inputs[1]?.rejectedRows]).toEqual([2, 44, 2]);
    const problems = inputs[1]?.rejected.filter((p) => p.code === "HY-DUP") ?? [];
    // Hour 5's two rows (PM2.5 and PM10, lines 10 and 11 of the second file) are rejected together.
    expect(problems.map((p) => [p.line, p.col])).toEqual([
      [10, 2],
      [11, 2],
    ]);
    expect(problems[0]?.message).toBe(
      "2457A at 2019-01-02 hour 5 already read, with other values (another file covers this hour)",
    );
  });
});
