// What every output format receives.
import type { CheckReport } from "../engine/result.js";
import type { Lang } from "../i18n.js";
import type { YearEnd } from "./year-end.js";

export interface FormatOptions {
  lang: Lang;
  color: boolean;
  /** Display columns the output may use (the table fits them, see width.ts); unset: as wide as it needs. */
  width?: number;
  /** The table lists every target; by default it leaves out those this input cannot touch (manual, not checked). */
  all?: boolean;
}

export type Formatter = (report: CheckReport, options: FormatOptions) => string;

/** What a year-end format writes: files (charts before the document that links them), or stdout. */
export interface YearEndFiles {
  files: { path: string; text: string }[];
  stdout?: string;
}

export interface YearEndFormatter {
  /** The format writes files beside the document, so it needs -o. */
  needsOutput: boolean;
  /** The document and its files; `svgs` holds one rendered SVG per chart of `doc.charts`. */
  lay: (
    doc: YearEnd,
    svgs: readonly string[],
    output: string | undefined,
  ) => Promise<YearEndFiles> | YearEndFiles;
}
