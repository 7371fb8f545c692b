// Hostile inputs that are not files in test/corpus/ (issue 18, hostile input 1): devices, named pipes and
// endless pipes, run through the built CLI. Each must end at once with exit 2 and one clean message.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
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
    expect(r.stderr).toBe("hy-check: /dev/zero  cannot read the file: a device, not a file  [HY-READ]\n");
  });

  it("/dev/zero as the target file is refused before it is read", () => {
    const r = runCli([VALID_DATA, "-t", "/dev/zero"]);
    expectClean(r);
    expect(r.stderr).toMatch(
      /^hy-check: \/dev\/zero {2}cannot read the target file: not a regular file.* {2}\[HY-READ\]\n$/,
    );
  });

  it("a named pipe with no writer is refused, as data and as target file, instead of blocking in open()", () => {
    const fifo = join(tmp, "fifo.csv");
    execFileSync("mkfifo", [fifo]);
    const data = spawnSync(process.execPath, [BIN, fifo], { cwd: ROOT, encoding: "utf8", timeout: 20_000 });
    expect(data.error).toBeUndefined();
    expectClean(data);
    expect(data.stderr).toBe(
      `hy-check: ${fifo}  cannot read the file: a named pipe; pipe it to stdin instead: hy-check /dev/stdin < FILE  [HY-READ]\n`,
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

/** Raw control characters (C0 but LF, DEL, C1): none may reach a terminal from the data. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe("the terminal is not the data's", () => {
  const FILE = "test/corpus/control-chars.csv";
  it.each([
    ["the table", [FILE], 2],
    ["markdown", [FILE, "-f", "markdown"], 2],
    ["github annotations", [FILE, "-f", "github"], 2],
    ["validate", ["validate", FILE], 2],
    ["explain", ["explain", "air.counties.pm25", FILE], 0],
  ])(
    "%s: no raw control character on stdout or stderr; the sequences shown escaped",
    (_name, args, status) => {
      const r = runCli(args);
      expect(r.status).toBe(status);
      expect(r.stdout).not.toMatch(RAW_CONTROL);
      expect(r.stderr).not.toMatch(RAW_CONTROL);
      // The rejected cell, as stderr or the listing quotes it: ESC as \x1b, U+009B as \x9b, CR as \r.
      expect(`${r.stdout}${r.stderr}`).toContain('"\\x1b[2J\\x9bH\\rok"');
    },
  );

  it("the table names the unassigned station with its escape sequences shown, not obeyed", () => {
    const r = runCli([FILE]);
    expect(r.stdout).toContain("\\x1b]0;pwned\\x07\\x1b]8;;http://evil.example\\x1b\\衡阳县");
  });

  it("JSON keeps the data as it is (JSON escaping makes it safe)", () => {
    const r = runCli([FILE, "-f", "json"]);
    const rejected = (JSON.parse(r.stdout) as { inputs: { rejected: { message: string }[] }[] }).inputs[0]
      ?.rejected[0];
    expect(rejected?.message).toContain('"\u001b[2J\u009bH\rok"');
  });

  it("a target file's title with ESC sequences, in the table and explain", () => {
    const targets = join(tmp, "escape-targets.yaml");
    writeFileSync(
      targets,
      readFileSync(join(ROOT, "test/corpus/minimal-targets.yaml"), "utf8")
        .replace("../../seeds/", `${join(ROOT, "seeds")}/`)
        .replace("en: Hengyang County PM2.5 annual mean", 'en: "\\e[2J\\e]0;title\\a PM2.5"'),
    );
    for (const args of [
      [VALID_DATA, "-t", targets],
      ["explain", "air.hengyang_county.pm25", "-t", targets],
    ]) {
      const r = runCli(args);
      expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
      if (args[0] !== "explain") expect(r.stdout).toContain("\\x1b[2J\\x1b]0;title\\x07");
    }
  });

  it("a 50 000-character station name is shown cut, with its length, not in full", () => {
    const file = join(tmp, "long-station.csv");
    const long = "站".repeat(50_000);
    writeFileSync(
      file,
      `日期,区域,PM2.5,PM10,SO2,NO2,CO,O3_8h\n2019-01-01,衡阳县,35,50,10,20,0.8,60\n2019-01-02,${long},35,50,10,20,0.8,60\n`,
    );
    const r = runCli([file]);
    // The name sits in the note on unassigned stations, which is cut as a whole, its full length said.
    expect(r.stdout).toMatch(/… \(50\d\d\d characters\)/);
    expect(r.stdout.length).toBeLessThan(50_000);
  });
});
