#!/usr/bin/env node
// Part of `npm run build`: bundles the command (dist/cli.js and what it imports) into one file,
// dist/hy-check.js, the package's bin. One file loads in about half the time of the ~150 modules it
// replaces, which keeps a small run under 0.3 s (bench/RESULTS.md, "Startup"). The library (dist/index.js)
// and the worker (dist/data/kinds/air-hourly/worker.js) stay as tsc wrote them; echarts is loaded from node_modules by
// `hy-check report` only.
import { chmodSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = join(root, "dist/hy-check.js");
await build({
  entryPoints: [join(root, "dist/cli.js")],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // The workbook parser loads when an input is a workbook, and the font subsetter when a report is made,
  // from node_modules like echarts: CSV runs never parse them.
  external: ["echarts", "echarts/*", "playwright-core", "@e965/xlsx", "subset-font"],
  // CommonJS dependencies bundled into an ES module still call require() for Node's built-ins.
  banner: {
    js: 'import { createRequire as __hyRequire } from "node:module"; const require = __hyRequire(import.meta.url);',
  },
  logLevel: "warning",
});
chmodSync(outfile, 0o755);
// dist/cli.js stays runnable as a command too (an npx cache made before the bundle may still point at it).
chmodSync(join(root, "dist/cli.js"), 0o755);
