// Markdown for merge-request comments and reports: the view laid out as the terminal table shows it (one
// table row per target with its per-area / per-section rows, the summary, the notes, the edition
// comparison and the data basis).
import type { Formatter } from "./format.js";
import { buildView, type CheckView, type ResultRow, type SubRow } from "./view.js";

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

const e = escapeMarkdown;

/** A table row; the cells are escaped here. */
export function markdownRow(cells: readonly (string | number)[]): string {
  return `| ${cells.map((c) => e(String(c))).join(" | ")} |`;
}

/** A table: its head, the separator line and the rows. */
export function markdownTable(
  head: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string[] {
  return [markdownRow(head), `|${" --- |".repeat(head.length)}`, ...rows.map(markdownRow)];
}

/** A list item, indented `depth` levels. */
export function markdownItem(text: string, depth = 0): string {
  return `${"  ".repeat(depth)}- ${e(text)}`;
}

/** A per-area or per-section row in the columns of the target table, as the terminal table places it. */
function subRowCells(s: SubRow): string[] {
  // An area has no items or change: its row leaves those cells empty.
  return ["", `↳ ${s.name}`, s.mark, s.value, "", s.items, s.change, String(s.count), ""];
}

function targetRows(row: ResultRow): string[] {
  const [id, title, status, ...rest] = [
    row.id,
    row.title,
    row.label,
    row.actual,
    row.required,
    row.margin,
    row.baseline,
    row.validDays,
    row.clause,
  ].map(e);
  // A failing target that counts is bold in the status column.
  const shown = row.failure ? `**${status}**` : status;
  return [
    `| ${[id, title, shown, ...rest].join(" | ")} |`,
    ...row.subRows.map((s) => markdownRow(subRowCells(s))),
  ];
}

/** The notes under the table: reasons, projections, waivers, revisions, targets not checked. */
export function noteItems(view: CheckView): string[] {
  const { notes } = view;
  return [
    ...(notes.footnote !== undefined ? [markdownItem(notes.footnote)] : []),
    ...notes.reasons.map((r) => markdownItem(r.text)),
    ...notes.projections.map((p) => markdownItem(p.text)),
    ...notes.waivers.map((w) => markdownItem(w.text)),
    ...notes.waivedDays.map((text) => markdownItem(text)),
    ...(notes.revisions
      ? [
          markdownItem(notes.revisions.summary),
          ...notes.revisions.largest.map((text) => markdownItem(text, 1)),
        ]
      : []),
    ...notes.notChecked.map((n) => markdownItem(n.text)),
  ];
}

/** The edition comparison (--compare-editions) as a headed table and its legend. */
export function editionsSection(view: CheckView, heading: string): string[] {
  const editions = view.notes.editions;
  if (!editions) return [];
  return [
    "",
    `${heading} ${e(editions.title)}`,
    "",
    ...markdownTable(editions.head, editions.rows),
    "",
    e(editions.legend),
  ];
}

/** The data basis as a list: methods, window, day validity, inputs, and what was skipped, rejected or short. */
export function basisItems(view: CheckView): string[] {
  const b = view.basis;
  return [
    markdownItem(b.standards),
    markdownItem(b.window),
    markdownItem(b.dayValidity),
    ...(b.hourConvention !== undefined ? [markdownItem(b.hourConvention)] : []),
    ...(b.noInputs !== undefined ? [markdownItem(b.noInputs)] : []),
    ...b.inputs.map((text) => markdownItem(text)),
    ...b.skipped.map((text) => markdownItem(text)),
    ...b.capture.map((text) => markdownItem(text)),
    ...b.inputNotes.map((n) => markdownItem(n.text, n.detail ? 1 : 0)),
  ];
}

export const formatMarkdown: Formatter = (report, { lang }) => {
  const view = buildView(report, lang);
  const lines = [
    `**${e(view.plan.line)}**`,
    "",
    markdownRow(view.head),
    `|${" --- |".repeat(view.head.length)}`,
    ...view.rows.flatMap(targetRows),
    "",
    `**${e(view.summary.text)}**`,
  ];
  const notes = noteItems(view);
  if (notes.length > 0) lines.push("", ...notes);
  lines.push(...editionsSection(view, "####"));
  lines.push("", `#### ${e(view.basis.title)}`, "", ...basisItems(view));
  return `${lines.join("\n")}\n`;
};
