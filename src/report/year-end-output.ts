// What `hy-check report` writes: the document of the chosen year-end format (YEAR_END_FORMATTERS in
// index.ts) and the files beside it. Loaded by the command on use, with ECharts behind it.
import type { CheckOptions } from "../engine/check.js";
import type { CheckReport } from "../engine/result.js";
import { inputError } from "../errors.js";
import { t, type Lang } from "../i18n.js";
import type { YearEndFiles } from "./format.js";
import { YEAR_END_FORMATTERS } from "./index.js";
import { YEAR_END_FORMAT_NAMES, type YearEndFormatName } from "./names.js";
import { yearEndReport } from "./year-end.js";

export { chartPath } from "./year-end-markdown.js";
/** The year-end formats' names (kept under their former name for the command). */
export const YEAR_END_FORMATS = YEAR_END_FORMAT_NAMES;
export type YearEndFormat = YearEndFormatName;

export interface YearEndOutput extends YearEndFiles {
  report: CheckReport;
}

export async function makeYearEndReport(
  files: readonly string[],
  options: CheckOptions & { lang: Lang; format: YearEndFormatName; output?: string },
): Promise<YearEndOutput> {
  const { format, output, ...checkOptions } = options;
  const formatter = YEAR_END_FORMATTERS[format];
  if (formatter.needsOutput && !output)
    throw inputError({
      file: "hy-check",
      code: "HY-USAGE",
      message: t(options.lang, "report.markdownNeedsOutput"),
    });
  const { report, doc, svgs } = await yearEndReport(files, checkOptions);
  return { report, ...(await formatter.lay(doc, svgs, output)) };
}
