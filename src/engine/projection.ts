// Year to date: what the rest of the year may still bring for an annual target to hold. Pure arithmetic,
// on the rounded value the target is judged on (GB/T 8170), assuming every remaining day is valid.
import { roundGbt8170 } from "../methods/rounding.js";

export const PROJECTION_STATUSES = ["on-track", "at-risk", "off-track"] as const;
export type ProjectionStatus = (typeof PROJECTION_STATUSES)[number];

export interface Projection {
  /** The outlook: from the season (`season`) where the metric has one, else from the year so far as a line. */
  status: ProjectionStatus;
  /** Days from the day after --as-of to the end of the year. */
  remainingDays: number;
  /** Good-day rate: how many of the remaining days may still be non-good (AQI > 100). */
  allowedNonGoodDays?: number;
  /** Annual mean: the highest mean over the remaining days that still meets the target (reported decimals). */
  maxMeanRemaining?: number;
  /** Day counts: how many more days above the level the year allows. */
  allowedDaysAbove?: number;
  /** The year's target can no longer be met, whatever the remaining days bring. */
  lost?: boolean;
  /** The outlook on the season: the pattern used, the seasonal pace and the year-end it gives. */
  season?: SeasonalOutlook;
}

/** Where the season's pattern came from: the same months of a year in the inputs, or the shipped profile. */
export type SeasonPattern = "previous-year" | "default-profile";

export interface SeasonalOutlook {
  pattern: SeasonPattern;
  /** The year whose months gave the pattern (previous-year). */
  patternYear?: number;
  /** The rest of the year against the year so far on the pattern (a mean of the rest / the mean so far). */
  factor: number;
  /** Seasonal pace (时序进度): the year-to-date value that, on the pattern, ends the year exactly on target. */
  pace: number;
  /** The year so far against the pace. */
  standing: "ahead" | "behind";
  /** The year-end value the pattern gives: the rest of the year as the pattern scales the year so far. */
  expected: number;
}

/** What a metric's projection says when the target is lost: the reason's code and parameters. */
export interface LostReason {
  code: string;
  params: Record<string, string | number>;
}

/**
 * A good-day-rate target `>= target %` (reported to `decimals`): the most non-good days among the `remaining`
 * that still leave the year's rate meeting it. Off track when even all-good days cannot reach it; at risk when
 * fewer non-good days are allowed than the rate so far would bring.
 */
export function goodRateProjection(
  good: number,
  valid: number,
  remaining: number,
  target: number,
  decimals = 1,
): Projection {
  const meets = (nonGood: number) =>
    roundGbt8170(((good + remaining - nonGood) / (valid + remaining)) * 100, decimals) >= target;
  let allowed = -1;
  for (let k = remaining; k >= 0; k--)
    if (meets(k)) {
      allowed = k;
      break;
    }
  const expectedNonGood = valid === 0 ? 0 : ((valid - good) / valid) * remaining;
  const status: ProjectionStatus =
    allowed < 0 ? "off-track" : allowed < expectedNonGood ? "at-risk" : "on-track";
  return {
    status,
    remainingDays: remaining,
    allowedNonGoodDays: Math.max(allowed, 0),
    ...(allowed < 0 ? { lost: true } : {}),
  };
}

/**
 * The most non-good days a year of `days` valid days may have for its rate, reported to `decimals`, to meet
 * `>= target %`: the allowance a good-day-rate target gives (73 of 365 days for 80 %).
 */
export function yearNonGoodAllowance(days: number, target: number, decimals = 1): number {
  let allowed = -1;
  while (allowed + 1 <= days && roundGbt8170(((days - allowed - 1) / days) * 100, decimals) >= target)
    allowed++;
  return allowed;
}

/**
 * An annual-mean target `<= limit` (reported to `decimals`): the highest mean of the remaining days that keeps
 * the rounded annual mean within the limit. At risk when the rest of the year must be cleaner than the year so far.
 */
export function meanProjection(
  sum: number,
  days: number,
  remaining: number,
  limit: number,
  decimals: number,
): Projection {
  if (remaining === 0) {
    const ok = days > 0 && roundGbt8170(sum / days, decimals) <= limit;
    return {
      status: ok ? "on-track" : "off-track",
      remainingDays: 0,
      maxMeanRemaining: 0,
      ...(ok ? {} : { lost: true }),
    };
  }
  const meets = (m: number) => roundGbt8170((sum + m * remaining) / (days + remaining), decimals) <= limit;
  // The rounded mean is monotone in m: bisect on the reported grid.
  const step = 10 ** -decimals;
  let lo = 0;
  let hi = Math.max((limit * (days + remaining)) / remaining, 0) + 1;
  if (!meets(0)) return { status: "off-track", remainingDays: remaining, maxMeanRemaining: 0, lost: true };
  for (let i = 0; i < 200 && hi - lo > step * 1e-6; i++) {
    const mid = (lo + hi) / 2;
    if (meets(mid)) lo = mid;
    else hi = mid;
  }
  // The largest value on the reported grid that still meets the target.
  let maxMean = Math.floor(hi / step) * step;
  while (maxMean > 0 && !meets(maxMean)) maxMean -= step;
  const current = days === 0 ? 0 : sum / days;
  return {
    status: maxMean < current ? "at-risk" : "on-track",
    remainingDays: remaining,
    maxMeanRemaining: roundGbt8170(maxMean, decimals),
  };
}
