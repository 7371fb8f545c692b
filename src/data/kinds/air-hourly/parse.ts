// The byte parser of the fast hourly reader: lines of bytes -> row records (numbers only), with no access
// to the stores, so that it runs the same on the main thread and in worker threads. What a row means
// (its station's area and groups, a duplicate) is decided where the records are applied, in file order:
// see fast.ts.
import { isUtf8 } from "node:buffer";
import { LINES_WASM_FILE } from "../../../paths.js";
import { compiledLoop } from "./wasm-module.js";
import { HOURLY_POLLUTANTS, P } from "../../hourly-store.js";
import { naturalHour, parseDateTime, type HourConvention } from "../../time.js";
import { CO_MAX_MG, RATIO_FACTOR, RATIO_MARGIN } from "../../plausibility.js";

/** What the parser needs of a file's layout: plain data, so that it can be posted to a worker. */
export interface ParsePlan {
  width: number;
  timeIndex: number;
  /** Columns whose bytes say which station and groups a row counts for, in a fixed order. */
  placeIndices: number[];
  /** Per field: the pollutant's index in HOURLY_POLLUTANTS, or -1. */
  valueSlot: number[];
  /** Per field: the unit factor to the standard unit. */
  valueFactor: number[];
  hourConvention: HourConvention;
  year: number;
  maxPlausible: number;
}

/**
 * Record layout: one row in RECORD numbers, two of them holding two integers each so that a record is 80 bytes,
 * not 104 (the apply loop reads every record from the thread that wrote it): R_KIND is the type plus 4 x the
 * place id, R_LINE_LENGTH the line (counted from the chunk's first) x LINE_UNIT plus the line's length.
 */
export const RECORD = 4 + P;
export const R_KIND = 0;
/** The row's time: day * 24 + slot, from the plan year's first hour. */
export const R_HOUR = 1;
export const R_OFFSET = 2;
export const R_LINE_LENGTH = 3;
export const R_VALUES = 4;
/** Above every line's length (a longer line is csv-parse's: MAX_LINE). */
export const LINE_UNIT = 2 ** 21;

/** A record's type, place, line and length, from its packed numbers. */
export function recordType(records: Float64Array, r: number): number {
  return records[r + R_KIND]! % 4;
}
export function recordPlace(records: Float64Array, r: number): number {
  return Math.floor(records[r + R_KIND]! / 4);
}
export function recordLine(records: Float64Array, r: number): number {
  return Math.floor(records[r + R_LINE_LENGTH]! / LINE_UNIT);
}
export function recordLength(records: Float64Array, r: number): number {
  return records[r + R_LINE_LENGTH]! % LINE_UNIT;
}

/** A row the fast lane takes (still subject to its station and the duplicate check). */
export const ROW = 0;
/** A row for the plain row reader, as text. */
export const PLAIN = 1;
/** The line where csv-parse must take over. */
export const SWITCH = 2;

export interface ChunkResult {
  records: Float64Array;
  count: number;
  /** Lines started in this chunk (blank ones included). */
  lines: number;
  /** Absolute offset after the last line taken; where the next chunk's first line starts. */
  end: number;
  /** Place keys met for the first time: the parser's id and the fields of their first line. */
  newPlaces: { id: number; fields: string[] }[];
  /** The records are where parse() was asked to put them (a record slot), not in the parser's own array. */
  atTarget?: boolean;
}

/**
 * A shared memory for a parser's line loop, and where its region ends: the hourly store's memory, whose
 * addresses below `regionEnd` the store leaves to one worker's line loop (src/data/hourly-arena.ts), so that
 * the loop writes its records straight into the store's record slots.
 */
export interface LinesMemory {
  memory: WebAssembly.Memory;
  regionEnd: number;
}

/** Where parse() is to write a chunk's records in the line loop's memory, and how many numbers fit there. */
export interface RecordTarget {
  address: number;
  capacity: number;
}

const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const SPACE = 0x20;
const TAB = 0x09;
const DOT = 0x2e;
const ZERO = 0x30;

/** A line longer than this is left to csv-parse (no export has one; a damaged file may). */
export const MAX_LINE = 1 << 20;

/** Powers of ten that are exact doubles: m / 10^k is then the correctly rounded value, as Number() gives. */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * A map from byte strings to values, hashed without decoding. Exports repeat their keys in a cycle (every
 * station each hour, or every hour of each station), so the last key and the one that followed the last
 * key the previous time round are tried before the hash.
 */
class BytesMap<T> {
  private readonly buckets = new Map<number, number[]>();
  private readonly keys: Uint8Array[] = [];
  private readonly values: T[] = [];
  /** Entry that followed each entry when last seen: the prediction for the next lookup. */
  private readonly next: number[] = [];
  private last = -1;

  get size(): number {
    return this.keys.length;
  }

  private matches(index: number, buf: Uint8Array, start: number, len: number): boolean {
    const key = this.keys[index]!;
    if (key.length !== len) return false;
    for (let i = 0; i < len; i++) if (key[i] !== buf[start + i]) return false;
    return true;
  }

  /** Whether entry `index` is the fields `indices` of a line, each followed by 0xFF (as placeKey builds it). */
  private matchesFields(
    index: number,
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    indices: readonly number[],
  ): boolean {
    const key = this.keys[index]!;
    let k = 0;
    for (let f = 0; f < indices.length; f++) {
      const field = indices[f]!;
      const s = starts[field]!;
      const e = ends[field]!;
      if (k + (e - s) >= key.length) return false;
      for (let i = s; i < e; i++) if (key[k++] !== buf[i]) return false;
      if (key[k++] !== 0xff) return false;
    }
    return k === key.length;
  }

  /**
   * The last key or the one predicted after it, compared with a line's fields where they are (no copy):
   * in an export's cycle of stations nearly every lookup ends here. Undefined: look up by the whole key.
   */
  getPredicted(
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    indices: readonly number[],
  ): T | undefined {
    const last = this.last;
    if (last < 0) return undefined;
    if (this.matchesFields(last, buf, starts, ends, indices)) return this.values[last]!;
    const predicted = this.next[last]!;
    if (predicted >= 0 && this.matchesFields(predicted, buf, starts, ends, indices))
      return this.hit(predicted);
    return undefined;
  }

  private hit(index: number): T {
    if (this.last >= 0 && this.last !== index) this.next[this.last] = index;
    this.last = index;
    return this.values[index]!;
  }

  get(buf: Uint8Array, start: number, end: number): T | undefined {
    const len = end - start;
    const last = this.last;
    if (last >= 0) {
      if (this.matches(last, buf, start, len)) return this.values[last]!;
      const predicted = this.next[last]!;
      if (predicted >= 0 && this.matches(predicted, buf, start, len)) return this.hit(predicted);
    }
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
    const bucket = this.buckets.get(h);
    if (bucket) for (const index of bucket) if (this.matches(index, buf, start, len)) return this.hit(index);
    return undefined;
  }

  set(buf: Uint8Array, start: number, end: number, value: T): void {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
    const index = this.keys.length;
    this.keys.push(buf.slice(start, end));
    this.values.push(value);
    this.next.push(-1);
    const bucket = this.buckets.get(h);
    if (bucket) bucket.push(index);
    else this.buckets.set(h, [index]);
    this.hit(index);
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Length of the valid UTF-8 sequence at i (WHATWG rules, as a fatal decoder judges), or 0. */
function utf8Length(buf: Uint8Array, i: number, end: number): number {
  const b = buf[i] ?? 0;
  const c1 = buf[i + 1] ?? 0;
  if (b >= 0xc2 && b <= 0xdf) return i + 1 < end && (c1 & 0xc0) === 0x80 ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    if (i + 2 >= end) return 0;
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return c1 >= lo && c1 <= hi && ((buf[i + 2] ?? 0) & 0xc0) === 0x80 ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    if (i + 3 >= end) return 0;
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return c1 >= lo && c1 <= hi && ((buf[i + 2] ?? 0) & 0xc0) === 0x80 && ((buf[i + 3] ?? 0) & 0xc0) === 0x80
      ? 4
      : 0;
  }
  return 0;
}

/**
 * A line's fields as the plain reader gets them (csv-parse with trim, on a line without quotes), or null
 * when csv-parse could read them otherwise: bytes that are not UTF-8, whitespace at a field's edge.
 */
export function lineFields(bytes: Uint8Array): string[] | null {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return null;
  }
  const fields = text.split(",");
  return fields.some((f) => /^\s|\s$/.test(f)) ? null : fields;
}

/**
 * Bytes with no quote and no CR that are valid UTF-8 (checked natively): only commas need looking for.
 * Searched as a Buffer: its byte search is several times faster than a Uint8Array's indexOf.
 */
function isClean(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return text.indexOf(QUOTE) === -1 && text.indexOf(CR) === -1 && isUtf8(bytes);
}

/** What the WebAssembly line loop exports (wasm/air-hourly-lines.ts). */
interface LinesExports {
  INPUT: WebAssembly.Global;
  DONE: WebAssembly.Global;
  FULL: WebAssembly.Global;
  init(): void;
  learn(input: number, ls: number, which: number, value: number): void;
  run(
    input: number,
    ls: number,
    stop: number,
    base: number,
    lines: number,
    records: number,
    count: number,
    maxCount: number,
  ): number;
}

/** The module's limits (wasm/air-hourly-lines.ts). */
const W_MAX_WIDTH = 256;
const W_MAX_PLACES = 16;
const W_MAX_EDGES = 223;
/** Where the settings block's words are (wasm/air-hourly-lines.ts, SETTINGS): i32 and f64 indices from 0. */
const I32 = {
  width: 0,
  timeIndex: 1,
  placeCount: 2,
  pm25: 3,
  pm10: 4,
  co: 5,
  spanFirst: 14,
  spanLast: 15,
  placeIndices: 16,
  valueSlot: 32,
  edgeCount: 800,
  edgeFields: 801,
} as const;
const F64 = { maxPlausible: 3, ratioFactor: 4, ratioMargin: 5, coMax: 6, valueFactor: 144 } as const;
/** Where a run's stopping point is (OUT_LS, OUT_LINES, OUT_COUNT). */
const W_OUT = 12288;

/** The compiled line loop, or null (see wasm-module.ts). */
const compiledLines = () => compiledLoop(LINES_WASM_FILE);

/** Whether this run's chunk parsers use the WebAssembly line loop (for the tests and the bench). */
export function usesWasmLines(): boolean {
  return compiledLines() !== null;
}

/** The largest memory a line loop's may grow to (1 GiB, as the module declares). */
const LINES_MAX_PAGES = 16384;

/** The WebAssembly line loop of one parser: its memory's region, settings and key tables. */
class WasmLines {
  readonly exports: LinesExports;
  readonly input: number;
  readonly done: number;
  readonly full: number;
  readonly memory: WebAssembly.Memory;
  /** Where the loop's region ends: Infinity in its own memory (grown as needed). */
  readonly regionEnd: number;

  private constructor(
    module: WebAssembly.Module,
    plan: ParsePlan,
    ratio: { pm25: number; pm10: number; co: number },
    given: LinesMemory | undefined,
  ) {
    this.memory =
      given?.memory ?? new WebAssembly.Memory({ initial: 1, maximum: LINES_MAX_PAGES, shared: true });
    this.regionEnd = given?.regionEnd ?? Infinity;
    this.exports = new WebAssembly.Instance(module, { env: { memory: this.memory } })
      .exports as unknown as LinesExports;
    this.input = this.exports.INPUT.value as number;
    // The settings, tables and key bytes below INPUT, and room for a line after it.
    if (this.ensure(this.input + (64 << 10)) === null) throw new RangeError("no room for the line loop");
    this.done = this.exports.DONE.value as number;
    this.full = this.exports.FULL.value as number;
    const memory = this.memory.buffer;
    const i32 = new Int32Array(memory, 0, 1024);
    const f64 = new Float64Array(memory, 0, 512);
    i32[I32.width] = plan.width;
    i32[I32.timeIndex] = plan.timeIndex;
    i32[I32.placeCount] = plan.placeIndices.length;
    i32[I32.pm25] = ratio.pm25;
    i32[I32.pm10] = ratio.pm10;
    i32[I32.co] = ratio.co;
    f64[F64.maxPlausible] = plan.maxPlausible;
    f64[F64.ratioFactor] = RATIO_FACTOR;
    f64[F64.ratioMargin] = RATIO_MARGIN;
    f64[F64.coMax] = CO_MAX_MG;
    plan.placeIndices.forEach((index, k) => (i32[I32.placeIndices + k] = index));
    // Neighbouring place columns: the line loop compares their bytes as one span.
    const sorted = [...plan.placeIndices].sort((a, b) => a - b);
    const span = sorted.length > 0 && sorted.every((index, k) => index === sorted[0]! + k);
    i32[I32.spanFirst] = span ? sorted[0]! : -1;
    i32[I32.spanLast] = span ? sorted[sorted.length - 1]! : -1;
    for (let f = 0; f < plan.width; f++) {
      i32[I32.valueSlot + f] = plan.valueSlot[f]!;
      f64[F64.valueFactor + f] = plan.valueFactor[f]!;
    }
    // The fields in no role, whose edges the line loop checks for spaces (-1: too many, every field).
    const roles = new Set([plan.timeIndex, ...plan.placeIndices]);
    const others = [...Array(plan.width).keys()].filter((f) => !roles.has(f) && plan.valueSlot[f]! < 0);
    i32[I32.edgeCount] = others.length <= W_MAX_EDGES ? others.length : -1;
    others.slice(0, W_MAX_EDGES).forEach((f, k) => (i32[I32.edgeFields + k] = f));
    this.exports.init();
  }

  /** The loop for a file's layout, or null: none built, a layout past its limits, or no memory for it. */
  static forPlan(
    plan: ParsePlan,
    ratio: { pm25: number; pm10: number; co: number },
    given?: LinesMemory,
  ): WasmLines | null {
    const module = compiledLines();
    const fits =
      plan.width <= W_MAX_WIDTH && plan.placeIndices.length <= W_MAX_PLACES && P === 6 && RECORD === 10;
    if (module === null || !fits) return null;
    try {
      return new WasmLines(module, plan, ratio, given);
    } catch {
      return null;
    }
  }

  /**
   * The memory's buffer once it holds `bytes` (grown by whole pages; shared, so growing detaches nothing), or
   * null when they would pass the loop's region (in the hourly store's memory) or the memory's limit.
   */
  ensure(bytes: number): ArrayBufferLike | null {
    if (bytes > this.regionEnd) return null;
    const short = bytes - this.memory.buffer.byteLength;
    if (short > 0) {
      try {
        this.memory.grow(Math.ceil(short / 65536));
      } catch {
        return null;
      }
    }
    return this.memory.buffer;
  }

  /** Where the last run stopped: line start, lines started, records written. */
  out(): { ls: number; lines: number; count: number } {
    const out = new Int32Array(this.memory.buffer, W_OUT, 3);
    return { ls: out[0]!, lines: out[1]!, count: out[2]! };
  }
}

export class ChunkParser {
  private readonly plan: ParsePlan;
  private readonly places = new BytesMap<number>();
  private readonly times = new BytesMap<number>();
  /** Jan 1 of the plan year, ms since the epoch: days are counted from it (negative before the year). */
  private readonly yearStart: number;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly placeKey = new Uint8Array(4096);
  private placeKeyLength = 0;
  private readonly pm25: number;
  private readonly pm10: number;
  private readonly co: number;
  /**
   * Where this chunk's records go: `ownRecords`, or the line loop's memory (after the chunk's bytes there, or
   * at the target parse() was given).
   */
  private records: Float64Array = new Float64Array(RECORD * 4096);
  private ownRecords: Float64Array = this.records;
  /** The records are at parse()'s target (which cannot grow: more records move them to ownRecords). */
  private atTarget = false;
  private count = 0;
  private newPlaces: { id: number; fields: string[] }[] = [];
  private readonly wasm: WasmLines | null;
  /** Byte address of the records in the WebAssembly memory (this chunk), or -1 when they are in ownRecords. */
  private wasmRecords = -1;

  /** `lines`: the memory for the line loop (default: its own). */
  constructor(plan: ParsePlan, lines?: LinesMemory) {
    this.plan = plan;
    this.yearStart = Date.UTC(plan.year, 0, 1);
    this.starts = new Int32Array(plan.width + 1);
    this.ends = new Int32Array(plan.width + 1);
    const has = (p: (typeof HOURLY_POLLUTANTS)[number]) =>
      plan.valueSlot.includes(HOURLY_POLLUTANTS.indexOf(p));
    this.pm25 = has("PM2.5") && has("PM10") ? HOURLY_POLLUTANTS.indexOf("PM2.5") : -1;
    this.pm10 = HOURLY_POLLUTANTS.indexOf("PM10");
    this.co = has("CO") ? HOURLY_POLLUTANTS.indexOf("CO") : -1;
    this.wasm = WasmLines.forPlan(plan, { pm25: this.pm25, pm10: this.pm10, co: this.co }, lines);
  }

  /**
   * A time as day * 24 + slot counted from the plan year's first hour (negative before it, past the year's
   * hours after it: rows the applier counts as outside the year), or NaN for a row the plain reader takes.
   */
  private timeOf(text: string): number {
    const label = parseDateTime(text);
    const natural = label && naturalHour(label, this.plan.hourConvention);
    if (!natural) return NaN;
    const [y = 0, m = 0, d = 0] = natural.date.split("-").map(Number);
    // Date.UTC reads years 0-99 as 1900-1999: such a row is left to the plain reader.
    if (y < 100) return NaN;
    return ((Date.UTC(y, m - 1, d) - this.yearStart) / 86_400_000) * 24 + natural.slot;
  }

  /** Room for one more record; returns where it starts. */
  private reserve(): number {
    if ((this.count + 1) * RECORD > this.records.length) this.growRecords();
    return this.count * RECORD;
  }

  /** More room for records; false when they moved to ownRecords (the line loop can then write no more). */
  private growRecords(): boolean {
    const length = this.records.length * 2;
    if (this.wasmRecords >= 0 && this.wasm && !this.atTarget) {
      // The records are last in the line loop's memory: growing it keeps them where they are.
      const buffer = this.wasm.ensure(this.wasmRecords + length * 8);
      if (buffer !== null) {
        this.records = new Float64Array(buffer, this.wasmRecords, length);
        return true;
      }
    }
    // Moved to (or grown in) ownRecords: the line loop, if it wrote them, leaves the rest of the chunk.
    const alreadyOwn = this.wasmRecords < 0;
    const bigger = new Float64Array(Math.max(length, this.ownRecords.length));
    bigger.set(this.records.subarray(0, this.count * RECORD));
    this.records = this.ownRecords = bigger;
    this.wasmRecords = -1;
    this.atTarget = false;
    return alreadyOwn;
  }

  /**
   * Puts the chunk's clean bytes buf[0, cleanTo) into the line loop's memory, the records at `target` or after
   * them, and returns the input address there; -1 when they do not fit (the JavaScript loop reads the chunk).
   */
  private toWasm(wasm: WasmLines, buf: Uint8Array, cleanTo: number, target?: RecordTarget): number {
    // 16 bytes after the input: the line loop reads 16 at a time.
    const at = target ? target.address : (wasm.input + cleanTo + 16 + 7) & ~7;
    const length = target ? target.capacity : Math.max(RECORD * 4096, Math.ceil(cleanTo / 48) * RECORD);
    const buffer = target ? wasm.ensure(wasm.input + cleanTo + 16) : wasm.ensure(at + length * 8);
    if (buffer === null) return -1;
    new Uint8Array(buffer, wasm.input, cleanTo).set(buf.subarray(0, cleanTo));
    this.wasmRecords = at;
    this.atTarget = target !== undefined;
    this.records = new Float64Array(buffer, at, length);
    return wasm.input;
  }

  /**
   * After readLine took a line the line loop handed over, the line loop learns the line's time and place
   * (when readLine found them), so that the next lines with them stay in WebAssembly.
   */
  private teach(wasm: WasmLines, input: number, buf: Uint8Array, ls: number): void {
    const { starts, ends } = this;
    const { timeIndex } = this.plan;
    const time = this.times.get(buf, starts[timeIndex]!, ends[timeIndex]!);
    if (time !== undefined && time === time) wasm.exports.learn(input, ls, 0, time);
    const place = this.placeOf(buf, starts, ends);
    if (place !== undefined && place >= 0) wasm.exports.learn(input, ls, 1, place);
  }

  private push(type: number, offset: number, length: number, line: number): number {
    const r = this.reserve();
    this.records[r + R_KIND] = type;
    this.records[r + R_OFFSET] = offset;
    this.records[r + R_LINE_LENGTH] = line * LINE_UNIT + length;
    this.count++;
    return r;
  }

  /**
   * Parses the lines that start in buf[from, to): buf holds the file's bytes from offset `base`. A line
   * running past the end of buf is left for the next chunk (`end` stops before it), unless `eof`.
   * After a SWITCH record nothing more is parsed.
   */
  parse(
    buf: Uint8Array,
    base: number,
    from: number,
    to: number,
    eof: boolean,
    /** Where the records are to go in the line loop's memory (a record slot), when it takes the chunk. */
    target?: RecordTarget,
  ): ChunkResult {
    const { width } = this.plan;
    const { starts, ends } = this;
    this.count = 0;
    this.newPlaces = [];
    // The chunk's complete lines (to the end of the last one that starts before `to`) are checked at once,
    // natively.
    const lastEnd = to > from ? buf.indexOf(LF, to - 1) : -1;
    const cleanTo =
      lastEnd >= 0 ? lastEnd + 1 : buf.length === 0 ? 0 : buf.lastIndexOf(LF, buf.length - 1) + 1;
    const clean = cleanTo > from && isClean(buf.subarray(from, cleanTo));
    let wasm = clean ? this.wasm : null;
    const input = wasm ? this.toWasm(wasm, buf, cleanTo, target) : -1;
    if (input < 0) {
      wasm = null;
      this.records = this.ownRecords;
      this.wasmRecords = -1;
      this.atTarget = false;
    }
    let ls = from;
    let lines = 0;
    let stopped = false;
    while (ls < to && !stopped) {
      // The line loop in WebAssembly takes the clean lines it can; the line it hands over is read below.
      let handedOver = false;
      if (wasm && ls < cleanTo) {
        const stop = Math.min(to, cleanTo);
        let status: number;
        do {
          status = wasm.exports.run(
            input,
            ls,
            stop,
            base,
            lines,
            this.wasmRecords,
            this.count,
            Math.floor(this.records.length / RECORD),
          );
          ({ ls, lines, count: this.count } = wasm.out());
        } while (status === wasm.full && this.growRecords());
        if (status === wasm.done) continue;
        // Records moved out of the loop's memory (its target full): the JavaScript loop reads the rest.
        if (this.wasmRecords < 0) wasm = null;
        else handedOver = true;
      }
      let n = 0;
      let nl: number;
      if (clean && ls < cleanTo) {
        // One pass finds the commas and the line break (the bytes hold no quote or CR).
        starts[0] = ls;
        let i = ls;
        for (let b = buf[i]; b !== LF; b = buf[++i])
          if (b === COMMA) {
            if (n < width) ends[n] = i;
            n++;
            if (n <= width) starts[n] = i + 1;
          }
        nl = i;
        if (n < width) ends[n] = nl;
        n++;
      } else {
        nl = buf.indexOf(LF, ls);
        if (nl === -1) {
          if (!eof) {
            if (buf.length - ls > MAX_LINE) this.push(SWITCH, base + ls, 0, lines);
            break;
          }
          nl = buf.length; // the last line, without a line break
        }
      }
      const le = !clean && nl > ls && buf[nl - 1] === CR ? nl - 1 : nl;
      const line = lines;
      lines++;
      const next = nl + 1;
      if (le - ls > MAX_LINE) {
        this.push(SWITCH, base + ls, 0, line);
        stopped = true;
        break;
      }
      if (le === ls) {
        ls = next;
        continue;
      }
      if (!(clean && ls < cleanTo)) n = this.splitCareful(buf, ls, le);
      if (n < 0) this.push(SWITCH, base + ls, le - ls, line);
      const type = n < 0 ? SWITCH : this.readLine(buf, base, ls, le, line, n);
      if (type === SWITCH) stopped = true;
      else if (handedOver && wasm && n === this.plan.width) this.teach(wasm, input, buf, ls);
      ls = next;
    }
    return {
      records: this.records.subarray(0, this.count * RECORD),
      count: this.count,
      lines,
      end: base + Math.min(ls, buf.length),
      newPlaces: this.newPlaces,
      ...(this.atTarget ? { atTarget: true } : {}),
    };
  }

  /** Splits a line that may hold anything: the field count, or -1 (a quote, a CR, bytes not UTF-8). */
  private splitCareful(buf: Uint8Array, ls: number, le: number): number {
    const { width } = this.plan;
    const { starts, ends } = this;
    let n = 0;
    starts[0] = ls;
    for (let i = ls; i < le; i++) {
      const b = buf[i]!;
      if (b === COMMA) {
        if (n < width) ends[n] = i;
        n++;
        if (n <= width) starts[n] = i + 1;
      } else if (b === QUOTE || b === CR) return -1;
      else if (b >= 0x80) {
        const len = utf8Length(buf, i, le);
        if (len === 0) return -1;
        i += len - 1;
      }
    }
    if (n < width) ends[n] = le;
    return n + 1;
  }

  /** A line for the plain row reader; a switch when csv-parse could read its fields otherwise. */
  private plain(buf: Uint8Array, ls: number, le: number, offset: number, line: number): number {
    const type = lineFields(buf.subarray(ls, le)) === null ? SWITCH : PLAIN;
    this.push(type, offset, le - ls, line);
    return type;
  }

  /**
   * The place of a line by its whole key (built in placeKey), undefined for a new one, -1 for a key too long
   * (the plain reader takes the line).
   */
  private placeOf(buf: Uint8Array, starts: Int32Array, ends: Int32Array): number | undefined {
    const { placeKey } = this;
    let keyLength = 0;
    for (const index of this.plan.placeIndices) {
      const s = starts[index]!;
      const e = ends[index]!;
      if (keyLength + (e - s) + 1 > placeKey.length) return -1;
      for (let i = s; i < e; i++) placeKey[keyLength++] = buf[i]!;
      // 0xFF never occurs in UTF-8: the separator keeps "ab" + "c" apart from "a" + "bc".
      placeKey[keyLength++] = 0xff;
    }
    this.placeKeyLength = keyLength;
    return this.places.get(placeKey, 0, keyLength);
  }

  /** One line [ls, le) of `n` fields: records it as a row, a plain row or a switch; returns the type. */
  private readLine(buf: Uint8Array, base: number, ls: number, le: number, line: number, n: number): number {
    const { width, timeIndex, placeIndices, valueSlot, valueFactor, maxPlausible } = this.plan;
    const { starts, ends, pm25, pm10, co } = this;
    const offset = base + ls;
    const length = le - ls;
    if (n !== width) return this.plain(buf, ls, le, offset, line);
    for (let f = 0; f < width; f++) {
      const s = starts[f]!;
      const e = ends[f]!;
      if (e > s) {
        const first = buf[s];
        const last = buf[e - 1];
        if (first === SPACE || first === TAB || last === SPACE || last === TAB) {
          this.push(SWITCH, offset, length, line);
          return SWITCH;
        }
      }
    }

    // The time, from its bytes (decoded and parsed once per distinct text).
    const ts = starts[timeIndex]!;
    const te = ends[timeIndex]!;
    let time = this.times.get(buf, ts, te);
    if (time === undefined) {
      const text = lineFields(buf.subarray(ts, te));
      time = text === null ? NaN : this.timeOf(text[0] ?? "");
      this.times.set(buf, ts, te, time);
    }
    if (time !== time) return this.plain(buf, ls, le, offset, line);

    // The place: the bytes of the station, area, county and city fields.
    let place = this.places.getPredicted(buf, starts, ends, placeIndices);
    if (place === undefined) place = this.placeOf(buf, starts, ends);
    if (place === -1) return this.plain(buf, ls, le, offset, line);
    if (place === undefined) {
      const fields = lineFields(buf.subarray(ls, le));
      if (fields === null) {
        this.push(SWITCH, offset, length, line);
        return SWITCH;
      }
      place = this.places.size;
      this.places.set(this.placeKey, 0, this.placeKeyLength, place);
      this.newPlaces.push({ id: place, fields });
    }

    // The values: digits with at most one decimal point, or empty (missing); anything else is plain.
    // The values go straight into the next record; push() below completes it (or a plain/switch record
    // overwrites it).
    const r0 = this.reserve();
    const records = this.records;
    for (let i = 0; i < P; i++) records[r0 + R_VALUES + i] = NaN;
    for (let f = 0; f < width; f++) {
      const slot = valueSlot[f]!;
      if (slot < 0) continue;
      const s = starts[f]!;
      const e = ends[f]!;
      if (e === s) continue;
      if (e - s > 15) return this.plain(buf, ls, le, offset, line);
      let mantissa = 0;
      let decimals = -1;
      for (let i = s; i < e; i++) {
        const b = buf[i]!;
        if (b === DOT) {
          if (decimals >= 0 || i === s || i === e - 1) return this.plain(buf, ls, le, offset, line);
          decimals = 0;
        } else {
          const digit = b - ZERO;
          if (digit < 0 || digit > 9) return this.plain(buf, ls, le, offset, line);
          mantissa = mantissa * 10 + digit;
          if (decimals >= 0) decimals++;
        }
      }
      let value = decimals > 0 ? mantissa / POW10[decimals]! : mantissa;
      const factor = valueFactor[f]!;
      if (factor !== 1) value *= factor;
      if (value > maxPlausible) return this.plain(buf, ls, le, offset, line);
      records[r0 + R_VALUES + slot] = value;
    }
    // Rows the plausibility checks would flag go to the plain reader, which records the warning.
    if (pm25 >= 0) {
      const a = records[r0 + R_VALUES + pm25]!;
      const b = records[r0 + R_VALUES + pm10]!;
      if (a === a && b === b && a > b * RATIO_FACTOR && a - b > RATIO_MARGIN)
        return this.plain(buf, ls, le, offset, line);
    }
    if (co >= 0 && records[r0 + R_VALUES + co]! > CO_MAX_MG) return this.plain(buf, ls, le, offset, line);
    this.push(ROW, offset, length, line);
    records[r0 + R_KIND] = ROW + place * 4;
    records[r0 + R_HOUR] = time;
    return ROW;
  }
}
