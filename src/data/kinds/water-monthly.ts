// Surface-water monitoring exports: one row per section per sampling (usually monthly), with the GB 3838
// Table 1 (and Table 2) parameters as columns, in Chinese or English.
import { inputError, keyedMessage, quoted, type InputProblem } from "../../errors.js";
import {
  parseWaterValue,
  waterParameter,
  type Waterbody,
  type WaterItem,
  type WaterSample,
} from "../../methods/water.js";
import { normaliseHeader } from "../columns.js";
import type { CsvSource } from "../csv.js";
import { noteDate, type InputReport } from "../input-report.js";
import { parseDateTime } from "../time.js";
import { parseDate } from "../values.js";
import { addSampling } from "../water-store.js";
import { dataRows } from "../rows.js";
import { defineKind } from "./kind.js";

type WaterField = "section" | "sectionCode" | "river" | "waterbody" | "sectionType" | "date";

const WATER_FIELDS: Record<WaterField, string[]> = {
  section: [
    "断面",
    "断面名称",
    "监测断面",
    "点位名称",
    "水源地",
    "水源地名称",
    "section",
    "sectionname",
    "site",
  ],
  sectionCode: ["断面编码", "断面代码", "sectioncode"],
  river: ["河流", "河流名称", "所在河流", "水体", "水体名称", "河流湖库", "river", "waterbodyname"],
  waterbody: ["水体类型", "河流类型", "waterbodytype", "waterbody"],
  sectionType: ["断面类型", "断面性质", "类型", "sectiontype", "type"],
  date: ["采样日期", "监测日期", "日期", "采样时间", "监测时间", "时间", "date", "sampledate", "datetime"],
};
const FIELD_LOOKUP = new Map<string, WaterField>();
for (const [field, names] of Object.entries(WATER_FIELDS) as [WaterField, string[]][])
  for (const name of names) FIELD_LOOKUP.set(normaliseHeader(name), field);

interface WaterColumns {
  fields: Partial<Record<WaterField, number>>;
  parameters: { index: number; header: string; item: WaterItem }[];
}

export function recogniseWaterHeaders(headers: readonly string[]): WaterColumns {
  const fields: Partial<Record<WaterField, number>> = {};
  const parameters: WaterColumns["parameters"] = [];
  headers.forEach((header, index) => {
    const field = FIELD_LOOKUP.get(normaliseHeader(header));
    if (field !== undefined && fields[field] === undefined) {
      fields[field] = index;
      return;
    }
    const item = waterParameter(header);
    if (item) parameters.push({ index, header, item });
  });
  return { fields, parameters };
}

const LAKE_WORDS = /湖|库|lake|reservoir/i;
const DRINKING_WORDS = /饮用|水源|drinking/i;

export const waterMonthly = defineKind({
  id: "water-monthly",
  family: "water",
  detect: (_columns, _sample, headers) => {
    const { fields, parameters } = recogniseWaterHeaders(headers);
    return fields.section !== undefined && parameters.length >= 2;
  },

  async read(source: CsvSource, _columns, ctx, report: InputReport) {
    const { file } = source;
    const { fields, parameters } = recogniseWaterHeaders(source.header.fields);
    if (fields.date === undefined)
      throw inputError({
        file,
        line: 1,
        col: 1,
        code: "HY-COLUMN",
        ...keyedMessage("input.missingSamplingDate"),
      });
    const sectionCol = fields.section ?? 0;
    const dateCol = fields.date;
    const cell = (row: readonly string[], index: number | undefined) =>
      index === undefined ? "" : (row[index] ?? "").trim();

    for await (const { fields: row, reject } of dataRows(source, report)) {
      const dateText = cell(row, dateCol);
      const date = parseDate(dateText) ?? parseDateTime(dateText)?.date ?? null;
      if (!date) {
        reject({
          col: dateCol + 1,
          code: "HY-DATE",
          ...keyedMessage("input.badSamplingDate", { cell: quoted(dateText) }),
        });
        continue;
      }
      const name = cell(row, sectionCol);
      if (!name) {
        reject({
          col: sectionCol + 1,
          code: "HY-STATION",
          ...keyedMessage("input.emptySection"),
        });
        continue;
      }
      const samples: WaterSample[] = [];
      let bad: Omit<InputProblem, "file" | "line"> | undefined;
      for (const p of parameters) {
        const raw = row[p.index] ?? "";
        let parsed;
        try {
          parsed = parseWaterValue(raw);
        } catch {
          bad = {
            col: p.index + 1,
            field: p.header,
            code: "HY-NUMBER",
            ...keyedMessage("input.badWaterValue", { cell: quoted(raw) }),
          };
          break;
        }
        if (parsed.kind === "missing") continue;
        samples.push({
          parameter: p.item,
          value: parsed.value,
          ...(parsed.belowDetection ? { belowDetection: true } : {}),
          ...(parsed.detectionLimit !== undefined ? { detectionLimit: parsed.detectionLimit } : {}),
        });
      }
      if (bad) {
        reject(bad);
        continue;
      }
      noteDate(report, date);
      const year = Number(date.slice(0, 4));
      if (year !== ctx.year && !ctx.baselineYears.has(year)) {
        report.outsidePeriodRows++;
        continue;
      }
      const known = ctx.sections.get(name) ?? ctx.sections.get(cell(row, fields.sectionCode));
      const waterbodyText = cell(row, fields.waterbody);
      const waterbody: Waterbody = known?.waterbody ?? (LAKE_WORDS.test(waterbodyText) ? "lake" : "river");
      const section = {
        name: known?.name ?? name,
        river: known?.river ?? cell(row, fields.river),
        waterbody,
        drinking: known?.drinking ?? DRINKING_WORDS.test(cell(row, fields.sectionType)),
      };
      if (!addSampling(ctx.water, section, date, samples))
        reject({
          col: dateCol + 1,
          code: "HY-DUP",
          ...keyedMessage("input.dupSampling", { section: section.name, date }),
        });
    }
  },
});
