// Water metrics: sections meeting a class, drinking-water source compliance, sections that declined.
import type { SectionData, WaterStore } from "../data/water-store.js";
import { t, type Lang } from "../i18n.js";
import { roundGbt8170 } from "../methods/rounding.js";
import {
  annualMeans,
  ASSESSMENT_DECIMALS,
  classRank,
  drinkingWaterCompliant,
  isTable1Parameter,
  meetsClass,
  sectionClass,
  type WaterClass,
  type WaterItem,
  type WaterMeans,
} from "../methods/water.js";
import type { WaterMetric } from "../targets/schema.js";
import type { MetricOutcome } from "./outcome.js";
import type { WaterSectionResult } from "./result.js";

export interface WaterMetricContext {
  store: WaterStore;
  year: number;
  lang: Lang;
}

/** 评价办法 2011 as the reference reads it: national sections are sampled monthly, others at least 8 times a year. */
export const MIN_SAMPLINGS_PER_YEAR = 8;
const SHARE_DECIMALS = 1;

/**
 * Annual means rounded once to the 2020 statistics rule's decimals (GB/T 8170; medium confidence), so that
 * 0.15000000000000002 does not drop a class. Table 2 items keep three decimals.
 */
function roundedMeans(section: SectionData, year: number): WaterMeans {
  const means: WaterMeans = {};
  for (const [item, mean] of Object.entries(annualMeans(section.years.get(year) ?? [])) as [
    WaterItem,
    { value: number; belowDetection: boolean },
  ][]) {
    const decimals = isTable1Parameter(item) ? ASSESSMENT_DECIMALS[item] : 3;
    means[item] = { value: roundGbt8170(mean.value, decimals), belowDetection: mean.belowDetection };
  }
  return means;
}

/** The section's annual class. Lake total nitrogen is assessed separately, as 评价办法 2011 says (the reference's reading). */
function assess(
  section: SectionData,
  year: number,
  target: WaterClass,
): Pick<WaterSectionResult, "class" | "deciding" | "samplings" | "sufficient"> {
  const samplings = section.dates.get(year)?.size ?? 0;
  const result = sectionClass(roundedMeans(section, year), {
    waterbody: section.waterbody,
    lakeTotalNitrogen: "separate",
    // Exceedance multiples are over the target class limit (Class III where the target is compliance).
    target,
  });
  return {
    class: result.class,
    deciding: result.deciding,
    samplings,
    sufficient: samplings >= MIN_SAMPLINGS_PER_YEAR,
  };
}

function base(
  section: SectionData,
): Pick<WaterSectionResult, "section" | "river" | "waterbody" | "drinking"> {
  return {
    section: section.name,
    river: section.river,
    waterbody: section.waterbody,
    drinking: section.drinking,
  };
}

/** Failing sections first, then by name, so the table shows what to act on at the top. */
function sorted(sections: WaterSectionResult[]): WaterSectionResult[] {
  return sections.sort(
    (a, b) => Number(a.meets ?? true) - Number(b.meets ?? true) || a.section.localeCompare(b.section, "zh"),
  );
}

function share(ctx: WaterMetricContext, sections: WaterSectionResult[], what: string): MetricOutcome {
  if (sections.length === 0)
    return {
      raw: null,
      actual: null,
      decimals: SHARE_DECIMALS,
      validDays: null,
      sufficient: false,
      reasonCode: "no-sections",
      reason: t(ctx.lang, "reason.no-sections", { what }),
      sections,
    };
  const short = sections.filter((s) => !s.sufficient);
  const assessed = sections.filter((s) => s.sufficient);
  const raw = assessed.length === 0 ? null : (assessed.filter((s) => s.meets).length / assessed.length) * 100;
  const outcome: MetricOutcome = {
    raw,
    actual: raw === null ? null : roundGbt8170(raw, SHARE_DECIMALS),
    decimals: SHARE_DECIMALS,
    validDays: null,
    sufficient: short.length === 0,
    sections: sorted(sections),
  };
  if (short.length > 0) {
    outcome.reasonCode = "insufficient-samplings";
    outcome.reason = t(ctx.lang, "reason.samplings", {
      min: MIN_SAMPLINGS_PER_YEAR,
      sections: short.map((s) => `${s.section} (${s.samplings})`).join(", "),
    });
  }
  return outcome;
}

export function waterMetric(ctx: WaterMetricContext, metric: WaterMetric): MetricOutcome {
  const all = [...ctx.store.sections.values()].filter((s) => (s.dates.get(ctx.year)?.size ?? 0) > 0);
  switch (metric.name) {
    case "water.sections_meeting": {
      const chosen = all.filter(
        (s) => !s.drinking && (metric.river === undefined || s.river === metric.river),
      );
      const sections = chosen.map((s) => {
        const a = assess(s, ctx.year, metric.class);
        return { ...base(s), ...a, meets: a.class === null ? null : meetsClass(a.class, metric.class) };
      });
      return share(ctx, sections, metric.river ?? t(ctx.lang, "water.assessedSections"));
    }
    case "water.drinking_compliance": {
      const sections = all
        .filter((s) => s.drinking)
        .map((s) => {
          const a = assess(s, ctx.year, "III");
          const result = drinkingWaterCompliant(roundedMeans(s, ctx.year), {
            waterbody: s.waterbody,
            lakeTotalNitrogen: "separate",
          });
          return {
            ...base(s),
            ...a,
            meets: result.assessed.length === 0 ? null : result.compliant,
            failing: result.failing.map((f) => ({ parameter: f.parameter, value: f.value, limit: f.limit })),
          };
        });
      return share(ctx, sections, t(ctx.lang, "water.drinkingSources"));
    }
    case "water.sections_declined": {
      const sections = all
        .filter((s) => !s.drinking)
        .map((s) => {
          const now = assess(s, ctx.year, "III");
          const before = assess(s, metric.baselineYear, "III");
          const comparable = now.class !== null && before.class !== null && before.sufficient;
          return {
            ...base(s),
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
        outcome.reason = t(ctx.lang, "reason.no-baseline", { year: metric.baselineYear });
      }
      return outcome;
    }
  }
}
