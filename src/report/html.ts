// The year-end report as one self-contained HTML file: inline CSS, inline SVG charts, no script, no font
// and no other resource fetched from anywhere (bureau machines are often offline), printable on A4.
// Every text from the data or the target file goes through esc(): a station named `<script>` is text.
import { t, type Lang, type MessageKey } from "../i18n.js";
import { VERSION } from "../version.js";
import type { ResultRow } from "./view.js";
import { REPORTED_DECIMALS } from "../methods/air.js";
import { roundGbt8170 } from "../methods/rounding.js";
import type { YearEnd } from "./year-end.js";

/** Text as HTML: the five characters that could start markup or end an attribute become entities. */
export function esc(text: string | number): string {
  return String(text).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

/**
 * The page's font stack: Latin faces first, then a CJK face present on each system (Windows: Microsoft
 * YaHei, SimHei; macOS: PingFang SC, Hiragino; Linux: Noto Sans CJK, Source Han Sans, WenQuanYi).
 */
const FONTS =
  '"Segoe UI", "Helvetica Neue", Arial, "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", ' +
  '"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", SimHei, sans-serif';

const CSS = `
:root { --pass: #2e7d32; --warn: #b26a00; --fail: #c62828; --nodata: #6b7280; --accent: #24548f; }
* { box-sizing: border-box; }
html { font-family: ${FONTS}; color: #1f2328; background: #eef0f3; line-height: 1.45;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
.page { max-width: 210mm; margin: 0 auto; padding: 14mm 13mm; background: #fff; }
header { border-bottom: 3px solid var(--accent); padding-bottom: 8px; margin-bottom: 8px; }
h1 { font-size: 22px; margin: 0 0 4px; color: var(--accent); }
h2 { font-size: 17px; margin: 26px 0 10px; padding-bottom: 3px; border-bottom: 1px solid #c9d3e0; color: var(--accent); }
h3 { font-size: 14px; margin: 18px 0 6px; }
p { margin: 4px 0; }
.meta, .note, .foot { color: #57606a; font-size: 12px; }
code { font-family: Consolas, "Courier New", monospace; font-size: 11px; color: #57606a; }
.counts { display: flex; gap: 8px; margin: 8px 0; }
.count { flex: 1; border-radius: 6px; padding: 8px 10px; color: #fff; }
.count .n { display: block; font-size: 26px; font-weight: 700; line-height: 1.1; }
.count .l { font-size: 12px; }
.count.pass { background: var(--pass); } .count.warn { background: var(--warn); }
.count.fail { background: var(--fail); } .count.no-data { background: var(--nodata); }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; margin: 8px 0; }
.card { border: 1px solid #d0d7de; border-left-width: 5px; border-radius: 4px; padding: 6px 8px; break-inside: avoid; }
.card.pass { border-left-color: var(--pass); } .card.warn { border-left-color: var(--warn); }
.card.fail { border-left-color: var(--fail); } .card.no-data { border-left-color: var(--nodata); }
.card .t { font-size: 11px; color: #57606a; min-height: 2.9em; }
.card .v { font-size: 20px; font-weight: 700; white-space: nowrap; }
.card .r { font-size: 11px; color: #57606a; }
table { border-collapse: collapse; width: 100%; font-size: 12px; margin: 6px 0 10px; }
table.targets { table-layout: fixed; }
table.targets td { overflow-wrap: anywhere; }
th { text-align: left; font-weight: 600; background: #f3f5f8; border-bottom: 1px solid #c9d3e0; padding: 4px 6px; }
td { border-bottom: 1px solid #e5e8ec; padding: 3px 6px; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tbody.target td { border-bottom: none; }
tbody.target tr:last-child td { border-bottom: 1px solid #e5e8ec; }
tr.sub td { color: #57606a; font-size: 11px; padding-top: 0; padding-bottom: 0; }
tr.sub td.name { padding-left: 18px; }
tr.quote td { font-size: 11px; color: #57606a; padding-top: 0; }
.badge { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff; font-size: 11px; white-space: nowrap; }
.badge.pass { background: var(--pass); } .badge.warn { background: var(--warn); }
.badge.fail { background: var(--fail); } .badge.no-data { background: var(--nodata); }
.badge.info { opacity: 0.75; }
figure.chart { margin: 14px 0 18px; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { font-weight: 600; font-size: 13px; margin-bottom: 4px; }
figure.chart svg { display: block; width: 100%; height: auto; border: 1px solid #e5e8ec; }
ul { margin: 4px 0; padding-left: 20px; font-size: 12px; }
@page { size: A4; margin: 12mm 11mm; }
@media print {
  html { background: #fff; }
  .page { max-width: none; margin: 0; padding: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tbody.target, tr, .counts, .cards { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  figure.chart svg { border: none; }
}
`;

function badge(r: ResultRow): string {
  const info = r.informational ? " info" : "";
  return `<span class="badge ${esc(r.status)}${info}">${esc(r.label)}</span>`;
}

function th(lang: Lang, key: MessageKey, num = false): string {
  return `<th${num ? ' class="num"' : ""}>${esc(t(lang, key))}</th>`;
}

function table(head: string[], rows: string[]): string {
  return `<table><thead><tr>${head.join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function numCell(text: string | number, attrs = ""): string {
  return `<td class="num"${attrs}>${esc(text)}</td>`;
}

/** A number as a data attribute, so a test or a script reads the figure without parsing the label. */
function dataNumber(name: string, value: number | null): string {
  return value === null ? "" : ` data-${name}="${esc(String(value))}"`;
}

function summary(doc: YearEnd): string {
  const { lang, view } = doc;
  const s = view.summary;
  const counts = (
    [
      ["pass", s.pass],
      ["warn", s.warn],
      ["fail", s.fail],
      ["no-data", s.noData],
    ] as const
  )
    .map(
      ([status, n]) =>
        `<div class="count ${status}" data-status="${status}" data-count="${n}"><span class="n">${n}</span><span class="l">${esc(t(lang, `status.${status}`))}</span></div>`,
    )
    .join("");
  const cards = doc.headline
    .map(
      (r) =>
        `<div class="card ${esc(r.status)}" data-id="${esc(r.id)}"${dataNumber("actual", r.figures.actual)}>` +
        `<div class="t">${esc(r.title)}</div><div class="v">${esc(r.actual)}</div>` +
        `<div class="r">${esc(r.required)} · ${badge(r)}</div></div>`,
    )
    .join("");
  return (
    `<section id="summary"><h2>${esc(t(lang, "report.summary"))}</h2>` +
    `<div class="counts">${counts}</div>` +
    `<p>${esc(t(lang, "report.total", { count: s.total }))} · ${esc(s.text)}</p>` +
    (cards ? `<h3>${esc(t(lang, "report.headline"))}</h3><div class="cards">${cards}</div>` : "") +
    `</section>`
  );
}

function targetBody(r: ResultRow): string {
  const main =
    `<tr><td class="name"><div>${esc(r.title)}</div><code>${esc(r.id)}</code></td>` +
    `<td>${badge(r)}</td>` +
    numCell(r.actual, ` data-field="actual"${dataNumber("value", r.figures.actual)}`) +
    numCell(r.required, ' data-field="required"') +
    numCell(r.margin, ` data-field="margin"${dataNumber("value", r.figures.margin)}`) +
    numCell(r.baseline, ` data-field="baseline"${dataNumber("value", r.figures.baselineDelta)}`) +
    numCell(r.validDays, ` data-field="validDays"${dataNumber("value", r.figures.validDays)}`) +
    `</tr>`;
  const subs = r.subRows
    .map(
      (s) =>
        `<tr class="sub"><td class="name">↳ ${esc(s.name)}</td><td>${esc(s.mark)}</td>` +
        `<td class="num">${esc(s.change || s.value)}</td><td colspan="3">${esc(s.items)}</td><td class="num">${esc(s.count)}</td></tr>`,
    )
    .join("");
  const reason = r.reason ? ` — ${r.reason}` : "";
  const quote = `<tr class="quote"><td colspan="7">${esc(r.clauseLine)}${esc(reason)}</td></tr>`;
  return `<tbody class="target" data-id="${esc(r.id)}" data-status="${esc(r.status)}">${main}${subs}${quote}</tbody>`;
}

/** The targets tables' column widths, the same for every family so the columns line up down the page. */
const COLUMNS = `<colgroup>${[37, 11, 11, 12, 8, 13, 8].map((w) => `<col style="width:${w}%">`).join("")}</colgroup>`;

function targets(doc: YearEnd): string {
  const { lang } = doc;
  const head =
    `<thead><tr>${th(lang, "col.target")}${th(lang, "col.status")}${th(lang, "col.actual", true)}` +
    `${th(lang, "col.required", true)}${th(lang, "col.margin", true)}${th(lang, "col.baseline", true)}` +
    `${th(lang, "col.validDays", true)}</tr></thead>`;
  const parts = doc.groups.map(
    (g) =>
      `<h3>${esc(t(lang, `report.family.${g.family}`))}</h3><table class="targets">${COLUMNS}${head}` +
      `${g.rows.map(targetBody).join("")}</table>`,
  );
  const skipped = doc.view.notes.notChecked.map(
    (n) =>
      `<p class="note">${esc(n.text)}: ` + `${n.ids.map((id) => `<code>${esc(id)}</code>`).join(", ")}</p>`,
  );
  const footnote = doc.view.notes.footnote;
  const marked = footnote !== undefined ? `<p class="note footnote">${esc(footnote)}</p>` : "";
  return `<section id="targets"><h2>${esc(t(lang, "report.targets"))}</h2>${parts.join("")}${marked}${skipped.join("")}${projections(doc)}${editions(doc)}</section>`;
}

/** Year to date (--as-of): what the rest of the year may bring for each projected target. */
function projections(doc: YearEnd): string {
  const list = doc.view.notes.projections;
  if (list.length === 0) return "";
  const items = list.map(
    (p) => `<li data-id="${esc(p.id)}" data-projection="${esc(p.status)}">${esc(p.text)}</li>`,
  );
  return `<h3>${esc(t(doc.lang, "report.projections"))}</h3><ul class="projections">${items.join("")}</ul>`;
}

/** The edition comparison (--compare-editions), as the terminal table shows it. */
function editions(doc: YearEnd): string {
  const ed = doc.view.notes.editions;
  if (!ed) return "";
  const rows = ed.rows.map((cells) => `<tr>${cells.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`);
  return (
    `<h3>${esc(ed.title)}</h3>` +
    table(
      ed.head.map((h) => `<th>${esc(h)}</th>`),
      rows,
    ) +
    `<p class="note">${esc(ed.legend)}</p>`
  );
}

/** An ECharts SVG made fit for inline use: namespaces dropped (HTML needs none), labelled for readers. */
function inlineSvg(svg: string, title: string): string {
  return svg
    .replace(/\s+xmlns(:xlink)?="[^"]*"/g, "")
    .replace(/^<svg /, `<svg role="img" aria-label="${esc(title)}" `);
}

function monthTable(doc: YearEnd, index: number): string {
  const { lang } = doc;
  const area = doc.monthly[index];
  if (!area) return "";
  const names = t(lang, "report.months").split(" ");
  const rows = area.months.map((m) => {
    const name = names[Number(m.month.slice(5, 7)) - 1] ?? m.month;
    const pm = (["PM2.5", "PM10"] as const).map((p) => {
      const v = m.means[p];
      const d = REPORTED_DECIMALS[p];
      return numCell(v === undefined ? "-" : roundGbt8170(v, d).toFixed(d), ` data-field="${p}"`);
    });
    const rate = m.goodRate === null ? "-" : roundGbt8170(m.goodRate, 1).toFixed(1);
    return (
      `<tr data-month="${esc(m.month)}"><td>${esc(name)}</td>${pm.join("")}` +
      numCell(m.validDays, ' data-field="validDays"') +
      numCell(m.goodDays, ' data-field="goodDays"') +
      numCell(rate, ' data-field="goodRate"') +
      `</tr>`
    );
  });
  return (
    `<table class="months" data-area="${esc(area.area)}"><thead><tr>${th(lang, "report.col.month")}` +
    `<th class="num">PM2.5</th><th class="num">PM10</th>${th(lang, "col.validDays", true)}` +
    `${th(lang, "report.col.goodDays", true)}${th(lang, "report.col.goodRate", true)}</tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table>`
  );
}

function charts(doc: YearEnd, svgs: readonly string[]): string {
  const { lang } = doc;
  const sections: string[] = [];
  for (const family of ["air", "water", "ledger"] as const) {
    const figures: string[] = [];
    doc.charts.forEach((c, i) => {
      if (c.family !== family) return;
      figures.push(
        `<figure class="chart" id="chart-${esc(c.id)}" data-chart="${esc(c.id)}">` +
          `<figcaption>${esc(c.title)}</figcaption>${inlineSvg(svgs[i] ?? "", c.title)}` +
          `<p class="note">${esc(c.note)}</p></figure>`,
      );
      // The month-by-month figures under each area's calendar, its last chart.
      const match = /^air-calendar-(\d+)$/.exec(c.id);
      if (match) figures.push(monthTable(doc, Number(match[1]) - 1));
    });
    if (figures.length > 0)
      sections.push(
        `<section id="charts-${family}"><h2>${esc(t(lang, `report.family.${family}`))}</h2>${figures.join("")}</section>`,
      );
  }
  return sections.join("");
}

function basis(doc: YearEnd): string {
  const { lang, view } = doc;
  const items = (lines: string[]) => `<ul>${lines.map((l) => `<li>${esc(l)}</li>`).join("")}</ul>`;
  const files = table(
    [
      th(lang, "report.col.file"),
      th(lang, "report.col.kind"),
      th(lang, "report.col.encoding"),
      th(lang, "report.col.rows", true),
      th(lang, "report.col.rejected", true),
      th(lang, "report.col.outside", true),
      th(lang, "report.col.unassigned", true),
      th(lang, "report.col.dates"),
    ],
    view.basis.inputTable.map(
      (i) =>
        `<tr data-file="${esc(i.file)}"><td>${esc(i.file)}</td><td>${esc(i.kind)}</td><td>${esc(i.encoding)}</td>` +
        numCell(i.rows, ' data-field="rows"') +
        numCell(i.rejected, ' data-field="rejectedRows"') +
        numCell(i.outside) +
        numCell(i.unassigned) +
        `<td>${esc(i.dates)}</td></tr>`,
    ),
  );
  const notes = doc.notes;
  const capture =
    doc.capture.length === 0
      ? ""
      : `<h3>${esc(t(lang, "report.basis.capture"))}</h3>` +
        table(
          [
            th(lang, "report.col.area"),
            th(lang, "report.col.days", true),
            th(lang, "report.col.dataDays", true),
            th(lang, "col.validDays", true),
            th(lang, "report.col.capture", true),
            th(lang, "report.col.shortMonths"),
          ],
          doc.capture.map(
            (c) =>
              `<tr data-area="${esc(c.area)}"><td>${esc(c.name)}</td>` +
              numCell(c.days) +
              numCell(c.dataDays) +
              numCell(c.validDays, ' data-field="validDays"') +
              numCell(c.days === 0 ? "-" : `${((c.validDays / c.days) * 100).toFixed(1)}%`) +
              `<td>${esc(c.shortMonths.join("; ") || "-")}</td></tr>`,
          ),
        ) +
        (doc.moreAreas > 0
          ? `<p class="note">${esc(t(lang, "report.moreAreas", { count: doc.moreAreas }))}</p>`
          : "");
  return (
    `<section id="basis"><h2>${esc(t(lang, "basis.title"))}</h2>` +
    `<p class="meta">${esc(view.basis.window)}</p>` +
    `<h3>${esc(t(lang, "report.basis.files"))}</h3>` +
    (view.basis.noInputs !== undefined ? `<p>${esc(view.basis.noInputs)}</p>` : files) +
    (notes.length > 0 ? `<h3>${esc(t(lang, "report.basis.notes"))}</h3>${items(notes)}` : "") +
    capture +
    `<h3>${esc(t(lang, "report.basis.methods"))}</h3>${items(view.basis.methods)}` +
    `</section>`
  );
}

/** The whole HTML document; `svgs` holds one rendered SVG per chart of `doc.charts`. */
export function formatYearEndHtml(doc: YearEnd, svgs: readonly string[]): string {
  const { lang, view } = doc;
  const title = t(lang, "report.title", { title: view.plan.title });
  const meta = t(lang, "report.meta", { ...view.window, year: view.plan.year, file: view.plan.targetsFile });
  return (
    `<!DOCTYPE html>\n<html lang="${lang === "zh" ? "zh-CN" : "en"}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="generator" content="hy-check ${esc(VERSION)}">\n<title>${esc(title)}</title>\n` +
    `<style>${CSS}</style>\n</head>\n<body>\n<main class="page">\n` +
    `<header><h1>${esc(title)}</h1><p class="meta">${esc(meta)}</p></header>\n` +
    `${summary(doc)}\n${targets(doc)}\n${charts(doc, svgs)}\n${basis(doc)}\n` +
    `<footer class="foot"><p>${esc(t(lang, "report.generated", { version: VERSION }))}</p></footer>\n` +
    `</main>\n</body>\n</html>\n`
  );
}
