// Surface-water classification of GB 3838-2002 (Tables 1 and 2) and the single-factor assessment of
// 地表水环境质量评价办法（试行）环办[2011]22号 (facts from ../shared/reference/gb3838-2002.json).

/** GB 3838-2002 section 3 classes, best first; "劣V" is any value failing the Class V limit. */
export const WATER_CLASSES = ["I", "II", "III", "IV", "V", "劣V"] as const;
export type WaterClass = (typeof WATER_CLASSES)[number];

/** Table 1 item 8 has separate total-phosphorus limits for lakes and reservoirs (湖、库). */
export const WATERBODIES = ["river", "lake"] as const;
export type Waterbody = (typeof WATERBODIES)[number];

/** GB 3838-2002 Table 1 basic items in the table's order (1 water temperature .. 24 fecal coliforms). */
export const WATER_PARAMETERS = [
  "waterTemp",
  "pH",
  "DO",
  "CODMn",
  "COD",
  "BOD5",
  "NH3N",
  "TP",
  "TN",
  "Cu",
  "Zn",
  "F",
  "Se",
  "As",
  "Hg",
  "Cd",
  "Cr6",
  "Pb",
  "CN",
  "phenol",
  "petroleum",
  "LAS",
  "sulfide",
  "fecalColiform",
] as const;
export type WaterParameter = (typeof WATER_PARAMETERS)[number];

/** GB 3838-2002 Table 2 supplementary items for centralized drinking-water sources. */
export const SUPPLEMENTARY_PARAMETERS = ["sulfate", "chloride", "nitrate", "Fe", "Mn"] as const;
export type SupplementaryParameter = (typeof SUPPLEMENTARY_PARAMETERS)[number];

/** Any item hy-check reads from a surface-water export. */
export type WaterItem = WaterParameter | SupplementaryParameter;

/** Class I..V limits of one item. */
export type ClassLimits = readonly [number, number, number, number, number];

export interface Table1Item {
  /** Item number in Table 1. */
  no: number;
  /** The item as printed in Table 1. */
  name: string;
  nameEn: string;
  /** Other names seen in monitoring exports (resolved by `waterParameter`). */
  aliases: readonly string[];
  unit: "°C" | "dimensionless" | "mg/L" | "个/L";
  /** "none": water temperature has no class limits; "range": pH; ">=": DO; "<=": the rest. */
  direction: "none" | "range" | ">=" | "<=";
  limits?: ClassLimits;
  /** Lakes and reservoirs, where Table 1 gives them (total phosphorus only). */
  lakeLimits?: ClassLimits;
  range?: readonly [number, number];
}

export const WATER_TABLE1: Record<WaterParameter, Table1Item> = {
  // Item 1 limits man-made change (weekly mean rise <= 1 degC, drop <= 2 degC), not a class.
  waterTemp: {
    no: 1,
    name: "水温",
    nameEn: "water temperature",
    aliases: ["temperature", "water temp", "WT"],
    unit: "°C",
    direction: "none",
  },
  // Item 2: 6-9 for every class, so pH inside the range never worsens a class and outside it fails all.
  pH: {
    no: 2,
    name: "pH值",
    nameEn: "pH",
    aliases: ["pH value"],
    unit: "dimensionless",
    direction: "range",
    range: [6, 9],
  },
  // Item 3: Class I is "饱和率90%（或7.5）" (90% saturation or 7.5 mg/L); we read 7.5 mg/L, as peers do,
  // because exports carry mg/L and the saturation needs the temperature and pressure of the sample.
  DO: {
    no: 3,
    name: "溶解氧",
    nameEn: "dissolved oxygen",
    aliases: ["DO"],
    unit: "mg/L",
    direction: ">=",
    limits: [7.5, 6, 5, 3, 2],
  },
  CODMn: {
    no: 4,
    name: "高锰酸盐指数",
    nameEn: "permanganate index",
    aliases: ["CODMn", "COD_Mn", "IMn", "permanganate index (CODMn)"],
    unit: "mg/L",
    direction: "<=",
    limits: [2, 4, 6, 10, 15],
  },
  COD: {
    no: 5,
    name: "化学需氧量(COD)",
    nameEn: "chemical oxygen demand",
    aliases: ["化学需氧量", "COD", "CODCr", "COD_Cr"],
    unit: "mg/L",
    direction: "<=",
    limits: [15, 15, 20, 30, 40],
  },
  BOD5: {
    no: 6,
    name: "五日生化需氧量(BOD5)",
    nameEn: "five-day biochemical oxygen demand",
    aliases: ["五日生化需氧量", "生化需氧量", "BOD5", "BOD", "biochemical oxygen demand"],
    unit: "mg/L",
    direction: "<=",
    limits: [3, 3, 4, 6, 10],
  },
  NH3N: {
    no: 7,
    name: "氨氮(NH3-N)",
    nameEn: "ammonia nitrogen",
    aliases: ["氨氮", "NH3-N", "NH4+-N", "NH4-N", "ammonia"],
    unit: "mg/L",
    direction: "<=",
    limits: [0.15, 0.5, 1.0, 1.5, 2.0],
  },
  // Item 8: rivers use the first row; lakes and reservoirs (湖、库) the second.
  TP: {
    no: 8,
    name: "总磷(以P计)",
    nameEn: "total phosphorus",
    aliases: ["总磷", "TP", "total phosphorus (as P)"],
    unit: "mg/L",
    direction: "<=",
    limits: [0.02, 0.1, 0.2, 0.3, 0.4],
    lakeLimits: [0.01, 0.025, 0.05, 0.1, 0.2],
  },
  // Item 9 is printed "(湖、库,以N计)": the limits are given for lakes and reservoirs; we classify a river value
  // by the same row when asked for it singly, and leave river TN out of section classes (sectionClass).
  TN: {
    no: 9,
    name: "总氮(湖、库,以N计)",
    nameEn: "total nitrogen",
    aliases: ["总氮", "TN", "total nitrogen (as N)"],
    unit: "mg/L",
    direction: "<=",
    limits: [0.2, 0.5, 1.0, 1.5, 2.0],
  },
  Cu: {
    no: 10,
    name: "铜",
    nameEn: "copper",
    aliases: ["Cu"],
    unit: "mg/L",
    direction: "<=",
    limits: [0.01, 1.0, 1.0, 1.0, 1.0],
  },
  Zn: {
    no: 11,
    name: "锌",
    nameEn: "zinc",
    aliases: ["Zn"],
    unit: "mg/L",
    direction: "<=",
    limits: [0.05, 1.0, 1.0, 2.0, 2.0],
  },
  F: {
    no: 12,
    name: "氟化物(以F-计)",
    nameEn: "fluoride",
    aliases: ["氟化物", "F", "F-"],
    unit: "mg/L",
    direction: "<=",
    limits: [1.0, 1.0, 1.0, 1.5, 1.5],
  },
  Se: {
    no: 13,
    name: "硒",
    nameEn: "selenium",
    aliases: ["Se"],
    unit: "mg/L",
    direction: "<=",
    limits: [0.01, 0.01, 0.01, 0.02, 0.02],
  },
  As: {
    no: 14,
    name: "砷",
    nameEn: "arsenic",
    aliases: ["As"],
    unit: "mg/L",
    direction: "<=",
    limits: [0.05, 0.05, 0.05, 0.1, 0.1],
  },
  Hg: {
    no: 15,
    name: "汞",
    nameEn: "mercury",
    aliases: ["Hg"],
    unit: "mg/L",
    direction: "<=",
    limits: [0.00005, 0.00005, 0.0001, 0.001, 0.001],
  },
  Cd: {
    no: 16,
    name: "镉",
    nameEn: "cadmium",
    aliases: ["Cd"],
    unit: "mg/L",
    direction: "<=",
    limits: [0.001, 0.005, 0.005, 0.005, 0.01],
  },
  Cr6: {
    no: 17,
    name: "铬(六价)",
    nameEn: "hexavalent chromium",
    aliases: ["六价铬", "Cr6+", "Cr(VI)", "chromium (VI)"],
    unit: "mg/L",
    direction: "<=",
    limits: [0.01, 0.05, 0.05, 0.05, 0.1],
  },
  Pb: {
    no: 18,
    name: "铅",
    nameEn: "lead",
    aliases: ["Pb"],
    unit: "mg/L",
    direction: "<=",
    limits: [0.01, 0.01, 0.05, 0.05, 0.1],
  },
  CN: {
    no: 19,
    name: "氰化物",
    nameEn: "cyanide",
    aliases: ["CN", "CN-"],
    unit: "mg/L",
    direction: "<=",
    limits: [0.005, 0.05, 0.2, 0.2, 0.2],
  },
  phenol: {
    no: 20,
    name: "挥发酚",
    nameEn: "volatile phenols",
    aliases: ["volatile phenol", "phenols", "phenol"],
    unit: "mg/L",
    direction: "<=",
    limits: [0.002, 0.002, 0.005, 0.01, 0.1],
  },
  petroleum: {
    no: 21,
    name: "石油类",
    nameEn: "petroleum",
    aliases: ["oil", "petroleum hydrocarbons"],
    unit: "mg/L",
    direction: "<=",
    limits: [0.05, 0.05, 0.05, 0.5, 1.0],
  },
  LAS: {
    no: 22,
    name: "阴离子表面活性剂",
    nameEn: "anionic surfactants",
    aliases: ["LAS", "anionic surfactant"],
    unit: "mg/L",
    direction: "<=",
    limits: [0.2, 0.2, 0.2, 0.3, 0.3],
  },
  sulfide: {
    no: 23,
    name: "硫化物",
    nameEn: "sulfide",
    aliases: ["sulphide", "S2-"],
    unit: "mg/L",
    direction: "<=",
    limits: [0.05, 0.1, 0.2, 0.5, 1.0],
  },
  fecalColiform: {
    no: 24,
    name: "粪大肠菌群",
    nameEn: "fecal coliforms",
    aliases: ["fecal coliform", "faecal coliforms", "faecal coliform", "FC"],
    unit: "个/L",
    direction: "<=",
    limits: [200, 2000, 10000, 20000, 40000],
  },
};

export interface Table2Item {
  name: string;
  nameEn: string;
  aliases: readonly string[];
  unit: "mg/L";
  /** One limit for every drinking-water source (Table 2 has no classes). */
  limit: number;
}

export const WATER_TABLE2: Record<SupplementaryParameter, Table2Item> = {
  sulfate: {
    name: "硫酸盐(以SO4 2-计)",
    nameEn: "sulfate",
    aliases: ["硫酸盐", "sulphate", "SO4 2-"],
    unit: "mg/L",
    limit: 250,
  },
  chloride: {
    name: "氯化物(以Cl-计)",
    nameEn: "chloride",
    aliases: ["氯化物", "Cl-"],
    unit: "mg/L",
    limit: 250,
  },
  nitrate: {
    name: "硝酸盐(以N计)",
    nameEn: "nitrate",
    aliases: ["硝酸盐", "硝酸盐氮", "NO3-N", "nitrate nitrogen"],
    unit: "mg/L",
    limit: 10,
  },
  Fe: { name: "铁", nameEn: "iron", aliases: ["Fe"], unit: "mg/L", limit: 0.3 },
  Mn: { name: "锰", nameEn: "manganese", aliases: ["Mn"], unit: "mg/L", limit: 0.1 },
};

// 地表水环境质量监测数据统计技术规定（试行）2020: decimals a value is rounded to before it is classified.
// Medium confidence (one author's code, the document itself not seen); hy-check rounds at report time.
export const ASSESSMENT_DECIMALS: Record<WaterParameter, number> = {
  waterTemp: 1,
  pH: 0,
  DO: 1,
  CODMn: 1,
  COD: 1,
  BOD5: 1,
  NH3N: 2,
  TP: 3,
  TN: 2,
  Cu: 3,
  Zn: 3,
  F: 3,
  Se: 4,
  As: 4,
  Hg: 5,
  Cd: 5,
  Cr6: 3,
  Pb: 3,
  CN: 3,
  phenol: 4,
  petroleum: 2,
  LAS: 2,
  sulfide: 3,
  fecalColiform: 0,
};

// ---------------------------------------------------------------------------------------------------------
// Names

// Only the standard's own units are dropped: a header in ug/L or per 100 mL must not pass for mg/L or per L,
// so such a name stays unresolved and the caller reports it.
const STANDARD_UNITS = /mg\/l|个\/l|mpn\/l|°c|无量纲|dimensionless/g;
const AS_ELEMENT = /以[^计]*计/g; // "(以P计)": how the item is expressed, not part of its name
const IGNORED_CHARS = /[\s()[\]{}【】,，、;；:：\-_·.'"+−–—]/g;

function normalizeName(name: string): string {
  // NFKC folds full-width letters and brackets and subscripts (BOD₅, NH₃-N) to plain ASCII.
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(STANDARD_UNITS, "")
    .replace(AS_ELEMENT, "")
    .replace(IGNORED_CHARS, "");
}

function buildNameIndex(): Map<string, WaterItem> {
  const index = new Map<string, WaterItem>();
  const add = (key: WaterItem, names: readonly string[]) => {
    for (const name of names) {
      const norm = normalizeName(name);
      const existing = index.get(norm);
      if (existing !== undefined && existing !== key)
        throw new Error(`water name "${name}" is claimed by both ${existing} and ${key}`);
      index.set(norm, key);
    }
  };
  for (const key of WATER_PARAMETERS) {
    const item = WATER_TABLE1[key];
    add(key, [key, item.name, item.nameEn, ...item.aliases]);
  }
  for (const key of SUPPLEMENTARY_PARAMETERS) {
    const item = WATER_TABLE2[key];
    add(key, [key, item.name, item.nameEn, ...item.aliases]);
  }
  return index;
}
const NAME_INDEX = buildNameIndex();

/**
 * The key of a Table 1 or Table 2 item named in Chinese or English (溶解氧, DO, 总磷(以P计), NH3-N ...):
 * case- and width-insensitive, ignoring spaces, brackets, "以..计" and the standard's units; undefined if unknown.
 */
export function waterParameter(name: string): WaterItem | undefined {
  return NAME_INDEX.get(normalizeName(name));
}

export function isTable1Parameter(item: string): item is WaterParameter {
  return (WATER_PARAMETERS as readonly string[]).includes(item);
}

export function isSupplementaryParameter(item: string): item is SupplementaryParameter {
  return (SUPPLEMENTARY_PARAMETERS as readonly string[]).includes(item);
}

function resolveItem(parameter: string): WaterItem {
  const key = waterParameter(parameter);
  if (key === undefined) throw new RangeError(`unknown GB 3838-2002 parameter "${parameter}"`);
  return key;
}

/** A classified Table 1 item (everything but water temperature), or a RangeError. */
function classifiedParameter(parameter: string): WaterParameter {
  const key = resolveItem(parameter);
  if (!isTable1Parameter(key))
    throw new RangeError(`${parameter} is a Table 2 item: it has a limit, not classes`);
  if (WATER_TABLE1[key].direction === "none")
    throw new RangeError(`${parameter}: Table 1 limits man-made change of water temperature, not classes`);
  return key;
}

function checkValue(parameter: string, value: number): void {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`${parameter}: value must be a finite number >= 0, got ${value}`);
}

// ---------------------------------------------------------------------------------------------------------
// Classes

/** 1 for Class I .. 6 for 劣V: a larger rank is worse water. */
export function classRank(waterClass: WaterClass): number {
  return WATER_CLASSES.indexOf(waterClass) + 1;
}

/** The worst of the classes (single-factor method), or null when there are none. */
export function worstClass(classes: Iterable<WaterClass>): WaterClass | null {
  let worst: WaterClass | null = null;
  for (const c of classes) if (worst === null || classRank(c) > classRank(worst)) worst = c;
  return worst;
}

/** 评价办法: a section meets (符合) a target class when its class is that class or better. */
export function meetsClass(actual: WaterClass, target: WaterClass): boolean {
  return classRank(actual) <= classRank(target);
}

/** Reads "III", "Ⅲ", "III类", "Class III", "3", "劣Ⅴ", "劣V类" as a class; undefined otherwise. */
export function waterClass(text: string): WaterClass | undefined {
  // NFKC turns the Roman-numeral characters Ⅰ-Ⅴ into plain letters.
  const t = text
    .normalize("NFKC")
    .toUpperCase()
    .replace(/\s|类|CLASS/g, "");
  const byDigit = /^[1-5]$/.test(t) ? WATER_CLASSES[Number(t) - 1] : undefined;
  if (byDigit !== undefined) return byDigit;
  if (t === "劣V" || t === "劣5") return "劣V";
  return WATER_CLASSES.find((c) => c === t);
}

/** Class I..V limits of an upper- or lower-bound item for the waterbody (Table 1; lake TP row for lakes). */
export function classLimits(parameter: WaterParameter, waterbody: Waterbody): ClassLimits | null {
  const item = WATER_TABLE1[parameter];
  if (waterbody === "lake" && item.lakeLimits !== undefined) return item.lakeLimits;
  return item.limits ?? null;
}

/**
 * GB 3838-2002 Table 1 class of one value. The parameter is a key or a Chinese/English name.
 * A value equal to a limit belongs to that class (DO >= limit, the others <= limit), i.e. the best class whose
 * limit it meets; pH inside 6-9 is Class I (does not worsen a class), outside 劣V. The value is taken as given:
 * round it to the assessment decimals first when the result must match the official one.
 * Throws a RangeError for an unknown or unclassified item (water temperature, Table 2) or a non-finite or
 * negative value.
 */
export function gb3838Class(parameter: string, value: number, options: { waterbody: Waterbody }): WaterClass {
  const key = classifiedParameter(parameter);
  checkValue(parameter, value);
  const item = WATER_TABLE1[key];
  if (item.range !== undefined) return value >= item.range[0] && value <= item.range[1] ? "I" : "劣V";
  const limits = classLimits(key, options.waterbody) ?? [];
  const i = limits.findIndex((limit) => (item.direction === ">=" ? value >= limit : value <= limit));
  return i === -1 ? "劣V" : (WATER_CLASSES[i] ?? "劣V");
}

/**
 * Exceedance multiple (超标倍数) of a value over the target class limit: (C - limit) / limit, for upper-bound
 * items exceeding it; null when within the limit. For Table 2 items the single limit is used whatever the class.
 * DO and pH get null: the reference (评价办法 main pollutants) excludes them from the multiple and gives no
 * formula for a lower bound; water temperature and a 劣V target have no limit, so null as well.
 */
export function exceedanceMultiple(
  parameter: string,
  value: number,
  targetClass: WaterClass,
  waterbody: Waterbody,
): number | null {
  const key = resolveItem(parameter);
  checkValue(parameter, value);
  let limit: number | undefined;
  if (isSupplementaryParameter(key)) limit = WATER_TABLE2[key].limit;
  else if (WATER_TABLE1[key].direction === "<=")
    limit = classLimits(key, waterbody)?.[classRank(targetClass) - 1]; // 劣V: index 5, no limit
  if (limit === undefined || value <= limit) return null;
  return (value - limit) / limit;
}

// ---------------------------------------------------------------------------------------------------------
// Values below the detection limit

/**
 * The one place that says what a below-detection reading is worth. We follow the usual Chinese monitoring
 * practice (未检出按检出限一半参与统计计算): a reading below a known detection limit enters means as half that
 * limit; "ND" with no limit given enters as 0, which only lowers a mean and so can never worsen a class.
 * Half the limit is the common reading of that rule (the reference is silent on it); 0 for a bare ND is the
 * choice that cannot make water look worse than measured.
 */
export function belowDetectionValue(detectionLimit?: number): number {
  return detectionLimit === undefined ? 0 : detectionLimit / 2;
}

export type ParsedWaterValue =
  | { kind: "missing" }
  | {
      kind: "value";
      /** The number that enters assessment: the reading, or `belowDetectionValue(detectionLimit)`. */
      value: number;
      belowDetection: boolean;
      /** The detection limit printed with a below-detection reading ("<0.01", "0.01L"). */
      detectionLimit?: number;
    };

const MISSING_MARKERS = new Set([
  "",
  "-",
  "--",
  "—",
  "——",
  "/",
  "na",
  "n/a",
  "null",
  "缺测",
  "未测",
  "未监测",
]);
const ND_MARKERS = new Set(["nd", "n.d.", "未检出"]);
const NUMBER = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?`;
const PLAIN = new RegExp(`^${NUMBER}$`);
const LESS_THAN = new RegExp(`^<(${NUMBER})$`);
const L_SUFFIX = new RegExp(`^(${NUMBER})l$`); // Chinese convention: "0.01L" = below the limit 0.01

/**
 * One cell of a monitoring export: empty or "—" is missing; "ND"/"未检出" is below an unknown detection limit;
 * "<0.01" and "0.01L" are below the detection limit 0.01. Throws a RangeError for anything else that is not a
 * non-negative number.
 */
export function parseWaterValue(raw: string): ParsedWaterValue {
  const text = raw.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, "");
  if (MISSING_MARKERS.has(text)) return { kind: "missing" };
  if (ND_MARKERS.has(text)) return { kind: "value", value: belowDetectionValue(), belowDetection: true };
  const limitText = LESS_THAN.exec(text)?.[1] ?? L_SUFFIX.exec(text)?.[1];
  if (limitText !== undefined) {
    const detectionLimit = Number(limitText);
    return {
      kind: "value",
      value: belowDetectionValue(detectionLimit),
      belowDetection: true,
      detectionLimit,
    };
  }
  if (PLAIN.test(text)) return { kind: "value", value: Number(text), belowDetection: false };
  throw new RangeError(`not a water-quality value: "${raw}"`);
}

/** A value to classify: a number, or a mean that knows whether all its readings were below detection. */
export type AssessedValue = number | { value: number; belowDetection?: boolean };

/**
 * Class of an assessed value. A below-detection value of an upper-bound item is Class I whatever half its
 * detection limit would give (a pollutant not detected cannot fail a class). For DO a below-detection reading
 * means little or no oxygen, so it is classified by its value (0 or half the limit), which is 劣V.
 */
export function assessedClass(
  parameter: string,
  assessed: AssessedValue,
  options: { waterbody: Waterbody },
): WaterClass {
  const key = classifiedParameter(parameter);
  const { value, belowDetection } = typeof assessed === "number" ? { value: assessed } : assessed;
  if (belowDetection === true && WATER_TABLE1[key].direction === "<=") return "I";
  return gb3838Class(key, value, options);
}

// ---------------------------------------------------------------------------------------------------------
// Annual means

export interface WaterSample {
  parameter: WaterItem;
  /** The measured value; ignored when `belowDetection` is set (then `belowDetectionValue` decides). */
  value: number;
  belowDetection?: boolean;
  detectionLimit?: number;
}

export interface WaterMean {
  /** Arithmetic mean over the samples present, unrounded. */
  value: number;
  samples: number;
  belowDetectionSamples: number;
  /** Every sample was below detection: the mean is itself "not detected" (Class I for upper-bound items). */
  belowDetection: boolean;
}

/**
 * How pH is averaged: "arithmetic" as 评价办法 2011 says for every item (the default, as the plan cites it);
 * "hydrogen-ion" = -log10 of the mean H+ concentration, the 2020 statistics rule (环办监测函〔2020〕82号).
 */
export type PhMean = "arithmetic" | "hydrogen-ion";

function sampleValue(sample: WaterSample): number {
  if (sample.belowDetection === true) {
    if (sample.parameter === "pH")
      throw new RangeError("pH has no detection limit: a below-detection pH is an error");
    if (sample.detectionLimit !== undefined)
      checkValue(`${sample.parameter} detection limit`, sample.detectionLimit);
    return belowDetectionValue(sample.detectionLimit);
  }
  if (sample.parameter === "waterTemp") {
    if (!Number.isFinite(sample.value))
      throw new RangeError(`waterTemp: value must be finite, got ${sample.value}`);
  } else checkValue(sample.parameter, sample.value);
  return sample.value;
}

/**
 * Annual mean of each item over the samples that have it (评价办法 2011 年度评价: arithmetic mean of the year's
 * results; medium confidence in the reference). A month without a value is simply absent, not zero; several
 * samples in one month each count once, as the method averages measurements, not months. Nothing is rounded.
 */
export function annualMeans(
  samples: Iterable<WaterSample>,
  options: { pH?: PhMean } = {},
): Partial<Record<WaterItem, WaterMean>> {
  const groups = new Map<WaterItem, { values: number[]; below: number }>();
  for (const sample of samples) {
    const value = sampleValue(sample);
    const group = groups.get(sample.parameter) ?? { values: [], below: 0 };
    group.values.push(value);
    if (sample.belowDetection === true) group.below++;
    groups.set(sample.parameter, group);
  }
  const means: Partial<Record<WaterItem, WaterMean>> = {};
  for (const [parameter, { values, below }] of groups) {
    const hydrogen = parameter === "pH" && options.pH === "hydrogen-ion";
    const value = hydrogen ? -Math.log10(average(values.map((ph) => 10 ** -ph))) : average(values);
    means[parameter] = {
      value,
      samples: values.length,
      belowDetectionSamples: below,
      belowDetection: below === values.length,
    };
  }
  return means;
}

function average(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

// ---------------------------------------------------------------------------------------------------------
// Section class

// 评价办法 2011: 21 items = Table 1 minus water temperature, total nitrogen and fecal coliforms.
// As briefed (and as issue 4 words it), lakes keep TN in the class. The reference reads the method otherwise
// ("总氮（湖库）单独评价": lake TN assessed separately); `lakeTotalNitrogen: "separate"` gives that reading.
export const SECTION_EXCLUDED: Record<Waterbody, readonly WaterParameter[]> = {
  river: ["waterTemp", "TN", "fecalColiform"],
  lake: ["waterTemp", "fecalColiform"],
};

export interface SectionOptions {
  waterbody: Waterbody;
  /** Items left out on top of `SECTION_EXCLUDED[waterbody]`. */
  exclude?: readonly WaterParameter[];
  /** Class the exceedance multiples are measured against; III by default (评价办法 main pollutants). */
  target?: WaterClass;
  /** Lakes only: "include" (default, as briefed) or "separate" (TN out of the class, as the reference reads). */
  lakeTotalNitrogen?: "include" | "separate";
}

export interface DecidingParameter {
  parameter: WaterParameter;
  class: WaterClass;
  value: number;
  /** Exceedance multiple over the target class limit, when the value exceeds it. */
  exceedance?: number;
}

export interface SectionResult {
  /** Worst class over the assessed items; null when none was given. */
  class: WaterClass | null;
  /** The items at that class, largest exceedance first, then in Table 1 order. */
  deciding: DecidingParameter[];
  /** Class of every assessed item. */
  classes: Partial<Record<WaterParameter, WaterClass>>;
}

export type WaterMeans = Partial<Record<WaterItem, AssessedValue>>;

/** Items of Table 1 that enter the section class for these options. */
export function assessedParameters(options: SectionOptions): WaterParameter[] {
  const excluded = new Set<WaterParameter>([
    ...SECTION_EXCLUDED[options.waterbody],
    ...(options.exclude ?? []),
  ]);
  if (options.waterbody === "lake" && options.lakeTotalNitrogen === "separate") excluded.add("TN");
  return WATER_PARAMETERS.filter((p) => !excluded.has(p));
}

function plainValue(assessed: AssessedValue): { value: number; belowDetection: boolean } {
  return typeof assessed === "number"
    ? { value: assessed, belowDetection: false }
    : { value: assessed.value, belowDetection: assessed.belowDetection === true };
}

/** Single-factor class of a section (评价办法 2011): the worst class over the assessed items' (annual) means. */
export function sectionClass(means: WaterMeans, options: SectionOptions): SectionResult {
  const target = options.target ?? "III";
  const classes: Partial<Record<WaterParameter, WaterClass>> = {};
  for (const p of assessedParameters(options)) {
    const assessed = means[p];
    if (assessed !== undefined) classes[p] = assessedClass(p, assessed, options);
  }
  const worst = worstClass(Object.values(classes));
  const deciding: DecidingParameter[] = [];
  for (const p of WATER_PARAMETERS) {
    const assessed = means[p];
    if (classes[p] !== worst || worst === null || assessed === undefined) continue;
    const { value, belowDetection } = plainValue(assessed);
    const exceedance = belowDetection ? null : exceedanceMultiple(p, value, target, options.waterbody);
    deciding.push(
      exceedance === null
        ? { parameter: p, class: worst, value }
        : { parameter: p, class: worst, value, exceedance },
    );
  }
  deciding.sort((a, b) => (b.exceedance ?? -1) - (a.exceedance ?? -1));
  return { class: worst, deciding, classes };
}

// ---------------------------------------------------------------------------------------------------------
// Drinking-water sources

export interface FailingItem {
  parameter: WaterItem;
  value: number;
  /** The Class III limit (Table 1) or the single limit (Table 2); null for pH (a range). */
  limit: number | null;
  /** Table 1 items: the item's class. */
  class?: WaterClass;
  exceedance: number | null;
}

export interface DrinkingWaterResult {
  /** True when something was assessed and nothing failed. */
  compliant: boolean;
  /** Section class over the Table 1 items (as `sectionClass`). */
  class: WaterClass | null;
  failing: FailingItem[];
  /** The Table 1 and Table 2 items that were assessed. */
  assessed: WaterItem[];
}

// GB 3838-2002 section 3: Class II = first-level, Class III = second-level drinking-source protection zone.
const DRINKING_WATER_CLASS: WaterClass = "III";

/**
 * Compliance of a centralized surface drinking-water source: every assessed Table 1 item (the section-class
 * items) at Class III or better, and every Table 2 item monitored within its limit (reference confidence
 * low-medium: assembled from the standard's scope and reporting practice). A below-detection Table 2 item passes.
 */
export function drinkingWaterCompliant(
  means: WaterMeans,
  options: Omit<SectionOptions, "target">,
): DrinkingWaterResult {
  const section = sectionClass(means, { ...options, target: DRINKING_WATER_CLASS });
  const failing: FailingItem[] = [];
  const assessed: WaterItem[] = [];
  for (const p of WATER_PARAMETERS) {
    const c = section.classes[p];
    const m = means[p];
    if (c === undefined || m === undefined) continue;
    assessed.push(p);
    if (meetsClass(c, DRINKING_WATER_CLASS)) continue;
    const { value } = plainValue(m);
    const limit = classLimits(p, options.waterbody)?.[classRank(DRINKING_WATER_CLASS) - 1] ?? null;
    failing.push({
      parameter: p,
      value,
      limit,
      class: c,
      exceedance: exceedanceMultiple(p, value, DRINKING_WATER_CLASS, options.waterbody),
    });
  }
  for (const p of SUPPLEMENTARY_PARAMETERS) {
    const m = means[p];
    if (m === undefined) continue;
    assessed.push(p);
    const { value, belowDetection } = plainValue(m);
    checkValue(p, value);
    const limit = WATER_TABLE2[p].limit;
    if (belowDetection || value <= limit) continue;
    failing.push({
      parameter: p,
      value,
      limit,
      exceedance: exceedanceMultiple(p, value, DRINKING_WATER_CLASS, options.waterbody),
    });
  }
  return { compliant: assessed.length > 0 && failing.length === 0, class: section.class, failing, assessed };
}
