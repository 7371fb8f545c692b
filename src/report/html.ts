// The year-end report as one self-contained HTML file: inline CSS, inline SVG charts, the CJK glyphs it uses
// as an embedded font, no script and nothing fetched from anywhere (bureau machines are often offline),
// readable from a 360 px phone to A4 print.
// Every text from the data or the target file goes through esc(): a station named `<script>` is text.
import { t, type Lang, type MessageKey } from "../i18n.js";
import { VERSION } from "../version.js";
import type { ResultRow } from "./view.js";
import { REPORTED_DECIMALS } from "../methods/air.js";
import { roundGbt8170 } from "../methods/rounding.js";
import type { YearEnd, YearEndCount } from "./year-end.js";
import { EMBEDDED_FONT, embeddedFontCss } from "./webfont.js";

/** Text as HTML: the five characters that could start markup or end an attribute become entities. */
export function esc(text: string | number): string {
  return String(text).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

/**
 * The page's font stack: the report's embedded CJK subset first (webfont.ts; it holds CJK characters only,
 * so everything else falls through to the Latin faces), so Chinese reads the same on every machine; the
 * system CJK faces stay behind for any glyph the subset lacks.
 */
const FONTS =
  `"${EMBEDDED_FONT}", "Segoe UI", "Helvetica Neue", Arial, "Microsoft YaHei", "PingFang SC", ` +
  '"Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", SimHei, sans-serif';

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
.counts { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
.count { flex: 1 1 90px; border-radius: 6px; padding: 8px 10px; color: #fff; }
.count .n { display: block; font-size: 26px; font-weight: 700; line-height: 1.1; }
.count .l { font-size: 12px; }
.count.pass { background: var(--pass); } .count.warn { background: var(--warn); }
.count.fail { background: var(--fail); } .count.no-data, .count.manual, .count.not-checked { background: var(--nodata); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 8px; margin: 8px 0; }
.card { border: 1px solid #d0d7de; border-left-width: 5px; border-radius: 4px; padding: 6px 8px; break-inside: avoid; }
.card.pass { border-left-color: var(--pass); } .card.warn { border-left-color: var(--warn); }
.card.fail { border-left-color: var(--fail); } .card.no-data { border-left-color: var(--nodata); }
.card .t { font-size: 11px; color: #57606a; min-height: 2.9em; }
.card .v { font-size: 20px; font-weight: 700; overflow-wrap: anywhere; }
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
/* A badge wraps inside its cell rather than running over the figures beside it. */
.badge { display: inline-block; max-width: 100%; padding: 0 6px; border-radius: 3px; color: #fff; font-size: 11px;
  overflow-wrap: anywhere; }
.badge.pass { background: var(--pass); } .badge.warn { background: var(--warn); }
.badge.fail { background: var(--fail); } .badge.no-data { background: var(--nodata); }
.badge.info { opacity: 0.75; }
figure.chart { margin: 14px 0 18px; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { font-weight: 600; font-size: 13px; margin-bottom: 4px; }
/* Charts are drawn 760 px wide: below 692 px their 11 px text would shrink under 10 px, so a narrow screen
   scrolls the chart in its box instead of the page. */
.chart-box { overflow-x: auto; }
figure.chart svg { display: block; width: 100%; min-width: 692px; height: auto; border: 1px solid #e5e8ec; }
/* Wide tables scroll in their box with the first column kept in view. */
.scroll { overflow-x: auto; }
.scroll table { margin: 0; }
.scroll th, .scroll td { white-space: nowrap; }
.scroll th:first-child, .scroll td:first-child { position: sticky; left: 0; background: #fff; }
.scroll th:first-child { background: #f3f5f8; }
ul { margin: 4px 0; padding-left: 20px; font-size: 12px; }
/* A phone: the targets' rows stack (name, status, then each figure under its label); tables of months and
   files scroll in their box. */
@media screen and (max-width: 640px) {
  .page { padding: 12px; }
  h1 { font-size: 19px; }
  table.targets, table.targets tbody, table.targets tr, table.targets td { display: block; width: auto; }
  table.targets thead, table.targets colgroup { display: none; }
  table.targets tr.main { display: flex; flex-wrap: wrap; gap: 2px 12px; padding-top: 6px; }
  table.targets tr.main td { border: none; padding: 0; }
  table.targets tr.main td.name, table.targets tr.main td.status { flex: 1 1 100%; }
  table.targets tr.main td.num { flex: 1 1 28%; text-align: left; }
  table.targets tr.main td.num:empty { display: none; }
  table.targets td.num::before { content: attr(data-label); display: block; font-size: 10px; color: #57606a; }
  table.targets tr.sub { display: flex; flex-wrap: wrap; gap: 0 8px; }
  table.targets tr.sub td { border: none; padding: 0; }
  table.targets tr.sub td.name { padding-left: 8px; }
  table.targets tr.quote td { padding: 2px 0 6px; }
}
@page { size: A4; margin: 12mm 11mm; }
@media print {
  html { background: #fff; }
  .page { max-width: none; margin: 0; padding: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tbody.target, tr, .counts, .cards { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  figure.chart svg { border: none; min-width: 0; }
  .chart-box, .scroll { overflow: visible; }
}
`;

function badge(r: ResultRow): string {
  const info = r.informational ? " info" : "";
  return `<span class="badge ${esc(r.status)}${info}">${esc(r.label)}</span>`;
}

function th(lang: Lang, key: MessageKey, num = false): string {
  return `<th${num ? ' class="num"' : ""}>${esc(t(lang, key))}</th>`;
}

/** A table in a box that scrolls sideways on a narrow screen, its first column fixed. */
function table(head: string[], rows: string[], attrs = ""): string {
  return `<div class="scroll"><table${attrs}><thead><tr>${head.join("")}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}

function numCell(text: string | number, attrs = ""): string {
  return `<td class="num"${attrs}>${esc(text)}</td>`;
}

/** A number as a data attribute, so a test or a script reads the figure without parsing the label. */
function dataNumber(name: string, value: number | null): string {
  return value === null ? "" : ` data-${name}="${esc(String(value))}"`;
}

const COUNT_LABELS: Record<YearEndCount["kind"], MessageKey> = {
  pass: "status.pass",
  warn: "status.warn",
  fail: "status.fail",
  "no-data": "status.no-data",
  manual: "status.manual",
  "not-checked": "report.count.notChecked",
};
/** The kinds a no-data count is split into: a box is shown only when it counts something. */
const NO_DATA_KINDS: ReadonlySet<string> = new Set(["no-data", "manual", "not-checked"]);

function summary(doc: YearEnd): string {
  const { lang, view } = doc;
  const s = view.summary;
  const counts = doc.counts
    .filter(({ kind, count }) => count > 0 || !NO_DATA_KINDS.has(kind))
    .map(
      ({ kind, count }) =>
        `<div class="count ${kind}" data-status="${kind}" data-count="${count}"><span class="n">${count}</span><span class="l">${esc(t(lang, COUNT_LABELS[kind]))}</span></div>`,
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

/** A figure's cell with its column's name as `data-label`, which a phone shows above the figure. */
function labelledCell(lang: Lang, key: MessageKey, text: string, attrs: string): string {
  return numCell(text, ` data-label="${esc(t(lang, key))}"${attrs}`);
}

function targetBody(lang: Lang, r: ResultRow): string {
  const main =
    `<tr class="main"><td class="name"><div>${esc(r.title)}</div><code>${esc(r.id)}</code></td>` +
    `<td class="status">${badge(r)}</td>` +
    labelledCell(
      lang,
      "col.actual",
      r.actual,
      ` data-field="actual"${dataNumber("value", r.figures.actual)}`,
    ) +
    labelledCell(lang, "col.required", r.required, ' data-field="required"') +
    labelledCell(
      lang,
      "col.margin",
      r.margin,
      ` data-field="margin"${dataNumber("value", r.figures.margin)}`,
    ) +
    labelledCell(
      lang,
      "col.baseline",
      r.baseline,
      ` data-field="baseline"${dataNumber("value", r.figures.baselineDelta)}`,
    ) +
    labelledCell(
      lang,
      "col.validDays",
      r.validDays,
      ` data-field="validDays"${dataNumber("value", r.figures.validDays)}`,
    ) +
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
      `${g.rows.map((r) => targetBody(lang, r)).join("")}</table>`,
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
  return table(
    [
      th(lang, "report.col.month"),
      `<th class="num">PM2.5</th><th class="num">PM10</th>`,
      th(lang, "col.validDays", true),
      th(lang, "report.col.goodDays", true),
      th(lang, "report.col.goodRate", true),
    ],
    rows,
    ` class="months" data-area="${esc(area.area)}"`,
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
          `<figcaption>${esc(c.title)}</figcaption><div class="chart-box">${inlineSvg(svgs[i] ?? "", c.title)}</div>` +
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

/** The document with the glyphs it uses embedded as a font (webfont.ts), in its style sheet. */
export async function withEmbeddedFont(html: string): Promise<string> {
  const css = await embeddedFontCss(html);
  return css === "" ? html : html.replace("<style>", () => `<style>\n${css}\n`);
}
