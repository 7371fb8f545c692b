// The report's own CJK font: the glyphs a document uses, cut from Noto Sans SC (SIL Open Font License 1.1,
// from the @fontsource/noto-sans-sc package; licence text in LICENSES/OFL-1.1-NotoSansSC.txt) and embedded
// as data URLs, so Chinese renders on a machine with no CJK font (a server, a CI runner, a locked-down PC)
// and the file stays self-contained. The package splits the font into numbered pieces by Unicode range;
// each piece holding a used character is subset with harfbuzz (subset-font, wasm) to just those characters.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The family name the report's CSS and charts ask for; its own name, so no installed font shadows it. */
export const EMBEDDED_FONT = "HY Noto Sans SC";

const FONT_PACKAGE = "@fontsource/noto-sans-sc";

/** `U+4e00-4e0f,U+4e11` as inclusive code-point ranges. */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(",").map((part) => {
    const [from = "", to] = part.trim().replace(/^U\+/i, "").split("-");
    const start = parseInt(from, 16);
    return [start, to === undefined ? start : parseInt(to, 16)];
  });
}

/** A set of code points as a CSS unicode-range, runs joined (`U+4e00-4e02,U+4e05`). */
export function unicodeRange(codePoints: readonly number[]): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const hex = (n: number) => n.toString(16);
    parts.push(j === i ? `U+${hex(sorted[i]!)}` : `U+${hex(sorted[i]!)}-${hex(sorted[j]!)}`);
    i = j + 1;
  }
  return parts.join(",");
}

/** From the CJK radicals on: ideographs, CJK punctuation, kana, full-width forms. */
const FIRST_CJK = 0x2e80;

/**
 * The CJK characters a text uses. Only those: the embedded face comes first in the font stack (a system
 * Latin face before it made Chromium draw some ideographs as boxes), so Latin letters, digits and Western
 * punctuation must fall through it to the Latin faces.
 */
export function usedCodePoints(text: string): number[] {
  const seen = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= FIRST_CJK) seen.add(cp);
  }
  return [...seen].sort((a, b) => a - b);
}

/** The package's pieces (`[12]` -> `12`) with the code points of `used` each covers; each point once. */
export function piecesFor(
  pieces: Record<string, string>,
  used: readonly number[],
): { piece: string; codePoints: number[] }[] {
  const left = new Set(used);
  const out: { piece: string; codePoints: number[] }[] = [];
  for (const [name, range] of Object.entries(pieces)) {
    const ranges = parseUnicodeRange(range);
    const mine = [...left].filter((cp) => ranges.some(([a, b]) => cp >= a && cp <= b));
    if (mine.length === 0) continue;
    for (const cp of mine) left.delete(cp);
    out.push({ piece: name.replace(/^\[(.*)\]$/, "$1"), codePoints: mine });
  }
  return out;
}

/**
 * @font-face rules embedding the glyphs of `text` (regular weight; bold is synthesised), one per piece used.
 * Empty when the text has no character beyond ASCII or the font package is not installed (the font stack's
 * system faces then do what they can).
 */
export async function embeddedFontCss(text: string): Promise<string> {
  const used = usedCodePoints(text);
  if (used.length === 0) return "";
  let root: string;
  try {
    root = dirname(createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/package.json`));
  } catch {
    return "";
  }
  const pieces = JSON.parse(await readFile(join(root, "unicode.json"), "utf8")) as Record<string, string>;
  const { default: subsetFont } = await import("subset-font");
  const rules: string[] = [];
  // One piece at a time: the subsetter is a single wasm instance, and WOFF (zlib) in and out is some
  // times faster than WOFF2 (brotli) for a file a little larger.
  for (const { piece, codePoints } of piecesFor(pieces, used)) {
    const source = await readFile(join(root, "files", `noto-sans-sc-${piece}-400-normal.woff`));
    const subset = await subsetFont(source, String.fromCodePoint(...codePoints), { targetFormat: "woff" });
    rules.push(
      `@font-face { font-family: "${EMBEDDED_FONT}"; font-style: normal; font-weight: 400; ` +
        `src: url(data:font/woff;base64,${subset.toString("base64")}) format("woff"); ` +
        `unicode-range: ${unicodeRange(codePoints)}; }`,
    );
  }
  return [`/* ${EMBEDDED_FONT}: a subset of Noto Sans SC, SIL Open Font License 1.1 */`, ...rules].join("\n");
}
