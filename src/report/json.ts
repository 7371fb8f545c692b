// The JSON contract (schemaVersion 1): numbers as JSON numbers, rounded as reported.
import type { Formatter } from "./format.js";

export const formatJson: Formatter = (report) => `${JSON.stringify(report, null, 2)}\n`;
