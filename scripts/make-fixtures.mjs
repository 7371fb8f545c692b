#!/usr/bin/env node
// Writes the example CSV exports in fixtures/ from a fixed seed, so they can be regenerated exactly.
// The concentrations are synthetic but shaped like Hengyang's: winter PM peaks, summer O3 peaks.
// The AQI column is computed here with its own small HJ 633-2012 table (not the project's code), and
// two rows are deliberately wrong so that the AQI check has something to find.
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { mulberry32 } from "./random.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = (name) => join(root, "fixtures", name);
mkdirSync(join(root, "fixtures"), { recursive: true });

const rand = mulberry32(20190101);
const gauss = () => {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
};
const logNormal = (median, sigma) => median * Math.exp(sigma * gauss());

// HJ 633-2012 Table 1, daily columns: [concentration breakpoints] for IAQI 0,50,100,150,200,300,400,500.
const LEVELS = [0, 50, 100, 150, 200, 300, 400, 500];
const TABLE = {
  pm25: [0, 35, 75, 115, 150, 250, 350, 500],
  pm10: [0, 50, 150, 250, 350, 420, 500, 600],
  so2: [0, 50, 150, 475, 800, 1600, 2100, 2620],
  no2: [0, 40, 80, 180, 280, 565, 750, 940],
  co: [0, 2, 4, 14, 24, 36, 48, 60],
  o3: [0, 100, 160, 215, 265, 800],
};
function subIndex(bp, c) {
  for (let i = 1; i < bp.length; i++) {
    if (c <= bp[i])
      return Math.ceil(
        LEVELS[i - 1] + ((LEVELS[i] - LEVELS[i - 1]) * (c - bp[i - 1])) / (bp[i] - bp[i - 1]) - 1e-9,
      );
  }
  return 500;
}
const dayAqi = (row) => Math.max(...Object.keys(TABLE).map((k) => subIndex(TABLE[k], row[k])));

const MONTH_PM25 = [68, 57, 44, 38, 30, 23, 20, 22, 28, 36, 47, 58];
const MONTH_O3 = [50, 60, 80, 98, 110, 105, 112, 120, 118, 100, 75, 55];

function dates(year) {
  const list = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1))
    list.push(d.toISOString().slice(0, 10));
  return list;
}

function dayValues(month, cleanliness) {
  const pm25 = Math.max(3, Math.round(logNormal(MONTH_PM25[month] * cleanliness, 0.35)));
  return {
    pm25,
    pm10: Math.round(pm25 * (1.35 + 0.2 * rand()) + 6),
    so2: Math.max(2, Math.round(logNormal(12, 0.3))),
    no2: Math.max(4, Math.round(logNormal(28 * cleanliness, 0.3))),
    co: Math.max(0.2, Math.round(logNormal(0.9, 0.25) * 10) / 10),
    o3: Math.max(8, Math.round(logNormal(MONTH_O3[month], 0.25))),
  };
}

const URBAN = [
  ["2457A", "衡阳化工总厂", 1.08],
  ["2458A", "珠晖区环保局", 1.02],
  ["2459A", "市委党校", 0.98],
  ["2460A", "市监测站", 1.0],
  ["2461A", "真空机电公司", 1.05],
];
const COUNTIES = [
  ["衡阳县", 0.92],
  ["衡南县", 0.9],
  ["衡山县", 0.86],
  ["衡东县", 0.9],
  ["祁东县", 0.93],
  ["耒阳市", 0.97],
  ["常宁市", 0.94],
  ["南岳区", 0.74],
];

const HEADER = "日期,区域,监测点位,PM2.5(μg/m³),PM10(μg/m³),SO2(μg/m³),NO2(μg/m³),CO(mg/m³),O3_8h(μg/m³),AQI";
const cells = (v) => [v.pm25, v.pm10, v.so2, v.no2, v.co, v.o3];

function dailyExport() {
  const lines = [HEADER];
  let row = 0;
  for (const date of dates(2019)) {
    const month = Number(date.slice(5, 7)) - 1;
    const regional = logNormal(1, 0.2); // the whole region shares a day's weather
    const sites = [
      ...URBAN.map(([, name, f]) => ["市城区", name, f]),
      ["市城区", "原169医院", 0.9], // 2456A, the control point: in no area of the registry
      ...COUNTIES.map(([county, f]) => [county, `${county}环境监测站`, f]),
    ];
    for (const [area, station, factor] of sites) {
      row++;
      // A few station-days missing, as real exports have.
      if (row % 997 === 0) continue;
      const v = dayValues(month, factor * regional);
      const values = cells(v).map(String);
      let aqi = String(dayAqi(v));
      if (row % 1201 === 0) values[2 + (row % 3)] = row % 2 ? "" : "—"; // a missing cell: the day is incomplete
      if (row === 1500 || row === 3100) aqi = String(Number(aqi) + 7); // a wrong AQI for the check to find
      if (values.some((c) => c === "" || c === "—")) aqi = "";
      lines.push([date.replace(/-0?/g, "/").replace(/\/\//g, "/"), area, station, ...values, aqi].join(","));
    }
  }
  return lines.join("\r\n") + "\r\n";
}

// Excel in a Chinese locale saves GBK; there is no GBK encoder in Node, so invert its decoder.
function gbkEncoder() {
  const decoder = new TextDecoder("gbk");
  const map = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== "\ufffd" && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  return (text) => {
    const bytes = [];
    for (const ch of text) {
      const code = ch.codePointAt(0);
      if (code < 0x80) bytes.push(code);
      else if (map.has(ch)) bytes.push(...map.get(ch));
      else throw new Error(`no GBK code for ${ch}`);
    }
    return Uint8Array.from(bytes);
  };
}

const daily = dailyExport();
writeFileSync(out("hengyang-2019-daily.csv"), "\ufeff" + daily);
// The same export as a GBK file, with ASCII units in the header (μ and ³ are not in every GBK table).
writeFileSync(
  out("hengyang-2019-daily-gbk.csv"),
  gbkEncoder()(daily.replace(/μg\/m³/g, "ug/m3").replace(/mg\/m³/g, "mg/m3")),
);
console.log("wrote fixtures/hengyang-2019-daily.csv and fixtures/hengyang-2019-daily-gbk.csv");
