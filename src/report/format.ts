// What every output format receives.
import type { CheckReport } from "../engine/result.js";
import type { Lang } from "../i18n.js";

export interface FormatOptions {
  lang: Lang;
  color: boolean;
}

export type Formatter = (report: CheckReport, options: FormatOptions) => string;
