// The fast hourly reader's apply loop in WebAssembly (AssemblyScript, built by scripts/build-wasm.mjs into
// dist/data/kinds/air-hourly/apply.wasm): it adds row records to the streaming hourly store, whose arrays
// are in this module's (imported, shared) memory (src/data/hourly-arena.ts). It takes only the common case
// and leaves every other record, untouched, to fast.ts's JavaScript code, which then goes on with the next
// one: a record of another type, of a station not yet set up, of another year, of a station-hour already
// read, or one that opens a new day in one of its areas (which finishes the day before). For the records
// it takes it does what addHourVector (src/data/hourly-store.ts) does, step for step, so the sums are the
// same numbers: test/fast-reader.test.ts compares the loop with the JavaScript one on every fixture and
// corpus file.

// Record layout (src/data/kinds/air-hourly/parse.ts): RECORD f64 a row.
const P: i32 = 6;
const RECORD_BYTES: usize = (4 + <usize>P) << 3;
const ROW: f64 = 0;

// A station entry: 16 i32 words [seen, held, heldDays, validHours, series count, series descriptors...].
const ENTRY_BYTES: usize = 64;
const MAX_SERIES: i32 = 11;
// A series descriptor: [sum, count, openDays, latest] (byte offsets in this memory).

/**
 * Applies records [from, count) at `records`; `map` gives each place id of the records' parser its entry id
 * (-1: not set up), `entries` the entries. Returns the index of the first record left to JavaScript, or
 * `count`. Adds the rows it took to out[0]. (The least and greatest day, and each area-day's hasDay, need no
 * keeping here: every day it adds to was opened by a record JavaScript added, which set them.)
 */
export function apply(
  records: usize,
  from: i32,
  count: i32,
  map: usize,
  mapLength: i32,
  entries: usize,
  days: i32,
  out: usize,
): i32 {
  let rows = load<i32>(out);
  let i = from;
  for (; i < count; i++) {
    const r = records + <usize>i * RECORD_BYTES;
    // Type + 4 x place (parse.ts R_KIND).
    const kind = <i32>load<f64>(r);
    if ((kind & 3) != <i32>ROW) break;
    const place = kind >> 2;
    if (place < 0 || place >= mapLength) break;
    const id = load<i32>(map + ((<usize>place) << 2));
    if (id < 0) break;
    // The time: day * 24 + slot (another year's row, before the plan year, is JavaScript's).
    const hour = <i32>load<f64>(r + 8);
    if (hour < 0) break;
    const day = hour / 24;
    const slot = hour - day * 24;
    if (day >= days) break;
    const entry = entries + <usize>id * ENTRY_BYTES;
    const seenAt = <usize>load<i32>(entry) + ((<usize>day) << 2);
    const seen = load<u32>(seenAt);
    const bit: u32 = 1 << slot;
    if ((seen & bit) != 0) break;
    // Every area of the row must have this day open already (openDay's first case): else JavaScript opens it.
    const n = load<i32>(entry + 16);
    const position = day & 1;
    let open = true;
    for (let a = 0; a < n; a++) {
      const series = <usize>load<i32>(entry + 20 + ((<usize>a) << 2));
      if (load<i32>(<usize>load<i32>(series + 12)) != day) {
        open = false;
        break;
      }
      if (load<i32>(<usize>load<i32>(series + 8) + ((<usize>position) << 2)) != day) {
        open = false;
        break;
      }
    }
    if (!open) break;

    // The row is taken: the Applier's count, then addHourVector's steps.
    rows++;
    store<u32>(seenAt, seen | bit);
    const values = r + 32;
    const held = <usize>load<i32>(entry + 4);
    const heldDays = <usize>load<i32>(entry + 8);
    if (held != 0 && heldDays != 0) {
      const heldDay = load<i32>(heldDays + ((<usize>position) << 2));
      let keep = true;
      if (heldDay < day) store<i32>(heldDays + ((<usize>position) << 2), day);
      else if (heldDay != day) keep = false;
      if (keep) {
        const k = held + ((<usize>(position * 24 + slot) * <usize>P) << 3);
        memory.copy(k, values, (<usize>P) << 3);
      }
    }
    const valid = <usize>load<i32>(entry + 12) + <usize>day * <usize>P;
    for (let p = 0; p < P; p++) {
      const v = load<f64>(values + ((<usize>p) << 3));
      if (v == v) store<u8>(valid + <usize>p, load<u8>(valid + <usize>p) + 1);
    }
    for (let a = 0; a < n; a++) {
      const series = <usize>load<i32>(entry + 20 + ((<usize>a) << 2));
      const base = <usize>(position * 24 + slot) * <usize>P;
      const sum = <usize>load<i32>(series) + (base << 3);
      const cnt = <usize>load<i32>(series + 4) + (base << 1);
      for (let p = 0; p < P; p++) {
        const v = load<f64>(values + ((<usize>p) << 3));
        if (v != v) continue;
        store<f64>(sum + ((<usize>p) << 3), load<f64>(sum + ((<usize>p) << 3)) + v);
        store<u16>(cnt + ((<usize>p) << 1), load<u16>(cnt + ((<usize>p) << 1)) + 1);
      }
    }
  }
  store<i32>(out, rows);
  return i;
}

/** The most areas an entry lists (more: JavaScript adds its rows). */
export const maxSeries = MAX_SERIES;
