// How firm a verdict is. The status comes from the value; the basis says what stands behind it:
//   official   - the capture the method asks for is met (HJ 663-2013's day counts for air statistics);
//   definite   - capture short, but no value the missing days could take changes the status (counts, rates);
//   indicative - capture short, but at least three quarters of the window's days are valid (and, for a
//                concentration statistic, no month of the window is without a valid day);
//   none       - too thin to speak: no data, as before.
// `--capture strict` takes only official and definite verdicts (the reading before bases existed).
import { roundGbt8170 } from "../methods/rounding.js";
import type { Comparison } from "../targets/schema.js";
import { compare, type Status } from "./compare.js";
import type { ReasonParams } from "./result.js";

/**
 * Which capture rule gates a statistic. `concentration`: annual means, percentiles and the composite
 * index, gated by HJ 663-2013's day counts (>= 324 daily values a year, >= 27 a month, 25 in February).
 * `day-ratio`: the good-day rate and day counts, ratios and counts over valid days; the counts say whether
 * they are official, but a short month does not silence them: their capture is valid days / days.
 */
export const CAPTURE_RULES = ["concentration", "day-ratio"] as const;
export type CaptureRule = (typeof CAPTURE_RULES)[number];

/** `indicative` (the default) speaks on short capture above the threshold; `strict` does not. */
export const CAPTURE_MODES = ["indicative", "strict"] as const;
export type CaptureMode = (typeof CAPTURE_MODES)[number];

export const BASIS_KINDS = ["official", "definite", "indicative"] as const;
export type BasisKind = (typeof BASIS_KINDS)[number];

/** hy-check's threshold for an indicative verdict: three quarters of the window's days valid. */
export const INDICATIVE_SHARE = 3 / 4;

/** What an air statistic's capture was: the engine decides the basis from it. */
export interface CaptureFacts {
  /** Valid days the statistic used. */
  validDays: number;
  /** Days of the window it could have used (days a waiver excludes whole are not counted). */
  days: number;
  /** Months (1-12) of the window without a valid day. */
  emptyMonths: number[];
  /** HJ 663-2013's short months, as `6: 25/27, 8: 24/27`; empty when the counts hold. */
  shortMonths: string;
  /** A combined scope (the counties): the areas too thin to speak for, by their own capture. */
  thinAreas?: string[];
  /** A combined scope: the areas short of HJ 663-2013's counts, as `衡阳县 (338)`. */
  shortAreas?: string;
}

/** Unrounded values the statistic would take with every missing day counted one way or the other. */
export interface RawBounds {
  missingDays: number;
  low: number;
  high: number;
}

/** The bounds as a result reports them: rounded as the value is, with the status each gives. */
export interface Bounds {
  missingDays: number;
  low: number;
  high: number;
  lowStatus: Exclude<Status, "no-data">;
  highStatus: Exclude<Status, "no-data">;
}

export interface Basis {
  kind: BasisKind;
  /** The capture rule of an air statistic; absent for water and ledger results. */
  rule?: CaptureRule;
  reasonCode: string;
  /** English words, as every reason in the JSON (the formats say it in the chosen language). */
  reason?: string;
  reasonParams: ReasonParams;
  bounds?: Bounds;
}

/** Enough valid days to speak for, when HJ 663-2013's counts are not met (hy-check's indicative threshold). */
export function enoughToIndicate(rule: CaptureRule, capture: CaptureFacts): boolean {
  if (capture.thinAreas) return capture.thinAreas.length === 0;
  if (capture.validDays === 0) return false;
  if (capture.validDays < Math.ceil(INDICATIVE_SHARE * capture.days)) return false;
  // A count or rate over valid days is not gated by months; a mean with a whole month missing is.
  return rule === "day-ratio" || capture.emptyMonths.length === 0;
}

/** A good-day rate in % with every missing day counted not good (low) and good (high). */
export function rateBounds(goodDays: number, validDays: number, missingDays: number): RawBounds | undefined {
  const days = validDays + missingDays;
  if (days === 0) return undefined;
  return {
    missingDays,
    low: (goodDays / days) * 100,
    high: ((goodDays + missingDays) / days) * 100,
  };
}

/** A count of days with every missing day counted out (low) and in (high). */
export function countBounds(count: number, missingDays: number): RawBounds {
  return { missingDays, low: count, high: count + missingDays };
}

/** The combined scope's bounds: the mean of the areas' bounds (the value is the mean of their values). */
export function meanBounds(bounds: readonly (RawBounds | undefined)[]): RawBounds | undefined {
  if (bounds.length === 0 || bounds.some((b) => b === undefined)) return undefined;
  const all = bounds as readonly RawBounds[];
  const mean = (pick: (b: RawBounds) => number) => all.reduce((s, b) => s + pick(b), 0) / all.length;
  return {
    missingDays: all.reduce((s, b) => s + b.missingDays, 0),
    low: mean((b) => b.low),
    high: mean((b) => b.high),
  };
}

export interface Rule {
  op: Comparison;
  value: number | readonly [number, number];
  tolerance: number | undefined;
  /** Decimals the comparison is made to (the value's and the target's). */
  decimals: number;
  /** Decimals the value is reported to: the bounds are rounded as the value is (GB/T 8170). */
  reportedDecimals: number;
}

/**
 * The bounds' statuses. Only a one-sided rule (>=, <=) is monotone in the value, so only there do two
 * equal statuses at the ends settle every value between.
 */
export function boundsOf(raw: RawBounds, rule: Rule): Bounds | undefined {
  if (rule.op !== ">=" && rule.op !== "<=") return undefined;
  const low = roundGbt8170(raw.low, rule.reportedDecimals);
  const high = roundGbt8170(raw.high, rule.reportedDecimals);
  const statusOf = (v: number) => compare(rule.op, v, rule.value, rule.tolerance, rule.decimals).status;
  return { missingDays: raw.missingDays, low, high, lowStatus: statusOf(low), highStatus: statusOf(high) };
}

/** What the basis decision reads of a metric's outcome. */
export interface BasisInput {
  /** The method's capture is met (HJ 663-2013's counts; a water or ledger method's own rule). */
  sufficient: boolean;
  rule?: CaptureRule;
  capture?: CaptureFacts;
  bounds?: RawBounds;
}

/** The basis of a verdict, or undefined when the data are too thin for one (no data). */
export function decideBasis(input: BasisInput, rule: Rule, mode: CaptureMode): Basis | undefined {
  const { capture } = input;
  const bounds = input.bounds ? boundsOf(input.bounds, rule) : undefined;
  const withBounds = bounds ? { bounds } : {};
  const ruleField = input.rule ? { rule: input.rule } : {};
  const days: ReasonParams = capture ? { valid: capture.validDays, days: capture.days } : {};
  if (input.sufficient)
    return capture
      ? { kind: "official", ...ruleField, reasonCode: "capture-met", reasonParams: days, ...withBounds }
      : { kind: "official", reasonCode: "method-met", reasonParams: {} };
  if (!capture || !input.rule) return undefined;
  if (bounds && bounds.lowStatus === bounds.highStatus)
    return {
      kind: "definite",
      ...ruleField,
      reasonCode: "bounds-agree",
      reasonParams: {
        ...days,
        missing: bounds.missingDays,
        low: bounds.low,
        high: bounds.high,
        status: bounds.lowStatus,
      },
      bounds,
    };
  if (mode === "strict" || !enoughToIndicate(input.rule, capture)) return undefined;
  const short = capture.thinAreas
    ? { reasonCode: "capture-short-areas", reasonParams: { ...days, areas: capture.shortAreas || "-" } }
    : {
        reasonCode: input.rule === "day-ratio" ? "capture-short-days" : "capture-short",
        reasonParams: {
          ...days,
          share: roundGbt8170(capture.days === 0 ? 0 : (capture.validDays / capture.days) * 100, 1),
          months: capture.shortMonths || "-",
        },
      };
  return { kind: "indicative", ...ruleField, ...short, ...withBounds };
}
