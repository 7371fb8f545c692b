// The fast reader's WebAssembly loops (wasm/, compiled by `npm run build` into dist/), each compiled once per
// thread. Without one (HY_WASM=0, for the tests that compare each loop with its JavaScript twin, or a build
// without them) the JavaScript code does the same work, more slowly.
import { readFileSync } from "node:fs";

/** Compiled modules by file; null: the file is not there. */
const compiled = new Map<string, WebAssembly.Module | null>();

export function compiledLoop(file: string): WebAssembly.Module | null {
  if (process.env.HY_WASM === "0") return null;
  let module = compiled.get(file);
  if (module === undefined) {
    try {
      module = new WebAssembly.Module(readFileSync(file));
    } catch {
      module = null;
    }
    compiled.set(file, module);
  }
  return module;
}
