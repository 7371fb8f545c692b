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
