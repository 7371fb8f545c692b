// The stores of one run, family by family: each family creates its stores for the plan year and for the
// other years its targets' metrics ask for, and knows the plan's registries its readers place rows by.
import { createAirStore } from "../data/air-store.js";
import { createHourlyStore } from "../data/hourly-store.js";
import type {
  AirStores,
  DataFamily,
  FamilyStores,
  LedgerStores,
  SectionInfo,
  WaterStores,
} from "../data/kinds/index.js";
import { createLedgerStore } from "../data/ledger-store.js";
import { createWaterStore } from "../data/water-store.js";
import { familyOf, metricDefinition } from "../metrics/index.js";
import { resolvedStandards, type IndicatorSpec, type TargetFile } from "../targets/schema.js";

export interface StoreOptions {
  /** Finish hourly days as the rows pass them (false: hold every hour to the end). */
  streamDays: boolean;
  /** Air years read besides the ones the metrics ask for (year to date: the year before). */
  extraAirYears: readonly number[];
}

/** Years the family's targets' metrics read besides the plan year (a baseline year, the year before ...). */
export function yearsNeeded(plan: TargetFile, family: DataFamily): Set<number> {
  const year = plan.plan.year;
  return new Set(
    plan.targets.flatMap((t) =>
      familyOf(t.metric) === family ? (metricDefinition(t.metric).otherYears?.(t.metric, year) ?? []) : [],
    ),
  );
}

const FAMILY_STORES: { [F in DataFamily]: (plan: TargetFile, options: StoreOptions) => FamilyStores[F] } = {
  air: (plan, { streamDays, extraAirYears }): AirStores => {
    const year = plan.plan.year;
    const others = [...new Set([...yearsNeeded(plan, "air"), ...extraAirYears])].filter((y) => y !== year);
    return {
      daily: createAirStore(),
      hourly: createHourlyStore(year, { streamDays }),
      otherYears: new Map(
        // Another year's repeats are not compared: its readings only serve year to date, first one kept.
        others.map((y) => [
          y,
          { daily: createAirStore(), hourly: createHourlyStore(y, { streamDays, compareRepeats: false }) },
        ]),
      ),
      aqiEdition: resolvedStandards(plan).aqi,
    };
  },
  water: (plan): WaterStores => ({
    water: createWaterStore(),
    sections: sectionRegistry(plan),
    baselineYears: yearsNeeded(plan, "water"),
  }),
  // The ledger keeps every period of every row: a change target finds its baseline year there.
  ledger: (plan): LedgerStores => ({ ledger: createLedgerStore(), indicators: indicatorRegistry(plan) }),
};

export function createFamilyStores(plan: TargetFile, options: StoreOptions): FamilyStores {
  return {
    air: FAMILY_STORES.air(plan, options),
    water: FAMILY_STORES.water(plan, options),
    ledger: FAMILY_STORES.ledger(plan, options),
  };
}

/** Indicator id and names (lower case) -> indicator. */
function indicatorRegistry(plan: TargetFile): Map<string, IndicatorSpec> {
  const map = new Map<string, IndicatorSpec>();
  for (const spec of plan.indicators)
    for (const name of [spec.id, ...spec.names]) map.set(name.toLowerCase(), spec);
  return map;
}

/** Section name and code -> registry entry. */
function sectionRegistry(plan: TargetFile): Map<string, SectionInfo> {
  const map = new Map<string, SectionInfo>();
  for (const s of plan.sections) {
    const info = { name: s.name, river: s.river, waterbody: s.waterbody, drinking: s.drinking };
    map.set(s.name, info);
    if (s.code) map.set(s.code, info);
  }
  return map;
}
