// A worker thread of the fast hourly reader: parses the chunks it is sent and posts their row records.
// It reads the file itself (positioned reads) and keeps its own place ids; the main thread applies the
// records of all chunks in file order.
import { closeSync, openSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { ChunkReader, type ChunkJob } from "./chunk.js";
import type { ParsePlan } from "./parse.js";

export type { ChunkJob } from "./chunk.js";

const { file, plan } = workerData as { file: string; plan: ParsePlan };
const fd = openSync(file, "r");
const reader = new ChunkReader(fd, plan);

/**
 * Record buffers the main thread has applied and sent back, reused for the next chunks: without them every
 * chunk's records would be a new buffer, and the main thread's heap would hold many of them between its
 * collections.
 */
const spare: ArrayBuffer[] = [];
const MIB = 1 << 20;

/** A chunk to parse, a buffer handed back, or null: the end. */
export type WorkerMessage = ChunkJob | { recycle: ArrayBuffer } | null;

parentPort?.on("message", (job: WorkerMessage) => {
  if (job === null) {
    closeSync(fd);
    parentPort?.close();
    return;
  }
  if ("recycle" in job) {
    // As many as can be in flight at once are enough (a chunk queued, one applied, one parsed).
    if (spare.length < 4) spare.push(job.recycle);
    return;
  }
  try {
    const result = reader.parse(job);
    const bytes = result.records.length * Float64Array.BYTES_PER_ELEMENT;
    const at = spare.findIndex((b) => b.byteLength >= bytes);
    // A new buffer has room to spare (a quarter, in whole MiB), so that the next chunks' records fit in it too.
    const buffer = at >= 0 ? spare.splice(at, 1)[0]! : new ArrayBuffer(Math.ceil((bytes * 1.25) / MIB) * MIB);
    const records = new Float64Array(buffer, 0, result.records.length);
    records.set(result.records);
    parentPort?.postMessage({ k: job.k, ...result, records }, [buffer]);
  } catch (e) {
    const errno = (e as NodeJS.ErrnoException | undefined)?.code;
    parentPort?.postMessage({
      k: job.k,
      error: e instanceof Error ? e.message : String(e),
      ...(typeof errno === "string" ? { errno } : {}),
    });
  }
});
