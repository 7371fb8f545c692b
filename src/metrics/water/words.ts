// Method lines the water metrics share: GB 3838-2002 single-factor assessment and the 2011 method.
import type { Lang } from "../../i18n.js";
import { inLang } from "../metric.js";
import { roundingLine } from "../air/words.js";

export function waterMethod(lang: Lang): string[] {
  return [
    inLang(
      lang,
      "GB 3838-2002 表1（表2 用于饮用水水源地）；单因子评价，取最差类别",
      "GB 3838-2002 Table 1 (Table 2 for drinking-water sources); single-factor: the worst class",
    ),
    inLang(
      lang,
      "地表水环境质量评价办法（试行）2011：不评价水温、总氮、粪大肠菌群；年均值 = 各次监测算术平均",
      "Assessment method 2011: water temperature, TN and fecal coliform not assessed; annual mean of the samplings",
    ),
    roundingLine(lang),
  ];
}

export function waterDataNeeded(years: readonly number[], lang: Lang, samplings: boolean): string {
  return samplings
    ? inLang(
        lang,
        `地表水断面监测数据（${years.join("年和")}年，每断面至少 8 次）`,
        `surface-water monitoring (${years.join(" and ")}, >= 8 samplings per section)`,
      )
    : inLang(
        lang,
        `地表水断面监测数据（${years.join("年和")}年）`,
        `surface-water monitoring (${years.join(" and ")})`,
      );
}
