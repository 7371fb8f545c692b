// The fast hourly reader's line loop in WebAssembly (AssemblyScript, built by scripts/build-wasm.mjs into
// dist/data/kinds/air-hourly/lines.wasm). It takes the lines of a clean chunk (no quote, no CR, valid UTF-8:
// checked by the caller) that it can read exactly as parse.ts's readLine would (the line's field count, no
// space at a field's edge, a time and a place already met, plain decimal values, plausible) and writes
// their row records; at any other line it stops and hands the line to readLine, which decides it and
// teaches this module the line's time and place. So the records are readLine's, line for line:
// test/fast-reader.test.ts compares the readers with and without this module on every fixture and corpus file.
//
// Memory (laid out by parse.ts): the settings block at SETTINGS, the key tables at TABLES, the chunk's bytes
// at the input address, the records after them. Sixteen bytes are read at a time: the caller leaves 16 bytes
// of room after the input.

// Settings block, written by the caller once per parser.
const SETTINGS: usize = 0;
const S_WIDTH: usize = SETTINGS; // i32
const S_TIME_INDEX: usize = SETTINGS + 4; // i32
const S_PLACE_COUNT: usize = SETTINGS + 8; // i32
const S_PM25: usize = SETTINGS + 12; // i32, -1 when the ratio check does not apply
const S_PM10: usize = SETTINGS + 16; // i32
const S_CO: usize = SETTINGS + 20; // i32, -1 without CO
const S_MAX_PLAUSIBLE: usize = SETTINGS + 24; // f64
const S_RATIO_FACTOR: usize = SETTINGS + 32; // f64
const S_RATIO_MARGIN: usize = SETTINGS + 40; // f64
const S_CO_MAX: usize = SETTINGS + 48; // f64
// When the place fields are neighbouring columns, the first and last of them (else -1): the key is then the
// line's bytes from the first one's start to the last one's end, commas included (one comparison, no copy).
const S_SPAN_FIRST: usize = SETTINGS + 56; // i32
const S_SPAN_LAST: usize = SETTINGS + 60; // i32
const S_PLACE_INDICES: usize = SETTINGS + 64; // i32[16]
const S_VALUE_SLOT: usize = SETTINGS + 128; // i32[256]
// The fields in no role (not the time, a place or a value), whose edges are checked for spaces: the others
// never hold one here (a value is digits and a dot; a time or place matches a key readLine took without one).
// A count of -1: every field is checked.
const S_EDGE_COUNT: usize = SETTINGS + 3200; // i32
const S_EDGE_FIELDS: usize = SETTINGS + 3204; // i32[223]
const S_VALUE_FACTOR: usize = SETTINGS + 1152; // f64[256]: the caller takes files of at most 256 fields here
// Scratch.
const STARTS: usize = 4096; // i32[257]
const ENDS: usize = 5120; // i32[257]
const POW10: usize = 6400; // f64[16]
const KEY: usize = 8192; // bytes of the place key being built
const KEY_MAX: i32 = 4096;
const OUT_LS: usize = 12288; // i32: where the run stopped
const OUT_LINES: usize = 12292; // i32: lines started
const OUT_COUNT: usize = 12296; // i32: records written
// Key tables: open addressing, TABLE_SIZE entries of [hash u32, key offset u32, key length u32, next entry
// + 1 i32] and a value f64 each; the keys' bytes in an arena. Full tables take no more keys (those lines go to readLine).
// 2^17 entries, half of them used at most: 65,536 times (seven years of hours) and as many places.
const TABLE_BITS: i32 = 17;
const TABLE_SIZE: i32 = 1 << TABLE_BITS;
const ENTRY: usize = 24;
const TIME_TABLE: usize = 16384;
const PLACE_TABLE: usize = TIME_TABLE + <usize>TABLE_SIZE * ENTRY;
const ARENA: usize = PLACE_TABLE + <usize>TABLE_SIZE * ENTRY;
const ARENA_SIZE: usize = 2 << 20;
/** Where the caller may put the input: after the tables and arena. */
export const INPUT: usize = (ARENA + ARENA_SIZE + 65535) & ~65535;

let arenaUsed: usize = 0;
let timesUsed: i32 = 0;
let placesUsed: i32 = 0;

// Record layout (parse.ts): RECORD f64 a row: type + 4 x place, time, offset, line x LINE_UNIT + length, values.
const P: i32 = 6;
const RECORD: usize = 4 + <usize>P;
const LINE_UNIT: f64 = 2097152;
const ROW: f64 = 0;

const COMMA: u8 = 0x2c;
const LF: u8 = 0x0a;
const SPACE: u8 = 0x20;
const TAB: u8 = 0x09;
const DOT: u8 = 0x2e;
const ZERO: u8 = 0x30;
/** Lines longer than this are readLine's (it hands them to csv-parse). */
const MAX_LINE: i32 = 1 << 20;

export const DONE: i32 = 0;
export const DEFER: i32 = 1;
export const FULL: i32 = 2;

/** Once per instance: the tables start empty (a new memory is zeroed, and pages never written stay free). */
export function init(): void {
  let p: f64 = 1;
  for (let k = 0; k < 16; k++) {
    store<f64>(POW10 + ((<usize>k) << 3), p);
    p *= 10;
  }
}

function hashBytes(at: usize, len: i32): u32 {
  let h: u32 = 0x811c9dc5;
  let i: i32 = 0;
  for (; i + 4 <= len; i += 4) h = (h ^ load<u32>(at + <usize>i)) * 0x01000193;
  for (; i < len; i++) h = (h ^ load<u8>(at + <usize>i)) * 0x01000193;
  h ^= h >> 15;
  h *= 0x2c1b3c6d;
  h ^= h >> 12;
  // 0 marks an empty entry.
  return h | 1;
}

@inline
function sameBytes(a: usize, b: usize, len: i32): bool {
  if (len >= 8) {
    for (let i: i32 = 0; i + 8 <= len; i += 8)
      if (load<u64>(a + <usize>i) != load<u64>(b + <usize>i)) return false;
    // The last 8 bytes, overlapping what was compared: no byte loop for the rest.
    const last = <usize>(len - 8);
    return load<u64>(a + last) == load<u64>(b + last);
  }
  for (let i: i32 = 0; i < len; i++) if (load<u8>(a + <usize>i) != load<u8>(b + <usize>i)) return false;
  return true;
}

/** The entry holding the key, or the empty entry where it would go; -1 when the table is full. */
function slotOf(table: usize, at: usize, len: i32, h: u32): i32 {
  const mask = TABLE_SIZE - 1;
  let k = <i32>(h & (<u32>mask));
  for (let probe = 0; probe < TABLE_SIZE; probe++) {
    const e = table + <usize>k * ENTRY;
    const eh = load<u32>(e);
    if (eh == 0) return k;
    if (eh == h && load<i32>(e + 8) == len && sameBytes(ARENA + <usize>load<u32>(e + 4), at, len)) return k;
    k = (k + 1) & mask;
  }
  return -1;
}

/** Whether the last lookup found its key. */
let found: bool = false;
/**
 * The entry each table found last; each entry keeps the one found after it (offset 12, index + 1), so that
 * the cycle of an export (every station each hour, one time for many lines) is found without hashing.
 */
let lastTime: i32 = -1;
let lastPlace: i32 = -1;

/** After a hit on entry k: the previous hit's successor is k. */
function follow(table: usize, last: i32, k: i32): void {
  if (last >= 0 && last != k) store<i32>(table + <usize>last * ENTRY + 12, k + 1);
}

@inline
function keyMatches(table: usize, k: i32, at: usize, len: i32): bool {
  const e = table + <usize>k * ENTRY;
  return load<i32>(e + 8) == len && sameBytes(ARENA + <usize>load<u32>(e + 4), at, len);
}

/**
 * The value of a key in table `which` (0: times, 1: places), or NaN with `found` false: the last key found,
 * then the one that followed it last time, then by hash.
 */
@inline
function lookup(which: i32, at: usize, len: i32): f64 {
  const table = which == 0 ? TIME_TABLE : PLACE_TABLE;
  const last = which == 0 ? lastTime : lastPlace;
  let k: i32 = -1;
  if (last >= 0) {
    if (keyMatches(table, last, at, len)) k = last;
    else {
      const next = load<i32>(table + <usize>last * ENTRY + 12) - 1;
      if (next >= 0 && keyMatches(table, next, at, len)) k = next;
    }
  }
  if (k < 0) {
    k = slotOf(table, at, len, hashBytes(at, len));
    if (k < 0 || load<u32>(table + <usize>k * ENTRY) == 0) {
      found = false;
      return NaN;
    }
    follow(table, last, k);
  }
  if (which == 0) lastTime = k;
  else lastPlace = k;
  found = true;
  return load<f64>(table + <usize>k * ENTRY + 16);
}

function insert(which: i32, at: usize, len: i32, value: f64): void {
  const table = which == 0 ? TIME_TABLE : PLACE_TABLE;
  // Half full at most, so that probes stay short; the arena bounded.
  if ((which == 0 ? timesUsed : placesUsed) >= TABLE_SIZE / 2 || arenaUsed + <usize>len > ARENA_SIZE) return;
  const h = hashBytes(at, len);
  const k = slotOf(table, at, len, h);
  if (k < 0) return;
  const e = table + <usize>k * ENTRY;
  if (load<u32>(e) == 0) {
    memory.copy(ARENA + arenaUsed, at, <usize>len);
    store<u32>(e, h);
    store<u32>(e + 4, <u32>arenaUsed);
    store<i32>(e + 8, len);
    arenaUsed += <usize>len;
    if (which == 0) timesUsed++;
    else placesUsed++;
  }
  store<f64>(e + 16, value);
}

/**
 * Finds the fields of the line at `ls` (the first `width` recorded) and returns the index of its line
 * feed; the field count in `fieldCount`.
 */
let fieldCount: i32 = 0;
@inline
function split(input: usize, ls: i32, width: i32): i32 {
  const comma = i8x16.splat(COMMA);
  const lf = i8x16.splat(LF);
  let n: i32 = 0;
  store<i32>(STARTS, ls);
  let i = ls;
  // Every line the caller gives ends with a line feed: the loop ends there.
  while (true) {
    const v = v128.load(input + <usize>i);
    let commas = i8x16.bitmask(i8x16.eq(v, comma));
    const feeds = i8x16.bitmask(i8x16.eq(v, lf));
    if (feeds != 0) commas &= (1 << ctz(feeds)) - 1;
    while (commas != 0) {
      const at = i + ctz(commas);
      if (n < width) store<i32>(ENDS + ((<usize>n) << 2), at);
      n++;
      if (n <= width) store<i32>(STARTS + ((<usize>n) << 2), at + 1);
      commas &= commas - 1;
    }
    if (feeds != 0) {
      const nl = i + ctz(feeds);
      if (n < width) store<i32>(ENDS + ((<usize>n) << 2), nl);
      fieldCount = n + 1;
      return nl;
    }
    i += 16;
  }
  return -1;
}

/** Teaches the table `which` (0: times, 1: places) the key of the line at ls (a line readLine has read). */
export function learn(input: usize, ls: i32, which: i32, value: f64): void {
  const width = load<i32>(S_WIDTH);
  split(input, ls, width);
  if (fieldCount != width) return;
  if (which == 0) {
    const t = load<i32>(S_TIME_INDEX);
    const s = load<i32>(STARTS + ((<usize>t) << 2));
    insert(0, input + <usize>s, load<i32>(ENDS + ((<usize>t) << 2)) - s, value);
    return;
  }
  const key = placeKey(input);
  if (keyLength >= 0) insert(1, key, keyLength, value);
}

/**
 * The place key of the split line: where it is, its length in `keyLength` (-1 when too long to build). The
 * line's own bytes when the place fields are neighbours; else built at KEY, each field followed by 0xFF.
 */
let keyLength: i32 = 0;
@inline
function placeKey(input: usize): usize {
  const first = load<i32>(S_SPAN_FIRST);
  if (first >= 0) {
    const s = load<i32>(STARTS + ((<usize>first) << 2));
    keyLength = load<i32>(ENDS + ((<usize>load<i32>(S_SPAN_LAST)) << 2)) - s;
    return input + <usize>s;
  }
  const count = load<i32>(S_PLACE_COUNT);
  let len: i32 = 0;
  for (let k = 0; k < count; k++) {
    const f = <usize>load<i32>(S_PLACE_INDICES + ((<usize>k) << 2));
    const s = load<i32>(STARTS + (f << 2));
    const e = load<i32>(ENDS + (f << 2));
    if (len + (e - s) + 1 > KEY_MAX) {
      keyLength = -1;
      return KEY;
    }
    memory.copy(KEY + <usize>len, input + <usize>s, <usize>(e - s));
    len += e - s;
    store<u8>(KEY + <usize>len, 0xff);
    len++;
  }
  keyLength = len;
  return KEY;
}

/**
 * Reads lines from `ls` while they start before `stop` (every line there ends with a line feed), writing
 * records at `records` from `count` up to `maxCount`. Returns DONE, DEFER (the line at OUT_LS is readLine's)
 * or FULL (no room for another record); OUT_LS, OUT_LINES and OUT_COUNT say where it stopped.
 */
export function run(
  input: usize,
  ls: i32,
  stop: i32,
  base: f64,
  lines: i32,
  records: usize,
  count: i32,
  maxCount: i32,
): i32 {
  const width = load<i32>(S_WIDTH);
  const timeIndex = load<i32>(S_TIME_INDEX);
  const pm25 = load<i32>(S_PM25);
  const pm10 = load<i32>(S_PM10);
  const co = load<i32>(S_CO);
  const maxPlausible = load<f64>(S_MAX_PLAUSIBLE);
  const ratioFactor = load<f64>(S_RATIO_FACTOR);
  const ratioMargin = load<f64>(S_RATIO_MARGIN);
  const coMax = load<f64>(S_CO_MAX);
  const edgeCount = load<i32>(S_EDGE_COUNT);
  const checked = edgeCount < 0 ? width : edgeCount;
  let status = DONE;
  while (ls < stop) {
    if (count >= maxCount) {
      status = FULL;
      break;
    }
    const nl = split(input, ls, width);
    if (nl == ls) {
      // A blank line: counted, no record.
      lines++;
      ls = nl + 1;
      continue;
    }
    if (nl - ls > MAX_LINE || fieldCount != width) {
      status = DEFER;
      break;
    }
    let edge = false;
    for (let k = 0; k < checked; k++) {
      const f = edgeCount < 0 ? k : load<i32>(S_EDGE_FIELDS + ((<usize>k) << 2));
      const s = load<i32>(STARTS + ((<usize>f) << 2));
      const e = load<i32>(ENDS + ((<usize>f) << 2));
      if (e > s) {
        const first = load<u8>(input + <usize>s);
        const last = load<u8>(input + <usize>(e - 1));
        if (first == SPACE || first == TAB || last == SPACE || last == TAB) {
          edge = true;
          break;
        }
      }
    }
    if (edge) {
      status = DEFER;
      break;
    }
    const ts = load<i32>(STARTS + ((<usize>timeIndex) << 2));
    const time = lookup(0, input + <usize>ts, load<i32>(ENDS + ((<usize>timeIndex) << 2)) - ts);
    if (!found || time != time) {
      status = DEFER;
      break;
    }
    const key = placeKey(input);
    const place = keyLength < 0 ? NaN : lookup(1, key, keyLength);
    if (keyLength < 0 || !found) {
      status = DEFER;
      break;
    }
    const r = records + <usize>count * (RECORD << 3);
    const values = r + 32;
    // Every value missing until read (P = 6: three pairs).
    const missing = f64x2.splat(NaN);
    v128.store(values, missing);
    v128.store(values + 16, missing);
    v128.store(values + 32, missing);
    let plain = false;
    for (let f = 0; f < width; f++) {
      const slot = load<i32>(S_VALUE_SLOT + ((<usize>f) << 2));
      if (slot < 0) continue;
      const s = load<i32>(STARTS + ((<usize>f) << 2));
      const e = load<i32>(ENDS + ((<usize>f) << 2));
      if (e == s) continue;
      if (e - s > 15) {
        plain = true;
        break;
      }
      let value: f64 = NaN;
      const len = e - s;
      if (len <= 4) {
        // One to four digits without a point (most values): read as one word, no loop and no branch per digit.
        const shift = <u32>(4 - len) << 3;
        const word = load<u32>(input + <usize>s) << shift;
        const digits = word - (0x30303030 << shift);
        // A byte that was not a digit shows in bit 7 of (digit + 0x76) or of the digit itself.
        if ((((digits + 0x76767676) | digits) & 0x80808080) == 0) {
          // The lowest byte is the first digit: pairs, then the two pairs.
          const pairs = (digits * 10 + (digits >> 8)) & 0x00ff00ff;
          value = <f64>((pairs * 100 + (pairs >> 16)) & 0x3fff);
        }
      }
      if (value != value) {
        let mantissa: f64 = 0;
        let decimals: i32 = -1;
        for (let i = s; i < e; i++) {
          const b = load<u8>(input + <usize>i);
          if (b == DOT) {
            if (decimals >= 0 || i == s || i == e - 1) {
              plain = true;
              break;
            }
            decimals = 0;
          } else {
            const digit = <i32>b - <i32>ZERO;
            if (digit < 0 || digit > 9) {
              plain = true;
              break;
            }
            mantissa = mantissa * 10 + <f64>digit;
            if (decimals >= 0) decimals++;
          }
        }
        if (plain) break;
        value = decimals > 0 ? mantissa / load<f64>(POW10 + ((<usize>decimals) << 3)) : mantissa;
      }
      const factor = load<f64>(S_VALUE_FACTOR + ((<usize>f) << 3));
      if (factor != 1) value *= factor;
      if (value > maxPlausible) {
        plain = true;
        break;
      }
      store<f64>(values + ((<usize>slot) << 3), value);
    }
    if (!plain && pm25 >= 0) {
      const a = load<f64>(values + ((<usize>pm25) << 3));
      const b = load<f64>(values + ((<usize>pm10) << 3));
      if (a == a && b == b && a > b * ratioFactor && a - b > ratioMargin) plain = true;
    }
    if (!plain && co >= 0 && load<f64>(values + ((<usize>co) << 3)) > coMax) plain = true;
    if (plain) {
      status = DEFER;
      break;
    }
    store<f64>(r, ROW + place * 4);
    store<f64>(r + 8, time);
    store<f64>(r + 16, base + <f64>ls);
    store<f64>(r + 24, <f64>lines * LINE_UNIT + <f64>(nl - ls));
    count++;
    lines++;
    ls = nl + 1;
  }
  store<i32>(OUT_LS, ls);
  store<i32>(OUT_LINES, lines);
  store<i32>(OUT_COUNT, count);
  return status;
}
