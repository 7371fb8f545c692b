// Streaming CSV reading: bytes -> text (detected encoding) -> records with their line numbers.
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { Transform } from "node:stream";
import { parse } from "csv-parse";
import { InputError, inputError, quoted } from "../errors.js";
import { decodeStream, detectEncoding, type EncodingOption, type TextEncodingName } from "./encoding.js";

export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  fields: string[];
}

export interface CsvSource {
  file: string;
  encoding: TextEncodingName;
  header: CsvRecord;
  records: AsyncIterable<CsvRecord>;
}

const SAMPLE_BYTES = 64 * 1024;

async function readSample(file: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(file, "r");
  } catch (e) {
    throw inputError({ file, code: "HY-READ", message: `cannot read the file: ${describeFsError(e)}` });
  }
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } catch (e) {
    throw inputError({ file, code: "HY-READ", message: `cannot read the file: ${describeFsError(e)}` });
  } finally {
    await handle.close();
  }
}

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a folder, not a file";
  return e instanceof Error ? e.message : String(e);
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (e) {
    throw inputError({ file, code: "HY-READ", message: `cannot read the file: ${describeFsError(e)}` });
  }
}

/**
 * Passes the bytes on and, at the end, fails when fewer or more arrived than the file held when it was
 * opened: an export rewritten or truncated mid-run would otherwise be read in part and judged as whole.
 * (A file deleted mid-run is still read in full on POSIX systems, from the open handle.)
 */
function wholeFileCheck(file: string, size: number): Transform {
  let read = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      read += chunk.length;
      callback(null, chunk);
    },
    flush(callback) {
      if (read === size) callback();
      else
        callback(
          inputError({
            file,
            code: "HY-READ",
            message: `the file changed while it was read (${size} bytes when opened, ${read} read); read it again once it is complete`,
          }),
        );
    },
  });
}

/** Opens a CSV file for streaming; the header record is read before this resolves. */
export async function openCsv(file: string, encodingOption: EncodingOption = "auto"): Promise<CsvSource> {
  const sample = await readSample(file);
  if (sample.length === 0)
    throw inputError({
      file,
      line: 1,
      code: "HY-EMPTY",
      message: "the file is empty; expected a header row",
    });
  const encoding = encodingOption === "auto" ? detectEncoding(sample) : encodingOption;
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    // The raw text gives each record's first line: csv-parse's own line count drifts on CRLF inside quotes.
    raw: true,
    record_delimiter: ["\r\n", "\n", "\r"],
  });
  const size = await sizeOf(file);
  const bytes = createReadStream(file);
  const whole = wholeFileCheck(file, size);
  const decoder = decodeStream(file, encoding);
  const forward = (e: unknown) => parser.destroy(e instanceof Error ? e : new Error(String(e)));
  bytes.on("error", (e) =>
    forward(inputError({ file, code: "HY-READ", message: `cannot read the file: ${describeFsError(e)}` })),
  );
  whole.on("error", forward);
  decoder.on("error", forward);
  bytes.pipe(whole).pipe(decoder).pipe(parser);

  const iterator = toRecords(file, parser)[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done)
    throw inputError({ file, line: 1, code: "HY-EMPTY", message: "the file has no header row" });
  return { file, encoding, header: first.value, records: { [Symbol.asyncIterator]: () => iterator } };
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

async function* toRecords(file: string, parser: AsyncIterable<unknown>): AsyncGenerator<CsvRecord> {
  // Line breaks consumed so far: the next record starts after them (and after any blank lines in its raw text).
  let consumed = 0;
  try {
    for await (const item of parser) {
      const { record, raw } = item as ParsedWithInfo;
      const blank = countLineBreaks(LEADING_BLANK_LINES.exec(raw)?.[0] ?? "");
      const line = consumed + blank + 1;
      consumed += countLineBreaks(raw);
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
    // An unclosed quote runs to the end of the file, so csv-parse's line is the last one; the quote opens in
    // the record after those parsed (counted from the header and the blank lines skipped).
    if (err.code === "CSV_QUOTE_NOT_CLOSED") {
      const line = Math.max(consumed + 1, (err.records ?? 0) + (err.empty_lines ?? 0) + 1);
      throw inputError({
        file,
        line,
        ...where,
        code: "HY-CSV",
        message: "a quote opens here and is never closed",
      });
    }
    // csv-parse counts fields from 0; the message names the column as a spreadsheet does.
    const reason = (err.message ?? String(e))
      .replace(/^Invalid \w+:\s*/, "")
      .replace(/ on field (\d+)/, (_m, n: string) => ` in column ${Number(n) + 1}`)
      .replace(/, value is "(.*)"$/, (_m, v: string) => `, after ${quoted(v)}`);
    throw inputError({
      file,
      line: err.lines ?? consumed + 1,
      ...where,
      code: "HY-CSV",
      message: `not valid CSV: ${reason}`,
    });
  }
}
