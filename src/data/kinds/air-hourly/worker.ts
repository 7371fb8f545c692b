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

const TAIL = 64 << 10;

/** Reads the file's bytes [base, end) into the start of the buffer; returns how many it held. */
function read(base: number, end: number): number {
  // One buffer for every chunk (they are all the same size but the last): no garbage per chunk.
  if (buffer.length < end - base) buffer = new Uint8Array(end - base);
  let got = 0;
  while (got < end - base) {
    const n = readSync(fd, buffer, got, end - base - got, base + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

parentPort?.on("message", (job: ChunkJob | null) => {
  if (job === null) {
    closeSync(fd);
    parentPort?.close();
    return;
  }
  try {
    // One byte before the chunk tells whether a line starts at `from`; the bytes after it end its last line:
    // 64 KiB do for any export's line, else up to MAX_LINE more are read.
    const base = Math.max(job.from - 1, job.dataStart);
    let got = read(base, Math.min(job.to + TAIL, job.size));
    if (base + got < job.size && buffer.subarray(0, got).indexOf(LF, job.to - base - 1) === -1)
      got = read(base, Math.min(job.to + MAX_LINE + 1, job.size));
    const bytes = buffer.subarray(0, got);
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
    const errno = (e as NodeJS.ErrnoException | undefined)?.code;
    parentPort?.postMessage({
      k: job.k,
      error: e instanceof Error ? e.message : String(e),
      ...(typeof errno === "string" ? { errno } : {}),
    });
  }
});
