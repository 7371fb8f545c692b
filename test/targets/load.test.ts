// Target-file loading. Every line/column below was counted by hand in the inline YAML: line 1 is the
// first line after the opening backtick, columns are 1-based characters (each Chinese character is one).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { InputError, type InputProblem } from "../../src/errors.js";
import { loadTargetFile } from "../../src/targets/load.js";
import { parseTargetFile } from "../../src/targets/parse.js";
import { resolvedStandards, targetFileJsonSchema, type Area } from "../../src/targets/schema.js";

const SHIPPED = fileURLToPath(new URL("../../targets/hengyang-2019.yaml", import.meta.url));
const FILE = "t.yaml";

function problemsOf(text: string): InputProblem[] {
  try {
    parseTargetFile(text, FILE);
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error("expected parseTargetFile to throw an InputError");
}

function byPosition(problems: InputProblem[]): InputProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}

function stationCodes(area: Area): string[] {
  return area.stations.map((s) => (typeof s === "string" ? s : s.code));
}

// A valid file; the broken files below are copies of it with one or two lines changed.
const VALID = `schemaVersion: 1
plan:
  title: { zh: 计划, en: Plan }
  year: 2019
  issuer: 局
  seed: plan.txt
areas:
  - id: 市城区
    kind: urban
    stations: [2457A]
targets:
  - id: air.urban.pm25
    title: { zh: 细颗粒物, en: PM2.5 }
    source: { clause: 二(一), text: 下降 }
    metric: { name: air.annual_mean, pollutant: PM2.5 }
    scope: { area: 市城区 }
    op: "<="
    value: 43
    unit: ug/m3
`;

describe("parseTargetFile: the shipped Hengyang 2019 file", () => {
  const parsed = parseTargetFile(fs.readFileSync(SHIPPED, "utf8"), SHIPPED);
  /** The air targets (family "air"): the tests below are about them; other families have their own. */
  const air = parsed.targets.filter((t) => t.id.startsWith("air."));

  // The one place that spells out every shipped target id: adding a target means updating this list.
  it("has exactly the targets of the plan and the informational ones, in order, with their values", () => {
    expect(parsed.targets.map((t) => [t.id, t.value, t.unit, t.informational])).toEqual([
      ["air.urban.good_rate", 80, "%", false],
      ["air.urban.pm25", 43, "ug/m3", false],
      ["air.urban.pm10", 68, "ug/m3", false],
      ["air.counties.good_rate", 86.5, "%", false],
      ["air.counties.pm25", 41, "ug/m3", false],
      ["air.counties.pm10", 64, "ug/m3", false],
      ["air.urban.co_p95", 4, "mg/m3", true],
      ["air.urban.o3_p90", 160, "ug/m3", true],
      ["air.urban.heavy_days", 0, "d", true],
      ["water.sections.class", 100, "%", false],
      ["water.xiangjiang.class", 100, "%", false],
      ["water.drinking.compliance", 100, "%", false],
      ["water.sections.declined", 0, "sections", true],
      ["emission.cod", -2, "%", false],
      ["emission.nh3n", -1.5, "%", false],
      ["emission.so2", -2, "%", false],
      ["emission.nox", -2, "%", false],
      ["emission.heavy_metals", -12, "%", false],
      ["soil.farmland_safe_use", 90, "%", false],
      ["soil.plots_safe_use", 91, "%", false],
      ["task.three_year_plan", undefined, undefined, false],
      ["soil.quality_stable", undefined, undefined, false],
      ["safety.major_incidents", 0, "起", false],
      ["safety.radiation", undefined, undefined, false],
      ["safety.hazardous_waste_disposal", 100, "%", false],
      ["safety.major_public_opinion", 0, "起", false],
      ["milestone.institutional_reform", 0, "d", false],
      ["monitoring.capability", undefined, undefined, false],
      ["milestone.big_data_phase", 0, "d", false],
      ["task.industries_compliant", 16, "个", false],
      ["milestone.emission_retrofits", 0, "d", false],
      ["milestone.municipal_vehicles_guo3", 0, "d", false],
      ["milestone.heavy_pollution_plan", 0, "d", false],
      ["task.township_sources", 26, "个", false],
      ["milestone.black_odorous_water", 0, "d", false],
      ["milestone.soil_projects_2017", 0, "d", false],
      ["milestone.soil_pilot_zone_scheme", 0, "d", false],
      ["task.villages", 80, "个", false],
      ["milestone.three_lines_one_list", 0, "d", false],
      ["milestone.im_system", 0, "d", false],
      ["milestone.inspection_rectification", 0, "d", false],
      ["task.vehicle_agencies", 27, "家", false],
      ["milestone.water_auto_stations", 0, "d", false],
      ["monitoring.key_polluters_online", undefined, undefined, false],
      ["milestone.pollution_census", 0, "d", false],
    ]);
  });

  it("measures the air targets with the good-day rate, annual mean, percentile and day-count metrics", () => {
    expect(Object.fromEntries(air.map((t) => [t.id, t.metric]))).toEqual({
      "air.urban.good_rate": { name: "air.good_rate" },
      "air.urban.pm25": { name: "air.annual_mean", pollutant: "PM2.5" },
      "air.urban.pm10": { name: "air.annual_mean", pollutant: "PM10" },
      "air.counties.good_rate": { name: "air.good_rate" },
      "air.counties.pm25": { name: "air.annual_mean", pollutant: "PM2.5" },
      "air.counties.pm10": { name: "air.annual_mean", pollutant: "PM10" },
      "air.urban.co_p95": { name: "air.percentile", pollutant: "CO", p: 95 },
      "air.urban.o3_p90": { name: "air.percentile", pollutant: "O3_8h", p: 90 },
      "air.urban.heavy_days": { name: "air.day_count", aqiAbove: 200 },
    });
  });

  it("sources the two air percentile limits from GB 3095-2012 and every other air target from the plan", () => {
    expect(Object.fromEntries(air.map((t) => [t.id, t.source.document]))).toStrictEqual({
      "air.urban.good_rate": undefined,
      "air.urban.pm25": undefined,
      "air.urban.pm10": undefined,
      "air.counties.good_rate": undefined,
      "air.counties.pm25": undefined,
      "air.counties.pm10": undefined,
      "air.urban.co_p95": "GB 3095-2012",
      "air.urban.o3_p90": "GB 3095-2012",
      "air.urban.heavy_days": undefined,
    });
  });

  it("uses >= for the good-day rates and <= for the concentrations and the day count", () => {
    expect(Object.fromEntries(air.map((t) => [t.id, t.op]))).toEqual({
      "air.urban.good_rate": ">=",
      "air.urban.pm25": "<=",
      "air.urban.pm10": "<=",
      "air.counties.good_rate": ">=",
      "air.counties.pm25": "<=",
      "air.counties.pm10": "<=",
      "air.urban.co_p95": "<=",
      "air.urban.o3_p90": "<=",
      "air.urban.heavy_days": "<=",
    });
  });

  it("makes 市城区 of stations 2457A..2461A, without the control point 2456A", () => {
    const urban = parsed.areas.filter((a) => a.kind === "urban");
    expect(urban.map((a) => a.id)).toEqual(["市城区"]);
    const codes = stationCodes(urban[0] as Area);
    expect(codes).toEqual(["2457A", "2458A", "2459A", "2460A", "2461A"]);
    expect(parsed.areas.flatMap(stationCodes)).not.toContain("2456A");
  });

  it("registers the eight county-level areas", () => {
    expect(parsed.areas.filter((a) => a.kind === "county").map((a) => a.id)).toEqual([
      "衡阳县",
      "衡南县",
      "衡山县",
      "衡东县",
      "祁东县",
      "耒阳市",
      "常宁市",
      "南岳区",
    ]);
    expect(parsed.areas).toHaveLength(9);
  });

  it("scopes the urban air targets to 市城区 and the county air targets to the mean of all counties", () => {
    const urban = { area: "市城区" };
    const counties = { areaKind: "county", combine: "mean" };
    expect(Object.fromEntries(air.map((t) => [t.id, t.scope]))).toEqual({
      "air.urban.good_rate": urban,
      "air.urban.pm25": urban,
      "air.urban.pm10": urban,
      "air.counties.good_rate": counties,
      "air.counties.pm25": counties,
      "air.counties.pm10": counties,
      "air.urban.co_p95": urban,
      "air.urban.o3_p90": urban,
      "air.urban.heavy_days": urban,
    });
  });
});

describe("parseTargetFile: a valid inline file", () => {
  it("parses, filling in the defaults", () => {
    const parsed = parseTargetFile(VALID, FILE);
    expect(parsed.targets).toHaveLength(1);
    expect(parsed.targets[0]?.informational).toBe(false);
    // Unset editions follow the plan year (2019: the 2012 editions).
    expect(parsed.standards).toEqual({});
    expect(resolvedStandards(parsed)).toEqual({
      aqi: "HJ633-2012",
      assessment: "HJ663-2013",
      limits: "GB3095-2012",
    });
    expect(resolvedStandards({ ...parsed, plan: { ...parsed.plan, year: 2026 } })).toEqual({
      aqi: "HJ633-2026",
      assessment: "HJ663-2013",
      limits: "GB3095-2026",
    });
    expect(parsed.areas[0]?.aliases).toEqual([]);
  });
});

describe("parseTargetFile: broken files list every problem with line, column and field", () => {
  it("a wrong op value points at the value", () => {
    const text = VALID.replace('op: "<="', 'op: "=<"');
    const problems = problemsOf(text);
    expect(problems).toEqual([
      expect.objectContaining({ file: FILE, line: 17, col: 9, field: "targets[0].op", code: "HY-TARGETS" }),
    ]);
    expect(problems[0]?.message).not.toBe("");
  });

  it("a missing required field points at the parent mapping", () => {
    const text = `schemaVersion: 1
plan:
  title: { zh: 计划, en: Plan }
  year: 2019
  issuer: 局
  seed: plan.txt
areas:
  - id: 市城区
    kind: urban
targets:
  - id: air.urban.pm25
    title: { zh: 细颗粒物, en: PM2.5 }
    source: { clause: 二(一), text: 下降 }
    metric: { name: air.annual_mean, pollutant: PM2.5 }
    scope: { area: 市城区 }
    value: 43
    unit: ug/m3
`;
    // op is missing from targets[0], whose mapping starts at `id` on line 11, column 5.
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({ file: FILE, line: 11, col: 5, field: "targets[0].op", code: "HY-TARGETS" }),
    ]);
  });

  it("a missing plan field points at the plan mapping", () => {
    const text = `schemaVersion: 1
plan:
  title: { zh: 计划, en: Plan }
  issuer: 局
  seed: plan.txt
targets:
  - id: air.urban.good_rate
    title: { zh: 优良率, en: Good rate }
    source: { clause: 二(一), text: 保持 }
    metric: { name: air.good_rate }
    scope: { areaKind: urban, combine: mean }
    op: ">="
    value: 80
    unit: "%"
`;
    // plan.year is missing; the plan mapping starts at `title` on line 3, column 3.
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({ line: 3, col: 3, field: "plan.year", code: "HY-TARGETS" }),
    ]);
  });

  it("an unknown key points at the key itself", () => {
    const text = `schemaVersion: 1
plan:
  title: { zh: 计划, en: Plan }
  year: 2019
  issuer: 局
  seed: plan.txt
areas:
  - id: 市城区
    kind: urban
targets:
  - id: air.urban.pm25
    title: { zh: 细颗粒物, en: PM2.5 }
    source: { clause: 二(一), text: 下降 }
    metric: { name: air.annual_mean, pollutant: PM2.5 }
    scope: { area: 市城区 }
    op: "<="
    colour: red
    value: 43
    unit: ug/m3
`;
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, line: 17, col: 5, code: "HY-TARGETS" });
    expect(problems[0]?.field).toMatch(/^targets\[0\](\.colour)?$/);
    expect(problems[0]?.message).toContain("colour");
  });

  it("an unknown top-level key points at the key", () => {
    const text = `${VALID}comment: hello
`;
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 20, col: 1, code: "HY-TARGETS" });
    expect(problems[0]?.message).toContain("comment");
  });

  it("`between` with a single number points at the value", () => {
    const text = VALID.replace('op: "<="', "op: between");
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({ line: 18, col: 12, field: "targets[0].value", code: "HY-TARGETS" }),
    ]);
  });

  it("`between` with low above high points at the value", () => {
    const text = VALID.replace('op: "<="', "op: between").replace("value: 43", "value: [50, 40]");
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({ line: 18, col: 12, field: "targets[0].value", code: "HY-TARGETS" }),
    ]);
  });

  it("a single-number op with a range points at the value", () => {
    const text = VALID.replace("value: 43", "value: [40, 50]");
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({ line: 18, col: 12, field: "targets[0].value", code: "HY-TARGETS" }),
    ]);
  });

  it("a scope naming an area not in the registry points at the area name", () => {
    const text = VALID.replace("scope: { area: 市城区 }", "scope: { area: 衡阳县 }");
    const problems = problemsOf(text);
    expect(problems).toEqual([
      expect.objectContaining({ line: 16, col: 20, field: "targets[0].scope.area", code: "HY-TARGETS" }),
    ]);
    expect(problems[0]?.message).toContain("衡阳县");
    expect(problems[0]?.message).toContain("市城区");
  });

  it("a duplicate target id points at the second id", () => {
    const text = `${VALID}  - id: air.urban.pm25
    title: { zh: 细颗粒物, en: PM2.5 }
    source: { clause: 二(一), text: 下降 }
    metric: { name: air.annual_mean, pollutant: PM2.5 }
    scope: { area: 市城区 }
    op: "<="
    value: 40
    unit: ug/m3
`;
    const problems = problemsOf(text);
    expect(problems).toEqual([
      expect.objectContaining({ line: 20, col: 9, field: "targets[1].id", code: "HY-TARGETS" }),
    ]);
    expect(problems[0]?.message).toContain("air.urban.pm25");
  });

  it("a duplicate area id points at the second id", () => {
    const text = VALID.replace("areas:\n", "areas:\n  - { id: 市城区, kind: county }\n");
    // The inserted area is line 8; the original 市城区 moves to line 9: `  - id: 市城区`, value at column 9.
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({ line: 9, col: 9, field: "areas[1].id", code: "HY-TARGETS" }),
    ]);
  });

  it("a YAML syntax error is HY-YAML with its line and column", () => {
    const text = `schemaVersion: 1
plan:
  title: { zh: 计划, en: Plan }
  year: 2019
  issuer: 局
  seed: plan.txt
  seed: other.txt
targets: []
`;
    // A repeated key is a YAML error (uniqueKeys): the second `seed` is on line 7, column 3.
    const problems = problemsOf(text);
    expect(problems).toEqual([expect.objectContaining({ file: FILE, line: 7, col: 3, code: "HY-YAML" })]);
  });

  it("an unclosed flow sequence is HY-YAML with a line", () => {
    const text = `schemaVersion: 1
plan:
  year: [2019
`;
    const problems = problemsOf(text);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.code).toBe("HY-YAML");
      expect(p.file).toBe(FILE);
      expect(p.line).toBeGreaterThanOrEqual(3);
      expect(p.col).toBeGreaterThanOrEqual(1);
    }
  });

  it("two problems in one file are reported together", () => {
    const text = `schemaVersion: 1
plan:
  title: { zh: 计划, en: Plan }
  year: "2019"
  issuer: 局
  seed: plan.txt
areas:
  - id: 市城区
    kind: urban
targets:
  - id: air.urban.pm25
    title: { zh: 细颗粒物, en: PM2.5 }
    source: { clause: 二(一), text: 下降 }
    metric: { name: air.annual_mean, pollutant: PM2.5 }
    scope: { area: 市城区 }
    op: "=<"
    value: 43
    unit: ug/m3
`;
    expect(byPosition(problemsOf(text))).toEqual([
      expect.objectContaining({ line: 4, col: 9, field: "plan.year", code: "HY-TARGETS" }),
      expect.objectContaining({ line: 16, col: 9, field: "targets[0].op", code: "HY-TARGETS" }),
    ]);
  });

  it("problems in two different targets are reported together", () => {
    const text = `${VALID}  - id: Air.Bad
    title: { zh: 细颗粒物, en: PM2.5 }
    source: { clause: 二(一), text: 下降 }
    metric: { name: air.annual_mean, pollutant: PM2.5 }
    scope: { area: 市城区 }
    op: "<="
    value: 40
`;
    // targets[1].id breaks the id pattern (line 20, column 9); targets[1].unit is missing, which
    // points at the targets[1] mapping (line 20, column 5).
    expect(byPosition(problemsOf(text))).toEqual([
      expect.objectContaining({ line: 20, col: 5, field: "targets[1].unit" }),
      expect.objectContaining({ line: 20, col: 9, field: "targets[1].id" }),
    ]);
  });

  it("formats each problem into the InputError message as file:line:col", () => {
    const text = VALID.replace('op: "<="', 'op: "=<"');
    try {
      parseTargetFile(text, FILE);
      expect.unreachable("expected an InputError");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).message).toMatch(/^t\.yaml:17:9 {2}targets\[0\]\.op {2}.+ \[HY-TARGETS\]$/);
    }
  });
});

describe("loadTargetFile", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hy-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reads a file and returns its folder", async () => {
    const file = path.join(dir, "ok.yaml");
    fs.writeFileSync(file, VALID);
    fs.writeFileSync(path.join(dir, "plan.txt"), "PM2.5年平均浓度下降。\n");
    const loaded = await loadTargetFile(file);
    expect(loaded.dir).toBe(path.resolve(dir));
    expect(loaded.targets.targets[0]?.id).toBe("air.urban.pm25");
  });

  it("loads the shipped file, whose quotes are all in its seed (but those from another document)", async () => {
    const loaded = await loadTargetFile(SHIPPED);
    // The same file as parsing its text gives (whose target ids are spelled out above).
    expect(loaded.targets).toEqual(parseTargetFile(fs.readFileSync(SHIPPED, "utf8"), SHIPPED));
    expect(loaded.targets.targets.length).toBeGreaterThan(0);
    const seed = fs
      .readFileSync(path.resolve(path.dirname(SHIPPED), loaded.targets.plan.seed ?? ""), "utf8")
      .replace(/\s+/g, "");
    for (const t of loaded.targets.targets) {
      if (t.source.document === undefined) expect(seed, t.id).toContain(t.source.text.replace(/\s+/g, ""));
      else expect(seed, t.id).not.toContain(t.source.text.replace(/\s+/g, ""));
    }
  });

  it("does not look up the quote of a target whose source names a document", async () => {
    const sub = fs.mkdtempSync(path.join(dir, "d-"));
    const file = path.join(sub, "d.yaml");
    fs.writeFileSync(
      file,
      VALID.replace(
        "source: { clause: 二(一), text: 下降 }",
        "source: { clause: 表1, document: GB 3095-2012, text: 不在计划里 }",
      ),
    );
    fs.writeFileSync(path.join(sub, "plan.txt"), "something else entirely\n");
    const loaded = await loadTargetFile(file);
    expect(loaded.targets.targets[0]?.source).toEqual({
      clause: "表1",
      document: "GB 3095-2012",
      text: "不在计划里",
    });
  });

  it("a quote missing from the plan text points at source.text", async () => {
    const sub = fs.mkdtempSync(path.join(dir, "q-"));
    const file = path.join(sub, "q.yaml");
    fs.writeFileSync(file, VALID);
    fs.writeFileSync(path.join(sub, "plan.txt"), "something else entirely\n");
    // `    source: { clause: 二(一), text: 下降 }`: 下降 starts at column 35 of line 14.
    await expect(loadTargetFile(file)).rejects.toMatchObject({
      problems: [expect.objectContaining({ line: 14, col: 35, field: "targets[0].source.text" })],
    });
  });

  it("a missing file is HY-READ", async () => {
    const file = path.join(dir, "nope.yaml");
    await expect(loadTargetFile(file)).rejects.toMatchObject({
      problems: [expect.objectContaining({ file, code: "HY-READ" })],
    });
  });
});

describe("targetFileJsonSchema", () => {
  it("is a JSON Schema document listing targets among its properties", () => {
    const schema = targetFileJsonSchema();
    expect(schema).toHaveProperty("$schema");
    expect(schema).toHaveProperty(["properties", "targets"]);
    expect(schema).toHaveProperty(["properties", "plan"]);
    expect(schema).toHaveProperty("required", expect.arrayContaining(["schemaVersion", "plan", "targets"]));
  });

  it("serialises to JSON and back unchanged", () => {
    const schema = targetFileJsonSchema();
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});

describe("compiled target files (dist/compiled-targets, written by the build)", () => {
  // npm test builds first, so the shipped files have their compiled form beside dist/.
  it.each(["hengyang-2019.yaml", "gb3095-2012-class2.yaml", "gb3095-2026-class2.yaml"])(
    "%s: the compiled form equals parsing and validating the YAML",
    async (name) => {
      const file = path.join("targets", name);
      const fromCompiled = await loadTargetFile(file);
      const fromYaml = await loadTargetFile(file, { useCompiled: false });
      expect(fromCompiled.targets).toEqual(fromYaml.targets);
    },
  );

  it("is not used for a changed copy: its own YAML is read (an added target shows)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hy-compiled-"));
    try {
      const text = fs.readFileSync("targets/gb3095-2012-class2.yaml", "utf8");
      // Same name as the shipped file, other bytes: the hash differs, so the compiled form is not served.
      const copy = path.join(dir, "gb3095-2012-class2.yaml");
      fs.writeFileSync(copy, text.replace("value: 35\n", "value: 30\n"));
      const loaded = await loadTargetFile(copy);
      expect(loaded.targets.targets.find((t) => t.id === "city.pm25_annual")?.value).toBe(30);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
