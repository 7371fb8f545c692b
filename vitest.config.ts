import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The commands' tests sit beside them (src/commands/<name>.test.ts); the rest under test/.
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    testTimeout: 60_000,
    setupFiles: ["test/setup.ts"],
    // One test file per core. Vitest's default leaves one core to its main process, which only waits on the
    // workers: on a 2-core machine that ran every file one after another on one core.
    maxWorkers: availableParallelism(),
    // Test files share a worker's loaded modules instead of importing src/ afresh for each file (a sixth of
    // the suite's CPU time). Files restore what they change (process.env in finally blocks); a file that
    // mocks a module loads it again after vi.resetModules() (test/data/csv-read-error.test.ts).
    isolate: false,
  },
});
