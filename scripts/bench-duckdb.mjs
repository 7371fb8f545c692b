#!/usr/bin/env node
// DuckDB's SQL of the national job (issue 21), the peer hy-check is paired with in scripts/bench-national.mjs:
// per city, the hourly series (the mean over the city's stations each hour), its daily means (a day counts
// with >= 20 hours, GB 3095-2012 Table 4), and the annual PM2.5 and PM10 means of those daily means.
// Hours are labelled hour-ending as CNEMC exports are: `2019-01-02 00:00` is the last hour of 2019-01-01.
//
//   node scripts/bench-duckdb.mjs FILE [--year 2019] [--out FILE.json]
//
// Prints (or writes) JSON: { rows, cities: [{ city, days, pm25, pm10 }] } with unrounded means. Needs the
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
if (!file || !Number.isInteger(year)) {
  console.error("usage: node scripts/bench-duckdb.mjs FILE [--year 2019] [--out FILE.json]");
  process.exit(2);
}

const quoted = `'${file.replace(/'/g, "''")}'`;
const SQL = `
WITH hourly AS (
  SELECT city,
         datetime - INTERVAL 1 HOUR AS hour_start,
         avg("PM2.5") AS pm25,
         avg(PM10) AS pm10
  FROM read_csv(${quoted}, header = true,
                columns = {'station_code': 'VARCHAR', 'city': 'VARCHAR', 'county': 'VARCHAR',
                           'datetime': 'TIMESTAMP', 'PM2.5': 'DOUBLE', 'PM10': 'DOUBLE', 'SO2': 'DOUBLE',
                           'NO2': 'DOUBLE', 'O3': 'DOUBLE', 'CO': 'DOUBLE'})
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

const db = await DuckDBInstance.create(":memory:");
const connection = await db.connect();
const reader = await connection.runAndReadAll(SQL);
const cities = reader.getRowObjectsJson().map((r) => ({
  city: String(r.city),
  days: Number(r.days),
  pm25: r.pm25 === null ? null : Number(r.pm25),
  pm10: r.pm10 === null ? null : Number(r.pm10),
}));
const json = `${JSON.stringify({ cities }, null, 1)}\n`;
const out = option("--out");
if (out) writeFileSync(out, json);
else process.stdout.write(json);
