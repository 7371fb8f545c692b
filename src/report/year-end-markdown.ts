// The year-end report as Markdown: the sections of the HTML report as tables, each chart an SVG file
// next to the .md, linked by its relative name (a Markdown viewer shows it; GitLab and GitHub do).
import { basename, dirname, extname, join } from "node:path";
import { t, type Lang, type MessageKey } from "../i18n.js";
import { REPORTED_DECIMALS } from "../methods/air.js";
import { roundGbt8170 } from "../methods/rounding.js";
import { VERSION } from "../version.js";
import {
  editionsSection,
  escapeMarkdown,
  markdownItem,
  markdownRow as row,
  markdownTable as tableLines,
} from "./markdown.js";
import type { YearEnd } from "./year-end.js";

const e = escapeMarkdown;

function label(lang: Lang, key: MessageKey): string {
  return t(lang, key);
}

/** `out/report.md` -> `out/report-air-pm-1.svg`: beside the document, named after it, so two reports in one folder keep their charts apart. */
export function chartPath(output: string, chartId: string): string {
  const ext = extname(output);
  const stem = basename(output, ext === ".md" || ext === ".markdown" ? ext : "");
  return join(dirname(output), `${stem}-${chartId}.svg`);
}

/** A link target for a file name: spaces and parentheses percent-encoded so the link stays one token. */
function linkTarget(file: string): string {
  return file.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/**
 * The Markdown report; `chartFiles` holds the file name (relative to the .md) of each chart of
 * `doc.charts`, in order.
 */
export function formatYearEndMarkdown(doc: YearEnd, chartFiles: readonly string[]): string {
  const { lang, view } = doc;
  const s = view.summary;
  const lines: string[] = [
    `# ${e(t(lang, "report.title", { title: view.plan.title }))}`,
    "",
    e(t(lang, "report.meta", { ...view.window, year: view.plan.year, file: view.plan.targetsFile })),
    "",
    `## ${e(label(lang, "report.summary"))}`,
    "",
    ...tableLines(
      [t(lang, "status.pass"), t(lang, "status.warn"), t(lang, "status.fail"), t(lang, "status.no-data")],
      [[s.pass, s.warn, s.fail, s.noData]],
    ),
    "",
    e(t(lang, "report.total", { count: s.total })),
    "",
    e(s.text),
  ];
  if (doc.headline.length > 0)
    lines.push(
      "",
      `### ${e(label(lang, "report.headline"))}`,
      "",
      ...tableLines(
        [t(lang, "col.target"), t(lang, "col.actual"), t(lang, "col.required"), t(lang, "col.status")],
        doc.headline.map((r) => [r.title, r.actual, r.required, r.label]),
      ),
    );

  lines.push("", `## ${e(label(lang, "report.targets"))}`);
  for (const g of doc.groups) {
    lines.push("", `### ${e(t(lang, `report.family.${g.family}`))}`, "");
    lines.push(
      row([
        t(lang, "col.id"),
        t(lang, "col.target"),
        t(lang, "col.status"),
        t(lang, "col.actual"),
        t(lang, "col.required"),
        t(lang, "col.margin"),
        t(lang, "col.baseline"),
        t(lang, "col.validDays"),
        t(lang, "report.col.quote"),
      ]),
      `|${" --- |".repeat(9)}`,
    );
    for (const r of g.rows) {
      const reason = r.reason ? ` — ${r.reason}` : "";
      lines.push(
        row([
          r.id,
          r.title,
          r.label,
          r.actual,
          r.required,
          r.margin,
          r.baseline,
          r.validDays,
          r.clauseLine + reason,
        ]),
      );
      for (const sub of r.subRows)
        lines.push(
          row(["", `↳ ${sub.name}`, sub.mark, sub.change || sub.value, "", sub.items, "", sub.count, ""]),
        );
    }
  }
  if (view.notes.footnote !== undefined) lines.push("", e(view.notes.footnote));
  for (const n of view.notes.notChecked)
    lines.push("", `${e(n.text)}: ${n.ids.map((id) => `\`${id.replace(/`/g, "")}\``).join(", ")}`);
  if (view.notes.projections.length > 0)
    lines.push(
      "",
      `### ${e(label(lang, "report.projections"))}`,
      "",
      ...view.notes.projections.map((p) => markdownItem(p.text)),
    );
  lines.push(...editionsSection(view, "###"));

  for (const family of ["air", "water", "ledger"] as const) {
    const charts = doc.charts
      .map((c, i) => ({ c, file: chartFiles[i] ?? "" }))
      .filter(({ c }) => c.family === family);
    if (charts.length === 0) continue;
    lines.push("", `## ${e(t(lang, `report.family.${family}`))}`);
    for (const { c, file } of charts) {
      lines.push("", `### ${e(c.title)}`, "", `![${e(c.title)}](${linkTarget(file)})`, "", `_${e(c.note)}_`);
      const match = /^air-calendar-(\d+)$/.exec(c.id);
      const area = match ? doc.monthly[Number(match[1]) - 1] : undefined;
      if (!area) continue;
      const names = t(lang, "report.months").split(" ");
      lines.push(
        "",
        ...tableLines(
          [
            t(lang, "report.col.month"),
            "PM2.5",
            "PM10",
            t(lang, "col.validDays"),
            t(lang, "report.col.goodDays"),
            t(lang, "report.col.goodRate"),
          ],
          area.months.map((m) => [
            names[Number(m.month.slice(5, 7)) - 1] ?? m.month,
            ...(["PM2.5", "PM10"] as const).map((p) => {
              const v = m.means[p];
              const d = REPORTED_DECIMALS[p];
              return v === undefined ? "-" : roundGbt8170(v, d).toFixed(d);
            }),
            m.validDays,
            m.goodDays,
            m.goodRate === null ? "-" : roundGbt8170(m.goodRate, 1).toFixed(1),
          ]),
        ),
      );
    }
  }

  lines.push(
    "",
    `## ${e(t(lang, "basis.title"))}`,
    "",
    e(view.basis.window),
    "",
    `### ${e(label(lang, "report.basis.files"))}`,
    "",
  );
  if (view.basis.noInputs !== undefined) lines.push(e(view.basis.noInputs));
  else
    lines.push(
      ...tableLines(
        [
          t(lang, "report.col.file"),
          t(lang, "report.col.kind"),
          t(lang, "report.col.encoding"),
          t(lang, "report.col.rows"),
          t(lang, "report.col.rejected"),
          t(lang, "report.col.outside"),
          t(lang, "report.col.unassigned"),
          t(lang, "report.col.dates"),
        ],
        view.basis.inputTable.map((i) => [
          i.file,
          i.kind,
          i.encoding,
          i.rows,
          i.rejected,
          i.outside,
          i.unassigned,
          i.dates,
        ]),
      ),
    );
  const notes = doc.notes;
  if (notes.length > 0)
    lines.push("", `### ${e(label(lang, "report.basis.notes"))}`, "", ...notes.map((n) => `- ${e(n)}`));
  if (doc.capture.length > 0) {
    lines.push(
      "",
      `### ${e(label(lang, "report.basis.capture"))}`,
      "",
      ...tableLines(
        [
          t(lang, "report.col.area"),
          t(lang, "report.col.days"),
          t(lang, "report.col.dataDays"),
          t(lang, "col.validDays"),
          t(lang, "report.col.capture"),
          t(lang, "report.col.shortMonths"),
        ],
        doc.capture.map((c) => [
          c.name,
          c.days,
          c.dataDays,
          c.validDays,
          c.days === 0 ? "-" : `${((c.validDays / c.days) * 100).toFixed(1)}%`,
          c.shortMonths.join("; ") || "-",
        ]),
      ),
    );
    if (doc.moreAreas > 0) lines.push("", e(t(lang, "report.moreAreas", { count: doc.moreAreas })));
  }
  lines.push(
    "",
    `### ${e(label(lang, "report.basis.methods"))}`,
    "",
    ...view.basis.methods.map((m) => markdownItem(m)),
    "",
    "---",
    "",
    `_${e(t(lang, "report.generated", { version: VERSION }))}_`,
  );
  return `${lines.join("\n")}\n`;
}
