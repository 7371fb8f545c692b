// Where the package's own files are, both from src/ (tests) and from dist/ (the installed CLI).
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const PACKAGE_ROOT = fileURLToPath(new URL("..", import.meta.url));
export const DEFAULT_TARGETS_FILE = join(PACKAGE_ROOT, "targets", "hengyang-2019.yaml");
/** The shipped target files as the build validated them (scripts/compile-targets.mjs). */
export const COMPILED_TARGETS_DIR = join(PACKAGE_ROOT, "dist", "compiled-targets");
/**
 * The fast reader's worker (dist/data/kinds/air-hourly/worker.js), from this module's place: dist/ in the
 * installed CLI and in its one-file bundle (dist/hy-check.js), src/ when the tests run the sources.
 */
export const FAST_WORKER_URL = new URL(
  import.meta.url.endsWith(".ts")
    ? "../dist/data/kinds/air-hourly/worker.js"
    : "./data/kinds/air-hourly/worker.js",
  import.meta.url,
);
/** The fast reader's line loop in WebAssembly (scripts/build-wasm.mjs writes it beside the worker). */
export const LINES_WASM_FILE = join(PACKAGE_ROOT, "dist", "data", "kinds", "air-hourly", "lines.wasm");
/** The fast reader's apply loop in WebAssembly (beside the line loop). */
export const APPLY_WASM_FILE = join(PACKAGE_ROOT, "dist", "data", "kinds", "air-hourly", "apply.wasm");
