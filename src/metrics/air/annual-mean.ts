// 年平均浓度: the arithmetic mean of the year's daily values (GB 3095-2012 section 3; HJ 663-2013 counts).
import { z } from "zod";
import { mean, POLLUTANTS, REPORTED_DECIMALS, type Pollutant } from "../../methods/air.js";
import { meanProjection } from "../../engine/projection.js";
import { meanSeason } from "../../engine/seasonal.js";
import { roundGbt8170 } from "../../methods/rounding.js";
import type { MetricOutcome } from "../../engine/outcome.js";
import { resolvedStandards } from "../../targets/standards.js";
import { defineAirMetric, inLang } from "../metric.js";
import { collect, withValidity, type AirMetricContext } from "./context.js";
import { airDataNeeded, annualCaptureLine, indicativeLine, roundingLine } from "./words.js";

export function annualMeanOf(ctx: AirMetricContext, area: string, pollutant: Pollutant): MetricOutcome {
  const { dates, values } = collect(ctx, area, (day) => day[pollutant]);
  return withValidity(ctx, mean(values), REPORTED_DECIMALS[pollutant], dates);
}

export const annualMean = defineAirMetric({
  name: "air.annual_mean",
  family: "air",
  // HJ 663-2013 section 7.2 (GB 3095-2012 Table 4): a concentration statistic needs its day counts.
  capture: "concentration",
  schema: z
    .object({ name: z.literal("air.annual_mean"), pollutant: z.enum(POLLUTANTS) })
    .strict()
    .describe("Arithmetic mean of the year's daily values (GB 3095-2012 3.x, HJ 663-2013 counts)"),
  decimals: (p) => REPORTED_DECIMALS[p.pollutant],
  perArea: (ctx, area, p) => annualMeanOf(ctx, area, p.pollutant),
  project: (outcome, target) => {
    if (target.op !== "<=" || outcome.raw === null || outcome.validDays === null) return undefined;
    const sum = outcome.raw * outcome.validDays;
    const days = outcome.validDays + target.remainingDays;
    const projection = meanProjection(
      sum,
      outcome.validDays,
      target.remainingDays,
      target.value,
      outcome.decimals,
    );
    // Lost: even days at 0 for the rest of the year leave the mean above the limit.
    const best = roundGbt8170(sum / days, outcome.decimals);
    const params = { through: target.through, remaining: target.remainingDays, best, target: target.value };
    return projection.lost ? { ...projection, lostReason: { code: "ytd-lost-mean", params } } : projection;
  },
  seasonal: (p) => meanSeason(p.pollutant),
  dataNeeded: (_, plan, lang) => airDataNeeded(plan, lang),
  method: (p, plan, lang) => {
    const { limits } = resolvedStandards(plan.plan);
    return [
      inLang(
        lang,
        `${limits} 第3章：年平均 = 日均值的算术平均（${p.pollutant}）`,
        `${limits} section 3: annual mean = mean of daily values (${p.pollutant})`,
      ),
      annualCaptureLine(plan, lang),
      indicativeLine(lang),
      roundingLine(lang),
    ];
  },
});
