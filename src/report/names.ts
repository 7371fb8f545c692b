// The output formats' names, apart from their modules: the command line lists them without loading them.
export const FORMAT_NAMES = ["table", "json", "junit", "markdown", "csv", "github"] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** The year-end report's formats (`hy-check report -f`). */
export const YEAR_END_FORMAT_NAMES = ["html", "markdown"] as const;
export type YearEndFormatName = (typeof YEAR_END_FORMAT_NAMES)[number];
