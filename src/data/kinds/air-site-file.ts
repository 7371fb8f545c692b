// The national hourly site files: one file per day, header `date,hour,type,<station code>...`, one row per
// (hour, type). Only the hourly concentration types are read; the 24 h / 8 h moving values and the AQI
// are derived ones that hy-check computes itself.
import { inputError, keyedMessage, quoted, type InputProblem } from "../../errors.js";
import { addStationHour, type HourlyPollutant, type HourlyValues } from "../hourly-store.js";
import type { CsvSource } from "../csv.js";
import {
  MAX_LISTED_PROBLEMS,
  noteDate,
  noteOutOfOrder,
  rejectRow,
  warnRow,
  type InputReport,
} from "../input-report.js";
import { areaOfStation, canonicalStation } from "../registry.js";
import { naturalHour } from "../time.js";
import { rowKeys } from "../groups.js";
import { parseCellNumber, parseDate } from "../values.js";
import { columnOf } from "./concentrations.js";
import { defineKind, otherYearOf } from "./kind.js";
import { readOnce } from "../rows.js";

/** Types read, in their standard units (CO mg/m3, the rest ug/m3, as the files give them). */
const READ_TYPES: Record<string, HourlyPollutant> = {
  "PM2.5": "PM2.5",
  PM10: "PM10",
  SO2: "SO2",
  NO2: "NO2",
  CO: "CO",
  O3: "O3",
};
const DERIVED_TYPES = new Set([
  "AQI",
  "PM2.5_24h",
  "PM10_24h",
  "SO2_24h",
  "NO2_24h",
  "O3_24h",
  "O3_8h",
  "O3_8h_24h",
  "CO_24h",
]);

interface HourBlock {
  key: string;
  date: string;
  hour: number;
  lines: number[];
  /** The rows read of each type in the hour: their line and cells, so an exact repeat is read once. */
  types: Map<string, { line: number; fields: readonly string[] }>;
  /** Station column -> values of this hour. */
  values: Map<number, HourlyValues>;
}

export const airSiteFile = defineKind({
  id: "air-site-file",
  family: "air",
  detect: (columns) => ["date", "hour", "type"].every((f) => columns.some((c) => c.field === f)),

  async read(source: CsvSource, columns, ctx, report: InputReport) {
    const { file } = source;
    const dateCol = columnOf(columns, "date");
    const hourCol = columnOf(columns, "hour");
    const typeCol = columnOf(columns, "type");
    if (!dateCol || !hourCol || !typeCol)
      throw inputError({
        file,
        line: 1,
        col: 1,
        code: "HY-COLUMN",
        ...keyedMessage("input.siteHeader"),
      });
    const fixed = new Set([dateCol.index, hourCol.index, typeCol.index]);
    const stationCols: { index: number; station: string; area: string }[] = [];
    const unassigned: string[] = [];
    source.header.fields.forEach((header, index) => {
      if (fixed.has(index) || header.trim() === "") return;
      const area = areaOfStation(ctx.registry, header);
      if (area) stationCols.push({ index, station: canonicalStation(ctx.registry, header), area });
      else unassigned.push(header.trim());
    });

    report.timeOrder = "ordered";
    let block: HourBlock | undefined;
    let blocks = 0;
    /** Every row of an hour block is rejected together, at its hour column. */
    const rejectBlock = (b: HourBlock, code: string, said: ReturnType<typeof keyedMessage>) => {
      for (const line of b.lines) rejectRow(report, { file, line, col: hourCol.index + 1, code, ...said });
    };
    const flush = (b: HourBlock) => {
      blocks++;
      const natural = naturalHour({ date: b.date, hour: b.hour }, ctx.hourConvention);
      if (!natural) {
        rejectBlock(b, "HY-DATE", keyedMessage("input.noHourBeginning", { hour: b.hour }));
        return;
      }
      noteDate(report, natural.date);
      if (Number(natural.date.slice(0, 4)) !== ctx.year) {
        report.outsidePeriodRows += b.lines.length;
        const other = otherYearOf(ctx, natural.date);
        if (other)
          for (const { index, station, area } of stationCols) {
            const keys = rowKeys(area, ctx.groupings, { station, area: "", city: "", county: "" });
            addStationHour(
              other.hourly,
              keys,
              station,
              natural.date,
              natural.slot,
              b.values.get(index) ?? {},
            );
          }
        return;
      }
      const duplicates: string[] = [];
      let repeats = 0;
      let fresh = 0;
      for (const { index, station, area } of stationCols) {
        // Site files name no city or county: only a station grouping applies to them.
        const keys = rowKeys(area, ctx.groupings, { station, area: "", city: "", county: "" });
        const outOfOrder = ctx.hourly.outOfOrder;
        const values = b.values.get(index) ?? {};
        const added = addStationHour(ctx.hourly, keys, station, natural.date, natural.slot, values);
        if (added === "unknown") return; // read again holding every hour
        if (added === "different") duplicates.push(station);
        if (added === "same") repeats++;
        if (added === "added") fresh++;
        if (ctx.hourly.outOfOrder !== outOfOrder)
          noteOutOfOrder(report, b.lines[0] ?? 0, station, natural.date);
      }
      if (duplicates.length > 0)
        rejectBlock(
          b,
          "HY-DUP",
          keyedMessage("input.dupSiteHour", { stations: duplicates.join(", "), date: b.date, hour: b.hour }),
        );
      else if (repeats > 0) {
        // The hour given again with the same values (a site file read twice): read once. Rows that also
        // brought stations not read before stay data rows.
        for (const line of b.lines) {
          const problem = {
            file,
            line,
            col: hourCol.index + 1,
            code: "HY-REPEAT",
            ...keyedMessage("input.repeatSiteHour", { date: b.date, hour: b.hour }),
          };
          if (fresh === 0) readOnce(report, problem, { counted: true });
          else warnRow(report, problem);
        }
      }
    };

    for await (const { line, fields } of source.records) {
      // Out of time order after days were finished: the run reads everything again (check.ts readAll).
      if (ctx.hourly.mustReread) break;
      report.rows++;
      const reject = (problem: Omit<InputProblem, "file" | "line">) =>
        rejectRow(report, { file, line, ...problem });
      const dateText = fields[dateCol.index] ?? "";
      const hourText = (fields[hourCol.index] ?? "").trim();
      const type = (fields[typeCol.index] ?? "").trim();
      const date = parseDate(dateText);
      const hour = Number(hourText);
      if (!date || hourText === "" || !Number.isInteger(hour) || hour < 0 || hour > 24) {
        reject({
          col: (date ? hourCol : dateCol).index + 1,
          code: "HY-DATE",
          ...keyedMessage("input.badSiteTime", { date: quoted(dateText), hour: quoted(hourText) }),
        });
        continue;
      }
      const pollutant = READ_TYPES[type];
      if (!pollutant) {
        if (!DERIVED_TYPES.has(type))
          reject({
            col: typeCol.index + 1,
            code: "HY-TYPE",
            ...keyedMessage("input.unknownType", {
              type,
              types: [...Object.keys(READ_TYPES), ...DERIVED_TYPES].join(", "),
            }),
          });
        continue;
      }
      const key = `${date} ${hour}`;
      if (block?.key !== key) {
        if (block) flush(block);
        block = { key, date, hour, lines: [], types: new Map(), values: new Map() };
      }
      const first = block.types.get(type);
      // The same type twice in an hour: read once when it repeats the first cell for cell.
      if (first && first.fields.length === fields.length && first.fields.every((c, i) => c === fields[i])) {
        readOnce(
          report,
          {
            file,
            line,
            code: "HY-REPEAT",
            ...keyedMessage(source.sheet ? "input.repeatRow" : "input.repeatLine", { first: first.line }),
          },
          { counted: true },
        );
        continue;
      }
      if (first) {
        reject({
          col: typeCol.index + 1,
          code: "HY-DUP",
          ...keyedMessage("input.dupType", { type, date, hour }),
        });
        continue;
      }
      let bad: Omit<InputProblem, "file" | "line"> | undefined;
      const rowValues: [number, number][] = [];
      for (const { index } of stationCols) {
        const raw = fields[index] ?? "";
        const cell = parseCellNumber(raw);
        if (cell.kind === "missing") continue;
        if (cell.kind === "invalid" || cell.value < 0) {
          bad = {
            col: index + 1,
            field: source.header.fields[index],
            code: cell.kind === "invalid" ? "HY-NUMBER" : "HY-RANGE",
            ...keyedMessage("input.badSiteConcentration", { cell: quoted(raw) }),
          };
          break;
        }
        rowValues.push([index, cell.value]);
      }
      if (bad) {
        reject(bad);
        continue;
      }
      block.types.set(type, { line, fields });
      block.lines.push(line);
      for (const [index, value] of rowValues) {
        let v = block.values.get(index);
        if (!v) block.values.set(index, (v = {}));
        v[pollutant] = value;
      }
    }
    if (block) flush(block);
    report.unassignedStationCount = unassigned.length;
    report.unassignedStations = unassigned
      .slice(0, MAX_LISTED_PROBLEMS)
      .map((station) => ({ station, rows: blocks }));
  },
});
