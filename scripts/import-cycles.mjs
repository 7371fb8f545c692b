#!/usr/bin/env node
// Runtime import cycles among the modules of src/ (issue 14 item 6): esbuild's metafile of the library, the
// CLI and the fast reader's worker; type-only imports are erased by esbuild, so they do not count.
// Usage: node scripts/import-cycles.mjs [repo root] [path filter, e.g. src/data]; exit 1 when one is shown.
import { build } from "esbuild";
const root = process.argv[2] ?? ".";
const r = await build({
  entryPoints: [`${root}/src/index.ts`, `${root}/src/cli.ts`, `${root}/src/data/kinds/air-hourly/worker.ts`],
  bundle: true,
  write: false,
  metafile: true,
  platform: "node",
  format: "esm",
  outdir: "/tmp/cyc-out",
  packages: "external",
  logLevel: "silent",
});
const graph = new Map();
for (const [file, info] of Object.entries(r.metafile.inputs))
  graph.set(
    file,
    info.imports.filter((i) => !i.external).map((i) => i.path),
  );
const cycles = [];
const state = new Map();
const stack = [];
function dfs(n) {
  state.set(n, 1);
  stack.push(n);
  for (const m of graph.get(n) ?? []) {
    if (state.get(m) === 1) cycles.push(stack.slice(stack.indexOf(m)).concat(m));
    else if (!state.has(m)) dfs(m);
  }
  stack.pop();
  state.set(n, 2);
}
for (const n of graph.keys()) if (!state.has(n)) dfs(n);
const filt = process.argv[3] ?? "";
const shown = cycles.filter((c) => c.some((f) => f.includes(filt)));
console.log(`${graph.size} modules; ${cycles.length} cycles; ${shown.length} touching "${filt}"`);
for (const c of shown) console.log("  " + c.join(" -> "));
process.exitCode = shown.length > 0 ? 1 : 0;
