// The fast reader of long hourly exports: bytes -> typed arrays, for regular UTF-8 files of any size.
//
// What the profile of the plain reader showed (bench/RESULTS.md): csv-parse's per-character state machine,
// a string and an array per record, Number() on strings and Map lookups by station and date strings. Here
// parse.ts turns each line's bytes into a row record (numbers only), decoding text only the first
// time it meets a station or a time, and this module applies the records to the store in file order.
// Large files are parsed by two worker threads, chunk by chunk; the records are still applied in file
// order on this thread, so sums (and thus results) are the same as the plain reader's, bit for bit.
//
// The parser takes only rows it can read exactly as the plain reader would (values in range, plausible,
// a time it reads); every other row, as text, goes to the plain row reader, and at anything CSV could read
// differently (a quote, a lone CR, a space at a field's edge, bytes that are not UTF-8) csv-parse reads
// the rest of the file from that line. So counts, warnings, errors and values are those of the plain
// reader: test/fast-reader.test.ts compares the two on every fixture, the corpus and damaged files.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { open } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { InputError } from "../../../errors.js";
import { changedWhileRead, readError, type LineStart } from "../../csv.js";
import {
  ChunkParser,
  lineFields,
  PLAIN,
  R_HOUR,
  R_OFFSET,
  R_VALUES,
  RECORD,
  recordLength,
  recordLine,
  recordPlace,
  recordType,
  SWITCH,
  usesWasmLines,
  type ChunkResult,
  type LinesMemory,
  type ParsePlan,
} from "./parse.js";
import { ChunkReader, type ChunkJob } from "./chunk.js";
import {
  addHourVector,
  areaSeries,
  HOURLY_POLLUTANTS,
  stationRecord,
  type AreaSeries,
  type StationRecord,
} from "../../hourly-store.js";
import type { InputReport } from "../../input-report.js";
import { noteDate, noteOutOfOrder } from "../../input-report.js";
import { MAX_PLAUSIBLE } from "../concentrations.js";
import type { HourlyLayout, HourlyRowReader } from "./rows.js";
import { outsideYear, rowPlace } from "./rows.js";
import { otherYearOf, type ReadContext } from "../kind.js";
import { startParserWorker, workerCount, workersMinBytes } from "./threads.js";
import type { WorkerMessage } from "./worker.js";
import { WasmApply, type RecordSlots } from "./apply-wasm.js";

const CHUNK = 8 << 20;
/**
 * Chunks for the workers: small, since up to three chunks' records (about 13 bytes a byte) are in flight and
 * each worker keeps a chunk's buffers; 2 MiB took the peak on L from 266 to 236 MiB (bench/RESULTS.md).
 */
const WORKER_CHUNK = 2 << 20;

/** A station as rows add to it: resolved on the first row that is added, as the plain reader does. */
interface StationEntry {
  /** null: rows of this station go to the plain reader (no station, or in no area or group). */
  station: string | null;
  keys: readonly string[];
  // Set on the first row added; present from the start so that every entry keeps one shape (V8 map).
  record: StationRecord | null;
  series: AreaSeries[];
}

/** The store asks for the input to be read again (out of time order while streaming days): stop reading. */
const STOP = "stop";

export interface FastResult {
  /** Where csv-parse must continue, or null when the fast reader read the file to its end. */
  continueAt: LineStart | null;
}

function parsePlan(layout: HourlyLayout, ctx: ReadContext<"air">): ParsePlan {
  const valueSlot = new Array<number>(layout.width).fill(-1);
  const valueFactor = new Array<number>(layout.width).fill(1);
  for (const c of layout.pollutantCols) {
    valueSlot[c.index] = HOURLY_POLLUTANTS.indexOf(c.key);
    valueFactor[c.index] = c.factor;
  }
  return {
    width: layout.width,
    timeIndex: layout.timeCol.index,
    placeIndices: [layout.codeCol, layout.nameCol, layout.place.area, layout.place.county, layout.place.city]
      .filter((c) => c !== undefined)
      .map((c) => c.index),
    valueSlot,
    valueFactor,
    hourConvention: ctx.hourConvention,
    year: ctx.year,
    maxPlausible: MAX_PLAUSIBLE,
  };
}

/** Applies chunk results to the store in file order; returns where csv-parse must take over, if anywhere. */
class Applier {
  private minDay = Infinity;
  private maxDay = -Infinity;
  /** Dates of days outside the plan year, by day number. */
  private readonly otherDates = new Map<number, string>();
  /** Per parser (this thread's, or each worker's): place id -> station. */
  private readonly places = new Map<number, StationEntry[]>();
  /** The apply loop in WebAssembly, which takes the common records first (null: all are added here). */
  private readonly wasm: WasmApply | null;

  constructor(
    private readonly layout: HourlyLayout,
    private readonly ctx: ReadContext<"air">,
    private readonly report: InputReport,
    private readonly rows: HourlyRowReader,
  ) {
    this.wasm = WasmApply.forStore(ctx.hourly);
  }

  private stationOf(fields: readonly string[]): StationEntry {
    const place = rowPlace(this.layout, this.ctx, fields);
    // Rejected (no station) or unassigned (no area or group): the plain reader says which.
    if (place.missingStation || place.keys.length === 0)
      return { station: null, keys: [], record: null, series: [] };
    return { station: place.station, keys: place.keys, record: null, series: [] };
  }

  /** Hands a line to the plain row reader; false when csv-parse must read it (its fields could differ). */
  private plain(line: number, bytes: Uint8Array): boolean {
    const fields = lineFields(bytes);
    if (fields === null) return false;
    this.rows.row(line, fields);
    return true;
  }

  /**
   * `firstLine`: the line number of the chunk's first line; `bytesAt` gives a line's bytes for the plain
   * reader. Returns a LineStart to switch to csv-parse at, or null.
   */
  apply(
    parser: number,
    result: ChunkResult,
    firstLine: number,
    bytesAt: (offset: number, length: number) => Uint8Array,
  ): LineStart | null | typeof STOP {
    let table = this.places.get(parser);
    if (!table) this.places.set(parser, (table = []));
    for (const { id, fields } of result.newPlaces) table[id] = this.stationOf(fields);
    const { records, count } = result;
    const store = this.ctx.hourly;
    const wasm = this.wasm;
    wasm?.load(records, count);
    for (let i = 0; i < count; i++) {
      // The loop takes what it can from here; the record it stops at is read below, then it goes on. A row of
      // another year it would hand straight back (several years in a file: most rows), so it is not asked.
      const rowDay = Math.floor(records[i * RECORD + R_HOUR]! / 24);
      if (wasm && rowDay >= 0 && rowDay < store.dates.length) {
        i = wasm.run(parser, i, count);
        this.report.rows += wasm.take();
        if (i >= count) break;
      }
      const r = i * RECORD;
      const type = recordType(records, r);
      const line = firstLine + recordLine(records, r);
      const offset = records[r + R_OFFSET]!;
      if (type === SWITCH) return { offset, line };
      const length = recordLength(records, r);
      if (type === PLAIN) {
        if (!this.plain(line, bytesAt(offset, length))) return { offset, line };
        if (store.mustReread) return STOP;
        continue;
      }
      const place = recordPlace(records, r);
      const station = table[place]!;
      if (station.station === null) {
        if (!this.plain(line, bytesAt(offset, length))) return { offset, line };
        if (store.mustReread) return STOP;
        continue;
      }
      const hour = records[r + R_HOUR]!;
      const day = Math.floor(hour / 24);
      const slot = hour - day * 24;
      if (day < this.minDay) this.minDay = day;
      if (day > this.maxDay) this.maxDay = day;
      if (day < 0 || day >= store.dates.length) {
        // Another year's row, as the plain reader counts it (its values were found plausible).
        this.report.rows++;
        const date = this.dateOf(day);
        outsideYear(this.layout, this.ctx, this.report, line, date, () => {
          const fields = lineFields(bytesAt(offset, length));
          return fields?.[this.layout.timeCol.index] ?? "";
        });
        const other = otherYearOf(this.ctx, date)?.hourly;
        const otherDay = other?.dayIndex.get(date);
        if (other && otherDay !== undefined) {
          const record = stationRecord(other, station.station, station.keys[0] ?? "");
          const series = station.keys.map((key) => areaSeries(other, key));
          addHourVector(other, record, series, otherDay, slot, records, r + R_VALUES);
        }
        continue;
      }
      if (station.record === null) {
        station.record = stationRecord(store, station.station, station.keys[0] ?? "");
        station.series = station.keys.map((key) => areaSeries(store, key));
        wasm?.admit(parser, place, station.record, station.series);
      }
      // A station-hour read before: the plain reader reads an exact repeat once (HY-REPEAT) or rejects it (HY-DUP).
      if ((station.record.seen[day]! & (1 << slot)) !== 0) {
        if (!this.plain(line, bytesAt(offset, length))) return { offset, line };
        if (store.mustReread) return STOP;
        continue;
      }
      this.report.rows++;
      const outOfOrder = store.outOfOrder;
      addHourVector(store, station.record, station.series, day, slot, records, r + R_VALUES);
      if (store.outOfOrder !== outOfOrder) {
        noteOutOfOrder(this.report, line, station.station, store.dates[day] ?? "");
        if (store.mustReread) return STOP;
      }
    }
    return null;
  }

  /** Record slots in the store's memory for a worker's chunks, or null (no apply loop, or no room). */
  recordSlots(count: number, length: number): RecordSlots | null {
    return this.wasm?.recordSlots(count, length) ?? null;
  }

  /** The store memory's region for one worker's line loop, or null (no apply loop, or no room). */
  linesRegion(): LinesMemory | null {
    return this.wasm?.linesRegion() ?? null;
  }

  /** The date of a day counted from the plan year's first day. */
  private dateOf(day: number): string {
    const dates = this.ctx.hourly.dates;
    if (day >= 0 && day < dates.length) return dates[day] ?? "";
    let date = this.otherDates.get(day);
    if (date === undefined) {
      const start = Date.UTC(this.ctx.hourly.year, 0, 1);
      date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
      this.otherDates.set(day, date);
    }
    return date;
  }

  finish(): void {
    if (this.minDay <= this.maxDay) {
      noteDate(this.report, this.dateOf(this.minDay));
      noteDate(this.report, this.dateOf(this.maxDay));
    }
  }
}

/**
 * Reads the data rows of `file` from `from` to the end, or to the first line it leaves to csv-parse.
 * `expectedSize` is the file's size when opened: a file that changes meanwhile is HY-READ.
 */
export async function readHourlyFast(
  file: string,
  from: LineStart,
  expectedSize: number,
  layout: HourlyLayout,
  ctx: ReadContext<"air">,
  report: InputReport,
  rows: HourlyRowReader,
): Promise<FastResult> {
  const plan = parsePlan(layout, ctx);
  const applier = new Applier(layout, ctx, report, rows);
  const useWorkers = expectedSize - from.offset >= workersMinBytes() && availableParallelism() > 1;
  let continueAt: LineStart | null | typeof STOP;
  let readTo: number;
  try {
    ({ continueAt, readTo } = useWorkers
      ? await inWorkers(file, from, expectedSize, plan, applier, ctx)
      : await onThisThread(file, from, plan, applier, ctx));
  } catch (e) {
    throw e instanceof InputError ? e : readError(file, e);
  }
  if (continueAt === null && readTo !== expectedSize) throw changedWhileRead(file, expectedSize, readTo);
  applier.finish();
  return { continueAt: continueAt === STOP ? null : continueAt };
}

/** Sequential reads into one buffer, the partial last line carried over. */
async function onThisThread(
  file: string,
  from: LineStart,
  plan: ParsePlan,
  applier: Applier,
  ctx: ReadContext<"air">,
): Promise<{ continueAt: LineStart | null | typeof STOP; readTo: number }> {
  const parser = new ChunkParser(plan);
  const handle = await open(file, "r");
  const buf = new Uint8Array(CHUNK);
  let filled = 0;
  let base = from.offset;
  let position = from.offset;
  let line = from.line;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buf, filled, buf.length - filled, position);
      position += bytesRead;
      filled += bytesRead;
      const eof = bytesRead === 0;
      const result = parser.parse(buf.subarray(0, filled), base, 0, filled, eof);
      const at = applier.apply(0, result, line, (offset, length) =>
        buf.subarray(offset - base, offset - base + length),
      );
      if (at) return { continueAt: at, readTo: position };
      line += result.lines;
      const consumed = result.end - base;
      ctx.progress?.advance(consumed, result.count);
      if (eof) return { continueAt: null, readTo: position };
      buf.copyWithin(0, consumed, filled);
      filled -= consumed;
      base += consumed;
    }
  } finally {
    await handle.close();
  }
}

/**
 * One chunk in MAIN_SHARE is parsed by the main thread (0: none). With the line loop in JavaScript and one
 * worker, the main thread spent half its time waiting for it on L; with the loops in WebAssembly, a share of
 * one chunk in 3 to 10 made L 0.3-0.4 s slower (bench/RESULTS.md, round five), so this thread parses none.
 * HY_FAST_MAIN_SHARE sets it.
 */
const MAIN_SHARE_JS_LOOP = 3;

function mainShare(): number {
  const set = Number(process.env.HY_FAST_MAIN_SHARE);
  if (process.env.HY_FAST_MAIN_SHARE !== undefined && Number.isInteger(set) && set >= 0) return set;
  return usesWasmLines() ? 0 : MAIN_SHARE_JS_LOOP;
}

/**
 * A chunk's records (in a transferred buffer, or in the worker's record slot in the arena), or why the worker
 * could not read it (its message, and the system error's code).
 */
export type WorkerReply =
  | (ChunkResult & { k: number })
  | (Omit<ChunkResult, "records"> & { k: number; slot: number })
  | { k: number; error: string; errno?: string };

/** Record slots per worker: a chunk queued, one parsed, one applied, one to spare. */
const SLOTS_PER_WORKER = 4;
/**
 * A slot holds the records of a chunk whose lines are 32 bytes or more on average; a chunk of shorter lines has
 * more records than that, which are copied to the parser's own array and transferred.
 */
const SLOT_LINE_BYTES = 32;

/**
 * Workers parse 2 MiB chunks, this thread its share (mainShare()); this thread applies each chunk's records in
 * file order, with one chunk in flight per worker and one more queued, so that memory stays bounded.
 */
async function inWorkers(
  file: string,
  from: LineStart,
  size: number,
  plan: ParsePlan,
  applier: Applier,
  ctx: ReadContext<"air">,
): Promise<{ continueAt: LineStart | null | typeof STOP; readTo: number }> {
  const W = workerCount();
  // HY_FAST_CHUNK_BYTES: small chunks, so that the tests cross many chunk boundaries.
  const chunkBytes = Number(process.env.HY_FAST_CHUNK_BYTES ?? WORKER_CHUNK);
  const chunks = Math.ceil((size - from.offset) / chunkBytes);
  // Workers started while the run loaded its targets (threads.ts), else started now.
  const workers = ctx.parserThreads?.take(W) ?? [];
  while (workers.length < W) workers.push(startParserWorker());
  // With the apply loop in WebAssembly, each worker writes its chunks' records into slots in the store's
  // (shared) memory, where the loop reads them: no copy on this thread.
  const slotLength = Math.ceil(chunkBytes / SLOT_LINE_BYTES) * RECORD;
  const slots = workers.map(() => applier.recordSlots(SLOTS_PER_WORKER, slotLength));
  // The first worker's line loop works in the store's memory too, and writes its records into the slots.
  const region = slots[0] ? applier.linesRegion() : null;
  workers.forEach((w, i) => {
    const mine = slots[i];
    const given = mine ? { memory: mine.memory, offsets: mine.offsets, length: slotLength } : undefined;
    const lines = i === 0 && region ? { lines: region } : {};
    w.postMessage({
      read: { file, plan, ...(given ? { slots: given } : {}), ...lines },
    } satisfies WorkerMessage);
  });
  const results = new Map<number, WorkerReply>();
  let wake: (() => void) | undefined;
  let failure: unknown;
  for (const w of workers) {
    w.on("message", (reply: WorkerReply) => {
      results.set(reply.k, reply);
      wake?.();
    });
    w.on("error", (e) => {
      failure = e;
      wake?.();
    });
  }
  const jobOf = (k: number): ChunkJob => ({
    k,
    from: from.offset + k * chunkBytes,
    to: Math.min(from.offset + (k + 1) * chunkBytes, size),
    dataStart: from.offset,
    size,
  });
  // This thread applies every chunk's records and may parse one chunk in `share` itself (see mainShare()).
  const share = mainShare();
  const onThisThread = (k: number) => share > 0 && k % share === share - 1;
  const owner = new Map<number, number>();
  let sent = 0;
  let assigned = 0;
  const sendNext = () => {
    while (sent < chunks && onThisThread(sent)) sent++;
    if (sent >= chunks) return;
    const w = assigned++ % W;
    owner.set(sent, w);
    workers[w]!.postMessage(jobOf(sent++));
  };
  for (let i = 0; i < W + 1; i++) sendNext();
  const fd = openSync(file, "r");
  const mine = new ChunkReader(fd, plan);
  const bytesAt = (offset: number, length: number) => {
    const bytes = new Uint8Array(length);
    readSync(fd, bytes, 0, length, offset);
    return bytes;
  };
  let line = from.line;
  try {
    for (let k = 0; k < chunks; k++) {
      if (onThisThread(k)) {
        // Parsed here while the workers go on with theirs; its records are applied at once.
        const result = mine.parse(jobOf(k));
        const at = applier.apply(W, result, line, bytesAt);
        if (at) return { continueAt: at, readTo: size };
        line += result.lines;
        ctx.progress?.advance(Math.min(chunkBytes, size - from.offset - k * chunkBytes), result.count);
        continue;
      }
      while (!results.has(k) && failure === undefined) await new Promise<void>((r) => (wake = r));
      if (failure !== undefined) throw failure;
      const reply = results.get(k)!;
      results.delete(k);
      // A read that failed in the worker (an I/O error: it has a system code) is HY-READ in the run's language;
      // anything else is hy-check's own fault (exit 3).
      if ("error" in reply)
        throw reply.errno === undefined
          ? new Error(reply.error)
          : readError(file, Object.assign(new Error(reply.error), { code: reply.errno }));
      const w = owner.get(k) ?? 0;
      const chunk: ChunkResult =
        "slot" in reply
          ? { ...reply, records: slots[w]!.views[reply.slot]!.subarray(0, reply.count * RECORD) }
          : reply;
      const at = applier.apply(w, chunk, line, bytesAt);
      if (at) return { continueAt: at, readTo: size };
      line += reply.lines;
      ctx.progress?.advance(Math.min(chunkBytes, size - from.offset - k * chunkBytes), reply.count);
      // The record slot, or the records' buffer, goes back to its worker for a later chunk.
      if ("slot" in reply) workers[w]!.postMessage({ free: reply.slot } satisfies WorkerMessage);
      else if (chunk.records.buffer instanceof ArrayBuffer)
        workers[w]!.postMessage({ recycle: chunk.records.buffer } satisfies WorkerMessage, [
          chunk.records.buffer,
        ]);
      sendNext();
    }
    // A file cut or grown meanwhile shows in its size now.
    return { continueAt: null, readTo: fstatSync(fd).size };
  } finally {
    closeSync(fd);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
