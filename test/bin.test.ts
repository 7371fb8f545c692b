// Smoke tests of the built bin (dist/hy-check.js) as a user or a CI job runs it: a child process with its
// exit code, its locale and a pipe for stdout. What each command does is tested in-process beside it
// (src/commands/<name>.test.ts); here only what depends on the process.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvText } from "./helpers/air-reference.js";
import { BIN, ROOT, runCli } from "./helpers/run-cli.js";

const FIXTURE = "fixtures/hengyang-2019-daily.csv";
let tmp = "";
beforeAll(() => {
  if (!existsSync(join(ROOT, BIN))) throw new Error(`${BIN} is missing: run npm run build`);
  tmp = mkdtempSync(join(tmpdir(), "hy-check-bin-"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function expectNoStackTrace(stderr: string) {
  expect(stderr).not.toContain("    at ");
  expect(stderr).not.toMatch(/internal error/i);
}

describe("hy-check <fixture>, stdout a pipe", () => {
  it("exits 0 with the table, and no ANSI codes even without NO_COLOR", () => {
    const run = runCli([FIXTURE], { NO_COLOR: undefined });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("air.urban.pm25");
    expect(run.stdout).not.toContain("\u001b[");
    expect(run.stderr).toBe("");
  });

  it("LANG=zh_CN.UTF-8 in the environment gives the Chinese table", () => {
    const run = runCli([FIXTURE], { LANG: "zh_CN.UTF-8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("达标");
  });
});

describe("hy-check <urban PM2.5 50 every day, above the plan's 43>", () => {
  it("exits 1", () => {
    const file = join(tmp, "urban-pm25-50.csv");
    writeFileSync(file, csvText({ urban: () => ({ "PM2.5": 50 }) }));
    expect(runCli([file]).status).toBe(1);
  });
});

describe("hy-check no-such-file.csv", () => {
  it("exits 2 naming the file, without a stack trace", () => {
    const run = runCli(["no-such-file.csv"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("no-such-file.csv");
    expect(run.stderr).toContain("no such file");
    expect(run.stdout).toBe("");
    expectNoStackTrace(run.stderr);
  });
});

describe("hy-check --version and --help", () => {
  it("--version prints the package version and exits 0", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-V"]) {
      const run = runCli([flag]);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(`${version}\n`);
    }
  });

  it("--help exits 0 and lists the commands", () => {
    const run = runCli(["--help"]);
    expect(run.status).toBe(0);
    for (const word of ["check", "validate", "targets", "explain", "report", "schema"])
      expect(run.stdout).toContain(word);
  });
});

describe("hy-check report <fixture> | head -c 20", () => {
  it("ends without a stack trace when the reader closes the pipe early", () => {
    // A shell pipe to head, as a user types it: head exits after 20 bytes, the bin's next write meets EPIPE.
    const run = spawnSync("sh", ["-c", `"${process.execPath}" ${BIN} report ${FIXTURE} | head -c 20`], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", LANG: "en_US.UTF-8" },
    });
    expect(run.stdout).toBe("<!DOCTYPE html>\n<htm");
    expect(run.stderr).toBe("");
  });
});
