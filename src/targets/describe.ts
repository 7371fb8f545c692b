// Targets in words: the rule as written, the data it needs and the method it applies, for `hy-check
// targets` and `hy-check explain`, so that every number can be traced to the plan and the standard.
import type { Lang } from "../i18n.js";
import { resolvedStandards, type Target, type TargetFile } from "./schema.js";

const zh = (lang: Lang, zhText: string, enText: string) => (lang === "zh" ? zhText : enText);

/** `>= 80 %`, `<= -2 % (change vs 2018)`, `manual`. */
export function ruleText(target: Target, lang: Lang): string {
  if (target.metric.name === "manual") return zh(lang, "人工核查", "manual");
  const value = Array.isArray(target.value) ? `${target.value[0]}..${target.value[1]}` : String(target.value);
  const tol = target.tolerance !== undefined ? ` ±${target.tolerance}` : "";
  const base = `${target.op === "between" ? "" : `${target.op} `}${value}${tol} ${target.unit ?? ""}`.trim();
  const m = target.metric;
  if (m.name === "ledger.change") {
    const b = m.baseline;
    const years =
      "year" in b
        ? String(b.year)
        : "previousYear" in b
          ? zh(lang, "上年", "the previous year")
          : b.meanOf.join("/");
    return `${base} (${zh(lang, `较${years}变化`, `change vs ${years}`)})`;
  }
  if (m.name === "milestone")
    return `${zh(lang, "截止", "due")} ${m.due} (${zh(lang, "逾期天数", "days late")} ${base})`;
  return base;
}

/** What data a target needs, in words. */
export function dataNeeded(target: Target, plan: TargetFile, lang: Lang): string {
  const m = target.metric;
  switch (m.name) {
    case "manual":
      return zh(lang, "无（人工核查）", "none (a person checks it)");
    case "ledger.value":
      return zh(
        lang,
        `台账：${m.indicator} ${plan.plan.year}年`,
        `ledger: ${m.indicator} for ${plan.plan.year}`,
      );
    case "ledger.change": {
      const b = m.baseline;
      const years = "year" in b ? [b.year] : "previousYear" in b ? [plan.plan.year - 1] : b.meanOf;
      return zh(
        lang,
        `台账：${m.indicator} ${[...years, plan.plan.year].join("、")}年`,
        `ledger: ${m.indicator} for ${[...years, plan.plan.year].join(", ")}`,
      );
    }
    case "milestone":
      return zh(lang, `台账：${m.indicator}（完成为 1）`, `ledger: ${m.indicator} (1 when done)`);
    case "water.sections_meeting":
    case "water.drinking_compliance":
      return zh(
        lang,
        `地表水断面监测数据（${plan.plan.year}年，每断面至少 8 次）`,
        `surface-water monitoring (${plan.plan.year}, >= 8 samplings per section)`,
      );
    case "water.sections_declined":
      return zh(
        lang,
        `地表水断面监测数据（${m.baselineYear}年和${plan.plan.year}年）`,
        `surface-water monitoring (${m.baselineYear} and ${plan.plan.year})`,
      );
    default: {
      const each = target.scope?.each;
      const scope =
        target.scope?.area ??
        (target.scope?.areaKind === "county"
          ? zh(lang, "各县市", "each county")
          : each
            ? zh(
                lang,
                `每个${{ city: "城市", county: "区县", station: "站点" }[each]}（城市/区县/站点列）`,
                `each ${each} in the data (a ${each} column)`,
              )
            : "");
      return zh(lang, `空气质量日数据或小时数据：${scope}`, `air quality, daily or hourly: ${scope}`);
    }
  }
}

/** The method and the standard editions a target applies. */
export function methodText(target: Target, plan: TargetFile, lang: Lang): string[] {
  const s = resolvedStandards(plan);
  const m = target.metric;
  const rounding = zh(
    lang,
    "GB/T 8170-2008 数值修约（四舍六入五成双），只修约一次；按修约后的值判定",
    "GB/T 8170-2008 rounding (half to even), once; compared on the reported value",
  );
  const annual = zh(
    lang,
    `${s.assessment}：全年不少于 324 个有效日、每月不少于 27 个（2月 25 个）`,
    `${s.assessment}: >= 324 valid days a year and >= 27 a month (25 in February)`,
  );
  switch (m.name) {
    case "air.good_rate":
      return [
        zh(
          lang,
          `${s.aqi}：日 AQI = 各项 IAQI 最大值（向上取整）；优良天 = AQI <= 100`,
          `${s.aqi}: daily AQI = max IAQI (rounded up); good day = AQI <= 100`,
        ),
        zh(lang, `有效日规则：${plan.dayValidity}`, `valid days: ${plan.dayValidity}`),
        annual,
        rounding,
      ];
    case "air.annual_mean":
      return [
        zh(
          lang,
          `${s.limits} 第3章：年平均 = 日均值的算术平均（${m.pollutant}）`,
          `${s.limits} section 3: annual mean = mean of daily values (${m.pollutant})`,
        ),
        annual,
        rounding,
      ];
    case "air.percentile":
      return [
        zh(
          lang,
          `${s.assessment}：第 ${m.p} 百分位数，k = 1 + (n-1)p/100（${m.pollutant}）`,
          `${s.assessment}: ${m.p}th percentile, k = 1 + (n-1)p/100 (${m.pollutant})`,
        ),
        annual,
        rounding,
      ];
    case "air.day_count":
      return [
        zh(lang, `${s.aqi}：AQI > ${m.aqiAbove} 的有效日数`, `${s.aqi}: valid days with AQI > ${m.aqiAbove}`),
        annual,
      ];
    case "air.composite_index":
      return [
        zh(
          lang,
          "综合指数 = SO2/60 + NO2/40 + PM10/70 + PM2.5/35 + CO p95/4 + O3 p90/160",
          "composite index = SO2/60 + NO2/40 + PM10/70 + PM2.5/35 + CO p95/4 + O3 p90/160",
        ),
        annual,
        rounding,
      ];
    case "water.sections_meeting":
    case "water.drinking_compliance":
    case "water.sections_declined":
      return [
        zh(
          lang,
          "GB 3838-2002 表1（表2 用于饮用水水源地）；单因子评价，取最差类别",
          "GB 3838-2002 Table 1 (Table 2 for drinking-water sources); single-factor: the worst class",
        ),
        zh(
          lang,
          "地表水环境质量评价办法（试行）2011：不评价水温、总氮、粪大肠菌群；年均值 = 各次监测算术平均",
          "Assessment method 2011: water temperature, TN and fecal coliform not assessed; annual mean of the samplings",
        ),
        rounding,
      ];
    case "ledger.change":
      return [
        zh(
          lang,
          "变化率 = (本年 - 基准) / 基准 x 100%；比率类指标按百分点",
          "change = (current - baseline) / baseline x 100 %; ratios in percentage points",
        ),
        zh(
          lang,
          "按台账数值精确计算，变化率按 GB/T 8170-2008 修约一次（四舍六入五成双）仅供阅读；判定比较本年数值与目标允许值（基准 x (1 + 目标)，比率类为基准 + 目标）",
          "worked out exactly on the figures as written; the change is rounded once (GB/T 8170-2008, half to even) for reading; the target is met when the figure is within the figure it allows (baseline x (1 + target); for ratios baseline + target)",
        ),
      ];
    case "ledger.value":
      return [
        zh(lang, "台账报告值（截至 --as-of 的最新值）", "reported ledger figure (the latest at --as-of)"),
      ];
    case "milestone":
      return [
        zh(
          lang,
          "逾期天数 = 完成日期 - 截止日期（完成月份按月末计；评价日期之后的完成记录也采用）；到期未完成为不达标，未到期未完成为进行中",
          "days late = completion - due date (a month counts to its end; a completion dated after --as-of still counts); not done once due: fail; not done and not yet due: in progress (warn)",
        ),
      ];
    case "manual":
      return [zh(lang, "定性要求，需人工核查", "qualitative: checked by a person")];
  }
}

const mdCell = (text: string) =>
  text
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r?\n/g, " ");

/** The plan's commitments as a Markdown table: clause, quote, id, rule, data it needs. */
export function targetsMarkdown(plan: TargetFile, lang: Lang): string {
  const head =
    lang === "zh"
      ? ["条款", "原文", "编号", "规则", "所需数据"]
      : ["Clause", "Quote", "ID", "Rule", "Data it needs"];
  const rows = plan.targets.map((t) => [
    t.source.document ? `${t.source.document} ${t.source.clause}` : t.source.clause,
    t.source.text,
    `\`${t.id}\``,
    ruleText(t, lang) + (t.informational ? (lang === "zh" ? "（参考）" : " (informational)") : ""),
    dataNeeded(t, plan, lang),
  ]);
  const line = (cells: string[]) => `| ${cells.map(mdCell).join(" | ")} |`;
  return [
    `# ${plan.plan.title[lang]}`,
    "",
    line(head),
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map(line),
    "",
  ].join("\n");
}
