// Where the package's own files are, both from src/ (tests) and from dist/ (the installed CLI).
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const PACKAGE_ROOT = fileURLToPath(new URL("..", import.meta.url));
export const DEFAULT_TARGETS_FILE = join(PACKAGE_ROOT, "targets", "hengyang-2019.yaml");
/** The shipped target files as the build validated them (scripts/compile-targets.mjs). */
export const COMPILED_TARGETS_DIR = join(PACKAGE_ROOT, "dist", "compiled-targets");
