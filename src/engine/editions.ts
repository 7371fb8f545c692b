// The same data under both AQI editions, side by side, so a change between years can be split into the
// change of the air and the change of the rules (PM2.5 IAQI-100 at 60 instead of 75 ug/m3, no O3 1 h).
import { AQI_EDITION_NAMES, aqiCategory, type AqiCategory, type AqiEdition } from "../methods/air.js";
import type { AirMetricContext } from "../metrics/air/context.js";
import { goodDayRate } from "../metrics/air/good-rate.js";
import { dailyAqi, isValidAqiDay } from "../methods/air.js";
import { sharedDailyValues } from "../data/air-store.js";

export interface EditionFigures {
  goodRate: number | null;
  goodDays: number;
  validDays: number;
  byCategory: Partial<Record<AqiCategory, number>>;
}

export interface EditionComparison {
  area: string;
  editions: Record<AqiEdition, EditionFigures>;
}

function figures(ctx: AirMetricContext, area: string): EditionFigures {
  const rate = goodDayRate(ctx, area);
  const byCategory: Partial<Record<AqiCategory, number>> = {};
  for (const [date, values] of sharedDailyValues(ctx.store, area).days) {
    if (date < ctx.window.from || date > ctx.window.to) continue;
    const result = dailyAqi(values, { edition: ctx.edition });
    if (result.aqi === null || !isValidAqiDay(values, result, ctx.dayValidity)) continue;
    const category = aqiCategory(result.aqi);
    byCategory[category] = (byCategory[category] ?? 0) + 1;
  }
  return { goodRate: rate.actual, goodDays: rate.goodDays ?? 0, validDays: rate.validDays ?? 0, byCategory };
}

/** Good-day rate and days by category of every area with data, under each AQI edition. */
export function compareEditions(ctx: AirMetricContext, areas: readonly string[]): EditionComparison[] {
  return areas
    .filter((area) => ctx.store.areas.has(area))
    .map((area) => ({
      area,
      editions: Object.fromEntries(
        AQI_EDITION_NAMES.map((edition) => [edition, figures({ ...ctx, edition }, area)]),
      ) as Record<AqiEdition, EditionFigures>,
    }));
}
