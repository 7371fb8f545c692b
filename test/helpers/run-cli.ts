// Runs the built CLI as a child process, the way a user or a CI job runs it: the package's bin, the one-file
// bundle dist/hy-check.js (scripts/bundle.mjs) of dist/cli.js.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The package root (/work/main), found from this file so tests run from any working directory. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export const BIN = "dist/hy-check.js";

/** Runs `node dist/hy-check.js ...args` in the package root, with colours off and an English locale. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    // A wide terminal: tests read one result per line (fitting the width: test/report/table-width.test.ts).
    env: { ...process.env, NO_COLOR: "1", LANG: "en_US.UTF-8", COLUMNS: "1000", ...env },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI and parses its stdout as the JSON report. */
export function runCliJson<T = unknown>(args: readonly string[]): CliRun & { json: T } {
  return withJson<T>(runCli(args));
}

/** A run with its stdout parsed as the JSON report; a run that printed no JSON fails with what it printed. */
export function withJson<T>(run: CliRun): CliRun & { json: T } {
  let json: T;
  try {
    json = JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.status}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
  return { ...run, json };
}
