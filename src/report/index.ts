// The registry of output formats: a new format is one module plus one line here.
import type { Formatter } from "./format.js";
import { formatCsv } from "./csv.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatMarkdown } from "./markdown.js";
import { formatTable } from "./table.js";

export const FORMATTERS = {
  table: formatTable,
  json: formatJson,
  junit: formatJunit,
  markdown: formatMarkdown,
  csv: formatCsv,
  github: formatGithub,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];
export type { Formatter, FormatOptions } from "./format.js";
