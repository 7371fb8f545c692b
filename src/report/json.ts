// The JSON contract (schemaVersion 1): numbers as JSON numbers, rounded as reported.
import type { Formatter } from "./format.js";

/** A report as JSON, indented by two, with a final newline: the engine's check and validate reports alike. */
export function jsonText(report: object): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export const formatJson: Formatter = (report) => jsonText(report);

/** Pieces are joined up to about this many characters before they are handed on. */
const CHUNK = 1 << 16;
/** Objects and arrays this deep and deeper are written by one JSON.stringify each. */
const PIECE_DEPTH = 4;

/**
 * The text jsonText() gives, in pieces of about 64 Ki characters: a national report (13 MB, the data
 * capture of every station-month) is written without ever being one string, nor its UTF-8 copy.
 */
export function* jsonChunks(report: object): Generator<string> {
  let pending: string[] = [];
  let size = 0;
  const all = laidOut(report, 0) ? pieces(report, "", 0) : [leafText(report, "") ?? ""];
  for (const piece of all) {
    pending.push(piece);
    size += piece.length;
    if (size < CHUNK) continue;
    yield pending.join("");
    pending = [];
    size = 0;
  }
  pending.push("\n");
  yield pending.join("");
}

/** Plain objects and arrays above PIECE_DEPTH are laid out here; anything else by one JSON.stringify. */
function laidOut(value: unknown, depth: number): value is Record<string, unknown> | unknown[] {
  if (depth >= PIECE_DEPTH || typeof value !== "object" || value === null) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return false;
  if (Array.isArray(value)) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** JSON.stringify(value, null, 2) as it appears `indent` deep; undefined where JSON.stringify gives none. */
function leafText(value: unknown, indent: string): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  // JSON.stringify escapes line breaks inside strings: every "\n" of its text starts an indented line.
  return text === undefined || indent === "" ? text : text.replaceAll("\n", `\n${indent}`);
}

/** The text of a laid-out object or array `indent` deep, in pieces. */
function* pieces(
  value: Record<string, unknown> | unknown[],
  indent: string,
  depth: number,
): Generator<string> {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield "[]";
      return;
    }
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? "[" : ","}\n${inner}`;
      const item = value[i];
      // An element JSON has no text for (undefined, a function) is null, as JSON.stringify writes it.
      if (laidOut(item, depth + 1)) yield* pieces(item, inner, depth + 1);
      else yield leafText(item, inner) ?? "null";
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const item = value[key];
    const head = `${first ? "{" : ","}\n${inner}${JSON.stringify(key)}: `;
    if (laidOut(item, depth + 1)) {
      yield head;
      yield* pieces(item, inner, depth + 1);
    } else {
      const text = leafText(item, inner);
      // A member JSON has no text for is left out, as JSON.stringify leaves it out.
      if (text === undefined) continue;
      yield head + text;
    }
    first = false;
  }
  yield first ? "{}" : `\n${indent}}`;
}
