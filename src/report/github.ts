// GitHub Actions workflow commands: the runner turns each line into an annotation on the run (and, with
// file/line, on the file). A failing target is an ::error, a warn or a target without enough data a
// ::warning, an informational target's shortfall a ::notice; rejected input rows are ::error
// annotations at file:line:col; the last line is the summary as a ::notice.
import type { InputProblem } from "../errors.js";
import type { Formatter } from "./format.js";
import { buildView, type ResultRow } from "./view.js";

type Level = "error" | "warning" | "notice";

/** The message of a workflow command: `%`, CR and LF escaped. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A property value (file, title, ...): as a message, and also `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function command(
  level: Level,
  properties: Record<string, string | number | undefined>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(",");
  return `::${level}${props ? ` ${props}` : ""}::${escapeData(message)}`;
}

/**
 * The annotation level of a target, or null for none: a pass; a target not checked for want of input
 * (reasonCode no-input); an informational target without data. Informational targets never fail the
 * run, so their fail or warn is a notice.
 */
function levelOf(r: ResultRow): Level | null {
  if (r.status === "pass" || r.notChecked) return null;
  if (r.informational) return r.status === "no-data" ? null : "notice";
  return r.status === "fail" ? "error" : "warning";
}

/** Title, result, clause and quote, the reason, and the sections or areas that fail or lack data. */
function targetMessage(r: ResultRow, footnote: string | undefined): string {
  const lines = [r.title, r.resultLine, r.clauseLine];
  if (r.reason) lines.push(r.reason);
  if (r.basis === "indicative" && footnote) lines.push(footnote);
  for (const row of r.subRows) if (row.notable) lines.push(row.line);
  return lines.join("\n");
}

function rejectedRow(p: InputProblem): string {
  return command(
    "error",
    { file: p.file, line: p.line, col: p.line !== undefined ? p.col : undefined, title: p.code },
    p.field ? `${p.field}: ${p.message}` : p.message,
  );
}

export const formatGithub: Formatter = (report, { lang }) => {
  const view = buildView(report, lang);
  const lines: string[] = [];
  for (const r of view.rows) {
    const level = levelOf(r);
    if (level) lines.push(command(level, { title: r.id }, targetMessage(r, view.notes.footnote)));
  }
  for (const input of view.rejections) {
    lines.push(...input.problems.map(rejectedRow));
    if (input.more > 0) lines.push(command("error", { file: input.file, title: "hy-check" }, input.moreText));
  }
  lines.push(command("notice", { title: "hy-check" }, view.summary.text));
  return `${lines.join("\n")}\n`;
};
