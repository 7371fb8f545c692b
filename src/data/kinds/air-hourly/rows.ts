// Hourly air exports in long format: the layout of a file's columns and the plain reader of one row, which
// both the csv-parse loop and the fast byte reader (fast.ts) hand rows to.
import { inputError, keyedMessage, quoted } from "../../../errors.js";
import {
  HOURLY_POLLUTANTS,
  addStationHour,
  type HourlyPollutant,
  type HourlyValues,
} from "../../hourly-store.js";
import type { ColumnField, RecognisedColumn } from "../../columns.js";
import {
  MAX_LISTED_PROBLEMS,
  noteDate,
  noteOutOfOrder,
  warnRow,
  warnRowOf,
  type InputReport,
} from "../../input-report.js";
import { canonicalStation } from "../../registry.js";
import { cell, placeColumns, registryArea, rowKeys, type PlaceColumns } from "../../groups.js";
import { countRow, readOnce } from "../../rows.js";
import { hasTimeOfDay, naturalHour, parseDateTime, type HourLabel } from "../../time.js";
import { parseDate } from "../../values.js";
import {
  columnOf,
  concentrationColumns,
  readConcentrations,
  type ConcentrationColumn,
} from "../concentrations.js";
import { otherYearOf, type ReadContext } from "../kind.js";
import { plausibilityFindings } from "../../plausibility.js";

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

/** The columns an hourly reader uses, found once per file. */
export interface HourlyLayout {
  file: string;
  width: number;
  timeCol: RecognisedColumn;
  hourCol: RecognisedColumn | undefined;
  codeCol: RecognisedColumn | undefined;
  nameCol: RecognisedColumn | undefined;
  place: PlaceColumns;
  pollutantCols: ConcentrationColumn<HourlyPollutant>[];
}

export function hourlyLayout(file: string, header: readonly string[], columns: readonly RecognisedColumn[]) {
  const timeCol = columnOf(columns, "datetime") ?? columnOf(columns, "date");
  const hourCol = columnOf(columns, "hour");
  const codeCol = columnOf(columns, "stationCode");
  const nameCol = columnOf(columns, "station");
  const place = placeColumns(columns);
  const pollutantCols = concentrationColumns(file, columns, HOURLY_COLUMNS);
  if (!timeCol)
    throw inputError({
      file,
      line: 1,
      col: 1,
      code: "HY-COLUMN",
      ...keyedMessage("input.missingTimeColumn"),
    });
  if (!codeCol && !nameCol && !place.area && !place.city && !place.county)
    throw inputError({
      file,
      line: 1,
      col: 1,
      code: "HY-COLUMN",
      ...keyedMessage("input.missingPlaceColumnHourly"),
    });
  const layout: HourlyLayout = {
    file,
    width: header.length,
    timeCol,
    hourCol,
    codeCol,
    nameCol,
    place,
    pollutantCols,
  };
  return layout;
}

/** The station and the store keys of a row, as the plain reader decides them. */
export function rowPlace(layout: HourlyLayout, ctx: ReadContext<"air">, fields: readonly string[]) {
  const code = cell(fields, layout.codeCol);
  const name = cell(fields, layout.nameCol);
  const areaTexts = [
    cell(fields, layout.place.area),
    cell(fields, layout.place.county),
    cell(fields, layout.place.city),
  ];
  const area = registryArea(ctx.registry, code, name, areaTexts);
  const stationText = code || name;
  const station = stationText ? canonicalStation(ctx.registry, stationText) : (area ?? "");
  const keys = rowKeys(area, ctx.groupings, {
    station: stationText ? station : "",
    area: areaTexts[0] ?? "",
    county: areaTexts[1] ?? "",
    city: areaTexts[2] ?? "",
  });
  // A row without a station (an area's own series) is its area's station, as in the daily reader.
  return {
    code,
    name,
    /** The file has station columns and both are empty on this row: rejected (HY-STATION). */
    missingStation: (layout.codeCol !== undefined || layout.nameCol !== undefined) && !code && !name,
    stationText,
    areaText: areaTexts.find(Boolean) ?? "",
    station: station || (keys[0] ?? ""),
    keys,
  };
}

/** A row of another year than the plan year's: counted, and listed among the first HY-PERIOD warnings. */
export function outsideYear(
  layout: HourlyLayout,
  ctx: ReadContext<"air">,
  report: InputReport,
  line: number,
  date: string,
  timeText: () => string,
): void {
  report.outsidePeriodRows++;
  warnRowOf(report, "HY-PERIOD", () => ({
    file: layout.file,
    line,
    col: layout.timeCol.index + 1,
    field: layout.timeCol.header,
    code: "HY-PERIOD",
    ...keyedMessage("input.outsideYearHour", { date, time: timeText().trim(), year: ctx.year }),
  }));
}

/**
 * The plain reader of one row: counts it, rejects it with its reason, or adds it to the store. The fast
 * reader hands it every row it does not take itself, so both give the same counts, warnings and values.
 */
export function hourlyRowReader(layout: HourlyLayout, ctx: ReadContext<"air">, report: InputReport) {
  const { file, width, timeCol, hourCol, codeCol, nameCol, pollutantCols } = layout;
  const unassigned = new Map<string, number>();
  const row = (line: number, fields: string[]): void => {
    const counted = countRow(file, width, report, line, fields);
    if (!counted) return;
    const { reject } = counted;
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
        ...keyedMessage(ctx.hourConvention === "beginning" ? "input.badTimeBeginning" : "input.badTime", {
          cell: quoted(`${timeText}${hourCol ? ` ${fields[hourCol.index] ?? ""}` : ""}`),
        }),
      });
      return;
    }
    const parsed = readConcentrations(fields, pollutantCols);
    if ("problem" in parsed) {
      reject(parsed.problem);
      return;
    }
    const values: HourlyValues = parsed.values;
    const { missingStation, stationText, areaText, station, keys } = rowPlace(layout, ctx, fields);
    if (missingStation) {
      reject({
        col: (codeCol ?? nameCol ?? timeCol).index + 1,
        code: "HY-STATION",
        ...keyedMessage("input.emptyStation"),
      });
      return;
    }
    noteDate(report, natural.date);
    // Warnings keep the row: recorded for every row that is read and not rejected (HY-RATIO, HY-CO-UNIT).
    const warnValues = () => {
      for (const finding of plausibilityFindings(values, pollutantCols))
        warnRow(report, { file, line, ...finding });
    };
    if (keys.length === 0) {
      const label = [stationText, areaText && `(${areaText})`].filter(Boolean).join(" ") || "(blank)";
      unassigned.set(label, (unassigned.get(label) ?? 0) + 1);
      report.unassignedRows++;
      warnValues();
      return;
    }
    if (Number(natural.date.slice(0, 4)) !== ctx.year) {
      outsideYear(layout, ctx, report, line, natural.date, () => timeText);
      const other = otherYearOf(ctx, natural.date);
      if (other) addStationHour(other.hourly, keys, station, natural.date, natural.slot, values);
      warnValues();
      return;
    }
    const outOfOrder = ctx.hourly.outOfOrder;
    const time = `${timeText}${hourCol ? ` ${fields[hourCol.index] ?? ""}` : ""}`;
    const added = addStationHour(ctx.hourly, keys, station, natural.date, natural.slot, values);
    // Unknown: the first reading's day was finished; the run is read again holding every hour.
    if (added === "unknown") return;
    if (added === "same") {
      // An exact repeat is read once: a warning, not a data row (as repeated rows of daily files).
      readOnce(
        report,
        {
          file,
          line,
          col: timeCol.index + 1,
          code: "HY-REPEAT",
          ...keyedMessage("input.repeatHour", { station, time }),
        },
        { counted: true },
      );
    } else if (added === "different")
      reject({
        col: timeCol.index + 1,
        code: "HY-DUP",
        ...keyedMessage("input.dupHour", { station, time }),
      });
    else warnValues();
    if (ctx.hourly.outOfOrder !== outOfOrder) noteOutOfOrder(report, line, station, natural.date);
  };
  const finish = (): void => {
    report.unassignedStationCount = unassigned.size;
    report.unassignedStations = [...unassigned]
      .slice(0, MAX_LISTED_PROBLEMS)
      .map(([station, rows]) => ({ station, rows }));
  };
  return { row, finish };
}

export type HourlyRowReader = ReturnType<typeof hourlyRowReader>;
