#!/usr/bin/env node
// Benchmark: wall time and peak memory of `hy-check check` on generated daily exports of growing size.
// Run with `npm run bench` after `npm run build`. Figures go in the issue notes, not in tests.
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { once } from "node:events";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(join(tmpdir(), "hy-bench-"));

async function writeDaily(file, stations) {
  const out = createWriteStream(file);
  out.write("日期,区域,监测点位,PM2.5,PM10,SO2,NO2,CO,O3_8h,AQI\n");
  let seed = 1;
  const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (
    let d = new Date(Date.UTC(2019, 0, 1));
    d.getUTCFullYear() === 2019;
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    const date = d.toISOString().slice(0, 10);
    for (let s = 0; s < stations; s++) {
      const pm25 = Math.round(20 + 50 * rand());
      const line = `${date},衡阳县,S${s},${pm25},${pm25 + 20},10,30,0.8,${Math.round(60 + 80 * rand())},\n`;
      if (!out.write(line)) await once(out, "drain");
    }
  }
  out.end();
  await once(out, "finish");
}

const sizes = (process.env.BENCH_STATIONS ?? "10,100,1000").split(",").map(Number);
console.log("stations  rows       MiB    wall s   peak RSS MiB");
for (const stations of sizes) {
  const file = join(dir, `daily-${stations}.csv`);
  await writeDaily(file, stations);
  const start = process.hrtime.bigint();
  const run = spawnSync(
    "/usr/bin/time",
    ["-f", "%M", process.execPath, join(root, "dist/cli.js"), file, "-f", "json", "--fail-on", "never"],
    {
      encoding: "utf8",
      maxBuffer: 1 << 28,
    },
  );
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const peakKiB = Number(run.stderr.trim().split("\n").pop());
  const rows = stations * 365;
  const mib = statSync(file).size / 2 ** 20;
  console.log(
    `${String(stations).padEnd(9)} ${String(rows).padEnd(10)} ${mib.toFixed(1).padEnd(6)} ${wall.toFixed(2).padEnd(8)} ${(peakKiB / 1024).toFixed(0)}`,
  );
}
rmSync(dir, { recursive: true, force: true });
