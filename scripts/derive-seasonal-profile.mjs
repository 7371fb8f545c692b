#!/usr/bin/env node
// Derives the default seasonal profile (src/methods/seasonal-profile.ts) from CNEMC hourly station values:
// each month's mean of the urban area's daily values (HJ 663 daily statistics, as hy-check derives them) and
// each month's share of valid days with AQI > 100. Prints the table to paste into the data file.
// Usage (after npm run build): node scripts/derive-seasonal-profile.mjs ../shared/data/real/hengyang-2019-hourly-stations.csv
import { check } from "../dist/engine/check.js";
import { areaDailyValues } from "../dist/data/air-store.js";
import { dailyAqi, isValidAqiDay } from "../dist/methods/air.js";

const file = process.argv[2];
if (!file) {
  console.error("usage: node scripts/derive-seasonal-profile.mjs HOURLY_CSV");
  process.exit(2);
}
let days;
let rule;
await check([file], {
  onEvaluated: ({ plan, read }) => {
    days = areaDailyValues(read.air, "市城区");
    rule = plan.dayValidity;
  },
});
const items = ["SO2", "NO2", "PM10", "PM2.5", "CO", "O3_8h"];
const months = Array.from({ length: 12 }, () => ({ sums: {}, counts: {}, valid: 0, nonGood: 0 }));
for (const [date, values] of days) {
  const m = months[Number(date.slice(5, 7)) - 1];
  for (const p of items)
    if (values[p] !== undefined) {
      m.sums[p] = (m.sums[p] ?? 0) + values[p];
      m.counts[p] = (m.counts[p] ?? 0) + 1;
    }
  const aqi = dailyAqi(values, { edition: "HJ633-2012" });
  if (!isValidAqiDay(values, aqi, rule)) continue;
  m.valid++;
  if ((aqi.aqi ?? Infinity) > 100) m.nonGood++;
}
const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;
for (const p of items)
  console.log(`  "${p}": [${months.map((m) => round(m.sums[p] / m.counts[p], p === "CO" ? 2 : 1)).join(", ")}],`);
console.log(`  nonGoodShare: [${months.map((m) => round((m.nonGood / m.valid) * 100, 1)).join(", ")}],`);
