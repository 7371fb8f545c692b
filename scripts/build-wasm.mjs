#!/usr/bin/env node
// Part of `npm run build`: compiles the fast hourly reader's line loop (wasm/air-hourly-lines.ts,
// AssemblyScript) to dist/data/kinds/air-hourly/lines.wasm with SIMD, no runtime and no imports.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import asc from "assemblyscript/asc";

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = join(root, "dist/data/kinds/air-hourly");
mkdirSync(outDir, { recursive: true });
const { error, stderr } = await asc.main([
  join(root, "wasm/air-hourly-lines.ts"),
  "--outFile",
  join(outDir, "lines.wasm"),
  "-O3",
  "--runtime",
  "stub",
  "--noAssert",
  "--enable",
  "simd",
  "--initialMemory",
  "128",
]);
if (error) {
  console.error(stderr.toString());
  console.error(`build-wasm: ${error.message}`);
  process.exit(1);
}
