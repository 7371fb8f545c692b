// A worker thread of the fast hourly reader: parses the chunks it is sent and posts their row records.
// It reads the file itself (positioned reads) and keeps its own place ids; the main thread applies the
// records of all chunks in file order.
import { closeSync, openSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { ChunkReader, type ChunkJob } from "./chunk.js";
import { usesWasmLines, type LinesMemory, type ParsePlan } from "./parse.js";
import type { WorkerReply } from "./fast.js";

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

/** Record slots in the main thread's hourly store memory (shared), where it reads the records it applies. */
interface GivenSlots {
  memory: WebAssembly.Memory;
  /** Byte offsets of the slots. */
  offsets: number[];
  /** f64 elements per slot. */
  length: number;
}

/** The file to read, a chunk to parse, a buffer or a record slot handed back, or null: the end. */
export type WorkerMessage =
  | { read: { file: string; plan: ParsePlan; slots?: GivenSlots; lines?: LinesMemory } }
  | ChunkJob
  | { recycle: ArrayBuffer }
  | { free: number }
  | null;

/** The record slots, and which of them the main thread has handed back (all, at first). */
let slots: Float64Array[] = [];
const freeSlots: number[] = [];
/** The line loop works in the store's memory: it writes a chunk's records into a slot itself. */
let loopInSlots = false;

parentPort?.on("message", (job: WorkerMessage) => {
  if (job === null) {
    if (fd >= 0) closeSync(fd);
    parentPort?.close();
    return;
  }
  if ("read" in job) {
    fd = openSync(job.read.file, "r");
    reader = new ChunkReader(fd, job.read.plan, job.read.lines);
    const given = job.read.slots;
    if (given) {
      slots = given.offsets.map((at) => new Float64Array(given.memory.buffer, at, given.length));
      freeSlots.push(...slots.keys());
      loopInSlots = job.read.lines !== undefined;
    }
    return;
  }
  if ("free" in job) {
    freeSlots.push(job.free);
    return;
  }
  if ("recycle" in job) {
    // As many as can be in flight at once are enough (a chunk queued, one applied, one parsed).
    if (spare.length < 4) spare.push(job.recycle);
    return;
  }
  queue.push(job);
  void drain();
});

/** Chunks sent and not yet parsed, in the order sent; drained one at a time. */
const queue: ChunkJob[] = [];
let draining = false;
/** Where the chunk before started: the distance to the next one (1 chunk, or as many as there are workers). */
let lastFrom = -1;

async function drain(): Promise<void> {
  if (draining) return;
  draining = true;
  try {
    while (queue.length > 0) await parseChunk(queue.shift()!);
  } finally {
    draining = false;
  }
}

async function parseChunk(job: ChunkJob): Promise<void> {
  try {
    if (reader === null) throw new Error("fast reader worker: a chunk before the file");
    const fetched = await reader.prefetched(job);
    // The next chunk's bytes are read while this one is parsed: the one already sent, else the one after it.
    const stride = lastFrom >= 0 && job.from > lastFrom ? job.from - lastFrom : job.to - job.from;
    lastFrom = job.from;
    reader.prefetch(
      queue[0] ?? { ...job, k: -1, from: job.from + stride, to: Math.min(job.to + stride, job.size) },
    );
    // A slot for the line loop to write the records into, when it works in the store's memory.
    const given = loopInSlots ? freeSlots.pop() : undefined;
    const view = given === undefined ? undefined : slots[given]!;
    const target = view ? { address: view.byteOffset, capacity: view.length } : undefined;
    const result = reader.parse(job, fetched, target);
    if (given !== undefined && !result.atTarget) freeSlots.push(given);
    const slot =
      given !== undefined && result.atTarget
        ? given
        : result.records.length <= (slots[0]?.length ?? 0)
          ? freeSlots.pop()
          : undefined;
    if (slot !== undefined) {
      if (!result.atTarget) slots[slot]!.set(result.records);
      const { count, lines, end, newPlaces } = result;
      parentPort?.postMessage({ k: job.k, count, lines, end, newPlaces, slot } satisfies WorkerReply);
      return;
    }
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
}
