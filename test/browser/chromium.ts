// What the browser tests share: Debian's Chromium (HY_CHROMIUM points at another build, or at nothing to see
// the skip), its flags for a sandboxed machine without network, where they write, and the report's inputs.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { ROOT } from "../helpers/run-cli.js";

export const CHROMIUM = process.env.HY_CHROMIUM ?? "/usr/bin/chromium";
export const OUT = join(ROOT, "test-output");
export const FILES = [
  "fixtures/hengyang-2019-daily.csv",
  "fixtures/hengyang-2019-water.csv",
  "fixtures/hengyang-ledger.csv",
];

/** Whether Chromium is there; when not, `test` says it skips and why. */
export function chromiumAvailable(test: string): boolean {
  const available = existsSync(CHROMIUM);
  if (!available)
    console.warn(
      `${test}: skipped, ${CHROMIUM} is absent (apt-get install chromium; .ci/run installs it in CI)`,
    );
  return available;
}

/** No GPU, no background connections to Google's hosts. */
export const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Chromium with a fresh profile (launchPersistentContext is how playwright takes a --user-data-dir); the
 * caller removes `profile` when done.
 */
export async function launchChromium(viewport: {
  width: number;
  height: number;
}): Promise<{ context: BrowserContext; profile: string }> {
  const { chromium } = await import("playwright-core");
  const profile = mkdtempSync(join(tmpdir(), "hy-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
  });
  return { context, profile };
}
