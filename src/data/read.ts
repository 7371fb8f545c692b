// Reading every input file into the shared stores, one streaming pass per file.
import { inputError } from "../errors.js";
import { recogniseHeaders } from "./columns.js";
import { openCsv, type CsvRecord, type CsvSource } from "./csv.js";
import type { EncodingOption } from "./encoding.js";
import { createInputReport, type InputReport } from "./input-report.js";
import { DATA_KINDS, type ReadContext } from "./kinds/index.js";

export async function readInput(
  file: string,
  ctx: ReadContext,
  encoding: EncodingOption,
): Promise<InputReport> {
  const source = await openCsv(file, encoding, ctx.progress);
  const { columns, duplicates } = recogniseHeaders(source.header.fields, ctx.columnOverrides);
  const duplicate = duplicates[0];
  if (duplicate) {
    const col = source.header.fields.indexOf(duplicate.headers[1] ?? "") + 1;
    throw inputError({
      file,
      line: source.header.line,
      col,
      field: duplicate.headers[1],
      code: "HY-COLUMN",
      message: `two columns mean ${duplicate.field}: ${duplicate.headers.join(" and ")}; keep one or set columns: in the target file`,
    });
  }
  const { sample, source: replay } = await peek(source, SAMPLE_RECORDS);
  const kind = DATA_KINDS.find((k) => k.detect(columns, sample, source.header.fields));
  if (!kind) {
    const recognised = columns.map((c) => `${c.header} -> ${c.field}`).join(", ") || "none";
    throw inputError({
      file,
      line: source.header.line,
      col: 1,
      code: "HY-KIND",
      message: `cannot tell what data this is; expected a date column and pollutant columns (e.g. 日期, PM2.5, PM10 ...); recognised: ${recognised}`,
    });
  }
  const report = createInputReport(file, kind.id, source.encoding);
  try {
    await kind.read(replay, columns, ctx, report);
  } finally {
    ctx.progress?.done();
  }
  return report;
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
