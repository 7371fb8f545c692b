// --format markdown: a table for merge-request comments, with cells that stay text.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createInputReport } from "../../src/data/input-report.js";
import { check } from "../../src/check.js";
import type { CheckReport, TargetResult } from "../../src/engine/result.js";
import { escapeMarkdown, formatMarkdown } from "../../src/report/markdown.js";
import { formatTable } from "../../src/report/table.js";
import { ROOT, runCli } from "../helpers/run-cli.js";

const WATER = join(ROOT, "fixtures/hengyang-2019-water.csv");

let report: CheckReport;
beforeAll(async () => {
  report = await check([WATER], { lang: "en" });
});

/** The cells of a table row, split at unescaped pipes. */
function cells(line: string): string[] {
  return line
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((c) => c.trim());
}

describe("--format markdown", () => {
  it("prints a failing target's row, bold status, and its sections under it", () => {
    const md = formatMarkdown(report, { lang: "en", color: false });
    const lines = md.split("\n");
    const i = lines.findIndex((l) => l.startsWith("| water.xiangjiang.class |"));
    expect(lines[i]).toBe(
      "| water.xiangjiang.class | Xiangjiang mainstream sections at Class II or better | **fail** | 50.0% | &gt;= 100 % | -50.0 |  | - | 二(一) |",
    );
    expect(lines[i + 1]).toBe("|  | ↳ 熬洲 (湘江) | ✗ | III |  | TP 0.12 (+0.2x) |  | 12 |  |");
    expect(lines[0]).toBe(`**Plan: ${report.plan.title} (2019), targets from targets/hengyang-2019.yaml**`);
    expect(lines[2]).toBe(
      "| ID | Target | Status | Actual | Required | Margin | vs baseline | Valid days | Clause |",
    );
    expect(lines[3]).toBe("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    expect(md).toContain(
      `**${report.summary.pass} pass, 0 warn, ${report.summary.fail} fail (0 indicative);`,
    );
    expect(md).toContain("#### Data basis");
    expect(md).toContain(`- ${report.inputs[0]!.file}: water-monthly, utf-8, 143 rows`);
  });

  it("escapes |, backslashes and HTML in cells; newlines become spaces", () => {
    expect(escapeMarkdown("a|b")).toBe("a\\|b");
    expect(escapeMarkdown("<script>alert(1)</script>")).toBe("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(escapeMarkdown("a\\|b & c")).toBe("a\\\\\\|b &amp; c");
    expect(escapeMarkdown("one\ntwo\r\nthree")).toBe("one two three");
    expect(escapeMarkdown("&lt;")).toBe("&amp;lt;");

    const base = report.results.find((r) => r.id === "water.xiangjiang.class")!;
    const station = { ...base.detail.sections![0]!, section: "<script>", river: "a|b" };
    const r: TargetResult = {
      ...base,
      title: "x|y\nz",
      clause: "c\\d",
      detail: { ...base.detail, sections: [station] },
    };
    const md = formatMarkdown({ ...report, results: [r] }, { lang: "en", color: false });
    const lines = md.split("\n");
    const row = lines.find((l) => l.startsWith("| water.xiangjiang.class |"))!;
    expect(cells(row)).toHaveLength(9);
    expect(row).toContain("| x\\|y z |");
    expect(row).toContain("| c\\\\d |");
    const sub = lines[lines.indexOf(row) + 1]!;
    expect(cells(sub)).toHaveLength(9);
    expect(sub).toContain("↳ &lt;script&gt; (a\\|b)");
    expect(md).not.toContain("<script>");
  });

  it("lists reasons, rejected rows and the hour convention", () => {
    const base = report.results.find((r) => r.id === "water.xiangjiang.class")!;
    const r: TargetResult = {
      ...base,
      status: "no-data",
      margin: null,
      detail: { reasonCode: "insufficient", reason: "<b>300</b> valid days" },
    };
    const input = { ...createInputReport("a|b.csv", "air-hourly", "utf-8"), rows: 10, rejectedRows: 1 };
    input.rejectedByCode = { "HY-VALUE": 1 };
    input.rejected = [{ file: "a|b.csv", line: 3, col: 2, code: "HY-VALUE", message: "not a number" }];
    const md = formatMarkdown(
      { ...report, hourConvention: "ending", inputs: [input], results: [r] },
      { lang: "en", color: false },
    );
    expect(md).toContain("- water.xiangjiang.class: &lt;b&gt;300&lt;/b&gt; valid days");
    expect(md).toContain("- a\\|b.csv: 1 rows rejected (HY-VALUE 1); the first:");
    expect(md).toContain("  - a\\|b.csv:3:2  not a number  \\[HY-VALUE\\]");
    expect(md).toContain("- Hourly labels: hour-ending");
  });

  it("is a -f choice of the CLI, with labels in --lang zh", () => {
    const run = runCli(["fixtures/hengyang-2019-water.csv", "-f", "markdown", "--lang", "zh"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("| 编号 | 目标 | 状态 | 实际值 | 要求 | 余量 | 较基准 | 有效天数 | 条款 |");
    expect(run.stdout).toContain("| water.xiangjiang.class | 湘江干流水质类别 | **未达标** | 50.0% |");
    expect(run.stdout).toContain("#### 数据依据");
  });
});

describe("--format markdown on the year-to-date example of README (--as-of 2019-06-30)", () => {
  let asOf: CheckReport;
  beforeAll(async () => {
    asOf = await check([join(ROOT, "fixtures/hengyang-2019-daily.csv")], { lang: "en", asOf: "2019-06-30" });
  });

  it("has the projection section of the table, with the same figures", () => {
    const md = formatMarkdown(asOf, { lang: "en", color: false });
    const table = formatTable(asOf, { lang: "en", color: false });
    // Worked by hand from the fixture's first half (README, "Year to date"): 160 good of 181 valid days; a
    // year of 365 needs 292 good (79.95 % rounds to 80.0), so 132 of the 184 days left must be good and
    // 52 may not be. PM2.5: (43.5 x 365 - 48 x 181) / 184 = 39.07 -> 39. PM10: (68.5 x 365 - 76 x 181) / 184
    // = 61.1 -> 61.
    // PM2.5 on the season: 48 so far against a pace of 43 x 365 / (181 + 0.99156 x 184) = 43.18 -> 43
    // (the profile's July-December over its January-June: 41.707 / 42.062 = 0.99156).
    const projections = [
      "air.urban.good_rate: on track by year end: 52 of the remaining 184 days may still be non-good",
      "air.urban.pm25: off track by year end: the remaining 184 days may average at most 39 ug/m3",
      "2019-01-01 .. 2019-06-30: 48 ug/m3 against a seasonal pace of 43 ug/m3: behind",
      "air.urban.pm10: off track by year end: the remaining 184 days may average at most 61 ug/m3",
    ];
    for (const line of projections) {
      expect(table.replace(/\s+/g, " ")).toContain(line);
      expect(md).toContain(escapeMarkdown(line));
    }
    expect(md).toContain(
      "- Air targets evaluated on 2019-01-01 .. 2019-06-30; as of 2019-06-30; year to date through 2019-06-30 (--as-of)\n",
    );
  });
});
