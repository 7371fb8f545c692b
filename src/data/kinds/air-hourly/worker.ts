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

parentPort?.on("message", (job: ChunkJob | null) => {
  if (job === null) {
    closeSync(fd);
    parentPort?.close();
    return;
  }
  try {
    const result = reader.parse(job);
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
