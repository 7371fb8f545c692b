// 优良天数比例: the share of valid days with AQI <= 100 (HJ 633-2012 Table 2; HJ 663-2013).
import { z } from "zod";
import { dailyAqiValue, isValidAqiDay } from "../../methods/air.js";
import { goodRateProjection, yearNonGoodAllowance } from "../../engine/projection.js";
import { goodRateSeason } from "../../engine/seasonal.js";
import { defineAirMetric, inLang } from "../metric.js";
import { daysInWindow, withValidity, type AirMetricContext } from "./context.js";
import { airDataNeeded, dayRatioCaptureLines, aqiLine, roundingLine } from "./words.js";
import type { MetricOutcome } from "../../engine/outcome.js";
import { rateBounds } from "../../engine/basis.js";

/** Good-day rate in percent to one decimal, as bulletins print it. */
export const RATE_DECIMALS = 1;

/** Valid days and good days (AQI <= 100) of an area in the window, by the plan's day-validity rule. */
export function goodDayCounts(
  ctx: AirMetricContext,
  area: string,
): { validDates: string[]; goodDays: number } {
  const validDates: string[] = [];
  let goodDays = 0;
  const edition = { edition: ctx.edition };
  for (const [date, values] of daysInWindow(ctx, area)) {
    const aqi = dailyAqiValue(values, edition);
    if (!isValidAqiDay(values, { aqi }, ctx.dayValidity)) continue;
    validDates.push(date);
    if ((aqi ?? Infinity) <= 100) goodDays++;
  }
  return { validDates, goodDays };
}

export function goodDayRate(ctx: AirMetricContext, area: string): MetricOutcome {
  const { validDates, goodDays } = goodDayCounts(ctx, area);
  const raw = validDates.length === 0 ? null : (goodDays / validDates.length) * 100;
  return { ...withValidity(ctx, raw, RATE_DECIMALS, validDates), goodDays };
}

export const goodRate = defineAirMetric({
  name: "air.good_rate",
  family: "air",
  // HJ 663-2013: a ratio over valid days; its capture is reported, not gated by the monthly counts.
  capture: "day-ratio",
  bounds: (outcome, missing) =>
    outcome.goodDays === undefined || outcome.validDays === null
      ? undefined
      : rateBounds(outcome.goodDays, outcome.validDays, missing),
  schema: z
    .object({ name: z.literal("air.good_rate") })
    .strict()
    .describe("Share of valid days with AQI <= 100, in percent (HJ 633-2012, HJ 663-2013)"),
  decimals: () => RATE_DECIMALS,
  perArea: (ctx, area) => goodDayRate(ctx, area),
  project: (outcome, target) => {
    if (target.op !== ">=" || outcome.goodDays === undefined || outcome.validDays === null) return undefined;
    const { goodDays: good, validDays: valid, decimals } = outcome;
    const projection = goodRateProjection(good, valid, target.remainingDays, target.value, decimals);
    if (!projection.lost) return projection;
    // Lost: more non-good days so far than the whole year allows (HJ 633-2012 AQI > 100).
    const days = valid + target.remainingDays;
    const allowed = Math.max(yearNonGoodAllowance(days, target.value, decimals), 0);
    const params = { through: target.through, count: valid - good, allowed, days, target: target.value };
    return { ...projection, lostReason: { code: "ytd-lost-nongood", params } };
  },
  seasonal: () => goodRateSeason,
  dataNeeded: (_, plan, lang) => airDataNeeded(plan, lang),
  method: (_, plan, lang) => [
    aqiLine(plan, lang),
    inLang(lang, `有效日规则：${plan.plan.dayValidity}`, `valid days: ${plan.plan.dayValidity}`),
    ...dayRatioCaptureLines(plan, lang),
    roundingLine(lang),
  ],
});
