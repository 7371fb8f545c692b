// Ledger metrics: reported values, changes against baselines, milestones.
import { valueAsOf, valueOfYear, type LedgerEntry, type LedgerStore } from "../data/ledger-store.js";
import { daysBetween } from "../data/values.js";
import { t, type Lang } from "../i18n.js";
import { roundGbt8170 } from "../methods/rounding.js";
import type { IndicatorSpec, LedgerMetric } from "../targets/schema.js";
import type { MetricOutcome } from "./outcome.js";
import type { BaselineBlock } from "./result.js";

export interface LedgerMetricContext {
  store: LedgerStore;
  indicators: ReadonlyMap<string, IndicatorSpec>;
  year: number;
  asOf: string;
  lang: Lang;
}

/** Changes are reported to 0.1 % or 0.1 percentage point, as plans state them. */
const CHANGE_DECIMALS = 1;

function decimalsWritten(entry: LedgerEntry): number {
  return (entry.written.value.split(".")[1] ?? "").replace(/\D/g, "").length;
}

function noData(reasonCode: string, reason: string, decimals = 0): MetricOutcome {
  return { raw: null, actual: null, decimals, validDays: null, sufficient: false, reasonCode, reason };
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
  const value = missing.length > 0 ? null : entries.reduce((s, e) => s + e.value, 0) / entries.length;
  return { kind, years, value, entries, missing };
}

/** Percent change for totals; percentage points for ratios (each indicator knows which it is). */
export function change(current: number, base: number): { delta: number; deltaPercent: number | null } {
  return { delta: current - base, deltaPercent: base === 0 ? null : ((current - base) / base) * 100 };
}

export function ledgerMetric(ctx: LedgerMetricContext, metric: LedgerMetric): MetricOutcome {
  const spec = ctx.indicators.get(metric.indicator.toLowerCase());
  if (!spec)
    return noData(
      "unknown-indicator",
      t(ctx.lang, "reason.unknown-indicator", { indicator: metric.indicator }),
    );
  const noFigure = (decimals?: number) =>
    noData(
      "no-figure",
      t(ctx.lang, "reason.no-figure", { indicator: spec.id, year: ctx.year, asOf: ctx.asOf }),
      decimals,
    );
  switch (metric.name) {
    case "ledger.value": {
      const entry = valueAsOf(ctx.store, spec.id, ctx.year, ctx.asOf);
      return entry ? ofValue(entry) : noFigure();
    }
    case "ledger.change": {
      const entry = valueAsOf(ctx.store, spec.id, ctx.year, ctx.asOf);
      if (!entry) return noFigure(CHANGE_DECIMALS);
      const base = baselineValue(ctx, spec.id, metric.baseline);
      if (base.value === null)
        return noData(
          "no-baseline",
          t(ctx.lang, "reason.no-baseline-figure", { indicator: spec.id, years: base.missing.join(", ") }),
          CHANGE_DECIMALS,
        );
      const { delta, deltaPercent } = change(entry.value, base.value);
      const raw = spec.quantity === "ratio" ? delta : deltaPercent;
      if (raw === null)
        return noData(
          "baseline-zero",
          t(ctx.lang, "reason.baseline-zero", { indicator: spec.id }),
          CHANGE_DECIMALS,
        );
      return {
        raw,
        actual: roundGbt8170(raw, CHANGE_DECIMALS) + 0,
        decimals: CHANGE_DECIMALS,
        validDays: null,
        sufficient: true,
        ledger: [entry, ...base.entries],
        baseline: {
          kind: base.kind,
          years: base.years,
          value: base.value,
          current: entry.value,
          unit: spec.unit,
          delta,
          deltaPercent,
        },
      };
    }
    case "milestone": {
      // Done = a figure >= 1; its period's last day is the completion date (a month counts to its end).
      const done = (ctx.store.entries.get(spec.id) ?? [])
        .filter((e) => e.value >= 1 && e.end <= ctx.asOf)
        .sort((a, b) => (a.end < b.end ? -1 : 1))[0];
      if (done) {
        const late = daysBetween(metric.due, done.end) - 1;
        return {
          raw: late,
          actual: late,
          decimals: 0,
          validDays: null,
          sufficient: true,
          ledger: [done],
          milestone: late <= 0 ? "done" : "late",
        };
      }
      if (ctx.asOf <= metric.due)
        return {
          ...noData("open", t(ctx.lang, "reason.open", { due: metric.due, asOf: ctx.asOf })),
          milestone: "open",
        };
      const overdue = daysBetween(metric.due, ctx.asOf) - 1;
      return {
        raw: overdue,
        actual: overdue,
        decimals: 0,
        validDays: null,
        sufficient: true,
        ledger: [],
        milestone: "late",
      };
    }
  }
}
