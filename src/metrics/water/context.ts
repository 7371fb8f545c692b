// What every water metric reads: the sections sampled in the plan year, each assessed on its annual means
// (GB 3838-2002; 地表水环境质量评价办法 2011).
import type { SectionData, WaterStore } from "../../data/water-store.js";
import { roundGbt8170 } from "../../methods/rounding.js";
import {
  annualMeans,
  ASSESSMENT_DECIMALS,
  isTable1Parameter,
  sectionClass,
  type WaterClass,
  type WaterItem,
  type WaterMeans,
} from "../../methods/water.js";
import type { MetricOutcome } from "../../engine/outcome.js";
import type { WaterSectionResult } from "../../engine/result.js";

export interface WaterMetricContext {
  store: WaterStore;
  year: number;
}

/** 评价办法 2011 as the reference reads it: national sections are sampled monthly, others at least 8 times a year. */
export const MIN_SAMPLINGS_PER_YEAR = 8;
export const SHARE_DECIMALS = 1;

/**
 * Annual means rounded once to the 2020 statistics rule's decimals (GB/T 8170; medium confidence), so that
 * 0.15000000000000002 does not drop a class. Table 2 items keep three decimals.
 */
export function roundedMeans(section: SectionData, year: number): WaterMeans {
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
export function assess(
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

export function sectionBase(
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
export function sorted(sections: WaterSectionResult[]): WaterSectionResult[] {
  return sections.sort(
    (a, b) => Number(a.meets ?? true) - Number(b.meets ?? true) || a.section.localeCompare(b.section, "zh"),
  );
}

/** The share of sufficiently sampled sections that meet; `what` names the sections for a reason. */
export function share(sections: WaterSectionResult[], what: Record<string, string>): MetricOutcome {
  if (sections.length === 0)
    return {
      raw: null,
      actual: null,
      decimals: SHARE_DECIMALS,
      validDays: null,
      sufficient: false,
      reasonCode: "no-sections",
      reasonParams: what,
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
    outcome.reasonParams = {
      min: MIN_SAMPLINGS_PER_YEAR,
      sections: short.map((s) => `${s.section} (${s.samplings})`).join(", "),
    };
  }
  return outcome;
}

/** Sections with samplings in the plan year. */
export function sampledSections(ctx: WaterMetricContext): SectionData[] {
  return [...ctx.store.sections.values()].filter((s) => (s.dates.get(ctx.year)?.size ?? 0) > 0);
}
