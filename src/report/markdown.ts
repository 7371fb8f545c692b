// Markdown for merge-request comments and reports: the plan line, one table row per target with the
// per-area / per-section rows of the terminal table under it, the summary, the reasons and the data basis.
// Also the plain-text pieces of a result (value, requirement, margin, sub-rows) that junit.ts and
// github.ts print.
import type { CheckReport, TargetResult } from "../engine/result.js";
import { formatProblem } from "../errors.js";
import { t, type Lang, type MessageKey } from "../i18n.js";
import type { Formatter } from "./format.js";
import { inputLine, sectionDetail } from "./text.js";

const MAX_PRINTED_REJECTIONS = 10;

/** Decimals in the shortest form of a number (0 for integers and exponent notation). */
function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf(".");
  return dot < 0 || text.includes("e") ? 0 : text.length - dot - 1;
}

/** A number to at least `decimals` places, never dropping places it has (a margin may have more). */
export function fixed(value: number, decimals: number): string {
  return value.toFixed(Math.min(Math.max(decimals, decimalsOf(value), 0), 20));
}

/** `92.1%`, `43 ug/m3`, or `-`. */
export function actualText(r: TargetResult): string {
  if (r.actual === null) return "-";
  const text = fixed(r.actual, r.decimals);
  return r.unit === "%" ? `${text}%` : r.unit ? `${text} ${r.unit}` : text;
}

/** `>= 80 ±1 %`, `0..100 %`; `-` for a target without a rule (a manual target). */
export function requiredText(r: TargetResult): string {
  if (r.op === null || r.target === null) return "-";
  const value = Array.isArray(r.target) ? `${r.target[0]}..${r.target[1]}` : String(r.target);
  const tol = r.tolerance !== null ? ` ±${r.tolerance}` : "";
  return `${r.op === "between" ? "" : `${r.op} `}${value}${tol}${r.unit ? ` ${r.unit}` : ""}`;
}

/** `+12.1`, `-50.0`, `0`, or `-`. */
export function marginText(r: TargetResult): string {
  if (r.margin === null) return "-";
  const text = fixed(r.margin, r.decimals);
  return r.margin > 0 ? `+${text}` : text;
}

export function statusText(r: TargetResult, lang: Lang): string {
  const status = t(lang, `status.${r.status}`);
  return r.informational ? t(lang, "status.informational", { status }) : status;
}

/**
 * The data family of a target (`air`, `water`, ...): the first word of its id, which the target files
 * use as the family (ids are dot-separated words, e.g. water.xiangjiang.class).
 */
export function familyOf(r: TargetResult): string {
  return r.family;
}

/** `fail: actual 50.0%, required >= 100 %, margin -50.0, 365 valid days`. */
export function resultLine(r: TargetResult, lang: Lang): string {
  return t(lang, "detail.result", {
    status: statusText(r, lang),
    actual: actualText(r),
    required: requiredText(r),
    margin: marginText(r),
    days: r.validDays !== null ? t(lang, "detail.resultDays", { count: r.validDays }) : "",
  });
}

/** `Clause 二(一): “湘江干流水质年平均值稳定在Ⅱ类以上”`. */
export function clauseLine(r: TargetResult, lang: Lang): string {
  return t(lang, "detail.clause", { clause: r.clause, text: r.clauseText });
}

/** One per-area or per-section row under a target, as the terminal table shows it. */
export interface SubRow {
  kind: "section" | "area";
  name: string;
  /** ✓ / ✗ for sections, the no-data label where the data do not suffice, else empty. */
  mark: string;
  /** The section's class or the area's value. */
  value: string;
  /** `II → III` where a section is compared with a baseline year. */
  change: string;
  /** The failing or deciding parameters of a section. */
  items: string;
  /** Samplings of a section, valid days of an area. */
  count: number;
  /** Worth a line in an annotation: a failing section, or an area or section without enough data. */
  notable: boolean;
}

export function subRows(r: TargetResult, lang: Lang): SubRow[] {
  const rows: SubRow[] = [];
  const noData = t(lang, "status.no-data");
  for (const w of r.detail.sections ?? []) {
    const detail = sectionDetail(w);
    rows.push({
      kind: "section",
      name: `${w.section} (${w.river || "-"})`,
      mark: !w.sufficient ? noData : w.meets === false ? "✗" : w.meets === true ? "✓" : "",
      value: w.class ?? "-",
      change: w.baselineClass !== undefined ? `${w.baselineClass ?? "-"} → ${w.class ?? "-"}` : "",
      items: detail,
      count: w.samplings,
      notable: !w.sufficient || w.meets === false,
    });
  }
  const areas = r.detail.areas ?? [];
  // A combined target with no data in any area says so once, in its reason.
  for (const a of areas.some((x) => x.actual !== null) ? areas : []) {
    rows.push({
      kind: "area",
      name: a.area,
      mark: a.sufficient ? "" : noData,
      value: a.actual === null ? "-" : actualText({ ...r, actual: a.actual }),
      change: "",
      items: "",
      count: a.validDays,
      notable: !a.sufficient,
    });
  }
  return rows;
}

/** `熬洲 (湘江): ✗ III, TP 0.12 (+0.2x), 12 samplings`: a sub-row as one line of text. */
export function subRowLine(row: SubRow, lang: Lang): string {
  const count = t(lang, row.kind === "section" ? "detail.samplings" : "detail.validDays", {
    count: row.count,
  });
  const head = [row.mark, row.change || row.value].filter(Boolean).join(" ");
  return `${row.name}: ${[head, row.items, count].filter(Boolean).join(", ")}`;
}

/**
 * Text safe in a Markdown table cell: backslashes and `|` escaped, `&`, `<`, `>` as entities (so a
 * station named `<script>` is text, not HTML), the emphasis/code/link characters escaped, newlines
 * as spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|[\r\n]/g, " ")
    .replace(/[\\`*_[\]~|]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** A table row; the cells are escaped here. */
function row(cells: readonly (string | number)[]): string {
  return `| ${cells.map((c) => escapeMarkdown(String(c))).join(" | ")} |`;
}

const COLUMNS: MessageKey[] = [
  "col.id",
  "col.target",
  "col.status",
  "col.actual",
  "col.required",
  "col.margin",
  "col.validDays",
  "col.clause",
];

export const formatMarkdown: Formatter = (report, { lang }) => {
  const e = escapeMarkdown;
  const plan = t(lang, "plan", {
    title: report.plan.title,
    year: report.plan.year,
    file: report.plan.targetsFile,
  });
  const lines = [
    `**${e(plan)}**`,
    "",
    row(COLUMNS.map((k) => t(lang, k))),
    `|${" --- |".repeat(COLUMNS.length)}`,
  ];
  for (const r of report.results) {
    const cells = [r.id, r.title, statusText(r, lang), actualText(r), requiredText(r), marginText(r)];
    const [id, title, status, ...rest] = cells.map(e);
    // A failing target that counts is bold in the status column.
    const shown = r.status === "fail" && !r.informational ? `**${status}**` : status;
    lines.push(`| ${[id, title, shown, ...rest, e(String(r.validDays ?? "-")), e(r.clause)].join(" | ")} |`);
    for (const s of subRows(r, lang))
      lines.push(row(["", `↳ ${s.name}`, s.mark, s.value, s.change, s.items, s.count, ""]));
  }
  lines.push("", `**${e(t(lang, "summary", report.summary))}**`);
  const notes = reasons(report, lang);
  if (notes.length > 0) lines.push("", ...notes.map((n) => `- ${e(n)}`));
  lines.push("", `#### ${e(t(lang, "basis.title"))}`, "", ...basis(report, lang));
  return `${lines.join("\n")}\n`;
};

/** The reason of every target that has one; targets without input data summed up per reason. */
function reasons(report: CheckReport, lang: Lang): string[] {
  const lines: string[] = [];
  const noInput = new Map<string, string[]>();
  for (const r of report.results) {
    const reason = r.detail.reason ?? "";
    if (r.detail.reasonCode === "no-input") noInput.set(reason, [...(noInput.get(reason) ?? []), r.id]);
    else if (reason) lines.push(`${r.id}: ${reason}`);
  }
  for (const [reason, ids] of noInput)
    lines.push(t(lang, "reason.notChecked", { count: ids.length, reason }));
  return lines;
}

/** A list of the methods, day validity, hour convention, inputs, and what was skipped, rejected or odd in them. */
function basis(report: CheckReport, lang: Lang): string[] {
  const item = (text: string, depth = 0) => `${"  ".repeat(depth)}- ${escapeMarkdown(text)}`;
  const lines = [
    item(t(lang, "basis.standards", report.standards)),
    item(t(lang, "basis.dayValidity", { rule: t(lang, `dayValidity.${report.dayValidity}` as MessageKey) })),
  ];
  if (report.hourConvention === "ending" || report.hourConvention === "beginning")
    lines.push(item(t(lang, `basis.hourConvention.${report.hourConvention}`)));
  if (report.inputs.length === 0) lines.push(item(t(lang, "basis.noInputs")));
  for (const input of report.inputs) lines.push(item(inputLine(report, input, lang)));
  for (const f of report.skippedFiles)
    lines.push(item(t(lang, "warn.skipped", { ...f, reason: f.reason.split(";")[0] ?? "" })));
  for (const input of report.inputs) {
    if (input.rejectedRows > 0) {
      const codes = Object.entries(input.rejectedByCode)
        .map(([code, n]) => `${code} ${n}`)
        .join(", ");
      lines.push(item(t(lang, "warn.rejected", { file: input.file, count: input.rejectedRows, codes })));
      const shown = input.rejected.slice(0, MAX_PRINTED_REJECTIONS);
      lines.push(...shown.map((p) => item(formatProblem(p), 1)));
      const more = input.rejectedRows - shown.length;
      if (more > 0) lines.push(item(t(lang, "warn.rejectedMore", { count: more }), 1));
    }
    if (input.unassignedRows > 0) {
      const stations = input.unassignedStations.map((s) => `${s.station} (${s.rows})`).join(", ");
      lines.push(
        item(
          t(lang, input.kind === "ledger" ? "warn.unknownIndicators" : "warn.unassigned", {
            file: input.file,
            count: input.unassignedRows,
            stations,
          }),
        ),
      );
    }
    const first = input.aqiCheck.examples[0];
    if (first) {
      const mismatch = t(lang, "warn.aqiMismatch", {
        file: input.file,
        count: input.aqiCheck.mismatches,
        checked: input.aqiCheck.rowsChecked,
        ...first,
      });
      lines.push(item(mismatch + (input.aqiCheck.withoutO3_1h ? ` ${t(lang, "warn.aqiMismatchNoO3")}` : "")));
    }
  }
  return lines;
}
