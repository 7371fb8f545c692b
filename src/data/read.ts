// Reading every input file into the shared stores, one streaming pass per file. A file is a CSV export or a
// workbook (.xlsx/.xls, told by its first bytes); both give the data kinds the same header and records.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import type { Stats } from "node:fs";
import { Transform } from "node:stream";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import {
  InputError,
  inputError,
  keyedMessage,
  keyedProblem,
  type InputProblem,
  type MessageParam,
} from "../errors.js";
import { recogniseHeaders, type ColumnField, type RecognisedColumn } from "./columns.js";
import { openCsv, readError, readSample, type CsvRecord, type CsvSource } from "./csv.js";
import type { EncodingOption } from "./encoding.js";
import { createInputReport, type InputReport } from "./input-report.js";
import { DATA_KINDS, type DataKind, type FamilyStores, type ReadSettings } from "./kinds/index.js";
import { workbookFormat } from "./workbook-cells.js";
import type { HeaderTest } from "./workbook-source.js";

export async function readInput(
  file: string,
  settings: ReadSettings,
  /** Every family's stores: the file's kind reads into its own family's. */
  stores: FamilyStores,
  encoding: EncodingOption,
  /** The worksheet of a workbook to read, by name or 1-based number; default: the first with a header. */
  sheet?: string,
): Promise<InputReport> {
  const pipe = await copiedPipe(file);
  try {
    const path = pipe?.path ?? file;
    const sample = await readSample(path);
    const format = workbookFormat(file, sample);
    const isHeader: HeaderTest = (header, rows) => isKnownHeader(header, rows, settings.columnOverrides);
    const source = format
      ? await (await import("./workbook-source.js")).openSheet(file, format, isHeader, sheet, path)
      : await openCsv(file, encoding, settings.progress, sample, path);
    try {
      return await readSource(source, settings, stores);
    } catch (e) {
      throw source.sheet && e instanceof InputError ? inSheet(e, source) : e;
    }
  } finally {
    await pipe?.remove();
  }
}

/** The most a pipe's bytes copied to disk may take: a stream that never ends (`< /dev/zero`) stops here. */
export const MAX_PIPE_BYTES = 1024 * 1024 * 1024;

/** The pipe cap; HY_MAX_PIPE_BYTES lowers it, so that tests need not pipe a gibibyte. */
function pipeCap(): number {
  const set = Number(process.env.HY_MAX_PIPE_BYTES);
  return Number.isInteger(set) && set > 0 ? set : MAX_PIPE_BYTES;
}

/** Names under which a program's own open descriptors are read: stdin, and a shell's `<(...)`. */
const OPEN_DESCRIPTOR = /^\/(?:dev\/stdin|dev\/fd\/\d+|proc\/self\/fd\/\d+)$/;

/**
 * A pipe (`/dev/stdin` fed by `cat`, a shell's `<(...)`) cannot be read twice or from an offset: its bytes are
 * copied to a temporary file first (at most MAX_PIPE_BYTES), and read from there under the pipe's name.
 * Any other file that is not a regular one is refused before it is opened: a named FIFO without a writer
 * would block `open()` for ever, and a device (`/dev/zero`) never ends.
 */
async function copiedPipe(file: string): Promise<{ path: string; remove: () => Promise<void> } | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (!info || info.isFile() || info.isDirectory()) return undefined;
  const descriptor = OPEN_DESCRIPTOR.test(file);
  if (!descriptor) throw notRegular(file, info);
  // A program's stdin may be a socket (Node's own child processes): /dev/stdin cannot be opened then, fd 0 can.
  const stdinSocket = info.isSocket() && file === "/dev/stdin";
  const dir = await mkdtemp(join(tmpdir(), "hy-check-pipe-"));
  const remove = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, "input");
  try {
    await pipeline(
      stdinSocket ? createReadStream("", { fd: 0 }) : createReadStream(file),
      capped(file, pipeCap()),
      createWriteStream(path),
    );
  } catch (e) {
    await remove();
    throw e instanceof InputError ? e : readError(file, e);
  }
  return { path, remove };
}

/** HY-READ: a device, a named pipe or a socket given as a data file. */
function notRegular(file: string, info: Stats): InputError {
  const what = info.isFIFO()
    ? "pipe"
    : info.isCharacterDevice() || info.isBlockDevice()
      ? "device"
      : "notRegular";
  return inputError(keyedProblem({ file, code: "HY-READ" }, `input.cannotRead.${what}`));
}

/** Passes bytes on, and fails with HY-SIZE once more than `max` have passed. */
function capped(file: string, max: number): Transform {
  let passed = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      passed += chunk.length;
      if (passed > max)
        callback(
          inputError({
            file,
            code: "HY-SIZE",
            ...keyedMessage("input.pipeTooLarge", { mib: max / (1024 * 1024) }),
          }),
        );
      else callback(null, chunk);
    },
  });
}

async function readSource(
  source: CsvSource,
  settings: ReadSettings,
  stores: FamilyStores,
): Promise<InputReport> {
  const { file } = source;
  const { columns, duplicates } = recogniseHeaders(source.header.fields, settings.columnOverrides);
  const duplicate = duplicates[0];
  if (duplicate) {
    const col = source.header.fields.indexOf(duplicate.headers[1] ?? "") + 1;
    throw inputError({
      file,
      line: source.header.line,
      col,
      field: duplicate.headers[1],
      code: "HY-COLUMN",
      ...keyedMessage("input.twoColumns", {
        field: duplicate.field,
        headers: listed(duplicate.headers),
      }),
    });
  }
  const { sample, source: replay } = await peek(source, SAMPLE_RECORDS);
  const kind = kindOf(columns, sample, source.header.fields);
  if (!kind) {
    const recognised: MessageParam = columns.map((c) => `${c.header} -> ${c.field}`).join(", ") || {
      key: "input.noneRecognised",
    };
    const single = source.header.fields.length === 1 ? singleColumnHint(source.header.fields[0] ?? "") : "";
    throw inputError({
      file,
      line: source.header.line,
      col: 1,
      code: "HY-KIND",
      ...keyedMessage("input.unknownKind", { recognised, hint: single }),
    });
  }
  const report = createInputReport(file, kind.id, source.sheet?.format ?? source.encoding);
  if (source.sheet) report.sheet = source.sheet.name;
  try {
    await kind.read(replay, columns, settings, stores, report);
  } finally {
    settings.progress?.done();
  }
  return report;
}

/** The first data kind that reads a header and its first rows. */
export function kindOf(
  columns: readonly RecognisedColumn[],
  sample: readonly string[][],
  headers: readonly string[],
): DataKind | undefined {
  return DATA_KINDS.find((k) => k.detect(columns, sample, headers));
}

/** Whether a row is a header hy-check reads, judged with the rows after it (a worksheet's title rows are not). */
export function isKnownHeader(
  header: readonly string[],
  following: readonly CsvRecord[],
  overrides: Partial<Record<ColumnField, string>>,
): boolean {
  const { columns } = recogniseHeaders(header, overrides);
  return (
    kindOf(
      columns,
      following.map((r) => r.fields),
      header,
    ) !== undefined
  );
}

/** A one-column header that a separator would split: the separator named (a pipe, a full-width comma ...). */
function singleColumnHint(header: string): MessageParam {
  const separator = ["|", "，", "、", ":"].find((s) => header.includes(s));
  return separator ? { key: "input.oneColumnHint", params: { separator } } : "";
}

/** `A and B and C`, said in the message's language. */
function listed(items: readonly string[]): MessageParam {
  return items
    .slice(1)
    .reduce<MessageParam>((list, next) => ({ key: "input.and", params: { list, next } }), items[0] ?? "");
}

/**
 * Problems a kind reports in a worksheet, placed in it: the sheet's name added, and the header row for the
 * line 1 the kinds give header problems (a title row may sit above the header).
 */
function inSheet(e: InputError, source: CsvSource): InputError {
  const name = source.sheet?.name ?? "";
  return new InputError(
    e.problems.map((p): InputProblem =>
      p.file !== source.file || p.sheet !== undefined
        ? p
        : { ...p, sheet: name, ...(p.line === 1 ? { line: source.header.line } : {}) },
    ),
  );
}

const SAMPLE_RECORDS = 3;

/** The first records of a source, and a source that still yields them. */
async function peek(source: CsvSource, n: number): Promise<{ sample: string[][]; source: CsvSource }> {
  const iterator = source.records[Symbol.asyncIterator]();
  const head: CsvRecord[] = [];
  while (head.length < n) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
  }
  async function* replay(): AsyncGenerator<CsvRecord> {
    yield* head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { sample: head.map((r) => r.fields), source: { ...source, records: replay() } };
}
