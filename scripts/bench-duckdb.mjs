#!/usr/bin/env node
// DuckDB's SQL of the national job (issue 21), the peer hy-check is paired with in scripts/bench-national.mjs.
// Two jobs:
//   --job pm (default, the yardstick issue 21 was filed with): per city, the hourly series (the mean over the
//     city's stations each hour), its daily means (a day counts with >= 20 hours, GB 3095-2012 Table 4), and
//     the annual PM2.5 and PM10 means of those daily means.
//   --job all: every target of targets/gb3095-2012-class2.yaml, the job hy-check does on the same file: per
//     city the annual SO2, NO2, PM10 and PM2.5 means, the CO 24-hour 95th and O3 daily maximum 8-hour 90th
//     percentiles (HJ 663-2013: k = 1 + (n - 1) p, linear between neighbours, as quantile_cont), and the
//     good-day rate (HJ 633-2012 daily AQI <= 100 over the valid days, a day valid when its six basic items
//     are, or when the valid ones already exceed an IAQI-100 breakpoint), each with its count of valid days.
//     The daily rules are GB 3095-2012 Table 4 and HJ 663-2013 as hy-check reads them (docs/methods.md): O3
//     8-hour windows ending 08:00 .. 24:00 of the natural day, each with >= 6 hours, the day's maximum valid
//     with >= 14 windows or above 160; the O3 1-hour maximum valid with >= 20 hours or above 200.
// Hours are labelled hour-ending as CNEMC exports are: `2019-01-02 00:00` is the last hour of 2019-01-01.
//
//   node scripts/bench-duckdb.mjs FILE [--year 2019] [--job pm|all] [--out FILE.json]
//
// Prints (or writes) JSON: { job, cities: [{ city, days, pm25, pm10, ... }] } with unrounded values. Needs the
// devDependency @duckdb/node-api (prebuilt binaries from the npm registry).
import { writeFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i < 0 ? fallback : argv[i + 1];
};
const file = argv[0];
const year = Number(option("--year", "2019"));
const job = option("--job", "pm");
if (!file || !Number.isInteger(year) || !["pm", "all"].includes(job)) {
  console.error("usage: node scripts/bench-duckdb.mjs FILE [--year 2019] [--job pm|all] [--out FILE.json]");
  process.exit(2);
}

const quoted = `'${file.replace(/'/g, "''")}'`;
const READ = `read_csv(${quoted}, header = true,
                columns = {'station_code': 'VARCHAR', 'city': 'VARCHAR', 'county': 'VARCHAR',
                           'datetime': 'TIMESTAMP', 'PM2.5': 'DOUBLE', 'PM10': 'DOUBLE', 'SO2': 'DOUBLE',
                           'NO2': 'DOUBLE', 'O3': 'DOUBLE', 'CO': 'DOUBLE'})`;

const PM_SQL = `
WITH hourly AS (
  SELECT city,
         datetime - INTERVAL 1 HOUR AS hour_start,
         avg("PM2.5") AS pm25,
         avg(PM10) AS pm10
  FROM ${READ}
  GROUP BY city, datetime
),
daily AS (
  SELECT city,
         CAST(hour_start AS DATE) AS day,
         CASE WHEN count(pm25) >= 20 THEN avg(pm25) END AS pm25,
         CASE WHEN count(pm10) >= 20 THEN avg(pm10) END AS pm10
  FROM hourly
  WHERE year(hour_start) = ${year}
  GROUP BY city, day
)
SELECT city, count(*) AS days, avg(pm25) AS pm25, avg(pm10) AS pm10
FROM daily
GROUP BY city
ORDER BY city`;

// HJ 633-2012 Table 1, the IAQI-100 breakpoints: a day's AQI is <= 100 exactly when every item is at or below
// its breakpoint (the IAQI rises with the concentration).
const BP100 = { so2: 150, no2: 80, pm10: 150, pm25: 75, co: 4, o3_8h: 160, o3_1h: 200 };
const above = Object.entries(BP100)
  .map(([item, bp]) => `coalesce(${item} > ${bp}, false)`)
  .join(" OR ");
const complete = ["so2", "no2", "pm10", "pm25", "co", "o3_8h"]
  .map((item) => `${item} IS NOT NULL`)
  .join(" AND ");

const ALL_SQL = `
WITH hourly AS (
  SELECT city,
         datetime - INTERVAL 1 HOUR AS hour_start,
         avg(SO2) AS so2, avg(NO2) AS no2, avg(PM10) AS pm10, avg("PM2.5") AS pm25, avg(CO) AS co, avg(O3) AS o3
  FROM ${READ}
  GROUP BY city, datetime
),
hours AS (
  SELECT city, CAST(hour_start AS DATE) AS day, hour(hour_start) AS slot, so2, no2, pm10, pm25, co, o3
  FROM hourly
  WHERE year(hour_start) = ${year}
),
-- Every slot of every city-day, so that an hour no station gave still sits in its windows.
grid AS (
  SELECT d.city, d.day, s.slot, h.o3
  FROM (SELECT DISTINCT city, day FROM hours) d
  CROSS JOIN range(24) s(slot)
  LEFT JOIN hours h ON h.city = d.city AND h.day = d.day AND h.slot = s.slot
),
windows AS (
  SELECT city, day, slot,
         avg(o3) OVER w AS mean8,
         count(o3) OVER w AS hours8
  FROM grid
  WINDOW w AS (PARTITION BY city, day ORDER BY slot ROWS BETWEEN 7 PRECEDING AND CURRENT ROW)
),
o3_8h AS (
  SELECT city, day, max(mean8) AS max8, count(*) AS windows
  FROM windows
  WHERE slot >= 7 AND hours8 >= 6
  GROUP BY city, day
),
daily AS (
  SELECT h.city, h.day,
         CASE WHEN count(so2) >= 20 THEN avg(so2) END AS so2,
         CASE WHEN count(no2) >= 20 THEN avg(no2) END AS no2,
         CASE WHEN count(pm10) >= 20 THEN avg(pm10) END AS pm10,
         CASE WHEN count(pm25) >= 20 THEN avg(pm25) END AS pm25,
         CASE WHEN count(co) >= 20 THEN avg(co) END AS co,
         CASE WHEN count(o3) >= 20 OR max(o3) > 200 THEN max(o3) END AS o3_1h,
         CASE WHEN any_value(w.windows) >= 14 OR any_value(w.max8) > 160 THEN any_value(w.max8) END AS o3_8h
  FROM hours h LEFT JOIN o3_8h w ON w.city = h.city AND w.day = h.day
  GROUP BY h.city, h.day
),
judged AS (
  SELECT *,
         (${complete}) OR (${above}) AS valid_day,
         (${complete}) AND NOT (${above}) AS good_day
  FROM daily
)
SELECT city, count(*) AS days,
       avg(so2) AS so2, count(so2) AS so2_days,
       avg(no2) AS no2, count(no2) AS no2_days,
       avg(pm10) AS pm10, count(pm10) AS pm10_days,
       avg(pm25) AS pm25, count(pm25) AS pm25_days,
       quantile_cont(co, 0.95) AS co_p95, count(co) AS co_days,
       quantile_cont(o3_8h, 0.90) AS o3_p90, count(o3_8h) AS o3_days,
       count(*) FILTER (WHERE valid_day) AS valid_days,
       count(*) FILTER (WHERE good_day) AS good_days
FROM judged
GROUP BY city
ORDER BY city`;

const db = await DuckDBInstance.create(":memory:");
const connection = await db.connect();
const reader = await connection.runAndReadAll(job === "all" ? ALL_SQL : PM_SQL);
const cities = reader
  .getRowObjectsJson()
  .map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, k === "city" ? String(v) : v === null ? null : Number(v)]),
    ),
  );
const json = `${JSON.stringify({ job, cities }, null, 1)}\n`;
const out = option("--out");
if (out) writeFileSync(out, json);
else process.stdout.write(json);
