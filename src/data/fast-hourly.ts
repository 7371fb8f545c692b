// The fast reader of long hourly exports: bytes -> typed arrays, for regular UTF-8 files of any size.
//
// What the profile of the plain reader showed (bench/RESULTS.md): csv-parse's per-character state machine,
// a string and an array per record, Number() on strings and Map lookups by station and date strings. This
// reader scans each line's bytes once, parses numbers from the bytes, and looks a station or a time up by
// the hash of its bytes, decoding text only the first time it meets it.
//
// It takes only rows it can read exactly as the plain reader would (values in range, plausible, a station
// and time it has met), and hands every other row, as strings, to the plain row reader; at anything CSV
// could read differently (a quote, a lone CR, a space at a field's edge, bytes that are not UTF-8) it stops
// and csv-parse reads the rest of the file from that line. So its counts, warnings, errors and values are
// those of the plain reader: test/fast-reader.test.ts compares the two on every fixture and the corpus.
import { isUtf8 } from "node:buffer";
import { open } from "node:fs/promises";
import { inputError, InputError } from "../errors.js";
import { describeFsError, type LineStart } from "./csv.js";
import {
  addHourVector,
  areaSeries,
  HOURLY_POLLUTANTS,
  P,
  stationRecord,
  type AreaSeries,
  type StationRecord,
} from "./hourly-store.js";
import type { InputReport } from "./input-report.js";
import { noteDate } from "./input-report.js";
import { MAX_PLAUSIBLE } from "./kinds/concentrations.js";
import type { HourlyLayout, HourlyRowReader } from "./kinds/air-hourly.js";
import { rowPlace } from "./kinds/air-hourly.js";
import type { ReadContext } from "./kinds/kind.js";
import { naturalHour, parseDateTime } from "./time.js";
import { CO_MAX_MG, RATIO_FACTOR, RATIO_MARGIN } from "../validate/plausibility.js";

const CHUNK = 8 << 20;
/** A line longer than this is left to csv-parse (no export has one; a damaged file may). */
const MAX_LINE = 1 << 20;

const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const SPACE = 0x20;
const TAB = 0x09;
const DOT = 0x2e;
const ZERO = 0x30;

/** Powers of ten that are exact doubles: m / 10^k is then the correctly rounded value, as Number() gives. */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** Outcome of a line: taken by the fast lane, handed to the plain row reader, or the end of the fast path. */
const TAKEN = 0;
const PLAIN = 1;
const SWITCH = 2;

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

  private matches(index: number, buf: Uint8Array, start: number, len: number): boolean {
    const key = this.keys[index]!;
    if (key.length !== len) return false;
    for (let i = 0; i < len; i++) if (key[i] !== buf[start + i]) return false;
    return true;
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

/** A station as the fast lane adds to it: resolved on the first row that is added, as the plain reader does. */
interface StationEntry {
  /** null: rows of this station go to the plain reader (no station, or in no area or group). */
  station: string | null;
  keys: readonly string[];
  // Set on the first row added; present from the start so that every entry keeps one shape (V8 map).
  record: StationRecord | null;
  series: AreaSeries[];
}

/** null: rows at this time go to the plain reader (not a time it reads, or outside the plan year). */
type TimeEntry = { day: number; slot: number } | null;

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

/** A field whose first or last character is whitespace: csv-parse's trim could read it differently. */
function edgeIsSpace(text: string): boolean {
  return /^\s|\s$/.test(text);
}

export interface FastResult {
  /** Where csv-parse must continue, or null when the fast reader read the file to its end. */
  continueAt: LineStart | null;
}

/**
 * Reads the data rows of `file` from `from` to the end, or to the first line it leaves to csv-parse.
 * `expectedBytes` is the file's size when opened: a file that changes meanwhile is HY-READ.
 */
export async function readHourlyFast(
  file: string,
  from: LineStart,
  expectedSize: number,
  layout: HourlyLayout,
  ctx: ReadContext,
  report: InputReport,
  rows: HourlyRowReader,
): Promise<FastResult> {
  const width = layout.width;
  const timeIndex = layout.timeCol.index;
  // Columns whose bytes say which station and groups a row counts for, in a fixed order.
  const placeIndices = [
    layout.codeCol,
    layout.nameCol,
    layout.place.area,
    layout.place.county,
    layout.place.city,
  ]
    .filter((c) => c !== undefined)
    .map((c) => c.index);
  const valueSlot = new Int8Array(width).fill(-1);
  const valueFactor = new Float64Array(width).fill(1);
  for (const c of layout.pollutantCols) {
    valueSlot[c.index] = HOURLY_POLLUTANTS.indexOf(c.key);
    valueFactor[c.index] = c.factor;
  }
  const pm25 = layout.pollutantCols.some((c) => c.key === "PM2.5") ? HOURLY_POLLUTANTS.indexOf("PM2.5") : -1;
  const pm10 = HOURLY_POLLUTANTS.indexOf("PM10");
  const co = layout.pollutantCols.some((c) => c.key === "CO") ? HOURLY_POLLUTANTS.indexOf("CO") : -1;

  const store = ctx.hourly;
  const stations = new BytesMap<StationEntry>();
  const times = new BytesMap<TimeEntry>();
  const starts = new Int32Array(width + 1);
  const ends = new Int32Array(width + 1);
  const values = new Float64Array(P);
  const placeKey = new Uint8Array(4096);
  let minDay = Infinity;
  let maxDay = -Infinity;

  const stationOf = (fields: readonly string[]): StationEntry => {
    const place = rowPlace(layout, ctx, fields);
    const hasStationColumn = layout.codeCol !== undefined || layout.nameCol !== undefined;
    if ((hasStationColumn && !place.code && !place.name) || place.keys.length === 0)
      return { station: null, keys: [], record: null, series: [] };
    return { station: place.station, keys: place.keys, record: null, series: [] };
  };

  const timeOf = (text: string): TimeEntry => {
    // Only a single datetime column: date + hour columns are left to the plain reader.
    if (layout.hourCol && layout.timeCol.field === "date") return null;
    const label = parseDateTime(text);
    const natural = label && naturalHour(label, ctx.hourConvention);
    if (!natural) return null;
    const day = store.dayIndex.get(natural.date);
    return day === undefined ? null : { day, slot: natural.slot };
  };

  /** The line's fields as the plain reader gets them; null when csv-parse could read them otherwise. */
  const fieldsOf = (buf: Uint8Array, ls: number, le: number): string[] | null => {
    let text: string;
    try {
      text = utf8.decode(buf.subarray(ls, le));
    } catch {
      return null;
    }
    const fields = text.split(",");
    return fields.some(edgeIsSpace) ? null : fields;
  };

  /** Hands a line to the plain row reader, as strings. */
  const plain = (buf: Uint8Array, ls: number, le: number, line: number): number => {
    const fields = fieldsOf(buf, ls, le);
    if (fields === null) return SWITCH;
    rows.row(line, fields);
    return PLAIN;
  };

  /**
   * Splits a line [ls, le) that may hold anything: the field count, or -1 where csv-parse could read the
   * line otherwise (a quote, a CR, bytes that are not UTF-8).
   */
  const splitCareful = (buf: Uint8Array, ls: number, le: number): number => {
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
  };

  /** One line [ls, le) of `n` fields, split into starts/ends. */
  const readLine = (buf: Uint8Array, ls: number, le: number, line: number, n: number): number => {
    if (n !== width) return plain(buf, ls, le, line);
    for (let f = 0; f < width; f++) {
      const s = starts[f]!;
      const e = ends[f]!;
      if (e > s) {
        const first = buf[s];
        const last = buf[e - 1];
        if (first === SPACE || first === TAB || last === SPACE || last === TAB) return SWITCH;
      }
    }

    // The time and the station, from their bytes.
    const ts = starts[timeIndex] ?? 0;
    const te = ends[timeIndex] ?? 0;
    let time = times.get(buf, ts, te);
    if (time === undefined) {
      const text = fieldsOf(buf, ts, te);
      time = text === null ? null : timeOf(text[0] ?? "");
      times.set(buf, ts, te, time);
    }
    if (time === null) return plain(buf, ls, le, line);

    let keyLength = 0;
    for (const index of placeIndices) {
      const s = starts[index] ?? 0;
      const e = ends[index] ?? 0;
      if (keyLength + (e - s) + 1 > placeKey.length) return plain(buf, ls, le, line);
      for (let i = s; i < e; i++) placeKey[keyLength++] = buf[i]!;
      // 0xFF never occurs in UTF-8: the separator keeps "ab" + "c" apart from "a" + "bc".
      placeKey[keyLength++] = 0xff;
    }
    let station = stations.get(placeKey, 0, keyLength);
    if (station === undefined) {
      const fields = fieldsOf(buf, ls, le);
      if (fields === null) return SWITCH;
      station = stationOf(fields);
      stations.set(placeKey, 0, keyLength, station);
    }
    if (station.station === null) return plain(buf, ls, le, line);

    // The values: digits with at most one decimal point, or empty (missing); anything else is plain.
    values.fill(NaN);
    for (let f = 0; f < width; f++) {
      const slot = valueSlot[f]!;
      if (slot < 0) continue;
      const s = starts[f]!;
      const e = ends[f]!;
      if (e === s) continue;
      let mantissa = 0;
      let decimals = -1;
      for (let i = s; i < e; i++) {
        const b = buf[i]!;
        if (b === DOT) {
          if (decimals >= 0 || i === s || i === e - 1) return plain(buf, ls, le, line);
          decimals = 0;
        } else {
          const digit = b - ZERO;
          if (digit < 0 || digit > 9) return plain(buf, ls, le, line);
          mantissa = mantissa * 10 + digit;
          if (decimals >= 0) decimals++;
        }
      }
      if (e - s > 15) return plain(buf, ls, le, line);
      let value = decimals > 0 ? mantissa / (POW10[decimals] ?? 1) : mantissa;
      const factor = valueFactor[f] ?? 1;
      if (factor !== 1) value *= factor;
      if (value > MAX_PLAUSIBLE) return plain(buf, ls, le, line);
      values[slot] = value;
    }
    // Rows the plausibility checks would flag go to the plain reader, which records the warning.
    if (pm25 >= 0) {
      const a = values[pm25] ?? NaN;
      const b = values[pm10] ?? NaN;
      if (a === a && b === b && a > b * RATIO_FACTOR && a - b > RATIO_MARGIN) return plain(buf, ls, le, line);
    }
    if (co >= 0 && (values[co] ?? 0) > CO_MAX_MG) return plain(buf, ls, le, line);

    if (station.record === null) {
      station.record = stationRecord(store, station.station, station.keys[0] ?? "");
      station.series = station.keys.map((key) => areaSeries(store, key));
    }
    const seen = station.record.seen[time.day] ?? 0;
    // A station-hour read before: the plain reader rejects it (HY-DUP) with its message.
    if (seen & (1 << time.slot)) return plain(buf, ls, le, line);
    report.rows++;
    addHourVector(station.record, station.series, time.day, time.slot, values);
    if (time.day < minDay) minDay = time.day;
    if (time.day > maxDay) maxDay = time.day;
    return TAKEN;
  };

  let handle;
  try {
    handle = await open(file, "r");
  } catch (e) {
    throw inputError({ file, code: "HY-READ", message: `cannot read the file: ${describeFsError(e)}` });
  }
  const buf = new Uint8Array(CHUNK);
  let filled = 0;
  let position = from.offset;
  let line = from.line;
  /** File offset of buf[0]. */
  let base = from.offset;
  let continueAt: LineStart | null = null;
  try {
    reading: for (;;) {
      const { bytesRead } = await handle.read(buf, filled, buf.length - filled, position);
      position += bytesRead;
      filled += bytesRead;
      const eof = bytesRead === 0;
      // The chunk's complete lines: clean when they hold no quote and no CR and are valid UTF-8.
      const lastLf = filled === 0 ? 0 : buf.lastIndexOf(LF, filled - 1) + 1;
      const head = buf.subarray(0, lastLf);
      const clean = head.indexOf(QUOTE) === -1 && head.indexOf(CR) === -1 && isUtf8(head);
      let ls = 0;
      let rowsBefore = report.rows;
      for (;;) {
        let nl: number;
        let n = 0;
        if (clean && ls < lastLf) {
          // One pass finds the commas and the line break (the chunk has no quote or CR).
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
          if (nl === -1 || nl >= filled) {
            if (!eof) break;
            if (ls >= filled) break reading;
            nl = filled; // the last line, without a line break
          }
        }
        const le = !clean && nl > ls && buf[nl - 1] === CR ? nl - 1 : nl;
        if (le - ls > MAX_LINE) {
          continueAt = { offset: base + ls, line };
          break reading;
        }
        if (le > ls) {
          if (!(clean && ls < lastLf)) n = splitCareful(buf, ls, le);
          if (n < 0 || readLine(buf, ls, le, line, n) === SWITCH) {
            continueAt = { offset: base + ls, line };
            break reading;
          }
        }
        line++;
        ls = nl + 1;
        if (ls > filled) break reading;
      }
      ctx.progress?.advance(ls, report.rows - rowsBefore);
      rowsBefore = report.rows;
      // A full buffer without a line break holds a line longer than MAX_LINE: csv-parse takes it.
      if (ls === 0 && filled === buf.length) {
        continueAt = { offset: base, line };
        break;
      }
      // Keep the partial last line for the next read.
      buf.copyWithin(0, ls, filled);
      filled -= ls;
      base += ls;
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw inputError({ file, code: "HY-READ", message: `cannot read the file: ${describeFsError(e)}` });
  } finally {
    await handle.close();
  }
  if (continueAt === null && position !== expectedSize)
    throw inputError({
      file,
      code: "HY-READ",
      message: `the file changed while it was read (${expectedSize} bytes when opened, ${position} read); read it again once it is complete`,
    });
  if (minDay <= maxDay) {
    noteDate(report, store.dates[minDay] ?? "");
    noteDate(report, store.dates[maxDay] ?? "");
  }
  return { continueAt };
}
