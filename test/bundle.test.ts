// The bin is a one-file bundle of dist/cli.js (scripts/bundle.mjs): it must behave exactly as the modules
// it bundles. The CLI tests run the bin; this one compares the two entry points directly.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BIN, ROOT } from "./helpers/run-cli.js";

const run = (entry: string, args: string[]) =>
  spawnSync(process.execPath, [entry, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", LANG: "en_US.UTF-8" },
  });

describe("the bundled bin", () => {
  it("is the package's bin", () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, "utf8")) as { bin: Record<string, string> };
    expect(pkg.bin["hy-check"]).toBe(BIN);
  });

  it.each([
    [["fixtures/hengyang-2019-daily.csv", "-f", "json"]],
    [["fixtures/hengyang-2019-water.csv", "fixtures/hengyang-ledger.csv", "-f", "markdown", "--lang", "zh"]],
    [["targets", "-f", "json"]],
    [["--version"]],
    [["validate", "fixtures/hengyang-2019-daily.csv", "-f", "json"]],
  ])("gives the output and exit code of dist/cli.js: %j", (args) => {
    const bundled = run(BIN, args);
    const modules = run("dist/cli.js", args);
    expect(bundled.stdout).toBe(modules.stdout);
    expect(bundled.stderr).toBe(modules.stderr);
    expect(bundled.status).toBe(modules.status);
    expect(bundled.stdout.length).toBeGreaterThan(0);
  });
});
