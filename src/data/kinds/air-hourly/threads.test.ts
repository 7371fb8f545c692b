import { mkdtempSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ParserThreads } from "./threads.js";

const dir = mkdtempSync(join(tmpdir(), "hy-threads-"));
const small = join(dir, "small.csv");
writeFileSync(small, "a,b\n1,2\n");
const large = join(dir, "large.csv");
writeFileSync(large, "x".repeat(4096));

// The two settings as the run of the suite had them, put back after each test.
const before = {
  HY_FAST_WORKERS_MIN_BYTES: process.env.HY_FAST_WORKERS_MIN_BYTES,
  HY_FAST_WORKERS: process.env.HY_FAST_WORKERS,
};
afterEach(() => {
  for (const [name, value] of Object.entries(before)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe.skipIf(availableParallelism() < 2)("parsing threads started before the header is read", () => {
  it("start only for a named file at least as large as the workers read", async () => {
    process.env.HY_FAST_WORKERS_MIN_BYTES = "4096";
    // 8 bytes, a folder, a file that is not there: no threads.
    expect(ParserThreads.startFor([small])).toBeUndefined();
    expect(ParserThreads.startFor([dir])).toBeUndefined();
    expect(ParserThreads.startFor([join(dir, "missing.csv")])).toBeUndefined();
    // 4,096 bytes: as many as the reader uses.
    process.env.HY_FAST_WORKERS = "2";
    const threads = ParserThreads.startFor([small, large]);
    expect(threads).toBeDefined();
    const taken = threads!.take(1);
    expect(taken).toHaveLength(1);
    // What is taken is the taker's: close() ends only the other one, and a second take finds none.
    let exited = false;
    taken[0]!.on("exit", () => (exited = true));
    await threads!.close();
    expect(threads!.take(2)).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(exited).toBe(false);
    await taken[0]!.terminate();
    expect(exited).toBe(true);
  });
});
