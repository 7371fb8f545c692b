// HJ 663-2013 percentile of the daily values: CO 24-hour p95 and O3 daily maximum 8-hour p90 for the year.
import { z } from "zod";
import { POLLUTANTS, REPORTED_DECIMALS, type Pollutant } from "../../methods/air.js";
import { hj663Percentile } from "../../methods/hourly.js";
import type { MetricOutcome } from "../../engine/outcome.js";
import { resolvedStandards } from "../../targets/standards.js";
import { defineAirMetric, inLang } from "../metric.js";
import { collect, withValidity, type AirMetricContext } from "./context.js";
import { airDataNeeded, annualCaptureLine, indicativeLine, roundingLine } from "./words.js";

export function dailyPercentile(
  ctx: AirMetricContext,
  area: string,
  pollutant: Pollutant,
  p: number,
): MetricOutcome {
  const { dates, values } = collect(ctx, area, (day) => day[pollutant]);
  return withValidity(ctx, hj663Percentile(values, p), REPORTED_DECIMALS[pollutant], dates);
}

export const percentile = defineAirMetric({
  name: "air.percentile",
  family: "air",
  // HJ 663-2013 section 7.2 (GB 3095-2012 Table 4): a concentration statistic needs its day counts.
  capture: "concentration",
  schema: z
    .object({
      name: z.literal("air.percentile"),
      pollutant: z.enum(POLLUTANTS),
      p: z.number().min(0).max(100),
    })
    .strict()
    .describe("HJ 663-2013 percentile of the year's daily values, e.g. CO p95, O3_8h p90"),
  decimals: (p) => REPORTED_DECIMALS[p.pollutant],
  perArea: (ctx, area, p) => dailyPercentile(ctx, area, p.pollutant, p.p),
  dataNeeded: (_, plan, lang) => airDataNeeded(plan, lang),
  method: (p, plan, lang) => {
    const { assessment } = resolvedStandards(plan.plan);
    return [
      inLang(
        lang,
        `${assessment}：第 ${p.p} 百分位数，k = 1 + (n-1)p/100（${p.pollutant}）`,
        `${assessment}: ${p.p}th percentile, k = 1 + (n-1)p/100 (${p.pollutant})`,
      ),
      annualCaptureLine(plan, lang),
      indicativeLine(lang),
      roundingLine(lang),
    ];
  },
});
