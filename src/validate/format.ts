// Output and exit code of `hy-check validate`: text for people and CI logs, JSON for programs.
import type { ValidateFormatName } from "../report/names.js";
import { formatProblem } from "../errors.js";
import { safeLines } from "../report/safe-text.js";
import { t, type Lang } from "../i18n.js";
import { jsonText } from "../report/json.js";
import type { Finding, ValidateReport } from "../validate.js";

/** Exit codes of validate: the CLI's fixed ones (0 ok, 1 failing, 2 input error). */
export const VALIDATE_EXIT = { ok: 0, tooManyWarnings: 1, errors: 2 } as const;

/** `severity file:line:col  column  message  [CODE]`, the message in `lang` where it has been said in it. */
export function findingLine(f: Finding, lang: Lang): string {
  return `${t(lang, f.severity === "error" ? "validate.error" : "validate.warning")} ${formatProblem({
    file: f.file,
    ...(f.line !== undefined ? { line: f.line } : {}),
    ...(f.col !== undefined ? { col: f.col } : {}),
    ...(f.sheet !== undefined ? { sheet: f.sheet } : {}),
    ...(f.column !== undefined ? { field: f.column } : {}),
    code: f.code,
    message: lang === "zh" ? (f.zh ?? f.message) : f.message,
  })}`;
}

function codesText(byCode: Record<string, number>): string {
  return Object.entries(byCode)
    .map(([code, n]) => `${code} ${n}`)
    .join(", ");
}

/** "1 error, 3 warnings" in the language of the labels. */
function countsText(lang: Lang, errors: number, warnings: number): string {
  return t(lang, "validate.counts", {
    errors: errors === 1 ? t(lang, "validate.errors1") : t(lang, "validate.errors", { count: errors }),
    warnings:
      warnings === 1 ? t(lang, "validate.warnings1") : t(lang, "validate.warnings", { count: warnings }),
  });
}

/** Inputs without findings shown one per line up to this many; beyond, counted (a year of daily site files). */
const MAX_CLEAN_SHOWN = 10;

/** The findings grouped per input file, each group headed by the file's kind, rows and counts; then the summary. */
export function validateText(report: ValidateReport, lang: Lang): string {
  const lines = [
    t(lang, "validate.period", {
      from: report.period.from,
      to: report.period.to,
      year: report.plan.year,
      file: report.plan.targetsFile,
    }),
  ];
  const files = [...new Set([...report.inputs.map((i) => i.file), ...report.findings.map((f) => f.file)])];
  const clean = report.inputs.filter((i) => i.errors + i.warnings === 0);
  const showClean = clean.length <= MAX_CLEAN_SHOWN;
  for (const file of files) {
    const readings = report.inputs.filter((i) => i.file === file);
    const own = report.findings.filter((f) => f.file === file);
    if (own.length === 0 && readings.length > 0 && !showClean) continue;
    lines.push("");
    for (const input of readings)
      lines.push(
        t(lang, "validate.input", {
          file,
          kind: input.kind,
          rows: input.rows,
          from: input.from ?? "-",
          to: input.to ?? "-",
          counts: countsText(lang, input.errors, input.warnings),
        }),
      );
    for (const f of own) lines.push(findingLine(f, lang));
    for (const input of readings)
      if (input.unlisted > 0)
        lines.push(
          t(lang, "validate.unlisted", { count: input.unlisted, codes: codesText(input.unlistedByCode) }),
        );
  }
  if (!showClean) lines.push("", t(lang, "validate.clean", { count: clean.length }));
  if (report.skippedFiles.length > 0) lines.push("");
  for (const s of report.skippedFiles)
    lines.push(t(lang, "warn.skipped", { file: s.file, reason: s.reason }));
  lines.push(
    "",
    t(lang, "validate.summary", { counts: countsText(lang, report.summary.errors, report.summary.warnings) }),
  );
  if (Object.keys(report.summary.byCode).length > 0)
    lines.push(t(lang, "validate.byCode", { codes: codesText(report.summary.byCode) }));
  return `${lines.join("\n")}\n`;
}

/** The report as JSON: messages in English only (the text output's Chinese stays out of the contract). */
export function validateJson(report: ValidateReport): string {
  return jsonText({ ...report, findings: report.findings.map(({ zh: _zh, ...f }) => f) });
}

/** validate's own pair of formats: text for people and CI logs, the report as JSON for programs. */
export const VALIDATE_FORMATTERS = {
  // Findings quote cells and names from the data: shown with their control characters escaped.
  text: (report: ValidateReport, lang: Lang) => safeLines(validateText(report, lang)),
  json: (report: ValidateReport) => validateJson(report),
} satisfies Record<ValidateFormatName, (report: ValidateReport, lang: Lang) => string>;
export { VALIDATE_FORMAT_NAMES } from "../report/names.js";

/** 2 when any row is rejected; else 1 when warnings exceed --max-warnings; else 0. */
export function validateExitCode(report: ValidateReport, maxWarnings?: number): number {
  if (report.summary.errors > 0) return VALIDATE_EXIT.errors;
  if (maxWarnings !== undefined && report.summary.warnings > maxWarnings)
    return VALIDATE_EXIT.tooManyWarnings;
  return VALIDATE_EXIT.ok;
}

/**
 * What stderr says next to a failing exit code; with `listErrors` (the report went to a file or is JSON) the
 * first errors too, so a CI log shows what to fix.
 */
export function validateExitMessage(
  report: ValidateReport,
  code: number,
  options: { lang: Lang; maxWarnings?: number; listErrors: boolean },
): string {
  const { lang } = options;
  if (code === VALIDATE_EXIT.ok) return "";
  if (code === VALIDATE_EXIT.tooManyWarnings)
    return `${t(lang, "validate.exitWarnings", { count: report.summary.warnings, max: options.maxWarnings ?? 0 })}\n`;
  const first = options.listErrors
    ? report.findings
        .filter((f) => f.severity === "error")
        .slice(0, 10)
        .map((f) => findingLine(f, lang))
    : [];
  return `${[...first, t(lang, "validate.exitErrors", { count: report.summary.errors })].join("\n")}\n`;
}
