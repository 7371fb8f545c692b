// Streaming CSV reading: bytes -> text (detected encoding) -> records with their line numbers.
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { Transform } from "node:stream";
import { parse } from "csv-parse";
import { InputError, inputError, keyedMessage, keyedProblem, quoted, type MessageParam } from "../errors.js";
import {
  decodeStream,
  detectEncoding,
  unreadableEncodingError,
  type EncodingOption,
  type TextEncodingName,
} from "./encoding.js";
import type { ProgressSink } from "./progress.js";

export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  fields: string[];
}

export interface CsvSource {
  file: string;
  encoding: TextEncodingName;
  /** Bytes when opened. */
  size: number;
  header: CsvRecord;
  records: AsyncIterable<CsvRecord>;
  /** Set when the header is plainly line 1: where a byte reader may start on the data rows. */
  dataStart?: LineStart;
  /** Stops the stream (a reader that takes over from `dataStart` no longer needs it). */
  close: () => void;
  /** The field separator: `,` unless the file says otherwise (an Excel `sep=` line, or `;`/tab in its header). */
  delimiter?: string;
  /** Set when the records are a worksheet's rows: `line` is then the row number, field 1 column A. */
  sheet?: { name: string; format: "xlsx" | "xls" };
}

const SAMPLE_BYTES = 64 * 1024;

/**
 * The longest line (one record: its cells and separators) read, in characters: checked while streaming, so a
 * file without line breaks (a device, a binary) or a runaway cell stops at this size instead of filling memory.
 * A 1 MiB cell is still read (and rejected as a number); no export has lines this long.
 */
export const MAX_LINE_CHARS = 2 * 1024 * 1024;

/** The first 64 KiB of a file: its encoding, its container and its separator are told from them. */
export async function readSample(file: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(file, "r");
  } catch (e) {
    throw readError(file, e);
  }
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } catch (e) {
    throw readError(file, e);
  } finally {
    await handle.close();
  }
}

/** HY-READ: the file cannot be read, with the system's reason. */
export function readError(file: string, e: unknown): InputError {
  return inputError(keyedProblem({ file, code: "HY-READ" }, "input.cannotRead", { reason: fsReason(e) }));
}

/** HY-READ: fewer or more bytes were read than the file held when it was opened. */
export function changedWhileRead(file: string, size: number, read: number): InputError {
  return inputError({
    file,
    code: "HY-READ",
    ...keyedMessage("input.changedWhileRead", { size, read }),
  });
}

/** The message-table word for a system error hy-check names itself (`fs.missing` ...). */
function fsReasonKey(e: unknown): "missing" | "denied" | "folder" | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "missing";
  if (code === "EACCES" || code === "EPERM") return "denied";
  if (code === "EISDIR") return "folder";
  return undefined;
}

/** A system error as a message's `{reason}`: the table's words for those hy-check names, else the system's. */
export function fsReason(e: unknown): MessageParam {
  const key = fsReasonKey(e);
  return key ? { key: `fs.${key}` } : e instanceof Error ? e.message : String(e);
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (e) {
    throw readError(file, e);
  }
}

/**
 * Passes the bytes on and, at the end, fails when fewer or more arrived than the file held when it was
 * opened: an export rewritten or truncated mid-run would otherwise be read in part and judged as whole.
 * (A file deleted mid-run is still read in full on POSIX systems, from the open handle.)
 */
function wholeFileCheck(file: string, size: number, onBytes: (n: number) => void): Transform {
  let read = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      read += chunk.length;
      onBytes(chunk.length);
      callback(null, chunk);
    },
    flush(callback) {
      if (read === size) callback();
      else callback(changedWhileRead(file, size, read));
    },
  });
}

/** Where a reader may continue: a byte offset at the start of a line, and that line's number. */
export interface LineStart {
  offset: number;
  line: number;
}

/**
 * The records of a file from a line start to its end (csv-parse, with its line numbers). `expectedBytes`
 * is the file's size minus the offset when it was opened: fewer or more bytes read is HY-READ.
 */
export function csvRecords(
  file: string,
  encoding: TextEncodingName,
  from: LineStart,
  expectedBytes: number,
  progress?: ProgressSink,
  delimiter = ",",
  /** Where the bytes are, when not at `file` (a pipe's bytes copied to a temporary file). */
  path = file,
  /** The encoding was detected: a detected GB18030 file stops at a UTF-8 line. */
  detected = false,
  /** Bytes read at a time (csv-parse parses each read whole before the first record comes out). */
  readBytes = 1 << 20,
): { records: AsyncIterable<CsvRecord>; close: () => void } {
  const parser = parse({
    delimiter,
    bom: from.offset === 0,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    // The raw text gives each record's first line: csv-parse's own line count drifts on CRLF inside quotes.
    raw: true,
    record_delimiter: ["\r\n", "\n", "\r"],
    max_record_size: MAX_LINE_CHARS,
  });
  const bytes = createReadStream(path, { start: from.offset, highWaterMark: readBytes });
  const counter = { rows: 0, reported: 0 };
  const whole = wholeFileCheck(file, expectedBytes, (n) => {
    progress?.advance(n, counter.rows - counter.reported);
    counter.reported = counter.rows;
  });
  const decoder = decodeStream(file, encoding, from.line, detected);
  const forward = (e: unknown) => parser.destroy(e instanceof Error ? e : new Error(String(e)));
  bytes.on("error", (e) => forward(readError(file, e)));
  whole.on("error", forward);
  decoder.on("error", forward);
  bytes.pipe(whole).pipe(decoder).pipe(parser);
  return {
    records: toRecords(file, parser, from.line - 1, counter),
    close: () => {
      bytes.destroy();
      parser.destroy();
    },
  };
}

/**
 * Where the data rows start when the header is plainly the file's first line (no quote, no lone CR, ends
 * within the sample): a byte reader may take over from there.
 */
function dataStartOf(sample: Uint8Array): LineStart | undefined {
  const skip = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf ? 3 : 0;
  const end = sample.indexOf(0x0a, skip);
  if (end === -1) return undefined;
  for (let i = skip; i < end; i++) {
    const b = sample[i];
    if (b === 0x22 || (b === 0x0d && i !== end - 1)) return undefined;
  }
  return { offset: end + 1, line: 2 };
}

/** Separators other than the comma that exports use: `;` (European Excel) and tab. */
const OTHER_SEPARATORS = [";", "\t"] as const;

/**
 * The separator of a file from its first line: an Excel `sep=X` line names it (and is not the header);
 * otherwise a header with no comma outside quotes but `;` or tabs is split on the more frequent of them.
 */
export function separatorOf(firstLine: string): { delimiter: string; sepLine: boolean } {
  const sep = /^\ufeff?"?sep=(.)"?\s*$/i.exec(firstLine);
  if (sep?.[1]) return { delimiter: sep[1], sepLine: true };
  const unquoted = firstLine.replace(/"[^"]*"/g, "");
  if (unquoted.includes(",")) return { delimiter: ",", sepLine: false };
  const counts = OTHER_SEPARATORS.map((d) => ({ d, n: unquoted.split(d).length - 1 }));
  const best = counts.sort((a, b) => b.n - a.n)[0];
  return { delimiter: best && best.n > 0 ? best.d : ",", sepLine: false };
}

function firstLineOf(sample: Uint8Array, encoding: TextEncodingName): string {
  const end = sample.indexOf(0x0a);
  const bytes = end === -1 ? sample : sample.subarray(0, end);
  return new TextDecoder(encoding).decode(bytes).replace(/\r$/, "");
}

/** Opens a CSV file for streaming; the header record is read before this resolves. */
export async function openCsv(
  file: string,
  encodingOption: EncodingOption = "auto",
  progress?: ProgressSink,
  given?: Uint8Array,
  /** Where the bytes are when `file` is a pipe: a copy, read with csv-parse only (the byte reader reads `file`). */
  path = file,
): Promise<CsvSource> {
  const sample = given ?? (await readSample(path));
  if (sample.length === 0)
    throw inputError({
      file,
      line: 1,
      code: "HY-EMPTY",
      ...keyedMessage("input.empty"),
    });
  const unreadable = unreadableEncodingError(file, sample);
  if (unreadable) throw unreadable;
  const encoding = encodingOption === "auto" ? detectEncoding(sample) : encodingOption;
  const size = await sizeOf(path);
  progress?.start(file, size);
  const { delimiter, sepLine } = separatorOf(firstLineOf(sample, encoding));
  const start = { offset: 0, line: 1 };
  const { records, close } = csvRecords(
    file,
    encoding,
    start,
    size,
    progress,
    delimiter,
    path,
    encodingOption === "auto",
    // 16 KiB at a time: the header comes after the first read is parsed, and the byte reader, which takes most
    // large files from the second line on, would leave the rest of a larger read parsed for nothing (1 MiB:
    // 0.1 s, 64 KiB: 15-20 ms); csv-parse reading a whole file is no slower for it (27 MB: 3.9 s either way).
    16 << 10,
  );
  const iterator = records[Symbol.asyncIterator]();
  if (sepLine) await iterator.next();
  const first = await iterator.next();
  if (first.done) throw inputError(keyedProblem({ file, line: 1, code: "HY-EMPTY" }, "input.noHeader"));
  // The byte reader splits on commas only, from a header on line 1.
  const dataStart =
    first.value.line === 1 && delimiter === "," && path === file ? dataStartOf(sample) : undefined;
  return {
    file,
    encoding,
    size,
    header: first.value,
    records: { [Symbol.asyncIterator]: () => iterator },
    ...(dataStart ? { dataStart } : {}),
    ...(delimiter !== "," ? { delimiter } : {}),
    close,
  };
}

interface ParsedWithInfo {
  record: string[];
  raw: string;
}

const LINE_BREAK = /\r\n|\r|\n/g;
const LEADING_BLANK_LINES = /^(?:[ \t]*(?:\r\n|\r|\n))*/;

function countLineBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

async function* toRecords(
  file: string,
  parser: AsyncIterable<unknown>,
  linesBefore: number,
  counter: { rows: number },
): AsyncGenerator<CsvRecord> {
  // Line breaks consumed so far: the next record starts after them (and after any blank lines in its raw text).
  let consumed = linesBefore;
  try {
    for await (const item of parser) {
      const { record, raw } = item as ParsedWithInfo;
      const blank = countLineBreaks(LEADING_BLANK_LINES.exec(raw)?.[0] ?? "");
      const line = consumed + blank + 1;
      consumed += countLineBreaks(raw);
      counter.rows++;
      yield { line, fields: record };
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const err = e as {
      code?: string;
      message?: string;
      lines?: number;
      index?: number;
      records?: number;
      empty_lines?: number;
    };
    const col = typeof err.index === "number" ? err.index + 1 : undefined;
    const where = col === undefined ? {} : { col };
    // csv-parse counts lines, records and blank lines from where it started: a reader that takes over
    // mid-file (the fast reader's fallback) starts it after `linesBefore` lines of the file.
    const fileLine = (line: number) => line + linesBefore;
    if (err.code === "CSV_MAX_RECORD_SIZE")
      throw inputError({
        file,
        line: consumed + 1,
        ...where,
        code: "HY-SIZE",
        ...keyedMessage("input.longLine", { mib: MAX_LINE_CHARS / (1024 * 1024), chars: MAX_LINE_CHARS }),
      });
    // An unclosed quote runs to the end of the file, so csv-parse's line is the last one; the quote opens in
    // the record after those parsed (counted from the header and the blank lines skipped).
    if (err.code === "CSV_QUOTE_NOT_CLOSED") {
      const line = Math.max(consumed + 1, fileLine((err.records ?? 0) + (err.empty_lines ?? 0) + 1));
      throw inputError({
        file,
        line,
        ...where,
        code: "HY-CSV",
        ...keyedMessage("input.unclosedQuote"),
      });
    }
    // csv-parse counts fields from 0; the message names the column as a spreadsheet does.
    const reason = (err.message ?? String(e))
      .replace(/^Invalid \w+:\s*/, "")
      .replace(/ on field (\d+)/, (_m, n: string) => ` in column ${Number(n) + 1}`)
      .replace(/, value is "(.*)"$/, (_m, v: string) => `, after ${quoted(v)}`)
      .replace(/ (at|on) line (\d+)/, (_m, at: string, n: string) => ` ${at} line ${fileLine(Number(n))}`);
    throw inputError({
      file,
      line: err.lines === undefined ? consumed + 1 : fileLine(err.lines),
      ...where,
      code: "HY-CSV",
      ...keyedMessage("input.badCsv", { reason }),
    });
  }
}
