// Runs the CLI in-process: main(argv, io) from src/program.ts with an Io that captures stdout and stderr, as
// the bin does with a pipe (not a terminal). The commands' tests use it; test/bin.test.ts runs the built bin.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { main, type Io } from "../../src/program.js";
import { withJson, type CliRun } from "./run-cli.js";

/**
 * `hy-check ...args` in this process, with colours off and an English locale unless `env` says otherwise;
 * relative paths are read from the working directory, the package root under `npm test`.
 */
export async function runMain(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  io: Partial<Pick<Io, "isTTY" | "stderrIsTTY">> = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const status = await main([...args], {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    // A wide terminal: these tests read one result per line; fitting the width is tested in
    // test/report/table-width.test.ts.
    env: { ...process.env, NO_COLOR: "1", LANG: "en_US.UTF-8", COLUMNS: "1000", ...env },
    isTTY: false,
    stderrIsTTY: false,
    ...io,
  });
  return { status, stdout, stderr };
}

/** Runs the CLI in-process and parses its stdout as the JSON report. */
export async function runMainJson<T = unknown>(args: readonly string[]): Promise<CliRun & { json: T }> {
  return withJson<T>(await runMain(args));
}

/** No Node stack trace, no internal-error message: every failure is reported as a user error. */
export function expectCleanError(run: { stderr: string }): void {
  expect(run.stderr).not.toContain("    at ");
  expect(run.stderr).not.toMatch(/internal error/i);
}

/** A temporary folder for the files of one test file, made before its tests and removed after them. */
export function tempFolder(prefix: string): { readonly path: string; file: (name: string) => string } {
  let path = "";
  let counter = 0;
  beforeAll(() => {
    path = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => {
    if (path) rmSync(path, { recursive: true, force: true });
  });
  return {
    get path() {
      return path;
    },
    /** A fresh path in the folder, numbered so that two tests never share one. */
    file: (name: string) => join(path, `${String(++counter).padStart(2, "0")}-${name}`),
  };
}
