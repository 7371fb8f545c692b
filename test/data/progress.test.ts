// The progress line: drawn for large inputs only, at most every 250 ms, cleared at the end.
import { describe, expect, it } from "vitest";
import { progressLine, terminalProgress } from "../../src/data/progress.js";

describe("progress line", () => {
  it("shows MB read, rows/s and the time left from the rate so far", () => {
    // 300 of 900 MB in 10 s: 30 MB/s, 600 MB left -> 20 s; 12 M rows in 10 s -> 1.20 M rows/s.
    expect(progressLine("a.csv", 300e6, 900e6, 12e6, 10)).toBe("a.csv  300/900 MB  1.20 M rows/s  ETA 0:20");
  });

  it("draws for a file over the threshold, no more than every 250 ms, and clears at the end", () => {
    const out: string[] = [];
    let now = 0;
    const sink = terminalProgress(
      (t) => out.push(t),
      () => now,
      100,
    );
    sink.start("big.csv", 1000);
    now = 100;
    sink.advance(100, 10); // 100 ms since the start: too soon
    now = 300;
    sink.advance(100, 10);
    now = 400;
    sink.advance(100, 10); // 100 ms since the last draw
    expect(out).toEqual(["\r\x1b[2Kbig.csv  0/0 MB  0.00 M rows/s  ETA 0:01"]);
    sink.done();
    expect(out.at(-1)).toBe("\r\x1b[2K");
  });

  it("stays silent for a small file", () => {
    const out: string[] = [];
    let now = 0;
    const sink = terminalProgress(
      (t) => out.push(t),
      () => now,
      100,
    );
    sink.start("small.csv", 99);
    now = 10_000;
    sink.advance(99, 5);
    sink.done();
    expect(out).toEqual([]);
  });
});
