// A progress line for large inputs: bytes read, rows/s and the time left, redrawn in place on a terminal.
// Silent unless the caller gives a sink (stderr is a TTY and --quiet is not set).

export interface ProgressSink {
  /** A file starts: its size in bytes. */
  start(file: string, size: number): void;
  /** Bytes and rows read since the last call. */
  advance(bytes: number, rows: number): void;
  /** The file is read. */
  done(): void;
}

/** Files below this size finish before a progress line would help. */
export const PROGRESS_MIN_BYTES = 50 * 1024 * 1024;
const REDRAW_MS = 250;

const mb = (bytes: number) => (bytes / 1e6).toFixed(0);

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** The line shown: `air.csv  312/900 MB  1.20 M rows/s  ETA 0:41`. */
export function progressLine(
  file: string,
  done: number,
  size: number,
  rows: number,
  seconds: number,
): string {
  const rate = seconds > 0 ? rows / seconds : 0;
  const bytesPerSecond = seconds > 0 ? done / seconds : 0;
  const eta = bytesPerSecond > 0 ? clock((size - done) / bytesPerSecond) : "-";
  return `${file}  ${mb(done)}/${mb(size)} MB  ${(rate / 1e6).toFixed(2)} M rows/s  ETA ${eta}`;
}

export function terminalProgress(
  write: (text: string) => void,
  now: () => number = () => performance.now(),
  minBytes = PROGRESS_MIN_BYTES,
): ProgressSink {
  let file = "";
  let size = 0;
  let done = 0;
  let rows = 0;
  let started = 0;
  let drawn = 0;
  let shown = false;
  return {
    start(name, bytes) {
      file = name;
      size = bytes;
      done = rows = 0;
      started = drawn = now();
      shown = false;
    },
    advance(bytes, n) {
      done += bytes;
      rows += n;
      if (size < minBytes) return;
      const t = now();
      if (t - drawn < REDRAW_MS) return;
      drawn = t;
      shown = true;
      write(`\r\x1b[2K${progressLine(file, done, size, rows, (t - started) / 1000)}`);
    },
    done() {
      if (shown) write("\r\x1b[2K");
      shown = false;
    },
  };
}
