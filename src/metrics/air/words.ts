// Method lines several air metrics share: the HJ 663-2013 day counts, the GB/T 8170 rounding, the data needed.
import type { Lang } from "../../i18n.js";
import { resolvedStandards } from "../../targets/standards.js";
import { inLang, type DescribeContext } from "../metric.js";

export function annualCaptureLine(plan: DescribeContext, lang: Lang): string {
  const s = resolvedStandards(plan.plan);
  return inLang(
    lang,
    `${s.assessment}：全年不少于 324 个有效日、每月不少于 27 个（2月 25 个）`,
    `${s.assessment}: >= 324 valid days a year and >= 27 a month (25 in February)`,
  );
}

/** Concentration statistics: what hy-check says when HJ 663-2013's counts fall short (src/engine/basis.ts). */
export function indicativeLine(lang: Lang): string {
  return inLang(
    lang,
    "天数不足但有效天数不少于四分之三、且每月均有数据：参考性结论（标 *）；否则数据不足（--capture strict：一律数据不足）",
    "short of them, but >= 3/4 of the days valid and no month without data: an indicative verdict (marked *); else no data (--capture strict: no data)",
  );
}

/**
 * Counts and rates over valid days: HJ 663-2013's day counts make them official, but a short month does
 * not silence them (src/engine/basis.ts).
 */
export function dayRatioCaptureLines(plan: DescribeContext, lang: Lang): string[] {
  const s = resolvedStandards(plan.plan);
  return [
    inLang(
      lang,
      `${s.assessment}：按有效天计的天数与比例，全年不少于 324 个有效日、每月不少于 27 个（2月 25 个）时为正式结论；月有效天数不足不使其成为数据不足，报告其获取率（有效天数/时段天数）`,
      `${s.assessment}: a count or ratio over valid days; official with >= 324 valid days a year and >= 27 a month (25 in February); a short month does not gate it: its capture (valid days / days of the window) is reported`,
    ),
    inLang(
      lang,
      "缺失日全部按优良（或全部按非优良）计算的两个界限结论相同：确定结论；否则有效天数不少于四分之三：参考性结论（标 *）；否则数据不足",
      "every missing day counted good, then not good: when both bounds give the same status the verdict is definite; else >= 3/4 of the days valid: indicative (marked *); else no data",
    ),
  ];
}

export function roundingLine(lang: Lang): string {
  return inLang(
    lang,
    "GB/T 8170-2008 数值修约（四舍六入五成双），只修约一次；按修约后的值判定",
    "GB/T 8170-2008 rounding (half to even), once; compared on the reported value",
  );
}

/** The data an air target needs: daily or hourly values of its area, its areas, or each group. */
export function airDataNeeded(plan: DescribeContext, lang: Lang): string {
  const { area, areaKind, each } = plan.scope;
  const scope =
    area ??
    (areaKind === "county"
      ? inLang(lang, "各县市", "each county")
      : each
        ? inLang(
            lang,
            `每个${{ city: "城市", county: "区县", station: "站点" }[each]}（城市/区县/站点列）`,
            `each ${each} in the data (a ${each} column)`,
          )
        : "");
  return inLang(lang, `空气质量日数据或小时数据：${scope}`, `air quality, daily or hourly: ${scope}`);
}

export function aqiLine(plan: DescribeContext, lang: Lang): string {
  const { aqi } = resolvedStandards(plan.plan);
  return inLang(
    lang,
    `${aqi}：日 AQI = 各项 IAQI 最大值（向上取整）；优良天 = AQI <= 100`,
    `${aqi}: daily AQI = max IAQI (rounded up); good day = AQI <= 100`,
  );
}
