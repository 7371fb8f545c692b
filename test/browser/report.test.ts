// The year-end report in a real browser: Debian's Chromium, driven by playwright-core (no browser download),
// opens the HTML from disk; the charts must be there and visible, nothing logged as an error, nothing
// fetched, nothing cut at A4 width. The screenshot is kept at test-output/report.png for a person to look at.
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";

import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { runCli } from "../helpers/run-cli.js";
import { chromiumAvailable, FILES, launchChromium, OUT } from "./chromium.js";

const available = chromiumAvailable("test/browser/report.test.ts");

/** A4 at 96 dpi less the report's 11 mm print margins: the width a printed chart must fit. */
const A4_CONTENT_PX = Math.floor(((210 - 22) / 25.4) * 96);

describe.skipIf(!available)("the year-end report in Chromium", () => {
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const errors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const html = join(OUT, "report.html");
    const run = runCli(["report", ...FILES, "--lang", "zh", "-o", html]);
    expect(run.status, run.stderr).toBe(0);
    ({ context, profile } = await launchChromium({ width: 900, height: 1200 }));
    page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it("shows every chart, visible, with a non-zero size", async () => {
    const charts = page.locator("figure.chart svg");
    expect(await charts.count()).toBe(6);
    for (const svg of await charts.all()) {
      expect(await svg.isVisible()).toBe(true);
      const box = await svg.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(300);
      expect(box?.height ?? 0).toBeGreaterThan(100);
      // Drawn, not empty: bars, cells or lines inside.
      expect(await svg.locator("path, rect").count()).toBeGreaterThan(10);
    }
    expect(await page.locator("tbody.target").count()).toBeGreaterThan(30);
  });

  it("logs no error and fetches nothing but the file itself", () => {
    expect(errors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith("file:") && !url.startsWith("data:"))).toEqual([]);
  });

  it("fits A4 in print: nothing wider than the printable width, the charts whole", async () => {
    await page.setViewportSize({ width: A4_CONTENT_PX, height: 1100 });
    await page.emulateMedia({ media: "print" });
    // An expression, not a function: the test compiles without the DOM typings.
    const overflow = Number(
      await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"),
    );
    expect(overflow).toBeLessThanOrEqual(0);
    for (const svg of await page.locator("figure.chart svg").all()) {
      const box = await svg.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(A4_CONTENT_PX + 0.5);
    }
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    writeFileSync(join(OUT, "report.pdf"), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 900, height: 1200 });
  });

  it("saves a screenshot of the whole page to test-output/report.png", async () => {
    const path = join(OUT, "report.png");
    await page.screenshot({ path, fullPage: true });
    expect(existsSync(path)).toBe(true);
  });
});
