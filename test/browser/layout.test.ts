// The year-end report on a phone and on a desktop, in both languages, in Debian's Chromium (playwright-core,
// no browser download): no sideways scroll of the page, no status badge over a figure, chart text at least
// 10 px, and the Chinese drawn with the font embedded in the file, whatever fonts the machine has. CI's
// machine has no CJK font (`fc-list :lang=zh` prints nothing; logged below), so boxes would show without it.
// Screenshots go to test-output/report-<lang>-<width>.png for a person to look at.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";

import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { runCli } from "../helpers/run-cli.js";
import { chromiumAvailable, FILES, launchChromium, OUT } from "./chromium.js";

const available = chromiumAvailable("test/browser/layout.test.ts");

/** The CJK fonts the machine has, by fontconfig; empty on CI's machine (or unknown without fc-list). */
function systemCjkFonts(): string {
  try {
    return execFileSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" }).trim();
  } catch {
    return "(fc-list not found)";
  }
}

// Expressions, not functions: the tests compile without the DOM typings.
const PAGE_OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth";

/** Pairs of boxes that overlap: each badge against the figures of its row and the value of its card. */
const BADGE_OVERLAPS = `(() => {
  const hit = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const out = [];
  for (const row of document.querySelectorAll("tbody.target tr.main")) {
    const badge = row.querySelector(".badge").getBoundingClientRect();
    const cell = row.querySelector("td.status").getBoundingClientRect();
    if (badge.right > cell.right + 0.5 || badge.left < cell.left - 0.5) out.push(row.parentElement.dataset.id + ": badge outside its cell");
    for (const td of row.querySelectorAll("td.num")) {
      if (td.textContent === "") continue;
      if (hit(badge, td.getBoundingClientRect())) out.push(row.parentElement.dataset.id + ": badge over " + td.dataset.field);
    }
  }
  for (const card of document.querySelectorAll(".card")) {
    const badge = card.querySelector(".badge").getBoundingClientRect();
    const box = card.getBoundingClientRect();
    if (hit(badge, card.querySelector(".v").getBoundingClientRect())) out.push(card.dataset.id + ": badge over the card's value");
    if (badge.right > box.right + 0.5) out.push(card.dataset.id + ": badge outside its card");
  }
  return out;
})()`;

/** The smallest chart text as drawn: its font size times the chart's scale on the page. */
const SMALLEST_CHART_TEXT = `(() => {
  let min = Infinity;
  for (const svg of document.querySelectorAll("figure.chart svg")) {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    for (const text of svg.querySelectorAll("text")) {
      if (text.textContent.trim() === "") continue;
      min = Math.min(min, parseFloat(getComputedStyle(text).fontSize) * scale);
    }
  }
  return min;
})()`;

describe.skipIf(!available)("the year-end report on a phone and a desktop", () => {
  let context: BrowserContext;
  let profile: string;
  const pages: Partial<Record<"zh" | "en", Page>> = {};

  beforeAll(async () => {
    console.info(`CJK fonts on this machine (fc-list :lang=zh): ${systemCjkFonts() || "none"}`);
    mkdirSync(OUT, { recursive: true });
    ({ context, profile } = await launchChromium({ width: 1280, height: 900 }));
    for (const lang of ["zh", "en"] as const) {
      const html = join(OUT, `report-${lang}.html`);
      const run = runCli(["report", ...FILES, "--lang", lang, "-o", html]);
      expect(run.status, run.stderr).toBe(0);
      const page = await context.newPage();
      await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
      await page.evaluate("document.fonts.ready.then(() => true)");
      pages[lang] = page;
    }
  }, 90_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  for (const lang of ["zh", "en"] as const)
    for (const width of [390, 1280]) {
      it(`${lang} at ${width} px: no sideways scroll, no badge over a figure, chart text at least 10 px`, async () => {
        const page = pages[lang]!;
        await page.setViewportSize({ width, height: 900 });
        expect(Number(await page.evaluate(PAGE_OVERFLOW))).toBeLessThanOrEqual(0);
        expect(await page.evaluate(BADGE_OVERLAPS)).toEqual([]);
        expect(Number(await page.evaluate(SMALLEST_CHART_TEXT))).toBeGreaterThanOrEqual(10);
        const path = join(OUT, `report-${lang}-${width}.png`);
        await page.screenshot({ path, fullPage: true });
        expect(existsSync(path)).toBe(true);
      });
    }

  it("draws the Chinese of the title, the tables and the charts with the embedded font", async () => {
    const page = pages.zh!;
    expect(await page.evaluate(`document.fonts.check('16px "HY Noto Sans SC"', "年度评估报告")`)).toBe(true);
    // What Chromium actually drew each element's glyphs with (DevTools' platform-fonts query).
    const cdp = await context.newCDPSession(page);
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: -1, pierce: false });
    for (const selector of ["h1", ".card .t", "tbody.target td.name div", "th", "figure.chart svg text"]) {
      // The first such element with Chinese in it (a chart's first text may be an axis figure).
      const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector });
      let nodeId = 0;
      for (const id of nodeIds) {
        const { outerHTML } = await cdp.send("DOM.getOuterHTML", { nodeId: id });
        if (/>[^<]*[\u4e00-\u9fff]/.test(outerHTML)) {
          nodeId = id;
          break;
        }
      }
      expect(nodeId, selector).toBeGreaterThan(0);
      const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
      const embedded = fonts.filter((f) => f.isCustomFont && /Noto Sans SC/i.test(f.familyName));
      expect(embedded.length, `${selector}: ${JSON.stringify(fonts)}`).toBe(1);
      expect(embedded[0]!.glyphCount).toBeGreaterThan(0);
    }
  });
});
