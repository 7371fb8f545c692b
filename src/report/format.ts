// What every output format receives.
import type { CheckReport } from "../engine/result.js";
import type { Lang } from "../i18n.js";

export interface FormatOptions {
  lang: Lang;
  color: boolean;
  /** Display columns the output may use (the table fits them, see width.ts); unset: as wide as it needs. */
  width?: number;
}

export type Formatter = (report: CheckReport, options: FormatOptions) => string;
