// The fast hourly reader's parsing threads, started before they are needed: a worker takes about 30 ms to
// start (its own Node.js, modules and WebAssembly), which the main thread would otherwise wait for after
// reading the header. A run that reads a file large enough for them starts them while it loads its target
// file (engine/check.ts readAll); the reader takes them, and any not taken are ended with the read.
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { FAST_WORKER_URL } from "../../../paths.js";

/** Files from this size on are parsed by worker threads (HY_FAST_WORKERS_MIN_BYTES changes it, for tests). */
const WORKERS_MIN_BYTES = 64 << 20;

/** The smallest file the workers read (the rest: this thread). */
export function workersMinBytes(): number {
  return Number(process.env.HY_FAST_WORKERS_MIN_BYTES ?? WORKERS_MIN_BYTES);
}

/**
 * Parsing workers: on 2 cores one (the main thread may take a share of the chunks: fast.ts mainShare()); a
 * second worker was 0.3 s faster on L but 60 MiB larger (bench/RESULTS.md, round four). HY_FAST_WORKERS sets it.
 */
export function workerCount(): number {
  const set = Number(process.env.HY_FAST_WORKERS);
  if (Number.isInteger(set) && set >= 1) return set;
  return availableParallelism() > 2 ? 2 : 1;
}

/** A worker with nothing to read yet: worker.ts waits for the file and its parse plan. */
export function startParserWorker(): Worker {
  return new Worker(FAST_WORKER_URL);
}

export class ParserThreads {
  private spare: Worker[] = [];
  /** Until a worker is taken, an error ends it here (its reader starts another, and meets the error there). */
  private readonly dropOnError = new Map<Worker, () => void>();

  private constructor(count: number) {
    for (let i = 0; i < count; i++) {
      const worker = startParserWorker();
      const drop = () => {
        this.spare = this.spare.filter((w) => w !== worker);
        this.dropOnError.delete(worker);
        void worker.terminate();
      };
      worker.on("error", drop);
      this.dropOnError.set(worker, drop);
      this.spare.push(worker);
    }
  }

  /**
   * Started for a run whose named files include one the workers would read (a folder's files are not
   * looked at: its files are read with workers started then); undefined when none would.
   */
  static startFor(files: readonly string[]): ParserThreads | undefined {
    if (availableParallelism() < 2) return undefined;
    const min = workersMinBytes();
    const large = files.some((file) => {
      // Only a guess to start early: a file that cannot be looked at is reported when it is read.
      try {
        const stat = statSync(file, { throwIfNoEntry: false });
        return stat?.isFile() === true && stat.size >= min;
      } catch {
        return false;
      }
    });
    return large ? new ParserThreads(workerCount()) : undefined;
  }

  /** Up to `count` started workers, now the caller's: it listens for their errors and ends them. */
  take(count: number): Worker[] {
    const taken = this.spare.splice(0, count);
    for (const worker of taken) {
      const drop = this.dropOnError.get(worker);
      if (drop) worker.off("error", drop);
      this.dropOnError.delete(worker);
    }
    return taken;
  }

  /** Ends the workers no reader took. */
  async close(): Promise<void> {
    const left = this.take(this.spare.length);
    await Promise.all(left.map((w) => w.terminate()));
  }
}
