// A worker thread of the fast hourly reader: parses the chunks it is sent and posts their row records.
// It reads the file itself (positioned reads) and keeps its own place ids; the main thread applies the
// records of all chunks in file order.
import { closeSync, openSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { ChunkReader, type ChunkJob } from "./chunk.js";
import { usesWasmLines, type ParsePlan } from "./parse.js";

export type { ChunkJob } from "./chunk.js";

/** The file and its parse plan, sent first (the worker may be started before the header is read). */
let fd = -1;
let reader: ChunkReader | null = null;
// The line loop is compiled while the worker waits for its file.
usesWasmLines();

/**
 * Record buffers the main thread has applied and sent back, reused for the next chunks: without them every
 * chunk's records would be a new buffer, and the main thread's heap would hold many of them between its
 * collections.
 */
const spare: ArrayBuffer[] = [];
const MIB = 1 << 20;

/** The file to read, a chunk to parse, a buffer handed back, or null: the end. */
export type WorkerMessage =
  { read: { file: string; plan: ParsePlan } } | ChunkJob | { recycle: ArrayBuffer } | null;

parentPort?.on("message", (job: WorkerMessage) => {
  if (job === null) {
    if (fd >= 0) closeSync(fd);
    parentPort?.close();
    return;
  }
  if ("read" in job) {
    fd = openSync(job.read.file, "r");
    reader = new ChunkReader(fd, job.read.plan);
    return;
  }
  if ("recycle" in job) {
    // As many as can be in flight at once are enough (a chunk queued, one applied, one parsed).
    if (spare.length < 4) spare.push(job.recycle);
    return;
  }
  try {
    if (reader === null) throw new Error("fast reader worker: a chunk before the file");
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
