// The registry of output formats: a new format is one module, one line here and its name in names.ts.
import type { Formatter } from "./format.js";
import { formatCsv } from "./csv.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatMarkdown } from "./markdown.js";
import { formatTable } from "./table.js";

import type { FormatName } from "./names.js";

// `satisfies` makes the compiler hold this table and FORMAT_NAMES (names.ts) to the same formats.
export const FORMATTERS = {
  table: formatTable,
  json: formatJson,
  junit: formatJunit,
  markdown: formatMarkdown,
  csv: formatCsv,
  github: formatGithub,
} satisfies Record<FormatName, Formatter>;

export { FORMAT_NAMES, type FormatName } from "./names.js";
export type { Formatter, FormatOptions } from "./format.js";
