// Hourly air exports in long format: one row per station per hour (datetime, or date + hour). Regular
// UTF-8 files are read by the fast byte reader (fast.ts, parse.ts, worker.ts); csv-parse reads the rest.
import { csvRecords, type CsvRecord, type CsvSource } from "../../csv.js";
import type { InputReport } from "../../input-report.js";
import { defineKind } from "../kind.js";
import { readHourlyFast } from "./fast.js";
import { hourlyLayout, hourlyRowReader, isHourlyLong } from "./rows.js";

export const airHourly = defineKind({
  id: "air-hourly",
  family: "air",
  detect: isHourlyLong,

  async read(source: CsvSource, columns, ctx, report: InputReport) {
    // An earlier input went back in time after days were finished: the run reads everything again.
    if (ctx.hourly.mustReread) return source.close();
    const layout = hourlyLayout(source.file, source.header.fields, columns);
    const reader = hourlyRowReader(layout, ctx, report);
    report.timeOrder = "ordered";
    // The byte reader takes regular UTF-8 files with one datetime column; csv-parse reads the rest, and
    // continues where the byte reader meets a line it leaves to it.
    const fast =
      ctx.reader === "fast" &&
      source.encoding === "utf-8" &&
      source.dataStart !== undefined &&
      !(layout.hourCol && layout.timeCol.field === "date");
    let records: AsyncIterable<CsvRecord> | Iterable<CsvRecord> = source.records;
    if (fast && source.dataStart) {
      source.close();
      const { continueAt } = await readHourlyFast(
        source.file,
        source.dataStart,
        source.size,
        layout,
        ctx,
        report,
        reader,
      );
      records = continueAt
        ? csvRecords(source.file, source.encoding, continueAt, source.size - continueAt.offset, ctx.progress)
            .records
        : [];
    }
    for await (const { line, fields } of records) {
      reader.row(line, fields);
      // Out of time order after days were finished: the run reads everything again (check.ts readAll).
      if (ctx.hourly.mustReread) break;
    }
    reader.finish();
  },
});
