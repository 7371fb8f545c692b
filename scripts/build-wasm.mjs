#!/usr/bin/env node
// Part of `npm run build`: compiles the fast hourly reader's loops in AssemblyScript (wasm/) to
// dist/data/kinds/air-hourly/*.wasm, with no runtime: the line loop (lines.wasm, SIMD, no imports) and the
// apply loop (apply.wasm, the hourly store's shared memory imported).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import asc from "assemblyscript/asc";

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = join(root, "dist/data/kinds/air-hourly");
mkdirSync(outDir, { recursive: true });
/** Compiles wasm/<source>.ts to dist/data/kinds/air-hourly/<out>.wasm. */
async function compile(source, out, flags) {
  const { error, stderr } = await asc.main([
    join(root, "wasm", `${source}.ts`),
    "--outFile",
    join(outDir, `${out}.wasm`),
    "-O3",
    "--runtime",
    "stub",
    "--noAssert",
    ...flags,
  ]);
  if (error) {
    console.error(stderr.toString());
    console.error(`build-wasm: ${source}: ${error.message}`);
    process.exit(1);
  }
}

// Both loops work in a shared memory they are given (src/data/hourly-arena.ts: 1 page at first, 16384 at most).
const SHARED_MEMORY = [
  "--enable",
  "threads",
  "--importMemory",
  "--sharedMemory",
  "--initialMemory",
  "1",
  "--maximumMemory",
  "16384",
];
// The line loop: 16 bytes compared at a time; its memory its own, or in a worker the hourly store's, whose
// low addresses the store leaves to it.
await compile("air-hourly-lines", "lines", ["--enable", "simd", ...SHARED_MEMORY]);
// The apply loop: the hourly store's memory.
await compile("air-hourly-apply", "apply", SHARED_MEMORY);
