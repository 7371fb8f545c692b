// Plan coverage: every numbered commitment of the plan's section 二 (工作目标) has a rule in
// targets/hengyang-2019.yaml that says the same thing, and every count and dated milestone of section 三 has
// its target. The lists below are written out by hand from seeds/hengyang-2019-work-plan.txt; the scans
// then make sure no number of the seed was left out, so a new number in the seed without a rule fails here.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { TargetFileSchema, type Target } from "../src/targets/schema.js";

const TARGETS_FILE = fileURLToPath(new URL("../targets/hengyang-2019.yaml", import.meta.url));
const SEED_FILE = fileURLToPath(new URL("../seeds/hengyang-2019-work-plan.txt", import.meta.url));

const raw: unknown = parse(readFileSync(TARGETS_FILE, "utf8"));
const plan = TargetFileSchema.parse(raw);
const seed = readFileSync(SEED_FILE, "utf8");

/** The text between two headings of the seed (from `start`, up to `end`). */
function between(start: string, end: string): { text: string; offset: number } {
  const offset = seed.indexOf(start);
  const stop = seed.indexOf(end, offset + start.length);
  if (offset < 0 || stop < 0) throw new Error(`no section ${start} .. ${end} in the seed`);
  return { text: seed.slice(offset, stop), offset };
}

const SECTION_2 = between("二、工作目标", "三、");
const SECTION_3 = between("三、主要工作", "友情链接");

function target(id: string): Target {
  const t = plan.targets.find((x) => x.id === id);
  if (!t) throw new Error(`no target ${id} in ${TARGETS_FILE}`);
  return t;
}

/** Clause of a position in the seed: 二(一) in section 二; 三(二)8 in section 三 (sub-section and item). */
function clauseAt(index: number): string | null {
  const last = (re: RegExp, text: string, upTo: number) => {
    let found: string | undefined;
    for (const m of text.matchAll(re)) if ((m.index ?? 0) <= upTo) found = m[1];
    return found;
  };
  for (const [name, section] of [
    ["二", SECTION_2],
    ["三", SECTION_3],
  ] as const) {
    const at = index - section.offset;
    if (at < 0 || at >= section.text.length) continue;
    const sub = last(/\(([一二三四五六七八九十])\)/g, section.text, at);
    if (sub === undefined) return null;
    if (name === "二") return `二(${sub})`;
    const item = last(/^\s*(\d+)、/gm, section.text, at);
    return item === undefined ? null : `三(${sub})${item}`;
  }
  return null;
}

/** Every clause the quote of a target occurs at. */
function clausesOf(quote: string): (string | null)[] {
  const clauses: (string | null)[] = [];
  for (let i = seed.indexOf(quote); i >= 0; i = seed.indexOf(quote, i + 1)) clauses.push(clauseAt(i));
  return clauses;
}

interface Rule {
  clause: string;
  /** The plan's words, exactly as the target quotes them. */
  quote: string;
  id: string;
  op: Target["op"];
  value: number;
  unit: string;
  /** What is measured (the metric, with the baseline year where the plan names one). */
  metric: Record<string, unknown>;
  tolerance?: number;
}

const CUTS = "化学需氧量、氨氮、二氧化硫和氮氧化物同比2018年分别下降2%、1.5%、2%和2%";
const URBAN_PM = "PM2.5、PM10年平均浓度保持在43ug/m3、68ug/m3以下";
const COUNTY_PM = "PM2.5、PM10年平均浓度下降至41ug/m3、64ug/m3以下";

// Section 二, the numbered commitments: "down 2 %" is a change <= -2 %.
const NUMBERED: Rule[] = [
  // 二(一) 生态环境质量目标
  {
    clause: "二(一)",
    quote: "市城区环境空气质量优良率保持在80%以上",
    id: "air.urban.good_rate",
    op: ">=",
    value: 80,
    unit: "%",
    metric: { name: "air.good_rate" },
  },
  {
    clause: "二(一)",
    quote: URBAN_PM,
    id: "air.urban.pm25",
    op: "<=",
    value: 43,
    unit: "ug/m3",
    metric: { name: "air.annual_mean", pollutant: "PM2.5" },
  },
  {
    clause: "二(一)",
    quote: URBAN_PM,
    id: "air.urban.pm10",
    op: "<=",
    value: 68,
    unit: "ug/m3",
    metric: { name: "air.annual_mean", pollutant: "PM10" },
  },
  {
    clause: "二(一)",
    quote: "各县市(含南岳区)环境空气质量优良率平均达到86.5%以上",
    id: "air.counties.good_rate",
    op: ">=",
    value: 86.5,
    unit: "%",
    metric: { name: "air.good_rate" },
  },
  {
    clause: "二(一)",
    quote: COUNTY_PM,
    id: "air.counties.pm25",
    op: "<=",
    value: 41,
    unit: "ug/m3",
    metric: { name: "air.annual_mean", pollutant: "PM2.5" },
  },
  {
    clause: "二(一)",
    quote: COUNTY_PM,
    id: "air.counties.pm10",
    op: "<=",
    value: 64,
    unit: "ug/m3",
    metric: { name: "air.annual_mean", pollutant: "PM10" },
  },
  {
    // Class III or better for every assessed section: 100 % of them.
    clause: "二(一)",
    quote: "全市地表水考核断面水质年平均值稳定在Ⅲ类及以上水质",
    id: "water.sections.class",
    op: ">=",
    value: 100,
    unit: "%",
    metric: { name: "water.sections_meeting", class: "III" },
  },
  {
    clause: "二(一)",
    quote: "湘江干流水质年平均值稳定在Ⅱ类以上",
    id: "water.xiangjiang.class",
    op: ">=",
    value: 100,
    unit: "%",
    metric: { name: "water.sections_meeting", class: "II", river: "湘江" },
  },
  {
    clause: "二(一)",
    quote: "县级以上集中式饮用水水源地水质达标率继续保持100%",
    id: "water.drinking.compliance",
    op: ">=",
    value: 100,
    unit: "%",
    metric: { name: "water.drinking_compliance" },
  },
  // 二(二) 生态环境治理目标
  {
    clause: "二(二)",
    quote: CUTS,
    id: "emission.cod",
    op: "<=",
    value: -2,
    unit: "%",
    metric: { name: "ledger.change", indicator: "emission.cod", baseline: { year: 2018 } },
  },
  {
    clause: "二(二)",
    quote: CUTS,
    id: "emission.nh3n",
    op: "<=",
    value: -1.5,
    unit: "%",
    metric: { name: "ledger.change", indicator: "emission.nh3n", baseline: { year: 2018 } },
  },
  {
    clause: "二(二)",
    quote: CUTS,
    id: "emission.so2",
    op: "<=",
    value: -2,
    unit: "%",
    metric: { name: "ledger.change", indicator: "emission.so2", baseline: { year: 2018 } },
  },
  {
    clause: "二(二)",
    quote: CUTS,
    id: "emission.nox",
    op: "<=",
    value: -2,
    unit: "%",
    metric: { name: "ledger.change", indicator: "emission.nox", baseline: { year: 2018 } },
  },
  {
    clause: "二(二)",
    quote: "全市重点行业的重点重金属排放量比2013年下降12%",
    id: "emission.heavy_metals",
    op: "<=",
    value: -12,
    unit: "%",
    metric: { name: "ledger.change", indicator: "emission.heavy_metals", baseline: { year: 2013 } },
  },
  {
    // 左右 (about) 90 %: 90 passes, up to 2 points short is warn.
    clause: "二(二)",
    quote: "受污染耕地安全利用率达到90%左右",
    id: "soil.farmland_safe_use",
    op: ">=",
    value: 90,
    unit: "%",
    metric: { name: "ledger.value", indicator: "soil.farmland_safe_use" },
    tolerance: 2,
  },
  {
    clause: "二(二)",
    quote: "污染地块安全利用率达到91%以上",
    id: "soil.plots_safe_use",
    op: ">=",
    value: 91,
    unit: "%",
    metric: { name: "ledger.value", indicator: "soil.plots_safe_use" },
  },
];

// Section 二's commitments without a number: a ledger rule where a figure can check them, else manual.
const QUALITATIVE: { clause: string; quote: string; id: string; rule: Partial<Target> }[] = [
  {
    clause: "二(一)",
    quote: "土壤环境质量保持稳定",
    id: "soil.quality_stable",
    rule: { metric: { name: "manual" } },
  },
  {
    clause: "二(二)",
    quote: "基本完成污染防治攻坚战三年行动计划明确的各项任务",
    id: "task.three_year_plan",
    rule: { metric: { name: "manual" } },
  },
  {
    clause: "二(三)",
    quote: "严防重特大环境事件发生",
    id: "safety.major_incidents",
    rule: {
      op: "==",
      value: 0,
      unit: "起",
      metric: { name: "ledger.value", indicator: "safety.major_incidents" },
    },
  },
  {
    clause: "二(三)",
    quote: "确保核与辐射环境安全",
    id: "safety.radiation",
    rule: { metric: { name: "manual" } },
  },
  {
    clause: "二(三)",
    quote: "各类危险废物得到安全处理处置",
    id: "safety.hazardous_waste_disposal",
    rule: {
      op: ">=",
      value: 100,
      unit: "%",
      metric: { name: "ledger.value", indicator: "safety.hazardous_waste_disposal" },
    },
  },
  {
    clause: "二(三)",
    quote: "不发生生态环境问题引发的重大社会舆情",
    id: "safety.major_public_opinion",
    rule: {
      op: "==",
      value: 0,
      unit: "起",
      metric: { name: "ledger.value", indicator: "safety.major_public_opinion" },
    },
  },
  {
    clause: "二(四)",
    quote: "完成全市生态环境机构改革、监测监察执法垂直管理制度改革以及生态环保综合执法改革",
    id: "milestone.institutional_reform",
    rule: {
      op: "<=",
      value: 0,
      unit: "d",
      metric: { name: "milestone", indicator: "milestone.institutional_reform", due: "2019-12-31" },
    },
  },
  {
    clause: "二(四)",
    quote: "生态环境监测体系基本健全,监测能力明显提升",
    id: "monitoring.capability",
    rule: { metric: { name: "manual" } },
  },
  {
    // The section's goals are the year's: phase results are due by its end.
    clause: "二(四)",
    quote: "大数据建设取得阶段性成果",
    id: "milestone.big_data_phase",
    rule: {
      op: "<=",
      value: 0,
      unit: "d",
      metric: { name: "milestone", indicator: "milestone.big_data_phase", due: "2019-12-31" },
    },
  },
];

// Section 三: the counted tasks (N个) and the milestones. Only I/M carries a date in the text (年底前, by year
// end); the others are this year's work, due at the plan year's end too.
const COUNTED: { clause: string; quote: string; id: string; count: number; unit: string }[] = [
  {
    clause: "三(二)7",
    quote: "全面推进16个重点行业和其他行业工业污染源全面达标",
    id: "task.industries_compliant",
    count: 16,
    unit: "个",
  },
  {
    clause: "三(二)8",
    quote: "完成26个重点乡镇饮用水水源地规范化建设",
    id: "task.township_sources",
    count: 26,
    unit: "个",
  },
  {
    clause: "三(二)10",
    quote: "完成80个行政村的环境综合整治任务",
    id: "task.villages",
    count: 80,
    unit: "个",
  },
  {
    clause: "三(四)20",
    quote: "加强对全市27个机动车检测机构的监管力度",
    id: "task.vehicle_agencies",
    count: 27,
    unit: "家",
  },
];

const MILESTONES: { clause: string; quote: string; id: string; due: string }[] = [
  { clause: "三(三)16", quote: "年底前实施机动车I/M制度", id: "milestone.im_system", due: "2019-12-31" },
  {
    clause: "三(二)8",
    quote: "重点完成市城区黑臭水体长制久清销号",
    id: "milestone.black_odorous_water",
    due: "2019-12-31",
  },
  {
    clause: "三(二)9",
    quote: "完成2017年土壤污染防治项目并通过验收",
    id: "milestone.soil_projects_2017",
    due: "2019-12-31",
  },
  {
    clause: "三(三)14",
    quote: "完成“三线一单”编制工作并抓好落实",
    id: "milestone.three_lines_one_list",
    due: "2019-12-31",
  },
  {
    clause: "三(六)30",
    quote: "按要求完成长江流域新增断面水质自动站建设工作",
    id: "milestone.water_auto_stations",
    due: "2019-12-31",
  },
  {
    clause: "三(六)31",
    quote: "按时保质保量完成第二次污染源普查",
    id: "milestone.pollution_census",
    due: "2019-12-31",
  },
  // Issue 17: the commitments to complete (完成, 淘汰, 出台, 制定) something this year, due at its end.
  {
    clause: "三(二)7",
    quote: "完成重点行业特别排放限值改造、燃煤小火电机组超低排放改造",
    id: "milestone.emission_retrofits",
    due: "2019-12-31",
  },
  {
    clause: "三(二)7",
    quote: "全面淘汰国Ⅲ及以下排放标准的市政作业车辆",
    id: "milestone.municipal_vehicles_guo3",
    due: "2019-12-31",
  },
  {
    clause: "三(二)7",
    quote: "出台衡阳市重污染天气应急预案和应急减排项目清单",
    id: "milestone.heavy_pollution_plan",
    due: "2019-12-31",
  },
  {
    clause: "三(二)9",
    quote: "制定《衡阳市土壤污染综合防治先行区方案》并组织实施",
    id: "milestone.soil_pilot_zone_scheme",
    due: "2019-12-31",
  },
  {
    clause: "三(四)17",
    quote: "确保完成中央、省生态环境保护督察反馈问题及信访件整改任务",
    id: "milestone.inspection_rectification",
    due: "2019-12-31",
  },
];

// Section 三's commitments that promise no completion (推进, advance): listed for a person to check.
const MANUAL_3: { clause: string; quote: string; id: string }[] = [
  {
    clause: "三(六)30",
    quote: "按要求推进全市页岩砖瓦企业和2019年重点排污单位在线建设工作",
    id: "monitoring.key_polluters_online",
  },
];

describe("the seed sections", () => {
  it("section 二 runs from 二、工作目标 to 三、 and holds its four sub-clauses", () => {
    expect(SECTION_2.text.startsWith("二、工作目标")).toBe(true);
    for (const sub of [
      "(一)生态环境质量目标",
      "(二)生态环境治理目标",
      "(三)生态环境安全目标",
      "(四)生态环境监管能力建设目标",
    ])
      expect(SECTION_2.text).toContain(sub);
    expect(SECTION_3.text).toContain("32、加大生态环保资金投入");
  });

  it("the plan year is 2019", () => {
    expect(plan.plan.year).toBe(2019);
  });
});

describe("every numbered commitment of section 二 of the seed has a rule", () => {
  it.each(NUMBERED.map((r) => [r.clause, r.id, r] as const))("%s %s", (clause, id, rule) => {
    const t = target(id);
    expect(t.source.text).toBe(rule.quote);
    expect(t.source.clause).toBe(clause);
    expect(t.source.document).toBeUndefined();
    expect(SECTION_2.text).toContain(rule.quote);
    expect(clausesOf(rule.quote)).toContain(clause);
    expect([t.op, t.value, t.unit]).toEqual([rule.op, rule.value, rule.unit]);
    expect(t.metric).toMatchObject(rule.metric);
    expect(t.tolerance).toBe(rule.tolerance);
    expect(t.informational).toBe(false);
  });

  it.each(QUALITATIVE.map((r) => [r.clause, r.id, r] as const))("%s %s (no number)", (clause, id, q) => {
    const t = target(id);
    expect([t.source.clause, t.source.text]).toEqual([clause, q.quote]);
    expect(clausesOf(q.quote)).toContain(clause);
    expect(t).toMatchObject(q.rule);
  });

  it("the lists above are every target of section 二", () => {
    const listed = [...NUMBERED, ...QUALITATIVE].map((r) => r.id).sort();
    const ofSection2 = plan.targets
      .filter((t) => t.source.clause.startsWith("二"))
      .map((t) => t.id)
      .sort();
    expect(ofSection2).toEqual(listed);
  });

  it("every number followed by % or ug/m3 in section 二 is the value of a rule quoting it", () => {
    const found = [...SECTION_2.text.matchAll(/(?<![\d.])(\d+(?:\.\d+)?)(%|ug\/m3)/g)].map(
      (m) => [m[1] ?? "", m[2] ?? ""] as const,
    );
    // 80 %, 43 / 68 ug/m3, 86.5 %, 41 / 64 ug/m3, 100 %, 2 / 1.5 / 2 / 2 %, 12 %, 90 %, 91 %.
    expect(found.map(([n, u]) => `${n}${u}`)).toEqual([
      "80%",
      "43ug/m3",
      "68ug/m3",
      "86.5%",
      "41ug/m3",
      "64ug/m3",
      "100%",
      "2%",
      "1.5%",
      "2%",
      "2%",
      "12%",
      "90%",
      "91%",
    ]);
    for (const [number, unit] of found) {
      const rules = plan.targets.filter(
        (t) =>
          t.source.clause.startsWith("二") &&
          t.source.text.includes(`${number}${unit}`) &&
          typeof t.value === "number" &&
          Math.abs(t.value) === Number(number) &&
          t.unit === unit,
      );
      expect(
        rules.map((t) => t.id),
        `${number}${unit} has no rule`,
      ).not.toEqual([]);
    }
  });

  it("every baseline year in section 二 (同比2018年, 比2013年) is the baseline of a rule quoting it", () => {
    const years = [...SECTION_2.text.matchAll(/(?<!\d)(\d{4})年/g)].map((m) => Number(m[1]));
    expect(years).toEqual([2018, 2013]);
    for (const year of years) {
      const rules = plan.targets.filter(
        (t) =>
          t.metric.name === "ledger.change" &&
          "year" in t.metric.baseline &&
          t.metric.baseline.year === year &&
          t.source.text.includes(`${year}年`),
      );
      expect(
        rules.map((t) => t.id),
        `baseline ${year} has no rule`,
      ).not.toEqual([]);
    }
  });

  it("every water class in section 二 (Ⅲ类, Ⅱ类) is the class of a rule quoting it", () => {
    const roman: Record<string, string> = { Ⅰ: "I", Ⅱ: "II", Ⅲ: "III", Ⅳ: "IV", Ⅴ: "V" };
    const classes = [...SECTION_2.text.matchAll(/([ⅠⅡⅢⅣⅤ])类/g)].map((m) => m[1] ?? "");
    expect(classes).toEqual(["Ⅲ", "Ⅱ"]);
    for (const c of classes) {
      const rules = plan.targets.filter(
        (t) =>
          t.metric.name === "water.sections_meeting" &&
          t.metric.class === roman[c] &&
          t.source.text.includes(`${c}类`),
      );
      expect(
        rules.map((t) => t.id),
        `Class ${c} has no rule`,
      ).not.toEqual([]);
    }
  });
});

describe("section 三: counted tasks and dated milestones", () => {
  it.each(COUNTED.map((c) => [c.clause, c.count, c.id, c] as const))(
    "%s: %d -> %s",
    (clause, count, id, c) => {
      const t = target(id);
      expect([t.source.clause, t.source.text]).toEqual([clause, c.quote]);
      expect(c.quote).toContain(`${count}个`);
      expect(clausesOf(c.quote)).toContain(clause);
      expect([t.op, t.value, t.unit]).toEqual([">=", count, c.unit]);
      expect(t.metric).toEqual({ name: "ledger.value", indicator: id });
    },
  );

  it("every N个 of section 三 is a counted task", () => {
    const counts = [...SECTION_3.text.matchAll(/(?<!\d)(\d+)个/g)].map((m) => Number(m[1]));
    expect(counts).toEqual(COUNTED.map((c) => c.count));
  });

  it.each(MILESTONES.map((m) => [m.clause, m.id, m] as const))("%s: %s", (clause, id, m) => {
    const t = target(id);
    expect([t.source.clause, t.source.text]).toEqual([clause, m.quote]);
    expect(clausesOf(m.quote)).toContain(clause);
    expect([t.op, t.value, t.unit]).toEqual(["<=", 0, "d"]);
    expect(t.metric).toEqual({ name: "milestone", indicator: id, due: m.due });
  });

  it.each(MANUAL_3.map((m) => [m.clause, m.id, m] as const))("%s: %s (manual)", (clause, id, m) => {
    const t = target(id);
    expect([t.source.clause, t.source.text]).toEqual([clause, m.quote]);
    expect(clausesOf(m.quote)).toContain(clause);
    expect(t.metric).toEqual({ name: "manual" });
  });

  it("every target of section 三 is in the lists above, or an informational one", () => {
    const listed = [...COUNTED, ...MILESTONES, ...MANUAL_3].map((r) => r.id).sort();
    const ofSection3 = plan.targets
      .filter((t) => t.source.clause.startsWith("三") && !t.informational)
      .map((t) => t.id)
      .sort();
    expect(ofSection3).toEqual(listed);
  });

  it("every 完成/出台/淘汰/制定 commitment of section 三 named by issue 17 has a milestone", () => {
    // 督察反馈 (17), 国Ⅲ vehicles, retrofits and the emergency plan (7), the 先行区 scheme (9).
    for (const words of [
      "督察反馈问题及信访件整改",
      "淘汰国Ⅲ",
      "超低排放改造",
      "重污染天气应急预案",
      "先行区方案",
    ]) {
      const found = plan.targets.filter(
        (t) => t.source.text.includes(words) && t.metric.name === "milestone",
      );
      expect(
        found.map((t) => t.id),
        words,
      ).toHaveLength(1);
    }
  });

  it("every date phrase of section 三 (年底前, N月底) is a milestone quoting it", () => {
    const dated = [...SECTION_3.text.matchAll(/年底前|年内|\d+月(?:底|前)/g)].map((m) => m.index ?? 0);
    expect(dated).toHaveLength(1);
    for (const at of dated) {
      const phrase = MILESTONES.find((m) => {
        const i = SECTION_3.text.indexOf(m.quote);
        return i <= at && at < i + m.quote.length;
      });
      expect(phrase?.id).toBe("milestone.im_system");
    }
  });
});

describe("every target quoting the plan sits at the clause it names", () => {
  it.each(plan.targets.filter((t) => t.source.document === undefined).map((t) => [t.id, t] as const))(
    "%s",
    (_id, t) => {
      expect(clausesOf(t.source.text)).toContain(t.source.clause);
    },
  );
});
