// The one data flow: read -> normalise -> compute metrics -> compare -> results.
import { relative } from "node:path";
import { lastDay } from "../data/air-store.js";
import type { EncodingOption } from "../data/encoding.js";
import type { InputReport } from "../data/input-report.js";
import type { AirStores, FamilyStores, ReadSettings } from "../data/kinds/index.js";
import type { ProgressSink } from "../data/progress.js";
import { readInput } from "../data/read.js";
import { ParserThreads } from "../data/kinds/air-hourly/threads.js";
import {
  areaHourlySeries as hourlySeries,
  finishHourly,
  lastCompleteDay,
  stationCapture,
  type HourlyValues,
} from "../data/hourly-store.js";
import { expandInputs } from "../data/inputs.js";
import type { HourConvention } from "../data/time.js";
import { buildRegistry, type AreaRegistry } from "../data/registry.js";
import type { Lang } from "../i18n.js";
import { DEFAULT_TARGETS_FILE } from "../paths.js";
import { loadTargetFile } from "../targets/load.js";
import {
  type Target,
  type TargetFile,
  type Waiver,
  type GroupKind,
  resolvedStandards,
} from "../targets/schema.js";
import { ledgerBaselineFor } from "./ledger-metrics.js";
import { waivedDays, type AirMetricContext, type Window } from "../metrics/air/context.js";
import { airMetricOverScope } from "../metrics/air/scope.js";
import { familyOf as metricFamily, metricDefinition, type Family } from "../metrics/index.js";
import { createFamilyStores } from "./stores.js";
import { familyOfKind } from "../data/kinds/index.js";
import { compareDrops } from "./revisions.js";
import { compareEditions } from "./editions.js";
import { yearToDate, yearToDateStatus, type YearToDate } from "./year-to-date.js";
import type { MetricOutcome } from "./outcome.js";
import { compare } from "./compare.js";
import { roundGbt8170 } from "../methods/rounding.js";
import { basisOf, decimalsOf, summaryOf } from "./verdict-basis.js";
import type { CaptureMode } from "./basis.js";
import type { CheckReport, GroupPlace, SkippedFile, TargetResult } from "./result.js";
import { groupKey, groupName } from "../data/groups.js";
import { InputError } from "../errors.js";
import { evaluationYear, isStandardTargetFile } from "../data/data-years.js";

export interface CheckOptions {
  /** Path of a target file; default: the shipped Hengyang 2019 plan. */
  targets?: string;
  encoding?: EncodingOption;
  lang?: Lang;
  /** How hourly exports label their hours; default "ending" (CNEMC). */
  hourConvention?: HourConvention;
  /**
   * Date the evaluation stands at: milestones and ledger figures at that date; given inside the plan year,
   * the air targets are evaluated on the year so far and projected to its end. Default: the last date in the
   * data (capped at the year's end) for milestones, and the whole year for air targets.
   */
  asOf?: string;
  /** Evaluate the air targets on this window only (--period, --from/--to), with no projection. */
  window?: { from: string; to: string };
  /** Last month's drop: values that changed are reported as revisions. */
  previous?: readonly string[];
  /** The date waivers expire against (default: today). */
  today?: string;
  /** Also give every area's good-day rate and days by category under both AQI editions. */
  compareEditions?: boolean;
  /** Evaluate this calendar year instead of the target file's plan year. */
  year?: number;
  /** The worksheet of workbook inputs, by name or 1-based number (default: the first with a header). */
  sheet?: string;
  /** "plain" reads every file with csv-parse only (the reference the fast reader is tested against). */
  reader?: "fast" | "plain";
  /** `strict`: a verdict on capture short of HJ 663-2013's counts is no data unless definite (default: indicative). */
  capture?: CaptureMode;
  /** Called as large inputs are read: bytes done of the file's size. */
  progress?: ProgressSink;
  /** Receives what the targets were evaluated on, for charts of daily values (the year-end report). */
  onEvaluated?: (data: EvaluatedData) => void;
}

/** The plan, the stores and the air evaluation context of a run: the daily values behind the results. */
export interface EvaluatedData {
  plan: TargetFile;
  settings: ReadSettings;
  stores: FamilyStores;
  air: AirMetricContext;
}

/** The last date any input covers, but not past the plan year; the year's end when nothing is dated. */
export function defaultAsOf(inputs: readonly InputReport[], year: number): string {
  const end = `${year}-12-31`;
  const last = inputs
    .map((i) => i.to)
    .filter((d): d is string => d !== null)
    .sort()
    .pop();
  return last === undefined || last > end ? end : last;
}

const HOURLY_KINDS = new Set(["air-hourly", "air-site-file"]);

/**
 * Years read besides the plan year: the year before, for year to date (the same months last year, 同比, and
 * the season's pattern), unless the options ask for a window or the whole year.
 */
function otherAirYears(year: number, options: CheckOptions): number[] {
  const wholeYear = options.asOf !== undefined && options.asOf >= `${year}-12-31`;
  return options.window || wholeYear ? [] : [year - 1];
}

interface ReadAllResult {
  plan: TargetFile;
  settings: ReadSettings;
  stores: FamilyStores;
  inputs: InputReport[];
  skipped: SkippedFile[];
  hourly: boolean;
}

/** Reads every input into the stores of one plan: the first half of check(), shared with areaHourlySeries(). */
export async function readAll(
  files: readonly string[],
  options: CheckOptions,
  /** Keep each area's hourly series after the daily values are derived (areaHourlySeries needs them). */
  keepHourlySeries = false,
  /** Finish hourly days as the rows pass them (false: hold every hour to the end, as out-of-order input needs). */
  streamDays = !keepHourlySeries,
): Promise<ReadAllResult> {
  const reader = options.reader ?? "fast";
  // Started now, while the targets load; ended with the read if no reader takes them.
  const parserThreads = reader === "fast" ? ParserThreads.startFor(files) : undefined;
  try {
    return await readAllWith(files, options, keepHourlySeries, streamDays, parserThreads);
  } finally {
    await parserThreads?.close();
  }
}

async function readAllWith(
  files: readonly string[],
  options: CheckOptions,
  keepHourlySeries: boolean,
  streamDays: boolean,
  parserThreads: ParserThreads | undefined,
): Promise<ReadAllResult> {
  const { targets: loaded } = await loadTargetFile(options.targets ?? DEFAULT_TARGETS_FILE);
  const plan = options.year ? { ...loaded, plan: { ...loaded.plan, year: options.year } } : loaded;
  const settings: ReadSettings = {
    reader: options.reader ?? "fast",
    ...(options.progress ? { progress: options.progress } : {}),
    ...(parserThreads ? { parserThreads } : {}),
    registry: buildRegistry(plan),
    groupings: new Set(plan.targets.flatMap((t) => (t.scope?.each ? [t.scope.each] : []))),
    year: plan.plan.year,
    hourConvention: options.hourConvention ?? "ending",
    columnOverrides: plan.columns ?? {},
  };
  const stores = createFamilyStores(plan, {
    streamDays,
    extraAirYears: otherAirYears(plan.plan.year, options),
  });
  const air = stores.air;
  const inputs: InputReport[] = [];
  // One file at a time: files share the stores, so a station-day in two files is a duplicate, not two days.
  const skipped: SkippedFile[] = [];
  for (const { file, named } of await expandInputs(files)) {
    try {
      inputs.push(await readInput(file, settings, stores, options.encoding ?? "auto", options.sheet));
    } catch (e) {
      // A folder may hold files that are not data (a station list): reported as skipped, not fatal.
      const notData = e instanceof InputError && e.problems.every((p) => p.code === "HY-KIND");
      if (named || !notData) throw e;
      skipped.push({ file, reason: e.problems[0]?.message ?? "" });
    }
  }
  const year = evaluationYear(inputs, {
    planYear: plan.plan.year,
    standard: isStandardTargetFile(loaded.targets),
    targetsFile: displayPath(options.targets ?? DEFAULT_TARGETS_FILE),
    ...(options.year ? { requestedYear: options.year } : {}),
  });
  if (year instanceof InputError) throw year;
  // A standard target file evaluates the data's own year: read again for it (--year avoids the second pass).
  if (year !== plan.plan.year)
    return readAllWith(files, { ...options, year }, keepHourlySeries, !keepHourlySeries, parserThreads);
  // Hourly rows out of time order after days were finished: read everything again, holding every hour.
  const hourlyStores = [air.hourly, ...[...air.otherYears.values()].map((y) => y.hourly)];
  if (hourlyStores.some((s) => s.mustReread))
    return readAllWith(files, options, keepHourlySeries, false, parserThreads);
  const hourlyInputs = inputs.filter((i) => HOURLY_KINDS.has(i.kind));
  if (hourlyInputs.length > 0) {
    finishHourly(air.hourly, air.daily, { release: !keepHourlySeries });
    for (const other of air.otherYears.values()) {
      finishHourly(other.hourly, other.daily, { release: true });
      // Capture and the last complete day are the plan year's: other years' station records can go.
      other.hourly.stations.clear();
    }
    const capture = stationCapture(air.hourly);
    for (const input of hourlyInputs) input.capture = capture;
  }
  return { plan, settings, stores, inputs, skipped, hourly: hourlyInputs.length > 0 };
}

/**
 * Evaluates the plan's targets against the input files: the results as data (reason codes and parameters,
 * no words). `check()` (src/check.ts) is this with the JSON contract's words. Throws InputError on unusable input.
 */
export async function evaluatePlan(
  files: readonly string[],
  options: CheckOptions = {},
): Promise<CheckReport> {
  const lang = options.lang ?? "en";
  const targetsPath = options.targets ?? DEFAULT_TARGETS_FILE;
  const { plan, settings, stores, inputs, skipped, hourly } = await readAll(files, options);

  const families = new Set<Family>(inputs.map((i) => familyOfKind(i.kind)));
  const revisions = options.previous?.length
    ? compareDrops(
        (await readAll(options.previous, { ...options, previous: [] })).stores.air.daily,
        stores.air.daily,
      )
    : undefined;
  const asOf = options.asOf ?? defaultAsOf(inputs, plan.plan.year);
  const year = plan.plan.year;
  const yearEnd = `${year}-12-31`;
  // --period/--from/--to: that window; --as-of inside the year: the year so far, projected to its end; no
  // option and air data that end inside the year: the year so far to the last complete day of the data.
  const yearToDate = options.window ? undefined : yearToDateThrough(options.asOf, stores.air, hourly, year);
  const window: Window = options.window ?? { from: `${year}-01-01`, to: yearToDate?.through ?? yearEnd };
  const projectTo = yearToDate ? yearEnd : undefined;
  // An expired waiver is not applied; the report says so.
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const waivers = plan.waivers.map((w) => ({ ...w, expired: w.expires < today }));
  const active = waivers.filter((w) => !w.expired);
  const ec: EvalContext = {
    plan,
    stores,
    registry: settings.registry,
    families,
    lang,
    asOf,
    window,
    waivers: active,
    capture: options.capture ?? "indicative",
    ...(projectTo ? { projectTo } : {}),
  };
  const results = plan.targets.flatMap((target) =>
    target.scope?.each ? evaluateEach(target, target.scope.each, ec) : [evaluate(target, ec)],
  );
  options.onEvaluated?.({
    plan,
    settings,
    stores,
    air: airContext({ plan, stores, window, waivers: active }),
  });
  return {
    schemaVersion: 1,
    plan: { title: plan.plan.title[lang], year: plan.plan.year, targetsFile: displayPath(targetsPath) },
    standards: { ...resolvedStandards(plan), rounding: "GB/T8170-2008" },
    dayValidity: plan.dayValidity,
    hourConvention: hourly ? settings.hourConvention : null,
    asOf,
    window,
    ...(yearToDate ? { yearToDate } : {}),
    inputs,
    skippedFiles: skipped,
    waivers,
    ...(options.compareEditions
      ? {
          editions: compareEditions(
            airContext({ plan, stores, window, waivers: active }),
            plan.areas.map((a) => a.id),
          ),
        }
      : {}),
    ...(revisions ? { revisions } : {}),
    results,
    summary: summaryOf(results),
  };
}

/** Year to date: through --as-of inside the year, or, without it, the last complete day of air data inside it. */
function yearToDateThrough(
  asOf: string | undefined,
  air: AirStores,
  hourly: boolean,
  year: number,
): CheckReport["yearToDate"] {
  const yearEnd = `${year}-12-31`;
  if (asOf !== undefined) return asOf < yearEnd ? { through: asOf, from: "option" } : undefined;
  const ends = [lastDay(air.daily), hourly ? lastCompleteDay(air.hourly) : undefined];
  // The daily store's days are daily data's only: the hourly series' days sit apart (AirStore.hourly).
  const daily = [...air.daily.areas.values()].some((days) => days.size > 0);
  // An hourly day is complete with its last hour; a daily row is a whole day.
  const through = (hourly ? [ends[1], daily ? ends[0] : undefined] : [ends[0]])
    .filter((d): d is string => d !== undefined)
    .sort()
    .pop();
  return through !== undefined && through >= `${year}-01-01` && through < yearEnd
    ? { through, from: "data" }
    : undefined;
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") ? path : rel;
}

interface EvalContext {
  plan: TargetFile;
  stores: FamilyStores;
  /** The plan's areas, for a ledger row labelled with one. */
  registry: AreaRegistry;
  families: ReadonlySet<Family>;
  lang: Lang;
  asOf: string;
  window: Window;
  /** Year to date: the plan year's end, to project annual targets to. */
  projectTo?: string;
  /** Waivers in force today. */
  waivers: readonly Waiver[];
  capture: CaptureMode;
}

function airContext(
  ec: Pick<EvalContext, "plan" | "stores" | "window" | "waivers" | "projectTo">,
): AirMetricContext {
  return {
    store: ec.stores.air.daily,
    year: ec.plan.plan.year,
    dayValidity: ec.plan.dayValidity,
    window: ec.window,
    waivers: ec.waivers,
    edition: resolvedStandards(ec.plan).aqi,
    ...(ec.projectTo ? { projectTo: ec.projectTo } : {}),
  };
}

/** Year to date of an air target: the same months last year, what the rest of the year allows, the outlook. */
function yearToDateOf(target: Target, outcome: MetricOutcome, ec: EvalContext): YearToDate | undefined {
  const def = metricDefinition(target.metric);
  if (!ec.projectTo || def.family !== "air") return undefined;
  const year = ec.plan.plan.year - 1;
  const store = ec.stores.air.otherYears.get(year)?.daily;
  return yearToDate(target, def, outcome, airContext(ec), ec.plan, store ? { year, store } : undefined);
}

function familyOf(target: Target): Family {
  return metricFamily(target.metric);
}

function computeMetric(target: Target, ec: EvalContext): MetricOutcome {
  const { plan, stores } = ec;
  const def = metricDefinition(target.metric);
  switch (def.family) {
    case "air":
      return airMetricOverScope(airContext(ec), def, target.metric, target.scope ?? {}, plan);
    case "water":
      return def.compute({ store: stores.water.water, year: plan.plan.year }, target.metric);
    case "ledger":
      // Reasons in JSON stay English whatever --lang is; the formats translate them.
      return def.compute(
        {
          store: stores.ledger.ledger,
          indicators: stores.ledger.indicators,
          year: plan.plan.year,
          asOf: ec.asOf,
          lang: "en",
          rule: target,
        },
        target.metric,
      );
    case "manual":
      throw new Error("manual targets have no metric");
  }
}

/** The reason's fields of a result: its code and the parameters its words are made of (src/report/contract.ts). */
function reasonFields(
  outcome: Pick<MetricOutcome, "reasonCode" | "reasonParams">,
): Pick<TargetResult["detail"], "reasonCode" | "reasonParams"> {
  if (!outcome.reasonCode) return {};
  return {
    reasonCode: outcome.reasonCode,
    ...(outcome.reasonParams && Object.keys(outcome.reasonParams).length > 0
      ? { reasonParams: outcome.reasonParams }
      : {}),
  };
}

/** What a target's result says of the target itself, whatever the data. */
function resultBase(target: Target, lang: Lang) {
  return {
    id: target.id,
    title: target.title[lang],
    family: familyOf(target),
    clause: target.source.clause,
    clauseText: target.source.text,
    quote: target.source.text,
    informational: target.informational || target.metric.name === "manual",
    unit: target.unit ?? "",
    op: target.op ?? null,
    target: target.value ?? null,
    tolerance: target.tolerance ?? null,
  };
}

/** A result without a value, for the reason in `detail`. */
function noDataResult(
  target: Target,
  lang: Lang,
  detail: TargetResult["detail"],
  decimals = target.value === undefined ? 0 : decimalsOf(target.value),
): TargetResult {
  return {
    ...resultBase(target, lang),
    status: "no-data",
    actual: null,
    decimals,
    margin: null,
    validDays: null,
    detail,
  };
}

function evaluate(target: Target, ec: EvalContext): TargetResult {
  const { lang } = ec;
  const base = resultBase(target, lang);
  const noData = (detail: TargetResult["detail"]) => noDataResult(target, lang, detail);
  if (target.metric.name === "manual")
    return noData(reasonFields({ reasonCode: "manual", reasonParams: {} }));
  const family = familyOf(target);
  if (family === "manual" || !ec.families.has(family))
    return noData(reasonFields({ reasonCode: "no-input", reasonParams: { family } }));

  const outcome = computeMetric(target, ec);
  const waived =
    family === "air" && target.scope?.area !== undefined && ec.waivers.length > 0
      ? waivedDays(airContext(ec), target.scope.area)
      : 0;
  const baseline =
    outcome.baseline ?? ledgerBaselineFor(target, outcome.actual, ec.stores.ledger.ledger, ec.registry);
  const detail: TargetResult["detail"] = {
    ...reasonFields(outcome),
    ...(outcome.shortMonths ? { shortMonths: outcome.shortMonths } : {}),
    ...(outcome.areas
      ? {
          areas: outcome.areas.map(({ reasonCode, reasonParams, ...area }) => ({
            ...area,
            ...reasonFields({ reasonCode, reasonParams }),
          })),
        }
      : {}),
    // Six decimals: enough to show where a value sits, and free of the order the days were summed in.
    ...(family === "air" && outcome.raw !== null ? { unrounded: roundGbt8170(outcome.raw, 6) } : {}),
    ...(outcome.goodDays !== undefined ? { goodDays: outcome.goodDays } : {}),
    ...(outcome.sections ? { sections: outcome.sections } : {}),
    ...(outcome.milestone ? { milestone: outcome.milestone } : {}),
    ...outcome.detail,
    ...(waived > 0 ? { waivedDays: waived } : {}),
    ...(outcome.ledger
      ? {
          ledger: outcome.ledger.map((e) => ({ period: e.period, ...e.written, file: e.file, line: e.line })),
        }
      : {}),
  };
  const decimals = outcome.decimals;
  const ytd = yearToDateOf(target, outcome, ec);
  const withBaseline = {
    ...(baseline ? { baseline } : {}),
    ...(ytd?.projection ? { projection: ytd.projection } : {}),
    ...(ytd?.sameTimeLastYear ? { sameTimeLastYear: ytd.sameTimeLastYear } : {}),
  };
  const basis = basisOf(target, outcome, ec.capture);
  if (
    outcome.actual === null ||
    basis === undefined ||
    target.op === undefined ||
    target.value === undefined
  ) {
    const status = outcome.verdict?.status ?? "no-data";
    return {
      ...base,
      ...withBaseline,
      status,
      actual: outcome.actual,
      decimals,
      margin: outcome.verdict?.margin ?? null,
      validDays: outcome.validDays,
      ...(status !== "no-data" && basis ? { basis } : {}),
      detail,
    };
  }
  const verdict =
    outcome.verdict ??
    compare(
      target.op,
      outcome.actual,
      target.value,
      target.tolerance,
      Math.max(decimals, decimalsOf(target.value)),
    );
  // Year to date, a result fails only when the year's target is already lost.
  const standing = ytd ? yearToDateStatus(verdict.status, ytd, ec.window.to) : { status: verdict.status };
  return {
    ...base,
    ...withBaseline,
    status: standing.status,
    actual: outcome.actual,
    decimals,
    margin: verdict.margin,
    validDays: outcome.validDays,
    basis,
    detail: standing.reasonCode ? { ...detail, ...reasonFields(standing) } : detail,
  };
}

/**
 * A target evaluated for every city, county or station in the data: one result per group, ranked as the
 * bulletins rank (best first, equal reported values share a rank: 并列), groups without a value last.
 */
function evaluateEach(target: Target, each: GroupKind, ec: EvalContext): TargetResult[] {
  const names = [...ec.stores.air.daily.areas.keys()]
    .map((key) => groupName(key, each))
    .filter((name): name is string => name !== undefined);
  const family = familyOf(target);
  if (family === "manual" || !ec.families.has(family)) return [evaluate(target, ec)];
  if (names.length === 0) {
    const detail = reasonFields({ reasonCode: "no-groups", reasonParams: { each } });
    const decimals = family === "air" ? metricDecimals(target) : undefined;
    return [noDataResult(target, ec.lang, detail, decimals)];
  }
  const results = names.map((name) => ({
    name,
    result: evaluate({ ...target, scope: { area: groupKey(each, name) } }, ec),
  }));
  const lowerIsBetter = target.op === "<=";
  const higherIsBetter = target.op === ">=";
  const ranked = new Set(
    results
      .filter(({ result }) => result.status !== "no-data" && result.actual !== null)
      .map(({ result }) => result),
  );
  // The ranked values in ascending order: a place is 1 + the values better than its own (370 cities x 7
  // targets compared pairwise took 25 ms).
  const values = Float64Array.from(ranked, (r) => r.actual ?? NaN).sort();
  const places = results.map(({ name, result }) => {
    const inRanking = ranked.has(result) && (lowerIsBetter || higherIsBetter);
    const value = result.actual ?? NaN;
    const below = countBelow(values, value);
    const notAbove = countBelow(values, value, true);
    const rank = inRanking ? 1 + (lowerIsBetter ? below : values.length - notAbove) : null;
    // Another ranked group with the same value: more than one value equal to it.
    const tied = inRanking && notAbove - below > 1;
    const group: GroupPlace = { by: each, name, rank, tied, of: inRanking ? ranked.size : 0 };
    // The title keeps the target's: the contract names the group and its place in words (report/contract.ts).
    return { ...result, id: `${target.id}/${name}`, group };
  });
  return places.sort(
    (a, b) =>
      (a.group.rank ?? Infinity) - (b.group.rank ?? Infinity) ||
      (a.group.name < b.group.name ? -1 : a.group.name > b.group.name ? 1 : 0),
  );
}

/** How many of the ascending `sorted` are below `value` (or at most `value`, with `orEqual`). */
function countBelow(sorted: Float64Array, value: number, orEqual = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value || (orEqual && sorted[mid] === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function metricDecimals(target: Target): number {
  return metricDefinition(target.metric).decimals(target.metric);
}

/**
 * An area's hourly series (the mean over its stations each hour), labelled as the exports label hours:
 * what CNEMC publishes as city hourly values.
 */
export async function areaHourlySeries(
  files: readonly string[],
  area: string,
  options: CheckOptions = {},
): Promise<{ date: string; hour: number; values: HourlyValues }[]> {
  const { settings, stores } = await readAll(files, options, true);
  return [...hourlySeries(stores.air.hourly, area, settings.hourConvention)];
}
