// Figures in a clause: numbers with their units, grouped into lists ("41、64ug/m3" is one list of two), and
// the years named (2018年), which are not figures.
import { unitAt, type UnitSpelling } from "./units.js";

export interface Figure {
  value: number;
  /** The number as written, e.g. "1.5". */
  written: string;
  unit: UnitSpelling | undefined;
  start: number;
  end: number;
}

export interface FigureList {
  figures: Figure[];
  start: number;
  end: number;
}

/** Full-width digits, ％ and ． as ASCII, one character for one, so positions stay those of the plan's text. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９％．]/g, (c) =>
    c === "％" ? "%" : c === "．" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30),
  );
}

/**
 * The figures of a clause. A number inside a name (PM2.5, NO2, O3) is not one, nor a year (2018年), a date
 * or a code (2019-05-15, 08:57, 20号).
 */
export function figuresIn(clause: string): { figures: Figure[]; years: number[] } {
  const text = asciiDigits(clause);
  const figures: Figure[] = [];
  const years: number[] = [];
  for (const m of text.matchAll(/\d+(?:\.\d+)?/g)) {
    const start = m.index;
    const written = m[0];
    const before = text[start - 1] ?? "";
    let end = start + written.length;
    if (/[A-Za-z.\d₀-₉\-/:]/.test(before)) continue;
    while (text[end] === " ") end++;
    const next = text[end] ?? "";
    if (next === "年") {
      if (written.length === 4) years.push(Number(written));
      continue;
    }
    if (/[月日号时点\-:/]/.test(next) || /^周年|^周岁/.test(text.slice(end, end + 2))) continue;
    const unit = unitAt(text, end);
    figures.push({ value: Number(written), written, unit, start, end: end + (unit?.spelling.length ?? 0) });
  }
  return { figures, years };
}

/** Figures joined by 、和及与 (or nothing but spaces) form one list; a figure without a unit takes the list's last unit. */
export function figureLists(clause: string, figures: readonly Figure[]): FigureList[] {
  const lists: FigureList[] = [];
  for (const f of figures) {
    const last = lists[lists.length - 1];
    if (last && /^\s*(?:、|和|及|与|或)?\s*$/.test(clause.slice(last.end, f.start))) {
      last.figures.push(f);
      last.end = f.end;
    } else lists.push({ figures: [f], start: f.start, end: f.end });
  }
  for (const list of lists) {
    const unit = [...list.figures].reverse().find((f) => f.unit)?.unit;
    list.figures = list.figures.map((f) => (f.unit || !unit ? f : { ...f, unit }));
  }
  return lists;
}
