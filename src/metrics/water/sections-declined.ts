// Sections whose annual class is worse than in a baseline year (水质不得下降).
import { z } from "zod";
import { classRank } from "../../methods/water.js";
import type { MetricOutcome } from "../../engine/outcome.js";
import { defineWaterMetric } from "../metric.js";
import { assess, sampledSections, sectionBase, sorted } from "./context.js";
import { waterDataNeeded, waterMethod } from "./words.js";

export const sectionsDeclined = defineWaterMetric({
  name: "water.sections_declined",
  family: "water",
  schema: z
    .object({
      name: z.literal("water.sections_declined"),
      baselineYear: z.number().int().min(2000).max(2100),
    })
    .strict()
    .describe("Number of sections whose annual class is worse than in the baseline year"),
  decimals: () => 0,
  otherYears: (p) => [p.baselineYear],
  compute: (ctx, p) => {
    const sections = sampledSections(ctx)
      .filter((s) => !s.drinking)
      .map((s) => {
        const now = assess(s, ctx.year, "III");
        const before = assess(s, p.baselineYear, "III");
        const comparable = now.class !== null && before.class !== null && before.sufficient;
        return {
          ...sectionBase(s),
          ...now,
          baselineClass: before.samplings > 0 ? before.class : null,
          // "meets" = did not decline; unknown without a baseline.
          meets:
            comparable && now.class !== null && before.class !== null
              ? classRank(now.class) <= classRank(before.class)
              : null,
        };
      });
    const compared = sections.filter((s) => s.meets !== null && s.sufficient);
    const raw = compared.length === 0 ? null : compared.filter((s) => s.meets === false).length;
    const outcome: MetricOutcome = {
      raw,
      actual: raw,
      decimals: 0,
      validDays: null,
      sufficient: compared.length > 0,
      sections: sorted(sections),
    };
    if (compared.length === 0) {
      outcome.reasonCode = "no-baseline";
      outcome.reasonParams = { year: p.baselineYear };
    }
    return outcome;
  },
  dataNeeded: (p, d, lang) => waterDataNeeded([p.baselineYear, d.plan.plan.year], lang, false),
  method: (_, __, lang) => waterMethod(lang),
});
