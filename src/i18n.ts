// The one message table: every label hy-check prints, in Chinese and English.

export const LANGS = ["zh", "en"] as const;
export type Lang = (typeof LANGS)[number];

const en = {
  "status.pass": "pass",
  "status.warn": "warn",
  "status.fail": "fail",
  "status.no-data": "no data",
  "status.informational": "{status} (info)",
  "status.manual": "manual",
  "basis.hourConvention.ending":
    "Hourly labels: hour-ending (the value labelled h covers (h-1):00-h:00; day D = 01:00..24:00), --hour-convention",
  "basis.hourConvention.beginning":
    "Hourly labels: hour-beginning (the value labelled h covers h:00-(h+1):00; day D = 00:00..23:00), --hour-convention",
  "warn.unassignedColumns":
    "{file}: {count} station columns in no area of the registry, not read: {stations} ...",
  "warn.captureNone": "no data at all in months {months}",
  "warn.skipped": "{file}: skipped, not a data file hy-check reads ({reason})",
  "warn.capture": "Data capture below HJ 663-2013 (valid days / required) at {station} ({area}): {months}",
  "col.id": "ID",
  "col.target": "Target",
  "col.status": "Status",
  "col.actual": "Actual",
  "col.required": "Required",
  "col.margin": "Margin",
  "col.baseline": "vs baseline",
  "col.validDays": "Valid days",
  "col.clause": "Clause",
  summary: "{pass} pass, {warn} warn, {fail} fail, {noData} no data",
  plan: "Plan: {title} ({year}), targets from {file}",
  "basis.title": "Data basis",
  "basis.input":
    "{file}: {kind}, {encoding}, {rows} rows ({rejected} rejected, {outside} outside {year}, {unassigned} of unassigned stations), {from} .. {to}",
  "basis.standards":
    "Methods: {aqi} (AQI), {assessment} (validity, statistics), {limits}, GB/T 8170-2008 (rounding, half to even)",
  "basis.dayValidity": "Days counted for the good-day rate: {rule}",
  "basis.noInputs": "No data files given.",
  "dayValidity.complete-or-exceeding":
    "all six basic pollutants valid, or the valid ones already give AQI > 100",
  "dayValidity.complete": "all six basic pollutants valid",
  "dayValidity.any": "any valid pollutant (AQI from those present)",
  "warn.rejected": "{file}: {count} rows rejected ({codes}); the first:",
  "warn.rejectedMore": "... and {count} more (see --format json)",
  "warn.unassigned": "{file}: {count} rows of stations in no area of the registry, not used: {stations}",
  "warn.aqiMismatch":
    "{file}: the AQI column disagrees with HJ 633-2012 on {count} of {checked} rows, e.g. line {line} ({station} {date}): reported {reported}, computed {computed}",
  "warn.aqiMismatchNoO3": "(the file has no O3 daily max 1-hour column, which the daily AQI also uses)",
  "warn.exitRejected": "{count} rejected rows exceed --max-rejected {max}: exit code 2",
  "reason.no-input": "no {family} data among the inputs",
  "reason.unknown-indicator": "indicator {indicator} is not in the target file's indicators",
  "reason.no-figure": "no figure for {indicator} in {year} (as of {asOf})",
  "reason.no-baseline-figure": "no baseline figure for {indicator} in {years}",
  "reason.baseline-zero": "the baseline of {indicator} is 0: a percent change is undefined",
  "reason.open": "not done yet; due {due} (as of {asOf})",
  "reason.manual": "a qualitative commitment: checked by a person, not by data",
  "reason.notChecked": "{count} targets not checked by this run: {reason} (they do not affect the exit code)",
  "reason.no-area-data": "no data for {area}",
  "reason.insufficient":
    "{days} valid days; HJ 663-2013 needs >= 324 in the year and >= 27 each month (25 in February){months}",
  "reason.shortMonths": "; short: {months}",
  "reason.areas-insufficient": "not every area has enough data: {areas}",
  "reason.no-sections": "no sections of {what} in the data",
  "reason.samplings": "sections sampled fewer than {min} times in the year: {sections}",
  "reason.no-baseline": "no section has enough data in both {year} and the plan year",
  "water.assessedSections": "the assessed sections",
  "water.drinkingSources": "drinking-water sources",
  "area.valueLine": "{area}",
  "targets.header": "{count} targets in {file}",
  "unit.days": "d",
  // Report formats (junit, markdown, csv, github): one result as text.
  "detail.result": "{status}: actual {actual}, required {required}, margin {margin}{days}",
  "detail.resultDays": ", {count} valid days",
  "detail.clause": "Clause {clause}: “{text}”",
  "detail.failure": "{result}; {clause}",
  "junit.warn":
    "warn, reported as a passed test: short of the target but within its tolerance ±{tolerance} (the plan's “about”)",
  "junit.informational": "informational target ({status}): reported for information, never a failure",
  "detail.samplings": "{count} samplings",
  "detail.validDays": "{count} valid days",
  "csv.id": "id",
  "csv.title": "title",
  "csv.family": "family",
  "csv.status": "status",
  "csv.informational": "informational",
  "csv.actual": "actual",
  "csv.unit": "unit",
  "csv.op": "op",
  "csv.target": "target",
  "csv.tolerance": "tolerance",
  "csv.margin": "margin",
  "csv.validDays": "validDays",
  "csv.clause": "clause",
  "csv.quote": "quote",
  "csv.reason": "reason",
  "csv.yes": "yes",
  "csv.no": "no",
} as const;

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  "status.pass": "达标",
  "status.warn": "接近",
  "status.fail": "未达标",
  "status.no-data": "数据不足",
  "status.informational": "{status}（参考）",
  "status.manual": "人工核查",
  "basis.hourConvention.ending":
    "小时标记：时段末（标记为 h 的值为 (h-1) 时至 h 时的均值；D 日 = 01:00 至 24:00），--hour-convention",
  "basis.hourConvention.beginning":
    "小时标记：时段初（标记为 h 的值为 h 时至 (h+1) 时的均值；D 日 = 00:00 至 23:00），--hour-convention",
  "warn.unassignedColumns": "{file}：{count} 个站点列未归入任何区域，未读取：{stations} ……",
  "warn.captureNone": "以下月份完全无数据：{months}",
  "warn.skipped": "{file}：已跳过，不是 hy-check 可读的数据文件（{reason}）",
  "warn.capture": "{station}（{area}）数据获取率低于 HJ 663-2013 要求（有效天数/要求）：{months}",
  "col.id": "编号",
  "col.target": "目标",
  "col.status": "状态",
  "col.actual": "实际值",
  "col.required": "要求",
  "col.margin": "余量",
  "col.baseline": "较基准",
  "col.validDays": "有效天数",
  "col.clause": "条款",
  summary: "达标 {pass} 项，接近 {warn} 项，未达标 {fail} 项，数据不足 {noData} 项",
  plan: "计划：{title}（{year}年），目标文件 {file}",
  "basis.title": "数据依据",
  "basis.input":
    "{file}：{kind}，{encoding}，{rows} 行（剔除 {rejected} 行，{year} 年以外 {outside} 行，未归属站点 {unassigned} 行），{from} 至 {to}",
  "basis.standards":
    "方法：{aqi}（AQI），{assessment}（有效性与统计），{limits}，GB/T 8170-2008（数值修约，四舍六入五成双）",
  "basis.dayValidity": "计入优良率的有效天：{rule}",
  "basis.noInputs": "未提供数据文件。",
  "dayValidity.complete-or-exceeding": "六项基本污染物均有效，或已有效项目的 AQI 已大于 100",
  "dayValidity.complete": "六项基本污染物均有效",
  "dayValidity.any": "任一污染物有效（按已有项目计算 AQI）",
  "warn.rejected": "{file}：剔除 {count} 行（{codes}），前几行：",
  "warn.rejectedMore": "…… 另有 {count} 行（见 --format json）",
  "warn.unassigned": "{file}：{count} 行属于未归入任何区域的站点，未使用：{stations}",
  "warn.aqiMismatch":
    "{file}：AQI 列与 HJ 633-2012 计算结果不一致 {count}/{checked} 行，例如第 {line} 行（{station} {date}）：报告 {reported}，计算 {computed}",
  "warn.aqiMismatchNoO3": "（文件没有臭氧日最大1小时列，日 AQI 也用到该项）",
  "warn.exitRejected": "剔除行数 {count} 超过 --max-rejected {max}：退出码 2",
  "reason.no-input": "输入中没有{family}数据",
  "reason.unknown-indicator": "目标文件的 indicators 中没有指标 {indicator}",
  "reason.no-figure": "{indicator} 在 {year} 年没有数据（截至 {asOf}）",
  "reason.no-baseline-figure": "{indicator} 缺少基准年 {years} 的数据",
  "reason.baseline-zero": "{indicator} 的基准值为 0，无法计算变化百分比",
  "reason.open": "尚未完成；截止日期 {due}（截至 {asOf}）",
  "reason.manual": "定性要求：需人工核查，无法由数据判断",
  "reason.notChecked": "本次未检查 {count} 项目标：{reason}（不影响退出码）",
  "reason.no-area-data": "{area} 没有数据",
  "reason.insufficient":
    "有效天数 {days}；HJ 663-2013 要求全年不少于 324 天且每月不少于 27 天（2月 25 天）{months}",
  "reason.shortMonths": "；不足的月份：{months}",
  "reason.areas-insufficient": "部分区域数据不足：{areas}",
  "reason.no-sections": "数据中没有{what}的断面",
  "reason.samplings": "年内监测少于 {min} 次的断面：{sections}",
  "reason.no-baseline": "没有断面在 {year} 年和计划年度都有足够数据",
  "water.assessedSections": "考核断面",
  "water.drinkingSources": "饮用水水源地",
  "area.valueLine": "{area}",
  "targets.header": "{file} 中共 {count} 项目标",
  "unit.days": "天",
  "detail.result": "{status}：实际值 {actual}，要求 {required}，余量 {margin}{days}",
  "detail.resultDays": "，有效天数 {count}",
  "detail.clause": "条款 {clause}：“{text}”",
  "detail.failure": "{result}；{clause}",
  "junit.warn": "接近目标，按通过的测试报告：未达到目标，但在允许偏差 ±{tolerance} 以内（计划中的“左右”）",
  "junit.informational": "参考性目标（{status}）：仅供参考，不计为未达标",
  "detail.samplings": "监测 {count} 次",
  "detail.validDays": "有效天数 {count}",
  "csv.id": "编号",
  "csv.title": "目标",
  "csv.family": "类别",
  "csv.status": "状态",
  "csv.informational": "参考性",
  "csv.actual": "实际值",
  "csv.unit": "单位",
  "csv.op": "比较",
  "csv.target": "目标值",
  "csv.tolerance": "允许偏差",
  "csv.margin": "余量",
  "csv.validDays": "有效天数",
  "csv.clause": "条款",
  "csv.quote": "原文",
  "csv.reason": "原因",
  "csv.yes": "是",
  "csv.no": "否",
};

const TABLE: Record<Lang, Record<MessageKey, string>> = { en, zh };

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return TABLE[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** zh when the locale says Chinese (LC_ALL, LC_MESSAGES, LANG), en otherwise. */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^zh/i.test(locale) ? "zh" : "en";
}
