// 环境空气质量综合指数 from the reported annual statistics, as bulletins compute it from the figures they publish.
import { z } from "zod";
import { compositeIndex } from "../../methods/hourly.js";
import { roundGbt8170 } from "../../methods/rounding.js";
import type { MetricOutcome } from "../../engine/outcome.js";
import { defineAirMetric, inLang } from "../metric.js";
import type { AirMetricContext } from "./context.js";
import { annualMeanOf } from "./annual-mean.js";
import { dailyPercentile } from "./percentile.js";
import { airDataNeeded, annualCaptureLine, indicativeLine, roundingLine } from "./words.js";

const COMPOSITE_DECIMALS = 2;

/** Sufficient only when every statistic is; the reason and short months are those of one that falls short. */
export function compositeIndexOf(ctx: AirMetricContext, area: string): MetricOutcome {
  const parts = {
    SO2: annualMeanOf(ctx, area, "SO2"),
    NO2: annualMeanOf(ctx, area, "NO2"),
    PM10: annualMeanOf(ctx, area, "PM10"),
    "PM2.5": annualMeanOf(ctx, area, "PM2.5"),
    CO_p95: dailyPercentile(ctx, area, "CO", 95),
    O3_p90: dailyPercentile(ctx, area, "O3_8h", 90),
  };
  const outcomes = Object.values(parts);
  const value = (o: MetricOutcome) => o.actual ?? NaN;
  const raw = outcomes.some((o) => o.actual === null)
    ? null
    : compositeIndex({
        SO2: value(parts.SO2),
        NO2: value(parts.NO2),
        PM10: value(parts.PM10),
        "PM2.5": value(parts["PM2.5"]),
        CO_p95: value(parts.CO_p95),
        O3_p90: value(parts.O3_p90),
      });
  const weakest =
    outcomes.find((o) => !o.sufficient) ??
    outcomes.reduce((a, b) => ((a.validDays ?? 0) <= (b.validDays ?? 0) ? a : b));
  return {
    ...weakest,
    validDays: Math.min(...outcomes.map((o) => o.validDays ?? 0)),
    raw,
    actual: raw === null ? null : roundGbt8170(raw, COMPOSITE_DECIMALS),
    decimals: COMPOSITE_DECIMALS,
    sufficient: outcomes.every((o) => o.sufficient),
  };
}

export const compositeIndexMetric = defineAirMetric({
  name: "air.composite_index",
  family: "air",
  // HJ 663-2013 section 7.2 (GB 3095-2012 Table 4): a concentration statistic needs its day counts.
  capture: "concentration",
  schema: z
    .object({ name: z.literal("air.composite_index") })
    .strict()
    .describe("环境空气质量综合指数: annual SO2/60 + NO2/40 + PM10/70 + PM2.5/35 + CO p95/4 + O3 p90/160"),
  decimals: () => COMPOSITE_DECIMALS,
  perArea: (ctx, area) => compositeIndexOf(ctx, area),
  dataNeeded: (_, plan, lang) => airDataNeeded(plan, lang),
  method: (_, plan, lang) => [
    inLang(
      lang,
      "综合指数 = SO2/60 + NO2/40 + PM10/70 + PM2.5/35 + CO p95/4 + O3 p90/160",
      "composite index = SO2/60 + NO2/40 + PM10/70 + PM2.5/35 + CO p95/4 + O3 p90/160",
    ),
    annualCaptureLine(plan, lang),
    indicativeLine(lang),
    roundingLine(lang),
  ],
});
