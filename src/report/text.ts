// Text pieces every format shares, so a section reads the same in the table, Markdown and annotations.
import type { CheckReport, SkippedFile, WaterSectionResult } from "../engine/result.js";
import type { InputReport } from "../data/input-report.js";
import { HOURLY_POLLUTANTS, type StationCapture } from "../data/hourly-store.js";
import { formatProblem, sheetPlace } from "../errors.js";
import { t, type Lang } from "../i18n.js";
import { monthlyMinDays } from "../methods/air.js";
import { roundGbt8170 } from "../methods/rounding.js";

/** `NH3N 0.85 (+0.2x)` for the deciding parameters, or `Fe 0.35 > 0.3` for a source's items over their limit. */
export function sectionDetail(w: WaterSectionResult): string {
  const failing = (w.failing ?? []).map((f) => `${f.parameter} ${f.value} > ${f.limit ?? "6-9"}`).join(", ");
  if (failing) return failing;
  return w.deciding
    .slice(0, 3)
    .map(
      (d) =>
        `${d.parameter} ${d.value}${d.exceedance !== undefined ? ` (+${roundGbt8170(d.exceedance, 2)}x)` : ""}`,
    )
    .join(", ");
}

/** The data-basis line of one input: kind, encoding, rows read, rejected, outside the year, unassigned, dates. */
export function inputLine(report: CheckReport, input: InputReport, lang: Lang): string {
  return t(lang, input.kind === "ledger" ? "basis.inputLedger" : "basis.input", {
    // A workbook's line names the sheet read: `air.xlsx (日报)`.
    file: input.sheet === undefined ? input.file : `${input.file} (${input.sheet})`,
    kind: input.kind,
    encoding: input.encoding,
    rows: input.rows,
    rejected: input.rejectedRows,
    outside: input.outsidePeriodRows,
    unassigned: input.unassignedRows,
    year: report.plan.year,
    from: input.from ?? "-",
    to: input.to ?? "-",
  });
}

/** Rejected rows listed under their file's note; the rest are counted. */
export const MAX_PRINTED_REJECTIONS = 10;

/** A file of a folder or glob that is not data hy-check reads. */
export function skippedNote(f: SkippedFile, lang: Lang): string {
  return t(lang, "warn.skipped", { ...f, reason: f.reason.split(";")[0] ?? "" });
}

/** One line per station whose months fall short of the HJ 663-2013 day counts, with the short pollutants. */
export function captureWarnings(capture: readonly StationCapture[], lang: Lang): string[] {
  const byStation = new Map<string, { area: string; parts: string[]; empty: string[] }>();
  for (const c of capture) {
    const month = Number(c.month.slice(5, 7));
    const required = monthlyMinDays(month);
    const short = HOURLY_POLLUTANTS.filter((p) => c.validDays[p] < required);
    if (short.length === 0) continue;
    const entry = byStation.get(c.station) ?? { area: c.area, parts: [], empty: [] };
    // A month without a single valid hour is listed once, not pollutant by pollutant.
    if (HOURLY_POLLUTANTS.every((p) => c.validHours[p] === 0)) entry.empty.push(c.month.slice(5));
    else entry.parts.push(`${c.month} ${short.map((p) => `${p} ${c.validDays[p]}`).join(", ")} /${required}`);
    byStation.set(c.station, entry);
  }
  return [...byStation].map(([station, { area, parts, empty }]) => {
    if (empty.length > 0) parts.push(t(lang, "warn.captureNone", { months: empty.join(", ") }));
    return t(lang, "warn.capture", { station, area, months: parts.join("; ") });
  });
}

/** A note on an input; `detail` marks a rejected row listed under its file's note. */
export interface InputNote {
  text: string;
  detail?: true;
}

/**
 * What a reader of any format should know of one input: its rejected rows (the first ones listed), station
 * columns or rows in no area of the registry, and an AQI column that disagrees with the computed AQI.
 * `aqiEdition`: the run's AQI edition (`standards.aqi`), the one the AQI column is checked against.
 */
export function inputNotes(input: InputReport, lang: Lang, aqiEdition: string): InputNote[] {
  const notes: InputNote[] = [];
  if (input.rejectedRows > 0) {
    const codes = Object.entries(input.rejectedByCode)
      .map(([code, n]) => `${code} ${n}`)
      .join(", ");
    notes.push({ text: t(lang, "warn.rejected", { file: input.file, count: input.rejectedRows, codes }) });
    for (const p of input.rejected.slice(0, MAX_PRINTED_REJECTIONS))
      notes.push({ text: formatProblem(p, lang), detail: true });
    const more = input.rejectedRows - Math.min(input.rejected.length, MAX_PRINTED_REJECTIONS);
    if (more > 0) notes.push({ text: t(lang, "warn.rejectedMore", { count: more }), detail: true });
  }
  if (input.summaryRows)
    notes.push({ text: t(lang, "warn.summaryRows", { file: input.file, count: input.summaryRows }) });
  if (input.repeatedRows)
    notes.push({ text: t(lang, "warn.repeatedRows", { file: input.file, count: input.repeatedRows }) });
  if (input.unassignedRows === 0 && input.unassignedStationCount > 0) {
    const stations = input.unassignedStations
      .slice(0, 10)
      .map((s) => s.station)
      .join(", ");
    notes.push({
      text: t(lang, "warn.unassignedColumns", {
        file: input.file,
        count: input.unassignedStationCount,
        stations,
      }),
    });
  }
  if (input.unassignedRows > 0) {
    const stations = input.unassignedStations.map((s) => `${s.station} (${s.rows})`).join(", ");
    notes.push({
      // A ledger's unassigned rows are of indicators the target file does not declare, not of stations.
      text: t(lang, input.kind === "ledger" ? "warn.unknownIndicators" : "warn.unassigned", {
        file: input.file,
        count: input.unassignedRows,
        stations,
      }),
    });
  }
  if (input.outOfOrder)
    notes.push({ text: t(lang, "warn.timeOrder", { file: input.file, ...input.outOfOrder }) });
  const first = input.aqiCheck.examples[0];
  if (first)
    notes.push({
      text:
        t(lang, "warn.aqiMismatch", {
          file: input.file,
          count: input.aqiCheck.mismatches,
          checked: input.aqiCheck.rowsChecked,
          edition: standardName(aqiEdition),
          where:
            input.sheet === undefined
              ? t(lang, "where.line", { line: first.line })
              : t(lang, "where.cell", { cell: sheetPlace(input.sheet, first.line, first.col) }),
          ...first,
        }) + (input.aqiCheck.withoutO3_1h ? ` ${t(lang, "warn.aqiMismatchNoO3")}` : ""),
    });
  return notes;
}

/** `HJ633-2012` -> `HJ 633-2012`, as the standards are cited. */
export function standardName(code: string): string {
  return code.replace(/^([A-Z/]+)(\d)/, "$1 $2");
}
