// Sections whose annual class is worse than in a baseline year (水质不得下降).
import { z } from "zod";
import { keyedIssue } from "../../errors.js";
import { classRank } from "../../methods/water.js";
import type { MetricOutcome } from "../../engine/outcome.js";
import { baselineYears } from "../baseline.js";
import { defineWaterMetric } from "../metric.js";
import { assess, sampledSections, sectionBase, sorted } from "./context.js";
import { waterDataNeeded, waterMethod } from "./words.js";

const Year = z.number().int().min(2000).max(2100);

/** The year the classes are compared with: `baseline` (one year or the previous one) or `baselineYear`. */
function comparedYear(
  p: { baseline?: { year: number } | { previousYear: true } | undefined; baselineYear?: number | undefined },
  planYear: number,
): number {
  if (p.baseline !== undefined) return baselineYears(p.baseline, planYear)[0] ?? planYear - 1;
  return p.baselineYear ?? planYear - 1;
}

export const sectionsDeclined = defineWaterMetric({
  name: "water.sections_declined",
  family: "water",
  schema: z
    .object({
      name: z.literal("water.sections_declined"),
      baseline: z
        .union([z.object({ year: Year }).strict(), z.object({ previousYear: z.literal(true) }).strict()])
        .optional()
        .describe("The year compared with: { year: 2018 } or { previousYear: true }"),
      baselineYear: Year.optional().describe("The older spelling of baseline: { year }"),
    })
    .strict()
    .refine(
      (p) => (p.baseline === undefined) !== (p.baselineYear === undefined),
      keyedIssue("targets.baselineOnce"),
    )
    .describe("Number of sections whose annual class is worse than in the baseline year"),
  decimals: () => 0,
  otherYears: (p, planYear) => [comparedYear(p, planYear)],
  compute: (ctx, p) => {
    const sections = sampledSections(ctx)
      .filter((s) => !s.drinking)
      .map((s) => {
        const now = assess(s, ctx.year, "III");
        const before = assess(s, comparedYear(p, ctx.year), "III");
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
      outcome.reasonParams = { year: comparedYear(p, ctx.year) };
    }
    return outcome;
  },
  dataNeeded: (p, d, lang) =>
    waterDataNeeded([comparedYear(p, d.plan.plan.year), d.plan.plan.year], lang, false),
  method: (_, __, lang) => waterMethod(lang),
});
