// `hy-check validate`: data-quality checks without target evaluation. Reads the inputs as `check` does
// (readAll), then lists every finding with its severity, file:line:col, column and code: the rejected rows
// (errors), the readers' warnings (HY-RATIO, HY-CO-UNIT, HY-PERIOD) and what only the whole data set shows
// (HY-GAP, HY-STATION-UNKNOWN, HY-PERIOD for a narrower --from/--to).
import { relative } from "node:path";
import type { EncodingOption } from "./data/encoding.js";
import type { HourConvention } from "./data/time.js";
import { readAll } from "./engine/check.js";
import type { SkippedFile } from "./engine/result.js";
import type { InputReport } from "./data/input-report.js";
import { InputError, keyedProblem, problemMessage, type InputProblem } from "./errors.js";
import { t, type Lang, type MessageKey } from "./i18n.js";
import { DEFAULT_TARGETS_FILE } from "./paths.js";
import type { TargetFile } from "./targets/schema.js";
import {
  dailyGaps,
  dailyOutside,
  hourlyGaps,
  hourlyOutside,
  runText,
  type Run,
  type StationRuns,
} from "./validate/gaps.js";

export {
  validateText,
  validateJson,
  validateExitCode,
  validateExitMessage,
  VALIDATE_FORMATTERS,
  VALIDATE_FORMAT_NAMES,
} from "./validate/format.js";

export type Severity = "error" | "warning";

/** One thing to look at or fix. `line`/`col` are absent for findings about a station or a file as a whole. */
export interface Finding {
  severity: Severity;
  code: string;
  file: string;
  line?: number;
  col?: number;
  /** A workbook input: the worksheet (`line` is its row, `col` its column). */
  sheet?: string;
  /** The column header the finding is about, as written in the file. */
  column?: string;
  /** In English (what the JSON carries). */
  message: string;
  /** The message in Chinese, for the text output; validateJson leaves it out. */
  zh?: string;
  /** HY-GAP, HY-STATION-UNKNOWN, HY-PERIOD of hourly data: the stations concerned. */
  stations?: string[];
  /** HY-GAP and HY-PERIOD of hourly data: every range (the message lists the first). */
  ranges?: string[];
}

/** An input's counts as the readers report them, and what validate found in it. */
export type ValidateInput = Pick<
  InputReport,
  | "file"
  | "kind"
  | "encoding"
  | "rows"
  | "rejectedRows"
  | "outsidePeriodRows"
  | "unassignedRows"
  | "unassignedStationCount"
  | "from"
  | "to"
> & {
  errors: number;
  warnings: number;
  /** Findings of this input counted but not listed (the readers list the first 50 of each kind), per code. */
  unlisted: number;
  unlistedByCode: Record<string, number>;
};

export interface ValidateReport {
  schemaVersion: 1;
  plan: { year: number; targetsFile: string };
  /** The declared period: --from/--to, by default the plan year. */
  period: { from: string; to: string };
  hourConvention: HourConvention | null;
  inputs: ValidateInput[];
  skippedFiles: SkippedFile[];
  findings: Finding[];
  summary: {
    errors: number;
    warnings: number;
    /** Every finding counted, listed or not. */
    byCode: Record<string, number>;
    /** Findings counted but not listed in `findings`. */
    unlisted: number;
  };
}

export interface ValidateOptions {
  targets?: string;
  encoding?: EncodingOption;
  hourConvention?: HourConvention;
  /** The declared period; default: the plan year. Both must lie in the plan year. */
  from?: string;
  to?: string;
  /** The worksheet of workbook inputs (default: the first with a header). */
  sheet?: string;
}

/** Stations listed in one message before "... and N more". */
const MAX_STATIONS_SHOWN = 10;
/** Ranges listed in one message before "... and N more". */
const MAX_RANGES_SHOWN = 10;
/** Ranges kept in a finding's `ranges`. */
const MAX_RANGES_KEPT = 500;

const AIR_KINDS = new Set(["air-daily", "air-hourly", "air-site-file"]);
const HOURLY_KINDS = new Set(["air-hourly", "air-site-file"]);

function usageError(key: MessageKey, params: Record<string, string | number>) {
  return new InputError([keyedProblem({ file: "hy-check", code: "HY-USAGE" }, key, params)]);
}

/** A message said in both languages: English for the JSON, Chinese for the text output. */
function said(build: (lang: Lang) => string): { message: string; zh: string } {
  return { message: build("en"), zh: build("zh") };
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") ? path : rel;
}

/** Reads the inputs and lists what is wrong with them; throws InputError on input that cannot be read. */
export async function validate(
  files: readonly string[],
  options: ValidateOptions = {},
): Promise<ValidateReport> {
  const targetsFile = options.targets ?? DEFAULT_TARGETS_FILE;
  const { plan, settings, stores, inputs, skipped, hourly } = await readAll(files, {
    targets: targetsFile,
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.hourConvention ? { hourConvention: options.hourConvention } : {}),
    ...(options.sheet ? { sheet: options.sheet } : {}),
  });
  const year = plan.plan.year;
  const period = { from: options.from ?? `${year}-01-01`, to: options.to ?? `${year}-12-31` };
  for (const [flag, date] of [
    ["--from", period.from],
    ["--to", period.to],
  ] as const)
    if (Number(date.slice(0, 4)) !== year)
      throw usageError("validate.outsideYear", { option: flag, date, year });
  if (period.from > period.to) throw usageError("usage.fromAfterTo", { from: period.from, to: period.to });

  const findings: Finding[] = [];
  const extra = new Map<string, Finding[]>(); // per file: findings validate itself adds
  const add = (finding: Finding) => {
    let list = extra.get(finding.file);
    if (!list) extra.set(finding.file, (list = []));
    list.push(finding);
  };
  const names = stationNames(plan);
  const firstHourly = inputs.find((i) => HOURLY_KINDS.has(i.kind))?.file ?? "";
  const hourlyFileOf = (date: string) =>
    inputs
      .filter(
        (i) => HOURLY_KINDS.has(i.kind) && i.from !== null && i.to !== null && i.from <= date && date <= i.to,
      )
      .pop()?.file ?? firstHourly;

  // Gaps, per station, grouped when stations miss the same ranges in the same file (a missing site file).
  for (const [unit, list] of [
    ["day", dailyGaps(stores.air.daily)],
    ["hour", hourly ? hourlyGaps(stores.air.hourly, settings.hourConvention, hourlyFileOf) : []],
  ] as const)
    for (const group of groupRuns(list, names))
      add({
        severity: "warning",
        code: "HY-GAP",
        file: group.file,
        ...said((lang) => gapMessage(lang, group, unit)),
        stations: group.stations,
        ranges: group.runs.slice(0, MAX_RANGES_KEPT).map(runText),
      });

  // Dates inside the plan year but outside a narrower --from/--to (rows of other years: the readers' HY-PERIOD).
  for (const row of dailyOutside(stores.air.daily, period.from, period.to))
    add({
      severity: "warning",
      code: "HY-PERIOD",
      file: row.file,
      line: row.line,
      ...said((lang) =>
        t(lang, "validate.outsidePeriodDay", {
          date: row.date,
          station: stationLabel(row.station, row.area, names),
          ...period,
        }),
      ),
    });
  if (hourly)
    for (const group of groupRuns(
      hourlyOutside(stores.air.hourly, period.from, period.to, hourlyFileOf),
      names,
    ))
      add({
        severity: "warning",
        code: "HY-PERIOD",
        file: group.file,
        ...said((lang) =>
          t(
            lang,
            group.stations.length > 1 ? "validate.outsidePeriodHoursEach" : "validate.outsidePeriodHours",
            {
              stations: stationList(lang, group.stations),
              count: group.total,
              ...period,
              ranges: rangesText(lang, group.runs),
            },
          ),
        ),
        stations: group.stations,
        ranges: group.runs.slice(0, MAX_RANGES_KEPT).map(runText),
      });

  const perFileDone = new Set<string>();
  for (const input of inputs) {
    if (perFileDone.has(input.file)) continue;
    perFileDone.add(input.file);
    // Rows outside the plan year that a reader counted without listing them (national site files).
    const unlistedOutside = input.outsidePeriodRows - (input.warningsByCode["HY-PERIOD"] ?? 0);
    if (AIR_KINDS.has(input.kind) && unlistedOutside > 0)
      add({
        severity: "warning",
        code: "HY-PERIOD",
        file: input.file,
        ...said((lang) =>
          t(lang, "validate.outsideYearRows", {
            count: unlistedOutside,
            year,
            from: input.from ?? "-",
            to: input.to ?? "-",
          }),
        ),
      });
    // Hourly rows out of time order: read holding every hour (the reader's path for such input).
    if (input.outOfOrder)
      add({
        severity: "warning",
        code: "HY-ORDER",
        file: input.file,
        line: input.outOfOrder.line,
        ...said((lang) => t(lang, "validate.timeOrder", input.outOfOrder ?? {})),
      });
    // Stations no area claims. A national site file holds every station of the country: its other columns are
    // expected and only counted (inputs[].unassignedStationCount).
    if (input.kind === "air-site-file") continue;
    const ledger = input.kind === "ledger";
    for (const { station, rows } of input.unassignedStations)
      add({
        severity: "warning",
        code: ledger ? "HY-INDICATOR-UNKNOWN" : "HY-STATION-UNKNOWN",
        file: input.file,
        ...said((lang) =>
          t(lang, ledger ? "validate.unknownIndicator" : "validate.unknownStation", { name: station, rows }),
        ),
        stations: [station],
      });
    const more = input.unassignedStationCount - input.unassignedStations.length;
    if (more > 0)
      add({
        severity: "warning",
        code: ledger ? "HY-INDICATOR-UNKNOWN" : "HY-STATION-UNKNOWN",
        file: input.file,
        ...said((lang) =>
          t(lang, ledger ? "validate.moreIndicators" : "validate.moreStations", { count: more }),
        ),
      });
  }

  const byCode: Record<string, number> = {};
  const count = (code: string, n: number) => {
    if (n > 0) byCode[code] = (byCode[code] ?? 0) + n;
  };
  let errors = 0;
  let warnings = 0;
  let unlisted = 0;
  const inputSummaries: ValidateInput[] = [];
  // Per input, in input order; what validate adds about a file goes with its first reading (a file given twice
  // is read twice: every row of the second reading is a duplicate).
  const done = new Set<string>();
  for (const input of inputs) {
    const own = done.has(input.file) ? [] : (extra.get(input.file) ?? []);
    done.add(input.file);
    const listed: Finding[] = [
      ...input.rejected.map((p) => fromProblem(p, "error")),
      ...input.warnings.map((p) => fromProblem(p, "warning")),
      ...own,
    ];
    findings.push(...listed.sort(byPosition));
    for (const f of own) count(f.code, 1);
    for (const [code, n] of Object.entries(input.rejectedByCode)) count(code, n);
    for (const [code, n] of Object.entries(input.warningsByCode)) count(code, n);
    const unlistedByCode: Record<string, number> = {};
    for (const [counts, list] of [
      [input.rejectedByCode, input.rejected],
      [input.warningsByCode, input.warnings],
    ] as const)
      for (const [code, n] of Object.entries(counts)) {
        const missing = n - list.filter((p) => p.code === code).length;
        if (missing > 0) unlistedByCode[code] = (unlistedByCode[code] ?? 0) + missing;
      }
    const inputUnlisted = sum(unlistedByCode);
    const inputWarnings = sum(input.warningsByCode) + own.length;
    unlisted += inputUnlisted;
    errors += input.rejectedRows;
    warnings += inputWarnings;
    inputSummaries.push({
      file: input.file,
      kind: input.kind,
      encoding: input.encoding,
      rows: input.rows,
      rejectedRows: input.rejectedRows,
      outsidePeriodRows: input.outsidePeriodRows,
      unassignedRows: input.unassignedRows,
      unassignedStationCount: input.unassignedStationCount,
      from: input.from,
      to: input.to,
      errors: input.rejectedRows,
      warnings: inputWarnings,
      unlisted: inputUnlisted,
      unlistedByCode: sortKeys(unlistedByCode),
    });
  }
  // Findings about a file that is not an input (none expected): listed after the inputs'.
  for (const [file, own] of extra) {
    if (done.has(file)) continue;
    findings.push(...own.sort(byPosition));
    for (const f of own) count(f.code, 1);
    warnings += own.length;
  }

  return {
    schemaVersion: 1,
    plan: { year, targetsFile: displayPath(targetsFile) },
    period,
    hourConvention: hourly ? settings.hourConvention : null,
    inputs: inputSummaries,
    skippedFiles: skipped,
    findings,
    summary: { errors, warnings, byCode: sortKeys(byCode), unlisted },
  };
}

function fromProblem(p: InputProblem, severity: Severity): Finding {
  return {
    severity,
    code: p.code,
    file: p.file,
    ...(p.line !== undefined ? { line: p.line } : {}),
    ...(p.col !== undefined ? { col: p.col } : {}),
    ...(p.sheet !== undefined ? { sheet: p.sheet } : {}),
    ...(p.field !== undefined ? { column: p.field } : {}),
    message: p.message,
    ...(p.key !== undefined ? { zh: problemMessage(p, "zh") } : {}),
  };
}

/** By line (findings without one, about a station or the file, last), then column, errors first. */
function byPosition(a: Finding, b: Finding): number {
  const la = a.line ?? Number.POSITIVE_INFINITY;
  const lb = b.line ?? Number.POSITIVE_INFINITY;
  if (la !== lb) return la - lb;
  if ((a.col ?? 0) !== (b.col ?? 0)) return (a.col ?? 0) - (b.col ?? 0);
  if (a.severity !== b.severity) return a.severity === "error" ? -1 : 1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function sortKeys(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Station code -> name from the registry, to show `2457A (衡阳化工总厂)`. */
function stationNames(plan: TargetFile): Map<string, string> {
  const names = new Map<string, string>();
  for (const area of plan.areas)
    for (const s of area.stations) if (typeof s !== "string" && s.name) names.set(s.code, s.name);
  return names;
}

function stationLabel(station: string, area: string, names: ReadonlyMap<string, string>): string {
  const name = names.get(station);
  if (name) return `${station} ${name}`;
  return station === area ? station : `${station} (${area})`;
}

function stationList(lang: Lang, stations: readonly string[]): string {
  const shown = stations.slice(0, MAX_STATIONS_SHOWN).join(", ");
  const more = stations.length - MAX_STATIONS_SHOWN;
  return more > 0 ? t(lang, "validate.moreStationsShown", { shown, count: more }) : shown;
}

function rangesText(lang: Lang, runs: readonly Run[]): string {
  const shown = runs.slice(0, MAX_RANGES_SHOWN).map(runText).join(", ");
  const more = runs.length - MAX_RANGES_SHOWN;
  return more > 0 ? t(lang, "validate.moreRanges", { shown, count: more }) : shown;
}

interface RunGroup {
  file: string;
  stations: string[];
  runs: Run[];
  /** Days or hours in the runs, per station. */
  total: number;
}

/** One group per file and identical list of ranges: a file missing for every station is one finding. */
function groupRuns(list: readonly StationRuns[], names: ReadonlyMap<string, string>): RunGroup[] {
  const groups = new Map<string, RunGroup>();
  const sorted = [...list].sort((a, b) => (a.station < b.station ? -1 : a.station > b.station ? 1 : 0));
  for (const { station, area, runs } of sorted) {
    const byFile = new Map<string, Run[]>();
    for (const run of runs) {
      let own = byFile.get(run.file);
      if (!own) byFile.set(run.file, (own = []));
      own.push(run);
    }
    for (const [file, own] of byFile) {
      const key = `${file}\n${own.map((r) => `${r.from}..${r.to}:${r.count}`).join(",")}`;
      let group = groups.get(key);
      if (!group)
        groups.set(
          key,
          (group = { file, stations: [], runs: own, total: own.reduce((a, r) => a + r.count, 0) }),
        );
      group.stations.push(stationLabel(station, area, names));
    }
  }
  return [...groups.values()];
}

function gapMessage(lang: Lang, group: RunGroup, unit: "day" | "hour"): string {
  const n = group.total;
  const what = t(
    lang,
    `validate.gap.${unit}${n === 1 ? "1" : "s"}${group.stations.length > 1 ? "Each" : ""}`,
    {
      count: n,
    },
  );
  return t(lang, unit === "day" ? "validate.gap.byDate" : "validate.gap.byHour", {
    stations: stationList(lang, group.stations),
    what,
    ranges: rangesText(lang, group.runs),
  });
}
