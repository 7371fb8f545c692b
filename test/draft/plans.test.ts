// `hy-check draft` on five plan texts written for these tests in the style of published city plans
// (test/draft/plans/, fictional cities). The expected targets below were worked out by hand from each text:
// the phrasing gives op and value (以上/不低于/达到/保持在 >=, 以下/不高于/控制在/降至/以内 <=, 左右 a tolerance
// of 2 points for % and 2 % of the figure otherwise, 下降X% a change <= -X), the subject gives the metric,
// the numbering gives the clause. Together they cover every phrasing and unit spelling issue 20 lists.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runDraft, readPlanText } from "../../src/draft/command.js";
import { draftTargets, type Draft } from "../../src/draft/draft.js";
import { draftYaml } from "../../src/draft/write.js";
import { loadTargetFile } from "../../src/targets/load.js";

const PLANS = fileURLToPath(new URL("./plans/", import.meta.url));
const TMP = mkdtempSync(join(tmpdir(), "hy-draft-"));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function draftOf(name: string): Draft {
  const plan = join(PLANS, name);
  return draftTargets(readFileSync(plan, "utf8"), { seed: relative(TMP, plan), file: plan });
}

interface Expected {
  id: string;
  clause: string;
  metric: Record<string, unknown>;
  op: string;
  value: number;
  unit: string;
  scope?: Record<string, unknown>;
  tolerance?: number;
  baseline?: { year: number };
}

/** The drafted targets that are not manual, as the fields a reviewer checks. */
function ruleTargets(d: Draft): Expected[] {
  return d.parsed.targets
    .filter((t) => t.metric.name !== "manual")
    .map((t) => ({
      id: t.id,
      clause: t.source.clause,
      metric: t.metric,
      op: t.op ?? "",
      value: typeof t.value === "number" ? t.value : NaN,
      unit: t.unit ?? "",
      ...(t.scope ? { scope: t.scope } : {}),
      ...(t.tolerance !== undefined ? { tolerance: t.tolerance } : {}),
      ...(t.baseline ? { baseline: { year: t.baseline.year } } : {}),
    }));
}

const manualIds = (d: Draft) => d.parsed.targets.filter((t) => t.metric.name === "manual").map((t) => t.id);
const skipped = (d: Draft) =>
  d.review.flatMap((r) => (r.kind === "skipped" ? [[r.reason.code, r.text] as const] : []));

const URBAN = { area: "市区" };
const COUNTIES = { areaKind: "county", combine: "mean" };
const change = (indicator: string, baseline: object) => ({ name: "ledger.change", indicator, baseline });
const ledger = (indicator: string) => ({ name: "ledger.value", indicator });

describe("白鹭市 2021: a review of 2020 (not targets), goals, lists, 劣Ⅴ类", () => {
  const d = draftOf("bailu-2021.txt");
  it("takes the plan year from the title", () => expect(d.file.plan.year).toBe(2021));
  it("drafts every numeric goal", () => {
    expect(ruleTargets(d)).toEqual([
      {
        id: "air.urban.good_rate",
        clause: "二(一)",
        metric: { name: "air.good_rate" },
        op: ">=",
        value: 88,
        unit: "%",
        scope: URBAN,
      },
      {
        id: "air.urban.good_days",
        clause: "二(一)",
        metric: { name: "air.good_days" },
        op: ">=",
        value: 321,
        unit: "d",
        scope: URBAN,
      },
      {
        id: "air.urban.pm25",
        clause: "二(一)",
        metric: { name: "air.annual_mean", pollutant: "PM2.5" },
        op: "<=",
        value: 34,
        unit: "ug/m3",
        scope: URBAN,
      },
      {
        id: "air.urban.pm10",
        clause: "二(一)",
        metric: { name: "air.annual_mean", pollutant: "PM10" },
        op: "<=",
        value: 58,
        unit: "ug/m3",
        scope: URBAN,
      },
      {
        id: "air.urban.heavy_days",
        clause: "二(一)",
        metric: { name: "air.day_count", aqiAbove: 200 },
        op: "<=",
        value: 3,
        unit: "d",
        scope: URBAN,
      },
      {
        id: "water.sections.class",
        clause: "二(二)",
        metric: { name: "water.sections_meeting", class: "III" },
        op: ">=",
        value: 85,
        unit: "%",
      },
      // 劣Ⅴ类 at most 5 %: sections meeting Ⅴ at least 95 %.
      {
        id: "water.sections.class_2",
        clause: "二(二)",
        metric: { name: "water.sections_meeting", class: "V" },
        op: ">=",
        value: 95,
        unit: "%",
      },
      {
        id: "water.drinking.compliance",
        clause: "二(二)",
        metric: { name: "water.drinking_compliance" },
        op: ">=",
        value: 100,
        unit: "%",
      },
      { id: "task.c3_1", clause: "三1", metric: ledger("task.c3_1"), op: ">=", value: 12, unit: "家" },
    ]);
    expect(manualIds(d)).toEqual(["soil.quality", "safety.radiation"]);
  });
  it("turns none of the 2020 results into a target, and says why", () => {
    expect(d.parsed.targets.some((t) => /320天|87\.7|2\.1个百分点|35微克|15个/.test(t.source.text))).toBe(
      false,
    );
    expect(skipped(d)).toEqual([
      ["pastSection", "市区优良天数320天"],
      ["pastSection", "优良率为87.7%"],
      ["pastSection", "同比上升2.1个百分点"],
      ["pastSection", "PM2.5年平均浓度为35微克/立方米"],
      ["pastSection", "完成15个行政村环境综合整治"],
      ["noUnit", "淘汰35蒸吨以下燃煤锅炉"],
    ]);
  });
});

describe("松溪县 2022: changes against named and previous years, direction only, 万吨, dustfall", () => {
  const d = draftOf("songxi-2022.txt");
  it("drafts changes as ledger changes with their baselines", () => {
    expect(ruleTargets(d)).toEqual([
      {
        id: "emission.cod",
        clause: "二(一)",
        metric: change("emission.cod", { year: 2020 }),
        op: "<=",
        value: -3,
        unit: "%",
      },
      {
        id: "emission.nh3n",
        clause: "二(一)",
        metric: change("emission.nh3n", { year: 2020 }),
        op: "<=",
        value: -2.5,
        unit: "%",
      },
      {
        id: "emission.nox",
        clause: "二(一)",
        metric: change("emission.nox", { previousYear: true }),
        op: "<=",
        value: -2,
        unit: "%",
      },
      // 下降18%以上: a cut of at least 18 %.
      {
        id: "air.city.pm25",
        clause: "二(二)",
        metric: change("air.city.pm25", { year: 2015 }),
        op: "<=",
        value: -18,
        unit: "%",
      },
      {
        id: "air.city.dustfall",
        clause: "二(二)",
        metric: ledger("air.city.dustfall"),
        op: "<=",
        value: 3.5,
        unit: "吨/月·平方公里",
      },
      {
        id: "air.city.composite_index",
        clause: "二(二)",
        metric: change("air.city.composite_index", { previousYear: true }),
        op: "<=",
        value: 0,
        unit: "%",
      },
      {
        id: "air.city.good_rate",
        clause: "二(二)",
        metric: change("air.city.good_rate", { previousYear: true }),
        op: ">=",
        value: 0,
        unit: "%",
      },
      {
        id: "emission.voc",
        clause: "二(二)",
        metric: change("emission.voc", { previousYear: true }),
        op: "<=",
        value: 0,
        unit: "%",
      },
      {
        id: "soil.farmland_safe_use",
        clause: "二(三)",
        metric: ledger("soil.farmland_safe_use"),
        op: ">=",
        value: 92,
        unit: "%",
        tolerance: 2,
      },
      {
        id: "ledger.c2_3",
        clause: "二(三)",
        metric: ledger("ledger.c2_3"),
        op: ">=",
        value: 1.2,
        unit: "万吨",
      },
      { id: "task.c3_1_1", clause: "三(一)1", metric: ledger("task.c3_1_1"), op: ">=", value: 3, unit: "座" },
      {
        id: "task.c3_1_1_2",
        clause: "三(一)1",
        metric: ledger("task.c3_1_1_2"),
        op: ">=",
        value: 15,
        unit: "家",
      },
    ]);
  });
  it("lists a cut in tonnes as not drafted (changes are checked in %)", () => {
    expect(skipped(d)).toEqual([["changeUnit", "化学需氧量排放量削减120吨"]]);
  });
});

describe("青石市 2020: every air pollutant, the unit spellings, 同比下降, 个百分点, counties", () => {
  const d = draftOf("qingshi-2020.txt");
  const CENTRE = { area: "中心城区" };
  it("drafts each pollutant with its statistic", () => {
    expect(ruleTargets(d)).toEqual([
      // 保持在: the draft shows the change against last year's (2019) figure.
      {
        id: "air.urban.so2",
        clause: "一(一)",
        metric: { name: "air.annual_mean", pollutant: "SO2" },
        op: "<=",
        value: 10,
        unit: "ug/m3",
        scope: CENTRE,
        baseline: { year: 2019 },
      },
      {
        id: "air.urban.no2",
        clause: "一(一)",
        metric: { name: "air.annual_mean", pollutant: "NO2" },
        op: "<=",
        value: 30,
        unit: "ug/m3",
        scope: CENTRE,
      },
      {
        id: "air.urban.o3_p90",
        clause: "一(一)",
        metric: { name: "air.percentile", pollutant: "O3_8h", p: 90 },
        op: "<=",
        value: 160,
        unit: "ug/m3",
        scope: CENTRE,
      },
      {
        id: "air.urban.co_p95",
        clause: "一(一)",
        metric: { name: "air.percentile", pollutant: "CO", p: 95 },
        op: "<=",
        value: 1.6,
        unit: "mg/m3",
        scope: CENTRE,
      },
      {
        id: "air.urban.pm10",
        clause: "一(一)",
        metric: change("air.urban.pm10", { previousYear: true }),
        op: "<=",
        value: -5,
        unit: "%",
      },
      {
        id: "air.urban.good_rate",
        clause: "一(一)",
        metric: change("air.urban.good_rate", { previousYear: true }),
        op: ">=",
        value: 2,
        unit: "%",
      },
      {
        id: "air.counties.good_rate",
        clause: "一(二)",
        metric: { name: "air.good_rate" },
        op: ">=",
        value: 90,
        unit: "%",
        scope: COUNTIES,
      },
      {
        id: "air.counties.pm25",
        clause: "一(二)",
        metric: { name: "air.annual_mean", pollutant: "PM2.5" },
        op: "<=",
        value: 35,
        unit: "ug/m3",
        scope: COUNTIES,
      },
      { id: "task.c2_1", clause: "二(一)", metric: ledger("task.c2_1"), op: ">=", value: 2, unit: "个" },
      {
        id: "ledger.c2_1",
        clause: "二(一)",
        metric: ledger("ledger.c2_1"),
        op: ">=",
        value: 1200,
        unit: "次",
      },
    ]);
  });
});

describe("云梦湖市 2023: no numbered goals; last year's results in the same text", () => {
  const d = draftOf("yunmeng-2023.txt");
  it("drafts the 2023 commitments only", () => {
    expect(ruleTargets(d)).toEqual([
      {
        id: "water.sections.class",
        clause: "-",
        metric: { name: "water.sections_meeting", class: "III" },
        op: ">=",
        value: 80,
        unit: "%",
      },
      {
        id: "water.river.class",
        clause: "-",
        metric: { name: "water.sections_meeting", class: "II", river: "长江" },
        op: ">=",
        value: 100,
        unit: "%",
      },
      {
        id: "air.city.good_rate",
        clause: "-",
        metric: { name: "air.good_rate" },
        op: ">=",
        value: 91,
        unit: "%",
        scope: { area: "全市" },
        tolerance: 2,
      },
      { id: "task.c0", clause: "-", metric: ledger("task.c0"), op: ">=", value: 20, unit: "个" },
      {
        id: "safety.major_incidents",
        clause: "-",
        metric: ledger("safety.major_incidents"),
        op: "==",
        value: 0,
        unit: "起",
      },
    ]);
    expect(manualIds(d)).toEqual(["soil.quality", "safety.radiation"]);
  });
  it("keeps the 2022 figures and 去年 as context", () => {
    expect(skipped(d)).toEqual([
      ["past", "全市优良天数比例为90.1%"],
      ["past", "PM2.5平均浓度为31微克/立方米"],
      ["past", "地表水国考断面水质达到或好于Ⅲ类比例为78%"],
      ["pastWords", "去年全市完成12个村庄环境整治"],
    ]);
  });
});

describe("临溪市 2024: numbering 1. and (1), 左右 on days and concentrations, 较YYYY年减少 lists", () => {
  const d = draftOf("linxi-2024.txt");
  it("drafts with the clause of each level", () => {
    expect(ruleTargets(d)).toEqual([
      // 左右 on 300 天 and 38 ug/m3: 2 % of the figure, 6 and 0.8.
      {
        id: "air.city.good_days",
        clause: "一1(1)",
        metric: { name: "air.good_days" },
        op: ">=",
        value: 300,
        unit: "d",
        tolerance: 6,
        scope: { area: "全市" },
      },
      {
        id: "air.city.pm25",
        clause: "一1(1)",
        metric: { name: "air.annual_mean", pollutant: "PM2.5" },
        op: "<=",
        value: 38,
        unit: "ug/m3",
        scope: { area: "全市" },
        tolerance: 0.8,
      },
      {
        id: "air.urban.dustfall",
        clause: "一1(2)",
        metric: ledger("air.urban.dustfall"),
        op: "<=",
        value: 4,
        unit: "吨/月·平方公里",
      },
      {
        id: "emission.so2",
        clause: "一2(1)",
        metric: change("emission.so2", { year: 2023 }),
        op: "<=",
        value: -1.5,
        unit: "%",
      },
      {
        id: "emission.nox",
        clause: "一2(1)",
        metric: change("emission.nox", { year: 2023 }),
        op: "<=",
        value: -2,
        unit: "%",
      },
      {
        id: "ledger.c1_2_2",
        clause: "一2(2)",
        metric: ledger("ledger.c1_2_2"),
        op: ">=",
        value: 80,
        unit: "万吨",
      },
      {
        id: "ledger.c1_2_2_2",
        clause: "一2(2)",
        metric: ledger("ledger.c1_2_2_2"),
        op: ">=",
        value: 5000,
        unit: "吨",
      },
      { id: "ledger.c2_1", clause: "二1", metric: ledger("ledger.c2_1"), op: ">=", value: 10, unit: "件" },
    ]);
    expect(skipped(d)).toEqual([["noPhrasing", "全年查处环境违法案件120件"]]);
  });
});

describe("every draft loads as a target file", () => {
  it.each(["bailu-2021.txt", "songxi-2022.txt", "qingshi-2020.txt", "yunmeng-2023.txt", "linxi-2024.txt"])(
    "%s: hy-check targets -t loads it, and the quote check passes",
    async (name) => {
      const file = join(TMP, name.replace(".txt", ".yaml"));
      writeFileSync(file, draftYaml(draftOf(name), "zh"));
      const loaded = await loadTargetFile(file, { useCompiled: false });
      expect(loaded.targets.targets.length).toBe(draftOf(name).file.targets.length);
    },
  );
});

describe("a GB18030 plan text", () => {
  const utf8 = readFileSync(join(PLANS, "songxi-2022.txt"), "utf8");
  it("is detected and decoded as data files are", async () => {
    const read = await readPlanText(join(PLANS, "songxi-2022.gb18030.txt"));
    expect(read.encoding).toBe("gb18030");
    expect(read.text).toBe(utf8);
  });
  it("drafts the same targets, the GB18030 file itself as plan.seed, and the quote check holds", async () => {
    const dir = mkdtempSync(join(TMP, "gb-"));
    const plan = join(dir, "plan.txt");
    copyFileSync(join(PLANS, "songxi-2022.gb18030.txt"), plan);
    const out = join(dir, "out.yaml");
    const err: string[] = [];
    await runDraft(plan, { output: out, lang: "en" }, { stdout: () => {}, stderr: (s) => err.push(s) });
    // No copy is written: the target file quotes the plan as it is.
    expect(existsSync(join(dir, "plan.utf8.txt"))).toBe(false);
    const loaded = await loadTargetFile(out, { useCompiled: false });
    expect(loaded.targets.plan.seed).toBe("plan.txt");
    expect(loaded.targets.targets.map((t) => t.id)).toEqual(
      draftOf("songxi-2022.txt").file.targets.map((t) => t.id),
    );
    // And it says no more than drafting the same plan in UTF-8 does (no note of a copy, or of the encoding).
    const utf8Dir = mkdtempSync(join(TMP, "utf8-"));
    copyFileSync(join(PLANS, "songxi-2022.txt"), join(utf8Dir, "plan.txt"));
    const utf8Err: string[] = [];
    await runDraft(
      join(utf8Dir, "plan.txt"),
      { output: join(utf8Dir, "out.yaml"), lang: "en" },
      { stdout: () => {}, stderr: (s) => utf8Err.push(s) },
    );
    expect(err.join("")).toBe(utf8Err.join("").replaceAll(utf8Dir, dir));
  });
});
