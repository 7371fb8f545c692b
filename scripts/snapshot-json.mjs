#!/usr/bin/env node
// Refactoring guard: runs the built bin on every fixture and corpus file under every shipped target file
// and writes each run's JSON (or its stderr and exit code) to a folder, so two builds can be compared with
// `diff -r`. Usage: node scripts/snapshot-json.mjs OUT_DIR
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const out = process.argv[2];
if (!out) {
  console.error("usage: node scripts/snapshot-json.mjs OUT_DIR");
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const inputs = [
  ...readdirSync("fixtures").map((f) => join("fixtures", f)),
  ...readdirSync("test/corpus")
    .filter((f) => f.endsWith(".csv"))
    .map((f) => join("test/corpus", f)),
];
const targetFiles = readdirSync("targets").filter((f) => f.endsWith(".yaml"));
for (const targets of targetFiles)
  for (const input of inputs)
    for (const extra of [[], ["--as-of", "2019-06-30"]]) {
      const args = ["dist/hy-check.js", input, "-t", join("targets", targets), "-f", "json", ...extra];
      if (targets.startsWith("gb3095")) args.push("--year", "2019");
      const run = spawnSync(process.execPath, args, {
        encoding: "utf8",
        env: { ...process.env, HY_TODAY: "" },
      });
      const name = `${targets}__${input.replace(/[/\\]/g, "_")}${extra.length ? "__asof" : ""}`;
      writeFileSync(join(out, `${name}.json`), run.stdout);
      writeFileSync(join(out, `${name}.meta`), `exit ${run.status}\n${run.stderr}`);
    }
console.log(`${targetFiles.length * inputs.length * 2} runs written to ${out}`);
