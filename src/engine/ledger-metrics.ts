// Ledger metrics: reported values, changes against baselines, milestones, counted tasks in progress, and
// the baselines air targets show from the ledger.
import {
  exactValue,
  ledgerEntries,
  valueAsOf,
  valueOfYear,
  type LedgerEntry,
  type LedgerStore,
} from "../data/ledger-store.js";
import { groupName } from "../data/groups.js";
import { areaByName, type AreaRegistry } from "../data/registry.js";
import { daysBetween } from "../data/values.js";
import { t, type Lang } from "../i18n.js";
import {
  add,
  compareRational,
  displayMargin,
  div,
  exactChange,
  mul,
  rational,
  rationalOfNumber,
  roundRational,
  sub,
  targetFigure,
  toNumber,
  type ChangeKind,
  type Rational,
} from "../methods/exact-change.js";
import { roundGbt8170 } from "../methods/rounding.js";
import { GROUP_KINDS } from "../targets/group-kinds.js";
import { targetBaseline } from "../metrics/baseline.js";
import type { IndicatorSpec, LedgerMetric, Target } from "../targets/schema.js";
import { compare, type Verdict } from "./compare.js";
import type { MetricOutcome } from "./outcome.js";
import type { BaselineBlock, TargetResult } from "./result.js";

export interface LedgerMetricContext {
  store: LedgerStore;
  indicators: ReadonlyMap<string, IndicatorSpec>;
  year: number;
  asOf: string;
  lang: Lang;
  /** The target's comparison, where the figure decides it exactly (changes, milestones, counted tasks). */
  rule?: LedgerRule;
}

/** The comparison a ledger target asks for; without it a metric only measures. */
export type LedgerRule = Pick<Target, "op" | "value" | "tolerance">;

/** Changes are reported to 0.1 % or 0.1 percentage point, as plans state them. */
const CHANGE_DECIMALS = 1;
/** Shares (progress of a task, of the year) are reported to 0.1 %. */
const SHARE_DECIMALS = 1;

function decimalsWritten(entry: LedgerEntry): number {
  return (entry.written.value.split(".")[1] ?? "").replace(/\D/g, "").length;
}

function noData(
  reasonCode: string,
  reason: string,
  decimals = 0,
  reasonParams?: Record<string, string | number>,
): MetricOutcome {
  return {
    raw: null,
    actual: null,
    decimals,
    validDays: null,
    sufficient: false,
    reasonCode,
    reason,
    ...(reasonParams ? { reasonParams } : {}),
  };
}

/**
 * The figure keeps the precision it was written with, carried through a unit conversion: 40400 吨 is
 * 4.0400 万吨 (4 more decimals), 4520 kg is 4.520 t.
 */
function ofValue(entry: LedgerEntry): MetricOutcome {
  const written = Number(entry.written.value.replace(/,/g, ""));
  const shift =
    written !== 0 && entry.value !== 0 ? Math.round(Math.log10(Math.abs(written / entry.value))) : 0;
  const decimals = Math.max(0, decimalsWritten(entry) + shift);
  return {
    raw: entry.value,
    actual: roundGbt8170(entry.value, decimals),
    decimals,
    validDays: null,
    sufficient: true,
    ledger: [entry],
  };
}

/** The baseline figure: one year, the previous year (同比) or the mean of several years. */
export function baselineValue(
  ctx: LedgerMetricContext,
  indicator: string,
  baseline: { year: number } | { previousYear: true } | { meanOf: number[] },
): {
  kind: BaselineBlock["kind"];
  years: number[];
  value: number | null;
  /** The same figure as an exact decimal (the mean of the years' figures as written). */
  exact: Rational | null;
  entries: LedgerEntry[];
  missing: number[];
} {
  const years =
    "year" in baseline ? [baseline.year] : "previousYear" in baseline ? [ctx.year - 1] : baseline.meanOf;
  const kind = "year" in baseline ? "year" : "previousYear" in baseline ? "previous-year" : "mean";
  const entries: LedgerEntry[] = [];
  const missing: number[] = [];
  for (const y of years) {
    const e = valueOfYear(ctx.store, indicator, y);
    if (e) entries.push(e);
    else missing.push(y);
  }
  const exact = missing.length > 0 ? null : meanOf(entries.map(exactValue));
  return { kind, years, value: exact && toNumber(exact), exact, entries, missing };
}

function meanOf(values: readonly Rational[]): Rational {
  return div(values.reduce(add, rational(0n)), rational(BigInt(values.length)));
}

/** Percent change for totals; percentage points for ratios (each indicator knows which it is). */
export function change(current: number, base: number): { delta: number; deltaPercent: number | null } {
  return exactDelta(rationalOfNumber(current), rationalOfNumber(base));
}

function exactDelta(current: Rational, base: Rational): { delta: number; deltaPercent: number | null } {
  const percent = exactChange(current, base, "percent");
  return { delta: toNumber(sub(current, base)), deltaPercent: percent && toNumber(percent) };
}

const exactOf = (value: number | readonly [number, number]): Rational | [Rational, Rational] =>
  typeof value === "number"
    ? rationalOfNumber(value)
    : [rationalOfNumber(value[0]), rationalOfNumber(value[1])];

/**
 * How far past (+) or short of (−) the target x is, exactly, as compare() measures it on rounded values:
 * `>=` x − t, `<=` t − x, `==` −|x − t|, `between` the nearer edge.
 */
function exactMargin(op: NonNullable<Target["op"]>, x: Rational, target: Rational | [Rational, Rational]) {
  if (Array.isArray(target)) {
    const [lo, hi] = op === "between" ? target : [target[0], target[0]];
    const a = sub(x, lo);
    const b = sub(hi, x);
    return compareRational(a, b) <= 0 ? a : b;
  }
  if (op === ">=") return sub(x, target);
  if (op === "<=") return sub(target, x);
  const d = sub(x, target);
  return d.num < 0n ? d : rational(-d.num, d.den);
}

/**
 * A change target compares the plan year's figure with the figure the target allows (baseline x (1 + target)
 * for a total, baseline + target for a ratio), exactly: GB/T 8170-2008 4.3 compares the full value unless a
 * rule says to compare the rounded one, and no rule says so for emission cuts (HJ 663 does for air).
 */
function changeVerdict(
  rule: Required<Pick<LedgerRule, "op" | "value">> & Pick<LedgerRule, "tolerance">,
  exact: Rational,
  current: Rational,
  base: Rational,
  kind: ChangeKind,
): { verdict: Verdict; figure: Omit<NonNullable<TargetResult["detail"]["targetFigure"]>, "unit"> } {
  const target = exactOf(rule.value);
  // With a positive baseline (every emission total), the change meets the target exactly when the figure
  // is within the target figure: the two margins have the same sign.
  const margin = exactMargin(rule.op, exact, target);
  const tolerance = rationalOfNumber(rule.tolerance ?? 0);
  const status =
    margin.num >= 0n
      ? "pass"
      : compareRational(rational(-margin.num, margin.den), tolerance) <= 0
        ? "warn"
        : "fail";
  const allowed = Array.isArray(target)
    ? ([targetFigure(base, target[0], kind), targetFigure(base, target[1], kind)] as [Rational, Rational])
    : targetFigure(base, target, kind);
  const figureMargin = exactMargin(rule.op, current, allowed);
  return {
    verdict: { status, margin: displayMargin(margin, CHANGE_DECIMALS) },
    figure: {
      allowed: Array.isArray(allowed) ? [toNumber(allowed[0]), toNumber(allowed[1])] : toNumber(allowed),
      current: toNumber(current),
      margin: toNumber(figureMargin),
    },
  };
}

function changeOutcome(
  ctx: LedgerMetricContext,
  spec: IndicatorSpec,
  metric: Extract<LedgerMetric, { name: "ledger.change" }>,
  rule: LedgerRule | undefined,
  noFigure: (decimals?: number) => MetricOutcome,
): MetricOutcome {
  const entry = valueAsOf(ctx.store, spec.id, ctx.year, ctx.asOf);
  if (!entry) return noFigure(CHANGE_DECIMALS);
  const base = baselineValue(ctx, spec.id, metric.baseline);
  if (base.exact === null || base.value === null)
    return noData(
      "no-baseline",
      t(ctx.lang, "reason.no-baseline-figure", { indicator: spec.id, years: base.missing.join(", ") }),
      CHANGE_DECIMALS,
      { indicator: spec.id, years: base.missing.join(", ") },
    );
  const current = exactValue(entry);
  const kind: ChangeKind = spec.quantity === "ratio" ? "points" : "percent";
  const exact = exactChange(current, base.exact, kind);
  if (exact === null)
    return noData(
      "baseline-zero",
      t(ctx.lang, "reason.baseline-zero", { indicator: spec.id }),
      CHANGE_DECIMALS,
      { indicator: spec.id },
    );
  const actual = toNumber(roundRational(exact, CHANGE_DECIMALS));
  const outcome: MetricOutcome = {
    raw: toNumber(exact),
    actual,
    decimals: CHANGE_DECIMALS,
    validDays: null,
    sufficient: true,
    ledger: [entry, ...base.entries],
    baseline: {
      kind: base.kind,
      years: base.years,
      value: base.value,
      current: toNumber(current),
      unit: spec.unit,
      ...exactDelta(current, base.exact),
    },
  };
  if (rule?.op === undefined || rule.value === undefined) return outcome;
  const { verdict, figure } = changeVerdict(
    {
      op: rule.op,
      value: rule.value,
      ...(rule.tolerance !== undefined ? { tolerance: rule.tolerance } : {}),
    },
    exact,
    current,
    base.exact,
    kind,
  );
  const detail: Partial<TargetResult["detail"]> = { targetFigure: { ...figure, unit: spec.unit } };
  // The reported (rounded) percentage alone would say otherwise: say why.
  const onRounded = compare(rule.op, actual, rule.value, rule.tolerance, CHANGE_DECIMALS).status;
  const explained =
    onRounded === verdict.status
      ? {}
      : {
          reasonCode: "target-figure",
          reason: t(ctx.lang, "reason.target-figure", {
            actual,
            unit: kind === "points" ? t(ctx.lang, "unit.points") : "%",
            current: figure.current,
            allowed: String(figure.allowed),
            figureUnit: spec.unit,
            over: roundGbt8170(Math.abs(figure.margin), 6),
            status: verdict.status,
          }),
        };
  return { ...outcome, ...explained, verdict, detail };
}

/** Share of the plan year elapsed by the end of `date` (1 January counts as a whole day), as a fraction. */
function yearElapsed(year: number, date: string): Rational {
  const days = daysBetween(`${year}-01-01`, `${year}-12-31`);
  const elapsed = Math.min(days, Math.max(0, daysBetween(`${year}-01-01`, date)));
  return rational(BigInt(elapsed), BigInt(days));
}

const percentShare = (share: Rational) => toNumber(roundRational(mul(share, rational(100n)), SHARE_DECIMALS));

/**
 * A counted task (N个 by the year's end) is due at the plan year's end. Before that its figure is progress:
 * done / required against the share of the year elapsed at the figure's date (on track when not behind
 * it); it never fails before the due date.
 */
function countedTask(ctx: LedgerMetricContext, outcome: MetricOutcome, entry: LedgerEntry, required: number) {
  const done = exactValue(entry);
  const share = div(done, rationalOfNumber(required));
  const progress = percentShare(share);
  const due = `${ctx.year}-12-31`;
  if (ctx.asOf >= due || compareRational(share, rational(1n)) >= 0)
    return { ...outcome, detail: { progress } };
  const elapsed = yearElapsed(ctx.year, entry.end);
  const outlook = compareRational(share, elapsed) >= 0 ? "on-track" : "at-risk";
  const verdict: Verdict = { status: "warn", margin: toNumber(sub(done, rationalOfNumber(required))) };
  return {
    ...outcome,
    verdict,
    reasonCode: "in-progress",
    reason: t(ctx.lang, "reason.task-in-progress", {
      done: toNumber(done),
      required,
      progress,
      date: entry.end,
      elapsed: percentShare(elapsed),
      outlook: t(ctx.lang, `outlook.${outlook}`),
      due,
    }),
    reasonParams: {
      done: toNumber(done),
      required,
      progress,
      date: entry.end,
      elapsed: percentShare(elapsed),
      outlook,
      due,
    },
    detail: { progress, yearElapsed: percentShare(elapsed), outlook },
  } satisfies MetricOutcome;
}

/** Days from the due date to a date: 0 on the due date, 1 the day after. */
const daysAfter = (due: string, date: string) => daysBetween(due, date) - 1;

/**
 * A milestone is done when a figure >= 1 is reported; its period's last day is the completion date (a month
 * counts to its end). Done by the due date passes; done after it fails by the days late, whatever --as-of (a
 * completion reported after the evaluation date still counts at the review); not done once the due date has
 * come fails; not done and not yet due is in progress (warn). With no row at all there is no figure.
 */
function milestoneOutcome(
  ctx: LedgerMetricContext,
  spec: IndicatorSpec,
  due: string,
  noFigure: () => MetricOutcome,
): MetricOutcome {
  const rows = [...ledgerEntries(ctx.store, spec.id)].sort((a, b) => (a.end < b.end ? -1 : 1));
  if (rows.length === 0) return noFigure();
  const done = rows.find((e) => e.value >= 1);
  const measured = (days: number, ledger: LedgerEntry[]) => ({
    raw: days,
    actual: days,
    decimals: 0,
    validDays: null,
    sufficient: true,
    ledger,
  });
  if (done && done.end <= due && done.end <= ctx.asOf)
    return {
      ...measured(daysAfter(due, done.end), [done]),
      milestone: "done",
      detail: { completed: done.end },
    };
  if (done && done.end > due) {
    const late = daysAfter(due, done.end);
    const afterAsOf = done.end > ctx.asOf;
    return {
      ...measured(late, [done]),
      milestone: "late",
      reasonCode: afterAsOf ? "late-after-as-of" : "late",
      reason: t(ctx.lang, afterAsOf ? "reason.late-after-as-of" : "reason.late", {
        date: done.end,
        days: late,
        due,
        asOf: ctx.asOf,
      }),
      reasonParams: { date: done.end, days: late, due, asOf: ctx.asOf },
      detail: { completed: done.end },
    };
  }
  const latest = rows.filter((e) => e.end <= ctx.asOf).pop() ?? rows[0];
  if (ctx.asOf < due)
    return {
      ...noData("in-progress", t(ctx.lang, "reason.in-progress", { due, asOf: ctx.asOf }), 0, {
        due,
        asOf: ctx.asOf,
      }),
      ledger: latest ? [latest] : [],
      milestone: "in-progress",
      verdict: { status: "warn", margin: null },
    };
  // Not done at the end of the evaluation date: done the next day at the earliest, so at least this late.
  const late = daysAfter(due, ctx.asOf) + 1;
  return {
    ...measured(late, latest ? [latest] : []),
    milestone: "missed",
    reasonCode: "missed",
    reason: t(ctx.lang, "reason.missed", { due, asOf: ctx.asOf, days: late }),
    reasonParams: { due, asOf: ctx.asOf, days: late },
  };
}

export function ledgerMetric(
  ctx: LedgerMetricContext,
  metric: LedgerMetric,
  rule?: LedgerRule,
): MetricOutcome {
  const spec = ctx.indicators.get(metric.indicator.toLowerCase());
  if (!spec)
    return noData(
      "unknown-indicator",
      t(ctx.lang, "reason.unknown-indicator", { indicator: metric.indicator }),
      0,
      { indicator: metric.indicator },
    );
  const noFigure = (decimals?: number) =>
    noData(
      "no-figure",
      t(ctx.lang, "reason.no-figure", { indicator: spec.id, year: ctx.year, asOf: ctx.asOf }),
      decimals,
      { indicator: spec.id, year: ctx.year, asOf: ctx.asOf },
    );
  switch (metric.name) {
    case "ledger.value": {
      const entry = valueAsOf(ctx.store, spec.id, ctx.year, ctx.asOf);
      if (!entry) return noFigure();
      const outcome = ofValue(entry);
      const required = rule?.value;
      return spec.quantity === "count" && rule?.op === ">=" && typeof required === "number" && required > 0
        ? countedTask(ctx, outcome, entry, required)
        : outcome;
    }
    case "ledger.change":
      return changeOutcome(ctx, spec, metric, rule, noFigure);
    case "milestone":
      return milestoneOutcome(ctx, spec, metric.due, () => noFigure());
  }
}

/** The registry area a target's scope names: an area id, or a group (`county:衡阳县`) the registry knows. */
function scopeArea(
  scope: Target["scope"],
  registry: AreaRegistry,
): { area: string; group: boolean } | undefined {
  const area = scope?.area;
  if (area === undefined) return undefined;
  if (registry.areas.some((a) => a.id === area)) return { area, group: false };
  for (const kind of GROUP_KINDS) {
    const name = groupName(area, kind);
    const known = name === undefined ? undefined : areaByName(registry, name);
    if (known !== undefined) return { area: known, group: true };
  }
  return undefined;
}

/**
 * The baseline block of an air or water target from the ledger (e.g. the 2018 PM2.5 mean), if it names one:
 * for an area, that area's row (地区 = 市城区 or an alias) or else the indicator's city-wide row; for the
 * counties' mean, the reported mean (a city-wide row of the indicator) or else the mean of every county's row.
 */
export function ledgerBaselineFor(
  target: Target,
  actual: number | null,
  store: LedgerStore,
  registry: AreaRegistry,
): BaselineBlock | undefined {
  // A baseline shown beside the result (one year's ledger figure), not one the target is judged on.
  const shown = targetBaseline(target);
  if (!shown || shown.judged || shown.indicator === undefined || actual === null) return undefined;
  if (!("year" in shown.baseline)) return undefined;
  const indicator = shown.indicator;
  const year = shown.baseline.year;
  let base: Rational | undefined;
  let areas: BaselineBlock["areas"];
  const scoped = scopeArea(target.scope, registry);
  const own = scoped && valueOfYear(store, indicator, year, scoped.area);
  const cityWide = scoped?.group ? undefined : valueOfYear(store, indicator, year);
  if (own ?? cityWide) base = exactValue((own ?? cityWide) as LedgerEntry);
  else if (target.scope?.areaKind !== undefined) {
    const ofKind = registry.areas.filter((a) => a.kind === target.scope?.areaKind);
    const rows = ofKind.map((a) => ({ area: a.id, entry: valueOfYear(store, indicator, year, a.id) }));
    if (rows.length > 0 && rows.every((r) => r.entry !== undefined)) {
      const values = rows.map((r) => exactValue(r.entry as LedgerEntry));
      base = meanOf(values);
      areas = rows.map((r, i) => ({ area: r.area, value: toNumber(values[i] as Rational) }));
    }
  }
  if (base === undefined) return undefined;
  const current = rationalOfNumber(actual);
  return {
    kind: "year",
    years: [year],
    value: toNumber(base),
    current: actual,
    unit: target.unit ?? "",
    ...exactDelta(current, base),
    ...(areas ? { areas } : {}),
  };
}
