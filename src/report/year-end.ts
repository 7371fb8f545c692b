// The year-end report (`hy-check report`): one document for the bureau with the summary, every target
// with its plan sentence, charts of the data, and the data basis. This module decides what the document
// holds (pure, from the CheckReport and the evaluated stores); html.ts and year-end-markdown.ts lay it out,
// charts.ts draws the charts. A section appears only when its kind of data is among the inputs.
import type { DataFamily, Family } from "../metrics/metric.js";
import { check } from "../check.js";
import type { CheckOptions, EvaluatedData } from "../engine/check.js";
import type { CheckReport, TargetResult } from "../engine/result.js";
import { dailySeries, monthlySeries, windowMonths, type MonthPoint } from "../engine/series.js";
import { t, type Lang, type MessageKey } from "../i18n.js";
import { AQI_CATEGORIES, REPORTED_DECIMALS, windowValidity, type AqiCategory } from "../methods/air.js";
import { roundGbt8170 } from "../methods/rounding.js";
import type { WaterClass } from "../methods/water.js";
import type { Target, TargetFile } from "../targets/schema.js";
import {
  areaBarsChart,
  calendarChart,
  changeChart,
  goodRateChart,
  pmChart,
  renderCharts,
  waterChart,
  type ChartSpec,
} from "./charts.js";
import { buildView, type CheckView, type ResultRow } from "./view.js";
import { standardName } from "./text.js";

const FAMILIES: readonly DataFamily[] = ["air", "water", "ledger"];

/** Monthly figures of one area, shown as a table under its charts. */
export interface AreaMonths {
  area: string;
  name: string;
  months: MonthPoint[];
}

/** Data capture of one area in the window: days with data and days that count for the good-day rate. */
export interface CaptureRow {
  area: string;
  name: string;
  days: number;
  dataDays: number;
  validDays: number;
  /** `3: 20/27`, the months short of the HJ 663-2013 day counts. */
  shortMonths: string[];
}

/**
 * The summary's boxes: pass, warn and fail, and the no-data results told apart (a qualitative commitment
 * checked by hand, a target whose kind of data was not among the inputs, the rest), not one lump.
 */
export interface YearEndCount {
  kind: "pass" | "warn" | "fail" | "no-data" | "manual" | "not-checked";
  count: number;
}

export interface YearEnd {
  lang: Lang;
  counts: YearEndCount[];
  /** What the report says of each target, the notes and the data basis, in `lang`. */
  view: CheckView;
  /** The families with data among the inputs. */
  families: ReadonlySet<string>;
  /** The plan's main figures: counted air and water targets with a value. */
  headline: ResultRow[];
  /** The targets by family, for the families with data, and the qualitative commitments. */
  groups: { family: Family; rows: ResultRow[] }[];
  charts: ChartSpec[];
  monthly: AreaMonths[];
  capture: CaptureRow[];
  /** Areas with data beyond the registry's (groups of an `each:` target), counted, not listed. */
  moreAreas: number;
  /** The data basis's notes: skipped files, rejected rows, unassigned stations, AQI column, waivers, capture. */
  notes: string[];
}

const HEADLINE_MAX = 8;
const CHART_WIDTH = 760;

function splitList(lang: Lang, key: MessageKey): string[] {
  return t(lang, key).split(" ");
}

/** Month labels of the window: `1月` / `Jan`, with the year when the window spans more than one. */
function monthLabels(lang: Lang, months: readonly { month: string }[]): string[] {
  const names = splitList(lang, "report.months");
  const years = new Set(months.map((m) => m.month.slice(0, 4)));
  return months.map((m) => {
    const name = names[Number(m.month.slice(5, 7)) - 1] ?? m.month;
    return years.size > 1 ? `${m.month.slice(0, 4)} ${name}` : name;
  });
}

function areaName(plan: TargetFile, lang: Lang, id: string): string {
  return plan.areas.find((a) => a.id === id)?.name?.[lang] ?? id;
}

function resultOf(report: CheckReport, target: Target): TargetResult | undefined {
  return report.results.find((r) => r.id === target.id);
}

function reportedValue(value: number | undefined, decimals: number): number | null {
  return value === undefined ? null : roundGbt8170(value, decimals);
}

/** The figure as the table prints it, e.g. `43 ug/m3`, for the notes under the charts. */
function figure(view: CheckView, r: TargetResult | undefined): string {
  return view.rows.find((row) => row.id === r?.id)?.actual ?? "-";
}

/** Single-area air targets: the areas charted month by month, in the order the plan names them. */
function chartedAreas(plan: TargetFile, data: EvaluatedData): string[] {
  const areas: string[] = [];
  for (const target of plan.targets) {
    const area = target.scope?.area;
    if (area === undefined || areas.includes(area) || !data.stores.air.daily.areas.has(area)) continue;
    const m = target.metric;
    if (
      m.name === "air.good_rate" ||
      (m.name === "air.annual_mean" && (m.pollutant === "PM2.5" || m.pollutant === "PM10"))
    )
      areas.push(area);
  }
  return areas;
}

function airCharts(
  report: CheckReport,
  view: CheckView,
  plan: TargetFile,
  data: EvaluatedData,
  lang: Lang,
): { charts: ChartSpec[]; monthly: AreaMonths[] } {
  const charts: ChartSpec[] = [];
  const monthly: AreaMonths[] = [];
  const targetLabel = t(lang, "report.legend.target");
  const categoryNames = Object.fromEntries(
    [...AQI_CATEGORIES.map((c) => c.key), "none" as const].map((k) => [k, t(lang, `report.category.${k}`)]),
  ) as Record<AqiCategory | "none", string>;
  chartedAreas(plan, data).forEach((area, index) => {
    const name = areaName(plan, lang, area);
    const days = dailySeries(data.air, area);
    const months = monthlySeries(days, report.window);
    monthly.push({ area, name, months });
    const labels = monthLabels(lang, months);
    const n = index + 1;
    const targetFor = (metric: string, pollutant?: string) =>
      plan.targets.find(
        (x) =>
          x.scope?.area === area &&
          x.metric.name === metric &&
          (pollutant === undefined || ("pollutant" in x.metric && x.metric.pollutant === pollutant)),
      );

    const pm = (["PM2.5", "PM10"] as const).filter((p) => months.some((m) => m.means[p] !== undefined));
    if (pm.length > 0) {
      const targets = pm.map((p) => ({ p, target: targetFor("air.annual_mean", p) }));
      const limit = (x: Target | undefined) =>
        x && x.op === "<=" && typeof x.value === "number" ? x.value : null;
      charts.push({
        id: `air-pm-${n}`,
        family: "air",
        title: t(lang, "report.chart.pm", { area: name }),
        note: t(lang, "report.chart.pmNote", {
          targets: targets.map(({ p, target }) => `${p} ${limit(target) ?? "-"}`).join(", "),
          annual: targets
            .map(({ p, target }) => `${p} ${figure(view, target && resultOf(report, target))}`)
            .join(", "),
        }),
        width: CHART_WIDTH,
        height: 320,
        option: pmChart({
          months: labels,
          unit: "ug/m3",
          targetLabel,
          series: targets.map(({ p, target }) => ({
            pollutant: p,
            values: months.map((m) => reportedValue(m.means[p], REPORTED_DECIMALS[p])),
            target: limit(target),
          })),
        }),
      });
    }

    const rateTarget = targetFor("air.good_rate");
    const rate =
      rateTarget && rateTarget.op === ">=" && typeof rateTarget.value === "number" ? rateTarget.value : null;
    charts.push({
      id: `air-good-rate-${n}`,
      family: "air",
      title: t(lang, "report.chart.goodRate", { area: name }),
      note: t(lang, "report.chart.goodRateNote", {
        target: rate === null ? "-" : `${rate}%`,
        annual: figure(view, rateTarget && resultOf(report, rateTarget)),
      }),
      width: CHART_WIDTH,
      height: 280,
      option: goodRateChart({
        months: labels,
        values: months.map((m) => (m.goodRate === null ? null : roundGbt8170(m.goodRate, 1))),
        target: rate,
        targetLabel,
      }),
    });

    // Every day of the window gets a cell: a day without data is grey, like a day without a valid AQI.
    const byDate = new Map(days.map((d) => [d.date, d]));
    const calendarDays: { date: string; category: AqiCategory | null }[] = [];
    for (const m of windowMonths(report.window)) {
      const first = m.month === report.window.from.slice(0, 7) ? Number(report.window.from.slice(8, 10)) : 1;
      for (let d = first; d < first + m.days; d++) {
        const date = `${m.month}-${String(d).padStart(2, "0")}`;
        const day = byDate.get(date);
        calendarDays.push({ date, category: day && day.valid ? day.category : null });
      }
    }
    charts.push({
      id: `air-calendar-${n}`,
      family: "air",
      title: t(lang, "report.chart.calendar", { area: name }),
      note: t(lang, "report.chart.calendarNote", { aqi: standardName(report.standards.aqi) }),
      width: CHART_WIDTH,
      height: 190,
      option: calendarChart({
        from: report.window.from,
        to: report.window.to,
        days: calendarDays,
        monthNames: splitList(lang, "report.months"),
        weekdayNames: splitList(lang, "report.weekdays"),
        categoryNames,
      }),
    });
  });

  // Combined good-day-rate targets (the counties' mean): each area against the target on the mean.
  let combined = 0;
  for (const target of plan.targets) {
    if (target.metric.name !== "air.good_rate" || target.scope?.areaKind === undefined) continue;
    const r = resultOf(report, target);
    const areas = r?.detail.areas ?? [];
    if (!r || typeof r.target !== "number" || r.op === null || !areas.some((a) => a.actual !== null))
      continue;
    combined++;
    charts.push({
      id: `air-areas-${combined}`,
      family: "air",
      title: t(lang, "report.chart.areas", { title: r.title }),
      note: t(lang, "report.chart.areasNote", {
        target: `${r.target}${r.unit === "%" ? "%" : ` ${r.unit}`}`,
        actual: figure(view, r),
      }),
      width: CHART_WIDTH,
      height: Math.max(200, 60 + areas.length * 30),
      option: areaBarsChart({
        areas: areas.map((a) => ({ name: areaName(plan, lang, a.area), value: a.actual })),
        op: r.op,
        target: r.target,
        mean: r.actual,
        unit: r.unit,
        decimals: r.decimals,
        targetLabel,
        meanLabel: t(lang, "report.legend.mean"),
      }),
    });
  }
  return { charts, monthly };
}

function waterCharts(report: CheckReport, plan: TargetFile, lang: Lang): ChartSpec[] {
  const sections = new Map<string, { name: string; class: WaterClass | null }>();
  for (const r of report.results)
    for (const s of r.detail.sections ?? [])
      if (!sections.has(s.section))
        sections.set(s.section, {
          name: s.river && s.river !== s.section ? `${s.section} (${s.river})` : s.section,
          class: s.class,
        });
  if (sections.size === 0) return [];
  const classLabel = (c: WaterClass) => t(lang, "report.class", { class: c });
  const required = new Map<WaterClass, string>();
  for (const target of plan.targets) {
    const m = target.metric;
    if (m.name !== "water.sections_meeting" || target.informational) continue;
    const label = `${classLabel(m.class)} ${t(lang, "report.legend.target")}`;
    if (!required.has(m.class)) required.set(m.class, label);
  }
  return [
    {
      id: "water-classes",
      family: "water",
      title: t(lang, "report.chart.water"),
      note: t(lang, "report.chart.waterNote"),
      width: CHART_WIDTH,
      height: Math.max(200, 60 + sections.size * 30),
      option: waterChart({
        sections: [...sections.values()],
        required: [...required].map(([c, label]) => ({ class: c, label })),
        classLabel,
      }),
    },
  ];
}

function ledgerCharts(report: CheckReport, plan: TargetFile, lang: Lang): ChartSpec[] {
  const rows: { name: string; change: number; target: number; met: boolean }[] = [];
  for (const target of plan.targets) {
    const m = target.metric;
    if (m.name !== "ledger.change") continue;
    // Emissions: the changes of mass indicators (tonnes), not of rates or counts.
    if (plan.indicators.find((i) => i.id === m.indicator)?.quantity !== "mass") continue;
    const r = resultOf(report, target);
    if (!r || r.actual === null || typeof r.target !== "number") continue;
    rows.push({ name: r.title, change: r.actual, target: r.target, met: r.status === "pass" });
  }
  if (rows.length === 0) return [];
  return [
    {
      id: "ledger-emissions",
      family: "ledger",
      title: t(lang, "report.chart.emissions"),
      note: t(lang, "report.chart.emissionsNote"),
      width: CHART_WIDTH,
      height: Math.max(200, 70 + rows.length * 40),
      option: changeChart({ rows, targetLabel: t(lang, "report.legend.target") }),
    },
  ];
}

/** Days with data and valid days per registry area; the months short of the HJ 663-2013 counts. */
function captureRows(report: CheckReport, plan: TargetFile, data: EvaluatedData, lang: Lang): CaptureRow[] {
  const days = windowMonths(report.window).reduce((n, m) => n + m.days, 0);
  return plan.areas
    .filter((a) => data.stores.air.daily.areas.has(a.id))
    .map((a) => {
      const series = dailySeries(data.air, a.id);
      const valid = series.filter((d) => d.valid).map((d) => d.date);
      const validity = windowValidity(valid, report.window.from, report.window.to);
      return {
        area: a.id,
        name: a.name?.[lang] ?? a.id,
        days,
        dataDays: series.filter((d) => Object.keys(d.values).length > 0).length,
        validDays: valid.length,
        shortMonths: validity.shortMonths.map((m) => `${m.month}: ${m.days}/${m.required}`),
      };
    });
}

/** What the data basis notes besides the files: skipped, rejected, unassigned, odd, waived, revised, short. */
function basisNotes(view: CheckView): string[] {
  const { basis, notes } = view;
  return [
    ...basis.skipped,
    ...basis.inputNotes.map((n) => n.text),
    ...notes.waivers.map((w) => w.text),
    ...notes.waivedDays,
    ...(notes.revisions ? [notes.revisions.summary, ...notes.revisions.largest] : []),
    ...basis.capture,
  ];
}

function summaryCounts(view: CheckView): YearEndCount[] {
  const noData = view.rows.filter((r) => r.status === "no-data");
  const manual = noData.filter((r) => r.manual).length;
  const notChecked = noData.filter((r) => !r.manual && r.notChecked).length;
  const s = view.summary;
  return [
    { kind: "pass", count: s.pass },
    { kind: "warn", count: s.warn },
    { kind: "fail", count: s.fail },
    { kind: "no-data", count: s.noData - manual - notChecked },
    { kind: "manual", count: manual },
    { kind: "not-checked", count: notChecked },
  ];
}

/** What the year-end report holds, from a run's results and the data they were evaluated on. */
export function buildYearEnd(report: CheckReport, data: EvaluatedData, lang: Lang): YearEnd {
  const plan = data.plan;
  const view = buildView(report, lang);
  const { families } = view;
  const planIds = new Set(plan.targets.map((x) => x.id));
  const headline = view.rows
    .filter(
      (r) =>
        planIds.has(r.id) &&
        !r.informational &&
        (r.family === "air" || r.family === "water") &&
        r.figures.actual !== null &&
        !r.notChecked,
    )
    .slice(0, HEADLINE_MAX);
  const groups: YearEnd["groups"] = [];
  for (const family of FAMILIES) {
    const rows = view.rows.filter((r) => r.family === family && !r.manual && !r.notChecked);
    if (rows.length > 0) groups.push({ family, rows });
  }
  const manual = view.rows.filter((r) => r.manual);
  if (manual.length > 0) groups.push({ family: "manual", rows: manual });

  const air = families.has("air") ? airCharts(report, view, plan, data, lang) : { charts: [], monthly: [] };
  const charts = [
    ...air.charts,
    ...(families.has("water") ? waterCharts(report, plan, lang) : []),
    ...(families.has("ledger") ? ledgerCharts(report, plan, lang) : []),
  ];
  const registry = new Set(plan.areas.map((a) => a.id));
  return {
    lang,
    counts: summaryCounts(view),
    view,
    families,
    headline,
    groups,
    charts,
    monthly: air.monthly,
    capture: families.has("air") ? captureRows(report, plan, data, lang) : [],
    moreAreas: [...data.stores.air.daily.areas.keys()].filter((a) => !registry.has(a)).length,
    notes: basisNotes(view),
  };
}

export interface YearEndRun {
  report: CheckReport;
  doc: YearEnd;
  /** One SVG per chart of `doc.charts`, in order. */
  svgs: string[];
}

/** Evaluates the plan on the files, then gathers and draws the year-end report. */
export async function yearEndReport(
  files: readonly string[],
  options: CheckOptions & { lang: Lang },
): Promise<YearEndRun> {
  // A holder, not a `let`: the callback's assignment is invisible to TypeScript's narrowing.
  const seen: { data?: EvaluatedData } = {};
  const report = await check(files, { ...options, onEvaluated: (data) => (seen.data = data) });
  if (!seen.data) throw new Error("check() finished without passing on its evaluated data");
  const doc = buildYearEnd(report, seen.data, options.lang);
  return { report, doc, svgs: await renderCharts(doc.charts) };
}
