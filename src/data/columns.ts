// Header recognition: Chinese and English spellings of the columns monitoring systems export,
// with the unit often written into the header (`PM2.5(μg/m³)`, `CO(mg/m³)`).
import { POLLUTANTS } from "../methods/air.js";

export const COLUMN_FIELDS = [
  "date",
  "datetime",
  "hour",
  "station",
  "stationCode",
  "area",
  // The city and county a row belongs to, beside or instead of an area column (national exports have both).
  "city",
  "county",
  "aqi",
  "type",
  // Hourly ozone (the 1-hour value) in hourly exports.
  "O3",
  ...POLLUTANTS,
] as const;
export type ColumnField = (typeof COLUMN_FIELDS)[number];

export type ConcentrationUnit = "ug/m3" | "mg/m3";

export interface RecognisedColumn {
  index: number;
  header: string;
  field: ColumnField;
  /** The unit written in the header; "other" when it names one hy-check cannot convert. */
  unit?: ConcentrationUnit | "other";
}

/** Lower-cased, full-width folded, without spaces, underscores, hyphens, dots or the unit part. */
export function normaliseHeader(header: string): string {
  return stripUnit(foldWidth(header))
    .toLowerCase()
    .replace(/[\s_\-.·()[\]]/g, "")
    .replace(/浓度$/, "");
}

function foldWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .replace(/^\ufeff/, "");
}

const UNIT_PATTERN = /[([（【]\s*([^)\]）】]*)\s*[)\]）】]\s*$/;

const LOOKS_LIKE_UNIT = /\/|³|m3|立方米|ppm|ppb|%/i;

/** The bracketed unit at the end of a header; `臭氧(8小时)` has none, its bracket is the averaging period. */
function unitBracket(header: string): RegExpExecArray | undefined {
  const m = UNIT_PATTERN.exec(header);
  return m && LOOKS_LIKE_UNIT.test(m[1] ?? "") ? m : undefined;
}

function stripUnit(header: string): string {
  const m = unitBracket(header);
  return (m ? header.slice(0, m.index) : header).trim();
}

/** The unit written in a header, if any; `undefined` when the header names none. */
export function headerUnit(header: string): ConcentrationUnit | "other" | undefined {
  const m = unitBracket(foldWidth(header));
  if (!m) return undefined;
  const u = (m[1] ?? "").toLowerCase().replace(/\s/g, "").replace(/[μµ]/g, "u").replace(/³/g, "3");
  if (u === "") return undefined;
  if (u === "ug/m3" || u === "微克/立方米" || u === "微克/m3") return "ug/m3";
  if (u === "mg/m3" || u === "毫克/立方米" || u === "毫克/m3") return "mg/m3";
  return "other";
}

// Normalised spellings (see normaliseHeader) of each field.
const ALIASES: Record<ColumnField, string[]> = {
  date: ["date", "日期", "day", "监测日期", "时间", "time"],
  datetime: ["datetime", "日期时间", "监测时间", "timestamp"],
  hour: ["hour", "小时", "时"],
  station: [
    "station",
    "stationname",
    "site",
    "sitename",
    "站点",
    "站点名称",
    "监测点位",
    "监测点",
    "点位",
    "点位名称",
    "监测点名称",
    "监测站点",
  ],
  stationCode: ["stationcode", "sitecode", "code", "站点编码", "点位编码", "监测点编码", "站点代码"],
  area: ["area", "region", "区域", "地区", "行政区"],
  city: ["city", "cityname", "城市", "城市名称", "地市", "所属城市", "所属地市"],
  county: ["county", "district", "区县", "县市区", "县市", "所属区县", "区县名称"],
  aqi: ["aqi", "空气质量指数"],
  type: ["type", "类型", "指标"],
  O3: ["o3", "臭氧"],
  "PM2.5": ["pm25", "细颗粒物"],
  PM10: ["pm10", "可吸入颗粒物"],
  SO2: ["so2", "二氧化硫"],
  NO2: ["no2", "二氧化氮"],
  CO: ["co", "一氧化碳"],
  O3_8h: [
    "o38h",
    "o38hmax",
    "o3max8h",
    "o38小时",
    "臭氧8小时",
    "臭氧最大8小时",
    "臭氧日最大8小时",
    "臭氧8小时滑动平均",
  ],
  O3_1h: ["o31h", "o31hmax", "o3max1h", "o31小时", "臭氧1小时", "臭氧最大1小时", "臭氧日最大1小时"],
};

const LOOKUP = new Map<string, ColumnField>();
for (const [field, names] of Object.entries(ALIASES) as [ColumnField, string[]][]) {
  for (const name of names) LOOKUP.set(normaliseHeader(name), field);
}

/** The field a header names, or undefined. `overrides` maps a field to the exact header a user chose. */
export function recogniseHeader(
  header: string,
  overrides: Partial<Record<ColumnField, string>> = {},
): ColumnField | undefined {
  for (const [field, name] of Object.entries(overrides) as [ColumnField, string][]) {
    if (name.trim() === header.trim()) return field;
  }
  return LOOKUP.get(normaliseHeader(header));
}

export function recogniseHeaders(
  headers: readonly string[],
  overrides: Partial<Record<ColumnField, string>> = {},
): {
  columns: RecognisedColumn[];
  unknown: string[];
  duplicates: { field: ColumnField; headers: string[] }[];
} {
  const columns: RecognisedColumn[] = [];
  const unknown: string[] = [];
  const seen = new Map<ColumnField, string[]>();
  headers.forEach((header, index) => {
    const field = recogniseHeader(header, overrides);
    if (!field) {
      if (header.trim() !== "") unknown.push(header);
      return;
    }
    const unit = headerUnit(header);
    columns.push({ index, header, field, ...(unit ? { unit } : {}) });
    seen.set(field, [...(seen.get(field) ?? []), header]);
  });
  const duplicates = [...seen]
    .filter(([, hs]) => hs.length > 1)
    .map(([field, hs]) => ({ field, headers: hs }));
  return { columns, unknown, duplicates };
}
