// Daily air exports: one row per station (or area) per day, pollutant columns, optional AQI.
import { inputError, keyedMessage, keyedProblem, quoted } from "../../errors.js";
import type { MessageKey } from "../../i18n.js";
import { columnOf as column, concentrationColumns, readConcentrations } from "./concentrations.js";
import {
  dailyAqi,
  DAILY_CORE_POLLUTANTS,
  POLLUTANT_UNIT,
  POLLUTANTS,
  type AqiEdition,
  type DailyValues,
  type Pollutant,
} from "../../methods/air.js";
import { addStationDay } from "../air-store.js";
import type { RecognisedColumn } from "../columns.js";
import type { CsvSource } from "../csv.js";
import { MAX_LISTED_PROBLEMS, noteDate, warnRow, type InputReport } from "../input-report.js";
import { canonicalStation } from "../registry.js";
import { cell, placeColumns, registryArea, rowKeys } from "../groups.js";
import { hasTimeOfDay } from "../time.js";
import { parseCellNumber, parseDate } from "../values.js";
import { dataRows } from "../rows.js";
import { defineKind, otherYearOf } from "./kind.js";
import { plausibilityFindings } from "../plausibility.js";

const DAILY_COLUMNS = Object.fromEntries(
  POLLUTANTS.map((p) => [p, { key: p, unit: POLLUTANT_UNIT[p] }]),
) as Record<Pollutant, { key: Pollutant; unit: (typeof POLLUTANT_UNIT)[Pollutant] }>;

export const airDaily = defineKind({
  id: "air-daily",
  family: "air",
  detect: (columns, sample) => {
    const date = columns.find((c) => c.field === "date");
    return (
      date !== undefined &&
      !columns.some((c) => c.field === "hour" || c.field === "datetime" || c.field === "type") &&
      !sample.some((row) => hasTimeOfDay(row[date.index] ?? "")) &&
      columns.some((c) => (POLLUTANTS as readonly string[]).includes(c.field))
    );
  },

  async read(source: CsvSource, columns: readonly RecognisedColumn[], ctx, report: InputReport) {
    const { file } = source;
    const dateCol = column(columns, "date");
    const stationCol = column(columns, "station") ?? column(columns, "stationCode");
    const place = placeColumns(columns);
    const areaCol = place.area ?? place.county ?? place.city;
    const aqiCol = column(columns, "aqi");
    const pollutantCols = concentrationColumns(file, columns, DAILY_COLUMNS);
    if (!dateCol) throw missingColumn(file, "input.missingDateColumn", "日期/date", source.header.fields);
    if (!stationCol && !areaCol)
      throw missingColumn(
        file,
        "input.missingPlaceColumn",
        "站点/station or 区域/area",
        source.header.fields,
      );
    const missingCore = DAILY_CORE_POLLUTANTS.filter((p) => !pollutantCols.some((c) => c.key === p));
    if (missingCore.length > 0)
      throw missingColumn(file, "input.missingColumn", missingCore.join(", "), source.header.fields, {
        what: missingCore.join(", "),
      });

    report.aqiCheck.withoutO3_1h = !pollutantCols.some((c) => c.key === "O3_1h");
    const unassigned = new Map<string, number>();

    for await (const { line, fields, reject } of dataRows(source, report)) {
      const dateText = fields[dateCol.index] ?? "";
      const date = parseDate(dateText);
      if (!date) {
        reject({
          col: dateCol.index + 1,
          field: dateCol.header,
          code: "HY-DATE",
          ...keyedMessage("input.badDate", { cell: quoted(dateText) }),
        });
        continue;
      }
      const parsed = readConcentrations(fields, pollutantCols);
      if ("problem" in parsed) {
        reject(parsed.problem);
        continue;
      }
      const values: DailyValues = parsed.values;
      const stationText = stationCol ? (fields[stationCol.index] ?? "").trim() : "";
      const areaTexts = [cell(fields, place.area), cell(fields, place.county), cell(fields, place.city)];
      const areaText = areaTexts.find(Boolean) ?? "";
      if (stationCol && stationText === "") {
        reject({
          col: stationCol.index + 1,
          field: stationCol.header,
          code: "HY-STATION",
          ...keyedMessage("input.emptyStation"),
        });
        continue;
      }
      // Warnings keep the row: recorded for every row that is read and not rejected (HY-RATIO, HY-CO-UNIT).
      const warnValues = () => {
        for (const finding of plausibilityFindings(values, pollutantCols))
          warnRow(report, { file, line, ...finding });
      };
      const area = registryArea(ctx.registry, stationText, "", areaTexts);
      const station = stationText ? canonicalStation(ctx.registry, stationText) : (area ?? "");
      const keys = rowKeys(area, ctx.groupings, {
        station,
        area: areaTexts[0] ?? "",
        county: areaTexts[1] ?? "",
        city: areaTexts[2] ?? "",
      });
      noteDate(report, date);
      if (keys.length === 0) {
        const name = [stationText, areaText && `(${areaText})`].filter(Boolean).join(" ") || "(blank)";
        unassigned.set(name, (unassigned.get(name) ?? 0) + 1);
        report.unassignedRows++;
        warnValues();
        continue;
      }
      if (Number(date.slice(0, 4)) !== ctx.year) {
        report.outsidePeriodRows++;
        warnRow(report, {
          file,
          line,
          col: dateCol.index + 1,
          field: dateCol.header,
          code: "HY-PERIOD",
          ...keyedMessage("input.outsideYear", { date, year: ctx.year }),
        });
        // Kept for a metric that reads that year (the same months last year); a duplicate there changes nothing.
        const other = otherYearOf(ctx, date);
        if (other)
          for (const key of keys)
            addStationDay(other.daily, key, date, station || key, { values, file, line });
        warnValues();
        continue;
      }
      const entry = { values, file, line };
      // One station-day enters each of its keys; a duplicate is a duplicate in all of them alike.
      const earlier = keys
        .map((key) => addStationDay(ctx.daily, key, date, station || key, entry))
        .find((e) => e !== undefined);
      if (earlier) {
        reject({
          col: (stationCol ?? areaCol ?? dateCol).index + 1,
          code: "HY-DUP",
          ...keyedMessage("input.dupDay", {
            station: station || (keys[0] ?? ""),
            date,
            earlier: `${earlier.file}:${earlier.line}`,
          }),
        });
        continue;
      }
      warnValues();
      if (aqiCol)
        checkReportedAqi(
          report,
          fields[aqiCol.index] ?? "",
          values,
          { line, col: aqiCol.index + 1 },
          station,
          date,
          ctx.aqiEdition,
        );
    }
    // The edition the AQI column was checked against (public JSON since schemaVersion 1: kept though it is the
    // report's standards.aqi; given once the column was checked at all).
    if (report.aqiCheck.rowsChecked > 0) report.aqiCheck.edition = ctx.aqiEdition;
    report.unassignedStationCount = unassigned.size;
    report.unassignedStations = [...unassigned]
      .slice(0, MAX_LISTED_PROBLEMS)
      .map(([station, rows]) => ({ station, rows }));
  },
});

/** Recomputes a row's AQI (HJ 633-2012) when all six basic items are there, and records disagreements. */
function checkReportedAqi(
  report: InputReport,
  raw: string,
  values: DailyValues,
  { line, col }: { line: number; col: number },
  station: string,
  date: string,
  edition: AqiEdition,
) {
  const cell = parseCellNumber(raw);
  if (cell.kind !== "number" || !DAILY_CORE_POLLUTANTS.every((p) => values[p] !== undefined)) return;
  const computed = dailyAqi(values, { edition }).aqi;
  if (computed === null) return;
  report.aqiCheck.rowsChecked++;
  if (computed === cell.value) return;
  report.aqiCheck.mismatches++;
  if (report.aqiCheck.examples.length < MAX_LISTED_PROBLEMS)
    report.aqiCheck.examples.push({ line, col, station, date, reported: cell.value, computed });
}

function missingColumn(
  file: string,
  key: MessageKey,
  spellings: string,
  headers: readonly string[],
  params: Record<string, string> = {},
) {
  return inputError(
    keyedProblem({ file, line: 1, col: 1, code: "HY-COLUMN" }, key, {
      ...params,
      spellings,
      headers: headers.join(", "),
    }),
  );
}
