// The fast reader's apply loop in WebAssembly (wasm/air-hourly-apply.ts), as fast.ts's Applier uses it: the
// station entries it may add rows to, the place ids of each parser mapped to them, and each chunk's records
// copied into the hourly store's memory, where the loop reads them.
import { APPLY_WASM_FILE } from "../../../paths.js";
import { arenaArray, arenaOffset, linesRegion, type HourlyArena } from "../../hourly-arena.js";
import type { AreaSeries, HourlyStore, StationRecord } from "../../hourly-store.js";
import { RECORD, type LinesMemory } from "./parse.js";
import { compiledLoop } from "./wasm-module.js";

/** Record slots in the arena for a worker: the memory and where they are, and the main thread's views of them. */
export interface RecordSlots {
  memory: WebAssembly.Memory;
  offsets: number[];
  views: Float64Array[];
}

interface ApplyExports {
  apply(
    records: number,
    from: number,
    count: number,
    map: number,
    mapLength: number,
    entries: number,
    days: number,
    out: number,
  ): number;
  maxSeries: WebAssembly.Global;
}

/** The words of an entry (wasm/air-hourly-apply.ts): seen, held, heldDays, validHours, series count, series. */
const ENTRY_WORDS = 16;

/** Where an array is in the arena (0: not given), or -1 when it is an ordinary array. */
function offsetOf(array: ArrayBufferView | null): number {
  return array === null ? 0 : arenaOffset(array);
}

export class WasmApply {
  private readonly exports: ApplyExports;
  private readonly maxSeries: number;
  /** The records run() reads: a worker's record slot, or `copy`. */
  private records: Float64Array = new Float64Array(0);
  /** The arena's copy of records that are not in it. */
  private copy: Float64Array = new Float64Array(0);
  /** The buffers of the record slots' views (recordSlots()): records on them are read where they are. */
  private readonly slotBuffers = new Set<ArrayBufferLike>();
  private entries: Int32Array;
  private entryCount = 0;
  /** Per parser: place id -> entry id, -1 for a place whose rows JavaScript adds. */
  private readonly maps = new Map<number, Int32Array>();
  /** Each area series' descriptor: sum, count, openDays, latest. */
  private readonly descriptors = new Map<AreaSeries, number>();
  /** Rows taken since the last take(). */
  private readonly out: Int32Array;

  private constructor(
    module: WebAssembly.Module,
    private readonly arena: HourlyArena,
    private readonly days: number,
  ) {
    this.exports = new WebAssembly.Instance(module, { env: { memory: arena.memory } })
      .exports as unknown as ApplyExports;
    this.maxSeries = this.exports.maxSeries.value as number;
    this.entries = arenaArray(arena, Int32Array, ENTRY_WORDS * 256);
    this.out = arenaArray(arena, Int32Array, 1);
  }

  /** The loop for a store whose arrays are in an arena (a streaming plan-year store), or null. */
  static forStore(store: HourlyStore): WasmApply | null {
    const module = compiledLoop(APPLY_WASM_FILE);
    if (module === null || store.arena === null) return null;
    let apply: WasmApply;
    try {
      apply = new WasmApply(module, store.arena, store.dates.length);
    } catch {
      // The arena's memory is not the one the module was built for (scripts/build-wasm.mjs, hourly-arena.ts).
      return null;
    }
    // A full arena gives ordinary arrays: the loop could not see them.
    return arenaOffset(apply.entries) > 0 && arenaOffset(apply.out) > 0 ? apply : null;
  }

  /** The rows the loop took since the last call. */
  take(): number {
    const rows = this.out[0]!;
    this.out[0] = 0;
    return rows;
  }

  /**
   * Lets the loop add the rows of a parser's place: its station record and area series, when all their arrays
   * are in the arena and the areas are few enough (else JavaScript adds them, as before).
   */
  admit(parser: number, place: number, record: StationRecord, series: readonly AreaSeries[]): void {
    if (series.length > this.maxSeries || record.prints !== null) return;
    const words = [record.seen, record.held, record.heldDays, record.validHours].map(offsetOf);
    const described = series.map((s) => this.descriptor(s));
    if (words.some((w) => w < 0) || words[0] === 0 || words[3] === 0 || described.some((d) => d < 0)) return;
    if ((this.entryCount + 1) * ENTRY_WORDS > this.entries.length) {
      const bigger = arenaArray(this.arena, Int32Array, this.entries.length * 2);
      if (arenaOffset(bigger) < 0) return;
      bigger.set(this.entries);
      this.entries = bigger;
    }
    const id = this.entryCount++;
    this.entries.set([...words, series.length, ...described], id * ENTRY_WORDS);
    let map = this.maps.get(parser);
    if (!map || place >= map.length) {
      const bigger = arenaArray(this.arena, Int32Array, Math.max(1024, (place + 1) * 2)).fill(-1);
      if (arenaOffset(bigger) < 0) return;
      if (map) bigger.set(map);
      this.maps.set(parser, (map = bigger));
    }
    map[place] = id;
  }

  private descriptor(series: AreaSeries): number {
    let at = this.descriptors.get(series);
    if (at === undefined) {
      const words = [series.sum, series.count, series.openDays, series.latest].map(offsetOf);
      const block = arenaArray(this.arena, Int32Array, 8);
      at = words.some((w) => w <= 0) ? -1 : arenaOffset(block);
      if (at >= 0) block.set(words);
      this.descriptors.set(series, at);
    }
    return at;
  }

  /**
   * Where the loop reads a chunk's records: where they are when a worker wrote them into the arena (a record
   * slot), else a copy in the arena.
   */
  load(records: Float64Array, count: number): void {
    if (this.slotBuffers.has(records.buffer)) {
      this.records = records;
      return;
    }
    const length = count * RECORD;
    if (this.copy.length < length || arenaOffset(this.copy) < 0)
      this.copy = arenaArray(this.arena, Float64Array, Math.max(length, this.copy.length * 2));
    this.copy.set(records.subarray(0, length));
    this.records = this.copy;
  }

  /**
   * `count` record slots of `length` f64 each in the arena, for workers to write chunks' records into (none
   * when the arena is full): the arena's memory is shared, so the main thread reads them where they are.
   */
  recordSlots(count: number, length: number): RecordSlots | null {
    const slots = Array.from({ length: count }, () => arenaArray(this.arena, Float64Array, length));
    if (!slots.every((slot) => arenaOffset(slot) > 0)) return null;
    // Views made after the last of them was allocated: one buffer that holds them all (growing the memory
    // makes a new one), which load() knows the records by.
    const views = slots.map((slot) => new Float64Array(this.arena.memory.buffer, slot.byteOffset, length));
    this.slotBuffers.add(views[0]!.buffer);
    return { memory: this.arena.memory, offsets: views.map((view) => view.byteOffset), views };
  }

  /** The arena's region for a worker's line loop (hourly-arena.ts), or null. */
  linesRegion(): LinesMemory | null {
    return linesRegion(this.arena);
  }

  /** Applies the loaded records [from, count) of a parser; returns the first one it left to JavaScript. */
  run(parser: number, from: number, count: number): number {
    const map = this.maps.get(parser);
    if (!map || arenaOffset(this.records) < 0) return from;
    return this.exports.apply(
      arenaOffset(this.records),
      from,
      count,
      arenaOffset(map),
      map.length,
      arenaOffset(this.entries),
      this.days,
      arenaOffset(this.out),
    );
  }
}
