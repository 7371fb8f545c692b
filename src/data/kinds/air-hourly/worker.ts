// A worker thread of the fast hourly reader: parses the chunks it is sent and posts their row records.
// It reads the file itself (positioned reads) and keeps its own place ids; the main thread applies the
// records of all chunks in file order.
import { closeSync, openSync, readSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { ChunkParser, MAX_LINE, type ParsePlan } from "./parse.js";

export interface ChunkJob {
  k: number;
  /** Lines that start in [from, to) are this chunk's; `dataStart` is where the data rows begin. */
  from: number;
  to: number;
  dataStart: number;
  size: number;
}

const { file, plan } = workerData as { file: string; plan: ParsePlan };
const parser = new ChunkParser(plan);
const fd = openSync(file, "r");
const LF = 0x0a;
let buffer = new Uint8Array(0);

parentPort?.on("message", (job: ChunkJob | null) => {
  if (job === null) {
    closeSync(fd);
    parentPort?.close();
    return;
  }
  try {
    // One byte before the chunk tells whether a line starts at `from`; MAX_LINE after it ends its last line.
    const base = Math.max(job.from - 1, job.dataStart);
    const end = Math.min(job.to + MAX_LINE + 1, job.size);
    // One buffer for every chunk (they are all the same size but the last): no garbage per chunk.
    if (buffer.length < end - base) buffer = new Uint8Array(end - base);
    const buf = buffer.subarray(0, end - base);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, base + got);
      if (n === 0) break;
      got += n;
    }
    const bytes = buf.subarray(0, got);
    let start = job.from - base;
    if (job.from > job.dataStart && bytes[start - 1] !== LF) {
      const nl = bytes.indexOf(LF, start);
      start = nl === -1 ? bytes.length : nl + 1;
    }
    const to = Math.min(job.to - base, bytes.length);
    const result =
      start < to
        ? parser.parse(bytes, base, start, to, base + got >= job.size)
        : { records: new Float64Array(0), count: 0, lines: 0, end: job.to, newPlaces: [] };
    const records = result.records.slice();
    parentPort?.postMessage({ k: job.k, ...result, records }, [records.buffer]);
  } catch (e) {
    parentPort?.postMessage({ k: job.k, error: e instanceof Error ? e.message : String(e) });
  }
});
