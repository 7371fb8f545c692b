// The station/area registry of a target file: which station belongs to which area, and the names
// an area column may carry for each area.
import type { Area, TargetFile } from "../targets/schema.js";

export interface AreaRegistry {
  areas: readonly Area[];
  /** Station code or name -> area id. */
  stationArea: ReadonlyMap<string, string>;
  /** Station name -> code, so a station named either way is one station. */
  stationKey: ReadonlyMap<string, string>;
  /** Any spelling of an area (id, alias, zh/en name) -> area id. */
  areaByName: ReadonlyMap<string, string>;
}

const key = (text: string) => text.trim().toLowerCase();

export function buildRegistry(targets: Pick<TargetFile, "areas">): AreaRegistry {
  const stationArea = new Map<string, string>();
  const stationKey = new Map<string, string>();
  const areaByName = new Map<string, string>();
  for (const area of targets.areas) {
    for (const name of [area.id, ...area.aliases, area.name?.zh, area.name?.en]) {
      if (name) areaByName.set(key(name), area.id);
    }
    for (const station of area.stations) {
      const code = typeof station === "string" ? station : station.code;
      stationArea.set(key(code), area.id);
      stationKey.set(key(code), code);
      if (typeof station !== "string" && station.name) {
        stationArea.set(key(station.name), area.id);
        stationKey.set(key(station.name), code);
      }
    }
  }
  return { areas: targets.areas, stationArea, stationKey, areaByName };
}

export function areaOfStation(registry: AreaRegistry, station: string): string | undefined {
  return registry.stationArea.get(key(station));
}

export function canonicalStation(registry: AreaRegistry, station: string): string {
  return registry.stationKey.get(key(station)) ?? station.trim();
}

export function areaByName(registry: AreaRegistry, name: string): string | undefined {
  return registry.areaByName.get(key(name));
}

/**
 * The area a data row belongs to. A station the registry lists belongs to its area. Otherwise the row's
 * area column decides, but only for an area without a station list: an area that names its stations
 * (the urban assessment stations) takes no others, so a control point labelled 市城区 is not averaged in.
 */
export function areaOfRow(registry: AreaRegistry, station: string, areaName: string): string | undefined {
  if (station) {
    const listed = areaOfStation(registry, station);
    if (listed) return listed;
  }
  if (!areaName) return undefined;
  const area = areaByName(registry, areaName);
  if (!area) return undefined;
  if (!station) return area;
  const hasStationList = registry.areas.some((a) => a.id === area && a.stations.length > 0);
  return hasStationList ? undefined : area;
}
