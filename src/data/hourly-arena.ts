// The typed arrays of the streaming hourly store in one WebAssembly memory, so that the fast reader's apply
// loop (wasm/air-hourly-apply.ts) adds rows where the JavaScript code reads them. The memory is shared:
// growing it leaves every array made before it valid (growing an unshared memory would detach them all).
// When the memory cannot be made or is full, the arrays are ordinary ones and their rows are added by the
// JavaScript code alone.

const PAGE = 65536;
/** 1 GiB: about 150,000 stations' years (the national file has 4,400). */
const MAX_PAGES = 16384;

/**
 * The addresses below this are left to one worker's line loop (wasm/air-hourly-lines.ts: its settings, key
 * tables and a chunk's bytes), which then writes its records straight into the store's record slots; the
 * arrays start above it. Pages no loop writes are never touched.
 */
export const LINES_REGION = 12 << 20;

export interface HourlyArena {
  memory: WebAssembly.Memory;
  /** Bytes handed out, from LINES_REGION on (so no array is at 0: a pointer of 0 means none). */
  used: number;
}

export function createArena(): HourlyArena | null {
  try {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: MAX_PAGES, shared: true });
    return { memory, used: LINES_REGION };
  } catch {
    return null;
  }
}

/** The line loop's region of the arena, grown to its full size first; null when the memory cannot grow. */
export function linesRegion(arena: HourlyArena): { memory: WebAssembly.Memory; regionEnd: number } | null {
  const short = LINES_REGION - arena.memory.buffer.byteLength;
  if (short > 0) {
    try {
      arena.memory.grow(Math.ceil(short / PAGE));
    } catch {
      return null;
    }
  }
  return { memory: arena.memory, regionEnd: LINES_REGION };
}

/** The byte offset of `bytes` fresh (zeroed) bytes, aligned to 8, or -1 when the arena is full. */
function allocate(arena: HourlyArena, bytes: number): number {
  const at = (arena.used + 7) & ~7;
  const end = at + bytes;
  const have = arena.memory.buffer.byteLength;
  if (end > have) {
    const pages = Math.ceil((end - have) / PAGE);
    try {
      // At least doubling, so that growing stays rare.
      arena.memory.grow(Math.max(pages, Math.min(have / PAGE, MAX_PAGES - have / PAGE)));
    } catch {
      return -1;
    }
  }
  arena.used = end;
  return at;
}

type TypedArrayOf<T> = {
  new (length: number): T;
  new (buffer: ArrayBufferLike, at: number, length: number): T;
};

/** A zeroed array of `length` elements in the arena, or an ordinary one without an arena or room in it. */
export function arenaArray<T>(
  arena: HourlyArena | null,
  Type: TypedArrayOf<T> & { BYTES_PER_ELEMENT: number },
  length: number,
): T {
  const at = arena ? allocate(arena, length * Type.BYTES_PER_ELEMENT) : -1;
  return at < 0 || !arena ? new Type(length) : new Type(arena.memory.buffer, at, length);
}

/** Where an array of a store with an arena is in the arena's memory, or -1 for an ordinary array. */
export function arenaOffset(array: ArrayBufferView): number {
  return array.buffer instanceof SharedArrayBuffer ? array.byteOffset : -1;
}
