#!/usr/bin/env node
// How fast the fast hourly reader's parser alone goes on one thread and on N at once (issue 21): each thread
// parses its own share of a national bench file (scripts/make-national.mjs) with the built ChunkParser, its
// records discarded: nothing is applied, nothing evaluated. It measures the floor under any design that
// spreads parsing over threads (the parse in parallel, before applying or evaluating anything), on this
// machine's cores and memory.
//
//   npm run build && node scripts/bench-parse-threads.mjs FILE [--threads 1,2] [--runs 3]
//
// Prints, per thread count, the median wall time of the runs and each thread's own time in the last run.
import { closeSync, openSync, readSync, fstatSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

const PARSE = new URL("../dist/data/kinds/air-hourly/parse.js", import.meta.url);
/** The layout of scripts/make-national.mjs's files (station_code,city,county,datetime,PM2.5,PM10,SO2,NO2,O3,CO). */
const HEADER = "station_code,city,county,datetime,PM2.5,PM10,SO2,NO2,O3,CO";
const PLAN = {
  width: 10,
  timeIndex: 3,
  placeIndices: [0, 2, 1],
  // HOURLY_POLLUTANTS order: SO2, NO2, PM10, PM2.5, CO, O3; CO in mg/m3 read as such.
  valueSlot: [-1, -1, -1, -1, 3, 2, 0, 1, 5, 4],
  valueFactor: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  hourConvention: "ending",
  year: 2019,
  maxPlausible: 100000,
};
const CHUNK = 2 << 20;

if (isMainThread) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : fallback;
  };
  const file = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
  if (!file) {
    console.error("usage: node scripts/bench-parse-threads.mjs FILE [--threads 1,2] [--runs 3]");
    process.exit(2);
  }
  const fd = openSync(file, "r");
  const size = fstatSync(fd).size;
  const head = Buffer.alloc(256);
  readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const dataStart = head.indexOf(10) + 1;
  if (head.subarray(0, dataStart - 1).toString() !== HEADER) {
    console.error(`bench-parse-threads: ${file} is not a scripts/make-national.mjs file (header ${HEADER})`);
    process.exit(2);
  }
  const runs = Number(option("--runs", "3"));
  for (const n of option("--threads", "1,2").split(",").map(Number)) {
    const walls = [];
    let own = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const shares = Array.from({ length: n }, (_, i) => ({
        from: dataStart + Math.floor(((size - dataStart) * i) / n),
        to: dataStart + Math.floor(((size - dataStart) * (i + 1)) / n),
      }));
      own = await Promise.all(
        shares.map(
          (share) =>
            new Promise((resolve, reject) => {
              const w = new Worker(fileURLToPath(import.meta.url), {
                workerData: { file, size, dataStart, ...share },
              });
              w.once("message", (seconds) => {
                resolve(seconds);
                void w.terminate();
              });
              w.once("error", reject);
            }),
        ),
      );
      walls.push((performance.now() - started) / 1000);
    }
    walls.sort((a, b) => a - b);
    const median = walls[Math.floor(walls.length / 2)];
    console.log(
      `${n} thread(s): ${median.toFixed(2)} s (median of ${runs}); each thread, last run: ${own.map((s) => s.toFixed(2)).join(", ")} s`,
    );
  }
} else {
  const { ChunkParser } = await import(PARSE.href);
  const { file, size, dataStart, from, to } = workerData;
  const fd = openSync(file, "r");
  const buffer = new Uint8Array(CHUNK + (64 << 10));
  const parser = new ChunkParser(PLAN);
  const started = performance.now();
  let at = from;
  // A share starts at the first line that starts in it.
  if (at > dataStart) {
    const n = readSync(fd, buffer, 0, 4096, at - 1);
    at += buffer.subarray(0, n).indexOf(10);
  }
  while (at < to) {
    const n = readSync(fd, buffer, 0, buffer.length, at);
    const result = parser.parse(buffer.subarray(0, n), at, 0, Math.min(CHUNK, n, to - at), at + n >= size);
    if (result.end <= at) break;
    at = result.end;
  }
  closeSync(fd);
  parentPort.postMessage((performance.now() - started) / 1000);
}
