// 优良天数: the count of valid days with AQI <= 100, as plans state it ("优良天数不低于300天").
import { z } from "zod";
import type { Projection } from "../../engine/projection.js";
import { goodDaysSeason } from "../../engine/seasonal.js";
import { countBounds } from "../../engine/basis.js";
import { defineAirMetric, inLang } from "../metric.js";
import { withValidity } from "./context.js";
import { goodDayCounts } from "./good-rate.js";
import { airDataNeeded, dayRatioCaptureLines, aqiLine } from "./words.js";

/**
 * Year to date, `>= N` days: the good days still needed must fit in the remaining days. At risk when they
 * need a larger share of good days than the year so far gave.
 */
export function goodDaysProjection(
  goodDays: number,
  validDays: number,
  remaining: number,
  required: number,
): Projection {
  const needed = Math.max(0, Math.ceil(required) - goodDays);
  const allowed = remaining - needed;
  const expectedGood = validDays === 0 ? 0 : (goodDays / validDays) * remaining;
  const status = allowed < 0 ? "off-track" : needed > expectedGood ? "at-risk" : "on-track";
  return {
    status,
    remainingDays: remaining,
    allowedNonGoodDays: Math.max(allowed, 0),
    ...(allowed < 0 ? { lost: true } : {}),
  };
}

export const goodDays = defineAirMetric({
  name: "air.good_days",
  family: "air",
  // HJ 663-2013: a count over valid days; its capture is reported, not gated by the monthly counts.
  capture: "day-ratio",
  bounds: (outcome, missing) =>
    outcome.goodDays === undefined ? undefined : countBounds(outcome.goodDays, missing),
  schema: z
    .object({ name: z.literal("air.good_days") })
    .strict()
    .describe("Number of valid days with AQI <= 100 (优良天数), HJ 633 and HJ 663"),
  decimals: () => 0,
  perArea: (ctx, area) => {
    const counts = goodDayCounts(ctx, area);
    const raw = counts.validDates.length === 0 ? null : counts.goodDays;
    return { ...withValidity(ctx, raw, 0, counts.validDates), goodDays: counts.goodDays };
  },
  project: (outcome, target) => {
    if (target.op !== ">=" || outcome.goodDays === undefined || outcome.validDays === null) return undefined;
    const projection = goodDaysProjection(
      outcome.goodDays,
      outcome.validDays,
      target.remainingDays,
      target.value,
    );
    const needed = Math.ceil(target.value) - outcome.goodDays;
    const params = {
      through: target.through,
      good: outcome.goodDays,
      needed,
      remaining: target.remainingDays,
    };
    return projection.lost
      ? { ...projection, lostReason: { code: "ytd-lost-gooddays", params } }
      : projection;
  },
  seasonal: () => goodDaysSeason,
  dataNeeded: (_, plan, lang) => airDataNeeded(plan, lang),
  method: (_, plan, lang) => [
    aqiLine(plan, lang),
    inLang(lang, `有效日规则：${plan.plan.dayValidity}`, `valid days: ${plan.plan.dayValidity}`),
    ...dayRatioCaptureLines(plan, lang),
  ],
});
