// --format junit: parsed back with an XML parser, as GitLab and Jenkins read it.
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { check } from "../../src/check.js";
import type { CheckReport, TargetResult } from "../../src/engine/result.js";
import { formatJunit } from "../../src/report/junit.js";
import { ROOT, runCli } from "../helpers/run-cli.js";

const WATER = join(ROOT, "fixtures/hengyang-2019-water.csv");

interface Case {
  "@_classname": string;
  "@_name": string;
  failure?: { "@_message": string; "#text"?: string };
  skipped?: { "@_message": string };
  "system-out"?: string;
}
interface Suite {
  "@_name": string;
  "@_tests": string;
  "@_failures": string;
  "@_skipped": string;
  properties: { property: { "@_name": string; "@_value": string }[] };
  testcase: Case[];
}

function parse(xml: string): Suite {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    parseAttributeValue: false,
    htmlEntities: true,
    isArray: (name) => ["testsuite", "testcase", "property"].includes(name),
  });
  const doc = parser.parse(xml) as { testsuites: { testsuite: Suite[] } };
  expect(doc.testsuites.testsuite).toHaveLength(1);
  return doc.testsuites.testsuite[0]!;
}

let report: CheckReport;
beforeAll(async () => {
  report = await check([WATER], { lang: "en" });
});

function byName(suite: Suite, id: string): Case {
  const found = suite.testcase.find((c) => c["@_name"].startsWith(`${id} `));
  if (!found) throw new Error(`no testcase ${id}`);
  return found;
}

describe("--format junit", () => {
  it("one testcase per result; failures = failing non-informational; skipped = no-data", () => {
    const suite = parse(formatJunit(report, { lang: "en", color: false }));
    const failing = report.results.filter((r) => r.status === "fail" && !r.informational);
    const noData = report.results.filter((r) => r.status === "no-data");
    expect(suite.testcase).toHaveLength(report.results.length);
    expect(suite["@_tests"]).toBe(String(report.results.length));
    expect(suite["@_failures"]).toBe(String(failing.length));
    expect(suite["@_skipped"]).toBe(String(noData.length));
    expect(suite.testcase.filter((c) => c.failure)).toHaveLength(failing.length);
    expect(suite.testcase.filter((c) => c.skipped)).toHaveLength(noData.length);
    expect(suite["@_name"]).toBe(report.plan.title);
    expect(failing.map((r) => r.id)).toContain("water.xiangjiang.class");
  });

  it("a failing target's message carries actual vs target, margin, clause and quote", () => {
    const suite = parse(formatJunit(report, { lang: "en", color: false }));
    const c = byName(suite, "water.xiangjiang.class");
    expect(c["@_classname"]).toBe("water");
    expect(c["@_name"]).toBe("water.xiangjiang.class Xiangjiang mainstream sections at Class II or better");
    expect(c.failure?.["@_message"]).toBe(
      "fail: actual 50.0%, required >= 100 %, margin -50.0; Clause 二(一): “湘江干流水质年平均值稳定在Ⅱ类以上”",
    );
    // The body lists the section that fails.
    expect(c.failure?.["#text"]).toContain("熬洲 (湘江): ✗ III, TP 0.12 (+0.2x), 12 samplings");
  });

  it("an informational failure is a passing testcase with its result in system-out", () => {
    const suite = parse(formatJunit(report, { lang: "en", color: false }));
    const c = byName(suite, "water.sections.declined");
    expect(c.failure).toBeUndefined();
    expect(c["system-out"]).toContain("informational target (fail (info))");
    expect(c["system-out"]).toContain("actual 1 sections, required <= 0 sections, margin -1");
  });

  it("no-data is <skipped> with the reason; warn passes with why in system-out", () => {
    const base = report.results.find((r) => r.id === "water.sections.class")!;
    const warn: TargetResult = {
      ...base,
      id: "air.urban.good_rate",
      family: "air",
      status: "warn",
      actual: 79.5,
      decimals: 1,
      target: 80,
      tolerance: 1,
      margin: -0.5,
      detail: {},
    };
    const noData: TargetResult = {
      ...base,
      id: "air.urban.pm25",
      family: "air",
      status: "no-data",
      actual: null,
      margin: null,
      detail: { reasonCode: "insufficient", reason: "300 valid days" },
    };
    const suite = parse(formatJunit({ ...report, results: [warn, noData] }, { lang: "en", color: false }));
    const [w, n] = suite.testcase;
    expect(w?.failure).toBeUndefined();
    expect(w?.skipped).toBeUndefined();
    expect(w?.["system-out"]).toMatch(/^warn, reported as a passed test: .* tolerance ±1/);
    expect(w?.["system-out"]).toContain("actual 79.5%, required >= 80 ±1 %, margin -0.5");
    expect(w?.["@_classname"]).toBe("air");
    expect(n?.skipped?.["@_message"]).toBe("300 valid days");
    expect(suite["@_skipped"]).toBe("1");
    expect(suite["@_failures"]).toBe("0");
  });

  it("escapes <&>\"' in names and messages and drops characters illegal in XML 1.0", () => {
    const base = report.results.find((r) => r.id === "water.xiangjiang.class")!;
    const title = `a <b> & "c" 'd' \u0001\u001f\uffff\ud800e`;
    const r: TargetResult = { ...base, title, clause: `<&>"'`, clauseText: "x]]>y\ttab\nline" };
    const xml = formatJunit(
      { ...report, plan: { ...report.plan, title: `<&>"'` }, results: [r] },
      { lang: "en", color: false },
    );
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/);
    expect(xml).not.toContain("]]>");
    const suite = parse(xml);
    expect(suite["@_name"]).toBe(`<&>"'`);
    // U+0001 and U+001F are shown escaped (src/report/safe-text.ts); U+FFFF and the lone surrogate dropped.
    expect(suite.testcase[0]?.["@_name"]).toBe(`${base.id} a <b> & "c" 'd' \\x01\\x1fe`);
    // Tab and newline in an attribute survive as character references.
    expect(suite.testcase[0]?.failure?.["@_message"]).toContain(`Clause <&>"': “x]]>y\ttab\nline”`);
  });

  it("has the standards and the inputs as properties", () => {
    const suite = parse(formatJunit(report, { lang: "en", color: false }));
    const props = Object.fromEntries(suite.properties.property.map((p) => [p["@_name"], p["@_value"]]));
    expect(props["standards.limits"]).toBe(report.standards.limits);
    expect(props["inputs[0].file"]).toBe(report.inputs[0]!.file);
    expect(props["inputs[0].rows"]).toBe("143");
    expect(props["inputs[0].rejectedRows"]).toBe("0");
  });

  it("is a -f choice of the CLI, with labels in --lang zh", () => {
    const run = runCli(["fixtures/hengyang-2019-water.csv", "-f", "junit", "--lang", "zh"]);
    expect(run.status).toBe(1);
    const c = byName(parse(run.stdout), "water.xiangjiang.class");
    expect(c["@_name"]).toBe("water.xiangjiang.class 湘江干流水质类别");
    expect(c.failure?.["@_message"]).toBe(
      "未达标：实际值 50.0%，要求 >= 100 %，余量 -50.0；条款 二(一)：“湘江干流水质年平均值稳定在Ⅱ类以上”",
    );
  });
});
