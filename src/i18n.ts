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
  summary:
    "{pass} pass, {warn} warn, {fail} fail ({indicative} indicative); no data: {noDataThin} too thin, {manual} manual, {notChecked} not checked",
  plan: "Plan: {title} ({year}), targets from {file}",
  "basis.title": "Data basis",
  "basis.input":
    "{file}: {kind}, {encoding}, {rows} rows ({rejected} rejected, {outside} outside {year}, {unassigned} of unassigned stations), {from} .. {to}",
  "basis.standards":
    "Methods: {aqi} (AQI), {assessment} (validity, statistics), {limits}, GB/T 8170-2008 (rounding, half to even)",
  "waiver.applied": "Waiver {id} ({from} .. {to}, expires {expires}) applied: {reason}",
  "waiver.expired": "Waiver {id} expired on {expires}: not applied ({reason})",
  "waiver.days": "{id}: {days} days touched by waivers are excluded (in whole or for the waived pollutants)",
  "editions.title":
    "Good-day rate under both AQI editions (good days / valid days; days excellent/good/light/moderate/heavy/severe)",
  "editions.legend":
    "HJ 633-2026: PM2.5 IAQI 100 at 60 ug/m3 (2012: 75), PM10 at 120 (150), no O3 daily max 1 h, concentrations rounded before the IAQI",
  "revisions.summary":
    "Revisions against --previous: {changed} values changed, {removed} no longer given; per month: {months}; the largest:",
  "basis.window": "Air targets evaluated on {from} .. {to}; as of {asOf}",
  "basis.dayValidity": "Days counted for the good-day rate: {rule}",
  "basis.noInputs": "No data files given.",
  "dayValidity.complete-or-exceeding":
    "all six basic pollutants valid, or the valid ones already give AQI > 100",
  "dayValidity.complete": "all six basic pollutants valid",
  "dayValidity.any": "any valid pollutant (AQI from those present)",
  "warn.rejected": "{file}: {count} rows rejected ({codes}); the first:",
  "warn.rejectedMore": "... and {count} more (see --format json)",
  "warn.unassigned": "{file}: {count} rows of stations in no area of the registry, not used: {stations}",
  "warn.timeOrder":
    "{file}: hourly rows out of time order (first at line {line}: {station} on {date}): every hour was held to the end of reading",
  "warn.summaryRows": "{file}: {count} totals or notes rows (合计, 平均, 备注, Total ...) skipped, not data",
  "warn.repeatedRows": "{file}: {count} rows repeat an earlier row cell for cell: each read once",
  "init.wrote": "wrote {file}",
  "init.next": "edit the targets, then run: hy-check <data files> -t {file}",
  "warn.aqiMismatch":
    "{file}: the AQI column disagrees with HJ 633-2012 on {count} of {checked} rows, e.g. line {line} ({station} {date}): reported {reported}, computed {computed}",
  "warn.aqiMismatchNoO3": "(the file has no O3 daily max 1-hour column, which the daily AQI also uses)",
  "warn.exitRejected": "{count} rejected rows exceed --max-rejected {max}: exit code 2",
  "reason.no-input": "no {family} data among the inputs",
  "reason.unknown-indicator": "indicator {indicator} is not in the target file's indicators",
  "reason.no-figure": "no figure for {indicator} in {year} (as of {asOf})",
  "reason.no-baseline-figure": "no baseline figure for {indicator} in {years}",
  "reason.baseline-zero": "the baseline of {indicator} is 0: a percent change is undefined",
  "reason.in-progress": "in progress: not done as of {asOf}; due {due}",
  "reason.missed": "not done by the due date {due} (as of {asOf}; days late: at least {days})",
  "reason.late": "done {date}, {days} days after the due date {due}",
  "reason.late-after-as-of":
    "done {date}, {days} days after the due date {due}; dated after the evaluation date {asOf}, the completion is still used for the review",
  "reason.task-in-progress":
    "in progress: {done} of {required} done by {date} ({progress} %), {elapsed} % of the year elapsed: {outlook}; due {due}",
  "outlook.on-track": "on track",
  "outlook.at-risk": "at risk",
  "reason.target-figure":
    "the figure decides, not the rounded change ({actual} {unit}): {current} {figureUnit} against {allowed} {figureUnit} allowed, {over} {figureUnit} short: {status}",
  "unit.points": "percentage points",
  "explain.change":
    "change {exact} {unit}; reported {actual} {unit}, {status}: {current} {figureUnit} against {allowed} {figureUnit} allowed (baseline x (1 + target)), margin {margin} {figureUnit}",
  "warn.unknownIndicators":
    "{file}: {count} rows of indicators not in the target file's indicators, not used: {stations}",
  "basis.inputLedger":
    "{file}: {kind}, {encoding}, {rows} rows ({rejected} rejected, {outside} outside {year}, {unassigned} of unknown indicators), {from} .. {to}",
  "reason.manual": "a qualitative commitment: checked by a person, not by data",
  "reason.notChecked": "{count} targets not checked by this run: {reason} (they do not affect the exit code)",
  "reason.no-area-data": "no data for {area}",
  "reason.no-groups": "no {each} column in the data: nothing to evaluate for each {each}",
  "group.title": "{title}: {name}",
  "group.rank": "rank {rank} of {of}",
  "group.tied": "rank {rank} of {of}, tied",
  "reason.insufficient":
    "{days} valid days; HJ 663-2013 needs >= 324 in the year and >= 27 each month (25 in February){months}",
  "reason.shortMonths": "; short: {months}",
  "reason.insufficientWindow":
    "{days} valid days from {from} to {to}; needed: 27 a month (25 in February), pro rata for a month the window cuts (HJ 663-2013 as hy-check reads it for a window){months}",
  "projection.good":
    "{id}: {status} by year end: {allowed} of the remaining {remaining} days may still be non-good",
  "projection.mean":
    "{id}: {status} by year end: the remaining {remaining} days may average at most {max} {unit}",
  "projection.on-track": "on track",
  "projection.at-risk": "at risk",
  "projection.off-track": "off track",
  "reason.areas-insufficient": "not every area has enough data: {areas}",
  "reason.ytd-lost-nongood":
    "{count} non-good days by {through}, more than the {allowed} a year of {days} days allows for {target} %: the target is lost",
  "reason.ytd-lost-mean":
    "even at 0 for the remaining {remaining} days the year's mean would be {best}, above {target}: the target is lost",
  "reason.ytd-lost-gooddays":
    "{good} good days by {through}: the {needed} still needed do not fit in the remaining {remaining} days: the target is lost",
  "reason.ytd-lost-count":
    "{count} days by {through}, more than the {limit} the year allows: the target is lost",
  "reason.ytd-behind":
    "in progress: on the season the year would end at {expected} (seasonal pace so far {pace}, through {through})",
  "reason.ytd-in-progress": "in progress: the year so far (through {through}) is short of the annual target",
  "basis.yearToDate.data":
    "year to date through {through}, the last complete day of the data (--as-of year-end: the whole year)",
  "basis.yearToDate.option": "year to date through {through} (--as-of)",
  "projection.plain": "{id}: {status} by year end",
  "projection.days": "{id}: {status} by year end: {allowed} more days above the level allowed",
  "projection.pace":
    "{through}: {value} against a seasonal pace of {pace}: {standing}; expected at year end: {expected}",
  "projection.ahead": "ahead",
  "projection.behind": "behind",
  "projection.lost": "lost",
  "projection.pattern.previous-year": "season: the same months of {year} in the inputs",
  "projection.pattern.default-profile": "season: default profile, {name}",
  "projection.sameTimeLastYear": "same period of {year}: {value} ({change})",
  "projection.change.percent": "{sign}{change} % year on year",
  "projection.change.points": "{sign}{change} percentage points year on year",
  "projection.change.days": "{sign}{change} days year on year",
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
  // hy-check validate
  "validate.error": "error",
  "validate.warning": "warning",
  "validate.period": "Declared period {from} .. {to} (plan year {year}, {file})",
  "validate.input": "{file}: {kind}, {rows} rows, {from} .. {to}: {counts}",
  "validate.counts": "{errors}, {warnings}",
  "validate.errors": "{count} errors",
  "validate.errors1": "1 error",
  "validate.warnings": "{count} warnings",
  "validate.warnings1": "1 warning",
  "validate.clean": "{count} more inputs without findings",
  "validate.unlisted":
    "  ... and {count} more in this file, counted in the summary, not listed ({codes}; the first 50 rejected rows and 50 warnings of a file are listed)",
  "validate.summary": "Summary: {counts}",
  "validate.byCode": "by code: {codes}",
  "validate.timeOrder":
    "hourly rows out of time order from here on ({station} on {date}): read holding every hour to the end (memory grows with station-hours); sorted by time, days are finished as they are read",
  "validate.exitErrors": "errors: {count}; exit code 2",
  "validate.exitWarnings": "warnings: {count}, more than --max-warnings {max}; exit code 1",
  // hy-check report: the year-end report (HTML and Markdown) and its charts.
  "report.title": "{title}: year-end report",
  "report.meta":
    "Plan year {year} · air targets evaluated on {from} .. {to} · as of {asOf} · targets from {file}",
  "report.generated": "Made by hy-check {version} from the files listed under “Data basis”.",
  "report.summary": "Summary",
  "report.total": "{count} targets",
  "report.headline": "Headline figures",
  "report.targets": "Targets",
  "report.charts": "Charts",
  "report.family.air": "Air quality",
  "report.family.water": "Water quality",
  "report.family.ledger": "Emissions, tasks and milestones",
  "report.family.manual": "Qualitative commitments",
  "report.col.quote": "Plan text",
  "report.col.reason": "Note",
  "report.col.month": "Month",
  "report.col.goodDays": "Good days",
  "report.col.goodRate": "Good-day rate",
  "report.col.area": "Area",
  "report.col.days": "Days in window",
  "report.col.dataDays": "Days with data",
  "report.col.capture": "Valid / window",
  "report.col.shortMonths": "Months short of HJ 663",
  "report.col.file": "File",
  "report.col.kind": "Kind",
  "report.col.encoding": "Encoding",
  "report.col.rows": "Rows",
  "report.col.rejected": "Rejected",
  "report.col.outside": "Outside the period",
  "report.col.unassigned": "Unassigned stations",
  "report.col.dates": "Dates",
  "report.col.change": "Change",
  "report.chart.pm": "Monthly mean PM2.5 and PM10: {area}",
  "report.chart.pmNote":
    "Bars: the mean of the month's daily values. Dashed lines: the annual-mean targets ({targets}); they apply to the mean over the days evaluated ({annual}), not to each month.",
  "report.chart.goodRate": "Monthly good-day rate: {area}",
  "report.chart.goodRateNote":
    "Good days (AQI <= 100) over valid days, per month. Dashed line: the target {target}; over the days evaluated: {annual}.",
  "report.chart.calendar": "Daily AQI category: {area}",
  "report.chart.calendarNote": "The colours of the AQI categories ({aqi}); grey: no valid AQI that day.",
  "report.chart.areas": "{title}: each area",
  "report.chart.areasNote":
    "Bars: each area's value. Dashed line: the target {target}, which applies to the mean of the areas ({actual}).",
  "report.chart.water": "Sections by annual class (GB 3838-2002)",
  "report.chart.waterNote":
    "Each section's class on its annual means (longer bar: worse water). Dashed lines: the classes the targets require.",
  "report.chart.emissions": "Emissions against the baseline year",
  "report.chart.emissionsNote":
    "Bars: change against the baseline year in % (green: target met). Marks: the change each target requires.",
  "report.legend.target": "target",
  "report.legend.mean": "mean",
  "report.months": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
  "report.weekdays": "Sun Mon Tue Wed Thu Fri Sat",
  "report.category.excellent": "Excellent",
  "report.category.good": "Good",
  "report.category.light": "Lightly polluted",
  "report.category.moderate": "Moderately polluted",
  "report.category.heavy": "Heavily polluted",
  "report.category.severe": "Severely polluted",
  "report.category.none": "No valid AQI",
  "report.class": "Class {class}",
  "report.basis.files": "Files",
  "report.basis.capture": "Data capture",
  "report.basis.methods": "Methods and references",
  "report.basis.notes": "Notes",
  "report.projections": "Year-end projection (the year so far, --as-of)",
  "report.moreAreas": "... and {count} more areas",
  "report.method.aqi": "{code}: daily AQI, air quality categories and their colours",
  "report.method.assessment": "{code}: valid days and months, annual statistics, percentiles",
  "report.method.limits": "{code}: concentration limits and data validity",
  "report.method.water": "GB 3838-2002: surface-water classes, single-factor assessment of the annual means",
  "report.method.rounding": "GB/T 8170-2008: reported values rounded once, half to even",
  "report.markdownNeedsOutput":
    "--format markdown writes its charts as SVG files next to the report: give the report's path with -o",
  // hy-check draft: a plan text to a draft target file.
  "draft.noYear": "no plan year in the title (e.g. 2019年…工作要点): pass --year",
  "draft.noTargets": "no commitment with a figure or a known phrasing in the plan text: nothing to draft",
  "draft.review.header":
    "Draft of {file}: {targets} targets ({manual} manual), {skipped} sentences not drafted. Review each target against its sentence.",
  "draft.review.targets": "Drafted targets",
  "draft.review.skipped": "Not drafted",
  "draft.written": "Wrote {file}; check it with: hy-check targets -t {file}",
  "draft.utf8Copy":
    "{plan} is GB18030; hy-check reads quoted plan texts as UTF-8, so a UTF-8 copy was written to {copy} and plan.seed names it",
  "draft.reason.past": "reports {year} results: context, not a target",
  "draft.reason.pastSection": "in a section reviewing past work: context, not a target",
  "draft.reason.pastWords": "reports a change already made ({words}): context, not a target",
  "draft.reason.noUnit": "a figure without a unit ({figure})",
  "draft.reason.noPhrasing": "no commitment phrasing (以上, 达到, 控制在, 下降 ...) at the figure",
  "draft.reason.listMismatch": "{subjects} subjects and {figures} figures: pair them by hand",
  "draft.reason.changeUnit": "a change in {unit}: hy-check checks changes in % (percentage points for rates)",
  "draft.reason.noRule": "a goal without a figure or a known phrasing: add a target by hand if it is one",
  "draft.note.previousYear": "no baseline year named: against the previous year",
  "draft.note.goodDays": "hy-check has no good-day count metric: a ledger figure the bureau reports",
  "draft.note.direction": "direction only: no worse than the previous year passes",
  "draft.note.worseThanV": "劣Ⅴ share <= {share} % read as sections meeting Ⅴ >= {value} %",
  "draft.note.about": "左右: up to {tolerance} short is warn",
  "draft.note.translate": "write the English title",
  "draft.note.confirmUnit": "confirm the indicator's unit",
  "draft.note.keeps": "保持: shows the change against the {year} ledger figure",
  "draft.note.qualitative": "manual: a person checks it",
  "draft.yaml.header":
    "Drafted by `hy-check draft` from {seed}. Review every target against the sentence it quotes before using it.",
  "draft.yaml.areas": "Areas: fill in the station codes of each area as the data exports write them.",
  "draft.yaml.counties":
    "The counties' targets average every county-level area: add each, e.g. - { id: 某某县, kind: county, stations: [...] }",
  "draft.yaml.indicators":
    "Ledger indicators: the bureau reports a yearly figure of each in a ledger CSV; check each unit and direction.",
  "draft.yaml.sections":
    "Sections on a named river: list them here with their river (or give a 河流 column in the water data).",
  "draft.yaml.targets":
    "Targets: each quotes its clause of the plan (source.text); op, value and unit come from its phrasing.",
  "draft.col.clause": "Clause",
  "draft.col.target": "Target",
  "draft.col.rule": "Rule",
  "draft.col.text": "Sentence",
  "draft.col.reason": "Reason",
  "usage.notMonth": "--period {value} is not a month: expected YYYY-MM with the month 01 .. 12",
  "usage.notDate": "{option} {value} is not a calendar date: expected YYYY-MM-DD with the month 01 .. 12",
  "usage.notAsOf": "--as-of {value} is not a calendar date: expected YYYY-MM-DD or year-end",
  "usage.noSuchDay": "{option} {value} is not a calendar date: {month} has the days 01 .. {last}",
  "usage.periodWithFromTo": "--period cannot be combined with --from/--to",
  "usage.fromToTogether": "--from and --to go together",
  "usage.fromAfterTo": "--from {from} is after --to {to}",
  "usage.outsideYear": "{option} {value} is outside the plan year {year} ({from} .. {to})",
  "usage.asOfOutsideWindow": "--as-of {asOf} is outside {window} ({from} .. {to})",
  "status.indicative": "{status}*",
  "reason.capture-met": "official: {valid} of {days} days valid, HJ 663-2013's day counts met",
  "reason.method-met": "official: the data meet the method's requirements",
  "reason.capture-short":
    "indicative: {valid} of {days} days valid ({share} %), short of HJ 663-2013's day counts (valid/required): {months}",
  "reason.capture-short-days":
    "indicative: {valid} of {days} days valid ({share} %); a count or rate over valid days, so HJ 663-2013's monthly counts do not gate it (short: {months})",
  "reason.capture-short-areas": "indicative: areas short of HJ 663-2013's day counts: {areas}",
  "reason.bounds-agree":
    "definite: {status} whatever the {missing} missing days were ({low} .. {high}; {valid} of {days} days valid)",
  "basis.footnote":
    "* indicative: capture short of HJ 663-2013's day counts, but at least 3/4 of the days valid (and, for a concentration, no month without data); --capture strict reads these as no data",
  "reason.manualGroup": "{count} qualitative commitments, checked by a person: {ids}",
  "table.hidden": "{count} rows not shown (manual or not checked): --all lists every target",
  "explain.bounds":
    "bounds: with the {missing} missing days counted one way and the other, {low} {unit} ({lowStatus}) .. {high} {unit} ({highStatus})",
  "basisKind.official": "official",
  "basisKind.definite": "definite",
  "basisKind.indicative": "indicative",
  "csv.basis": "basis",
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
  summary:
    "达标 {pass} 项，接近 {warn} 项，未达标 {fail} 项（其中参考性 {indicative} 项）；数据不足 {noDataThin} 项，人工核查 {manual} 项，未检查 {notChecked} 项",
  plan: "计划：{title}（{year}年），目标文件 {file}",
  "basis.title": "数据依据",
  "basis.input":
    "{file}：{kind}，{encoding}，{rows} 行（剔除 {rejected} 行，{year} 年以外 {outside} 行，未归属站点 {unassigned} 行），{from} 至 {to}",
  "basis.standards":
    "方法：{aqi}（AQI），{assessment}（有效性与统计），{limits}，GB/T 8170-2008（数值修约，四舍六入五成双）",
  "waiver.applied": "豁免 {id}（{from} 至 {to}，有效期至 {expires}）已适用：{reason}",
  "waiver.expired": "豁免 {id} 已于 {expires} 过期，未适用（{reason}）",
  "waiver.days": "{id}：{days} 天受豁免影响，已剔除（整日或所豁免的污染物）",
  "editions.title": "两版 AQI 标准下的优良率（优良天数/有效天数；优/良/轻度/中度/重度/严重天数）",
  "editions.legend":
    "HJ 633-2026：PM2.5 分指数 100 对应 60 微克/立方米（2012 版 75），PM10 对应 120（150），日 AQI 不含臭氧日最大 1 小时，计算分指数前先修约浓度",
  "revisions.summary":
    "与 --previous 相比：{changed} 个数值被修订，{removed} 个不再提供；各月：{months}；变化最大的：",
  "basis.window": "空气目标评价时段 {from} 至 {to}；截至 {asOf}",
  "basis.dayValidity": "计入优良率的有效天：{rule}",
  "basis.noInputs": "未提供数据文件。",
  "dayValidity.complete-or-exceeding": "六项基本污染物均有效，或已有效项目的 AQI 已大于 100",
  "dayValidity.complete": "六项基本污染物均有效",
  "dayValidity.any": "任一污染物有效（按已有项目计算 AQI）",
  "warn.rejected": "{file}：剔除 {count} 行（{codes}），前几行：",
  "warn.rejectedMore": "…… 另有 {count} 行（见 --format json）",
  "warn.unassigned": "{file}：{count} 行属于未归入任何区域的站点，未使用：{stations}",
  "warn.timeOrder":
    "{file}：小时数据未按时间排序（首见于第 {line} 行：{station}，{date}），所有小时值保留至读取结束",
  "warn.summaryRows": "{file}：跳过 {count} 行合计、平均或备注行（不是数据）",
  "warn.repeatedRows": "{file}：{count} 行与前面某行完全相同，各只读取一次",
  "init.wrote": "已写入 {file}",
  "init.next": "修改目标后运行：hy-check <数据文件> -t {file}",
  "warn.aqiMismatch":
    "{file}：AQI 列与 HJ 633-2012 计算结果不一致 {count}/{checked} 行，例如第 {line} 行（{station} {date}）：报告 {reported}，计算 {computed}",
  "warn.aqiMismatchNoO3": "（文件没有臭氧日最大1小时列，日 AQI 也用到该项）",
  "warn.exitRejected": "剔除行数 {count} 超过 --max-rejected {max}：退出码 2",
  "reason.no-input": "输入中没有{family}数据",
  "reason.unknown-indicator": "目标文件的 indicators 中没有指标 {indicator}",
  "reason.no-figure": "{indicator} 在 {year} 年没有数据（截至 {asOf}）",
  "reason.no-baseline-figure": "{indicator} 缺少基准年 {years} 的数据",
  "reason.baseline-zero": "{indicator} 的基准值为 0，无法计算变化百分比",
  "reason.in-progress": "进行中：截至 {asOf} 尚未完成；截止日期 {due}",
  "reason.missed": "截止日期 {due} 前未完成（截至 {asOf}；逾期至少 {days} 天）",
  "reason.late": "{date} 完成，比截止日期 {due} 晚 {days} 天",
  "reason.late-after-as-of":
    "{date} 完成，比截止日期 {due} 晚 {days} 天；完成日期在评价日期 {asOf} 之后，年终考核仍予采用",
  "reason.task-in-progress":
    "进行中：截至 {date} 完成 {done}/{required}（{progress}%），全年已过 {elapsed}%：{outlook}；截止日期 {due}",
  "outlook.on-track": "进度正常",
  "outlook.at-risk": "进度滞后",
  "reason.target-figure":
    "按数值判定，而非修约后的变化率（{actual}{unit}）：{current} {figureUnit}，目标允许 {allowed} {figureUnit}，相差 {over} {figureUnit}：{status}",
  "unit.points": "个百分点",
  "explain.change":
    "变化 {exact}{unit}；报告值 {actual}{unit}，{status}：{current} {figureUnit}，目标允许 {allowed} {figureUnit}（基准 x (1 + 目标)），余量 {margin} {figureUnit}",
  "warn.unknownIndicators": "{file}：{count} 行指标不在目标文件的 indicators 中，未使用：{stations}",
  "basis.inputLedger":
    "{file}：{kind}，{encoding}，{rows} 行（剔除 {rejected} 行，{year} 年以外 {outside} 行，未知指标 {unassigned} 行），{from} 至 {to}",
  "reason.manual": "定性要求：需人工核查，无法由数据判断",
  "reason.notChecked": "本次未检查 {count} 项目标：{reason}（不影响退出码）",
  "reason.no-area-data": "{area} 没有数据",
  "reason.no-groups": "数据中没有{each}列，无法逐个评价",
  "group.title": "{title}：{name}",
  "group.rank": "第{rank}名/共{of}个",
  "group.tied": "第{rank}名/共{of}个，并列",
  "reason.insufficient":
    "有效天数 {days}；HJ 663-2013 要求全年不少于 324 天且每月不少于 27 天（2月 25 天）{months}",
  "reason.shortMonths": "；不足的月份：{months}",
  "reason.insufficientWindow":
    "{from} 至 {to} 有效天数 {days}；要求每月 27 天（2月 25 天），不完整月份按比例（hy-check 对 HJ 663-2013 的时段解读）{months}",
  "projection.good": "{id}：年底{status}：剩余 {remaining} 天中最多还可有 {allowed} 天非优良",
  "projection.mean": "{id}：年底{status}：剩余 {remaining} 天的均值不得超过 {max} {unit}",
  "projection.on-track": "可达标",
  "projection.at-risk": "有风险",
  "projection.off-track": "偏离进度",
  "reason.areas-insufficient": "部分区域数据不足：{areas}",
  "reason.ytd-lost-nongood":
    "截至 {through} 非优良天数 {count} 天，超过全年 {days} 天按 {target}% 允许的 {allowed} 天：全年目标已无法完成",
  "reason.ytd-lost-mean":
    "即使剩余 {remaining} 天均为 0，全年均值仍为 {best}，高于 {target}：全年目标已无法完成",
  "reason.ytd-lost-gooddays":
    "截至 {through} 优良天数 {good} 天，仍需 {needed} 天，剩余 {remaining} 天不足：全年目标已无法完成",
  "reason.ytd-lost-count": "截至 {through} 已有 {count} 天，超过全年允许的 {limit} 天：全年目标已无法完成",
  "reason.ytd-behind": "进行中：按季节规律全年预计为 {expected}（截至 {through} 的时序进度 {pace}）",
  "reason.ytd-in-progress": "进行中：年初至今（截至 {through}）尚未达到年度目标",
  "basis.yearToDate.data": "年初至今，截至数据最后一个完整日 {through}（--as-of year-end：按全年评价）",
  "basis.yearToDate.option": "年初至今，截至 {through}（--as-of）",
  "projection.plain": "{id}：年底{status}",
  "projection.days": "{id}：年底{status}：还可有 {allowed} 天超过该级别",
  "projection.pace": "截至 {through}：{value}，时序进度 {pace}：{standing}；全年预计 {expected}",
  "projection.ahead": "快于进度",
  "projection.behind": "慢于进度",
  "projection.lost": "已无法达标",
  "projection.pattern.previous-year": "季节规律：输入数据中 {year} 年同期",
  "projection.pattern.default-profile": "季节规律：默认逐月曲线，{name}",
  "projection.sameTimeLastYear": "{year} 年同期：{value}（{change}）",
  "projection.change.percent": "同比{sign}{change}%",
  "projection.change.points": "同比{sign}{change} 个百分点",
  "projection.change.days": "同比{sign}{change} 天",
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
  "validate.error": "错误",
  "validate.warning": "警告",
  "validate.period": "申报时段 {from} 至 {to}（计划年度 {year}，{file}）",
  "validate.input": "{file}：{kind}，{rows} 行，{from} 至 {to}：{counts}",
  "validate.counts": "{errors}，{warnings}",
  "validate.errors": "错误 {count} 项",
  "validate.errors1": "错误 1 项",
  "validate.warnings": "警告 {count} 项",
  "validate.warnings1": "警告 1 项",
  "validate.clean": "另有 {count} 个输入文件没有问题",
  "validate.unlisted":
    "  …… 本文件另有 {count} 项已计入汇总、未逐条列出（{codes}；每个文件列出前 50 条剔除行和前 50 条警告）",
  "validate.summary": "汇总：{counts}",
  "validate.byCode": "按代码：{codes}",
  "validate.timeOrder":
    "小时数据自此行起未按时间排序（{station}，{date}）：所有小时值保留至读取结束（内存随站点小时数增长）；按时间排序后可逐日读完即释放",
  "validate.exitErrors": "错误 {count} 项：退出码 2",
  "validate.exitWarnings": "警告 {count} 项，超过 --max-warnings {max}：退出码 1",
  "report.title": "{title}年度评估报告",
  "report.meta": "计划年度 {year} · 空气目标评价时段 {from} 至 {to} · 截至 {asOf} · 目标文件 {file}",
  "report.generated": "由 hy-check {version} 根据“数据依据”所列文件生成。",
  "report.summary": "总体情况",
  "report.total": "共 {count} 项目标",
  "report.headline": "主要指标",
  "report.targets": "目标完成情况",
  "report.charts": "图表",
  "report.family.air": "环境空气质量",
  "report.family.water": "水环境质量",
  "report.family.ledger": "减排、任务与工作节点",
  "report.family.manual": "定性要求",
  "report.col.quote": "计划原文",
  "report.col.reason": "说明",
  "report.col.month": "月份",
  "report.col.goodDays": "优良天数",
  "report.col.goodRate": "优良天数比例",
  "report.col.area": "地区",
  "report.col.days": "评价天数",
  "report.col.dataDays": "有数据天数",
  "report.col.capture": "有效/评价天数",
  "report.col.shortMonths": "不满足 HJ 663 的月份",
  "report.col.file": "文件",
  "report.col.kind": "类型",
  "report.col.encoding": "编码",
  "report.col.rows": "行数",
  "report.col.rejected": "剔除",
  "report.col.outside": "时段以外",
  "report.col.unassigned": "未归属站点",
  "report.col.dates": "日期范围",
  "report.col.change": "变化",
  "report.chart.pm": "{area} PM2.5、PM10 月均浓度",
  "report.chart.pmNote":
    "柱：当月日均值的算术平均。虚线：年均浓度目标（{targets}），适用于评价时段的均值（{annual}），并非逐月要求。",
  "report.chart.goodRate": "{area} 月度优良天数比例",
  "report.chart.goodRateNote":
    "每月优良天数（AQI ≤ 100）占有效天数的比例。虚线：目标 {target}；评价时段：{annual}。",
  "report.chart.calendar": "{area} 逐日空气质量级别",
  "report.chart.calendarNote": "颜色为空气质量指数级别的表示颜色（{aqi}）；灰色：当日无有效 AQI。",
  "report.chart.areas": "{title}：各地区",
  "report.chart.areasNote": "柱：各地区的值。虚线：目标 {target}，适用于各地区的平均值（{actual}）。",
  "report.chart.water": "各断面年均水质类别（GB 3838-2002）",
  "report.chart.waterNote": "按年均值评价的断面水质类别（柱越长水质越差）。虚线：目标要求的类别。",
  "report.chart.emissions": "主要污染物排放量较基准年变化",
  "report.chart.emissionsNote": "柱：较基准年变化百分比（绿色：达到目标）。标记：目标要求的变化。",
  "report.legend.target": "目标",
  "report.legend.mean": "平均",
  "report.months": "1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月",
  "report.weekdays": "日 一 二 三 四 五 六",
  "report.category.excellent": "优",
  "report.category.good": "良",
  "report.category.light": "轻度污染",
  "report.category.moderate": "中度污染",
  "report.category.heavy": "重度污染",
  "report.category.severe": "严重污染",
  "report.category.none": "无有效数据",
  "report.class": "{class}类",
  "report.basis.files": "数据文件",
  "report.basis.capture": "数据获取情况",
  "report.basis.methods": "方法与依据",
  "report.basis.notes": "说明",
  "report.projections": "年末预测（年初至今，--as-of）",
  "report.moreAreas": "…… 另有 {count} 个地区",
  "report.method.aqi": "{code}：日空气质量指数、级别及表示颜色",
  "report.method.assessment": "{code}：有效天数与月份、年度统计、百分位数",
  "report.method.limits": "{code}：浓度限值与数据有效性规定",
  "report.method.water": "GB 3838-2002：地表水水质类别，按年均值单因子评价",
  "report.method.rounding": "GB/T 8170-2008：报告值修约一次，四舍六入五成双",
  "report.markdownNeedsOutput": "--format markdown 会把图表写成报告旁的 SVG 文件：请用 -o 给出报告路径",
  "draft.noYear": "标题中没有计划年份（如 2019年…工作要点）：请用 --year 给出",
  "draft.noTargets": "计划文本中没有带数字或可识别表述的目标：无可起草内容",
  "draft.review.header":
    "{file} 的草稿：{targets} 项目标（其中人工核查 {manual} 项），{skipped} 处语句未起草。请逐项对照原句核对。",
  "draft.review.targets": "已起草的目标",
  "draft.review.skipped": "未起草",
  "draft.written": "已写入 {file}；检查：hy-check targets -t {file}",
  "draft.utf8Copy":
    "{plan} 为 GB18030 编码；hy-check 按 UTF-8 读取引用的计划文本，已写出 UTF-8 副本 {copy}，plan.seed 指向该副本",
  "draft.reason.past": "报告 {year} 年的结果：属背景，不是目标",
  "draft.reason.pastSection": "位于回顾以往工作的部分：属背景，不是目标",
  "draft.reason.pastWords": "报告已发生的变化（{words}）：属背景，不是目标",
  "draft.reason.noUnit": "数字没有单位（{figure}）",
  "draft.reason.noPhrasing": "数字处没有目标表述（以上、达到、控制在、下降 等）",
  "draft.reason.listMismatch": "{subjects} 个对象与 {figures} 个数字：请人工配对",
  "draft.reason.changeUnit": "以 {unit} 表示的变化：hy-check 按 %（比率按百分点）检查变化",
  "draft.reason.noRule": "没有数字或可识别表述的目标：如确为目标，请人工添加",
  "draft.note.previousYear": "未写基准年：按上年比较",
  "draft.note.goodDays": "hy-check 没有优良天数指标：作为台账数字由局里填报",
  "draft.note.direction": "只看方向：不差于上年即达标",
  "draft.note.worseThanV": "劣Ⅴ类比例 <= {share}% 按达到Ⅴ类断面比例 >= {value}% 计",
  "draft.note.about": "左右：差距在 {tolerance} 以内为接近",
  "draft.note.translate": "请补写英文标题",
  "draft.note.confirmUnit": "请核对指标单位",
  "draft.note.keeps": "保持：显示与 {year} 年台账数字相比的变化",
  "draft.note.qualitative": "人工核查",
  "draft.yaml.header": "由 `hy-check draft` 根据 {seed} 起草。使用前请逐项对照所引原句核对。",
  "draft.yaml.areas": "区域：请按数据导出文件的写法填写各区域的站点代码。",
  "draft.yaml.counties":
    "各县市区目标取所有县级区域的平均：请逐个添加，如 - { id: 某某县, kind: county, stations: [...] }",
  "draft.yaml.indicators": "台账指标：局里在台账 CSV 中填报每项的年度数字；请核对单位与方向。",
  "draft.yaml.sections": "指定河流的断面：请在此列出并写明所属河流（或在水质数据中给出“河流”列）。",
  "draft.yaml.targets": "目标：每项引用计划原句（source.text）；op、value、unit 来自其表述。",
  "draft.col.clause": "条款",
  "draft.col.target": "目标",
  "draft.col.rule": "规则",
  "draft.col.text": "原句",
  "draft.col.reason": "原因",
  "usage.notMonth": "--period {value} 不是有效月份：应为 YYYY-MM，月份 01 .. 12",
  "usage.notDate": "{option} {value} 不是有效日期：应为 YYYY-MM-DD，月份 01 .. 12",
  "usage.notAsOf": "--as-of {value} 不是有效日期：应为 YYYY-MM-DD 或 year-end",
  "usage.noSuchDay": "{option} {value} 不是有效日期：{month} 只有 01 .. {last} 日",
  "usage.periodWithFromTo": "--period 不能与 --from/--to 同时使用",
  "usage.fromToTogether": "--from 与 --to 须同时给出",
  "usage.fromAfterTo": "--from {from} 晚于 --to {to}",
  "usage.outsideYear": "{option} {value} 不在计划年度 {year}（{from} .. {to}）内",
  "usage.asOfOutsideWindow": "--as-of {asOf} 不在 {window}（{from} .. {to}）内",
  "status.indicative": "{status}*",
  "reason.capture-met": "正式结论：有效天数 {valid}/{days}，满足 HJ 663-2013 的天数要求",
  "reason.method-met": "正式结论：数据满足方法要求",
  "reason.capture-short":
    "参考性结论：有效天数 {valid}/{days}（{share}%），未满足 HJ 663-2013 的天数要求（有效/要求）：{months}",
  "reason.capture-short-days":
    "参考性结论：有效天数 {valid}/{days}（{share}%）；按有效天计的天数或比例，不受 HJ 663-2013 月有效天数的限制（不足：{months}）",
  "reason.capture-short-areas": "参考性结论：以下区域未满足 HJ 663-2013 的天数要求：{areas}",
  "reason.bounds-agree":
    "确定结论：缺失的 {missing} 天无论如何取值均为{status}（{low} 至 {high}；有效天数 {valid}/{days}）",
  "basis.footnote":
    "* 参考性结论：有效数据未满足 HJ 663-2013 的天数要求，但有效天数不少于四分之三（浓度统计每月均有数据）；--capture strict 将其视为数据不足",
  "reason.manualGroup": "{count} 项定性要求，需人工核查：{ids}",
  "table.hidden": "{count} 行未显示（人工核查或未检查）：--all 列出全部目标",
  "explain.bounds":
    "界限：缺失的 {missing} 天分别按两端计，{low} {unit}（{lowStatus}）至 {high} {unit}（{highStatus}）",
  "basisKind.official": "正式",
  "basisKind.definite": "确定",
  "basisKind.indicative": "参考性",
  "csv.basis": "结论依据",
};

const TABLE: Record<Lang, Record<MessageKey, string>> = { en, zh };

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return TABLE[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Whether the table has a message under `key` (e.g. a reason code's `reason.<code>`). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** zh when the locale says Chinese (LC_ALL, LC_MESSAGES, LANG), en otherwise. */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^zh/i.test(locale) ? "zh" : "en";
}

/**
 * A result's reason in words, from its code and parameters: the engine gives data, and JSON (English), the
 * table and the reports (the chosen language) all say it from here.
 */
export function reasonText(lang: Lang, code: string, params: Record<string, string | number> = {}): string {
  if (code === "insufficient") {
    const months = params.months ? t(lang, "reason.shortMonths", { months: params.months }) : "";
    const key = params.window === "part" ? "reason.insufficientWindow" : "reason.insufficient";
    return t(lang, key, { ...params, months });
  }
  // A definite verdict's status is said in the reader's language.
  if (code === "bounds-agree" && typeof params.status === "string" && isMessageKey(`status.${params.status}`))
    return t(lang, "reason.bounds-agree", {
      ...params,
      status: t(lang, `status.${params.status}` as MessageKey),
    });
  if (code === "insufficient-samplings") return t(lang, "reason.samplings", params);
  // Ledger reasons that share a code with another family's, told apart by what they carry.
  if (code === "no-baseline" && params.indicator !== undefined)
    return t(lang, "reason.no-baseline-figure", params);
  if (code === "in-progress" && params.required !== undefined) {
    const outlook = `outlook.${params.outlook ?? ""}`;
    return t(lang, "reason.task-in-progress", {
      ...params,
      outlook: isMessageKey(outlook) ? t(lang, outlook) : String(params.outlook ?? ""),
    });
  }
  if (code === "target-figure")
    return t(lang, "reason.target-figure", {
      ...params,
      unit: params.kind === "points" ? t(lang, "unit.points") : "%",
    });
  if (code === "no-sections" && typeof params.whatKey === "string") {
    const whatKey = `water.${params.whatKey}`;
    return t(lang, "reason.no-sections", { what: isMessageKey(whatKey) ? t(lang, whatKey) : params.whatKey });
  }
  const key = `reason.${code}`;
  return isMessageKey(key) ? t(lang, key, params) : code;
}
