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
/** Neighbouring elements of an array written by one JSON.stringify, at most. */
const LEAF_RUN = 256;

/**
 * The text jsonText() gives, in pieces of about 64 Ki characters: a national report (13 MB, the data
 * capture of every station-month) is written without ever being one string, nor its UTF-8 copy.
 */
export function* jsonChunks(report: object): Generator<string> {
  let pending: string[] = [];
  let size = 0;
  const all = laidOut(report, 0)
    ? pieces(report, "", 0)
    : [(JSON.stringify(report, null, 2) as string | undefined) ?? ""];
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
    let i = 0;
    while (i < value.length) {
      const item = value[i];
      if (laidOut(item, depth + 1)) {
        yield `${i === 0 ? "[" : ","}\n${inner}`;
        yield* pieces(item, inner, depth + 1);
        i++;
        continue;
      }
      // A run of elements written by one JSON.stringify (a national report's 20,000 station-months: one
      // call each took 0.1 s): its text is theirs, each line `indent` deeper.
      let end = i + 1;
      while (end < value.length && end - i < LEAF_RUN && !laidOut(value[end], depth + 1)) end++;
      const run = JSON.stringify(value.slice(i, end), null, 2);
      // "[\n  a,\n  b\n]": the elements without the brackets, already two deeper than the array.
      const elements = run.slice(2, -2).replaceAll("\n", `\n${indent}`);
      yield `${i === 0 ? "[" : ","}\n${indent}${elements}`;
      i = end;
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  const keys = Object.keys(value);
  let k = 0;
  while (k < keys.length) {
    const key = keys[k]!;
    const item = value[key];
    if (laidOut(item, depth + 1)) {
      yield `${first ? "{" : ","}\n${inner}${JSON.stringify(key)}: `;
      yield* pieces(item, inner, depth + 1);
      first = false;
      k++;
      continue;
    }
    // A run of members written by one JSON.stringify of an object holding them alone (in the same order:
    // integer keys come first in both); members JSON has no text for are left out by it, as from the whole.
    const run = Object.create(null) as Record<string, unknown>;
    let end = k;
    while (end < keys.length && end - k < LEAF_RUN && !laidOut(value[keys[end]!], depth + 1)) {
      run[keys[end]!] = value[keys[end]!];
      end++;
    }
    k = end;
    const text = JSON.stringify(run, null, 2);
    if (text === "{}") continue;
    // '{\n  "a": 1,\n  "b": 2\n}': the members without the braces, already two deeper than the object.
    yield `${first ? "{" : ","}\n${indent}${text.slice(2, -2).replaceAll("\n", `\n${indent}`)}`;
    first = false;
  }
  yield first ? "{}" : `\n${indent}}`;
}
