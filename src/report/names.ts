// The output formats' names, apart from their modules: the command line lists them without loading them.
export const FORMAT_NAMES = ["table", "json", "junit", "markdown", "csv", "github"] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];
