// The table fits the width it is given (issue 15 item 5): no line wider, the least important columns go
// first, titles and notes wrap; without a width it is laid out as wide as it needs.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { check } from "../../src/check.js";
import type { CheckReport } from "../../src/engine/result.js";
import { formatTable } from "../../src/report/table.js";
import { ROOT } from "../helpers/run-cli.js";

const DAILY = join(ROOT, "fixtures/hengyang-2019-daily.csv");
const WATER = join(ROOT, "fixtures/hengyang-2019-water.csv");

/**
 * Terminal columns of a line, counted here apart from the code under test: escape codes take none, the
 * CJK ideographs, CJK punctuation and full-width forms the fixtures use take two, anything else one.
 */
function columns(line: string): number {
  // eslint-disable-next-line no-control-regex
  const plain = line.replace(/\u001b\[[0-9;]*m/g, "");
  let n = 0;
  for (const ch of plain) n += /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/u.test(ch) ? 2 : 1;
  return n;
}

function widest(text: string): number {
  return Math.max(...text.trimEnd().split("\n").map(columns));
}

/** The header line of the results table: the first line drawn with the vertical border. */
function headerLine(text: string): string {
  return text.split("\n").find((l) => l.startsWith("│"))!;
}

/** The text of one column of the results table, its wrapped lines joined. */
function columnText(text: string, index: number): string {
  const lines = text.split("\n");
  const end = lines.findIndex((l) => l.startsWith("└"));
  return lines
    .slice(0, end)
    .filter((l) => l.startsWith("│"))
    .map((l) => l.split("│")[index + 1]!.trim())
    .join("");
}

let daily: { zh: CheckReport; en: CheckReport };
let both: CheckReport;
beforeAll(async () => {
  daily = { zh: await check([DAILY], { lang: "zh" }), en: await check([DAILY], { lang: "en" }) };
  both = await check([DAILY, WATER], { lang: "zh", asOf: "2019-06-30", compareEditions: true });
});

describe("the table at a width", () => {
  for (const width of [80, 120])
    for (const lang of ["zh", "en"] as const)
      it(`has no line wider than ${width} columns (${lang}, the daily fixture)`, () => {
        const text = formatTable(daily[lang], { lang, color: false, width, all: true });
        expect(widest(text)).toBeLessThanOrEqual(width);
        // Still every target.
        for (const r of daily[lang].results) expect(columnText(text, 0)).toContain(r.id);
      });

  it("has no line wider than 80 with projections, the edition comparison, water sections and colours", () => {
    const text = formatTable(both, { lang: "zh", color: true, width: 80 });
    expect(widest(text)).toBeLessThanOrEqual(80);
    expect(text).toContain("HJ 633-2026");
  });

  it("drops the clause column at 80 and keeps it at 120", () => {
    expect(headerLine(formatTable(daily.en, { lang: "en", color: false, width: 80 }))).not.toContain(
      "Clause",
    );
    expect(headerLine(formatTable(daily.zh, { lang: "zh", color: false, width: 80 }))).not.toContain("条款");
    expect(headerLine(formatTable(daily.en, { lang: "en", color: false, width: 120 }))).toContain("Clause");
    expect(headerLine(formatTable(daily.zh, { lang: "zh", color: false, width: 120 }))).toContain("条款");
  });

  it("at 80 keeps id, target, status, actual and required", () => {
    const head = headerLine(formatTable(daily.en, { lang: "en", color: false, width: 80, all: true }));
    for (const label of ["ID", "Target", "Status", "Actual", "Required"]) expect(head).toContain(label);
    expect(head).not.toContain("Margin");
  });

  it("wraps long Chinese titles within their column, every character kept", () => {
    const long = "衡阳市城区及各县市区环境空气质量优良天数比例年度目标值（含南岳区）与上一年度比较";
    const report: CheckReport = {
      ...daily.zh,
      results: daily.zh.results.map((r, i) => ({ ...r, title: `${long}${i}` })),
    };
    for (const width of [80, 120]) {
      const text = formatTable(report, { lang: "zh", color: false, width, all: true });
      expect(widest(text), String(width)).toBeLessThanOrEqual(width);
      const titles = columnText(text, 1);
      for (let i = 0; i < report.results.length; i++) expect(titles).toContain(`${long}${i}`);
    }
  });

  it("wraps the plan line and the notes to the width", () => {
    const text = formatTable(daily.en, { lang: "en", color: false, width: 80 });
    const first = text.split("\n")[0]!;
    expect(first.startsWith("Plan: ")).toBe(true);
    expect(columns(first)).toBeLessThanOrEqual(80);
    // The data-basis line of the input is longer than 80 in one piece; wrapped, its words follow on.
    expect(text).toContain("5105 rows");
    expect(text.split("\n").some((l) => l.includes("fixtures/hengyang-2019-daily.csv: air-daily"))).toBe(
      true,
    );
  });
});

describe("the table without a width", () => {
  it("is as wide as its widest row: one header line with all nine columns, notes unwrapped", () => {
    const text = formatTable(daily.en, { lang: "en", color: false });
    const head = headerLine(text);
    for (const label of [
      "ID",
      "Target",
      "Status",
      "Actual",
      "Required",
      "Margin",
      "vs baseline",
      "Valid days",
      "Clause",
    ])
      expect(head).toContain(label);
    expect(widest(text)).toBeGreaterThan(120);
    expect(text).toContain(
      "Days counted for the good-day rate: all six basic pollutants valid, or the valid ones already give AQI > 100\n",
    );
  });
});
