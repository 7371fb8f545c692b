// One baseline model for every change: versus a year, the previous year (同比), the mean of years, or the same
// period of a year. Old spellings (a target's `baseline: { year, indicator }`, `ledger.change`'s `baseline`,
// `water.sections_declined`'s `baselineYear`) are read into it by `targetBaseline()`.
import { z } from "zod";
import type { Lang } from "../i18n.js";
import { inLang } from "./metric.js";

const Year = z.number().int().min(2000).max(2100);

export const BaselineSchema = z
  .union([
    z.object({ year: Year }).strict(),
    z.object({ previousYear: z.literal(true) }).strict(),
    z.object({ meanOf: z.array(Year).min(1) }).strict(),
  ])
  .describe("A baseline year, the previous year (同比), or the mean of several years");
export type Baseline = z.infer<typeof BaselineSchema>;

/** The kinds of baseline, as results name them. */
export type BaselineKind = "year" | "previous-year" | "mean";

export function baselineKind(b: Baseline): BaselineKind {
  return "year" in b ? "year" : "previousYear" in b ? "previous-year" : "mean";
}

/** The calendar years a baseline reads, for a plan year. */
export function baselineYears(b: Baseline, planYear: number): number[] {
  return "year" in b ? [b.year] : "previousYear" in b ? [planYear - 1] : b.meanOf;
}

/** "2018", "the previous year", "2016/2017/2018". */
export function baselineWords(b: Baseline, lang: Lang): string {
  return "year" in b
    ? String(b.year)
    : "previousYear" in b
      ? inLang(lang, "上年", "the previous year")
      : b.meanOf.join("/");
}

/** A target's baseline in the one model: what it compares with and where the baseline figure comes from. */
export interface TargetBaseline {
  baseline: Baseline;
  /** The ledger indicator that holds the baseline figure, when it comes from a ledger. */
  indicator?: string;
  /** true: the change is what the target is judged on; false: shown beside the result for reading. */
  judged: boolean;
}

/** Reads the three spellings a target file may use into the one model; undefined when there is none. */
export function targetBaseline(target: {
  id: string;
  metric: {
    name: string;
    baseline?: Baseline | undefined;
    baselineYear?: number | undefined;
    indicator?: string | undefined;
  };
  baseline?: { year: number; indicator?: string | undefined } | undefined;
}): TargetBaseline | undefined {
  const m = target.metric;
  if (m.baseline !== undefined)
    return { baseline: m.baseline, judged: true, ...(m.indicator ? { indicator: m.indicator } : {}) };
  if (m.baselineYear !== undefined) return { baseline: { year: m.baselineYear }, judged: true };
  if (target.baseline !== undefined)
    return {
      baseline: { year: target.baseline.year },
      indicator: target.baseline.indicator ?? target.id,
      judged: false,
    };
  return undefined;
}
