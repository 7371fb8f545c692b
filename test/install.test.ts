// The package as a user gets it: `npm pack`, then `npm install -g` of the tarball into a fresh prefix, then
// the installed command run from a folder outside the repo. Catches a file missing from package.json's
// `files`, a runtime dependency kept in devDependencies, a path that only resolves inside the clone.
// Needs npm and the registry (hy-check's own dependencies; the local npm cache is preferred).
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./helpers/run-cli.js";

const pinned = JSON.parse(
  readFileSync(join(ROOT, "test/pinned/hengyang-2019-daily.results.json"), "utf8"),
) as { id: string; actual: number | null; status: string }[];
const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", LANG: "en_US.UTF-8" },
  });
  if (result.error) throw result.error;
  return result;
}

describe("the packed tarball installs globally and runs without the repo", () => {
  let dir: string;
  let bin: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "hy-install-"));
    // --ignore-scripts: `npm test` has just built dist/, so `prepare` need not build it again.
    const pack = run("npm", ["pack", "--ignore-scripts", "--pack-destination", dir], ROOT);
    expect(pack.status, pack.stderr).toBe(0);
    const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
    expect(tarball).toBe(`hy-check-${version}.tgz`);
    const prefix = join(dir, "prefix");
    const install = run(
      "npm",
      [
        "install",
        "-g",
        "--prefix",
        prefix,
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        join(dir, tarball!),
      ],
      dir,
    );
    expect(install.status, install.stderr).toBe(0);
    bin = join(prefix, "bin", "hy-check");
  }, 300_000);

  /** The example export as the installed package ships it. */
  const installedFixture = () =>
    join(dir, "prefix", "lib", "node_modules", "hy-check", "fixtures", "hengyang-2019-daily.csv");

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("hy-check --version prints the package's version", () => {
    const out = run(bin, ["--version"], dir);
    expect(out.status).toBe(0);
    expect(out.stdout.trim()).toBe(version);
  });

  it("checks the shipped fixture against the shipped targets: the pinned figures, exit 0 as none fails", () => {
    const fixture = installedFixture();
    const out = run(bin, [fixture, "-f", "json"], dir);
    // No pinned result fails (the water and ledger targets lack their data), so --fail-on fail exits 0.
    expect(pinned.some((r) => r.status === "fail")).toBe(false);
    expect(out.status, out.stderr).toBe(0);
    const report = JSON.parse(out.stdout) as {
      results: { id: string; actual: number | null; status: string }[];
    };
    for (const p of pinned) {
      const r = report.results.find((x) => x.id === p.id);
      expect(r, p.id).toBeDefined();
      expect([r!.actual, r!.status], p.id).toEqual([p.actual, p.status]);
    }
  });

  it("writes the year-end report with the embedded font from the installed package", () => {
    const fixture = installedFixture();
    const out = run(bin, ["report", fixture, "--lang", "zh"], dir);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/@font-face \{ font-family: "HY Noto Sans SC";/);
  });
});
