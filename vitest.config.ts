import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The commands' tests sit beside them (src/commands/<name>.test.ts); the rest under test/.
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    testTimeout: 60_000,
    setupFiles: ["test/setup.ts"],
  },
});
