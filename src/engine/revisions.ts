// Revisions between two drops of the same data: audited values replace real-time ones, and a CI job should
// see how many changed and by how much, month by month.
import { areaDays, stationDay, type AirStore } from "../data/air-store.js";
import { POLLUTANTS, type Pollutant } from "../methods/air.js";

export interface Revision {
  area: string;
  station: string;
  date: string;
  pollutant: Pollutant;
  before: number;
  after: number;
  delta: number;
}

export interface RevisionReport {
  /** Values present in both drops that changed. */
  changed: number;
  /** Keys (station, day, pollutant) the previous drop had and this one lacks. */
  removed: number;
  byMonth: Record<string, number>;
  /** The largest changes first (at most 20). */
  largest: Revision[];
}

const MAX_LISTED = 20;

/**
 * Compares the station-day values of two drops (for hourly exports, the area's daily values: the hourly
 * store keeps no station-hour values). A value is revised when it differs by more than rounding noise.
 */
export function compareDrops(previous: AirStore, current: AirStore): RevisionReport {
  const report: RevisionReport = { changed: 0, removed: 0, byMonth: {}, largest: [] };
  const all: Revision[] = [];
  for (const area of previous.areas.keys()) {
    for (const [date, stations] of areaDays(previous, area)) {
      for (const [station, before] of stations) {
        const after = stationDay(current, area, date, station);
        for (const pollutant of POLLUTANTS) {
          const b = before.values[pollutant];
          if (b === undefined) continue;
          const a = after?.values[pollutant];
          if (a === undefined) {
            report.removed++;
            continue;
          }
          if (Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b))) continue;
          report.changed++;
          const month = date.slice(0, 7);
          report.byMonth[month] = (report.byMonth[month] ?? 0) + 1;
          all.push({ area, station, date, pollutant, before: b, after: a, delta: a - b });
        }
      }
    }
  }
  report.largest = all.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta)).slice(0, MAX_LISTED);
  return report;
}
