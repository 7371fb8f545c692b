// What a plan's words measure, as data: each row finds a subject in a commitment's words and says which
// metric checks it. A new subject is one row. Subjects no row knows become ledger indicators named with the
// plan's own words (src/draft/draft.ts).
import type { MetricParams } from "../metrics/index.js";
import type { Pollutant } from "../methods/air.js";

interface Words {
  /** Words of the subject (on the list item, e.g. "PM2.5" of "PM2.5、PM10年平均浓度"). */
  match: RegExp;
  /** Words the whole subject phrase must hold (e.g. 浓度 for an air pollutant)... */
  needs?: RegExp;
  /** ... or must not hold (浓度 makes 二氧化硫 an air concentration, not an emission total). */
  without?: RegExp;
  zh: string;
  en: string;
}

/** Air-quality subjects: checked on the monitoring data of an area. */
export type AirSubject = Words & {
  family: "air";
  key: string;
  /** One of the registry's air metrics (src/metrics). */
  metric: Extract<MetricParams, { name: `air.${string}` }>;
  /** The unit kind a figure for it must have (a good-day rate in %, a mean in ug/m3). */
  unit: "percent" | "concentration" | "days" | "index";
  better: "higher" | "lower";
};

/** Subjects the bureau reports a yearly figure for (emission totals, safe-use rates, incidents). */
export type LedgerSubject = Words & {
  family: "ledger";
  /** Indicator and target id, e.g. emission.cod; `{scope}` is replaced by the area key (urban, counties). */
  id: string;
  /** The unit the bureau reports it in, when a change in % gives none. */
  unit: string;
  quantity: "mass" | "ratio" | "count" | "concentration";
  better: "higher" | "lower";
};

export type WaterSubject = Words & { family: "drinking"; key: string };

/** Topics of qualitative commitments, for readable ids and titles of manual targets. */
export type TopicSubject = Words & { family: "topic"; key: string };

export type Subject = AirSubject | LedgerSubject | WaterSubject | TopicSubject;

const CONC = /浓度|均值/;
const air = (
  key: string,
  match: RegExp,
  metric: AirSubject["metric"],
  zh: string,
  en: string,
  extra: Partial<AirSubject> = {},
): AirSubject => ({
  family: "air",
  key,
  match,
  needs: CONC,
  metric,
  zh,
  en,
  unit: "concentration",
  better: "lower",
  ...extra,
});

const annualMean = (key: string, match: RegExp, pollutant: Pollutant, zh: string, en: string): AirSubject =>
  air(key, match, { name: "air.annual_mean", pollutant }, zh, en);

const emission = (id: string, match: RegExp, zh: string, en: string): LedgerSubject => ({
  family: "ledger",
  id,
  match,
  without: CONC,
  zh,
  en,
  unit: "吨",
  quantity: "mass",
  better: "lower",
});

export const SUBJECTS: readonly Subject[] = [
  air(
    "good_rate",
    /优良(?:天数)?(?:比例|比率|率)/,
    { name: "air.good_rate" },
    "环境空气质量优良率",
    "good-air-day rate",
    {
      needs: /./,
      unit: "percent",
      better: "higher",
    },
  ),
  air("good_days", /优良天数/, { name: "air.good_days" }, "优良天数", "good-air days", {
    needs: /./,
    unit: "days",
    better: "higher",
  }),
  air(
    "heavy_days",
    /重(?:度及以上)?污染天数/,
    { name: "air.day_count", aqiAbove: 200 },
    "重度及以上污染天数",
    "days of heavy pollution or worse",
    {
      needs: /./,
      unit: "days",
    },
  ),
  air(
    "composite_index",
    /综合指数/,
    { name: "air.composite_index" },
    "环境空气质量综合指数",
    "air quality composite index",
    {
      needs: /./,
      unit: "index",
    },
  ),
  annualMean("pm25", /PM2\.5|PM₂\.₅|细颗粒物/i, "PM2.5", "PM2.5年平均浓度", "PM2.5 annual mean"),
  annualMean("pm10", /PM10|可吸入颗粒物/i, "PM10", "PM10年平均浓度", "PM10 annual mean"),
  annualMean("so2", /二氧化硫|SO2/i, "SO2", "二氧化硫年平均浓度", "SO2 annual mean"),
  annualMean("no2", /二氧化氮|NO2/i, "NO2", "二氧化氮年平均浓度", "NO2 annual mean"),
  // GB 3095-2012 / HJ 663-2013 assess CO by the 95th percentile of daily means, O3 by the 90th of the daily max 8 h.
  air(
    "co_p95",
    /一氧化碳|CO(?!D)/,
    { name: "air.percentile", pollutant: "CO", p: 95 },
    "一氧化碳日均值第95百分位数",
    "CO 24-hour mean, 95th percentile",
  ),
  air(
    "o3_p90",
    /臭氧|O3/i,
    { name: "air.percentile", pollutant: "O3_8h", p: 90 },
    "臭氧日最大8小时平均第90百分位数",
    "O3 daily max 8-hour mean, 90th percentile",
  ),
  {
    family: "ledger",
    id: "air.{scope}.dustfall",
    match: /降尘/,
    zh: "降尘量",
    en: "dustfall",
    unit: "吨/月·平方公里",
    quantity: "count",
    better: "lower",
  },
  {
    family: "drinking",
    key: "drinking.compliance",
    match: /饮用水.{0,12}达标/,
    zh: "集中式饮用水水源地水质达标率",
    en: "Drinking-water sources meeting their standard",
  },
  emission("emission.cod", /化学需氧量|COD/i, "化学需氧量排放量", "COD emissions"),
  emission("emission.nh3n", /氨氮|NH3-N/i, "氨氮排放量", "ammonia nitrogen emissions"),
  emission("emission.so2", /二氧化硫|SO2/i, "二氧化硫排放量", "SO2 emissions"),
  emission("emission.nox", /氮氧化物|NOx/i, "氮氧化物排放量", "NOx emissions"),
  emission("emission.voc", /挥发性有机物|VOCs?/i, "挥发性有机物排放量", "VOC emissions"),
  emission("emission.heavy_metals", /重金属/, "重点重金属排放量", "heavy-metal emissions"),
  {
    family: "ledger",
    id: "soil.farmland_safe_use",
    match: /受污染耕地安全利用率/,
    zh: "受污染耕地安全利用率",
    en: "safe-use rate of contaminated farmland",
    unit: "%",
    quantity: "ratio",
    better: "higher",
  },
  {
    family: "ledger",
    id: "soil.plots_safe_use",
    match: /污染地块安全利用率/,
    zh: "污染地块安全利用率",
    en: "safe-use rate of contaminated plots",
    unit: "%",
    quantity: "ratio",
    better: "higher",
  },
  {
    family: "ledger",
    id: "safety.hazardous_waste_disposal",
    match: /危险废物.{0,8}处置率/,
    zh: "危险废物安全处置率",
    en: "hazardous waste safely disposed of",
    unit: "%",
    quantity: "ratio",
    better: "higher",
  },
  {
    family: "ledger",
    id: "safety.major_incidents",
    match: /(?:重特大|重大|较大)?(?:突发)?环境(?:污染)?事件/,
    zh: "重特大突发环境事件",
    en: "major environmental incidents",
    unit: "起",
    quantity: "count",
    better: "lower",
  },
  {
    family: "ledger",
    id: "safety.major_public_opinion",
    match: /舆情/,
    zh: "生态环境重大社会舆情",
    en: "major public-opinion incidents",
    unit: "起",
    quantity: "count",
    better: "lower",
  },
  { family: "topic", key: "soil.quality", match: /土壤环境质量/, zh: "土壤环境质量", en: "Soil quality" },
  { family: "topic", key: "air.quality", match: /空气质量/, zh: "环境空气质量", en: "Air quality" },
  { family: "topic", key: "water.quality", match: /水环境质量|水质/, zh: "水环境质量", en: "Water quality" },
  {
    family: "topic",
    key: "safety.radiation",
    match: /核与辐射|辐射/,
    zh: "核与辐射安全",
    en: "Nuclear and radiation safety",
  },
  {
    family: "topic",
    key: "monitoring.capability",
    match: /监测/,
    zh: "生态环境监测能力",
    en: "Monitoring capability",
  },
  {
    family: "topic",
    key: "task.action_plan",
    match: /行动计划|攻坚战/,
    zh: "行动计划任务",
    en: "Action-plan tasks",
  },
  {
    family: "topic",
    key: "environment.quality",
    match: /生态环境质量|环境质量/,
    zh: "生态环境质量",
    en: "Environmental quality",
  },
];

/** The first row whose words are in `item` and whose conditions hold on the whole phrase. */
export function findSubject(
  item: string,
  phrase: string,
  families: readonly Subject["family"][],
): Subject | undefined {
  return SUBJECTS.find(
    (s) =>
      families.includes(s.family) &&
      s.match.test(item) &&
      (s.needs === undefined || s.needs.test(phrase)) &&
      (s.without === undefined || !s.without.test(phrase)),
  );
}

/** Where an air target applies, from the plan's words for it. */
export interface ScopeWords {
  pattern: RegExp;
  key: "urban" | "city" | "counties";
  en: string;
}

export const SCOPES: readonly ScopeWords[] = [
  { pattern: /各县市区?|各县[(（]市|各区县|各县区|各县/, key: "counties", en: "Counties' mean" },
  { pattern: /市城区|中心城区|主城区|市区|城区/, key: "urban", en: "Urban" },
  { pattern: /全市|全县|全区|全州/, key: "city", en: "City" },
];

/** Water classes as plans write them (Ⅲ类, III类, 劣Ⅴ类) -> the class names of src/methods/water.ts. */
export const WATER_CLASS_WORDS = /(劣\s*)?(Ⅰ|Ⅱ|Ⅲ|Ⅳ|Ⅴ|IV|V|I{1,3})\s*类/;
export const ROMAN: Record<string, "I" | "II" | "III" | "IV" | "V"> = {
  Ⅰ: "I",
  Ⅱ: "II",
  Ⅲ: "III",
  Ⅳ: "IV",
  Ⅴ: "V",
  I: "I",
  II: "II",
  III: "III",
  IV: "IV",
  V: "V",
};
/** The words that make a class about water sections (断面, 水质, 水体), not about emission standards (国Ⅲ). */
export const WATER_WORDS = /断面|水质|水体|干流|流域|水域|湖库/;
/** A river named for a mainstream or basin (湘江干流): the section filter `river`. */
export const RIVER_WORDS = /([\u4e00-\u9fa5]{1,3}?(?:江|河|湖|溪))(?:干流|流域)/;
