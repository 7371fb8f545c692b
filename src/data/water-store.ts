// Water samples per section and year: monthly rows are few, so the samples themselves are kept.
import type { Waterbody, WaterSample } from "../methods/water.js";

export interface SectionData {
  name: string;
  river: string;
  waterbody: Waterbody;
  drinking: boolean;
  /** year -> samples of that year. */
  years: Map<number, WaterSample[]>;
  /** year -> sampling dates, so a section sampled twice on a date is caught. */
  dates: Map<number, Set<string>>;
}

export interface WaterStore {
  sections: Map<string, SectionData>;
}

export function createWaterStore(): WaterStore {
  return { sections: new Map() };
}

/** Adds one sampling of a section; false when that section was already sampled on that date. */
export function addSampling(
  store: WaterStore,
  section: Omit<SectionData, "years" | "dates">,
  date: string,
  samples: WaterSample[],
): boolean {
  let data = store.sections.get(section.name);
  if (!data) store.sections.set(section.name, (data = { ...section, years: new Map(), dates: new Map() }));
  const year = Number(date.slice(0, 4));
  let dates = data.dates.get(year);
  if (!dates) data.dates.set(year, (dates = new Set()));
  if (dates.has(date)) return false;
  dates.add(date);
  let list = data.years.get(year);
  if (!list) data.years.set(year, (list = []));
  list.push(...samples);
  return true;
}
