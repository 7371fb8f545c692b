// What reading one file found: counts that add up (rows = used + rejected + outside the period +
// unassigned) and the first of each kind of rejection, so nothing is dropped silently.
import type { InputProblem } from "../errors.js";
import type { StationCapture } from "./hourly-store.js";

export const MAX_LISTED_PROBLEMS = 50;

export interface AqiMismatch {
  line: number;
  /** The AQI column (1-based): a workbook's example is named by its cell. */
  col: number;
  station: string;
  date: string;
  reported: number;
  computed: number;
}

export interface InputReport {
  file: string;
  kind: string;
  encoding: string;
  /** Data rows in the file (the header excluded). */
  rows: number;
  rejectedRows: number;
  /** Rows dated outside the plan's period: read and valid, not used. */
  outsidePeriodRows: number;
  /** Rows of stations that no area of the registry claims: read, reported, not used. */
  unassignedRows: number;
  /** Ledger rows of a region rather than the whole city: read, counted, not used for the city's targets. */
  regionalRows?: number;
  from: string | null;
  to: string | null;
  rejectedByCode: Record<string, number>;
  /** The first rejections, each with file:line:col. */
  rejected: InputProblem[];
  /** Stations no area claims (the first 50 listed); in a site file `rows` counts the hours of its column. */
  unassignedStations: { station: string; rows: number }[];
  unassignedStationCount: number;
  /** Hourly inputs: valid hours and days per station and month of the plan year (all hourly files together). */
  capture?: StationCapture[];
  /**
   * Hourly inputs: "ordered" when no row went back more than a day behind the latest day of its area (days
   * were finished as they were read), else "unordered" (every hour was held to the end of reading).
   */
  timeOrder?: "ordered" | "unordered";
  /** The first row out of time order: its line, station and natural day. */
  outOfOrder?: { line: number; station: string; date: string };
  /** A workbook input: the worksheet read (positions are its cells, `file:sheet!C51`). */
  sheet?: string;
  /** Totals, means and notes rows (合计, 平均, 备注 ..., Total, Note) skipped: not data, not counted in `rows`. */
  summaryRows?: number;
  /** Rows repeating an earlier row of the file cell for cell: read once, not counted in `rows` again. */
  repeatedRows?: number;
  /** Findings that do not reject a row (HY-RANGE PM2.5 > PM10, HY-GAP ...): counted per code, the first listed. */
  warningsByCode: Record<string, number>;
  warnings: InputProblem[];
  /**
   * Rows whose AQI column was checked against the run's AQI edition (`edition`, the report's `standards.aqi`,
   * given once a row was checked); `withoutO3_1h` when the file lacks the O3 daily max 1h.
   */
  aqiCheck: {
    rowsChecked: number;
    mismatches: number;
    withoutO3_1h: boolean;
    edition?: string;
    examples: AqiMismatch[];
  };
}

export function createInputReport(file: string, kind: string, encoding: string): InputReport {
  return {
    file,
    kind,
    encoding,
    rows: 0,
    rejectedRows: 0,
    outsidePeriodRows: 0,
    unassignedRows: 0,
    from: null,
    to: null,
    rejectedByCode: {},
    rejected: [],
    unassignedStations: [],
    unassignedStationCount: 0,
    warningsByCode: {},
    warnings: [],
    aqiCheck: { rowsChecked: 0, mismatches: 0, withoutO3_1h: false, examples: [] },
  };
}

export function rejectRow(report: InputReport, problem: InputProblem): void {
  report.rejectedRows++;
  report.rejectedByCode[problem.code] = (report.rejectedByCode[problem.code] ?? 0) + 1;
  if (report.rejected.length < MAX_LISTED_PROBLEMS) report.rejected.push(placed(report, problem));
}

/** A finding that keeps the row: a value to look at, not one to drop. */
export function warnRow(report: InputReport, problem: InputProblem): void {
  warnRowOf(report, problem.code, () => problem);
}

/** warnRow for a finding of many rows: the problem is made only when it is listed. */
export function warnRowOf(report: InputReport, code: string, problem: () => InputProblem): void {
  const count = (report.warningsByCode[code] ?? 0) + 1;
  report.warningsByCode[code] = count;
  // Each code gets its share of the list, so 500 HY-RATIO do not hide the 5 HY-PERIOD.
  if (count <= MAX_LISTED_PER_CODE && report.warnings.length < MAX_LISTED_PROBLEMS * 4)
    report.warnings.push(placed(report, problem()));
}

/** A problem of a worksheet's row carries the sheet, so it prints as `file:sheet!C51`. */
function placed(report: InputReport, problem: InputProblem): InputProblem {
  return report.sheet !== undefined && problem.sheet === undefined && problem.file === report.file
    ? { ...problem, sheet: report.sheet }
    : problem;
}

const MAX_LISTED_PER_CODE = 20;

/** An hourly row that went back in time: the input is unordered; the first such row is kept. */
export function noteOutOfOrder(report: InputReport, line: number, station: string, date: string): void {
  if (report.timeOrder === "unordered") return;
  report.timeOrder = "unordered";
  report.outOfOrder = { line, station, date };
}

export function noteDate(report: InputReport, date: string): void {
  if (report.from === null || date < report.from) report.from = date;
  if (report.to === null || date > report.to) report.to = date;
}
