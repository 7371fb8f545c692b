#!/usr/bin/env node
// `npm test`: the type check of every file (src, test, scripts) and `npm run build` side by side, each on its
// own core, then `vitest run` on the fresh dist/ with this script's arguments (`npm test -- -t name`).
// The type check keeps its incremental state in node_modules/.cache (it emits nothing, so the state cannot
// go stale against an output); the build runs whole, as `npm run build` does, so dist/ is the same.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
// The tools' own scripts run with this node: npx would add a process start before each.
const TSC = join(root, "node_modules/typescript/bin/tsc");
const VITEST = join(root, "node_modules/vitest/vitest.mjs");
const TYPECHECK = [
  TSC,
  "--noEmit",
  "--incremental",
  "--tsBuildInfoFile",
  "node_modules/.cache/hy-check/typecheck.tsbuildinfo",
];

/** Runs a command in the package root; its output is kept and printed whole, so two runs never interleave. */
function run(command, args, { capture = true } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    if (capture) {
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
    }
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const [typecheck, build] = await Promise.all([
  run(process.execPath, TYPECHECK),
  run(npm, ["run", "--silent", "build"]),
]);
for (const [name, step] of [
  ["tsc --noEmit", typecheck],
  ["npm run build", build],
]) {
  if (step.output) process.stdout.write(step.output);
  if (step.code !== 0) console.error(`${name} failed (exit ${step.code})`);
}
if (typecheck.code !== 0 || build.code !== 0) process.exit(1);
const tests = await run(process.execPath, [VITEST, "run", ...process.argv.slice(2)], {
  capture: false,
});
process.exit(tests.code);
