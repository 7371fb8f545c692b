// Text encodings of CSV exports: UTF-8 (with or without BOM) or GB18030/GBK, as Chinese Excel saves them.
import { Transform, type TransformCallback } from "node:stream";
import { type InputError, inputError, keyedMessage, keyedProblem } from "../errors.js";

export const ENCODINGS = ["auto", "utf-8", "gb18030", "gbk"] as const;
export type EncodingOption = (typeof ENCODINGS)[number];
export type TextEncodingName = Exclude<EncodingOption, "auto">;

/**
 * Picks the encoding from the first bytes: a UTF-8 BOM or bytes that decode as UTF-8 mean UTF-8,
 * anything else GB18030 (a superset of GBK and GB2312). A sample cut inside a character is fine:
 * the streaming decoder keeps the incomplete tail.
 */
export function detectEncoding(sample: Uint8Array): TextEncodingName {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return "utf-8";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
    return "utf-8";
  } catch {
    // A UTF-8 export with a stray GBK line (two files pasted together) is UTF-8 with a bad line, which
    // is then reported at its line; a GBK file has (almost) no line that is valid non-ASCII UTF-8.
    let utf8 = 0;
    let bad = 0;
    const lines = splitLines(sample);
    for (const line of lines.slice(0, -1)) {
      if (line.every((b) => b < 0x80)) continue;
      if (isUtf8(line)) utf8++;
      else bad++;
    }
    return utf8 > 0 && utf8 >= bad ? "utf-8" : "gb18030";
  }
}

function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++)
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  lines.push(bytes.subarray(start));
  return lines;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * A text encoding hy-check does not read, told from the first bytes: UTF-16 by its byte-order mark, or by
 * every other byte being NUL (ASCII text in UTF-16 without a BOM). Undefined for anything else: a file of
 * NULs only is not text in any encoding, and is stopped as such later.
 */
export function unreadableEncoding(sample: Uint8Array): string | undefined {
  if (sample[0] === 0xff && sample[1] === 0xfe) return "UTF-16 (byte-order mark FF FE)";
  if (sample[0] === 0xfe && sample[1] === 0xff) return "UTF-16 (byte-order mark FE FF)";
  let little = 0;
  let big = 0;
  const pairs = Math.floor(sample.length / 2);
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] !== 0 && sample[i + 1] === 0) little++;
    else if (sample[i] === 0 && sample[i + 1] !== 0) big++;
  }
  if (pairs >= 2 && little * 2 >= pairs) return "UTF-16 (every other byte is NUL)";
  if (pairs >= 2 && big * 2 >= pairs) return "UTF-16 (every other byte is NUL)";
  return undefined;
}

/** HY-ENCODING at line 1 for a file in an encoding hy-check does not read (UTF-16). */
export function unreadableEncodingError(file: string, sample: Uint8Array): InputError | undefined {
  const found = unreadableEncoding(sample);
  if (found === undefined) return undefined;
  const bom = /byte-order mark (\w\w \w\w)/.exec(found)?.[1];
  return inputError(
    keyedProblem(
      { file, line: 1, col: 1, code: "HY-ENCODING" },
      bom ? "input.encoding.utf16Bom" : "input.encoding.utf16Nul",
      bom ? { bom } : {},
    ),
  );
}

/** Characters (code points) in a text: a column counts a character outside the BMP once. */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

/**
 * The 1-based character column where a line's first undecodable sequence starts: the characters decoded
 * before it, plus one. The shortest prefix that fails to decode ends inside that sequence (a longer prefix
 * holds the same error, so the search may halve); the prefix one byte shorter decodes to the characters
 * before it, its incomplete tail being the bad sequence's start.
 */
function badColumn(line: Uint8Array, encoding: TextEncodingName, atEnd: boolean): number {
  const fails = (k: number) => {
    try {
      new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(line.subarray(0, k), {
        stream: !(atEnd && k === line.length),
      });
      return false;
    } catch {
      return true;
    }
  };
  let lo = 1;
  let hi = line.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fails(mid)) hi = mid;
    else lo = mid + 1;
  }
  // A BOM is not counted, as an editor does not show it.
  const before = new TextDecoder(encoding).decode(line.subarray(0, lo - 1), {
    stream: true,
  });
  return codePoints(before) + 1;
}

/** The first line of a chunk that does not decode in the encoding (the chunk's own lines), and its column. */
function firstBad(
  chunk: Uint8Array,
  encoding: TextEncodingName,
  atEnd: boolean,
): { index: number; col: number } {
  const lines = splitLines(chunk);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? new Uint8Array(0);
    const last = i === lines.length - 1;
    try {
      new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(line, { stream: last && !atEnd });
    } catch {
      return { index: i, col: badColumn(line, encoding, atEnd && last) };
    }
  }
  return { index: 0, col: 1 };
}

/**
 * Follows the bytes of a file read as GB18030 line by line, for a line that is valid UTF-8 holding a
 * multi-byte UTF-8 sequence (CJK saved as UTF-8 pasted into a GBK export): such a line decodes as GB18030
 * to other characters (常宁 -> 甯稿畞), so it is stopped, as a GBK line in a UTF-8 file is. State is kept
 * across chunks: a line may be cut anywhere.
 */
class Utf8LineWatch {
  /** Byte offset in the line of its first multi-byte UTF-8 sequence, or -1. */
  private firstMulti = -1;
  private offset = 0;
  private valid = true;
  /** Continuation bytes still due, and the range the next one must fall in (WHATWG UTF-8). */
  private due = 0;
  private lo = 0x80;
  private hi = 0xbf;

  /** Reads bytes; returns the index (in `bytes`) of the line end closing the first mixed line, and its column. */
  scan(bytes: Uint8Array): { at: number; col: number } | undefined {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] ?? 0;
      if (b === 0x0a) {
        const mixed = this.valid && this.due === 0 && this.firstMulti >= 0;
        const col = this.firstMulti + 1;
        this.reset();
        if (mixed) return { at: i, col };
        continue;
      }
      this.byte(b);
    }
    return undefined;
  }

  /** At the end of the file: the last line, when it had no line end. */
  end(): number | undefined {
    return this.valid && this.due === 0 && this.firstMulti >= 0 ? this.firstMulti + 1 : undefined;
  }

  private reset(): void {
    this.firstMulti = -1;
    this.offset = 0;
    this.valid = true;
    this.due = 0;
  }

  private byte(b: number): void {
    const at = this.offset++;
    if (!this.valid) return;
    if (this.due > 0) {
      if (b < this.lo || b > this.hi) this.valid = false;
      this.due--;
      this.lo = 0x80;
      this.hi = 0xbf;
      return;
    }
    if (b < 0x80) return;
    // The byte offset is the character column: every byte before a line's first multi-byte sequence is ASCII.
    if (this.firstMulti < 0) this.firstMulti = at;
    if (b >= 0xc2 && b <= 0xdf) this.due = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      this.due = 2;
      if (b === 0xe0) this.lo = 0xa0;
      if (b === 0xed) this.hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      this.due = 3;
      if (b === 0xf0) this.lo = 0x90;
      if (b === 0xf4) this.hi = 0x8f;
    } else this.valid = false;
  }
}

/** What the bytes are and the one fix; `--encoding` is named only where the command takes it (data files). */
function badBytesMessage(encoding: TextEncodingName, withOption: boolean) {
  if (encoding !== "utf-8")
    return keyedMessage("input.encoding.notOther", { encoding: encoding.toUpperCase() });
  return keyedMessage(withOption ? "input.encoding.notUtf8Option" : "input.encoding.notUtf8");
}

function mixedMessage(withOption: boolean) {
  return keyedMessage(withOption ? "input.encoding.mixedOption" : "input.encoding.mixed");
}

/** The most bytes of one line kept to place a bad byte in it: more than the longest line read (2 Mi characters). */
const MAX_PARTIAL_BYTES = 8 * 1024 * 1024;

/**
 * Bytes -> text, chunk by chunk, failing with file, line and column when the bytes are not in the
 * encoding, or (a detected GB18030 file) when a line is UTF-8.
 */
export class LineDecoder {
  private readonly decoder: InstanceType<typeof TextDecoder>;
  private line: number;
  // The bytes of the line the last chunk ended in: a chunk may start inside a character, which decodes only
  // with them (else the bad line found would be the chunk's first, wherever the bad bytes are).
  private partial: Uint8Array = new Uint8Array(0);
  /** The partial line starts at a line start (false once a line outgrew a chunk: its column is then unknown). */
  private partialWhole = true;
  private readonly watch: Utf8LineWatch | undefined;

  constructor(
    private readonly file: string,
    private readonly encoding: TextEncodingName,
    firstLine = 1,
    detected = false,
    /** Messages may name `--encoding` (a data file; a target file has no such option). */
    private readonly withOption = true,
  ) {
    // Mid-file (a reader that continues from a line) a BOM is text, as it would be to a reader from the start.
    this.decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: firstLine > 1 });
    this.line = firstLine;
    this.watch = detected && encoding !== "utf-8" ? new Utf8LineWatch() : undefined;
  }

  push(chunk: Uint8Array): string {
    const mixed = this.watch?.scan(chunk);
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      const bad = firstBad(concat(this.partial, chunk), this.encoding, false);
      const before = mixed ? countBreaks(chunk.subarray(0, mixed.at)) : Infinity;
      if (mixed && before <= bad.index) throw this.mixedError(before, mixed.col);
      throw this.error(this.line + bad.index, bad.index === 0 && !this.partialWhole ? undefined : bad.col);
    }
    if (mixed) throw this.mixedError(countBreaks(chunk.subarray(0, mixed.at)), mixed.col);
    this.line += countBreaks(chunk);
    const lastBreak = chunk.lastIndexOf(0x0a);
    if (lastBreak !== -1) {
      this.partial = chunk.subarray(lastBreak + 1);
      this.partialWhole = true;
    } else if (this.partial.length + chunk.length <= MAX_PARTIAL_BYTES)
      this.partial = concat(this.partial, chunk);
    else {
      // A line longer than this keeps only its last chunk (memory stays bounded); its column is then unknown.
      this.partial = chunk;
      this.partialWhole = false;
    }
    return text;
  }

  end(): string {
    let text: string;
    try {
      text = this.decoder.decode();
    } catch {
      const bad = firstBad(this.partial, this.encoding, true);
      throw this.error(this.line, this.partialWhole ? bad.col : undefined);
    }
    const col = this.watch?.end();
    if (col !== undefined) throw this.mixedError(0, col);
    return text;
  }

  private mixedError(breaksBefore: number, col: number): InputError {
    return inputError({
      file: this.file,
      line: this.line + breaksBefore,
      col,
      code: "HY-ENCODING",
      ...mixedMessage(this.withOption),
    });
  }

  private error(line: number, col: number | undefined): InputError {
    return inputError({
      file: this.file,
      line,
      ...(col === undefined ? {} : { col }),
      code: "HY-ENCODING",
      ...badBytesMessage(this.encoding, this.withOption),
    });
  }
}

function countBreaks(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  return a.length === 0 ? b : Buffer.concat([a, b]);
}

/** A whole file's text (a target file), decoded as a data file is: the encoding detected, the same checks. */
export function decodeText(file: string, bytes: Uint8Array): string {
  const unreadable = unreadableEncodingError(file, bytes.subarray(0, 64 * 1024));
  if (unreadable) throw unreadable;
  const decoder = new LineDecoder(file, detectEncoding(bytes), 1, true, false);
  return decoder.push(bytes) + decoder.end();
}

/** A byte -> text transform that fails with file, line and column when the bytes are not in the encoding. */
export function decodeStream(
  file: string,
  encoding: TextEncodingName,
  firstLine = 1,
  detected = false,
): Transform {
  const decoder = new LineDecoder(file, encoding, firstLine, detected);
  return new Transform({
    readableObjectMode: false,
    decodeStrings: true,
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      try {
        cb(null, decoder.push(chunk));
      } catch (e) {
        cb(e instanceof Error ? e : new Error(String(e)));
      }
    },
    flush(cb: TransformCallback) {
      try {
        cb(null, decoder.end());
      } catch (e) {
        cb(e instanceof Error ? e : new Error(String(e)));
      }
    },
  });
}
