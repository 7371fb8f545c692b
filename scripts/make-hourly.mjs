#!/usr/bin/env node
// Writes a synthetic hourly long CSV (one row per station per hour), seeded so it can be regenerated exactly:
//
//   node scripts/make-hourly.mjs out.csv [--years 1] [--seed 20190101] [--stations 2456A,2457A,...]
//
// The header is `station_code,station_name,datetime,PM2.5,PM10,SO2,NO2,O3,CO`; labels are hour-ending
// (CNEMC), from 2019-01-01 01:00 to 00:00 of the day after the last day, so every natural day is whole.
// CO is in mg/m3 with 1-2 decimals, the rest in ug/m3 as integers; an empty cell is missing.
// The concentrations are shaped like Hengyang's: winter PM peaks, multi-day episodes, a diurnal O3 cycle
// peaking mid-afternoon with summer highs. Gaps: random empty cells, single hours absent for every station,
// station outages of a few hours, and per month at most two area days made invalid on purpose (all
// pollutants, only PM2.5, or the evening O3 hours), so every month of 2019 keeps enough valid days.
//
// The module also exports referenceAssessment(), an independent implementation of the assessment rules
// (GB 3095-2012 Table 4, HJ 663-2013, HJ 633-2012, GB/T 8170) that the tests compare hy-check with. It
// does not import anything from src/.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { pathToFileURL } from "node:url";
import { mulberry32 } from "./random.mjs";

export const STATION_NAMES = {
  "2456A": "原169医院",
  "2457A": "衡阳化工总厂",
  "2458A": "珠晖区环保局",
  "2459A": "市委党校",
  "2460A": "市监测站",
  "2461A": "真空机电公司",
};
export const DEFAULT_STATIONS = Object.keys(STATION_NAMES);
export const HEADER = "station_code,station_name,datetime,PM2.5,PM10,SO2,NO2,O3,CO";

export function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const pad = (n) => String(n).padStart(2, "0");
/** The hour-ending label of slot `slot` (0 = 00:00-01:00) of natural day `date`. */
export function endingLabel(date, slot) {
  return slot === 23 ? `${addDays(date, 1)} 00:00` : `${date} ${pad(slot + 1)}:00`;
}

/**
 * Yields the CSV text day by day (the header first). Options: years (default 1), stations (codes,
 * default 2456A..2461A), seed (default 20190101), startYear (default 2019).
 */
export function* hourlyChunks({
  years = 1,
  stations = DEFAULT_STATIONS,
  seed = 20190101,
  startYear = 2019,
} = {}) {
  const rand = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const pick = (n) => Math.floor(rand() * n);

  // Per-station character: the control point 2456A (a background site) is cleaner and has more O3.
  const site = stations.map((code) => ({
    code,
    name: STATION_NAMES[code] ?? code,
    pm: code === "2456A" ? 0.65 : 0.9 + 0.2 * rand(),
    gas: code === "2456A" ? 0.6 : 0.85 + 0.3 * rand(),
    o3: code === "2456A" ? 1.2 : 0.92 + 0.16 * rand(),
  }));

  yield `${HEADER}\n`;
  let episode = 0; // AR(1) log-factor of the day's pollution: episodes last several days
  let o3Day = 0;
  let month = "";
  let badDays = new Map();
  const end = `${startYear + years}-01-01`;
  for (let date = `${startYear}-01-01`; date < end; date = addDays(date, 1)) {
    if (date.slice(0, 7) !== month) {
      // At most two deliberately invalid area days per month (Feb needs 25 of 28, the others 27).
      month = date.slice(0, 7);
      const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
      badDays = new Map();
      const kinds = ["all", "PM2.5", "O3"];
      const n = pick(3); // 0, 1 or 2
      for (let i = 0; i < n; i++) badDays.set(`${month}-${pad(1 + pick(days))}`, kinds[pick(kinds.length)]);
    }
    const doy = Math.round(
      (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${date.slice(0, 4)}-01-01`)) / 864e5,
    );
    const winter = Math.cos((2 * Math.PI * (doy - 15)) / 365); // 1 mid-January, -1 mid-July
    episode = 0.75 * episode + 0.3 * gauss();
    o3Day = 0.6 * o3Day + 0.25 * gauss();
    const pmBase = 34 * Math.exp(0.5 * winter + episode);
    const gasBase = Math.exp(0.3 * winter + 0.5 * episode);
    const o3Amp = (45 + 50 * (1 - winter)) * Math.exp(o3Day - 0.3 * episode);

    // Area-wide gaps of this day: whole hours absent, or one pollutant blank at every station.
    const absentSlots = new Set();
    const blank = new Map(); // slot -> pollutant blank at every station
    const bad = badDays.get(date);
    if (bad === "all") {
      const from = pick(12);
      for (let s = from; s < from + 5 + pick(5); s++) absentSlots.add(s);
    } else if (bad === "PM2.5") {
      const from = pick(16);
      for (let s = from; s < from + 5 + pick(4); s++) blank.set(s, "PM2.5");
    } else if (bad === "O3") {
      // Blank evening hours leave 13 or fewer valid 8-hour windows (>= 14 needed).
      for (let s = 18 - pick(3); s < 24; s++) blank.set(s, "O3");
    }
    if (rand() < 0.15) absentSlots.add(pick(24)); // a single hour no station reported
    // A station outage of a few hours (rows absent for that station only).
    const outage = rand() < 0.05 ? { station: pick(site.length), from: pick(20), length: 2 + pick(6) } : null;

    let text = "";
    for (let slot = 0; slot < 24; slot++) {
      const hour = (slot + 1) % 24; // clock hour at the end of the slot
      const label = endingLabel(date, slot);
      const pmDiurnal = 1 + 0.18 * Math.cos((2 * Math.PI * (hour - 22)) / 24);
      const no2Diurnal = 1 + 0.25 * Math.cos((2 * Math.PI * (hour - 8)) / 12) * (hour < 4 ? 0.3 : 1);
      const sun = Math.max(0, Math.sin((Math.PI * (hour - 8)) / 13)); // 08:00 .. 21:00, peak ~14:30
      const o3Area = 12 + o3Amp * Math.pow(sun, 1.3);
      if (absentSlots.has(slot)) continue;
      site.forEach((st, i) => {
        if (outage && outage.station === i && slot >= outage.from && slot < outage.from + outage.length)
          return;
        const noise = () => Math.exp(0.12 * gauss());
        const pm25 = pmBase * st.pm * pmDiurnal * noise();
        const values = {
          "PM2.5": Math.round(pm25),
          PM10: Math.round(pm25 * (1.35 + 0.25 * rand()) + 4 * rand()),
          SO2: Math.max(2, Math.round(11 * gasBase * st.gas * (1 + 0.3 * sun) * noise())),
          NO2: Math.max(3, Math.round(28 * gasBase * st.gas * no2Diurnal * noise())),
          O3: Math.max(1, Math.round(o3Area * st.o3 * noise() - 8 * (1 - sun) * gasBase)),
          CO: Math.max(0.2, 0.85 * gasBase * (0.9 + 0.2 * pmDiurnal) * noise()),
        };
        const cells = ["PM2.5", "PM10", "SO2", "NO2", "O3", "CO"].map((p) => {
          if (blank.get(slot) === p || rand() < 0.008) return "";
          return p === "CO" ? String(Number(values.CO.toFixed(rand() < 0.5 ? 1 : 2))) : String(values[p]);
        });
        text += `${st.code},${st.name},${label},${cells.join(",")}\n`;
      });
    }
    yield text;
  }
}

/** Writes the generated CSV to `file` (see hourlyChunks for the options). */
export async function writeHourly(file, options = {}) {
  const out = createWriteStream(file, { encoding: "utf8" });
  for (const chunk of hourlyChunks(options)) if (!out.write(chunk)) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

// ---------------------------------------------------------------------------------------------------------
// Reference assessment, written from the standards' rules (not from hy-check's code).

export const HOURLY = ["SO2", "NO2", "PM10", "PM2.5", "CO", "O3"];
const CORE = ["SO2", "NO2", "PM10", "PM2.5", "CO", "O3_8h"];
const IAQI_LEVELS = [0, 50, 100, 150, 200, 300, 400, 500];
const BREAKPOINTS = {
  "PM2.5": [0, 35, 75, 115, 150, 250, 350, 500],
  PM10: [0, 50, 150, 250, 350, 420, 500, 600],
  SO2: [0, 50, 150, 475, 800, 1600, 2100, 2620],
  NO2: [0, 40, 80, 180, 280, 565, 750, 940],
  CO: [0, 2, 4, 14, 24, 36, 48, 60],
  O3_8h: [0, 100, 160, 215, 265, 800],
  O3_1h: [0, 160, 200, 300, 400, 800, 1000, 1200],
};

/** Round half to even on the decimal value (GB/T 8170), ignoring binary noise below 1e-9 of a unit. */
export function roundHalfEven(value, decimals = 0) {
  const scaled = Number((value * 10 ** decimals).toPrecision(15));
  const floor = Math.floor(scaled);
  const frac = scaled - floor;
  let n;
  if (Math.abs(frac - 0.5) < 1e-9) n = floor % 2 === 0 ? floor : floor + 1;
  else n = frac > 0.5 ? floor + 1 : floor;
  return Number((n / 10 ** decimals).toFixed(Math.max(0, decimals)));
}

/** HJ 633-2012 IAQI: linear interpolation between the breakpoints, rounded up; null when off the table. */
export function referenceIaqi(item, c) {
  const bp = BREAKPOINTS[item];
  if (c > bp[bp.length - 1]) return item === "O3_8h" ? null : 500;
  for (let i = 1; i < bp.length; i++) {
    if (c <= bp[i]) {
      const exact =
        IAQI_LEVELS[i - 1] + ((IAQI_LEVELS[i] - IAQI_LEVELS[i - 1]) * (c - bp[i - 1])) / (bp[i] - bp[i - 1]);
      return Math.ceil(exact - 1e-9);
    }
  }
  return 500;
}

/** HJ 663-2013 percentile. */
export function referencePercentile(values, p) {
  if (values.length === 0) return null;
  const x = [...values].sort((a, b) => a - b);
  const k = 1 + ((x.length - 1) * p) / 100;
  const s = Math.floor(k);
  const lo = x[s - 1];
  const hi = s < x.length ? x[s] : lo;
  return lo + (hi - lo) * (k - s);
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Daily values of one natural day from its 24 area hourly values per pollutant (NaN = missing). */
export function referenceDay(hours) {
  const values = {};
  const counts = {};
  for (const p of HOURLY) {
    const h = hours[p];
    const valid = h.filter((v) => !Number.isNaN(v));
    if (p === "O3") {
      const windows = [];
      for (let e = 8; e <= 24; e++) {
        const w = h.slice(e - 8, e).filter((v) => !Number.isNaN(v));
        if (w.length >= 6) windows.push(mean(w));
      }
      counts.O3_8h = windows.length;
      counts.O3_1h = valid.length;
      if (windows.length > 0) {
        const max8 = Math.max(...windows);
        if (windows.length >= 14 || max8 > 160) values.O3_8h = max8;
      }
      if (valid.length > 0) {
        const max1 = Math.max(...valid);
        if (valid.length >= 20 || max1 > 200) values.O3_1h = max1;
      }
    } else {
      counts[p] = valid.length;
      if (valid.length >= 20) values[p] = mean(valid);
    }
  }
  let aqi = null;
  for (const [item, c] of Object.entries(values)) {
    const sub = referenceIaqi(item, c);
    if (sub !== null) aqi = Math.max(aqi ?? 0, sub);
  }
  const complete = CORE.every((p) => values[p] !== undefined);
  return { values, counts, aqi, counted: aqi !== null && (complete || aqi > 100) };
}

function annual(dates) {
  const perMonth = new Array(13).fill(0);
  for (const d of dates) perMonth[Number(d.slice(5, 7))]++;
  const shortMonths = [];
  for (let m = 1; m <= 12; m++) {
    const required = m === 2 ? 25 : 27;
    if (perMonth[m] < required) shortMonths.push({ month: m, days: perMonth[m], required });
  }
  return {
    validDays: dates.length,
    shortMonths,
    sufficient: dates.length >= 324 && shortMonths.length === 0,
  };
}

/**
 * Assesses a long hourly CSV (text) the way the standards describe: area hourly value = mean over the given
 * stations that have a value that hour; natural days per the hour convention; daily values, daily AQI,
 * good-day rate, annual means and percentiles for `year`. Extra columns are ignored; CSV without quotes.
 */
export function referenceAssessment(text, { stations, year = 2019, convention = "ending" }) {
  const lines = text.split(/\r?\n/).filter((l) => l !== "");
  const header = lines[0].replace(/^\ufeff/, "").split(",");
  const col = (name) => header.indexOf(name);
  const codeCol = col("station_code");
  const timeCol = col("datetime");
  const pCols = HOURLY.map((p) => col(p));
  const members = new Set(stations);
  /** natural date -> { sum, count } arrays [slot * 6 + pollutant] */
  const days = new Map();
  for (const line of lines.slice(1)) {
    const f = line.split(",");
    if (!members.has(f[codeCol])) continue;
    const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}):00$/.exec(f[timeCol]);
    if (!m) throw new Error(`bad datetime ${f[timeCol]}`);
    let date = m[1];
    let slot = Number(m[2]);
    if (convention === "ending") {
      if (slot === 0) [date, slot] = [addDays(date, -1), 23];
      else slot -= 1;
    }
    if (Number(date.slice(0, 4)) !== year) continue;
    let d = days.get(date);
    if (!d) days.set(date, (d = { sum: new Array(144).fill(0), count: new Array(144).fill(0) }));
    pCols.forEach((c, i) => {
      const raw = f[c] ?? "";
      if (raw.trim() === "") return;
      d.sum[slot * 6 + i] += Number(raw);
      d.count[slot * 6 + i] += 1;
    });
  }
  const daily = new Map();
  for (const date of [...days.keys()].sort()) {
    const d = days.get(date);
    const hours = {};
    HOURLY.forEach((p, i) => {
      hours[p] = Array.from({ length: 24 }, (_, s) =>
        d.count[s * 6 + i] ? d.sum[s * 6 + i] / d.count[s * 6 + i] : NaN,
      );
    });
    daily.set(date, { hours, ...referenceDay(hours) });
  }
  const entries = [...daily];
  const counted = entries.filter(([, d]) => d.counted);
  const goodDays = counted.filter(([, d]) => d.aqi <= 100).length;
  const goodRate = {
    ...annual(counted.map(([date]) => date)),
    goodDays,
    actual: counted.length ? roundHalfEven((goodDays / counted.length) * 100, 1) : null,
  };
  const statistic = (item, fn, decimals) => {
    const withValue = entries.filter(([, d]) => d.values[item] !== undefined);
    const value = withValue.length ? fn(withValue.map(([, d]) => d.values[item])) : null;
    return {
      ...annual(withValue.map(([date]) => date)),
      raw: value,
      actual: value === null ? null : roundHalfEven(value, decimals),
    };
  };
  return {
    daily,
    goodRate,
    annualMean: Object.fromEntries(
      ["SO2", "NO2", "PM10", "PM2.5", "CO", "O3_8h"].map((p) => [p, statistic(p, mean, p === "CO" ? 1 : 0)]),
    ),
    coP95: statistic("CO", (v) => referencePercentile(v, 95), 1),
    o3P90: statistic("O3_8h", (v) => referencePercentile(v, 90), 0),
  };
}

// CLI: node scripts/make-hourly.mjs out.csv [--years N] [--seed S] [--stations A,B,...]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const flag = (name) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const value = args[i + 1];
    args.splice(i, 2);
    return value;
  };
  const years = Number(flag("--years") ?? 1);
  const seed = Number(flag("--seed") ?? 20190101);
  const stations = flag("--stations")?.split(",") ?? DEFAULT_STATIONS;
  const file = args[0];
  if (!file || !Number.isInteger(years) || years < 1 || !Number.isInteger(seed)) {
    console.error(
      "usage: node scripts/make-hourly.mjs <out.csv> [--years N] [--seed S] [--stations A,B,...]",
    );
    process.exit(2);
  }
  await writeHourly(file, { years, stations, seed });
  console.error(`wrote ${file}: ${years} year(s), ${stations.length} stations, seed ${seed}`);
}
