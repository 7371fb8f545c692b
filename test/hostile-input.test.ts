// Hostile inputs that are not files in test/corpus/ (issue 18, hostile input 1): devices, named pipes and
// endless pipes, run through the built CLI. Each must end at once with exit 2 and one clean message.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ROOT, runCli, type CliRun } from "./helpers/run-cli.js";

const VALID_DATA = "test/corpus/valid-daily.csv";
const POSIX = process.platform !== "win32";

let tmp = "";
beforeAll(() => {
  if (!existsSync(join(ROOT, "dist", "cli.js"))) throw new Error("dist/cli.js is missing: run npm run build");
  tmp = mkdtempSync(join(tmpdir(), "hy-hostile-"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function expectClean(r: CliRun): void {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).not.toContain("    at ");
  expect(r.stderr).not.toContain("internal error");
}

describe.runIf(POSIX)("memory is bounded before reading (devices, pipes)", () => {
  it("/dev/zero as a data file is refused before it is read (HY-READ, a device)", () => {
    const r = runCli(["/dev/zero"]);
    expectClean(r);
    expect(r.stderr).toBe("/dev/zero  cannot read the file: a device, not a file [HY-READ]\n");
  });

  it("/dev/zero as the target file is refused before it is read", () => {
    const r = runCli([VALID_DATA, "-t", "/dev/zero"]);
    expectClean(r);
    expect(r.stderr).toMatch(
      /^\/dev\/zero {2}cannot read the target file: not a regular file.*\[HY-READ\]\n$/,
    );
  });

  it("a named pipe with no writer is refused, as data and as target file, instead of blocking in open()", () => {
    const fifo = join(tmp, "fifo.csv");
    execFileSync("mkfifo", [fifo]);
    const data = spawnSync(process.execPath, [BIN, fifo], { cwd: ROOT, encoding: "utf8", timeout: 20_000 });
    expect(data.error).toBeUndefined();
    expectClean(data);
    expect(data.stderr).toBe(
      `${fifo}  cannot read the file: a named pipe; pipe it to stdin instead: hy-check /dev/stdin < FILE [HY-READ]\n`,
    );
    const targets = spawnSync(process.execPath, [BIN, VALID_DATA, "-t", fifo], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(targets.error).toBeUndefined();
    expectClean(targets);
    expect(targets.stderr).toContain(`${fifo}  cannot read the target file: not a regular file`);
  });

  it("a shell's <(...) (a pipe under /dev/fd) is still read", () => {
    const script = `"${process.execPath}" ${BIN} <(cat ${VALID_DATA}) -f json`;
    const r = spawnSync("bash", ["-c", script], { cwd: ROOT, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { inputs: { rows: number }[] }).inputs[0]?.rows).toBe(3);
  });
});

describe.runIf(POSIX)("writes are safe (processes)", () => {
  it("`> /dev/full`: HY-WRITE on stderr, exit 2, no stack trace", () => {
    const full = openSync("/dev/full", "w");
    try {
      const r = spawnSync(process.execPath, [BIN, VALID_DATA, "-f", "json"], {
        cwd: ROOT,
        encoding: "utf8",
        stdio: ["ignore", full, "pipe"],
      });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toBe("stdout  cannot write the report: no space left on the device [HY-WRITE]\n");
    } finally {
      closeSync(full);
    }
  });

  it("two runs writing one -o file at once: the file is always one whole report, never a mix", async () => {
    const out = join(tmp, "shared.out");
    const whole = (format: string) => {
      const file = join(tmp, `whole.${format}`);
      expect(runCli([VALID_DATA, "-f", format, "-o", file]).status).toBe(0);
      return readFileSync(file, "utf8");
    };
    const json = whole("json");
    const csv = whole("csv");
    const run = (format: string) =>
      new Promise<number | null>((done) => {
        const child = spawn(process.execPath, [BIN, VALID_DATA, "-f", format, "-o", out], { cwd: ROOT });
        child.on("close", done);
      });
    for (let i = 0; i < 5; i++) {
      expect(await Promise.all([run("json"), run("csv")])).toEqual([0, 0]);
      expect([json, csv]).toContain(readFileSync(out, "utf8"));
    }
    expect(readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 60_000);
});
