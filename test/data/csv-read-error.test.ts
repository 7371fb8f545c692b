// A disk or network-share error in the middle of a read (EIO after the first chunk) cannot be provoked on a
// local file, so the byte stream is replaced by one that fails after its first chunk.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs")>();
  const failingStream = (file: string) => {
    const first = actual.readFileSync(file).subarray(0, 200);
    let sent = false;
    return new Readable({
      read() {
        if (!sent) {
          sent = true;
          this.push(first);
        } else
          setTimeout(
            () => this.destroy(Object.assign(new Error("EIO: i/o error, read"), { code: "EIO", errno: -5 })),
            50,
          );
      },
    });
  };
  return {
    ...actual,
    default: { ...actual, createReadStream: failingStream },
    createReadStream: failingStream,
  };
});

// Test files share their worker's modules (vitest.config.ts, isolate: false): another file may have loaded
// csv.js with the real node:fs, so the modules are loaded afresh here, the errors module with them.
vi.resetModules();
const { openCsv } = await import("../../src/data/csv.js");
const { InputError } = await import("../../src/errors.js");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hy-eio-"));
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  // The next file in this worker gets the real node:fs and modules loaded with it.
  vi.doUnmock("node:fs");
  vi.resetModules();
});

describe("a read error mid-run", () => {
  it("is HY-READ naming the file and the system's reason, after the rows already read", async () => {
    const file = path.join(dir, "air.csv");
    fs.writeFileSync(file, "date,station,PM2.5\n" + "2019-01-01,A,12\n".repeat(1000));
    const source = await openCsv(file);
    const lines: number[] = [];
    let error: unknown;
    try {
      for await (const record of source.records) lines.push(record.line);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InstanceType<typeof InputError>).problems;
    expect(problems).toEqual([expect.objectContaining({ file, code: "HY-READ" })]);
    expect(problems[0]?.message).toBe("cannot read the file: EIO: i/o error, read");
    // 200 bytes = the 19-byte header and 11 whole 16-byte rows (the 12th is cut); nothing after is invented.
    expect(lines.length).toBeLessThanOrEqual(11);
    expect(lines.at(-1) ?? 0).toBeLessThanOrEqual(12);
  });
});
