#!/usr/bin/env node
// Writes fixtures/workbooks/hengyang-2019-daily.xlsx and .xls (a folder of their own, so `hy-check fixtures`
// still reads each data set once): the rows of fixtures/hengyang-2019-daily.csv (made from
// a fixed seed by make-fixtures.mjs, run before this) as a bureau's workbook holds them, so that hy-check
// can be shown to read both to the same results as the CSV. Each workbook has a notes sheet first and a
// title row (merged across the table) above the header. The .xlsx stores the dates as Excel serial day
// numbers formatted as dates (1900 system, worked out here from the calendar, not by hy-check's code);
// the .xls (BIFF8) stores them as text, as a sheet typed by hand does. Numbers are numeric cells.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as XLSX from "@e965/xlsx";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const csv = readFileSync(join(root, "fixtures", "hengyang-2019-daily.csv"), "utf8").replace(/^\ufeff/, "");
const [header, ...rows] = csv
  .split(/\r?\n/)
  .filter((line) => line !== "")
  .map((line) => line.split(","));

/** Days since 1899-12-30: Excel's serial for any date after 1900-02-28 (its phantom 1900-02-29 included). */
const serialOf = (text) => {
  const [y, m, d] = text.split("/").map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
};

const TITLE = "衡阳市2019年环境空气质量日报（合成数据，与 hengyang-2019-daily.csv 相同）";
const NOTES = [
  ["说明"],
  ["本工作簿由 scripts/make-workbooks.mjs 生成，数据为合成数据。"],
  ["日报数据在第二个工作表，第一行为标题，第三行为表头。"],
];

function book(serialDates) {
  const table = [
    [TITLE],
    [],
    header,
    ...rows.map((r) => r.map((cell, i) => cellValue(cell, i, serialDates))),
  ];
  const sheet = XLSX.utils.aoa_to_sheet(table);
  sheet["!merges"] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: header.length - 1 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(NOTES), "说明");
  XLSX.utils.book_append_sheet(wb, sheet, "日报");
  return wb;
}

function cellValue(cell, column, serialDates) {
  if (column === 0) return serialDates ? { t: "n", v: serialOf(cell), z: "yyyy/m/d" } : { t: "s", v: cell };
  if (cell === "") return null;
  const number = Number(cell);
  return /^-?\d+(\.\d+)?$/.test(cell) && Number.isFinite(number) ? number : cell;
}

for (const [name, serialDates, bookType] of [
  ["hengyang-2019-daily.xlsx", true, "xlsx"],
  ["hengyang-2019-daily.xls", false, "biff8"],
]) {
  const bytes = XLSX.write(book(serialDates), { type: "buffer", bookType, compression: true, bookSST: true });
  mkdirSync(join(root, "fixtures", "workbooks"), { recursive: true });
  writeFileSync(join(root, "fixtures", "workbooks", name), bytes);
  console.log(`wrote fixtures/workbooks/${name}`);
}
