// Hourly air exports in long format: one row per station per hour (datetime, or date + hour).
import { inputError, quoted } from "../../errors.js";
import {
  HOURLY_POLLUTANTS,
  addStationHour,
  type HourlyPollutant,
  type HourlyValues,
} from "../hourly-store.js";
import type { ColumnField, RecognisedColumn } from "../columns.js";
import type { CsvSource } from "../csv.js";
import { MAX_LISTED_PROBLEMS, noteDate, warnRow, type InputReport } from "../input-report.js";
import { areaOfRow, canonicalStation } from "../registry.js";
import { hasTimeOfDay, naturalHour, parseDateTime, type HourLabel } from "../time.js";
import { parseDate } from "../values.js";
import { columnOf, concentrationColumns, readConcentrations } from "./concentrations.js";
import { dataRows } from "../rows.js";
import type { DataKind } from "./kind.js";
import { plausibilityFindings } from "../../validate/plausibility.js";

type Wanted = Partial<Record<ColumnField, { key: HourlyPollutant; unit: "ug/m3" | "mg/m3" }>>;
const HOURLY_COLUMNS: Wanted = {
  SO2: { key: "SO2", unit: "ug/m3" },
  NO2: { key: "NO2", unit: "ug/m3" },
  PM10: { key: "PM10", unit: "ug/m3" },
  "PM2.5": { key: "PM2.5", unit: "ug/m3" },
  CO: { key: "CO", unit: "mg/m3" },
  O3: { key: "O3", unit: "ug/m3" },
};

const hasPollutant = (columns: readonly RecognisedColumn[]) =>
  columns.some((c) => (HOURLY_POLLUTANTS as readonly string[]).includes(c.field));

/** True for a long hourly export: a datetime column, date + hour, or a date column holding times. */
export function isHourlyLong(columns: readonly RecognisedColumn[], sample: readonly string[][]): boolean {
  if (columns.some((c) => c.field === "type")) return false;
  const date = columnOf(columns, "date");
  const timed =
    columns.some((c) => c.field === "datetime") ||
    (date !== undefined && columns.some((c) => c.field === "hour")) ||
    (date !== undefined && sample.some((row) => hasTimeOfDay(row[date.index] ?? "")));
  return timed && hasPollutant(columns);
}

export const airHourly: DataKind = {
  id: "air-hourly",
  family: "air",
  detect: isHourlyLong,

  async read(source: CsvSource, columns, ctx, report: InputReport) {
    const { file } = source;
    const timeCol = columnOf(columns, "datetime") ?? columnOf(columns, "date");
    const hourCol = columnOf(columns, "hour");
    const codeCol = columnOf(columns, "stationCode");
    const nameCol = columnOf(columns, "station");
    const areaCol = columnOf(columns, "area");
    const pollutantCols = concentrationColumns(file, columns, HOURLY_COLUMNS);
    if (!timeCol)
      throw inputError({
        file,
        line: 1,
        col: 1,
        code: "HY-COLUMN",
        message: "missing a time column (时间/datetime)",
      });
    if (!codeCol && !nameCol && !areaCol)
      throw inputError({
        file,
        line: 1,
        col: 1,
        code: "HY-COLUMN",
        message: "missing column station or area (站点/station or 区域/area)",
      });

    const unassigned = new Map<string, number>();
    for await (const { line, fields, reject } of dataRows(source, report)) {
      const timeText = fields[timeCol.index] ?? "";
      let label: HourLabel | null;
      if (hourCol && timeCol.field === "date") {
        const date = parseDate(timeText);
        const hour = Number((fields[hourCol.index] ?? "").trim());
        label = date && Number.isInteger(hour) && hour >= 0 && hour <= 24 ? { date, hour } : null;
      } else label = parseDateTime(timeText);
      const natural = label && naturalHour(label, ctx.hourConvention);
      if (!natural) {
        reject({
          col: (label ? (hourCol ?? timeCol) : timeCol).index + 1,
          field: timeCol.header,
          code: "HY-DATE",
          message: `expected a time like 2019-01-01 13:00 (hour 0-24${ctx.hourConvention === "beginning" ? ", 24 only with hour-ending labels" : ""}), found ${quoted(`${timeText}${hourCol ? ` ${fields[hourCol.index] ?? ""}` : ""}`)}`,
        });
        continue;
      }
      const parsed = readConcentrations(fields, pollutantCols);
      if ("problem" in parsed) {
        reject(parsed.problem);
        continue;
      }
      const values: HourlyValues = parsed.values;
      const code = codeCol ? (fields[codeCol.index] ?? "").trim() : "";
      const name = nameCol ? (fields[nameCol.index] ?? "").trim() : "";
      const areaText = areaCol ? (fields[areaCol.index] ?? "").trim() : "";
      if ((codeCol || nameCol) && !code && !name) {
        reject({
          col: (codeCol ?? nameCol ?? timeCol).index + 1,
          code: "HY-STATION",
          message: "expected a station name or code, found an empty cell",
        });
        continue;
      }
      const stationText = code || name;
      const area =
        areaOfRow(ctx.registry, code, areaText) ??
        (name ? areaOfRow(ctx.registry, name, areaText) : undefined);
      noteDate(report, natural.date);
      // Warnings keep the row: recorded for every row that is read and not rejected (HY-RATIO, HY-CO-UNIT).
      const warnValues = () => {
        for (const finding of plausibilityFindings(values, pollutantCols))
          warnRow(report, { file, line, ...finding });
      };
      if (!area) {
        const label = [stationText, areaText && `(${areaText})`].filter(Boolean).join(" ") || "(blank)";
        unassigned.set(label, (unassigned.get(label) ?? 0) + 1);
        report.unassignedRows++;
        warnValues();
        continue;
      }
      if (Number(natural.date.slice(0, 4)) !== ctx.year) {
        report.outsidePeriodRows++;
        warnRow(report, {
          file,
          line,
          col: timeCol.index + 1,
          field: timeCol.header,
          code: "HY-PERIOD",
          message: `${natural.date} (the natural day of "${timeText.trim()}") is outside the plan year ${ctx.year}: the row is read but not used`,
        });
        warnValues();
        continue;
      }
      const station = stationText ? canonicalStation(ctx.registry, stationText) : area;
      if (!addStationHour(ctx.hourly, area, station, natural.date, natural.slot, values))
        reject({
          col: timeCol.index + 1,
          code: "HY-DUP",
          message: `${station} at ${timeText}${hourCol ? ` ${fields[hourCol.index] ?? ""}` : ""} was already read`,
        });
      else warnValues();
    }
    report.unassignedStationCount = unassigned.size;
    report.unassignedStations = [...unassigned]
      .slice(0, MAX_LISTED_PROBLEMS)
      .map(([station, rows]) => ({ station, rows }));
  },
};
