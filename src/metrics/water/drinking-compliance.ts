// 饮用水水源地达标率: sources meeting Class III on GB 3838-2002 Table 1 and the Table 2 limits.
import { z } from "zod";
import { drinkingWaterCompliant } from "../../methods/water.js";
import { defineWaterMetric } from "../metric.js";
import { assess, roundedMeans, sampledSections, sectionBase, share, SHARE_DECIMALS } from "./context.js";
import { waterDataNeeded, waterMethod } from "./words.js";

export const drinkingCompliance = defineWaterMetric({
  name: "water.drinking_compliance",
  family: "water",
  schema: z
    .object({ name: z.literal("water.drinking_compliance") })
    .strict()
    .describe("Share of drinking-water sources meeting Class III on Table 1 and the Table 2 limits, in %"),
  decimals: () => SHARE_DECIMALS,
  compute: (ctx) => {
    const sections = sampledSections(ctx)
      .filter((s) => s.drinking)
      .map((s) => {
        const a = assess(s, ctx.year, "III");
        const result = drinkingWaterCompliant(roundedMeans(s, ctx.year), {
          waterbody: s.waterbody,
          lakeTotalNitrogen: "separate",
        });
        return {
          ...sectionBase(s),
          ...a,
          meets: result.assessed.length === 0 ? null : result.compliant,
          failing: result.failing.map((f) => ({ parameter: f.parameter, value: f.value, limit: f.limit })),
        };
      });
    return share(sections, { whatKey: "drinkingSources" });
  },
  dataNeeded: (_, d, lang) => waterDataNeeded([d.plan.plan.year], lang, true),
  method: (_, __, lang) => waterMethod(lang),
});
