// hy-check report: the year-end report's content from a fixture run, against the JSON of the same run. In-process
// (runMain): the content is under test here; the built bin's report runs in test/bin.test.ts and test/docs.test.ts.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CheckReport, TargetResult } from "../../src/engine/result.js";
import { t } from "../../src/i18n.js";
import { areaBarsChart, renderCharts } from "../../src/report/charts.js";
import { esc } from "../../src/report/html.js";
import { escapeMarkdown } from "../../src/report/markdown.js";
import { chartPath } from "../../src/report/year-end-output.js";
import { runMain, runMainJson } from "../helpers/run-main.js";

const FILES = [
  "fixtures/hengyang-2019-daily.csv",
  "fixtures/hengyang-2019-water.csv",
  "fixtures/hengyang-ledger.csv",
];
const dir = mkdtempSync(join(tmpdir(), "hy-report-"));

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The text of an element's content, tags removed and entities decoded. */
function text(html: string): string {
  return unescape(html.replace(/<[^>]*>/g, ""));
}

/** Each target's <tbody>: its id, status, and the cells by their data-field. */
function targetBodies(html: string): Map<string, { status: string; body: string }> {
  const map = new Map<string, { status: string; body: string }>();
  for (const m of html.matchAll(
    /<tbody class="target" data-id="([^"]*)" data-status="([^"]*)">([\s\S]*?)<\/tbody>/g,
  ))
    map.set(unescape(m[1]!), { status: m[2]!, body: m[3]! });
  return map;
}

function cell(body: string, field: string): { value?: string; text: string } {
  const m = new RegExp(
    `<td class="num"(?: data-label="[^"]*")? data-field="${field}"(?: data-value="([^"]*)")?>([\\s\\S]*?)</td>`,
  ).exec(body);
  if (!m) throw new Error(`no ${field} cell in ${body.slice(0, 200)}`);
  return { ...(m[1] !== undefined ? { value: unescape(m[1]) } : {}), text: text(m[2]!) };
}

let json: CheckReport;
let en: string;
let zh: string;

beforeAll(async () => {
  json = (await runMainJson<CheckReport>([...FILES, "-f", "json"])).json;
  const a = await runMain(["report", ...FILES, "--lang", "en", "-o", join(dir, "en.html")]);
  expect(a.stderr).toBe("");
  expect(a.status).toBe(0);
  const b = await runMain(["report", ...FILES, "--lang", "zh", "-o", join(dir, "zh.html")]);
  expect(b.status).toBe(0);
  en = readFileSync(join(dir, "en.html"), "utf8");
  zh = readFileSync(join(dir, "zh.html"), "utf8");
});

describe("hy-check report (HTML) on the fixture year", () => {
  it("shows every target with the figures of the JSON output of the same run", () => {
    const bodies = targetBodies(en);
    expect([...bodies.keys()].sort()).toEqual(json.results.map((r) => r.id).sort());
    for (const r of json.results) {
      const { status, body } = bodies.get(r.id)!;
      expect(status, r.id).toBe(r.status);
      const actual = cell(body, "actual");
      expect(actual.value === undefined ? null : Number(actual.value), r.id).toBe(r.actual);
      const margin = cell(body, "margin");
      expect(margin.value === undefined ? null : Number(margin.value), r.id).toBe(r.margin);
      const days = cell(body, "validDays");
      expect(days.value === undefined ? null : Number(days.value), r.id).toBe(r.validDays);
      const baseline = cell(body, "baseline");
      expect(baseline.value === undefined ? null : Number(baseline.value), r.id).toBe(
        r.baseline?.delta ?? null,
      );
      // The clause and the plan's sentence, as the target file quotes it.
      expect(text(body), r.id).toContain(`${r.clause}: “${r.quote}”`);
    }
  });

  it("prints the air figures of the fixture year as reported (the pinned, independently checked values)", () => {
    // test/pinned/hengyang-2019-daily.results.json: value, unit and decimals (GB/T 8170), margin, valid days.
    const expected: [id: string, actual: string, margin: string, validDays: string][] = [
      ["air.urban.good_rate", "92.1%", "+12.1", "365"],
      ["air.urban.pm25", "43 ug/m3", "0", "365"],
      ["air.urban.pm10", "68 ug/m3", "0", "365"],
      ["air.counties.good_rate", "89.3%", "+2.8", "364"],
      ["air.counties.pm25", "37 ug/m3", "+4", "364"],
      ["air.counties.pm10", "60 ug/m3", "+4", "364"],
      ["air.urban.co_p95", "1.1 mg/m3", "+2.9", "365"],
      ["air.urban.o3_p90", "129 ug/m3", "+31", "365"],
      ["air.urban.heavy_days", "0 d", "0", "365"],
    ];
    const bodies = targetBodies(en);
    for (const [id, actual, margin, validDays] of expected) {
      const { body } = bodies.get(id)!;
      expect(cell(body, "actual").text, id).toBe(actual);
      expect(cell(body, "margin").text, id).toBe(margin);
      expect(cell(body, "validDays").text, id).toBe(validDays);
    }
  });

  it("every target id of the target file appears", async () => {
    const listed = (await runMainJson<{ id: string }[]>(["targets", "-f", "json"])).json;
    expect(listed.length).toBeGreaterThan(30);
    for (const { id } of listed) expect(en).toContain(`data-id="${esc(id)}"`);
  });

  it("the summary counts and the headline figures are the JSON's, no data told apart", () => {
    for (const [status, n] of Object.entries({
      pass: json.summary.pass,
      warn: json.summary.warn,
      fail: json.summary.fail,
    }))
      expect(en).toContain(`data-status="${status}" data-count="${n}"`);
    // The JSON's no-data results, split by why: checked by hand, no such data given, the rest.
    const noData = json.results.filter((r) => r.status === "no-data");
    const manual = noData.filter((r) => r.detail.reasonCode === "manual").length;
    const notChecked = noData.filter((r) => r.detail.reasonCode === "no-input").length;
    const boxes = Object.fromEntries(
      [...en.matchAll(/data-status="(no-data|manual|not-checked)" data-count="(\d+)"/g)].map((m) => [
        m[1],
        Number(m[2]),
      ]),
    );
    expect(manual).toBeGreaterThan(0);
    expect(boxes.manual).toBe(manual);
    expect(boxes["not-checked"] ?? 0).toBe(notChecked);
    expect(boxes["no-data"] ?? 0).toBe(noData.length - manual - notChecked);
    const cards = [...en.matchAll(/<div class="card [^"]*" data-id="([^"]*)" data-actual="([^"]*)">/g)];
    expect(cards.map((c) => c[1])).toEqual([
      "air.urban.good_rate",
      "air.urban.pm25",
      "air.urban.pm10",
      "air.counties.good_rate",
      "air.counties.pm25",
      "air.counties.pm10",
      "water.sections.class",
      "water.xiangjiang.class",
    ]);
    for (const [, id, actual] of cards)
      expect(Number(actual)).toBe(json.results.find((r) => r.id === id)!.actual);
  });

  it("the monthly table adds up to the good-day-rate target's days", () => {
    const rate = json.results.find((r) => r.id === "air.urban.good_rate")!;
    const table = /<table class="months" data-area="市城区">([\s\S]*?)<\/table>/.exec(en)![1]!;
    const sum = (field: string) =>
      [...table.matchAll(new RegExp(`data-field="${field}">(\\d+)<`, "g"))].reduce(
        (n, m) => n + Number(m[1]),
        0,
      );
    expect(table.match(/<tr data-month=/g)).toHaveLength(12);
    expect(sum("goodDays")).toBe(rate.detail.goodDays);
    expect(sum("validDays")).toBe(rate.validDays);
  });

  it("draws the charts of every kind of data given, as inline SVG", () => {
    const charts = [...en.matchAll(/<figure class="chart" id="chart-([^"]*)"[^>]*>[\s\S]*?<\/figure>/g)];
    expect(charts.map((c) => c[1])).toEqual([
      "air-pm-1",
      "air-good-rate-1",
      "air-calendar-1",
      "air-areas-1",
      "water-classes",
      "ledger-emissions",
    ]);
    for (const [figure] of charts)
      expect(figure).toMatch(/<svg role="img" aria-label="[^"]+" width="\d+" height="\d+"/);
    // The targets are the lines: 43 and 68 for the urban PM, 80 % for the rate, 86.5 for the counties.
    expect(text(charts[0]![0])).toContain("PM2.5 target 43");
    expect(text(charts[0]![0])).toContain("PM10 target 68");
    expect(text(charts[1]![0])).toContain("target 80%");
    expect(text(charts[3]![0])).toContain("target 86.5");
    // The calendar uses the HJ 633 category colours.
    for (const colour of ["#00E400", "#FFFF00", "#FF7E00", "#FF0000"])
      expect(charts[2]![0]).toContain(colour);
  });

  it("lists the data basis: files with rows and rejected rows, capture, methods", () => {
    for (const input of json.inputs) {
      const row = new RegExp(`<tr data-file="${input.file}">([\\s\\S]*?)</tr>`).exec(en)![1]!;
      expect(row).toContain(`data-field="rows">${input.rows}<`);
      expect(row).toContain(`data-field="rejectedRows">${input.rejectedRows}<`);
    }
    expect(en).toContain('<tr data-area="市城区">');
    for (const ref of ["HJ 633-2012", "HJ 663-2013", "GB 3838-2002", "GB/T 8170-2008", "GB 3095-2012"])
      expect(text(en)).toContain(ref);
  });

  it("fetches nothing: no http(s) reference, no script, no external stylesheet, fonts only as data", () => {
    for (const html of [en, zh]) {
      expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
      expect(html).not.toMatch(/url\(\s*["']?\s*(?:https?:)?\/\//i);
      expect(html).not.toMatch(/@import/i);
      expect(html).not.toMatch(/https?:\/\//i);
      expect(html).not.toMatch(/<script|<link|<img|<iframe/i);
      for (const m of html.matchAll(/url\(([^)]{0,30})/g)) expect(m[1]).toMatch(/^data:font\/woff;base64,/);
    }
  });

  it("renders in Chinese and in English with the labels of the message table", () => {
    expect(zh).toContain('<html lang="zh-CN">');
    expect(en).toContain('<html lang="en">');
    for (const key of [
      "report.summary",
      "report.headline",
      "report.targets",
      "basis.title",
      "report.basis.methods",
    ] as const) {
      expect(text(zh)).toContain(t("zh", key));
      expect(text(en)).toContain(t("en", key));
      expect(text(zh)).not.toContain(t("en", key));
    }
    expect(text(zh)).toContain(t("zh", "report.chart.calendar", { area: "市城区" }));
    expect(text(zh)).toContain("轻度污染");
    expect(text(en)).toContain("Lightly polluted");
    // The embedded CJK subset first, the systems' CJK faces behind it.
    expect(zh).toMatch(
      /font-family: "HY Noto Sans SC"[^;]*"Microsoft YaHei"[^;]*"PingFang SC"[^;]*"Noto Sans CJK SC"/,
    );
    expect(zh).toMatch(/@font-face \{ font-family: "HY Noto Sans SC";/);
  });
});

describe("hy-check report escapes what it embeds", () => {
  it("a station named <script> shows as text in the HTML", async () => {
    const daily = readFileSync(FILES[0]!, "utf8").replace(/原169医院/g, "<script>alert(1)</script>");
    const file = join(dir, "hostile.csv");
    writeFileSync(file, daily);
    const run = await runMain(["report", file, "--lang", "en"]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/<script/i);
    expect(run.stdout).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("chart labels are escaped by the SVG renderer", async () => {
    const [svg] = await renderCharts([
      {
        id: "x",
        family: "air",
        title: "x",
        note: "",
        width: 400,
        height: 200,
        option: areaBarsChart({
          areas: [{ name: '<script>"x"</script>', value: 50 }],
          op: ">=",
          target: 80,
          mean: 50,
          unit: "%",
          decimals: 1,
          targetLabel: "target",
          meanLabel: "mean",
        }),
      },
    ]);
    expect(svg).not.toMatch(/<script/i);
    expect(svg).toContain("&lt;script&gt;");
  });

  it("esc() turns the five markup characters into entities", () => {
    expect(esc(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});

describe("hy-check report --format markdown", () => {
  it("writes the same sections as tables, and each chart as an SVG file next to it", async () => {
    const run = await runMain([
      "report",
      ...FILES,
      "--lang",
      "en",
      "-f",
      "markdown",
      "-o",
      join(dir, "year-end.md"),
    ]);
    expect(run.status).toBe(0);
    const text = readFileSync(join(dir, "year-end.md"), "utf8");
    for (const r of json.results) expect(text).toContain(`| ${escapeMarkdown(r.id)} |`);
    const links = [...text.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(links).toEqual(
      [
        "air-pm-1",
        "air-good-rate-1",
        "air-calendar-1",
        "air-areas-1",
        "water-classes",
        "ledger-emissions",
      ].map((id) => `year-end-${id}.svg`),
    );
    for (const link of links) {
      const svg = readFileSync(join(dir, link), "utf8");
      // A standalone SVG file needs its namespace to open as an image.
      expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    }
    for (const heading of ["## Summary", "## Targets", "## Air quality", "## Water quality", "## Data basis"])
      expect(text).toContain(heading);
    expect(text).toContain(
      `| ${json.summary.pass} | ${json.summary.warn} | ${json.summary.fail} | ${json.summary.noData} |`,
    );
  });

  it("needs -o, since its charts are written next to it", async () => {
    const run = await runMain(["report", FILES[0]!, "-f", "markdown"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("[HY-USAGE]");
    expect(run.stdout).toBe("");
  });

  it("names the chart files after the report", () => {
    expect(chartPath("out/report.md", "air-pm-1")).toBe(join("out", "report-air-pm-1.svg"));
    expect(chartPath("report", "water-classes")).toBe("report-water-classes.svg");
  });
});

describe("hy-check report shows a section only when its data are given", () => {
  it("water alone: the water chart, no air or ledger charts, the other targets listed as not checked", async () => {
    const run = await runMain(["report", FILES[1]!, "--lang", "en"]);
    expect(run.status).toBe(0);
    const html = run.stdout;
    expect(html).toContain('id="charts-water"');
    expect(html).not.toContain('id="charts-air"');
    expect(html).not.toContain('id="charts-ledger"');
    expect(text(html)).not.toContain(t("en", "report.basis.capture"));
    const bodies = targetBodies(html);
    const notChecked = json.results.filter((r: TargetResult) => r.family === "air" || r.family === "ledger");
    for (const r of notChecked) {
      expect(bodies.has(r.id)).toBe(false);
      expect(html).toContain(`<code>${esc(r.id)}</code>`);
    }
  });

  it("exits 1 with --fail-on fail when a target fails, 0 by default", async () => {
    expect((await runMain(["report", FILES[1]!, "-o", join(dir, "w.html")])).status).toBe(0);
    expect(
      (await runMain(["report", FILES[1]!, "-o", join(dir, "w.html"), "--fail-on", "fail"])).status,
    ).toBe(1);
  });
});

describe("hy-check report --as-of (year to date)", () => {
  it("lists the projections the table prints, with the README's worked figures", async () => {
    const run = await runMain(["report", FILES[0]!, "--lang", "en", "--as-of", "2019-06-30"]);
    expect(run.status).toBe(0);
    const items = [...run.stdout.matchAll(/<li data-id="([^"]*)" data-projection="([^"]*)">([^<]*)<\/li>/g)];
    // On the season (the default profile): PM2.5's rest of the year is 0.99156 of its January-June (hand:
    // 7674.1 / 184 over 7613.2 / 181), so 48 so far ends the year at 48 x (181 + 0.99156 x 184) / 365 = 47.8,
    // past 43 by more than a tenth: off track.
    expect(items.slice(0, 3).map((m) => [m[1], m[2]])).toEqual([
      ["air.urban.good_rate", "on-track"],
      ["air.urban.pm25", "off-track"],
      ["air.urban.pm10", "off-track"],
    ]);
    // 160 good of 181 days so far: 132 of the 184 left must be good for 292 of 365 (README, "Year to date").
    expect(unescape(items[0]![3]!)).toContain("52 of the remaining 184 days may still be non-good");
    expect(unescape(items[1]![3]!)).toContain("may average at most 39 ug/m3");
  });
});
