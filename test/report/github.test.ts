// --format github: workflow commands that GitHub Actions turns into annotations.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createInputReport } from "../../src/data/input-report.js";
import { check } from "../../src/check.js";
import type { CheckReport, TargetResult } from "../../src/engine/result.js";
import { escapeData, escapeProperty, formatGithub } from "../../src/report/github.js";
import { ROOT, runCli } from "../helpers/run-cli.js";

const WATER = join(ROOT, "fixtures/hengyang-2019-water.csv");

let report: CheckReport;
let base: TargetResult;
beforeAll(async () => {
  report = await check([WATER], { lang: "en" });
  base = report.results.find((r) => r.id === "water.xiangjiang.class")!;
});

const lines = (text: string) => text.trimEnd().split("\n");

/** The summary line, as the message table says it in English. */
function summaryText(s: CheckReport["summary"]): string {
  return `${s.pass} pass, ${s.warn} warn, ${s.fail} fail (${s.indicative} indicative); no data: ${s.noDataThin} too thin, ${s.manual} manual, ${s.notChecked} not checked`;
}

describe("--format github", () => {
  it("escapes % CR LF in messages, and also : and , in properties", () => {
    expect(escapeData("50% a\r\nb: c, d")).toBe("50%25 a%0D%0Ab: c, d");
    expect(escapeProperty("50% a\r\nb: c, d")).toBe("50%25 a%0D%0Ab%3A c%2C d");
    expect(escapeProperty("%3A")).toBe("%253A");
  });

  it("one ::error per failing non-informational target, ::notice for an informational failure, the summary last", () => {
    const out = lines(formatGithub(report, { lang: "en", color: false }));
    const failing = report.results.filter((r) => r.status === "fail" && !r.informational);
    expect(out.filter((l) => l.startsWith("::error "))).toHaveLength(failing.length);
    const error = out.find((l) => l.startsWith("::error title=water.xiangjiang.class::"));
    expect(error).toBe(
      "::error title=water.xiangjiang.class::Xiangjiang mainstream sections at Class II or better" +
        "%0Afail: actual 50.0%25, required >= 100 %25, margin -50.0" +
        "%0AClause 二(一): “湘江干流水质年平均值稳定在Ⅱ类以上”" +
        "%0A熬洲 (湘江): ✗ III, TP 0.12 (+0.2x), 12 samplings",
    );
    expect(out.some((l) => l.startsWith("::notice title=water.sections.declined::"))).toBe(true);
    expect(out.at(-1)).toBe(`::notice title=hy-check::${summaryText(report.summary)}`);
    // Targets whose kind of data was not given are not annotated.
    expect(out.some((l) => l.includes("title=air.urban.pm25"))).toBe(false);
    // Every line is one workflow command.
    for (const l of out) expect(l).toMatch(/^::(error|warning|notice)( [^:]*)?::/);
  });

  it("::warning for warn and for no-data (but not no-input); properties escaped", () => {
    const warn: TargetResult = {
      ...base,
      id: "a.warn",
      status: "warn",
      margin: -0.5,
      tolerance: 1,
      detail: {},
    };
    const noData: TargetResult = {
      ...base,
      id: "a.no_data",
      status: "no-data",
      margin: null,
      detail: { reasonCode: "insufficient", reason: "300 valid days\nshort: 02" },
    };
    const noInput: TargetResult = { ...noData, id: "a.no_input", detail: { reasonCode: "no-input" } };
    const passing: TargetResult = { ...base, id: "a.pass", status: "pass", margin: 0 };
    const out = lines(
      formatGithub({ ...report, results: [warn, noData, noInput, passing] }, { lang: "en", color: false }),
    );
    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/^::warning title=a\.warn::/);
    expect(out[1]).toMatch(/^::warning title=a\.no_data::.*%0A300 valid days%0Ashort: 02(%0A|$)/);
    expect(out[2]).toMatch(/^::notice title=hy-check::/);
  });

  it("rejected rows are ::error annotations at file, line and col", () => {
    const input = { ...createInputReport("data/a,b:c.csv", "air-daily", "utf-8"), rows: 60, rejectedRows: 3 };
    input.rejected = [
      {
        file: "data/a,b:c.csv",
        line: 7,
        col: 3,
        field: "PM2.5",
        code: "HY-VALUE",
        message: "not a number: 50%",
      },
      { file: "data/a,b:c.csv", line: 9, code: "HY-DUPLICATE", message: "duplicate\nrow" },
    ];
    const out = lines(
      formatGithub({ ...report, inputs: [input], results: [] }, { lang: "en", color: false }),
    );
    expect(out).toEqual([
      "::error file=data/a%2Cb%3Ac.csv,line=7,col=3,title=HY-VALUE::PM2.5: not a number: 50%25",
      "::error file=data/a%2Cb%3Ac.csv,line=9,title=HY-DUPLICATE::duplicate%0Arow",
      "::error file=data/a%2Cb%3Ac.csv,title=hy-check::... and 1 more (see --format json)",
      `::notice title=hy-check::${summaryText(report.summary)}`,
    ]);
  });

  it("is a -f choice of the CLI, with labels in --lang zh", () => {
    const run = runCli(["fixtures/hengyang-2019-water.csv", "-f", "github", "--lang", "zh"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      "::error title=water.xiangjiang.class::湘江干流水质类别%0A未达标：实际值 50.0%25",
    );
  });
});
