#!/usr/bin/env node
// Benchmark: wall time and peak memory (/usr/bin/time %M) of `hy-check check` on generated exports:
// daily files with more and more stations, and hourly files with more and more years.
// Run with `npm run bench` (builds first). Figures go in the issue notes, not in tests.
// Then runs the national benchmark (scripts/bench-national.mjs: byte scan vs hy-check on the national files,
// results in bench/RESULTS.md), passing on this script's arguments, e.g. `npm run bench -- --sizes S`.
// BENCH_NATIONAL=0 skips it; `--national-only` skips the exports above.
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { once } from "node:events";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(join(tmpdir(), "hy-bench-"));

let seed = 1;
const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;

async function writeLines(file, header, lines) {
  const out = createWriteStream(file);
  out.write(header + "\n");
  let rows = 0;
  for (const line of lines) {
    rows++;
    if (!out.write(line + "\n")) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return rows;
}

function* dailyRows(stations) {
  for (
    let d = new Date(Date.UTC(2019, 0, 1));
    d.getUTCFullYear() === 2019;
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    const date = d.toISOString().slice(0, 10);
    for (let s = 0; s < stations; s++) {
      const pm25 = Math.round(20 + 50 * rand());
      yield `${date},衡阳县,S${s},${pm25},${pm25 + 20},10,30,0.8,${Math.round(60 + 80 * rand())},`;
    }
  }
}

// Hourly long format for the five urban stations plus five others, from 2019-01-01 01:00 on.
const HOURLY_STATIONS = [
  "2457A",
  "2458A",
  "2459A",
  "2460A",
  "2461A",
  "2456A",
  "9001A",
  "9002A",
  "9003A",
  "9004A",
];
function* hourlyRows(years) {
  const end = Date.UTC(2019 + years, 0, 1, 0);
  for (let t = Date.UTC(2019, 0, 1, 1); t <= end; t += 3_600_000) {
    const iso = new Date(t).toISOString();
    const label = `${iso.slice(0, 10)} ${iso.slice(11, 13)}:00`;
    for (const code of HOURLY_STATIONS) {
      const pm25 = Math.round(15 + 60 * rand());
      yield `${code},${label},${pm25},${pm25 + 25},${Math.round(5 + 10 * rand())},${Math.round(20 + 30 * rand())},${(0.5 + rand()).toFixed(2)},${Math.round(20 + 120 * rand())}`;
    }
  }
}

function run(file) {
  const start = process.hrtime.bigint();
  const result = spawnSync(
    "/usr/bin/time",
    ["-f", "%M", process.execPath, join(root, "dist/cli.js"), file, "-f", "json", "--fail-on", "never"],
    {
      encoding: "utf8",
      maxBuffer: 1 << 28,
    },
  );
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const peakKiB = Number(result.stderr.trim().split("\n").pop());
  return { wall, peakMiB: peakKiB / 1024, status: result.status };
}

function report(label, rows, file) {
  const { wall, peakMiB, status } = run(file);
  const mib = statSync(file).size / 2 ** 20;
  console.log(
    `${label.padEnd(26)} ${String(rows).padStart(9)} ${mib.toFixed(1).padStart(7)} ${wall.toFixed(2).padStart(8)} ${peakMiB.toFixed(0).padStart(9)}   exit ${status}`,
  );
}

const args = process.argv.slice(2);
const nationalOnly = args.includes("--national-only");
const nationalArgs = args.filter((a) => a !== "--national-only");

if (!nationalOnly) {
  console.log(
    `${"input".padEnd(26)} ${"rows".padStart(9)} ${"MiB".padStart(7)} ${"wall s".padStart(8)} ${"peak MiB".padStart(9)}`,
  );
  for (const stations of (process.env.BENCH_STATIONS ?? "10,100,1000").split(",").map(Number)) {
    const file = join(dir, `daily-${stations}.csv`);
    const rows = await writeLines(
      file,
      "日期,区域,监测点位,PM2.5,PM10,SO2,NO2,CO,O3_8h,AQI",
      dailyRows(stations),
    );
    report(`daily, ${stations} stations`, rows, file);
  }
  for (const years of (process.env.BENCH_YEARS ?? "1,4").split(",").map(Number)) {
    const file = join(dir, `hourly-${years}y.csv`);
    const rows = await writeLines(file, "station_code,datetime,PM2.5,PM10,SO2,NO2,CO,O3", hourlyRows(years));
    report(`hourly, 10 stations, ${years} y`, rows, file);
  }
}
rmSync(dir, { recursive: true, force: true });

if (process.env.BENCH_NATIONAL !== "0") {
  console.log("");
  const national = spawnSync(process.execPath, [join(root, "scripts/bench-national.mjs"), ...nationalArgs], {
    stdio: "inherit",
  });
  process.exitCode = national.status ?? 1;
}
