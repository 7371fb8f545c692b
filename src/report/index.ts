// The registry of output formats: a new format is one module, one line here and its name in names.ts.
import { basename } from "node:path";
import type { Formatter, YearEndFormatter } from "./format.js";
import { formatCsv } from "./csv.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatMarkdown } from "./markdown.js";
import { formatTable } from "./table.js";
import { formatYearEndHtml, withEmbeddedFont } from "./html.js";
import { chartPath, formatYearEndMarkdown } from "./year-end-markdown.js";

import type { FormatName, YearEndFormatName } from "./names.js";

// `satisfies` makes the compiler hold this table and FORMAT_NAMES (names.ts) to the same formats.
export const FORMATTERS = {
  table: formatTable,
  json: formatJson,
  junit: formatJunit,
  markdown: formatMarkdown,
  csv: formatCsv,
  github: formatGithub,
} satisfies Record<FormatName, Formatter>;

/** The year-end report's formats (`hy-check report`): HTML to a file or stdout; Markdown with its charts as files. */
export const YEAR_END_FORMATTERS = {
  html: {
    needsOutput: false,
    lay: async (doc, svgs, output) => {
      const html = await withEmbeddedFont(formatYearEndHtml(doc, svgs));
      return output ? { files: [{ path: output, text: html }] } : { files: [], stdout: html };
    },
  },
  markdown: {
    needsOutput: true,
    lay: (doc, svgs, output = "") => {
      const paths = doc.charts.map((c) => chartPath(output, c.id));
      const markdown = formatYearEndMarkdown(
        doc,
        paths.map((p) => basename(p)),
      );
      return {
        files: [...paths.map((path, i) => ({ path, text: svgs[i] ?? "" })), { path: output, text: markdown }],
      };
    },
  },
} satisfies Record<YearEndFormatName, YearEndFormatter>;

export { FORMAT_NAMES, YEAR_END_FORMAT_NAMES, type FormatName, type YearEndFormatName } from "./names.js";
export type { Formatter, FormatOptions, YearEndFormatter } from "./format.js";
export { terminalWidth } from "./width.js";
