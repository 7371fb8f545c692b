// The year-end report's charts: ECharts options built from the report's figures and series, rendered at
// report time to static SVG by ECharts' server-side renderer (no browser, no canvas, no script in the
// output). ECharts is imported only when a report is rendered, so other commands start without it.
import type { EChartsOption } from "echarts";
import { AQI_CATEGORIES, type AqiCategory } from "../methods/air.js";
import { classRank, WATER_CLASSES, type WaterClass } from "../methods/water.js";
import { EMBEDDED_FONT } from "./webfont.js";

export interface ChartSpec {
  /** ASCII, unique in the report: the anchor in HTML and the file-name part of the Markdown's SVG file. */
  id: string;
  family: "air" | "water" | "ledger";
  title: string;
  note: string;
  width: number;
  height: number;
  option: EChartsOption;
}

/**
 * The report's font stack: the HTML's embedded CJK subset first (webfont.ts, CJK characters only), the Latin
 * faces, then the CJK faces of Windows, macOS and Linux (a Markdown report's SVG files have only those).
 * Single quotes only: the SVG renderer writes it into a double-quoted attribute without escaping it.
 */
export const CHART_FONTS =
  `'${EMBEDDED_FONT}', 'Segoe UI', 'Helvetica Neue', Arial, 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', ` +
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', SimHei, sans-serif";

/** HJ 633-2012 Table 2 (and 2026 alike): the colour of each AQI category. */
export const AQI_COLOURS: Record<AqiCategory, string> = {
  excellent: "#00E400",
  good: "#FFFF00",
  light: "#FF7E00",
  moderate: "#FF0000",
  heavy: "#99004C",
  severe: "#7E0023",
};
/** A day without a valid AQI in the calendar. */
export const NO_AQI_COLOUR = "#D9D9D9";

/** Water-class colours from blue (clean) to red: hy-check's own palette, chosen to read in grey print too. */
export const WATER_COLOURS: Record<WaterClass, string> = {
  I: "#1F78B4",
  II: "#4AA3DF",
  III: "#4DAF4A",
  IV: "#F0AD4E",
  V: "#E67E22",
  劣V: "#C0392B",
};

const PASS_COLOUR = "#3A9A4A";
const SHORT_COLOUR = "#E07B39";
const TARGET_COLOUR = "#B03A2E";
export const PM_COLOURS = { "PM2.5": "#3B6FB6", PM10: "#B07A3B" } as const;

/** What every chart shares: no animation (a static file), white ground (readable in a dark Markdown viewer). */
function base(): EChartsOption {
  return {
    animation: false,
    backgroundColor: "#FFFFFF",
    textStyle: { fontFamily: CHART_FONTS, color: "#333333" },
  };
}

/** A round axis maximum above every value and target line, so a target above the bars is still drawn. */

/** The grid of a horizontal bar chart: room on the right for the value labels, axis labels kept inside. */
function barGrid(right: number) {
  return {
    left: 16,
    right,
    top: 30,
    bottom: 28,
    outerBoundsMode: "same" as const,
    outerBoundsContain: "axisLabel" as const,
  };
}

export function niceMax(values: readonly (number | null)[], floor: number): number {
  const top = Math.max(floor, ...values.filter((v): v is number => v !== null));
  const step = top <= 20 ? 5 : top <= 100 ? 10 : top <= 200 ? 20 : 50;
  return Math.ceil((top * 1.08) / step) * step;
}

export interface PmChartInput {
  months: string[];
  series: { pollutant: "PM2.5" | "PM10"; values: (number | null)[]; target: number | null }[];
  unit: string;
  targetLabel: string;
}

/** Monthly PM2.5 and PM10 means as bars, each with its annual target as a dashed line of its colour. */
export function pmChart(input: PmChartInput): EChartsOption {
  const all = input.series.flatMap((s) => [...s.values, s.target]);
  return {
    ...base(),
    legend: { top: 6, data: input.series.map((s) => s.pollutant) },
    grid: { left: 56, right: 120, top: 44, bottom: 36 },
    xAxis: { type: "category", data: input.months, axisTick: { alignWithLabel: true } },
    yAxis: { type: "value", name: input.unit, min: 0, max: niceMax(all, 10) },
    series: input.series.map((s) => ({
      name: s.pollutant,
      type: "bar",
      barGap: "10%",
      barMaxWidth: 28,
      itemStyle: { color: PM_COLOURS[s.pollutant] },
      data: s.values,
      label: { show: true, position: "top", fontSize: 11, color: "#333333" },
      ...(s.target === null
        ? {}
        : {
            markLine: {
              silent: true,
              symbol: "none",
              lineStyle: { type: "dashed", width: 1.5, color: PM_COLOURS[s.pollutant] },
              label: { position: "end", formatter: `${s.pollutant} ${input.targetLabel} ${s.target}` },
              data: [{ yAxis: s.target }],
            },
          }),
    })),
  };
}

export interface RateChartInput {
  months: string[];
  values: (number | null)[];
  target: number | null;
  targetLabel: string;
}

/** Monthly good-day rate as bars, green where the month is at or above the annual target. */
export function goodRateChart(input: RateChartInput): EChartsOption {
  const target = input.target;
  return {
    ...base(),
    grid: { left: 56, right: 100, top: 24, bottom: 36 },
    xAxis: { type: "category", data: input.months, axisTick: { alignWithLabel: true } },
    yAxis: { type: "value", name: "%", min: 0, max: 100 },
    series: [
      {
        type: "bar",
        barWidth: "55%",
        barMaxWidth: 48,
        data: input.values.map((v) => ({
          value: v,
          itemStyle: { color: target === null || (v ?? 0) >= target ? PASS_COLOUR : SHORT_COLOUR },
        })),
        label: { show: true, position: "top", fontSize: 11, color: "#333333" },
        ...(target === null
          ? {}
          : {
              markLine: {
                silent: true,
                symbol: "none",
                lineStyle: { type: "dashed", width: 1.5, color: TARGET_COLOUR },
                label: { position: "end", formatter: `${input.targetLabel} ${target}%` },
                data: [{ yAxis: target }],
              },
            }),
      },
    ],
  };
}

export interface CalendarChartInput {
  from: string;
  to: string;
  /** Every day of the window: its category, or null without a valid AQI. */
  days: { date: string; category: AqiCategory | null }[];
  monthNames: string[];
  weekdayNames: string[];
  categoryNames: Record<AqiCategory | "none", string>;
}

/** A calendar of the window, one cell per day in its AQI category's colour (grey without a valid AQI). */
export function calendarChart(input: CalendarChartInput): EChartsOption {
  const wide = input.days.length > 250;
  const code = (c: AqiCategory | null) => (c === null ? 0 : AQI_CATEGORIES.findIndex((x) => x.key === c) + 1);
  return {
    ...base(),
    calendar: {
      range: [input.from, input.to],
      top: 28,
      left: 44,
      // A short window keeps square-ish cells at the left rather than stretching a few weeks over the width
      // (a right edge would stretch them).
      ...(wide ? { right: 16, cellSize: ["auto", 15] } : { cellSize: [16, 15] }),
      yearLabel: { show: false },
      monthLabel: { nameMap: input.monthNames, fontSize: 11 },
      dayLabel: { nameMap: input.weekdayNames, firstDay: 1, fontSize: 11 },
      splitLine: { lineStyle: { color: "#555555", width: 1 } },
      itemStyle: { borderColor: "#FFFFFF", borderWidth: 1, color: "#FFFFFF" },
    },
    visualMap: {
      type: "piecewise",
      orient: "horizontal",
      left: "center",
      bottom: 4,
      itemWidth: 14,
      itemHeight: 12,
      itemGap: 12,
      textStyle: { fontSize: 11 },
      pieces: [
        ...AQI_CATEGORIES.map((c, i) => ({
          value: i + 1,
          color: AQI_COLOURS[c.key],
          label: input.categoryNames[c.key],
        })),
        { value: 0, color: NO_AQI_COLOUR, label: input.categoryNames.none },
      ],
    },
    series: [
      {
        type: "heatmap",
        coordinateSystem: "calendar",
        data: input.days.map((d) => [d.date, code(d.category)]),
      },
    ],
  };
}

export interface AreaBarsInput {
  /** In display order, top first. */
  areas: { name: string; value: number | null }[];
  op: string;
  target: number;
  mean: number | null;
  unit: string;
  decimals: number;
  targetLabel: string;
  meanLabel: string;
}

/** One horizontal bar per area against the combined target, green where the area meets it on its own. */
export function areaBarsChart(input: AreaBarsInput): EChartsOption {
  const meets = (v: number) => (input.op === "<=" ? v <= input.target : v >= input.target);
  const rate = input.unit === "%";
  const lines: { xAxis: number; name: string; colour: string }[] = [
    { xAxis: input.target, name: `${input.targetLabel} ${input.target}`, colour: TARGET_COLOUR },
  ];
  if (input.mean !== null)
    lines.push({ xAxis: input.mean, name: `${input.meanLabel} ${input.mean}`, colour: "#555555" });
  return {
    ...base(),
    grid: barGrid(48),
    xAxis: {
      type: "value",
      name: input.unit,
      min: 0,
      max: rate ? 100 : niceMax([...input.areas.map((a) => a.value), input.target], 10),
    },
    yAxis: { type: "category", inverse: true, data: input.areas.map((a) => a.name) },
    series: [
      {
        type: "bar",
        barWidth: "60%",
        data: input.areas.map((a) => ({
          value: a.value,
          itemStyle: { color: a.value !== null && meets(a.value) ? PASS_COLOUR : SHORT_COLOUR },
        })),
        label: {
          show: true,
          position: "right",
          fontSize: 11,
          formatter: (p: { value?: unknown }) =>
            typeof p.value === "number" ? p.value.toFixed(input.decimals) : "-",
        },
        markLine: {
          silent: true,
          symbol: "none",
          // The y axis is inverted, so "start" is the top: labels above the plot, clear of the axis labels;
          // the mean's a line higher, so that two close values do not print on each other.
          data: lines.map((l, i) => ({
            xAxis: l.xAxis,
            lineStyle: { type: i === 0 ? "dashed" : "dotted", width: 1.5, color: l.colour },
            label: { position: "start", formatter: l.name, color: l.colour, distance: i === 0 ? 4 : 18 },
          })),
        },
      },
    ],
  };
}

export interface WaterChartInput {
  sections: { name: string; class: WaterClass | null }[];
  /** Classes the targets require, each with its label. */
  required: { class: WaterClass; label: string }[];
  classLabel: (c: WaterClass) => string;
}

/** One horizontal bar per section, its length the class rank (I = 1 ... 劣V = 6), in the class's colour. */
export function waterChart(input: WaterChartInput): EChartsOption {
  const labels = ["", ...WATER_CLASSES.map(input.classLabel)];
  return {
    ...base(),
    grid: barGrid(40),
    xAxis: {
      type: "value",
      min: 0,
      max: WATER_CLASSES.length,
      interval: 1,
      axisLabel: { formatter: (v: number) => labels[v] ?? "" },
    },
    yAxis: { type: "category", inverse: true, data: input.sections.map((s) => s.name) },
    series: [
      {
        type: "bar",
        barWidth: "55%",
        data: input.sections.map((s) => ({
          value: s.class === null ? null : classRank(s.class),
          itemStyle: { color: s.class === null ? NO_AQI_COLOUR : WATER_COLOURS[s.class] },
        })),
        label: {
          show: true,
          position: "right",
          fontSize: 11,
          formatter: (p: { value?: unknown }) =>
            typeof p.value === "number" ? (labels[p.value] ?? "") : "-",
        },
        markLine: {
          silent: true,
          symbol: "none",
          data: input.required.map((r) => ({
            xAxis: classRank(r.class),
            lineStyle: { type: "dashed", width: 1.5, color: TARGET_COLOUR },
            label: { position: "start", formatter: r.label, color: TARGET_COLOUR },
          })),
        },
      },
    ],
  };
}

export interface ChangeChartInput {
  rows: { name: string; change: number; target: number; met: boolean }[];
  targetLabel: string;
}

/** Change against the baseline in % as horizontal bars, with each target's required change as a mark. */
export function changeChart(input: ChangeChartInput): EChartsOption {
  const values = input.rows.flatMap((r) => [r.change, r.target]);
  // Round 5 % steps around zero, with room for the bars' labels.
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const min = Math.floor((low * 1.15) / 5) * 5;
  const max = Math.ceil((high * 1.15) / 5) * 5 + 5;
  return {
    ...base(),
    legend: { top: 4, right: 16, data: [input.targetLabel] },
    grid: {
      left: 16,
      right: 48,
      top: 34,
      bottom: 28,
      outerBoundsMode: "same",
      outerBoundsContain: "axisLabel",
    },
    xAxis: { type: "value", name: "%", min, max, interval: 5 },
    yAxis: {
      type: "category",
      inverse: true,
      data: input.rows.map((r) => r.name),
      axisLabel: { width: 230, overflow: "break" },
    },
    series: [
      {
        type: "bar",
        barWidth: "50%",
        data: input.rows.map((r) => ({
          value: r.change,
          itemStyle: { color: r.met ? PASS_COLOUR : SHORT_COLOUR },
          label: { position: r.change < 0 ? "left" : "right" },
        })),
        label: { show: true, fontSize: 11, formatter: "{c}%" },
      },
      {
        name: input.targetLabel,
        type: "scatter",
        symbol: "rect",
        symbolSize: [4, 20],
        itemStyle: { color: TARGET_COLOUR },
        data: input.rows.map((r, i) => [r.target, i]),
        z: 3,
      },
    ],
  };
}

/** Renders each chart to an SVG string with ECharts' server-side SVG renderer, loaded on first use. */
export async function renderCharts(specs: readonly ChartSpec[]): Promise<string[]> {
  if (specs.length === 0) return [];
  const [core, charts, components, renderers] = await Promise.all([
    import("echarts/core"),
    import("echarts/charts"),
    import("echarts/components"),
    import("echarts/renderers"),
  ]);
  // Only what the report draws: the full bundle would double the load time.
  core.use([
    charts.BarChart,
    charts.HeatmapChart,
    charts.ScatterChart,
    components.GridComponent,
    components.LegendComponent,
    components.MarkLineComponent,
    components.CalendarComponent,
    components.VisualMapPiecewiseComponent,
    renderers.SVGRenderer,
  ]);
  return specs.map((spec) => {
    const chart = core.init(null, null, {
      renderer: "svg",
      ssr: true,
      width: spec.width,
      height: spec.height,
    });
    // dispose() also stops the renderer's timer, which would otherwise keep the process alive.
    try {
      chart.setOption(spec.option);
      return chart.renderToSVGString();
    } finally {
      chart.dispose();
    }
  });
}
