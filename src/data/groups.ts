// Which areas and groups a data row counts for: its registry area (the plan's areas) and, for targets
// evaluated `each: city|county|station`, the group named by its city, county or station.
import type { GroupKind } from "../targets/schema.js";
import type { ColumnField, RecognisedColumn } from "./columns.js";
import { areaOfRow } from "./registry.js";
import type { AreaRegistry } from "./registry.js";

/** The store key of a group: a prefix keeps groups apart from the registry's area ids. */
export function groupKey(kind: GroupKind, name: string): string {
  return `${kind}:${name}`;
}

/** The group's name from its store key, or undefined for a registry area. */
export function groupName(key: string, kind: GroupKind): string | undefined {
  return key.startsWith(`${kind}:`) ? key.slice(kind.length + 1) : undefined;
}

/** The columns a row's place is read from. */
export interface PlaceColumns {
  code?: RecognisedColumn;
  name?: RecognisedColumn;
  area?: RecognisedColumn;
  city?: RecognisedColumn;
  county?: RecognisedColumn;
}

export function placeColumns(columns: readonly RecognisedColumn[]): PlaceColumns {
  const of = (field: ColumnField) => columns.find((c) => c.field === field);
  const result: PlaceColumns = {};
  const code = of("stationCode");
  const name = of("station");
  const area = of("area");
  const city = of("city");
  const county = of("county");
  if (code) result.code = code;
  if (name) result.name = name;
  if (area) result.area = area;
  if (city) result.city = city;
  if (county) result.county = county;
  return result;
}

export const cell = (fields: readonly string[], column: RecognisedColumn | undefined): string =>
  column ? (fields[column.index] ?? "").trim() : "";

/**
 * The registry area of a row: a listed station decides; otherwise the area column, then the county, then
 * the city names it (see areaOfRow for why a station-listed area takes no others).
 */
export function registryArea(registry: AreaRegistry, code: string, name: string, texts: readonly string[]) {
  for (const text of [...texts.filter(Boolean), ""]) {
    const area = areaOfRow(registry, code, text) ?? (name ? areaOfRow(registry, name, text) : undefined);
    if (area) return area;
  }
  return undefined;
}

/**
 * The store keys a row adds to: its registry area, then one key per requested grouping. A city group
 * takes the city column, else the area column; a county group the county column, else the area column.
 */
export function rowKeys(
  area: string | undefined,
  groupings: ReadonlySet<GroupKind>,
  place: { station: string; area: string; city: string; county: string },
): string[] {
  const keys = area ? [area] : [];
  if (groupings.size === 0) return keys;
  const city = place.city || place.area;
  const county = place.county || place.area;
  if (groupings.has("city") && city) keys.push(groupKey("city", city));
  if (groupings.has("county") && county) keys.push(groupKey("county", county));
  if (groupings.has("station") && place.station) keys.push(groupKey("station", place.station));
  return keys;
}
