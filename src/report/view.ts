// One view of a check: everything a person reads in a report, already in the chosen language. Every
// output format but JSON lays this view out and derives no text from the CheckReport itself, so the
// table, Markdown, JUnit, GitHub, CSV and the year-end report say the same things in the same words.
import { familyOfKind } from "../data/kinds/index.js";
import type { BasisKind } from "../engine/basis.js";
import { forPeople } from "./safe-text.js";
import type { Status } from "../engine/compare.js";
import type { ProjectionStatus } from "../engine/projection.js";
import { DEFAULT_SEASONAL_PROFILE } from "../methods/seasonal-profile.js";
import type { BaselineBlock, CheckReport, TargetResult } from "../engine/result.js";
import type { InputProblem } from "../errors.js";
import { reasonText, t, type Lang, type MessageKey } from "../i18n.js";
import { roundGbt8170 } from "../methods/rounding.js";
import {
  captureWarnings,
  inputLine,
  inputNotes,
  sectionDetail,
  skippedNote,
  standardName,
  type InputNote,
} from "./text.js";

/** One per-area or per-section row under a target. */
export interface SubRow {
  kind: "section" | "area";
  name: string;
  /** ✓ / ✗ for sections, the no-data label where the data do not suffice, else empty. */
  mark: string;
  /** Whether `mark` is the no-data label (the table colours it). */
  noData: boolean;
  /** A section that fails its class (the table colours its ✗). */
  fails: boolean;
  /** The section's class or the area's value. */
  value: string;
  /** `II → III` where a section is compared with a baseline year. */
  change: string;
  /** The failing or deciding parameters of a section. */
  items: string;
  /** Samplings of a section, valid days of an area. */
  count: number;
  /** Worth a line in an annotation: a failing section, or an area or section without enough data. */
  notable: boolean;
  /** `熬洲 (湘江): ✗ III, TP 0.12 (+0.2x), 12 samplings`: the row as one line of text. */
  line: string;
}

/** The figures of a result as numbers written out, without units: what CSV cells and data attributes hold. */
export interface RowFigures {
  actual: number | null;
  /** The actual value to its reported decimals (never dropping places it has). */
  actualNumber: string | null;
  unit: string;
  op: string | null;
  /** The target as written: a number, or `low..high` for a range. */
  target: string | null;
  targetIsRange: boolean;
  tolerance: string | null;
  margin: number | null;
  marginNumber: string | null;
  baselineDelta: number | null;
  validDays: number | null;
  /** official, definite, indicative; null without a verdict. */
  basis: BasisKind | null;
}

export interface ResultRow {
  id: string;
  title: string;
  family: string;
  status: Status;
  /** `达标`, `no data`: the status alone. */
  statusWord: string;
  informational: boolean;
  /** A qualitative commitment, checked by a person. */
  manual: boolean;
  /** Not checked for want of input of its kind. */
  notChecked: boolean;
  /** Counts as a failure of the run: a failing target that is not informational. */
  failure: boolean;
  /** How firm the verdict is (official, definite, indicative), or null on no data. */
  basis: BasisKind | null;
  /** The basis as a word in the chosen language (`indicative`, `参考性`), or empty on no data. */
  basisWord: string;
  /** The status with the indicative mark and the informational mark: `pass*`, `fail (info)`. */
  statusText: string;
  /** What a status column shows: `manual` for a manual target, else `statusText`. */
  label: string;
  /** `92.1%`, `43 ug/m3`, or `-`. */
  actual: string;
  /** `>= 80 ±1 %`; `-` for a target without a rule. */
  required: string;
  /** `+12.1`, `-50.0`, or `-`. */
  margin: string;
  /** `-2.4 % (2018: 3.21 万吨)`, or empty without a baseline. */
  baseline: string;
  /** The valid days, or `-`. */
  validDays: string;
  clause: string;
  quote: string;
  /** `Clause 二(一): “...”`. */
  clauseLine: string;
  /** `fail: actual 50.0%, required >= 100 %, margin -50.0, 365 valid days`. */
  resultLine: string;
  /** Why the status is what it is, or null. */
  reason: string | null;
  /** The tolerance, 0 without one (a warn says how far short it may be). */
  tolerance: number;
  figures: RowFigures;
  subRows: SubRow[];
}

export interface ProjectionNote {
  id: string;
  status: ProjectionStatus;
  text: string;
}

export interface EditionsView {
  title: string;
  legend: string;
  head: string[];
  rows: string[][];
}

/** Every note a report prints after its table, in the order the table prints them. */
export interface ViewNotes {
  /** `id: reason` of each target with a reason, except those not checked for want of input. */
  reasons: { id: string; text: string }[];
  projections: ProjectionNote[];
  waivers: { text: string; expired: boolean }[];
  /** `id: N days touched by waivers are excluded`. */
  waivedDays: string[];
  editions?: EditionsView;
  revisions?: { summary: string; largest: string[] };
  /** Targets whose kind of data is not among the inputs, per reason. */
  notChecked: { reason: string; ids: string[]; text: string }[];
  /** The qualitative commitments, in one line (the table says them so when it leaves their rows out). */
  manual?: { ids: string[]; text: string };
  /** What the `*` of an indicative status means; absent when no status carries it. */
  footnote?: string;
}

export interface ViewBasis {
  title: string;
  standards: string;
  /** `Air targets evaluated on ... ; as of ...`. */
  window: string;
  dayValidity: string;
  hourConvention?: string;
  /** Said when no data file was given. */
  noInputs?: string;
  /** One line per input: kind, encoding, rows, rejected, dates. */
  inputs: string[];
  /** The same per input as the cells of a table. */
  inputTable: {
    file: string;
    kind: string;
    encoding: string;
    rows: number;
    rejected: number;
    outside: number;
    unassigned: number;
    /** `2019-01-01 .. 2019-12-31`. */
    dates: string;
  }[];
  skipped: string[];
  /** Stations whose months fall short of HJ 663-2013 (hourly inputs). */
  capture: string[];
  /** Rejected rows, unassigned stations, a disagreeing AQI column, per input. */
  inputNotes: InputNote[];
  /** The standards applied and the rules read, one line each, for the families with data. */
  methods: string[];
}

/** Rejected rows of one input, with their place in the file, for formats that annotate files. */
export interface RejectionsView {
  file: string;
  problems: InputProblem[];
  /** Rejected rows beyond those listed, and the line that says so; 0 and "" when all are listed. */
  more: number;
  moreText: string;
}

export interface CheckView {
  lang: Lang;
  plan: { title: string; year: number; targetsFile: string; line: string };
  window: { from: string; to: string; asOf: string };
  summary: CheckReport["summary"] & { total: number; text: string };
  /** The headings of the results table's columns: id, target, status, actual, required, margin, vs baseline, valid days, clause. */
  head: string[];
  rows: ResultRow[];
  notes: ViewNotes;
  basis: ViewBasis;
  /** The families with data among the inputs (`air`, `water`, `ledger`). */
  families: ReadonlySet<string>;
  rejections: RejectionsView[];
  /** Machine keys and values of the run, the same in every language (JUnit properties). */
  properties: [string, string | number][];
}

const HEAD: MessageKey[] = [
  "col.id",
  "col.target",
  "col.status",
  "col.actual",
  "col.required",
  "col.margin",
  "col.baseline",
  "col.validDays",
  "col.clause",
];

/**
 * A result's reason in the chosen language, from its code and parameters (i18n `reasonText`); the engine's
 * English words where the message needs parameters the result does not carry.
 */
export function resultReason(
  detail: Pick<TargetResult["detail"], "reasonCode" | "reasonParams" | "reason">,
  lang: Lang,
): string | null {
  const { reasonCode, reasonParams, reason } = detail;
  if (reasonCode !== undefined) {
    const words = reasonText(lang, reasonCode, reasonParams ?? {});
    if (words !== reasonCode && !/\{\w+\}/.test(words)) return words;
  }
  return reason ?? null;
}

/** Decimals in the shortest form of a number (0 for integers and exponent notation). */
function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf(".");
  return dot < 0 || text.includes("e") ? 0 : text.length - dot - 1;
}

/** A number to at least `decimals` places, never dropping places it has (a margin may have more). */
export function fixed(value: number, decimals: number): string {
  return value.toFixed(Math.min(Math.max(decimals, decimalsOf(value), 0), 20));
}

function withUnit(text: string, unit: string): string {
  return unit === "%" ? `${text}%` : unit ? `${text} ${unit}` : text;
}

function signed(value: number, decimals: number): string {
  const text = fixed(value, decimals);
  return value > 0 ? `+${text}` : text;
}

/** `-2.4 % (2018: 3.21 万吨)`; a ratio's change in percentage points: `+1.5 pp (2018: 88.5 %)`. */
export function vsBaseline(b: BaselineBlock): string {
  const years = b.years.join("/");
  const base = `${years}: ${roundGbt8170(b.value, 2)} ${b.unit}`.trim();
  if (b.unit === "%") return `${signed(roundGbt8170(b.delta, 1), 1)} pp (${base})`;
  return b.deltaPercent === null ? `(${base})` : `${signed(roundGbt8170(b.deltaPercent, 1), 1)} % (${base})`;
}

function subRows(r: TargetResult, actualOf: (value: number) => string, lang: Lang): SubRow[] {
  const rows: Omit<SubRow, "line">[] = [];
  const noData = t(lang, "status.no-data");
  for (const w of r.detail.sections ?? []) {
    rows.push({
      kind: "section",
      name: `${w.section} (${w.river || "-"})`,
      mark: !w.sufficient ? noData : w.meets === false ? "✗" : w.meets === true ? "✓" : "",
      noData: !w.sufficient,
      fails: w.meets === false,
      value: w.class ?? "-",
      change: w.baselineClass !== undefined ? `${w.baselineClass ?? "-"} → ${w.class ?? "-"}` : "",
      items: sectionDetail(w),
      count: w.samplings,
      notable: !w.sufficient || w.meets === false,
    });
  }
  const areas = r.detail.areas ?? [];
  // A combined target with no data in any area says so once, in its reason.
  for (const a of areas.some((x) => x.actual !== null) ? areas : []) {
    rows.push({
      kind: "area",
      name: a.area,
      mark: a.sufficient ? "" : noData,
      noData: !a.sufficient,
      fails: false,
      value: a.actual === null ? "-" : actualOf(a.actual),
      change: "",
      items: "",
      count: a.validDays,
      notable: !a.sufficient,
    });
  }
  return rows.map((row) => {
    const count = t(lang, row.kind === "section" ? "detail.samplings" : "detail.validDays", {
      count: row.count,
    });
    const head = [row.mark, row.change || row.value].filter(Boolean).join(" ");
    return { ...row, line: `${row.name}: ${[head, row.items, count].filter(Boolean).join(", ")}` };
  });
}

function resultRow(r: TargetResult, lang: Lang): ResultRow {
  const statusWord = t(lang, `status.${r.status}`);
  const basis = r.basis?.kind ?? null;
  // An indicative verdict carries its mark wherever the status is written; the notes say what it means.
  const marked = basis === "indicative" ? t(lang, "status.indicative", { status: statusWord }) : statusWord;
  const statusText = r.informational ? t(lang, "status.informational", { status: marked }) : marked;
  const manual = r.detail.reasonCode === "manual";
  const actualOf = (value: number) => withUnit(fixed(value, r.decimals), r.unit);
  const actual = r.actual === null ? "-" : actualOf(r.actual);
  const range = Array.isArray(r.target) ? `${r.target[0]}..${r.target[1]}` : null;
  const required =
    r.op === null || r.target === null
      ? "-"
      : `${r.op === "between" ? "" : `${r.op} `}${range ?? String(r.target)}${r.tolerance !== null ? ` ±${r.tolerance}` : ""}${r.unit ? ` ${r.unit}` : ""}`;
  const margin = r.margin === null ? "-" : signed(r.margin, r.decimals);
  const clauseLine = t(lang, "detail.clause", { clause: r.clause, text: r.clauseText });
  return {
    id: r.id,
    title: r.title,
    family: r.family,
    status: r.status,
    statusWord,
    basis,
    basisWord: basis ? t(lang, `basisKind.${basis}`) : "",
    informational: r.informational,
    manual,
    notChecked: r.detail.reasonCode === "no-input",
    failure: r.status === "fail" && !r.informational,
    statusText,
    label: manual ? t(lang, "status.manual") : statusText,
    actual,
    required,
    margin,
    baseline: r.baseline ? vsBaseline(r.baseline) : "",
    validDays: String(r.validDays ?? "-"),
    clause: r.clause,
    quote: r.clauseText,
    clauseLine,
    resultLine: t(lang, "detail.result", {
      status: statusText,
      actual,
      required,
      margin,
      days: r.validDays !== null ? t(lang, "detail.resultDays", { count: r.validDays }) : "",
    }),
    // A verdict on short capture says its basis rather than the shortfall alone.
    reason:
      r.basis && r.basis.kind !== "official" ? resultReason(r.basis, lang) : resultReason(r.detail, lang),
    tolerance: r.tolerance ?? 0,
    figures: {
      actual: r.actual,
      actualNumber: r.actual === null ? null : fixed(r.actual, r.decimals),
      unit: r.unit,
      op: r.op,
      target: typeof r.target === "number" ? fixed(r.target, 0) : range,
      targetIsRange: range !== null,
      tolerance: r.tolerance === null ? null : fixed(r.tolerance, 0),
      margin: r.margin,
      marginNumber: r.margin === null ? null : fixed(r.margin, r.decimals),
      baselineDelta: r.baseline?.delta ?? null,
      validDays: r.validDays,
      basis,
    },
    subRows: subRows(r, actualOf, lang),
  };
}

/**
 * Year to date of one result: the outlook, what the rest of the year allows, the value so far against the
 * seasonal pace, the pattern the season came from, and the same period of last year (同比).
 */
function projectionNote(
  r: TargetResult,
  window: { from: string; to: string },
  lang: Lang,
): ProjectionNote | null {
  const p = r.projection;
  const last = r.sameTimeLastYear;
  if (!p && !last) return null;
  const status: ProjectionStatus = p?.status ?? (r.status === "pass" ? "on-track" : "at-risk");
  const params = {
    id: r.id,
    status: t(lang, p?.lost ? "projection.lost" : `projection.${status}`),
    remaining: p?.remainingDays ?? 0,
  };
  const parts = [
    p?.allowedNonGoodDays !== undefined
      ? t(lang, "projection.good", { ...params, allowed: p.allowedNonGoodDays })
      : p?.maxMeanRemaining !== undefined
        ? t(lang, "projection.mean", { ...params, max: p.maxMeanRemaining, unit: r.unit })
        : p?.allowedDaysAbove !== undefined
          ? t(lang, "projection.days", { ...params, allowed: p.allowedDaysAbove })
          : t(lang, "projection.plain", params),
  ];
  const season = p?.season;
  if (season && r.actual !== null) {
    const value = (v: number) => withUnit(fixed(v, r.decimals), r.unit);
    parts.push(
      t(lang, "projection.pace", {
        through: `${window.from} .. ${window.to}`,
        value: value(r.actual),
        pace: value(season.pace),
        standing: t(lang, `projection.${season.standing}`),
        expected: value(season.expected),
      }),
      season.pattern === "previous-year"
        ? t(lang, "projection.pattern.previous-year", { year: season.patternYear ?? "" })
        : t(lang, "projection.pattern.default-profile", { name: DEFAULT_SEASONAL_PROFILE.name[lang] }),
    );
  }
  if (last) {
    const change = t(lang, `projection.change.${last.unit}`, {
      sign: last.change > 0 ? "+" : "",
      change: fixed(last.change, 1),
    });
    parts.push(
      t(lang, "projection.sameTimeLastYear", {
        year: last.year,
        value: fixed(last.value, r.decimals),
        change,
      }),
    );
  }
  return { id: r.id, status, text: parts.join("; ") };
}

const CATEGORIES = ["excellent", "good", "light", "moderate", "heavy", "severe"] as const;

function editionsView(report: CheckReport, lang: Lang): EditionsView | undefined {
  if (!report.editions) return undefined;
  const rows = report.editions.map((c) => {
    const a = c.editions["HJ633-2012"];
    const b = c.editions["HJ633-2026"];
    const figures = (f: typeof a) =>
      `${f.goodRate ?? "-"}% (${f.goodDays}/${f.validDays}) ${CATEGORIES.map((k) => f.byCategory[k] ?? 0).join("/")}`;
    const change =
      a.goodRate !== null && b.goodRate !== null ? `${roundGbt8170(b.goodRate - a.goodRate, 1)} pp` : "";
    return [c.area, figures(a), figures(b), change];
  });
  return {
    title: t(lang, "editions.title"),
    legend: t(lang, "editions.legend"),
    head: ["", "HJ 633-2012", "HJ 633-2026", ""],
    rows,
  };
}

function revisionsView(report: CheckReport, lang: Lang): ViewNotes["revisions"] {
  const rv = report.revisions;
  if (!rv) return undefined;
  const months = Object.entries(rv.byMonth)
    .sort()
    .map(([m, n]) => `${m}: ${n}`)
    .join(", ");
  return {
    summary: t(lang, "revisions.summary", {
      changed: rv.changed,
      removed: rv.removed,
      months: months || "-",
    }),
    largest: rv.largest
      .slice(0, 5)
      .map(
        (r) =>
          `${r.station} ${r.date} ${r.pollutant}: ${roundGbt8170(r.before, 3)} -> ${roundGbt8170(r.after, 3)}`,
      ),
  };
}

function notes(report: CheckReport, rows: readonly ResultRow[], lang: Lang): ViewNotes {
  const reasons: ViewNotes["reasons"] = [];
  const manual = rows.filter((row) => row.manual).map((row) => row.id);
  // Targets without input data are summed up per reason, not listed one by one.
  const notChecked = new Map<string, string[]>();
  for (const row of rows) {
    if (row.notChecked)
      notChecked.set(row.reason ?? "", [...(notChecked.get(row.reason ?? "") ?? []), row.id]);
    else if (row.reason) reasons.push({ id: row.id, text: `${row.id}: ${row.reason}` });
  }
  const editions = editionsView(report, lang);
  const revisions = revisionsView(report, lang);
  return {
    reasons,
    projections: report.results.flatMap((r) => projectionNote(r, report.window, lang) ?? []),
    waivers: report.waivers.map((w) => ({
      expired: w.expired,
      text: t(lang, w.expired ? "waiver.expired" : "waiver.applied", {
        id: w.id,
        reason: w.reason,
        from: w.from,
        to: w.to,
        expires: w.expires,
      }),
    })),
    waivedDays: report.results.flatMap((r) =>
      r.detail.waivedDays ? [t(lang, "waiver.days", { id: r.id, days: r.detail.waivedDays })] : [],
    ),
    ...(editions ? { editions } : {}),
    ...(revisions ? { revisions } : {}),
    notChecked: [...notChecked].map(([reason, ids]) => ({
      reason,
      ids,
      text: t(lang, "reason.notChecked", { count: ids.length, reason }),
    })),
    ...(manual.length > 0
      ? {
          manual: {
            ids: manual,
            text: t(lang, "reason.manualGroup", { count: manual.length, ids: manual.join(", ") }),
          },
        }
      : {}),
    ...(rows.some((row) => row.basis === "indicative") ? { footnote: t(lang, "basis.footnote") } : {}),
  };
}

/**
 * The standards the run applied (from the target file's editions) and the rules hy-check reads them by:
 * the air ones when air data were given, GB 3838 when water data were, the rounding always.
 */
function methodLines(
  report: CheckReport,
  families: ReadonlySet<string>,
  lang: Lang,
  dayValidity: string,
): string[] {
  const s = report.standards;
  const lines: string[] = [];
  if (families.has("air"))
    lines.push(
      t(lang, "report.method.aqi", { code: standardName(s.aqi) }),
      t(lang, "report.method.assessment", { code: standardName(s.assessment) }),
      t(lang, "report.method.limits", { code: standardName(s.limits) }),
    );
  if (families.has("water")) lines.push(t(lang, "report.method.water"));
  lines.push(t(lang, "report.method.rounding"));
  if (families.has("air")) lines.push(dayValidity);
  return lines;
}

function basis(report: CheckReport, families: ReadonlySet<string>, lang: Lang): ViewBasis {
  const dayValidity = t(lang, "basis.dayValidity", {
    rule: t(lang, `dayValidity.${report.dayValidity}` as MessageKey),
  });
  const hourConvention =
    report.hourConvention === "ending" || report.hourConvention === "beginning"
      ? t(lang, `basis.hourConvention.${report.hourConvention}`)
      : undefined;
  // The capture is of all hourly inputs together: said once.
  const capture = report.inputs.find((i) => i.capture)?.capture;
  const methods = methodLines(report, families, lang, dayValidity);
  return {
    title: t(lang, "basis.title"),
    standards: t(lang, "basis.standards", report.standards),
    window: [
      t(lang, "basis.window", { from: report.window.from, to: report.window.to, asOf: report.asOf }),
      ...(report.yearToDate
        ? [t(lang, `basis.yearToDate.${report.yearToDate.from}`, { through: report.yearToDate.through })]
        : []),
    ].join("; "),
    dayValidity,
    ...(hourConvention !== undefined ? { hourConvention } : {}),
    ...(report.inputs.length === 0 ? { noInputs: t(lang, "basis.noInputs") } : {}),
    inputs: report.inputs.map((input) => inputLine(report, input, lang)),
    inputTable: report.inputs.map((i) => ({
      file: i.file,
      kind: i.kind,
      encoding: i.encoding,
      rows: i.rows,
      rejected: i.rejectedRows,
      outside: i.outsidePeriodRows,
      unassigned: i.unassignedRows,
      dates: `${i.from ?? "-"} .. ${i.to ?? "-"}`,
    })),
    skipped: report.skippedFiles.map((f) => skippedNote(f, lang)),
    capture: capture ? captureWarnings(capture, lang) : [],
    inputNotes: report.inputs.flatMap((input) => inputNotes(input, lang, report.standards.aqi)),
    methods: hourConvention !== undefined ? [...methods, hourConvention] : methods,
  };
}

function properties(report: CheckReport): [string, string | number][] {
  return [
    ["plan.year", report.plan.year],
    ["plan.targetsFile", report.plan.targetsFile],
    ...Object.entries(report.standards).map(([k, v]): [string, string] => [`standards.${k}`, v]),
    ["dayValidity", report.dayValidity],
    ...(report.hourConvention !== null
      ? [["hourConvention", report.hourConvention] as [string, string]]
      : []),
    ...report.inputs.flatMap((input, i): [string, string | number][] => [
      [`inputs[${i}].file`, input.file],
      [`inputs[${i}].kind`, input.kind],
      [`inputs[${i}].rows`, input.rows],
      [`inputs[${i}].rejectedRows`, input.rejectedRows],
    ]),
  ];
}

/** The view of a check in `lang`: rows, notes and data basis, as every format but JSON shows them. */
export function buildView(report: CheckReport, lang: Lang): CheckView {
  const rows = report.results.map((r) => resultRow(r, lang));
  const families = new Set<string>(report.inputs.map((i) => familyOfKind(i.kind)));
  const { title, year, targetsFile } = report.plan;
  // Names, cells and target-file texts reach terminals and CI logs from here: control characters escaped.
  return forPeople({
    lang,
    plan: { title, year, targetsFile, line: t(lang, "plan", { title, year, file: targetsFile }) },
    window: { ...report.window, asOf: report.asOf },
    summary: { ...report.summary, total: report.results.length, text: t(lang, "summary", report.summary) },
    head: HEAD.map((k) => t(lang, k)),
    rows,
    notes: notes(report, rows, lang),
    basis: basis(report, families, lang),
    families,
    rejections: report.inputs.map((input) => {
      const more = input.rejectedRows - input.rejected.length;
      return {
        file: input.file,
        problems: input.rejected,
        more: Math.max(more, 0),
        moreText: more > 0 ? t(lang, "warn.rejectedMore", { count: more }) : "",
      };
    }),
    properties: properties(report),
  });
}
