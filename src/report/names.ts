// The output formats' names, apart from their modules: the command line lists them without loading them.
export const FORMAT_NAMES = ["table", "json", "junit", "markdown", "csv", "github"] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** The year-end report's formats (`hy-check report -f`). */
export const YEAR_END_FORMAT_NAMES = ["html", "markdown"] as const;
export type YearEndFormatName = (typeof YEAR_END_FORMAT_NAMES)[number];

/** `hy-check validate`'s formats: findings for people and CI logs, or the report as JSON. */
export const VALIDATE_FORMAT_NAMES = ["text", "json"] as const;
export type ValidateFormatName = (typeof VALIDATE_FORMAT_NAMES)[number];
