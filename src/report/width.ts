// Terminal width: how wide the table may be, text measured and wrapped in display columns (a CJK
// character takes two), and which table columns to keep at a width.
import stringWidth from "string-width";

/** The table's width when the output is piped and COLUMNS is not set. */
export const PIPED_WIDTH = 100;

/** The columns the table may use: the terminal's when stdout is one, else COLUMNS, else 100. */
export function terminalWidth(out: {
  isTTY?: boolean;
  columns?: number;
  env: Readonly<Record<string, string | undefined>>;
}): number {
  if (out.isTTY && out.columns !== undefined && out.columns > 0) return out.columns;
  const columns = Number(out.env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : PIPED_WIDTH;
}

/** Display columns of a text (escape codes take none, CJK characters two), of its widest line. */
export function displayWidth(text: string): number {
  return Math.max(0, ...text.split("\n").map((line) => stringWidth(line)));
}

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u;

/**
 * The pieces a line may break between: runs of spaces; single CJK characters; words, each ending after a
 * `/`, `_`, `,`, `;`, a `.` not followed by a digit (so `air.urban.pm25` breaks, `84.0` does not), or a
 * hyphen between letters (`vertical-management`, not `-50.0`).
 */
function pieces(text: string): string[] {
  const out: string[] = [];
  let piece = "";
  const flush = () => {
    if (piece) out.push(piece);
    piece = "";
  };
  const chars = [...text];
  chars.forEach((ch, i) => {
    const space = /\s/.test(ch);
    if (CJK.test(ch) || space !== /^\s/.test(piece || ch)) flush();
    piece += ch;
    const next = chars[i + 1] ?? "";
    const prev = chars[i - 1] ?? "";
    const hyphen = ch === "-" && /\p{L}/u.test(prev) && /\p{L}/u.test(next);
    if (CJK.test(ch) || /[/_,;]/.test(ch) || (ch === "." && !/\d/.test(next)) || hyphen) flush();
  });
  flush();
  return out;
}

/** Splits a piece wider than `width` into pieces of at most `width` columns. */
function hardBreak(piece: string, width: number): string[] {
  const parts: string[] = [];
  let part = "";
  for (const ch of piece) {
    if (part && displayWidth(part + ch) > width) {
      parts.push(part);
      part = "";
    }
    part += ch;
  }
  return part ? [...parts, part] : parts;
}

/**
 * A line of text wrapped to lines of at most `width` display columns: at spaces, after `.`, `/`, `_`,
 * `,`, `;`, or between CJK characters; a word wider than the width is cut. Leading spaces of the text
 * indent every line after the first by as much.
 */
export function wrapText(text: string, width: number): string[] {
  if (displayWidth(text) <= width) return [text];
  const indent = /^ */.exec(text)?.[0] ?? "";
  const hanging = indent.length < width / 2 ? indent : "";
  const lines: string[] = [];
  let line = "";
  for (const piece of pieces(text.slice(indent.length))) {
    const prefix = lines.length === 0 ? indent : hanging;
    if (/^\s+$/.test(piece)) {
      if (line) line += piece;
      continue;
    }
    for (const part of hardBreak(piece, Math.max(1, width - prefix.length))) {
      if (line && displayWidth(prefix + line + part) > width) {
        lines.push(prefix + line.trimEnd());
        line = "";
      }
      line += part;
    }
  }
  if (line) lines.push((lines.length === 0 ? indent : hanging) + line.trimEnd());
  return lines;
}

/** The widest unbreakable piece of a text: the least a column may be and still wrap it without cutting. */
export function longestPiece(text: string): number {
  return Math.max(0, ...text.split("\n").flatMap((line) => pieces(line).map(displayWidth)));
}

export interface ColumnFit {
  /** Indices of the columns kept, in order. */
  kept: number[];
  /** The content width of each kept column (without padding). */
  widths: number[];
}

/**
 * Which columns a table of `width` display columns keeps, and how wide each is. `natural` is each
 * column's widest cell, `minimum` the least it may be wrapped to; `dropOrder` lists the columns that may
 * go, least important first; `padding` the columns each cell adds, `border` those between and around.
 * The column with the most room over its minimum gives way first (`shrinkLast` ones last); a column
 * goes only when the kept ones cannot wrap any further. When even the kept ones at their minimum are too wide, the table is wider than `width`.
 */
export function fitColumns(input: {
  natural: readonly number[];
  minimum: readonly number[];
  dropOrder: readonly number[];
  /** Columns that give way only when the others are at their minimum (the one that should stay wide). */
  shrinkLast?: readonly number[];
  width: number;
  padding: number;
  border: number;
}): ColumnFit {
  const { natural, minimum, width, padding, border } = input;
  let kept = natural.map((_, i) => i);
  const total = (cols: readonly number[], widths: (i: number) => number) =>
    cols.reduce((sum, i) => sum + widths(i) + padding, border * (cols.length + 1));
  const least = (i: number) => Math.min(minimum[i] ?? 0, natural[i] ?? 0);
  for (const drop of input.dropOrder) {
    if (total(kept, least) <= width) break;
    kept = kept.filter((i) => i !== drop);
  }
  const widths = new Map(kept.map((i) => [i, natural[i] ?? 0]));
  let excess = total(kept, (i) => widths.get(i) ?? 0) - width;
  while (excess > 0) {
    // The column with the most room above its minimum gives a column, the last ones last.
    const others = kept.filter((i) => !input.shrinkLast?.includes(i));
    const shrinkable = others.some((i) => (widths.get(i) ?? 0) > least(i)) ? others : kept;
    let widest = -1;
    for (const i of shrinkable) {
      const room = (widths.get(i) ?? 0) - least(i);
      if (room > 0 && (widest < 0 || room > (widths.get(widest) ?? 0) - least(widest))) widest = i;
    }
    if (widest < 0) break;
    widths.set(widest, (widths.get(widest) ?? 0) - 1);
    excess--;
  }
  return { kept, widths: kept.map((i) => widths.get(i) ?? 0) };
}
