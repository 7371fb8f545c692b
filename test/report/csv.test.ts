// --format csv: RFC 4180 with a BOM, parsed back; spreadsheet formula injection guarded in text cells only.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { check } from "../../src/check.js";
import type { CheckReport, TargetResult } from "../../src/engine/result.js";
import { formatCsv } from "../../src/report/csv.js";
import { ROOT, runCli } from "../helpers/run-cli.js";

const WATER = join(ROOT, "fixtures/hengyang-2019-water.csv");

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes; throws on anything else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error("unterminated quoted field");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ",") {
      i++;
      continue;
    }
    if (text.startsWith("\r\n", i)) {
      rows.push(row);
      row = [];
      i += 2;
      if (i === text.length) return rows;
      continue;
    }
    throw new Error(`expected , or CRLF at ${i}, got ${JSON.stringify(text.slice(i, i + 10))}`);
  }
}

function records(csv: string): Record<string, string>[] {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  const [header, ...rows] = parseCsv(csv.slice(1));
  for (const row of rows) expect(row).toHaveLength(header!.length);
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i] ?? ""])));
}

let report: CheckReport;
let base: TargetResult;
beforeAll(async () => {
  report = await check([WATER], { lang: "en" });
  base = report.results.find((r) => r.id === "water.xiangjiang.class")!;
});

describe("--format csv", () => {
  it("has a BOM, a header and one row per result", () => {
    const csv = formatCsv(report, { lang: "en", color: false });
    expect(csv.split("\r\n")[0]).toBe(
      "\uFEFFid,title,family,status,informational,actual,unit,op,target,tolerance,margin,validDays,clause,quote,reason,basis",
    );
    const rows = records(csv);
    expect(rows).toHaveLength(report.results.length);
    expect(rows.find((r) => r.id === "water.xiangjiang.class")).toEqual({
      id: "water.xiangjiang.class",
      title: "Xiangjiang mainstream sections at Class II or better",
      family: "water",
      status: "fail",
      informational: "no",
      actual: "50.0",
      unit: "%",
      op: ">=",
      target: "100",
      tolerance: "",
      margin: "-50.0",
      validDays: "",
      clause: "二(一)",
      quote: "湘江干流水质年平均值稳定在Ⅱ类以上",
      reason: "",
      basis: "official",
    });
  });

  it("guards text cells against formula injection; a margin of -7 stays a number", () => {
    const r: TargetResult = {
      ...base,
      title: '=HYPERLINK("http://x","y")',
      clause: "+1",
      clauseText: "@a",
      unit: "-x",
      margin: -7,
      actual: 93,
      decimals: 0,
      target: -5,
      tolerance: 2,
      validDays: 12,
      detail: { reason: "\tcmd" },
    };
    const [row] = records(formatCsv({ ...report, results: [r] }, { lang: "en", color: false }));
    expect(row?.title).toBe(`'=HYPERLINK("http://x","y")`);
    expect(row?.clause).toBe("'+1");
    expect(row?.quote).toBe("'@a");
    expect(row?.unit).toBe("'-x");
    expect(row?.reason).toBe("'\tcmd");
    expect(row?.margin).toBe("-7");
    expect(row?.target).toBe("-5");
    expect(row?.tolerance).toBe("2");
    expect(row?.validDays).toBe("12");
    expect(row?.actual).toBe("93");
  });

  it("quotes commas, quotes and line breaks (RFC 4180), and writes a range as low..high", () => {
    const r: TargetResult = {
      ...base,
      title: 'a, "b"',
      clauseText: "line 1\nline 2\r\nline 3",
      op: "between",
      target: [6, 9],
    };
    const csv = formatCsv({ ...report, results: [r] }, { lang: "en", color: false });
    expect(csv).toContain(',"a, ""b""",');
    const [row] = records(csv);
    expect(row?.title).toBe('a, "b"');
    expect(row?.quote).toBe("line 1\nline 2\r\nline 3");
    expect(row?.target).toBe("6..9");
    expect(row?.op).toBe("between");
  });

  it("is a -f choice of the CLI, with headers and statuses in --lang zh", () => {
    const run = runCli(["fixtures/hengyang-2019-water.csv", "-f", "csv", "--lang", "zh"]);
    expect(run.status).toBe(1);
    const rows = records(run.stdout);
    const r = rows.find((x) => x["编号"] === "water.xiangjiang.class");
    expect(r?.["目标"]).toBe("湘江干流水质类别");
    expect(r?.["状态"]).toBe("未达标");
    expect(r?.["余量"]).toBe("-50.0");
  });
});
