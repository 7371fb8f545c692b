// What `hy-check report` writes: the HTML document (to a file or stdout), or the Markdown document and
// its chart files next to it. Loaded by the command on use, with ECharts behind it.
import { basename, dirname, extname, join } from "node:path";
import type { CheckOptions } from "../engine/check.js";
import type { CheckReport } from "../engine/result.js";
import { inputError } from "../errors.js";
import { t, type Lang } from "../i18n.js";
import { formatYearEndHtml } from "./html.js";
import { yearEndReport } from "./year-end.js";
import { formatYearEndMarkdown } from "./year-end-markdown.js";

export const YEAR_END_FORMATS = ["html", "markdown"] as const;
export type YearEndFormat = (typeof YEAR_END_FORMATS)[number];

export interface YearEndOutput {
  report: CheckReport;
  /** Files to write, the charts before the document that links them; empty when the HTML goes to stdout. */
  files: { path: string; text: string }[];
  stdout?: string;
}

/** `out/report.md` -> `out/report-air-pm-1.svg`: beside the document, named after it, so two reports in one folder keep their charts apart. */
export function chartPath(output: string, chartId: string): string {
  const ext = extname(output);
  const stem = basename(output, ext === ".md" || ext === ".markdown" ? ext : "");
  return join(dirname(output), `${stem}-${chartId}.svg`);
}

export async function makeYearEndReport(
  files: readonly string[],
  options: CheckOptions & { lang: Lang; format: YearEndFormat; output?: string },
): Promise<YearEndOutput> {
  const { format, output, ...checkOptions } = options;
  if (format === "markdown" && !output)
    throw inputError({
      file: "hy-check",
      code: "HY-USAGE",
      message: t(options.lang, "report.markdownNeedsOutput"),
    });
  const { report, doc, svgs } = await yearEndReport(files, checkOptions);
  if (format === "html") {
    const html = formatYearEndHtml(doc, svgs);
    return output ? { report, files: [{ path: output, text: html }] } : { report, files: [], stdout: html };
  }
  const target = output ?? "";
  const paths = doc.charts.map((c) => chartPath(target, c.id));
  const markdown = formatYearEndMarkdown(
    doc,
    paths.map((p) => basename(p)),
  );
  return {
    report,
    files: [...paths.map((path, i) => ({ path, text: svgs[i] ?? "" })), { path: target, text: markdown }],
  };
}
