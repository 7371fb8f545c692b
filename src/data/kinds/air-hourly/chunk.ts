// One chunk of an hourly file parsed by whichever thread is given it (a worker, or the main thread when it
// has time to spare): its own positioned reads into one reused buffer, and its own parser's place ids.
import { readSync } from "node:fs";
import { ChunkParser, MAX_LINE, type ChunkResult, type ParsePlan } from "./parse.js";

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

export class ChunkReader {
  private readonly parser: ChunkParser;
  private buffer = new Uint8Array(0);

  constructor(
    private readonly fd: number,
    plan: ParsePlan,
  ) {
    this.parser = new ChunkParser(plan);
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

  /** The records of the lines that start in the chunk (a view of the parser's buffer until the next call). */
  parse(job: ChunkJob): ChunkResult {
    // One byte before the chunk tells whether a line starts at `from`; the bytes after it end its last line.
    const base = Math.max(job.from - 1, job.dataStart);
    let got = this.read(base, Math.min(job.to + TAIL, job.size));
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
      ? this.parser.parse(bytes, base, start, to, base + got >= job.size)
      : { records: new Float64Array(0), count: 0, lines: 0, end: job.to, newPlaces: [] };
  }
}
