// The JSON contract (schemaVersion 1): numbers as JSON numbers, rounded as reported.
import type { Formatter } from "./format.js";

/** A report as JSON, indented by two, with a final newline: the engine's check and validate reports alike. */
export function jsonText(report: object): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export const formatJson: Formatter = (report) => jsonText(report);
