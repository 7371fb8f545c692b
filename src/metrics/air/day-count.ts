// Days with AQI above a level, e.g. 200: heavy pollution or worse (重污染天数; HJ 633-2012 Table 2).
import { z } from "zod";
import { dailyAqi, isValidAqiDay } from "../../methods/air.js";
import type { MetricOutcome } from "../../engine/outcome.js";
import type { Projection } from "../../engine/projection.js";
import { daysAboveSeason } from "../../engine/seasonal.js";
import { resolvedStandards } from "../../targets/standards.js";
import { countBounds } from "../../engine/basis.js";
import { defineAirMetric, inLang } from "../metric.js";
import { collect, withValidity, type AirMetricContext } from "./context.js";
import { airDataNeeded, dayRatioCaptureLines } from "./words.js";

/** Valid days (by the file's dayValidity rule) with AQI above `level`. */
export function daysAbove(ctx: AirMetricContext, area: string, level: number): MetricOutcome {
  let count = 0;
  const { dates } = collect(ctx, area, (day) => {
    const result = dailyAqi(day, { edition: ctx.edition });
    if (!isValidAqiDay(day, result, ctx.dayValidity)) return undefined;
    if ((result.aqi ?? 0) > level) count++;
    return result.aqi ?? undefined;
  });
  return withValidity(ctx, dates.length === 0 ? null : count, 0, dates);
}

export const dayCount = defineAirMetric({
  name: "air.day_count",
  family: "air",
  // HJ 663-2013: a count over valid days; its capture is reported, not gated by the monthly counts.
  capture: "day-ratio",
  bounds: (outcome, missing) => (outcome.raw === null ? undefined : countBounds(outcome.raw, missing)),
  schema: z
    .object({ name: z.literal("air.day_count"), aqiAbove: z.number().int().min(0) })
    .strict()
    .describe("Valid days with AQI above a level, e.g. 200 for heavy pollution (重污染天数)"),
  decimals: () => 0,
  perArea: (ctx, area, p) => daysAbove(ctx, area, p.aqiAbove),
  // Year to date, `<= N` days: a count only grows, so one already over N is lost.
  project: (outcome, target) => {
    if (target.op !== "<=" || outcome.raw === null) return undefined;
    const allowed = target.value - outcome.raw;
    const projection: Projection = {
      status: allowed < 0 ? "off-track" : "on-track",
      remainingDays: target.remainingDays,
      allowedDaysAbove: Math.max(allowed, 0),
    };
    if (allowed >= 0) return projection;
    const params = { through: target.through, count: outcome.raw, limit: target.value };
    return { ...projection, lost: true, lostReason: { code: "ytd-lost-count", params } };
  },
  seasonal: () => daysAboveSeason,
  dataNeeded: (_, plan, lang) => airDataNeeded(plan, lang),
  method: (p, plan, lang) => {
    const { aqi } = resolvedStandards(plan.plan);
    return [
      inLang(lang, `${aqi}：AQI > ${p.aqiAbove} 的有效日数`, `${aqi}: valid days with AQI > ${p.aqiAbove}`),
      ...dayRatioCaptureLines(plan, lang),
    ];
  },
});
