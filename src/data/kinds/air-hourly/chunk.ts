// One chunk of an hourly file parsed by whichever thread is given it (a worker, or the main thread when it
// has time to spare): its own positioned reads into one reused buffer, and its own parser's place ids.
import { read, readSync } from "node:fs";
import {
  ChunkParser,
  MAX_LINE,
  type ChunkResult,
  type LinesMemory,
  type ParsePlan,
  type RecordTarget,
} from "./parse.js";

export interface ChunkJob {
  k: number;
  /** Lines that start in [from, to) are this chunk's; `dataStart` is where the data rows begin. */
  from: number;
  to: number;
  dataStart: number;
  size: number;
}

const LF = 0x0a;
/** Bytes read past a chunk's end for its last line: enough for any export's line, else MAX_LINE more. */
const TAIL = 64 << 10;

/** Bytes [base, end) of the file being read into `buffer` in the background (libuv's thread pool). */
interface Prefetch {
  base: number;
  end: number;
  buffer: Uint8Array<ArrayBuffer>;
  /** Bytes read, or the read's error. */
  done: Promise<number>;
}

export class ChunkReader {
  private readonly parser: ChunkParser;
  private buffer = new Uint8Array(0);
  /** The next chunk's bytes, being read while this one is parsed (prefetch()). */
  private next: Prefetch | null = null;
  /** The buffer a finished prefetch left, for the next one. */
  private spare = new Uint8Array(0);

  constructor(
    private readonly fd: number,
    plan: ParsePlan,
    /** The memory for the parser's line loop (default: its own). */
    lines?: LinesMemory,
  ) {
    this.parser = new ChunkParser(plan, lines);
  }

  /** Reads the file's bytes [base, end) into the start of the buffer; returns how many it held. */
  private read(base: number, end: number): number {
    // One buffer for every chunk (they are all the same size but the last): no garbage per chunk.
    if (this.buffer.length < end - base) this.buffer = new Uint8Array(end - base);
    let got = 0;
    while (got < end - base) {
      const n = readSync(this.fd, this.buffer, got, end - base - got, base + got);
      if (n === 0) break;
      got += n;
    }
    return got;
  }

  /** The bytes a chunk's lines are read from: [base, end), where base is one byte before the chunk. */
  private static span(job: ChunkJob): { base: number; end: number } {
    return { base: Math.max(job.from - 1, job.dataStart), end: Math.min(job.to + TAIL, job.size) };
  }

  /**
   * Starts reading `job`'s bytes in the background (a worker asks for the chunk after the one it was sent,
   * before it parses that one): the copy from the file runs on another thread while this one parses, instead
   * of before it. parse() uses the bytes when it is given that job, and reads them itself otherwise.
   */
  prefetch(job: ChunkJob): void {
    if (this.next !== null || job.from >= job.size) return;
    const { base, end } = ChunkReader.span(job);
    const buffer = this.spare.length >= end - base ? this.spare : new Uint8Array(end - base);
    this.spare = new Uint8Array(0);
    const done = new Promise<number>((resolve, reject) =>
      read(this.fd, buffer, 0, end - base, base, (e, n) => (e ? reject(e) : resolve(n))),
    );
    // A failed read is met (and reported) by parse(), which then reads the chunk itself.
    done.catch(() => undefined);
    this.next = { base, end, buffer, done };
  }

  /**
   * The prefetched bytes, when they are `job`'s: how many, now in the buffer parse() reads (null when they are
   * another chunk's, or the read failed: parse() then reads the chunk itself).
   */
  async prefetched(job: ChunkJob): Promise<number | null> {
    const next = this.next;
    if (next === null) return null;
    this.next = null;
    const { base, end } = ChunkReader.span(job);
    let got: number;
    try {
      got = await next.done;
    } catch {
      this.spare = next.buffer;
      return null;
    }
    // A short read (the file changed meanwhile) or another chunk: read as without the prefetch.
    if (next.base !== base || next.end !== end || got !== end - base) {
      this.spare = next.buffer;
      return null;
    }
    this.spare = this.buffer;
    this.buffer = next.buffer;
    return got;
  }

  /**
   * The records of the lines that start in the chunk (a view of the parser's buffer until the next call).
   * `fetched`: the chunk's bytes are in the buffer already (that many). `target`: where in the line loop's
   * memory the records are to go (a record slot; `atTarget` in the result says whether they went there).
   */
  parse(job: ChunkJob, fetched: number | null = null, target?: RecordTarget): ChunkResult {
    // One byte before the chunk tells whether a line starts at `from`; the bytes after it end its last line.
    const { base, end } = ChunkReader.span(job);
    let got = fetched ?? this.read(base, end);
    if (base + got < job.size && this.buffer.subarray(0, got).indexOf(LF, job.to - base - 1) === -1)
      got = this.read(base, Math.min(job.to + MAX_LINE + 1, job.size));
    const bytes = this.buffer.subarray(0, got);
    let start = job.from - base;
    if (job.from > job.dataStart && bytes[start - 1] !== LF) {
      const nl = bytes.indexOf(LF, start);
      start = nl === -1 ? bytes.length : nl + 1;
    }
    const to = Math.min(job.to - base, bytes.length);
    return start < to
      ? this.parser.parse(bytes, base, start, to, base + got >= job.size, target)
      : { records: new Float64Array(0), count: 0, lines: 0, end: job.to, newPlaces: [] };
  }
}
