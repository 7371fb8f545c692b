// The standard editions a target file may name, and the ones a plan applies.

export const STANDARD_EDITIONS = {
  aqi: ["HJ633-2012", "HJ633-2026"],
  // HJ 663-2026's text was not available: its rules are kept at the 2013 edition (see README).
  assessment: ["HJ663-2013"],
  limits: ["GB3095-2012", "GB3095-2026"],
} as const;

/**
 * The editions a plan applies: as its file says, else the ones in force for its year. HJ 633-2026 and
 * GB 3095-2026 took effect on 2026-03-01; a 2026 plan, written for the year, is judged by them.
 */
export function resolvedStandards(plan: { standards: StandardChoices; plan: { year: number } }): {
  aqi: (typeof STANDARD_EDITIONS.aqi)[number];
  assessment: (typeof STANDARD_EDITIONS.assessment)[number];
  limits: (typeof STANDARD_EDITIONS.limits)[number];
} {
  const modern = plan.plan.year >= 2026;
  return {
    aqi: plan.standards.aqi ?? (modern ? "HJ633-2026" : "HJ633-2012"),
    assessment: plan.standards.assessment ?? "HJ663-2013",
    limits: plan.standards.limits ?? (modern ? "GB3095-2026" : "GB3095-2012"),
  };
}

type Aqi = (typeof STANDARD_EDITIONS.aqi)[number];
type Assessment = (typeof STANDARD_EDITIONS.assessment)[number];
type Limits = (typeof STANDARD_EDITIONS.limits)[number];

/** The editions a target file names (`standards:`); unset ones follow the plan year. */
export interface StandardChoices {
  aqi?: Aqi | undefined;
  assessment?: Assessment | undefined;
  limits?: Limits | undefined;
}
